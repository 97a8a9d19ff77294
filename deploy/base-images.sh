#!/usr/bin/env bash
# Stand-ins for the base images the Dockerfiles and docker-compose.yml name (mcr.microsoft.com/dotnet/sdk and
# aspnet, postgres, rabbitmq), made offline: no image registry is reachable from these machines. A Debian bookworm
# minbase rootfs from the Debian mirror apt is configured with (debootstrap, then `podman import`), plus this
# machine's .NET under /usr/share/dotnet, or Debian's postgresql-15 and rabbitmq-server. The official names stay
# the defaults everywhere; deploy/images.sh passes these as build arguments, deploy/compose-smoke.sh as image
# variables. Idempotent: an image that exists is kept (`deploy/base-images.sh --rebuild` makes them again).
# Prints the stand-ins' names, one per line, as NAME=image (sourceable).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/deploy/podman.sh"

STAND_INS=localhost/joint-planning-stand-in
BASE=$STAND_INS/debian:bookworm
ASPNET=$STAND_INS/dotnet-aspnet:10.0.12
SDK=$STAND_INS/dotnet-sdk:10.0.401
POSTGRES=$STAND_INS/postgres:15
RABBITMQ=$STAND_INS/rabbitmq:3.10-management

[[ ${1:-} == --rebuild ]] && podman rmi --ignore "$SDK" "$ASPNET" "$POSTGRES" "$RABBITMQ" "$BASE" >/dev/null

exists() { podman image exists "$1"; }
say() { echo "base-images: $*" >&2; }
timed() { local start=$SECONDS; "$@"; say "$2 made in $((SECONDS - start)) s"; }

# The Debian mirror and suite this machine's apt uses (deb822 .sources or one-line sources.list).
debian_mirror() {
  local uri
  uri=$(awk 'tolower($1)=="uris:" {u=$2} tolower($1)=="suites:" && / bookworm( |$)/ && u !~ /security/ {print u; exit}' \
    /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [[ -n $uri ]] || uri=$(awk '$1=="deb" && $3=="bookworm" {print $2; exit}' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true)
  [[ -n $uri ]] || { echo "base-images: no bookworm mirror in /etc/apt" >&2; return 1; }
  echo "$uri"
}

# .NET's native dependencies as the official images carry them (ICU for cultures such as vi-VN, OpenSSL, zlib,
# time zones, CA certificates, GSSAPI which Npgsql probes for).
rootfs() { # IMAGE
  local dir status=0
  dir=$(mktemp -d /var/tmp/joint-planning-rootfs.XXXXXX)
  if debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata,zlib1g,libgssapi-krb5-2 \
      bookworm "$dir/rootfs" "$(debian_mirror)" >"$dir/debootstrap.log" 2>&1; then
    rm -rf "$dir"/rootfs/var/cache/apt/archives/*.deb "$dir"/rootfs/var/lib/apt/lists/*
    chmod 755 "$dir/rootfs" # the image's /: non-root users must traverse it
    tar -C "$dir/rootfs" -c . | podman import --quiet - "$1" >/dev/null || status=1
  else
    tail -20 "$dir/debootstrap.log" >&2
    status=1
  fi
  rm -rf "$dir"
  return $status
}

build() { # IMAGE CONTAINERFILE CONTEXT BUILD-ARG...
  local image=$1 file=$2 context=$3; shift 3
  local log
  log=$(mktemp /tmp/joint-planning-stand-in.XXXXXX.log)
  podman build --isolation chroot --format docker --layers=false --network host \
    "${@/#/--build-arg=}" -t "$image" -f "$file" "$context" >"$log" 2>&1 || { tail -30 "$log" >&2; rm -f "$log"; return 1; }
  rm -f "$log"
}

exists "$BASE" || timed rootfs "$BASE"
exists "$ASPNET" || timed build "$ASPNET" "$ROOT/deploy/stand-ins/aspnet.Containerfile" /usr/share/dotnet "BASE=$BASE"
exists "$SDK" || timed build "$SDK" "$ROOT/deploy/stand-ins/sdk.Containerfile" /usr/share/dotnet "ASPNET=$ASPNET"
exists "$POSTGRES" || timed build "$POSTGRES" "$ROOT/deploy/stand-ins/postgres.Containerfile" "$ROOT/deploy/stand-ins" "BASE=$BASE"
exists "$RABBITMQ" || timed build "$RABBITMQ" "$ROOT/deploy/stand-ins/rabbitmq.Containerfile" "$ROOT/deploy/stand-ins" "BASE=$BASE"

echo "SDK_IMAGE=$SDK"
echo "ASPNET_IMAGE=$ASPNET"
echo "POSTGRES_IMAGE=$POSTGRES"
echo "RABBITMQ_IMAGE=$RABBITMQ"
