// Placeholder walk; gitignore and symlink handling land with discovery.
#include "discover/discover.h"

namespace clearance {

DiscoverResult discover(const std::vector<std::string>&, const DiscoverOptions&) { return {}; }

}  // namespace clearance
