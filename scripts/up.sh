#!/usr/bin/env bash
# Command 1: installs dependencies, builds, creates and seeds ./data/pillars.db if absent, and
# serves the web app and API on port 8080 (PILLARS_PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "pillars: installing dependencies (better-sqlite3 compiles from source: about a minute)…" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "pillars: building…" >&2
npm run -s build
node bin/pillars.js seed
exec node bin/pillars.js serve
