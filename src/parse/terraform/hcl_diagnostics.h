// Syntax errors of an HCL tree as diagnostics: one per ERROR or MISSING node.
#pragma once

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

#include "model/document.h"

namespace clearance::hcl {

/// Most syntax diagnostics kept for one file; one more says the rest were left out.
inline constexpr size_t kMaxSyntaxDiagnostics = 20;

/// Appends a diagnostic for each ERROR and MISSING node under `root` (at most a few more
/// than the per-file cap, so a broken file costs little).
void collect_syntax_errors(TSNode root, std::string_view source, const std::string& path,
                           std::vector<Diagnostic>& out);

/// Moves `found` into `doc` in document order without duplicates, capped per file.
void add_syntax_errors(std::vector<Diagnostic> found, Document& doc);

}  // namespace clearance::hcl
