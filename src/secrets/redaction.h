// Redaction: how a found secret is shown. Callers pass the preview (the engine's
// redact_preview: first and last characters at most); this file decides where it goes, so no
// output path ever builds a line or message from the raw secret.
#pragma once

#include <string>
#include <string_view>

#include "secrets/hit.h"

namespace clearance::secrets {

/// The text to hand to the preview function for `hit` (empty for key blocks, which are never
/// previewed at all).
std::string_view previewable(std::string_view text, const SecretHit& hit);

/// The source line of `hit` with the secret replaced by `preview` (a key block becomes its
/// BEGIN line followed by "[redacted key block, N lines]"); at most `max_len` bytes.
std::string redacted_snippet(std::string_view text, const SecretHit& hit, std::string_view preview,
                             size_t max_len = 240);

/// The {detail} of a finding: "AWS access key id AKIA…MPLE (20 chars)",
/// "RSA PRIVATE KEY block (27 lines)", "secret value assigned to API_TOKEN: abcd…yz (40 chars)".
std::string describe(std::string_view text, const SecretHit& hit, std::string_view preview);

}  // namespace clearance::secrets
