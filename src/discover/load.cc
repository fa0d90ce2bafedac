// Loading a discovered file: read through model/file_bytes (capped, non-blocking, regular
// files only), normalised as text, then sniffed for binary content.
#include "discover/load.h"

#include <array>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "model/file_bytes.h"

namespace clearance {

namespace {

constexpr size_t kSniffBytes = 8 * 1024;

/// Magic numbers of binary formats whose headers may hold no NUL byte early on.
constexpr std::array<std::string_view, 19> kMagic = {
    std::string_view("\x89PNG\r\n\x1A\n", 8),
    "GIF87a",
    "GIF89a",
    "\xFF\xD8\xFF",  // JPEG
    "%PDF-",
    "PK\x03\x04",  // zip, jar, docx
    "PK\x05\x06",  // empty zip
    "\x1F\x8B",    // gzip
    std::string_view("\xFD"
                     "7zXZ\x00",
                     6),  // xz
    "7z\xBC\xAF\x27\x1C",
    "\x7F"
    "ELF",
    "\xCA\xFE\xBA\xBE",  // Java class, Mach-O universal
    "\xFE\xED\xFA\xCE",  // Mach-O
    "\xFE\xED\xFA\xCF",
    "\xCE\xFA\xED\xFE",
    "\xCF\xFA\xED\xFE",
    "\x28\xB5\x2F\xFD",  // zstd
    "Rar!\x1A\x07",
    "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",  // OLE compound documents
};

}  // namespace

bool looks_binary(std::string_view head) {
  std::string_view sniff = head.substr(0, kSniffBytes);
  if (std::memchr(sniff.data(), '\0', sniff.size()) != nullptr) return true;
  for (std::string_view magic : kMagic) {
    if (head.starts_with(magic)) return true;
  }
  // bzip2: "BZh", a block size digit, then the block magic.
  return head.size() >= 10 && head.starts_with("BZh") && head[3] >= '1' && head[3] <= '9' &&
         head.substr(4, 6) == "1AY&SY";
}

std::string human_size(uintmax_t bytes) {
  static constexpr const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(kUnits)) {
    value /= 1024;
    ++unit;
  }
  char buf[32];
  if (unit == 0 || value == static_cast<double>(static_cast<uintmax_t>(value))) {
    std::snprintf(buf, sizeof buf, "%ju %s", static_cast<uintmax_t>(value), kUnits[unit]);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f %s", value, kUnits[unit]);
  }
  return buf;
}

LoadResult read_source(const SourceFile& file, const LoadOptions& options) {
  LoadResult r;
  auto too_large = [&](uintmax_t size) {
    r.skip = LoadResult::Skip::TooLarge;
    r.bytes.clear();
    r.bytes.shrink_to_fit();
    r.skip_reason =
        "skipped: larger than " + human_size(options.max_file_size) + " (" + human_size(size) + ")";
    return r;
  };
  if (file.size > options.max_file_size) return too_large(file.size);

  std::string error;
  uintmax_t size = 0;
  switch (read_regular_file(file.disk_path, options.max_file_size, r.bytes, error, size)) {
    case ReadStatus::TooLarge: return too_large(size);
    case ReadStatus::Error:
      r.skip = LoadResult::Skip::Unreadable;
      r.bytes.clear();
      r.skip_reason = "skipped: cannot read: " + error;
      return r;
    case ReadStatus::Ok: break;
  }
  normalise_text(r.bytes);  // UTF-16 becomes UTF-8 before the binary sniff sees its NULs
  if (looks_binary(r.bytes)) {
    r.skip = LoadResult::Skip::Binary;
    r.bytes.clear();
    r.bytes.shrink_to_fit();
    r.skip_reason = "skipped: binary";
  }
  return r;
}

Diagnostic LoadResult::diagnostic(const SourceFile& file) const {
  Diagnostic d;
  d.level = Diagnostic::Level::Warning;
  d.message = skip_reason;
  d.location.path = file.path;
  return d;
}

bool read_whole_file(const std::string& path, std::string& out, std::string& error) {
  uintmax_t size = 0;
  // Ignore files are small; the cap only guards against a pathological one.
  switch (read_regular_file(path, 64 * 1024 * 1024, out, error, size)) {
    case ReadStatus::Ok: return true;
    case ReadStatus::TooLarge: error = "larger than 64 MiB"; return false;
    case ReadStatus::Error: return false;
  }
  return false;
}

}  // namespace clearance
