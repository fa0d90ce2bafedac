#!/usr/bin/env bash
# Fetches the pinned tree-sitter runtime and grammars listed in grammars.lock with each
# registry's own client (npm pack, cargo fetch), verifies the archive's sha256 and unpacks the
# needed folder into grammars/.cache/<name>. Idempotent: a package already unpacked from an
# archive with the locked sum is left alone.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache="$here/.cache"
mkdir -p "$cache"

fetch_npm() {  # package version dest-dir
  (cd "$3" && npm pack --silent "$1@$2" >/dev/null 2>&1) ||
    { echo "fetch.sh: npm pack $1@$2 failed" >&2; exit 2; }
  ls "$3"/*.tgz
}

fetch_crate() {  # crate version dest-dir
  local proj="$3/probe"
  mkdir -p "$proj/src"
  printf '[package]\nname = "grammar-fetch"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\n%s = "=%s"\n' "$1" "$2" >"$proj/Cargo.toml"
  : >"$proj/src/lib.rs"
  (cd "$proj" && CARGO_HOME="$3/cargo-home" cargo fetch --quiet) ||
    { echo "fetch.sh: cargo fetch $1 $2 failed" >&2; exit 2; }
  local crate
  crate=$(find "$3/cargo-home/registry/cache" -name "$1-$2.crate" | head -n 1)
  [ -n "$crate" ] || { echo "fetch.sh: $1-$2.crate not found after cargo fetch" >&2; exit 2; }
  cp "$crate" "$3/"
  ls "$3/$1-$2.crate"
}

grep -v '^\s*#' "$here/grammars.lock" | while read -r name registry package version sum inner; do
  [ -n "$name" ] || continue
  stamp="$cache/$name/.sha256"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then continue; fi
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  case "$registry" in
    npm) archive=$(fetch_npm "$package" "$version" "$tmp") ;;
    crates) archive=$(fetch_crate "$package" "$version" "$tmp") ;;
    *) echo "fetch.sh: unknown registry '$registry' for $name" >&2; exit 2 ;;
  esac
  got=$(sha256sum "$archive" | cut -d' ' -f1)
  if [ "$got" != "$sum" ]; then
    echo "fetch.sh: checksum mismatch for $package $version: expected $sum, got $got" >&2
    exit 2
  fi
  rm -rf "${cache:?}/$name"
  mkdir -p "$cache/$name" "$tmp/x"
  tar -xzf "$archive" -C "$tmp/x" "$inner"
  cp -R "$tmp/x/$inner/." "$cache/$name/"
  echo "$sum" >"$stamp"
  echo "fetched $name: $package $version"
  rm -rf "$tmp"
  trap - EXIT
done
