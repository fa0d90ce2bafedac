// Terraform (HCL) parser on tree-sitter: .tf and .tfvars files to the common model.
#pragma once

#include "model/document.h"

namespace clearance {

/// Fills doc.root from doc.source; syntax errors become diagnostics with positions.
void parse_terraform(Document& doc);

}  // namespace clearance
