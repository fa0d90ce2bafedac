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

# --exit-zero: findings never fail the run; errors still exit 2.
"$bin" scan bad --exit-zero >out.txt 2>&1
check "--exit-zero exits 0 with findings" test $? -eq 0
check "--exit-zero still reports" grep -q "aws-rds-no-public-access" out.txt
"$bin" scan bad --exit-zero --rules /nonexistent >/dev/null 2>&1
check "--exit-zero: an error still exits 2" test $? -eq 2
"$bin" scan bad no-such-dir --exit-zero >/dev/null 2>&1
check "--exit-zero: a missing path still exits 2" test $? -eq 2
"$bin" scan bad --severity-threshold none >out.txt 2>&1
check "--severity-threshold none is accepted and exits 0" test $? -eq 0
check "--severity-threshold none still reports" grep -q "aws-rds-no-public-access" out.txt
"$bin" scan bad --severity-threshold nope >/dev/null 2>&1
check "an unknown threshold exits 2" test $? -eq 2

# --rule / --skip-rule, repeatable; an unknown id is exit 2 with a message.
"$bin" scan bad --no-color --rule aws-rds-no-public-access >out.txt 2>&1
check "--rule runs that rule" grep -q "aws-rds-no-public-access" out.txt
check "--rule runs only that rule" bash -c "! grep -q 'aws-rds-multi-az' out.txt"
"$bin" scan bad --no-color --rule aws-rds-no-public-access --rule aws-rds-multi-az >out.txt 2>&1
check "--rule is repeatable" bash -c "grep -q aws-rds-multi-az out.txt && grep -q aws-rds-no-public-access out.txt && ! grep -q aws-rds-storage-encrypted out.txt"
"$bin" scan bad --no-color --skip-rule aws-rds-no-public-access --skip-rule aws-rds-multi-az >out.txt 2>&1
check "--skip-rule drops those rules" bash -c "! grep -q aws-rds-no-public-access out.txt && ! grep -q aws-rds-multi-az out.txt"
check "--skip-rule keeps the others" grep -q "aws-rds-storage-encrypted" out.txt
"$bin" scan bad --rule aws-rds-no-public-access --skip-rule aws-rds-no-public-access >/dev/null 2>&1
check "--skip-rule wins over --rule (nothing fails: exit 0)" test $? -eq 0
printf 'version: 1\nrules:\n  aws-rds-no-public-access:\n    enabled: false\n' >off.yml
"$bin" scan bad --no-color --config off.yml --rule aws-rds-no-public-access >out.txt 2>&1
check "--rule runs a rule the configuration disables" grep -q "aws-rds-no-public-access" out.txt
"$bin" scan bad --rule aws-rds-no-public-acess >/dev/null 2>err.txt
check "--rule with an unknown id exits 2" test $? -eq 2
check "the unknown id is named, with a suggestion" grep -q "unknown rule 'aws-rds-no-public-acess'.*did you mean 'aws-rds-no-public-access'" err.txt
"$bin" scan bad --skip-rule nope-rule >/dev/null 2>err.txt
check "--skip-rule with an unknown id exits 2" test $? -eq 2
check "--skip-rule: the unknown id is named" grep -q "nope-rule" err.txt

# Colour: only on a terminal (script(1) gives one), never with NO_COLOR set.
esc=$(printf '\033[')
"$bin" scan bad >out.txt 2>&1
check "no colour when stdout is not a terminal" bash -c "! grep -qF '$esc' out.txt"
if command -v script >/dev/null; then
  script -qec "'$bin' scan bad" /dev/null >tty.txt 2>&1
  check "colour on a terminal" grep -qF "$esc" tty.txt
  NO_COLOR=1 script -qec "'$bin' scan bad" /dev/null >tty.txt 2>&1
  check "NO_COLOR: no colour on a terminal" bash -c "! grep -qF '$esc' tty.txt && grep -q aws-rds-no-public-access tty.txt"
else
  echo "skipped - colour on a terminal: script(1) not installed"
fi

# Environment variables for the common options; the command line wins over them.
CLEARANCE_FORMAT=json "$bin" scan bad >out.json 2>/dev/null
check "CLEARANCE_FORMAT" python3 -c "import json; json.load(open('out.json'))"
CLEARANCE_FORMAT=json "$bin" scan bad --format text >out.txt 2>/dev/null
check "--format beats CLEARANCE_FORMAT" grep -q "findings" out.txt
CLEARANCE_SEVERITY_THRESHOLD=none "$bin" scan bad >/dev/null 2>&1
check "CLEARANCE_SEVERITY_THRESHOLD=none exits 0" test $? -eq 0
CLEARANCE_SEVERITY_THRESHOLD=nope "$bin" scan bad >/dev/null 2>&1
check "CLEARANCE_SEVERITY_THRESHOLD=nope exits 2" test $? -eq 2
CLEARANCE_CONFIG=off.yml "$bin" scan bad --no-color >out.txt 2>&1
check "CLEARANCE_CONFIG" bash -c "! grep -q aws-rds-no-public-access out.txt && grep -q aws-rds-multi-az out.txt"
CLEARANCE_OUTPUT=env.txt "$bin" scan bad >/dev/null 2>&1
check "CLEARANCE_OUTPUT" grep -q "aws-rds-no-public-access" env.txt
[ "$fail" = 0 ]
