// YAML to Value: YAML's own typing rules for plain scalars, strings for quoted ones.
#include "engine/yaml_value.h"

#include <charconv>

namespace clearance {

namespace {

Range mark_range(const YAML::Node& node) {
  YAML::Mark m = node.Mark();
  Position p{static_cast<uint32_t>(m.line + 1), static_cast<uint32_t>(m.column + 1)};
  return {p, p};
}

Value scalar_value(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  Range r = mark_range(node);
  if (node.Tag() == "!") return Value::string(text, r);  // quoted: always a string
  if (text == "true" || text == "True" || text == "TRUE") return Value::boolean(true, r);
  if (text == "false" || text == "False" || text == "FALSE") return Value::boolean(false, r);
  if (text == "null" || text == "~" || text.empty()) return Value::null(r);
  double d = 0;
  const char* end = text.data() + text.size();
  auto res = std::from_chars(text.data(), end, d);
  if (res.ec == std::errc() && res.ptr == end) return Value::number(d, r);
  return Value::string(text, r);
}

}  // namespace

Value yaml_to_value(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return scalar_value(node);
    case YAML::NodeType::Sequence: {
      std::vector<Value> items;
      items.reserve(node.size());
      for (const auto& item : node) items.push_back(yaml_to_value(item));
      return Value::list(std::move(items), mark_range(node));
    }
    case YAML::NodeType::Map: {
      std::vector<Member> members;
      members.reserve(node.size());
      for (const auto& kv : node)
        members.push_back({kv.first.as<std::string>(), yaml_to_value(kv.second), mark_range(kv.first)});
      return Value::object(std::move(members), mark_range(node));
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: return Value::null();
  }
  return Value::null();
}

}  // namespace clearance
