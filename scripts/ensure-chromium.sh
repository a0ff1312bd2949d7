#!/usr/bin/env bash
# Playwright cannot download its own browser on the offline build machines (TOOLCHAIN.md): use Debian's Chromium
# there, and Playwright's normal download everywhere else.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's Chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Installing Playwright's Chromium..."
npx playwright install chromium
