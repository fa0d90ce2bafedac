// Dockerfile predicates about what goes into image layers.
//
// dockerfile_slim_install: package installs in one RUN leave no caches behind.
//   apt-get/apt install: `--no-install-recommends` (or APT::Install-Recommends=false) in the
//     install command, and /var/lib/apt/lists removed (or `apt-get dist-clean`) in the same
//     RUN; a simulated install (-s, --dry-run) installs nothing;
//   apk add: `--no-cache` (or `--no-network`), or /var/cache/apk removed in the same RUN;
//   pip install: `--no-cache-dir`, or PIP_NO_CACHE_DIR set (in the RUN or by the stage's ENV);
//   dnf/yum/microdnf install: `clean all`, or /var/cache/dnf|yum removed, in the same RUN.
//   A RUN with a `--mount=type=cache` on the cache directory keeps it out of the image.
// dockerfile_add_for_local: ADD is only for what COPY cannot do. ADD of a URL or a git
//   repository (remote content, ideally with --checksum) and of a local tar archive (ADD
//   unpacks it) pass; ADD of any other local file or of a heredoc fails.
#include <string>
#include <string_view>
#include <vector>

#include "engine/predicates/dockerfile_stages.h"
#include "engine/predicates/predicates.h"

namespace clearance {

namespace {

using namespace dockerfile_stages;

bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool contains(std::string_view s, std::string_view p) {
  return s.find(p) != std::string_view::npos;
}

/// Simple commands of a shell text: split at `&&`, `||`, `;`, `|`, newlines; words by blanks.
std::vector<std::vector<std::string>> simple_commands(std::string_view text) {
  std::vector<std::vector<std::string>> out(1);
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.back().push_back(std::move(word));
    word.clear();
  };
  char quote = 0;  // quoted text is one word: `echo "apt-get install"` installs nothing
  for (char c : text) {
    if (quote) {
      if (c == quote)
        quote = 0;
      else
        word.push_back(c);
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '&' || c == '|' || c == ';' || c == '\n' || c == '(' || c == ')') {
      flush();
      if (!out.back().empty()) out.emplace_back();
    } else if (c == ' ' || c == '\t' || c == '\r') {
      flush();
    } else {
      word.push_back(c);
    }
  }
  flush();
  return out;
}

std::string base(const std::string& w) {
  auto slash = w.rfind('/');
  return slash == std::string::npos ? w : w.substr(slash + 1);
}

bool is_pip(const std::string& w) {
  std::string b = base(w);
  return b == "pip" || b.starts_with("pip3");
}

/// True when `cmd` runs a program accepted by `is_program` whose subcommand (the first word
/// after it that is not a flag) is `sub`.
template <typename Pred>
bool runs(const std::vector<std::string>& cmd, Pred is_program, std::string_view sub) {
  for (size_t i = 0; i < cmd.size(); ++i) {
    if (!is_program(base(cmd[i]))) continue;
    for (size_t j = i + 1; j < cmd.size(); ++j) {
      if (cmd[j].starts_with("-")) continue;
      if (cmd[j] == sub) return true;
      break;
    }
  }
  return false;
}

bool has_word(const std::vector<std::string>& cmd, std::string_view prefix) {
  for (const auto& w : cmd)
    if (w.starts_with(prefix)) return true;
  return false;
}

}  // namespace

Outcome predicate_dockerfile_slim_install(const EvalContext& ctx, const Value&) {
  const Node& run = ctx.subject;
  std::string text = attr(run, "command");
  std::string mounts;
  if (const Attribute* f = run.attribute("flags"))
    for (const Member& m : f->value.members())
      if (m.key == "mount") mounts += m.value.as_string() + " ";
  bool cache_mount = contains(mounts, "type=cache");
  std::vector<std::string> problems;
  bool apt = false, apt_recommends = false, apk = false, apk_cache = false, pip = false,
       pip_cache = false, dnf = false;
  for (const auto& cmd : simple_commands(text)) {
    auto apt_prog = [](const std::string& b) { return b == "apt-get" || b == "apt"; };
    auto dnf_prog = [](const std::string& b) {
      return b == "dnf" || b == "yum" || b == "microdnf";
    };
    bool simulate = has_word(cmd, "-s") || has_word(cmd, "--simulate") ||
                    has_word(cmd, "--dry-run") || has_word(cmd, "--no-act");
    if (runs(cmd, apt_prog, "install") && !simulate) {
      apt = true;
      if (!has_word(cmd, "--no-install-recommends") &&
          !contains(text, "Install-Recommends=false") && !contains(text, "Install-Recommends=0"))
        apt_recommends = true;
    }
    if (runs(
            cmd, [](const std::string& b) { return b == "apk"; }, "add")) {
      apk = true;
      // --no-network installs from what is already there: nothing is downloaded or cached.
      if (!has_word(cmd, "--no-cache") && !has_word(cmd, "--no-network")) apk_cache = true;
    }
    if (runs(cmd, is_pip, "install")) {
      pip = true;
      if (!has_word(cmd, "--no-cache-dir")) pip_cache = true;
    }
    if (runs(cmd, dnf_prog, "install")) dnf = true;
  }
  if (apt && apt_recommends) problems.push_back("apt-get install without --no-install-recommends");
  if (apt && !contains(text, "/var/lib/apt/lists") && !contains(text, "dist-clean") &&
      !(cache_mount && contains(mounts, "/var/lib/apt")))
    problems.push_back("apt lists not removed (rm -rf /var/lib/apt/lists/*) in the same RUN");
  if (apk && apk_cache && !contains(text, "/var/cache/apk") &&
      !(cache_mount && contains(mounts, "/var/cache/apk")))
    problems.push_back("apk add without --no-cache");
  if (pip && pip_cache && !contains(text, "PIP_NO_CACHE_DIR") &&
      !(cache_mount && contains(mounts, "/.cache/pip"))) {
    bool env = false;
    if (const Node* stage = stage_of(ctx.document, run))
      for (const Node* s : lineage(ctx.document, stage))
        for (const Node& c : s->children)
          if (c.type == "ENV" && c.child("PIP_NO_CACHE_DIR")) env = true;
    if (!env) problems.push_back("pip install without --no-cache-dir");
  }
  if (dnf && !contains(text, "clean all") && !contains(text, "/var/cache/dnf") &&
      !contains(text, "/var/cache/yum") && !(cache_mount && contains(mounts, "/var/cache/")))
    problems.push_back("dnf/yum install without clean all in the same RUN");
  if (problems.empty()) return Outcome::pass();
  Blame b;
  b.location = ctx.at(run.range);
  b.attribute = "command";
  for (const auto& p : problems) b.detail += (b.detail.empty() ? "" : "; ") + p;
  return Outcome::fail(std::move(b));
}

Outcome predicate_dockerfile_add_for_local(const EvalContext& ctx, const Value&) {
  const Node& add = ctx.subject;
  const Attribute* args = add.attribute("arguments");
  if (!args || args->value.items().size() < 2) return Outcome::pass();
  const auto& items = args->value.items();
  for (size_t i = 0; i + 1 < items.size(); ++i) {
    const std::string& src = items[i].as_string();
    bool remote = src.starts_with("http://") || src.starts_with("https://") ||
                  src.starts_with("git@") || src.starts_with("git://") || src.starts_with("ssh://");
    bool archive = false;
    for (std::string_view e :
         {".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst"})
      archive = archive || ends_with(src, e);
    if (remote || (archive && !src.starts_with("<<"))) continue;
    Blame b;
    b.location = ctx.at(add.range);
    b.attribute = "source";
    b.value = src;
    b.detail = "ADD copies the local " + std::string(src.starts_with("<<") ? "heredoc " : "file ") +
               src + "; use COPY";
    return Outcome::fail(std::move(b));
  }
  return Outcome::pass();
}

}  // namespace clearance
