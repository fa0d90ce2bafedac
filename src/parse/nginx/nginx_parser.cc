// Builds the directive tree from NginxLexer tokens with an explicit stack of open blocks (no
// recursion, so deep nesting cannot exhaust the call stack; blocks nested past a cap are
// dropped, their braces still counted). Errors mirror what nginx itself would refuse: a `;` or `{` without a directive name, a `}` while a
// directive is still open (a missing `;`), a `}` with no open block, and end of file inside a
// directive or a block. Unlike nginx, parsing goes on after an error so later rules still see
// the rest of the file. Directives whose block holds Lua code (`*_by_lua_block`) are skipped
// as raw text, since their body is not nginx syntax.
#include "parse/nginx/nginx_parser.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "parse/nginx/nginx_lexer.h"

namespace clearance {

namespace {

constexpr size_t kMaxDepth = 100;

// Directive names that commonly start a line. A new line beginning with one of these while a
// directive is still open is most likely a forgotten `;` (nginx would read both as one
// directive and then complain about its arguments).
constexpr std::array<std::string_view, 24> kLineStarters = {"add_header",
                                                            "alias",
                                                            "client_max_body_size",
                                                            "error_page",
                                                            "expires",
                                                            "include",
                                                            "index",
                                                            "limit_req",
                                                            "listen",
                                                            "location",
                                                            "proxy_pass",
                                                            "proxy_set_header",
                                                            "return",
                                                            "rewrite",
                                                            "root",
                                                            "server_name",
                                                            "server_tokens",
                                                            "ssl_certificate",
                                                            "ssl_certificate_key",
                                                            "ssl_protocols",
                                                            "try_files",
                                                            "fastcgi_pass",
                                                            "access_log",
                                                            "error_log"};

// Blocks whose entries are data (keys and values), not directives.
bool is_data_block(std::string_view type) {
  return type == "map" || type == "types" || type == "geo" || type == "split_clients" ||
         type == "charset_map" || type == "match";
}

class Builder {
 public:
  explicit Builder(Document& doc) : doc_(doc), lexer_(doc.source) {}

  void run() {
    Node root;
    root.kind = "nginx";
    stack_.push_back(std::move(root));
    for (;;) {
      NginxToken tok = lexer_.next();
      if (too_deep_ > 0 && skip_deep(tok)) continue;
      switch (tok.kind) {
        case NginxToken::Kind::Word: on_word(std::move(tok)); break;
        case NginxToken::Kind::Semicolon: on_semicolon(tok); break;
        case NginxToken::Kind::BlockStart: on_block_start(tok); break;
        case NginxToken::Kind::BlockEnd: on_block_end(tok); break;
        case NginxToken::Kind::Error: doc_.error(tok.text, tok.range); break;
        case NginxToken::Kind::End: return finish(tok.range.end);
      }
    }
  }

 private:
  void on_word(NginxToken tok) {
    if (args_.size() >= 2 && tok.line_start && !tok.quoted && !is_data_block(stack_.back().type) &&
        args_.front().text != "log_format" &&
        std::find(kLineStarters.begin(), kLineStarters.end(), tok.text) != kLineStarters.end()) {
      doc_.diagnostics.push_back(
          {Diagnostic::Level::Warning,
           "missing \";\" after \"" + args_.front().text + "\" before \"" + tok.text + "\"?",
           {doc_.path, {tok.range.begin, tok.range.begin}}});
    }
    args_.push_back(std::move(tok));
  }

  void on_semicolon(const NginxToken& tok) {
    if (args_.empty()) {
      doc_.error("unexpected \";\"", tok.range);
      return;
    }
    stack_.back().children.push_back(make_directive(tok.range.end));
  }

  // Inside blocks nested past kMaxDepth: their contents are dropped, but braces are still
  // counted so that everything after them parses as usual. True when `tok` was consumed.
  bool skip_deep(const NginxToken& tok) {
    switch (tok.kind) {
      case NginxToken::Kind::BlockStart: ++too_deep_; args_.clear(); return true;
      case NginxToken::Kind::BlockEnd: --too_deep_; args_.clear(); return true;
      case NginxToken::Kind::End: return false;
      default: args_.clear(); return true;
    }
  }

  // Returns false when the block is not kept (nested too deep).
  bool on_block_start(const NginxToken& tok) {
    if (args_.empty()) {
      doc_.error("unexpected \"{\"", tok.range);
      Node orphan;  // keeps braces balanced; dropped when closed
      orphan.range = tok.range;
      stack_.push_back(std::move(orphan));
      return true;
    }
    Node block = make_directive(tok.range.end);
    block.attributes.push_back({"block", Value::boolean(true, tok.range), tok.range});
    std::string_view name = block.type;
    if (name.size() > 10 && name.substr(name.size() - 10) == "_lua_block") {
      Range close = lexer_.skip_raw_block();
      if (close.begin.line == 0) {
        doc_.error("unexpected end of file, expecting \"}\" to close \"" + block.type + "\"",
                   {block.range.begin, block.range.begin});
        close.end = lexer_.position();
      }
      block.range.end = close.end;
      stack_.back().children.push_back(std::move(block));
      return true;
    }
    if (stack_.size() > kMaxDepth) {
      doc_.error("blocks nested deeper than " + std::to_string(kMaxDepth) +
                     " levels: their contents are not read",
                 block.range);
      too_deep_ = 1;
      return false;
    }
    stack_.push_back(std::move(block));
    return true;
  }

  void on_block_end(const NginxToken& tok) {
    if (!args_.empty()) {
      doc_.error("expecting \";\" before \"}\" (directive \"" + args_.front().text + "\")",
                 tok.range);
      Position end = args_.back().range.end;
      stack_.back().children.push_back(make_directive(end));
    }
    if (stack_.size() == 1) {
      doc_.error("unexpected \"}\"", tok.range);
      return;
    }
    close_block(tok.range.end);
  }

  void close_block(Position end) {
    Node done = std::move(stack_.back());
    stack_.pop_back();
    done.range.end = end;
    if (!done.type.empty()) stack_.back().children.push_back(std::move(done));
  }

  void finish(Position eof) {
    if (!args_.empty()) {
      doc_.error("unexpected end of file, expecting \";\" or \"}\"", {eof, eof});
      Position end = args_.back().range.end;
      stack_.back().children.push_back(make_directive(end));
    }
    while (stack_.size() > 1) {
      const Node& open = stack_.back();
      doc_.error("unexpected end of file, expecting \"}\" to close \"" + open.type +
                     "\" opened at line " + std::to_string(open.range.begin.line),
                 {open.range.begin, open.range.begin});
      close_block(eof);
    }
    doc_.root = std::move(stack_.back());
    doc_.root.range = {{1, 1}, eof};
  }

  // Turns the pending words into a directive node ending at `end`, and clears them.
  Node make_directive(Position end) {
    Node n;
    n.kind = "directive";
    n.type = std::move(args_.front().text);
    n.range = {args_.front().range.begin, end};
    std::vector<Value> values;
    values.reserve(args_.size() - 1);
    n.labels.reserve(args_.size() - 1);
    for (size_t i = 1; i < args_.size(); ++i) {
      n.labels.push_back(args_[i].text);
      values.push_back(Value::string(std::move(args_[i].text), args_[i].range));
    }
    Range args_range = args_.size() > 1 ? Range{args_[1].range.begin, args_.back().range.end}
                                        : Range{n.range.begin, n.range.begin};
    n.attributes.push_back({"args", Value::list(std::move(values), args_range), args_range});
    args_.clear();
    return n;
  }

  Document& doc_;
  NginxLexer lexer_;
  std::vector<Node> stack_;
  std::vector<NginxToken> args_;
  size_t too_deep_ = 0;  ///< blocks open beyond kMaxDepth
};

}  // namespace

void parse_nginx(Document& doc) {
  Builder(doc).run();
}

}  // namespace clearance
