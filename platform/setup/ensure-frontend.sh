#!/usr/bin/env bash
# Builds the browser pages (web/frontend → web/dist) when they are missing or stale. Stale means the hash of the
# frontend's sources and of the lockfile differs from the one stamped into the last build, so a second start with
# nothing changed does not rebuild. Run after ensure-packages.sh (it needs node_modules).
set -euo pipefail
cd "$(dirname "$0")/../.."

source_hash() {
  { git ls-files -co --exclude-standard web/frontend 2>/dev/null || find web/frontend -type f; } | LC_ALL=C sort | xargs sha256sum package-lock.json | sha256sum | cut -c1-16
}
stamp=web/dist/.source-hash
want="$(source_hash)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "[setup] frontend is up to date (web/dist)"
  exit 0
fi
echo "[setup] building the frontend (vite → web/dist)…"
# NODE_ENV pinned: under vitest it is 'test', which would bundle Vue's development build.
NODE_ENV=production npx vite build --config web/frontend/vite.config.ts --logLevel info
echo "$want" > "$stamp"
echo "[setup] frontend built"
