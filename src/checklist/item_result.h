// What `clearance checklist` concludes about one checklist item, with the evidence to show.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/location.h"

namespace clearance {

/// Verified and failed come from rules or concrete values; declared says the code declares the
/// thing the item names (not that it is right); manual is everything a person must check.
enum class ItemStatus { Verified, Failed, Undetermined, Declared, Manual };

/// "verified", "failed", "undetermined", "declared", "manual".
std::string_view item_status_name(ItemStatus s);

/// One line of evidence: what was checked or found, and where.
struct Evidence {
  std::string text;
  Location location;  ///< empty path when there is no single place
};

struct ItemResult {
  ItemStatus status = ItemStatus::Manual;
  std::vector<std::string> rules;  ///< rule ids (or "declared", "env-values", "iam-actions")
  std::vector<Evidence> evidence;
};

}  // namespace clearance
