// The scan loop and the finishing steps (AWS key pairing, overlap removal, positions,
// hashes). Windows are bounded so that a minified one-line file or a huge block costs at
// most a fixed amount of regex work per keyword hit.
#include "secrets/scanner.h"

#include <algorithm>
#include <cstring>
#include <tuple>

#include "secrets/detectors.h"
#include "secrets/generic.h"
#include "secrets/sha256.h"
#include "secrets/validators.h"

namespace clearance::secrets {

namespace {

constexpr size_t kLineReach = 1024;    // bytes either side of a hit on very long lines
constexpr size_t kBlockReach = 65536;  // longest key block looked at
constexpr std::string_view kGenericRule = "secret-generic";

size_t line_begin(std::string_view t, size_t pos) {
  size_t lo = pos > kLineReach ? pos - kLineReach : 0;
  while (pos > lo && t[pos - 1] != '\n') --pos;
  return pos;
}

size_t line_end(std::string_view t, size_t pos) {
  size_t hi = std::min(t.size(), pos + kLineReach);
  const void* nl = std::memchr(t.data() + pos, '\n', hi - pos);
  return nl ? size_t(static_cast<const char*>(nl) - t.data()) : hi;
}

std::vector<std::string> all_keywords(std::vector<int32_t>& owner) {
  std::vector<std::string> kws;
  const auto& dets = specific_detectors();
  for (size_t d = 0; d < dets.size(); ++d)
    for (const auto& k : dets[d].keywords) {
      kws.push_back(k);
      owner.push_back(int32_t(d));
    }
  for (const auto& k : generic_keywords()) {
    kws.push_back(k);
    owner.push_back(-1);
  }
  return kws;
}

// Positions of increasing offsets, counted forward from the last one asked.
class LineCounter {
 public:
  explicit LineCounter(std::string_view t) : t_(t) {}
  Position at(size_t off) {
    if (off < off_) off_ = 0, line_ = 1, line_start_ = 0;
    while (true) {
      const void* nl = std::memchr(t_.data() + off_, '\n', off - off_);
      if (!nl) break;
      off_ = size_t(static_cast<const char*>(nl) - t_.data()) + 1;
      ++line_;
      line_start_ = off_;
    }
    off_ = off;
    return {line_, uint32_t(off - line_start_ + 1)};
  }

 private:
  std::string_view t_;
  size_t off_ = 0, line_start_ = 0;
  uint32_t line_ = 1;
};

}  // namespace

const Scanner& Scanner::instance() {
  static const Scanner kScanner;
  return kScanner;
}

Scanner::Scanner() : keywords_(all_keywords(owner_)), automaton_(keywords_) {}

size_t Scanner::run_detector(size_t index, std::string_view text, size_t start,
                             std::vector<SecretHit>& hits) const {
  const Detector& d = specific_detectors()[index];
  if (d.window == WindowKind::Block) return run_private_key(index, text, start, hits);
  size_t wb = line_begin(text, start), we = line_end(text, start);
  std::string_view window = text.substr(wb, we - wb);
  re2::StringPiece g[4];
  int ngroups = d.secret_group + 1;
  size_t pos = 0;
  while (pos < window.size() &&
         d.pattern->Match(window, pos, window.size(), RE2::UNANCHORED, g, ngroups)) {
    std::string_view secret = g[d.secret_group];
    size_t sb = size_t(secret.data() - window.data());
    if (d.accept(secret, g[0])) {
      SecretHit h;
      h.rule_id = d.rule_id;
      h.label = d.label;
      h.begin = wb + sb;
      h.end = h.begin + secret.size();
      hits.push_back(std::move(h));
    }
    pos = std::max(pos + 1, sb + secret.size());
  }
  return we;
}

// Key blocks: the marker line must name a private key before any regex runs, so files full
// of certificates and public keys cost one short comparison per marker.
size_t Scanner::run_private_key(size_t index, std::string_view text, size_t start,
                                std::vector<SecretHit>& hits) const {
  const Detector& d = specific_detectors()[index];
  size_t label_end = text.find("-----", start + 10);
  if (label_end == std::string_view::npos || label_end < start + 11 || label_end - start > 80)
    return start + 1;
  std::string_view label = text.substr(start + 11, label_end - start - 11);
  if (label.find("PRIVATE KEY") == std::string_view::npos) return start + 1;
  size_t end_marker =
      text.substr(0, std::min(text.size(), label_end + kBlockReach)).find("-----END ", label_end);
  if (end_marker == std::string_view::npos) return start + 1;
  size_t close = text.find("-----", end_marker + 9);
  if (close == std::string_view::npos || close - end_marker > 80) return start + 1;
  std::string_view window = text.substr(start, close + 5 - start);
  re2::StringPiece g[3];
  if (!d.pattern->Match(window, 0, window.size(), RE2::ANCHOR_BOTH, g, 3)) return start + 1;
  if (d.accept(g[2], g[0])) {
    SecretHit h;
    h.rule_id = d.rule_id;
    h.label = d.label;
    h.begin = start;
    h.end = close + 5;
    h.sha256 = sha256_hex(d.normalize(g[2]));
    hits.push_back(std::move(h));
  }
  return close + 5;
}

size_t Scanner::run_generic(std::string_view text, size_t start,
                            std::vector<SecretHit>& hits) const {
  size_t wb = line_begin(text, start), we = line_end(text, start);
  std::string_view line = text.substr(wb, we - wb);
  for (const Assignment& a : find_assignments(line)) {
    if (!is_secret_name(a.name) || !is_secret_value(a.value, a.quoted)) continue;
    SecretHit h;
    h.rule_id = kGenericRule;
    h.label = "secret value";
    h.begin = wb + size_t(a.value.data() - line.data());
    h.end = h.begin + a.value.size();
    h.name = std::string(a.name);
    hits.push_back(std::move(h));
  }
  return we;
}

// An AWS secret key is 40 base64 characters with no prefix of its own: it counts when it
// stands within a few lines of an access key id (or is named, which its own detector finds).
void Scanner::pair_aws_secrets(std::string_view text, std::vector<SecretHit>& hits) const {
  std::vector<std::pair<size_t, size_t>> ids;
  for (const auto& h : hits)
    if (h.label == "AWS access key id") ids.emplace_back(h.begin, h.end);
  const RE2& re = aws_secret_near_id_pattern();
  for (auto [ib, ie] : ids) {
    size_t wb = ib, we = ie;
    for (int i = 0; i < 4 && wb > 0 && ib - wb < 2048; ++i) wb = line_begin(text, wb - 1);
    for (int i = 0; i < 4 && we < text.size() && we - ie < 2048; ++i) we = line_end(text, we + 1);
    std::string_view window = text.substr(wb, we - wb);
    re2::StringPiece g[2];
    size_t pos = 0;
    while (pos < window.size() && re.Match(window, pos, window.size(), RE2::UNANCHORED, g, 2)) {
      size_t sb = size_t(g[1].data() - window.data());
      if (accept_aws_secret_near_id(g[1])) {
        SecretHit h;
        h.rule_id = "secret-aws-access-key";
        h.label = "AWS secret access key";
        h.begin = wb + sb;
        h.end = h.begin + g[1].size();
        hits.push_back(std::move(h));
      }
      pos = sb + g[1].size();
    }
  }
}

std::vector<SecretHit> Scanner::scan(std::string_view text, std::string_view path) const {
  std::vector<SecretHit> hits;
  const size_t nd = specific_detectors().size();
  // done[d]: offset before which detector d (generic = nd) has already looked.
  std::vector<size_t> done(nd + 1, 0);
  if (is_lock_file(path)) done[nd] = text.size() + 1;
  automaton_.scan(text, [&](uint32_t kw, size_t end) {
    size_t start = end - automaton_.keyword_length(kw);
    int32_t owner = owner_[kw];
    size_t slot = owner < 0 ? nd : size_t(owner);
    if (start < done[slot]) return;
    done[slot] =
        owner < 0 ? run_generic(text, start, hits) : run_detector(size_t(owner), text, start, hits);
  });
  if (hits.empty()) return hits;
  pair_aws_secrets(text, hits);

  std::sort(hits.begin(), hits.end(), [](const SecretHit& a, const SecretHit& b) {
    return std::tie(a.begin, a.end, a.rule_id) < std::tie(b.begin, b.end, b.rule_id);
  });
  // One finding per secret: duplicates from overlapping windows, and generic matches that a
  // specific detector already names, go.
  // Specific hits by begin, with the furthest end so far: a generic hit overlaps one of them
  // if the last specific hit starting before its end reaches past its begin.
  std::vector<std::pair<size_t, size_t>> specific;
  for (const auto& h : hits)
    if (h.rule_id != kGenericRule)
      specific.emplace_back(h.begin,
                            specific.empty() ? h.end : std::max(h.end, specific.back().second));
  std::vector<SecretHit> out;
  out.reserve(hits.size());
  for (auto& h : hits) {
    if (h.rule_id == kGenericRule) {
      auto it =
          std::lower_bound(specific.begin(), specific.end(), std::pair<size_t, size_t>{h.end, 0});
      if (it != specific.begin() && std::prev(it)->second > h.begin) continue;
    }
    if (!out.empty() && out.back().begin == h.begin && out.back().end == h.end &&
        out.back().rule_id == h.rule_id)
      continue;
    out.push_back(std::move(h));
  }
  LineCounter lines(text);
  for (auto& h : out) {
    h.range.begin = lines.at(h.begin);
    h.range.end = lines.at(h.end);
    if (h.sha256.empty()) h.sha256 = sha256_hex(text.substr(h.begin, h.end - h.begin));
  }
  return out;
}

}  // namespace clearance::secrets
