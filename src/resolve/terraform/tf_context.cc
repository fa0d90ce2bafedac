// Shared evaluation state: diagnostics and confined file access.
#include "resolve/terraform/tf_context.h"

#include "model/file_bytes.h"

namespace clearance::tf {

void Context::diag(Diagnostic::Level level, std::string message, Location at) {
  std::string key = std::to_string(static_cast<int>(level)) + "|" + message + "|" + at.path + ":" +
                    std::to_string(at.range.begin.line);
  if (!seen_.insert(key).second) return;
  diags_.push_back({level, std::move(message), std::move(at)});
}

void Context::flush_diagnostics() {
  for (auto& d : diags_) ws.diagnostics.push_back(std::move(d));
  diags_.clear();
}

bool Context::read(const std::string& rel, std::string& out, std::string& why) const {
  for (const auto& d : ws.documents) {
    if (d.path == rel && !d.source.empty()) {
      if (d.source.size() > max_file) {
        why = "file too large";
        return false;
      }
      out = d.source;
      return true;
    }
  }
  if (ws.root.empty()) {
    why = "no scan root";
    return false;
  }
  // The real path must lie inside the root: a symbolic link cannot lead out of it.
  if (!read_confined(ws.root, ws.root + "/" + rel, max_file, out, why)) {
    if (why.starts_with("larger than")) why = "file too large";
    return false;
  }
  return true;
}

std::optional<std::string> join_path(const std::string& dir, const std::string& path,
                                     const std::string& root_abs) {
  std::string joined;
  if (!path.empty() && path.front() == '/') {
    if (root_abs.empty() || path.compare(0, root_abs.size(), root_abs) != 0 ||
        (path.size() > root_abs.size() && path[root_abs.size()] != '/'))
      return std::nullopt;
    joined = path.substr(root_abs.size());
  } else {
    joined = dir.empty() ? path : dir + "/" + path;
  }
  std::vector<std::string> parts;
  size_t pos = 0;
  while (pos <= joined.size()) {
    size_t slash = joined.find('/', pos);
    if (slash == std::string::npos) slash = joined.size();
    std::string seg = joined.substr(pos, slash - pos);
    if (seg == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(std::move(seg));
    }
    pos = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string dir_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

}  // namespace clearance::tf
