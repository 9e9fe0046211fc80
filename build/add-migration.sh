#!/usr/bin/env bash
# Adds a migration to a context for both providers: SQLite's set (the default, beside the model snapshot) and
# PostgreSQL's (in PostgreSql/ below it).
#
#   build/add-migration.sh host/Integration.Host AddThing
#   build/add-migration.sh modules/Mentoring AddThing
#   build/add-migration.sh host/Integration.Host AddThing AuditReadsDbContext   (a project with several contexts)
#
# EF Core's tool writes the snapshot over the first file of the snapshot's name it finds in the project, so the other
# provider's snapshot is moved aside while each set is generated.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$repo"

project="${1:?usage: build/add-migration.sh PROJECT_DIR MIGRATION_NAME}"
name="${2:?usage: build/add-migration.sh PROJECT_DIR MIGRATION_NAME [CONTEXT]}"
context="${3:-}"
context_args=()
snapshot_name='*ModelSnapshot.cs'
if [ -n "$context" ]; then
  context_args=(--context "$context")
  snapshot_name="${context}ModelSnapshot.cs"
elif [ "$project" = host/Integration.Host ]; then
  # The host has two contexts: the records' and the read log's (AuditReadsDbContext).
  context_args=(--context IntegrationDbContext)
  snapshot_name='IntegrationDbContextModelSnapshot.cs'
fi
dotnet tool restore >/dev/null

sqlite_snapshot="$(find "$project" -name "$snapshot_name" -not -path '*/PostgreSql/*' -not -path '*/bin/*' -not -path '*/obj/*' | head -n 1)"
if [ -z "$sqlite_snapshot" ]; then
  echo "error: no model snapshot under $project; add the first migration with dotnet ef migrations add" >&2
  exit 1
fi
migrations_dir="$(dirname "${sqlite_snapshot#"$project"/}")"
postgres_snapshot="$project/$migrations_dir/PostgreSql/$(basename "$sqlite_snapshot")"

aside() { [ -f "$1" ] && mv "$1" "$1.aside"; return 0; }
back() { [ -f "$1.aside" ] && mv "$1.aside" "$1"; return 0; }
trap 'back "$sqlite_snapshot"; back "$postgres_snapshot"' EXIT

aside "$postgres_snapshot"
dotnet ef migrations add "$name" --project "$project" "${context_args[@]}" --output-dir "$migrations_dir"
back "$postgres_snapshot"

aside "$sqlite_snapshot"
dotnet ef migrations add "$name" --project "$project" "${context_args[@]}" --output-dir "$migrations_dir/PostgreSql" -- --provider PostgreSql
back "$sqlite_snapshot"

# EF Core generates public classes; migrations are no one's API (the architecture tests check modules' public surface).
sed -i 's/^    public partial class /    internal partial class /' "$project/$migrations_dir"/*.cs "$project/$migrations_dir"/PostgreSql/*.cs
