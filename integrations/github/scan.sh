#!/usr/bin/env bash
# The action's scan step: writes the SARIF report, prints the findings to the log, and
# records the exit code as the step output `exit-code` instead of failing, so that the SARIF
# upload still runs; the action's last step fails the job when asked to.
# Env: CLEARANCE_PATHS (space-separated), CLEARANCE_CONFIG, CLEARANCE_THRESHOLD,
#      CLEARANCE_BASELINE, CLEARANCE_SARIF, GITHUB_OUTPUT (set by GitHub Actions).
set -uo pipefail
read -r -a paths <<< "${CLEARANCE_PATHS:-.}"
[ "${#paths[@]}" -gt 0 ] || paths=(.)
args=(--severity-threshold "${CLEARANCE_THRESHOLD:-low}")
[ -n "${CLEARANCE_CONFIG:-}" ] && args+=(--config "$CLEARANCE_CONFIG")
[ -n "${CLEARANCE_BASELINE:-}" ] && args+=(--baseline "$CLEARANCE_BASELINE")

clearance scan "${paths[@]}" "${args[@]}" --format sarif --output "${CLEARANCE_SARIF:-clearance.sarif}"
code=$?
if [ "$code" -le 1 ]; then
  # The same scan as text for the log; its exit code is the one above.
  clearance scan "${paths[@]}" "${args[@]}" --no-color || true
fi
echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
[ "$code" -le 1 ] || exit "$code"  # a usage or fatal error fails the step at once
