// aws-rds-force-ssl: a PostgreSQL database uses a parameter group that sets rds.force_ssl=1.
// PostgreSQL 15 and later default to rds.force_ssl=1, so their default group passes.
#include <cstdlib>

#include "engine/evaluator.h"
#include "engine/predicates/predicates.h"
#include "engine/scope_index.h"

namespace clearance {

namespace {

// nullopt: not decided by this group (no such parameter); else whether it forces SSL.
std::optional<bool> group_forces_ssl(const Node& group) {
  for (const Node* p : group.children_of("parameter")) {
    const Attribute* name = p->attribute("name");
    const Attribute* value = p->attribute("value");
    if (!name || !name->value.is_string() || name->value.as_string() != "rds.force_ssl") continue;
    if (!value) return false;
    return value->value.to_display() == "1" || value->value.to_display() == "true";
  }
  return std::nullopt;
}

int major_version(const Attribute* v) {
  if (!v || !v->value.is_string()) return 0;
  return std::atoi(v->value.as_string().c_str());
}

}  // namespace

Outcome predicate_rds_force_ssl(const EvalContext& ctx, const Value&) {
  const Node& db = ctx.subject;
  bool cluster = db.type == "aws_rds_cluster";
  const char* group_attr = cluster ? "db_cluster_parameter_group_name" : "parameter_group_name";
  const char* group_type = cluster ? "aws_rds_cluster_parameter_group" : "aws_db_parameter_group";
  const Attribute* ref = db.attribute(group_attr);
  Blame b;
  b.location = ctx.at({db.range.begin, db.range.begin});
  if (!ref) {
    if (major_version(db.attribute("engine_version")) >= 15) return Outcome::pass();
    b.detail = "it uses the default parameter group, where rds.force_ssl is 0 before PostgreSQL 15";
    return Outcome::fail(std::move(b));
  }
  b.location = ctx.at(ref->range);
  for (const auto& [d, np] : top_level_nodes(ctx, "resource", group_type)) {
    const Node& n = *np;
    auto rel = refers_to(ref->value, n);
    if (!rel || !*rel) continue;
    auto forced = group_forces_ssl(n);
    if (forced && *forced) return Outcome::pass();
    b.detail = "its parameter group " + n.type + "." + n.name + " does not set rds.force_ssl = 1";
    return Outcome::fail(std::move(b));
  }
  b.expression = ref->value.is_unknown() ? ref->value.as_string() : ref->value.to_display();
  b.detail = "its parameter group " + b.expression + " is not defined here";
  return Outcome::undetermined(std::move(b));
}

}  // namespace clearance
