#!/usr/bin/env bash
# Writes the seed corpus of the fuzz targets into DIR: every plan of
# examples/, stdlib/ and tests/golden/, each with the files it includes
# from next to it written in place (the targets run a plan alone, in a
# directory of its own; includes of the standard library stay as they are).
#
#   usage: fuzz/seeds.sh DIR
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: fuzz/seeds.sh DIR}
mkdir -p "$out"

# inline FILE DEPTH: FILE with `include "NAME"` lines replaced by NAME(.skp)
# when that is a file next to FILE.
inline() {
    local file=$1 depth=$2 dir line name
    dir=$(dirname "$file")
    while IFS= read -r line || [ -n "$line" ]; do
        if [ "$depth" -lt 4 ] && [[ $line =~ ^[[:space:]]*include[[:space:]]+\"?([^\"[:space:]#]+)\"? ]]; then
            name=${BASH_REMATCH[1]}
            for cand in "$dir/$name" "$dir/$name.skp"; do
                if [ -f "$cand" ]; then
                    inline "$cand" $((depth + 1))
                    continue 2
                fi
            done
        fi
        printf '%s\n' "$line"
    done < "$file"
}

n=0
cd "$top"
for f in examples/*/*.skp stdlib/*.skp tests/golden/*/*.skp; do
    [ -f "$f" ] || continue
    inline "$f" 0 > "$out/$(echo "${f%.skp}" | tr '/' '_').skp"
    n=$((n + 1))
done
echo "fuzz/seeds.sh: $n seeds in $out"
