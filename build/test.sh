#!/usr/bin/env bash
# Restores, builds and runs every test of the solution. Used by CI (.ci/run) as it is.
#
# Two passes over the same tests: first on SQLite (the default), then the API tests of the host and the modules
# again on PostgreSQL, on a throwaway server this script starts (build/postgres.sh; the Debian package `postgresql`
# is installed when missing) and stops afterwards. INTEGRATION_TEST_PROVIDERS=Sqlite runs the first pass only.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$repo"

configuration="${CONFIGURATION:-Debug}"
providers="${INTEGRATION_TEST_PROVIDERS:-Sqlite,PostgreSql}"
results="$repo/artifacts/test-results"
rm -rf "$results"

dotnet restore Integration.sln -nologo
dotnet build Integration.sln -c "$configuration" --no-restore -nologo -clp:ErrorsOnly
status=0

postgres_dir=""
cleanup() {
  if [ -n "$postgres_dir" ]; then "$repo/build/postgres.sh" stop "$postgres_dir/server"; rm -rf "$postgres_dir"; fi
  # Build servers started by the builds above would outlive this script and keep CI's pipes open.
  dotnet build-server shutdown >/dev/null 2>&1 || true
}
trap cleanup EXIT

if [[ ",$providers," == *",Sqlite,"* ]]; then
  echo "== Tests on SQLite"
  # What needs a PostgreSQL server (several host instances on one database) runs in the second pass.
  dotnet test Integration.sln -c "$configuration" --no-build -nologo --filter "Database!=PostgreSqlOnly" \
    --logger "console;verbosity=minimal" --logger "trx" --results-directory "$results/sqlite" || status=$?
fi

if [[ ",$providers," == *",PostgreSql,"* ]]; then
  echo "== Tests on PostgreSQL"
  postgres_dir="$(mktemp -d /tmp/integration-postgres.XXXXXX)"
  chmod 755 "$postgres_dir"
  INTEGRATION_TEST_POSTGRES="$("$repo/build/postgres.sh" start "$postgres_dir/server")"
  export INTEGRATION_TEST_POSTGRES
  # The architecture tests and what only concerns SQLite (its files, child processes on a SQLite folder) ran above.
  INTEGRATION_TEST_PROVIDER=PostgreSql dotnet test Integration.sln -c "$configuration" --no-build -nologo \
    --filter "Database!=SqliteOnly&FullyQualifiedName!~Integration.ArchitectureTests" \
    --logger "console;verbosity=minimal" --logger "trx" --results-directory "$results/postgresql" || status=$?
fi

exit $status
