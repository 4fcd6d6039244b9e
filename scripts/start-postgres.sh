#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on a free loopback port, as the postgres user (initdb and
# pg_ctl refuse to run as root), with a UTF-8 locale. Prints `export` lines for the caller to eval:
#   eval "$(bash scripts/start-postgres.sh)"   …   bash scripts/stop-postgres.sh "$PILLARS_PG_DIR"
# PILLARS_PG_SETTINGS adds server settings, e.g. "-c shared_buffers=4GB" (the load benchmark sizes
# the server as a deployment would).
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$PGBIN/initdb" ] || { echo "start-postgres: PostgreSQL server binaries not found under /usr/lib/postgresql" >&2; exit 1; }
PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
DIR=$(mktemp -d /tmp/pillars-pg.XXXXXX)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
as_postgres "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
as_postgres "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${PILLARS_PG_SETTINGS:-}" \
  start >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
echo "export PILLARS_PG_DIR=$DIR"
echo "export PILLARS_PG_BIN=$PGBIN"
echo "export PILLARS_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
