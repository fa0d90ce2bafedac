// Walks only the subtrees that contain errors (tree-sitter marks them), so a clean file
// costs one flag check.
#include "parse/terraform/hcl_diagnostics.h"

#include <string>

#include "parse/terraform/hcl_syntax.h"

namespace clearance::hcl {

namespace {

// The token an ERROR node starts with, as a user would recognise it.
std::string first_token(TSNode n, std::string_view src) {
  TSNode leaf = n;
  while (ts_node_child_count(leaf) > 0) leaf = ts_node_child(leaf, 0);
  std::string_view t = text_of(src, leaf);
  if (t.empty()) t = text_of(src, n);
  size_t nl = t.find_first_of("\r\n");
  if (nl != std::string_view::npos) t = t.substr(0, nl);
  if (t.size() > 40) return std::string(t.substr(0, 40)) + "...";
  return std::string(t);
}

void add(Document& doc, int& reported, std::string message, Range r) {
  if (reported > kMaxSyntaxDiagnostics) return;
  if (reported == kMaxSyntaxDiagnostics) {
    doc.error("too many syntax errors; the rest of this file's errors are not reported", r);
  } else {
    doc.error(std::move(message), r);
  }
  ++reported;
}

}  // namespace

void report_syntax_errors(TSNode root, std::string_view source, Document& doc, int& reported) {
  if (!ts_node_has_error(root)) return;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  while (reported <= kMaxSyntaxDiagnostics) {
    TSNode n = ts_tree_cursor_current_node(&cursor);
    if (ts_node_is_error(n)) {
      TSNode leaf = n;
      while (ts_node_child_count(leaf) > 0) leaf = ts_node_child(leaf, 0);
      std::string token = first_token(n, source);
      Range r{position(ts_node_start_point(leaf)), position(ts_node_end_point(n))};
      if (ts_node_start_byte(leaf) >= source.size() || token.empty()) {
        add(doc, reported, "syntax error: unexpected end of file", r);
      } else {
        add(doc, reported, "syntax error: unexpected '" + token + "'", r);
      }
    } else if (ts_node_is_missing(n)) {
      add(doc, reported, std::string("syntax error: missing '") + ts_node_type(n) + "'",
          range_of(n));
    } else if (ts_node_has_error(n) && ts_tree_cursor_goto_first_child(&cursor)) {
      continue;
    }
    // Next sibling, else climb until an ancestor has one.
    bool moved = ts_tree_cursor_goto_next_sibling(&cursor);
    while (!moved && ts_tree_cursor_goto_parent(&cursor))
      moved = ts_tree_cursor_goto_next_sibling(&cursor);
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
}

}  // namespace clearance::hcl
