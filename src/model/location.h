// Source positions shared by every layer. Lines and columns are 1-based; columns count bytes.
#pragma once

#include <cstdint>
#include <string>

namespace clearance {

/// A point in a source file (1-based line and byte column).
struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

/// A half-open span of source, begin inclusive, end exclusive.
struct Range {
  Position begin;
  Position end;
  friend bool operator==(const Range&, const Range&) = default;
  friend auto operator<=>(const Range&, const Range&) = default;
};

/// A range in a named file; `path` is relative to the scan root where possible.
struct Location {
  std::string path;
  Range range;
  friend bool operator==(const Location&, const Location&) = default;
};

}  // namespace clearance
