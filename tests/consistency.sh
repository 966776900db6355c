#!/usr/bin/env bash
# One figure, one code path: eval, a report template, audit, explain and
# diff must print the same target, realisation, capaian and grade for the
# same row, under every capaian rounding mode, every `round value`, with and
# without a cap and under each polarity. The figures are chosen on the ties
# where two roundings part (90.195, 100.125, 112.5, ...).
#
#   usage: consistency.sh SAKIPC
# Prints one line per plan and "N plans, M figures compared, K differ";
# exits 1 when any figure differs between two tools.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
export NO_COLOR=1
unset SAKIPC_STDLIB

# ---- data: five units, each indicator on a tie somewhere -----------------------
{
    echo "code,parent,name,level"
    for u in U1 U2 U3 U4 U5; do echo "$u,,Unit $u,eselon2"; done
} > units.csv
inds="HI HC LO LC"           # higher, higher capped, lower, lower capped
reals=(90.195 80.1 112.5 45.005 99.995)
targets=(90 80 100 45.01 100)
{
    echo "unit,indicator,year,source,value"
    i=0
    for u in U1 U2 U3 U4 U5; do
        for ind in $inds; do echo "$u,$ind,2023,pk,${targets[$i]}"; done
        i=$((i + 1))
    done
} > targets.csv
{
    echo "unit,indicator,period,value"
    i=0
    for u in U1 U2 U3 U4 U5; do
        for ind in $inds; do echo "$u,$ind,2023,${reals[$i]}"; done
        i=$((i + 1))
    done
} > realisasi.csv
"$bin" import test.db units.csv targets.csv realisasi.csv > /dev/null || { echo "consistency: import failed"; exit 1; }

fail=0 plans=0 compared=0
differ() {
    echo "  DIFFERS: $*"
    fail=$((fail + 1))
}

# fields of eval's CSV, by name: unit,indicator,...,target,...,realisation,capaian,grade
col() { head -1 "$1" | tr ',' '\n' | grep -nx "$2" | cut -d: -f1; }

# diff writes grades with their labels and leaves out a scheme whose band
# none matched ("M (mid)"); eval writes each scheme's code ("; M"): compare
# the codes
codes() { sed 's/ ([^)]*)//g; s/;/\n/g' <<< "$1" | sed 's/^ *//; /^$/d' | paste -sd' '; }

check_plan() {
    local name=$1
    local ev=$name.eval.csv rep=$name.report.csv
    "$bin" eval "$name.skp" --db test.db --year 2023 --format csv > "$ev" 2> "$name.err" ||
        { differ "$name: eval failed: $(cat "$name.err")"; return; }
    "$bin" report "$name.skp" --db test.db --year 2023 --template lkip-csv > "$rep" 2> "$name.err" ||
        { differ "$name: report failed: $(cat "$name.err")"; return; }
    local cu ci ct cr cc cg ru ri rt rr rc rg
    cu=$(col "$ev" unit) ci=$(col "$ev" indicator) ct=$(col "$ev" target) cr=$(col "$ev" realisation)
    cc=$(col "$ev" capaian) cg=$(col "$ev" grade)
    ru=$(col "$rep" unit) ri=$(col "$rep" indicator) rt=$(col "$rep" target) rr=$(col "$rep" realisation)
    rc=$(col "$rep" capaian) rg=$(col "$rep" grade)
    # eval against the template, field by field (the names here carry no commas)
    cut -d, -f"$cu,$ci,$ct,$cr,$cc" "$ev" | tail -n +2 | sort > e.fig
    cut -d, -f"$ru,$ri,$rt,$rr,$rc" "$rep" | tail -n +2 | sort > r.fig
    compared=$((compared + $(wc -l < e.fig) * 3))
    diff e.fig r.fig > /dev/null || differ "$name: eval and lkip-csv: $(diff e.fig r.fig | grep '^[<>]' | tr '\n' ' ')"
    # audit: eval's own figures as the printed report, every one must agree
    { echo "unit,indicator,year,target,realisation,capaian,grade"
      tail -n +2 "$ev" | awk -F, -v u="$cu" -v i="$ci" -v t="$ct" -v r="$cr" -v c="$cc" -v g="$cg" \
          '{ print $u "," $i ",2023," $t "," $r "," $c "," $g }'; } > printed.csv
    local out
    out=$("$bin" audit "$name.skp" --db test.db --year 2023 --printed printed.csv 2>&1)
    compared=$((compared + $(($(wc -l < printed.csv) - 1)) * 4))
    case "$out" in *", 0 disagree"*) ;; *) differ "$name: audit of eval's own figures: $out" ;; esac
    # explain: the capaian, the realisation as graded and the grades of every row
    local u ind real cap grade x shown codes
    while IFS=$'\t' read -r u ind real cap grade; do
        x=$("$bin" explain "$name.skp" --db test.db --year 2023 --unit "$u" --indicator "$ind" 2>&1)
        compared=$((compared + 3))
        [ -z "$cap" ] || grep -qx "capaian = $cap" <<< "$x" ||
            awk -v c="$cap" '$1 == "capaian" && $2 == "=" && $3 + 0 == c + 0 { ok = 1 } END { exit !ok }' <<< "$x" ||
            differ "$name: explain $u $ind: no 'capaian = $cap' in: $(grep '^capaian' <<< "$x")"
        codes=$(sed -n 's/^grade by [^:]*: \([^ ]*\).*/\1/p' <<< "$x" | sed 's/^none$//' | paste -sd';' | sed 's/;/; /g')
        [ "$codes" = "$grade" ] || differ "$name: explain $u $ind grades '$codes', eval '$grade'"
        shown=$(sed -n 's/^  the value [^ ]* .*: \([^ ]*\)$/\1/p' <<< "$x" | head -1)
        [ -z "$shown" ] || awk -v a="$shown" -v b="$real" 'BEGIN { exit !(a + 0 == b + 0) }' ||
            differ "$name: explain $u $ind grades the value $shown, eval shows $real"
    done < <(tail -n +2 "$ev" | awk -F, -v u="$cu" -v i="$ci" -v r="$cr" -v c="$cc" -v g="$cg" \
                 'BEGIN { OFS = "\t" } { print $u, $i, $r, $c, $g }')
    # diff: a change that moves nothing leaves nothing; a scenario's "after"
    # is what eval prints with the same change
    out=$("$bin" diff "$name.skp" --db test.db --year 2023 --set "HI.weight=1" --format csv 2>&1)
    [ "$(printf '%s\n' "$out" | wc -l)" -le 1 ] || differ "$name: diff of a change that moves nothing: $out"
    "$bin" eval "$name.skp" --db test.db --year 2023 --format csv --set "U1:HI.realisation=85.555" > after.csv
    "$bin" diff "$name.skp" --db test.db --year 2023 --format csv --set "U1:HI.realisation=85.555" > d.csv
    local df dt db da
    df=$(col d.csv what) db=$(col d.csv baseline) da=$(col d.csv scenario)
    [ -n "$df" ] && [ -n "$db" ] && [ -n "$da" ] || { differ "$name: diff's columns: $(head -1 d.csv)"; return; }
    local f was now
    while IFS=, read -r f was now; do
        local c
        case "$f" in realisation) c=$cr ;; capaian) c=$cc ;; grade) c=$cg ;; *) continue ;; esac
        compared=$((compared + 2))
        [ "$(codes "$was")" = "$(codes "$(awk -F, -v c="$c" -v u="$cu" -v i="$ci" '$u == "U1" && $i == "HI" { print $c }' "$ev")")" ] ||
            differ "$name: diff's baseline $f $was is not eval's"
        [ "$(codes "$now")" = "$(codes "$(awk -F, -v c="$c" -v u="$cu" -v i="$ci" '$u == "U1" && $i == "HI" { print $c }' after.csv)")" ] ||
            differ "$name: diff's scenario $f $now is not eval --set's"
    done < <(tail -n +2 d.csv | awk -F, -v f="$df" -v b="$db" -v a="$da" 'BEGIN { OFS = "," } { print $f, $b, $a }')
}

for round in "half-up 2" "half-even 2" "down 2" "up 1" "half-up 0" "none"; do
    for value in "none" "down 2" "half-up 2" "up 1" "half-even 2"; do
        plans=$((plans + 1))
        name=p$plans
        cat > "$name.skp" <<EOF
# round $round; round value $value
include "akip"
scheme V {
    H "high" >= 90.2
    M "mid"  >= 80.1 < 90.2
    L "low"  < 80.1
}
round $round
round value $value
EOF
        for u in U1 U2 U3 U4 U5; do
            cat >> "$name.skp" <<EOF
unit $u {
    indicator HI { grade capaian by AKIP; grade value by V }
    indicator HC { cap 110; grade capaian by AKIP; grade value by V }
    indicator LO { polarity lower A; grade capaian by AKIP; grade value by V }
    indicator LC { polarity lower A; cap 105; grade capaian by AKIP; grade value by V }
}
EOF
        done
        failed_before=$fail
        check_plan "$name"
        [ "$fail" -eq "$failed_before" ] && echo "ok   round $round, round value $value" ||
            echo "FAIL round $round, round value $value"
    done
done
echo "$plans plans, $compared figures compared, $fail differ"
[ "$fail" -eq 0 ]
