// Glob matching for .gitignore patterns.
//
// The matcher walks pattern and text together and only branches at stars. Each branch point
// (star position, text position) is remembered once it has failed, so a pathological pattern
// such as `*a*a*a*b` costs at most pattern length x text length steps instead of exponential
// time. Classes are parsed on the fly; a malformed one aborts the whole match, as in git.
#include "discover/glob.h"

#include <cctype>
#include <cstddef>
#include <vector>

namespace clearance {

namespace {

enum class ClassResult { Match, NoMatch, Malformed };

/// Tests `c` against a POSIX class name such as "alpha"; `known` says whether the name exists.
bool in_named_class(std::string_view name, unsigned char c, bool& known) {
  known = true;
  if (name == "alnum") return std::isalnum(c);
  if (name == "alpha") return std::isalpha(c);
  if (name == "blank") return c == ' ' || c == '\t';
  if (name == "cntrl") return std::iscntrl(c);
  if (name == "digit") return std::isdigit(c);
  if (name == "graph") return std::isgraph(c);
  if (name == "lower") return std::islower(c);
  if (name == "print") return std::isprint(c);
  if (name == "punct") return std::ispunct(c);
  if (name == "space") return std::isspace(c);
  if (name == "upper") return std::isupper(c);
  if (name == "xdigit") return std::isxdigit(c);
  known = false;
  return false;
}

/// Matches `c` against the bracket expression opening at `p[open]`; `next` gets the index
/// just past its closing ']'.
ClassResult match_class(std::string_view p, size_t open, unsigned char c, size_t& next) {
  size_t j = open + 1;
  const size_t n = p.size();
  bool negated = false;
  if (j < n && (p[j] == '!' || p[j] == '^')) {
    negated = true;
    ++j;
  }
  bool matched = false;
  bool first = true;  // a ']' right after the opening is a literal
  for (;;) {
    if (j >= n) return ClassResult::Malformed;
    char ch = p[j];
    if (ch == ']' && !first) {
      next = j + 1;
      break;
    }
    first = false;
    unsigned char low;
    if (ch == '\\') {
      if (j + 1 >= n) return ClassResult::Malformed;
      low = static_cast<unsigned char>(p[j + 1]);
      j += 2;
    } else if (ch == '[' && j + 1 < n && p[j + 1] == ':') {
      size_t close = p.find(":]", j + 2);
      if (close != std::string_view::npos) {
        bool known = false;
        if (in_named_class(p.substr(j + 2, close - j - 2), c, known)) matched = true;
        if (!known) return ClassResult::Malformed;
        j = close + 2;
        continue;
      }
      low = '[';
      ++j;
    } else {
      low = static_cast<unsigned char>(ch);
      ++j;
    }
    if (j + 1 < n && p[j] == '-' && p[j + 1] != ']') {
      unsigned char high;
      if (p[j + 1] == '\\') {
        if (j + 2 >= n) return ClassResult::Malformed;
        high = static_cast<unsigned char>(p[j + 2]);
        j += 3;
      } else {
        high = static_cast<unsigned char>(p[j + 1]);
        j += 2;
      }
      if (low <= c && c <= high) matched = true;
    } else if (low == c) {
      matched = true;
    }
  }
  return matched != negated ? ClassResult::Match : ClassResult::NoMatch;
}

class Matcher {
 public:
  Matcher(std::string_view pattern, std::string_view text) : p_(pattern), t_(text) {}

  bool run(size_t pi, size_t ti) {
    for (;;) {
      if (aborted_) return false;
      if (pi == p_.size()) return ti == t_.size();
      char pc = p_[pi];
      if (pc == '*') return star(pi, ti);
      if (ti == t_.size()) return false;
      unsigned char tc = static_cast<unsigned char>(t_[ti]);
      switch (pc) {
        case '?':
          if (tc == '/') return false;
          ++pi;
          break;
        case '[': {
          size_t next = 0;
          ClassResult r = match_class(p_, pi, tc, next);
          if (r == ClassResult::Malformed) {
            aborted_ = true;
            return false;
          }
          if (r == ClassResult::NoMatch || tc == '/') return false;
          pi = next;
          break;
        }
        case '\\':
          if (pi + 1 == p_.size()) {
            aborted_ = true;  // a dangling escape matches nothing
            return false;
          }
          if (static_cast<unsigned char>(p_[pi + 1]) != tc) return false;
          pi += 2;
          break;
        default:
          if (static_cast<unsigned char>(pc) != tc) return false;
          ++pi;
      }
      ++ti;
    }
  }

 private:
  bool star(size_t pi, size_t ti) {
    size_t key = pi * (t_.size() + 1) + ti;
    if (failed_.empty()) failed_.assign((p_.size() + 1) * (t_.size() + 1), false);
    if (failed_[key]) return false;

    size_t rest = pi;
    while (rest < p_.size() && p_[rest] == '*') ++rest;
    // `**` crosses directories only as a whole path component: at the start or after '/',
    // and at the end or before '/'. Anywhere else it is a plain `*`.
    bool deep =
        rest - pi >= 2 && (pi == 0 || p_[pi - 1] == '/') && (rest == p_.size() || p_[rest] == '/');
    bool result = false;
    if (deep) {
      if (rest == p_.size()) {
        result = true;
      } else if (run(rest + 1, ti)) {  // "**/" standing for no directory at all
        result = true;
      } else {
        for (size_t k = ti; k < t_.size() && !result; ++k) {
          if (t_[k] == '/' && run(rest + 1, k + 1)) result = true;
        }
      }
    } else if (rest == p_.size()) {
      result = t_.find('/', ti) == std::string_view::npos;
    } else {
      for (size_t k = ti;; ++k) {
        if (run(rest, k)) {
          result = true;
          break;
        }
        if (k == t_.size() || t_[k] == '/' || aborted_) break;
      }
    }
    if (!result) failed_[key] = true;
    return result;
  }

  std::string_view p_;
  std::string_view t_;
  std::vector<bool> failed_;  // branch points known not to match
  bool aborted_ = false;
};

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  if (glob_is_literal(pattern)) return pattern == text;
  Matcher m(pattern, text);
  return m.run(0, 0);
}

bool glob_is_literal(std::string_view pattern) {
  return pattern.find_first_of("*?[\\") == std::string_view::npos;
}

}  // namespace clearance
