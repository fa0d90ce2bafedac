// Text normalisation for matching checklist items to rule `checklist:` phrases: teams copy the
// phrases with different case, punctuation, emphasis, emoji and remarks, so both sides are
// reduced to lower-case words before comparing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clearance {

/// Lower-case ASCII words separated by single spaces: drops Markdown emphasis, `code` spans,
/// parenthesised remarks, emoji and other non-ASCII, and punctuation.
std::string normalise_phrase(std::string_view text);

/// For display (section names): drops emoji/non-ASCII symbols, `#`, `*`, trims spaces.
std::string normalise_display(std::string_view text);

/// The contents of the `code` spans of `text`, in order.
std::vector<std::string> code_spans(std::string_view text);

/// `text` without parenthesised remarks and `**`, trimmed: "AWS_REGION", "s3:GetObject".
std::string bare_item_text(std::string_view text);

}  // namespace clearance
