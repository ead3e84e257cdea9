#!/usr/bin/env bash
# frontend.sh build|test: builds the React app into frontend/dist, or runs
# its unit tests.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT/frontend"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
case ${1:-build} in
    build) npm run --silent build ;;
    test) npm test --silent ;;
esac
