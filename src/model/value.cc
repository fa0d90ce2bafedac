// Value constructors, lookups and the display form used in messages.
#include "model/value.h"

#include <charconv>
#include <cmath>

namespace clearance {

Value Value::null(Range r) {
  Value v;
  v.range_ = r;
  return v;
}

Value Value::boolean(bool b, Range r) {
  Value v;
  v.kind_ = Kind::Bool;
  v.bool_ = b;
  v.range_ = r;
  return v;
}

Value Value::number(double n, Range r) {
  Value v;
  v.kind_ = Kind::Number;
  v.number_ = n;
  v.range_ = r;
  return v;
}

Value Value::string(std::string s, Range r) {
  Value v;
  v.kind_ = Kind::String;
  v.text_ = std::move(s);
  v.range_ = r;
  return v;
}

Value Value::list(std::vector<Value> items, Range r) {
  Value v;
  v.kind_ = Kind::List;
  v.items_ = std::move(items);
  v.range_ = r;
  return v;
}

Value Value::object(std::vector<Member> members, Range r) {
  Value v;
  v.kind_ = Kind::Object;
  v.members_ = std::move(members);
  v.range_ = r;
  return v;
}

Value Value::unknown(std::string expression, Range r) {
  Value v;
  v.kind_ = Kind::Unknown;
  v.text_ = std::move(expression);
  v.range_ = r;
  return v;
}

bool Value::contains_unknown() const {
  if (kind_ == Kind::Unknown) return true;
  for (const auto& item : items_)
    if (item.contains_unknown()) return true;
  for (const auto& m : members_)
    if (m.value.contains_unknown()) return true;
  return false;
}

const Value* Value::get(std::string_view key) const {
  if (kind_ != Kind::Object) return nullptr;
  for (const auto& m : members_)
    if (m.key == key) return &m.value;
  return nullptr;
}

const Value* Value::find_path(std::string_view dotted) const {
  const Value* cur = this;
  while (cur && !dotted.empty()) {
    auto dot = dotted.find('.');
    cur = cur->get(dotted.substr(0, dot));
    dotted = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
  }
  return cur;
}

namespace {

std::string number_text(double n) {
  if (std::isfinite(n) && n == std::floor(n) && std::fabs(n) < 1e15) {
    return std::to_string(static_cast<long long>(n));
  }
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, n);
  return std::string(buf, res.ptr);
}

void append_quoted(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

void append_display(std::string& out, const Value& v, bool top) {
  switch (v.kind()) {
    case Value::Kind::Null: out += "null"; break;
    case Value::Kind::Bool: out += v.as_bool() ? "true" : "false"; break;
    case Value::Kind::Number: out += number_text(v.as_number()); break;
    case Value::Kind::String:
      if (top) out += v.as_string();
      else append_quoted(out, v.as_string());
      break;
    case Value::Kind::Unknown: out += "${" + v.as_string() + "}"; break;
    case Value::Kind::List: {
      out += '[';
      bool first = true;
      for (const auto& item : v.items()) {
        if (!first) out += ", ";
        first = false;
        append_display(out, item, false);
      }
      out += ']';
      break;
    }
    case Value::Kind::Object: {
      out += '{';
      bool first = true;
      for (const auto& m : v.members()) {
        if (!first) out += ", ";
        first = false;
        append_quoted(out, m.key);
        out += ": ";
        append_display(out, m.value, false);
      }
      out += '}';
      break;
    }
  }
}

}  // namespace

std::string Value::to_display() const {
  std::string out;
  append_display(out, *this, true);
  return out;
}

bool Value::equals(const Value& o) const {
  if (kind_ != o.kind_ || kind_ == Kind::Unknown) return false;
  switch (kind_) {
    case Kind::Null: return true;
    case Kind::Bool: return bool_ == o.bool_;
    case Kind::Number: return number_ == o.number_;
    case Kind::String: return text_ == o.text_;
    case Kind::List:
      if (items_.size() != o.items_.size()) return false;
      for (size_t i = 0; i < items_.size(); ++i)
        if (!items_[i].equals(o.items_[i])) return false;
      return true;
    case Kind::Object:
      if (members_.size() != o.members_.size()) return false;
      for (const auto& m : members_) {
        const Value* other = o.get(m.key);
        if (!other || !m.value.equals(*other)) return false;
      }
      return true;
    case Kind::Unknown: return false;
  }
  return false;
}

const char* Value::kind_name(Kind k) {
  switch (k) {
    case Kind::Null: return "null";
    case Kind::Bool: return "bool";
    case Kind::Number: return "number";
    case Kind::String: return "string";
    case Kind::List: return "list";
    case Kind::Object: return "object";
    case Kind::Unknown: return "unknown";
  }
  return "?";
}

}  // namespace clearance
