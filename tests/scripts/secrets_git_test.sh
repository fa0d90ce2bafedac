#!/usr/bin/env bash
# `clearance scan --git-history` and `--staged` on a repository made here: a secret committed
# then deleted is reported by the history scan (commit, date, path, line) and not by a plain
# scan; a staged secret is reported by --staged even after the work tree was cleaned; and no
# output format ever contains the secret; a corrupt repository is an error.
# Usage: secrets_git_test.sh CLEARANCE_BINARY SOURCE_DIR   (exit 77 = git missing)
set -euo pipefail
bin=$(realpath "$1")
command -v git >/dev/null || exit 77
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
git init -q -b main .
git config user.email t@example.org
git config user.name Test
git config commit.gpgsign false
export GIT_AUTHOR_DATE='2024-03-01T10:00:00+01:00' GIT_COMMITTER_DATE='2024-03-01T10:00:00+01:00'
# Fake keys of the right shape (random characters, never real credentials).
stripe=sk_live_EOzdmenCkhvMdgaKjIg8xNbe
sendgrid=SG.AWtGSU8po-799NksnRH9uc.AUsdMlHUvTCQCyEZDz_TddJ8HyS5SUkCnD8zRA9a9Sk
echo "# demo" > README.md
git add . && git commit -q -m init
printf 'PORT=8080\nSTRIPE_KEY=%s\n' "$stripe" > app.cfg
git add . && git commit -q -m 'add config'
printf 'PORT=8080\nSTRIPE_KEY=${STRIPE_KEY}\n' > app.cfg
git commit -q -am 'remove key'

fail() { echo "FAIL: $*"; exit 1; }

out=$("$bin" scan . --no-config -f json) && status=0 || status=$?
[ "$status" = 0 ] || fail "plain scan exited $status: $out"
echo "$out" | grep -q '"secret-stripe"' && fail "plain scan reported the deleted secret"

out=$("$bin" scan . --no-config --git-history -f json) && status=0 || status=$?
[ "$status" = 1 ] || fail "history scan exited $status"
echo "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
f = [x for x in r["findings"] if x["rule_id"] == "secret-stripe"]
assert len(f) == 1, f
f = f[0]
assert f["location"]["path"] == "app.cfg", f
assert f["location"]["start"]["line"] == 2, f
assert "2024-03-01T10:00:00+01:00" in f["message"], f["message"]
assert "added in commit" in f["message"], f["message"]
' || fail "history finding lacks commit, date, path or line"

for format in text sarif json junit markdown gitlab; do
  out=$("$bin" scan . --no-config --git-history -f "$format" --no-color) || true
  case "$out" in *"$stripe"*|*"${stripe:8}"*) fail "$format output contains the secret";; esac
  [ -n "$out" ] || fail "$format output is empty"
done

printf 'KEY=%s\n' "$sendgrid" > staged.cfg
git add staged.cfg
: > staged.cfg  # cleaned in the work tree, still staged
out=$("$bin" scan . --no-config --staged -f json) && status=0 || status=$?
[ "$status" = 1 ] || fail "staged scan exited $status"
echo "$out" | grep -q '"secret-sendgrid"' || fail "staged scan missed the staged secret"
case "$out" in *"$sendgrid"*) fail "staged output contains the secret";; esac
# A corrupt pack is an error (exit 2, naming the failure), never an empty history that looks clean.
git gc -q
pack=$(ls .git/objects/pack/*.pack | head -1)
chmod u+w "$pack"
python3 -c '
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
for i in range(40, len(b) - 30):
    b[i] ^= 0x55
open(p, "wb").write(b)' "$pack"
err=$("$bin" scan . --no-config --git-history -f json 2>&1 >/dev/null) && status=0 || status=$?
[ "$status" = 2 ] || fail "history scan of a corrupt repository exited $status"
case "$err" in *"--git-history: cannot"*) ;; *) fail "corrupt repository error not reported: $err";; esac
echo "PASS"
