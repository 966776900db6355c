#!/usr/bin/env bash
# Installs sakipc as a user or a Debian packager would and runs the installed
# copy with the source tree moved away, so that nothing it needs can come
# from the tree:
#
#   1. copies the tree (tracked files only) to WORK/src, builds it there
#      (Release), installs it with `cmake --install --prefix WORK/prefix` and
#      makes the .deb with `cpack -G DEB`;
#   2. checks the installed layout (bin/sakipc, share/sakipc/stdlib with its
#      rule sets, reports/ and reports/lib/, share/man/man1/sakipc.1.gz) and the .deb's
#      control fields and contents: Depends names the Debian runtime
#      libraries the binary links (libsqlite3, liblua5.4, libcsv,
#      libxlsxwriter), each a package installed on this machine;
#   3. moves WORK/src (and its build directory) away, then from a directory
#      outside any tree runs the installed binary on the Balangan example
#      (a plan that includes stdlib rule sets) and a built-in report
#      template, and compares every output with the in-tree binary's;
#   4. with the prefix's stdlib hidden, the same plan must fail to find its
#      include: the installed copy is what it used;
#   5. installs the .deb with `dpkg -i` into a scratch root (its own dpkg
#      database), runs the binary from there the same way, and removes it.
#
# Prints one line per check; exits 1 when any fails. The work directory is
# kept on failure (for a look) and removed on success.
#
#   usage: tests/install-test.sh REFERENCE_SAKIPC [WORK]
#   REFERENCE_SAKIPC: an in-tree build of the same sources (e.g. build/sakipc)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
ref=$(cd "$(dirname "${1:?usage: tests/install-test.sh REFERENCE_SAKIPC [WORK]}")" && pwd)/$(basename "$1")
work=${2:-$top/build-install}
[ -x "$ref" ] || { echo "install-test: $ref is not an executable" >&2; exit 2; }
for tool in cpack dpkg dpkg-deb dpkg-shlibdeps gzip; do
    command -v "$tool" > /dev/null || { echo "install-test: needs $tool (scripts/deps installs it)" >&2; exit 2; }
done

failed=0
ok() { printf 'ok   %s\n' "$1"; }
fail() { printf 'FAIL %s\n' "$1"; failed=1; }
check() {   # check WHAT COMMAND...: runs it quietly, reports ok/FAIL
    local what=$1; shift
    if "$@" > "$work/last.out" 2>&1; then ok "$what"; else fail "$what"; sed 's/^/     /' "$work/last.out"; fi
}

rm -rf "$work"
mkdir -p "$work/src" "$work/out"

# 1. a copy of the tracked files, built and installed from there
if git -C "$top" rev-parse --is-inside-work-tree > /dev/null 2>&1; then
    # tracked files and new ones not yet committed, as they are now; not builds or databases
    # (the list goes to one tar on its standard input: xargs would split a
    # long list over several tars, whose archives the reader stops after
    # the first of)
    (cd "$top" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$work/src"
    revision=$(git -C "$top" rev-parse --short=12 HEAD)
    [ -z "$(git -C "$top" status --porcelain --untracked-files=no)" ] || revision=$revision-dirty
else
    (cd "$top" && tar --exclude='./build*' -cf - .) | tar -xf - -C "$work/src"
    revision=unknown
fi
echo "install-test: building a copy of the tree in $work/src (Release, $("${CC:-cc}" --version | head -n 1))"
cmake -S "$work/src" -B "$work/src/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
    -DSAKIPC_REVISION="$revision" > "$work/configure.log"
cmake --build "$work/src/build" -j "$(nproc)" > "$work/build.log"
cmake --install "$work/src/build" --prefix "$work/prefix" > "$work/install.log"
(cd "$work/src/build" && cpack -G DEB > "$work/cpack.log" 2>&1)
deb=$(ls "$work"/src/build/sakipc_*.deb)
cp "$deb" "$work/"
deb=$work/$(basename "$deb")

# 2. the layout and the package
prefix=$work/prefix
for f in bin/sakipc share/man/man1/sakipc.1.gz share/sakipc/stdlib/akip.skp share/sakipc/stdlib/ikm.skp \
         share/sakipc/stdlib/capaian5.skp share/sakipc/stdlib/capaian-lkip.skp \
         share/sakipc/stdlib/reports/lkip-md.lua share/sakipc/stdlib/reports/json.lua \
         share/sakipc/stdlib/reports/lib/cells.lua share/sakipc/stdlib/reports/lib/grades.lua \
         share/sakipc/stdlib/reports/lib/notes.lua share/sakipc/stdlib/reports/lib/arrange.lua; do
    check "installed $f" test -s "$prefix/$f"
done
check "the man page is a gzip'd roff page" bash -c "gzip -dc '$prefix/share/man/man1/sakipc.1.gz' | grep -q '^\.TH SAKIPC 1'"
version=$(sed -n 's/^project(sakipc VERSION \([0-9.]*\).*/\1/p' "$top/CMakeLists.txt")
check "control: Package sakipc" test "$(dpkg-deb -f "$deb" Package)" = sakipc
check "control: Version $version" test "$(dpkg-deb -f "$deb" Version)" = "$version"
check "control: Architecture $(dpkg --print-architecture)" test "$(dpkg-deb -f "$deb" Architecture)" = "$(dpkg --print-architecture)"
depends=$(dpkg-deb -f "$deb" Depends)
echo "     Depends: $depends"
for lib in libsqlite3-0 liblua5.4-0 libcsv3 libxlsxwriter; do
    check "control: Depends names $lib" bash -c "grep -q '\\b$lib' <<< '$depends'"
done
# every package it depends on is a real one: installed here, where it was built and linked
for pkg in $(sed 's/([^)]*)//g; s/[,|]/ /g' <<< "$depends"); do
    check "dependency $pkg is an installed Debian package" dpkg-query -W "$pkg"
done
dpkg-deb -c "$deb" | awk '{ print $NF }' > "$work/contents"
for f in ./usr/bin/sakipc ./usr/share/man/man1/sakipc.1.gz ./usr/share/sakipc/stdlib/ikm.skp \
         ./usr/share/sakipc/stdlib/reports/lkip-md.lua ./usr/share/sakipc/stdlib/reports/lib/cells.lua \
         ./usr/share/doc/sakipc/README.md; do
    check "package holds $f" grep -qxF "$f" "$work/contents"
done
check "package holds nothing outside /usr" bash -c "! grep -v '^\./usr/' '$work/contents' | grep -v '^\./\$'"

# 3. the tree moved away; the same outputs as the in-tree binary
mv "$work/src" "$work/src-moved-away"
ex=$top/examples/balangan-2023
run_example() {   # run_example SAKIPC DIR: the example's data, a plan with includes, a template
    local bin=$1 dir=$2
    mkdir -p "$dir"
    cp "$ex"/*.skp "$ex"/*.csv "$dir/"
    (
        cd "$dir"
        unset SAKIPC_STDLIB
        export NO_COLOR=1
        : > status.txt
        step() { local out=$1; shift; "$bin" "$@" > "$out" 2>&1 || echo "$* exited $?" >> status.txt; }
        step import.txt import balangan.db --plan plan.skp units.csv indicators.csv targets.csv realisasi.csv \
            budget.csv akip_components.csv ikm_responses.csv propemperda.csv
        step eval.txt eval plan.skp
        step akip.txt eval case3-akip.skp --year 2021..2022
        step lkip-md.txt report plan.skp --template lkip-md --year 2021..2023
        step report-json.txt report plan.skp --template json --out results.json
    )
}
run_example "$ref" "$work/out/reference"
run_example "$prefix/bin/sakipc" "$work/out/installed"
check "the in-tree binary ran the example cleanly" test ! -s "$work/out/reference/status.txt"
check "the installed binary ran the example cleanly" test ! -s "$work/out/installed/status.txt"
for f in import.txt eval.txt akip.txt lkip-md.txt results.json; do
    check "installed binary, tree moved away: $f as the in-tree binary's" \
        cmp "$work/out/reference/$f" "$work/out/installed/$f"
done
check "the evaluation printed its table (IKM 84.98)" grep -q '84[.,]98' "$work/out/installed/eval.txt"
check "the lkip-md template wrote its tables" grep -q '^|' "$work/out/installed/lkip-md.txt"
check "--version names the installed stdlib" \
    bash -c "'$prefix/bin/sakipc' --version | grep -qxF 'stdlib $prefix/share/sakipc/stdlib'"
check "--version names the revision $revision" \
    bash -c "'$prefix/bin/sakipc' --version | head -n 1 | grep -qF '(git $revision)'"

# 4. without the installed stdlib the include is not found elsewhere
mv "$prefix/share/sakipc" "$prefix/share/sakipc.hidden"
(cd "$work/out/installed" && "$prefix/bin/sakipc" check plan.skp > "$work/hidden.txt" 2>&1) && rc=0 || rc=$?
mv "$prefix/share/sakipc.hidden" "$prefix/share/sakipc"
check "stdlib hidden: check fails (exit 3)" test "$rc" -eq 3
check "stdlib hidden: cannot find 'akip' to include" grep -q "cannot find 'akip' to include" "$work/hidden.txt"

# 5. dpkg -i into a scratch root with its own (empty) dpkg database; the
# libraries it depends on are this machine's, so dependencies are forced
root=$work/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
: > "$root/var/lib/dpkg/status"
check "dpkg -i into a scratch root" dpkg --root="$root" --force-depends -i "$deb"
check "dpkg: sakipc is installed" bash -c "dpkg --root='$root' -s sakipc | grep -qx 'Status: install ok installed'"
run_example "$root/usr/bin/sakipc" "$work/out/deb"
check "the .deb's binary ran the example cleanly" test ! -s "$work/out/deb/status.txt"
for f in eval.txt lkip-md.txt; do
    check "the .deb's binary: $f as the in-tree binary's" cmp "$work/out/reference/$f" "$work/out/deb/$f"
done
check "dpkg -r removes it" dpkg --root="$root" -r sakipc
check "nothing of it is left" bash -c "! find '$root/usr' -type f 2>/dev/null | grep -q ."

if [ "$failed" -ne 0 ]; then
    echo "install-test: FAILED (kept $work)"
    exit 1
fi
echo "install-test: all passed ($(basename "$deb"), $(du -k "$deb" | cut -f1) KiB)"
rm -rf "$work"
