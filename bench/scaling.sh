#!/usr/bin/env bash
# Benchmark: does scan time grow linearly with the input? Generates, at 1,000, 10,000 and
# 100,000 items, one file of each shape that once took quadratic time (S3 buckets with access
# blocks that refer to them, nginx servers in one http block, ECS containers on one minified
# line, .env keys) and prints a Markdown table of wall seconds and peak RSS per size.
# Linear growth shows as about 10x per row. Not a test: numbers depend on the machine.
#
# Usage: bench/scaling.sh [SIZES...]   (default: 1000 10000 100000)
# Environment: CLEARANCE_BIN (default: build-release/clearance, built when missing)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
bin=${CLEARANCE_BIN:-$src/build-release/clearance}
if [ ! -x "$bin" ]; then
  cmake -S "$src" -B "$src/build-release" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLEARANCE_TESTS=OFF >&2
  cmake --build "$src/build-release" --target clearance >&2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

generate() {  # shape, n, dir
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
shape, n, d = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if shape == "terraform":
    with open(d + "/main.tf", "w") as f:
        for i in range(n // 2):
            f.write('resource "aws_s3_bucket" "b%d" {\n  bucket = "b%d"\n}\n' % (i, i))
            f.write('resource "aws_s3_bucket_public_access_block" "p%d" {\n'
                    '  bucket = aws_s3_bucket.b%d.id\n  block_public_acls = true\n}\n' % (i, i))
elif shape == "nginx":
    with open(d + "/nginx.conf", "w") as f:
        f.write("http {\n")
        for i in range(n):
            f.write("  server {\n    listen 443 ssl;\n    server_name s%d.example.org;\n"
                    "    location / { proxy_pass http://app; }\n  }\n" % i)
        f.write("}\n")
elif shape == "ecs":
    containers = [{"name": "c%d" % i, "image": "app:1.%d" % i, "essential": True,
                   "environment": [{"name": "MODE", "value": "x"}]} for i in range(n)]
    with open(d + "/task-definition.json", "w") as f:
        json.dump({"family": "app", "containerDefinitions": containers}, f, separators=(",", ":"))
elif shape == "dotenv":
    with open(d + "/.env", "w") as f:
        for i in range(n):
            f.write("KEY_%d=value-%d\n" % (i, i))
PY
}

echo "| input | $(printf '%s items | ' "${sizes[@]}")"
echo "|---|$(printf -- '---|%.0s' "${sizes[@]}")"
for shape in terraform nginx ecs dotenv; do
  row="| $shape |"
  for n in "${sizes[@]}"; do
    dir=$tmp/$shape-$n
    mkdir -p "$dir"
    generate "$shape" "$n" "$dir"
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$bin" scan "$dir" --no-config --max-file-size 1000000000 \
      -f json -o "$tmp/out.json" \
      >/dev/null 2>&1 || true
    read -r secs kb < <(tail -1 "$tmp/time")  # after "Command exited with non-zero status"
    row+=" ${secs} s, $((kb / 1024)) MiB |"
    rm -rf "$dir"
  done
  echo "$row"
done
