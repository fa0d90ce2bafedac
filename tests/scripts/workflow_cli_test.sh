#!/usr/bin/env bash
# The team-workflow features through the CLI, with the README's own snippets: the
# configuration file, inline and configured suppressions, the baseline, the CI formats
# (junit, markdown, gitlab), byte-identical output across runs, and SARIF that the
# validators accept with all of that in play.
# Usage: workflow_cli_test.sh CLEARANCE_BINARY SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
. "$src/tests/workflow/tools.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin"
ln -s "$bin" "$tmp/bin/clearance"  # the README's snippets call `clearance`
export PATH="$tmp/bin:$PATH"
snippet() { python3 "$src/tests/workflow/snippet.py" "$src/README.md" "$1"; }
# run ARGS...: runs clearance with its output in $tmp/out and $tmp/err, its exit code in $rc.
run() { rc=0; "$bin" "$@" > "$tmp/out" 2> "$tmp/err" || rc=$?; }

echo "== configuration file (README snippet)"
proj="$tmp/config"
mkdir -p "$proj/policies" "$proj/sub"
snippet config > "$proj/.clearance.yml"
cat > "$proj/sub/db.tf" <<'TF'
resource "aws_db_instance" "db" {
  engine                  = "postgres"
  backup_retention_period = 7
}
TF
cd "$proj/sub"  # the configuration is found upward from the scan root
run scan . --no-color
grep -q "aws-rds-backup-retention .*fewer than 14" "$tmp/out" || fail "min_days: 14 not applied: $(cat "$tmp/out")"
grep -q "aws-rds-multi-az" "$tmp/out" && fail "aws-rds-multi-az is disabled by the configuration"
run scan . --no-config --no-color
grep -q "fewer than 30" "$tmp/out" || fail "--no-config should use the default min_days"
grep -q "aws-rds-multi-az" "$tmp/out" || fail "--no-config should run aws-rds-multi-az"
sed -i 's/backup_retention_period = 7/backup_retention_period = 21/' db.tf
run scan . --no-color
grep -q "aws-rds-backup-retention" "$tmp/out" && fail "21 days satisfy min_days: 14"
cd "$proj"
cat > bad.yml <<'YML'
rules:
  aws-rds-backup-retention:
    params: {min_days: "two weeks"}
  aws-rds-multi-azz: {enabled: false}
  docker-healthcheck: {severity: urgent}
tags: {enable: [no-such-tag]}
colour: red
YML
run scan . --config bad.yml
[ "$rc" = 2 ] || fail "an invalid configuration must exit 2, got $rc"
cat "$tmp/err"
grep -q "bad.yml:5: unknown severity 'urgent' (valid: info, low, medium, high, critical)" "$tmp/err" || fail "bad severity"
grep -q "bad.yml:7: unknown key 'colour' (valid: version, rules," "$tmp/err" || fail "unknown key"
run scan . --config bad.yml --no-color
sed -i '/severity: urgent/d; /^colour/d' bad.yml
run scan . --config bad.yml
[ "$rc" = 2 ] || fail "unknown rule, tag and parameter type must exit 2"
cat "$tmp/err"
grep -q "bad.yml:4: unknown rule 'aws-rds-multi-azz' (did you mean 'aws-rds-multi-az'?)" "$tmp/err" || fail "unknown rule"
grep -q "bad.yml:3: rules.aws-rds-backup-retention.params.min_days must be a number" "$tmp/err" || fail "param type"
grep -q "bad.yml:5: unknown tag 'no-such-tag' (valid: " "$tmp/err" || fail "unknown tag"

echo "== suppressions (README snippet)"
proj="$tmp/suppress"
mkdir -p "$proj/tasks"
snippet suppression > "$proj/main.tf"
printf '{"family": "agent", "containerDefinitions": [\n  {"name": "agent", "image": "agent:1.2.3", "privileged": true}\n]}\n' > "$proj/tasks/task-definition.json"
cat > "$proj/.clearance.yml" <<'YML'
ignore:
  - rule: ecs-no-privileged
    paths: ["tasks/*.json"]
    reason: the monitoring agent reads host metrics
YML
cd "$proj"
run scan . --format sarif --output "$tmp/suppress.sarif"
run scan . --no-color
cat "$tmp/out"
grep -q "aws-rds-no-public-access" "$tmp/out" && fail "the inline suppression did not apply"
grep -q "ecs-no-privileged" "$tmp/out" && fail "the configured suppression did not apply"
grep -q "aws-rds-backup-retention" "$tmp/out" && fail "the end-of-line suppression did not apply"
grep -q "clearance-suppression" "$tmp/out" && fail "the README's suppressions are all valid"
grep -Eq "; 3 suppressed;" "$tmp/out" || fail "the text summary does not count the 3 suppressed findings"
python3 - "$tmp/suppress.sarif" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
def sup(rule):
    found = [r for r in results if r["ruleId"] == rule]
    assert found, f"{rule} missing from SARIF: suppressed results must stay"
    return found[0].get("suppressions", [])
s = sup("aws-rds-no-public-access")
assert s and s[0]["kind"] == "inSource" and s[0]["status"] == "accepted", s
assert s[0]["justification"] == "read replica for the BI tool, VPN only", s
s = sup("ecs-no-privileged")
assert s and s[0]["kind"] == "external" and "host metrics" in s[0]["justification"], s
PY
# Only suppressed findings: exit code 0.
mkdir -p "$tmp/quiet"
printf '# clearance:ignore docker-healthcheck batch job, nothing to probe\nFROM alpine:3.19\nUSER app\n' > "$tmp/quiet/Dockerfile"
run scan "$tmp/quiet" --no-config --no-color
[ "$rc" = 0 ] || fail "suppressed findings must not fail the scan (rc $rc): $(cat "$tmp/out")"
# An expired suppression no longer applies, and is reported.
sed -i 's/# clearance:ignore docker-healthcheck/# clearance:ignore docker-healthcheck until=2020-01-01/' "$tmp/quiet/Dockerfile"
run scan "$tmp/quiet" --no-config --no-color
[ "$rc" = 1 ] || fail "an expired suppression must not apply"
grep -q "Dockerfile:1:.*clearance-suppression suppression of 'docker-healthcheck' expired on 2020-01-01" "$tmp/out" || fail "expired"
# One that suppresses nothing is reported; one without a reason too.
printf 'FROM alpine:3.19\nHEALTHCHECK CMD true\n# clearance:ignore docker-healthcheck\nUSER app\n' > "$tmp/quiet/Dockerfile"
run scan "$tmp/quiet" --no-config --no-color
grep -q "Dockerfile:3:.*suppression of 'docker-healthcheck' gives no reason" "$tmp/out" || fail "no reason: $(cat "$tmp/out")"
grep -q "Dockerfile:3:.*suppression of 'docker-healthcheck' suppresses nothing" "$tmp/out" || fail "unused"
run scan "$tmp/quiet" --no-config --format sarif --output "$tmp/meta.sarif"
grep -q '"ruleId": "clearance-suppression"' "$tmp/meta.sarif" || fail "the meta findings are missing from SARIF"
# Turning the meta rule off in the configuration silences those reports.
printf 'rules:\n  clearance-suppression: {enabled: false}\n' > "$tmp/quiet.yml"
run scan "$tmp/quiet" --config "$tmp/quiet.yml" --no-color
[ "$rc" = 0 ] || fail "with clearance-suppression disabled the scan should be clean: $(cat "$tmp/out")"

echo "== baseline (README snippet)"
proj="$tmp/baseline"
mkdir -p "$proj/infra"
cp "$src/fixtures/terraform/aws-rds-no-public-access/"*.tf "$proj/infra/" 2>/dev/null ||
  printf 'resource "aws_db_instance" "a" {\n  publicly_accessible = true\n}\n' > "$proj/infra/main.tf"
printf 'FROM ubuntu\nRUN apt-get install -y curl\n' > "$proj/Dockerfile"
cd "$proj"
snippet baseline > "$tmp/baseline.sh"
run scan . --no-color
[ "$rc" = 1 ] || fail "the baseline project should have findings"
before=$(grep -c "^[^ ]*:[0-9]*:[0-9]* " "$tmp/out")
bash -e "$tmp/baseline.sh" > "$tmp/out" || fail "the README's baseline commands failed: $(cat "$tmp/out")"
[ -s .clearance-baseline.json ] || fail "no baseline written"
python3 -c 'import json,sys; d=json.load(open(".clearance-baseline.json")); assert d["version"]==1 and d["findings"]' ||
  fail "the baseline is not the documented JSON"
grep -Eq "20[0-9]{2}-[0-9]{2}-[0-9]{2}|T[0-9]{2}:[0-9]{2}" .clearance-baseline.json && fail "the baseline holds a timestamp"
cp .clearance-baseline.json "$tmp/first.json"
"$bin" baseline . --output .clearance-baseline.json
cmp -s .clearance-baseline.json "$tmp/first.json" || fail "two baselines of the same tree differ"
python3 - <<'PY' || fail "the baseline is not sorted"
import json
f = json.load(open(".clearance-baseline.json"))["findings"]
keys = [(e["path"], e["rule"], e["subject"], e["fingerprint"]) for e in f]
assert keys == sorted(keys)
PY
echo "baselined $before findings: $(grep -c '"fingerprint"' .clearance-baseline.json) entries"
run scan . --baseline .clearance-baseline.json --no-color
[ "$rc" = 0 ] || fail "nothing new since the baseline, yet rc $rc: $(cat "$tmp/out")"
# Lines shift and files move: still nothing new.
for f in infra/*.tf; do { printf '# moved and shifted\n\n\n'; cat "$f"; } > "$f.new" && rm "$f" && mv "$f.new" "${f%.tf}.tf"; done
mkdir -p platform && mv infra platform/
{ printf '# comment\n\n'; cat Dockerfile; } > Dockerfile.new && mv Dockerfile.new Dockerfile
run scan . --baseline .clearance-baseline.json --no-color
[ "$rc" = 0 ] || fail "line shifts and a moved directory broke the baseline: $(cat "$tmp/out")"
# Something new is reported, and only that.
printf 'resource "aws_s3_bucket" "fresh" {\n  bucket = "fresh"\n}\n' > platform/new.tf
run scan . --baseline .clearance-baseline.json --no-color
[ "$rc" = 1 ] || fail "a new finding must fail the scan"
grep -v "^platform/new.tf:" "$tmp/out" | grep -Eq "^[^ ]+:[0-9]+:[0-9]+ " && fail "old findings came back: $(cat "$tmp/out")"
grep -q "^platform/new.tf:1:1 " "$tmp/out" || fail "the new finding is missing"
run scan . --baseline .clearance-baseline.json --format sarif --output "$tmp/baseline.sarif"
python3 - "$tmp/baseline.sarif" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
old = [r for r in results if r.get("suppressions")]
assert old and all(s["kind"] == "external" and "baseline" in s["justification"] for r in old for s in r["suppressions"])
PY

echo "== CI formats"
cd "$proj"
for fmt in junit markdown gitlab json sarif text; do
  "$bin" scan . --no-config --format "$fmt" --output "$tmp/a.$fmt" || true
  "$bin" scan . --no-config --format "$fmt" --output "$tmp/b.$fmt" || true
  # The scan's duration is the one thing allowed to differ.
  for x in a b; do sed -e 's/; [0-9.]*s$//' -e 's/"seconds": [0-9.e+-]*/"seconds": 0/' "$tmp/$x.$fmt" > "$tmp/$x.cmp"; done
  cmp -s "$tmp/a.cmp" "$tmp/b.cmp" || fail "two runs gave different $fmt output"
done
python3 - "$tmp/a.junit" "$tmp/a.gitlab" "$tmp/a.markdown" "$tmp/a.json" <<'PY'
import json, sys, xml.etree.ElementTree as ET
junit, gitlab, markdown, full = sys.argv[1:]
findings = [f for f in json.load(open(full))["findings"] if not f.get("suppressions")]
root = ET.parse(junit).getroot()
assert root.tag == "testsuites"
cases = {(c.get("classname"), c.get("name")): c for c in root.iter("testcase")}
for f in findings:
    key = (f["rule_id"], f["location"]["path"])
    assert key in cases, f"no JUnit test case for {key}"
    failing = f["verdict"] == "fail" and f["severity"] != "info"  # the threshold is low
    assert (cases[key].find("failure") is not None) == failing or not failing, key
assert len(cases) == len(set(cases)), "one test case per rule and file"
issues = json.load(open(gitlab))
assert isinstance(issues, list) and issues
for i in issues:
    for k in ("description", "check_name", "fingerprint", "severity"):
        assert isinstance(i[k], str) and i[k], k
    assert i["severity"] in ("info", "minor", "major", "critical", "blocker")
    assert isinstance(i["location"]["path"], str) and i["location"]["lines"]["begin"] >= 1
assert len({i["fingerprint"] for i in issues}) == len(issues), "GitLab fingerprints must be unique"
md = open(markdown).read()
assert md.startswith("## clearance: ") and "| Severity | Findings |" in md and "<details>" in md, md[:300]
PY

echo "== SARIF validation with suppressions, config and baseline in play"
if command -v node > /dev/null && [ -d "$src/tests/sarif/node_modules" ]; then
  node "$src/tests/sarif/validate.mjs" "$tmp/suppress.sarif"
  node "$src/tests/sarif/validate.mjs" "$tmp/meta.sarif"
  node "$src/tests/sarif/validate.mjs" "$tmp/baseline.sarif" --json-schema "$src/docs/json-output.schema.json" "$tmp/a.json"
elif [ "${CI:-}" = "true" ]; then
  fail "node and tests/sarif/node_modules are needed to validate SARIF (scripts/setup.sh --tests)"
else
  echo "SKIP part: no SARIF validators here"
fi
echo "PASS"
