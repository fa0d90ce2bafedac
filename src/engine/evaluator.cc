// Condition evaluation. Each test maps a Value to Pass/Fail, and any Unknown it meets to
// Undetermined carrying the expression; combinators merge blames so every failing part
// becomes a finding pointing at its own attribute.
#include "engine/evaluator.h"

#include <re2/re2.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>

#include "engine/scope_index.h"
#include "model/expression.h"

namespace clearance {

namespace {

using Test = Condition::Test;

Range header_of(const Node& n) { return {n.range.begin, n.range.begin}; }

std::optional<double> as_number(const Value& v) {
  if (v.is_number()) return v.as_number();
  if (v.is_string() && !v.as_string().empty()) {
    const std::string& s = v.as_string();
    char* end = nullptr;
    errno = 0;
    double d = std::strtod(s.c_str(), &end);
    if (end == s.c_str() + s.size() && errno == 0) return d;
  }
  return std::nullopt;
}

// Typed equality with the leniency Terraform itself has: "true" == true, "30" == 30.
bool loosely_equal(const Value& v, const Value& want) {
  if (v.equals(want)) return true;
  if (want.is_bool() && v.is_string()) return v.as_string() == (want.as_bool() ? "true" : "false");
  if (want.is_string() && v.is_bool()) return want.as_string() == (v.as_bool() ? "true" : "false");
  if (want.is_number() || v.is_number()) {
    auto a = as_number(v), b = as_number(want);
    return a && b && *a == *b;
  }
  return false;
}

// Outcome of a test on a known (or partly unknown) value. nullopt = undetermined.
// The element count of a tuple written in the code, even when its elements are unknown.
std::optional<size_t> known_length(const Value& v) {
  if (v.is_list()) return v.items().size();
  const Expression* e = v.expression();
  if (v.is_unknown() && e && e->kind == Expression::Kind::Tuple) {
    for (const auto& c : e->children)
      if (c.kind == Expression::Kind::Splat || c.kind == Expression::Kind::ForTuple) return std::nullopt;
    return e->children.size();
  }
  return std::nullopt;
}

std::optional<bool> run_test(const Condition& c, const Value& v) {
  // Decided whatever the value: an expression is by definition not a literal, and an
  // attribute that is set is present even when its value is unknown.
  if (c.test == Test::Literal) return v.contains_unknown() != c.operand.as_bool();
  if (c.test == Test::Present) return true;
  if (c.test == Test::Absent) return false;
  if (v.is_unknown()) {
    auto len = known_length(v);
    if (len && (c.test == Test::Empty || c.test == Test::NotEmpty))
      return (*len == 0) == (c.test == Test::Empty);
    if (len && c.test == Test::MaxLength) return static_cast<double>(*len) <= c.operand.as_number();
    if (len && c.test == Test::MinLength && static_cast<double>(*len) >= c.operand.as_number()) return true;
    return std::nullopt;
  }
  switch (c.test) {
    case Test::Present: return true;
    case Test::Absent: return false;
    case Test::Equals:
    case Test::NotEquals: {
      if (v.contains_unknown()) return std::nullopt;
      bool eq = loosely_equal(v, c.operand);
      return c.test == Test::Equals ? eq : !eq;
    }
    case Test::OneOf:
    case Test::NotOneOf: {
      if (v.contains_unknown()) return std::nullopt;
      bool in = false;
      for (const auto& item : c.operand.items()) in = in || loosely_equal(v, item);
      return c.test == Test::OneOf ? in : !in;
    }
    case Test::Gte:
    case Test::Gt:
    case Test::Lte:
    case Test::Lt: {
      auto n = as_number(v);
      if (!n) return false;
      double want = c.operand.as_number();
      if (c.test == Test::Gte) return *n >= want;
      if (c.test == Test::Gt) return *n > want;
      if (c.test == Test::Lte) return *n <= want;
      return *n < want;
    }
    case Test::MinLength:
    case Test::MaxLength: {
      double len;
      if (v.is_string()) len = static_cast<double>(v.as_string().size());
      else if (v.is_list()) len = static_cast<double>(v.items().size());
      else return false;
      return c.test == Test::MinLength ? len >= c.operand.as_number() : len <= c.operand.as_number();
    }
    case Test::Matches:
    case Test::NotMatches: {
      std::string text;
      if (v.is_string()) text = v.as_string();
      else if (v.is_number() || v.is_bool()) text = v.to_display();
      else if (v.contains_unknown()) return std::nullopt;
      else text = v.to_display();
      bool m = RE2::PartialMatch(text, *c.regex);
      return c.test == Test::Matches ? m : !m;
    }
    case Test::Contains:
    case Test::NotContains: {
      bool found = false, unknown = false;
      if (v.is_list()) {
        for (const auto& item : v.items()) {
          if (item.is_unknown()) unknown = true;
          else if (loosely_equal(item, c.operand)) found = true;
        }
      } else if (v.is_string() && c.operand.is_string()) {
        found = v.as_string().find(c.operand.as_string()) != std::string::npos;
      } else if (v.is_object() && c.operand.is_string()) {
        found = v.get(c.operand.as_string()) != nullptr;
      }
      if (!found && unknown) return std::nullopt;
      return c.test == Test::Contains ? found : !found;
    }
    case Test::Literal: return false;  // handled above
    case Test::Empty:
    case Test::NotEmpty: {
      if (v.is_list() && v.contains_unknown() && v.items().empty()) return std::nullopt;
      bool empty = v.is_null() || (v.is_string() && v.as_string().empty()) ||
                   (v.is_list() && v.items().empty()) || (v.is_object() && v.members().empty());
      return c.test == Test::Empty ? empty : !empty;
    }
  }
  return false;
}

// Tests that a missing attribute passes when no default is given.
bool passes_when_missing(Test t) {
  return t == Test::Absent || t == Test::NotEquals || t == Test::NotOneOf || t == Test::NotMatches ||
         t == Test::NotContains || t == Test::Empty || t == Test::Literal;
}

// The innermost Unknown inside v (for the expression to show).
const Value* first_unknown(const Value& v) {
  if (v.is_unknown()) return &v;
  for (const auto& item : v.items())
    if (auto u = first_unknown(item)) return u;
  for (const auto& m : v.members())
    if (auto u = first_unknown(m.value)) return u;
  return nullptr;
}

Outcome eval_attribute(const Condition& c, const Node& here, const EvalContext& ctx) {
  Resolved r = resolve_path(here, c.path);
  Blame blame;
  blame.attribute = c.path;
  const Value* v = r.value;
  if (!v && c.has_default) v = &c.default_value;
  if (!v) {
    if (passes_when_missing(c.test)) return Outcome::pass();
    blame.location = ctx.at(r.range);  // the deepest block on the path that exists
    blame.value = "(not set)";
    blame.detail = c.path + " is not set";
    return Outcome::fail(std::move(blame));
  }
  blame.location = ctx.at(r.range);
  blame.value = v->to_display();
  auto result = run_test(c, *v);
  if (!result) {
    const Value* u = first_unknown(*v);
    blame.expression = u ? u->as_string() : v->to_display();
    blame.detail = c.path + " depends on " + blame.expression;
    return Outcome::undetermined(std::move(blame));
  }
  if (*result) return Outcome::pass();
  blame.detail = c.path + " is " + blame.value;
  return Outcome::fail(std::move(blame));
}

// Merges child outcomes: All = every one must pass, Any = one must.
Outcome combine(std::vector<Outcome>& outs, bool all) {
  Outcome fails{Verdict::Fail, {}}, undet{Verdict::Undetermined, {}};
  bool any_pass = false, any_fail = false, any_undet = false;
  for (auto& o : outs) {
    if (o.verdict == Verdict::Pass) any_pass = true;
    auto& bucket = o.verdict == Verdict::Fail ? fails : undet;
    if (o.verdict == Verdict::Fail) any_fail = true;
    if (o.verdict == Verdict::Undetermined) any_undet = true;
    for (auto& b : o.blames) bucket.blames.push_back(std::move(b));
  }
  if (all) {
    if (any_fail) return fails;
    if (any_undet) return undet;
    return Outcome::pass();
  }
  // When no alternative holds, one finding is enough: report the first alternative's reason.
  if (any_pass) return Outcome::pass();
  Outcome& chosen = any_undet ? undet : fails;
  if (chosen.blames.size() > 1) chosen.blames.resize(1);
  return chosen;
}

std::vector<const Node*> blocks_at(const Node& here, std::string_view path) {
  auto dot = path.rfind('.');
  const Node* owner = dot == std::string_view::npos ? &here : here.find_child(path.substr(0, dot));
  if (!owner) return {};
  return owner->children_of(dot == std::string_view::npos ? path : path.substr(dot + 1));
}

Outcome eval_block(const Condition& c, const Node& here, const EvalContext& ctx) {
  auto blocks = blocks_at(here, c.path);
  Blame blame;
  blame.attribute = c.path;
  switch (c.quantifier) {
    case Condition::Quantifier::Present:
      if (!blocks.empty()) return Outcome::pass();
      blame.location = ctx.at(header_of(here));
      blame.detail = "no " + c.path + " block";
      return Outcome::fail(std::move(blame));
    case Condition::Quantifier::Absent:
      if (blocks.empty()) return Outcome::pass();
      blame.location = ctx.at(header_of(*blocks.front()));
      blame.detail = c.path + " block present";
      return Outcome::fail(std::move(blame));
    case Condition::Quantifier::Every: {
      std::vector<Outcome> outs;
      for (const Node* b : blocks) outs.push_back(evaluate(c.children.front(), *b, ctx));
      return combine(outs, true);
    }
    case Condition::Quantifier::Some: {
      if (blocks.empty()) {
        blame.location = ctx.at(header_of(here));
        blame.detail = "no " + c.path + " block";
        return Outcome::fail(std::move(blame));
      }
      std::vector<Outcome> outs;
      for (const Node* b : blocks) outs.push_back(evaluate(c.children.front(), *b, ctx));
      return combine(outs, false);
    }
  }
  return Outcome::pass();
}

bool matches_selector(const Node& n, const Condition& c) {
  auto in = [](const std::vector<std::string>& list, const std::string& s) {
    if (list.empty()) return true;
    for (const auto& x : list)
      if (x == s) return true;
    return false;
  };
  return in(c.kinds, n.kind) && in(c.types, n.type) && in(c.names, n.name);
}

bool is_ident_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
         ch == '-';
}

// Does expression text `expr` name the resource `addr` ("aws_s3_bucket.x")?
bool references(std::string_view expr, std::string_view addr) {
  for (size_t pos = expr.find(addr); pos != std::string_view::npos; pos = expr.find(addr, pos + 1)) {
    bool start_ok = pos == 0 || !(is_ident_char(expr[pos - 1]) || expr[pos - 1] == '.');
    size_t end = pos + addr.size();
    bool end_ok = end == expr.size() || !is_ident_char(expr[end]);
    if (start_ok && end_ok) return true;
  }
  return false;
}

// How `via` of `other` relates to `subject`: refers, does not, or cannot tell.
// `addrs`: the names the subject goes by where `via` is written (see addresses_seen_from).
std::optional<bool> refers_to_impl(const Value& via, const Node& subject,
                                   const std::vector<std::string>& addrs) {
  if (via.is_unknown()) {
    for (const auto& addr : addrs)
      if (references(via.as_string(), addr)) return true;
    // A reference to another resource of the same kind is a clear no; var.x is unknowable.
    if (via.as_string().find(subject.type + ".") != std::string::npos) return false;
    return std::nullopt;
  }
  if (via.is_string()) {
    for (const char* key : {"bucket", "name", "id", "identifier", "arn"}) {
      const Attribute* a = subject.attribute(key);
      if (a && a->value.is_string() && a->value.as_string() == via.as_string()) return true;
    }
    return false;
  }
  return false;
}

// The addresses by which expressions of a document at module address `from` name `subject`
// (a node of a document at module address `at`): relative to `from` when the subject lives in
// it or below it, and absolute (from the root module) for values passed down through inputs.
std::vector<std::string> addresses_seen_from(const Node& subject, const std::string& at, const std::string& from) {
  std::string own = node_address(subject);
  std::string absolute = at.empty() ? own : at + "." + own;
  if (from == at) return {own, absolute};
  if (!from.empty() && at.size() > from.size() && at.compare(0, from.size(), from) == 0 && at[from.size()] == '.')
    return {at.substr(from.size() + 1) + "." + own, absolute};
  return {absolute};
}

template <typename Fn>
void for_each_node(const Node& n, Fn&& fn) {
  for (const auto& c : n.children) {
    fn(c);
    for_each_node(c, fn);
  }
}

Outcome eval_related(const Condition& c, const Node& here, const EvalContext& ctx) {
  std::vector<Outcome> outs;
  const Value* unknowable = nullptr;
  auto consider = [&](const Document* doc, const Node& other) {
    if (&other == &here || !matches_selector(other, c)) return;
    const Attribute* via = other.attribute(c.via);
    if (!via) return;
    auto rel = refers_to_impl(via->value, here,
                              addresses_seen_from(here, ctx.document.module_address, doc->module_address));
    if (!rel) {
      unknowable = &via->value;
      return;
    }
    if (!*rel) return;
    EvalContext sub{ctx.workspace, ctx.rule, *doc, ctx.module_documents, other, node_address(other), ctx.scope};
    outs.push_back(c.children.empty() ? Outcome::pass() : evaluate(c.children.front(), other, sub));
  };
  std::optional<std::vector<size_t>> picked;
  if (ctx.scope) {
    // Only candidates whose `via` names the subject's name, equals one of its identifying
    // strings, or cannot be told apart can relate; every other candidate is a clear no.
    std::vector<std::string> values;
    for (const char* key : {"bucket", "name", "id", "identifier", "arn"})
      if (const Attribute* a = here.attribute(key); a && a->value.is_string())
        values.push_back(a->value.as_string());
    picked = ctx.scope->related_candidates(c, here.name, values);
    if (picked) {
      const auto& cands = ctx.scope->matching(c);
      for (size_t i : *picked) consider(cands[i].doc, *cands[i].node);
      // Every candidate that cannot be told apart is in `open`; a walk would remember the
      // last of them (the subject itself aside), so that one is all that is needed.
      const auto& open = ctx.scope->unknowable(c, here.type);
      for (auto it = open.rbegin(); it != open.rend(); ++it) {
        if (cands[*it].node == &here) continue;
        unknowable = &cands[*it].node->attribute(c.via)->value;
        break;
      }
    } else {
      for (const auto& e : ctx.scope->matching(c)) consider(e.doc, *e.node);
    }
  } else {
    for (const Document* doc : ctx.module_documents)
      for_each_node(doc->root, [&](const Node& other) { consider(doc, other); });
  }
  if (!outs.empty()) {
    Outcome o = combine(outs, false);
    if (o.passed() || !unknowable) return o;
  }
  Blame blame;
  blame.location = ctx.at(header_of(here));
  std::string what = c.types.empty() ? std::string("related resource") : c.types.front();
  if (unknowable) {
    blame.expression = unknowable->as_string();
    blame.detail = "whether a " + what + " applies depends on " + blame.expression;
    return Outcome::undetermined(std::move(blame));
  }
  if (!outs.empty()) return combine(outs, false);
  blame.detail = "no " + what + " refers to it";
  return Outcome::fail(std::move(blame));
}

// What a resource type is, in one word: its last ("aws_cloudwatch_metric_alarm" -> "alarm",
// "aws_cloudtrail" -> "cloudtrail"); what a module named for such resources would say.
std::string noun_of(const std::string& type) {
  auto last = type.rfind('_');
  return last == std::string::npos ? std::string() : type.substr(last + 1);
}

// Whether a remote module source names `noun` (or its plural) as a word: the registry name
// of "ns/cloudtrail/aws" or the repository of "git::https://host/org/terraform-aws-cloudtrail.git".
bool source_names(std::string source, const std::string& noun) {
  if (source.rfind("./", 0) == 0 || source.rfind("../", 0) == 0 || noun.empty()) return false;
  source = source.substr(0, source.find_first_of("?#"));
  if (auto sub = source.find("//", source.find("://") == std::string::npos ? 0 : source.find("://") + 3);
      sub != std::string::npos)
    source = source.substr(0, sub);
  std::string word;
  auto flush = [&] {
    bool hit = word == noun || word == noun + "s";
    word.clear();
    return hit;
  };
  for (char ch : source) {
    if (ch == '/' || ch == '-' || ch == '_' || ch == '.' || ch == ':') {
      if (flush()) return true;
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
  }
  return flush();
}

// A module call whose remote source (not scanned) may declare a resource of `type`.
std::pair<const Document*, const Node*> remote_module_for(const std::string& type,
                                                          const std::vector<const Document*>& docs) {
  std::string noun = noun_of(type);
  for (const Document* doc : docs) {
    if (doc->format != Format::Terraform) continue;
    for (const auto& n : doc->root.children) {
      if (n.kind != "module") continue;
      const Attribute* src = n.attribute("source");
      if (src && src->value.is_string() && source_names(src->value.as_string(), noun)) return {doc, &n};
    }
  }
  return {nullptr, nullptr};
}

Outcome eval_exists(const Condition& c, const Node& here, const EvalContext& ctx) {
  std::vector<Outcome> outs;
  auto consider = [&](const Document* doc, const Node& other) {
    if (!matches_selector(other, c)) return;
    EvalContext sub{ctx.workspace, ctx.rule, *doc, ctx.module_documents, other, node_address(other), ctx.scope};
    outs.push_back(c.children.empty() ? Outcome::pass() : evaluate(c.children.front(), other, sub));
  };
  if (ctx.scope) {
    // When something matches, the answer is the scope's, whatever the subject: judge it once.
    std::optional<Outcome>& memo = ctx.scope->exists_memo(c);
    if (memo) return *memo;
    for (const auto& e : ctx.scope->matching(c)) consider(e.doc, *e.node);
    if (!outs.empty()) return *(memo = combine(outs, false));
  } else {
    for (const Document* doc : ctx.module_documents)
      for_each_node(doc->root, [&](const Node& other) { consider(doc, other); });
  }
  if (!outs.empty()) return combine(outs, false);
  Blame blame;
  blame.location = ctx.at(header_of(here));
  blame.detail = "no " + (c.types.empty() ? std::string("matching resource") : c.types.front());
  if (!c.types.empty()) {
    std::pair<const Document*, const Node*> found;
    if (ctx.scope) {
      auto& memo = ctx.scope->remote_memo(c);
      if (!memo) memo = remote_module_for(c.types.front(), ctx.module_documents);
      found = *memo;
    } else {
      found = remote_module_for(c.types.front(), ctx.module_documents);
    }
    if (auto [doc, call] = found; call) {
      blame.location = {doc->path, header_of(*call)};
      blame.expression = "module." + call->name + " (remote source " +
                         call->attribute("source")->value.as_string() + ", not scanned)";
      return Outcome::undetermined(std::move(blame));
    }
  }
  return Outcome::fail(std::move(blame));
}

}  // namespace

std::optional<bool> refers_to(const Value& via, const Node& subject) {
  return refers_to_impl(via, subject, {node_address(subject)});
}

Resolved resolve_path(const Node& node, std::string_view path) {
  Resolved out;
  out.range = header_of(node);
  const Node* cur = &node;
  while (!path.empty()) {
    auto dot = path.find('.');
    std::string_view seg = path.substr(0, dot);
    std::string_view rest = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    if (const Attribute* a = cur->attribute(seg)) {
      const Value* v = &a->value;
      while (v && !rest.empty() && !v->is_unknown()) {
        auto d = rest.find('.');
        std::string_view key = rest.substr(0, d);
        rest = d == std::string_view::npos ? std::string_view() : rest.substr(d + 1);
        if (v->is_list()) {
          size_t idx = 0;
          auto res = std::from_chars(key.data(), key.data() + key.size(), idx);
          v = (res.ec == std::errc() && idx < v->items().size()) ? &v->items()[idx] : nullptr;
        } else {
          v = v->get(key);
        }
      }
      out.value = v;
      if (v) out.range = v->range().begin.line ? v->range() : a->range;
      return out;
    }
    const Node* next = cur->child(seg);
    if (!next) return out;
    cur = next;
    out.range = header_of(*cur);
    path = rest;
  }
  return out;  // the path names a block, not a value
}

std::string node_address(const Node& n) {
  if (n.kind == "resource" && !n.type.empty()) return n.type + "." + n.name;
  if (n.kind == "data" && !n.type.empty()) return "data." + n.type + "." + n.name;
  if (n.kind == "module") return "module." + n.name;
  if (n.kind == "entry") return n.name;  // a .env key
  if (!n.name.empty()) return n.kind + " " + n.name;
  if (!n.type.empty()) return n.type;
  return n.kind;
}

Outcome evaluate(const Condition& c, const Node& here, const EvalContext& ctx) {
  switch (c.op) {
    case Condition::Op::Attribute: return eval_attribute(c, here, ctx);
    case Condition::Op::Block: return eval_block(c, here, ctx);
    case Condition::Op::All:
    case Condition::Op::Any: {
      std::vector<Outcome> outs;
      outs.reserve(c.children.size());
      for (const auto& child : c.children) outs.push_back(evaluate(child, here, ctx));
      return combine(outs, c.op == Condition::Op::All);
    }
    case Condition::Op::Not: {
      Outcome inner = evaluate(c.children.front(), here, ctx);
      if (inner.verdict == Verdict::Undetermined) return inner;
      if (inner.verdict == Verdict::Fail) return Outcome::pass();
      // Point at the attribute the negated test looked at, when there is one.
      const Condition& inner_c = c.children.front();
      Blame blame;
      blame.location = ctx.at(header_of(here));
      blame.detail = "a forbidden condition holds";
      if (inner_c.op == Condition::Op::Attribute) {
        Resolved r = resolve_path(here, inner_c.path);
        blame.location = ctx.at(r.range);
        blame.attribute = inner_c.path;
        if (r.value) blame.value = r.value->to_display();
        blame.detail = inner_c.path + " is " + (r.value ? blame.value : std::string("not set"));
      }
      return Outcome::fail(std::move(blame));
    }
    case Condition::Op::Related: return eval_related(c, here, ctx);
    case Condition::Op::Exists: return eval_exists(c, here, ctx);
    case Condition::Op::Predicate: {
      PredicateFn fn = find_predicate(c.path);
      if (!fn) return Outcome::pass();  // rejected at load time; unreachable
      EvalContext sub{ctx.workspace, ctx.rule, ctx.document, ctx.module_documents, here, ctx.address, ctx.scope};
      return fn(sub, c.args);
    }
  }
  return Outcome::pass();
}

double EvalContext::param(std::string_view name, double fallback) const {
  const Value* v = param_value(name);
  return v && v->is_number() ? v->as_number() : fallback;
}

const Value* EvalContext::param_value(std::string_view name) const {
  auto it = rule.params.find(std::string(name));
  return it == rule.params.end() ? nullptr : &it->second;
}

}  // namespace clearance
