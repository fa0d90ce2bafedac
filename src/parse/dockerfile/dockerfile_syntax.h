// Syntax check of Dockerfile instructions with the tree-sitter Dockerfile grammar. Each
// logical instruction is parsed on its own, so one bad line cannot swallow the rest of the
// file; error and missing nodes become problems with source byte ranges.
#pragma once

#include <string_view>
#include <vector>

#include "parse/dockerfile/dockerfile_lexer.h"

struct TSParser;

namespace clearance::dockerfile {

/// Reusable tree-sitter parser for Dockerfile instructions.
class SyntaxChecker {
 public:
  SyntaxChecker();
  ~SyntaxChecker();
  SyntaxChecker(const SyntaxChecker&) = delete;
  SyntaxChecker& operator=(const SyntaxChecker&) = delete;

  /// Problems in the instruction `line` of `source` (at most one per instruction).
  std::vector<LexProblem> check(std::string_view source, const LogicalLine& line, char escape);

 private:
  TSParser* parser_ = nullptr;
};

}  // namespace clearance::dockerfile
