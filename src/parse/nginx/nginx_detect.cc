// Content sniffing for nginx: one pass over at most the first 256 KiB, line by line, counting
// nginx signals (block openers such as `server {`, lines that are a known directive ending in
// `;`) against signals of other `.conf` dialects (INI `[section]` headers, `key = value` lines,
// Apache `<Tag>` lines and CamelCase directives). No allocation.
#include "parse/nginx/nginx_detect.h"

#include <algorithm>
#include <array>

namespace clearance {

namespace {

constexpr size_t kScanLimit = 256 * 1024;

// Directives that are distinctively nginx when a line starts with them and ends with `;`.
constexpr std::array<std::string_view, 64> kDirectives = {"access_log",
                                                          "add_header",
                                                          "alias",
                                                          "allow",
                                                          "autoindex",
                                                          "charset",
                                                          "client_body_buffer_size",
                                                          "client_max_body_size",
                                                          "default_type",
                                                          "deny",
                                                          "error_log",
                                                          "error_page",
                                                          "etag",
                                                          "expires",
                                                          "fastcgi_param",
                                                          "fastcgi_pass",
                                                          "gzip",
                                                          "gzip_comp_level",
                                                          "gzip_types",
                                                          "gzip_vary",
                                                          "include",
                                                          "index",
                                                          "keepalive_timeout",
                                                          "limit_conn",
                                                          "limit_req",
                                                          "limit_req_zone",
                                                          "listen",
                                                          "log_format",
                                                          "more_set_headers",
                                                          "proxy_buffering",
                                                          "proxy_cache",
                                                          "proxy_connect_timeout",
                                                          "proxy_hide_header",
                                                          "proxy_http_version",
                                                          "proxy_pass",
                                                          "proxy_read_timeout",
                                                          "proxy_redirect",
                                                          "proxy_set_header",
                                                          "resolver",
                                                          "return",
                                                          "rewrite",
                                                          "root",
                                                          "sendfile",
                                                          "server_name",
                                                          "server_tokens",
                                                          "ssl_certificate",
                                                          "ssl_certificate_key",
                                                          "ssl_ciphers",
                                                          "ssl_prefer_server_ciphers",
                                                          "ssl_protocols",
                                                          "ssl_session_cache",
                                                          "ssl_session_timeout",
                                                          "ssl_stapling",
                                                          "tcp_nodelay",
                                                          "tcp_nopush",
                                                          "try_files",
                                                          "types_hash_max_size",
                                                          "uwsgi_pass",
                                                          "worker_connections",
                                                          "worker_processes",
                                                          "ssl_session_tickets",
                                                          "ssl_dhparam",
                                                          "ssl_ecdh_curve",
                                                          "open_file_cache"};

constexpr std::array<std::string_view, 5> kBareBlocks = {"http", "server", "events", "stream",
                                                         "mail"};

constexpr std::array<std::string_view, 4> kFolders = {"nginx", "conf.d", "sites-available",
                                                      "sites-enabled"};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

struct Signals {
  int strong = 0;     // nginx block openers
  int directive = 0;  // known nginx directive lines ending in `;`
  int other = 0;      // lines that nginx would not write this way
};

void judge_line(std::string_view line, Signals& s) {
  line = trim(line);
  if (line.empty() || line.front() == '#' || line.front() == ';') return;
  // Drop a trailing `# comment` so `listen 80; # web` still ends with `;`.
  if (auto hash = line.find(" #"); hash != std::string_view::npos)
    line = trim(line.substr(0, hash));
  if (line.front() == '[' && line.back() == ']') {
    ++s.other;  // INI section (supervisord, systemd, php-fpm pools...)
    return;
  }
  if (line.front() == '<') {
    ++s.other;  // Apache <VirtualHost>, <Directory>...
    return;
  }
  size_t n = 0;
  while (n < line.size() && is_word_char(line[n])) ++n;
  std::string_view word = line.substr(0, n);
  std::string_view rest = trim(line.substr(n));
  if (word.empty()) return;
  if (!rest.empty() && rest.front() == '=' && line.back() != ';') {
    ++s.other;  // key = value (PostgreSQL, sysctl, supervisord, php.ini)
    return;
  }
  if (std::find(kBareBlocks.begin(), kBareBlocks.end(), word) != kBareBlocks.end() &&
      !rest.empty() && rest.front() == '{') {
    ++s.strong;
    return;
  }
  if ((word == "location" || word == "upstream" || word == "map") && line.back() == '{') {
    ++s.strong;
    return;
  }
  if (line.back() == ';' &&
      std::find(kDirectives.begin(), kDirectives.end(), word) != kDirectives.end()) {
    ++s.directive;
    return;
  }
  if (word.front() >= 'A' && word.front() <= 'Z' && line.back() != ';' && line.back() != '{')
    ++s.other;  // Apache-style `ServerName x`, `DocumentRoot /var/www`
}

Signals scan(std::string_view content) {
  Signals s;
  content = content.substr(0, std::min(content.size(), kScanLimit));
  while (!content.empty()) {
    size_t nl = content.find('\n');
    judge_line(content.substr(0, nl), s);
    if (nl == std::string_view::npos) break;
    content.remove_prefix(nl + 1);
  }
  return s;
}

bool in_nginx_folder(std::string_view path) {
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) return false;
    std::string_view seg = path.substr(start, slash - start);
    if (std::find(kFolders.begin(), kFolders.end(), seg) != kFolders.end()) return true;
    start = slash + 1;
  }
}

}  // namespace

bool is_nginx_config(std::string_view path, std::string_view content) {
  auto slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  bool conf = ends_with(name, ".conf");
  bool templ = ends_with(name, ".conf.template") || ends_with(name, ".conf.tpl");
  if (!conf && !templ) return false;
  if (name.substr(0, 5) == "nginx") return true;
  Signals s = scan(content);
  int nginx = s.strong + s.directive;
  if (in_nginx_folder(path)) {
    // A folder such as conf.d/ is shared with other programs: refuse clear foreign content.
    return !(s.other > 0 && nginx == 0) && !(s.strong == 0 && s.other > nginx);
  }
  if (s.strong > 0) return s.strong + s.directive > s.other;
  return s.directive > 0 && s.other == 0;
}

}  // namespace clearance
