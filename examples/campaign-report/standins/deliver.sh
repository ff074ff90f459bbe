#!/bin/sh
# Stand-in for the reporting portal: stores the report (read from stdin) and prints its id and path.
# The idempotency key names the file, so a repeated delivery after a crash overwrites instead of duplicating.
set -eu
out="${REPORT_OUT:-./out}/reports"
mkdir -p "$out"
id="rpt-$(printf '%s' "$BATON_IDEMPOTENCY_KEY" | cksum | cut -d' ' -f1)"
cat > "$out/$id.json"
printf '{"id":"%s","path":"%s/%s.json"}\n' "$id" "$out" "$id"
