#!/usr/bin/env bash
# The production build on its own seeded database, for the browser tests. No RESEND_API_KEY: emails go through
# the real Resend SDK to the local fake server, and the tests read them back from /dev/mailbox.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DATABASE_URL="file:./tests/.db/e2e.db"
export APP_ENV=test
export PORT="${PORT:-3100}"
export BASE_URL="http://localhost:${PORT}"
export SESSION_SECRET="e2e-session-secret-that-is-long-enough-0123456789"
export OUTBOX_INTERVAL_MS=250
export ENQUIRY_RATE_LIMIT=100
# Several applicant journeys ask for sign-in links in one run, more than one person would.
export MAGIC_LINK_LIMIT=50
mkdir -p tests/.db
rm -f tests/.db/e2e.db tests/.db/e2e.db-wal tests/.db/e2e.db-shm
npx tsx prisma/migrate.ts
npx tsx prisma/seed.ts
[ -f build/server/index.js ] || npx remix vite:build
exec env NODE_ENV=production node server.js
