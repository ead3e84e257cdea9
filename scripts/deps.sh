#!/usr/bin/env bash
# deps.sh: installs what Pair needs and the machine lacks: Debian packages
# (only when missing, so a second run costs nothing) and the npm packages of
# the frontend and the tests (only when their lockfile changed).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)

PKGS=(build-essential clang nginx libnginx-mod-nchan postgresql libfcgi-dev libpq-dev
      libjson-c-dev libpcre2-dev nodejs npm curl util-linux)
# The tests also drive a real browser.
[ "${PAIR_DEPS:-run}" = test ] && PKGS+=(chromium)

missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "deps: missing Debian packages: ${missing[*]} (run as root, or install them)" >&2
        exit 1
    fi
    echo "deps: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # The packaged nginx and PostgreSQL services are not Pair's; Pair runs
    # its own instances on its own ports.
    for svc in nginx postgresql; do
        if command -v systemctl >/dev/null && systemctl is-active -q "$svc" 2>/dev/null; then
            systemctl stop "$svc" || true
        fi
    done
fi

# npm packages, reinstalled when package-lock.json changes.
npm_install() {
    local dir=$1
    [ -f "$dir/package-lock.json" ] || return 0
    local stamp="$dir/node_modules/.pair-lock"
    if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
        echo "deps: npm ci in ${dir#$ROOT/}" >&2
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
        cp "$dir/package-lock.json" "$stamp"
    fi
}
npm_install "$ROOT/frontend"
if [ "${PAIR_DEPS:-run}" = test ]; then
    npm_install "$ROOT/tests"
    npm_install "$ROOT/tests/e2e"
fi
