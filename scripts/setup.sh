#!/usr/bin/env bash
# Installs what Wince needs on a fresh Debian machine with Node 20 and npm:
# pnpm, the workspace's packages (chDB's embedded ClickHouse among them) and,
# with --test, Debian's Chromium for the end-to-end tests and Debian's
# clickhouse-server (18.16: a real server, too old, for the version check) and
# Debian's redis-server (the broker the multi-collector tests start on loopback).
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.21.0
want_browser=0
for arg in "$@"; do
  case "$arg" in
    --test) want_browser=1 ;;
    *) echo "setup.sh: unknown option $arg (expected --test)" >&2; exit 2 ;;
  esac
done

major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 20 ]; then
  echo "setup.sh: Wince needs Node.js 20 or newer (found $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "setup.sh: installing pnpm $PNPM_VERSION"
  if ! npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1; then as_root npm install -g "pnpm@$PNPM_VERSION" >/dev/null; fi
fi

echo "setup.sh: installing packages"
pnpm install --frozen-lockfile --reporter=append-only

if [ "$want_browser" -eq 1 ]; then
  browser="${WINCE_CHROMIUM:-/usr/bin/chromium}"
  old_clickhouse="${WINCE_OLD_CLICKHOUSE:-/usr/sbin/clickhouse-server}"
  redis="${WINCE_REDIS_SERVER:-/usr/bin/redis-server}"
  missing=()
  [ -x "$browser" ] || missing+=(chromium)
  [ -x "$old_clickhouse" ] || missing+=(clickhouse-server)
  [ -x "$redis" ] || missing+=(redis-server)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup.sh: installing Debian's ${missing[*]} for the tests"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  "$browser" --version 2>/dev/null
fi
