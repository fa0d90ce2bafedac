#!/usr/bin/env bash
# Files and command lines a pull request or a careless invocation can bring: every route out
# of the scan root (symbolic links and ".." through nginx includes, Terraform module sources,
# module files and file()) with a token planted outside that must appear in no output;
# exclusions honoured by module loading; byte order marks, lone CRs and UTF-16; and options
# that must not swallow paths or accept nonsense.
# Usage: hostile_input_test.sh CLEARANCE_BINARY SOURCE_DIR
set -u
bin=$(realpath "$1")
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib/checks.sh"
# A token of a known shape (random, never a real credential), planted outside every scan root.
planted=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
outside=$tmp/outside
mkdir -p "$outside/sec" "$outside/mod"
printf 'add_header X-Token "%s";\n' "$planted" >"$outside/sec/leak.conf"
printf 'resource "aws_db_instance" "leak" {\n  publicly_accessible = true\n  password = "%s"\n}\n' \
  "$planted" >"$outside/mod/main.tf"
cp "$outside/mod/main.tf" "$outside/evil.tf"
printf 'TOKEN=%s\n' "$planted" >"$outside/env"

no_planted() {  # output file: neither the token nor any 12-character piece of it
  local i
  for ((i = 0; i + 12 <= ${#planted}; i += 4)); do
    grep -qF "${planted:i:12}" "$1" && return 1
  done
  return 0
}
scan_all_formats() {  # name, scan arguments...
  local name=$1 fmt
  shift
  for fmt in text json sarif markdown html junit gitlab; do
    "$bin" scan "$@" --no-config --no-color -f "$fmt" >"$tmp/$name.$fmt" 2>&1
    check "$name: planted token in no $fmt output" no_planted "$tmp/$name.$fmt"
  done
}

# nginx includes through a link to an outside directory, a link to /, and "..".
mkdir -p "$tmp/ng/conf"
ln -s "$outside/sec" "$tmp/ng/conf/sec"
ln -s / "$tmp/ng/conf/rootlink"
cat >"$tmp/ng/conf/nginx.conf" <<'EOF'
http {
  server {
    listen 443 ssl;
    include sec/leak.conf;
    include rootlink/etc/passwd;
    include ../../outside/sec/leak.conf;
  }
}
EOF
scan_all_formats nginx "$tmp/ng"
check "nginx: include through a link is refused as outside the scan root" \
  grep -q 'include "sec/leak.conf" not read: outside the scan root' "$tmp/nginx.text"
check "nginx: include of / through a link is refused" \
  grep -q 'include "rootlink/etc/passwd" not read: outside the scan root' "$tmp/nginx.text"
check "nginx: include through .. is refused" \
  grep -q 'include "../../outside/sec/leak.conf" not read: outside the scan root' "$tmp/nginx.text"
check "nginx: /etc/passwd is never read" bash -c "! grep -q 'root:' '$tmp/nginx.text'"

# Terraform: a module source through a link, module files linked outside, /etc/passwd and
# /proc/self/environ as .tf files, and file() through the linked directory. Scanned both as a
# directory and as the single file a pre-commit hook names.
mkdir -p "$tmp/tf"
ln -s "$outside/mod" "$tmp/tf/modlink"
ln -s "$outside/evil.tf" "$tmp/tf/evil.tf"
ln -s /etc/passwd "$tmp/tf/passwd.tf"
ln -s /proc/self/environ "$tmp/tf/environ.tf"
cat >"$tmp/tf/main.tf" <<'EOF'
module "m" {
  source = "./modlink"
}
output "o" {
  value = file("modlink/main.tf")
}
EOF
export CLEARANCE_PLANTED_ENV=$planted  # what /proc/self/environ would hold
scan_all_formats terraform "$tmp/tf"
(cd "$tmp/tf" && "$bin" scan main.tf --no-config -f text >"$tmp/tf-hook.text" 2>&1)
check "terraform: planted token in no output of a single-file scan" no_planted "$tmp/tf-hook.text"
check "terraform: module files linked outside are refused" \
  grep -q 'evil.tf.*module file not read: outside the scan root' "$tmp/tf-hook.text"
check "terraform: /proc/self/environ is refused" \
  grep -q 'environ.tf.*outside the scan root' "$tmp/tf-hook.text"
check "terraform: module directory through a link is refused" \
  grep -q 'modlink.*module directory not read: outside the scan root' "$tmp/tf-hook.text"
check "terraform: nothing from outside is judged" bash -c "! grep -q 'aws_db_instance.leak' '$tmp/terraform.text'"
unset CLEARANCE_PLANTED_ENV

# A .env linked outside is skipped by the walk.
mkdir -p "$tmp/envs"
ln -s "$outside/env" "$tmp/envs/.env"
scan_all_formats dotenv "$tmp/envs"

# Module loading honours .gitignore and exclude: (the walk would not read those files).
mkdir -p "$tmp/ex/app" "$tmp/ex/mod"
git -C "$tmp/ex" init -q 2>/dev/null
printf 'module "m" {\n  source = "../mod"\n}\n' >"$tmp/ex/app/main.tf"
printf 'resource "aws_db_instance" "x" {\n  publicly_accessible = true\n}\n' >"$tmp/ex/mod/ignored.tf"
printf 'variable "v" {\n  default = 1\n}\n' >"$tmp/ex/mod/vars.tf"
echo "mod/ignored.tf" >"$tmp/ex/.gitignore"
(cd "$tmp/ex" && "$bin" scan app/main.tf --no-config -f json >"$tmp/ex.json" 2>&1)
check "module loading skips a file .gitignore ignores" bash -c "! grep -q aws-rds-no-public-access '$tmp/ex.json'"
rm "$tmp/ex/.gitignore"
printf 'exclude:\n  - mod/ignored.tf\n' >"$tmp/ex/.clearance.yml"
(cd "$tmp/ex" && "$bin" scan app/main.tf -f json >"$tmp/ex2.json" 2>&1)
check "module loading skips a file exclude: names" bash -c "! grep -q aws-rds-no-public-access '$tmp/ex2.json'"
rm "$tmp/ex/.clearance.yml"
(cd "$tmp/ex" && "$bin" scan app/main.tf --no-config -f json >"$tmp/ex3.json" 2>&1)
check "module loading reads the file when nothing excludes it" grep -q aws-rds-no-public-access "$tmp/ex3.json"

# Nothing lost: a BOM before a Dockerfile, lone CR line ends in .env, UTF-16 text.
mkdir -p "$tmp/enc/docker" "$tmp/enc/env" "$tmp/enc/utf16"
printf '\xEF\xBB\xBFFROM ubuntu:latest\nRUN echo hi\n' >"$tmp/enc/docker/Dockerfile"
"$bin" scan "$tmp/enc/docker" --no-config -f json >"$tmp/bom.json" 2>&1
check "a Dockerfile with a byte order mark is parsed (no parse error)" \
  python3 -c "import json,sys; r=json.load(open('$tmp/bom.json')); sys.exit(0 if not [n for n in r.get('notifications', []) if 'unknown instruction' in n.get('message','')] else 1)"
check "a Dockerfile with a byte order mark is judged" grep -q '"docker-pinned-base-image"' "$tmp/bom.json"
printf 'APP=1\rJWT_SECRET=short\rPORT=80\r' >"$tmp/enc/env/.env"
"$bin" scan "$tmp/enc/env" --no-config -f json >"$tmp/cr.json" 2>&1
check "lone CR ends lines in .env (JWT_SECRET on line 2)" \
  python3 -c "import json,sys; r=json.load(open('$tmp/cr.json')); f=[x for x in r['findings'] if x['rule_id']=='env-secret-length']; sys.exit(0 if f and f[0]['location']['start']['line']==2 else 1)"
printf 'APP=1\r\nJWT_SECRET=short\r\n' >"$tmp/enc/env/.env"
"$bin" scan "$tmp/enc/env" --no-config -f json >"$tmp/crlf.json" 2>&1
check "CRLF ends lines in .env" grep -q '"env-secret-length"' "$tmp/crlf.json"
python3 -c "
import sys
open(sys.argv[1], 'wb').write('deploy:\n  token: $planted\n'.encode('utf-16'))" "$tmp/enc/utf16/notes.yml"
"$bin" scan "$tmp/enc/utf16" --no-config -f json >"$tmp/utf16.json" 2>&1
check "a secret in a UTF-16 file is found" grep -q '"secret-github-token"' "$tmp/utf16.json"
check "and not printed" no_planted "$tmp/utf16.json"

# Echoed input: a 2 MB image name is cut in messages; a right-to-left override in a file name
# is shown, not obeyed; a backslash in a file name stays part of it in SARIF URIs.
mkdir -p "$tmp/echo"
python3 -c "
import sys
d = sys.argv[1]
open(d + '/Dockerfile', 'w').write('FROM ' + 'a' * 2000000 + ':latest\\nUSER app\\n')
db = 'resource \"aws_db_instance\" \"x\" {\\n  publicly_accessible = true\\n}\\n'
open(d + '/x\u202egnp.tf', 'w').write(db)
open(d + '/back\\\\slash.tf', 'w').write(db)" "$tmp/echo"
for fmt in text json sarif markdown html junit gitlab; do
  "$bin" scan "$tmp/echo" --no-config --no-color -f "$fmt" >"$tmp/echo.$fmt" 2>&1
  check "echo: no 10,000-byte line in $fmt output" \
    awk 'length($0) > 10000 { long = 1 } END { exit long }' "$tmp/echo.$fmt"
done
for fmt in text markdown html junit; do
  check "echo: the override character is shown as <U+202E> in $fmt" \
    bash -c "grep -q 'x<U+202E>gnp.tf\\|x&lt;U+202E&gt;gnp.tf' '$tmp/echo.$fmt' && ! grep -q \$'\\u202e' '$tmp/echo.$fmt'"
done
check "echo: SARIF keeps the backslash in the name" grep -q '"back%5Cslash.tf"' "$tmp/echo.sarif"

# The command line cannot be misread.
mkdir -p "$tmp/cli/infra" "$tmp/cli/rules"
printf 'resource "aws_db_instance" "x" {\n  publicly_accessible = true\n}\n' >"$tmp/cli/infra/main.tf"
(cd "$tmp/cli" && "$bin" scan --rules rules infra --no-config -f json >"$tmp/rules.json" 2>/dev/null)
check "--rules DIR PATH scans PATH (the option takes one value)" grep -q '"aws-rds-no-public-access"' "$tmp/rules.json"
"$bin" scan "$tmp/cli/infra" --no-config --var-file "$tmp" >/dev/null 2>"$tmp/err"
check "a directory as --var-file exits 2" test $? -eq 2
check "and names it" grep -q "cannot read --var-file $tmp: is a directory" "$tmp/err"
"$bin" scan "$tmp/cli/infra" --no-config --var-file "$tmp/missing.tfvars" >/dev/null 2>"$tmp/err"
check "a missing --var-file exits 2" test $? -eq 2
"$bin" scan "$tmp/cli/infra" --no-config --var novalue >/dev/null 2>"$tmp/err"
check "a --var without = exits 2" test $? -eq 2
"$bin" scan "$tmp/cli/infra" --no-config --max-file-size -5 >/dev/null 2>"$tmp/err"
check "--max-file-size -5 is refused (exit 2)" test $? -eq 2
"$bin" scan "$tmp/cli/infra" --no-config -j x >/dev/null 2>"$tmp/err"
check "-j x is refused (exit 2)" test $? -eq 2

# Configuration and custom rules: bounded, confined, checked.
mkdir -p "$tmp/cfg/repo/infra" "$tmp/cfg/outside" "$tmp/cfg/repo/rules"
git -C "$tmp/cfg/repo" init -q 2>/dev/null
printf 'id: x\n' >"$tmp/cfg/outside/r.yml"
printf 'resource "aws_db_instance" "x" {\n  publicly_accessible = true\n}\n' >"$tmp/cfg/repo/infra/main.tf"
cfg=$tmp/cfg/repo/.clearance.yml
expect_config_error() {  # description, expected message part
  (cd "$tmp/cfg/repo" && "$bin" scan infra >/dev/null 2>"$tmp/err")
  check "config: $1 exits 2" test $? -eq 2
  check "config: $1 is named" grep -q "$2" "$tmp/err"
}
printf 'rules_dirs:\n  - ../outside\n' >"$cfg"
expect_config_error "rules_dirs outside the repository" "lies outside the repository"
printf 'production_env_files: 12\n' >"$cfg"
expect_config_error "a number as a file name" "production_env_files takes file names"
python3 -c "
import sys
s = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\\n'
for i in range(1, 10):
    s += 'a%d: &a%d [' % (i, i) + ', '.join(['*a%d' % (i - 1)] * 9) + ']\\n'
open(sys.argv[1], 'w').write(s + 'exclude: *a9\\n')
open(sys.argv[2], 'w').write(s.replace('a0:', 'id: custom-laughs\\na0:'))" "$cfg" "$tmp/cfg/repo/rules/laughs.yml"
expect_config_error "nested YAML aliases" "expands to more than 200000 YAML nodes"
rm "$cfg"
(cd "$tmp/cfg/repo" && limit_memory && timeout 30 "$bin" scan infra --rules rules >/dev/null 2>"$tmp/err")
check "rules: nested YAML aliases in a custom rule are refused (exit 2)" test $? -eq 2
check "rules: and named" grep -q "expands to more than 200000 YAML nodes" "$tmp/err"
head -c 2000000 /dev/zero | tr '\0' a | sed 's/^/exclude: /' >"$cfg"
expect_config_error "a 2 MB configuration" "larger than 1 MiB"
rm "$cfg"
python3 -c "
import sys
s = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\\n'
for i in range(1, 10):
    s += 'a%d: &a%d [' % (i, i) + ', '.join(['*a%d' % (i - 1)] * 9) + ']\\n'
tf = 'locals {\\n  laughs = yamldecode(<<EOT\\n' + s + 'EOT\\n  )\\n}\\noutput \"o\" {\\n  value = local.laughs\\n}\\n'
open(sys.argv[1], 'w').write(tf)" "$tmp/cfg/repo/infra/laughs.tf"
(cd "$tmp/cfg/repo" && limit_memory && timeout 30 "$bin" scan infra >"$tmp/out" 2>&1)
check "yamldecode of nested aliases finishes (exit 1, the database still reported)" test $? -eq 1
check "and the other finding is kept" grep -q "aws_db_instance.x is publicly accessible" "$tmp/out"

[ "$fail" = 0 ]
