// Parsing .gitignore lines and matching paths against them.
//
// Lines are read as git reads them: a UTF-8 byte order mark is skipped, CR before LF is
// dropped, blank lines and `#` comments are skipped, unescaped trailing spaces are trimmed.
// Matching goes from the last pattern to the first, so the last matching line decides.
// Whether a directory's contents can be re-included is not decided here: the walk never
// enters an ignored directory, which is exactly git's rule.
#include "discover/gitignore.h"

#include "discover/glob.h"

namespace clearance {

namespace {

// Longer lines are dropped: no real ignore file needs them, and they bound matching cost.
constexpr size_t kMaxPatternLength = 4096;

/// Removes trailing spaces that are not escaped by a backslash.
std::string_view trim_trailing_spaces(std::string_view line) {
  size_t end = line.size();
  while (end > 0 && line[end - 1] == ' ') {
    size_t backslashes = 0;
    for (size_t i = end - 1; i > 0 && line[i - 1] == '\\'; --i) ++backslashes;
    if (backslashes % 2 == 1) break;  // "\ " keeps this space and the ones before it
    --end;
  }
  return line.substr(0, end);
}

std::string_view last_component(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

Gitignore Gitignore::parse(std::string_view text, std::string base) {
  Gitignore out;
  out.base_ = std::move(base);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    line = trim_trailing_spaces(line);
    if (line.empty() || line.size() > kMaxPatternLength) continue;

    Pattern p;
    if (line.front() == '!') {
      p.negated = true;
      line.remove_prefix(1);
    }
    if (line.ends_with('/')) {
      p.dir_only = true;
      line.remove_suffix(1);
    }
    // A '/' anywhere but at the end anchors the pattern; a leading one is then dropped.
    p.basename_only = line.find('/') == std::string_view::npos;
    if (line.starts_with('/')) line.remove_prefix(1);
    if (line.empty()) continue;

    p.glob = std::string(line);
    p.literal = glob_is_literal(line);
    p.suffix = p.basename_only && line.size() > 1 && line.front() == '*' &&
               glob_is_literal(line.substr(1));
    out.patterns_.push_back(std::move(p));
  }
  return out;
}

bool Gitignore::matches(const Pattern& p, std::string_view rel, std::string_view name) {
  std::string_view subject = p.basename_only ? name : rel;
  if (p.literal) return subject == p.glob;
  if (p.suffix) return subject.ends_with(std::string_view(p.glob).substr(1));
  return glob_match(p.glob, subject);
}

IgnoreVerdict Gitignore::match(std::string_view path, bool is_dir) const {
  std::string_view rel = path;
  if (!base_.empty()) {
    if (path.size() <= base_.size() || !path.starts_with(base_) || path[base_.size()] != '/') {
      return IgnoreVerdict::None;
    }
    rel = path.substr(base_.size() + 1);
  }
  std::string_view name = last_component(rel);
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    if (it->dir_only && !is_dir) continue;
    if (matches(*it, rel, name))
      return it->negated ? IgnoreVerdict::Include : IgnoreVerdict::Ignore;
  }
  return IgnoreVerdict::None;
}

}  // namespace clearance
