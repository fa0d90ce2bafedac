// Builds the model node of one Dockerfile instruction (kind "instruction") from its logical
// line: flags, arguments, exec or shell form, command text, heredocs, and one "pair" child per
// ENV/ARG/LABEL key. The model itself is described in dockerfile_parser.h.
#pragma once

#include <string>
#include <vector>

#include "model/node.h"
#include "parse/dockerfile/dockerfile_lexer.h"
#include "parse/dockerfile/dockerfile_words.h"

namespace clearance::dockerfile {

/// What the stage builder needs beyond the node: the words after the flags.
struct Instruction {
  Node node;
  std::vector<Word> words;            ///< arguments after the flags (shell-form words)
  std::vector<std::string> problems;  ///< messages; they point at the instruction
};

/// Builds the instruction node for `line`; `index` maps logical positions to the source.
Instruction build_instruction(const LogicalLine& line, const LineIndex& index, char escape);

/// Source range of logical [begin, end) of `line`.
Range logical_range(const LogicalLine& line, const LineIndex& index, size_t begin, size_t end);

}  // namespace clearance::dockerfile
