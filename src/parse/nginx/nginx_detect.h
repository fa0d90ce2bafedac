// Recognises nginx configuration files by name, folder and a cheap look at their content.
// `.conf` is shared by many programs (supervisord, PostgreSQL, Apache, sysctl...), so a name
// alone decides only for `nginx.conf`; elsewhere the content must look like nginx.
#pragma once

#include <string_view>

namespace clearance {

/// True if the file at `path` (relative, '/'-separated) holding `content` is nginx
/// configuration: `nginx*.conf`; `*.conf` (and `*.conf.template`, `*.conf.tpl`) under a
/// `nginx/`, `conf.d/`, `sites-available/` or `sites-enabled/` folder unless the content is
/// clearly another format; any other `.conf` whose content has nginx blocks
/// (`http {`, `server {`, `location ... {`, `upstream x {`, `events {`) or directives.
bool is_nginx_config(std::string_view path, std::string_view content);

}  // namespace clearance
