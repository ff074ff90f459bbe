#!/bin/sh
# Stand-in for one stage of a nightly sync. Usage: sync-step.sh NAME SECONDS
# Appends "NAME KEY" to the ledger when it starts (KEY is the step's idempotency key), then works
# for SECONDS (SYNC_SECONDS, when set, overrides it). A real stage would use the key to make its
# side effects idempotent.
set -eu
out="${SYNC_OUT:-./out}"
mkdir -p "$out"
printf '%s %s\n' "$1" "$BATON_IDEMPOTENCY_KEY" >> "$out/ledger.txt"
sleep "${SYNC_SECONDS:-$2}"
printf '{"step":"%s"}\n' "$1"
