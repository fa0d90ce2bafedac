// Security response headers of nginx servers: HSTS, X-Frame-Options, X-Content-Type-Options
// must be sent from every context that answers requests (after add_header inheritance), and a
// nested add_header must not silently drop the ones set outside. A missing header is blamed on
// the block whose add_header list is in force there (the server, or the location/if whose own
// add_header replaced the inherited ones); a wrong value on the add_header that sets it, in
// whatever file that is. Values given through a `map` variable are judged by every value the
// map can produce; an unresolvable variable is undetermined.
#include <algorithm>

#include "engine/predicates/nginx_common.h"
#include "engine/predicates/predicates.h"
#include "resolve/nginx/nginx_view.h"

namespace clearance {

namespace {

using nginx::BlameList;

enum class Judgement { Ok, Bad, Unknown };

struct Judged {
  Judgement verdict = Judgement::Ok;
  std::string why;
};

using Judge = Judged (*)(const HeaderDef& def, const NginxView& view, const EvalContext& ctx);
using Alternative = bool (*)(const NginxContext& c, const NginxView& view);

// Judges every value a header may take with `ok`; "" values (header not sent) are skipped,
// but at least one value must be sent.
template <typename Ok>
Judged judge_values(const HeaderDef& def, const NginxView& view, Ok ok) {
  auto values = view.possible_values(def.value);
  if (!values) return {Judgement::Unknown, def.name + " is set from " + def.value};
  bool sent = false;
  for (const auto& v : *values) {
    if (v.empty()) continue;
    sent = true;
    std::string why = ok(v);
    if (!why.empty()) return {Judgement::Bad, why};
  }
  if (!sent) return {Judgement::Bad, def.name + " is set to an empty value, so it is never sent"};
  return {};
}

Judged judge_hsts(const HeaderDef& def, const NginxView& view, const EvalContext& ctx) {
  double min_age = ctx.param("min_max_age", 31536000);
  Judged j = judge_values(def, view, [&](const std::string& v) -> std::string {
    std::string age = nginx::max_age_of(v);
    if (age.empty()) return def.name + " \"" + v + "\" has no max-age";
    if (age.size() < 16 && std::stod(age) < min_age)
      return def.name + " max-age=" + age + " is below " +
             std::to_string(static_cast<long long>(min_age));
    return "";
  });
  if (j.verdict != Judgement::Ok) return j;
  if (!def.always)
    return {Judgement::Bad, def.name +
                                " is sent without `always`, so error and redirect "
                                "responses go without it"};
  return {};
}

Judged judge_frame_options(const HeaderDef& def, const NginxView& view, const EvalContext&) {
  return judge_values(def, view, [&](const std::string& v) -> std::string {
    std::string l = nginx::lower(v);
    if (l == "deny" || l == "sameorigin") return "";
    return def.name + " \"" + v + "\" is not DENY or SAMEORIGIN";
  });
}

Judged judge_nosniff(const HeaderDef& def, const NginxView& view, const EvalContext&) {
  return judge_values(def, view, [&](const std::string& v) -> std::string {
    if (nginx::lower(v) == "nosniff") return "";
    return def.name + " \"" + v + "\" is not nosniff";
  });
}

// CSP frame-ancestors does what X-Frame-Options does.
bool csp_frame_ancestors(const NginxContext& c, const NginxView& view) {
  for (const HeaderDef* csp : c.find("Content-Security-Policy")) {
    auto values = view.possible_values(csp->value);
    if (!values) continue;
    for (const auto& v : *values)
      if (nginx::lower(v).find("frame-ancestors") != std::string::npos) return true;
  }
  return false;
}

// Does any enclosing block send `name`? (used to say "drops" rather than "does not send")
bool sent_outside(const NginxContext& owner, std::string_view name) {
  return owner.parent && !owner.parent->find(name).empty();
}

void require_header(const NginxView& view, const std::vector<const NginxContext*>& contexts,
                    std::string_view name, Judge judge, Alternative alt, const EvalContext& ctx,
                    BlameList& out) {
  for (const NginxContext* c : contexts) {
    const NginxContext& owner = nginx::header_owner(*c);
    auto defs = c->find(name);
    if (!defs.empty()) {
      const HeaderDef& d = *defs.front();
      Judged j = judge(d, view, ctx);
      if (j.verdict == Judgement::Ok) continue;
      if (alt && alt(*c, view)) continue;
      if (j.verdict == Judgement::Bad)
        out.fail(d.location, j.why, owner.describe());
      else
        out.undetermined(d.location, j.why, owner.describe(), d.value);
      continue;
    }
    if (alt && alt(*c, view)) continue;
    std::string who = owner.describe();
    if (sent_outside(owner, name)) {
      out.fail(owner.header_location(),
               who + " does not send " + std::string(name) +
                   ": its own add_header replaces the one set outside",
               who);
      for (const HeaderDef* outer : owner.parent->find(name)) out.relate(outer->location);
    } else {
      out.fail(owner.header_location(), who + " does not send " + std::string(name), who);
    }
  }
}

}  // namespace

Outcome predicate_nginx_hsts(const EvalContext& ctx, const Value&) {
  NginxView view(ctx.document);
  BlameList out;
  for (const NginxContext* server : view.servers()) {
    if (!nginx::is_tls_server(*server)) continue;
    require_header(view, nginx::response_contexts(*server, false), "Strict-Transport-Security",
                   &judge_hsts, nullptr, ctx, out);
  }
  return out.outcome();
}

Outcome predicate_nginx_x_frame_options(const EvalContext& ctx, const Value&) {
  NginxView view(ctx.document);
  BlameList out;
  for (const NginxContext* server : view.servers())
    require_header(view, nginx::response_contexts(*server, true), "X-Frame-Options",
                   &judge_frame_options, &csp_frame_ancestors, ctx, out);
  return out.outcome();
}

Outcome predicate_nginx_x_content_type_options(const EvalContext& ctx, const Value&) {
  NginxView view(ctx.document);
  BlameList out;
  for (const NginxContext* server : view.servers())
    require_header(view, nginx::response_contexts(*server, true), "X-Content-Type-Options",
                   &judge_nosniff, nullptr, ctx, out);
  return out.outcome();
}

Outcome predicate_nginx_header_redefinition(const EvalContext& ctx, const Value& args) {
  std::vector<std::string> watched = {"Strict-Transport-Security", "X-Frame-Options",
                                      "X-Content-Type-Options",    "Content-Security-Policy",
                                      "Referrer-Policy",           "Permissions-Policy"};
  if (const Value* h = args.get("headers"); h && h->is_list()) {
    watched.clear();
    for (const auto& v : h->items())
      if (v.is_string()) watched.push_back(v.as_string());
  }
  auto is_watched = [&](const std::string& name) {
    return std::any_of(watched.begin(), watched.end(),
                       [&](const std::string& w) { return header_name_equals(w, name); });
  };
  NginxView view(ctx.document);
  BlameList out;
  for (const NginxContext* c : view.contexts()) {
    if (c->inherited || c->own.empty() || !c->parent) continue;
    const Node* mode = c->inherited_directive("add_header_inherit");
    if (mode && !mode->labels.empty() && mode->labels[0] != "on") continue;  // explicit choice
    std::vector<const HeaderDef*> dropped;
    std::string names;
    for (const auto& h : c->parent->sent) {
      if (h.value.empty() || !is_watched(h.name)) continue;
      bool kept = std::any_of(c->sent.begin(), c->sent.end(), [&](const HeaderDef& mine) {
        return header_name_equals(mine.name, h.name);
      });
      bool listed = std::any_of(dropped.begin(), dropped.end(), [&](const HeaderDef* d) {
        return header_name_equals(d->name, h.name);
      });
      if (kept || listed) continue;
      dropped.push_back(&h);
      names += (names.empty() ? "" : ", ") + h.name;
    }
    if (dropped.empty()) continue;
    const NginxContext& from = nginx::header_owner(*c->parent);
    out.fail(c->own.front().location,
             "add_header in " + c->describe() + " drops " + names + " set in " + from.describe(),
             c->describe());
    for (const HeaderDef* d : dropped) out.relate(d->location);
  }
  return out.outcome();
}

}  // namespace clearance
