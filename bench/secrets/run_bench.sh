#!/usr/bin/env bash
# The secret-scanner benchmark: keyword-pass contenders and the full scanner on a generated
# tree and on a real repository's files, then clearance, gitleaks and detect-secrets side by
# side on the generated tree (same files, one core each), findings compared with the planted
# secrets. Not a test: numbers go to bench/secrets/README.md.
#
# usage: bench/secrets/run_bench.sh [MB=32] [REAL_DIR]
#   BUILD=<dir> reuses a build directory configured with -DCLEARANCE_BENCH=ON.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mb=${1:-32}
real=${2:-$(go env GOMODCACHE)/golang.org/x/text@v0.3.8}
gitleaks_version=v8.18.4
detect_secrets_version=1.5.0
work=$here/.work
build=${BUILD:-$root/build-bench}
mkdir -p "$work" "$here/.tools"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLEARANCE_BENCH=ON -DCLEARANCE_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target clearance secrets_keyword_bench | grep -E "error|FAILED" || true

if [ ! -d "$real" ]; then
  # A real repository's files: a pinned module through the Go module proxy.
  (cd "$work" && go mod download golang.org/x/text@v0.3.8)
fi
if [ ! -x "$here/.tools/gitleaks" ]; then
  GOBIN=$here/.tools go install "github.com/zricethezav/gitleaks/v8@$gitleaks_version"
fi
if [ ! -x "$here/.venv/bin/detect-secrets" ]; then
  python3 -m venv "$here/.venv"
  "$here/.venv/bin/pip" install -q "detect-secrets==$detect_secrets_version"
fi

tree=$work/tree
if [ ! -d "$tree" ]; then
  (cd "$here" && python3 gen_tree.py "$tree" --mb "$mb")
fi

echo "## Keyword pass and scanner, generated tree"
"$build/bench/secrets/secrets_keyword_bench" "$tree" 5 2>/dev/null
if [ -d "$real" ]; then
  echo
  echo "## Keyword pass and scanner, real files ($real)"
  "$build/bench/secrets/secrets_keyword_bench" "$real" 5 2>/dev/null
fi

# Wall and CPU (user + system) seconds of one command, as JSON.
measure() {
  local name=$1
  shift
  /usr/bin/time -q -f "{\"wall\": %e, \"cpu\": %U, \"sys\": %S}" -o "$work/$name.time" "$@" >/dev/null 2>&1 || true
  python3 -c "import json,sys; t=json.load(open('$work/$name.time')); t['cpu']+=t.pop('sys'); print(json.dumps(t))"
}

cd "$tree"
find "$tree" -type f -exec cat {} + >/dev/null  # warm the page cache
{
  echo "{\"root\": \"$tree\","
  echo "\"clearance\": $(measure clearance "$build/clearance" scan . --no-config -j1 --format json -o "$work/clearance.json"),"
  echo "\"gitleaks\": $(measure gitleaks env GOMAXPROCS=1 "$here/.tools/gitleaks" detect --no-git --source . \
    --report-format json --report-path "$work/gitleaks.json" --exit-code 0),"
  echo "\"detect-secrets\": $(measure ds sh -c "'$here/.venv/bin/detect-secrets' scan --all-files . > '$work/ds.json'")"
  echo "}"
} > "$work/times.json"
cd "$here"
echo
echo "## Side by side, generated tree (one core each)"
python3 compare.py "$work/tree.truth.json" "$work/times.json" "$work/clearance.json" "$work/gitleaks.json" "$work/ds.json"
echo
echo "Reproduce: bench/secrets/run_bench.sh $mb"
