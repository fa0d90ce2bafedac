// Content-based fingerprints. A secret's fingerprint comes from its hash (the seed), so the
// same leaked key stays one alert wherever it moves; other findings hash what they judged.
#include "engine/fingerprint.h"

#include <cstdio>

namespace clearance {

uint64_t fnv1a64(std::string_view data, uint64_t h) {
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string finding_fingerprint(const Finding& f) {
  uint64_t h = fnv1a64(f.rule_id);
  h = fnv1a64("\x1f", h);
  h = fnv1a64(f.location.path, h);
  h = fnv1a64("\x1f", h);
  if (!f.fingerprint_seed.empty()) {
    h = fnv1a64(f.fingerprint_seed, h);
  } else {
    h = fnv1a64(f.subject, h);
    h = fnv1a64("\x1f", h);
    h = fnv1a64(f.message, h);
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace clearance
