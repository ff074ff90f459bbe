#!/bin/sh
# CRM stand-in for the agent's crm_lookup tool: the arguments arrive as JSON on stdin.
set -eu
args=$(cat)
case "$args" in
  *dana@northwind.example*) echo '{"name":"Dana Whitfield","plan":"pro","openTickets":1}' ;;
  *) echo '{"found":false}' ;;
esac
