#!/usr/bin/env bash
# Runs one golden test: tests/golden/NAME/ holds
#   cmd        command lines, run one by one in a scratch copy of the case
#              directory (blank lines and # comments are skipped)
#   expected   the transcript they must produce: each command as "$ LINE",
#              its stdout and stderr, and "[exit N]" when N is not 0
#   *          any plan, CSV or other file the commands use
# In commands, `sakipc` is the binary under test, $EXAMPLES the examples
# directory of the source tree. NO_COLOR is set. With UPDATE=1 the expected
# transcript is rewritten instead of compared (review the diff!).
#
#   usage: run-golden.sh SAKIPC CASEDIR
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case_dir=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cp -R "$case_dir"/. "$tmp"/
rm -f "$tmp/expected" "$tmp/cmd"
export EXAMPLES="$here/../examples" NO_COLOR=1 SAKIPC_BIN="$bin"
unset SAKIPC_STDLIB
sakipc() { "$SAKIPC_BIN" "$@"; }
export -f sakipc

actual="$tmp/.actual"
: > "$actual"
cd "$tmp"
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in ''|'#'*) continue ;; esac
    printf '$ %s\n' "$line" >> "$actual"
    bash -o pipefail -c "$line" >> "$actual" 2>&1
    rc=$?
    [ "$rc" -ne 0 ] && printf '[exit %d]\n' "$rc" >> "$actual"
done < "$case_dir/cmd"

if [ -n "${UPDATE:-}" ]; then
    cp "$actual" "$case_dir/expected"
    echo "updated $case_dir/expected"
    exit 0
fi
if ! diff -u "$case_dir/expected" "$actual"; then
    echo "FAIL: $case_dir (run with UPDATE=1 to accept the new transcript)"
    exit 1
fi
