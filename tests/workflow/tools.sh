# Sourced by the workflow script tests: finds the test tools that tests/setup-extra.sh
# installs. When one is missing the test is skipped locally (exit 77) but fails in CI
# (CI=true), where setup must have installed it.
venv=${CLEARANCE_TEST_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/clearance-tests/venv}

# need_tool NAME: exits (77 locally, 1 in CI) unless $venv/bin/NAME exists.
need_tool() {
  if [ ! -x "$venv/bin/$1" ]; then
    echo "missing test tool '$1' in $venv: run scripts/setup.sh --tests (tests/setup-extra.sh)"
    if [ "${CI:-}" = "true" ]; then
      echo "FAIL: CI must have the workflow test tools"
      exit 1
    fi
    echo "SKIP"
    exit 77
  fi
}

fail() {
  echo "FAIL: $*"
  exit 1
}
