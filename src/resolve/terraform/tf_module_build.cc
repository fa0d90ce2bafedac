// ModuleInstance: resources and their count/for_each expansion, module call instantiation,
// and building the evaluated nodes of a document (one node per instance, dynamic blocks
// expanded, attribute values replaced where they are known).
#include <algorithm>

#include "resolve/terraform/tf_module.h"
#include "resolve/terraform/tf_module_parts.h"
#include "resolve/terraform/tf_values.h"

namespace clearance::tf {

namespace {

constexpr size_t kMaxInstances = 1000;  // beyond this, an expansion is treated as unknown
constexpr size_t kMaxModuleDepth = 16;
constexpr size_t kMaxScanInstances = 10000;  // module instances in one scan, all calls together

bool is_meta(const std::string& name) {
  return name == "count" || name == "for_each" || name == "depends_on" || name == "provider" ||
         name == "providers" || name == "source" || name == "version";
}

size_t instance_count(const Expansion& e) {
  return e.mode == Expansion::Mode::Count || e.mode == Expansion::Mode::ForEach ? e.keys.size() : 1;
}

bool is_local_source(const std::string& s) {
  return s.rfind("./", 0) == 0 || s.rfind("../", 0) == 0;
}

}  // namespace

Expansion ModuleInstance::expand(const Node& n, const Document& doc) {
  Expansion out;
  const Attribute* count = n.attribute("count");
  const Attribute* for_each = n.attribute("for_each");
  if (!count && !for_each) return out;
  out.mode = Expansion::Mode::Unknown;
  if (count) {
    Value v = eval_in(count->value, &doc, {});
    auto num = v.is_unknown() ? std::nullopt : as_number(v);
    if (!num || *num < 0 || *num > static_cast<double>(kMaxInstances)) return out;
    out.mode = Expansion::Mode::Count;
    for (size_t i = 0; i < static_cast<size_t>(*num); ++i)
      out.keys.push_back(Value::number(static_cast<double>(i)));
    return out;
  }
  Value v = eval_in(for_each->value, &doc, {});
  if (v.is_list()) {
    for (const auto& item : v.items()) {
      if (!item.is_string()) return out;  // a set of strings, or unknown
      if (std::none_of(out.keys.begin(), out.keys.end(),
                       [&](const Value& k) { return k.as_string() == item.as_string(); }))
        out.keys.push_back(Value::string(item.as_string()));
    }
    std::sort(out.keys.begin(), out.keys.end(),
              [](const Value& a, const Value& b) { return a.as_string() < b.as_string(); });
    out.values = out.keys;
  } else if (v.is_object()) {
    for (size_t i : sorted_members(v)) {
      out.keys.push_back(Value::string(v.members()[i].key));
      out.values.push_back(v.members()[i].value);
    }
  } else {
    return out;
  }
  if (out.keys.size() > kMaxInstances) {
    out.keys.clear();
    out.values.clear();
    return out;
  }
  out.mode = Expansion::Mode::ForEach;
  return out;
}

const Expansion& ModuleInstance::expansion(Resource& r) {
  if (r.expansion_state == 0) {
    r.expansion_state = 1;
    r.exp = expand(*r.node, *r.doc);
    r.expansion_state = 2;
  } else if (r.expansion_state == 1) {
    static const Expansion kUnknown{Expansion::Mode::Unknown, {}, {}};
    return kUnknown;  // count depending on itself
  }
  return r.exp;
}

InstanceRef ModuleInstance::ref_of(Resource& r, size_t i) {
  const Expansion& e = expansion(r);
  InstanceRef ref{e.mode, nullptr, nullptr};
  if (i < e.keys.size()) ref.key = &e.keys[i];
  if (i < e.values.size()) ref.value = &e.values[i];
  return ref;
}

std::string ModuleInstance::instance_name(Resource& r, size_t i) {
  const Expansion& e = expansion(r);
  return i < e.keys.size() ? r.node->name + key_text(e.keys[i]) : r.node->name;
}

Value ModuleInstance::resource_attribute(Resource& r, size_t i, size_t attr) {
  size_t n = instance_count(expansion(r));
  if (r.memo.size() < n) {
    r.memo.resize(n);
    r.state.resize(n);
  }
  const Attribute& a = r.node->attributes[attr];
  if (r.memo[i].empty()) {
    r.memo[i].resize(r.node->attributes.size());
    r.state[i].assign(r.node->attributes.size(), 0);
  }
  if (r.state[i][attr] == 1)
    return Value::unknown(r.node->type + "." + instance_name(r, i) + "." + a.name, a.range);
  if (r.state[i][attr] == 0) {
    r.state[i][attr] = 1;
    std::string saved = std::exchange(origin_, std::string());
    Value v = eval_in(a.value, r.doc, ref_of(r, i));
    if (r.node->type == "aws_ecs_task_definition" && a.name == "container_definitions" &&
        !origin_.empty() && v.is_string())
      ctx_.origins.push_back({r.doc->path, address_, r.node->type + "." + instance_name(r, i),
                              origin_, v.as_string()});
    origin_ = std::move(saved);
    r.memo[i][attr] = std::move(v);
    r.state[i][attr] = 2;
  }
  return r.memo[i][attr];
}

Value ModuleInstance::instance_object(Resource& r, size_t i) {
  std::vector<Member> members;
  for (size_t a = 0; a < r.node->attributes.size(); ++a) {
    const Attribute& attr = r.node->attributes[a];
    if (is_meta(attr.name)) continue;
    members.push_back({attr.name, resource_attribute(r, i, a), attr.range});
  }
  return Value::object(std::move(members), r.node->range);
}

Resolved ModuleInstance::resource(Resource& r, Range at) {
  const Expansion& e = expansion(r);
  Resolved out;
  out.text = r.node->type + "." + r.node->name;
  out.open = true;
  out.consumed = 1;
  switch (e.mode) {
    case Expansion::Mode::Single: out.value = instance_object(r, 0); break;
    case Expansion::Mode::Unknown: out.value = Value::unknown(out.text, at); return out;
    case Expansion::Mode::Count: {
      std::vector<Value> items;
      for (size_t i = 0; i < e.keys.size(); ++i) items.push_back(instance_object(r, i));
      out.value = Value::list(std::move(items), at);
      break;
    }
    case Expansion::Mode::ForEach: {
      std::vector<Member> members;
      for (size_t i = 0; i < e.keys.size(); ++i)
        members.push_back({e.keys[i].as_string(), instance_object(r, i), at});
      out.value = Value::object(std::move(members), at);
      break;
    }
  }
  if (r.doc != cur_doc_) relocate(out.value, at);
  return out;
}

void ModuleInstance::instantiate_children() {
  for (auto& [name, c] : calls_) {
    const Attribute* src = c->node->attribute("source");
    Location at{c->doc->path, {c->node->range.begin, c->node->range.begin}};
    if (!src || !src->value.is_string()) {
      ctx_.diag(Diagnostic::Level::Note,
                "module \"" + name + "\" not scanned: its source is not a literal", at);
      continue;
    }
    const std::string& source = src->value.as_string();
    if (!is_local_source(source)) {
      ctx_.diag(Diagnostic::Level::Note,
                "module \"" + name + "\" not scanned: remote source " + source, at);
      continue;
    }
    auto target = join_path(dir_.dir, source, ctx_.ws.root);
    auto dir = target ? ctx_.dirs.find(*target) : ctx_.dirs.end();
    if (dir == ctx_.dirs.end()) {
      ctx_.diag(Diagnostic::Level::Note,
                "module \"" + name + "\" not scanned: no Terraform files at " + source +
                    (target ? std::string() : " (outside the scan root)"),
                at);
      continue;
    }
    bool cycle = false;
    for (ModuleInstance* m = this; m && !cycle; m = m->parent_)
      cycle = m->dir_.dir == dir->second.dir;
    if (cycle || chain_.size() >= kMaxModuleDepth) {
      ctx_.diag(Diagnostic::Level::Error,
                "module \"" + name + "\" not instantiated: " +
                    (cycle ? "it calls itself (" + source + ")" : "modules nest too deep"),
                at);
      continue;
    }
    c->exp = expand(*c->node, *c->doc);
    std::vector<Location> chain = chain_;
    chain.push_back(at);
    for (size_t i = 0; i < instance_count(c->exp); ++i) {
      if (ctx_.module_instances >= kMaxScanInstances) {
        ctx_.diag(Diagnostic::Level::Warning,
                  "module \"" + name + "\" not instantiated: the scan reached " +
                      std::to_string(kMaxScanInstances) + " module instances",
                  at);
        break;
      }
      ++ctx_.module_instances;
      InstanceRef ref{c->exp.mode, i < c->exp.keys.size() ? &c->exp.keys[i] : nullptr,
                      i < c->exp.values.size() ? &c->exp.values[i] : nullptr};
      std::string addr = (address_.empty() ? "" : address_ + ".") + "module." + name +
                         (i < c->exp.keys.size() ? key_text(c->exp.keys[i]) : "");
      auto child = std::make_unique<ModuleInstance>(ctx_, dir->second, addr, chain, this, c->node,
                                                    c->doc, ref);
      ++dir->second.instances;
      child->instantiate_children();
      c->children.push_back(std::move(child));
    }
  }
}

void ModuleInstance::collect(std::vector<ModuleInstance*>& out) {
  for (auto& [name, c] : calls_)
    for (auto& child : c->children) {
      out.push_back(child.get());
      child->collect(out);
    }
}

Node ModuleInstance::build(const Document& doc) {
  Node out;
  out.kind = doc.root.kind;
  out.type = doc.root.type;
  out.name = doc.root.name;
  out.range = doc.root.range;
  out.attributes = doc.root.attributes;
  out.children.reserve(doc.root.children.size());
  const Scope none;
  for (const Node& n : doc.root.children) {
    if (n.kind == "resource" || n.kind == "data") {
      auto it = resources_.find((n.kind == "data" ? "data." : "") + n.type + "." + n.name);
      if (it == resources_.end() || it->second->node != &n) {  // a duplicate declaration
        out.children.push_back(build_node(n, doc, {}, nullptr, none));
        continue;
      }
      Resource& r = *it->second;
      size_t count = instance_count(expansion(r));
      for (size_t i = 0; i < count; ++i) {
        std::vector<Value> values;
        for (size_t a = 0; a < n.attributes.size(); ++a)
          values.push_back(resource_attribute(r, i, a));
        Node b = build_node(n, doc, ref_of(r, i), &values, none);
        b.name = instance_name(r, i);
        out.children.push_back(std::move(b));
      }
    } else if (n.kind == "variable") {
      out.children.push_back(n);
    } else if (n.kind == "module") {
      auto it = calls_.find(n.name);
      InstanceRef ref{Expansion::Mode::Unknown, nullptr, nullptr};
      if (it != calls_.end() && it->second->exp.mode == Expansion::Mode::Single) ref = {};
      out.children.push_back(build_node(n, doc, ref, nullptr, none));
    } else {
      out.children.push_back(build_node(n, doc, {}, nullptr, none));
    }
  }
  return out;
}

Node ModuleInstance::build_node(const Node& n, const Document& doc, InstanceRef ref,
                                const std::vector<Value>* memo, const Scope& scope) {
  Node out;
  out.kind = n.kind;
  out.type = n.type;
  out.name = n.name;
  out.labels = n.labels;
  out.range = n.range;
  out.attributes.reserve(n.attributes.size());
  for (size_t i = 0; i < n.attributes.size(); ++i) {
    const Attribute& a = n.attributes[i];
    Value raw = memo && i < memo->size() ? (*memo)[i] : eval_in(a.value, &doc, ref, &scope);
    out.attributes.push_back({a.name, finish(a, std::move(raw), doc, ref, scope), a.range});
  }
  out.children.reserve(n.children.size());
  for (const Node& c : n.children) {
    if (c.kind == "dynamic")
      build_dynamic(c, doc, ref, scope, out.children);
    else
      out.children.push_back(build_node(c, doc, ref, nullptr, scope));
  }
  return out;
}

void ModuleInstance::build_dynamic(const Node& dyn, const Document& doc, InstanceRef ref,
                                   const Scope& scope, std::vector<Node>& out) {
  const Attribute* fe = dyn.attribute("for_each");
  const Node* content = dyn.child("content");
  if (!fe || !content) {
    out.push_back(build_node(dyn, doc, ref, nullptr, scope));
    return;
  }
  std::string it = dyn.type;
  if (const Attribute* ia = dyn.attribute("iterator")) {
    const Expression* e = ia->value.expression();
    if (e && e->kind == Expression::Kind::Reference)
      it = e->op;
    else if (ia->value.is_string())
      it = ia->value.as_string();
  }
  auto emit = [&](Value iterator) {
    Scope inner = scope;
    inner.push_back({it, std::move(iterator), it, false});
    Node b = build_node(*content, doc, ref, nullptr, inner);
    b.kind = "block";
    b.type = dyn.type;
    b.range = dyn.range;
    out.push_back(std::move(b));
  };
  Value coll = eval_in(fe->value, &doc, ref, &scope);
  auto pair = [&](Value k, const Value& v) {
    return Value::object({{"key", std::move(k), fe->range}, {"value", v, fe->range}},
                         fe->value.range());
  };
  if (coll.is_list()) {
    for (size_t i = 0; i < coll.items().size(); ++i)
      emit(pair(Value::number(static_cast<double>(i)), coll.items()[i]));
  } else if (coll.is_object()) {
    for (size_t i : sorted_members(coll))
      emit(pair(Value::string(coll.members()[i].key), coll.members()[i].value));
  } else if (!coll.is_null()) {
    emit(Value::unknown(it, fe->value.range()));  // one block standing for all of them
  }
}

Value ModuleInstance::finish(const Attribute& a, Value raw, const Document& doc, InstanceRef ref,
                             const Scope& scope) {
  const Value& original = a.value;
  if (!original.is_unknown() || !original.expression()) return original;
  const Expression& e = *original.expression();
  Range r = original.range();
  if (e.kind == Expression::Kind::Call && e.op == "jsonencode" && e.children.size() == 1 &&
      !e.expand_final) {
    // Keep jsonencode(<data>) with its data evaluated: rules and the ECS bridge read the data
    // with its own positions, which a JSON string would lose.
    Value arg = eval_expr(e.children[0], &doc, ref, &scope);
    if (arg.is_list() || arg.is_object()) {
      Expression call;
      call.kind = e.kind;
      call.op = e.op;
      call.text = e.text;
      call.range = e.range;
      Expression lit;
      lit.kind = Expression::Kind::Literal;
      lit.literal = std::move(arg);
      lit.text = e.children[0].text;
      lit.range = e.children[0].range;
      call.children.push_back(std::move(lit));
      Value u = Value::unknown(original.as_string(), r);
      u.set_expression(std::make_shared<const Expression>(std::move(call)));
      return u;
    }
  }
  if (raw.is_unknown()) {
    if (raw.as_string() == original.as_string()) return original;
    Value u = Value::unknown(raw.as_string(), r);
    u.set_expression(std::make_shared<const Expression>(e));
    return u;
  }
  if (a.name == "container_definitions" && raw.is_string() &&
      original.as_string().rfind("<<", 0) == 0) {
    // A heredoc made known: its JSON starts on the line after `<<EOF`.
    raw.set_range({{r.begin.line + 1, 0}, r.end});
    return raw;
  }
  raw.set_range(r);
  return raw;
}

}  // namespace clearance::tf
