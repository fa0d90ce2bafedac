// Each check first decides from the item's words whether it applies, so an item it does not
// name stays untouched; then every subject found is evidence, matching or not.
#include "checklist/item_values.h"

#include <regex>
#include <string>

#include "checklist/matcher.h"

namespace clearance {

namespace {

bool has_word(const std::vector<std::string>& words, std::string_view w) {
  for (const auto& x : words)
    if (x == w) return true;
  return false;
}

std::string display(const Node& n, std::string_view attr) {
  const Attribute* a = n.attribute(attr);
  return a ? a->value.to_display() : std::string();
}

/// "python:3.9-slim" in an item about an image, compared with each Dockerfile FROM.
void named_image(std::string_view text, const std::vector<std::string>& words, const Workspace& ws,
                 ItemResult& r) {
  if (!has_word(words, "image")) return;
  static const std::regex kRef(
      R"(([a-z0-9][a-z0-9._/-]*[a-z][a-z0-9._/-]*):([A-Za-z0-9][A-Za-z0-9._-]*))");
  std::string s(text);
  std::smatch m;
  if (!std::regex_search(s, m, kRef)) return;
  std::string want = m[0].str();
  bool found = false, any = false;
  for (const auto& doc : ws.documents) {
    if (doc.format != Format::Dockerfile) continue;
    for (const auto& st : doc.root.children) {
      if (st.kind != "stage" || display(st, "from_stage") == "true") continue;
      any = true;
      std::string ref = display(st, "reference");
      bool same = ref == want || ref == "docker.io/library/" + want;
      found = found || same;
      r.evidence.push_back(
          {"FROM " + ref + (same ? " is " : " is not ") + want, Location{doc.path, st.range}});
    }
  }
  if (!any) return;
  r.rules.push_back("named-image");
  r.status = found ? ItemStatus::Verified : ItemStatus::Failed;
}

/// "Image tags use semantic versioning": every image a task definition runs has an x.y.z tag.
void semver_tags(const std::vector<std::string>& words, const Workspace& ws, ItemResult& r) {
  bool semver =
      has_word(words, "semver") || (has_word(words, "semantic") &&
                                    (has_word(words, "versioning") || has_word(words, "version")));
  if (!semver || !(has_word(words, "tag") || has_word(words, "image"))) return;
  static const std::regex kSemver(R"(v?\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?)");
  bool any = false, bad = false;
  for (const auto& doc : ws.documents) {
    if (doc.format != Format::Ecs) continue;
    std::vector<const Node*> stack{&doc.root};
    while (!stack.empty()) {
      const Node* n = stack.back();
      stack.pop_back();
      for (const auto& c : n->children) stack.push_back(&c);
      if (n->kind != "container") continue;
      std::string image = display(*n, "image");
      if (image.empty()) continue;
      any = true;
      size_t slash = image.rfind('/');
      size_t colon = image.find(':', slash == std::string::npos ? 0 : slash);
      std::string tag = colon == std::string::npos ? "" : image.substr(colon + 1);
      bool ok = std::regex_match(tag, kSemver);
      bad = bad || !ok;
      r.evidence.push_back({"container " + n->name + " runs " + image +
                                (ok            ? " (semantic version tag)"
                                 : tag.empty() ? " (no tag)"
                                               : " (tag `" + tag + "` is not a semantic version)"),
                            Location{doc.path, n->range}});
    }
  }
  if (!any) return;
  r.rules.push_back("semver-tags");
  r.status = bad ? ItemStatus::Failed : ItemStatus::Verified;
}

/// "Application code copied": the final image copies files in (COPY or ADD, either does).
void code_copied(const std::vector<std::string>& words, const Workspace& ws, ItemResult& r) {
  if (!has_word(words, "code") || !(has_word(words, "copied") || has_word(words, "copy"))) return;
  bool any = false, copied = false;
  for (const auto& doc : ws.documents) {
    if (doc.format != Format::Dockerfile) continue;
    any = true;
    for (const auto& st : doc.root.children)
      for (const auto& in : st.children)
        if (in.kind == "instruction" && (in.type == "COPY" || in.type == "ADD")) {
          copied = true;
          r.evidence.push_back({in.type + " copies files into stage " +
                                    (st.name.empty() ? display(st, "reference") : st.name),
                                Location{doc.path, in.range}});
        }
    if (!copied) r.evidence.push_back({"no COPY or ADD instruction", Location{doc.path, {}}});
  }
  if (!any) return;
  r.rules.push_back("code-copied");
  r.status = copied ? ItemStatus::Verified : ItemStatus::Failed;
}

}  // namespace

ItemResult judge_named_values(std::string_view text, const Workspace& ws) {
  ItemResult r;
  std::vector<std::string> words = item_words(text);
  named_image(text, words, ws, r);
  if (r.rules.empty()) semver_tags(words, ws, r);
  if (r.rules.empty()) code_copied(words, ws, r);
  if (r.rules.empty()) r.evidence.clear();
  return r;
}

}  // namespace clearance
