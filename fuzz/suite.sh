#!/usr/bin/env bash
# The fuzzing step of scripts/test: builds the three libFuzzer targets with
# clang (ASan and UBSan, build-fuzz/), replays every saved crash input
# (tests/fuzz-regressions/*/) through every target, then runs each target
# for a bounded time from the checked-in corpus (fuzz/corpus/TARGET/).
# Anything a target finds (a crash, a leak, undefined behaviour, a timeout,
# running out of memory) fails the step and leaves the input in
# build-fuzz/artifacts/TARGET/ (fuzz/README.md says what to do with it).
# New inputs found on the way go to build-fuzz/corpus-suite/TARGET/, never
# into the tree. Prints, per target, the wall and CPU seconds, executions
# and coverage, and the total CPU time.
#
#   usage: fuzz/suite.sh [SECONDS_PER_TARGET]      (default 60)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
build=$top/build-fuzz
targets=(parse check eval)
command -v clang > /dev/null || { echo "fuzz/suite.sh: needs clang (scripts/deps installs it)" >&2; exit 2; }

if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang cmake -S "$top" -B "$build" -DSAKIPC_FUZZ=ON -DBUILD_TESTING=OFF \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
fi
echo "fuzz: building the targets with $(clang --version | head -n 1)"
cmake --build "$build" -j "$(nproc)" --target fuzz_parse fuzz_check fuzz_eval > "$build/suite-build.log" 2>&1 ||
    { cat "$build/suite-build.log"; exit 1; }

# a marker of this run's start: the findings listed are this run's, not
# what an earlier run (or fuzz/run.sh) left in artifacts/
mkdir -p "$build/artifacts"
: > "$build/artifacts/.suite-start"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=0

# 1. every saved crash input, through every target (one run each)
mapfile -t saved < <(find "$top/tests/fuzz-regressions" -type f | sort)
for t in "${targets[@]}"; do
    mkdir -p "$build/artifacts/$t"
    if "$build/fuzz/fuzz_$t" -artifact_prefix="$build/artifacts/$t/" "${saved[@]}" \
            > "$build/suite-replay-$t.log" 2>&1; then
        echo "fuzz: $t replays the ${#saved[@]} saved crash inputs: ok"
    else
        echo "fuzz: $t replays the ${#saved[@]} saved crash inputs: FAILED (build-fuzz/suite-replay-$t.log)"
        tail -n 30 "$build/suite-replay-$t.log"
        failed=1
    fi
done

# 2. each target for a bounded time from the checked-in corpus
total_cpu=0
for t in "${targets[@]}"; do
    corpus=$top/fuzz/corpus/$t
    work=$build/corpus-suite/$t
    rm -rf "$work"
    mkdir -p "$work" "$build/artifacts/$t"
    log=$build/suite-fuzz-$t.log
    before=$(awk '{ print $14 + $15 + $16 + $17 }' /proc/$$/stat)   # CPU ticks of this shell's children
    rc=0
    "$build/fuzz/fuzz_$t" -dict="$top/fuzz/skp.dict" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t/" \
        "$work" "$corpus" > "$log" 2>&1 || rc=$?
    after=$(awk '{ print $14 + $15 + $16 + $17 }' /proc/$$/stat)
    cpu=$(awk -v a="$before" -v b="$after" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (b - a) / hz }')
    total_cpu=$(awk -v a="$total_cpu" -v b="$cpu" 'BEGIN { printf "%.1f", a + b }')
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -Eo "cov: [0-9]+ ft: [0-9]+ corp: [0-9]+" "$log" | tail -n 1 || true)
    if [ "$rc" -eq 0 ]; then
        echo "fuzz: $t for ${seconds} s: ok, ${cpu} CPU s, ${execs:-?} runs, ${cov:-no coverage line}, $(ls "$corpus" | wc -l) inputs in fuzz/corpus/$t"
    else
        echo "fuzz: $t FOUND A FAILURE (exit $rc); the input is in build-fuzz/artifacts/$t/:"
        find "$build/artifacts/$t" -type f -newer "$build/artifacts/.suite-start" | sed 's/^/    /'
        grep -E -m 5 'ERROR|SUMMARY|runtime error' "$log" | sed 's/^/    /' || true
        echo "    log: $log"
        failed=1
    fi
done
echo "fuzz: ${total_cpu} CPU seconds in all"
exit "$failed"
