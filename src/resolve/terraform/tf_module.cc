// ModuleInstance: declarations, name resolution, variables, locals, outputs and module calls.
// Node building (count/for_each instances, dynamic blocks) is in tf_module_build.cc.
#include "resolve/terraform/tf_module.h"

#include "resolve/terraform/tf_module_parts.h"
#include "resolve/terraform/tf_values.h"

namespace clearance::tf {

ModuleInstance::ModuleInstance(Context& ctx, ModuleDir& dir, std::string address,
                               std::vector<Location> chain, ModuleInstance* parent,
                               const Node* call, const Document* call_doc, InstanceRef call_ref)
    : ctx_(ctx),
      dir_(dir),
      address_(std::move(address)),
      chain_(std::move(chain)),
      parent_(parent),
      call_(call),
      call_doc_(call_doc),
      call_ref_(call_ref),
      ev_(this) {
  declare();
  if (!parent_) {
    // Precedence, lowest first: environment, terraform.tfvars, *.auto.tfvars, --var-file, --var.
    for (const auto& [k, v] : ctx_.env_inputs) root_inputs_[k] = v;
    for (const Document* d : dir_.tfvars)
      for (const auto& a : d->root.attributes) root_inputs_[a.name] = eval_in(a.value, d, {});
    for (const auto& [k, v] : ctx_.cli_inputs) root_inputs_[k] = v;
  }
}

ModuleInstance::~ModuleInstance() = default;

void ModuleInstance::declare() {
  for (const Document* doc : dir_.docs) {
    for (const Node& n : doc->root.children) {
      if (n.kind == "variable") {
        variables_.emplace(n.name, std::make_pair(&n, doc));
      } else if (n.kind == "locals") {
        for (const auto& a : n.attributes) {
          auto l = std::make_unique<Local>();
          l->attr = &a;
          l->doc = doc;
          locals_.emplace(a.name, std::move(l));
        }
      } else if (n.kind == "resource" || n.kind == "data") {
        auto r = std::make_unique<Resource>();
        r->node = &n;
        r->doc = doc;
        r->data = n.kind == "data";
        resources_.emplace((r->data ? "data." : "") + n.type + "." + n.name, std::move(r));
      } else if (n.kind == "module") {
        auto c = std::make_unique<CallSite>();
        c->node = &n;
        c->doc = doc;
        calls_.emplace(n.name, std::move(c));
      } else if (n.kind == "output") {
        if (const Attribute* v = n.attribute("value")) {
          auto o = std::make_unique<Output>();
          o->attr = v;
          o->doc = doc;
          outputs_.emplace(n.name, std::move(o));
        }
      }
    }
  }
}

Value ModuleInstance::eval_in(const Value& v, const Document* doc, InstanceRef ref,
                              const std::vector<Evaluator::Binding>* scope) {
  if (!v.is_unknown() || !v.expression()) return v;
  return eval_expr(*v.expression(), doc, ref, scope);
}

Value ModuleInstance::eval_expr(const Expression& e, const Document* doc, InstanceRef ref,
                                const std::vector<Evaluator::Binding>* scope) {
  if (ctx_.depth > 48) return Value::unknown(e.text, e.range);  // runaway references
  ++ctx_.depth;
  const Document* saved_doc = cur_doc_;
  InstanceRef saved_ref = cur_ref_;
  auto saved_bindings = ev_.take_bindings();
  int saved_errors = ev_.errors();
  cur_doc_ = doc;
  cur_ref_ = ref;
  if (scope)
    for (const auto& b : *scope) ev_.push(b);
  Value out = ev_.eval(e);
  ev_.restore_bindings(std::move(saved_bindings));
  ev_.set_errors(saved_errors);
  cur_doc_ = saved_doc;
  cur_ref_ = saved_ref;
  --ctx_.depth;
  return out;
}

Resolved ModuleInstance::resolve(std::string_view root, const std::vector<Step>& steps, Range at,
                                 Evaluator&) {
  auto name = [&](size_t i) -> const std::string* {
    return i < steps.size() && steps[i].is_attr ? &steps[i].name : nullptr;
  };
  Resolved out;
  out.consumed = 1;
  const std::string* n0 = name(0);
  if (root == "var" || root == "local") {
    if (!n0) return {Value(), {}, false, 0, true};
    out.text = std::string(root) + "." + *n0;
    out.value = root == "var" ? variable(*n0, at) : local(*n0, at);
    out.error = out.value.is_unknown() && out.value.as_string() == "(undeclared)";
    if (out.error) out.value = Value::unknown(out.text, at);
    return out;
  }
  if (root == "count" || root == "each") {
    if (!n0) return {Value(), {}, false, 0, true};
    out.text = std::string(root) + "." + *n0;
    bool is_count = root == "count";
    if (cur_ref_.mode == Expansion::Mode::Unknown) {
      out.value = Value::unknown(out.text, at);
    } else if (is_count && cur_ref_.mode == Expansion::Mode::Count && *n0 == "index" &&
               cur_ref_.key) {
      out.value = *cur_ref_.key;
    } else if (!is_count && cur_ref_.mode == Expansion::Mode::ForEach && cur_ref_.key &&
               (*n0 == "key" || *n0 == "value")) {
      out.value = *n0 == "key" ? *cur_ref_.key : *cur_ref_.value;
      relocate(out.value, at);
    } else {
      out.error = true;
    }
    return out;
  }
  if (root == "path") {
    if (!n0) return {Value(), {}, false, 0, true};
    out.text = "path." + *n0;
    if (*n0 == "module")
      out.value = Value::string(".", at);
    else if (*n0 == "root" || *n0 == "cwd")
      out.value = Value::string(path_to_root(), at);
    else
      out.error = true;
    return out;
  }
  if (root == "terraform") {
    out.text = "terraform.workspace";
    if (n0 && *n0 == "workspace")
      out.value = Value::string("default", at);
    else
      out.value = Value::unknown(out.text, at);
    return out;
  }
  if (root == "self") return {Value::unknown("self", at), "self", true, 0, false};
  if (root == "data") {
    const std::string* n1 = name(1);
    if (!n0 || !n1) return {Value(), {}, false, 0, true};
    out.text = "data." + *n0 + "." + *n1;
    out.value = Value::unknown(out.text, at);  // data sources are read at plan time
    out.open = true;
    out.consumed = 2;
    return out;
  }
  if (root == "module") {
    if (!n0) return {Value(), {}, false, 0, true};
    auto it = calls_.find(*n0);
    if (it == calls_.end()) {
      out.error = true;
      return out;
    }
    return module_call(*it->second, steps, at);
  }
  if (!n0) return {Value(), {}, false, 0, true};
  auto it = resources_.find(std::string(root) + "." + *n0);
  if (it == resources_.end()) {
    // A resource of a file that is not part of the scan: computed, whatever it is.
    out.text = std::string(root) + "." + *n0;
    out.value = Value::unknown(out.text, at);
    out.open = true;
    return out;
  }
  return resource(*it->second, at);
}

std::string ModuleInstance::path_to_root() const {
  std::string out;
  const ModuleInstance* m = this;
  while (m->parent_) m = m->parent_;
  // From this module's directory back up to the root module's.
  std::string from = dir_.dir, to = m->dir_.dir;
  if (from == to) return ".";
  size_t common = 0;
  while (common < from.size() && common < to.size() && from[common] == to[common]) ++common;
  if (common < from.size() && common > 0 && from[common - 1] != '/')
    common = from.rfind('/', common) + 1;
  std::string rest = from.substr(std::min(common, from.size()));
  for (char c : rest + "/")
    if (c == '/') out += out.empty() ? ".." : "/..";
  std::string down = to.substr(std::min(common, to.size()));
  if (!down.empty()) out += "/" + down;
  return out.empty() ? "." : out;
}

bool ModuleInstance::read_file(const std::string& path, std::string& out, std::string& shown,
                               std::string& why) {
  auto rel = join_path(dir_.dir, path, ctx_.ws.root);
  if (!rel) {
    why = "outside the scan root";
  } else if (ctx_.read(*rel, out, why)) {
    shown = *rel;
    return true;
  }
  Location at{cur_doc_ ? cur_doc_->path : std::string(), {}};
  ctx_.diag(Diagnostic::Level::Note,
            "file \"" + path + "\" not read (" + why + "): values read from it are unknown", at);
  return false;
}

bool ModuleInstance::charge(size_t weight, Range at) {
  if (weight <= ctx_.evaluation_budget) {
    ctx_.evaluation_budget -= weight;
    return true;
  }
  ctx_.evaluation_budget = 0;
  if (!ctx_.budget_noted) {
    ctx_.budget_noted = true;
    note_limit("Terraform evaluation budget spent (1 GiB of values built in this scan): "
               "later values are treated as unknown", at);
  }
  return false;
}

void ModuleInstance::note_limit(const std::string& message, Range at) {
  ctx_.diag(Diagnostic::Level::Warning, message, {cur_doc_ ? cur_doc_->path : std::string(), at});
}

Value ModuleInstance::variable(const std::string& name, Range at) {
  auto memo = variable_memo_.find(name);
  if (memo == variable_memo_.end()) {
    auto decl = variables_.find(name);
    if (decl == variables_.end()) return Value::unknown("(undeclared)", at);
    const auto& [node, doc] = decl->second;
    std::optional<Value> v;
    if (parent_ && call_) {
      if (const Attribute* input = call_->attribute(name)) {
        v = parent_->eval_in(input->value, call_doc_, call_ref_);
        // What the caller's value depends on is named from the root module down.
        if (!parent_->address_.empty()) requalify(*v, parent_->address_);
      }
    } else if (auto in = root_inputs_.find(name); in != root_inputs_.end()) {
      v = in->second;
    }
    if ((!v || v->is_null()) && node->attribute("default")) {
      const Attribute* nullable = node->attribute("nullable");
      bool keep_null = v && !(nullable && nullable->value.is_bool() && !nullable->value.as_bool());
      if (!keep_null) v = eval_in(node->attribute("default")->value, doc, {});
    }
    if (!v) v = Value::unknown("var." + name, at);
    memo = variable_memo_.emplace(name, convert_to_type(std::move(*v), *node)).first;
  }
  Value out = memo->second;
  relocate(out, at);  // an input is reported where it is used
  return out;
}

Value ModuleInstance::local(const std::string& name, Range at) {
  auto it = locals_.find(name);
  if (it == locals_.end()) return Value::unknown("(undeclared)", at);
  Local& l = *it->second;
  if (l.state == 1) {
    std::string cycle;
    for (const auto& s : local_stack_) cycle += "local." + s + " -> ";
    ctx_.diag(Diagnostic::Level::Error, "cycle between local values: " + cycle + "local." + name,
              {l.doc->path, l.attr->range});
    return Value::unknown("local." + name, at);
  }
  if (l.state == 0) {
    l.state = 1;
    local_stack_.push_back(name);
    l.value = eval_in(l.attr->value, l.doc, {});
    local_stack_.pop_back();
    l.state = 2;
  }
  Value out = l.value;
  if (l.doc != cur_doc_)
    relocate(out, at);
  else
    out.set_range(at);
  return out;
}

Value ModuleInstance::output(const std::string& name, Range at) {
  auto it = outputs_.find(name);
  if (it == outputs_.end()) return Value::unknown("(undeclared)", at);
  Output& o = *it->second;
  if (o.state == 1) return Value::unknown("output." + name, at);
  if (o.state == 0) {
    o.state = 1;
    o.value = eval_in(o.attr->value, o.doc, {});
    o.state = 2;
  }
  return o.value;
}

Resolved ModuleInstance::module_call(CallSite& c, const std::vector<Step>& steps, Range at) {
  Resolved out;
  out.text = "module." + c.node->name;
  out.consumed = 1;
  out.open = true;
  out.member_texts = true;
  if (c.children.empty() || c.exp.mode == Expansion::Mode::Unknown) {
    out.value = Value::unknown(out.text, at);
    return out;
  }
  auto outputs_of = [&](ModuleInstance& child, const std::string& prefix, const std::string* only) {
    std::vector<Member> members;
    for (const auto& [name, o] : child.outputs_) {
      if (only && name != *only) continue;
      Value v = child.output(name, at);
      requalify(v, prefix);
      relocate(v, at);
      members.push_back({name, std::move(v), at});
    }
    return Value::object(std::move(members), at);
  };
  const std::string* next = steps.size() > 1 && steps[1].is_attr ? &steps[1].name : nullptr;
  if (c.exp.mode == Expansion::Mode::Single) {
    ModuleInstance& child = *c.children.front();
    if (next && !child.outputs_.count(*next)) return {Value(), {}, false, 0, true};
    out.value = outputs_of(child, out.text, next);
    return out;
  }
  std::vector<Value> items;
  std::vector<Member> members;
  for (size_t i = 0; i < c.children.size(); ++i) {
    std::string prefix = out.text + key_text(c.exp.keys[i]);
    Value obj = outputs_of(*c.children[i], prefix, nullptr);
    if (c.exp.mode == Expansion::Mode::Count)
      items.push_back(std::move(obj));
    else
      members.push_back({c.exp.keys[i].as_string(), std::move(obj), at});
  }
  out.value = c.exp.mode == Expansion::Mode::Count ? Value::list(std::move(items), at)
                                                   : Value::object(std::move(members), at);
  return out;
}

}  // namespace clearance::tf
