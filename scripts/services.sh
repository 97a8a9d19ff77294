#!/usr/bin/env bash
# The platform's processes and their fixed local ports, shared by run.sh (and documented in the README).
# Meant to be sourced.

# name:project path:gRPC (h2c) port:HTTP/1.1 port:database
PLATFORM_SERVICES=(
  "organization:services/Organization/Platform.Organization:5101:5111:organization"
  "home-affairs:services/HomeAffairs/Platform.HomeAffairs:5102:5112:home_affairs"
  "delegate-affairs:services/DelegateAffairs/Platform.DelegateAffairs:5103:5113:delegate_affairs"
)
GATEWAY_PROJECT=gateway/Platform.Gateway/Platform.Gateway
GATEWAY_HTTP_PORT=8080
GATEWAY_GRPC_PORT=8081
# The screens, behind the gateway (its screens cluster: gateway/Platform.Gateway/appsettings.json).
SCREENS_PROJECT=gateway/Platform.Screens/Platform.Screens
SCREENS_HTTP_PORT=8090

# The compiled entry point (absolute path) of a project path (without .csproj) for a configuration.
platform_dll() {
  local project=$1 configuration=$2
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  echo "$root/$(dirname "$project")/bin/$configuration/net10.0/$(basename "$project").dll"
}

# wait_http URL TIMEOUT_SECONDS: polls until the URL answers 2xx.
wait_http() {
  local url=$1 timeout_s=$2
  local deadline=$((SECONDS + timeout_s))
  until curl -sf -o /dev/null "$url"; do
    if ((SECONDS >= deadline)); then
      echo "timed out after ${timeout_s}s waiting for $url" >&2
      return 1
    fi
    sleep 0.2
  done
}
