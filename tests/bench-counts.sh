#!/usr/bin/env bash
# The national benchmark's correctness, without its timing (ctest bench/counts):
#
#   - bench-gen writes the same bytes twice for the same arguments, other
#     bytes for another seed, and files of the expected shape: headers, row
#     counts for the size, the indicators' polarity, aggregate and weight as
#     examples/national/plan.skp states them;
#   - sakipc, importing and evaluating the data exactly as scripts/bench
#     does, gives the band counts of the SQL baseline (bench/load.sql and
#     bench/baseline.sql in the sqlite3 shell), band for band;
#   - bench-scan reads the same rows from sakipc's store as from the shell's;
#   - bench-measure reports a command that succeeds and fails on one that
#     does not.
#
#   usage: bench-counts.sh SAKIPC BENCH-GEN BENCH-SCAN BENCH-MEASURE SOURCE-DIR WORK-DIR
#
# WORK-DIR is emptied and reused. The size is small (3 regional governments
# of 4 OPD: 7,200 quarters), the seconds few.
set -euo pipefail
if [ $# -ne 6 ]; then
    echo "usage: $0 SAKIPC BENCH-GEN BENCH-SCAN BENCH-MEASURE SOURCE-DIR WORK-DIR" >&2
    exit 2
fi
sakipc=$1 gen=$2 scan=$3 measure=$4 top=$5 work=$6
command -v sqlite3 > /dev/null || { echo "$0: needs the sqlite3 shell (scripts/deps installs it)" >&2; exit 2; }
pemda=3 opd=4 years=6
rm -rf "$work"
mkdir -p "$work"
cd "$work"

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

# ---- bench-gen: deterministic, and the shape it promises
"$gen" a --pemda $pemda --opd $opd > /dev/null
"$gen" b --pemda $pemda --opd $opd > /dev/null
"$gen" c --pemda $pemda --opd $opd --seed 7 > /dev/null
for f in units indicators targets realisasi; do
    if cmp -s "a/$f.csv" "b/$f.csv"; then ok "$f.csv: the same bytes twice"; else fail "$f.csv differs between two runs"; fi
done
if cmp -s a/realisasi.csv c/realisasi.csv; then fail "--seed 7 gives the same realisasi.csv"; else ok "another seed, other data"; fi

# check_file FILE HEADER MIN MAX: its header, and between MIN and MAX data rows
check_file() {
    local header rows
    header=$(head -1 "a/$1")
    rows=$(($(wc -l < "a/$1") - 1))
    [ "$header" = "$2" ] || { fail "$1: header '$header', expected '$2'"; return; }
    if [ "$rows" -ge "$3" ] && [ "$rows" -le "$4" ]; then ok "$1: $rows rows"; else fail "$1: $rows rows, expected $3..$4"; fi
}
leaves=$((pemda * opd))
quarters=$((leaves * 25 * years * 4))
check_file units.csv "code,parent,name" $((pemda * (opd + 1))) $((pemda * (opd + 1)))
check_file indicators.csv "code,name,unit,polarity,aggregate,weight" 25 25
check_file targets.csv "unit,indicator,year,value" $((leaves * 25 * years)) $((leaves * 25 * years))
# about 1% of the quarters missing: 72 of 7,200 expected, far fewer than 3%
check_file realisasi.csv "unit,indicator,period,value" $((quarters * 97 / 100)) $((quarters - 1))

# every value D.DD, every period YYYY-Qn, units as P001.01
bad=$(awk -F, 'NR > 1 && ($4 !~ /^[0-9]+\.[0-9][0-9]$/ || $3 !~ /^20[0-9][0-9]-Q[1-4]$/ || $1 !~ /^P[0-9][0-9][0-9]\.[0-9][0-9]$/)' a/realisasi.csv | head -3)
[ -z "$bad" ] && ok "realisasi.csv: values D.DD, periods YYYY-Qn" || fail "realisasi.csv rows not of the form: $bad"

# the catalogue against the plan's indicator lines: code polarity aggregate weight
awk '/^indicator I[0-9][0-9] / {
        pol = $0; sub(/.*polarity /, "", pol); sub(/[ ;].*/, "", pol)
        agg = $0; sub(/.*aggregate /, "", agg); sub(/;.*/, "", agg); if (agg == "average") agg = "avg"
        w = $0; sub(/.*weight /, "", w); sub(/;.*/, "", w)
        print $2, pol, agg, w
     }' "$top/examples/national/plan.skp" > plan-indicators.txt
awk -F, 'NR > 1 { print $1, $4, $5, $6 }' a/indicators.csv > gen-indicators.txt
if [ "$(wc -l < plan-indicators.txt)" -eq 25 ] && cmp -s plan-indicators.txt gen-indicators.txt; then
    ok "indicators.csv: polarity, aggregate and weight as in examples/national/plan.skp"
else
    fail "indicators.csv disagrees with examples/national/plan.skp:"
    diff plan-indicators.txt gen-indicators.txt >&2 || true
fi

# ---- sakipc against the SQL baseline, as scripts/bench runs them
data=$work/a
"$sakipc" import nat.db "$data/units.csv" "$data/realisasi.csv" > /dev/null
"$sakipc" import nat.db --source pk "$data/targets.csv" > /dev/null
"$sakipc" eval "$top/examples/national/plan.skp" --db nat.db --year 2021..2026 --report grades --format csv > grades.csv
sed "s#DATA/#$data/#g" "$top/bench/load.sql" | sqlite3 baseline.db > /dev/null
sqlite3 baseline.db < "$top/bench/baseline.sql" > baseline.txt
if awk -f "$top/bench/compare-counts.awk" grades.csv baseline.txt; then
    ok "band counts: sakipc's are the SQL baseline's"
else
    fail "band counts: sakipc's differ from the SQL baseline's (above)"
fi
graded=$(awk -F'|' 'NR <= 5 { n += $2 } END { print n + 0 }' baseline.txt)
[ "$graded" -eq $((leaves * 25 * years)) ] && ok "every (unit, indicator, year) graded once" \
    || fail "the baseline graded $graded rows, expected $((leaves * 25 * years))"

# ---- bench-scan: the same rows in both stores
ours=$("$scan" nat.db)
theirs=$("$scan" baseline.db)
if [ "$ours" = "$theirs" ] && [[ "$ours" == "rows $(($(wc -l < "$data/realisasi.csv") - 1)) "* ]]; then
    ok "bench-scan: $ours, in both stores"
else
    fail "bench-scan: sakipc's store '$ours', the shell's '$theirs'"
fi

# ---- bench-measure
line=$("$measure" --runs 2 "a step" "true")
[[ "$line" =~ ^a\ step$'\t'[0-9]+\.[0-9]+$'\t'[0-9]+$ ]] && ok "bench-measure: '$line'" || fail "bench-measure printed '$line'"
if "$measure" "a failing step" "exit 3" > out.txt 2> err.txt; then
    fail "bench-measure: a command exiting 3 was measured"
elif grep -q "a failing step" err.txt && [ ! -s out.txt ]; then
    ok "bench-measure: a failing command is an error naming it"
else
    fail "bench-measure: the failure was reported as: $(cat err.txt out.txt)"
fi

if [ $failures -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "all checks passed"
