// Ignore files are parsed once per directory and kept; the predicate is safe to call from
// several threads.
#include "discover/exclusion.h"

#include <sys/stat.h>

#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "discover/gitignore.h"
#include "discover/load.h"

namespace clearance {

namespace {

class Exclusions {
 public:
  Exclusions(std::string root, const DiscoverOptions& options)
      : root_(std::move(root)), respect_gitignore_(options.respect_gitignore) {
    std::string joined;
    for (const auto& p : options.exclude) joined += p + "\n";
    if (!joined.empty()) extra_ = std::make_unique<Gitignore>(Gitignore::parse(joined));
    if (respect_gitignore_) info_exclude_ = read_ignore(root_ + "/.git/info/exclude", "");
  }

  bool excluded(const std::string& rel) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<const Gitignore*> stack;
    std::string dir;
    size_t start = 0;
    for (;;) {
      if (respect_gitignore_) {
        if (const Gitignore* g = in_dir(dir)) stack.push_back(g);
      }
      size_t slash = rel.find('/', start);
      bool last = slash == std::string::npos;
      std::string path = last ? rel : rel.substr(0, slash);
      if (ignored(stack, path, !last)) return true;
      if (last) return false;
      dir = path;
      start = slash + 1;
    }
  }

 private:
  bool ignored(const std::vector<const Gitignore*>& stack, const std::string& path,
               bool is_dir) const {
    if (extra_) {
      IgnoreVerdict v = extra_->match(path, is_dir);
      if (v != IgnoreVerdict::None) return v == IgnoreVerdict::Ignore;
    }
    if (!respect_gitignore_) return false;
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
      IgnoreVerdict v = (*it)->match(path, is_dir);
      if (v != IgnoreVerdict::None) return v == IgnoreVerdict::Ignore;
    }
    return info_exclude_ && info_exclude_->match(path, is_dir) == IgnoreVerdict::Ignore;
  }

  const Gitignore* in_dir(const std::string& dir) {
    auto it = per_dir_.find(dir);
    if (it == per_dir_.end()) {
      std::string file = root_ + (dir.empty() ? "" : "/" + dir) + "/.gitignore";
      it = per_dir_.emplace(dir, read_ignore(file, dir)).first;
    }
    return it->second.get();
  }

  static std::unique_ptr<Gitignore> read_ignore(const std::string& file, const std::string& base) {
    struct stat st;
    if (lstat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return nullptr;
    std::string text, error;
    if (!read_whole_file(file, text, error)) return nullptr;
    auto parsed = std::make_unique<Gitignore>(Gitignore::parse(text, base));
    return parsed->size() ? std::move(parsed) : nullptr;
  }

  std::string root_;
  bool respect_gitignore_;
  std::unique_ptr<Gitignore> extra_;
  std::unique_ptr<Gitignore> info_exclude_;
  std::map<std::string, std::unique_ptr<Gitignore>> per_dir_;
  std::mutex mutex_;
};

}  // namespace

std::function<bool(const std::string&)> exclusion_filter(const std::string& root,
                                                         const DiscoverOptions& options) {
  auto state = std::make_shared<Exclusions>(root, options);
  return [state](const std::string& rel) { return state->excluded(rel); };
}

}  // namespace clearance
