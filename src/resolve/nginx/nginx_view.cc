// Builds NginxView: one recursive walk over block directives creating contexts, computing
// each context's header list from its parent's before descending (so inheritance is a single
// pass), and collecting `map` blocks for variable lookups.
#include "resolve/nginx/nginx_view.h"

#include <algorithm>

namespace clearance {

namespace {

bool is_block(const Node& n) {
  return n.kind == "directive" && n.attribute("block");
}

void index_directives(NginxContext& ctx) {
  if (!ctx.node) return;
  for (const auto& c : ctx.node->children)
    if (c.kind == "directive") ctx.by_name[c.type].push_back(&c);
}

std::string file_of(const Node& n, const std::string& doc_path) {
  const Attribute* f = n.attribute("file");
  return f && f->value.is_string() ? f->value.as_string() : doc_path;
}

std::string trim(std::string s) {
  size_t b = s.find_first_not_of(" \t");
  size_t e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// add_header NAME VALUE [always]
void add_header_defs(const NginxContext& ctx, const Node& n, std::vector<HeaderDef>& out) {
  if (n.labels.size() < 2) return;
  HeaderDef d;
  d.name = n.labels[0];
  d.value = n.labels[1];
  d.always = n.labels.size() >= 3 && n.labels[2] == "always";
  d.location = ctx.location_of(n);
  d.node = &n;
  out.push_back(std::move(d));
}

// more_set_headers [-s STATUSES] [-t TYPES] "Name: value"...
void more_headers_defs(const NginxContext& ctx, const Node& n, std::vector<HeaderDef>& out) {
  bool all_statuses = true;
  for (size_t i = 0; i < n.labels.size(); ++i) {
    const std::string& a = n.labels[i];
    if (a == "-s" || a == "-t") {
      if (a == "-s") all_statuses = false;
      ++i;
      continue;
    }
    auto colon = a.find(':');
    if (colon == std::string::npos) continue;
    HeaderDef d;
    d.name = trim(a.substr(0, colon));
    d.value = trim(a.substr(colon + 1));
    d.location = ctx.location_of(n);
    d.node = &n;
    out.push_back(std::move(d));
  }
  for (auto& d : out)
    if (d.node == &n) d.always = all_statuses;
}

std::string inherit_mode(const NginxContext& ctx) {
  const Node* n = ctx.inherited_directive("add_header_inherit");
  return n && !n->labels.empty() ? n->labels[0] : "on";
}

// Applies nginx's replace-unless-empty inheritance to one header family.
std::vector<HeaderDef> inherit(const std::vector<HeaderDef>& own,
                               const std::vector<HeaderDef>& parent, const std::string& mode,
                               bool& inherited) {
  inherited = false;
  if (mode == "off") return own;
  if (own.empty()) {
    inherited = true;
    return parent;
  }
  if (mode != "merge") return own;
  std::vector<HeaderDef> out = parent;
  out.insert(out.end(), own.begin(), own.end());
  return out;
}

}  // namespace

bool header_name_equals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

Location NginxContext::header_location() const {
  if (!node || kind == Kind::Main) return {file, {{1, 1}, {1, 1}}};
  return {file, {node->range.begin, node->range.begin}};
}

Location NginxContext::location_of(const Node& n) const {
  Range r = n.range;
  if (n.attribute("block")) r.end = r.begin;  // a block points at its header line
  return {file_of(n, doc_path), r};
}

const Node* NginxContext::directive(std::string_view name) const {
  auto it = by_name.find(name);
  return it == by_name.end() ? nullptr : it->second.front();
}

const std::vector<const Node*>& NginxContext::directives(std::string_view name) const {
  static const std::vector<const Node*> kNone;
  auto it = by_name.find(name);
  return it == by_name.end() ? kNone : it->second;
}

const Node* NginxContext::inherited_directive(std::string_view name) const {
  for (const NginxContext* c = this; c; c = c->parent)
    if (const Node* n = c->directive(name)) return n;
  return nullptr;
}

std::vector<const HeaderDef*> NginxContext::find(std::string_view name) const {
  std::vector<const HeaderDef*> out;
  for (const auto& h : sent)
    if (header_name_equals(h.name, name) && !h.value.empty()) out.push_back(&h);
  return out;
}

std::string NginxContext::server_name() const {
  for (const NginxContext* c = this; c; c = c->parent) {
    if (c->kind != Kind::Server) continue;
    const Node* sn = c->directive("server_name");
    if (sn && !sn->labels.empty()) return sn->labels[0];
    return "";
  }
  return "";
}

std::string NginxContext::describe() const {
  auto server_part = [&]() {
    std::string name = server_name();
    for (const NginxContext* c = this; c; c = c->parent) {
      if (c->kind != Kind::Server) continue;
      if (!name.empty()) return "server " + name;
      return "server at " + c->file + ":" + std::to_string(c->node->range.begin.line);
    }
    return std::string("http");
  };
  std::string args;
  if (node)
    for (const auto& l : node->labels) args += (args.empty() ? "" : " ") + l;
  switch (kind) {
    case Kind::Main: return "main";
    case Kind::Http: return "http";
    case Kind::Server: return server_part();
    case Kind::Location: return "location " + args + " in " + server_part();
    case Kind::If: return "if " + args + " in " + (parent ? parent->describe() : "main");
  }
  return "";
}

NginxView::NginxView(const Document& doc) : doc_(doc) {
  main_.kind = NginxContext::Kind::Main;
  main_.node = &doc.root;
  main_.file = doc.path;
  main_.doc_path = doc.path;
  index_directives(main_);
  build(main_, false);
  // `map` blocks anywhere (normally in http), for variable lookups.
  std::vector<const Node*> stack = {&doc.root};
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    for (const auto& c : n->children) {
      if (c.kind == "directive" && c.type == "map" && c.labels.size() >= 2) maps_.push_back(&c);
      if (!c.children.empty()) stack.push_back(&c);
    }
  }
}

void NginxView::build(NginxContext& ctx, bool in_stream) {
  for (const auto& child : ctx.node->children) {
    if (!is_block(child)) continue;
    NginxContext::Kind kind;
    using K = NginxContext::Kind;
    if (child.type == "http" && ctx.kind == K::Main)
      kind = K::Http;
    else if (child.type == "server" && !in_stream && (ctx.kind == K::Main || ctx.kind == K::Http))
      kind = K::Server;
    else if (child.type == "location" && (ctx.kind == K::Server || ctx.kind == K::Location))
      kind = K::Location;
    else if (child.type == "if" && (ctx.kind == K::Server || ctx.kind == K::Location))
      kind = K::If;
    else
      continue;  // upstream, map, types, stream, mail... hold no HTTP response headers
    auto sub = std::make_unique<NginxContext>();
    sub->kind = kind;
    sub->node = &child;
    sub->file = file_of(child, doc_.path);
    sub->doc_path = doc_.path;
    sub->parent = &ctx;
    index_directives(*sub);
    std::vector<HeaderDef> own_add, own_more;
    for (const auto& d : child.children) {
      if (d.kind != "directive") continue;
      if (d.type == "add_header")
        add_header_defs(*sub, d, own_add);
      else if (d.type == "more_set_headers")
        more_headers_defs(*sub, d, own_more);
    }
    // Split the parent's list back into its two families before inheriting each.
    std::vector<HeaderDef> parent_add, parent_more;
    for (const auto& h : ctx.sent)
      (h.node && h.node->type == "more_set_headers" ? parent_more : parent_add).push_back(h);
    bool inherited_add = true, inherited_more = true;
    sub->sent = inherit(own_add, parent_add, inherit_mode(*sub), inherited_add);
    auto more = inherit(own_more, parent_more, "on", inherited_more);
    sub->sent.insert(sub->sent.end(), more.begin(), more.end());
    sub->inherited = inherited_add && inherited_more;
    sub->own = std::move(own_add);
    sub->own.insert(sub->own.end(), own_more.begin(), own_more.end());
    all_.push_back(sub.get());
    if (kind == K::Server) servers_.push_back(sub.get());
    NginxContext& ref = *sub;
    ctx.children.push_back(std::move(sub));
    build(ref, in_stream);
  }
}

const Node* NginxView::map_for(std::string_view name) const {
  for (const Node* m : maps_) {
    std::string_view target = m->labels[1];
    if (!target.empty() && target.front() == '$') target.remove_prefix(1);
    if (target == name) return m;
  }
  return nullptr;
}

std::optional<std::vector<std::string>> NginxView::possible_values(std::string_view value) const {
  if (value.find('$') == std::string_view::npos)
    return std::vector<std::string>{std::string(value)};
  std::string_view name = value.substr(1);
  if (value.front() != '$') return std::nullopt;
  if (name.size() > 2 && name.front() == '{' && name.back() == '}')
    name = name.substr(1, name.size() - 2);
  if (name.empty() || name.find_first_of("$ {}/:") != std::string_view::npos) return std::nullopt;
  const Node* m = map_for(name);
  if (!m) return std::nullopt;
  std::vector<std::string> out;
  bool has_default = false;
  for (const auto& e : m->children) {
    if (e.kind != "directive") continue;
    if (e.type == "hostnames" || e.type == "volatile" || e.type == "include") continue;
    if (e.labels.empty()) continue;
    if (e.type == "default") has_default = true;
    out.push_back(e.labels[0]);
  }
  if (!has_default) out.push_back("");
  return out;
}

}  // namespace clearance
