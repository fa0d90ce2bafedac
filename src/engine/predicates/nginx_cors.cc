// CORS in nginx: no `Access-Control-Allow-Origin: *`, and no echo of the request's Origin
// (`$http_origin`) unless something checks it first: an enclosing `if ($http_origin ~ ...)`,
// or a `map $http_origin $var` whose entries echo it only for listed origins (not for
// `default` or a catch-all regex). Every add_header / more_set_headers that sets the header is
// judged once, where it is written.
#include <algorithm>

#include "engine/predicates/nginx_common.h"
#include "engine/predicates/predicates.h"
#include "resolve/nginx/nginx_view.h"

namespace clearance {

namespace {

using nginx::BlameList;

constexpr std::string_view kAcao = "Access-Control-Allow-Origin";

bool echoes_origin(std::string_view v) {
  return v.find("$http_origin") != std::string_view::npos;
}

bool catch_all_key(const std::string& key) {
  std::string k = key;
  if (k.rfind("~*", 0) == 0)
    k = k.substr(2);
  else if (k.rfind("~", 0) == 0)
    k = k.substr(1);
  else
    return k == "default";
  return k == ".*" || k == ".+" || k == "^.*$" || k == "^.*" || k == "^" || k == "." ||
         k == "^.+$" || k == "^https?://.*$" || k == "";
}

// An `if` around the header (or around where the variable is set) tests $http_origin.
bool guarded_by_if(const NginxContext& c) {
  for (const NginxContext* x = &c; x && x->kind == NginxContext::Kind::If; x = x->parent) {
    for (const auto& l : x->node->labels)
      if (echoes_origin(l)) return true;
  }
  return false;
}

// `set $name value` in `c` or an enclosing block; nullptr when none.
const Node* set_for(const NginxContext& c, std::string_view name) {
  for (const NginxContext* x = &c; x && x->node; x = x->parent)
    for (const Node* d : x->directives("set"))
      if (d->labels.size() == 2 && d->labels[0].size() > 1 &&
          std::string_view(d->labels[0]).substr(1) == name)
        return d;
  return nullptr;
}

void judge(const NginxView& view, const NginxContext& c, const HeaderDef& h, BlameList& out) {
  std::string who = c.describe();
  const std::string& v = h.value;
  if (v == "*") {
    out.fail(h.location, kAcao.data() + std::string(" * lets every site read these responses"),
             who);
    return;
  }
  if (v.empty() || v.front() != '$' || v.find_first_of(" /:", 1) != std::string::npos) {
    if (echoes_origin(v) && !guarded_by_if(c))
      out.fail(h.location, std::string(kAcao) + " echoes the request's Origin unchecked", who);
    return;
  }
  if (v == "$http_origin") {
    if (!guarded_by_if(c))
      out.fail(h.location, std::string(kAcao) + " echoes the request's Origin unchecked", who);
    return;
  }
  std::string name = v.substr(1);
  if (name.size() > 2 && name.front() == '{' && name.back() == '}')
    name = name.substr(1, name.size() - 2);
  if (const Node* m = view.map_for(name)) {
    bool from_origin = echoes_origin(m->labels[0]);
    for (const auto& e : m->children) {
      if (e.kind != "directive" || e.labels.empty()) continue;
      const std::string& value = e.labels[0];
      if (value == "*") {
        out.fail(h.location,
                 std::string(kAcao) + " is * for some responses (map " + m->labels[1] + ")", who);
        out.relate(c.location_of(e));
        return;
      }
      if (echoes_origin(value) && (!from_origin || catch_all_key(e.type))) {
        out.fail(h.location,
                 std::string(kAcao) + " echoes any Origin (map " + m->labels[1] + " entry \"" +
                     e.type + "\")",
                 who);
        out.relate(c.location_of(e));
        return;
      }
    }
    return;
  }
  if (const Node* s = set_for(c, name)) {
    if (s->labels[1] == "*")
      out.fail(h.location, std::string(kAcao) + " is *, through " + v, who);
    else if (echoes_origin(s->labels[1]) && !guarded_by_if(c))
      out.fail(h.location,
               std::string(kAcao) + " echoes the request's Origin unchecked, through " + v, who);
    return;
  }
  out.undetermined(h.location, std::string(kAcao) + " is set from " + v, who, v);
}

}  // namespace

Outcome predicate_nginx_cors_restricted(const EvalContext& ctx, const Value&) {
  NginxView view(ctx.document);
  BlameList out;
  for (const NginxContext* c : view.contexts())
    for (const auto& h : c->own)
      if (header_name_equals(h.name, kAcao)) judge(view, *c, h, out);
  return out.outcome();
}

}  // namespace clearance
