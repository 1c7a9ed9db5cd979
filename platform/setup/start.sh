#!/usr/bin/env bash
# `npm start`: install what is missing, then run the whole system (local InfluxDB unless INFLUX_URL is set).
set -euo pipefail
cd "$(dirname "$0")/../.."
deps=()
[ -n "${INFLUX_URL:-}" ] || deps+=("influxd:influxdb")
bash platform/setup/ensure-packages.sh "${deps[@]}"
# ffmpeg (RTSP relays, alarm snapshots and clips, demo cameras) is optional: without it the rest still runs.
bash platform/setup/ensure-packages.sh ffmpeg:ffmpeg || echo "[setup] 未能安装 ffmpeg：RTSP 转推、告警截图与演示摄像机不可用 / could not install ffmpeg: RTSP relays, alarm snapshots and demo cameras are off"
bash platform/setup/ensure-frontend.sh
# A larger young generation: ingest allocates short-lived objects per reading, and fewer scavenges cut the
# process's CPU per reading by about a tenth under load (npm run bench mqtt-throughput).
exec node --max-semi-space-size=64 --import tsx app/main.ts
