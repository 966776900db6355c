#!/usr/bin/env bash
# Keeps the plans of the tree formatted (`sakipc fmt`):
#   - every plan of examples/ and stdlib/ is formatted (fmt --check);
#   - formatting is idempotent on every .skp of the tree, the golden tests'
#     and the fuzz regressions' included: fmt of fmt's output is that
#     output. Those may be unformatted or invalid on purpose: a plan that
#     does not parse is skipped, but fmt must not crash on it (exit 3).
#
#   usage: tests/fmt-check.sh SAKIPC SOURCE_DIR
set -u
bin=$1
top=$(cd "$2" && pwd)
cd "$top" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

mapfile -t kept < <(find examples stdlib -name '*.skp' | sort)
if ! "$bin" fmt --check "${kept[@]}" > "$tmp/unformatted"; then
    echo "not formatted (run: sakipc fmt --write FILE):"
    sed 's/^/  /' "$tmp/unformatted"
    failed=1
fi

n=0
while IFS= read -r f; do
    "$bin" fmt "$f" > "$tmp/once.skp" 2> "$tmp/err"
    rc=$?
    if [ "$rc" -eq 3 ]; then continue; fi          # does not parse: reported, skipped
    if [ "$rc" -ne 0 ]; then
        echo "$f: fmt exited $rc"; cat "$tmp/err"; failed=1; continue
    fi
    if ! "$bin" fmt "$tmp/once.skp" > "$tmp/twice.skp" 2> "$tmp/err" || ! cmp -s "$tmp/once.skp" "$tmp/twice.skp"; then
        echo "$f: fmt is not idempotent on it:"
        diff -u "$tmp/once.skp" "$tmp/twice.skp" | head -20
        failed=1
    fi
    n=$((n + 1))
done < <(find . -name '*.skp' -not -path './build*' | sort; find tests/fuzz-regressions -type f | sort)

[ "$failed" -eq 0 ] && echo "fmt: ${#kept[@]} plans formatted; idempotent on $n files"
exit "$failed"
