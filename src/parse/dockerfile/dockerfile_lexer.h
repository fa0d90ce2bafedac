// Dockerfile lexer: splits a Dockerfile into logical instructions the way the builder reads it.
// It honours parser directives (`# escape=` with a backslash or a backtick), line
// continuations (the escape character at the end of a line, trailing blanks allowed), comment
// and empty lines inside continuations (dropped), and heredocs (`RUN <<EOF`, `COPY <<-"EOT" f`)
// whose bodies follow the instruction. Each logical instruction keeps a map from its joined
// text back to source byte offsets, so every word it yields has an exact source range.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/location.h"

namespace clearance::dockerfile {

/// Converts byte offsets of one source text to 1-based line/column positions.
class LineIndex {
 public:
  explicit LineIndex(std::string_view source);
  /// The position of byte `offset` (clamped to the end of the source).
  Position position(uint32_t offset) const;
  /// The range of bytes [begin, end).
  Range range(uint32_t begin, uint32_t end) const { return {position(begin), position(end)}; }

 private:
  std::vector<uint32_t> starts_;
  uint32_t size_ = 0;
};

/// A heredoc introduced by `<<WORD` on an instruction line; its body follows the instruction.
struct Heredoc {
  std::string delimiter;    ///< WORD, without quotes
  bool strip_tabs = false;  ///< `<<-WORD`: leading tabs are removed from body lines
  bool quoted = false;      ///< `<<"WORD"` or `<<'WORD'`: no variable expansion in the body
  bool terminated = true;   ///< false when the file ended before the delimiter line
  std::string body;         ///< the lines between the marker and the delimiter, "\n"-joined
  uint32_t body_begin = 0;  ///< source byte range of the body
  uint32_t body_end = 0;
  uint32_t marker_begin = 0;  ///< source byte range of the `<<WORD` marker
  uint32_t marker_end = 0;
};

/// One instruction with its continuation lines joined.
struct LogicalLine {
  std::string text;  ///< joined text: escapes before newlines and comment lines removed
  std::vector<uint32_t>
      offsets;         ///< offsets[i]: source byte of text[i]; one extra entry for the end
  uint32_t begin = 0;  ///< source byte range of the instruction, heredoc bodies included
  uint32_t end = 0;
  std::vector<Heredoc> heredocs;

  /// The source byte of logical index `i` (the end of the text when `i` is past it).
  uint32_t source_offset(size_t i) const {
    return offsets[i < offsets.size() ? i : offsets.size() - 1];
  }
};

/// A problem the lexer found, as a source byte range.
struct LexProblem {
  std::string message;
  uint32_t begin = 0;
  uint32_t end = 0;
};

/// The logical instructions of a Dockerfile.
struct Lexed {
  char escape = '\\';
  std::vector<LogicalLine> lines;
  std::vector<LexProblem> problems;
};

/// Splits `source` into logical instructions. Linear in the source size; never throws.
Lexed lex(std::string_view source);

}  // namespace clearance::dockerfile
