// Stage lineage of a Dockerfile. A stage `FROM base` where `base` is an earlier stage's alias
// starts from that stage's image, so USER and HEALTHCHECK set there still apply.
#include "engine/predicates/dockerfile_stages.h"

#include <algorithm>
#include <cctype>

namespace clearance::dockerfile_stages {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string attr(const Node& n, std::string_view name) {
  const Attribute* a = n.attribute(name);
  return a ? a->value.as_string() : std::string();
}

std::vector<const Node*> stages(const Document& doc) {
  std::vector<const Node*> out;
  for (const Node& c : doc.root.children)
    if (c.kind == "stage") out.push_back(&c);
  return out;
}

const Node* final_stage(const Document& doc) {
  auto all = stages(doc);
  return all.empty() ? nullptr : all.back();
}

std::vector<const Node*> lineage(const Document& doc, const Node* s) {
  std::vector<const Node*> out;
  auto all = stages(doc);
  while (s && out.size() <= all.size()) {
    out.push_back(s);
    const Attribute* fs = s->attribute("from_stage");
    if (!fs || !fs->value.is_bool() || !fs->value.as_bool()) break;
    std::string base = upper(s->type);
    const Node* parent = nullptr;
    for (const Node* c : all) {
      if (c == s) break;  // only earlier stages; the last alias wins
      if (!c->name.empty() && upper(c->name) == base) parent = c;
    }
    s = parent;
  }
  return out;
}

const Node* stage_of(const Document& doc, const Node& instruction) {
  for (const Node* s : stages(doc))
    for (const Node& c : s->children)
      if (&c == &instruction) return s;
  return nullptr;
}

const Node* last_inherited(const Document& doc, const Node* s, std::string_view type) {
  for (const Node* st : lineage(doc, s)) {
    const Node* last = nullptr;
    for (const Node& c : st->children)
      if (c.kind == "instruction" && c.type == type) last = &c;
    if (last) return last;
  }
  return nullptr;
}

}  // namespace clearance::dockerfile_stages
