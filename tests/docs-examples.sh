#!/usr/bin/env bash
# Checks the example plans in markdown files, so that every example in the
# reference is a test and the docs cannot drift from the language.
#
# A block fenced as ```skp must pass `sakipc check` (exit 0); one fenced as
# ```skp-error shows a wrong plan and must be refused as a plan error
# (exit 3). Other blocks are ignored. Each block is written as plan.skp to a
# fresh directory and checked there with SAKIPC_STDLIB=<repo>/stdlib.
# An `include` of a file that is not in stdlib (e.g. include "rules/local.skp")
# gets an empty file of that name next to plan.skp, so the include resolves.
#
# Prints `ok   FILE:LINE` or `FAIL FILE:LINE` and sakipc's output, indented,
# per block; LINE is the opening fence, so plan.skp line N is FILE line LINE+N.
#
#   usage: docs-examples.sh SAKIPC FILE.md...
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 SAKIPC FILE.md..." >&2
    exit 2
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
stdlib=$(cd "$(dirname "$0")/../stdlib" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NO_COLOR=1 SAKIPC_STDLIB="$stdlib"
total=0 failed=0

# Creates an empty file for each include in $1/plan.skp not found in stdlib.
stub_includes() {
    local name
    sed -n 's/^[[:space:]]*include[[:space:]]\{1,\}"\{0,1\}\([^"[:space:]#]*\).*/\1/p' \
        "$1/plan.skp" | while IFS= read -r name; do
        case "$name" in
            /* | *..*) continue ;;             # outside the directory: leave it
            */* | *.skp) ;;                    # a path next to the plan
            *) [ -f "$stdlib/$name.skp" ] && continue; name=$name.skp ;;
        esac
        mkdir -p "$1/$(dirname "$name")"
        [ -e "$1/$name" ] || : > "$1/$name"
    done
}

# Checks the block in $1 (directory), fenced as $2 at $3; prints its line.
run_block() {
    local dir=$1 kind=$2 where=$3 want=0 out rc
    [ "$kind" = skp-error ] && want=3
    stub_includes "$dir"
    out=$(cd "$dir" && "$bin" check plan.skp 2>&1) && rc=0 || rc=$?
    total=$((total + 1))
    if [ "$rc" -eq "$want" ]; then
        echo "ok   $where"
    else
        failed=$((failed + 1))
        echo "FAIL $where (\`sakipc check\` exited $rc, expected $want)"
        printf '%s\n' "$out" | sed 's/^/    /'
    fi
}

for md in "$@"; do
    lineno=0 fence='' kind='' dir=''
    while IFS= read -r line || [ -n "$line" ]; do
        lineno=$((lineno + 1))
        if [ -z "$fence" ]; then                       # outside a block
            case "$line" in
                '```'*)
                    fence=$lineno kind=${line#\`\`\`}
                    kind=${kind%"${kind##*[![:space:]]}"}   # trailing blanks
                    if [ "$kind" = skp ] || [ "$kind" = skp-error ]; then
                        dir=$tmp/$total-$lineno
                        mkdir "$dir"
                        : > "$dir/plan.skp"
                    fi ;;
            esac
        elif [[ "$line" =~ ^\`\`\`[[:space:]]*$ ]]; then  # closing fence
            if [ -n "$dir" ]; then run_block "$dir" "$kind" "$md:$fence"; fi
            fence='' kind='' dir=''
        elif [ -n "$dir" ]; then
            printf '%s\n' "$line" >> "$dir/plan.skp"
        fi
    done < "$md"
    if [ -n "$dir" ]; then
        total=$((total + 1)) failed=$((failed + 1))
        echo "FAIL $md:$fence (code block never closed)"
    fi
done

echo "$total examples, $failed failed"
[ "$failed" -eq 0 ]
