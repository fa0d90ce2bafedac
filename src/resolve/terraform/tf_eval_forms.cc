// Expression forms beyond names and calls: templates (interpolation, %{if}, %{for}), object
// constructors, operators, conditionals and for expressions.
#include <cmath>

#include "resolve/terraform/tf_eval.h"
#include "resolve/terraform/tf_eval_depth.h"
#include "resolve/terraform/tf_values.h"

namespace clearance::tf {

using Kind = Expression::Kind;

Value Evaluator::template_string(const Expression& e) {
  if (e.children.size() == 1 && e.children[0].kind != Kind::Literal &&
      e.children[0].kind != Kind::TemplateIf && e.children[0].kind != Kind::TemplateFor) {
    Value v = eval(e.children[0]);  // "${x}" is x itself
    if (v.is_unknown()) return unknown_of(e, {{&e.children[0], &v}});
    v.set_range(e.range);
    return v;
  }
  std::string out;
  bool unknown = false;
  if (!render(e, out, unknown)) return error(e);
  if (unknown) return Value::unknown(e.text, e.range);
  return Value::string(std::move(out), e.range);
}

// Appends the text of a template part; false on an error (null or a collection interpolated).
bool Evaluator::render(const Expression& part, std::string& out, bool& unknown) {
  if (depth_ > kMaxDepth) return false;
  DepthGuard guard(depth_);
  switch (part.kind) {
    case Kind::Literal:
      if (auto t = as_text(part.literal)) out += *t;
      return true;
    case Kind::Template:
      for (const auto& c : part.children)
        if (!render(c, out, unknown)) return false;
      return true;
    case Kind::TemplateIf: {
      if (part.children.size() < 2) return false;
      Value cond = eval(part.children[0]);
      if (cond.is_unknown()) {
        unknown = true;
        return true;
      }
      auto b = as_bool(cond);
      if (!b) return false;
      if (*b) return render(part.children[1], out, unknown);
      return part.children.size() < 3 || render(part.children[2], out, unknown);
    }
    case Kind::TemplateFor: {
      if (part.children.size() < 2) return false;
      Value coll = eval(part.children[0]);
      if (coll.is_unknown()) {
        unknown = true;
        return true;
      }
      auto comma = part.op.find(',');
      std::string kname = comma == std::string::npos ? std::string() : part.op.substr(0, comma);
      std::string vname = comma == std::string::npos ? part.op : part.op.substr(comma + 1);
      auto each = [&](Value k, const Value& v) {
        if (!kname.empty()) push({kname, std::move(k), kname, false});
        push({vname, v, vname, false});
        bool ok = render(part.children[1], out, unknown);
        pop();
        if (!kname.empty()) pop();
        return ok;
      };
      if (coll.is_list()) {
        for (size_t i = 0; i < coll.items().size(); ++i)
          if (!each(Value::number(static_cast<double>(i)), coll.items()[i])) return false;
        return true;
      }
      if (coll.is_object()) {
        for (size_t i : sorted_members(coll))
          if (!each(Value::string(coll.members()[i].key), coll.members()[i].value)) return false;
        return true;
      }
      return false;
    }
    default: {
      Value v = eval(part);
      if (v.contains_unknown()) {
        unknown = true;
        return true;
      }
      auto t = as_text(v);
      if (!t) return false;
      out += *t;
      return true;
    }
  }
}

Value Evaluator::object(const Expression& e) {
  std::vector<Member> members;
  members.reserve(e.children.size() / 2);
  for (size_t i = 0; i + 1 < e.children.size(); i += 2) {
    const Expression& ke = e.children[i];
    Value key = ke.kind == Kind::Reference && ke.children.empty() ? Value::string(ke.op) : eval(ke);
    if (key.is_unknown()) return unknown_of(e, {{&ke, &key}});
    auto k = as_text(key);
    if (!k) return error(e);
    Value v = eval(e.children[i + 1]);
    bool replaced = false;
    for (auto& m : members)
      if (m.key == *k) {
        m.value = std::move(v);
        replaced = true;
      }
    if (!replaced) members.push_back({std::move(*k), std::move(v), ke.range});
  }
  return Value::object(std::move(members), e.range);
}

Value Evaluator::unary(const Expression& e) {
  if (e.children.empty()) return error(e);
  Value v = eval(e.children[0]);
  if (v.is_unknown()) return unknown_of(e, {{&e.children[0], &v}});
  if (e.op == "!") {
    auto b = as_bool(v);
    return b ? Value::boolean(!*b, e.range) : error(e);
  }
  auto n = as_number(v);
  return n ? Value::number(-*n, e.range) : error(e);
}

Value Evaluator::binary(const Expression& e) {
  if (e.children.size() != 2) return error(e);
  Value a = eval(e.children[0]);
  Value b = eval(e.children[1]);
  const std::string& op = e.op;
  Range r = e.range;
  if (op == "&&" || op == "||") {
    bool is_and = op == "&&";
    auto x = a.is_unknown() ? std::nullopt : as_bool(a);
    auto y = b.is_unknown() ? std::nullopt : as_bool(b);
    if ((!a.is_unknown() && !x) || (!b.is_unknown() && !y)) return error(e);
    // The result does not depend on an unknown operand when the other one decides.
    if ((x && *x != is_and) || (y && *y != is_and)) return Value::boolean(!is_and, r);
    if (x && y) return Value::boolean(is_and, r);
    return unknown_of(e, {{&e.children[0], &a}, {&e.children[1], &b}});
  }
  if (a.contains_unknown() || b.contains_unknown())
    return unknown_of(e, {{&e.children[0], &a}, {&e.children[1], &b}});
  if (op == "==") return Value::boolean(a.equals(b), r);
  if (op == "!=") return Value::boolean(!a.equals(b), r);
  auto x = as_number(a), y = as_number(b);
  if (!x || !y) return error(e);
  if (op == "+") return Value::number(*x + *y, r);
  if (op == "-") return Value::number(*x - *y, r);
  if (op == "*") return Value::number(*x * *y, r);
  if (op == "/") return *y == 0 ? error(e) : Value::number(*x / *y, r);
  if (op == "%") return *y == 0 ? error(e) : Value::number(std::fmod(*x, *y), r);
  if (op == "<") return Value::boolean(*x < *y, r);
  if (op == "<=") return Value::boolean(*x <= *y, r);
  if (op == ">") return Value::boolean(*x > *y, r);
  if (op == ">=") return Value::boolean(*x >= *y, r);
  return error(e);
}

Value Evaluator::conditional(const Expression& e) {
  if (e.children.size() != 3) return error(e);
  Value cond = eval(e.children[0]);
  if (cond.is_unknown()) {
    // Both branches agreeing decide without the condition.
    Value a = eval(e.children[1]);
    Value b = eval(e.children[2]);
    if (!a.contains_unknown() && a.equals(b)) return a;
    return unknown_of(e, {{&e.children[0], &cond}});
  }
  auto c = as_bool(cond);
  if (!c) return error(e);
  return eval(e.children[*c ? 1 : 2]);
}

Value Evaluator::for_expr(const Expression& e) {
  bool is_object = e.kind == Kind::ForObject;
  size_t need = is_object ? 3 : 2;
  if (e.children.size() < need) return error(e);
  Value coll = eval(e.children[0]);
  if (coll.is_unknown()) return unknown_of(e, {{&e.children[0], &coll}});
  const Expression* cond = e.children.size() > need ? &e.children[need] : nullptr;
  auto comma = e.op.find(',');
  std::string kname = comma == std::string::npos ? std::string() : e.op.substr(0, comma);
  std::string vname = comma == std::string::npos ? e.op : e.op.substr(comma + 1);
  std::vector<Value> items;
  std::vector<Member> members;
  bool unknown = false, failed = false;
  auto each = [&](Value k, const Value& v) {
    if (!kname.empty()) push({kname, std::move(k), kname, false});
    push({vname, v, vname, false});
    bool keep = true;
    if (cond) {
      Value c = eval(*cond);
      auto b = c.is_unknown() ? std::nullopt : as_bool(c);
      if (c.is_unknown())
        unknown = true;
      else if (!b)
        failed = true;
      else
        keep = *b;
    }
    if (keep && !unknown && !failed) {
      if (!is_object) {
        items.push_back(eval(e.children[1]));
      } else {
        Value key = eval(e.children[1]);
        auto kt = key.is_unknown() ? std::nullopt : as_text(key);
        if (key.is_unknown())
          unknown = true;
        else if (!kt)
          failed = true;
        Value val = eval(e.children[2]);
        Member* existing = nullptr;
        for (auto& m : members)
          if (kt && m.key == *kt) existing = &m;
        if (kt && e.expand_final) {
          if (!existing)
            members.push_back({*kt, Value::list({}, e.range), e.children[1].range}),
                existing = &members.back();
          existing->value.items().push_back(std::move(val));
        } else if (kt && existing) {
          failed = true;  // duplicate key without grouping
        } else if (kt) {
          members.push_back({*kt, std::move(val), e.children[1].range});
        }
      }
    }
    pop();
    if (!kname.empty()) pop();
  };
  if (coll.is_list()) {
    for (size_t i = 0; i < coll.items().size() && !unknown && !failed; ++i)
      each(Value::number(static_cast<double>(i)), coll.items()[i]);
  } else if (coll.is_object()) {
    for (size_t i : sorted_members(coll)) {
      if (unknown || failed) break;
      each(Value::string(coll.members()[i].key), coll.members()[i].value);
    }
  } else {
    return error(e);
  }
  if (failed) return error(e);
  if (unknown) return Value::unknown(e.text, e.range);
  if (is_object) return Value::object(std::move(members), e.range);
  return Value::list(std::move(items), e.range);
}

}  // namespace clearance::tf
