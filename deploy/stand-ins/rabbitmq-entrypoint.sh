#!/bin/bash
# The rabbitmq stand-in's entrypoint (rabbitmq.Containerfile): the default user from RABBITMQ_DEFAULT_USER/PASS
# (allowed from other hosts, as in the official image), then the server as user rabbitmq.
set -euo pipefail
chown rabbitmq:rabbitmq /var/lib/rabbitmq
{
  echo "loopback_users = none"
  echo "default_user = ${RABBITMQ_DEFAULT_USER:-guest}"
  echo "default_pass = ${RABBITMQ_DEFAULT_PASS:-guest}"
} >"$RABBITMQ_CONFIG_FILE"
chown rabbitmq:rabbitmq "$RABBITMQ_CONFIG_FILE"
chmod 600 "$RABBITMQ_CONFIG_FILE"
if [[ ${1:-} == rabbitmq-server ]]; then
  exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups "$@"
fi
exec "$@"
