#!/usr/bin/env bash
# Builds the platform's images with podman from the committed Dockerfiles: the three services, the gateway, the
# screens and the seed loader, tagged joint-planning/NAME:$PLATFORM_VERSION (0.1.0); and the gateway with the development issuer,
# joint-planning/gateway:$PLATFORM_VERSION-development-issuer, which docker-compose.yml runs (the plain gateway image,
# the one Kubernetes runs, has no issuer: deploy/kube-play.sh plays it).
#   deploy/images.sh
# First the stand-in base images (deploy/base-images.sh; kept once made), then one build that publishes all six
# applications (deploy/publish.Dockerfile: the shared contracts and building blocks compile once, not six times),
# then each image from its Dockerfile (the three services from their shared one), which takes its application from
# that build (build arguments PUBLISHED, PUBLISHED_DIR) instead of its own build stage.
# Idempotent: when the seven images were built from the same inputs (every file the builds copy, the Dockerfiles,
# the base images), nothing is built. Prints each image's size.
# Environment: PLATFORM_VERSION (the tag), SDK_IMAGE and ASPNET_IMAGE (base images to build from instead of the
# stand-ins, e.g. the official ones where a registry is reachable).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source deploy/podman.sh
VERSION=${PLATFORM_VERSION:-0.1.0}
LOGS="$ROOT/.state/images"
PUBLISHED=localhost/joint-planning-build/published:latest
mkdir -p "$LOGS"

if [[ -z ${SDK_IMAGE:-} || -z ${ASPNET_IMAGE:-} ]]; then
  stand_ins=$(deploy/base-images.sh)
  SDK_IMAGE=$(sed -n 's/^SDK_IMAGE=//p' <<<"$stand_ins")
  ASPNET_IMAGE=$(sed -n 's/^ASPNET_IMAGE=//p' <<<"$stand_ins")
fi

# name:tag suffix:Dockerfile:build arguments, comma-separated (the services' shared Dockerfile is told which service it
# builds and its ports, as docker-compose.yml tells it). The published folder is /publish/<name><suffix>
# (deploy/publish.Dockerfile).
IMAGES=(organization::services/Dockerfile:SERVICE=Organization,GRPC_PORT=5101,HTTP_PORT=5111
  home-affairs::services/Dockerfile:SERVICE=HomeAffairs,GRPC_PORT=5102,HTTP_PORT=5112
  delegate-affairs::services/Dockerfile:SERVICE=DelegateAffairs,GRPC_PORT=5103,HTTP_PORT=5113
  gateway::gateway/Platform.Gateway/Dockerfile: gateway:-development-issuer:gateway/Platform.Gateway/Dockerfile:
  screens::gateway/Platform.Screens/Dockerfile: seed-loader::tools/Platform.SeedLoader/Dockerfile:)
image_of() { local name suffix; IFS=: read -r name suffix _ <<<"$1"; echo "joint-planning/$name:$VERSION$suffix"; }

# What the builds read: the build context they copy from (.dockerignore leaves out the rest) as it is in the working
# tree (tracked files, and untracked ones not ignored), the Dockerfiles and the build arguments above, and the base
# images by id.
inputs=$({
  git ls-files -z --cached --others --exclude-standard -- global.json Directory.Build.props Directory.Packages.props \
    contracts services gateway tools deploy/publish.Dockerfile | sort -z -u | xargs -0 -r sha256sum 2>/dev/null
  printf '%s\n' "${IMAGES[@]}"
  podman image inspect --format '{{.Id}}' "$SDK_IMAGE" "$ASPNET_IMAGE"
} | sha256sum | cut -c1-64)
built_from() { podman image inspect --format '{{index .Labels "org.joint-planning.inputs"}}' "$1" 2>/dev/null || true; }

up_to_date=1
for entry in "${IMAGES[@]}"; do
  [[ $(built_from "$(image_of "$entry")") == "$inputs" ]] || up_to_date=0
done

# podman build as it works on these machines: chroot isolation, docker format (OCI drops HEALTHCHECK), and
# --layers=false: one working container per stage, committed once (vfs storage copies the whole tree for every
# layer it makes, so per-instruction layers cost more here than they save; reuse is by the inputs' digest instead).
build() { # LOG ARGUMENTS...
  local log="$LOGS/$1.log"; shift
  podman build --isolation chroot --format docker --layers=false --network host "$@" . >"$log" 2>&1 \
    || { tail -30 "$log" >&2; echo "images: failed (log: $log)" >&2; return 1; }
}

if ((up_to_date)); then
  echo "images: the seven images are up to date (inputs $inputs)" >&2
else
  buildah rm --all >/dev/null 2>&1 || true # working containers of an interrupted build
  start=$SECONDS
  # The machine's NuGet package folder is mounted where the SDK image's root user restores into: what the
  # solution's own build restored is found there. /etc/ssl/certs: the machine's trust store, through which NuGet
  # reaches the registry for anything missing.
  build published -f deploy/publish.Dockerfile --build-arg "SDK_IMAGE=$SDK_IMAGE" \
    -v /etc/ssl/certs:/etc/ssl/certs:ro -v "${NUGET_PACKAGES:-$HOME/.nuget/packages}:/root/.nuget/packages" \
    -t "$PUBLISHED"
  echo "images: the six applications published in $((SECONDS - start)) s" >&2
  for entry in "${IMAGES[@]}"; do
    IFS=: read -r name suffix dockerfile arguments <<<"$entry"
    image=$(image_of "$entry") start=$SECONDS
    IFS=, read -r -a build_arguments <<<"$arguments"
    build "$name$suffix" -f "$dockerfile" "${build_arguments[@]/#/--build-arg=}" \
      --build-arg "ASPNET_IMAGE=$ASPNET_IMAGE" --build-arg "PUBLISHED=$PUBLISHED" \
      --build-arg "PUBLISHED_DIR=/publish/$name$suffix" --label "org.joint-planning.inputs=$inputs" -t "$image"
    echo "images: $image built in $((SECONDS - start)) s" >&2
  done
  # The gateway image Kubernetes runs must not contain the development issuer (Platform.Gateway.csproj refuses such a
  # build; this checks the image itself), and the demo's must.
  issuer_files() { podman run --rm --entrypoint ls "$1" /app | grep -E '^(Platform\.Gateway\.DevelopmentIssuer|OpenIddict\.Server)\.dll$' || true; }
  [[ -z $(issuer_files "joint-planning/gateway:$VERSION") ]] \
    || { echo "images: joint-planning/gateway:$VERSION contains the development issuer" >&2; exit 1; }
  [[ $(issuer_files "joint-planning/gateway:$VERSION-development-issuer" | wc -l) == 2 ]] \
    || { echo "images: joint-planning/gateway:$VERSION-development-issuer lacks the development issuer" >&2; exit 1; }
  # The published applications are in the images now; a rebuilt image leaves its predecessor untagged. vfs keeps
  # every layer in full: drop both.
  podman rmi "$PUBLISHED" >/dev/null
  podman image prune --force >/dev/null
fi

for entry in "${IMAGES[@]}"; do
  podman image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' "$(image_of "$entry")"
done
