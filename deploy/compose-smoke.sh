#!/usr/bin/env bash
# docker-compose.yml, really up: the images (deploy/images.sh: built, or kept when unchanged), then Debian's
# docker-compose 1.29 against podman's Docker-compatible API with the stand-in PostgreSQL and RabbitMQ, the whole
# platform up to the seed loader's end, checked from the host through the gateway; the dev overlay's Deployments played
# beside it (deploy/kube-play.sh); one service stopped, a write made, the service started again and its copy
# converging; `down -v`, and nothing of the project left behind.
# Exits non-zero on the first failed check. ./test.sh runs it as a step; it runs on its own as well:
#   deploy/compose-smoke.sh
# Its own project name and free host ports (nothing of run.sh's or another run's is touched). Logs: .state/compose-smoke/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source deploy/podman.sh
STATE="$ROOT/.state/compose-smoke"
export COMPOSE_PROJECT_NAME=${COMPOSE_PROJECT_NAME:-jp-compose-smoke}
mkdir -p "$STATE"
rm -f "$STATE"/*.log

step_start=$SECONDS
say() { echo "compose-smoke: $*"; }
fail() { echo "compose-smoke: FAILED: $*" >&2; exit 1; }
lap() { say "$1 ($((SECONDS - step_start)) s)"; step_start=$SECONDS; }

# --- Images: the platform's six (the gateway twice: with the development issuer for compose, without it for the
# Deployments kube play runs), and the stand-ins of postgres and rabbitmq (deploy/base-images.sh).
deploy/images.sh
stand_ins=$(deploy/base-images.sh)
export POSTGRES_IMAGE RABBITMQ_IMAGE
POSTGRES_IMAGE=$(sed -n 's/^POSTGRES_IMAGE=//p' <<<"$stand_ins")
RABBITMQ_IMAGE=$(sed -n 's/^RABBITMQ_IMAGE=//p' <<<"$stand_ins")
lap "images ready"

# --- Free host ports for what compose publishes (the kernel hands them out; nothing binds them until compose does).
read -r GATEWAY_HTTP_PORT GATEWAY_GRPC_PORT POSTGRES_PORT RABBITMQ_PORT RABBITMQ_MANAGEMENT_PORT < <(python3 -c '
import socket
sockets = [socket.socket() for _ in range(5)]
for s in sockets: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in sockets))')
export GATEWAY_HTTP_PORT GATEWAY_GRPC_PORT POSTGRES_PORT RABBITMQ_PORT RABBITMQ_MANAGEMENT_PORT
GATEWAY="http://127.0.0.1:$GATEWAY_HTTP_PORT"

# --- Podman's Docker-compatible API, for docker-compose.
SOCKET="$STATE/podman.sock"
rm -f "$SOCKET"
podman system service --time=0 "unix://$SOCKET" >"$STATE/podman-service.log" 2>&1 &
service_pid=$!
export DOCKER_HOST="unix://$SOCKET"
# vfs deletes a container's whole tree on removal: on a busy machine `down` takes longer than compose's default 60 s
# per API call.
export COMPOSE_HTTP_TIMEOUT=600
compose() { docker-compose -f "$ROOT/docker-compose.yml" "$@"; }

# Podman runs HEALTHCHECKs from systemd timers, and there is no systemd here: without someone running them, every
# container stays "starting" and compose's `condition: service_healthy` never holds. This loop is that someone: it
# runs each of the project's running containers' checks (the images' and compose's own) at the container's own
# interval, as the timers would; sooner would spend a check's retries before the container's start is over.
seconds_of() { # a Go duration as podman prints it (5s, 1m30s, 500ms) -> whole seconds, at least 1; 0 for none
  local duration=$1 total=0
  if [[ $duration =~ ^[0-9.]+(ms|us|µs|ns)$ ]]; then echo 1; return; fi
  [[ $duration =~ ^([0-9]+)h ]] && total=$((BASH_REMATCH[1] * 3600))
  [[ $duration =~ ([0-9]+)m[0-9] ]] && total=$((total + BASH_REMATCH[1] * 60))
  [[ $duration =~ ([0-9]+)(\.[0-9]+)?s$ ]] && total=$((total + BASH_REMATCH[1]))
  echo $total
}
run_health_checks() {
  local -A interval next
  local name
  while true; do
    for name in $(podman ps --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" --format '{{.Names}}' 2>/dev/null); do
      [[ -n ${interval[$name]:-} ]] \
        || interval[$name]=$(seconds_of "$(podman inspect --format '{{.Config.Healthcheck.Interval}}' "$name" 2>/dev/null)")
      ((interval[$name] > 0 && SECONDS >= ${next[$name]:-0})) || continue
      next[$name]=$((SECONDS + interval[$name]))
      podman healthcheck run "$name" >/dev/null 2>&1 || true
    done
    sleep 1
  done
}

health_pid=
cleanup() {
  local status=$?
  # Clean-up steps may fail (a process already gone, `wait` on a killed loop answers 143); none of that may become
  # the script's exit status, which is the run's.
  set +e
  if [[ -S $SOCKET ]]; then
    ((status == 0)) || compose logs --no-color >"$STATE/compose.log" 2>&1 || true
    compose down -v --remove-orphans >>"$STATE/down.log" 2>&1 || true
  fi
  # Whatever a failed run's `down` could not remove (the check above proves a passing run's `down -v` alone suffices).
  podman rm --force --volumes $(podman ps -aq --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME") >/dev/null 2>&1 || true
  podman volume rm --force $(podman volume ls -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME") >/dev/null 2>&1 || true
  podman network rm --force "${COMPOSE_PROJECT_NAME}_default" >/dev/null 2>&1 || true
  [[ -n $health_pid ]] && kill "$health_pid" 2>/dev/null && wait "$health_pid" 2>/dev/null
  if kill "$service_pid" 2>/dev/null; then
    timeout 20 tail --pid="$service_pid" -f /dev/null || kill -KILL "$service_pid" 2>/dev/null
  fi
  rm -f "$SOCKET"
  ((status == 0)) || echo "compose-smoke: logs in $STATE/" >&2
  exit $status
}
trap cleanup EXIT

deadline=$((SECONDS + 30))
until [[ -S $SOCKET ]] && DOCKER_HOST="unix://$SOCKET" docker-compose version >/dev/null 2>&1 && podman --url "unix://$SOCKET" version >/dev/null 2>&1; do
  ((SECONDS < deadline)) || fail "podman's API socket did not come up (log: $STATE/podman-service.log)"
  sleep 0.2
done
# Leftovers of an interrupted run of this project.
compose down -v --remove-orphans >/dev/null 2>&1 || true
run_health_checks &
health_pid=$!

# --- Up: compose itself waits for health and for the one-shot commands, in the file's order.
timeout 900 docker-compose -f "$ROOT/docker-compose.yml" up -d --no-build >"$STATE/up.log" 2>&1 \
  || { tail -20 "$STATE/up.log" >&2; fail "docker-compose up"; }
loader=$(compose ps -q seed-loader)
[[ -n $loader ]] || fail "no seed-loader container"
loader_exit=$(timeout 600 podman wait "$loader") || fail "the seed loader did not finish"
[[ $loader_exit == 0 ]] || { compose logs --no-color seed-loader | tail -20 >&2; fail "the seed loader exited with $loader_exit"; }
lap "compose up: platform running, seed loaded"

# --- The servers as the images and compose declare them: non-root, read-only root filesystem with a tmpfs /tmp only,
# healthy by their own readiness checks (the images' HEALTHCHECKs: /health/ready, the gateway's /healthz).
for server in organization home-affairs delegate-affairs gateway; do
  id=$(compose ps -q "$server")
  read -r read_only user health < <(podman inspect --format '{{.HostConfig.ReadonlyRootfs}} {{.Config.User}} {{.State.Health.Status}}' "$id")
  [[ $read_only == true && $user == 1654 && $health == healthy ]] \
    || fail "$server: read-only $read_only, user $user, health $health (want true, 1654, healthy)"
  podman exec "$id" bash -c 'touch /app/written' 2>/dev/null && fail "$server: wrote to /app on a read-only root filesystem"
  podman exec "$id" bash -c 'touch /tmp/written && rm /tmp/written' || fail "$server: cannot write to /tmp"
done
say "servers run as UID 1654 on a read-only root filesystem with a writable /tmp only, healthy"

# --- From the host, through the gateway.
json() { python3 -c "import json,sys; d=json.load(sys.stdin); $1"; }
token_of() { # CLIENT
  curl -sf -d grant_type=client_credentials -d "client_id=$1" -d client_secret=dev-secret "$GATEWAY/connect/token" \
    | json 'print(d["access_token"])'
}
get() { curl -sf -H "Authorization: Bearer $TOKEN" "$GATEWAY$1"; }

TOKEN=$(token_of home-affairs-editor) || fail "no token from the gateway"
say "a token from the gateway"

provinces=$(get '/api/home-affairs/v1/administrative-units?page_size=100' | json 'print(len(d["administrativeUnits"]))') \
  || fail "listing the administrative units through the gateway"
[[ $provinces == 63 ]] || fail "$provinces provinces through the gateway, not 63"
say "63 provinces through the gateway"

get /api/joint-planning/v1/conferences/organization.so-ket-6-thang-2020 | json '
bodies = {"organization", "home-affairs", "delegate-affairs"}
assert d["leadBody"] == "organization", d["leadBody"]
assert d["conference"] and d["conference"]["id"] == "organization.so-ket-6-thang-2020", "no conference"
assert not d["unavailable"], "unavailable: %s" % d["unavailable"]
parts = {p["body"] for p in d["participations"]}
assert bodies - {"organization"} <= parts, "participations of %s" % sorted(parts)
assert {r["body"] for r in d["conference"]["readiness"]} == bodies, "readiness rows"
print("compose-smoke: the seed conference through the gateway, from all three bodies: the lead conference,",
      "participations of", ", ".join(sorted(parts)) + ",", len(d["tasks"]), "tasks")' \
  || fail "the seed conference through the gateway"

# --- The 2025 map the seed loader records through Home Affairs' API (Resolution 202/2025/QH15): 34 provinces open of
# the 63 kept, Long An's code 80 now Tây Ninh with its former name, Tây Ninh's 72 closed into it, at the owner and in
# both copies (by events); the 2020 conference still names the provinces it was held in.
get '/api/home-affairs/v1/administrative-units?page_size=100' | json '
units = d["administrativeUnits"]
open_ = [u for u in units if not u.get("validTo")]
assert len(units) == 63 and len(open_) == 34, "%d units, %d open" % (len(units), len(open_))' \
  || fail "the 2025 map at Home Affairs: 34 of the 63 provinces open"
deadline=$((SECONDS + 120))
for body in home-affairs organization delegate-affairs; do
  until get "/api/$body/v1/administrative-units/80" 2>/dev/null | json '
assert d["name"] == "Tây Ninh" and [f["name"] for f in d.get("formerNames", [])] == ["Long An"], d' >/dev/null 2>&1 \
    && get "/api/$body/v1/administrative-units/72" 2>/dev/null | json '
assert d.get("validTo") == "2025-06-30" and d.get("successorCode") == "80", d' >/dev/null 2>&1; do
    ((SECONDS < deadline)) || fail "the 2025 map did not converge at $body within 120 s"
    sleep 1
  done
done
get /api/organization/v1/participations/organization.so-ket-6-thang-2020 | json '
names = {b.get("siteName") for b in d.get("bridgePoints", [])}
assert {"Yên Bái", "Long An"} <= names, sorted(n for n in names if n)' \
  || fail "the 2020 conference's bridge points under their 2020 names"
say "the 2025 map: 34 provinces open, 80 renamed Tây Ninh and 72 merged into it at all three bodies; the 2020 conference keeps Yên Bái and Long An"
lap "checked through the gateway"

# --- The dev overlay's Deployments under podman kube play, on this platform's network and databases (deploy/kube-play.sh).
deploy/kube-play.sh "${COMPOSE_PROJECT_NAME}_default" "$TOKEN" || fail "the dev overlay under podman kube play"

# --- One service down, a write it must catch up on, the service up again: its copy converges.
compose stop organization >/dev/null 2>&1 || fail "stopping organization"
unit=$(get /api/home-affairs/v1/administrative-units/01) || fail "reading Hà Nội"
etag=$(json 'print(d["etag"])' <<<"$unit")
renamed="Thành phố Hà Nội (compose smoke $$)"
curl -sf -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"code\": \"01\", \"name\": \"$renamed\", \"etag\": \"$etag\"}" \
  "$GATEWAY/api/home-affairs/v1/administrative-units/01?update_mask=name" >/dev/null \
  || fail "renaming Hà Nội through the gateway while organization is stopped"
say "organization stopped; Hà Nội renamed through the gateway"
compose start organization >/dev/null 2>&1 || fail "starting organization"
deadline=$((SECONDS + 180))
until [[ $(get /api/organization/v1/administrative-units/01 2>/dev/null | json 'print(d["name"])' 2>/dev/null) == "$renamed" ]]; do
  ((SECONDS < deadline)) || fail "Organization's copy of Hà Nội did not converge within 180 s"
  sleep 1
done
lap "organization started again; its copy of Hà Nội converged"

# --- Down, and nothing of the project left.
compose down -v --remove-orphans >"$STATE/down.log" 2>&1 || fail "docker-compose down -v"
left=$(podman ps -a --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" --format '{{.Names}}')
[[ -z $left ]] || fail "containers left after down -v: $left"
left=$(podman network ls --format '{{.Name}}' | grep -E "^${COMPOSE_PROJECT_NAME}_" || true)
[[ -z $left ]] || fail "networks left after down -v: $left"
left=$(podman volume ls --format '{{.Name}}' | grep -E "^${COMPOSE_PROJECT_NAME}_" || true)
[[ -z $left ]] || fail "volumes left after down -v: $left"
lap "down -v: no container, network or volume of $COMPOSE_PROJECT_NAME left"
say "passed"
