#!/usr/bin/env bash
# Installs what a fresh clone on a new machine is missing: npm packages and a Chromium for Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages (better-sqlite3 builds from source here: about a minute)..."
  npm ci --no-audit --no-fund
fi

if [ ! -d app/generated/prisma ]; then
  node scripts/prisma-generate.mjs
fi
