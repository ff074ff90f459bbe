#!/bin/sh
# Stand-in for a work queue: appends the document to the named queue and prints the entry.
set -eu
out="${INTAKE_OUT:-./out}"
mkdir -p "$out"
printf '%s\t%s\n' "$2" "$3" >> "$out/$1.queue"
printf '{"queue":"%s","document":"%s"}\n' "$1" "$2"
