// Loading a discovered file's bytes, or saying why it is skipped: too large, binary, or
// unreadable. Invalid UTF-8 is still text: parsers cope with it.
#pragma once

#include <cstdint>
#include <string>

#include "discover/discover.h"
#include "model/document.h"

namespace clearance {

/// Limits applied when loading a file.
struct LoadOptions {
  uintmax_t max_file_size = 10 * 1024 * 1024;  ///< larger files are skipped
};

/// The bytes of a file, or the reason it was not loaded.
struct LoadResult {
  enum class Skip { None, TooLarge, Binary, Unreadable };
  Skip skip = Skip::None;
  std::string bytes;        ///< the file's bytes when loaded
  std::string skip_reason;  ///< "skipped: ..." when not

  bool ok() const { return skip == Skip::None; }
  /// The skip as a Warning diagnostic located at `file` (only meaningful when !ok()).
  Diagnostic diagnostic(const SourceFile& file) const;
};

/// Reads `file` with a single allocation of its size; never throws.
LoadResult read_source(const SourceFile& file, const LoadOptions& options);

/// True if `head` (the first bytes of a file) looks binary: a NUL byte in the first 8 KiB,
/// or the magic number of a known binary format.
bool looks_binary(std::string_view head);

/// Reads a whole small file (such as a .gitignore) into `out`; on failure fills `error`.
bool read_whole_file(const std::string& path, std::string& out, std::string& error);

/// "10 MiB", "512 KiB", "37 B": a byte count as people read it.
std::string human_size(uintmax_t bytes);

}  // namespace clearance
