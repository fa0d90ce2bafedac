// SecretScanMemo: the secret scan of a document, done once for all secret rules. The engine
// calls the `secret_scan` predicate once per rule per document; the first call scans and the
// others reuse the hits.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/workspace.h"
#include "model/document.h"
#include "secrets/hit.h"

namespace clearance {

/// Per-document scan results of the current run, shared by the secret rules.
class SecretScanMemo {
 public:
  /// The hits of `doc`, scanning it if no rule of this run has yet. Thread-safe.
  std::shared_ptr<const std::vector<secrets::SecretHit>> hits(const Workspace& ws,
                                                              const Document& doc,
                                                              std::string_view rule_id);
  /// Forgets everything (a new run).
  void clear();
  /// The process-wide memo.
  static SecretScanMemo& instance();

 private:
  struct Entry;
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace clearance
