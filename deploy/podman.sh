# Sourced by deploy/*.sh: podman with this repository's settings (deploy/podman/*.conf), for whoever runs it.
# Podman 4.3 from Debian (scripts/install.sh installs it).
DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export CONTAINERS_CONF="$DEPLOY_DIR/podman/containers.conf"
export CONTAINERS_STORAGE_CONF="$DEPLOY_DIR/podman/storage.conf"
