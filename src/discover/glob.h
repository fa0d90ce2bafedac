// Glob matching with git's path semantics, as used by .gitignore patterns.
// `*` and `?` never cross a '/', `[...]` classes never match '/', and `**` between slashes
// (or at either end of the pattern) matches any run of path components, including none.
#pragma once

#include <string_view>

namespace clearance {

/// True if `text` matches `pattern` as a whole, with git's pathname rules (`**`, `[...]`,
/// `[!...]`, `[[:alpha:]]`, backslash escapes). A malformed class matches nothing.
bool glob_match(std::string_view pattern, std::string_view text);

/// True if `pattern` contains no glob syntax, so plain comparison is enough.
bool glob_is_literal(std::string_view pattern);

}  // namespace clearance
