#!/usr/bin/env bash
# The README's first command: install what is missing, start private PostgreSQL and RabbitMQ under
# .state/run, migrate, start the three services, the screens and the gateway, load the seed scenario, and
# stay in the foreground. Ctrl-C (or SIGTERM) stops exactly what this script started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
source scripts/ports.sh
source scripts/state.sh
source scripts/services.sh

STATE="$ROOT/.state/run"
PG_PORT=5433
AMQP_PORT=5673 DIST_PORT=25673 EPMD_PORT=4370 MGMT_PORT=15673
CONFIGURATION=Release

scripts/install.sh

claim_state_folder "$STATE" run.sh

# Leftovers of an earlier run that was killed hard are ours to stop, not a conflict.
scripts/postgres.sh stop "$STATE/postgres" >/dev/null 2>&1 || true
scripts/rabbitmq.sh stop "$STATE/rabbitmq" >/dev/null 2>&1 || true

require_free_port $PG_PORT "PostgreSQL"
for port in $AMQP_PORT $DIST_PORT $EPMD_PORT $MGMT_PORT; do require_free_port "$port" "RabbitMQ"; done
for entry in "${PLATFORM_SERVICES[@]}"; do
  IFS=: read -r name _ grpc http _ <<<"$entry"
  require_free_port "$grpc" "$name (gRPC)"
  require_free_port "$http" "$name (HTTP)"
done
require_free_port $GATEWAY_HTTP_PORT "the gateway (HTTP)"
require_free_port $GATEWAY_GRPC_PORT "the gateway (gRPC)"
require_free_port $SCREENS_HTTP_PORT "the screens (HTTP)"

echo "Building ($CONFIGURATION)…"
# With the development issuer, which Release leaves out by default (gateway/Platform.Gateway/Platform.Gateway.csproj):
# this run's gateway is the token issuer.
dotnet build Platform.sln -c $CONFIGURATION -p:DevelopmentIssuer=true -nologo -clp:ErrorsOnly -v:q

PIDS=()
stop_all() {
  trap "" INT TERM  # a second Ctrl-C must not cut the clean-up short
  trap - EXIT
  echo
  echo "Stopping…"
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  scripts/rabbitmq.sh stop "$STATE/rabbitmq" || true
  scripts/postgres.sh stop "$STATE/postgres" || true
  echo "Stopped."
}
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT

mkdir -p "$STATE/logs"
scripts/postgres.sh start "$STATE/postgres" $PG_PORT
scripts/rabbitmq.sh start "$STATE/rabbitmq" $AMQP_PORT $DIST_PORT $EPMD_PORT $MGMT_PORT

# A development run: the gateway hosts the platform's own token issuer and the services trust it.
export ASPNETCORE_ENVIRONMENT=Development
export ConnectionStrings__RabbitMq="amqp://guest:guest@127.0.0.1:$AMQP_PORT/"
# As deployed (README.md, "Databases and roles"): the servers and their seeds connect as <database>_service (data
# access only), `migrate` as <database>_owner (owns the tables; grants the service role what it needs).
db_url() { echo "Host=127.0.0.1;Port=$PG_PORT;Database=$1;Username=$1_${2:-service}"; }

# Every service migrates (schema, and the queues it consumes from) before any starts, so that no
# event published at start-up finds a queue missing.
for entry in "${PLATFORM_SERVICES[@]}"; do
  IFS=: read -r name project _ _ database <<<"$entry"
  scripts/service-database.sh $PG_PORT "$database"
  dll=$(platform_dll "$project" $CONFIGURATION)
  ConnectionStrings__Database=$(db_url "$database") ConnectionStrings__Migrations=$(db_url "$database" owner) \
    dotnet "$dll" migrate --contentRoot "$(dirname "$dll")" \
    >"$STATE/logs/$name-migrate.log" 2>&1 || { cat "$STATE/logs/$name-migrate.log"; exit 1; }
done
for entry in "${PLATFORM_SERVICES[@]}"; do
  IFS=: read -r name project grpc http database <<<"$entry"
  dll=$(platform_dll "$project" $CONFIGURATION)
  ConnectionStrings__Database=$(db_url "$database") \
  Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$grpc" Kestrel__Endpoints__Http__Url="http://127.0.0.1:$http" \
    dotnet "$dll" --contentRoot "$(dirname "$dll")" >"$STATE/logs/$name.log" 2>&1 &
  PIDS+=($!)
done
for entry in "${PLATFORM_SERVICES[@]}"; do
  IFS=: read -r name _ _ http _ <<<"$entry"
  wait_http "http://127.0.0.1:$http/health/ready" 60 || { tail -20 "$STATE/logs/$name.log"; exit 1; }
done

# The seed scenario goes through Home Affairs' outbox like any change, so the copies receive it.
ha_dll=$(platform_dll services/HomeAffairs/Platform.HomeAffairs $CONFIGURATION)
ConnectionStrings__Database=$(db_url home_affairs) dotnet "$ha_dll" seed --contentRoot "$(dirname "$ha_dll")" >"$STATE/logs/home-affairs-seed.log" 2>&1 \
  || { cat "$STATE/logs/home-affairs-seed.log"; exit 1; }

# Organization's Party committees and Delegate Affairs' election of 2021 need the provinces, which reach
# them from Home Affairs by events (their seeds wait for them).
for entry in "${PLATFORM_SERVICES[@]}"; do
  IFS=: read -r name project _ _ database <<<"$entry"
  [[ $name == home-affairs ]] && continue
  dll=$(platform_dll "$project" $CONFIGURATION)
  ConnectionStrings__Database=$(db_url "$database") dotnet "$dll" seed --contentRoot "$(dirname "$dll")" >"$STATE/logs/$name-seed.log" 2>&1 \
    || { cat "$STATE/logs/$name-seed.log"; exit 1; }
done

# The screens first (appsettings.json: port 8090, the services' ports above, the gateway as issuer in Development),
# then the gateway, which routes / and the pages to them.
screens_dll=$(platform_dll $SCREENS_PROJECT $CONFIGURATION)
dotnet "$screens_dll" --contentRoot "$(dirname "$screens_dll")" >"$STATE/logs/screens.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$SCREENS_HTTP_PORT/healthz" 60 || { tail -20 "$STATE/logs/screens.log"; exit 1; }

gw_dll=$(platform_dll $GATEWAY_PROJECT $CONFIGURATION)
dotnet "$gw_dll" --contentRoot "$(dirname "$gw_dll")" >"$STATE/logs/gateway.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$GATEWAY_HTTP_PORT/healthz" 60 || { tail -20 "$STATE/logs/gateway.log"; exit 1; }

# The joint conference of the news item (1/7/2020) goes through the gateway, as the three bodies' editors would
# write it; a second run finds it there and continues from where it is. Its last line is the conference's URL.
loader_dll=$(platform_dll tools/Platform.SeedLoader/Platform.SeedLoader $CONFIGURATION)
dotnet "$loader_dll" --gateway-http "http://127.0.0.1:$GATEWAY_HTTP_PORT" --gateway-grpc "http://127.0.0.1:$GATEWAY_GRPC_PORT" \
  >"$STATE/logs/seed-conference.log" 2>&1 || { cat "$STATE/logs/seed-conference.log"; exit 1; }
conference_url=$(tail -n 1 "$STATE/logs/seed-conference.log")

cat <<TXT
Platform ready
  Screens and JSON:  http://localhost:$GATEWAY_HTTP_PORT/   e.g. curl -s 'localhost:$GATEWAY_HTTP_PORT/api/home-affairs/v1/administrative-units?page_size=100'
  Joint conference:  $conference_url
  gRPC (h2c):        localhost:$GATEWAY_GRPC_PORT
  RabbitMQ UI:       http://localhost:$MGMT_PORT/  (guest / guest)
  PostgreSQL:        psql -h 127.0.0.1 -p $PG_PORT -U postgres
  Logs:              $STATE/logs/
Press Ctrl-C to stop.
TXT

# Stay in the foreground; if any process dies, say so and stop everything.
wait -n "${PIDS[@]}" || true
echo "A platform process exited; see $STATE/logs/" >&2
exit 1
