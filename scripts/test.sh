#!/usr/bin/env bash
# Sets up a fresh machine, builds clearance and runs the whole test suite.
#   scripts/test.sh              normal build in build/
#   scripts/test.sh --sanitize   AddressSanitizer + UndefinedBehaviorSanitizer build in build-asan/
#   scripts/test.sh --clang      Clang 14 build with ASan + UBSan and the libFuzzer targets in
#                                build-clang/; after the suite, each fuzz target runs for 20 s
#   scripts/test.sh --release    Release build in build-release/
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mode="${1:-}"
case "$mode" in
  "" | --sanitize | --release) "$root/scripts/setup.sh" --tests ;;
  --clang) "$root/scripts/setup.sh" --tests --clang ;;
  *) echo "test.sh: unknown option '$mode' (valid: --sanitize, --clang, --release)" >&2; exit 2 ;;
esac
build="$root/build"
flags=()
case "$mode" in
  --sanitize)
    build="$root/build-asan"
    flags=(-DCLEARANCE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    ;;
  --clang)
    build="$root/build-clang"
    flags=(-DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14
           -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld-14 -DCLEARANCE_FUZZ=ON)
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    ;;
  --release)
    build="$root/build-release"
    flags=(-DCMAKE_BUILD_TYPE=Release)
    ;;
esac
cmake -S "$root" -B "$build" -G Ninja "${flags[@]+"${flags[@]}"}" >/dev/null
cmake --build "$build" -j"$(nproc)"
cd "$build"
ctest --output-on-failure -j"$(nproc)"
if [ "$mode" = --clang ]; then
  "$root/scripts/fuzz.sh" "$build" "${CLEARANCE_FUZZ_SECONDS:-20}"
fi
