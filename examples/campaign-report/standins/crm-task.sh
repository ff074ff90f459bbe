#!/bin/sh
# Stand-in for creating a follow-up task in the CRM; prints the task's id.
set -eu
out="${REPORT_OUT:-./out}"
mkdir -p "$out"
id="task-$(printf '%s' "$BATON_IDEMPOTENCY_KEY" | cksum | cut -d' ' -f1)"
printf '%s\t%s\t%s\t%s\n' "$id" "$1" "$2" "$3" >> "$out/crm-tasks.log"
printf '{"id":"%s","due":"%s"}\n' "$id" "$3"
