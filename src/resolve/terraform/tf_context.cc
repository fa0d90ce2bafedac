// Shared evaluation state: diagnostics and confined file access.
#include "resolve/terraform/tf_context.h"

#include <filesystem>
#include <fstream>

namespace clearance::tf {

namespace fs = std::filesystem;

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
  std::error_code ec;
  fs::path root = fs::weakly_canonical(ws.root, ec);
  if (ec || ws.root.empty()) {
    why = "no scan root";
    return false;
  }
  fs::path p = fs::weakly_canonical(root / rel, ec);
  // A symbolic link may lead outside the root: compare real paths.
  std::string ps = p.generic_string(), rs = root.generic_string();
  if (ec || ps.size() <= rs.size() || ps.compare(0, rs.size(), rs) != 0 || ps[rs.size()] != '/') {
    why = "outside the scan root";
    return false;
  }
  if (!fs::is_regular_file(p, ec)) {
    why = "no such file";
    return false;
  }
  auto size = fs::file_size(p, ec);
  if (ec || size > max_file) {
    why = ec ? "unreadable" : "file too large";
    return false;
  }
  std::ifstream in(p, std::ios::binary);
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    why = "unreadable";
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
