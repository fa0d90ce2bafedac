// aws-sg-no-public-admin-ports / aws-sg-no-public-data-ports: ingress open to the whole
// internet (0.0.0.0/0 or ::/0) on given ports, or on every port. Reads the three ways
// Terraform writes ingress: inline `ingress` blocks, an `ingress = [{ ... }]` attribute list,
// aws_security_group_rule (type ingress), and aws_vpc_security_group_ingress_rule.
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

// The fields of one ingress definition: a block or resource (attributes), or one object of an
// `ingress = [{ ... }]` attribute list.
struct Fields {
  const Node* node = nullptr;
  const Value* object = nullptr;
  const Value* get(const char* name) const {
    if (node) {
      const Attribute* a = node->attribute(name);
      return a ? &a->value : nullptr;
    }
    return object ? object->get(name) : nullptr;
  }
};

std::optional<double> number_of(const Value* v) {
  if (!v) return std::nullopt;
  if (v->is_number()) return v->as_number();
  if (v->is_string()) {
    char* end = nullptr;
    double d = std::strtod(v->as_string().c_str(), &end);
    if (end && *end == '\0' && !v->as_string().empty()) return d;
  }
  return std::nullopt;
}

struct IngressCheck {
  const EvalContext& ctx;
  std::vector<double> ports;
  bool all_ports;
  Outcome out;

  // One ingress definition: where its fields are, and the names of its fields.
  void ingress(const Node& n, const Fields& f, std::initializer_list<const char*> cidr_attrs,
               const char* protocol_attr) {
    const Value* world = nullptr;
    for (const char* name : cidr_attrs) {
      const Value* a = f.get(name);
      if (!a) continue;
      if (a->contains_unknown() && !is_world(*a)) {
        undetermined(n, *a, "the source " + std::string(name) + " is unknown");
        return;
      }
      if (is_world(*a)) world = a;
    }
    if (!world) return;
    const Value* proto = f.get(protocol_attr);
    if (proto && proto->is_unknown()) {
      undetermined(n, *proto, "the protocol is unknown");
      return;
    }
    std::string p = proto ? proto->to_display() : "";
    if (p == "icmp" || p == "icmpv6" || p == "1" || p == "58") return;  // ICMP has no ports
    bool every_protocol = p == "-1" || p == "all";
    auto from = number_of(f.get("from_port"));
    auto to = number_of(f.get("to_port"));
    if (!every_protocol && (!from || !to)) {
      const Value* a = f.get("from_port");
      const Value* b = f.get("to_port");
      if (a && a->is_unknown()) undetermined(n, *a, "the port range is unknown");
      else if (b && b->is_unknown()) undetermined(n, *b, "the port range is unknown");
      return;
    }
    bool whole_range = every_protocol || (*from <= 0 && *to >= 65535);
    Range where = world->range().begin.line ? world->range() : n.range;
    if (whole_range && all_ports) {
      fail(where, "allows every port from " + world->to_display());
      return;
    }
    for (double port : ports) {
      if (whole_range || (*from <= port && port <= *to)) {
        fail(where, "allows port " + std::to_string(static_cast<int>(port)) + " from " + world->to_display());
        return;
      }
    }
  }

  void fail(const Range& where, std::string detail) {
    Blame b;
    b.location = ctx.at(where);
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
  const std::initializer_list<const char*> cidrs = {"cidr_blocks", "ipv6_cidr_blocks"};
  if (n.type == "aws_security_group") {
    for (const Node* ingress : n.children_of("ingress")) check.ingress(n, Fields{ingress, nullptr}, cidrs, "protocol");
    if (const Attribute* list = n.attribute("ingress")) {
      if (list->value.is_unknown()) check.undetermined(n, list->value, "the ingress list is unknown");
      for (const auto& item : list->value.items())
        if (item.is_object()) check.ingress(n, Fields{nullptr, &item}, cidrs, "protocol");
        else if (item.is_unknown()) check.undetermined(n, item, "an ingress entry is unknown");
    }
  } else if (n.type == "aws_security_group_rule") {
    const Attribute* type = n.attribute("type");
    if (type && type->value.is_string() && type->value.as_string() == "ingress")
      check.ingress(n, Fields{&n, nullptr}, cidrs, "protocol");
    else if (type && type->value.is_unknown())
      check.undetermined(n, type->value, "the rule type is unknown");
  } else if (n.type == "aws_vpc_security_group_ingress_rule") {
    check.ingress(n, Fields{&n, nullptr}, {"cidr_ipv4", "cidr_ipv6"}, "ip_protocol");
  }
  return check.out;
}

}  // namespace clearance
