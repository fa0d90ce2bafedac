// The nginx tokenizer. It follows the states of nginx's configuration reader: between words
// (where `#`, quotes, `;`, `{` and `}` are special) and inside a word (where only whitespace,
// `;` and `{` end it, so `}` and `#` inside a word are ordinary characters, and `{` right after
// `$` belongs to a `${var}` reference). After a closing quote only whitespace, `;`, `{` or `)`
// may follow; nginx drops that `)` (it closes an `if (...)` condition).
#include "parse/nginx/nginx_lexer.h"

namespace clearance {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string describe(char c) {
  if (c == '\0') return "end of file";
  return std::string("\"") + c + "\"";
}

}  // namespace

void NginxLexer::advance() {
  if (src_[pos_] == '\n') {
    ++line_;
    col_ = 1;
  } else {
    ++col_;
  }
  ++pos_;
}

void NginxLexer::decode_escape(std::string& out, char next) {
  switch (next) {
    case '"':
    case '\'':
    case '\\': out += next; return;
    case 't': out += '\t'; return;
    case 'r': out += '\r'; return;
    case 'n': out += '\n'; return;
    default: out += '\\'; out += next;
  }
}

void NginxLexer::skip_comment() {
  while (!at_end() && peek() != '\n') advance();
}

NginxToken NginxLexer::next() {
  for (;;) {
    while (!at_end() && is_space(peek())) advance();
    if (at_end()) {
      NginxToken t;
      t.kind = NginxToken::Kind::End;
      t.range = {position(), position()};
      return t;
    }
    if (peek() == '#') {
      skip_comment();
      continue;
    }
    break;
  }
  Position begin = position();
  NginxToken t;
  t.line_start = begin.line != last_token_line_;
  char c = peek();
  if (c == ';' || c == '{' || c == '}') {
    advance();
    t.kind = c == ';'   ? NginxToken::Kind::Semicolon
             : c == '{' ? NginxToken::Kind::BlockStart
                        : NginxToken::Kind::BlockEnd;
    t.text = std::string(1, c);
  } else {
    bool line_start = t.line_start;
    t = word(c == '"' || c == '\'');
    t.line_start = line_start;
  }
  t.range.begin = begin;
  t.range.end = position();
  last_token_line_ = t.range.end.line;
  return t;
}

NginxToken NginxLexer::word(bool quoted_start) {
  NginxToken t;
  t.kind = NginxToken::Kind::Word;
  t.quoted = quoted_start;
  if (quoted_start) {
    char q = peek();
    Position open = position();
    advance();
    for (;;) {
      if (at_end()) {
        t.kind = NginxToken::Kind::Error;
        t.text = "unexpected end of file in a quoted string opened at line " +
                 std::to_string(open.line) + ", column " + std::to_string(open.column);
        return t;
      }
      char c = peek();
      advance();
      if (c == '\\' && !at_end()) {
        decode_escape(t.text, peek());
        advance();
      } else if (c == q) {
        break;
      } else {
        t.text += c;
      }
    }
    // nginx requires a separator after a closing quote; a `)` is consumed and dropped.
    char after = peek();
    if (after == ')') {
      advance();
    } else if (!at_end() && !is_space(after) && after != ';' && after != '{') {
      Position p = position();
      t.kind = NginxToken::Kind::Error;
      t.text = "unexpected " + describe(after) + " after a quoted string at line " +
               std::to_string(p.line) + ", column " + std::to_string(p.column);
      // Resynchronise: the rest of the word is dropped, as nginx would stop here anyway.
      while (!at_end() && !is_space(peek()) && peek() != ';' && peek() != '{') advance();
    }
    return t;
  }
  bool variable = false;
  while (!at_end()) {
    char c = peek();
    if (c == '{' && variable) {
      t.text += c;
      advance();
      variable = false;
      continue;
    }
    variable = false;
    if (is_space(c) || c == ';' || c == '{') break;
    advance();
    if (c == '\\' && !at_end()) {
      decode_escape(t.text, peek());
      advance();
      continue;
    }
    if (c == '$') variable = true;
    t.text += c;
  }
  return t;
}

Range NginxLexer::skip_raw_block() {
  int depth = 1;
  while (!at_end()) {
    char c = peek();
    Position here = position();
    if (c == '"' || c == '\'') {
      advance();
      while (!at_end() && peek() != c && peek() != '\n') {
        if (peek() == '\\') advance();
        if (!at_end()) advance();
      }
      if (!at_end()) advance();
      continue;
    }
    if (c == '-' && peek(1) == '-') {
      skip_comment();
      continue;
    }
    if (c == '[' && peek(1) == '[') {
      advance();
      advance();
      while (!at_end() && !(peek() == ']' && peek(1) == ']')) advance();
      if (!at_end()) {
        advance();
        advance();
      }
      continue;
    }
    advance();
    if (c == '{') ++depth;
    if (c == '}' && --depth == 0) {
      last_token_line_ = here.line;
      return {here, position()};
    }
  }
  return {};
}

}  // namespace clearance
