#!/usr/bin/env bash
# `npm run bench [name]`: runs each test/bench/*.bench.ts (or the named one) in turn; each prints its own report.
# Benchmarks report ratios against a reference measured in the same run; they are not part of `npm test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash platform/setup/ensure-packages.sh influxd:influxdb mosquitto_pub:mosquitto-clients ffmpeg:ffmpeg /usr/bin/chromium:chromium
bash platform/setup/ensure-frontend.sh
for f in test/bench/*.bench.ts; do
  name=$(basename "$f" .bench.ts)
  if [ $# -gt 0 ] && [ "$1" != "$name" ]; then continue; fi
  echo "=== bench: $name"
  # The same V8 flags as `npm start` (platform/setup/start.sh): benchmarks run the platform in their own process.
  node --max-semi-space-size=64 --expose-gc --import tsx "$f"
done
