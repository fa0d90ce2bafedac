// tree-sitter syntax check of single instructions. The grammar knows only the backslash as
// escape character, so under `# escape=\`` the instruction text is handed to it with
// backticks and backslashes swapped (same length, so byte offsets stay true).
#include "parse/dockerfile/dockerfile_syntax.h"

#include <tree_sitter/api.h>

#include <string>

extern "C" const TSLanguage* tree_sitter_dockerfile(void);

namespace clearance::dockerfile {

namespace {

constexpr int kMaxDepth = 256;  // instructions are shallow; this bounds the walk

/// The first error or missing node under `n` in document order, or a null node.
TSNode first_error(TSNode n, int depth) {
  if (ts_node_is_error(n) || ts_node_is_missing(n) || depth > kMaxDepth) return n;
  uint32_t count = ts_node_child_count(n);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode c = ts_node_child(n, i);
    if (!ts_node_has_error(c)) continue;
    TSNode e = first_error(c, depth + 1);
    if (!ts_node_is_null(e)) return e;
  }
  return TSNode{};
}

}  // namespace

SyntaxChecker::SyntaxChecker() : parser_(ts_parser_new()) {
  ts_parser_set_language(parser_, tree_sitter_dockerfile());
}

SyntaxChecker::~SyntaxChecker() {
  ts_parser_delete(parser_);
}

std::vector<LexProblem> SyntaxChecker::check(std::string_view source, const LogicalLine& line,
                                             char escape) {
  std::vector<LexProblem> out;
  if (line.end <= line.begin || line.end > source.size()) return out;
  std::string text(source.substr(line.begin, line.end - line.begin));
  if (escape == '`')
    for (char& c : text) c = c == '`' ? '\\' : (c == '\\' ? '`' : c);
  text.push_back('\n');
  TSTree* tree =
      ts_parser_parse_string(parser_, nullptr, text.data(), static_cast<uint32_t>(text.size()));
  if (!tree) return out;
  TSNode root = ts_tree_root_node(tree);
  if (ts_node_has_error(root)) {
    TSNode e = first_error(root, 0);
    if (ts_node_is_null(e)) e = root;
    uint32_t b = ts_node_start_byte(e), en = ts_node_end_byte(e);
    if (en > line.end - line.begin) en = line.end - line.begin;
    if (b > en) b = en;
    std::string what = ts_node_is_missing(e) ? std::string("missing ") + ts_node_type(e)
                                             : std::string("unexpected syntax");
    out.push_back({what, line.begin + b, line.begin + en});
  }
  ts_tree_delete(tree);
  return out;
}

}  // namespace clearance::dockerfile
