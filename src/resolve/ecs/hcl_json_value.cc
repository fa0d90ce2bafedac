// HCL expression to JSON-shaped Value. The Terraform parser already folds all-literal
// collections into Literal nodes, so this walks only the mixed parts: tuples and objects
// that hold some non-literal element, and templates.
#include "resolve/ecs/hcl_json_value.h"

#include <memory>
#include <string>

namespace clearance {

namespace {

constexpr int kMaxDepth = 256;  // the parser cuts deeper expressions already; belt and braces

Value unknown_of(const Expression& e) {
  std::string text = e.text;
  if (e.kind == Expression::Kind::Template && text.size() >= 2 && text.front() == '"' &&
      text.back() == '"')
    text = text.substr(1, text.size() - 2);
  Value v = Value::unknown(std::move(text), e.range);
  v.set_expression(std::make_shared<const Expression>(e));
  return v;
}

// A template whose parts are all literal strings is that string.
bool literal_template(const Expression& e, std::string& out) {
  for (const auto& part : e.children) {
    if (part.kind != Expression::Kind::Literal || !part.literal.is_string()) return false;
    out += part.literal.as_string();
  }
  return true;
}

// An object key: a literal (string, or number/bool text), or an identifier.
bool key_of(const Expression& k, std::string& out) {
  if (k.kind == Expression::Kind::Literal && k.literal.is_string()) {
    out = k.literal.as_string();
    return true;
  }
  if (k.kind == Expression::Kind::Template) return literal_template(k, out);
  return false;
}

Value convert(const Expression& e, int depth) {
  if (depth > kMaxDepth) return unknown_of(e);
  switch (e.kind) {
    case Expression::Kind::Literal: {
      Value v = e.literal;
      if (!v.range().begin.line) v.set_range(e.range);
      return v;
    }
    case Expression::Kind::Tuple: {
      std::vector<Value> items;
      items.reserve(e.children.size());
      for (const auto& c : e.children) items.push_back(convert(c, depth + 1));
      return Value::list(std::move(items), e.range);
    }
    case Expression::Kind::Object: {
      std::vector<Member> members;
      members.reserve(e.children.size() / 2);
      for (size_t i = 0; i + 1 < e.children.size(); i += 2) {
        std::string key;
        if (!key_of(e.children[i], key)) return unknown_of(e);  // a computed key
        members.push_back(
            Member{std::move(key), convert(e.children[i + 1], depth + 1), e.children[i].range});
      }
      return Value::object(std::move(members), e.range);
    }
    case Expression::Kind::Template: {
      std::string s;
      if (literal_template(e, s)) return Value::string(std::move(s), e.range);
      return unknown_of(e);
    }
    default: return unknown_of(e);
  }
}

}  // namespace

Value value_from_hcl_expression(const Expression& e) {
  return convert(e, 0);
}

}  // namespace clearance
