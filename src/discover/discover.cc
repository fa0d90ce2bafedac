// discover(): from the paths on the command line to the sorted list of files to scan.
//
// Each input is located (absolute, with its directory's symbolic links resolved so paths
// compare reliably), the scan root is chosen (the git work tree of the first input, else a
// single directory input, else the working directory), and every input is walked from the
// root's point of view: inside the root, paths are root-relative and every .gitignore from
// the root down applies; outside it, paths are shown as given.
#include "discover/discover.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

#include "discover/exclusion.h"
#include "discover/load.h"
#include "discover/walker.h"

namespace clearance {

namespace fs = std::filesystem;

namespace {

/// A command-line path, located on disk.
struct Input {
  std::string given;
  std::string abs;  ///< absolute; the parent directory canonical
  bool exists = false;
  int error = 0;
  struct stat st {};
};

Input locate(const std::string& given) {
  Input in;
  in.given = given;
  std::error_code ec;
  fs::path p = fs::absolute(given.empty() ? "." : given, ec).lexically_normal();
  if (!p.has_filename() && p != p.root_path()) p = p.parent_path();
  if (p != p.root_path()) {
    fs::path parent = fs::canonical(p.parent_path(), ec);
    if (!ec) p = parent / p.filename();
  }
  in.abs = p.string();
  if (stat(in.abs.c_str(), &in.st) == 0) {
    in.exists = true;
  } else {
    in.error = errno;
  }
  return in;
}

bool exists(const std::string& path, struct stat& st) {
  return lstat(path.c_str(), &st) == 0;
}

std::string parent_dir(const std::string& path) {
  std::string parent = fs::path(path).parent_path().string();
  return parent.empty() ? "/" : parent;
}

std::string child(const std::string& dir, std::string_view name) {
  std::string out = dir == "/" ? std::string() : dir;
  return out.append("/").append(name);
}

/// The top of the git work tree holding `dir`, if any: the nearest ancestor with a `.git`.
std::optional<std::string> git_top(std::string dir) {
  for (;;) {
    struct stat st;
    if (exists(child(dir, ".git"), st)) return dir;
    if (dir == "/") return std::nullopt;
    dir = parent_dir(dir);
  }
}

/// The repository's info/exclude, found through `.git` (a directory, or a file pointing at
/// the real git directory as in linked work trees and submodules).
std::string exclude_file(const std::string& top) {
  std::string dot_git = child(top, ".git");
  struct stat st;
  std::string git_dir = dot_git;
  if (exists(dot_git, st) && S_ISREG(st.st_mode)) {
    std::string text, error;
    if (!read_whole_file(dot_git, text, error) || !text.starts_with("gitdir:")) return {};
    std::string target = text.substr(7);
    target.erase(0, target.find_first_not_of(" \t"));
    target.erase(target.find_last_not_of(" \t\r\n") + 1);
    git_dir = fs::path(target).is_absolute() ? target : child(top, target);
    // A linked work tree shares info/exclude with the main repository.
    std::string common;
    if (read_whole_file(child(git_dir, "commondir"), common, error)) {
      common.erase(common.find_last_not_of(" \t\r\n") + 1);
      git_dir = fs::path(common).is_absolute() ? common : child(git_dir, common);
    }
  }
  return child(child(git_dir, "info"), "exclude");
}

/// `abs` relative to `root` ("" for the root itself), or nullopt when outside it.
std::optional<std::string> relative_to(const std::string& abs, const std::string& root) {
  if (abs == root) return std::string();
  if (root == "/") return abs.substr(1);
  if (abs.starts_with(root) && abs.size() > root.size() && abs[root.size()] == '/') {
    return abs.substr(root.size() + 1);
  }
  return std::nullopt;
}

std::string canonical_or(const std::string& path) {
  std::error_code ec;
  fs::path c = fs::canonical(path, ec);
  return ec ? path : c.string();
}

std::string without_trailing_slashes(std::string s) {
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

void report(std::vector<Diagnostic>& out, Diagnostic::Level level, std::string path,
            std::string message) {
  Diagnostic d;
  d.level = level;
  d.message = std::move(message);
  d.location.path = std::move(path);
  out.push_back(std::move(d));
}

}  // namespace

std::string find_scan_root(const std::vector<std::string>& paths, bool* in_git) {
  std::vector<std::string> inputs = paths.empty() ? std::vector<std::string>{"."} : paths;
  Input first = locate(inputs.front());
  std::string start =
      first.exists && S_ISDIR(first.st.st_mode) ? canonical_or(first.abs) : parent_dir(first.abs);
  if (in_git) *in_git = false;
  if (auto top = git_top(start)) {
    if (in_git) *in_git = true;
    return *top;
  }
  if (inputs.size() == 1 && first.exists && S_ISDIR(first.st.st_mode)) return start;
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  return ec ? start : canonical_or(cwd.string());
}

DiscoverResult discover(const std::vector<std::string>& paths, const DiscoverOptions& options) {
  DiscoverResult result;
  std::vector<std::string> inputs = paths.empty() ? std::vector<std::string>{"."} : paths;
  bool in_git = false;
  result.root = find_scan_root(inputs, &in_git);
  result.excluded = exclusion_filter(result.root, options);

  Walker walker(options, result.diagnostics);
  std::optional<size_t> root_top;
  auto get_root_top = [&]() {
    if (!root_top) {
      Walker::Top top{result.root, "", canonical_or(result.root), nullptr};
      if (in_git && options.respect_gitignore) {
        std::string text, error;
        if (read_whole_file(exclude_file(result.root), text, error)) {
          top.exclude = std::make_shared<Gitignore>(Gitignore::parse(text));
        }
      }
      root_top = walker.add_top(std::move(top));
    }
    return *root_top;
  };

  for (const std::string& given : inputs) {
    Input in = locate(given);
    if (!in.exists) {
      report(result.diagnostics, Diagnostic::Level::Error, given,
             "cannot access: " + std::string(std::strerror(in.error)));
      continue;
    }
    // A directory is compared by its real path, so a link to the root is the root.
    if (S_ISDIR(in.st.st_mode)) in.abs = canonical_or(in.abs);
    std::optional<std::string> rel = relative_to(in.abs, result.root);
    if (S_ISDIR(in.st.st_mode)) {
      if (rel) {
        size_t top = get_root_top();
        walker.walk(top, *rel, walker.ancestor_ignores(top, *rel));
      } else {
        std::string real = canonical_or(in.abs);
        size_t top =
            walker.add_top(Walker::Top{in.abs, without_trailing_slashes(given), real, nullptr});
        walker.walk(top, "", {});
      }
    } else if (S_ISREG(in.st.st_mode)) {
      walker.add_explicit_file(rel ? *rel : given, in.abs, static_cast<uintmax_t>(in.st.st_size),
                               FileId{in.st.st_dev, in.st.st_ino});
    } else {
      report(result.diagnostics, Diagnostic::Level::Warning, rel ? *rel : given,
             "skipped: not a regular file");
    }
  }
  result.files = walker.finish();
  std::stable_sort(
      result.diagnostics.begin(), result.diagnostics.end(),
      [](const Diagnostic& a, const Diagnostic& b) { return a.location.path < b.location.path; });
  return result;
}

}  // namespace clearance
