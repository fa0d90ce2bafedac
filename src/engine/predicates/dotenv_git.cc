// env-file-not-committed: a real .env file must be neither tracked by git nor left
// unignored. Reads the repository that contains the file through libgit2 (its index and
// its ignore rules, as `git ls-files` and `git check-ignore` would); files outside any git
// work tree are out of scope (`dotenv_in_git_work_tree` fails, so the rule does not apply).
#include <git2.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "engine/predicates/dotenv_util.h"
#include "engine/predicates/predicates.h"

namespace clearance {

namespace {

namespace fs = std::filesystem;

struct RepoDeleter {
  void operator()(git_repository* r) const { git_repository_free(r); }
};
struct IndexDeleter {
  void operator()(git_index* i) const { git_index_free(i); }
};
using Repo = std::unique_ptr<git_repository, RepoDeleter>;

// The file on disk and its repository-relative path; nullopt outside a work tree.
struct InRepo {
  Repo repo;
  std::string relative;  // '/'-separated, as the index stores it
};

std::string disk_path(const EvalContext& ctx) {
  if (!ctx.document.disk_path.empty()) return ctx.document.disk_path;
  return (fs::path(ctx.workspace.root) / ctx.document.path).string();
}

std::optional<InRepo> locate(const EvalContext& ctx) {
  static const int init = git_libgit2_init();  // reference-counted; kept for the process
  (void)init;
  std::error_code ec;
  fs::path file = fs::weakly_canonical(fs::path(disk_path(ctx)), ec);
  if (ec) return std::nullopt;
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, file.parent_path().c_str(), 0, nullptr) != 0)
    return std::nullopt;
  Repo repo(raw);
  const char* workdir = git_repository_workdir(repo.get());
  if (!workdir || git_repository_is_bare(repo.get())) return std::nullopt;
  fs::path root = fs::weakly_canonical(fs::path(workdir), ec);
  if (ec) return std::nullopt;
  fs::path rel = file.lexically_relative(root);
  std::string r = rel.generic_string();
  if (r.empty() || r == "." || r.rfind("..", 0) == 0) return std::nullopt;
  return InRepo{std::move(repo), r};
}

}  // namespace

Outcome predicate_dotenv_in_git_work_tree(const EvalContext& ctx, const Value&) {
  if (locate(ctx)) return Outcome::pass();
  return Outcome::fail(dotenv_file_blame(ctx, "not inside a git work tree"));
}

Outcome predicate_dotenv_not_committed(const EvalContext& ctx, const Value&) {
  auto in = locate(ctx);
  if (!in) return Outcome::pass();
  bool tracked = false;
  git_index* raw_index = nullptr;
  if (git_repository_index(&raw_index, in->repo.get()) == 0) {
    std::unique_ptr<git_index, IndexDeleter> index(raw_index);
    tracked = git_index_get_bypath(index.get(), in->relative.c_str(), 0) != nullptr;
  }
  int ignored = 0;
  if (git_ignore_path_is_ignored(&ignored, in->repo.get(), in->relative.c_str()) != 0) ignored = 0;
  if (!tracked && ignored) return Outcome::pass();
  std::string detail = ctx.document.path;
  if (tracked && !ignored)
    detail += " is tracked by git and not ignored by .gitignore";
  else if (tracked)
    detail += " is tracked by git (ignoring it does not untrack it)";
  else
    detail += " is not ignored by .gitignore, so it can be committed";
  Blame b = dotenv_file_blame(ctx, std::move(detail));
  b.fingerprint_seed = tracked ? "tracked" : "unignored";
  return Outcome::fail(std::move(b));
}

}  // namespace clearance
