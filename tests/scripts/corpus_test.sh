#!/usr/bin/env bash
# Corpus robustness: scans every file of the shared real-world corpus and passes when
# clearance neither crashes nor hangs, exits 0 or 1, writes valid JSON, and accounts for
# every file: each one is either scanned or skipped, and each skipped file carries a
# notification saying why.
# Usage: corpus_test.sh <clearance-binary> <source-dir>   (exit 77 = skipped)
# CLEARANCE_CORPUS=<dir> scans another tree instead (for a quick run on one part).
set -u

bin=${1:?usage: corpus_test.sh <clearance-binary> <source-dir>}
src=${2:?usage: corpus_test.sh <clearance-binary> <source-dir>}
corpus=${CLEARANCE_CORPUS:-"$src/../shared/corpus"}

if [ ! -d "$corpus" ]; then
  echo "corpus_test: no corpus at $corpus, skipped"
  exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "corpus_test: python3 is needed to read the JSON output, skipped"
  exit 77
fi
corpus=$(cd "$corpus" && pwd -P)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

start=$(date +%s.%N)
timeout 600 "$bin" scan "$corpus" --format json --output "$tmp/out.json" 2>"$tmp/stderr"
rc=$?
end=$(date +%s.%N)
case $rc in
  0 | 1) ;;
  124)
    echo "FAIL: clearance did not finish within 600 s"
    exit 1
    ;;
  *)
    echo "FAIL: clearance exited with $rc ($( ((rc > 128)) && kill -l $((rc - 128)) 2>/dev/null))"
    tail -n 20 "$tmp/stderr"
    exit 1
    ;;
esac

# The files discovery should see: every regular file outside .git and .terraform. The corpus
# holds no ignore files; if it ever does, this list must honour them too.
if [ -n "$(find "$corpus" \( -name .gitignore -o -name .git \) -print -quit)" ]; then
  echo "FAIL: the corpus now holds .gitignore or .git: teach this test to honour them"
  exit 1
fi
(cd "$corpus" && find . \( -name .git -o -name .terraform \) -prune -o -type f -print |
  sed 's|^\./||' | LC_ALL=C sort) >"$tmp/files.txt"

python3 - "$tmp/out.json" "$tmp/files.txt" "$corpus" "$rc" "$start" "$end" <<'PY'
import json, sys

out_path, files_path, corpus, rc, start, end = sys.argv[1:7]
try:
    with open(out_path, encoding="utf-8") as f:
        report = json.load(f)
except (OSError, ValueError) as e:
    print(f"FAIL: the JSON output cannot be read: {e}")
    sys.exit(1)
with open(files_path, encoding="utf-8", errors="surrogateescape") as f:
    files = [line.rstrip("\n") for line in f if line.strip()]
file_set = set(files)

problems = []
summary = report.get("summary", {})
scanned = summary.get("files_scanned", -1)
skipped = summary.get("files_skipped", -1)
if report.get("root") != corpus:
    problems.append(f"root is {report.get('root')!r}, expected {corpus!r}")
if scanned + skipped != len(files):
    problems.append(f"{len(files)} files on disk but {scanned} scanned + {skipped} skipped")

notes = report.get("notifications", [])
skip_paths, error_paths = set(), set()
for n in notes:
    path = n.get("location", {}).get("path", "")
    if path and path not in file_set:
        problems.append(f"notification for a path that is not a corpus file: {path!r}")
    if n.get("message", "").startswith("skipped"):
        skip_paths.add(path)
    if n.get("level") == "error":
        error_paths.add(path)
if len(skip_paths) < skipped:
    problems.append(f"{skipped} files skipped but only {len(skip_paths)} have a 'skipped' notification")
for f in report.get("findings", []):
    path = f.get("location", {}).get("path", "")
    if path not in file_set:
        problems.append(f"finding for a path that is not a corpus file: {path!r}")
        break

print(f"corpus: {len(files)} files, {scanned} scanned, {skipped} skipped, "
      f"{len(error_paths)} with errors, {len(report.get('findings', []))} findings, "
      f"exit {rc}, {float(end) - float(start):.2f} s")
for path in sorted(error_paths)[:20]:
    msgs = [n["message"] for n in notes if n["location"]["path"] == path and n["level"] == "error"]
    print(f"  parse error: {path}: {msgs[0] if msgs else ''}")
if problems:
    for p in problems[:50]:
        print("FAIL:", p)
    sys.exit(1)
print("PASS")
PY
