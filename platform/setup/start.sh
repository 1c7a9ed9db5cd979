#!/usr/bin/env bash
# `npm start`: install what is missing, then run the whole system (local InfluxDB unless INFLUX_URL is set).
set -euo pipefail
cd "$(dirname "$0")/../.."
deps=()
[ -n "${INFLUX_URL:-}" ] || deps+=("influxd:influxdb")
bash platform/setup/ensure-packages.sh "${deps[@]}"
exec node --import tsx platform/main.ts
