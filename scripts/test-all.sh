#!/usr/bin/env bash
# Command 2: installs what the tests need, builds, starts a throwaway PostgreSQL, runs every check
# and test (store tests on SQLite and PostgreSQL, HTTP, CLI, Chromium end to end), stops
# PostgreSQL, and ends with the plain line `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step "test dependencies (Debian: chromium, fonts, poppler, postgresql)"
bash scripts/install-test-deps.sh || { echo "0 passed, 1 failed"; exit 1; }

step "npm dependencies"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error || { echo "0 passed, 1 failed"; exit 1; }
fi

failed_checks=0
passed_checks=0
check() {
  local name=$1; shift
  step "$name"
  if "$@"; then passed_checks=$((passed_checks + 1)); else failed_checks=$((failed_checks + 1)); echo "FAILED: $name"; fi
}
check "typecheck" npm run -s typecheck
check "lint" npm run -s lint
check "format" npm run -s format:check
check "build" npm run -s build

step "PostgreSQL (throwaway server on a free port)"
eval "$(bash scripts/start-postgres.sh)" || { echo "0 passed, 1 failed"; exit 1; }
trap 'bash scripts/stop-postgres.sh "$PILLARS_PG_DIR"' EXIT
export PILLARS_REQUIRE_POSTGRES=1
echo "PostgreSQL at ${PILLARS_TEST_DATABASE_URL}"

step "tests (vitest: unit, store on sqlite + postgres, HTTP, CLI, e2e in Chromium)"
mkdir -p test-results
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
vitest_status=$?

summary=$(node -e '
  const fs = require("fs");
  let r = { numPassedTests: 0, numFailedTests: 1, numPendingTests: 0 };
  try { r = JSON.parse(fs.readFileSync("test-results/vitest.json", "utf8")); } catch {}
  const engines = { sqlite: 0, postgres: 0 };
  for (const file of r.testResults ?? []) for (const t of file.assertionResults ?? [])
    for (const e of Object.keys(engines)) if (t.status === "passed" && (t.ancestorTitles ?? []).some((a) => a.endsWith(`[${e}]`))) engines[e]++;
  console.log(`store-suite tests passed: sqlite ${engines.sqlite}, postgres ${engines.postgres}`);
  const passed = r.numPassedTests + Number(process.argv[1]);
  const failed = r.numFailedTests + Number(process.argv[2]) + (r.numTotalTests === undefined ? 1 : 0);
  console.log(`${passed} passed, ${failed} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
' "$passed_checks" "$failed_checks")
echo
echo "$summary"
[ "$vitest_status" -eq 0 ] && [ "$failed_checks" -eq 0 ]
