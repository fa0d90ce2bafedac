// ExpressionBuilder: converts HCL expression syntax into model Values and Expression trees.
//
// Every expression is first built as an Expression; literals (and collections made only of
// literals) fold into Kind::Literal nodes on the way up, so a plain value never keeps a tree.
// What is not a literal becomes Value::unknown(source text) carrying the tree. Templates
// keep their escapes decoded, strip markers applied and heredoc indentation removed, as
// Terraform does, so an evaluator only concatenates parts.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/expression.h"
#include "model/value.h"
#include "parse/terraform/hcl_syntax.h"

namespace clearance::hcl {

/// Deepest expression nesting converted; deeper input becomes Kind::Other.
inline constexpr int kMaxExpressionDepth = 256;

/// Whether an expression is a plain value.
inline bool is_literal(const Expression& e) {
  return e.kind == Expression::Kind::Literal;
}

/// A Literal expression holding `v` (its text is filled in only when a parent needs it).
inline Expression literal_expression(Value v, Range r) {
  Expression e;
  e.kind = Expression::Kind::Literal;
  e.range = r;
  e.literal = std::move(v);
  return e;
}

/// Builds Values and Expressions from the expression nodes of one source file.
class ExpressionBuilder {
 public:
  ExpressionBuilder(std::string_view source, ChildPool& pool);

  /// The Value of an `expression` node: a literal, or Unknown with its Expression attached.
  Value value(TSNode expression);
  /// The decoded content of a `string_lit` node (block labels).
  std::string string_literal(TSNode string_lit);
  /// Where the first too-deep expression was cut off, if any (for one diagnostic per file).
  const Range* too_deep() const { return too_deep_ ? &too_deep_range_ : nullptr; }

 private:
  struct TemplateState;

  Expression build(TSNode n);
  Expression build_child(TSNode n);  // build() plus the source text a Literal omits
  Expression term(const Children& kids, size_t from, size_t to);
  Expression postfix(Expression base, TSNode step, Mark begin);
  Expression splat(Expression base, TSNode splat_node, Mark begin);
  Expression literal(TSNode literal_value);
  Expression tuple(TSNode n);
  Expression object(TSNode n);
  Expression object_key(TSNode key_expression);
  Expression call(TSNode n);
  Expression for_expr(TSNode n);
  Expression unary(TSNode n);
  Expression binary(TSNode n);
  Expression conditional(TSNode n);
  Expression other(TSNode n);
  Expression too_deep(TSNode n);  // records the first cut-off, returns Kind::Other
  Expression make(Expression::Kind kind, TSNode n, std::string op = {});
  Expression make(Expression::Kind kind, Mark begin, Mark end, std::string op = {});
  void fill_text(Expression& e, Mark begin, Mark end);

  // Templates (hcl_template.cc).
  Expression quoted_template(TSNode n);
  Expression heredoc(TSNode n);
  void template_parts(TSNode container, size_t first, Mark cursor, Mark end,
                      std::vector<Expression>& parts, TemplateState& st);
  bool template_boundary(TSNode c, Mark& cursor, std::vector<Expression>& parts, TemplateState& st);
  Expression template_if(TSNode n, std::vector<Expression>& outer, TemplateState& st);
  Expression template_for(TSNode n, std::vector<Expression>& outer, TemplateState& st);
  void gap(Mark from, Mark to, std::vector<Expression>& parts, TemplateState& st);
  Expression finish_template(std::vector<Expression> parts, TSNode n, bool flush);

  std::string_view src_;
  ChildPool& pool_;
  const Symbols& sym_;
  int depth_ = 0;
  bool too_deep_ = false;
  Range too_deep_range_;
};

}  // namespace clearance::hcl
