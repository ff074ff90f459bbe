#!/usr/bin/env bash
# Runs Baton's whole test suite, installing what it needs first.
#
# Needs: the .NET 10 SDK, and the POSIX tools every Debian has (sh, sleep, cksum), which the tests'
# real processes use. NuGet packages are restored here. Extra arguments go to 'dotnet test',
# for example: ./test.sh --filter "FullyQualifiedName~Engine"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH." >&2
  exit 2
fi

missing=()
for tool in sh sleep cksum; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing coreutils for: ${missing[*]}" >&2
    apt-get update -qq && apt-get install -y -qq coreutils dash >/dev/null
  else
    echo "test.sh: missing tools: ${missing[*]} (install coreutils)." >&2
    exit 2
  fi
fi

echo "== restore" >&2
dotnet restore Baton.slnx --nologo
echo "== build (Release, warnings are errors)" >&2
dotnet build Baton.slnx -c Release --no-restore --nologo -clp:ErrorsOnly
echo "== test" >&2
dotnet test Baton.slnx -c Release --no-build --nologo "$@"
