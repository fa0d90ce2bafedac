// Walking history with libgit2. Per commit: diff the first parent's tree (or nothing, for a
// root commit) against the commit's tree with no context lines; collect each file's added
// lines into one buffer with a table from buffer line to file line; scan the buffer; map the
// hits back. Merges are diffed against their first parent too, so what a merge brings in
// from a side branch is seen again there, and de-duplication by (rule, secret hash) keeps the
// earliest commit, which the oldest-first walk visits first.
#include "secrets/git_history.h"

#include <ctime>
#include <set>
#include <utility>

#include "secrets/git_util.h"
#include "secrets/scanner.h"

namespace clearance::secrets {

namespace {

std::string iso_date(const git_time& t) {
  std::time_t local = std::time_t(t.time) + std::time_t(t.offset) * 60;
  std::tm tm{};
  gmtime_r(&local, &tm);
  char buf[80];
  int off = t.offset < 0 ? -t.offset : t.offset;
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                t.offset < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

// The added lines of one file in one commit.
struct FileAdditions {
  std::string path;
  std::string text;
  std::vector<uint32_t> lines;  // buffer line i+1 -> file line lines[i]
};

class Walker {
 public:
  Walker(const HistoryOptions& o, HistoryResult& r) : options_(o), result_(r) {}

  bool commit(git_repository* repo, const git_oid& oid) {
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo, &oid) != 0) return fail("cannot read commit");
    git::Commit c(raw);
    git_tree* raw_tree = nullptr;
    if (git_commit_tree(&raw_tree, c.get()) != 0) return fail("cannot read tree");
    git::Tree tree(raw_tree);
    git::Tree parent_tree;
    if (git_commit_parentcount(c.get()) > 0) {
      git_commit* raw_parent = nullptr;
      if (git_commit_parent(&raw_parent, c.get(), 0) != 0) return fail("cannot read parent");
      git::Commit parent(raw_parent);
      git_tree* pt = nullptr;
      if (git_commit_tree(&pt, parent.get()) != 0) return fail("cannot read parent tree");
      parent_tree.reset(pt);
    }
    // The library's initialiser, not its INIT macro: the macro leaves fields unnamed.
    git_diff_options opts{};
    if (git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION) != 0) return fail("cannot diff");
    opts.context_lines = 0;
    opts.interhunk_lines = 0;
    opts.max_size = git_off_t(options_.max_blob_size);
    git_diff* raw_diff = nullptr;
    if (git_diff_tree_to_tree(&raw_diff, repo, parent_tree.get(), tree.get(), &opts) != 0)
      return fail("cannot diff");
    git::Diff diff(raw_diff);

    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &oid);
    commit_id_ = hex;
    date_ = iso_date(git_commit_author(c.get())->when);
    current_ = {};
    int rc = git_diff_foreach(diff.get(), &Walker::on_file, &Walker::on_binary, nullptr,
                              &Walker::on_line, this);
    if (rc != 0) return fail("cannot read diff");
    flush();
    ++result_.commits;
    return true;
  }

 private:
  bool fail(const char* what) {
    result_.error = git::last_error(what);
    return false;
  }

  static int on_file(const git_diff_delta* delta, float, void* payload) {
    auto* self = static_cast<Walker*>(payload);
    self->flush();
    self->current_.path = delta->new_file.path ? delta->new_file.path : "";
    if (delta->new_file.mode == GIT_FILEMODE_COMMIT) self->current_.path.clear();  // submodule
    if (delta->flags & GIT_DIFF_FLAG_BINARY) {
      bool large = uintmax_t(delta->new_file.size) > self->options_.max_blob_size;
      if (delta->status != GIT_DELTA_DELETED)
        self->result_.skipped.push_back(self->current_.path + " at " +
                                        self->commit_id_.substr(0, 12) + ": " +
                                        (large ? "larger than the size limit" : "binary"));
      self->current_.path.clear();
    }
    return 0;
  }

  static int on_binary(const git_diff_delta*, const git_diff_binary*, void*) { return 0; }

  static int on_line(const git_diff_delta*, const git_diff_hunk*, const git_diff_line* line,
                     void* payload) {
    auto* self = static_cast<Walker*>(payload);
    if (line->origin != GIT_DIFF_LINE_ADDITION || self->current_.path.empty() ||
        line->new_lineno <= 0)
      return 0;
    FileAdditions& f = self->current_;
    f.text.append(line->content, line->content_len);
    if (f.text.empty() || f.text.back() != '\n') f.text += '\n';
    f.lines.push_back(uint32_t(line->new_lineno));
    return 0;
  }

  void flush() {
    FileAdditions f = std::move(current_);
    current_ = {};
    if (f.path.empty() || f.text.empty()) return;
    ++result_.files;
    result_.bytes += f.text.size();
    for (SecretHit& h : Scanner::instance().scan(f.text, f.path)) {
      if (!seen_.emplace(std::string(h.rule_id), h.sha256).second) continue;
      result_.findings.push_back(make_finding(f, std::move(h)));
    }
  }

  HistoryFinding make_finding(const FileAdditions& f, SecretHit h) const {
    // Keep only the hit's own lines as context, and move the offsets to index it.
    size_t cb = f.text.rfind('\n', h.begin == 0 ? 0 : h.begin - 1);
    cb = (h.begin == 0 || cb == std::string::npos) ? 0 : cb + 1;
    size_t ce = f.text.find('\n', h.end == 0 ? 0 : h.end - 1);
    if (ce == std::string::npos) ce = f.text.size();
    HistoryFinding out;
    out.context = f.text.substr(cb, ce - cb);
    h.begin -= cb;
    h.end -= cb;
    auto map_line = [&](uint32_t l) { return l >= 1 && l <= f.lines.size() ? f.lines[l - 1] : l; };
    h.range.begin.line = map_line(h.range.begin.line);
    h.range.end.line = map_line(h.range.end.line);
    out.hit = std::move(h);
    out.commit = commit_id_;
    out.date = date_;
    out.path = f.path;
    return out;
  }

  const HistoryOptions& options_;
  HistoryResult& result_;
  std::string commit_id_, date_;
  FileAdditions current_;
  std::set<std::pair<std::string, std::string>> seen_;  // (rule id, secret hash)
};

}  // namespace

HistoryResult scan_git_history(const std::string& path, const HistoryOptions& options) {
  git::Library lib;
  HistoryResult result;
  git::Repository repo = git::open(path, result.error);
  if (!repo) return result;
  int unborn = git_repository_head_unborn(repo.get());
  int empty = unborn == 1 ? 1 : git_repository_is_empty(repo.get());
  if (unborn < 0 || empty < 0) {
    result.error = git::last_error("cannot read HEAD");
    return result;
  }
  if (unborn == 1 || empty == 1) return result;
  git_revwalk* raw_walk = nullptr;
  if (git_revwalk_new(&raw_walk, repo.get()) != 0) {
    result.error = git::last_error("cannot walk history");
    return result;
  }
  git::Revwalk walk(raw_walk);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE);
  if (git_revwalk_push_head(walk.get()) != 0) {
    result.error = git::last_error("cannot read HEAD");
    return result;
  }
  Walker walker(options, result);
  git_oid oid;
  int rc = 0;
  while ((rc = git_revwalk_next(&oid, walk.get())) == 0) {
    if (options.max_commits && result.commits >= options.max_commits) return result;
    if (!walker.commit(repo.get(), oid)) return result;
  }
  // The walk ends with ITEROVER; anything else (a corrupt pack, a missing object) is an error,
  // never a shorter history that looks clean.
  if (rc != GIT_ITEROVER) result.error = git::last_error("cannot walk history");
  return result;
}

}  // namespace clearance::secrets
