// Reading files from disk: the one place that opens a file for the scan, whether the walker
// found it or a loader follows a reference to it (a Terraform module source, an nginx include,
// a variable file). Reads never block (FIFOs), never follow a path out of the scan root (the
// real path is checked, so symbolic links cannot escape), never read special files (/proc,
// devices), and allocate at most the cap.
//
// Text is normalised the way the formats' own tools read it: UTF-16 with a byte order mark
// becomes UTF-8, and a lone CR ends a line (it becomes LF, so offsets do not move).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace clearance {

enum class ReadStatus { Ok, TooLarge, Error };

/// Reads the regular file `path` into `out`; TooLarge past `cap` bytes (`size` then says how
/// large), Error with `error` filled for anything else (missing, a directory, a FIFO).
ReadStatus read_regular_file(const std::string& path, uintmax_t cap, std::string& out,
                             std::string& error, uintmax_t& size);

/// The real path of `path` when it lies inside the real path of `root` (or is `root`);
/// otherwise nullopt with `why` set to "outside the scan root" or "no such file".
std::optional<std::string> real_path_inside(const std::string& root, const std::string& path,
                                            std::string& why);

/// Reads `path` when its real location is a regular file inside `root`, as text (see
/// `normalise_text`). On refusal `why` is "outside the scan root", "no such file", "not a
/// regular file", "larger than N" or the system's error.
bool read_confined(const std::string& root, const std::string& path, uintmax_t cap,
                   std::string& out, std::string& why);

/// UTF-16 with a byte order mark transcoded to UTF-8; lone CRs turned into LFs. Returns true
/// when the bytes were UTF-16 (they are then no longer binary-looking).
bool normalise_text(std::string& bytes);

}  // namespace clearance
