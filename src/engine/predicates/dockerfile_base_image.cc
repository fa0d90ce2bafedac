// Dockerfile predicate: a base image is pinned. A digest pins it exactly; otherwise a tag
// other than `latest` is required (no tag means `latest`). A tag or digest that depends on a
// build argument without a default cannot be judged and is undetermined. Stages built FROM
// an earlier stage and `scratch` are excluded by the rule's `where`.
#include <string>

#include "engine/predicates/dockerfile_stages.h"
#include "engine/predicates/predicates.h"

namespace clearance {

Outcome predicate_dockerfile_pinned_image(const EvalContext& ctx, const Value&) {
  const Node& s = ctx.subject;
  const Attribute* digest = s.attribute("digest");
  const Attribute* tag = s.attribute("tag");
  const Attribute* ref = s.attribute("reference");
  Blame b;
  b.location = ctx.at(ref ? ref->range : s.range);
  b.value = ref ? ref->value.as_string() : s.type;
  if (digest && digest->value.is_string() && !digest->value.as_string().empty())
    return Outcome::pass();
  if (digest && digest->value.is_unknown()) {
    b.attribute = "digest";
    b.expression = digest->value.as_string();
    b.detail = "the digest of " + b.value + " depends on a build argument without a default";
    return Outcome::undetermined(std::move(b));
  }
  b.attribute = "tag";
  if (tag && tag->value.is_unknown()) {
    b.expression = tag->value.as_string();
    b.detail = "the tag of " + b.value + " depends on a build argument without a default";
    return Outcome::undetermined(std::move(b));
  }
  std::string t = tag ? tag->value.as_string() : "";
  if (!t.empty() && t != "latest") return Outcome::pass();
  b.detail = t.empty() ? "base image " + b.value + " has no tag (it means latest)"
                       : "base image " + b.value + " uses the latest tag";
  return Outcome::fail(std::move(b));
}

}  // namespace clearance
