// File access and glob expansion for nginx includes. Globs are expanded one path segment at a
// time with fnmatch(3) (FNM_PERIOD, so `*` skips dot files as glob(3) does), then sorted by
// byte order as glob(3) sorts in the C locale. Disk reads are confined to the scan root and
// capped in size, since include targets come from untrusted configuration.
#include "resolve/nginx/config_files.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "model/file_bytes.h"

namespace clearance {

namespace fs = std::filesystem;

namespace {

constexpr uintmax_t kMaxIncludeSize = 4 * 1024 * 1024;


std::vector<std::string> split_segments(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

}  // namespace

bool has_glob_magic(const std::string& pattern) {
  return pattern.find_first_of("*?[") != std::string::npos;
}

std::string join_path(const std::string& base, const std::string& rel) {
  fs::path p =
      (!rel.empty() && rel.front() == '/') || base.empty() ? fs::path(rel) : fs::path(base) / rel;
  std::string out = p.lexically_normal().generic_string();
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

std::string parent_dir(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::vector<std::string> expand_glob(const ConfigFiles& files, const std::string& pattern,
                                     bool* truncated) {
  if (!has_glob_magic(pattern)) {
    if (files.is_file(pattern)) return {pattern};
    return {};
  }
  std::vector<std::string> current = {pattern.front() == '/' ? "" : "."};
  std::vector<std::string> segs = split_segments(pattern);
  for (size_t i = 0; i < segs.size() && !current.empty(); ++i) {
    const std::string& seg = segs[i];
    bool last = i + 1 == segs.size();
    std::vector<std::string> next;
    for (const auto& dir : current) {
      std::string dir_path = dir.empty() ? "/" : dir;
      if (!has_glob_magic(seg)) {
        std::string p = dir + "/" + seg;
        if (last ? files.is_file(p) : files.is_dir(p)) next.push_back(p);
        continue;
      }
      for (const auto& name : files.list(dir_path)) {
        if (fnmatch(seg.c_str(), name.c_str(), FNM_PERIOD) != 0) continue;
        std::string p = dir + "/" + name;
        if (last ? files.is_file(p) : files.is_dir(p)) next.push_back(p);
        if (next.size() >= kMaxGlobResults) {
          if (truncated) *truncated = true;
          break;
        }
      }
    }
    current = std::move(next);
  }
  std::sort(current.begin(), current.end());
  return current;
}

DiskConfigFiles::DiskConfigFiles(std::string root) : root_(join_path("", root)) {}

bool DiskConfigFiles::allowed(const std::string& path) const {
  if (root_.empty() || path.empty() || path.front() != '/') return false;
  bool lexically_inside = root_ == "/" || (path.size() >= root_.size() &&
                                           path.compare(0, root_.size(), root_) == 0 &&
                                           (path.size() == root_.size() || path[root_.size()] == '/'));
  std::string why;
  return lexically_inside && real_path_inside(root_, path, why).has_value();
}

std::string DiskConfigFiles::refusal(const std::string& path) const {
  std::error_code ec;
  if (allowed(path) || !fs::exists(fs::symlink_status(path, ec)) || ec) return {};
  // Only a path reached from inside the tree (a link, or "..") is refused; an absolute path
  // on this machine that the configuration names is simply not part of the scan.
  std::string why;
  auto real = real_path_inside(root_, path, why);
  bool lexically_inside = path.size() > root_.size() && path.compare(0, root_.size(), root_) == 0 &&
                          path[root_.size()] == '/';
  return !real && why == "outside the scan root" && lexically_inside ? why : std::string();
}

std::optional<std::string> DiskConfigFiles::read(const std::string& path) const {
  if (!allowed(path)) return std::nullopt;
  std::string out, why;
  if (!read_confined(root_, path, kMaxIncludeSize, out, why)) return std::nullopt;
  return out;
}

bool DiskConfigFiles::is_file(const std::string& path) const {
  std::error_code ec;
  return allowed(path) && fs::is_regular_file(path, ec);
}

bool DiskConfigFiles::is_dir(const std::string& path) const {
  std::error_code ec;
  return allowed(path) && fs::is_directory(path, ec);
}

std::vector<std::string> DiskConfigFiles::list(const std::string& dir) const {
  std::vector<std::string> out;
  if (!is_dir(dir)) return out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    out.push_back(it->path().filename().string());
    if (out.size() >= kMaxGlobResults) break;
  }
  return out;
}

std::optional<std::string> MemoryConfigFiles::read(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

bool MemoryConfigFiles::is_file(const std::string& path) const {
  return files_.count(path) > 0;
}

bool MemoryConfigFiles::is_dir(const std::string& path) const {
  std::string prefix = path == "/" ? "/" : path + "/";
  auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> MemoryConfigFiles::list(const std::string& dir) const {
  std::vector<std::string> out;
  std::string prefix = dir == "/" ? "/" : dir + "/";
  for (auto it = files_.lower_bound(prefix);
       it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    std::string rest = it->first.substr(prefix.size());
    std::string name = rest.substr(0, rest.find('/'));
    if (out.empty() || out.back() != name) out.push_back(name);
  }
  return out;
}

}  // namespace clearance
