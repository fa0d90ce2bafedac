// History and index scans on temporary repositories built with git itself: a secret
// committed then deleted is found in history and not in the tree; an empty repository is no
// error; a staged secret is read from the index, not the work tree.
#include "secrets/git_history.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "fake_secrets.h"
#include "secrets/git_staged.h"
#include "secrets/scanner.h"

namespace fs = std::filesystem;
using namespace clearance::secrets;
namespace t = clearance::testing;

namespace {

class TempRepo {
 public:
  TempRepo() {
    char tmpl[] = "/tmp/clearance-git-XXXXXX";
    dir_ = mkdtemp(tmpl);
    git("init -q -b main .");
    git("config user.email t@example.org");
    git("config user.name Test");
    git("config commit.gpgsign false");
  }
  ~TempRepo() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void git(const std::string& args) const {
    std::string cmd = "cd '" + dir_ + "' && export GIT_AUTHOR_DATE='2024-03-01T10:00:00+01:00' " +
                      "GIT_COMMITTER_DATE='2024-03-01T10:00:00+01:00' && git " + args +
                      " >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
  }
  void write(const std::string& path, const std::string& content) const {
    fs::create_directories((fs::path(dir_) / path).parent_path());
    std::ofstream(fs::path(dir_) / path, std::ios::binary) << content;
  }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

bool has_git() {
  return std::system("git --version >/dev/null 2>&1") == 0;
}

}  // namespace

TEST_CASE("a secret committed then deleted is found in history, not in the tree", "[secrets]") {
  if (!has_git()) {
    WARN("git not installed: skipped");
    return;
  }
  TempRepo repo;
  repo.write("README.md", "# demo\n");
  repo.git("add . && git commit -q -m init");
  repo.write("config/app.env", "PORT=8080\nNAME=demo\nSTRIPE_KEY=" + t::kStripe + "\n");
  repo.git("add . && git commit -q -m 'add config'");
  repo.write("config/app.env", "PORT=8080\nNAME=demo\nSTRIPE_KEY=${STRIPE_KEY}\n");
  repo.git("commit -q -am 'remove key'");

  // The tree as it is now holds no secret.
  std::ifstream in(fs::path(repo.dir()) / "config/app.env");
  std::string now((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(Scanner::instance().scan(now, "config/app.env").empty());

  HistoryResult h = scan_git_history(repo.dir(), {});
  REQUIRE(h.error.empty());
  CHECK(h.commits == 3);
  REQUIRE(h.findings.size() == 1);
  const HistoryFinding& f = h.findings[0];
  CHECK(f.hit.rule_id == "secret-stripe");
  CHECK(f.path == "config/app.env");
  CHECK(f.hit.range.begin.line == 3);
  CHECK(f.date == "2024-03-01T10:00:00+01:00");
  CHECK(f.commit.size() == 40);
  CHECK(f.context.substr(f.hit.begin, f.hit.end - f.hit.begin) == t::kStripe);
}

TEST_CASE("history reports a secret once, at the commit that introduced it", "[secrets]") {
  if (!has_git()) {
    WARN("git not installed: skipped");
    return;
  }
  TempRepo repo;
  repo.write("a.txt", "token " + t::github() + "\n");
  repo.git("add . && git commit -q -m one");
  repo.write("b.txt", "\n\ncopied " + t::github() + "\n");
  repo.git("add . && git commit -q -m two");
  repo.git("mv a.txt c.txt && git commit -q -m three");
  repo.git("checkout -q -b side");
  repo.write("side.txt", "more\n");
  repo.git("add . && git commit -q -m side");
  repo.git("checkout -q main");
  repo.write("main.txt", "main\n");
  repo.git("add . && git commit -q -m main2");
  repo.git("merge -q --no-ff side -m merge");
  HistoryResult h = scan_git_history(repo.dir(), {});
  REQUIRE(h.error.empty());
  CHECK(h.commits == 6);
  REQUIRE(h.findings.size() == 1);
  CHECK(h.findings[0].path == "a.txt");
  CHECK(h.findings[0].hit.range.begin.line == 1);
}

TEST_CASE("history skips binary and oversized blobs and reports them", "[secrets]") {
  if (!has_git()) {
    WARN("git not installed: skipped");
    return;
  }
  TempRepo repo;
  repo.write("logo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11) + t::kStripe);
  repo.write("big.txt", std::string(5000, 'a') + "\n" + t::kStripe + "\n");
  repo.write("small.txt", "k " + t::kSendgrid + "\n");
  repo.git("add . && git commit -q -m files");
  HistoryOptions opts;
  opts.max_blob_size = 1000;
  HistoryResult h = scan_git_history(repo.dir(), opts);
  REQUIRE(h.error.empty());
  REQUIRE(h.findings.size() == 1);
  CHECK(h.findings[0].hit.rule_id == "secret-sendgrid");
  CHECK(h.skipped.size() == 2);
}

TEST_CASE("an empty repository and a non-repository are handled", "[secrets]") {
  if (!has_git()) {
    WARN("git not installed: skipped");
    return;
  }
  TempRepo repo;
  HistoryResult h = scan_git_history(repo.dir(), {});
  CHECK(h.error.empty());
  CHECK(h.commits == 0);
  CHECK(h.findings.empty());
  CHECK(read_staged_files(repo.dir(), 1 << 20).files.empty());
  char tmpl[] = "/tmp/clearance-nogit-XXXXXX";
  std::string plain = mkdtemp(tmpl);
  CHECK_FALSE(scan_git_history(plain, {}).error.empty());
  CHECK_FALSE(read_staged_files(plain, 1 << 20).error.empty());
  fs::remove_all(plain);
}

TEST_CASE("staged files come from the index, not the work tree", "[secrets]") {
  if (!has_git()) {
    WARN("git not installed: skipped");
    return;
  }
  TempRepo repo;
  repo.write("app.env", "OPENAI_API_KEY=" + t::kOpenai + "\n");
  repo.git("add app.env");
  // Cleaned in the work tree but not re-staged: the next commit would still leak it.
  repo.write("app.env", "OPENAI_API_KEY=\n");
  repo.write("untracked.txt", "k " + t::kStripe + "\n");
  StagedFiles s = read_staged_files(repo.dir(), 1 << 20);
  REQUIRE(s.error.empty());
  REQUIRE(s.files.size() == 1);
  CHECK(s.files[0].first == "app.env");
  auto hits = Scanner::instance().scan(s.files[0].second, s.files[0].first);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].rule_id == "secret-openai");
  CHECK(fs::equivalent(s.workdir, repo.dir()));
}
