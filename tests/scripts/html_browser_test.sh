#!/usr/bin/env bash
# The HTML report in a real browser: `clearance scan examples --format html` is opened in
# headless Chromium (Debian's chromium, installed by tests/setup-extra.sh), which must render it
# without a script error or console error and take a screenshot. The screenshot is copied into
# the test's working directory (the build tree) as html-report.png and kept as an artifact.
# Without chromium the test is skipped locally (77) and fails in CI (CI=true).
set -u
bin=$1
src=$2
chromium=${CLEARANCE_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "not ok - $chromium is missing: run scripts/setup.sh --tests (tests/setup-extra.sh)"
    exit 1
  fi
  echo "skip - $chromium is missing (install it with tests/setup-extra.sh)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() {  # description, command...
  local what=$1
  shift
  if "$@"; then echo "ok - $what"; else echo "not ok - $what"; fail=1; fi
}

"$bin" scan "$src/examples" --format html --output "$tmp/report.html" >"$tmp/scan.out" 2>&1
rc=$?
check "scan writes the report (exit 0 or 1, got $rc)" test "$rc" -le 1
check "report is not empty" test -s "$tmp/report.html"
# Nothing in the page may make the browser fetch or run anything.
check "no script, import, link, url() or src/href attributes" \
  bash -c '! grep -Eqi "<script|@import|<link|url\(|[[:space:]](src|href)=" "$1"' _ "$tmp/report.html"

mkdir -p "$tmp/profile"
# timeout: a wedged browser must fail the test, not hang it.
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 \
  --screenshot="$tmp/shot.png" --window-size=1280,2000 "file://$tmp/report.html" \
  >"$tmp/chromium.out" 2>"$tmp/chromium.err"
rc=$?
check "chromium exits 0 (got $rc)" test "$rc" -eq 0
check "screenshot is written and not empty" test -s "$tmp/shot.png"
check "screenshot is a PNG" bash -c '[ "$(head -c 8 "$1" | od -An -tx1 | tr -d " \n")" = 89504e470d0a1a0a ]' _ "$tmp/shot.png"
# Chromium logs every console message of the page (console.error included, at INFO level) as
# a CONSOLE line naming the page's file URL: the page has no script, so any such line fails.
check "no uncaught script error" bash -c '! grep -q "Uncaught" "$1"' _ "$tmp/chromium.err"
check "no console message from the page" \
  bash -c '! grep -E "ERROR:CONSOLE|:ERROR:.*report\.html|CONSOLE.*report\.html" "$1"' _ "$tmp/chromium.err"

if [ -s "$tmp/shot.png" ]; then
  cp "$tmp/shot.png" "$PWD/html-report.png" && echo "screenshot kept at $PWD/html-report.png"
fi
if [ "$fail" -ne 0 ]; then
  echo "--- chromium stderr ---"
  tail -n 40 "$tmp/chromium.err"
fi
exit "$fail"
