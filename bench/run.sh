#!/usr/bin/env bash
# The benchmarks' one command (bench/README.md).
#
#   bench/run.sh           full run (about 10 minutes on 2 cores): the gateway against direct, nginx and HAProxy
#                          (gRPC and JSON), the footprint of each process, and the event latency; writes
#                          docs/benchmarks.md. The national-scale reads and the bulk vetting have their own, longer
#                          runs and reports (docs/benchmarks-scale.md, docs/benchmarks-vetting.md), linked from it.
#   bench/run.sh --quick   about 5 minutes: prints the issues' figures one per line (key=value), writes nothing.
#   bench/run.sh --smoke   about two minutes: does every benchmark still run, do its checks hold? (./test.sh; no
#                          figures are asserted). The gateway benchmark starts its own processes; the others share one
#                          platform, started once. Uses the build ./test.sh made when BENCH_CONFIGURATION=Debug.
#
# Each benchmark starts what it measures itself under .state/bench/ (PostgreSQL with fsync on, RabbitMQ, the services
# and the gateway as Release processes, nginx and HAProxy as private processes with their own configuration) and
# stops it again. Progress goes to stderr; the figures (key=value lines) to stdout.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

MODE=full
case "${1:-}" in
  --quick) MODE=quick; shift ;;
  --smoke) MODE=smoke; shift ;;
  --help|-h) echo "usage: bench/run.sh [--quick | --smoke] [gateway options: --rounds N --requests N --seconds N --baseline K=V,...]" >&2; exit 2 ;;
esac
# Anything else is for the gateway benchmark (GatewayBenchOptions.cs), e.g. fewer requests on a busy machine.
GATEWAY_ARGS=("$@")
CONFIGURATION=${BENCH_CONFIGURATION:-Release}

scripts/install.sh
if [[ $MODE != smoke || $CONFIGURATION == Release ]]; then
  echo "Building bench/Platform.Bench ($CONFIGURATION)…" >&2
  # With the development issuer (Release leaves it out by default): the benchmarks' gateway issues their tokens.
  dotnet build bench/Platform.Bench -c "$CONFIGURATION" -p:DevelopmentIssuer=true -nologo -clp:ErrorsOnly -v:q >&2
fi
BENCH=(dotnet "bench/Platform.Bench/bin/$CONFIGURATION/net10.0/Platform.Bench.dll")
OUT="$ROOT/.state/bench"
mkdir -p "$OUT"
status=0

# The event-latency benchmark (`Platform.Bench events`) prints event_latency_p50_ms=, event_latency_p99_ms= and
# more key=value lines; they are passed through, and the full run quotes them in docs/benchmarks.md.
EVENTS_OUT="$OUT/events.out"
run_events() {
  rm -f "$EVENTS_OUT"
  echo "== events $*" >&2
  if "${BENCH[@]}" events "$@" >"$EVENTS_OUT" 2> >(tee "$OUT/events.err" >&2); then
    grep -E '^[a-z0-9_]+=' "$EVENTS_OUT" || true
  else
    echo "bench/run.sh: the events benchmark failed (exit $?); its output: $EVENTS_OUT, $OUT/events.err" >&2
    status=1
  fi
}

case $MODE in
quick)
  echo "== gateway --quick" >&2
  "${BENCH[@]}" gateway --quick "${GATEWAY_ARGS[@]}" || status=1
  run_events --quick
  # Each process started alone once: service_idle_rss_mb_max=, service_start_s_max= and each process's figures.
  echo "== footprint --rounds 1" >&2
  "${BENCH[@]}" footprint --rounds 1 || status=1
  # A short bulk vetting (the national-scale run is `vetting` alone): vetting_per_s= of 5,000 candidates against
  # 75,000 records, so the rate says more about the per-batch cost than about the size of the tables.
  echo "== vetting (5,000 candidates)" >&2
  if "${BENCH[@]}" vetting --candidates 5000 --cadres 50000 --officials 25000 >"$OUT/vetting-quick.out"; then
    grep -E '^[a-z0-9_]+=' "$OUT/vetting-quick.out" || true
  else
    echo "bench/run.sh: the vetting benchmark failed; its output: $OUT/vetting-quick.out" >&2
    status=1
  fi
  ;;
full)
  # Events first, so that the gateway run's report can quote them.
  run_events >/dev/null
  echo "== gateway (and footprint)" >&2
  "${BENCH[@]}" gateway --report docs/benchmarks.md --events "$EVENTS_OUT" "${GATEWAY_ARGS[@]}" || status=1
  grep -E '^[a-z0-9_]+=' "$EVENTS_OUT" 2>/dev/null || true
  ;;
smoke)
  # The gateway benchmark and the footprint start their own processes, each measured alone.
  echo "== gateway --smoke (and footprint)" >&2
  "${BENCH[@]}" gateway --smoke "${GATEWAY_ARGS[@]}" || status=1
  # The others one after the other on one platform, started once (bench/Platform.Bench/SmokeRun.cs).
  echo "== smoke: scale, vetting, events and load on one platform" >&2
  "${BENCH[@]}" smoke >/dev/null || status=1
  ;;
esac
exit $status
