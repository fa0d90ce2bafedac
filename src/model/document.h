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
  /// Which module instance the document belongs to, for rules that look across files
  /// (`related`, `exists`): documents with the same key are one module. Empty = its directory.
  std::string module_key;
  /// The module address its nodes live under ("module.app.module.db"); prefixes findings'
  /// subjects. Empty for a root module.
  std::string module_address;
  /// Where this module instance was called from, outermost first (SARIF related locations).
  std::vector<Location> call_chain;
  /// False for documents kept only so that others can refer to them (e.g. a module's
  /// standalone copy once instances exist): rules do not select subjects from them.
  bool checked = true;

  bool has_errors() const;
  /// Adds an error diagnostic at `range` of this document.
  void error(std::string message, Range range = {});
};

}  // namespace clearance
