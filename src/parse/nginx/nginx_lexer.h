// NginxLexer: splits nginx configuration text into words and punctuation the way nginx's own
// configuration reader does. Words are separated by whitespace; `;` ends a directive; `{` and
// `}` open and close blocks; `#` starts a comment only where a word could start; single and
// double quotes delimit words that may hold whitespace, `;` and braces; a backslash escapes
// the next character (inside quotes and out); `${name}` keeps its braces inside a word.
// Escapes are decoded as nginx decodes them: \" \' \\ become the character, \t \r \n become
// control characters, any other \x stays as written (so regexes like `\.php$` survive).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/location.h"

namespace clearance {

/// One lexical element of an nginx configuration.
struct NginxToken {
  enum class Kind {
    Word,        ///< a directive name or argument; `text` is decoded, `quoted` tells its form
    Semicolon,   ///< `;`
    BlockStart,  ///< `{`
    BlockEnd,    ///< `}`
    End,         ///< end of input
    Error,       ///< a lexical error; `text` is the message; scanning may continue
  };
  Kind kind = Kind::End;
  std::string text;
  bool quoted = false;
  bool line_start = false;  ///< the word is the first thing on its source line
  Range range;
};

/// A pull tokenizer over a borrowed buffer. Never throws; errors are tokens.
class NginxLexer {
 public:
  explicit NginxLexer(std::string_view src) : src_(src) {}

  /// The next token; End forever once the input is exhausted.
  NginxToken next();

  /// Skips a raw block body (the lexer has just returned the `{` of e.g. a
  /// `content_by_lua_block`), balancing braces and stepping over Lua strings and comments.
  /// Returns the range of the closing `}` or an empty range at end of input.
  Range skip_raw_block();

  Position position() const { return {line_, col_}; }

 private:
  bool at_end() const { return pos_ >= src_.size(); }
  char peek(size_t ahead = 0) const {
    return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
  }
  void advance();
  NginxToken word(bool quoted_start);
  void skip_comment();
  static void decode_escape(std::string& out, char next);

  std::string_view src_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
  uint32_t col_ = 1;
  uint32_t last_token_line_ = 0;  ///< the line of the previous token, for `line_start`
};

}  // namespace clearance
