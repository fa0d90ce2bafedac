// Dockerfile predicates about the image that runs: which stage is final, who it runs as, and
// whether it has a health check. Both settings are inherited from an earlier stage the final
// stage is built FROM; a base image from a registry is not inspected, so a Dockerfile that
// never sets USER is reported even when its base image happens to set one.
#include <string>

#include "engine/predicates/dockerfile_stages.h"
#include "engine/predicates/predicates.h"

namespace clearance {

namespace {

using namespace dockerfile_stages;

Range header(const Node& stage) {
  return stage.children.empty() ? stage.range : stage.children.front().range;
}

bool is_root_user(const std::string& user) {
  if (user == "root" || upper(user) == "CONTAINERADMINISTRATOR") return true;
  return !user.empty() && user.find_first_not_of('0') == std::string::npos;  // uid 0
}

}  // namespace

Outcome predicate_dockerfile_final_stage(const EvalContext& ctx, const Value&) {
  if (final_stage(ctx.document) == &ctx.subject) return Outcome::pass();
  return Outcome::fail({});
}

Outcome predicate_dockerfile_in_final_image(const EvalContext& ctx, const Value&) {
  const Node* stage =
      ctx.subject.kind == "stage" ? &ctx.subject : stage_of(ctx.document, ctx.subject);
  for (const Node* s : lineage(ctx.document, final_stage(ctx.document)))
    if (s == stage) return Outcome::pass();
  return Outcome::fail({});
}

Outcome predicate_dockerfile_non_root_user(const EvalContext& ctx, const Value&) {
  const Node* user = last_inherited(ctx.document, &ctx.subject, "USER");
  Blame b;
  b.attribute = "USER";
  if (!user) {
    b.location = ctx.at(header(ctx.subject));
    b.detail = "no USER instruction: the container runs as root";
    return Outcome::fail(std::move(b));
  }
  const Attribute* name = user->attribute("user");
  std::string who = name ? name->value.as_string() : "";
  b.location = ctx.at(name ? name->range : user->range);
  b.value = attr(*user, "command");
  if (who.find('$') != std::string::npos) {
    b.expression = who;
    b.detail = "USER " + who + " depends on a build argument";
    return Outcome::undetermined(std::move(b));
  }
  if (!is_root_user(who)) return Outcome::pass();
  b.detail = "the last USER is " + who + ": the container runs as root";
  return Outcome::fail(std::move(b));
}

Outcome predicate_dockerfile_healthcheck(const EvalContext& ctx, const Value&) {
  const Node* hc = last_inherited(ctx.document, &ctx.subject, "HEALTHCHECK");
  Blame b;
  b.attribute = "HEALTHCHECK";
  if (!hc) {
    b.location = ctx.at(header(ctx.subject));
    b.detail = "no HEALTHCHECK instruction";
    return Outcome::fail(std::move(b));
  }
  if (upper(attr(*hc, "subcommand")) == "CMD" && !attr(*hc, "command").empty())
    return Outcome::pass();
  b.location = ctx.at(hc->range);
  b.detail = upper(attr(*hc, "subcommand")) == "NONE" ? "HEALTHCHECK NONE disables the health check"
                                                      : "HEALTHCHECK has no command";
  return Outcome::fail(std::move(b));
}

}  // namespace clearance
