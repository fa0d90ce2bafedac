// Terraform parser: runs the tree-sitter HCL grammar over a file and converts the tree into
// the common model at once (blocks to Nodes, attributes to Attributes, expressions through
// ExpressionBuilder), then frees the tree. One TSParser per thread is reused.
//
// Recovery: the grammar's error recovery sometimes swallows the rest of a file into one
// broken block or ERROR node. When a broken region holds a line that starts a top-level
// block at column 1, that region is parsed again on its own from that line (tree-sitter's
// included ranges keep positions true), so the valid blocks after a syntax error survive.
#include "parse/terraform/terraform_parser.h"

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <memory>

#include "parse/terraform/hcl_diagnostics.h"
#include "parse/terraform/hcl_expression.h"
#include "parse/terraform/hcl_syntax.h"

namespace clearance {

namespace {

using namespace hcl;

constexpr size_t kMaxSourceBytes = size_t{32} << 20;
constexpr int kMaxBlockDepth = 256;
constexpr int kMaxRecoveryParses = 32;

struct ThreadParser {
  TSParser* parser;
  ChildPool pool;
  ThreadParser() : parser(ts_parser_new()) { ts_parser_set_language(parser, tree_sitter_hcl()); }
  ~ThreadParser() { ts_parser_delete(parser); }
};

ThreadParser& thread_parser() {
  thread_local ThreadParser p;
  return p;
}

struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
using Tree = std::unique_ptr<TSTree, TreeDeleter>;

// A parse gets 5 s of CPU plus 2 s per MiB (about ten times what a real file needs):
// pathological input is cancelled, not waited for. CPU time rather than wall time, so a
// busy machine does not cancel honest files; read every 64th check, as it is a syscall.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Budget {
  double deadline;
  unsigned checks = 0;
};

bool out_of_time(TSParseState* state) {
  auto* budget = static_cast<Budget*>(state->payload);
  return ++budget->checks % 64 == 0 && thread_cpu_seconds() > budget->deadline;
}

const char* read_source(void* payload, uint32_t byte, TSPoint, uint32_t* bytes_read) {
  auto* src = static_cast<std::string_view*>(payload);
  if (byte >= src->size()) {
    *bytes_read = 0;
    return "";
  }
  *bytes_read = static_cast<uint32_t>(src->size() - byte);
  return src->data() + byte;
}

Tree parse(TSParser* parser, std::string_view src, const TSRange* only) {
  if (only) ts_parser_set_included_ranges(parser, only, 1);
  Budget budget{thread_cpu_seconds() + 5.0 + 2.0 * static_cast<double>(src.size()) / (1 << 20)};
  TSInput input{&src, read_source, TSInputEncodingUTF8, nullptr};
  TSParseOptions options{&budget, out_of_time};
  Tree tree(ts_parser_parse_with_options(parser, nullptr, input, options));
  if (!tree) ts_parser_reset(parser);
  if (only) ts_parser_set_included_ranges(parser, nullptr, 0);
  return tree;
}

bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// Whether the line at `pos` opens a top-level block (`word "label" word {`) or a top-level
// attribute (`word =`, as in .tfvars) at column 1.
bool starts_top_level(std::string_view s, size_t pos) {
  if (pos >= s.size() ||
      !(ident_char(s[pos]) && s[pos] != '-' && !(s[pos] >= '0' && s[pos] <= '9')))
    return false;
  while (pos < s.size() && ident_char(s[pos])) ++pos;
  bool first = true;
  while (pos < s.size()) {
    char c = s[pos];
    if (c == ' ' || c == '\t') {
      ++pos;
    } else if (c == '{') {
      return true;
    } else if (c == '=' && first) {
      return pos + 1 < s.size() && s[pos + 1] != '=';
    } else if (c == '"') {
      ++pos;
      while (pos < s.size() && s[pos] != '"' && s[pos] != '\n') pos += s[pos] == '\\' ? 2 : 1;
      if (pos >= s.size() || s[pos] != '"') return false;
      ++pos;
      first = false;
    } else if (ident_char(c)) {
      while (pos < s.size() && ident_char(s[pos])) ++pos;
      first = false;
    } else {
      return false;
    }
  }
  return false;
}

class Converter {
 public:
  Converter(Document& doc, ThreadParser& tp)
      : doc_(doc), src_(doc.source), tp_(tp), sym_(Symbols::get()), exprs_(src_, tp.pool) {}

  void run() {
    doc_.root.kind = "file";
    Tree tree = parse(tp_.parser, src_, nullptr);
    if (!tree) {
      doc_.error("parsing took too long; the file was skipped");
      return;
    }
    TSNode root = ts_tree_root_node(tree.get());
    doc_.root.range = range_of(root);
    top_level(root);
    collect_syntax_errors(root, src_, doc_.path, syntax_errors_);
    add_syntax_errors(std::move(syntax_errors_), doc_);
    if (const Range* r = exprs_.too_deep()) {
      doc_.error("expression nested too deeply (over " + std::to_string(kMaxExpressionDepth) +
                     " levels): its value is unknown",
                 *r);
    }
  }

 private:
  // The children of a file root (or of a recovery parse's root).
  void top_level(TSNode root) {
    Children kids(tp_.pool, root);
    for (TSNode c : kids) {
      TSSymbol s = ts_node_symbol(c);
      if (s == sym_.body) {
        body(c, doc_.root, 0, UINT32_MAX, true);
      } else if (ts_node_is_error(c)) {
        TSPoint at{};
        uint32_t from = resync_point(c, at);
        recover(c, from, at);
      }
    }
  }

  // Where, inside a broken region, a line after the region's first line starts a
  // top-level element; UINT32_MAX when none does.
  uint32_t resync_point(TSNode region, TSPoint& point) const {
    if (recoveries_ >= kMaxRecoveryParses) return UINT32_MAX;
    uint32_t end = ts_node_end_byte(region);
    point = ts_node_start_point(region);
    size_t pos = ts_node_start_byte(region);
    while (true) {
      size_t nl = src_.find('\n', pos);
      if (nl == std::string_view::npos || nl + 1 >= end) return UINT32_MAX;
      pos = nl + 1;
      ++point.row;
      if (starts_top_level(src_, pos)) return static_cast<uint32_t>(pos);
    }
  }

  // Parses the rest of a broken region on its own from its resync point, adding what it
  // finds (blocks, attributes, further syntax errors) to the top level.
  void recover(TSNode region, uint32_t from, TSPoint point) {
    if (from == UINT32_MAX) return;
    ++recoveries_;
    TSRange range{{point.row, 0}, ts_node_end_point(region), from, ts_node_end_byte(region)};
    Tree tree = parse(tp_.parser, src_, &range);
    if (!tree) return;
    top_level(ts_tree_root_node(tree.get()));
    collect_syntax_errors(ts_tree_root_node(tree.get()), src_, doc_.path, syntax_errors_);
  }

  void body(TSNode n, Node& owner, int depth, uint32_t limit, bool top) {
    Children kids(tp_.pool, n);
    for (size_t i = 0; i < kids.size(); ++i) {
      TSNode c = kids[i];
      if (ts_node_start_byte(c) >= limit) break;
      TSSymbol s = ts_node_symbol(c);
      if (s == sym_.attribute) {
        // `a = foo(` parses as `a = foo` and an ERROR: the value is cut short, leave it out.
        bool cut = i + 1 < kids.size() && ts_node_is_error(kids[i + 1]) &&
                   ts_node_start_point(kids[i + 1]).row == ts_node_end_point(c).row;
        if (!cut) attribute(c, owner);
      } else if (s == sym_.block) {
        if (depth >= kMaxBlockDepth) {
          if (!deep_blocks_reported_) {
            doc_.error("blocks nested too deeply (over " + std::to_string(kMaxBlockDepth) +
                           " levels): the inner ones are skipped",
                       range_of(c));
          }
          deep_blocks_reported_ = true;
          continue;
        }
        // A broken top-level block may have swallowed the blocks after it: keep what
        // comes before the resync point and parse the rest again.
        TSPoint at{};
        uint32_t from = top && ts_node_has_error(c) ? resync_point(c, at) : UINT32_MAX;
        owner.children.push_back(block(c, depth + 1, std::min(limit, from), top));
        recover(c, from, at);
      } else if (top && ts_node_is_error(c)) {
        TSPoint at{};
        uint32_t from = resync_point(c, at);
        recover(c, from, at);
      }
    }
  }

  Node block(TSNode n, int depth, uint32_t limit, bool top) {
    Node node;
    node.range = range_of(n);
    Children kids(tp_.pool, n);
    std::string keyword;
    TSNode inner{}, error{};
    bool have_keyword = false;
    for (TSNode c : kids) {
      TSSymbol s = ts_node_symbol(c);
      if (s == sym_.identifier) {
        if (have_keyword)
          node.labels.emplace_back(text_of(src_, c));
        else
          keyword = text_of(src_, c);
        have_keyword = true;
      } else if (s == sym_.string_lit) {
        node.labels.push_back(exprs_.string_literal(c));
      } else if (s == sym_.body) {
        inner = c;
      } else if (ts_node_is_error(c) && !ts_node_is_null(inner) && ts_node_is_null(error)) {
        error = c;
      }
    }
    const auto& labels = node.labels;
    if (top) {
      node.kind = keyword;
      if ((keyword == "resource" || keyword == "data") && !labels.empty()) {
        node.type = labels[0];
        if (labels.size() > 1) node.name = labels[1];
      } else {
        node.type = keyword;
        if (!labels.empty()) node.name = labels[0];
      }
    } else if (keyword == "dynamic") {
      node.kind = "dynamic";
      if (!labels.empty()) node.type = labels[0];
    } else {
      node.kind = "block";
      node.type = keyword;
      if (!labels.empty()) node.name = labels[0];
    }
    if (!ts_node_is_null(inner)) body(inner, node, depth, limit, false);
    // `a = foo(` as the last line of a body parses as `a = foo` and an ERROR after the
    // body: the value is cut short, leave it out.
    if (!ts_node_is_null(error) && !node.attributes.empty() &&
        node.attributes.back().range.end.line == ts_node_start_point(error).row + 1) {
      node.attributes.pop_back();
    }
    return node;
  }

  void attribute(TSNode n, Node& owner) {
    Children kids(tp_.pool, n);
    TSNode name{}, value{};
    for (TSNode c : kids) {
      TSSymbol s = ts_node_symbol(c);
      // An attribute whose syntax is broken between name and value has no trustworthy value.
      if (ts_node_is_error(c)) return;
      if (s == sym_.identifier && ts_node_is_null(name))
        name = c;
      else if (s == sym_.expression && ts_node_is_null(value))
        value = c;
    }
    if (ts_node_is_null(name) || ts_node_is_null(value)) return;
    owner.attributes.push_back(
        Attribute{std::string(text_of(src_, name)), exprs_.value(value), range_of(n)});
  }

  Document& doc_;
  std::string_view src_;
  ThreadParser& tp_;
  const Symbols& sym_;
  ExpressionBuilder exprs_;
  int recoveries_ = 0;
  std::vector<Diagnostic> syntax_errors_;  // from every parse of the file, capped at the end
  bool deep_blocks_reported_ = false;
};

}  // namespace

void parse_terraform(Document& doc) {
  doc.root = Node{};
  doc.root.kind = "file";
  if (doc.source.size() > kMaxSourceBytes) {
    doc.error("file too large to parse (" + std::to_string(doc.source.size() >> 20) +
              " MiB; the limit is " + std::to_string(kMaxSourceBytes >> 20) + " MiB)");
    return;
  }
  Converter(doc, thread_parser()).run();
}

}  // namespace clearance
