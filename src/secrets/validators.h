// Validators that decide whether a candidate the patterns matched is a real secret:
// checksums where a format has one, entropy and character mix, allowlists of documented
// example keys, placeholders and references to secrets kept elsewhere.
#pragma once

#include <cstdint>
#include <string_view>

namespace clearance::secrets {

/// CRC-32 (IEEE 802.3, reflected, as zlib computes it).
uint32_t crc32(std::string_view data);

/// True if a GitHub token of the `ghp_`-style format (4-char prefix, 30 random base62 chars,
/// 6-char base62 CRC-32 of the random part) carries a valid checksum.
bool github_checksum_ok(std::string_view token);

/// Shannon entropy of the byte distribution of `s`, in bits per character.
double shannon_entropy(std::string_view s);

/// How many of the classes lower case, upper case, digit and other printable `s` uses.
int char_classes(std::string_view s);

/// True if `s` is a documented example key (AWS's `AKIAIOSFODNN7EXAMPLE`...) or says
/// it is one (`EXAMPLE`, `example`, `sample`, `dummy`...).
bool is_documented_example(std::string_view s);

/// True if `s` is a placeholder: `changeme`, `<password>`, `your-key-here`, `xxxx`, `****`,
/// `TODO`, `password`, repeated or sequential characters...
bool is_placeholder(std::string_view s);

/// True if `s` refers to a value kept elsewhere: `${VAR}`, `$VAR`, `$(cmd)`, `{{ x }}`,
/// `%(x)s`, `var.x`, `os.environ[...]`, `process.env.X`, `ENV[...]`, `secretsmanager:`...
bool is_variable_reference(std::string_view s);

/// True for an Amazon Cognito user pool id (`ap-south-1_Ab12Cd34E`: region, `_`, 9 letters
/// and digits), a public identifier that clients are configured with, not a secret.
bool is_cognito_user_pool_id(std::string_view s);

/// True for `8-4-4-4-12` hex UUIDs.
bool is_uuid(std::string_view s);

/// True for an all-hex string of a digest length (32, 40, 56, 64, 96, 128): MD5, git SHA-1,
/// SHA-2 digests.
bool is_hex_digest(std::string_view s);

/// True for Subresource Integrity values (`sha256-`, `sha384-`, `sha512-` + base64).
bool is_sri_hash(std::string_view s);

/// True for `data:` URIs (inline images and fonts).
bool is_data_uri(std::string_view s);

/// True if the file at `path` is a dependency lock file (`package-lock.json`, `yarn.lock`,
/// `go.sum`, `Cargo.lock`...), whose hashes must never count as secrets.
bool is_lock_file(std::string_view path);

}  // namespace clearance::secrets
