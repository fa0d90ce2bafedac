#!/usr/bin/env bash
# `clearance scan` options for CI use: a missing path fails, exit-code control, rule
# selection, NO_COLOR and environment variables, several outputs in one run.
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() {  # description, command...
  local what=$1
  shift
  if "$@"; then echo "ok - $what"; else echo "not ok - $what"; fail=1; fi
}

mkdir -p "$tmp/bad"
cat >"$tmp/bad/db.tf" <<'TF'
resource "aws_db_instance" "main" {
  engine              = "postgres"
  publicly_accessible = true
}
TF
cd "$tmp" || exit 1

# A path that does not exist is exit 2 with a message naming it.
"$bin" scan bad no-such-dir >out.txt 2>err.txt
check "missing path exits 2" test $? -eq 2
check "missing path is named" grep -q "no-such-dir" err.txt
"$bin" scan bad >/dev/null 2>&1
check "existing path still scans (exit 1 on a violation)" test $? -eq 1
[ "$fail" = 0 ]
