#!/usr/bin/env bash
# The dev overlay's Deployments under `podman kube play`, beside a running docker-compose.yml platform: rendered by
# kustomize from deploy/kube-play/ (the dev overlay, with only what podman 4.3 cannot play replaced; its
# kustomization.yaml lists each part and why), played on the compose project's network against its PostgreSQL,
# RabbitMQ and completed migrations, then checked and taken down again:
# - each pod's container runs as the manifests declare it: UID/GID 1654, read-only root filesystem with a writable
#   /tmp (the emptyDir), every capability dropped, no privilege escalation, the memory limit, and the ConfigMaps'
#   settings in its environment;
# - each probe's path answers on its port from inside the pod (liveness /health/live, readiness /health/ready, which
#   the gRPC readiness probe's health service reports too; the gateway's /healthz/live and /healthz);
# - each played service answers the API from its own database with the service role, from the host: the 63
#   provinces (Home Affairs' own, the two copies); the played gateway proxies a call with a compose token.
# deploy/compose-smoke.sh calls it while its platform is up:
#   deploy/kube-play.sh NETWORK TOKEN     (NETWORK: the compose project's network; TOKEN: a token from its gateway)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source deploy/podman.sh
NETWORK=$1 TOKEN=$2
STATE="$ROOT/.state/kube-play"
mkdir -p "$STATE"

say() { echo "kube-play: $*"; }
fail() { echo "kube-play: FAILED: $*" >&2; exit 1; }
step_start=$SECONDS
lap() { say "$1 ($((SECONDS - step_start)) s)"; step_start=$SECONDS; }

# podman 4.3 plays Pods, Deployments, PersistentVolumeClaims and ConfigMaps; the rest of the overlay (the operators'
# databases and broker, Jobs, Services, NetworkPolicies, Ingresses…) is for a cluster and is left out here.
kubectl kustomize deploy/kube-play \
  | awk 'BEGIN { RS = "\n---\n" } /(^|\n)kind: (Deployment|ConfigMap)\n/ { printf "%s\n---\n", $0 }' >"$STATE/play.yaml"
[[ $(grep -c '^kind: Deployment$' "$STATE/play.yaml") == 5 ]] || fail "the rendered overlay does not hold the five Deployments"

# podman 4.3 logs an error for each pod but the last that still shares the emptyDir's volume; the last removes it.
down() { podman kube down "$STATE/play.yaml" >"$STATE/down.log" 2>&1 || true; }
down # leftovers of an interrupted run
trap down EXIT
podman kube play --network "$NETWORK" "$STATE/play.yaml" >"$STATE/play.log" 2>&1 \
  || { cat "$STATE/play.log" >&2; fail "podman kube play"; }
lap "played the dev overlay's five Deployments and their ConfigMaps on $NETWORK"

container_of() { podman ps --filter "pod=$1-pod-0" --filter "name=-$1\$" --format '{{.Names}}' | head -1; }
inside() { podman exec "$1" bash -c "$2"; }
# Like the images' HEALTHCHECKs: bash's /dev/tcp, as the runtime image has no curl.
status_inside() { # CONTAINER PORT PATH -> the HTTP status code, or nothing
  inside "$1" "exec 3<>/dev/tcp/127.0.0.1/$2 && printf 'GET $3 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3 && head -n 1 <&3 | cut -d' ' -f2" 2>/dev/null || true
}

# The screens have no gRPC port (HTTP/1.1 only, behind the gateway).
declare -A GRPC=([organization]=5101 [home-affairs]=5102 [delegate-affairs]=5103 [gateway]=8081)
declare -A HTTP=([organization]=5111 [home-affairs]=5112 [delegate-affairs]=5113 [gateway]=8080 [screens]=8090)
declare -A LIVE=([organization]=/health/live [home-affairs]=/health/live [delegate-affairs]=/health/live [gateway]=/healthz/live [screens]=/healthz/live)
declare -A READY=([organization]=/health/ready [home-affairs]=/health/ready [delegate-affairs]=/health/ready [gateway]=/healthz [screens]=/healthz)
for server in organization home-affairs delegate-affairs gateway screens; do
  container=$(container_of "$server")
  [[ -n $container ]] || fail "$server: no container of pod $server-pod-0"
  read -r user read_only memory cap_drop no_new < <(podman inspect --format \
    '{{.Config.User}} {{.HostConfig.ReadonlyRootfs}} {{.HostConfig.Memory}} {{len .HostConfig.CapDrop}} {{.HostConfig.SecurityOpt}}' "$container")
  [[ $user == 1654:1654 && $read_only == true && $memory == $((384 * 1024 * 1024)) ]] \
    || fail "$server: user $user, read-only $read_only, memory $memory (want 1654:1654, true, 384Mi)"
  [[ $cap_drop -ge 10 && $no_new == *no-new-privileges* ]] || fail "$server: $cap_drop capabilities dropped, security options $no_new"
  ports=$(podman ps --filter "pod=$server-pod-0" --format '{{.Ports}}' | tr -d '[:space:]')
  [[ -z $ports ]] || fail "$server: its pod publishes $ports on the host"
  [[ $(inside "$container" 'grep CapEff /proc/self/status' | awk '{print $2}') == 0000000000000000 ]] \
    || fail "$server: the process has effective capabilities"
  inside "$container" 'touch /app/written' 2>/dev/null && fail "$server: wrote to /app on a read-only root filesystem"
  inside "$container" 'touch /tmp/written && rm /tmp/written' || fail "$server: cannot write to /tmp (the emptyDir)"
  [[ $(inside "$container" 'printf %s "$Kestrel__Endpoints__Http__Url $ASPNETCORE_ENVIRONMENT"') == "http://+:${HTTP[$server]} Production" ]] \
    || fail "$server: the ConfigMaps' settings are not its environment"
  deadline=$((SECONDS + 180))
  until [[ $(status_inside "$container" "${HTTP[$server]}" "${READY[$server]}") == 200 ]]; do
    ((SECONDS < deadline)) || { podman logs --tail 30 "$container" >&2; fail "$server: ${READY[$server]} not 200 within 180 s"; }
    sleep 1
  done
  [[ $(status_inside "$container" "${HTTP[$server]}" "${LIVE[$server]}") == 200 ]] || fail "$server: ${LIVE[$server]} not 200"
  [[ -z ${GRPC[$server]:-} ]] || inside "$container" "exec 3<>/dev/tcp/127.0.0.1/${GRPC[$server]}" || fail "$server: nothing listens on ${GRPC[$server]}"
done
lap "each container as declared (UID 1654, read-only root, /tmp emptyDir, no capabilities, 384Mi, the ConfigMaps), its probes' paths 200"

json() { python3 -c "import json,sys; d=json.load(sys.stdin); $1"; }
address_of() { podman inspect --format "{{(index .NetworkSettings.Networks \"$NETWORK\").IPAddress}}" "$(container_of "$1")"; }
provinces_at() { # URL -> how many administrative units (top level, the first 100)
  curl -sf --http2-prior-knowledge -H "Authorization: Bearer $TOKEN" "$1" | json 'print(len(d["administrativeUnits"]))'
}
for server in organization home-affairs delegate-affairs; do
  count=$(provinces_at "http://$(address_of "$server"):${GRPC[$server]}/api/$server/v1/administrative-units?page_size=100") \
    || fail "$server: listing the administrative units at the played pod"
  [[ $count == 63 ]] || fail "$server: $count provinces at the played pod, not 63"
done
gateway="http://$(address_of gateway):8080"
count=$(curl -sf -H "Authorization: Bearer $TOKEN" "$gateway/api/home-affairs/v1/administrative-units?page_size=100" \
  | json 'print(len(d["administrativeUnits"]))') || fail "listing the administrative units through the played gateway"
[[ $count == 63 ]] || fail "$count provinces through the played gateway, not 63"
lap "the 63 provinces from each played service's own database, and through the played gateway"

trap - EXIT
podman kube down "$STATE/play.yaml" >"$STATE/down.log" 2>&1 || { cat "$STATE/down.log" >&2; fail "podman kube down"; }
left=$(podman pod ps --format '{{.Name}}' | grep -E '^(organization|home-affairs|delegate-affairs|gateway|screens)-pod-0$' || true)
[[ -z $left ]] || fail "pods left after podman kube down: $left"
! podman volume exists kube-play-tmp || fail "the emptyDir's volume is left after podman kube down"
lap "kube down: no pod or volume left"
