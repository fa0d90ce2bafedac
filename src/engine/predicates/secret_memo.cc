// The memo is keyed by document address. Addresses are reused between runs (a test runner
// builds one workspace after another at the same place), so an entry also records what it
// was computed from: the workspace identity, the source buffer, its size and a hash of its
// first and last bytes. And since each rule asks about each document exactly once per run,
// a rule asking a second time means a new run: the entry is recomputed.
#include "engine/predicates/secret_memo.h"

#include <map>
#include <mutex>
#include <set>

#include "engine/fingerprint.h"
#include "secrets/scanner.h"

namespace clearance {

namespace {

struct Identity {
  const Workspace* ws = nullptr;
  const Document* documents = nullptr;
  size_t count = 0;
  std::string root;
  bool operator==(const Identity&) const = default;
};

uint64_t sample_hash(const std::string& s) {
  constexpr size_t kEdge = 256;
  uint64_t h = fnv1a64(std::string_view(s).substr(0, kEdge));
  if (s.size() > kEdge) h = fnv1a64(std::string_view(s).substr(s.size() - kEdge), h);
  return h ^ s.size();
}

// Module instances and derived views (ECS definitions inside Terraform) repeat a file's path
// next to it in the workspace's path order; only the first checked one with bytes is scanned,
// so a secret is one finding.
bool is_primary(const Workspace& ws, const Document& doc) {
  const Document* first = ws.documents.data();
  if (&doc < first || &doc >= first + ws.documents.size()) return true;
  for (size_t i = size_t(&doc - first); i > 0 && ws.documents[i - 1].path == doc.path; --i)
    if (ws.documents[i - 1].checked && !ws.documents[i - 1].source.empty()) return false;
  return true;
}

}  // namespace

struct SecretScanMemo::Entry {
  const char* data = nullptr;
  size_t size = 0;
  uint64_t sample = 0;
  std::set<std::string, std::less<>> served;
  std::shared_ptr<const std::vector<secrets::SecretHit>> hits;
};

struct SecretScanMemo::Impl {
  std::mutex mu;
  Identity identity;
  std::map<const Document*, Entry> entries;
};

SecretScanMemo& SecretScanMemo::instance() {
  static SecretScanMemo memo;
  return memo;
}

void SecretScanMemo::clear() {
  if (!impl_) return;
  std::lock_guard lock(impl_->mu);
  impl_->entries.clear();
}

std::shared_ptr<const std::vector<secrets::SecretHit>> SecretScanMemo::hits(
    const Workspace& ws, const Document& doc, std::string_view rule_id) {
  static std::once_flag once;
  std::call_once(once, [this] { impl_ = std::make_shared<Impl>(); });
  Identity id{&ws, ws.documents.data(), ws.documents.size(), ws.root};
  uint64_t sample = sample_hash(doc.source);
  {
    std::lock_guard lock(impl_->mu);
    if (!(impl_->identity == id)) {
      impl_->entries.clear();
      impl_->identity = id;
    }
    if (!is_primary(ws, doc)) return std::make_shared<const std::vector<secrets::SecretHit>>();
    auto it = impl_->entries.find(&doc);
    if (it != impl_->entries.end()) {
      Entry& e = it->second;
      bool same = e.data == doc.source.data() && e.size == doc.source.size() &&
                  e.sample == sample && e.served.find(rule_id) == e.served.end();
      if (same) {
        e.served.emplace(rule_id);
        return e.hits;
      }
      impl_->entries.erase(it);
    }
  }
  // Scan outside the lock: other documents proceed meanwhile.
  auto hits = std::make_shared<const std::vector<secrets::SecretHit>>(
      secrets::Scanner::instance().scan(doc.source, doc.path));
  std::lock_guard lock(impl_->mu);
  Entry& e = impl_->entries[&doc];
  e.data = doc.source.data();
  e.size = doc.source.size();
  e.sample = sample;
  e.served = {std::string(rule_id)};
  e.hits = hits;
  return hits;
}

}  // namespace clearance
