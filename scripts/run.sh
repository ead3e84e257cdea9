#!/usr/bin/env bash
# run.sh: `make run`. Starts PostgreSQL, the app and nginx, prints the URL,
# and stops them all on Ctrl-C. `make stop` stops a detached one.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ctl="$ROOT/scripts/pairctl"

"$ctl" stop >/dev/null 2>&1 || true   # what a crash may have left behind
"$ctl" start
url=$("$ctl" env | sed -n 's/^PAIR_URL=//p')
echo
echo "Pair is running at $url   (Ctrl-C stops it; logs in ${PAIR_VAR:-$ROOT/var}/log)"

trap '"$ctl" stop; echo "Pair stopped."; exit 0' INT TERM
# Stay in the foreground while the services run; restart the app if it dies.
while :; do
    sleep 1 &
    wait $! || true
    "$ctl" app-start >/dev/null 2>&1 || true
done
