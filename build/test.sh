#!/usr/bin/env bash
# Restores, builds and runs every test of the solution. Used by CI (.ci/run) as it is.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$repo"

configuration="${CONFIGURATION:-Debug}"
results="$repo/artifacts/test-results"
rm -rf "$results"

dotnet restore Integration.sln -nologo
dotnet build Integration.sln -c "$configuration" --no-restore -nologo -clp:ErrorsOnly
status=0
dotnet test Integration.sln -c "$configuration" --no-build -nologo \
  --logger "console;verbosity=minimal" --logger "trx" --results-directory "$results" || status=$?

# Build servers started by the builds above would outlive this script and keep CI's pipes open.
dotnet build-server shutdown >/dev/null 2>&1 || true
exit $status
