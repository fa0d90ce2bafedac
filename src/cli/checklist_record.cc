// Git facts come from the git binary (rev-parse, status --porcelain); without git or outside a
// repository they are left empty rather than guessed.
#include "cli/checklist_record.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/embedded_rules.h"
#include "report/html_writer.h"
#include "secrets/sha256.h"

namespace clearance {

namespace {

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

/// Standard output of `git -C dir args`, or nullopt when git fails.
bool git(const std::string& dir, const std::string& args, std::string& out) {
  std::string cmd = "git -C " + quoted(dir) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return false;
  std::array<char, 4096> buf{};
  size_t n;
  out.clear();
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = pclose(p);
  return status == 0;
}

std::string rule_yaml(const Rule& rule) {
  for (const auto& e : embedded_rules())
    if (e.path == rule.source) return std::string(e.yaml);
  std::ifstream in(rule.source, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

ChecklistRecord make_checklist_record(const std::string& checklist,
                                      const std::string& checklist_bytes,
                                      const std::vector<std::string>& paths, const RuleSet& rules) {
  ChecklistRecord r;
  r.checklist = checklist;
  r.checklist_sha256 = sha256_hex(checklist_bytes);
  r.paths = paths.empty() ? std::vector<std::string>{"."} : paths;
  std::error_code ec;
  std::filesystem::path first(r.paths.front());
  std::string dir =
      std::filesystem::is_directory(first, ec) ? first.string() : first.parent_path().string();
  if (dir.empty()) dir = ".";
  std::string out;
  if (git(dir, "rev-parse HEAD", out)) {
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    r.git_commit = out;
    if (git(dir, "status --porcelain", out)) r.git_dirty = !out.empty();
  }
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &utc);
  r.date = date;
  r.version = CLEARANCE_VERSION;
  std::vector<const Rule*> sorted;
  for (const auto& rule : rules.rules()) sorted.push_back(&rule);
  std::sort(sorted.begin(), sorted.end(),
            [](const Rule* a, const Rule* b) { return a->id < b->id; });
  std::string all;
  for (const Rule* rule : sorted)
    all.append(rule->id).append("\n").append(rule_yaml(*rule)).append("\n");
  r.rule_count = sorted.size();
  r.rules_sha256 = sha256_hex(all);
  return r;
}

nlohmann::json record_json(const ChecklistRecord& r) {
  return {
      {"checklist", r.checklist},
      {"checklist_sha256", r.checklist_sha256},
      {"paths", r.paths},
      {"git_commit", r.git_commit.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.git_commit)},
      {"git_dirty", r.git_commit.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.git_dirty)},
      {"date", r.date},
      {"clearance_version", r.version},
      {"rules", {{"count", r.rule_count}, {"sha256", r.rules_sha256}}}};
}

void write_record_markdown(const ChecklistRecord& r, std::ostream& out) {
  std::string paths;
  for (const auto& p : r.paths) paths += (paths.empty() ? "`" : ", `") + p + "`";
  out << "\n---\n\n**clearance sign-off record**\n\n| | |\n|---|---|\n"
      << "| checklist | `" << r.checklist << "` |\n"
      << "| checklist sha256 | `" << r.checklist_sha256 << "` |\n"
      << "| scanned paths | " << paths << " |\n"
      << "| git commit | "
      << (r.git_commit.empty()
              ? std::string("(not a git repository)")
              : "`" + r.git_commit + "`" + (r.git_dirty ? " (uncommitted changes)" : " (clean)"))
      << " |\n"
      << "| date (UTC) | " << r.date << " |\n"
      << "| clearance | " << r.version << " |\n"
      << "| rule set | " << r.rule_count << " rules, sha256 `" << r.rules_sha256 << "` |\n";
}

void write_record_html(const ChecklistRecord& r, std::ostream& out) {
  std::string paths;
  for (const auto& p : r.paths) paths += (paths.empty() ? "" : ", ") + p;
  auto row = [&](const char* k, const std::string& v) {
    out << "<tr><th>" << k << "</th><td><code>" << html_escape(v) << "</code></td></tr>\n";
  };
  out << "<section id=\"record\">\n<h2>Sign-off record</h2>\n<table class=\"counts\">\n";
  row("checklist", r.checklist);
  row("checklist sha256", r.checklist_sha256);
  row("scanned paths", paths);
  row("git commit", r.git_commit.empty()
                        ? "(not a git repository)"
                        : r.git_commit + (r.git_dirty ? " (uncommitted changes)" : " (clean)"));
  row("date (UTC)", r.date);
  row("clearance", r.version);
  row("rule set", std::to_string(r.rule_count) + " rules, sha256 " + r.rules_sha256);
  out << "</table>\n</section>\n";
}

}  // namespace clearance
