// Text helpers for HCL templates: escapes, whitespace trimming and heredoc indentation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/expression.h"

namespace clearance::hcl {

/// Whitespace as HCL strip markers and heredoc indentation see it.
bool is_space(char c);
/// Whether a template part is a literal string.
bool is_string_part(const Expression& e);
/// Replaces the string of a literal part, keeping its range.
void set_string(Expression& part, std::string s);
/// Removes the literal parts that ended up empty (after strip markers, say).
void drop_empty_literals(std::vector<Expression>& parts);
/// Decodes the escapes of a quoted template literal (\n, \", \uNNNN, $${, %%{...).
std::string decode_quoted(std::string_view raw);
/// Decodes a heredoc literal: only $${ and %%{ are escapes there.
std::string decode_heredoc(std::string_view raw);
/// Removes the common leading whitespace of the lines of a `<<-` heredoc's literal parts,
/// in document order through directive bodies, as Terraform does.
void flush_heredoc(std::vector<Expression>& parts);

}  // namespace clearance::hcl
