// Template lookup for .env files. Templates are indexed by directory; each real file looks
// in its own directory, then upward, so a repository with one root `.env.example` and
// per-service `.env` files forms one group.
#include "resolve/dotenv/dotenv_groups.h"

#include <algorithm>
#include <map>
#include <string>

#include "parse/dotenv/dotenv_names.h"

namespace clearance {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string dir_of(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

bool is_template_word(std::string_view w) {
  std::string l = lower(w);
  return l == "example" || l == "sample" || l == "template" || l == "dist" || l == "tpl" ||
         l == "tmpl";
}

// `.env.production.example` -> `.env.production`; `.env.example` -> `.env`.
std::string strip_template_words(std::string_view base) {
  std::string out;
  size_t b = 0;
  bool first = true;
  while (b <= base.size()) {
    size_t dot = base.find('.', b);
    if (dot == std::string_view::npos) dot = base.size();
    std::string_view part = base.substr(b, dot - b);
    if (!is_template_word(part)) {
      if (!first) out += '.';
      out += part;
      first = false;
    }
    b = dot + 1;
  }
  return out;
}

// Order of preference among the generic templates of one directory.
int generic_rank(std::string_view base) {
  static constexpr std::string_view kOrder[] = {".env.example", ".env.sample", ".env.template",
                                                ".env.dist"};
  for (int i = 0; i < 4; ++i)
    if (lower(base) == kOrder[i]) return i;
  return 4;
}

const Value* root_attr(const Document& doc, std::string_view name) {
  const Attribute* a = doc.root.attribute(name);
  return a ? &a->value : nullptr;
}

struct TemplateIndex {
  // directory -> templates there
  std::map<std::string, std::vector<const Document*>> by_dir;

  const Document* specific(const std::string& dir, std::string_view real_base) const {
    auto it = by_dir.find(dir);
    if (it == by_dir.end()) return nullptr;
    for (const Document* t : it->second)
      if (strip_template_words(dotenv_base_name(t->path)) == real_base) return t;
    return nullptr;
  }

  // A template for no environment in particular (`.env.example`, not `.env.prod.example`).
  const Document* generic(const std::string& dir) const {
    auto it = by_dir.find(dir);
    if (it == by_dir.end()) return nullptr;
    const Document* best = nullptr;
    int best_rank = 0;
    for (const Document* t : it->second) {
      std::string_view base = dotenv_base_name(t->path);
      if (!dotenv_environment_from_name(base).empty()) continue;
      int rank = generic_rank(base);
      if (!best || rank < best_rank) best = t, best_rank = rank;
    }
    return best;
  }
};

const Document* template_for(const TemplateIndex& idx, const Document& real) {
  std::string dir = dir_of(real.path);
  std::string_view base = dotenv_base_name(real.path);
  for (;;) {
    if (const Document* t = idx.specific(dir, base)) return t;
    if (const Document* t = idx.generic(dir)) return t;
    if (dir.empty()) return nullptr;
    dir = dir_of(dir);
  }
}

}  // namespace

bool is_dotenv_template(const Document& doc) {
  const Value* v = root_attr(doc, "template");
  return v && v->is_bool() && v->as_bool();
}

bool is_dotenv_production(const Document& doc) {
  const Value* v = root_attr(doc, "production");
  return v && v->is_bool() && v->as_bool();
}

std::vector<DotenvGroup> dotenv_groups(const Workspace& ws) {
  TemplateIndex idx;
  for (const auto& d : ws.documents)
    if (d.format == Format::Dotenv && is_dotenv_template(d))
      idx.by_dir[dir_of(d.path)].push_back(&d);
  for (auto& [dir, list] : idx.by_dir)
    std::sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->path < b->path; });

  std::map<std::string, DotenvGroup> groups;
  for (const auto& d : ws.documents) {
    if (d.format != Format::Dotenv || is_dotenv_template(d)) continue;
    const Document* t = template_for(idx, d);
    if (!t) continue;
    DotenvGroup& g = groups[t->path];
    g.template_doc = t;
    g.real.push_back(&d);
  }
  std::vector<DotenvGroup> out;
  for (auto& [path, g] : groups) {
    std::sort(g.real.begin(), g.real.end(), [](auto* a, auto* b) { return a->path < b->path; });
    out.push_back(std::move(g));
  }
  return out;
}

void resolve_dotenv(Workspace& ws) {
  std::map<const Document*, std::string> template_of;
  for (const auto& g : dotenv_groups(ws))
    for (const Document* r : g.real) template_of[r] = g.template_doc->path;
  for (auto& d : ws.documents) {
    if (d.format != Format::Dotenv) continue;
    auto& attrs = d.root.attributes;
    attrs.erase(std::remove_if(attrs.begin(), attrs.end(),
                               [](const Attribute& a) { return a.name == "template_path"; }),
                attrs.end());
    auto it = template_of.find(&d);
    if (it != template_of.end()) attrs.push_back({"template_path", Value::string(it->second), {}});
  }
}

void set_dotenv_production(Document& doc, bool production) {
  auto set = [&](std::string_view name, Value v) {
    if (Attribute* a = doc.root.attribute(name))
      a->value = std::move(v);
    else
      doc.root.attributes.push_back({std::string(name), std::move(v), {}});
  };
  set("production", Value::boolean(production));
  const Attribute* env = doc.root.attribute("environment");
  bool was_production = env && env->value.is_string() && env->value.as_string() == "production";
  if (production)
    set("environment", Value::string("production"));
  else if (was_production)
    set("environment", Value::string(""));
}

bool set_dotenv_production(Workspace& ws, std::string_view path, bool production) {
  for (auto& d : ws.documents) {
    if (d.format == Format::Dotenv && d.path == path) {
      set_dotenv_production(d, production);
      return true;
    }
  }
  return false;
}

}  // namespace clearance
