#!/usr/bin/env bash
# Runs the examples of the manual page, so that every command it shows under
# EXAMPLES is a test and man/sakipc.1 cannot drift from what sakipc accepts
# (a renamed option, a bundled file that moved, a plan that no longer checks).
#
# Every .EX ... .EE block of the EXAMPLES section is taken out of roff
# (`\-` is `-`, `\e` a backslash, `\&` nothing; a line ending in a backslash
# is joined with the next) and its commands are run one by one, in the order
# of the page and in one shell, so that a `cd` holds for what follows. They
# run from the root of a scratch copy of the repository's examples/ and
# stdlib/ (so examples/balangan-2023/plan.skp resolves), with the binary
# under test as `sakipc` on PATH and SAKIPC_STDLIB set to the copied stdlib.
# Database files (*.db) are not copied: the page's first example builds the
# one the plans use, as a reader would.
#
# Each command must exit 0, except `sakipc audit`, which may also exit 1 (the
# page documents it: a printed figure disagrees with the data). A block after
# a line `.\" example: not run` (and before its .EX) is skipped: it needs
# files of the reader's own.
#
# Prints `ok N: CMD` or `FAIL N: CMD` per command (a failure with its exit
# status, its line in the page and its output, indented), `skip` per block
# not run, and a summary; exits 1 when a command failed.
#
#   usage: man-examples.sh SAKIPC [MANPAGE]
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 SAKIPC [MANPAGE]" >&2
    exit 2
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
man=${2:-$top/man/sakipc.1}
man=$(cd "$(dirname "$man")" && pwd)/$(basename "$man")
[ -x "$bin" ] || { echo "$0: $bin is not an executable" >&2; exit 2; }
[ -f "$man" ] || { echo "$0: $man: no such file" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'cd /; rm -rf "$tmp"' EXIT
mkdir "$tmp/root" "$tmp/bin"
cp -R "$top/examples" "$top/stdlib" "$tmp/root/"
find "$tmp/root" \( -name '*.db' -o -name '*.db-*' \) -type f -exec rm -f {} +
ln -s "$bin" "$tmp/bin/sakipc"
export PATH="$tmp/bin:$PATH" SAKIPC_STDLIB="$tmp/root/stdlib" NO_COLOR=1
log=$tmp/output

# The commands of the EXAMPLES section, one per line as "LINE<TAB>COMMAND"
# (LINE: where the command starts in the page); a block not run is one line
# "LINE<TAB>" followed by nothing, an unclosed block "LINE<TAB>!".
extract() {
    awk '
    # roff to text: \- is -, \e a backslash, \& nothing; others as written
    function unescape(s,    out, i, c, n) {
        out = ""
        for (i = 1; i <= length(s); i++) {
            c = substr(s, i, 1)
            if (c == "\\" && i < length(s)) {
                n = substr(s, i + 1, 1)
                if (n == "-") { out = out "-"; i++; continue }
                if (n == "e") { out = out "\\"; i++; continue }
                if (n == "&") { i++; continue }
            }
            out = out c
        }
        return out
    }
    /^\.SH[ \t]/ { inex = ($0 ~ /^\.SH[ \t]+"?EXAMPLES"?[ \t]*$/); skip = 0; next }
    !inex { next }
    /^\.\\"[ \t]*example:[ \t]*not run/ { skip = 1; next }
    /^\.EX([ \t]|$)/ { inblock = 1; start = NR; cmd = ""; if (skip) print NR "\t"; next }
    /^\.EE([ \t]|$)/ {
        if (cmd != "" && !skip) print at "\t" cmd
        inblock = 0; skip = 0; cmd = ""; next
    }
    !inblock || skip { next }
    /^\./ { next }                              # a request inside a block
    {
        line = unescape($0)
        if (cmd == "") { if (line ~ /^[ \t]*$/) next; at = NR }
        if (line ~ /\\$/) { cmd = cmd substr(line, 1, length(line) - 1); next }
        cmd = cmd line
        print at "\t" cmd
        cmd = ""
    }
    END { if (inblock) print start "\t!" }
    ' "$man"
}

total=0 failed=0 skipped=0
commands=$(extract)
if [ -z "$commands" ]; then
    echo "FAIL: no examples found in the EXAMPLES section of $man"
    exit 1
fi
cd "$tmp/root"
while IFS=$'\t' read -r at cmd; do
    if [ -z "$cmd" ]; then
        skipped=$((skipped + 1))
        echo "skip $(basename "$man"):$at (marked: not run)"
        continue
    fi
    total=$((total + 1))
    if [ "$cmd" = '!' ]; then
        failed=$((failed + 1))
        echo "FAIL $total: .EX at $(basename "$man"):$at is never closed by .EE"
        continue
    fi
    shown=$(printf '%s' "$cmd" | tr -s ' \t' ' ')
    read -r word1 word2 _ <<< "$cmd" || true
    if eval "$cmd" < /dev/null > "$log" 2>&1; then rc=0; else rc=$?; fi
    if [ "$rc" -eq 0 ] || { [ "$rc" -eq 1 ] && [ "$word1" = sakipc ] && [ "$word2" = audit ]; }; then
        echo "ok $total: $shown"
    else
        failed=$((failed + 1))
        want=0
        [ "$word1" = sakipc ] && [ "$word2" = audit ] && want="0 or 1"
        echo "FAIL $total: $shown"
        echo "    ($(basename "$man"):$at: exited $rc, expected $want; in $(pwd | sed "s|^$tmp/root|.|"))"
        sed 's/^/    /' "$log"
    fi
done <<< "$commands"

echo "$total commands, $failed failed, $skipped blocks not run"
[ "$failed" -eq 0 ]
