// Literal folding of expression trees.
#include "model/expression_literal.h"

#include <memory>

namespace clearance {

namespace {

Value unknown_of(const Expression& e) {
  Value u = Value::unknown(e.text, e.range);
  u.set_expression(std::make_shared<const Expression>(e));
  return u;
}

// An object key: a literal string, a bare identifier (kept as a Reference with no steps), or
// a parenthesised expression (unknown).
bool key_text(const Expression& k, std::string& out) {
  if (k.kind == Expression::Kind::Literal && k.literal.is_string()) {
    out = k.literal.as_string();
    return true;
  }
  if (k.kind == Expression::Kind::Reference && k.children.empty()) {
    out = k.op.empty() ? k.text : k.op;
    return true;
  }
  if (k.kind == Expression::Kind::Template && k.children.size() == 1) return key_text(k.children[0], out);
  if (k.kind == Expression::Kind::Other && !k.text.empty() && k.text.find_first_of("(${") == std::string::npos) {
    out = k.text;
    return true;
  }
  return false;
}

}  // namespace

Value expression_literal(const Expression& e) {
  switch (e.kind) {
    case Expression::Kind::Literal: {
      Value v = e.literal;
      if (v.range().begin.line == 0) v.set_range(e.range);
      return v;
    }
    case Expression::Kind::Tuple: {
      std::vector<Value> items;
      items.reserve(e.children.size());
      for (const auto& c : e.children) items.push_back(expression_literal(c));
      return Value::list(std::move(items), e.range);
    }
    case Expression::Kind::Object: {
      std::vector<Member> members;
      for (size_t i = 0; i + 1 < e.children.size(); i += 2) {
        std::string key;
        if (!key_text(e.children[i], key)) return unknown_of(e);
        members.push_back({std::move(key), expression_literal(e.children[i + 1]), e.children[i].range});
      }
      return Value::object(std::move(members), e.range);
    }
    case Expression::Kind::Template: {
      std::string text;
      for (const auto& part : e.children) {
        if (part.kind != Expression::Kind::Literal || !part.literal.is_string()) return unknown_of(e);
        text += part.literal.as_string();
      }
      return Value::string(std::move(text), e.range);
    }
    default: return unknown_of(e);
  }
}

Value unwrap_jsonencode(const Value& v) {
  const Expression* e = v.expression();
  if (!v.is_unknown() || !e || e->kind != Expression::Kind::Call || e->op != "jsonencode" ||
      e->children.size() != 1)
    return v;
  return expression_literal(e->children[0]);
}

}  // namespace clearance
