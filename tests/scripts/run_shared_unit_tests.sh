#!/usr/bin/env bash
# Runs the unit tests tagged [shared] (they read the seed checklists in ../shared/seeds, or in
# $CLEARANCE_SHARED/seeds); exits 77 (skipped) with the reason when the seeds are absent.
set -u
tests=$1
src=$2
shared=${CLEARANCE_SHARED:-$src/../shared}
if [ ! -d "$shared/seeds" ]; then
  echo "skipped: no seed checklists at $shared/seeds (set CLEARANCE_SHARED to the shared directory)"
  exit 77
fi
export CLEARANCE_SHARED=$shared
exec "$tests" "[shared]"
