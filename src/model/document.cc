// Diagnostic helpers of Document.
#include "model/document.h"

namespace clearance {

bool Document::has_errors() const {
  for (const auto& d : diagnostics)
    if (d.level == Diagnostic::Level::Error) return true;
  return false;
}

void Document::error(std::string message, Range range) {
  diagnostics.push_back({Diagnostic::Level::Error, std::move(message), {path, range}});
}

}  // namespace clearance
