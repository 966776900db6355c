#!/usr/bin/env bash
# Every build a user or a packager makes, with gcc and with clang, must
# compile without a single warning: optimisers see different things at
# different levels (gcc -O3 once found a truncation -O2 did not, and main
# landed green with a Release build that did not compile). For each
# compiler and each kind of build this configures a fresh directory,
# builds everything (sakipc, the unit tests, the fuzz replay, the bench
# tools) with warnings as errors, fails on any warning left in the log
# (generated code and the linker included), and runs a few golden tests
# with the binary, so that each build also computes the same figures.
#
#   kinds: Debug, RelWithDebInfo (the default), Release (-O3), MinSizeRel,
#          Sanitize (Debug with ASan and UBSan), LTO (Release with link-time
#          optimisation, as Ubuntu packages are built), Debian (the flags
#          dpkg-buildflags gives a Debian package: -O2, fortify, stack
#          protector, relro)
#
#   usage: tests/build-matrix.sh [WORK [COMPILER...]]
#          WORK defaults to build-matrix/ in the repository, the compilers
#          to gcc and clang; MATRIX_KINDS="Release LTO" picks kinds.
# Prints one line per build (compiler and version, kind, flags, seconds,
# ok/FAIL); exits 1 when any build failed, warned or computed differently.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$top/build-matrix}
shift || true
compilers=("$@")
[ ${#compilers[@]} -gt 0 ] || compilers=(gcc clang)
kinds=(${MATRIX_KINDS:-Debug RelWithDebInfo Release MinSizeRel Sanitize LTO Debian})
goldens=(case1-balangan-pk-2023 case3-akip-components case5-budget national-pemda6)
mkdir -p "$work"

# configure_args KIND: the cmake arguments (and, through env, CFLAGS) of a kind
configure_args() {
    case $1 in
        Sanitize) echo "-DCMAKE_BUILD_TYPE=Debug -DSAKIPC_SANITIZE=ON" ;;
        LTO) echo "-DCMAKE_BUILD_TYPE=Release -DCMAKE_INTERPROCEDURAL_OPTIMIZATION=ON" ;;
        Debian) echo "-DCMAKE_BUILD_TYPE=None" ;;
        *) echo "-DCMAKE_BUILD_TYPE=$1" ;;
    esac
}

# flags_of DIR: the C flags the build used, from its cache
flags_of() {
    local dir=$1 type
    type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$dir/CMakeCache.txt")
    local base per=""
    base=$(sed -n 's/^CMAKE_C_FLAGS:[A-Z]*=//p' "$dir/CMakeCache.txt")
    [ -n "$type" ] && [ "$type" != None ] && per=$(sed -n "s/^CMAKE_C_FLAGS_${type^^}:[A-Z]*=//p" "$dir/CMakeCache.txt")
    local extra=""
    grep -q '^SAKIPC_SANITIZE:BOOL=ON' "$dir/CMakeCache.txt" && extra=" -fsanitize=address,undefined"
    grep -q '^CMAKE_INTERPROCEDURAL_OPTIMIZATION:[A-Z]*=ON' "$dir/CMakeCache.txt" && extra=" -flto"
    echo "$base $per$extra" | sed 's/-ffile-prefix-map=[^ ]* //; s/  */ /g; s/^ //; s/ $//'
}

failed=0
printf '%-14s %-15s %5s  %s\n' "compiler" "build" "secs" "result (flags)"
for cc in "${compilers[@]}"; do
    if ! command -v "$cc" > /dev/null; then
        printf '%-14s %-15s %5s  %s\n' "$cc" "-" "-" "FAIL: not installed (scripts/deps installs it)"
        failed=1
        continue
    fi
    echo "$cc: $(command -v "$cc"), $("$cc" --version | head -n 1)"
    version="$cc $("$cc" -dumpfullversion 2>/dev/null || "$cc" -dumpversion)"
    for kind in "${kinds[@]}"; do
        dir=$work/$cc-$kind
        rm -rf "$dir"
        start=$(date +%s)
        cflags=""
        [ "$kind" = Debian ] && cflags="$(dpkg-buildflags --get CFLAGS) $(dpkg-buildflags --get CPPFLAGS)"
        ldflags=""
        [ "$kind" = Debian ] && ldflags=$(dpkg-buildflags --get LDFLAGS)
        result=ok
        # shellcheck disable=SC2046
        if ! CC=$cc CFLAGS=$cflags LDFLAGS=$ldflags cmake -S "$top" -B "$dir" $(configure_args "$kind") \
                > "$dir.log" 2>&1; then
            result="FAIL: configure (see $dir.log)"
        elif ! cmake --build "$dir" -j "$(nproc)" >> "$dir.log" 2>&1; then
            result="FAIL: build (see $dir.log)"
        elif grep -q 'warning:' "$dir.log"; then
            result="FAIL: warnings (see $dir.log)"
        else
            for g in "${goldens[@]}"; do
                if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
                        "$top/tests/run-golden.sh" "$dir/sakipc" "$top/tests/golden/$g" >> "$dir.log" 2>&1; then
                    result="FAIL: golden $g (see $dir.log)"
                    break
                fi
            done
        fi
        secs=$(( $(date +%s) - start ))
        [ "$result" = ok ] && result="ok ($(flags_of "$dir"))" || failed=1
        printf '%-14s %-15s %5s  %s\n' "$version" "$kind" "$secs" "$result"
        if [ "$failed" -ne 0 ] && [ "${result:0:4}" = FAIL ]; then
            grep -m 5 -E 'warning:|error:' "$dir.log" | sed 's/^/    /'
        fi
    done
done
exit "$failed"
