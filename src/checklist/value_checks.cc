// Environment variable lists and IAM action lists. Everything is read from the model as the
// parsers and resolvers left it; a value that is still Unknown makes the check undetermined
// rather than guessed.
#include "checklist/value_checks.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "checklist/normalise.h"

namespace clearance {

namespace {

struct EnvSource {
  std::string name;
  std::optional<std::string> value;  ///< nullopt: a secret reference or an Unknown
  std::string where;                 ///< "examples/.env.production", "task definition x"
  Location location;
  bool real = true;  ///< false for templates (.env.example)
};

std::vector<EnvSource> env_sources(const Workspace& ws) {
  std::vector<EnvSource> out;
  for (const auto& doc : ws.documents) {
    if (!doc.checked) continue;
    if (doc.format == Format::Dotenv) {
      const Attribute* tmpl = doc.root.attribute("template");
      bool is_template = tmpl && tmpl->value.is_bool() && tmpl->value.as_bool();
      for (const auto& e : doc.root.children) {
        if (e.kind != "entry") continue;
        EnvSource s{e.name, std::nullopt, doc.path, {doc.path, e.range}, !is_template};
        if (const Attribute* v = e.attribute("value"); v && v->value.is_string())
          s.value = v->value.as_string();
        out.push_back(std::move(s));
      }
    } else if (doc.format == Format::Ecs) {
      for (const auto& td : doc.root.children)
        for (const auto& c : td.children) {
          if (c.kind != "container") continue;
          for (const char* key : {"environment", "secrets"}) {
            const Attribute* list = c.attribute(key);
            if (!list || !list->value.is_list()) continue;
            for (const auto& item : list->value.items()) {
              const Value* name = item.get("name");
              if (!name || !name->is_string()) continue;
              EnvSource s{name->as_string(),
                          std::nullopt,
                          "container " + c.name + " (" + key + ")",
                          {doc.path, item.range()},
                          true};
              const Value* v = item.get("value");
              if (std::string_view(key) == "environment" && v && v->is_string())
                s.value = v->as_string();
              out.push_back(std::move(s));
            }
          }
        }
    }
  }
  return out;
}

ItemStatus worst(ItemStatus a, ItemStatus b) {
  auto rank = [](ItemStatus s) {
    switch (s) {
      case ItemStatus::Failed: return 4;
      case ItemStatus::Undetermined: return 3;
      case ItemStatus::Verified: return 2;
      case ItemStatus::Declared: return 1;
      case ItemStatus::Manual: return 0;
    }
    return 0;
  };
  return rank(a) >= rank(b) ? a : b;
}

}  // namespace

bool looks_like_env_var(std::string_view item_text) {
  std::string t = bare_item_text(item_text);
  size_t eq = t.find('=');
  std::string name = t.substr(0, eq);
  if (name.empty() || !std::isupper(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name)
    if (!(std::isupper(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
      return false;
  return eq == std::string::npos || t.find(' ') == std::string::npos;
}

bool looks_like_iam_action(std::string_view item_text) {
  std::string t = bare_item_text(item_text);
  size_t colon = t.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == t.size()) return false;
  for (size_t i = 0; i < t.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (i < colon ? !(std::islower(c) || std::isdigit(c) || c == '-')
                  : !(i == colon || std::isalnum(c) || c == '*'))
      return false;
  }
  return true;
}

ListResult judge_env_vars(const std::vector<std::string>& child_texts, const Workspace& ws) {
  ListResult out;
  out.parent.rules = {"env-values"};
  out.parent.status = ItemStatus::Verified;
  std::vector<EnvSource> sources = env_sources(ws);
  for (const auto& text : child_texts) {
    std::string bare = bare_item_text(text);
    size_t eq = bare.find('=');
    std::string name = bare.substr(0, eq);
    std::optional<std::string> want;
    if (eq != std::string::npos) want = bare.substr(eq + 1);
    ItemResult r;
    r.rules = {"env-values"};
    bool found = false, has_value = false, wrong = false;
    for (const auto& s : sources) {
      if (s.name != name) continue;
      found = true;
      std::string shown = s.value ? name + "=" + *s.value : name;
      if (!s.value || !want) {
        r.evidence.push_back({name + " set in " + s.where, s.location});
        continue;
      }
      if (*s.value == *want) {
        has_value = true;
        r.evidence.push_back({name + "=" + *want + " in " + s.where, s.location});
      } else if (s.real) {
        wrong = true;
        r.evidence.push_back({shown + " in " + s.where + " (expected " + *want + ")", s.location});
      }
    }
    if (!found) {
      r.status = ItemStatus::Failed;
      r.evidence.push_back({name + " is not set in any .env file or ECS task definition", {}});
    } else if (want && (wrong || !has_value)) {
      r.status = ItemStatus::Failed;
      if (!has_value) r.evidence.push_back({"no file sets " + name + "=" + *want, {}});
    } else {
      r.status = ItemStatus::Verified;
    }
    if (r.status == ItemStatus::Failed)
      out.parent.evidence.push_back(
          {"failed: " + bare, r.evidence.empty() ? Location{} : r.evidence.front().location});
    out.parent.status = worst(out.parent.status, r.status);
    out.children.push_back(std::move(r));
  }
  if (out.parent.status == ItemStatus::Verified)
    out.parent.evidence.push_back({std::to_string(child_texts.size()) + " variables found", {}});
  return out;
}

}  // namespace clearance
