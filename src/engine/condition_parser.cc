// Condition YAML -> Condition tree. Every key is checked: an unknown key is an error naming
// the valid choices, so a typo in a rule never silently weakens it.
#include "engine/condition_parser.h"

#include <re2/re2.h>

#include <array>
#include <utility>

#include "engine/yaml_value.h"

namespace clearance {

namespace {

using Test = Condition::Test;

constexpr std::array<std::pair<std::string_view, Test>, 19> kTests{{
    {"present", Test::Present},     {"equals", Test::Equals},
    {"not_equals", Test::NotEquals}, {"one_of", Test::OneOf},
    {"not_one_of", Test::NotOneOf}, {"gte", Test::Gte},
    {"gt", Test::Gt},               {"lte", Test::Lte},
    {"lt", Test::Lt},               {"min_length", Test::MinLength},
    {"max_length", Test::MaxLength}, {"matches", Test::Matches},
    {"not_matches", Test::NotMatches}, {"contains", Test::Contains},
    {"not_contains", Test::NotContains}, {"empty", Test::Empty},
    {"absent", Test::Absent},       {"not_empty", Test::NotEmpty},
    {"literal", Test::Literal},
}};

std::string at_line(const YAML::Node& n) { return " (line " + std::to_string(n.Mark().line + 1) + ")"; }

std::vector<std::string> string_list(const YAML::Node& n) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n.IsSequence()) {
    for (const auto& item : n) out.push_back(item.as<std::string>());
  } else {
    out.push_back(n.as<std::string>());
  }
  return out;
}

// Resolves "$name" operands (also inside lists) against the rule's params.
bool resolve_params(Value& v, const std::map<std::string, Value>& params, std::string& error) {
  if (v.is_string() && !v.as_string().empty() && v.as_string()[0] == '$') {
    auto it = params.find(v.as_string().substr(1));
    if (it == params.end()) {
      error = "unknown parameter '" + v.as_string() + "'";
      return false;
    }
    v = it->second;
    return true;
  }
  for (auto& item : v.items())
    if (!resolve_params(item, params, error)) return false;
  for (auto& m : v.members())
    if (!resolve_params(m.value, params, error)) return false;
  return true;
}

class Parser {
 public:
  Parser(const std::map<std::string, Value>& params, std::string& error)
      : params_(params), error_(error) {}

  bool parse(const YAML::Node& node, Condition& out, int depth = 0) {
    if (depth > 64) return fail("condition nested too deeply", node);
    if (!node.IsMap()) return fail("a condition must be a map", node);
    if (node["all"] || node["any"]) return parse_list(node, out, depth);
    if (node["not"]) {
      if (!only_keys(node, {"not"})) return false;
      out.op = Condition::Op::Not;
      out.children.emplace_back();
      return parse(node["not"], out.children.back(), depth + 1);
    }
    if (node["attribute"]) return parse_attribute(node, out);
    if (node["block"]) return parse_block(node, out, depth);
    if (node["related"]) return parse_related(node["related"], out, Condition::Op::Related, depth);
    if (node["exists"]) return parse_related(node["exists"], out, Condition::Op::Exists, depth);
    if (node["predicate"]) {
      if (!only_keys(node, {"predicate", "args"})) return false;
      out.op = Condition::Op::Predicate;
      out.path = node["predicate"].as<std::string>();
      out.args = node["args"] ? yaml_to_value(node["args"]) : Value::object({});
      if (!resolve_params(out.args, params_, error_)) return fail(error_, node);
      return true;
    }
    return fail("a condition needs one of: all, any, not, attribute, block, related, exists, predicate",
                node);
  }

 private:
  bool fail(const std::string& msg, const YAML::Node& n) {
    error_ = msg + at_line(n);
    return false;
  }

  bool only_keys(const YAML::Node& node, std::initializer_list<std::string_view> allowed) {
    for (const auto& kv : node) {
      auto key = kv.first.as<std::string>();
      bool ok = false;
      for (auto a : allowed) ok = ok || key == a;
      if (!ok) {
        std::string choices;
        for (auto a : allowed) choices += (choices.empty() ? "" : ", ") + std::string(a);
        return fail("unknown key '" + key + "' (valid here: " + choices + ")", kv.first);
      }
    }
    return true;
  }

  bool parse_list(const YAML::Node& node, Condition& out, int depth) {
    bool all = bool(node["all"]);
    if (!only_keys(node, {all ? "all" : "any"})) return false;
    const YAML::Node& items = node[all ? "all" : "any"];
    if (!items.IsSequence() || items.size() == 0)
      return fail(std::string(all ? "all" : "any") + " needs a non-empty list", items);
    out.op = all ? Condition::Op::All : Condition::Op::Any;
    for (const auto& item : items) {
      out.children.emplace_back();
      if (!parse(item, out.children.back(), depth + 1)) return false;
    }
    return true;
  }

  bool parse_attribute(const YAML::Node& node, Condition& out) {
    out.op = Condition::Op::Attribute;
    out.path = node["attribute"].as<std::string>();
    int tests = 0;
    for (const auto& kv : node) {
      auto key = kv.first.as<std::string>();
      if (key == "attribute") continue;
      if (key == "default") {
        out.has_default = true;
        out.default_value = yaml_to_value(kv.second);
        continue;
      }
      bool known = false;
      for (const auto& [name, test] : kTests) {
        if (name != key) continue;
        known = true;
        ++tests;
        out.test = test;
        out.operand = yaml_to_value(kv.second);
      }
      if (!known) {
        std::string choices = "attribute, default";
        for (const auto& [name, test] : kTests) choices += ", " + std::string(name);
        return fail("unknown key '" + key + "' (valid here: " + choices + ")", kv.first);
      }
    }
    if (tests > 1) return fail("an attribute condition takes one test", node);
    if (tests == 0) {
      out.test = Test::Present;
      out.operand = Value::boolean(true);
    }
    // present: false is the same test as absent: true.
    if (out.test == Test::Present && out.operand.is_bool() && !out.operand.as_bool()) {
      out.test = Test::Absent;
    } else if (out.test == Test::Absent && out.operand.is_bool() && !out.operand.as_bool()) {
      out.test = Test::Present;
    } else if (out.test == Test::Empty && out.operand.is_bool() && !out.operand.as_bool()) {
      out.test = Test::NotEmpty;
    }
    if (!resolve_params(out.operand, params_, error_)) return fail(error_, node);
    if (out.test == Test::Matches || out.test == Test::NotMatches) {
      if (!out.operand.is_string()) return fail("matches needs a string regex", node);
      auto re = std::make_shared<re2::RE2>(out.operand.as_string(), re2::RE2::Quiet);
      if (!re->ok()) return fail("bad regex: " + re->error(), node);
      out.regex = std::move(re);
    }
    bool numeric = out.test == Test::Gte || out.test == Test::Gt || out.test == Test::Lte ||
                   out.test == Test::Lt || out.test == Test::MinLength || out.test == Test::MaxLength;
    if (numeric && !out.operand.is_number()) return fail("this test needs a number", node);
    if (out.test == Test::Literal && !out.operand.is_bool()) return fail("literal needs true or false", node);
    if ((out.test == Test::OneOf || out.test == Test::NotOneOf) && !out.operand.is_list())
      return fail("one_of needs a list", node);
    return true;
  }

  bool parse_block(const YAML::Node& node, Condition& out, int depth) {
    if (!only_keys(node, {"block", "present", "every", "some"})) return false;
    out.op = Condition::Op::Block;
    out.path = node["block"].as<std::string>();
    out.quantifier = Condition::Quantifier::Present;
    if (node["present"] && !node["present"].as<bool>()) out.quantifier = Condition::Quantifier::Absent;
    const char* q = node["every"] ? "every" : node["some"] ? "some" : nullptr;
    if (q) {
      out.quantifier = node["every"] ? Condition::Quantifier::Every : Condition::Quantifier::Some;
      out.children.emplace_back();
      return parse(node[q], out.children.back(), depth + 1);
    }
    return true;
  }

  bool parse_related(const YAML::Node& node, Condition& out, Condition::Op op, int depth) {
    if (!node.IsMap()) return fail("related/exists needs a map", node);
    if (!only_keys(node, {"kind", "type", "name", "via", "where"})) return false;
    out.op = op;
    out.kinds = string_list(node["kind"]);
    out.types = string_list(node["type"]);
    out.names = string_list(node["name"]);
    if (op == Condition::Op::Related) {
      if (!node["via"]) return fail("related needs 'via' (the attribute that refers to the subject)", node);
      out.via = node["via"].as<std::string>();
    }
    if (node["where"]) {
      out.children.emplace_back();
      return parse(node["where"], out.children.back(), depth + 1);
    }
    return true;
  }

  const std::map<std::string, Value>& params_;
  std::string& error_;
};

}  // namespace

bool parse_condition(const YAML::Node& node, const std::map<std::string, Value>& params,
                     Condition& out, std::string& error) {
  try {
    return Parser(params, error).parse(node, out);
  } catch (const YAML::Exception& e) {
    error = std::string("bad condition: ") + e.what();
    return false;
  }
}

}  // namespace clearance
