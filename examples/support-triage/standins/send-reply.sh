#!/bin/sh
# Mail stand-in: stores the reply (JSON on stdin) in the outbox and prints its message id.
set -eu
out="${SUPPORT_OUT:-./out}/outbox"
mkdir -p "$out"
id="msg-$1-$(printf '%s' "$BATON_IDEMPOTENCY_KEY" | cksum | cut -d' ' -f1)"
cat > "$out/$id.json"
printf '{"message":"%s"}\n' "$id"
