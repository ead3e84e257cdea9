#!/usr/bin/env bash
# test.sh: `make test`. Builds everything (the app with ASan+UBSan), starts
# a private stack on its own ports and data directory, runs every suite,
# stops what it started, and ends with one line: "N passed, M failed".
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

export PAIR_VAR=$ROOT/var/test
export PORT=${PAIR_TEST_PORT:-18080}
export PAIR_LISTEN=127.0.0.1
export PAIR_PG_PORT=${PAIR_TEST_PG_PORT:-15488}
export PAIR_HOOK_PORT=${PAIR_TEST_HOOK_PORT:-18091}
export PAIR_APP_BIN=$ROOT/build/asan/pair
export PAIR_CTL=$ROOT/scripts/pairctl
unset DATABASE_URL
# The app runs as another user, so LeakSanitizer cannot trace it; leaks are
# the unit tests' business. Every other report fails the run.
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=0:log_path=$PAIR_VAR/log/asan"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$PAIR_VAR/log/ubsan"

passed=0
failed=0
report=()
LOGDIR=$ROOT/build/test-logs
mkdir -p "$LOGDIR"

# Adds a suite's counts, read from the runner's own summary lines.
count() {
    local name=$1 log=$2 rc=$3 p=0 f=0
    sed -i 's/\x1b\[[0-9;]*m//g' "$log"    # colours would hide the summaries
    if grep -qE '^# (pass|fail) [0-9]+' "$log"; then          # node --test
        p=$(grep -E '^# pass [0-9]+' "$log" | tail -n1 | awk '{print $3}')
        f=$(grep -E '^# fail [0-9]+' "$log" | tail -n1 | awk '{print $3}')
    elif grep -qE '^ *Tests +.*\([0-9]+\)' "$log"; then        # vitest
        local line; line=$(grep -E '^ *Tests +' "$log" | tail -n1)
        p=$(echo "$line" | grep -oE '[0-9]+ passed' | awk '{print $1}')
        f=$(echo "$line" | grep -oE '[0-9]+ failed' | awk '{print $1}')
    elif grep -qE '^[0-9]+ passed, [0-9]+ failed' "$log"; then # ours
        p=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | awk '{s+=$1} END {print s}')
        f=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | awk '{s+=$3} END {print s}')
    fi
    p=${p:-0}; f=${f:-0}
    # A runner that failed without saying so, or ran nothing, is a failure.
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
    if [ "$p" = 0 ] && [ "$f" = 0 ]; then f=1; fi
    passed=$((passed + p))
    failed=$((failed + f))
    report+=("$(printf '%-14s %4d passed, %d failed' "$name" "$p" "$f")")
}

# Runs one suite, showing its output and keeping it in build/test-logs.
suite() {
    local name=$1; shift
    echo "=== $name"
    local log=$LOGDIR/$name.log
    "$@" 2>&1 | tee "$log"
    count "$name" "$log" "${PIPESTATUS[0]}"
}

PAIR_DEPS=test scripts/deps.sh || { echo "dependencies could not be installed"; echo "0 passed, 1 failed"; exit 1; }

echo "=== build"
if ! make -s build/asan/pair unit fuzz frontend >"$LOGDIR/build.log" 2>&1; then
    cat "$LOGDIR/build.log"
    echo "0 passed, 1 failed"
    exit 1
fi

unit_all() {
    local rc=0
    for t in build/asan/test_*; do
        echo "--- $t"
        "$t" || rc=1
    done
    return $rc
}
# A test file whose tests have finished ends even if a failed test left a
# socket open, so a failure cannot hang the run (Node 20.14 and later).
NODE_TEST=(node --test)
if node --test-force-exit -e '' 2>/dev/null; then NODE_TEST+=(--test-force-exit); fi

suite unit unit_all
suite changeset "${NODE_TEST[@]}" tests/changeset/ tests/client/
suite frontend env NO_COLOR=1 scripts/frontend.sh test

echo "=== start stack on 127.0.0.1:$PORT"
"$PAIR_CTL" stop >/dev/null 2>&1
rm -rf "$PAIR_VAR"
trap '"$PAIR_CTL" stop >/dev/null 2>&1' EXIT
if "$PAIR_CTL" start; then
    eval "$("$PAIR_CTL" env | sed 's/^/export /')"
    suite integration "${NODE_TEST[@]}" --test-concurrency=4 tests/integration/
    suite e2e "${NODE_TEST[@]}" tests/e2e/
    "$PAIR_CTL" stop
    sanitizer=$(ls "$PAIR_VAR"/log/asan.* "$PAIR_VAR"/log/ubsan.* 2>/dev/null)
    if [ -n "$sanitizer" ]; then
        echo "=== sanitizer reports from the app:"
        cat $sanitizer
        failed=$((failed + 1))
        report+=("sanitizers     reports in $sanitizer")
    fi
else
    echo "the stack did not start"
    tail -n 30 "$PAIR_VAR"/log/*.log
    failed=$((failed + 1))
fi

suite fuzz env FUZZ_SECONDS="${FUZZ_SECONDS:-10}" tests/fuzz/run.sh build/fuzz

echo
echo "=== summary"
printf '%s\n' "${report[@]}"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
