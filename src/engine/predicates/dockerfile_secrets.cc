// Dockerfile predicate: no secrets baked into an image. An ENV or ARG whose name looks like a
// secret (`*_SECRET`, `*_PASSWORD`, `*_TOKEN`, `API_KEY`, `*_KEY`...) must not carry a literal
// value: a value made only of variable references (`$DB_PASSWORD`, `${TOKEN:-}`) is fine,
// anything else stays in the image's history. Names of public identifiers (`*_SECRET_NAME`,
// `*_SECRET_ARN`, `*_KEY_ID`, `*_PASSWORD_FILE`, `GPG_KEY`, `*_PUBLIC_KEY`) do not end in a
// secret word or are excluded. COPY and ADD must not bring secret files into the image: `.env`
// and `.env.*` (not the templates .env.example/.sample/.template/.dist), SSH private keys,
// `*.pem`, `*.key`, `*.p12`, `*.pfx` and `credentials` files. Values never reach a message.
#include <array>
#include <cctype>
#include <string>
#include <string_view>

#include "engine/predicates/dockerfile_stages.h"
#include "engine/predicates/predicates.h"

namespace clearance {

namespace {

using namespace dockerfile_stages;

bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool secret_name(const std::string& raw) {
  std::string n = upper(raw);
  for (char& c : n)
    if (c == '-' || c == '.') c = '_';
  constexpr std::array<std::string_view, 8> exact = {
      "SECRET", "PASSWORD", "PASSWD", "TOKEN", "API_KEY", "APIKEY", "SECRET_KEY", "PRIVATE_KEY"};
  for (auto e : exact)
    if (n == e) return true;
  constexpr std::array<std::string_view, 6> public_keys = {"PUBLIC_KEY", "PUB_KEY",   "GPG_KEY",
                                                           "PGP_KEY",    "CACHE_KEY", "SORT_KEY"};
  for (auto p : public_keys)
    if (ends_with(n, p)) return false;
  constexpr std::array<std::string_view, 8> suffixes = {
      "_SECRET", "_PASSWORD", "_PASSWD", "_PASS", "_TOKEN", "_KEY", "_APIKEY", "_CREDENTIALS"};
  for (auto s : suffixes)
    if (ends_with(n, s)) return true;
  return false;
}

/// True when `raw` (as written) has characters beyond quotes and variable references.
bool literal_value(std::string_view raw) {
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '"' || c == '\'' || c == ' ' || c == '\t') continue;
    if (c == '$' && i + 1 < raw.size() && raw[i + 1] == '{') {
      int depth = 0;
      for (; i < raw.size(); ++i) {
        if (raw[i] == '{') ++depth;
        if (raw[i] == '}' && --depth == 0) break;
      }
      continue;
    }
    if (c == '$') {
      while (i + 1 < raw.size() &&
             (std::isalnum(static_cast<unsigned char>(raw[i + 1])) || raw[i + 1] == '_'))
        ++i;
      continue;
    }
    return true;
  }
  return false;
}

bool secret_file(std::string_view path) {
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  auto slash = path.rfind('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (base == ".env") return true;
  if (base.substr(0, 5) == ".env.") {
    std::string_view rest = base.substr(5);
    return rest != "example" && rest != "sample" && rest != "template" && rest != "dist";
  }
  for (std::string_view k :
       {"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "credentials", "credentials.json"})
    if (base == k) return true;
  for (std::string_view e : {".pem", ".key", ".p12", ".pfx"})
    if (ends_with(base, e)) return true;
  return false;
}

/// The instruction's source line, for a snippet that never shows a value.
std::string line_snippet(const EvalContext& ctx, const Range& r) {
  std::string_view src = ctx.document.source;
  size_t pos = 0;
  for (uint32_t line = 1; line < r.begin.line && pos != std::string_view::npos; ++line) {
    pos = src.find('\n', pos);
    if (pos != std::string_view::npos) ++pos;
  }
  if (pos == std::string_view::npos || pos >= src.size()) return "";
  size_t end = src.find('\n', pos);
  return std::string(src.substr(pos, end == std::string_view::npos ? end : end - pos));
}

}  // namespace

Outcome predicate_dockerfile_no_secrets(const EvalContext& ctx, const Value&) {
  const Node& ins = ctx.subject;
  Outcome out;
  if (ins.type == "ENV" || ins.type == "ARG") {
    for (const Node& pair : ins.children) {
      const Attribute* raw = pair.attribute("raw_value");
      if (!secret_name(pair.name) || !raw || !literal_value(raw->value.as_string())) continue;
      Blame b;
      b.location = ctx.at(raw->range);
      b.attribute = pair.name;
      b.detail = ins.type + " " + pair.name + " sets a secret-looking value in the image";
      b.fingerprint_seed = pair.name;
      out.blames.push_back(std::move(b));
    }
  } else if (ins.type == "COPY" || ins.type == "ADD") {
    const Attribute* args = ins.attribute("arguments");
    if (args && args->value.items().size() >= 2) {
      const auto& items = args->value.items();
      for (size_t i = 0; i + 1 < items.size(); ++i) {
        if (!secret_file(items[i].as_string())) continue;
        Blame b;
        b.location = ctx.at(items[i].range());
        b.attribute = "source";
        b.value = items[i].as_string();
        b.detail = ins.type + " puts the secret file " + items[i].as_string() + " in the image";
        b.snippet = line_snippet(ctx, items[i].range());
        b.fingerprint_seed = items[i].as_string();
        out.blames.push_back(std::move(b));
      }
    }
  }
  if (!out.blames.empty()) out.verdict = Verdict::Fail;
  return out;
}

}  // namespace clearance
