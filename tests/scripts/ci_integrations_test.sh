#!/usr/bin/env bash
# The GitHub Action and the GitLab CI template: their YAML checked against what the two
# systems expect, and their scan steps run here with the README's snippets
# (tests/workflow/check_integrations.py, with PyYAML from tests/setup-extra.sh).
# Usage: ci_integrations_test.sh CLEARANCE_BINARY SOURCE_DIR   (exit 77 = skipped locally)
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
. "$src/tests/workflow/tools.sh"
need_tool python
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$venv/bin/python" "$src/tests/workflow/check_integrations.py" "$bin" "$src" "$tmp"
echo "PASS"
