#!/usr/bin/env bash
# Test tools from PyPI, for the workflow tests (pre-commit, PyYAML to check the integration
# YAML files). Installed into a virtual environment outside the work tree, pinned by
# tests/workflow/requirements.txt; run by `scripts/setup.sh --tests`. Idempotent: nothing is
# downloaded when the environment already matches the requirements file.
#   CLEARANCE_TEST_VENV  where the environment goes (default: ~/.cache/clearance-tests/venv)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv=${CLEARANCE_TEST_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/clearance-tests/venv}
req="$root/tests/workflow/requirements.txt"
stamp="$venv/.requirements"

# Debian's chromium, for the headless browser test of the HTML report
# (tests/scripts/html_browser_test.sh). Needs root; nothing happens when it is installed.
if [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
fi

if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && cmp -s "$req" "$stamp"; then
  exit 0
fi
echo "setup: test tools into $venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$req"
cp "$req" "$stamp"
