#!/bin/sh
# Knowledge-base search stand-in for the agent's kb_search tool: the arguments arrive as JSON on stdin.
set -eu
args=$(cat)
case "$args" in
  *password*|*locked*) echo '{"articles":[{"id":"KB-107","title":"Unlock your account or reset your password"}]}' ;;
  *export*)            echo '{"articles":[{"id":"KB-212","title":"Why a CSV export comes back empty"}]}' ;;
  *)                   echo '{"articles":[]}' ;;
esac
