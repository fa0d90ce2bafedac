// Gitignore: parsing and matching one ignore file, checked against known git behaviour and,
// when git is installed, against `git check-ignore` itself.
#include "discover/gitignore.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "temp_tree.h"

using clearance::Gitignore;
using clearance::IgnoreVerdict;

namespace {

struct Case {
  std::string patterns;  // the .gitignore text
  std::string path;      // relative to the .gitignore's directory
  bool is_dir;
  bool ignored;  // what git does
};

// Whether git would ignore `path`: the path itself, or any directory above it, is ignored
// (git never looks inside an ignored directory, so nothing there can be re-included).
bool ignored_like_git(const Gitignore& g, const std::string& path, bool is_dir) {
  for (size_t slash = path.find('/'); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    if (g.match(path.substr(0, slash), true) == IgnoreVerdict::Ignore) return true;
  }
  return g.match(path, is_dir) == IgnoreVerdict::Ignore;
}

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {"*.log\n", "a.log", false, true},
      {"*.log\n", "dir/a.log", false, true},
      {"*.log\n", "a.log.txt", false, false},
      {"/root.txt\n", "root.txt", false, true},
      {"/root.txt\n", "sub/root.txt", false, false},
      {"doc/frotz\n", "doc/frotz", false, true},
      {"doc/frotz\n", "a/doc/frotz", false, false},
      {"frotz/\n", "frotz", true, true},
      {"frotz/\n", "frotz", false, false},
      {"frotz/\n", "a/frotz", true, true},
      {"frotz/\n", "frotz/inner.txt", false, true},
      {"doc/frotz/\n", "doc/frotz", true, true},
      {"doc/frotz/\n", "doc/frotz", false, false},
      {"**/foo\n", "foo", false, true},
      {"**/foo\n", "a/b/foo", false, true},
      {"**/foo/bar\n", "x/foo/bar", false, true},
      {"**/foo/bar\n", "foo/bar", false, true},
      {"abc/**\n", "abc/x", false, true},
      {"abc/**\n", "abc/x/y", false, true},
      {"abc/**\n", "abc", true, false},
      {"a/**/b\n", "a/b", false, true},
      {"a/**/b\n", "a/x/y/b", false, true},
      {"a/**/b\n", "a/xb", false, false},
      {"x/a**b\n", "x/a/b", false, false},
      {"x/a**b\n", "x/azzb", false, true},
      {"?\n", "a", false, true},
      {"?\n", "ab", false, false},
      {"[abc].txt\n", "b.txt", false, true},
      {"[!abc].txt\n", "a.txt", false, false},
      {"[a-c]x\n", "bx", false, true},
      {"[[:digit:]]x\n", "5x", false, true},
      {"[[:digit:]]x\n", "ax", false, false},
      {"*.log\n!keep.log\n", "keep.log", false, false},
      {"*.log\n!keep.log\n", "other.log", false, true},
      {"!keep.log\n*.log\n", "keep.log", false, true},  // the last match wins
      {"build/\n!build/keep.txt\n", "build/keep.txt", false, true},
      {"build/*\n!build/keep.txt\n", "build/keep.txt", false, false},
      {"build/*\n!build/keep.txt\n", "build/other", false, true},
      {"build/*\n!build/keep/\n", "build/keep/file", false, false},
      {"#foo\n", "#foo", false, false},
      {"\\#foo\n", "#foo", false, true},
      {"\\!important\n", "!important", false, true},
      {"foo   \n", "foo", false, true},
      {"bar\\ \n", "bar ", false, true},
      {"bar\\ \n", "bar", false, false},
      {"\\*star\n", "*star", false, true},
      {"\\*star\n", "xstar", false, false},
      {"/*.c\n", "x.c", false, true},
      {"/*.c\n", "d/x.c", false, false},
      {"foo/*\n", "foo/bar", false, true},
      {"foo/*\n", "foo", true, false},
      {"foo/*\n", "foo/bar/baz", false, true},
      {"foo[ab\n", "foo[ab", false, false},
      {"foo\r\n", "foo", false, true},
      {"**/logs/\n", "a/logs", true, true},
      {"**/logs/\n", "logs", true, true},
      {"**/logs/\n", "a/logs", false, false},
      {"*.[oa]\n", "x.o", false, true},
      {"*.[oa]\n", "x.c", false, false},
      {"a*b\n", "a/b", false, false},
      {"/a*/b\n", "axy/b", false, true},
      {"/a*/b\n", "axy/z/b", false, false},
      {"\n\n   \n*.tmp\n", "x.tmp", false, true},
      {"\xEF\xBB\xBF*.tmp\n", "x.tmp", false, true},
      {"/\n!\n", "a", false, false},
      {"*\n!*/\n!*.tf\n", "mod/main.tf", false, false},
      {"*\n!*/\n!*.tf\n", "mod/notes.md", false, true},
  };
  return all;
}

}  // namespace

TEST_CASE("gitignore: patterns behave as git documents them", "[discover]") {
  for (const Case& c : cases()) {
    INFO("patterns: " << c.patterns << "path: " << c.path << (c.is_dir ? " (dir)" : ""));
    CHECK(ignored_like_git(Gitignore::parse(c.patterns), c.path, c.is_dir) == c.ignored);
  }
}

TEST_CASE("gitignore: a nested file applies only below its directory", "[discover]") {
  Gitignore g = Gitignore::parse("/only-here.txt\n*.bak\n!keep.bak\n", "sub/dir");
  CHECK(g.base() == "sub/dir");
  CHECK(g.match("sub/dir/only-here.txt", false) == IgnoreVerdict::Ignore);
  CHECK(g.match("sub/dir/x/only-here.txt", false) == IgnoreVerdict::None);
  CHECK(g.match("only-here.txt", false) == IgnoreVerdict::None);
  CHECK(g.match("sub/dirty/a.bak", false) == IgnoreVerdict::None);
  CHECK(g.match("sub/dir/x/a.bak", false) == IgnoreVerdict::Ignore);
  CHECK(g.match("sub/dir/keep.bak", false) == IgnoreVerdict::Include);
  CHECK(g.match("sub/dir/a.txt", false) == IgnoreVerdict::None);
}

TEST_CASE("gitignore: blank lines and comments produce no patterns", "[discover]") {
  CHECK(Gitignore::parse("\n# comment\n   \n\r\n").size() == 0);
  CHECK(Gitignore::parse("a\n# c\nb\n").size() == 2);
}

TEST_CASE("gitignore: the same verdicts as git check-ignore", "[discover]") {
  using clearance::testing::git_in;
  if (!clearance::testing::have_git()) {
    WARN("git not found: cross-check skipped");
    return;
  }
  clearance::testing::TempTree tree;
  int status = 0;
  clearance::testing::run_command(git_in(tree.root()) + "init -q . 2>&1", status);
  REQUIRE(status == 0);
  // One directory per case, each with its own .gitignore, queried in a single git call.
  std::string query;
  for (size_t i = 0; i < cases().size(); ++i) {
    const Case& c = cases()[i];
    std::string dir = "c" + std::to_string(i);
    tree.file(dir + "/.gitignore", c.patterns);
    if (c.is_dir) {
      tree.dir(dir + "/" + c.path);
    } else {
      tree.file(dir + "/" + c.path);
    }
    query += dir + "/" + c.path + '\0';
  }
  tree.file("query", query);
  std::string out = clearance::testing::run_command(
      git_in(tree.root()) + "check-ignore --no-index -z --stdin < '" + tree.path("query") + "'",
      status);
  REQUIRE((status == 0 || status == 1));
  for (size_t i = 0; i < cases().size(); ++i) {
    const Case& c = cases()[i];
    std::string full = "c" + std::to_string(i) + "/" + c.path;
    bool git_ignored = out.find(std::string(1, '\0') + full + '\0') != std::string::npos ||
                       out.starts_with(full + '\0');
    INFO("patterns: " << c.patterns << "path: " << c.path);
    CHECK(git_ignored == c.ignored);
  }
}
