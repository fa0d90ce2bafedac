// The directory walk behind discover(): ignore files in effect, visited directories, and
// symbolic links, which are resolved only after every real path has been seen so a file or
// directory reachable both ways is reported under its real path, once.
#pragma once

#include <sys/types.h>

#include <compare>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "discover/discover.h"
#include "discover/gitignore.h"

namespace clearance {

/// The ignore files in effect for a directory, outermost first.
using IgnoreStack = std::vector<std::shared_ptr<const Gitignore>>;

/// Identity of a file system object, for loop and duplicate detection.
struct FileId {
  dev_t dev = 0;
  ino_t ino = 0;
  friend auto operator<=>(const FileId&, const FileId&) = default;
};

/// Walks directory trees into a list of SourceFiles, recording problems as diagnostics.
class Walker {
 public:
  /// Where one walk starts: paths inside it are matched and displayed relative to `disk`.
  struct Top {
    std::string disk;                          ///< absolute directory
    std::string display;                       ///< prefix of displayed paths ("" for the scan root)
    std::string containment;                   ///< canonical directory no followed link may leave
    std::shared_ptr<const Gitignore> exclude;  ///< .git/info/exclude, lowest precedence
  };

  Walker(const DiscoverOptions& options, std::vector<Diagnostic>& diagnostics);

  /// Registers a walk top and returns its index.
  size_t add_top(Top top);
  /// Walks the directory `rel` below top `top` (rel "" = the top itself), with `stack`
  /// holding the ignore files of the directories above it. The directory itself is never
  /// tested against ignore rules: it was named explicitly.
  void walk(size_t top, const std::string& rel, IgnoreStack stack);
  /// Adds a file named on the command line.
  void add_explicit_file(std::string display, std::string disk, uintmax_t size, FileId id);
  /// The ignore files of `rel`'s ancestors below top `top` (the top's own included).
  IgnoreStack ancestor_ignores(size_t top, const std::string& rel);
  /// Resolves deferred symbolic links and returns every file found, sorted by path.
  std::vector<SourceFile> finish();

 private:
  struct Link {
    size_t top;
    std::string rel;
    IgnoreStack stack;
  };
  struct LinkedFile {
    SourceFile file;
    FileId id;
  };

  void walk_dir(size_t top, const std::string& rel, IgnoreStack& stack);
  void resolve_link(const Link& link);
  bool ignored(size_t top, const IgnoreStack& stack, const std::string& rel, bool is_dir) const;
  bool load_ignore_file(const std::string& disk, const std::string& base, IgnoreStack& stack);
  std::string display(size_t top, const std::string& rel) const;
  std::string disk(size_t top, const std::string& rel) const;
  void diagnose(Diagnostic::Level level, const std::string& path, std::string message);

  const DiscoverOptions& options_;
  std::shared_ptr<const Gitignore> extra_;  ///< options_.exclude, parsed
  std::vector<Diagnostic>& diagnostics_;
  std::vector<Top> tops_;
  std::set<FileId> visited_dirs_;
  std::set<FileId> file_ids_;  ///< regular files found by their real path
  std::vector<SourceFile> files_;
  std::vector<Link> deferred_;
  std::vector<LinkedFile> linked_files_;
};

}  // namespace clearance
