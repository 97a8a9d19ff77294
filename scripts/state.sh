#!/usr/bin/env bash
# Meant to be sourced by run.sh and test.sh.

# claim_state_folder DIR WHO: one run at a time per state folder. A live owner keeps it (refuse);
# a dead owner's servers are left to us to stop.
claim_state_folder() {
  local dir=$1 who=$2
  mkdir -p "$dir"
  if [[ -f "$dir/owner.pid" ]] && kill -0 "$(cat "$dir/owner.pid")" 2>/dev/null; then
    echo "$who is already running (pid $(cat "$dir/owner.pid")); stop it first" >&2
    exit 1
  fi
  echo $$ >"$dir/owner.pid"
}
