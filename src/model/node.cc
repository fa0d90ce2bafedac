// Lookups over Node children and attributes.
#include "model/node.h"

namespace clearance {

const Attribute* Node::attribute(std::string_view n) const {
  for (const auto& a : attributes)
    if (a.name == n) return &a;
  return nullptr;
}

Attribute* Node::attribute(std::string_view n) {
  for (auto& a : attributes)
    if (a.name == n) return &a;
  return nullptr;
}

const Node* Node::child(std::string_view t) const {
  for (const auto& c : children)
    if (c.type == t) return &c;
  return nullptr;
}

std::vector<const Node*> Node::children_of(std::string_view t) const {
  std::vector<const Node*> out;
  for (const auto& c : children)
    if (c.type == t) out.push_back(&c);
  return out;
}

const Node* Node::find_child(std::string_view dotted) const {
  const Node* cur = this;
  while (cur && !dotted.empty()) {
    auto dot = dotted.find('.');
    cur = cur->child(dotted.substr(0, dot));
    dotted = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
  }
  return cur;
}

const Attribute* Node::find_attribute(std::string_view dotted) const {
  auto dot = dotted.rfind('.');
  if (dot == std::string_view::npos) return attribute(dotted);
  const Node* owner = find_child(dotted.substr(0, dot));
  return owner ? owner->attribute(dotted.substr(dot + 1)) : nullptr;
}

}  // namespace clearance
