// Reading the index: stage-0 entries only (conflicted files are reported, not guessed at),
// gitlinks skipped, binary and oversized blobs reported as skipped.
#include "secrets/git_staged.h"

#include "secrets/git_util.h"

namespace clearance::secrets {

StagedFiles read_staged_files(const std::string& path, uintmax_t max_blob_size) {
  git::Library lib;
  StagedFiles out;
  git::Repository repo = git::open(path, out.error);
  if (!repo) return out;
  const char* wd = git_repository_workdir(repo.get());
  out.workdir = wd ? wd : git_repository_path(repo.get());
  while (out.workdir.size() > 1 && out.workdir.back() == '/') out.workdir.pop_back();
  git_index* raw_index = nullptr;
  if (git_repository_index(&raw_index, repo.get()) != 0) {
    out.error = git::last_error("cannot read the index");
    return out;
  }
  git::Index index(raw_index);
  size_t n = git_index_entrycount(index.get());
  for (size_t i = 0; i < n; ++i) {
    const git_index_entry* e = git_index_get_byindex(index.get(), i);
    if (!e) continue;
    std::string p = e->path;
    if (git_index_entry_stage(e) != 0) {
      if (git_index_entry_stage(e) == 2) out.skipped.push_back(p + ": conflicted");
      continue;
    }
    if (e->mode == GIT_FILEMODE_COMMIT || e->mode == GIT_FILEMODE_LINK) continue;
    git_blob* raw_blob = nullptr;
    if (git_blob_lookup(&raw_blob, repo.get(), &e->id) != 0) {
      out.skipped.push_back(p + ": " + git::last_error("unreadable blob"));
      continue;
    }
    git::Blob blob(raw_blob);
    auto size = uintmax_t(git_blob_rawsize(blob.get()));
    if (size > max_blob_size) {
      out.skipped.push_back(p + ": skipped: larger than " + std::to_string(max_blob_size) +
                            " bytes");
      continue;
    }
    if (git_blob_is_binary(blob.get())) {
      out.skipped.push_back(p + ": skipped: binary file");
      continue;
    }
    out.files.emplace_back(
        std::move(p),
        std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())), size_t(size)));
  }
  return out;
}

}  // namespace clearance::secrets
