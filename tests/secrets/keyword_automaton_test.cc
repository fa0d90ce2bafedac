// The keyword automaton against a naive search: every occurrence, overlapping ones included,
// found once, case-insensitively, with the right end offset.
#include "secrets/keyword_automaton.h"

#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <tuple>

#include "secrets/scanner.h"

using clearance::secrets::KeywordAutomaton;

namespace {

std::set<std::pair<uint32_t, size_t>> naive(const std::vector<std::string>& kws,
                                            const std::string& text) {
  auto lower = [](std::string s) {
    for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  std::string t = lower(text);
  std::set<std::pair<uint32_t, size_t>> out;
  for (uint32_t i = 0; i < kws.size(); ++i) {
    std::string k = lower(kws[i]);
    for (size_t p = t.find(k); p != std::string::npos; p = t.find(k, p + 1))
      out.emplace(i, p + k.size());
  }
  return out;
}

std::set<std::pair<uint32_t, size_t>> found(const KeywordAutomaton& a, const std::string& text) {
  std::set<std::pair<uint32_t, size_t>> out;
  size_t last = 0;
  a.scan(text, [&](uint32_t id, size_t end) {
    CHECK(end >= last);  // reported in order of end offset
    last = end;
    CHECK(out.emplace(id, end).second);  // and never twice
  });
  return out;
}

}  // namespace

TEST_CASE("keyword automaton finds overlapping and nested keywords", "[secrets]") {
  std::vector<std::string> kws = {"he", "she", "his", "hers", "sk_live_", "sk_", "AKIA"};
  KeywordAutomaton a(kws);
  std::string text = "ushers and SHE said his sk_live_x akia AKIAAKIA";
  CHECK(found(a, text) == naive(kws, text));
}

TEST_CASE("keyword automaton matches a naive search on random text", "[secrets]") {
  const auto& scanner = clearance::secrets::Scanner::instance();
  const auto& kws = scanner.keywords();
  std::mt19937 rng(42);
  const std::string alphabet = "akisgphxoESCRTtokenwd_-.:= \n0123456789";
  for (int round = 0; round < 20; ++round) {
    std::string text;
    for (int i = 0; i < 5000; ++i) text += alphabet[rng() % alphabet.size()];
    // Plant whole keywords too.
    for (int i = 0; i < 30; ++i) text.insert(rng() % text.size(), kws[rng() % kws.size()]);
    CHECK(found(scanner.automaton(), text) == naive(kws, text));
  }
}

TEST_CASE("keyword automaton handles empty input and binary bytes", "[secrets]") {
  KeywordAutomaton a({"ab", ""});
  CHECK(found(a, "").empty());
  std::string bin(
      "\0\xff\x80"
      "ab\0ab",
      8);
  CHECK(found(a, bin).size() == 2);
}
