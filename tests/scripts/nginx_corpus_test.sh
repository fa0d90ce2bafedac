#!/usr/bin/env bash
# nginx on real configurations: scans the h5bp server configs of the shared corpus (which
# split one configuration over many `include`d files) and passes when clearance exits 0 or 1,
# reports no include it could not find or that loops, and reports nginx findings located in
# included files (so the includes were followed and findings point at the right file).
# Usage: nginx_corpus_test.sh <clearance-binary> <source-dir>   (exit 77 = skipped)
set -u

bin=${1:?usage: nginx_corpus_test.sh <clearance-binary> <source-dir>}
src=${2:?usage: nginx_corpus_test.sh <clearance-binary> <source-dir>}
corpus=${CLEARANCE_CORPUS:-"$src/../shared/corpus"}/nginx/h5bp-server-configs-nginx

if [ ! -d "$corpus" ]; then
  echo "nginx_corpus_test: no corpus at $corpus, skipped"
  exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "nginx_corpus_test: python3 is needed to read the JSON output, skipped"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

timeout 120 "$bin" scan "$corpus" --format json --output "$tmp/out.json" 2>"$tmp/stderr"
rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
  echo "FAIL: clearance exited with $rc"
  tail -n 20 "$tmp/stderr"
  exit 1
fi

python3 - "$tmp/out.json" <<'PY'
import json, sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
problems = []
for n in report.get("notifications", []):
    msg = n.get("message", "")
    if "include cycle" in msg or "not found" in msg or "cannot read" in msg:
        problems.append(f"include problem: {n['location'].get('path')}: {msg}")
nginx = [f for f in report.get("findings", []) if f.get("rule_id", f.get("rule", "")).startswith("nginx-")]
if not nginx:
    problems.append("no nginx finding at all")
def path_of(f):
    loc = f.get("location", {})
    return loc.get("path") or loc.get("uri") or ""
in_includes = [f for f in nginx if "/h5bp/" in "/" + path_of(f)]
if not in_includes:
    problems.append("no nginx finding located in an included h5bp/ file")
for p in problems:
    print("FAIL:", p)
sys.exit(1 if problems else 0)
PY
