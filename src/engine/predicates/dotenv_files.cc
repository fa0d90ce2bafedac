// .env predicates about files and keys: which files and entries a rule applies to
// (`dotenv_file`, `dotenv_key`, used in `target.where`), and env-required-keys.
#include <set>

#include "engine/predicates/dotenv_util.h"
#include "engine/predicates/predicates.h"
#include "resolve/dotenv/dotenv_groups.h"

namespace clearance {

namespace {

// args[name] as a bool when it is one (true/false or "true"/"false").
std::optional<bool> flag(const Value& args, std::string_view name) {
  const Value* v = args.get(name);
  if (!v) return std::nullopt;
  if (v->is_bool()) return v->as_bool();
  if (v->is_string()) return v->as_string() == "true";
  return std::nullopt;
}

Outcome verdict(bool ok, const EvalContext& ctx, std::string detail) {
  if (ok) return Outcome::pass();
  return Outcome::fail(dotenv_file_blame(ctx, std::move(detail)));
}

}  // namespace

Outcome predicate_dotenv_file(const EvalContext& ctx, const Value& args) {
  const Document& doc = ctx.document;
  if (doc.format != Format::Dotenv) return verdict(false, ctx, "not a .env file");
  if (auto t = flag(args, "template"); t && *t != is_dotenv_template(doc))
    return verdict(false, ctx, *t ? "not a template" : "a template");
  if (auto p = flag(args, "production"); p && *p != is_dotenv_production(doc))
    return verdict(false, ctx, *p ? "not a production file" : "a production file");
  if (auto h = flag(args, "has_template");
      h && *h != (doc.root.attribute("template_path") != nullptr))
    return verdict(false, ctx, *h ? "no template" : "has a template");
  return Outcome::pass();
}

Outcome predicate_dotenv_key(const EvalContext& ctx, const Value& args) {
  if (ctx.subject.kind == "entry" && dotenv_key_in(ctx.subject.name, args)) return Outcome::pass();
  return Outcome::fail(dotenv_blame(ctx, ctx.subject, "not a selected key"));
}

Outcome predicate_dotenv_required_keys(const EvalContext& ctx, const Value&) {
  const Attribute* tp = ctx.document.root.attribute("template_path");
  if (!tp || !tp->value.is_string()) return Outcome::pass();
  const Document* tmpl = nullptr;
  for (const auto& d : ctx.workspace.documents)
    if (d.format == Format::Dotenv && d.path == tp->value.as_string()) tmpl = &d;
  if (!tmpl) return Outcome::pass();

  std::set<std::string> have;
  for (const Node* e : dotenv_entries(ctx.document)) have.insert(e->name);
  Outcome out;
  std::set<std::string> reported;
  for (const Node* e : dotenv_entries(*tmpl)) {
    if (have.count(e->name) || !reported.insert(e->name).second) continue;
    Blame b = dotenv_file_blame(ctx, e->name + " (listed in " + tmpl->path + ") is missing");
    b.fingerprint_seed = e->name;
    b.related.push_back({tmpl->path, e->range});
    out.verdict = Verdict::Fail;
    out.blames.push_back(std::move(b));
  }
  return out;
}

}  // namespace clearance
