#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the store tests and prints the
# DSN to use as SITREP_TEST_POSTGRES. Debian's postgresql package must be
# installed (apt-get install -y postgresql). The server runs as the
# postgres user from a fresh data directory under $1 (default: a new temp
# dir), listening on 127.0.0.1 only, on ${PGPORT:-55432} or the next free
# port; stop it with
#   su postgres -c "$(ls -d /usr/lib/postgresql/*/bin | tail -1)/pg_ctl -D DIR stop"
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "postgres.sh: no PostgreSQL server found; apt-get install -y postgresql" >&2; exit 1; }
dir=${1:-$(mktemp -d /tmp/sitrep-pg.XXXXXX)}
port=${PGPORT:-55432}
for _ in $(seq 20); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break # free
  port=$((port + 1))
done
mkdir -p "$dir"
chown postgres "$dir"
su postgres -c "$bin/initdb -D '$dir/data' -A trust -U postgres --no-sync" >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
su postgres -c "$bin/pg_ctl -D '$dir/data' -l '$dir/server.log' -w \
  -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
su postgres -c "$bin/createdb -h 127.0.0.1 -p $port -U postgres sitrep_test"
echo "postgres://postgres@127.0.0.1:$port/sitrep_test?sslmode=disable"
