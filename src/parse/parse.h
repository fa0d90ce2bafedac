// The parse step: bytes of one file to a Document in the common model.
// Every format's parser is listed explicitly in parse.cc; none leaks its syntax tree.
#pragma once

#include <string>

#include "model/document.h"

namespace clearance {

/// Decides a file's format from its path (relative, '/'-separated) and content.
/// Files no parser reads are Format::Text (still searched for secrets).
Format classify(std::string_view path, std::string_view content);

/// Parses `doc.source` (already set, with `path` and `format`) into `doc.root`;
/// problems become diagnostics on `doc`. Never throws.
void parse_document(Document& doc);

}  // namespace clearance
