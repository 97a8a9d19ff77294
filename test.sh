#!/usr/bin/env bash
# The README's second command: install what is missing, start throwaway PostgreSQL (fsync off) and
# RabbitMQ under .state/test (ports apart from run.sh's), build, run every test project, stop the
# servers. Exits non-zero on any failure. .ci/run calls it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
source scripts/ports.sh
source scripts/state.sh

STATE="$ROOT/.state/test"
PG_PORT=6433
AMQP_PORT=6673 DIST_PORT=26673 EPMD_PORT=4371

scripts/install.sh

claim_state_folder "$STATE" test.sh

stop_servers() {
  scripts/rabbitmq.sh stop "$STATE/rabbitmq" >/dev/null 2>&1 || true
  scripts/postgres.sh stop "$STATE/postgres" >/dev/null 2>&1 || true
}
stop_servers # leftovers of an interrupted run
# Servers that a test process started for itself (dotnet test alone) and could not stop before it ended.
for dir in .state/test-*/; do
  [[ -d $dir ]] || continue
  pid=${dir%/}; pid=${pid##*-}
  kill -0 "$pid" 2>/dev/null && continue
  for node in "$dir"*rabbitmq; do [[ -d $node ]] && scripts/rabbitmq.sh stop "$node" >/dev/null 2>&1; done
  for server in "$dir"*postgres; do [[ -d $server ]] && scripts/postgres.sh stop "$server" >/dev/null 2>&1; done
  rm -rf "$dir"
done
find "$STATE" -mindepth 1 -maxdepth 1 ! -name owner.pid -exec rm -rf {} +
require_free_port $PG_PORT "the test PostgreSQL"
for port in $AMQP_PORT $DIST_PORT $EPMD_PORT; do require_free_port "$port" "the test RabbitMQ"; done
trap stop_servers EXIT

echo "Building…"
dotnet build Platform.sln -c Debug -nologo -clp:ErrorsOnly -v:q
# The client package as an internal app gets it: packed, then restored from that folder feed into the
# private packages folder of tests/Platform.ClientPackageTests (its nuget.config), no earlier copy kept.
rm -rf .state/client-package/feed .state/client-package/packages/platform.contracts
dotnet pack contracts/Platform.Contracts --no-build -c Debug -o .state/client-package/feed -nologo -v:q
dotnet build tests/Platform.ClientPackageTests -c Debug -nologo -clp:ErrorsOnly -v:q

scripts/postgres.sh start "$STATE/postgres" $PG_PORT --fast
scripts/rabbitmq.sh start "$STATE/rabbitmq" $AMQP_PORT $DIST_PORT $EPMD_PORT
# The test fixtures use these servers; a fixture that finds none starts its own.
export PLATFORM_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
export PLATFORM_TEST_RABBITMQ_DIR="$STATE/rabbitmq"
export PLATFORM_TEST_RABBITMQ_PORTS="$AMQP_PORT $DIST_PORT $EPMD_PORT"

passed=0 failed=0 skipped=0 status=0
for project in tests/*Tests/*.csproj; do
  echo "== $(basename "$project" .csproj)"
  log="$STATE/$(basename "$project" .csproj).log"
  if ! dotnet test "$project" --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$log"; then
    status=1
  fi
  # vstest's closing block: "Total tests: N" then "Passed: N", "Failed: N", "Skipped: N" (each only if non-zero).
  if ! grep -qE '^Total tests: [0-9]+' "$log"; then
    echo "no test summary from $project" >&2
    status=1
    continue
  fi
  count() { grep -E "^ +$1: [0-9]+\$" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
  passed=$((passed + $(count Passed)))
  failed=$((failed + $(count Failed)))
  skipped=$((skipped + $(count Skipped)))
  # vstest's "  Failed <name> [time]" lines with the message under them, for the summary at the very end (CI shows the tail).
  awk '/^  Failed /{n=12} n>0{print; n--}' "$log" >>"$STATE/failures.txt"
done

# The short fault-injection run, two replicas of each service and two gateways (a rolling restart among the faults): its
# own servers on free ports (it stops and kills them), so test.sh's stay untouched.
echo "== fault run (short, 2 replicas)"
if ! tests/fault/run.sh --short --replicas 2 --no-build 2>&1 | tee "$STATE/fault-run.log" | grep -vE '^(info|warn|fail|dbug): |^      '; then
  echo "the fault run failed (log: $STATE/fault-run.log)" >&2
  status=1
fi

# The images and docker-compose.yml for real: podman builds the five images (kept when their inputs are unchanged),
# docker-compose brings the platform up on stand-in PostgreSQL and RabbitMQ images, checked from the host through
# the gateway, then down -v (deploy/compose-smoke.sh; its own project name and free ports).
echo "== compose smoke (deploy/compose-smoke.sh)"
if ! deploy/compose-smoke.sh 2>&1 | tee "$STATE/compose-smoke.log"; then
  echo "the compose smoke run failed (log: $STATE/compose-smoke.log, .state/compose-smoke/, .state/images/)" >&2
  status=1
fi

# The benchmarks only have to run: a tiny run of each on the Debug build above, no figures asserted (bench/README.md).
echo "== bench/run.sh --smoke"
if ! BENCH_CONFIGURATION=Debug bench/run.sh --smoke >"$STATE/bench-smoke.log" 2>&1; then
  tail -40 "$STATE/bench-smoke.log"
  echo "bench smoke run failed; its output: $STATE/bench-smoke.log" >&2
  status=1
fi

echo
if [[ -s $STATE/failures.txt ]]; then
  echo "Failed tests (first lines of each; whole logs in $STATE/*.log):"
  cat "$STATE/failures.txt"
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if ((failed > 0)); then status=1; fi
exit $status
