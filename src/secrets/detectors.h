// The detector table: for each kind of secret, the keywords that must occur before its
// pattern is tried, the RE2 pattern (applied to a window around a keyword hit), which group
// holds the secret, and the validator that accepts or rejects a match.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clearance::secrets {

/// How far around a keyword hit the pattern looks.
enum class WindowKind {
  Line,   ///< the line holding the hit (at most 1 KiB either side)
  Block,  ///< from the hit's line on, up to 64 KiB (private key blocks span lines)
};

/// One detector: keywords, pattern, validator.
struct Detector {
  std::string_view rule_id;
  std::string_view label;
  std::vector<std::string> keywords;  ///< ASCII, matched case-insensitively
  std::unique_ptr<RE2> pattern;
  int secret_group = 1;  ///< the capture group that is the secret
  WindowKind window = WindowKind::Line;
  /// Accepts a match: `secret` is the group, `match` the whole text the pattern matched.
  bool (*accept)(std::string_view secret, std::string_view match) = nullptr;
  /// The text hashed into the fingerprint (default: the secret itself).
  std::string (*normalize)(std::string_view secret) = nullptr;
};

/// Every specific detector (the generic one is separate: see generic.h), built once.
const std::vector<Detector>& specific_detectors();

/// The pattern for a 40-character AWS secret access key standing near an access key id.
const RE2& aws_secret_near_id_pattern();
/// Accepts a candidate AWS secret access key found near an access key id.
bool accept_aws_secret_near_id(std::string_view secret);

}  // namespace clearance::secrets
