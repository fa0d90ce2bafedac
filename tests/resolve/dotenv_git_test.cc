// Tests of env-file-not-committed against real repositories made with libgit2 in a temporary
// directory: one file tracked (committed), one ignored, one untracked but not ignored, one
// tracked although ignored, a template, and a directory outside any git work tree.
#include <git2.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "engine/engine.h"
#include "engine/rule_set.h"
#include "parse/dotenv/dotenv_parser.h"
#include "resolve/dotenv/dotenv_groups.h"

using namespace clearance;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() /
           ("clearance-dotenv-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// git init; git add <paths> (force, like `git add -f`); git commit.
void init_and_commit(const fs::path& dir, const std::vector<std::string>& paths) {
  git_libgit2_init();
  git_repository* repo = nullptr;
  REQUIRE(git_repository_init(&repo, dir.c_str(), 0) == 0);
  git_index* index = nullptr;
  REQUIRE(git_repository_index(&index, repo) == 0);
  for (const auto& p : paths) REQUIRE(git_index_add_bypath(index, p.c_str()) == 0);
  REQUIRE(git_index_write(index) == 0);
  git_oid tree_id, commit_id;
  REQUIRE(git_index_write_tree(&tree_id, index) == 0);
  git_tree* tree = nullptr;
  REQUIRE(git_tree_lookup(&tree, repo, &tree_id) == 0);
  git_signature* sig = nullptr;
  REQUIRE(git_signature_new(&sig, "Test", "test@example.com", 1700000000, 0) == 0);
  REQUIRE(git_commit_create_v(&commit_id, repo, "HEAD", sig, sig, nullptr, "fixtures", tree, 0) ==
          0);
  git_signature_free(sig);
  git_tree_free(tree);
  git_index_free(index);
  git_repository_free(repo);
  git_libgit2_shutdown();
}

Workspace workspace_of(const fs::path& root, const std::vector<std::string>& paths) {
  Workspace ws;
  ws.root = root.string();
  for (const auto& p : paths) {
    Document d;
    d.path = p;
    d.disk_path = (root / p).string();
    d.format = Format::Dotenv;
    std::ifstream in(d.disk_path, std::ios::binary);
    d.source.assign(std::istreambuf_iterator<char>(in), {});
    parse_dotenv(d);
    ws.documents.push_back(std::move(d));
  }
  resolve_dotenv(ws);
  return ws;
}

RuleSet not_committed_rule() {
  RuleSet rules;
  std::vector<RuleError> errors;
  rules.load_directory(std::string(CLEARANCE_SOURCE_DIR) + "/rules/dotenv", errors);
  REQUIRE(errors.empty());
  RuleSet one;
  const Rule* r = rules.find("env-file-not-committed");
  REQUIRE(r != nullptr);
  one.add(*r, errors);
  return one;
}

}  // namespace

TEST_CASE("env-file-not-committed: tracked, ignored and unignored files", "[dotenv]") {
  TempDir tmp;
  write(tmp.path / ".gitignore", "ignored.env\nforced/\n");
  write(tmp.path / "tracked.env", "A=1\n");
  write(tmp.path / "ignored.env", "A=1\n");
  write(tmp.path / "untracked.env", "A=1\n");
  write(tmp.path / "forced/.env.production", "A=1\n");
  write(tmp.path / ".env.example", "A=\n");
  init_and_commit(tmp.path,
                  {".gitignore", "tracked.env", "forced/.env.production", ".env.example"});

  Workspace ws = workspace_of(tmp.path, {".env.example", "forced/.env.production", "ignored.env",
                                         "tracked.env", "untracked.env"});
  EngineResult res = run_rules(not_committed_rule(), ws);

  std::map<std::string, std::string> fired;
  for (const auto& f : res.findings) fired[f.location.path] = f.message;
  CHECK(fired.size() == 3);
  REQUIRE(fired.count("tracked.env"));
  CHECK(fired["tracked.env"].find("tracked by git and not ignored") != std::string::npos);
  REQUIRE(fired.count("untracked.env"));
  CHECK(fired["untracked.env"].find("not ignored by .gitignore") != std::string::npos);
  REQUIRE(fired.count("forced/.env.production"));
  CHECK(fired["forced/.env.production"].find("tracked by git (ignoring") != std::string::npos);
  CHECK_FALSE(fired.count("ignored.env"));
  CHECK_FALSE(fired.count(".env.example"));  // templates are meant to be committed

  // The ignored file was checked and passed; the template was not checked at all.
  std::set<std::string> passed, checked;
  for (const auto& c : res.checks) {
    checked.insert(c.location.path);
    if (c.verdict == Verdict::Pass) passed.insert(c.location.path);
  }
  CHECK(passed == std::set<std::string>{"ignored.env"});
  CHECK_FALSE(checked.count(".env.example"));
}

TEST_CASE("env-file-not-committed: outside a git work tree the rule does not apply", "[dotenv]") {
  TempDir tmp;
  write(tmp.path / ".env.production", "A=1\n");
  Workspace ws = workspace_of(tmp.path, {".env.production"});
  EngineResult res = run_rules(not_committed_rule(), ws);
  CHECK(res.findings.empty());
  CHECK(res.checks.empty());
}
