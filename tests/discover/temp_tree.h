// A temporary directory tree for discover tests: files, directories and symbolic links
// created by relative path, removed (permissions restored) when the object goes away.
#pragma once

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace clearance::testing {

class TempTree {
 public:
  TempTree() {
    std::string pattern = (std::filesystem::temp_directory_path() / "clearance-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    // Canonical, so expectations compare with the walker's real paths.
    root_ = std::filesystem::canonical(pattern).string();
  }
  ~TempTree() {
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(
             root_, std::filesystem::directory_options::skip_permission_denied, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec) && !it->is_symlink(ec)) chmod(it->path().c_str(), 0755);
    }
    chmod(root_.c_str(), 0755);
    std::filesystem::remove_all(root_, ec);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  const std::string& root() const { return root_; }
  std::string path(const std::string& rel) const { return rel.empty() ? root_ : root_ + "/" + rel; }

  /// Writes `content` to `rel`, creating parent directories.
  void file(const std::string& rel, const std::string& content = "x = 1\n") const {
    std::filesystem::path p = path(rel);
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << content;
  }
  void dir(const std::string& rel) const { std::filesystem::create_directories(path(rel)); }
  /// Creates a symbolic link at `rel` whose content is `target` (relative or absolute).
  void link(const std::string& rel, const std::string& target) const {
    std::filesystem::path p = path(rel);
    std::filesystem::create_directories(p.parent_path());
    std::filesystem::create_symlink(target, p);
  }

 private:
  std::string root_;
};

/// Runs a shell command, returning its standard output and setting `status` to its exit code.
inline std::string run_command(const std::string& command, int& status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    status = -1;
    return out;
  }
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  int rc = pclose(pipe);
  status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

/// Whether a usable git is on PATH.
inline bool have_git() {
  int status = 0;
  run_command("git --version >/dev/null 2>&1", status);
  return status == 0;
}

/// A git command line in `dir` that ignores the user's and system's git configuration.
inline std::string git_in(const std::string& dir) {
  return "env HOME='" + dir + "' XDG_CONFIG_HOME='" + dir + "' GIT_CONFIG_NOSYSTEM=1 git -C '" +
         dir + "' ";
}

}  // namespace clearance::testing
