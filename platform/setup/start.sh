#!/usr/bin/env bash
# `npm start`: install what is missing, then run the whole system (local InfluxDB unless INFLUX_URL is set).
set -euo pipefail
cd "$(dirname "$0")/../.."
deps=()
[ -n "${INFLUX_URL:-}" ] || deps+=("influxd:influxdb")
bash platform/setup/ensure-packages.sh "${deps[@]}"
bash platform/setup/ensure-frontend.sh
# A larger young generation: ingest allocates short-lived objects per reading, and fewer scavenges cut the
# process's CPU per reading by about a tenth under load (npm run bench mqtt-throughput).
exec node --max-semi-space-size=64 --import tsx app/main.ts
