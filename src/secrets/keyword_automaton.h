// KeywordAutomaton: an Aho-Corasick automaton over ASCII-case-folded bytes, compiled to a
// dense DFA on a compressed alphabet (one class per byte that occurs in a keyword, one for
// every other byte), so the scan is one table load per input byte and the table stays in L1.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clearance::secrets {

/// Finds every occurrence of a fixed set of keywords in one pass, ignoring ASCII case.
class KeywordAutomaton {
 public:
  /// Builds the automaton; keyword i is reported as id i. Empty keywords are ignored.
  explicit KeywordAutomaton(const std::vector<std::string>& keywords);

  /// Calls `on_hit(keyword_id, end_offset)` for every occurrence, in order of end offset;
  /// `end_offset` is one past the keyword's last byte.
  template <typename F>
  void scan(std::string_view text, F&& on_hit) const {
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    const size_t n = text.size();
    const uint32_t* next = next_.data();
    const uint8_t* cls = classes_;
    const uint32_t first_output = first_output_ * num_classes_;
    // States are stored premultiplied by the row length: one add and one load per byte.
    uint32_t state = 0;
    for (size_t i = 0; i < n; ++i) {
      state = next[state + cls[p[i]]];
      if (state >= first_output) [[unlikely]] {
        uint32_t s = state / num_classes_;
        for (uint32_t o = out_begin_[s]; o < out_begin_[s + 1]; ++o) on_hit(out_ids_[o], i + 1);
      }
    }
  }

  /// Length in bytes of keyword `id`.
  size_t keyword_length(uint32_t id) const { return lengths_[id]; }
  /// Number of DFA states (for the benchmark's report).
  size_t states() const { return out_begin_.size() - 1; }

 private:
  uint8_t classes_[256] = {};
  uint32_t num_classes_ = 1;
  uint32_t first_output_ = 0;        // states are renumbered so that outputs come last
  std::vector<uint32_t> next_;       // state * num_classes_ + class -> next state * num_classes_
  std::vector<uint32_t> out_begin_;  // per state, into out_ids_ (size states + 1)
  std::vector<uint32_t> out_ids_;
  std::vector<uint32_t> lengths_;
};

}  // namespace clearance::secrets
