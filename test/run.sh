#!/usr/bin/env bash
# `npm test`: install what is missing (npm packages; Debian influxdb, postgresql, chromium, ffmpeg, mosquitto-clients,
# faketime; the frontend build), start a throwaway PostgreSQL so storage tests run against both PGlite and PostgreSQL, type-check, run
# every test. Then the unit and storage suites run again on a clock set years ahead (see "Time as an input" in the
# README), so a test that only passes on the day it was written fails today, not on that later day.
set -euo pipefail
cd "$(dirname "$0")/.."

bash platform/setup/ensure-packages.sh \
  influxd:influxdb chromium:chromium ffmpeg:ffmpeg mosquitto_pub:mosquitto-clients \
  "$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)/initdb:postgresql" \
  faketime:faketime cvlc:vlc-bin /usr/lib/x86_64-linux-gnu/vlc/plugins/access/libfilesystem_plugin.so:vlc-plugin-base

PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGROOT=$(mktemp -d /tmp/hazwatch-pg.XXXXXX)
PGPORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
as_pg() { if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$PGROOT"; runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() { as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGROOT"; }
trap stop_pg EXIT
echo "[test] starting PostgreSQL on 127.0.0.1:$PGPORT"
start_pg() { as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/pg.log" -w -o "-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; }
as_pg "$PGBIN/initdb" -D "$PGROOT/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
start_pg
export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$PGPORT/postgres"

bash platform/setup/ensure-frontend.sh

echo "[test] type-checking (server, then the frontend with vue-tsc)"
npx tsc --noEmit -p .
npx vue-tsc --noEmit -p web/frontend
# One plain closing line per pass that any CI reader understands.
summary() {
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(`${process.argv[2]}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
    // CI keeps only the tail of the output: name what failed, and why, right here.
    for (const file of r.testResults) {
      const failed = file.assertionResults.filter((t) => t.status === "failed");
      if (failed.length === 0 && file.status === "failed") console.log(`  FAILED ${file.name}: ${(file.message || "").split("\n")[0]}`);
      for (const t of failed) console.log(`  FAILED ${file.name} > ${t.fullName}: ${(t.failureMessages[0] || "").split("\n")[0].slice(0, 300)}`);
    }
  ' "$1" "$2" || true
}

echo "[test] running the test suite"
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$PGROOT/vitest.json" "$@" || status=$?
summary "$PGROOT/vitest.json" "test suite"

# The whole suite's run is the check; a run of chosen files (npm test -- <files>) skips the second pass.
if [ $# -eq 0 ]; then
  # 23:59 on the last day of February in Shanghai, years ahead: within a minute the day, the month and the
  # weekday turn over. libfaketime moves the wall clock of Node (PGlite included) and of PostgreSQL, which is
  # restarted under it; the process time zone is Asia/Shanghai, as on a server in China. TEST_CLOCK picks another.
  FAKE_NOW="${TEST_CLOCK:-2031-02-28 23:59:00}"
  echo "[test] unit and storage suites again on a clock at $FAKE_NOW Asia/Shanghai (libfaketime)"
  as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast stop >/dev/null
  export LD_PRELOAD="$(dpkg -L libfaketime | grep '/libfaketime.so.1$' | head -1)" FAKETIME="@$FAKE_NOW" TZ=Asia/Shanghai FAKETIME_DONT_FAKE_MONOTONIC=1
  start_pg
  npx vitest run --reporter=default --reporter=json --outputFile.json="$PGROOT/vitest-clock.json" test/unit test/storage || status=$?
  unset LD_PRELOAD FAKETIME
  summary "$PGROOT/vitest-clock.json" "unit and storage suites at $FAKE_NOW Asia/Shanghai"
  summary "$PGROOT/vitest.json" "test suite (repeated from above)"
fi
exit $status
