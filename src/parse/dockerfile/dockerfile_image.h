// Base images of FROM lines: ARG substitution (`$VAR`, `${VAR}`, `${VAR:-default}`,
// `${VAR:+alt}` and their forms without a colon) with the defaults of the global ARGs, and the
// split of an image reference into name, tag and digest.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace clearance::dockerfile {

/// Declared ARGs: name to default value (nullopt: declared without a default).
using ArgMap = std::map<std::string, std::optional<std::string>, std::less<>>;

/// Expands variables in `raw` (quotes removed) using `args`. Returns nullopt when a variable
/// has no known value; `*missing` then names it.
std::optional<std::string> expand_args(std::string_view raw, const ArgMap& args, char escape,
                                       std::string* missing);

/// `[registry[:port]/]name[:tag][@digest]` split into its parts (empty when absent).
struct ImageRef {
  std::string name;
  std::string tag;
  std::string digest;
};

/// Splits an image reference; the tag is the `:` part after the last `/`.
ImageRef split_image(std::string_view ref);

}  // namespace clearance::dockerfile
