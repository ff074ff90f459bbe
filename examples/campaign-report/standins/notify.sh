#!/bin/sh
# Stand-in for the chat/e-mail notifier: appends the message to a log.
set -eu
out="${REPORT_OUT:-./out}"
mkdir -p "$out"
printf '%s\t%s\n' "$1" "$2" >> "$out/notifications.log"
printf '{"to":"%s","sent":true}\n' "$1"
