#!/bin/sh
# Stand-in for the load balancer: drains or restores a service, recording each action.
set -eu
mkdir -p "${OPS_STATE:-./out}"
printf '%s %s\n' "$1" "$2" >> "${OPS_STATE:-./out}/actions.log"
printf '{"action":"%s","service":"%s"}\n' "$1" "$2"
