#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and benchmarks: a fresh data folder, a free loopback port, trust
# authentication for the local superuser `postgres`. Installs the Debian package `postgresql` when it is missing.
#
#   build/postgres.sh start DIR   prints the connection string (Host=127.0.0.1;Port=…;Username=postgres)
#   build/postgres.sh stop DIR    stops the server and removes DIR
set -euo pipefail
source "$(dirname "$0")/common.sh"

find_bin() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  echo "$found"
}

# PostgreSQL refuses to run as root; as root the server runs as the package's `postgres` user.
as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

command="${1:-}"
dir="${2:-}"
if [ -z "$command" ] || [ -z "$dir" ]; then
  echo "usage: build/postgres.sh start|stop DIR" >&2
  exit 2
fi

case "$command" in
  start)
    bin="$(find_bin)"
    if [ -z "$bin" ]; then
      echo "PostgreSQL is not installed; installing the Debian package postgresql" >&2
      apt_install postgresql >&2
      bin="$(find_bin)"
    fi
    if [ -z "$bin" ]; then
      echo "error: PostgreSQL could not be installed" >&2
      exit 1
    fi

    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    as_server_user "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    port="$(free_port)"
    # Sized for tests: many short-lived databases and connections, durability traded for speed (fsync off).
    as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB" \
      start >&2 || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "Host=127.0.0.1;Port=$port;Username=postgres"
    ;;
  stop)
    bin="$(find_bin)"
    if [ -n "$bin" ] && [ -d "$dir/data" ]; then
      as_server_user "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: build/postgres.sh start|stop DIR" >&2
    exit 2
    ;;
esac
