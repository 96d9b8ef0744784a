#!/usr/bin/env bash
# A throw-away PostgreSQL server for the HQ tests (Debian's `postgresql` package).
#
#   scripts/pg_test_server.sh start   -> prints two lines: the admin URL, then the server's folder
#   scripts/pg_test_server.sh stop DIR   stops the server started in DIR and deletes DIR
#
# The cluster lives in a new temporary folder, listens only on 127.0.0.1 on a free port (and on a
# socket inside that folder, never /var/run/postgresql), trusts connections to that port (tests
# only: nothing else can reach it) and has fsync off (a test database need not survive a crash).
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail

die() { echo "pg_test_server: $*" >&2; exit 1; }

bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then echo "$PG_BINDIR"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$d" ] || die "PostgreSQL is not installed (Debian: apt-get install postgresql)."
  echo "$d"
}

# Run a command as the server's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  local bin dir port
  bin=$(bindir)
  if [ "$(id -u)" -eq 0 ]; then
    dir=$(mktemp -d /tmp/pp-pgtest.XXXXXX)  # not $TMPDIR: `postgres` must reach the folder
  else
    dir=$(mktemp -d "${TMPDIR:-/tmp}/pp-pgtest.XXXXXX")
  fi
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "no 'postgres' user (it comes with the postgresql package)."
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed"; }
  # a free port can be taken between the probe and the start: try a few
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start -o \
      "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off \
       -c full_page_writes=off -c max_connections=200" >/dev/null; then
      echo "postgresql://postgres@127.0.0.1:$port/postgres"
      echo "$dir"
      return 0
    fi
  done
  cat "$dir/server.log" >&2 || true
  rm -rf "$dir"
  die "the server did not start"
}

stop() {
  local dir=${1:-}
  [ -n "$dir" ] && [ -d "$dir/data" ] || die "usage: $0 stop DIR (the folder 'start' printed)"
  as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) die "usage: $0 start | stop DIR" ;;
esac
