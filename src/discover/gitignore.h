// The patterns of one .gitignore (or .git/info/exclude) file and git's rules for them:
// comments, trailing spaces, `!` negation, a trailing '/' for directories only, and a '/'
// at the start or in the middle anchoring the pattern to the file's own directory.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clearance {

/// What one ignore file says about a path: nothing, ignore it, or re-include it (`!`).
enum class IgnoreVerdict { None, Ignore, Include };

/// The parsed patterns of one ignore file, relative to the directory holding it.
class Gitignore {
 public:
  /// Parses ignore-file text. `base` is the directory the file applies to, relative to the
  /// walk's top and '/'-separated ("" for the top itself).
  static Gitignore parse(std::string_view text, std::string base = "");

  /// The verdict of the last pattern matching `path` (relative to the walk's top), or None
  /// when no pattern matches or `path` lies outside `base`.
  IgnoreVerdict match(std::string_view path, bool is_dir) const;

  const std::string& base() const { return base_; }
  size_t size() const { return patterns_.size(); }

 private:
  struct Pattern {
    std::string glob;
    bool negated = false;
    bool dir_only = false;
    bool basename_only = false;  ///< no '/' in the pattern: matches a name at any depth
    bool literal = false;        ///< no glob syntax: plain comparison
    bool suffix = false;         ///< "*literal": an ends-with test on the name
  };

  static bool matches(const Pattern& p, std::string_view rel, std::string_view name);

  std::string base_;
  std::vector<Pattern> patterns_;
};

}  // namespace clearance
