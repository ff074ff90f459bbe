#!/bin/sh
# Stand-in for the analytics API: conversions and revenue attributed to the campaign.
set -eu
case "$1" in
  small-*) printf '{"campaign":"%s","conversions":12,"revenue":1900}\n' "$1" ;;
  *)       printf '{"campaign":"%s","conversions":318,"revenue":16870.25}\n' "$1" ;;
esac
