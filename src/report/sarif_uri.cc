// Artifact URIs. GitHub matches results to files by repository-relative paths, and SARIF
// wants URI references, so paths are made relative to the scan root and percent-encoded byte
// by byte (UTF-8 names become %XX sequences). Paths are POSIX paths: a backslash is part of a
// file name, so it is encoded (%5C), never read as a separator that would name another file.
// Encoding ':' as well means a first segment such as "c:" can never read as a URI scheme.
#include "report/sarif_uri.h"

#include <filesystem>

namespace clearance {

namespace {

bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

std::string percent_encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (unsigned char c : path) {
    if (unreserved(c) || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    }
  }
  return out;
}

std::string artifact_uri(std::string_view path, std::string_view root) {
  namespace fs = std::filesystem;
  std::string p = std::string(path);
  if (!p.empty() && p.front() == '/') {
    std::string r = std::string(root);
    if (!r.empty() && r.front() == '/') {
      std::string rel = fs::path(p).lexically_relative(fs::path(r)).generic_string();
      p = rel == "." || rel.empty() ? fs::path(p).filename().generic_string() : rel;
    }
  }
  if (!p.empty()) p = fs::path(p).lexically_normal().generic_string();
  // lexically_normal keeps a leading "/" (a path outside any root) and a trailing "/".
  while (!p.empty() && p.front() == '/') p.erase(0, 1);
  while (!p.empty() && p.back() == '/') p.pop_back();
  if (p.empty() || p == ".") p = "unknown";
  return percent_encode_path(p);
}

std::string root_file_uri(std::string_view root) {
  std::string r = std::string(root);
  if (r.empty() || r.front() != '/') return {};
  if (r.back() != '/') r += '/';
  return "file://" + percent_encode_path(r);
}

}  // namespace clearance
