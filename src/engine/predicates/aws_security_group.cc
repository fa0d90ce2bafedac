// aws-sg-no-public-admin-ports / aws-sg-no-public-data-ports: ingress open to the whole
// internet (0.0.0.0/0 or ::/0) on given ports, or on every port. Reads the three ways
// Terraform writes ingress: inline `ingress` blocks, aws_security_group_rule (type ingress),
// and aws_vpc_security_group_ingress_rule.
#include <optional>

#include "engine/predicates/predicates.h"

namespace clearance {

namespace {

bool is_world(const Value& v) {
  if (v.is_string()) return v.as_string() == "0.0.0.0/0" || v.as_string() == "::/0";
  for (const auto& item : v.items())
    if (is_world(item)) return true;
  return false;
}

std::optional<double> number_of(const Attribute* a) {
  if (!a) return std::nullopt;
  if (a->value.is_number()) return a->value.as_number();
  if (a->value.is_string()) {
    char* end = nullptr;
    double d = std::strtod(a->value.as_string().c_str(), &end);
    if (end && *end == '\0' && !a->value.as_string().empty()) return d;
  }
  return std::nullopt;
}

struct IngressCheck {
  const EvalContext& ctx;
  std::vector<double> ports;
  bool all_ports;
  Outcome out;

  // One ingress definition: the node holding the fields, and the names of its fields.
  void ingress(const Node& n, std::initializer_list<const char*> cidr_attrs, const char* protocol_attr) {
    const Attribute* world = nullptr;
    for (const char* name : cidr_attrs) {
      const Attribute* a = n.attribute(name);
      if (!a) continue;
      if (a->value.contains_unknown() && !is_world(a->value)) {
        undetermined(n, a->value, "the source " + std::string(name) + " is unknown");
        return;
      }
      if (is_world(a->value)) world = a;
    }
    if (!world) return;
    const Attribute* proto = n.attribute(protocol_attr);
    bool every_protocol = proto && (proto->value.to_display() == "-1" || proto->value.to_display() == "all");
    auto from = number_of(n.attribute("from_port"));
    auto to = number_of(n.attribute("to_port"));
    if (!every_protocol && (!from || !to)) {
      const Attribute* a = n.attribute("from_port");
      if (a && a->value.is_unknown()) undetermined(n, a->value, "the port range is unknown");
      return;
    }
    bool whole_range = every_protocol || (*from <= 0 && *to >= 65535);
    if (whole_range && all_ports) {
      fail(*world, "allows every port from " + world->value.to_display());
      return;
    }
    for (double p : ports) {
      if (whole_range || (*from <= p && p <= *to)) {
        fail(*world, "allows port " + std::to_string(static_cast<int>(p)) + " from " + world->value.to_display());
        return;
      }
    }
  }

  void fail(const Attribute& where, std::string detail) {
    Blame b;
    b.location = ctx.at(where.range);
    b.detail = std::move(detail);
    if (out.verdict != Verdict::Fail) out.blames.clear();
    out.verdict = Verdict::Fail;
    out.blames.push_back(std::move(b));
  }

  void undetermined(const Node& n, const Value& v, std::string detail) {
    if (out.verdict == Verdict::Fail) return;
    Blame b;
    b.location = ctx.at(v.range().begin.line ? v.range() : n.range);
    b.expression = v.as_string();
    b.detail = std::move(detail);
    out.verdict = Verdict::Undetermined;
    out.blames.push_back(std::move(b));
  }
};

}  // namespace

Outcome predicate_sg_public_ingress(const EvalContext& ctx, const Value& args) {
  IngressCheck check{ctx, {}, false, {}};
  if (const Value* ports = args.get("ports"))
    for (const auto& p : ports->items())
      if (p.is_number()) check.ports.push_back(p.as_number());
  if (const Value* all = args.get("all_ports")) check.all_ports = all->is_bool() && all->as_bool();
  const Node& n = ctx.subject;
  if (n.type == "aws_security_group") {
    for (const Node* ingress : n.children_of("ingress"))
      check.ingress(*ingress, {"cidr_blocks", "ipv6_cidr_blocks"}, "protocol");
  } else if (n.type == "aws_security_group_rule") {
    const Attribute* type = n.attribute("type");
    if (type && type->value.is_string() && type->value.as_string() == "ingress")
      check.ingress(n, {"cidr_blocks", "ipv6_cidr_blocks"}, "protocol");
  } else if (n.type == "aws_vpc_security_group_ingress_rule") {
    check.ingress(n, {"cidr_ipv4", "cidr_ipv6"}, "ip_protocol");
  }
  return check.out;
}

}  // namespace clearance
