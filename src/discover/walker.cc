// The directory walk: entries are read and sorted per directory, ignore files are pushed
// on the way down and popped on the way up, ignored directories are never entered (so
// nothing below them can be re-included, as in git), and `.git` and `.terraform` are always
// skipped. Symbolic links are queued and resolved after the real tree has been walked.
#include "discover/walker.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <map>

#include "discover/load.h"

namespace clearance {

namespace {

bool always_skipped_dir(std::string_view name) {
  return name == ".git" || name == ".terraform";
}

std::string join(const std::string& dir, std::string_view name) {
  if (dir.empty()) return std::string(name);
  std::string out;
  out.reserve(dir.size() + 1 + name.size());
  out += dir;
  out += '/';
  out += name;
  return out;
}

std::string_view last_component(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

/// Whether canonical `path` is `dir` or lies below it.
bool inside(const std::string& path, const std::string& dir) {
  if (dir == "/") return true;
  return path == dir ||
         (path.starts_with(dir) && path.size() > dir.size() && path[dir.size()] == '/');
}

/// Whether a path relative to the containment directory passes through `.git`/`.terraform`.
bool under_skipped_dir(std::string_view rel) {
  while (!rel.empty()) {
    size_t slash = rel.find('/');
    if (always_skipped_dir(rel.substr(0, slash))) return true;
    if (slash == std::string_view::npos) break;
    rel.remove_prefix(slash + 1);
  }
  return false;
}

std::string errno_text(int err) {
  return std::strerror(err);
}

}  // namespace

Walker::Walker(const DiscoverOptions& options, std::vector<Diagnostic>& diagnostics)
    : options_(options), diagnostics_(diagnostics) {
  std::string text;
  for (const std::string& line : options.exclude) (text += line) += '\n';
  if (!text.empty()) extra_ = std::make_shared<Gitignore>(Gitignore::parse(text));
}

size_t Walker::add_top(Top top) {
  tops_.push_back(std::move(top));
  return tops_.size() - 1;
}

std::string Walker::display(size_t top, const std::string& rel) const {
  const std::string& prefix = tops_[top].display;
  if (prefix.empty()) return rel.empty() ? "." : rel;
  return rel.empty() ? prefix : prefix + "/" + rel;
}

std::string Walker::disk(size_t top, const std::string& rel) const {
  const std::string& base = tops_[top].disk;
  if (rel.empty()) return base;
  return base == "/" ? "/" + rel : base + "/" + rel;
}

void Walker::diagnose(Diagnostic::Level level, const std::string& path, std::string message) {
  Diagnostic d;
  d.level = level;
  d.message = std::move(message);
  d.location.path = path;
  diagnostics_.push_back(std::move(d));
}

bool Walker::ignored(size_t top, const IgnoreStack& stack, const std::string& rel,
                     bool is_dir) const {
  if (extra_) {
    IgnoreVerdict v = extra_->match(rel, is_dir);
    if (v != IgnoreVerdict::None) return v == IgnoreVerdict::Ignore;
  }
  if (!options_.respect_gitignore) return false;
  // The deepest file that has an opinion decides; info/exclude ranks below every .gitignore.
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    IgnoreVerdict v = (*it)->match(rel, is_dir);
    if (v != IgnoreVerdict::None) return v == IgnoreVerdict::Ignore;
  }
  const auto& exclude = tops_[top].exclude;
  return exclude && exclude->match(rel, is_dir) == IgnoreVerdict::Ignore;
}

bool Walker::load_ignore_file(const std::string& path, const std::string& base,
                              IgnoreStack& stack) {
  std::string text;
  std::string error;
  if (!read_whole_file(path, text, error)) {
    diagnose(Diagnostic::Level::Warning, path, "cannot read ignore file: " + error);
    return false;
  }
  auto parsed = std::make_shared<Gitignore>(Gitignore::parse(text, base));
  if (parsed->size() == 0) return false;
  stack.push_back(std::move(parsed));
  return true;
}

IgnoreStack Walker::ancestor_ignores(size_t top, const std::string& rel) {
  IgnoreStack stack;
  if (!options_.respect_gitignore || rel.empty()) return stack;  // the top's own: walk() reads it
  std::string dir;
  std::string_view rest = rel;
  for (;;) {
    std::string file = join(disk(top, dir), ".gitignore");
    struct stat st;
    if (lstat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode)) load_ignore_file(file, dir, stack);
    size_t slash = rest.find('/');
    if (slash == std::string_view::npos) break;  // the last component's own file: walk() reads it
    dir = join(dir, rest.substr(0, slash));
    rest.remove_prefix(slash + 1);
  }
  return stack;
}

void Walker::walk(size_t top, const std::string& rel, IgnoreStack stack) {
  struct stat st;
  std::string path = disk(top, rel);
  if (stat(path.c_str(), &st) != 0) {
    diagnose(Diagnostic::Level::Warning, display(top, rel), "skipped: " + errno_text(errno));
    return;
  }
  if (!visited_dirs_.insert(FileId{st.st_dev, st.st_ino}).second) return;
  walk_dir(top, rel, stack);
}

void Walker::walk_dir(size_t top, const std::string& rel, IgnoreStack& stack) {
  struct Entry {
    std::string name;
    struct stat st;
    int error = 0;
  };
  std::string dir_path = disk(top, rel);
  DIR* dir = opendir(dir_path.c_str());
  if (dir == nullptr) {
    diagnose(Diagnostic::Level::Warning, display(top, rel),
             "skipped: cannot read directory: " + errno_text(errno));
    return;
  }
  std::vector<Entry> entries;
  int fd = dirfd(dir);
  while (dirent* e = readdir(dir)) {
    std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    Entry entry{std::string(name), {}, 0};
    if (fstatat(fd, e->d_name, &entry.st, AT_SYMLINK_NOFOLLOW) != 0) entry.error = errno;
    entries.push_back(std::move(entry));
  }
  closedir(dir);
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });

  bool pushed = false;
  if (options_.respect_gitignore) {
    for (const Entry& e : entries) {
      if (e.name == ".gitignore" && e.error == 0 && S_ISREG(e.st.st_mode)) {
        pushed = load_ignore_file(join(dir_path, e.name), rel, stack);
      }
    }
  }

  for (const Entry& e : entries) {
    if (e.name == ".git") continue;  // a directory, or a file pointing at one (work trees)
    std::string child = join(rel, e.name);
    if (e.error != 0) {
      diagnose(Diagnostic::Level::Warning, display(top, child),
               "skipped: cannot read: " + errno_text(e.error));
    } else if (S_ISDIR(e.st.st_mode)) {
      if (always_skipped_dir(e.name) || ignored(top, stack, child, true)) continue;
      if (!visited_dirs_.insert(FileId{e.st.st_dev, e.st.st_ino}).second) continue;
      walk_dir(top, child, stack);
    } else if (S_ISREG(e.st.st_mode)) {
      if (ignored(top, stack, child, false)) continue;
      file_ids_.insert(FileId{e.st.st_dev, e.st.st_ino});
      files_.push_back(SourceFile{display(top, child), disk(top, child),
                                  static_cast<uintmax_t>(e.st.st_size), false});
    } else if (S_ISLNK(e.st.st_mode)) {
      deferred_.push_back(Link{top, child, stack});
    } else if (!ignored(top, stack, child, false)) {
      // FIFOs, sockets and devices: reading one could block forever.
      diagnose(Diagnostic::Level::Note, display(top, child), "skipped: not a regular file");
    }
  }
  if (pushed) stack.pop_back();
}

void Walker::resolve_link(const Link& link) {
  const Top& t = tops_[link.top];
  std::string path = disk(link.top, link.rel);
  std::string shown = display(link.top, link.rel);
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    if (!ignored(link.top, link.stack, link.rel, false)) {
      diagnose(Diagnostic::Level::Note, shown,
               errno == ELOOP ? "skipped: symbolic link loop" : "skipped: broken symbolic link");
    }
    return;
  }
  // Unlike git, which never follows links, a link to a directory counts as a directory here,
  // so "vendor/" also ignores a linked vendor directory.
  bool is_dir = S_ISDIR(st.st_mode);
  if (ignored(link.top, link.stack, link.rel, is_dir)) return;
  if (is_dir && always_skipped_dir(last_component(link.rel))) return;

  char* real = realpath(path.c_str(), nullptr);
  if (real == nullptr) {
    diagnose(Diagnostic::Level::Warning, shown, "skipped: cannot resolve: " + errno_text(errno));
    return;
  }
  std::string target = real;
  std::free(real);
  if (!inside(target, t.containment)) {
    diagnose(Diagnostic::Level::Note, shown, "skipped: symbolic link leads outside the scan root");
    return;
  }
  std::string_view target_rel = std::string_view(target).substr(
      t.containment == "/" ? 1 : std::min(target.size(), t.containment.size() + 1));
  if (under_skipped_dir(target_rel)) return;

  FileId id{st.st_dev, st.st_ino};
  if (is_dir) {
    // Already walked (by its real path, another link, or as an ancestor: a loop).
    if (!visited_dirs_.insert(id).second) return;
    IgnoreStack stack = link.stack;
    walk_dir(link.top, link.rel, stack);
  } else if (S_ISREG(st.st_mode)) {
    linked_files_.push_back(
        LinkedFile{SourceFile{shown, path, static_cast<uintmax_t>(st.st_size), false}, id});
  } else {
    diagnose(Diagnostic::Level::Note, shown, "skipped: not a regular file");
  }
}

void Walker::add_explicit_file(std::string display, std::string disk, uintmax_t size, FileId id) {
  file_ids_.insert(id);
  files_.push_back(SourceFile{std::move(display), std::move(disk), size, true});
}

std::vector<SourceFile> Walker::finish() {
  // Links found while resolving links (inside a linked directory) join the next round.
  while (!deferred_.empty()) {
    std::vector<Link> batch = std::move(deferred_);
    deferred_.clear();
    std::sort(batch.begin(), batch.end(), [this](const Link& a, const Link& b) {
      return display(a.top, a.rel) < display(b.top, b.rel);
    });
    for (const Link& link : batch) resolve_link(link);
  }
  // A linked file is read once: not at all if its target was found by its real path.
  std::sort(linked_files_.begin(), linked_files_.end(),
            [](const LinkedFile& a, const LinkedFile& b) { return a.file.path < b.file.path; });
  for (LinkedFile& lf : linked_files_) {
    if (file_ids_.insert(lf.id).second) files_.push_back(std::move(lf.file));
  }
  linked_files_.clear();

  // The same path may come from overlapping inputs; keep one, explicit if any was.
  std::map<std::string, SourceFile> unique;
  for (SourceFile& f : files_) {
    auto [it, inserted] = unique.try_emplace(f.path, f);
    if (!inserted) it->second.explicit_path = it->second.explicit_path || f.explicit_path;
  }
  files_.clear();
  std::vector<SourceFile> out;
  out.reserve(unique.size());
  for (auto& [path, file] : unique) out.push_back(std::move(file));
  return out;
}

}  // namespace clearance
