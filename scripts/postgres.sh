#!/usr/bin/env bash
# A private PostgreSQL 15 cluster kept entirely under one folder (no system service, no /var/run).
#
#   postgres.sh start  DIR PORT [--fast]   create (first time) and start; --fast = no fsync (tests)
#   postgres.sh stop   DIR                 fast shutdown; succeeds if not running
#   postgres.sh status DIR                 prints state; exit 0 running, 3 not running
#
# Layout: DIR/data (cluster), DIR/server.log, DIR/.s.PGSQL.PORT (unix socket).
# Connect: Host=127.0.0.1;Port=PORT;Username=postgres   (trust auth, superuser postgres)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/ports.sh"

PGBIN=/usr/lib/postgresql/15/bin

usage() {
  echo "usage: $0 start DIR PORT [--fast] | stop DIR | status DIR" >&2
  exit 2
}

die() { echo "postgres.sh: $*" >&2; exit 1; }

# initdb/postgres/pg_ctl refuse to run as root: everything runs as the postgres user.
as_pg() { runuser -u postgres -- "$@"; }

# pg_ctl status: 0 running, 3 not running, 4 no/invalid data dir.
pg_running() { [[ -f $DATA/PG_VERSION ]] && as_pg "$PGBIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1; }

running_port() { sed -n 4p "$DATA/postmaster.pid" 2>/dev/null || true; }

# The postgres user must be able to reach DIR: every parent needs o+x (or group/owner x for it).
check_traversable() {
  local d=$1 p
  if runuser -u postgres -- test -x "$d" 2>/dev/null; then return 0; fi
  p=$d
  while [[ $p != / ]]; do
    p=$(dirname "$p")
    if ! runuser -u postgres -- test -x "$p" 2>/dev/null; then
      die "the postgres user cannot traverse $p (mode $(stat -c %A "$p"), owner $(stat -c %U "$p")) on the way to $d; use a state folder elsewhere or chmod o+x $p"
    fi
  done
  die "the postgres user cannot access $d"
}

[[ $# -ge 2 ]] || usage
CMD=$1
[[ -x $PGBIN/pg_ctl ]] || die "PostgreSQL 15 is not installed ($PGBIN); run scripts/install.sh"
id -u postgres >/dev/null 2>&1 || die "system user postgres missing; run scripts/install.sh"

# pg_ctl -o takes a shell string: keep paths free of whitespace rather than quote-juggle.
[[ $2 != *[[:space:]]* ]] || die "DIR must not contain whitespace: '$2'"

case $CMD in
start)
  [[ $# -ge 3 && $# -le 4 ]] || usage
  PORT=$3
  FAST=0
  if [[ $# -eq 4 ]]; then [[ $4 == --fast ]] || usage; FAST=1; fi
  [[ $PORT =~ ^[0-9]+$ ]] || die "PORT must be a number: '$PORT'"
  mkdir -p "$2"
  DIR=$(cd "$2" && pwd -P)
  DATA=$DIR/data
  # Unix socket paths are limited to 107 bytes.
  ((${#DIR} + 20 < 107)) || die "DIR path too long for a unix socket: $DIR"

  if pg_running; then
    echo "postgres already running from $DIR (port $(running_port))"
    exit 0
  fi

  # The state folder belongs to postgres (initdb and the server write there).
  chown postgres:postgres "$DIR"
  chmod 700 "$DIR"
  check_traversable "$DIR"

  if [[ ! -f $DATA/PG_VERSION ]]; then
    # C.UTF-8: UTF8 encoding, byte-order (fast, stable) default collation; ICU collations
    # (e.g. "vi-VN-x-icu") are created by initdb as Debian builds PostgreSQL with ICU.
    # --no-sync only for throwaway (--fast) clusters.
    sync_opt=()
    [[ $FAST -eq 1 ]] && sync_opt=(--no-sync)
    mkdir -p "$DATA"
    chown postgres:postgres "$DATA"
    if ! as_pg "$PGBIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      "${sync_opt[@]}" >"$DIR/initdb.log" 2>&1; then
      cat "$DIR/initdb.log" >&2
      die "initdb failed"
    fi
  fi

  require_free_port "$PORT" "PostgreSQL ($DIR)"

  opts="-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=300"
  if [[ $FAST -eq 1 ]]; then
    # Throwaway speed: a crash may lose or corrupt data. Durable (fsync on) otherwise.
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  touch "$DIR/server.log" && chown postgres:postgres "$DIR/server.log"
  if ! as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 -o "$opts" start >/dev/null; then
    tail -n 20 "$DIR/server.log" >&2 || true
    die "server failed to start (log: $DIR/server.log)"
  fi
  mode=durable
  [[ $FAST -eq 1 ]] && mode=fast
  echo "postgres started from $DIR on 127.0.0.1:$PORT ($mode)"
  ;;
stop)
  [[ $# -eq 2 ]] || usage
  [[ -d $2 ]] || { echo "postgres not running ($2 does not exist)"; exit 0; }
  DIR=$(cd "$2" && pwd -P)
  DATA=$DIR/data
  if pg_running; then
    as_pg "$PGBIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
    echo "postgres stopped ($DIR)"
  else
    echo "postgres not running ($DIR)"
  fi
  ;;
status)
  [[ $# -eq 2 ]] || usage
  if [[ -d $2 ]]; then DIR=$(cd "$2" && pwd -P); else DIR=$2; fi
  DATA=$DIR/data
  if pg_running; then
    echo "postgres running from $DIR on 127.0.0.1:$(running_port) (pid $(sed -n 1p "$DATA/postmaster.pid"))"
    exit 0
  fi
  echo "postgres not running ($DIR)"
  exit 3
  ;;
*)
  usage
  ;;
esac
