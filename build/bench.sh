#!/usr/bin/env bash
# Builds in Release and runs the benchmarks, writing the figures to docs/benchmarks.md with the machine and the date.
#   build/bench.sh            every benchmark
#   build/bench.sh startup    start-up to a ready /health/ready
#   build/bench.sh records    CSV import of 100 000 participants and name search among them (BENCH_ROWS to change)
#   build/bench.sh followups  dispatcher (10 000 due follow-ups) and a full rollup over 100 000 participants, 300 000
#                             enrolments, 1 000 000 follow-ups and outcomes (BENCH_PARTICIPANTS, BENCH_FOLLOWUP_ROWS)
#   build/bench.sh http       name search and worklist reads of a signed-in case worker under load (wrk, 50 connections,
#                             30 s each) over the full data set, against a bare hand-written-SQL server for the ratio,
#                             and the host's peak working set (BENCH_PARTICIPANTS, BENCH_FOLLOWUP_ROWS)
#   build/bench.sh --smoke    every benchmark on a tiny data set, in seconds, writing artifacts/bench/smoke.md (never
#                             docs/): checks that the suite still runs. With BENCH_HOST and BENCH_PLUGINS set it uses
#                             that built host instead of building (the tests run it so, on their Debug build), and
#                             BENCH_REPORT names the report file.
# Figures are measured, never asserted by unit tests.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$repo"

what="${1:-all}"

# The HTTP load generator, Debian's wrk, installed when missing.
ensure_wrk() {
  if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk (the HTTP load generator)..." >&2
    apt_install wrk >&2
  fi
}

if [ "$what" = --smoke ]; then
  smoke_report="${BENCH_REPORT:-$repo/artifacts/bench/smoke.md}"
  if [ -n "${BENCH_HOST:-}" ]; then
    # A host built elsewhere (the tests' Debug build): nothing is built or deleted here.
    bench="dotnet $repo/build/Integration.Bench/bin/${CONFIGURATION:-Debug}/net10.0/Integration.Bench.dll"
    host="$BENCH_HOST"
    plugins="${BENCH_PLUGINS:?BENCH_PLUGINS names the plugins folder of BENCH_HOST}"
  else
    "$0" --build-only
    bench="dotnet $repo/build/Integration.Bench/bin/Release/net10.0/Integration.Bench.dll"
    host="$repo/artifacts/bench/host"
    plugins="$repo/artifacts/bench/plugins"
  fi
  mkdir -p "$(dirname "$smoke_report")"
  rm -f "$smoke_report"
  $bench startup --host "$host" --plugins "$plugins" --runs 2 --report "$smoke_report"
  $bench records --host "$host" --plugins "$plugins" --rows 300 --searches 20 --warmup 5 --settle 0 --report "$smoke_report"
  $bench followups --host "$host" --plugins "$plugins" --participants 200 --rows 2000 --due 50 --report "$smoke_report"
  ensure_wrk
  $bench http --host "$host" --plugins "$plugins" --participants 300 --rows 2000 --due 50 --workers 2 --connections 4 \
    --duration 1 --warmup 1 --report "$smoke_report"
  exit 0
fi

out="$repo/artifacts/bench"
rm -rf "$out"
mkdir -p "$out"

echo "Building (Release)..." >&2
dotnet build Integration.sln -c Release -nologo -v quiet -clp:ErrorsOnly
rid="linux-$(uname -m | sed -e 's/x86_64/x64/' -e 's/aarch64/arm64/')"
dotnet publish host/Integration.Host/Integration.Host.csproj -c Release -r "$rid" --self-contained false \
  -p:PublishReadyToRun=true -o "$out/host" -nologo -v quiet -clp:ErrorsOnly

# The in-repo modules as the publish placed them, plus the test fixture plugin, so that loading a third-party
# plugin and applying its migrations are part of the figure.
mkdir -p "$out/plugins"
if [ -d "$out/host/plugins" ]; then cp -r "$out/host/plugins/." "$out/plugins/"; fi
dotnet msbuild tests/fixtures/fixtures.proj -t:Build -p:Configuration=Release -p:FixturesOutput="$out/fixtures/" \
  -nologo -v:q -nodeReuse:false >&2
cp -r "$out/fixtures/fixture-notes" "$out/plugins/"

bench="dotnet build/Integration.Bench/bin/Release/net10.0/Integration.Bench.dll"
case "$what" in
  all|startup|records|followups|http) ;;
  --build-only) exit 0 ;;
  *) echo "unknown benchmark: $what (startup, records, followups, http, --smoke)" >&2; exit 64 ;;
esac
if [ "$what" = all ] || [ "$what" = startup ]; then
  $bench startup --host "$out/host" --plugins "$out/plugins" --runs 9 --report docs/benchmarks.md
fi
if [ "$what" = all ] || [ "$what" = records ]; then
  $bench records --host "$out/host" --plugins "$out/plugins" --rows "${BENCH_ROWS:-100000}" --report docs/benchmarks.md
fi
if [ "$what" = all ] || [ "$what" = followups ]; then
  $bench followups --host "$out/host" --plugins "$out/plugins" --participants "${BENCH_PARTICIPANTS:-100000}" \
    --rows "${BENCH_FOLLOWUP_ROWS:-1000000}" --report docs/benchmarks.md
fi
if [ "$what" = all ] || [ "$what" = http ]; then
  ensure_wrk
  $bench http --host "$out/host" --plugins "$out/plugins" --participants "${BENCH_PARTICIPANTS:-100000}" \
    --rows "${BENCH_FOLLOWUP_ROWS:-1000000}" --report docs/benchmarks.md
fi
