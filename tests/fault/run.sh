#!/usr/bin/env bash
# The fault-injection run: the real processes (three services, the gateway, PostgreSQL and RabbitMQ of its own on
# free ports), a steady workload through the gateway, faults one at a time and combined, then the invariants.
#   tests/fault/run.sh [--short] [--duration 15m] [--seed N] [--replicas N]
# --short: under five minutes (test.sh runs it, with --replicas 2); default: 15 minutes of workload.
# --replicas N (default 1): N processes of each service over the same database and broker, and N gateways whose
# clusters list every replica; the workload takes the gateways in turn, a SIGKILL hits one replica, and a rolling
# restart (SIGTERM, one replica of each service at a time) joins the faults.
# Exits non-zero if anything was lost or applied twice, or a call failed during the rolling restart.
# Pass --no-build when the solution is already built (test.sh does).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
build=1 args=()
for arg in "$@"; do
  if [[ $arg == --no-build ]]; then build=0; else args+=("$arg"); fi
done
# The run starts, stops and kills servers of its own; it must never touch test.sh's shared ones.
unset PLATFORM_TEST_POSTGRES PLATFORM_TEST_RABBITMQ_DIR PLATFORM_TEST_RABBITMQ_PORTS
if ((build)); then
  scripts/install.sh
  dotnet build tests/fault/Platform.FaultRun -c Debug -nologo -clp:ErrorsOnly -v:q
fi
exec dotnet tests/fault/Platform.FaultRun/bin/Debug/net10.0/Platform.FaultRun.dll "${args[@]}"
