#!/usr/bin/env bash
# A Terraform module is a directory: scanning any one of its files (what a pre-commit hook
# passes) must give the same findings as scanning another of its files or the whole module,
# including findings in its local modules and across its files.
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v python3 >/dev/null || exit 77
cp -r "$src/fixtures/terraform/aws-s3-public-access-block/eval-module" "$tmp/mod"
cp -r "$src/fixtures/terraform/aws-rds-storage-encrypted/eval-variable" "$tmp/vars"
cd "$tmp" || exit 1

# Findings as sorted "rule path:line subject verdict" lines, paths relative to the module
# (a scanned directory is its own scan root; a scanned file's root is the working directory).
findings() {  # module, path to scan
  "$bin" scan "$2" -f json -o "$tmp/out.json" >/dev/null 2>&1
  python3 - "$tmp/out.json" "$1/" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
prefix = sys.argv[2]
rows = set()
for f in d.get("findings", []):
    loc = f.get("location", {})
    path = loc.get("path", "")
    if path.startswith(prefix):
        path = path[len(prefix):]
    rows.add("%s %s:%s %s %s" % (f.get("rule_id"), path, loc.get("start", {}).get("line"),
                                 f.get("subject"), f.get("verdict")))
print("\n".join(sorted(rows)))
PY
}

fail=0
for module in mod vars; do
  findings "$module" "$module" >"$tmp/$module.all"
  if [ ! -s "$tmp/$module.all" ]; then
    echo "not ok - $module: the module scan found nothing (the test would prove nothing)"
    fail=1
    continue
  fi
  for f in "$module"/*.tf "$module"/*.tfvars; do
    [ -e "$f" ] || continue
    findings "$module" "$f" >"$tmp/one"
    if diff -u "$tmp/$module.all" "$tmp/one" >"$tmp/diff"; then
      echo "ok - scanning $f alone gives the findings of its module"
    else
      echo "not ok - scanning $f alone differs from scanning $module:"
      cat "$tmp/diff"
      fail=1
    fi
  done
done
# The findings of a called module are there, with its instance addresses.
grep -q "module.assets.aws_s3_bucket.this" "$tmp/mod.all" || { echo "not ok - module instance findings missing"; fail=1; }
exit $fail
