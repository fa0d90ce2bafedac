// File functions: file, fileexists, filebase64, templatefile, and the path helpers basename
// and dirname. Reading goes through the Env, which resolves paths against the module
// directory, refuses anything outside the scan root and caps the size; a refused or failed
// read makes the call Unknown (and an error, so `try` and `fileexists` behave).
#include "parse/terraform/terraform_parser.h"
#include "resolve/terraform/tf_functions.h"
#include "resolve/terraform/tf_values.h"

namespace clearance::tf {

namespace {

bool read(Call& c, std::string& out, std::string& shown) {
  if (c.args.empty() || !c.args[0].is_string() || !c.ev.env()) return false;
  std::string why;
  return c.ev.env()->read_file(c.args[0].as_string(), out, shown, why);
}

Value fn_file(Call& c) {
  std::string text, shown;
  if (c.args.size() != 1 || !read(c, text, shown)) return c.fail();
  c.ev.env()->note_origin(shown);
  return Value::string(std::move(text), c.range());
}

Value fn_fileexists(Call& c) {
  std::string text, shown;
  if (c.args.size() != 1 || !c.args[0].is_string()) return c.fail();
  return Value::boolean(read(c, text, shown), c.range());
}

Value fn_filebase64(Call& c) {
  std::string text, shown;
  if (c.args.size() != 1 || !read(c, text, shown)) return c.fail();
  std::vector<Value> args{Value::string(std::move(text))};
  Call inner{args, c.ev, c.e};
  return find_encoding_function("base64encode")(inner);
}

// templatefile(path, vars): the file is a template in HCL's template syntax, evaluated with
// only `vars` in scope. It is parsed as the body of a heredoc, whose syntax is the same.
Value fn_templatefile(Call& c) {
  std::string text, shown;
  if (c.ev.in_template()) return c.fail();  // Terraform refuses templatefile inside a template
  if (c.args.size() != 2 || !read(c, text, shown)) return c.fail();
  if (!c.args[1].is_object()) return c.fail();
  static constexpr std::string_view kMarker = "CLEARANCE_TEMPLATE_END_4F1D";
  bool added_newline = text.empty() || text.back() != '\n';
  Document doc;
  doc.path = shown;
  doc.format = Format::Terraform;
  doc.source = "t = <<" + std::string(kMarker) + "\n" + text + (added_newline ? "\n" : "") +
               std::string(kMarker) + "\n";
  parse_terraform(doc);
  const Attribute* a = doc.root.attribute("t");
  if (!a || doc.has_errors()) return c.fail();
  Value out;
  if (a->value.is_string()) {
    out = a->value;
  } else {
    Evaluator sub(c.ev.env());
    sub.set_sealed(true);
    sub.nest_in(c.ev);
    for (const auto& m : c.args[1].members()) sub.push({m.key, m.value, m.key, false});
    out = sub.eval_value(a->value);
    if (sub.errors() > 0) return c.fail();
    if (out.is_unknown()) return c.unknown();
    auto t = as_text(out);
    if (!t) return c.fail();
    out = Value::string(std::move(*t));
  }
  std::string s = out.as_string();
  if (added_newline && !s.empty() && s.back() == '\n') s.pop_back();
  c.ev.env()->note_origin(shown);
  return Value::string(std::move(s), c.range());
}

Value fn_basename(Call& c) {
  auto t = c.args.size() == 1 ? as_text(c.args[0]) : std::nullopt;
  if (!t) return c.fail();
  auto slash = t->find_last_of('/');
  return Value::string(slash == std::string::npos ? *t : t->substr(slash + 1), c.range());
}

Value fn_dirname(Call& c) {
  auto t = c.args.size() == 1 ? as_text(c.args[0]) : std::nullopt;
  if (!t) return c.fail();
  auto slash = t->find_last_of('/');
  return Value::string(slash == std::string::npos ? "."
                       : slash == 0               ? "/"
                                                  : t->substr(0, slash),
                       c.range());
}

struct Entry {
  std::string_view name;
  Function fn;
};

constexpr Entry kFiles[] = {
    {"file", fn_file},
    {"fileexists", fn_fileexists},
    {"filebase64", fn_filebase64},
    {"templatefile", fn_templatefile},
    {"basename", fn_basename},
    {"dirname", fn_dirname},
};

}  // namespace

Function find_file_function(std::string_view name) {
  for (const auto& e : kFiles)
    if (e.name == name) return e.fn;
  return nullptr;
}

}  // namespace clearance::tf
