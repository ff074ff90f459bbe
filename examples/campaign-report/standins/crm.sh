#!/bin/sh
# Stand-in for the CRM: the client's account.
set -eu
printf '{"client":"%s","name":"Acme Outdoor","owner":"dana@agency.example","currency":"EUR"}\n' "$1"
