#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time, seeded from the rule fixtures (and from
# ../shared/corpus when it is beside the checkout). A crash, a leak, undefined behaviour, a
# time-out (10 s per input) or memory over 2 GiB fails the run; libFuzzer writes the input
# that did it to fuzz/findings/<target>/, to be added to fuzz/regressions/<target>/.
#   scripts/fuzz.sh [BUILD_DIR] [SECONDS_PER_TARGET]   (defaults: build-clang, 20)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-clang}
seconds=${2:-20}
shared=$root/../shared/corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seeds() {  # target: prints the seed files for it, one per line
  local patterns
  case "$1" in
    hcl | terraform_eval) patterns=(-name '*.tf' -o -name '*.tfvars') ;;
    dockerfile) patterns=(-name 'Dockerfile*' -o -name '*.dockerfile') ;;
    nginx) patterns=(-name '*.conf') ;;
    json_ecs) patterns=(-name '*.json') ;;
    dotenv) patterns=(-name '.env*' -o -name '*.env') ;;
    secrets) patterns=(-path '*/secrets/*' -type f) ;;
    checklist) patterns=(-name '*.md') ;;
  esac
  for dir in "$root/fixtures" "$root/examples" "$root/docs" "$shared"; do
    [ -d "$dir" ] && find "$dir" -type f \( "${patterns[@]}" \) -size -64k
  done | sort | head -500
}

status=0
for exe in "$build"/fuzz/fuzz_*; do
  [ -x "$exe" ] || continue
  target=${exe##*/fuzz_}
  corpus=$work/$target
  mkdir -p "$corpus" "$root/fuzz/findings/$target"
  n=0
  while IFS= read -r f; do
    cp "$f" "$corpus/seed-$((n++))"
  done < <(seeds "$target")
  [ -d "$root/fuzz/regressions/$target" ] && cp "$root/fuzz/regressions/$target"/* "$corpus/" 2>/dev/null || true
  echo "== fuzz $target: $n seeds, ${seconds} s"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$root/fuzz/findings/$target/" "$corpus" \
      >"$work/$target.log" 2>&1; then
    echo "fuzz $target FAILED:"
    tail -40 "$work/$target.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$work/$target.log" | tr '\n' ' '
    echo
  fi
  rmdir "$root/fuzz/findings/$target" 2>/dev/null || true
done
rmdir "$root/fuzz/findings" 2>/dev/null || true
exit "$status"
