// discover(): walking real temporary trees (ignore files, symbolic links, skipped
// directories, the scan root) and, when git is installed, agreeing with git's own listing.
#include "discover/discover.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "temp_tree.h"

using clearance::Diagnostic;
using clearance::discover;
using clearance::DiscoverOptions;
using clearance::DiscoverResult;
using clearance::testing::TempTree;

namespace {

std::vector<std::string> paths_of(const DiscoverResult& r) {
  std::vector<std::string> out;
  for (const auto& f : r.files) out.push_back(f.path);
  return out;
}

bool has_diagnostic(const DiscoverResult& r, const std::string& path, const std::string& text) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
    return d.location.path == path && d.message.find(text) != std::string::npos;
  });
}

// A repository-shaped tree exercising every kind of ignore rule.
void build_ignore_tree(const TempTree& t) {
  t.dir(".git/info");
  t.file(".git/info/exclude", "# local excludes\n*.tfvars\nsecret.txt\n");
  t.file(".gitignore",
         "# root rules\n*.log\n!important.log\n/top-only.txt\nbuild/\ndocs/**/draft.md\n"
         "tmp/*\n!tmp/keep/\ncache\n**/generated/\n");
  t.file("main.tf");
  t.file("debug.log");
  t.file("important.log");
  t.file("top-only.txt");
  t.file("secret.txt");
  t.file("prod.tfvars");
  t.file("build/out.tf");
  t.file("build/keep.tf");
  t.file("docs/draft.md");
  t.file("docs/a/b/draft.md");
  t.file("docs/a/b/final.md");
  t.file("tmp/junk.txt");
  t.file("tmp/keep/kept.txt");
  t.file("cache");
  t.file("lib/cache/x.tf");
  t.file("lib/generated/y.tf");
  t.file("lib/generatedfile.tf");
  t.file("sub/.gitignore", "!debug.log\nlocal/\n*.bak\n!/keep.bak\n!prod.tfvars\n");
  t.file("sub/debug.log");
  t.file("sub/top-only.txt");
  t.file("sub/keep.bak");
  t.file("sub/drop.bak");
  t.file("sub/prod.tfvars");
  t.file("sub/local/l.tf");
  t.file("sub/deep/keep.bak");
  t.file("sub/deep/.gitignore", "!*.bak\n");
  t.file("sub/deep/also.bak");
  t.file("sub/other/keep.bak");
}

const std::vector<std::string> kIgnoreTreeExpected = {
    ".gitignore",        "docs/a/b/final.md", "important.log", "lib/generatedfile.tf",
    "main.tf",           "sub/.gitignore",    "sub/debug.log", "sub/deep/.gitignore",
    "sub/deep/also.bak", "sub/deep/keep.bak", "sub/keep.bak",  "sub/prod.tfvars",
    "sub/top-only.txt",  "tmp/keep/kept.txt",
};

}  // namespace

TEST_CASE("discover: nested .gitignore, negation, anchoring, dir-only and **", "[discover]") {
  TempTree t;
  build_ignore_tree(t);
  DiscoverResult r = discover({t.root()}, {});
  CHECK(r.root == t.root());
  CHECK(paths_of(r) == kIgnoreTreeExpected);
  CHECK(r.diagnostics.empty());
  for (const auto& f : r.files) {
    CHECK(f.disk_path == t.path(f.path));
    CHECK_FALSE(f.explicit_path);
  }
}

TEST_CASE("discover: the same files as git ls-files --others --exclude-standard", "[discover]") {
  if (!clearance::testing::have_git()) {
    WARN("git not found: cross-check skipped");
    return;
  }
  TempTree t;
  int status = 0;
  clearance::testing::run_command(clearance::testing::git_in(t.root()) + "init -q .", status);
  REQUIRE(status == 0);
  build_ignore_tree(t);
  std::string out = clearance::testing::run_command(
      clearance::testing::git_in(t.root()) + "ls-files --others --exclude-standard -z", status);
  REQUIRE(status == 0);
  std::vector<std::string> git_files;
  for (size_t start = 0, end; (end = out.find('\0', start)) != std::string::npos; start = end + 1) {
    git_files.push_back(out.substr(start, end - start));
  }
  std::sort(git_files.begin(), git_files.end());
  CHECK(git_files == kIgnoreTreeExpected);
  CHECK(paths_of(discover({t.root()}, {})) == git_files);
}

TEST_CASE("discover: a file named explicitly is scanned even if ignored", "[discover]") {
  TempTree t;
  build_ignore_tree(t);
  DiscoverResult r = discover({t.path("build/out.tf"), t.path("debug.log")}, {});
  CHECK(r.root == t.root());
  REQUIRE(paths_of(r) == std::vector<std::string>{"build/out.tf", "debug.log"});
  CHECK(r.files[0].explicit_path);
  CHECK(r.files[1].explicit_path);
}

TEST_CASE("discover: a subdirectory keeps repository-relative paths and root rules", "[discover]") {
  TempTree t;
  build_ignore_tree(t);
  DiscoverResult r = discover({t.path("sub")}, {});
  CHECK(r.root == t.root());
  // sub/top-only.txt stays (anchored to the root), *.bak follows sub's own rules, and
  // *.log from the root is overridden by sub's !debug.log.
  CHECK(paths_of(r) == std::vector<std::string>{"sub/.gitignore", "sub/debug.log",
                                                "sub/deep/.gitignore", "sub/deep/also.bak",
                                                "sub/deep/keep.bak", "sub/keep.bak",
                                                "sub/prod.tfvars", "sub/top-only.txt"});
  // Root rules reach into a named subdirectory: lib/generated/ is ignored at any depth.
  CHECK(paths_of(discover({t.path("lib")}, {})) ==
        std::vector<std::string>{"lib/generatedfile.tf"});
}

TEST_CASE("discover: .git and .terraform are always skipped", "[discover]") {
  TempTree t;
  t.file(".git/config", "[core]\n");
  t.file(".terraform/modules/m/main.tf");
  t.file("mod/.terraform/providers/p");
  t.file("mod/main.tf");
  t.file(".gitignore", "*.tf\n");
  DiscoverOptions no_ignore;
  no_ignore.respect_gitignore = false;
  CHECK(paths_of(discover({t.root()}, no_ignore)) ==
        std::vector<std::string>{".gitignore", "mod/main.tf"});
  CHECK(paths_of(discover({t.root()}, {})) == std::vector<std::string>{".gitignore"});
}

TEST_CASE("discover: symbolic link loops end without walking twice", "[discover]") {
  TempTree t;
  t.dir(".git");
  t.file("a/main.tf");
  t.link("a/up", "..");        // back to the root
  t.link("a/self", ".");       // to its own directory
  t.link("cycle1", "cycle2");  // a link cycle: stat fails with ELOOP
  t.link("cycle2", "cycle1");
  t.link("dangling", "nowhere");
  DiscoverResult r = discover({t.root()}, {});
  CHECK(paths_of(r) == std::vector<std::string>{"a/main.tf"});
  CHECK(has_diagnostic(r, "cycle1", "loop"));
  CHECK(has_diagnostic(r, "dangling", "broken"));
}

TEST_CASE("discover: links never lead outside the scan root", "[discover]") {
  TempTree outside;
  outside.file("secret.tf");
  outside.file("dir/other.tf");
  TempTree t;
  t.dir(".git");
  t.file("main.tf");
  t.link("file-out.tf", outside.path("secret.tf"));
  t.link("dir-out", outside.path("dir"));
  DiscoverResult r = discover({t.root()}, {});
  CHECK(paths_of(r) == std::vector<std::string>{"main.tf"});
  CHECK(has_diagnostic(r, "file-out.tf", "outside"));
  CHECK(has_diagnostic(r, "dir-out", "outside"));
}

TEST_CASE("discover: links inside the tree are read once, by their real path", "[discover]") {
  TempTree t;
  t.dir(".git");
  t.file("modules/vpc/main.tf");
  t.file("modules/vpc/vars.tf");
  t.link("alias.tf", "modules/vpc/main.tf");
  t.link("vpc-link", "modules/vpc");
  t.file("ignored/only.tf");
  t.file(".gitignore", "ignored/\n");
  t.link("only-link.tf", "ignored/only.tf");  // target found by no other path
  DiscoverResult r = discover({t.root()}, {});
  CHECK(paths_of(r) == std::vector<std::string>{".gitignore", "modules/vpc/main.tf",
                                                "modules/vpc/vars.tf", "only-link.tf"});
  CHECK(r.diagnostics.empty());
}

TEST_CASE("discover: a linked directory is walked when nothing else reaches it", "[discover]") {
  TempTree t;
  t.dir(".git");
  t.file(".hidden-store/real.tf");
  t.file(".gitignore", ".hidden-store/\n");
  t.link("mods", ".hidden-store");
  DiscoverResult r = discover({t.root()}, {});
  CHECK(paths_of(r) == std::vector<std::string>{".gitignore", "mods/real.tf"});
}

TEST_CASE("discover: output is sorted and stable", "[discover]") {
  TempTree t;
  t.dir(".git");
  for (const char* p : {"b/z.tf", "a.b", "a/b", "a-b", "B.tf", "a/a/a.tf", "c.tf"}) t.file(p);
  DiscoverResult first = discover({t.root()}, {});
  std::vector<std::string> paths = paths_of(first);
  CHECK(std::is_sorted(paths.begin(), paths.end()));
  CHECK(paths ==
        std::vector<std::string>{"B.tf", "a-b", "a.b", "a/a/a.tf", "a/b", "b/z.tf", "c.tf"});
  CHECK(paths_of(discover({t.root()}, {})) == paths);
  // Overlapping inputs do not duplicate files.
  CHECK(paths_of(discover({t.root(), t.path("a"), t.path("c.tf")}, {})) == paths);
}

TEST_CASE("discover: scan root without git and paths outside it", "[discover]") {
  TempTree t;
  t.file("x/main.tf");
  DiscoverResult single = discover({t.path("x") + "/"}, {});
  CHECK(single.root == t.path("x"));
  CHECK(paths_of(single) == std::vector<std::string>{"main.tf"});

  TempTree other;
  other.dir(".git");
  other.file("in.tf");
  DiscoverResult two = discover({other.root(), t.path("x") + "/", t.path("x/main.tf")}, {});
  CHECK(two.root == other.root());
  CHECK(paths_of(two) ==
        std::vector<std::string>{t.path("x/main.tf"), "in.tf"});  // outside: as given
}

TEST_CASE("discover: missing inputs and special files become diagnostics", "[discover]") {
  TempTree t;
  t.dir(".git");
  t.file("ok.tf");
  REQUIRE(mkfifo(t.path("pipe").c_str(), 0600) == 0);
  DiscoverResult r = discover({t.root(), t.path("missing.tf")}, {});
  CHECK(paths_of(r) == std::vector<std::string>{"ok.tf"});
  CHECK(has_diagnostic(r, "pipe", "not a regular file"));
  REQUIRE(has_diagnostic(r, t.path("missing.tf"), "cannot access"));
  for (const auto& d : r.diagnostics) {
    if (d.location.path == t.path("missing.tf")) CHECK(d.level == Diagnostic::Level::Error);
  }
}

TEST_CASE("discover: an unreadable directory is a warning, not the end", "[discover]") {
  if (geteuid() == 0) {
    WARN("running as root: permissions cannot make a directory unreadable");
    return;
  }
  TempTree t;
  t.dir(".git");
  t.file("locked/hidden.tf");
  t.file("open.tf");
  REQUIRE(chmod(t.path("locked").c_str(), 0) == 0);
  DiscoverResult r = discover({t.root()}, {});
  CHECK(paths_of(r) == std::vector<std::string>{"open.tf"});
  REQUIRE(has_diagnostic(r, "locked", "cannot read directory"));
  CHECK(r.diagnostics.front().level == Diagnostic::Level::Warning);
}

TEST_CASE("discover: info/exclude is found through a .git file", "[discover]") {
  TempTree t;
  t.file("repo/.git", "gitdir: ../store/worktree\n");
  t.file("store/worktree/commondir", "..\n");
  t.file("store/info/exclude", "*.secret\n");
  t.file("repo/a.tf");
  t.file("repo/b.secret");
  DiscoverResult r = discover({t.path("repo")}, {});
  CHECK(r.root == t.path("repo"));
  CHECK(paths_of(r) == std::vector<std::string>{"a.tf"});
}

TEST_CASE("discover: a dir-only pattern also ignores a linked directory", "[discover]") {
  TempTree t;
  t.dir(".git");
  t.file("store/v.tf");
  t.file(".gitignore", "vendor/\nstore/\n");
  t.link("vendor", "store");
  CHECK(paths_of(discover({t.root()}, {})) == std::vector<std::string>{".gitignore"});
}

TEST_CASE("discover: extra exclude patterns outrank ignore files", "[discover]") {
  TempTree t;
  t.dir(".git");
  t.file(".gitignore", "*.log\n");
  t.file("a.tf");
  t.file("examples/b.tf");
  t.file("keep.log");
  t.file("x.log");
  DiscoverOptions opts;
  opts.exclude = {"examples/", "!keep.log"};
  CHECK(paths_of(discover({t.root()}, opts)) ==
        std::vector<std::string>{".gitignore", "a.tf", "keep.log"});
  opts.respect_gitignore = false;
  CHECK(paths_of(discover({t.root()}, opts)) ==
        std::vector<std::string>{".gitignore", "a.tf", "keep.log", "x.log"});
}
