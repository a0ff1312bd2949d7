#!/usr/bin/env bash
# `npm run setup-and-start`: from a fresh clone to the seeded app on http://localhost:3000.
# Installs what is missing, migrates the SQLite database, seeds it when it is empty, builds and serves.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-file:./data/dev.db}"

bash scripts/ensure-deps.sh
npm run --silent db:migrate
npm run --silent db:seed
npm run --silent build
echo "Starting Foster for East Midlands on http://localhost:${PORT:-3000} (demo logins are in README.md)"
exec npm run --silent start
