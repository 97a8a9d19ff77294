#!/usr/bin/env bash
# A private RabbitMQ node kept entirely under one folder: no system service, loopback only,
# its own epmd port, so several nodes (dev, CI, tests) can run side by side.
#
#   rabbitmq.sh start  DIR AMQP_PORT DIST_PORT EPMD_PORT [MGMT_PORT]
#   rabbitmq.sh stop   DIR          SIGTERM, wait for exit, kill the private epmd; ok if not running
#   rabbitmq.sh status DIR          exit 0 running (prints rabbitmqctl status), 3 not running
#   rabbitmq.sh ctl    DIR ARGS...  run rabbitmqctl against the node (same environment)
#
# AMQP: amqp://guest:guest@127.0.0.1:AMQP_PORT/  (guest works on loopback only)
# Management UI/API (only when MGMT_PORT given): http://127.0.0.1:MGMT_PORT/  guest/guest
#
# Layout under DIR: node.env (ports + node name, so stop/status need only DIR), home/ (HOME:
# the Erlang cookie), mnesia/ (data: durable queues and persistent messages survive restarts),
# log/ (broker logs + log/server.out = stdout/stderr), rabbitmq.conf, enabled_plugins,
# rabbit.pid (the Erlang VM), launcher.pid (the rabbitmq-server script).
#
# Debian's /usr/sbin/rabbitmq* wrappers switch to the rabbitmq user and then fail on the cookie,
# so this calls /usr/lib/rabbitmq/bin/* directly as root with HOME under DIR.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/ports.sh"

RMQ_BIN=/usr/lib/rabbitmq/bin
BOOT_TIMEOUT=60   # seconds for the node to boot
STOP_TIMEOUT=60   # seconds for a graceful stop before SIGKILL

usage() {
  echo "usage: $0 start DIR AMQP_PORT DIST_PORT EPMD_PORT [MGMT_PORT] | stop DIR | status DIR | ctl DIR ARGS..." >&2
  exit 2
}
die() { echo "rabbitmq.sh: $*" >&2; exit 1; }

now_ms() { echo $(( ${EPOCHREALTIME/./} / 1000 )); }

# Exports the node's environment: used identically for the server and for rabbitmqctl
# (they must agree on node name, epmd port and HOME/cookie).
node_env() {
  export HOME="$DIR/home"
  export RABBITMQ_CONF_ENV_FILE="$DIR/rabbitmq-env.conf"   # not /etc/rabbitmq/rabbitmq-env.conf
  export RABBITMQ_NODENAME="$NODENAME"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$AMQP_PORT"
  export RABBITMQ_DIST_PORT="$DIST_PORT"
  export ERL_EPMD_PORT="$EPMD_PORT"
  export ERL_EPMD_ADDRESS=127.0.0.1                        # the epmd the node spawns: loopback only
  export RABBITMQ_MNESIA_BASE="$DIR/mnesia"
  export RABBITMQ_LOG_BASE="$DIR/log"
  export RABBITMQ_CONFIG_FILE="$DIR/rabbitmq.conf"
  export RABBITMQ_CONFIG_FILES="$DIR/conf.d"               # not /etc/rabbitmq/conf.d
  export RABBITMQ_ADVANCED_CONFIG_FILE="$DIR/advanced.config"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$DIR/enabled_plugins"
  export RABBITMQ_PID_FILE="$DIR/rabbit.pid"
  # Without this the distribution port listens on every interface (server and CLI alike).
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

ctl() { "$RMQ_BIN/rabbitmqctl" "$@"; }

load_state() {
  [[ -f $DIR/node.env ]] || return 1
  # shellcheck disable=SC1091
  source "$DIR/node.env"
  node_env
}

# alive PID: exists and is not a zombie. Exited children of a vanished parent are reaped by
# PID 1, which can take seconds in some sandboxes (seen: ~7 s); kill -0 alone would wait for that.
alive() {
  local st
  kill -0 "$1" 2>/dev/null || return 1
  st=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null || true)
  [[ $st != Z ]]
}

# pid_is_ours PID: alive and started with this DIR's environment (guards against pid reuse).
pid_is_ours() {
  local pid=$1
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" &&
    tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qxF "RABBITMQ_PID_FILE=$DIR/rabbit.pid"
}

# Prints the live pids of this node (launcher script and Erlang VM), if any.
our_pids() {
  local f pid
  for f in "$DIR/launcher.pid" "$DIR/rabbit.pid"; do
    [[ -f $f ]] || continue
    pid=$(tr -dc '0-9' <"$f")
    if pid_is_ours "$pid"; then echo "$pid"; fi
  done
}

kill_epmd() {
  # epmd outlives the node and has no pid file; it refuses -kill while nodes are registered.
  epmd -port "$EPMD_PORT" -kill >/dev/null 2>&1 || true
}

resolve_dir() {
  if [[ -d $1 ]]; then DIR=$(cd "$1" && pwd -P); else DIR=$1; fi
}

[[ $# -ge 2 ]] || usage
CMD=$1
resolve_dir "$2"

case $CMD in
start)
  [[ $# -eq 5 || $# -eq 6 ]] || usage
  AMQP_PORT=$3 DIST_PORT=$4 EPMD_PORT=$5 MGMT_PORT=${6:-}
  for p in "$AMQP_PORT" "$DIST_PORT" "$EPMD_PORT" ${MGMT_PORT:+"$MGMT_PORT"}; do
    [[ $p =~ ^[0-9]+$ ]] || die "ports must be numbers: '$p'"
  done
  [[ -x $RMQ_BIN/rabbitmq-server ]] || die "RabbitMQ is not installed ($RMQ_BIN); run scripts/install.sh"
  mkdir -p "$2"
  resolve_dir "$2"

  # Already running from this DIR? (subshell: node.env must not override the ports given now)
  if ( load_state && [[ -n $(our_pids) ]] && echo "rabbitmq already running from $DIR (amqp 127.0.0.1:$AMQP_PORT, node $NODENAME)" ); then
    exit 0
  fi

  # The node name is fixed the first time: mnesia data is tied to it, so a later start of the
  # same DIR on other ports must reuse it to see its queues and messages again.
  NODENAME=""
  if [[ -f $DIR/node.env ]]; then NODENAME=$(sed -n 's/^NODENAME=//p' "$DIR/node.env"); fi
  [[ -n $NODENAME ]] || NODENAME="rabbit${AMQP_PORT}@localhost"

  require_free_port "$AMQP_PORT" "RabbitMQ AMQP ($DIR)"
  require_free_port "$DIST_PORT" "RabbitMQ distribution ($DIR)"
  [[ -z $MGMT_PORT ]] || require_free_port "$MGMT_PORT" "RabbitMQ management ($DIR)"
  # A leftover epmd on our private port (e.g. after a crash) is harmless and is reused;
  # anything else there is a conflict.
  if port_in_use "$EPMD_PORT" && ! epmd -port "$EPMD_PORT" -names >/dev/null 2>&1; then
    require_free_port "$EPMD_PORT" "RabbitMQ epmd ($DIR)"
  fi

  mkdir -p "$DIR/home" "$DIR/mnesia" "$DIR/log" "$DIR/conf.d"
  chmod 700 "$DIR/home"
  cat >"$DIR/node.env" <<EOF
NODENAME=$NODENAME
AMQP_PORT=$AMQP_PORT
DIST_PORT=$DIST_PORT
EPMD_PORT=$EPMD_PORT
MGMT_PORT=$MGMT_PORT
EOF
  {
    echo "# written by scripts/rabbitmq.sh at each start"
    echo "listeners.tcp.default = 127.0.0.1:$AMQP_PORT"
    echo "loopback_users.guest = true"
    if [[ -n $MGMT_PORT ]]; then
      echo "management.tcp.ip = 127.0.0.1"
      echo "management.tcp.port = $MGMT_PORT"
    fi
  } >"$DIR/rabbitmq.conf"
  if [[ -n $MGMT_PORT ]]; then
    echo "[rabbitmq_management]." >"$DIR/enabled_plugins"
  else
    echo "[]." >"$DIR/enabled_plugins"
  fi
  rm -f "$DIR/rabbit.pid" "$DIR/launcher.pid"

  load_state
  t0=$(now_ms)
  # Own session (setsid) and no terminal so it outlives the calling shell; the inner bash
  # records its pid and then becomes the rabbitmq-server script (which traps SIGTERM and stops
  # the VM gracefully).
  setsid bash -c 'echo $$ >"$1"; exec nohup "$2" >>"$3" 2>&1 </dev/null' _ \
    "$DIR/launcher.pid" "$RMQ_BIN/rabbitmq-server" "$DIR/log/server.out" </dev/null >/dev/null 2>&1 &

  # Wait for boot; give up early if the server dies meanwhile.
  ctl -q wait --timeout "$BOOT_TIMEOUT" "$DIR/rabbit.pid" >"$DIR/log/wait.out" 2>&1 &
  waiter=$!
  while kill -0 "$waiter" 2>/dev/null; do
    lpid=$(tr -dc '0-9' 2>/dev/null <"$DIR/launcher.pid" || true)
    if [[ -n $lpid ]] && ! alive "$lpid"; then
      kill "$waiter" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  rc=0
  wait "$waiter" 2>/dev/null || rc=$?
  if [[ $rc -ne 0 ]] || ! wait_for_port "$AMQP_PORT" 10 2>/dev/null; then
    echo "rabbitmq.sh: node failed to start (see $DIR/log/server.out and $DIR/log/*.log)" >&2
    tail -n 20 "$DIR/log/server.out" >&2 || true
    cat "$DIR/log/wait.out" >&2 || true
    "$0" stop "$DIR" >/dev/null 2>&1 || true
    exit 1
  fi
  echo "rabbitmq started from $DIR: amqp 127.0.0.1:$AMQP_PORT${MGMT_PORT:+, management 127.0.0.1:$MGMT_PORT}, node $NODENAME ($(( $(now_ms) - t0 )) ms)"
  ;;
stop)
  [[ $# -eq 2 ]] || usage
  if ! load_state; then echo "rabbitmq not running ($DIR)"; exit 0; fi
  pids=$(our_pids | sort -u | tr '\n' ' ')
  if [[ -z ${pids// /} ]]; then
    kill_epmd
    echo "rabbitmq not running ($DIR)"
    exit 0
  fi
  # SIGTERM the launcher script (it stops the VM and waits for it); the VM if the launcher is gone.
  lpid=$(tr -dc '0-9' 2>/dev/null <"$DIR/launcher.pid" || true)
  if [[ -n $lpid ]] && pid_is_ours "$lpid"; then kill -TERM "$lpid"; else kill -TERM $pids 2>/dev/null || true; fi
  deadline=$(( $(now_ms) + STOP_TIMEOUT * 1000 ))
  while true; do
    left=""
    for p in $pids; do if alive "$p"; then left+=" $p"; fi; done
    [[ -z $left ]] && break
    if (( $(now_ms) > deadline )); then
      echo "rabbitmq.sh: node did not stop within ${STOP_TIMEOUT}s; killing$left" >&2
      kill -KILL $left 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  kill_epmd
  rm -f "$DIR/rabbit.pid" "$DIR/launcher.pid"
  echo "rabbitmq stopped ($DIR)"
  ;;
status)
  [[ $# -eq 2 ]] || usage
  # Only ask rabbitmqctl when the node is up: the CLI would otherwise spawn an epmd of its own.
  if load_state && [[ -n $(our_pids) ]]; then
    echo "rabbitmq running from $DIR: amqp 127.0.0.1:$AMQP_PORT${MGMT_PORT:+, management 127.0.0.1:$MGMT_PORT}, node $NODENAME"
    ctl -q status
    exit 0
  fi
  echo "rabbitmq not running ($DIR)"
  exit 3
  ;;
ctl)
  load_state || die "no node in $DIR"
  shift 2
  exec "$RMQ_BIN/rabbitmqctl" "$@"
  ;;
*)
  usage
  ;;
esac
