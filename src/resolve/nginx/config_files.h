// ConfigFiles: the files an nginx `include` may name, behind an interface so that tests can
// use an in-memory tree. `glob` expands an nginx include pattern the way glob(3) does for
// nginx: `*`, `?` and `[...]` within one path segment, no match for names starting with `.`
// unless the pattern segment does, results sorted by byte order.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clearance {

/// Read-only access to configuration files by absolute, normalised path.
class ConfigFiles {
 public:
  virtual ~ConfigFiles() = default;
  /// The file's bytes, or nullopt when it is not a readable regular file.
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  virtual bool is_file(const std::string& path) const = 0;
  virtual bool is_dir(const std::string& path) const = 0;
  /// Names (not paths) of the entries of directory `dir`; empty when it is not one.
  virtual std::vector<std::string> list(const std::string& dir) const = 0;
  /// Why an existing `path` is not offered ("outside the scan root"), or "" when it is
  /// offered or does not exist.
  virtual std::string refusal(const std::string& path) const {
    (void)path;
    return {};
  }
};

/// The real file system, restricted to paths whose real location is under `root`: nothing
/// outside is ever read, also through symbolic links.
class DiskConfigFiles : public ConfigFiles {
 public:
  explicit DiskConfigFiles(std::string root);
  std::optional<std::string> read(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  bool is_dir(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  std::string refusal(const std::string& path) const override;

 private:
  bool allowed(const std::string& path) const;
  std::string root_;
};

/// An in-memory tree of files keyed by absolute path (directories are implied).
class MemoryConfigFiles : public ConfigFiles {
 public:
  void add(std::string path, std::string content) { files_[std::move(path)] = std::move(content); }
  std::optional<std::string> read(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  bool is_dir(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;

 private:
  std::map<std::string, std::string> files_;
};

/// True if `pattern` has glob metacharacters (`*`, `?`, `[`), as nginx decides.
bool has_glob_magic(const std::string& pattern);

/// At most this many matches (and directory entries) are considered per pattern.
inline constexpr size_t kMaxGlobResults = 100000;

/// Matching regular files for an absolute `pattern`, sorted; a pattern without
/// metacharacters yields itself if it is a file. `truncated` is set when a directory or the
/// result reached kMaxGlobResults.
std::vector<std::string> expand_glob(const ConfigFiles& files, const std::string& pattern,
                                     bool* truncated = nullptr);

/// Joins and normalises lexically ("a/b/../c" -> "a/c"); `rel` may be absolute.
std::string join_path(const std::string& base, const std::string& rel);

/// The directory part of `path` ("" for a bare name).
std::string parent_dir(const std::string& path);

}  // namespace clearance
