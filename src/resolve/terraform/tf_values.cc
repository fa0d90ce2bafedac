// Terraform value helpers. Numbers are doubles here; Terraform's arbitrary precision only
// matters beyond 2^53, which configurations do not reach in practice.
#include "resolve/terraform/tf_values.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "parse/json/json_reader.h"
#include "resolve/yaml_bounds.h"

namespace clearance::tf {

std::string number_text(double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", d);
    return buf;
  }
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, r.ptr);
}

std::optional<std::string> as_text(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::String: return v.as_string();
    case Value::Kind::Number: return number_text(v.as_number());
    case Value::Kind::Bool: return std::string(v.as_bool() ? "true" : "false");
    default: return std::nullopt;
  }
}

std::optional<double> as_number(const Value& v) {
  if (v.is_number()) return v.as_number();
  if (!v.is_string()) return std::nullopt;
  const std::string& s = v.as_string();
  std::string_view t = s;
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  double d = 0;
  auto r = std::from_chars(t.data(), t.data() + t.size(), d);
  if (t.empty() || r.ec != std::errc() || r.ptr != t.data() + t.size()) return std::nullopt;
  return d;
}

std::optional<bool> as_bool(const Value& v) {
  if (v.is_bool()) return v.as_bool();
  if (v.is_string() && v.as_string() == "true") return true;
  if (v.is_string() && v.as_string() == "false") return false;
  return std::nullopt;
}

std::vector<size_t> sorted_members(const Value& object) {
  std::vector<size_t> idx(object.members().size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    return object.members()[a].key < object.members()[b].key;
  });
  return idx;
}

namespace {

void json_string(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      // Terraform escapes these so the JSON is safe inside HTML.
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

bool encode(std::string& out, const Value& v, int depth) {
  if (depth > 512) return false;
  switch (v.kind()) {
    case Value::Kind::Null: out += "null"; return true;
    case Value::Kind::Bool: out += v.as_bool() ? "true" : "false"; return true;
    case Value::Kind::Number: out += number_text(v.as_number()); return true;
    case Value::Kind::String: json_string(out, v.as_string()); return true;
    case Value::Kind::List:
      out += '[';
      for (size_t i = 0; i < v.items().size(); ++i) {
        if (i) out += ',';
        if (!encode(out, v.items()[i], depth + 1)) return false;
      }
      out += ']';
      return true;
    case Value::Kind::Object: {
      out += '{';
      bool first = true;
      for (size_t i : sorted_members(v)) {
        if (!first) out += ',';
        first = false;
        json_string(out, v.members()[i].key);
        out += ':';
        if (!encode(out, v.members()[i].value, depth + 1)) return false;
      }
      out += '}';
      return true;
    }
    case Value::Kind::Unknown: return false;
  }
  return false;
}

Value from_yaml(const YAML::Node& n, Range at, int depth) {
  if (depth > 256) return unknown("(too deep)", at);
  switch (n.Type()) {
    case YAML::NodeType::Sequence: {
      std::vector<Value> items;
      for (const auto& c : n) items.push_back(from_yaml(c, at, depth + 1));
      return Value::list(std::move(items), at);
    }
    case YAML::NodeType::Map: {
      std::vector<Member> members;
      for (const auto& kv : n)
        members.push_back({kv.first.Scalar(), from_yaml(kv.second, at, depth + 1), at});
      return Value::object(std::move(members), at);
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (n.Tag() == "!") return Value::string(s, at);  // quoted: always a string
      if (s == "null" || s == "~" || s == "Null" || s == "NULL") return Value::null(at);
      if (s == "true" || s == "True" || s == "TRUE") return Value::boolean(true, at);
      if (s == "false" || s == "False" || s == "FALSE") return Value::boolean(false, at);
      if (auto d = as_number(Value::string(s))) return Value::number(*d, at);
      return Value::string(s, at);
    }
    default: return Value::null(at);
  }
}

}  // namespace

std::optional<std::string> json_encode(const Value& v) {
  std::string out;
  if (!encode(out, v, 0)) return std::nullopt;
  return out;
}

std::optional<Value> json_decode(std::string_view text, Position base) {
  JsonReadOptions opt;
  opt.base = base;
  JsonReadResult r = read_json(text, opt);
  if (!r.ok()) return std::nullopt;
  return std::move(r.value);
}

std::optional<Value> yaml_decode(std::string_view text, Range at) {
  try {
    YAML::Node n = YAML::Load(std::string(text));
    if (!yaml_within_bounds(n)) return std::nullopt;  // aliases expanding past the bound
    return from_yaml(n, at, 0);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void relocate(Value& v, Range r) {
  v.set_range(r);
  for (auto& item : v.items()) relocate(item, r);
  for (auto& m : v.members()) {
    m.key_range = r;
    relocate(m.value, r);
  }
}

Value unknown(std::string text, Range r) {
  return Value::unknown(std::move(text), r);
}

std::string key_text(const Value& key) {
  std::string out = "[";
  if (key.is_number()) return out.append(number_text(key.as_number())).append("]");
  if (key.is_string()) return out.append("\"").append(key.as_string()).append("\"]");
  return out.append(key.is_unknown() ? key.as_string() : key.to_display()).append("]");
}

}  // namespace clearance::tf
