// Redacted previews of secrets.
#include "engine/redact.h"

namespace clearance {

std::string redact_preview(std::string_view secret) {
  std::string out;
  auto ascii = [](std::string_view s) {
    for (unsigned char c : s)
      if (c < 0x20 || c >= 0x7f) return false;
    return true;
  };
  // Only printable ASCII is shown, so a preview never splits a UTF-8 sequence.
  if (secret.size() >= 16 && ascii(secret.substr(0, 4)) && ascii(secret.substr(secret.size() - 2))) {
    out.append(secret.substr(0, 4));
    out += "…";
    out.append(secret.substr(secret.size() - 2));
  } else {
    out = "****";
  }
  out += " (" + std::to_string(secret.size()) + " chars)";
  return out;
}

}  // namespace clearance
