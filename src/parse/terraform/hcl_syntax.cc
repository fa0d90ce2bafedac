// Symbol table of the HCL grammar, resolved by name once per process.
#include "parse/terraform/hcl_syntax.h"

#include <cstring>

namespace clearance::hcl {

namespace {

TSSymbol lookup(const TSLanguage* lang, const char* name, bool named = true) {
  return ts_language_symbol_for_name(lang, name, static_cast<uint32_t>(std::strlen(name)), named);
}

Symbols build() {
  const TSLanguage* l = tree_sitter_hcl();
  Symbols s{};
  s.config_file = lookup(l, "config_file");
  s.body = lookup(l, "body");
  s.block = lookup(l, "block");
  s.attribute = lookup(l, "attribute");
  s.identifier = lookup(l, "identifier");
  s.expression = lookup(l, "expression");
  s.string_lit = lookup(l, "string_lit");
  s.literal_value = lookup(l, "literal_value");
  s.numeric_lit = lookup(l, "numeric_lit");
  s.bool_lit = lookup(l, "bool_lit");
  s.null_lit = lookup(l, "null_lit");
  s.template_expr = lookup(l, "template_expr");
  s.collection_value = lookup(l, "collection_value");
  s.tuple = lookup(l, "tuple");
  s.object = lookup(l, "object");
  s.object_elem = lookup(l, "object_elem");
  s.variable_expr = lookup(l, "variable_expr");
  s.function_call = lookup(l, "function_call");
  s.function_arguments = lookup(l, "function_arguments");
  s.ellipsis = lookup(l, "ellipsis");
  s.for_expr = lookup(l, "for_expr");
  s.for_tuple_expr = lookup(l, "for_tuple_expr");
  s.for_object_expr = lookup(l, "for_object_expr");
  s.for_intro = lookup(l, "for_intro");
  s.for_cond = lookup(l, "for_cond");
  s.operation = lookup(l, "operation");
  s.unary_operation = lookup(l, "unary_operation");
  s.binary_operation = lookup(l, "binary_operation");
  s.conditional = lookup(l, "conditional");
  s.get_attr = lookup(l, "get_attr");
  s.index = lookup(l, "index");
  s.new_index = lookup(l, "new_index");
  s.legacy_index = lookup(l, "legacy_index");
  s.splat = lookup(l, "splat");
  s.attr_splat = lookup(l, "attr_splat");
  s.full_splat = lookup(l, "full_splat");
  s.quoted_template = lookup(l, "quoted_template");
  s.heredoc_template = lookup(l, "heredoc_template");
  s.heredoc_start = lookup(l, "heredoc_start");
  s.heredoc_identifier = lookup(l, "heredoc_identifier");
  s.quoted_template_start = lookup(l, "quoted_template_start");
  s.quoted_template_end = lookup(l, "quoted_template_end");
  s.template_literal = lookup(l, "template_literal");
  s.template_interpolation = lookup(l, "template_interpolation");
  s.template_directive = lookup(l, "template_directive");
  s.template_if = lookup(l, "template_if");
  s.template_for = lookup(l, "template_for");
  s.template_if_intro = lookup(l, "template_if_intro");
  s.template_else_intro = lookup(l, "template_else_intro");
  s.template_if_end = lookup(l, "template_if_end");
  s.template_for_start = lookup(l, "template_for_start");
  s.template_for_end = lookup(l, "template_for_end");
  s.strip_marker = lookup(l, "strip_marker");
  s.template_directive_start = lookup(l, "template_directive_start");
  s.template_directive_end = lookup(l, "template_directive_end");
  s.template_interpolation_start = lookup(l, "template_interpolation_start");
  s.template_interpolation_end = lookup(l, "template_interpolation_end");
  s.comment = lookup(l, "comment");
  s.open_paren = lookup(l, "(", false);
  return s;
}

}  // namespace

const Symbols& Symbols::get() {
  static const Symbols symbols = build();
  return symbols;
}

TSNode child_of(TSNode parent, TSSymbol symbol) {
  uint32_t n = ts_node_child_count(parent);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode c = ts_node_child(parent, i);
    if (ts_node_symbol(c) == symbol) return c;
  }
  return TSNode{};
}

ChildPool::~ChildPool() {
  for (auto& level : levels_) ts_tree_cursor_delete(&level->cursor);
}

Children::Children(ChildPool& pool, TSNode parent) : pool_(pool) {
  if (pool.used_ == pool.levels_.size()) {
    auto level = std::make_unique<ChildPool::Level>();
    level->cursor = ts_tree_cursor_new(parent);
    pool.levels_.push_back(std::move(level));
  } else {
    ts_tree_cursor_reset(&pool.levels_[pool.used_]->cursor, parent);
  }
  ChildPool::Level& level = *pool.levels_[pool.used_++];
  level.nodes.clear();
  if (ts_tree_cursor_goto_first_child(&level.cursor)) {
    do {
      level.nodes.push_back(ts_tree_cursor_current_node(&level.cursor));
    } while (ts_tree_cursor_goto_next_sibling(&level.cursor));
  }
  nodes_ = &level.nodes;
}

}  // namespace clearance::hcl
