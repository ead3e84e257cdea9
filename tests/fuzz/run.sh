#!/usr/bin/env bash
# run.sh [BUILD_DIR]: runs every libFuzzer target in BUILD_DIR (default
# build/fuzz; `make fuzz` builds them, this script builds nothing) for
# ${FUZZ_SECONDS:-10} seconds each, starting from a copy of its seed corpus
# tests/fuzz/corpus/<target>/ (the committed corpus is never written) and
# with the dictionary tests/fuzz/<target>.dict when there is one.
# Prints "ok" or "FAILED" per target and, as the last line,
# "N passed, M failed" (targets); exits non-zero when any target failed.
# Crash artifacts and logs go to a temporary directory, which is kept and
# printed when something failed, and removed otherwise.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-build/fuzz}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
SECONDS_EACH=${FUZZ_SECONDS:-10}
CORPUS=$ROOT/tests/fuzz/corpus

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pair-fuzz.XXXXXX") || { echo "cannot make a temp dir"; echo "0 passed, 1 failed"; exit 1; }

# Sanitizer settings of our own: an inherited log_path (scripts/test.sh sets
# one for the app) would hide the report from the target's log, and leaks are
# checked here, where they can be.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

passed=0
failed=0
targets=()
for bin in "$BUILD"/fuzz_*; do
    [ -f "$bin" ] && [ -x "$bin" ] && targets+=("$bin")
done
if [ ${#targets[@]} -eq 0 ]; then
    echo "no fuzz targets in $BUILD (run make fuzz)"
    rm -rf "$WORK"
    echo "0 passed, 1 failed"
    exit 1
fi

for bin in "${targets[@]}"; do
    name=$(basename "$bin")
    dir=$WORK/$name
    mkdir -p "$dir/corpus" "$dir/artifacts"
    if [ -d "$CORPUS/$name" ]; then
        cp -R "$CORPUS/$name/." "$dir/corpus/"
    fi
    dict=()
    [ -f "$ROOT/tests/fuzz/$name.dict" ] && dict=(-dict="$ROOT/tests/fuzz/$name.dict")
    printf '%-14s ' "$name"
    "$bin" -max_total_time="$SECONDS_EACH" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 "${dict[@]}" -artifact_prefix="$dir/artifacts/" "$dir/corpus" \
        >"$dir/log" 2>&1
    rc=$?
    crashes=$(find "$dir/artifacts" -type f | wc -l)
    if [ "$rc" -eq 0 ] && [ "$crashes" -eq 0 ]; then
        runs=$(grep -E '^stat::number_of_executed_units:' "$dir/log" | awk '{print $2}')
        echo "ok (${runs:-?} runs)"
        passed=$((passed + 1))
    else
        echo "FAILED (exit $rc)"
        { grep -E 'ERROR|invariant failed|runtime error|Test unit written|^SUMMARY' "$dir/log" ||
            tail -n 5 "$dir/log"; } | head -n 10 | sed 's/^/    /'
        echo "    log: $dir/log"
        for a in "$dir"/artifacts/*; do
            [ -f "$a" ] && echo "    artifact: $a (replay: $bin $a)"
        done
        failed=$((failed + 1))
    fi
done

if [ "$failed" -gt 0 ]; then
    echo "crash artifacts and logs kept in $WORK"
else
    rm -rf "$WORK"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
