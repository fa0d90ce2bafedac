#!/usr/bin/env bash
# Sets up a fresh machine, builds clearance (Release) and scans the bundled example project.
# Extra arguments go to `clearance scan` (e.g. --format sarif --output example.sarif).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
cmake -S "$root" -B "$root/build-release" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLEARANCE_TESTS=OFF >/dev/null
cmake --build "$root/build-release" -j"$(nproc)" --target clearance
set +e
"$root/build-release/clearance" scan "$root/examples" "$@"
rc=$?
set -e
# 1 means findings were reported (the example project has deliberate violations).
[ "$rc" -le 1 ] || exit "$rc"
