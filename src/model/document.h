// Document: one parsed file (or one derived view of a file, such as an ECS task definition
// found inside Terraform), with the diagnostics its parser raised.
#pragma once

#include <string>
#include <vector>

#include "model/format.h"
#include "model/location.h"
#include "model/node.h"

namespace clearance {

/// A problem found while reading input: a syntax error, a skipped file, an include cycle.
struct Diagnostic {
  enum class Level { Error, Warning, Note };
  Level level = Level::Error;
  std::string message;
  Location location;
};

/// A parsed file in the common model.
struct Document {
  std::string path;    ///< as shown to users: relative to the scan root where possible
  std::string disk_path;  ///< where it was read from
  Format format = Format::Text;
  std::string source;  ///< the file's bytes (kept for snippets, suppressions, secrets)
  Node root;
  std::vector<Diagnostic> diagnostics;

  bool has_errors() const;
  /// Adds an error diagnostic at `range` of this document.
  void error(std::string message, Range range = {});
};

}  // namespace clearance
