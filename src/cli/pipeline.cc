// Loading and parsing run on all cores: each worker takes the next file index, reads,
// classifies and parses it into its own slot, so no locks are held while parsing and the
// order of documents stays the order of discovery (deterministic output).
#include "cli/pipeline.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "discover/load.h"
#include "parse/parse.h"
#include "resolve/resolve.h"

namespace clearance {

namespace {

template <typename Fn>
void parallel_for(size_t n, unsigned jobs, Fn&& fn) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, n));
  if (jobs <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> workers;
  workers.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) {
    workers.emplace_back([&] {
      for (size_t i = next++; i < n; i = next++) fn(i);
    });
  }
  for (auto& w : workers) w.join();
}

void parse_one(Document& doc) {
  doc.format = classify(doc.path, doc.source);
  parse_document(doc);
}

}  // namespace

Workspace load_workspace(const DiscoverResult& found, const LoadSettings& settings, ScanStats& stats) {
  return load_workspace(found, settings, stats, ResolveOptions{});
}

Workspace load_workspace(const DiscoverResult& found, const LoadSettings& settings, ScanStats& stats,
                         const ResolveOptions& resolve) {
  Workspace ws;
  ws.root = found.root;
  ws.diagnostics = found.diagnostics;
  ws.excluded = found.excluded;
  std::vector<Document> docs(found.files.size());
  std::vector<std::optional<Diagnostic>> skipped(found.files.size());
  LoadOptions load_options;
  load_options.max_file_size = settings.max_file_size;
  parallel_for(found.files.size(), settings.jobs, [&](size_t i) {
    const SourceFile& file = found.files[i];
    LoadResult loaded = read_source(file, load_options);
    if (!loaded.ok()) {
      skipped[i] = Diagnostic{Diagnostic::Level::Warning, loaded.skip_reason, {file.path, {}}};
      return;
    }
    Document& doc = docs[i];
    doc.path = file.path;
    doc.disk_path = file.disk_path;
    doc.source = std::move(loaded.bytes);
    parse_one(doc);
  });
  for (size_t i = 0; i < docs.size(); ++i) {
    if (skipped[i]) {
      ws.diagnostics.push_back(std::move(*skipped[i]));
      ++stats.files_skipped;
      continue;
    }
    ++stats.files_scanned;
    stats.bytes_scanned += docs[i].source.size();
    ws.documents.push_back(std::move(docs[i]));
  }
  resolve_workspace(ws, resolve);
  return ws;
}

Workspace workspace_from_sources(std::string root, std::vector<std::pair<std::string, std::string>> files,
                                 unsigned jobs) {
  Workspace ws;
  ws.root = std::move(root);
  std::sort(files.begin(), files.end());
  ws.documents.resize(files.size());
  parallel_for(files.size(), jobs, [&](size_t i) {
    Document& doc = ws.documents[i];
    doc.path = files[i].first;
    doc.disk_path = ws.root + "/" + files[i].first;
    doc.source = std::move(files[i].second);
    parse_one(doc);
  });
  resolve_workspace(ws);
  return ws;
}

}  // namespace clearance
