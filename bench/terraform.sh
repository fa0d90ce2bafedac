#!/usr/bin/env bash
# Benchmark: time `clearance scan` over a large Terraform tree (the cloudposse components,
# about 1,800 .tf files) and print a Markdown table: wall time, files/s, MB/s, peak RSS.
# Not a test: numbers depend on the machine. See bench/README.md for the commands.
#
# Usage: bench/terraform.sh [RUNS]
# Environment:
#   CLEARANCE_BIN  use this binary instead of building one
#   BUILD_DIR      Release build directory (default: build-release at the source root)
#   CORPUS         tree to scan (default: ../shared/corpus/terraform/cloudposse-terraform-aws-components)
#   JOBS           parallel compile jobs when building (default: 2)
#   SCAN_JOBS      space-separated --jobs values to measure (default: "0 1"; 0 = one per core)
#   NO_HYPERFINE   set to time with a shell loop even when hyperfine is installed
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
build=${BUILD_DIR:-$src/build-release}
corpus=${CORPUS:-$src/../shared/corpus/terraform/cloudposse-terraform-aws-components}
scan_jobs=${SCAN_JOBS:-0 1}

if [ ! -d "$corpus" ]; then
  echo "bench: no corpus at $corpus" >&2
  exit 1
fi
corpus=$(cd "$corpus" && pwd -P)

if [ -n "${CLEARANCE_BIN:-}" ]; then
  bin=$CLEARANCE_BIN
else
  # Configure once as Release; later runs only rebuild what changed.
  if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLEARANCE_TESTS=OFF >&2
  fi
  cmake --build "$build" -j"${JOBS:-2}" --target clearance >&2
  bin=$build/clearance
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

files=$(find "$corpus" \( -name .git -o -name .terraform \) -prune -o -type f -print | wc -l)
bytes=$(find "$corpus" \( -name .git -o -name .terraform \) -prune -o -type f -printf '%s\n' |
  awk '{s += $1} END {print s + 0}')

# One checked run first: a crash or usage error must not be timed as a result.
set +e
"$bin" scan "$corpus" --format json --output "$tmp/check.json" 2>"$tmp/check.err"
rc=$?
set -e
if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
  echo "bench: clearance exited with $rc" >&2
  tail -n 20 "$tmp/check.err" >&2
  exit 1
fi

# Wall time of RUNS scans: mean, standard deviation and minimum, in seconds.
time_runs() {
  local cmd=$1
  if [ -z "${NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null 2>&1; then
    hyperfine --style none --warmup 1 --runs "$runs" -i --export-json "$tmp/h.json" "$cmd" >&2
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["mean"], r["stddev"] or 0, r["min"])' "$tmp/h.json"
  else
    local times=()
    bash -c "$cmd" >/dev/null 2>&1 || true  # warm-up
    for _ in $(seq "$runs"); do
      local t0 t1
      t0=$(date +%s.%N)
      bash -c "$cmd" >/dev/null 2>&1 || true
      t1=$(date +%s.%N)
      times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')")
    done
    printf '%s\n' "${times[@]}" | awk '{s += $1; q += $1 * $1; if (NR == 1 || $1 < m) m = $1}
      END {mean = s / NR; v = q / NR - mean * mean; if (v < 0) v = 0; print mean, sqrt(v), m}'
  fi
}

# Peak resident set size of one scan, in MiB.
peak_rss() {
  local cmd=$1
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v bash -c "exec $cmd" 2>"$tmp/time.txt" >/dev/null || true
    awk -F: '/Maximum resident set size/ {printf "%.1f\n", $2 / 1024}' "$tmp/time.txt"
  else
    python3 -c 'import resource,subprocess,sys
subprocess.run(sys.argv[1], shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print("%.1f" % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))' "$cmd"
  fi
}

version=$("$bin" version 2>/dev/null | head -n 1 || true)
commit=$(git -C "$src" rev-parse --short HEAD 2>/dev/null || echo unknown)
cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown)
mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}')

echo
echo "${version:-clearance} (commit $commit), $cpu, $(nproc) cores; $runs runs after 1 warm-up."
echo "Corpus: $(basename "$corpus"), $files files, $mb MiB."
echo
echo "| --jobs | wall time (s) | files/s | MiB/s | peak RSS (MiB) |"
echo "|---:|---:|---:|---:|---:|"
for j in $scan_jobs; do
  cmd="'$bin' scan '$corpus' --format json --output /dev/null --jobs $j"
  read -r mean sd min < <(time_runs "$cmd")
  rss=$(peak_rss "$cmd")
  label=$j
  [ "$j" = 0 ] && label="$(nproc) (default)"
  awk -v l="$label" -v m="$mean" -v s="$sd" -v f="$files" -v b="$bytes" -v r="$rss" 'BEGIN {
    printf "| %s | %.3f ± %.3f | %.0f | %.1f | %s |\n", l, m, s, f / m, b / 1048576 / m, r }'
done

# Per-phase times, when the binary reports them (CLEARANCE_PROFILE=1 on stderr).
CLEARANCE_PROFILE=1 "$bin" scan "$corpus" --format json --output /dev/null 2>"$tmp/profile.txt" || true
if grep -q "^profile:" "$tmp/profile.txt"; then
  echo
  echo "Phases of one run (CLEARANCE_PROFILE=1):"
  echo
  echo '```'
  grep "^profile:" "$tmp/profile.txt"
  echo '```'
fi
