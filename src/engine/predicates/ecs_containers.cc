// ECS container predicates that YAML cannot express:
// - `ecs_image_pinned`: the image names a tag other than `latest`, or a digest. An image
//   written with interpolations (`repo:${var.tag}`, from a Terraform heredoc or template) is
//   judged on its literal parts: a literal tag or digest decides; a tag (or a name that may
//   carry one) coming from an interpolation is undetermined.
// - `ecs_resources`: CPU and memory are allocated, at task level (`cpu`, `memory`) or on the
//   container (`cpu`; `memory` or `memoryReservation`). A value of 0 or "" allocates nothing;
//   an Unknown value counts as set.
#include <string>
#include <string_view>

#include "engine/predicates/predicates.h"

namespace clearance {

namespace {

constexpr char kHole = '\x01';  // stands for one interpolation while the image is split

// `text` with every `${...}` replaced by kHole, so `:`, `/` and `@` inside it do not count.
std::string mask_interpolations(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      int depth = 0;
      for (; i < text.size(); ++i) {
        if (text[i] == '{') ++depth;
        if (text[i] == '}' && --depth == 0) break;
      }
      out += kHole;
      continue;
    }
    out += text[i];
  }
  return out;
}

enum class Pin { Pinned, Latest, NoTag, Undecided };

// Judges `[registry[:port]/]name[:tag][@digest]`, holes standing for interpolations.
Pin judge_image(std::string_view ref) {
  auto has_hole = [](std::string_view s) { return s.find(kHole) != std::string_view::npos; };
  size_t at = ref.find('@');
  if (at != std::string_view::npos) {
    std::string_view digest = ref.substr(at + 1);
    if (has_hole(digest)) return Pin::Undecided;
    if (!digest.empty()) return Pin::Pinned;
    ref = ref.substr(0, at);
  }
  size_t slash = ref.rfind('/');
  size_t colon = ref.find(':', slash == std::string_view::npos ? 0 : slash + 1);
  if (colon == std::string_view::npos) {
    std::string_view name = slash == std::string_view::npos ? ref : ref.substr(slash + 1);
    return has_hole(name) ? Pin::Undecided : Pin::NoTag;  // a hole may bring its own tag
  }
  std::string_view tag = ref.substr(colon + 1);
  if (has_hole(tag)) return Pin::Undecided;
  if (tag.empty()) return Pin::NoTag;
  return tag == "latest" ? Pin::Latest : Pin::Pinned;
}

// True when `v` allocates something: present, not null, not "" and not 0.
bool allocates(const Attribute* a) {
  if (!a) return false;
  const Value& v = a->value;
  if (v.is_null()) return false;
  if (v.is_string()) return !v.as_string().empty() && v.as_string() != "0";
  if (v.is_number()) return v.as_number() > 0;
  return true;
}

// The task_definition node holding container `c` (see parse/ecs/ecs_parser.h), or nullptr.
const Node* task_of(const Document& doc, const Node& c) {
  for (const Node& task : doc.root.children)
    for (const Node& child : task.children)
      if (&child == &c) return &task;
  return nullptr;
}

}  // namespace

Outcome predicate_ecs_image_pinned(const EvalContext& ctx, const Value&) {
  const Node& c = ctx.subject;
  const Attribute* image = c.attribute("image");
  Blame b;
  b.attribute = "image";
  if (!image) {
    b.location = ctx.at({c.range.begin, c.range.begin});
    b.value = "(not set)";
    b.detail = "no image is set";
    return Outcome::fail(std::move(b));
  }
  const Value& v = image->value;
  b.location = ctx.at(v.range());
  b.value = v.is_unknown() ? v.as_string() : v.to_display();
  Pin pin = Pin::Undecided;
  if (v.is_string())
    pin = judge_image(v.as_string());
  else if (v.is_unknown() && v.as_string().find("${") != std::string::npos)
    pin = judge_image(mask_interpolations(v.as_string()));
  else if (!v.is_unknown())
    pin = Pin::NoTag;  // not a string: no tag either
  switch (pin) {
    case Pin::Pinned: return Outcome::pass();
    case Pin::Latest:
      b.detail = "image " + b.value + " uses the mutable `latest` tag";
      return Outcome::fail(std::move(b));
    case Pin::NoTag:
      b.detail = "image " + b.value + " has no tag, so it pulls `latest`";
      return Outcome::fail(std::move(b));
    case Pin::Undecided: break;
  }
  b.expression = v.as_string();
  b.detail = "the tag of image " + b.value + " is not known statically";
  return Outcome::undetermined(std::move(b));
}

Outcome predicate_ecs_resources(const EvalContext& ctx, const Value&) {
  const Node& c = ctx.subject;
  const Node* task = task_of(ctx.document, c);
  auto task_attr = [&](std::string_view n) { return task ? task->attribute(n) : nullptr; };
  bool cpu = allocates(task_attr("cpu")) || allocates(c.attribute("cpu"));
  bool memory = allocates(task_attr("memory")) || allocates(c.attribute("memory")) ||
                allocates(c.attribute("memoryReservation"));
  if (cpu && memory) return Outcome::pass();
  Blame b;
  b.location = ctx.at({c.range.begin, c.range.begin});
  std::string missing = !cpu && !memory ? "CPU or memory" : !cpu ? "CPU" : "memory";
  b.attribute = !cpu ? "cpu" : "memory";
  b.detail = "no " + missing + " allocated at task or container level";
  return Outcome::fail(std::move(b));
}

}  // namespace clearance
