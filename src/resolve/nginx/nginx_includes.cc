// Include splicing. The workspace's documents are overlaid on the file access so that
// in-memory sources (fixtures with annotation lines blanked) win over the disk. Every document
// is expanded from the original parse trees (kept aside first), so the order in which
// documents are resolved does not matter. Expansion is bounded: include nesting depth, and the
// number of spliced nodes per document (a file included from many places could otherwise
// multiply).
#include "resolve/nginx/nginx_includes.h"

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <set>

#include "parse/nginx/nginx_parser.h"

namespace clearance {

namespace {

constexpr size_t kMaxIncludeDepth = 16;
constexpr size_t kMaxSplicedNodes = 200000;      // per document
constexpr size_t kMaxScanSplicedNodes = 2000000;  // all documents of the scan together

// Files that nginx packages ship next to nginx.conf; repositories rarely commit them.
constexpr std::array<std::string_view, 9> kShippedFiles = {
    "mime.types",  "fastcgi_params", "fastcgi.conf", "proxy_params",          "uwsgi_params",
    "scgi_params", "koi-utf",        "win-utf",      "options-ssl-nginx.conf"};

// Workspace documents first, then the fallback file access.
class Overlay : public ConfigFiles {
 public:
  Overlay(const std::map<std::string, size_t>& docs, const Workspace& ws, const ConfigFiles& next)
      : docs_(docs), ws_(ws), next_(next) {}
  std::optional<std::string> read(const std::string& path) const override {
    auto it = docs_.find(path);
    if (it != docs_.end()) return ws_.documents[it->second].source;
    return next_.read(path);
  }
  bool is_file(const std::string& path) const override {
    return docs_.count(path) > 0 || next_.is_file(path);
  }
  bool is_dir(const std::string& path) const override {
    std::string prefix = path + "/";
    auto it = docs_.lower_bound(prefix);
    if (it != docs_.end() && it->first.compare(0, prefix.size(), prefix) == 0) return true;
    return next_.is_dir(path);
  }
  std::string refusal(const std::string& path) const override { return next_.refusal(path); }
  std::vector<std::string> list(const std::string& dir) const override {
    std::set<std::string> names;
    std::string prefix = dir == "/" ? "/" : dir + "/";
    for (auto it = docs_.lower_bound(prefix);
         it != docs_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
      std::string rest = it->first.substr(prefix.size());
      names.insert(rest.substr(0, rest.find('/')));
    }
    for (auto& n : next_.list(dir)) names.insert(std::move(n));
    return {names.begin(), names.end()};
  }

 private:
  const std::map<std::string, size_t>& docs_;
  const Workspace& ws_;
  const ConfigFiles& next_;
};

std::string base_name(const std::string& p) {
  auto slash = p.rfind('/');
  return slash == std::string::npos ? p : p.substr(slash + 1);
}

void mark_file(Node& n, const std::string& display) {
  if (!n.attribute("file")) n.attributes.push_back({"file", Value::string(display), {}});
  for (auto& c : n.children) mark_file(c, display);
}

size_t count_nodes(const std::vector<Node>& nodes) {
  size_t n = nodes.size();
  for (const auto& c : nodes) n += count_nodes(c.children);
  return n;
}

class Resolver {
 public:
  Resolver(Workspace& ws, const ConfigFiles& disk)
      : ws_(ws), root_(join_path("", ws.root.empty() ? "/" : ws.root)), files_(docs_, ws, disk) {
    for (size_t i = 0; i < ws_.documents.size(); ++i) {
      const Document& d = ws_.documents[i];
      std::string key = join_path(root_, d.path);
      docs_.emplace(key, i);
      if (d.format == Format::Nginx) originals_.emplace(key, d.root);
    }
  }

  void run() {
    for (size_t i = 0; i < ws_.documents.size(); ++i) {
      if (ws_.documents[i].format != Format::Nginx) continue;
      doc_ = &ws_.documents[i];
      std::string key = join_path(root_, doc_->path);
      prefix_ = conf_prefix(parent_dir(key));
      chain_ = {key};
      spliced_ = 0;
      over_budget_ = false;
      expand(doc_->root.children, key, doc_->path);
    }
    release_cycle_roots();
    for (auto& [index, includers] : included_by_) {
      if (includers.empty()) continue;
      std::vector<Value> paths;
      for (const auto& p : includers) paths.push_back(Value::string(p));
      ws_.documents[index].root.attributes.push_back(
          {"included_by", Value::list(std::move(paths)), {}});
    }
  }

 private:
  // The directory of the nearest nginx.conf at or above `dir` (inside the root), else `dir`.
  std::string conf_prefix(const std::string& dir) const {
    for (std::string d = dir; !d.empty(); d = parent_dir(d)) {
      if (files_.is_file(join_path(d, "nginx.conf"))) return d;
      if (d == root_ || d == "/") break;
    }
    return dir;
  }

  std::vector<std::string> candidates(const std::string& pattern, const std::string& file) const {
    std::vector<std::string> bases = {prefix_};
    for (std::string d = parent_dir(file); !d.empty(); d = parent_dir(d)) {
      bases.push_back(d);
      if (d == root_ || d == "/" || d.size() < root_.size()) break;
    }
    std::vector<std::string> out;
    auto add = [&](std::string c) {
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(std::move(c));
    };
    if (pattern.front() != '/') {
      for (const auto& b : bases) add(join_path(b, pattern));
      return out;
    }
    add(join_path("", pattern));
    for (size_t slash = pattern.find('/', 1); slash != std::string::npos;
         slash = pattern.find('/', slash + 1)) {
      std::string suffix = pattern.substr(slash + 1);
      if (suffix.empty()) break;
      add(join_path(prefix_, suffix));
      add(join_path(parent_dir(file), suffix));
    }
    return out;
  }

  // The original directives of the file at `key`, parsing it if it is not an nginx document.
  const Node* source_of(const std::string& key) {
    if (auto it = originals_.find(key); it != originals_.end()) return &it->second;
    if (auto it = extra_.find(key); it != extra_.end()) return &it->second->root;
    auto bytes = files_.read(key);
    if (!bytes) return nullptr;
    auto doc = std::make_unique<Document>();
    doc->path = display_of(key);
    doc->format = Format::Nginx;
    doc->source = std::move(*bytes);
    parse_nginx(*doc);
    return &extra_.emplace(key, std::move(doc)).first->second->root;
  }

  std::string display_of(const std::string& key) const {
    if (auto it = docs_.find(key); it != docs_.end()) return ws_.documents[it->second].path;
    if (key == root_) return ".";
    std::string prefix = root_ == "/" ? "/" : root_ + "/";
    if (key.compare(0, prefix.size(), prefix) == 0) return key.substr(prefix.size());
    return key;
  }

  void diagnose(Diagnostic::Level level, std::string message, const std::string& display,
                const Range& range) {
    doc_->diagnostics.push_back({level, std::move(message), {display, range}});
  }

  void expand(std::vector<Node>& nodes, const std::string& file, const std::string& display) {
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (nodes[i].type != "include" || nodes[i].kind != "directive" ||
          nodes[i].attribute("block")) {
        expand(nodes[i].children, file, display);
        continue;
      }
      std::vector<Node> spliced = include(nodes[i], file, display);
      if (spliced.empty()) continue;
      size_t n = spliced.size();
      nodes.insert(nodes.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                   std::make_move_iterator(spliced.begin()),
                   std::make_move_iterator(spliced.end()));
      i += n;
    }
  }

  // The directives `inc` brings in, expanded and marked with their files.
  std::vector<Node> include(Node& inc, const std::string& file, const std::string& display) {
    std::vector<Node> out;
    if (over_budget_) return out;
    if (inc.labels.size() != 1) {
      diagnose(Diagnostic::Level::Warning, "include takes exactly one file name", display,
               inc.range);
      return out;
    }
    const std::string& pattern = inc.labels.front();
    if (pattern.empty()) return out;
    std::vector<std::string> found;
    bool truncated = false;
    for (const auto& cand : candidates(pattern, file)) {
      found = expand_glob(files_, cand, &truncated);
      if (!found.empty()) break;
    }
    if (truncated)
      diagnose(Diagnostic::Level::Warning,
               "include pattern \"" + pattern + "\" matches more than " +
                   std::to_string(kMaxGlobResults) + " entries: only the first are read",
               display, inc.range);
    if (found.empty()) {
      if (std::string why = refusal(pattern, file); !why.empty()) {
        diagnose(Diagnostic::Level::Warning, "include \"" + pattern + "\" not read: " + why,
                 display, inc.range);
        return out;
      }
      report_missing(pattern, display, inc.range);
      return out;
    }
    std::vector<Value> resolved;
    for (const auto& target : found) {
      std::string target_display = display_of(target);
      resolved.push_back(Value::string(target_display));
      if (auto at = std::find(chain_.begin(), chain_.end(), target); at != chain_.end()) {
        for (auto it = at; it != chain_.end(); ++it)
          if (auto d = docs_.find(*it); d != docs_.end()) in_cycle_.insert(d->second);
        std::string path;
        for (const auto& c : chain_) path += display_of(c) + " -> ";
        // nginx refuses such a configuration; the files are still judged, without the
        // include that closes the circle.
        diagnose(Diagnostic::Level::Warning,
                 "include cycle: " + path + target_display + " (this include is not spliced)",
                 display, inc.range);
        continue;
      }
      if (chain_.size() >= kMaxIncludeDepth) {
        diagnose(Diagnostic::Level::Error,
                 "includes nested deeper than " + std::to_string(kMaxIncludeDepth) + " files",
                 display, inc.range);
        continue;
      }
      const Node* src = source_of(target);
      if (!src) {
        diagnose(Diagnostic::Level::Warning, "cannot read included file " + target_display, display,
                 inc.range);
        continue;
      }
      if (auto it = docs_.find(target); it != docs_.end() &&
                                        ws_.documents[it->second].format == Format::Nginx &&
                                        &ws_.documents[it->second] != doc_) {
        included_by_[it->second].insert(doc_->path);
      }
      size_t nodes = count_nodes(src->children);
      spliced_ += nodes;
      scan_spliced_ += nodes;
      if (spliced_ > kMaxSplicedNodes || scan_spliced_ > kMaxScanSplicedNodes) {
        if (!over_budget_)
          diagnose(Diagnostic::Level::Error,
                   "include expansion exceeds " +
                       (spliced_ > kMaxSplicedNodes
                            ? std::to_string(kMaxSplicedNodes) + " directives in this file"
                            : std::to_string(kMaxScanSplicedNodes) + " directives in the scan") +
                       "; the rest is not spliced",
                   display, inc.range);
        over_budget_ = true;
        continue;
      }
      std::vector<Node> copy = src->children;
      chain_.push_back(target);
      expand(copy, target, target_display);
      chain_.pop_back();
      for (auto& n : copy) {
        mark_file(n, target_display);
        out.push_back(std::move(n));
      }
    }
    inc.attributes.push_back({"resolved", Value::list(std::move(resolved)), inc.range});
    return out;
  }

  // Why the file an include names exists but is not read: its real path (through a link)
  // or its relative path (through "..") leaves the scan root.
  std::string refusal(const std::string& pattern, const std::string& file) const {
    if (has_glob_magic(pattern)) return {};
    for (const auto& cand : candidates(pattern, file)) {
      if (std::string why = files_.refusal(cand); !why.empty()) return why;
      bool inside = cand.size() > root_.size() && cand.compare(0, root_.size(), root_) == 0 &&
                    cand[root_.size()] == '/';
      if (pattern.front() != '/' && !inside && root_ != "/") return "outside the scan root";
    }
    return {};
  }

  // Files that include each other would all count as included, so none would be judged as
  // a configuration of its own. In each such group with no includer from outside, one file
  // is judged as the top: the one named nginx.conf, else the first by path.
  void release_cycle_roots() {
    std::vector<size_t> candidates;
    for (size_t i : in_cycle_) {
      const auto& includers = included_by_[i];
      bool only_cycle = std::all_of(includers.begin(), includers.end(), [&](const std::string& p) {
        auto d = docs_.find(join_path(root_, p));
        return d != docs_.end() && in_cycle_.count(d->second);
      });
      if (only_cycle) candidates.push_back(i);
    }
    if (candidates.empty()) return;
    auto named = std::find_if(candidates.begin(), candidates.end(), [&](size_t i) {
      return base_name(ws_.documents[i].path) == "nginx.conf";
    });
    std::vector<size_t> tops;
    if (named != candidates.end()) {
      for (size_t i : candidates)
        if (base_name(ws_.documents[i].path) == "nginx.conf") tops.push_back(i);
    } else {
      tops.push_back(*std::min_element(candidates.begin(), candidates.end(), [&](size_t a, size_t b) {
        return ws_.documents[a].path < ws_.documents[b].path;
      }));
    }
    for (size_t i : tops) included_by_[i].clear();
  }

  void report_missing(const std::string& pattern, const std::string& display, const Range& r) {
    std::string name = base_name(pattern);
    if (has_glob_magic(pattern)) {
      diagnose(Diagnostic::Level::Note, "include pattern \"" + pattern + "\" matches no file",
               display, r);
    } else if (std::find(kShippedFiles.begin(), kShippedFiles.end(), name) != kShippedFiles.end() ||
               pattern.rfind("/etc/letsencrypt/", 0) == 0) {
      diagnose(Diagnostic::Level::Note,
               "include \"" + pattern + "\" is not in the scanned files (installed with nginx)",
               display, r);
    } else {
      diagnose(Diagnostic::Level::Warning,
               "included file \"" + pattern + "\" not found (looked under " + display_of(prefix_) +
                   " and beside " + display + ")",
               display, r);
    }
  }

  Workspace& ws_;
  std::string root_;
  std::map<std::string, size_t> docs_;
  Overlay files_;
  std::map<std::string, Node> originals_;
  std::map<std::string, std::unique_ptr<Document>> extra_;
  std::map<size_t, std::set<std::string>> included_by_;
  std::set<size_t> in_cycle_;  ///< documents met on an include cycle
  Document* doc_ = nullptr;
  std::string prefix_;
  std::vector<std::string> chain_;
  size_t spliced_ = 0;
  size_t scan_spliced_ = 0;
  bool over_budget_ = false;
};

}  // namespace

void resolve_nginx_includes(Workspace& ws, const ConfigFiles& files) {
  Resolver(ws, files).run();
}

}  // namespace clearance
