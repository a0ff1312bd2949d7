#!/usr/bin/env bash
# `npm test`: typecheck, lint, Vitest (unit + integration) and Playwright (end to end), then one line with the
# totals for the whole run. Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh || exit 1
bash scripts/ensure-chromium.sh || exit 1

results=tests/.results
rm -rf "$results" && mkdir -p "$results"
status=0

run_check() {
  local name=$1; shift
  echo "=== $name"
  if "$@"; then echo "check $name passed" >> "$results/checks.txt"; else echo "check $name failed" >> "$results/checks.txt"; status=1; fi
}

run_check typecheck npx tsc
run_check lint npx eslint . --max-warnings=0
echo "=== vitest"
npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json" || status=1
run_check build npx remix vite:build
echo "=== playwright"
npx playwright test || status=1

node scripts/summarise-tests.mjs "$results" || status=1
exit $status
