// Stable identities for findings, independent of line numbers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/finding.h"

namespace clearance {

/// 64-bit FNV-1a of `data`, chained from `seed`.
uint64_t fnv1a64(std::string_view data, uint64_t seed = 0xcbf29ce484222325ULL);

/// Hex digest of rule, path and subject (or the content seed, for secrets): survives line
/// shifts and edits elsewhere in the file.
std::string finding_fingerprint(const Finding& f);

}  // namespace clearance
