#!/bin/sh
# Stand-in for the health check after the restart: fails when the fix did not work.
set -eu
if [ "$2" = broken ]; then echo "health check: $1 still returns 5xx on 31% of requests" >&2; exit 2; fi
printf '{"service":"%s","healthy":true,"errorRate":0.002}\n' "$1"
