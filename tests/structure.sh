#!/usr/bin/env bash
# The layout rules of docs/architecture.md, checked on the source tree:
#
#   stages   src/ has one folder per stage of the pipeline, in this order:
#            base front lua check store engine output tools report api cli;
#            a file includes headers of its own stage or of an earlier one,
#            never of a later one (include/sakip.h, the public header, from
#            anywhere); src/cli/, the command, includes nothing of the
#            library but sakip.h
#   circles  no two modules (a .c with its .h) include each other, however
#            far round (tsort finds the loops)
#   sizes    no source file over 800 lines, no function over 60 (the VM's
#            dispatch loop, vm_run, excepted; generated code is not ours)
#   headers  every function a header declares is defined in the .c of the
#            same name (front/lexer.h and front/parser.h in grammar/)
#   names    every function a .c exports starts with its module's name and
#            '_' (src/api/ exports the public skp_ names; cli/main.c main)
#
# Prints each violation with its file and line, then a summary; exits 1
# when there is any. With -v, also the longest files and functions.
#
#   usage: tests/structure.sh [-v] [SOURCE_DIR]
set -uo pipefail
verbose=0
[ "${1:-}" = -v ] && { verbose=1; shift; }
top=$(cd "${1:-$(dirname "$0")/..}" && pwd)
cd "$top" || exit 2
stages=(base front lua check store engine output tools report api cli)
failed=0
bad() { printf '%s\n' "$*"; failed=$((failed + 1)); }

rank_of() {
    local i
    for i in "${!stages[@]}"; do [ "${stages[$i]}" = "$1" ] && { echo "$i"; return; }; done
    echo -1
}

mapfile -t files < <(find src -name '*.[ch]' | sort)

# ---- stages: folders and the direction of includes
for f in "${files[@]}"; do
    stage=${f#src/}; stage=${stage%%/*}
    [ "$stage" = "${f#src/}" ] && { bad "$f: outside every stage folder"; continue; }
    r=$(rank_of "$stage")
    [ "$r" -lt 0 ] && { bad "$f: '$stage' is not a stage (${stages[*]})"; continue; }
    while IFS=: read -r line inc; do
        [ "$inc" = sakip.h ] && continue
        to=${inc%%/*}
        [ "$to" = "$inc" ] && { bad "$f:$line: includes \"$inc\" without its stage folder"; continue; }
        tr=$(rank_of "$to")
        if [ "$stage" = cli ] && [ "$to" != cli ]; then bad "$f:$line: the command includes \"$inc\": it sees the library through sakip.h only"
        elif [ "$tr" -lt 0 ]; then bad "$f:$line: includes \"$inc\": '$to' is not a stage"
        elif [ "$tr" -gt "$r" ]; then bad "$f:$line: $stage includes \"$inc\", a later stage ($to)"
        fi
    done < <(grep -n '^#include "' "$f" | sed -E 's/^([0-9]+):#include "([^"]+)".*/\1:\2/')
done

# ---- circles: module -> module edges, loops found by tsort
edges=$(for f in "${files[@]}"; do
    m=${f%.*}
    grep '^#include "' "$f" | sed -E 's/^#include "([^"]+)\.h".*/\1/' | while read -r inc; do
        [ "$inc" = sakip ] && continue
        [ "src/$inc" != "$m" ] && echo "src/$inc $m"
    done
done)
loops=$(printf '%s\n' "$edges" | tsort 2>&1 >/dev/null | grep -v 'input contains a loop' | sed 's/^tsort: //')
[ -n "$loops" ] && bad "modules that include each other (a circle): $(echo $loops)"

# ---- sizes: files and functions
for f in "${files[@]}"; do
    n=$(wc -l < "$f")
    [ "$n" -gt 800 ] && bad "$f: $n lines (at most 800: split it)"
done
# a function: a line at column 0 opening with '{' after its signature, up to the '}' at column 0
functions=$(awk '
    FNR == 1 { sig = ""; start = 0 }
    /^[A-Za-z_].*\(/ && !/;[[:space:]]*$/ { sig = $0; sigline = FNR }
    /^\{/ && sig != "" { start = sigline; name = sig; sub(/\(.*/, "", name); sub(/.*[ *]/, "", name) }
    /^\}/ && start { printf "%d %s:%d %s\n", FNR - start + 1, FILENAME, start, name; start = 0; sig = "" }
' $(printf '%s\n' "${files[@]}" | grep '\.c$'))
while read -r len where name; do
    [ -z "$len" ] && continue
    [ "$name" = vm_run ] && continue
    [ "$len" -gt 60 ] && bad "$where: $name is $len lines (at most 60: split it)"
done <<< "$functions"

# ---- headers: what a header declares, its .c defines
for h in $(printf '%s\n' "${files[@]}" | grep '\.h$'); do
    c=${h%.h}.c
    case $h in
        src/front/lexer.h) c=grammar/lexer.re ;;
        src/front/parser.h) c=grammar/parser.y ;;
    esac
    # declarations: a prototype at column 0, joined over lines up to its ';'
    decls=$(awk '
        /^(typedef|#|\/\*| \*|static|extern|struct|enum|union|\})/ { next }
        /^[A-Za-z_]/ && /\(/ { buf = $0; collecting = 1 }
        collecting && buf != $0 { buf = buf " " $0 }
        collecting && /;[[:space:]]*$/ {
            collecting = 0
            if (buf ~ /^[^(]*\(\*/) next            # a function pointer variable
            name = buf; sub(/\(.*/, "", name); sub(/.*[ *]/, "", name); print name
        }' "$h")
    for name in $decls; do
        if [ ! -f "$c" ]; then bad "$h: declares $name, but there is no ${c#src/}"; break; fi
        grep -Eq "^[A-Za-z_][A-Za-z0-9_ *]*[ *]$name\(" "$c" || bad "$h: declares $name, which ${c} does not define"
    done
done

# ---- names: a module's exported functions carry its name
for c in $(printf '%s\n' "${files[@]}" | grep '\.c$'); do
    stem=$(basename "$c" .c)
    case $c in
        src/api/*) prefix=skp_ ;;
        src/cli/main.c) continue ;;
        *) prefix=${stem}_ ;;
    esac
    awk '/^[A-Za-z_][A-Za-z0-9_ *]*[ *][A-Za-z_][A-Za-z0-9_]*\(/ && !/^static/ && !/;[[:space:]]*$/ {
            name = $0; sub(/\(.*/, "", name); sub(/.*[ *]/, "", name); print FNR, name }' "$c" |
    while read -r line name; do
        case $name in "$prefix"*) ;; *) echo "$c:$line: $name does not start with '$prefix'" ;; esac
    done
done > /tmp/structure-names.$$
while read -r v; do bad "$v"; done < /tmp/structure-names.$$
rm -f /tmp/structure-names.$$

if [ "$verbose" -eq 1 ]; then
    echo "longest files:"
    wc -l "${files[@]}" | grep -v ' total$' | sort -rn | head -8 | sed 's/^/  /'
    echo "longest functions:"
    sort -rn <<< "$functions" | head -8 | sed 's/^/  /'
fi
if [ "$failed" -gt 0 ]; then
    echo "structure: $failed violation(s) of docs/architecture.md"
    exit 1
fi
echo "structure: ${#files[@]} files in ${#stages[@]} stages; includes point down the pipeline, no circle, no file over 800 lines, no function over 60, every header's functions defined beside it, every export prefixed"
