#!/usr/bin/env bash
# Stops and removes a server started by start-postgres.sh.
set -uo pipefail
DIR=${1:-${PILLARS_PG_DIR:-}}
[ -n "$DIR" ] && [ -d "$DIR/data" ] || exit 0
PGBIN=${PILLARS_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1
else "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1; fi
rm -rf "$DIR"
