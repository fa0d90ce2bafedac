// The walk's exclusions as a question about one path, for loaders that follow references
// the walk did not (a module directory named by a call): is this root-relative path left
// out by `exclude:` patterns, a .gitignore on the way to it, or .git/info/exclude? The same
// precedence as the walk: configured patterns first, then the deepest ignore file with an
// opinion, then info/exclude; a path inside an ignored directory is ignored.
#pragma once

#include <functional>
#include <string>

#include "discover/discover.h"

namespace clearance {

/// A predicate over paths relative to `root` (absolute); ignore files are read on first use.
std::function<bool(const std::string&)> exclusion_filter(const std::string& root,
                                                         const DiscoverOptions& options);

}  // namespace clearance
