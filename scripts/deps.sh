#!/usr/bin/env bash
# deps.sh: installs what Pair needs and the machine lacks: Debian packages
# (only when missing, so a second run costs nothing) and the npm packages of
# the frontend and the tests (only when their lockfile changed).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)

# Libraries and servers by package; tools by command, since a machine may
# have them from elsewhere (Node.js from its own repository, say).
PKGS=(nginx libnginx-mod-nchan postgresql libfcgi-dev libpq-dev libjson-c-dev libpcre2-dev)
declare -A TOOLS=([cc]=build-essential [make]=build-essential [clang]=clang [curl]=curl
                  [node]=nodejs [npm]=npm [setpriv]=util-linux [runuser]=util-linux)
if [ "${PAIR_DEPS:-run}" = test ]; then
    PKGS+=(libclang-rt-dev)     # the sanitizer and libFuzzer runtimes
    TOOLS[chromium]=chromium    # the browser tests drive a real browser
    TOOLS[redis-server]=redis-server  # the two-host test shares one Redis
fi

missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
for t in "${!TOOLS[@]}"; do
    command -v "$t" >/dev/null 2>&1 || missing+=("${TOOLS[$t]}")
done
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u | sed '/^$/d')
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
