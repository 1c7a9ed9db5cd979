#!/usr/bin/env bash
# `npm test`: install what is missing (npm packages; Debian influxdb, postgresql, chromium, ffmpeg, mosquitto-clients),
# start a throwaway PostgreSQL so storage tests run against both PGlite and PostgreSQL, type-check, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash platform/setup/ensure-packages.sh \
  influxd:influxdb chromium:chromium ffmpeg:ffmpeg mosquitto_pub:mosquitto-clients \
  "$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)/initdb:postgresql"

PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGROOT=$(mktemp -d /tmp/hazwatch-pg.XXXXXX)
PGPORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
as_pg() { if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$PGROOT"; runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() { as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGROOT"; }
trap stop_pg EXIT
echo "[test] starting PostgreSQL on 127.0.0.1:$PGPORT"
as_pg "$PGBIN/initdb" -D "$PGROOT/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/pg.log" -w \
  -o "-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$PGPORT/postgres"

echo "[test] type-checking"
npx tsc --noEmit -p .
echo "[test] running the test suite"
results="$PGROOT/vitest.json"
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@" || status=$?
# One plain closing line that any CI reader understands.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' "$results" || true
exit $status
