// The `secret_scan` predicate: one Blame per secret that the named detector's rule owns in
// the subject's document. The secret itself never leaves this function: the blame carries
// its range, a redacted snippet, a redacted detail, and its SHA-256 as fingerprint seed.
#include "engine/predicates/predicates.h"
#include "engine/predicates/secret_memo.h"
#include "engine/redact.h"
#include "secrets/redaction.h"

namespace clearance {

Outcome predicate_secret_scan(const EvalContext& ctx, const Value& args) {
  const Value* detector = args.get("detector");
  std::string rule_id =
      detector && detector->is_string() ? "secret-" + detector->as_string() : ctx.rule.id;
  auto hits = SecretScanMemo::instance().hits(ctx.workspace, ctx.document, ctx.rule.id);
  Outcome out;
  const std::string& text = ctx.document.source;
  for (const auto& h : *hits) {
    if (h.rule_id != rule_id) continue;
    std::string_view raw = secrets::previewable(text, h);
    std::string preview = raw.empty() ? std::string() : redact_preview(raw);
    Blame b;
    b.location = ctx.at(h.range);
    b.detail = secrets::describe(text, h, preview);
    b.attribute = h.name;
    b.snippet = secrets::redacted_snippet(text, h, preview);
    b.fingerprint_seed = h.sha256;
    out.blames.push_back(std::move(b));
  }
  if (!out.blames.empty()) out.verdict = Verdict::Fail;
  return out;
}

}  // namespace clearance
