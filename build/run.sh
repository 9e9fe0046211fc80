#!/usr/bin/env bash
# Builds the product and starts it on SQLite at http://127.0.0.1:5080 (INTEGRATION_PORT changes the port).
# Extra arguments go to the host, for example --urls http://0.0.0.0:8080 or --Integration:Modules:Load:0=mentoring.
# Commands: build/run.sh admin create --email you@example.se   (creates the first system admin, prints its password)
#           build/run.sh demo   (the product with the demo: tenants, staff accounts and synthetic participants, seeded
#                                once into an empty data folder; the accounts are written to <data>/demo-accounts.txt)
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$repo"

# The solution build places every module in the host's plugins folder; the publish adds ReadyToRun code, which
# roughly halves start-up time (docs/benchmarks.md), and carries the plugins along.
host_dir="$repo/artifacts/host"
echo "Building (Release)..." >&2
dotnet build Integration.sln -c Release -nologo -v quiet -clp:ErrorsOnly
rid="linux-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
if ! dotnet publish host/Integration.Host/Integration.Host.csproj -c Release -r "$rid" --self-contained false \
      -p:PublishReadyToRun=true -o "$host_dir" -nologo -v quiet -clp:ErrorsOnly >&2; then
  echo "ReadyToRun publish failed; publishing without it (slower start-up)." >&2
  dotnet publish host/Integration.Host/Integration.Host.csproj -c Release --no-build -o "$host_dir" -nologo -v quiet -clp:ErrorsOnly
fi

export Integration__DataPath="${Integration__DataPath:-$repo/data}"
# glibc otherwise keeps a malloc arena per thread for SQLite's page caches and holds on to freed pages (docs/deployment.md).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"

if [ "${1:-}" = "admin" ]; then
  cd "$host_dir"
  exec dotnet Integration.Host.dll "$@"
fi

demo_args=()
if [ "${1:-}" = "demo" ]; then
  shift
  demo_args=(--Integration:Demo:Enabled=true)
  echo "Demo: seeded once into $Integration__DataPath; the accounts go to $Integration__DataPath/demo-accounts.txt" >&2
fi

port="${INTEGRATION_PORT:-5080}"
url="http://127.0.0.1:$port"
for arg in "$@"; do
  case "$arg" in --urls|--urls=*) url="(see --urls)";; esac
done

cat >&2 <<INFO

  Integration platform on $url
    API reference (Scalar): $url/scalar      OpenAPI: $url/openapi/v1.json
    Job dashboard:          $url/hangfire    (sign in as a system admin)
    Health:                 $url/health/ready
  Data: $Integration__DataPath    Plugins: $host_dir/plugins
  No system admin yet? build/run.sh admin create --email you@example.se

INFO

cd "$host_dir"
exec dotnet Integration.Host.dll --urls "http://127.0.0.1:$port" "${demo_args[@]}" "$@"
