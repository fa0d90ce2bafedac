// Collections and for-expressions: tuples and objects fold into one literal Value when every
// element is literal (object keys: identifiers, strings, numbers or bools); otherwise they
// stay Tuple / Object expressions whose literal elements keep their Values.
#include <utility>

#include "parse/terraform/hcl_expression.h"

namespace clearance::hcl {

using Kind = Expression::Kind;

Expression ExpressionBuilder::tuple(TSNode n) {
  Children kids(pool_, n);
  std::vector<Expression> items;
  bool all_literal = true;
  for (TSNode c : kids) {
    if (ts_node_symbol(c) != sym_.expression) continue;
    items.push_back(build(c));
    all_literal = all_literal && is_literal(items.back());
  }
  if (all_literal) {
    std::vector<Value> values;
    values.reserve(items.size());
    for (auto& item : items) values.push_back(std::move(item.literal));
    return literal_expression(Value::list(std::move(values), range_of(n)), range_of(n));
  }
  size_t k = 0;
  for (TSNode c : kids)
    if (ts_node_symbol(c) == sym_.expression) fill_text(items[k++], start_mark(c), end_mark(c));
  Expression e = make(Kind::Tuple, n);
  e.children = std::move(items);
  return e;
}

Expression ExpressionBuilder::object_key(TSNode key) {
  // A bare identifier key is the string itself, not a variable reference.
  TSNode only = ts_node_named_child_count(key) == 1 ? ts_node_named_child(key, 0) : TSNode{};
  if (!ts_node_is_null(only) && ts_node_symbol(only) == sym_.variable_expr &&
      ts_node_child_count(key) == 1) {
    Expression e = literal_expression(
        Value::string(std::string(text_of(src_, only)), range_of(key)), range_of(key));
    return e;
  }
  Expression e = build(key);
  if (is_literal(e)) {
    // Keys are strings: a literal number or bool key is its text.
    const Value& v = e.literal;
    if (v.is_number() || v.is_bool()) {
      e.literal = Value::string(std::string(text_of(src_, key)), v.range());
    }
  }
  return e;
}

Expression ExpressionBuilder::object(TSNode n) {
  Children kids(pool_, n);
  std::vector<Expression> parts;  // key, value, key, value...
  bool all_literal = true;
  for (TSNode c : kids) {
    if (ts_node_symbol(c) != sym_.object_elem) continue;
    Children elem(pool_, c);
    TSNode key{}, val{};
    for (TSNode x : elem) {
      if (ts_node_symbol(x) != sym_.expression) continue;
      if (ts_node_is_null(key))
        key = x;
      else if (ts_node_is_null(val))
        val = x;
    }
    if (ts_node_is_null(key) || ts_node_is_null(val)) {
      parts.push_back(other(c));
      parts.push_back(other(c));
      all_literal = false;
      continue;
    }
    parts.push_back(object_key(key));
    parts.push_back(build(val));
    Expression& k = parts[parts.size() - 2];
    all_literal = all_literal && is_literal(k) && k.literal.is_string() && is_literal(parts.back());
    fill_text(k, start_mark(key), end_mark(key));
    fill_text(parts.back(), start_mark(val), end_mark(val));
  }
  if (all_literal) {
    std::vector<Member> members;
    members.reserve(parts.size() / 2);
    for (size_t i = 0; i + 1 < parts.size(); i += 2) {
      Range key_range = parts[i].range;
      members.push_back(
          Member{parts[i].literal.as_string(), std::move(parts[i + 1].literal), key_range});
    }
    return literal_expression(Value::object(std::move(members), range_of(n)), range_of(n));
  }
  Expression e = make(Kind::Object, n);
  e.children = std::move(parts);
  return e;
}

Expression ExpressionBuilder::for_expr(TSNode n) {
  bool is_object = ts_node_symbol(n) == sym_.for_object_expr;
  Children kids(pool_, n);
  Expression e = make(is_object ? Kind::ForObject : Kind::ForTuple, n);
  Expression cond;
  bool has_cond = false;
  for (TSNode c : kids) {
    TSSymbol s = ts_node_symbol(c);
    if (s == sym_.for_intro) {
      Children intro(pool_, c);
      for (TSNode x : intro) {
        TSSymbol xs = ts_node_symbol(x);
        if (xs == sym_.identifier) {
          if (!e.op.empty()) e.op += ',';
          e.op += text_of(src_, x);
        } else if (xs == sym_.expression) {
          e.children.insert(e.children.begin(), build_child(x));  // the collection comes first
        }
      }
    } else if (s == sym_.expression) {
      e.children.push_back(build_child(c));
    } else if (s == sym_.ellipsis) {
      e.expand_final = true;
    } else if (s == sym_.for_cond) {
      TSNode x = child_of(c, sym_.expression);
      if (!ts_node_is_null(x)) {
        cond = build_child(x);
        has_cond = true;
      }
    }
  }
  if (has_cond) e.children.push_back(std::move(cond));
  return e;
}

}  // namespace clearance::hcl
