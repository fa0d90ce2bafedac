// Syntax errors of an HCL tree as diagnostics: one per ERROR or MISSING node, capped per file.
#pragma once

#include <tree_sitter/api.h>

#include <string_view>

#include "model/document.h"

namespace clearance::hcl {

/// Most syntax diagnostics reported for one file; one more says the rest were left out.
inline constexpr int kMaxSyntaxDiagnostics = 20;

/// Adds a diagnostic to `doc` for each ERROR and MISSING node under `root`, counting them in
/// `reported` (shared across the parses of one file).
void report_syntax_errors(TSNode root, std::string_view source, Document& doc, int& reported);

}  // namespace clearance::hcl
