// The index (staging area): what the next commit would contain, for pre-commit use.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace clearance::secrets {

/// The text files of the index with their staged content (not the work tree's).
struct StagedFiles {
  std::string workdir;  ///< the repository's work tree (absolute, ends without '/')
  std::vector<std::pair<std::string, std::string>> files;  ///< path relative to workdir, content
  std::vector<std::string> skipped;  ///< "path: reason" (binary, too large, conflicted)
  std::string error;                 ///< set when the repository could not be read
};

/// Reads every staged blob of the repository containing `path`.
StagedFiles read_staged_files(const std::string& path, uintmax_t max_blob_size);

}  // namespace clearance::secrets
