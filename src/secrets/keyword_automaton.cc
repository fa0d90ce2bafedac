// Construction of the keyword DFA: a trie of the folded keywords, failure links by breadth-
// first search, transitions completed into a full table, then states renumbered so that every
// state with an output has a number >= first_output_: the scan loop tests one comparison per
// byte instead of loading an output flag.
#include "secrets/keyword_automaton.h"

#include <algorithm>
#include <queue>
#include <stdexcept>

namespace clearance::secrets {

namespace {
uint8_t fold(uint8_t c) {
  return c >= 'A' && c <= 'Z' ? uint8_t(c - 'A' + 'a') : c;
}
}  // namespace

KeywordAutomaton::KeywordAutomaton(const std::vector<std::string>& keywords) {
  // Alphabet compression: class 0 is "no keyword uses this byte".
  for (const auto& k : keywords)
    for (unsigned char c : k) {
      uint8_t f = fold(c);
      if (classes_[f] == 0) classes_[f] = uint8_t(num_classes_++);
    }
  for (int c = 'A'; c <= 'Z'; ++c) classes_[c] = classes_[fold(uint8_t(c))];
  if (num_classes_ > 255) throw std::length_error("too many distinct keyword bytes");

  // Trie with goto table (-1 = missing), outputs per node.
  std::vector<std::vector<int32_t>> go(1, std::vector<int32_t>(num_classes_, -1));
  std::vector<std::vector<uint32_t>> out(1);
  lengths_.reserve(keywords.size());
  for (uint32_t id = 0; id < keywords.size(); ++id) {
    lengths_.push_back(uint32_t(keywords[id].size()));
    if (keywords[id].empty()) continue;
    int32_t s = 0;
    for (unsigned char c : keywords[id]) {
      uint8_t k = classes_[fold(c)];
      if (go[s][k] < 0) {
        go[s][k] = int32_t(go.size());
        go.emplace_back(num_classes_, -1);
        out.emplace_back();
      }
      s = go[s][k];
    }
    out[s].push_back(id);
  }
  if (go.size() * num_classes_ > (1u << 31)) throw std::length_error("keyword automaton too large");

  // Failure links; complete the table so every (state, class) has a transition.
  std::vector<int32_t> fail(go.size(), 0);
  std::queue<int32_t> q;
  for (uint32_t k = 0; k < num_classes_; ++k) {
    if (go[0][k] < 0)
      go[0][k] = 0;
    else {
      fail[go[0][k]] = 0;
      q.push(go[0][k]);
    }
  }
  while (!q.empty()) {
    int32_t s = q.front();
    q.pop();
    const auto& inherited = out[fail[s]];
    out[s].insert(out[s].end(), inherited.begin(), inherited.end());
    for (uint32_t k = 0; k < num_classes_; ++k) {
      int32_t t = go[s][k];
      if (t < 0) {
        go[s][k] = go[fail[s]][k];
      } else {
        fail[t] = go[fail[s]][k];
        q.push(t);
      }
    }
  }

  // Renumber: states without output first (root stays 0), then states with output.
  std::vector<uint32_t> order;
  for (uint32_t s = 0; s < go.size(); ++s)
    if (out[s].empty()) order.push_back(s);
  first_output_ = uint32_t(order.size());
  for (uint32_t s = 0; s < go.size(); ++s)
    if (!out[s].empty()) order.push_back(s);
  std::vector<uint32_t> renum(go.size());
  for (uint32_t i = 0; i < order.size(); ++i) renum[order[i]] = i;

  next_.assign(go.size() * num_classes_, 0);
  out_begin_.assign(go.size() + 1, 0);
  for (uint32_t i = 0; i < order.size(); ++i) {
    uint32_t s = order[i];
    for (uint32_t k = 0; k < num_classes_; ++k)
      next_[i * num_classes_ + k] = renum[go[s][k]] * num_classes_;
    std::sort(out[s].begin(), out[s].end());
    out_begin_[i] = uint32_t(out_ids_.size());
    out_ids_.insert(out_ids_.end(), out[s].begin(), out[s].end());
  }
  out_begin_[order.size()] = uint32_t(out_ids_.size());
}

}  // namespace clearance::secrets
