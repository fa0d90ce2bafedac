// Redacted snippets and details for secret hits.
#include "secrets/redaction.h"

namespace clearance::secrets {

namespace {

bool is_block(const SecretHit& h) {
  return h.label == "private key" || h.range.end.line > h.range.begin.line;
}

std::string_view line_of(std::string_view text, size_t pos, size_t* line_start) {
  size_t b = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  b = (b == std::string_view::npos || pos == 0) ? 0 : b + 1;
  size_t e = text.find('\n', pos);
  if (e == std::string_view::npos) e = text.size();
  *line_start = b;
  std::string_view line = text.substr(b, e - b);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// Cuts at a byte limit without splitting a UTF-8 sequence.
void clip(std::string& s, size_t max_len) {
  if (s.size() <= max_len) return;
  size_t n = max_len;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  s.resize(n);
}

std::string block_label(std::string_view text, const SecretHit& h) {
  std::string_view marker = text.substr(h.begin, std::min<size_t>(100, h.end - h.begin));
  constexpr std::string_view kBegin = "-----BEGIN ";
  if (marker.substr(0, kBegin.size()) != kBegin) return "private key";
  marker.remove_prefix(kBegin.size());
  return std::string(marker.substr(0, marker.find("-----")));
}

}  // namespace

std::string_view previewable(std::string_view text, const SecretHit& hit) {
  if (is_block(hit)) return {};
  return text.substr(hit.begin, hit.end - hit.begin);
}

std::string redacted_snippet(std::string_view text, const SecretHit& hit, std::string_view preview,
                             size_t max_len) {
  size_t ls = 0;
  std::string_view line = line_of(text, hit.begin, &ls);
  size_t b = hit.begin - ls;
  std::string out(line.substr(0, b));
  if (is_block(hit)) {
    std::string label = block_label(text, hit);
    out += "-----BEGIN " + label + "----- [redacted key block, " +
           std::to_string(hit.range.end.line - hit.range.begin.line + 1) + " lines]";
  } else {
    out += preview;
    size_t e = hit.end - ls;
    if (e < line.size()) out.append(line.substr(e));
  }
  clip(out, max_len);
  return out;
}

std::string describe(std::string_view text, const SecretHit& hit, std::string_view preview) {
  if (is_block(hit))
    return block_label(text, hit) + " block (" +
           std::to_string(hit.range.end.line - hit.range.begin.line + 1) + " lines)";
  std::string out(hit.label);
  if (!hit.name.empty()) out += " assigned to " + hit.name + ":";
  out += " ";
  out += preview;
  return out;
}

}  // namespace clearance::secrets
