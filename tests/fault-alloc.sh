#!/usr/bin/env bash
# Fault injection over allocation failures (SAKIPC_FAIL_ALLOC, see
# src/base/mem.h): runs `sakipc check` and `sakipc eval` on a plan with its Nth
# allocation made to fail, for N = 1, 2, ... until a run no longer reaches
# allocation N. Every run must end either as the run without injection did
# (the same stdout and exit status) or with a clean out-of-memory error: exit 5,
# "out of memory" on stderr, and on stdout at most a beginning of the clean
# output. Never a crash, an abort, a hang or a different answer.
#
#   usage: fault-alloc.sh SAKIPC PLAN-DIR
#
# PLAN-DIR is loaded (without injection) into a scratch database from its
# CSV files; plan.skp is checked and evaluated. `import` (not among the
# default commands) loads realisasi.csv and the plan's record tables into a
# copy of the database that lacks them: a run that fails must leave the
# database as it was before the file it failed in (one transaction per
# file), compared by `sqlite3 DB .dump`. `eval-csv` is eval with
# --format csv, whose rows are printed as they are made. Settings, from the
# environment:
#   FAULT_MODE=once|after   once (default): only allocation N fails;
#                           after: N and every later one fail (N+)
#   FAULT_STEP=K            try every Kth N (default 1)
#   FAULT_MAX=M             stop after N = M (default: no limit)
#   FAULT_VALGRIND=1        run each try under valgrind: a definite leak or a
#                           memory error fails it (slow: use a FAULT_STEP)
#   FAULT_TIMEOUT=S         seconds one try may take (default 20; 120 under valgrind)
#   FAULT_COMMANDS="check eval"   which commands to try (also: import, eval-csv,
#                           report (json), and with FAULT_UNIT and FAULT_INDICATOR
#                           explain, diff (its target set to 86), need (grade A);
#                           audit (printed-lkip.csv of balangan-2023: exits 1));
#                           the plan's tools: margin, lint (check --lint with
#                           the data), fmt, test (the plan's tests/ folder))
#   FAULT_EVAL_ARGS="..."   more arguments for eval (--year 2023 --hook h.lua)
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
mode=${FAULT_MODE:-once}
step=${FAULT_STEP:-1}
max=${FAULT_MAX:-0}
commands=${FAULT_COMMANDS:-check eval}
suffix=; [ "$mode" = after ] && suffix=+
wrap=()
timeout_s=${FAULT_TIMEOUT:-20}
if [ -n "${FAULT_VALGRIND:-}" ]; then
    wrap=(valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9)
    timeout_s=${FAULT_TIMEOUT:-120}
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -R "$src"/. "$tmp"/
cd "$tmp"
rm -f ./*.db
db=$(sed -n 's/^database "\(.*\)".*/\1/p' plan.skp | head -1)
db=${db:-data.db}
base=() later=()
for t in units indicators targets period_targets budget; do [ -f "$t.csv" ] && base+=("$t.csv"); done
[ -f realisasi.csv ] && later+=(realisasi.csv)
for f in *.csv; do
    grep -q "^record ${f%.csv} " ./*.skp && later+=("$f")
done
if ! "$bin" import base.db --plan plan.skp "${base[@]}" > import.log 2>&1 ||
   ! cp base.db "$db" || ! "$bin" import "$db" --plan plan.skp "${later[@]}" >> import.log 2>&1; then
    cat import.log
    echo "FAIL: could not import $src"
    exit 1
fi
# the store after each file of the import that is tried, for `import`
states=()
if [[ " $commands " == *" import "* ]]; then
    cp base.db state.db
    sqlite3 state.db .dump > state0.sql
    states+=(state0.sql)
    for f in "${later[@]}"; do
        "$bin" import state.db --plan plan.skp "$f" > /dev/null 2>&1
        sqlite3 state.db .dump > "state${#states[@]}.sql"
        states+=("state${#states[@]}.sql")
    done
fi
# the store a try left, against the states it may be in: $1 exit status
check_store() {
    [ -f try.db ] || return 0
    # the commonest case, quickly: untouched
    [ "$1" -ne 0 ] && [ ! -e try.db-journal ] && cmp -s try.db base.db && return
    sqlite3 try.db .dump > try.sql 2> try.err || { fail "$what: the database cannot be read afterwards: $(cat try.err)"; return; }
    if [ "$1" -eq 0 ]; then
        cmp -s try.sql "${states[-1]}" || fail "$what: exit 0, but the database is not as a clean import leaves it"
        return
    fi
    for st in "${states[@]}"; do cmp -s try.sql "$st" && return; done
    fail "$what: the database is left half-loaded (not as before or after any one file)"
}

failures=0
fail() {
    failures=$((failures + 1))
    echo "FAIL: $*"
    [ -s err ] && sed 's/^/    | /' err | head -20
}

extra=${FAULT_EVAL_ARGS:-}
declare -A argv=([check]="check plan.skp" [eval]="eval plan.skp --db $db $extra"
                 [eval-csv]="eval plan.skp --db $db --format csv $extra"
                 [import]="import try.db --plan plan.skp ${later[*]}"
                 [explain]="explain plan.skp --db $db --unit ${FAULT_UNIT:-SETWAN} --indicator ${FAULT_INDICATOR:-IKM} $extra"
                 [report]="report plan.skp --db $db --template json $extra"
                 [diff]="diff plan.skp --db $db --set ${FAULT_UNIT:-SETWAN}:${FAULT_INDICATOR:-IKM}.target=86 $extra"
                 [audit]="audit plan.skp --db $db --printed printed-lkip.csv $extra"
                 [need]="need plan.skp --db $db --unit ${FAULT_UNIT:-SETWAN} --indicator ${FAULT_INDICATOR:-IKM} --grade A $extra"
                 [margin]="margin plan.skp --db $db $extra"
                 [lint]="check --lint plan.skp --db $db"
                 [fmt]="fmt plan.skp"
                 [test]="test plan.skp")
for cmd in $commands; do
    # shellcheck disable=SC2206
    args=(${argv[$cmd]})
    [ "$cmd" = import ] && cp base.db try.db
    "$bin" "${args[@]}" > clean.out 2> clean.err
    clean_rc=$?
    # audit exits 1 when the printed figures disagree with the data, as
    # printed-lkip.csv does: its clean status is 1
    if [ "$clean_rc" -ne 0 ] && ! { [ "$cmd" = audit ] && [ "$clean_rc" -eq 1 ]; }; then
        cat clean.err
        echo "FAIL: sakipc ${args[*]} fails without injection (exit $clean_rc)"
        exit 1
    fi
    n=1 tries=0 ooms=0 same=0
    while :; do
        rm -f try.db try.db-journal
        [ "$cmd" = import ] && cp base.db try.db
        SAKIPC_FAIL_ALLOC=$n$suffix timeout -s KILL "$timeout_s" "${wrap[@]}" "$bin" "${args[@]}" > out 2> err
        rc=$?
        tries=$((tries + 1))
        what="SAKIPC_FAIL_ALLOC=$n$suffix sakipc ${args[*]}"
        reached=1
        grep -q "SAKIPC_FAIL_ALLOC=.*: not reached" err && reached=0
        outcome=$rc
        [ "$rc" -eq "$clean_rc" ] && outcome=clean
        case $outcome in
            clean)
                if ! cmp -s out clean.out; then
                    fail "$what: exit $rc (as the clean run) with other output"
                    diff clean.out out | head -10 | sed 's/^/    /'
                else
                    same=$((same + 1))
                fi ;;
            5)
                ooms=$((ooms + 1))
                grep -q "out of memory" err || fail "$what: exit 5 without 'out of memory'"
                head -c "$(stat -c %s out)" clean.out | cmp -s - out ||
                    fail "$what: exit 5 after output that is not the clean output's beginning"
                ;;
            9) fail "$what: valgrind found a definite leak or a memory error" ;;
            137) fail "$what: killed after ${timeout_s}s (a hang?)" ;;
            *) fail "$what: exit $rc (a crash or abort?)" ;;
        esac
        [ "$cmd" = import ] && check_store "$rc"
        [ "$reached" = 0 ] && break
        [ "$failures" -ge 10 ] && break
        n=$((n + step))
        [ "$max" -gt 0 ] && [ "$n" -gt "$max" ] && break
    done
    echo "sakipc ${args[*]}: $tries tries (mode $mode, step $step, last N $n): $ooms out of memory, $same recovered with the same output"
    [ "$failures" -ge 10 ] && { echo "stopping after 10 failures"; break; }
done
[ "$failures" -eq 0 ] || { echo "FAIL: $failures"; exit 1; }
echo "ok"
