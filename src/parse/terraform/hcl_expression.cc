// Expression conversion: literals, collections, references and traversals, calls, operators,
// conditionals and for-expressions. The grammar flattens a postfix chain (`a.b[0].*.c`)
// into the children of its parent, so `term` rebuilds it left to right from a child range.
#include "parse/terraform/hcl_expression.h"

#include <charconv>
#include <memory>
#include <utility>

#include "parse/terraform/hcl_text.h"

namespace clearance::hcl {

namespace {

using Kind = Expression::Kind;

// Parses an HCL number (decimal with optional fraction/exponent; the grammar also takes hex).
bool parse_number(std::string_view t, double& out) {
  if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
    unsigned long long v = 0;
    auto r = std::from_chars(t.data() + 2, t.data() + t.size(), v, 16);
    if (r.ec != std::errc() || r.ptr != t.data() + t.size()) return false;
    out = static_cast<double>(v);
    return true;
  }
  auto r = std::from_chars(t.data(), t.data() + t.size(), out);
  return r.ec == std::errc() && r.ptr == t.data() + t.size();
}

// Decrements the nesting counter on every way out of a conversion.
struct DepthGuard {
  int& depth;
  explicit DepthGuard(int& d) : depth(d) { ++depth; }
  ~DepthGuard() { --depth; }
};

}  // namespace

ExpressionBuilder::ExpressionBuilder(std::string_view source, ChildPool& pool)
    : src_(source), pool_(pool), sym_(Symbols::get()) {}

Value ExpressionBuilder::value(TSNode n) {
  Expression e = build(n);
  if (is_literal(e)) return std::move(e.literal);
  Range r = range_of(n);
  Value v = Value::unknown(std::string(text_of(src_, n)), r);
  if (e.text.empty()) fill_text(e, start_mark(n), end_mark(n));
  v.set_expression(std::make_shared<const Expression>(std::move(e)));
  return v;
}

Expression ExpressionBuilder::make(Kind kind, TSNode n, std::string op) {
  Expression e;
  e.kind = kind;
  e.op = std::move(op);
  e.range = range_of(n);
  e.text = std::string(text_of(src_, n));
  return e;
}

Expression ExpressionBuilder::make(Kind kind, Mark begin, Mark end, std::string op) {
  Expression e;
  e.kind = kind;
  e.op = std::move(op);
  e.range = {position(begin.point), position(end.point)};
  fill_text(e, begin, end);
  return e;
}

void ExpressionBuilder::fill_text(Expression& e, Mark begin, Mark end) {
  if (!e.text.empty() || end.byte <= begin.byte || end.byte > src_.size()) return;
  e.text = std::string(src_.substr(begin.byte, end.byte - begin.byte));
}

Expression ExpressionBuilder::other(TSNode n) {
  return make(Kind::Other, n);
}

Expression ExpressionBuilder::build_child(TSNode n) {
  Expression e = build(n);
  if (e.text.empty()) fill_text(e, start_mark(n), end_mark(n));
  return e;
}

Expression ExpressionBuilder::build(TSNode n) {
  if (ts_node_is_null(n)) return Expression{};
  TSSymbol s = ts_node_symbol(n);
  // Wrappers with one named child, and `expression` nodes, add no nesting of their own:
  // only the nodes below them count against the depth limit.
  while (s == sym_.template_expr || s == sym_.collection_value || s == sym_.for_expr ||
         s == sym_.operation) {
    n = ts_node_named_child(n, 0);
    if (ts_node_is_null(n)) return Expression{};
    s = ts_node_symbol(n);
  }
  if (s == sym_.expression) {
    Children kids(pool_, n);
    for (TSNode c : kids)
      if (ts_node_symbol(c) == sym_.conditional) return build(c);
    return term(kids, 0, kids.size());
  }
  if (depth_ >= kMaxExpressionDepth) return too_deep(n);
  DepthGuard guard(depth_);
  if (s == sym_.literal_value) return literal(n);
  if (s == sym_.variable_expr) {
    return make(Kind::Reference, n, std::string(text_of(src_, n)));
  }
  if (s == sym_.function_call) return call(n);
  if (s == sym_.conditional) return conditional(n);
  if (s == sym_.quoted_template) return quoted_template(n);
  if (s == sym_.heredoc_template) return heredoc(n);
  if (s == sym_.tuple) return tuple(n);
  if (s == sym_.object) return object(n);
  if (s == sym_.for_tuple_expr || s == sym_.for_object_expr) return for_expr(n);
  if (s == sym_.unary_operation) return unary(n);
  if (s == sym_.binary_operation) return binary(n);
  return other(n);
}

Expression ExpressionBuilder::too_deep(TSNode n) {
  if (!too_deep_) too_deep_range_ = range_of(n);
  too_deep_ = true;
  return other(n);
}

Expression ExpressionBuilder::term(const Children& kids, size_t from, size_t to) {
  auto skip = [&](size_t i) {
    while (i < to && ts_node_symbol(kids[i]) == sym_.comment) ++i;
    return i;
  };
  size_t i = skip(from);
  if (i >= to) return Expression{};
  Mark begin = start_mark(kids[i]);
  Expression base;
  Mark base_end;
  if (ts_node_symbol(kids[i]) == sym_.open_paren) {
    size_t inner = skip(i + 1);
    size_t close = skip(inner + 1);
    if (inner >= to || ts_node_symbol(kids[inner]) != sym_.expression || close >= to) {
      return make(Kind::Other, begin, end_mark(kids[to - 1]));
    }
    if (depth_ >= kMaxExpressionDepth) return too_deep(kids[inner]);
    DepthGuard guard(depth_);  // parentheses nest too
    base = build(kids[inner]);
    fill_text(base, start_mark(kids[inner]), end_mark(kids[inner]));
    base_end = end_mark(kids[close]);
    i = close + 1;
  } else {
    base = build(kids[i]);
    base_end = end_mark(kids[i]);
    ++i;
  }
  // Each step nests the tree one level deeper: count it against the same limit.
  int links = 0;
  for (i = skip(i); i < to; i = skip(i + 1)) {
    TSNode step = kids[i];
    TSSymbol s = ts_node_symbol(step);
    if (depth_ + ++links >= kMaxExpressionDepth) {
      if (!too_deep_) too_deep_range_ = range_of(step);
      too_deep_ = true;
      return make(Kind::Other, begin, end_mark(kids[to - 1]));
    }
    fill_text(base, begin, base_end);
    if (s == sym_.get_attr || s == sym_.index) {
      base = postfix(std::move(base), step, begin);
    } else if (s == sym_.splat) {
      base = splat(std::move(base), step, begin);
    } else {
      return make(Kind::Other, begin, end_mark(kids[to - 1]));
    }
    base_end = end_mark(step);
  }
  return base;
}

Expression ExpressionBuilder::postfix(Expression base, TSNode step, Mark begin) {
  Expression e;
  TSSymbol s = ts_node_symbol(step);
  if (s == sym_.get_attr) {
    TSNode name = child_of(step, sym_.identifier);
    e = make(Kind::GetAttr, begin, end_mark(step),
             ts_node_is_null(name) ? std::string() : std::string(text_of(src_, name)));
    e.children.push_back(std::move(base));
    return e;
  }
  e = make(Kind::Index, begin, end_mark(step));
  e.children.push_back(std::move(base));
  TSNode idx = ts_node_named_child(step, 0);
  if (!ts_node_is_null(idx) && ts_node_symbol(idx) == sym_.legacy_index) {
    // `.0`: the digits after the dot are a number key.
    std::string_view t = text_of(src_, idx);
    double k = 0;
    if (t.size() > 1 && parse_number(t.substr(1), k)) {
      Expression key = literal_expression(Value::number(k, range_of(idx)), range_of(idx));
      key.text = std::string(t.substr(1));
      e.children.push_back(std::move(key));
      return e;
    }
  } else if (!ts_node_is_null(idx)) {
    TSNode inner = child_of(idx, sym_.expression);
    if (!ts_node_is_null(inner)) {
      e.children.push_back(build_child(inner));
      return e;
    }
  }
  return make(Kind::Other, begin, end_mark(step));
}

Expression ExpressionBuilder::splat(Expression base, TSNode splat_node, Mark begin) {
  Expression e = make(Kind::Splat, begin, end_mark(splat_node));
  e.children.push_back(std::move(base));
  TSNode kind = ts_node_named_child(splat_node, 0);
  if (ts_node_is_null(kind)) return e;
  Children steps(pool_, kind);
  // The steps after `[*]` / `.*` apply to each element: root them at an element placeholder.
  Expression rest;
  rest.kind = Kind::Other;
  rest.op = "*";
  bool any = false;
  Mark rest_begin{};
  for (TSNode step : steps) {
    TSSymbol s = ts_node_symbol(step);
    if (s != sym_.get_attr && s != sym_.index) continue;
    if (!any) {
      rest_begin = start_mark(step);
      rest.range = {position(rest_begin.point), position(rest_begin.point)};
    }
    any = true;
    rest = postfix(std::move(rest), step, rest_begin);
  }
  if (any) e.children.push_back(std::move(rest));
  return e;
}

Expression ExpressionBuilder::literal(TSNode n) {
  TSNode lit = ts_node_named_child(n, 0);
  if (ts_node_is_null(lit)) return other(n);
  Range r = range_of(n);
  TSSymbol s = ts_node_symbol(lit);
  if (s == sym_.numeric_lit) {
    double d = 0;
    if (!parse_number(text_of(src_, lit), d)) return other(n);
    return literal_expression(Value::number(d, r), r);
  }
  if (s == sym_.bool_lit)
    return literal_expression(Value::boolean(text_of(src_, lit) == "true", r), r);
  if (s == sym_.null_lit) return literal_expression(Value::null(r), r);
  if (s == sym_.string_lit) return literal_expression(Value::string(string_literal(lit), r), r);
  return other(n);
}

std::string ExpressionBuilder::string_literal(TSNode n) {
  uint32_t count = ts_node_child_count(n);
  if (count < 2) return std::string(text_of(src_, n));
  // Content lies between the opening and closing quote tokens.
  uint32_t b = ts_node_end_byte(ts_node_child(n, 0));
  uint32_t e = ts_node_start_byte(ts_node_child(n, count - 1));
  if (e <= b || e > src_.size()) return {};
  return decode_quoted(src_.substr(b, e - b));
}

Expression ExpressionBuilder::call(TSNode n) {
  TSNode name = child_of(n, sym_.identifier);
  Expression e =
      make(Kind::Call, n, ts_node_is_null(name) ? std::string() : std::string(text_of(src_, name)));
  TSNode args = child_of(n, sym_.function_arguments);
  if (ts_node_is_null(args)) return e;
  Children kids(pool_, args);
  for (TSNode c : kids) {
    TSSymbol s = ts_node_symbol(c);
    if (s == sym_.expression)
      e.children.push_back(build_child(c));
    else if (s == sym_.ellipsis)
      e.expand_final = true;
  }
  return e;
}

Expression ExpressionBuilder::unary(TSNode n) {
  Children kids(pool_, n);
  if (kids.size() < 2) return other(n);
  std::string op(text_of(src_, kids[0]));
  Expression operand = term(kids, 1, kids.size());
  // Constant operands fold: `-1` is a number to every rule, as it is to Terraform.
  if (is_literal(operand)) {
    const Value& v = operand.literal;
    if (op == "-" && v.is_number())
      return literal_expression(Value::number(-v.as_number(), range_of(n)), range_of(n));
    if (op == "!" && v.is_bool())
      return literal_expression(Value::boolean(!v.as_bool(), range_of(n)), range_of(n));
  }
  fill_text(operand, start_mark(kids[1]), end_mark(kids[kids.size() - 1]));
  Expression e = make(Kind::Unary, n, std::move(op));
  e.children.push_back(std::move(operand));
  return e;
}

Expression ExpressionBuilder::binary(TSNode n) {
  Children kids(pool_, n);
  // The operator is the first anonymous child outside a parenthesised operand.
  size_t op_at = kids.size();
  for (size_t i = 0; i < kids.size(); ++i) {
    TSNode c = kids[i];
    if (ts_node_symbol(c) == sym_.open_paren) {
      i += 2;  // skip `( expression )`
      continue;
    }
    if (!ts_node_is_named(c) && !ts_node_is_extra(c)) {
      op_at = i;
      break;
    }
  }
  if (op_at == 0 || op_at + 1 >= kids.size()) return other(n);
  Expression left = term(kids, 0, op_at);
  Expression right = term(kids, op_at + 1, kids.size());
  fill_text(left, start_mark(kids[0]), end_mark(kids[op_at - 1]));
  fill_text(right, start_mark(kids[op_at + 1]), end_mark(kids[kids.size() - 1]));
  Expression e = make(Kind::Binary, n, std::string(text_of(src_, kids[op_at])));
  e.children.push_back(std::move(left));
  e.children.push_back(std::move(right));
  return e;
}

Expression ExpressionBuilder::conditional(TSNode n) {
  Children kids(pool_, n);
  Expression e = make(Kind::Conditional, n);
  for (TSNode c : kids)
    if (ts_node_symbol(c) == sym_.expression) e.children.push_back(build_child(c));
  if (e.children.size() != 3) return other(n);
  return e;
}

}  // namespace clearance::hcl
