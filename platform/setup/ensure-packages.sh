#!/usr/bin/env bash
# Installs what the project needs when it is missing: npm packages, and the given Debian packages
# (named as "command:package", e.g. "influxd:influxdb"). Idempotent; prints what it does.
set -euo pipefail
cd "$(dirname "$0")/../.."

lock_hash() { sha256sum package.json package-lock.json 2>/dev/null | sha256sum | cut -c1-16; }
if [ ! -d node_modules ] || [ "$(cat node_modules/.install-stamp 2>/dev/null)" != "$(lock_hash)" ]; then
  echo "[setup] installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
  lock_hash > node_modules/.install-stamp
fi

missing=()
for spec in "$@"; do
  cmd="${spec%%:*}"; pkg="${spec#*:}"
  if [ "${cmd:0:1}" = "/" ]; then [ -x "$cmd" ] || missing+=("$pkg"); else command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg"); fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "[setup] installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  echo "[setup] Debian packages installed"
fi
