// Visible text: characters that change how text around them is displayed without being seen
// themselves (bidirectional overrides, embeddings and isolates, such as U+202E) are shown as
// "<U+202E>" in every human-facing format, so a file name or value cannot reorder what a
// reviewer reads ("x<U+202E>gnp.tf" rather than a name that looks like "xft.png").
#pragma once

#include <string>
#include <string_view>

namespace clearance {

/// `text` with each bidirectional control character replaced by "<U+XXXX>".
std::string visible_text(std::string_view text);

}  // namespace clearance
