// Values crossing a module boundary: requalified Unknown texts and primitive type conversion.
#include "resolve/terraform/tf_module_parts.h"

#include "resolve/terraform/tf_values.h"

namespace clearance::tf {

namespace {

bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// Whether a traversal starting with `root` names a resource, a data source or a module call
// (resource types always contain an underscore; variables, locals and iterators do not count).
bool names_object(std::string_view root) {
  if (root == "data" || root == "module") return true;
  if (root == "var" || root == "local" || root == "each" || root == "count" || root == "path" ||
      root == "self" || root == "terraform")
    return false;
  return root.find('_') != std::string_view::npos;
}

std::string requalify_text(const std::string& text, const std::string& prefix) {
  std::string out;
  out.reserve(text.size() + prefix.size());
  bool in_string = false;  // inside "..." of the expression text, outside ${...}
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    bool at_start = i == 0 || !(ident_char(text[i - 1]) || text[i - 1] == '.');
    if (c == '"') in_string = !in_string;
    if (in_string && !(i >= 2 && text[i - 1] == '{' && text[i - 2] == '$') && c != '"') {
      // Inside a string literal only interpolations hold references.
      size_t interp = text.find("${", i);
      size_t quote = text.find('"', i);
      size_t stop = std::min(interp == std::string::npos ? text.size() : interp + 2,
                             quote == std::string::npos ? text.size() : quote);
      out.append(text, i, stop - i);
      i = stop;
      continue;
    }
    if (at_start && (std::isalpha(static_cast<unsigned char>(c)) || c == '_')) {
      size_t end = i;
      while (end < text.size() && ident_char(text[end])) ++end;
      std::string_view word(text.data() + i, end - i);
      if (end < text.size() && text[end] == '.' && names_object(word)) out += prefix + ".";
      out.append(word);
      i = end;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace

void requalify(Value& v, const std::string& prefix) {
  if (v.is_unknown()) {
    Value u = Value::unknown(requalify_text(v.as_string(), prefix), v.range());
    v = std::move(u);
    return;
  }
  for (auto& item : v.items()) requalify(item, prefix);
  for (auto& m : v.members()) requalify(m.value, prefix);
}

Value convert_to_type(Value v, const Node& variable) {
  const Attribute* type = variable.attribute("type");
  const Expression* e = type ? type->value.expression() : nullptr;
  if (!e || e->kind != Expression::Kind::Reference || !e->children.empty() || v.is_unknown() ||
      v.is_null())
    return v;
  Range r = v.range();
  if (e->op == "string") {
    if (auto t = as_text(v)) return Value::string(std::move(*t), r);
  } else if (e->op == "number") {
    if (auto n = as_number(v)) return Value::number(*n, r);
  } else if (e->op == "bool") {
    if (auto b = as_bool(v)) return Value::boolean(*b, r);
  }
  return v;
}

}  // namespace clearance::tf
