// File-name rules for .env files. A name is split into components at '.', '-' and '_'
// so that `.env.production.local`, `prod.env` and `.env-staging` all read the same way.
#include "parse/dotenv/dotenv_names.h"

#include <algorithm>
#include <array>
#include <vector>

namespace clearance {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> components(std::string_view base) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : base) {
    if (c == '.' || c == '-' || c == '_') {
      if (!cur.empty()) out.push_back(lower(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(lower(cur));
  return out;
}

bool has_any(const std::vector<std::string>& parts, std::initializer_list<std::string_view> words) {
  for (const auto& p : parts)
    for (auto w : words)
      if (p == w) return true;
  return false;
}

// `.env.js`, `.env.json`, `.env.d.ts`...: source or data files named after env files.
bool has_code_extension(std::string_view base) {
  static constexpr std::array<std::string_view, 16> kExt = {
      ".js", ".mjs", ".cjs", ".ts",  ".json", ".yaml", ".yml",  ".toml",
      ".py", ".sh",  ".md",  ".txt", ".swp",  ".bak",  ".orig", ".go"};
  for (auto e : kExt)
    if (base.size() > e.size() && base.substr(base.size() - e.size()) == e) return true;
  return false;
}

}  // namespace

std::string_view dotenv_base_name(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_dotenv_file_name(std::string_view base) {
  if (base == ".env") return true;
  bool prefixed = base.size() > 5 && base.substr(0, 5) == ".env.";
  bool suffixed = base.size() > 4 && base.substr(base.size() - 4) == ".env";
  if (suffixed) return true;
  return prefixed && !has_code_extension(base);
}

bool is_dotenv_template_name(std::string_view base) {
  return has_any(components(base), {"example", "sample", "template", "dist", "tpl", "tmpl"});
}

std::string dotenv_environment_from_name(std::string_view base) {
  auto parts = components(base);
  if (has_any(parts, {"prod", "production", "prd", "live"})) return "production";
  if (has_any(parts, {"staging", "stage", "stg", "preprod", "uat"})) return "staging";
  if (has_any(parts, {"test", "testing", "ci"})) return "test";
  if (has_any(parts, {"dev", "development", "develop"})) return "development";
  if (has_any(parts, {"local"})) return "local";
  return "";
}

}  // namespace clearance
