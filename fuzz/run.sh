#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) in build-fuzz/ and runs
# one of them: seeds from fuzz/seeds.sh and the checked-in fuzz/corpus/TARGET,
# the dictionary fuzz/skp.dict, new inputs kept in build-fuzz/corpus/TARGET
# (the first corpus directory: libFuzzer writes only there), crashes, timeouts and leaks in
# build-fuzz/artifacts/TARGET/.
#
#   usage: fuzz/run.sh TARGET [SECONDS [LIBFUZZER_OPTIONS...]]   (TARGET: parse, check, eval)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
target=${1:?usage: fuzz/run.sh parse|check|eval [SECONDS [OPTIONS...]]}
seconds=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
case $target in parse|check|eval) ;; *) echo "fuzz/run.sh: unknown target '$target'" >&2; exit 2 ;; esac
build=$top/build-fuzz
if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang cmake -S "$top" -B "$build" -DSAKIPC_FUZZ=ON -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j "$(nproc)" --target "fuzz_$target" >/dev/null
corpus=$build/corpus/$target
if [ ! -d "$corpus" ] || [ -z "$(ls -A "$corpus")" ]; then
    "$top/fuzz/seeds.sh" "$corpus"
fi
mkdir -p "$build/artifacts/$target"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec "$build/fuzz/fuzz_$target" -dict="$top/fuzz/skp.dict" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/$target/" "$@" \
    "$corpus" "$top/fuzz/corpus/$target"
