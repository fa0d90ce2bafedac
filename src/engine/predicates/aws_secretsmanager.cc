// aws-secretsmanager-rotation: a `rotation_rules` block rotates at least every max_days days.
// The interval is `automatically_after_days` or a `schedule_expression` of rate(N days|hours);
// a cron(...) schedule is accepted as written (its period is not computed).
#include <cstdlib>
#include <string>

#include "engine/predicates/predicates.h"

namespace clearance {

Outcome predicate_rotation_within(const EvalContext& ctx, const Value& args) {
  double max_days = 90;
  if (const Value* m = args.get("max_days"); m && m->is_number()) max_days = m->as_number();
  const Node& rules = ctx.subject;
  auto undetermined = [&](const Attribute& a) {
    Blame b;
    b.location = ctx.at(a.range);
    b.expression = a.value.as_string();
    b.detail = " (the interval depends on " + a.value.as_string() + ")";
    return Outcome::undetermined(std::move(b));
  };
  auto fail = [&](const Attribute& a, const std::string& what) {
    Blame b;
    b.location = ctx.at(a.range);
    b.value = a.value.to_display();
    b.detail = " (" + what + ")";
    return Outcome::fail(std::move(b));
  };
  if (const Attribute* days = rules.attribute("automatically_after_days")) {
    if (days->value.is_unknown()) return undetermined(*days);
    double d = days->value.is_number() ? days->value.as_number() : std::atof(days->value.to_display().c_str());
    if (d > 0 && d <= max_days) return Outcome::pass();
    return fail(*days, "every " + days->value.to_display() + " days");
  }
  if (const Attribute* expr = rules.attribute("schedule_expression")) {
    if (expr->value.is_unknown()) return undetermined(*expr);
    const std::string s = expr->value.to_display();
    if (s.rfind("cron(", 0) == 0) return Outcome::pass();
    if (s.rfind("rate(", 0) == 0) {
      char* end = nullptr;
      double n = std::strtod(s.c_str() + 5, &end);
      std::string unit = end ? std::string(end) : "";
      while (!unit.empty() && unit.front() == ' ') unit.erase(unit.begin());
      double d = unit.rfind("hour", 0) == 0 ? n / 24 : unit.rfind("day", 0) == 0 ? n : -1;
      if (d > 0 && d <= max_days) return Outcome::pass();
      return fail(*expr, s);
    }
    return fail(*expr, "an unrecognised schedule " + s);
  }
  Blame b;
  b.location = ctx.at({rules.range.begin, rules.range.begin});
  b.detail = " (no interval)";
  return Outcome::fail(std::move(b));
}

}  // namespace clearance
