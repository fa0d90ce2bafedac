// Which files are read as nginx: by name, by folder, by content; and other `.conf` dialects
// that must not be.
#include "parse/nginx/nginx_detect.h"

#include <catch2/catch.hpp>

#include "parse/parse.h"

using namespace clearance;

namespace {

constexpr const char* kSupervisord = R"(; supervisor config file
[unix_http_server]
file=/var/run/supervisor.sock   ; (the path to the socket file)
chmod=0700

[supervisord]
logfile=/var/log/supervisor/supervisord.log
pidfile=/var/run/supervisord.pid

[program:app]
command=/usr/local/bin/gunicorn app:server -b 0.0.0.0:8000
autostart=true
autorestart=true
)";

constexpr const char* kPostgres = R"(# PostgreSQL configuration
listen_addresses = '*'		# what IP address(es) to listen on;
port = 5432
max_connections = 100
shared_buffers = 128MB
ssl = on
include_dir = 'conf.d'
log_line_prefix = '%m [%p] %q%u@%d '
)";

constexpr const char* kApache = R"(<VirtualHost *:80>
    ServerName example.com
    ServerAdmin webmaster@example.com
    DocumentRoot /var/www/html
    ErrorLog ${APACHE_LOG_DIR}/error.log
    <Directory /var/www/html>
        AllowOverride All
    </Directory>
</VirtualHost>
)";

constexpr const char* kApacheSecurity = R"(ServerTokens Prod
ServerSignature Off
TraceEnable Off
Header set X-Frame-Options "SAMEORIGIN"
)";

constexpr const char* kSysctl = R"(# Kernel tuning
net.ipv4.ip_forward = 1
net.core.somaxconn = 1024
vm.swappiness=10
)";

constexpr const char* kNginxServer = R"(# site
server {
    listen 80;
    server_name example.com;
    location / {
        proxy_pass http://app:8000;
    }
}
)";

constexpr const char* kNginxSnippet = R"(# Security headers, included from each server
add_header X-Frame-Options "DENY" always;
add_header X-Content-Type-Options nosniff always;
)";

}  // namespace

TEST_CASE("nginx is recognised by name and folder", "[nginx]") {
  CHECK(classify("nginx.conf", "") == Format::Nginx);
  CHECK(classify("deploy/nginx/nginx.conf", "") == Format::Nginx);
  CHECK(classify("nginx-prod.conf", "") == Format::Nginx);
  CHECK(classify("etc/nginx/conf.d/app.conf", "server_tokens off;\n") == Format::Nginx);
  CHECK(classify("sites-available/default", kNginxServer) == Format::Text);  // no .conf
  CHECK(classify("sites-enabled/site.conf", "") == Format::Nginx);
  CHECK(classify("nginx/templates/default.conf.template", kNginxServer) == Format::Nginx);
  CHECK(classify("templates/default.conf.template", kNginxServer) == Format::Nginx);
  CHECK(classify("nginx/site.conf.tpl", "") == Format::Nginx);
}

TEST_CASE("nginx is recognised by content in any .conf", "[nginx]") {
  CHECK(classify("deploy/app.conf", kNginxServer) == Format::Nginx);
  CHECK(classify("h5bp/security/headers.conf", kNginxSnippet) == Format::Nginx);
  CHECK(classify("proxy.conf", "upstream app {\n  server 127.0.0.1:8000;\n}\n") == Format::Nginx);
  CHECK(classify("main.conf", "events {\n}\nhttp {\n}\n") == Format::Nginx);
  CHECK(classify("loc.conf", "location ~ /\\. {\n  deny all;\n}\n") == Format::Nginx);
}

TEST_CASE("other .conf dialects are not nginx", "[nginx]") {
  CHECK(classify("supervisord.conf", kSupervisord) == Format::Text);
  CHECK(classify("conf.d/supervisord.conf", kSupervisord) == Format::Text);
  CHECK(classify("postgresql.conf", kPostgres) == Format::Text);
  CHECK(classify("conf.d/postgresql.conf", kPostgres) == Format::Text);
  CHECK(classify("apache/site.conf", kApache) == Format::Text);
  CHECK(classify("sites-available/000-default.conf", kApache) == Format::Text);
  CHECK(classify("conf.d/security.conf", kApacheSecurity) == Format::Text);
  CHECK(classify("sysctl.conf", kSysctl) == Format::Text);
  CHECK(classify("app.conf", "") == Format::Text);
  CHECK(classify("resolv.conf", "nameserver 8.8.8.8\nsearch example.com\n") == Format::Text);
}

TEST_CASE("nginx detection ignores non-.conf names", "[nginx]") {
  CHECK_FALSE(is_nginx_config("nginx.txt", kNginxServer));
  CHECK_FALSE(is_nginx_config("Dockerfile", kNginxServer));
  CHECK(is_nginx_config("a/b/c.conf", kNginxServer));
}
