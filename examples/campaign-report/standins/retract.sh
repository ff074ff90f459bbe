#!/bin/sh
# Stand-in for withdrawing a delivered report (the compensation of 'deliver').
set -eu
out="${REPORT_OUT:-./out}/reports"
if [ -f "$out/$1.json" ]; then mv "$out/$1.json" "$out/$1.retracted.json"; fi
printf '{"retracted":"%s"}\n' "$1"
