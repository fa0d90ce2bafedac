#!/usr/bin/env bash
# Makes `clearance` available to the next steps: uses the one on PATH if there is one, else
# builds it from the action's own checkout (scripts/setup.sh installs the build dependencies).
# Env: CLEARANCE_SOURCE (the repository root), GITHUB_PATH (set by GitHub Actions).
set -euo pipefail
if command -v clearance > /dev/null; then
  echo "using $(command -v clearance): $(clearance --version)"
  exit 0
fi
src=$(cd "${CLEARANCE_SOURCE:?}" && pwd)
"$src/scripts/setup.sh"
build="${RUNNER_TEMP:-/tmp}/clearance-build"
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLEARANCE_TESTS=OFF > /dev/null
cmake --build "$build" --target clearance
mkdir -p "$build/bin"
ln -sf "$build/clearance" "$build/bin/clearance"
echo "$build/bin" >> "${GITHUB_PATH:?}"
