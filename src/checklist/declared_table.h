// The table of "existence" items (checklist/declared.yaml, embedded): phrases such as
// "RDS PostgreSQL instance created" mapped to the Terraform resources that declare the thing.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "checklist/item_result.h"
#include "engine/workspace.h"

namespace clearance {

struct DeclaredEntry {
  std::vector<std::string> phrases;    ///< normalised (checklist/normalise.h)
  std::vector<std::string> resources;  ///< resource types, any of which declares it
  /// Each map must be met by one resource: attribute path -> text it contains ("*" = set).
  std::vector<std::map<std::string, std::string>> require;
  std::string code_span;  ///< attribute that must equal the item's first `code` span
  /// The item's parenthesised list ("(ALB, ECS, RDS)") names things each of which needs a
  /// resource whose name, label or `name` attribute contains it.
  bool each_named = false;
  /// Every resource of type `covers` must be named by the `via` attribute of one of
  /// `resources` ("Bucket policies configured": each bucket has its policy).
  std::string covers, via;
};

struct DeclaredTable {
  std::vector<DeclaredEntry> entries;
  /// The entry for a normalised item text, or nullptr.
  const DeclaredEntry* find(std::string_view normalised) const;
  /// Every entry for a normalised item text, in table order (alternatives).
  std::vector<const DeclaredEntry*> find_all(std::string_view normalised) const;
};

/// The embedded checklist/declared.yaml.
std::string_view declared_table_yaml();

/// Parses the table; false with `error` set on malformed data.
bool load_declared_table(std::string_view yaml, DeclaredTable& out, std::string& error);

/// Judges `entry` for an item whose text is `item_text`: Declared with each matching
/// resource as evidence, or Failed saying what is missing.
ItemResult judge_declared(const DeclaredEntry& entry, std::string_view item_text,
                          const Workspace& ws);

}  // namespace clearance
