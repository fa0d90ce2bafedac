// .env groups: which template (`.env.example`...) describes which real env files, and which
// files are production. The template of a real file is the one named after it in its own
// directory (`.env.production.example` for `.env.production`), else a generic one there
// (`.env.example`, `.env.sample`, `.env.template`, `.env.dist`, in that order; not one named
// for another environment), else the same search in each parent directory of the scan.
//
// The result is written into the model so rules can read it: a real file's root gets the
// String attribute `template_path` (the template's document path) when it has a template.
#pragma once

#include <string_view>
#include <vector>

#include "engine/workspace.h"

namespace clearance {

/// A template and the real env files it describes.
struct DotenvGroup {
  const Document* template_doc = nullptr;  ///< never null
  std::vector<const Document*> real;       ///< sorted by path
};

/// The template of every real dotenv document of `ws`, grouped by template (sorted by the
/// template's path). Real files without a template are in no group.
std::vector<DotenvGroup> dotenv_groups(const Workspace& ws);

/// Writes the groups into the documents (`template_path` on real files' roots).
void resolve_dotenv(Workspace& ws);

/// Overrides what the name says: marks `doc` as production (environment "production") or
/// not. Used for configuration such as "these files are production".
void set_dotenv_production(Document& doc, bool production);

/// The same for the dotenv document at `path`; false when there is none.
bool set_dotenv_production(Workspace& ws, std::string_view path, bool production);

/// True when a dotenv document's root says it is a template.
bool is_dotenv_template(const Document& doc);

/// True when a dotenv document's root says it is production.
bool is_dotenv_production(const Document& doc);

}  // namespace clearance
