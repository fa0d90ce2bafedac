#!/usr/bin/env bash
# Installs everything clearance needs to build and test on a fresh Debian machine, then
# fetches the pinned tree-sitter sources. Safe to run again: it only installs what is missing.
#   scripts/setup.sh            build dependencies only
#   scripts/setup.sh --tests    also the test tools (SARIF validators, pre-commit, chromium)
#   scripts/setup.sh --clang    also Clang 14, lld and its sanitizer runtimes (may follow --tests)
# npm and cargo are build dependencies: grammars/fetch.sh uses them to fetch the pinned sources.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
with_tests=0
with_clang=0
for arg in "$@"; do
  case "$arg" in
    --tests) with_tests=1 ;;
    --clang) with_clang=1 ;;
    *) echo "setup.sh: unknown option '$arg' (valid: --tests, --clang)" >&2; exit 2 ;;
  esac
done

packages=(build-essential cmake ninja-build pkg-config git ccache
          libyaml-cpp-dev nlohmann-json3-dev libre2-dev libcli11-dev catch2 libgit2-dev
          npm cargo)
[ "$with_tests" = 1 ] && packages+=(nodejs python3 python3-venv time)
[ "$with_clang" = 1 ] && packages+=(clang-14 lld-14 libclang-rt-14-dev)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm may come from outside Debian's packages; accept what is on PATH.
if [ "${#missing[@]}" -gt 0 ]; then
  filtered=()
  for p in "${missing[@]}"; do
    case "$p" in
      nodejs) command -v node >/dev/null || filtered+=("$p") ;;
      npm) command -v npm >/dev/null || filtered+=("$p") ;;
      cargo) command -v cargo >/dev/null || filtered+=("$p") ;;
      python3) command -v python3 >/dev/null || filtered+=("$p") ;;
      python3-venv) python3 -c 'import venv' 2>/dev/null || filtered+=("$p") ;;
      *) filtered+=("$p") ;;
    esac
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

"$root/grammars/fetch.sh"

if [ "$with_tests" = 1 ]; then
  for dir in "$root"/tests/*/; do
    if [ -f "$dir/package-lock.json" ] && [ ! -d "$dir/node_modules" ]; then
      echo "setup: npm ci in ${dir#"$root"/}"
      npm ci --silent --no-audit --no-fund --prefix "$dir" >/dev/null
    fi
  done
  if [ -x "$root/tests/setup-extra.sh" ]; then "$root/tests/setup-extra.sh"; fi
fi
