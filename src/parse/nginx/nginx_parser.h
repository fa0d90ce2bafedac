// nginx configuration parser: nginx.conf and its snippets to the common model.
//
// The model:
//   - The root Node has kind "nginx"; its range spans the file.
//   - Every directive is a Node of kind "directive" whose `type` is the directive name
//     (`server`, `location`, `add_header`, ...). `labels` are its arguments, decoded
//     (quotes removed, escapes applied, `$variables` and `${var}` kept verbatim).
//   - Attribute "args" is the same arguments as a list of String values, each with the range
//     of its source text (quotes included). A block directive also carries attribute
//     "block" = true; its `children` are the directives of the block, in order.
//   - `range` spans the directive's text, from its name to the `;` or the closing `}`.
// The resolve step (resolve/nginx/) later splices `include`d files in place; spliced nodes
// carry attribute "file", the path of the file they come from.
#pragma once

#include "model/document.h"

namespace clearance {

/// Fills doc.root from doc.source; syntax errors become diagnostics with positions.
/// Parsing continues after an error where nginx's structure allows it.
void parse_nginx(Document& doc);

}  // namespace clearance
