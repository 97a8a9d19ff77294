#!/usr/bin/env bash
# Port helpers, meant to be sourced:  source "$(dirname "${BASH_SOURCE[0]}")/ports.sh"
# Uses bash's /dev/tcp (no nc/ss needed): a port counts as "in use" when a TCP connect to
# 127.0.0.1:PORT succeeds, which also catches servers bound to 0.0.0.0.

# port_in_use PORT -> status 0 if something accepts connections on 127.0.0.1:PORT.
port_in_use() {
  local port=$1
  # Subshell so the fd is closed again; timeout guards against a filtered port hanging.
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null
}

# require_free_port PORT WHAT -> exits 1 (the calling script) if PORT is taken.
require_free_port() {
  local port=$1 what=$2
  if port_in_use "$port"; then
    echo "port $port needed for $what is already in use" >&2
    exit 1
  fi
}

# wait_for_port PORT TIMEOUT_SECONDS -> status 0 once 127.0.0.1:PORT accepts connections,
# 1 (with a message) when TIMEOUT_SECONDS pass first. Polls every 0.1 s.
wait_for_port() {
  local port=$1 timeout_s=$2
  local deadline=$((SECONDS + timeout_s))
  until port_in_use "$port"; do
    if ((SECONDS >= deadline)); then
      echo "timed out after ${timeout_s}s waiting for port $port" >&2
      return 1
    fi
    sleep 0.1
  done
}
