// Escapes and variable expansion of .env values, in one left-to-right pass. Defaults may
// nest (`${A:-${B}}`); nesting deeper than kMaxDepth is kept as written rather than
// recursed into, so hostile input cannot exhaust the stack.
#include "parse/dotenv/dotenv_expand.h"

#include <algorithm>

namespace clearance {

namespace {

constexpr int kMaxDepth = 8;

bool name_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool name_char(char c) {
  return name_start(c) || (c >= '0' && c <= '9');
}

class Decoder {
 public:
  Decoder(bool escapes, bool expand, const DotenvScope& scope, std::vector<std::string>& unresolved)
      : escapes_(escapes), expand_(expand), scope_(scope), unresolved_(unresolved) {}

  void run(std::string_view t, int depth, std::string& out) {
    for (size_t i = 0; i < t.size(); ++i) {
      char c = t[i];
      if (escapes_ && c == '\\' && i + 1 < t.size()) {
        char n = t[++i];
        if (!known_escape(n)) out += '\\';
        out += unescape(n);
        continue;
      }
      if (!expand_ || c != '$' || i + 1 >= t.size()) {
        out += c;
        continue;
      }
      i = t[i + 1] == '{' ? braced(t, i, depth, out) : bare(t, i, out);
    }
  }

 private:
  static bool known_escape(char n) {
    return n == 'n' || n == 't' || n == 'r' || n == '"' || n == '\'' || n == '\\' || n == '$';
  }
  static char unescape(char n) {
    switch (n) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      default: return n;
    }
  }

  void note_unresolved(std::string_view name) {
    if (std::find(unresolved_.begin(), unresolved_.end(), name) == unresolved_.end())
      unresolved_.emplace_back(name);
  }

  // `$NAME` at t[i]; returns the index of the last character consumed.
  size_t bare(std::string_view t, size_t i, std::string& out) {
    size_t j = i + 1;
    if (!name_start(t[j])) {
      out += '$';
      return i;
    }
    while (j < t.size() && name_char(t[j])) ++j;
    std::string_view name = t.substr(i + 1, j - i - 1);
    auto it = scope_.find(name);
    if (it != scope_.end()) {
      out += it->second;
    } else {
      note_unresolved(name);
      out.append(t.substr(i, j - i));
    }
    return j - 1;
  }

  // `${...}` at t[i]; returns the index of the closing brace (or i when there is none).
  size_t braced(std::string_view t, size_t i, int depth, std::string& out) {
    size_t open = 1, j = i + 2;
    for (; j < t.size() && open > 0; ++j) {
      if (t[j] == '{') ++open;
      if (t[j] == '}') --open;
    }
    if (open > 0) {
      out += '$';
      return i;
    }
    size_t close = j - 1;
    std::string_view whole = t.substr(i, close - i + 1);
    std::string_view inner = t.substr(i + 2, close - i - 2);
    size_t k = 0;
    while (k < inner.size() && name_char(inner[k])) ++k;
    std::string_view name = inner.substr(0, k), rest = inner.substr(k);
    bool colon = rest.substr(0, 2) == ":-";
    bool dash = !colon && rest.substr(0, 1) == "-";
    if (name.empty() || !name_start(name[0]) || (!rest.empty() && !colon && !dash) ||
        depth >= kMaxDepth) {
      out.append(whole);
      return close;
    }
    auto it = scope_.find(name);
    if (it != scope_.end() && !(colon && it->second.empty())) {
      out += it->second;
      return close;
    }
    if (it == scope_.end()) note_unresolved(name);
    if (colon || dash) {
      run(rest.substr(colon ? 2 : 1), depth + 1, out);
    } else {
      out.append(whole);
    }
    return close;
  }

  bool escapes_;
  bool expand_;
  const DotenvScope& scope_;
  std::vector<std::string>& unresolved_;
};

}  // namespace

std::string decode_dotenv_value(std::string_view text, bool escapes, bool expand,
                                const DotenvScope& scope, std::vector<std::string>& unresolved) {
  std::string out;
  out.reserve(text.size());
  Decoder(escapes, expand, scope, unresolved).run(text, 0, out);
  return out;
}

}  // namespace clearance
