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
[ "$fail" = 0 ]
