// Expression evaluation. Every case keeps Terraform's rules: `==` compares types strictly,
// arithmetic converts numeric strings, conditionals evaluate only the branch taken, for
// expressions iterate objects in key order, a template's lone interpolation keeps its type.
#include "resolve/terraform/tf_eval.h"

#include <cmath>

#include "resolve/terraform/tf_eval_depth.h"
#include "resolve/terraform/tf_functions.h"
#include "resolve/terraform/tf_values.h"

namespace clearance::tf {

namespace {

using Kind = Expression::Kind;

bool is_traversal(const Expression& e) {
  return e.kind == Kind::Reference || e.kind == Kind::GetAttr || e.kind == Kind::Index ||
         (e.kind == Kind::Other && e.op == "*");
}

}  // namespace

Value Evaluator::error(const Expression& e) {
  ++errors_;
  return Value::unknown(e.text, e.range);
}

const Evaluator::Binding* Evaluator::bound(std::string_view name) const {
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it)
    if (it->name == name) return &*it;
  return nullptr;
}

Value Evaluator::unknown_of(const Expression& e,
                            const std::vector<std::pair<const Expression*, const Value*>>& parts) {
  std::string text = e.text;
  size_t from = 0;
  for (const auto& [sub, v] : parts) {
    if (!v->is_unknown() || sub->text.empty() || v->as_string() == sub->text) continue;
    size_t at = text.find(sub->text, from);
    if (at == std::string::npos) continue;
    text.replace(at, sub->text.size(), v->as_string());
    from = at + v->as_string().size();
  }
  return Value::unknown(std::move(text), e.range);
}

Value Evaluator::eval_value(const Value& v) {
  if (!v.is_unknown() || !v.expression()) return v;
  return eval(*v.expression());
}

namespace {

/// The memory `v` holds, in bytes (text plus each element's own size), counted up to `limit`
/// only, so weighing never costs more than the limit.
size_t weight(const Value& v, size_t limit) {
  size_t w = sizeof(Value) + v.as_string().size();
  for (const auto& item : v.items()) {
    if (w > limit) return w;
    w += weight(item, limit - w);
  }
  for (const auto& m : v.members()) {
    if (w > limit) return w;
    w += m.key.size() + sizeof(Member) - sizeof(Value) + weight(m.value, limit - w);
  }
  return w;
}

}  // namespace

/// An Unknown's text names what it depends on; past this length it is cut to the expression.
constexpr size_t kMaxUnknownText = 64u << 10;

Value Evaluator::within_budget(const Expression& e, Value v) {
  if (v.is_unknown()) {
    if (v.as_string().size() <= kMaxUnknownText) return v;
    return Value::unknown(e.text.substr(0, 200), e.range);
  }
  size_t w = weight(v, kMaxValueWeight);
  if (w > kMaxValueWeight) {
    if (env_) env_->note_limit("value larger than 16 MiB: not evaluated, treated as unknown", e.range);
    return Value::unknown(e.text.substr(0, 200), e.range);
  }
  if (env_ && !env_->charge(w, e.range)) return Value::unknown(e.text.substr(0, 200), e.range);
  return v;
}

Value Evaluator::eval(const Expression& e) {
  if (depth_ > kMaxDepth) return error(e);
  DepthGuard guard(depth_);
  if (e.kind == Kind::Literal) {
    Value v = e.literal;
    if (!v.range().begin.line) v.set_range(e.range);
    return v;
  }
  return within_budget(e, eval_kind(e));
}

Value Evaluator::eval_kind(const Expression& e) {
  switch (e.kind) {
    case Kind::Literal: return e.literal;
    case Kind::Reference:
    case Kind::GetAttr:
    case Kind::Index: return traversal(e);
    case Kind::Splat: return splat(e);
    case Kind::Call: return call(e);
    case Kind::Template: return template_string(e);
    case Kind::TemplateIf:
    case Kind::TemplateFor: {
      std::string out;
      bool unknown = false;
      if (!render(e, out, unknown)) return error(e);
      return unknown ? Value::unknown(e.text, e.range) : Value::string(std::move(out), e.range);
    }
    case Kind::Tuple: {
      std::vector<Value> items;
      items.reserve(e.children.size());
      for (const auto& c : e.children) items.push_back(eval(c));
      return Value::list(std::move(items), e.range);
    }
    case Kind::Object: return object(e);
    case Kind::Unary: return unary(e);
    case Kind::Binary: return binary(e);
    case Kind::Conditional: return conditional(e);
    case Kind::ForTuple:
    case Kind::ForObject: return for_expr(e);
    case Kind::Other:
      if (e.op == "*") return traversal(e);
      return Value::unknown(e.text, e.range);
  }
  return Value::unknown(e.text, e.range);
}

Resolved Evaluator::reference(const Expression& e) {
  std::vector<const Expression*> chain;  // outermost step first
  const Expression* cur = &e;
  while ((cur->kind == Kind::GetAttr || cur->kind == Kind::Index) && !cur->children.empty()) {
    chain.push_back(cur);
    cur = &cur->children[0];
  }
  std::vector<Step> steps;
  steps.reserve(chain.size());
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Expression& s = **it;
    if (s.kind == Kind::GetAttr) {
      steps.push_back({true, s.op, {}});
    } else {
      if (s.children.size() < 2) return {error(e), e.text};
      steps.push_back({false, {}, eval(s.children[1])});
    }
  }
  Resolved r;
  if (cur->kind == Kind::Reference || (cur->kind == Kind::Other && cur->op == "*")) {
    if (const Binding* b = bound(cur->op)) {
      r.value = b->value;
      r.text = b->text;
      r.open = b->open;
    } else if (sealed_ || !env_ || cur->kind == Kind::Other) {
      return {error(e), e.text};
    } else {
      r = env_->resolve(cur->op, steps, e.range, *this);
      if (r.error) return {error(e), e.text};
      // An unknown input or local keeps the text of what it depends on.
      if (r.value.is_unknown()) r.text = r.value.as_string();
    }
  } else if (cur->kind == Kind::Reference || cur->kind == Kind::GetAttr ||
             cur->kind == Kind::Index) {
    return {error(e), e.text};
  } else {
    r.value = eval(*cur);
    r.text = cur->text;
  }
  for (size_t i = r.consumed; i < steps.size(); ++i) {
    const Step& s = steps[i];
    std::string step_text = s.is_attr ? "." + s.name : key_text(s.key);
    Value& v = r.value;
    if (v.is_unknown()) {
      r.text += step_text;
      continue;
    }
    const Value* next = nullptr;
    if (s.is_attr) {
      if (v.is_object()) next = v.get(s.name);
      if (!next && !(r.open && v.is_object())) {
        r.value = error(e);
        r.text = e.text;
        return r;
      }
    } else if (s.key.is_unknown()) {
      r.text += step_text;
      r.value = Value::unknown(r.text, e.range);
      continue;
    } else if (v.is_list()) {
      auto n = as_number(s.key);
      if (n && *n >= 0 && *n == std::floor(*n) && *n < static_cast<double>(v.items().size()))
        next = &v.items()[static_cast<size_t>(*n)];
    } else if (v.is_object()) {
      if (auto k = as_text(s.key)) next = v.get(*k);
    }
    r.text += step_text;
    if (!next && r.open && v.is_object()) {
      r.value = Value::unknown(r.text, e.range);
      continue;
    }
    if (!next) {
      r.value = error(e);
      r.text = e.text;
      return r;
    }
    Value copy = *next;
    r.value = std::move(copy);
    if (r.member_texts && r.value.is_unknown()) r.text = r.value.as_string();
    if (s.is_attr) r.member_texts = false;
    // An index into a resource's instances is still a resource; an attribute of it is data.
    if (s.is_attr) r.open = false;
  }
  if (r.value.is_unknown()) r.value = Value::unknown(r.text.empty() ? e.text : r.text, e.range);
  return r;
}

Value Evaluator::traversal(const Expression& e) {
  return reference(e).value;
}

Value Evaluator::splat(const Expression& e) {
  if (e.children.empty()) return error(e);
  const Expression& base_e = e.children[0];
  Resolved base;
  if (is_traversal(base_e))
    base = reference(base_e);
  else
    base = {eval(base_e), base_e.text};
  if (base.value.is_unknown()) return Value::unknown(e.text, e.range);
  std::vector<Value> items;
  if (base.value.is_list())
    items = base.value.items();
  else if (!base.value.is_null())
    items.push_back(base.value);
  bool single = !base.value.is_list();
  for (size_t i = 0; i < items.size(); ++i) {
    if (e.children.size() < 2) continue;
    std::string text = single ? base.text : base.text + "[" + std::to_string(i) + "]";
    push({"*", std::move(items[i]), std::move(text), base.open});
    items[i] = eval(e.children[1]);
    pop();
  }
  return Value::list(std::move(items), e.range);
}

Value Evaluator::call(const Expression& e) {
  if (e.op == "try") {
    for (const auto& arg : e.children) {
      int before = errors_;
      Value v = eval(arg);
      if (errors_ > before) {
        errors_ = before;
        continue;
      }
      return v;
    }
    return error(e);
  }
  if (e.op == "can") {
    if (e.children.size() != 1) return error(e);
    int before = errors_;
    Value v = eval(e.children[0]);
    if (errors_ > before) {
      errors_ = before;
      return Value::boolean(false, e.range);
    }
    if (v.is_unknown()) return Value::unknown(e.text, e.range);
    return Value::boolean(true, e.range);
  }
  Function fn = find_function(e.op);
  if (!fn) return Value::unknown(e.text, e.range);  // a function we do not know: not an error
  std::vector<Value> args;
  args.reserve(e.children.size());
  std::vector<std::pair<const Expression*, const Value*>> parts;
  for (const auto& arg : e.children) args.push_back(eval(arg));
  if (e.expand_final && !args.empty()) {
    Value last = std::move(args.back());
    args.pop_back();
    if (last.is_unknown()) return Value::unknown(e.text, e.range);
    if (!last.is_list()) return error(e);
    for (auto& item : last.items()) args.push_back(std::move(item));
  }
  if (!accepts_unknown(e.op)) {
    for (size_t i = 0; i < args.size() && i < e.children.size(); ++i)
      parts.emplace_back(&e.children[i], &args[i]);
    for (const auto& a : args)
      if (a.is_unknown()) return unknown_of(e, parts);
  }
  Call c{args, *this, e};
  Value out = fn(c);
  if (!out.range().begin.line) out.set_range(e.range);
  return out;
}

}  // namespace clearance::tf
