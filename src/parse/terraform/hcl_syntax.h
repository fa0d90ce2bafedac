// Small helpers over the tree-sitter HCL syntax tree, private to the Terraform parser:
// the grammar's symbol ids (looked up once, so dispatch compares integers rather than
// strings), ranges in the model's 1-based convention and source slices.
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <string_view>
#include <vector>

#include "model/location.h"

extern "C" const TSLanguage* tree_sitter_hcl(void);

namespace clearance::hcl {

/// Symbol ids of the named HCL grammar nodes the parser dispatches on.
struct Symbols {
  TSSymbol config_file, body, block, attribute, identifier, expression, string_lit;
  TSSymbol literal_value, numeric_lit, bool_lit, null_lit, template_expr, collection_value;
  TSSymbol tuple, object, object_elem, variable_expr, function_call, function_arguments;
  TSSymbol ellipsis, for_expr, for_tuple_expr, for_object_expr, for_intro, for_cond;
  TSSymbol operation, unary_operation, binary_operation, conditional, get_attr, index;
  TSSymbol new_index, legacy_index, splat, attr_splat, full_splat;
  TSSymbol quoted_template, heredoc_template, heredoc_start, heredoc_identifier;
  TSSymbol quoted_template_start, quoted_template_end, template_literal;
  TSSymbol template_interpolation, template_directive, template_if, template_for;
  TSSymbol template_if_intro, template_else_intro, template_if_end, template_for_start;
  TSSymbol template_for_end, strip_marker, template_directive_start, template_directive_end;
  TSSymbol template_interpolation_start, template_interpolation_end, comment;
  TSSymbol open_paren;  ///< the anonymous "(" token

  /// The table for the linked grammar, built on first use.
  static const Symbols& get();
};

/// Converts a tree-sitter point (0-based) to a model position (1-based).
inline Position position(TSPoint p) {
  return {p.row + 1, p.column + 1};
}

/// The model range of a node.
inline Range range_of(TSNode n) {
  return {position(ts_node_start_point(n)), position(ts_node_end_point(n))};
}

/// The source text a node spans.
inline std::string_view text_of(std::string_view src, TSNode n) {
  uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
  if (b > src.size()) b = static_cast<uint32_t>(src.size());
  if (e > src.size()) e = static_cast<uint32_t>(src.size());
  return e > b ? src.substr(b, e - b) : std::string_view();
}

/// A byte offset with its point: one end of a slice that no single node covers.
struct Mark {
  uint32_t byte = 0;
  TSPoint point{0, 0};
};

inline Mark start_mark(TSNode n) {
  return {ts_node_start_byte(n), ts_node_start_point(n)};
}
inline Mark end_mark(TSNode n) {
  return {ts_node_end_byte(n), ts_node_end_point(n)};
}

/// The first direct child with this symbol, or a null node. Linear: for small nodes only.
TSNode child_of(TSNode parent, TSSymbol symbol);

/// Reusable storage for the children of the nodes being visited, one level per recursion
/// depth: `ts_node_child(i)` is linear in i, and a fresh cursor allocates, so visiting a tree
/// through this pool costs no allocation once it is warm.
class ChildPool {
 public:
  ChildPool() = default;
  ChildPool(const ChildPool&) = delete;
  ChildPool& operator=(const ChildPool&) = delete;
  ~ChildPool();

 private:
  friend class Children;
  struct Level {
    TSTreeCursor cursor;
    std::vector<TSNode> nodes;
  };
  std::vector<std::unique_ptr<Level>> levels_;  // unique_ptr: addresses stay put on growth
  size_t used_ = 0;
};

/// The direct children (named and anonymous) of one node, valid while this object lives.
class Children {
 public:
  Children(ChildPool& pool, TSNode parent);
  Children(const Children&) = delete;
  Children& operator=(const Children&) = delete;
  ~Children() { --pool_.used_; }

  size_t size() const { return nodes_->size(); }
  TSNode operator[](size_t i) const { return (*nodes_)[i]; }
  auto begin() const { return nodes_->begin(); }
  auto end() const { return nodes_->end(); }

 private:
  ChildPool& pool_;
  const std::vector<TSNode>* nodes_;
};

}  // namespace clearance::hcl
