#!/bin/sh
# Stand-in for the deployment system: restarts or rolls back a service, recording each action.
set -eu
mkdir -p "${OPS_STATE:-./out}"
printf '%s %s\n' "$1" "$2" >> "${OPS_STATE:-./out}/actions.log"
printf '{"action":"%s","service":"%s","revision":"r-1042"}\n' "$1" "$2"
