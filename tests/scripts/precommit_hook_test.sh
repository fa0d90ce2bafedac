#!/usr/bin/env bash
# The pre-commit hooks for real: the pre-commit framework (tests/setup-extra.sh) installs
# them from a repository holding this tree's .pre-commit-hooks.yaml, with the configuration
# the README shows, into a temporary project. Then: a commit with a violation is refused with
# a readable message, a clean commit passes, a changed .tf file is judged with its whole
# module, and the hook on a handful of files runs well under a second.
# Usage: precommit_hook_test.sh CLEARANCE_BINARY SOURCE_DIR   (exit 77 = skipped locally)
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
. "$src/tests/workflow/tools.sh"
need_tool pre-commit
need_tool python

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/home"
ln -s "$bin" "$tmp/bin/clearance"
export PATH="$tmp/bin:$PATH" HOME="$tmp/home" PRE_COMMIT_HOME="$tmp/pre-commit-cache"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=test
export GIT_COMMITTER_EMAIL=test@example.com GIT_CONFIG_NOSYSTEM=1
pre_commit="$venv/bin/pre-commit"

echo "== the hooks repository"
hooks="$tmp/hooks"
git init -q -b main "$hooks"
cp "$src/.pre-commit-hooks.yaml" "$hooks/"
"$pre_commit" validate-manifest "$hooks/.pre-commit-hooks.yaml" || fail "invalid .pre-commit-hooks.yaml"
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -q -m hooks
rev=$(git -C "$hooks" rev-parse HEAD)

echo "== a project with the README's configuration"
proj="$tmp/project"
git init -q -b main "$proj"
cd "$proj"
"$venv/bin/python" "$src/tests/workflow/snippet.py" "$src/README.md" pre-commit-config > snippet.yaml
grep -q "id: clearance$" snippet.yaml || fail "the README's pre-commit snippet has no 'id: clearance' hook"
sed -e "s|^\( *- repo:\).*|\1 $hooks|" -e "s|^\( *rev:\).*|\1 $rev|" snippet.yaml > .pre-commit-config.yaml
rm snippet.yaml
"$pre_commit" validate-config .pre-commit-config.yaml || fail "invalid .pre-commit-config.yaml"
"$pre_commit" install > /dev/null
git add .pre-commit-config.yaml
git commit -q -m "pre-commit" || fail "committing the configuration alone was refused"

echo "== a violation is refused"
mkdir -p db
cat > db/main.tf <<'TF'
resource "aws_db_instance" "main" {
  engine              = "postgres"
  publicly_accessible = true
}
TF
git add db/main.tf
if git commit -m "public database" > "$tmp/refused.log" 2>&1; then
  cat "$tmp/refused.log"
  fail "a commit with a publicly accessible database went through"
fi
cat "$tmp/refused.log"
grep -q "db/main.tf:3:.*critical aws-rds-no-public-access" "$tmp/refused.log" ||
  fail "the refusal does not say file:line, severity and rule"
grep -q "Failed" "$tmp/refused.log" || fail "pre-commit did not report the hook as failed"
git reset -q HEAD db/main.tf
rm -r db

echo "== a clean commit passes"
cat > variables.tf <<'TF'
variable "region" {
  type    = string
  default = "eu-west-1"
}
TF
git add variables.tf
git commit -m "variables" > "$tmp/clean.log" 2>&1 || { cat "$tmp/clean.log"; fail "a clean commit was refused"; }
grep -q "clearance (infrastructure as code).*Passed" "$tmp/clean.log" || { cat "$tmp/clean.log"; fail "the hook did not run on the .tf file"; }

echo "== a changed .tf file is judged with its module"
# The rules the test is not about are turned off, so that only versioning decides.
cat > .clearance.yml <<'YML'
rules:
  aws-s3-access-logging: {enabled: false}
  aws-s3-encryption: {enabled: false}
  aws-s3-https-only: {enabled: false}
  aws-s3-lifecycle: {enabled: false}
  aws-s3-public-access-block: {enabled: false}
YML
mkdir -p storage lonely
cat > storage/versioning.tf <<'TF'
resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}
TF
git add .clearance.yml storage/versioning.tf
git commit -q --no-verify -m "versioning, committed earlier"
cat > storage/main.tf <<'TF'
resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}
TF
git add storage/main.tf
git commit -m "bucket" > "$tmp/module.log" 2>&1 || {
  cat "$tmp/module.log"
  fail "storage/main.tf was not judged with storage/versioning.tf"
}
# The same bucket without a versioning resource in its module is refused.
cp storage/main.tf lonely/main.tf
git add lonely/main.tf
if git commit -m "lonely bucket" > "$tmp/lonely.log" 2>&1; then fail "a bucket without versioning went through"; fi
grep -q "lonely/main.tf:1:.*aws-s3-versioning" "$tmp/lonely.log" || { cat "$tmp/lonely.log"; fail "no versioning finding"; }
git reset -q HEAD lonely/main.tf

echo "== the secrets hook covers every text file"
printf 'deploy:\n  key: AKIAIOSFODNN7EXAMPLF\n' > notes.yaml
git add notes.yaml
if git commit -m "notes" > "$tmp/secret.log" 2>&1; then cat "$tmp/secret.log"; fail "a committed AWS key went through"; fi
grep -q "notes.yaml:2:.*secret-aws-access-key" "$tmp/secret.log" || { cat "$tmp/secret.log"; fail "no secret finding"; }
grep -q "AKIAIOSFODNN7EXAMPLF" "$tmp/secret.log" && fail "the secret was printed in full"
git reset -q HEAD notes.yaml
rm notes.yaml

echo "== benchmark: the hook on a handful of files"
mkdir -p bench
for i in 1 2 3 4; do
  printf 'resource "aws_s3_bucket" "b%s" {\n  bucket = "b%s"\n}\n' "$i" "$i" > "bench/b$i.tf"
done
printf 'FROM alpine:3.19\nUSER app\n' > bench/Dockerfile
files=(bench/b1.tf bench/b2.tf bench/b3.tf bench/b4.tf bench/Dockerfile)
times=()
for run in 1 2 3 4 5; do
  start=$(date +%s%N)
  clearance scan --hook --no-color "${files[@]}" > /dev/null || true
  end=$(date +%s%N)
  times+=($(((end - start) / 1000000)))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
start=$(date +%s%N)
"$pre_commit" run --files "${files[@]}" > /dev/null 2>&1 || true
end=$(date +%s%N)
echo "hook on ${#files[@]} files: median ${median} ms (runs: ${times[*]}); through pre-commit: $(((end - start) / 1000000)) ms"
# The limit holds for an optimised build; a sanitizer build (Debug, ASan) is only kept from hanging.
limit=500
if grep -q "__asan_init" "$bin"; then limit=5000; echo "(sanitizer build: limit ${limit} ms)"; fi
[ "$median" -lt "$limit" ] || fail "the hook took ${median} ms on ${#files[@]} files (limit ${limit} ms)"

echo "PASS"
