// Normalising IAM policy documents from JSON, jsonencode literals and policy-document data
// sources into one statement list.
#include "engine/predicates/aws_policy.h"

#include "engine/scope_index.h"
#include "model/expression_literal.h"
#include "parse/json/json_reader.h"

namespace clearance {

namespace {

void append_values(const Value* v, std::vector<Value>& out) {
  if (!v) return;
  if (v->is_list()) {
    for (const auto& item : v->items()) out.push_back(item);
  } else {
    out.push_back(*v);
  }
}

std::vector<std::string> strings_of(const Value* v) {
  std::vector<std::string> out;
  if (!v) return out;
  if (v->is_list()) {
    for (const auto& item : v->items()) out.push_back(item.to_display());
  } else {
    out.push_back(v->to_display());
  }
  return out;
}

void json_statement(const Value& st, const Location& where, std::vector<PolicyStatement>& out) {
  if (!st.is_object()) return;
  PolicyStatement s;
  s.location = where;
  if (st.range().begin.line) s.location.range = st.range();
  if (const Value* e = st.get("Effect"); e && e->is_string()) s.effect = e->as_string();
  append_values(st.get("Action"), s.actions);
  append_values(st.get("NotAction"), s.not_actions);
  append_values(st.get("Resource"), s.resources);
  if (const Value* p = st.get("Principal")) {
    if (p->is_object()) append_values(p->get("AWS"), s.principals);
    else append_values(p, s.principals);
  }
  if (const Value* c = st.get("Condition"); c && c->is_object()) {
    for (const auto& test : c->members()) {
      if (!test.value.is_object()) continue;
      for (const auto& var : test.value.members())
        s.conditions.push_back({test.key, var.key, strings_of(&var.value)});
    }
    if (s.conditions.empty() && !c->members().empty()) s.conditions.push_back({"?", "?", {}});
  }
  out.push_back(std::move(s));
}

const Node* find_data_document(const EvalContext& ctx, const std::string& name, const Document*& doc) {
  for (const auto& [d, n] : top_level_nodes(ctx, "data", "aws_iam_policy_document")) {
    if (n->name == name) {
      doc = d;
      return n;
    }
  }
  return nullptr;
}

// A heredoc's text starts on the line after `<<EOF`; a quoted string's right after its quote.
Position heredoc_body_start(const Range& r, const std::string& source) {
  size_t line_start = 0;
  for (uint32_t l = 1; l < r.begin.line && line_start != std::string::npos; ++l) {
    line_start = source.find('\n', line_start);
    if (line_start != std::string::npos) ++line_start;
  }
  if (line_start == std::string::npos) return r.begin;
  size_t at = line_start + r.begin.column - 1;
  if (source.compare(at, 2, "<<") == 0) return {r.begin.line + 1, 1};
  return {r.begin.line, r.begin.column + 1};
}

}  // namespace

bool is_wildcard(const Value& v) {
  if (v.is_string()) return v.as_string() == "*";
  for (const auto& item : v.items())
    if (is_wildcard(item)) return true;
  return false;
}

std::vector<PolicyStatement> policy_document_statements(const Node& data, const std::string& path) {
  std::vector<PolicyStatement> out;
  for (const Node* st : data.children_of("statement")) {
    PolicyStatement s;
    s.location = {path, st->range};
    if (const Attribute* e = st->attribute("effect"); e && e->value.is_string()) s.effect = e->value.as_string();
    if (const Attribute* a = st->attribute("actions")) append_values(&a->value, s.actions);
    if (const Attribute* a = st->attribute("not_actions")) append_values(&a->value, s.not_actions);
    if (const Attribute* r = st->attribute("resources")) append_values(&r->value, s.resources);
    for (const Node* p : st->children_of("principals")) {
      const Attribute* type = p->attribute("type");
      bool aws_or_any = !type || !type->value.is_string() || type->value.as_string() == "AWS" ||
                        type->value.as_string() == "*";
      if (const Attribute* ids = p->attribute("identifiers"); ids && aws_or_any) append_values(&ids->value, s.principals);
    }
    for (const Node* c : st->children_of("condition")) {
      PolicyCondition pc;
      if (const Attribute* t = c->attribute("test")) pc.test = t->value.to_display();
      if (const Attribute* v = c->attribute("variable")) pc.variable = v->value.to_display();
      if (const Attribute* vals = c->attribute("values")) pc.values = strings_of(&vals->value);
      s.conditions.push_back(std::move(pc));
    }
    out.push_back(std::move(s));
  }
  return out;
}

bool policy_statements(const Value& policy, const Location& where, const EvalContext& ctx,
                       std::vector<PolicyStatement>& out, std::string& unknown_expression) {
  Value doc = unwrap_jsonencode(policy);
  if (doc.is_string()) {
    JsonReadOptions opts;
    opts.base = heredoc_body_start(doc.range(), ctx.document.source);
    JsonReadResult parsed = read_json(doc.as_string(), opts);
    if (!parsed.ok()) {
      unknown_expression = "policy text that is not JSON";
      return false;
    }
    doc = std::move(parsed.value);
  }
  if (doc.is_object()) {
    const Value* st = doc.get("Statement");
    if (!st) return true;
    if (st->is_unknown()) {
      unknown_expression = st->as_string();
      return false;
    }
    if (st->is_list()) {
      for (const auto& s : st->items()) json_statement(s, where, out);
    } else {
      json_statement(*st, where, out);
    }
    return true;
  }
  if (doc.is_unknown()) {
    // data.aws_iam_policy_document.NAME.json
    const std::string& text = doc.as_string();
    static const std::string kPrefix = "data.aws_iam_policy_document.";
    if (text.rfind(kPrefix, 0) == 0) {
      std::string rest = text.substr(kPrefix.size());
      std::string name = rest.substr(0, rest.find('.'));
      const Document* d = nullptr;
      if (const Node* data = find_data_document(ctx, name, d)) {
        auto st = policy_document_statements(*data, d->path);
        out.insert(out.end(), st.begin(), st.end());
        return true;
      }
    }
    unknown_expression = text;
    return false;
  }
  unknown_expression = doc.to_display();
  return false;
}

}  // namespace clearance
