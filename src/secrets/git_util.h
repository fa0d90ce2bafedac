// Small RAII helpers over libgit2 shared by the history and index readers.
#pragma once

#include <git2.h>

#include <memory>
#include <string>

namespace clearance::secrets::git {

/// Keeps libgit2 initialised for the object's lifetime (calls nest).
struct Library {
  Library() { git_libgit2_init(); }
  ~Library() { git_libgit2_shutdown(); }
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;
};

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const {
    if (p) Free(p);
  }
};

using Repository = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using Commit = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using Tree = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using Diff = std::unique_ptr<git_diff, Deleter<git_diff, git_diff_free>>;
using Revwalk = std::unique_ptr<git_revwalk, Deleter<git_revwalk, git_revwalk_free>>;
using Index = std::unique_ptr<git_index, Deleter<git_index, git_index_free>>;
using Blob = std::unique_ptr<git_blob, Deleter<git_blob, git_blob_free>>;

/// The last libgit2 error as text.
inline std::string last_error(const char* what) {
  const git_error* e = git_error_last();
  return std::string(what) + ": " + (e && e->message ? e->message : "unknown error");
}

/// Opens the repository containing `path` (searching upwards), or returns an error.
inline Repository open(const std::string& path, std::string& error) {
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, path.c_str(), 0, nullptr) != 0) {
    error = last_error("not a git repository");
    return nullptr;
  }
  return Repository(raw);
}

}  // namespace clearance::secrets::git
