# Shared by the script tests that source it: `check` records one TAP-style result (the test
# fails at the end when any did), `limit_memory` bounds the memory of what the current
# subshell runs next.

fail=0
check() {  # description, command...
  local what=$1
  shift
  if "$@"; then echo "ok - $what"; else echo "not ok - $what"; fail=1; fi
}

# Bounded memory: 2 GiB of address space, or, under a sanitizer (which reserves terabytes of
# address space for its shadow memory), the sanitizer's own limit on resident memory.
limit_memory() {
  if [ -n "${ASAN_OPTIONS:-}" ]; then
    export ASAN_OPTIONS="$ASAN_OPTIONS:hard_rss_limit_mb=3072"
  else
    ulimit -v 2097152
  fi
}
