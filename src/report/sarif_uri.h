// URIs for SARIF: repo-relative artifact URIs under %SRCROOT%, and the file:// URI of the
// scan root that %SRCROOT% stands for.
#pragma once

#include <string>
#include <string_view>

namespace clearance {

/// Percent-encodes every byte except RFC 3986 unreserved characters and '/'.
std::string percent_encode_path(std::string_view path);

/// A relative, forward-slash, percent-encoded URI for `path`: absolute paths are made
/// relative to `root`; "./" prefixes are dropped. Never empty, never with a scheme or a
/// leading '/'.
std::string artifact_uri(std::string_view path, std::string_view root);

/// "file:///abs/root/" for an absolute `root` (trailing slash added); empty otherwise.
std::string root_file_uri(std::string_view root);

}  // namespace clearance
