#!/usr/bin/env bash
# Validates clearance's SARIF with real validators (tests/sarif/validate.mjs: Microsoft's SARIF
# multitool with the GitHub rules, Ajv against the SARIF 2.1.0 schema, and our own checks),
# on a scan of examples/ and on a scan that hits a malformed file, so that parse problems
# show up as tool notifications. Also checks that two scans give byte-identical SARIF, and
# validates the JSON output against docs/json-output.schema.json.
# Usage: sarif_validate_test.sh CLEARANCE_BINARY SOURCE_DIR   (exit 77 = skipped: no node)
set -euo pipefail

bin=$(realpath "$1")
src=$(realpath "$2")
sarif_dir="$src/tests/sarif"

if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  echo "SKIP: node and npm are needed for the SARIF validators"
  exit 77
fi
if [ ! -d "$sarif_dir/node_modules" ]; then
  npm ci --prefix "$sarif_dir" --no-audit --no-fund
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Runs `clearance scan` with the given arguments; exit 0 (clean) or 1 (findings) is fine.
scan() {
  local rc=0
  "$bin" scan "$@" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "FAIL: clearance scan $* exited $rc"
    exit 1
  fi
}

# Prints the value of a JavaScript expression over the SARIF log in $1 (bound to `log`).
query() {
  node -e 'const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
           console.log(eval(process.argv[2]));' "$1" "$2"
}

echo "== examples/"
scan "$src/examples" --format sarif --output "$tmp/examples.sarif"
scan "$src/examples" --format json --output "$tmp/examples.json"
node "$sarif_dir/validate.mjs" "$tmp/examples.sarif" \
  --json-schema "$src/docs/json-output.schema.json" "$tmp/examples.json"
results=$(query "$tmp/examples.sarif" 'log.runs[0].results.length')
rules=$(query "$tmp/examples.sarif" 'log.runs[0].tool.driver.rules.length')
echo "examples: $results results, $rules rules"
if [ "$results" -lt 1 ] || [ "$rules" -lt 1 ]; then
  echo "FAIL: the examples should produce results under listed rules"
  exit 1
fi

echo "== determinism"
scan "$src/examples" --format sarif --output "$tmp/again.sarif"
if ! cmp -s "$tmp/examples.sarif" "$tmp/again.sarif"; then
  echo "FAIL: two scans of examples/ gave different SARIF"
  diff "$tmp/examples.sarif" "$tmp/again.sarif" | head -20
  exit 1
fi

echo "== malformed input"
mkdir -p "$tmp/broken/dir with space"
printf 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n' > "$tmp/broken/unclosed.tf"
printf 'variable "x" {\n  default = [1, 2\n}\n}}}\n' > "$tmp/broken/dir with space/bad brackets.tf"
printf 'resource "aws_s3_bucket" "ok" {\n  bucket = "ok"\n}\n' > "$tmp/broken/ok.tf"
(cd "$tmp/broken" && scan . --format sarif --output "$tmp/broken.sarif")
node "$sarif_dir/validate.mjs" "$tmp/broken.sarif"
notes=$(query "$tmp/broken.sarif" \
  '(log.runs[0].invocations[0].toolExecutionNotifications || []).filter(n => n.level === "error").length')
echo "malformed: $notes error notification(s)"
if [ "$notes" -lt 1 ]; then
  echo "FAIL: malformed .tf files should be reported as error notifications"
  exit 1
fi

echo "PASS"
