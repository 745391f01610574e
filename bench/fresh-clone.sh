#!/usr/bin/env bash
# Wall time from a fresh clone to the demo answering, and of `npm test`, on this machine (npm cache warm).
# Usage: bash bench/fresh-clone.sh [--with-tests]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/yuanba-clone-XXXX)"
port="${PORT:-8955}"
cleanup() { [ -n "${server:-}" ] && kill -- -"$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
t0=$(date +%s.%N)
git clone -q "$repo" "$work/yuanba"
cd "$work/yuanba"
npm install --no-audit --no-fund --loglevel=error >/dev/null 2>&1
t1=$(date +%s.%N)
PORT=$port setsid npm start >"$work/start.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/api/functions/notices" -H 'x-dev-openid: demo-resident' \
    -d '{"action":"list","input":{"communityId":"community-zhizijie"}}' | grep -q '"ok":true'; do
  sleep 0.5
  kill -0 "$server" 2>/dev/null || { cat "$work/start.log"; exit 1; }
done
t2=$(date +%s.%N)
printf 'clone + npm install: %.1f s\nnpm start → seeded demo answering: %.1f s\nfresh clone → demo running: %.1f s\n' \
  "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$(echo "$t2 - $t0" | bc)"
kill -- -"$server"; wait "$server" 2>/dev/null || true; server=""
if [ "${1:-}" = "--with-tests" ]; then
  t3=$(date +%s.%N)
  npm test >"$work/test.log" 2>&1 || { tail -50 "$work/test.log"; exit 1; }
  t4=$(date +%s.%N)
  printf 'npm test: %.1f s\n' "$(echo "$t4 - $t3" | bc)"
fi
