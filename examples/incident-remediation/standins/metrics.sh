#!/bin/sh
# Stand-in for the metrics API. Usage: metrics.sh primary|replica SERVICE flaky|down|ok
#   flaky: the first attempt of a step fails like a 503, the retry succeeds (the idempotency key
#          is stable across attempts, which is what lets the stand-in tell them apart);
#   down:  every attempt fails.
set -eu
source="$1"; service="$2"; mode="$3"
state="${OPS_STATE:-./out}/attempts"
mkdir -p "$state"
marker="$state/$(printf '%s' "$BATON_IDEMPOTENCY_KEY" | cksum | cut -d' ' -f1)"
if [ "$mode" = down ]; then echo "metrics $source: 503 Service Unavailable" >&2; exit 1; fi
if [ "$mode" = flaky ] && [ ! -f "$marker" ]; then
  touch "$marker"
  echo "metrics $source: 503 Service Unavailable (transient)" >&2
  exit 1
fi
printf '{"service":"%s","source":"%s","errorRate":0.18,"p99Ms":2300}\n' "$service" "$source"
