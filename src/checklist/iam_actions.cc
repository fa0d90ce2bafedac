// IAM action lists under an "ECS Task Role" item. The role comes from the task definition's
// task_role_arn (a reference `aws_iam_role.X.arn`, or an ARN naming the role); its policies are
// the aws_iam_role_policy resources on it and the aws_iam_policy resources attached to it.
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "checklist/normalise.h"
#include "checklist/value_checks.h"
#include "model/expression_literal.h"

namespace clearance {

namespace {

struct Grant {
  std::string action;
  Location location;
};

struct Policies {
  std::vector<Grant> grants;
  std::vector<Evidence> unreadable;  ///< policies that could not be read
  std::vector<Evidence> roles;       ///< the roles found
};

bool glob_match(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  auto eq = [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  };
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || eq(pattern[p], text[t]))) {
      ++p, ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++, mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1, t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

/// "aws_iam_role.ecs_task.arn" -> "ecs_task" for prefix "aws_iam_role."
std::string referenced_name(const Value& v, std::string_view prefix) {
  const std::string& text = v.as_string();
  size_t at = text.find(prefix);
  if (at == std::string::npos) return {};
  size_t start = at + prefix.size();
  size_t end = text.find('.', start);
  return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

void add_json_actions(const nlohmann::json& j, const Location& where, std::vector<Grant>& out) {
  if (!j.is_object() || !j.contains("Statement")) return;
  auto statements =
      j["Statement"].is_array() ? j["Statement"] : nlohmann::json::array({j["Statement"]});
  for (const auto& s : statements) {
    if (!s.is_object() || s.value("Effect", "Allow") != "Allow" || !s.contains("Action")) continue;
    const auto& a = s["Action"];
    if (a.is_string()) out.push_back({a.get<std::string>(), where});
    if (a.is_array())
      for (const auto& x : a)
        if (x.is_string()) out.push_back({x.get<std::string>(), where});
  }
}

/// Reads the actions of a `policy` attribute; false when it cannot be known.
bool read_policy(const Attribute& policy, const std::string& path, std::vector<Grant>& out) {
  Value v = unwrap_jsonencode(policy.value);
  if (v.is_string()) {
    auto j = nlohmann::json::parse(v.as_string(), nullptr, false);
    if (j.is_discarded()) return false;
    add_json_actions(j, {path, policy.range}, out);
    return true;
  }
  if (!v.is_object()) return false;
  const Value* statements = v.get("Statement");
  if (!statements) return false;
  std::vector<Value> list =
      statements->is_list() ? statements->items() : std::vector<Value>{*statements};
  for (const auto& s : list) {
    const Value* effect = s.get("Effect");
    if (effect && effect->is_string() && effect->as_string() != "Allow") continue;
    const Value* action = s.get("Action");
    if (!action) continue;
    if (action->is_unknown()) return false;
    std::vector<Value> actions = action->is_list() ? action->items() : std::vector<Value>{*action};
    for (const auto& a : actions) {
      if (!a.is_string()) return false;
      out.push_back({a.as_string(), {path, a.range()}});
    }
  }
  return true;
}

struct Resource {
  const Node* node;
  const Document* doc;
};

std::vector<Resource> resources(const Workspace& ws, std::string_view type) {
  std::vector<Resource> out;
  for (const auto& doc : ws.documents) {
    if (doc.format != Format::Terraform || !doc.checked) continue;
    for (const auto& n : doc.root.children)
      if (n.kind == "resource" && n.type == type) out.push_back({&n, &doc});
  }
  return out;
}

/// True when `ref` (a role attribute) names role resource `role` (by reference or name).
bool names_role(const Value& ref, const Resource& role) {
  if (ref.is_unknown()) return referenced_name(ref, "aws_iam_role.") == role.node->name;
  const Attribute* name = role.node->attribute("name");
  if (!ref.is_string() || !name || !name->value.is_string()) return false;
  const std::string& r = ref.as_string();
  const std::string& n = name->value.as_string();
  return r == n || (r.size() > n.size() && r.ends_with("/" + n));
}

Policies role_policies(const Workspace& ws, bool execution_role) {
  Policies out;
  const char* attr = execution_role ? "execution_role_arn" : "task_role_arn";
  std::vector<Resource> roles;
  auto all_roles = resources(ws, "aws_iam_role");
  for (const auto& td : resources(ws, "aws_ecs_task_definition")) {
    const Attribute* a = td.node->attribute(attr);
    if (!a) continue;
    for (const auto& r : all_roles)
      if (names_role(a->value, r) &&
          std::none_of(roles.begin(), roles.end(),
                       [&](const Resource& x) { return x.node == r.node; }))
        roles.push_back(r);
  }
  for (const auto& role : roles) {
    out.roles.push_back(
        {"role aws_iam_role." + role.node->name, {role.doc->path, role.node->range}});
    for (const auto& p : resources(ws, "aws_iam_role_policy")) {
      const Attribute* r = p.node->attribute("role");
      const Attribute* policy = p.node->attribute("policy");
      if (!r || !policy || !names_role(r->value, role)) continue;
      if (!read_policy(*policy, p.doc->path, out.grants))
        out.unreadable.push_back({"aws_iam_role_policy." + p.node->name + ": policy is `" +
                                      policy->value.as_string() + "`",
                                  {p.doc->path, policy->range}});
    }
    for (const auto& att : resources(ws, "aws_iam_role_policy_attachment")) {
      const Attribute* r = att.node->attribute("role");
      const Attribute* arn = att.node->attribute("policy_arn");
      if (!r || !arn || !names_role(r->value, role)) continue;
      std::string policy_name =
          arn->value.is_unknown() ? referenced_name(arn->value, "aws_iam_policy.") : "";
      bool read = false;
      for (const auto& pol : resources(ws, "aws_iam_policy")) {
        if (pol.node->name != policy_name) continue;
        if (const Attribute* doc = pol.node->attribute("policy"))
          read = read_policy(*doc, pol.doc->path, out.grants);
      }
      if (!read)
        out.unreadable.push_back(
            {"attached policy `" + arn->value.to_display() + "` cannot be read statically",
             {att.doc->path, arn->range}});
    }
  }
  return out;
}

}  // namespace

ListResult judge_iam_actions(const std::vector<std::string>& child_texts, bool execution_role,
                             const Workspace& ws) {
  ListResult out;
  out.parent.rules = {"iam-actions"};
  Policies policies = role_policies(ws, execution_role);
  std::vector<std::string> wanted;
  for (const auto& t : child_texts) wanted.push_back(bare_item_text(t));
  bool any_missing = false;
  for (const auto& action : wanted) {
    ItemResult r;
    r.rules = {"iam-actions"};
    for (const auto& g : policies.grants)
      if (glob_match(g.action, action))
        r.evidence.push_back({"granted by `" + g.action + "`", g.location});
    if (!r.evidence.empty()) {
      r.status = ItemStatus::Verified;
    } else if (!policies.unreadable.empty()) {
      r.status = ItemStatus::Undetermined;
      r.evidence = policies.unreadable;
    } else {
      r.status = ItemStatus::Failed;
      any_missing = true;
      r.evidence.push_back({action + " is not granted to the role", {}});
    }
    out.children.push_back(std::move(r));
  }
  out.parent.evidence = policies.roles;
  if (policies.roles.empty()) {
    out.parent.status = ItemStatus::Failed;
    out.parent.evidence.push_back(
        {std::string("no aws_ecs_task_definition names an aws_iam_role as ") +
             (execution_role ? "execution_role_arn" : "task_role_arn"),
         {}});
    return out;
  }
  bool extra = false;
  for (const auto& g : policies.grants) {
    bool listed = std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
      return w.size() == g.action.size() && glob_match(g.action, w);
    });
    if (!listed) {
      extra = true;
      out.parent.evidence.push_back(
          {"extra permission `" + g.action + "` (not in the list: least privilege)", g.location});
    }
  }
  for (size_t i = 0; i < wanted.size(); ++i)
    if (out.children[i].status == ItemStatus::Failed)
      out.parent.evidence.push_back({"missing permission `" + wanted[i] + "`", {}});
  if (any_missing || extra) {
    out.parent.status = ItemStatus::Failed;
  } else if (!policies.unreadable.empty()) {
    out.parent.status = ItemStatus::Undetermined;
    for (const auto& u : policies.unreadable) out.parent.evidence.push_back(u);
  } else {
    out.parent.status = ItemStatus::Verified;
  }
  return out;
}

}  // namespace clearance
