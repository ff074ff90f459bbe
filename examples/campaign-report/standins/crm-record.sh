#!/bin/sh
# Stand-in for recording the delivery on the client's CRM timeline.
set -eu
out="${REPORT_OUT:-./out}"
mkdir -p "$out"
printf '%s\treport-delivered\t%s\n' "$1" "$2" >> "$out/crm-activity.log"
printf '{"client":"%s","activity":"report-delivered","report":"%s"}\n' "$1" "$2"
