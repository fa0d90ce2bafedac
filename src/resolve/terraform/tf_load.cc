// Loading module files the scan did not: a directory listing per module directory, then the
// directories named by local module calls, until nothing new appears (bounded).
#include "resolve/terraform/tf_load.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "model/file_bytes.h"
#include "parse/terraform/terraform_parser.h"
#include "resolve/terraform/tf_context.h"

namespace clearance::tf {

namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// Adds a refusal note for `rel` unless the walk already said why it skipped that path.
void refuse(Workspace& ws, const std::string& what, const std::string& rel, const std::string& why) {
  for (const auto& d : ws.diagnostics)
    if (d.location.path == rel && d.message.find(why) != std::string::npos) return;
  ws.diagnostics.push_back({Diagnostic::Level::Warning, what + " not read: " + why, {rel, {}}});
}

bool is_terraform_file(std::string_view name) {
  return ends_with(name, ".tf") || ends_with(name, ".tfvars");
}

// The .tf/.tfvars files of `disk_dir` not yet in `have`, as new documents. The directory and
// each file are read only where their real path lies inside the scan root.
void load_dir(Workspace& ws, const std::string& rel_dir, const fs::path& disk_dir,
              const std::set<std::string>& have, size_t max_size, std::vector<Document>& out) {
  std::error_code ec;
  if (!fs::is_directory(disk_dir, ec)) return;
  std::string why;
  if (!real_path_inside(ws.root, disk_dir.string(), why)) {
    refuse(ws, "module directory", rel_dir, why);
    return;
  }
  std::vector<fs::path> entries;
  for (auto it = fs::directory_iterator(disk_dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec))
    entries.push_back(it->path());
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    std::string name = entry.filename().string();
    if (!is_terraform_file(name)) continue;
    std::string rel = rel_dir.empty() ? name : rel_dir + "/" + name;
    if (have.count(rel)) continue;
    if (ws.excluded && ws.excluded(rel)) continue;
    Document doc;
    if (!read_confined(ws.root, entry.string(), max_size, doc.source, why)) {
      if (why != "is a directory") refuse(ws, "module file", rel, why);
      continue;
    }
    doc.path = rel;
    doc.disk_path = entry.string();
    doc.format = Format::Terraform;
    parse_terraform(doc);
    out.push_back(std::move(doc));
  }
}

}  // namespace

std::vector<std::string> local_module_targets(const Document& doc, const std::string& root) {
  std::vector<std::string> out;
  for (const Node& n : doc.root.children) {
    if (n.kind != "module") continue;
    const Attribute* src = n.attribute("source");
    if (!src || !src->value.is_string()) continue;
    const std::string& s = src->value.as_string();
    if (s.rfind("./", 0) != 0 && s.rfind("../", 0) != 0) continue;
    if (auto t = join_path(dir_of(doc.path), s, root)) out.push_back(*t);
  }
  return out;
}

void load_module_files(Workspace& ws, size_t max_size) {
  std::set<std::string> have;
  std::map<std::string, fs::path> dirs;  // module directories seen, with where they are on disk
  for (const auto& d : ws.documents) {
    if (d.format != Format::Terraform) continue;
    have.insert(d.path);
    if (!d.disk_path.empty()) dirs.emplace(dir_of(d.path), fs::path(d.disk_path).parent_path());
  }
  if (dirs.empty()) return;
  std::set<std::string> listed;
  std::vector<Document> added;
  for (int round = 0; round < 8; ++round) {
    std::vector<Document> fresh;
    for (const auto& [rel, disk] : dirs)
      if (listed.insert(rel).second) load_dir(ws, rel, disk, have, max_size, fresh);
    std::map<std::string, fs::path> next;
    auto add_targets = [&](const Document& d) {
      for (const auto& t : local_module_targets(d, ws.root))
        if (!dirs.count(t) && !ws.root.empty()) next.emplace(t, fs::path(ws.root) / t);
    };
    for (const auto& d : ws.documents)
      if (d.format == Format::Terraform && round == 0) add_targets(d);
    for (const auto& d : added) add_targets(d);
    for (auto& d : fresh) {
      have.insert(d.path);
      add_targets(d);
      added.push_back(std::move(d));
    }
    if (next.empty()) break;
    for (auto& [rel, disk] : next) dirs.emplace(rel, disk);
  }
  if (added.empty()) return;
  for (auto& d : added) ws.documents.push_back(std::move(d));
  std::stable_sort(ws.documents.begin(), ws.documents.end(),
                   [](const Document& a, const Document& b) { return a.path < b.path; });
}

}  // namespace clearance::tf
