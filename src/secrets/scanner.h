// Scanner: one pass per text for every secret detector. A keyword automaton runs over every
// byte once; only where a detector's keyword occurs does that detector's RE2 pattern run, on a
// window around the hit (the line, or a key block). Matches then pass the detector's
// validator; generic matches that overlap a specific one are dropped.
#pragma once

#include <string_view>
#include <vector>

#include "secrets/hit.h"
#include "secrets/keyword_automaton.h"

namespace clearance::secrets {

/// The secret scanner; immutable after construction and safe to share between threads.
class Scanner {
 public:
  /// The process-wide scanner (built on first use).
  static const Scanner& instance();

  /// Every secret in `text`, sorted by offset. `path` is only used to recognise lock files,
  /// whose digests the generic detector must not report.
  std::vector<SecretHit> scan(std::string_view text, std::string_view path) const;

  /// The keyword automaton (for the benchmark).
  const KeywordAutomaton& automaton() const { return automaton_; }
  /// The keywords, in automaton id order (for the benchmark).
  const std::vector<std::string>& keywords() const { return keywords_; }

  Scanner();

 private:
  size_t run_detector(size_t index, std::string_view text, size_t start,
                      std::vector<SecretHit>& hits) const;
  size_t run_private_key(size_t index, std::string_view text, size_t start,
                         std::vector<SecretHit>& hits) const;
  size_t run_generic(std::string_view text, size_t start, std::vector<SecretHit>& hits) const;
  void pair_aws_secrets(std::string_view text, std::vector<SecretHit>& hits) const;

  std::vector<int32_t> owner_;  // keyword id -> detector index; -1 = generic (filled first)
  std::vector<std::string> keywords_;
  KeywordAutomaton automaton_;
};

}  // namespace clearance::secrets
