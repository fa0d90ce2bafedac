// Walks only the subtrees that contain errors (tree-sitter marks them), so a clean file
// costs one flag check.
#include "parse/terraform/hcl_diagnostics.h"

#include <algorithm>
#include <string>

#include "parse/terraform/hcl_syntax.h"

namespace clearance::hcl {

namespace {

// The first token of a node, as a user would recognise it.
std::string token_text(TSNode leaf, std::string_view src) {
  std::string_view t = text_of(src, leaf);
  size_t nl = t.find_first_of("\r\n");
  if (nl != std::string_view::npos) t = t.substr(0, nl);
  if (t.size() > 40) return std::string(t.substr(0, 40)) + "...";
  return std::string(t);
}

Diagnostic make(std::string message, Range r, const std::string& path) {
  return Diagnostic{Diagnostic::Level::Error, std::move(message), Location{path, r}};
}

}  // namespace

void collect_syntax_errors(TSNode root, std::string_view source, const std::string& path,
                           std::vector<Diagnostic>& out) {
  if (!ts_node_has_error(root)) return;
  const size_t stop = out.size() + kMaxSyntaxDiagnostics + 1;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  while (out.size() < stop) {
    TSNode n = ts_tree_cursor_current_node(&cursor);
    if (ts_node_is_error(n)) {
      TSNode leaf = n;
      while (ts_node_child_count(leaf) > 0) leaf = ts_node_child(leaf, 0);
      std::string token = token_text(leaf, source);
      if (ts_node_start_byte(leaf) >= source.size() || token.empty()) {
        out.push_back(make("syntax error: unexpected end of file", range_of(leaf), path));
      } else {
        out.push_back(make("syntax error: unexpected '" + token + "'", range_of(leaf), path));
      }
    } else if (ts_node_is_missing(n)) {
      out.push_back(
          make(std::string("syntax error: missing '") + ts_node_type(n) + "'", range_of(n), path));
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

void add_syntax_errors(std::vector<Diagnostic> found, Document& doc) {
  std::stable_sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.location.range.begin < b.location.range.begin;
  });
  auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.location.range.begin == b.location.range.begin && a.message == b.message;
  };
  found.erase(std::unique(found.begin(), found.end(), same), found.end());
  size_t kept = std::min(found.size(), kMaxSyntaxDiagnostics);
  for (size_t i = 0; i < kept; ++i) doc.diagnostics.push_back(std::move(found[i]));
  if (found.size() > kMaxSyntaxDiagnostics) {
    doc.error("too many syntax errors; the rest of this file's errors are not reported",
              found[kMaxSyntaxDiagnostics].location.range);
  }
}

}  // namespace clearance::hcl
