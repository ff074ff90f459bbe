#!/bin/sh
# Stand-in for the ad platform's metrics API: prints the campaign's figures for the week as JSON.
set -eu
campaign="$1"
week="${2:-2026-W47}"
case "$campaign" in
  broken-*) printf '{"campaign":"%s","week":"%s","spend":0,"clicks":120,"impressions":90}\n' "$campaign" "$week" ;;
  *)        printf '{"campaign":"%s","week":"%s","spend":4200.50,"clicks":18250,"impressions":912000}\n' "$campaign" "$week" ;;
esac
