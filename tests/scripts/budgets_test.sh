#!/usr/bin/env bash
# Pathological inputs finish in seconds within bounded memory, say which limit they hit, and
# lose no other finding: huge format widths, values that double with every local, templates
# that call themselves, chains of counted modules. Each case runs under a memory limit (see
# limit_memory) and a 60 s timeout, and beside it sits a public database that must still be reported.
# Usage: budgets_test.sh CLEARANCE_BINARY SOURCE_DIR
set -u
bin=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib/checks.sh"
public_db='resource "aws_db_instance" "beside" {
  publicly_accessible = true
}'
run() {  # case directory: scans it bounded; the text output is left in DIR.out
  (limit_memory; timeout 60 "$bin" scan "$1" --no-config --no-color >"$1.out" 2>&1)
  local rc=$?
  check "$(basename "$1"): finishes (exit $rc)" test "$rc" -le 1
  check "$(basename "$1"): the other finding is kept" grep -q 'aws_db_instance.beside is publicly accessible' "$1.out"
}

n=0
for spec in '"%0999999999d", 1' '"%999999999s", "a"' '"%99999999999999999999d", 1'; do
  d=$tmp/format-$((++n))
  mkdir -p "$d"
  printf 'locals {\n  wide = format(%s)\n  many = formatlist("%%999999s", range(100))\n}\noutput "o" {\n  value = [local.wide, local.many]\n}\n%s\n' \
    "$spec" "$public_db" >"$d/main.tf"
  run "$d"
  check "format-$n: the width is reported" grep -q 'format result larger than 16 MiB' "$d.out"
done

d=$tmp/doubling
mkdir -p "$d"
{
  echo 'locals {'
  echo '  s0 = "ab"'
  echo '  t0 = ["x"]'
  for i in $(seq 1 40); do
    echo "  s$i = \"\${local.s$((i - 1))}\${local.s$((i - 1))}\""
    echo "  t$i = [local.t$((i - 1)), local.t$((i - 1))]"
  done
  echo '}'
  echo 'output "o" {'
  echo '  value = [local.s40, jsonencode(local.t40)]'
  echo '}'
  echo "$public_db"
} >"$d/main.tf"
run "$d"
check "doubling: the size limit is reported" grep -q 'value larger than 16 MiB' "$d.out"

d=$tmp/template-recursion
mkdir -p "$d"
printf '${templatefile("t.tpl", {})}\n' >"$d/t.tpl"
printf 'output "o" {\n  value = templatefile("t.tpl", {})\n}\n%s\n' "$public_db" >"$d/main.tf"
run "$d"

d=$tmp/module-chain
mkdir -p "$d"
for i in $(seq 0 9); do
  mkdir -p "$d/m$i"
  if [ "$i" -lt 9 ]; then
    printf 'module "next" {\n  count  = 10\n  source = "../m%s"\n}\n' $((i + 1)) >"$d/m$i/main.tf"
  fi
done
echo "$public_db" >"$d/m0/db.tf"
run "$d"
check "module-chain: the instance limit is reported" grep -q 'the scan reached 10000 module instances' "$d.out"

[ "$fail" = 0 ]
