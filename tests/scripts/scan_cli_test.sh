#!/usr/bin/env bash
# End-to-end behaviour of `clearance scan`: exit codes, a malformed file beside good ones,
# output formats, and that no format ever prints a secret in full.
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() {  # description, command...
  local what=$1
  shift
  if "$@"; then echo "ok - $what"; else echo "not ok - $what"; fail=1; fi
}

# A clean directory exits 0.
mkdir -p "$tmp/clean"
cat >"$tmp/clean/main.tf" <<'TF'
resource "aws_cloudwatch_log_group" "ok" {
  name              = "/app"
  retention_in_days = 30
  kms_key_id        = "arn:aws:kms:eu-west-1:123456789012:key/abc"
}
TF
"$bin" scan "$tmp/clean" >"$tmp/clean.out" 2>&1
check "clean directory exits 0" test $? -eq 0

# A violation exits 1; a threshold above it exits 0.
mkdir -p "$tmp/bad"
cat >"$tmp/bad/db.tf" <<'TF'
resource "aws_db_instance" "main" {
  engine              = "postgres"
  publicly_accessible = true
  password            = "Zq8vK2mW9xR4tL7pN3sD"
}
TF
printf 'resource "aws_s3_bucket" "broken" {\n  bucket = "x"\n  acl = \n' >"$tmp/bad/broken.tf"
"$bin" scan "$tmp/bad" --no-color >"$tmp/bad.txt" 2>&1
check "violations exit 1" test $? -eq 1
check "text output names the rule at its line" grep -q "db.tf:3:.*critical.*aws-rds-no-public-access" "$tmp/bad.txt"
"$bin" scan "$tmp/bad" --severity-threshold critical --rules /nonexistent >/dev/null 2>&1
check "a missing rules directory is a fatal error (exit 2)" test $? -eq 2
"$bin" scan "$tmp/bad" --format nope >/dev/null 2>&1
check "an unknown format is a usage error (exit 2)" test $? -eq 2

# The malformed file is reported, and the good file's findings are still there.
"$bin" scan "$tmp/bad" --format sarif --output "$tmp/bad.sarif" >/dev/null 2>&1
check "sarif written" test -s "$tmp/bad.sarif"
check "syntax error is a tool notification naming the file" \
  python3 -c "import json,sys; d=json.load(open('$tmp/bad.sarif')); n=d['runs'][0]['invocations'][0]['toolExecutionNotifications']; sys.exit(0 if any('broken.tf' in json.dumps(x) for x in n) else 1)"
check "good file's finding still reported" \
  python3 -c "import json,sys; d=json.load(open('$tmp/bad.sarif')); r=d['runs'][0]['results']; sys.exit(0 if any(x['ruleId']=='aws-rds-no-public-access' for x in r) else 1)"

# No format prints the secret in full.
for fmt in text json sarif; do
  "$bin" scan "$tmp/bad" --format "$fmt" --output "$tmp/out.$fmt" >/dev/null 2>&1
  check "no secret in $fmt output" bash -c "! grep -q 'Zq8vK2mW9xR4tL7pN3sD' '$tmp/out.$fmt'"
done

# The bundled example has findings and scans without errors.
"$bin" scan "$src/examples" --format json --output "$tmp/example.json" >/dev/null 2>&1
rc=$?
check "example project exits 1 (deliberate violations)" test $rc -eq 1

# Same input, same bytes.
"$bin" scan "$src/examples" --format sarif --output "$tmp/a.sarif" >/dev/null 2>&1
"$bin" scan "$src/examples" --format sarif --output "$tmp/b.sarif" >/dev/null 2>&1
check "deterministic SARIF" cmp -s "$tmp/a.sarif" "$tmp/b.sarif"

[ "$fail" = 0 ]
