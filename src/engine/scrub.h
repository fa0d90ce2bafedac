// Scrubbing: the last step before any output. Snippets, messages and evidence are built from
// source lines and values; a line a non-secret rule reports may also hold a secret (a token
// in a RUN line, a password beside the attribute a rule judged). Every text that goes to an
// output passes through here: the secret detectors run on it and on the source line it came
// from, and every secret they find is replaced by its redacted preview wherever it occurs.
// Only output text is scanned, so the cost follows the number of findings, not the tree.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"
#include "engine/workspace.h"

namespace clearance {

/// `text` with every secret found in it, or in `context` (the source it was taken from), replaced
/// by its redacted preview; key blocks and their lines become "[redacted key block]".
std::string scrub_secrets(std::string_view text, std::string_view context = {});

/// Scrubs texts taken from the documents of one workspace, with the lines they came from as
/// context. Build one per output step: it indexes each document's lines on first use.
class SecretScrubber {
 public:
  explicit SecretScrubber(const Workspace& ws);
  ~SecretScrubber();
  SecretScrubber(const SecretScrubber&) = delete;
  SecretScrubber& operator=(const SecretScrubber&) = delete;

  /// `text`, taken from (or about) `where`, scrubbed.
  std::string scrub(std::string_view text, const Location& where);
  /// A finding's message, snippet, expression and subject (its fingerprint is kept).
  void scrub(Finding& finding);
  /// A diagnostic's message.
  void scrub(Diagnostic& diagnostic);

 private:
  struct Lines;
  std::unique_ptr<Lines> lines_;
};

/// Scrubs the message, snippet and expression of every finding, with the finding's source line
/// as context. Fingerprints are left as they are.
void scrub_findings(std::vector<Finding>& findings, const Workspace& ws);

/// Scrubs every diagnostic's message, with its source line as context.
void scrub_diagnostics(std::vector<Diagnostic>& diagnostics, const Workspace& ws);

}  // namespace clearance
