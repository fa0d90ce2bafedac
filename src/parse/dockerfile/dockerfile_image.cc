// ARG substitution for FROM lines and image reference splitting. The substitution follows
// the builder's word processing: single quotes are literal, the escape character protects the
// next character, and an ARG declared without a default has no value this tool can know.
#include "parse/dockerfile/dockerfile_image.h"

#include <cctype>

namespace clearance::dockerfile {

namespace {

constexpr int kMaxDepth = 8;  // nested defaults such as ${A:-${B:-x}}

bool name_char(char c) {
  return c == '_' || std::isalnum(static_cast<unsigned char>(c));
}

std::optional<std::string> expand(std::string_view t, const ArgMap& args, char esc,
                                  std::string* missing, int depth);

/// The value of `name`, or nullopt when unknown (undeclared or without default).
std::optional<std::string> lookup(std::string_view name, const ArgMap& args) {
  auto it = args.find(name);
  if (it == args.end()) return std::nullopt;
  return it->second;
}

/// Expands the body of `${...}` (without braces).
std::optional<std::string> braced(std::string_view body, const ArgMap& args, char esc,
                                  std::string* missing, int depth) {
  size_t n = 0;
  while (n < body.size() && name_char(body[n])) ++n;
  std::string_view name = body.substr(0, n);
  std::string_view rest = body.substr(n);
  std::optional<std::string> value = lookup(name, args);
  if (rest.empty()) {
    if (!value) *missing = std::string(name);
    return value;
  }
  bool colon = rest[0] == ':';
  if (colon) rest.remove_prefix(1);
  if (rest.empty() || (rest[0] != '-' && rest[0] != '+')) {
    *missing = std::string(body);  // ${VAR:?err}, ${VAR#pat}...: not evaluated here
    return std::nullopt;
  }
  char op = rest[0];
  std::string_view word = rest.substr(1);
  bool set = value && (!colon || !value->empty());
  if (op == '-') return set ? value : expand(word, args, esc, missing, depth + 1);
  // `+`: the alternative applies when the variable is set; unknown stays unknown.
  if (!value && args.find(name) != args.end()) {
    *missing = std::string(name);
    return std::nullopt;
  }
  if (!set) return std::string();
  return expand(word, args, esc, missing, depth + 1);
}

std::optional<std::string> expand(std::string_view t, const ArgMap& args, char esc,
                                  std::string* missing, int depth) {
  if (depth > kMaxDepth) {
    *missing = std::string(t);
    return std::nullopt;
  }
  std::string out;
  char quote = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (quote == '\'') {
      if (c == '\'')
        quote = 0;
      else
        out.push_back(c);
      continue;
    }
    if (c == esc && i + 1 < t.size()) {
      out.push_back(t[++i]);
      continue;
    }
    if (c == '"' && quote == '"') {
      quote = 0;
      continue;
    }
    if (!quote && (c == '"' || c == '\'')) {
      quote = c;
      continue;
    }
    if (c != '$' || i + 1 >= t.size()) {
      out.push_back(c);
      continue;
    }
    if (t[i + 1] == '{') {
      size_t close = i + 2;
      int nest = 1;
      for (; close < t.size(); ++close) {
        if (t[close] == '{') ++nest;
        if (t[close] == '}' && --nest == 0) break;
      }
      if (close >= t.size()) {
        *missing = std::string(t.substr(i));
        return std::nullopt;
      }
      auto v = braced(t.substr(i + 2, close - i - 2), args, esc, missing, depth);
      if (!v) return std::nullopt;
      out += *v;
      i = close;
      continue;
    }
    size_t n = i + 1;
    while (n < t.size() && name_char(t[n])) ++n;
    if (n == i + 1) {
      out.push_back(c);
      continue;
    }
    auto v = lookup(t.substr(i + 1, n - i - 1), args);
    if (!v) {
      *missing = std::string(t.substr(i + 1, n - i - 1));
      return std::nullopt;
    }
    out += *v;
    i = n - 1;
  }
  return out;
}

}  // namespace

std::optional<std::string> expand_args(std::string_view raw, const ArgMap& args, char escape,
                                       std::string* missing) {
  return expand(raw, args, escape, missing, 0);
}

ImageRef split_image(std::string_view ref) {
  ImageRef out;
  size_t at = ref.find('@');
  if (at != std::string_view::npos) {
    out.digest = std::string(ref.substr(at + 1));
    ref = ref.substr(0, at);
  }
  size_t slash = ref.rfind('/');
  size_t colon = ref.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    out.tag = std::string(ref.substr(colon + 1));
    ref = ref.substr(0, colon);
  }
  out.name = std::string(ref);
  return out;
}

}  // namespace clearance::dockerfile
