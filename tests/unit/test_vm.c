/* test_vm.c: the compiler (src/engine/compile.c) and the formula machine
 * (src/engine/vm.c) together. A small plan is written to a scratch
 * directory, loaded and checked with check_load, compiled with compile_plan,
 * and each indicator's realisation program is run by vm_run against a fake
 * host whose figures are chosen here (below). Every expected number is
 * worked out by hand from docs/language.md (section 7) and the figures of
 * the fake host. */
#include "check.h"
#include "check/plan.h"
#include "check/check.h"
#include "engine/compile.h"
#include "engine/vm.h"

#include <stdlib.h>
#include <unistd.h>

/* One indicator per formula tested, all in unit U. A, B, C, D and E are
 * read from the fake host; the rest compute. The generated indicators
 * FITS and TOOBIG are added after these lines (load_plan). */
static const char PLAN[] =
    "year 2023\n"
    "renstra 2021 .. 2026\n"
    "const K = 10\n"
    "const HALF = K / 20\n"
    "const NEXT = year + 1\n"
    "const GONE = undefined\n"
    "rules \"Lama\" until 2021 { const W = 25 }\n"
    "rules \"Baru\" from 2022 { const W = 30 }\n"
    "rules \"Sela\" from 2010 until 2015 { const V = 1 }\n"
    "record T { k text; x number }\n"
    "unit U {\n"
    "    indicator A { }\n"
    "    indicator B { }\n"
    "    indicator C { }\n"
    "    indicator D { }\n"
    "    indicator E { target none }\n"
    "    # arithmetic and precedence\n"
    "    indicator ARITH { realisation = 1 + 2 * 3 ^ 2 - -4 }\n"
    "    indicator PAREN { realisation = (1 + 2) * 3 }\n"
    "    indicator POWR { realisation = 2 ^ 3 ^ 2 }\n"
    "    indicator NEGPOW { realisation = -2 ^ 2 }\n"
    "    indicator SUBL { realisation = 10 - 4 - 3 }\n"
    "    indicator DIVL { realisation = 7 / 2 / 2 }\n"
    "    indicator MIXED { realisation = A * 2 + C / 4 }\n"
    "    indicator ROOT { realisation = 4 ^ 0.5 + 2 ^ -2 + 0 ^ 0 }\n"
    "    indicator UNEG { realisation = -A }\n"
    "    # what is not a finite number\n"
    "    indicator DIV0 { realisation = A / (K - 10) }\n"
    "    indicator ZDZ { realisation = 0 / 0 }\n"
    "    indicator INF { realisation = 0 ^ -1 }\n"
    "    indicator BIG { realisation = 10 ^ 308 * 10 }\n"
    "    indicator NAN { realisation = (0 - 8) ^ 0.5 }\n"
    "    indicator DIVNA { realisation = B / 0 }\n"
    "    # comparisons and logic\n"
    "    indicator CMP { realisation = if 1 < 2 and 2 <= 2 and 3 > 2 and 3 >= 3 and 1 != 2 and 2 = 2 and not (1 = 2) then 1 else 0 }\n"
    "    indicator CMPF { realisation = if 2 < 1 or 3 <= 2 or 2 > 3 or 2 >= 3 or 1 != 1 or 1 = 2 then 1 else 0 }\n"
    "    indicator CMPB { realisation = if (1 < 2) = true and (1 > 2) != true then 1 else 0 }\n"
    "    indicator STR { realisation = if \"abc\" < \"abd\" and \"x\" = \"x\" and \"a\" != \"b\" then 1 else 0 }\n"
    "    indicator CMPNA { realisation = if B > 0 then 1 else 0 }\n"
    "    indicator AND1 { realisation = if false and B > 0 then 1 else 2 }\n"
    "    indicator AND2 { realisation = if B > 0 and false then 1 else 2 }\n"
    "    indicator AND3 { realisation = if true and B > 0 then 1 else 2 }\n"
    "    indicator OR1 { realisation = if true or B > 0 then 1 else 2 }\n"
    "    indicator OR2 { realisation = if B > 0 or true then 1 else 2 }\n"
    "    indicator OR3 { realisation = if false or B > 0 then 1 else 2 }\n"
    "    indicator NOTNA { realisation = if not (B > 0) then 1 else 2 }\n"
    "    indicator BOTH { realisation = if B > 0 or D > 0 then 1 else 2 }\n"
    "    indicator BOTH2 { realisation = if D > 0 and B > 0 then 1 else 2 }\n"
    "    # if-then-else and in\n"
    "    indicator IFT { realisation = if A > 5 then 1 else 1 / 0 }\n"
    "    indicator LAZY { realisation = if A > 100 then B else 7 }\n"
    "    indicator NESTIF { realisation = if A < 5 then 1 else if A < 10 then 2 else 3 }\n"
    "    indicator INS { realisation = if A in (1, 8, 9) then 1 else 0 }\n"
    "    indicator INNO { realisation = if A in (1, 2) then 1 else 0 }\n"
    "    indicator INNA { realisation = if B in (1, 2) then 1 else 0 }\n"
    "    indicator INSKIP { realisation = if A in (B, 8) then 1 else 0 }\n"
    "    indicator INSTR { realisation = if \"b\" in (\"a\", \"b\") then 1 else 0 }\n"
    "    # constants, rule sets by year, the year\n"
    "    indicator CK { realisation = K * HALF }\n"
    "    indicator CW { realisation = W }\n"
    "    indicator CV { realisation = V }\n"
    "    indicator CNEXT { realisation = NEXT }\n"
    "    indicator CGONE { realisation = GONE + 1 }\n"
    "    indicator YEAR { realisation = year * 2 }\n"
    "    indicator UNDEF { realisation = undefined }\n"
    "    # built-in functions\n"
    "    indicator FMIN { realisation = min(3, 1, 2) * 100 + max(3, 1, 2) * 10 + min(A) }\n"
    "    indicator FMINA { realisation = min(A, 5) }\n"
    "    indicator FMAXNA { realisation = max(B, 1) }\n"
    "    indicator FABS { realisation = abs(-2.5) + abs(A - 10) }\n"
    "    indicator FR1 { realisation = round(2.345, 2) }\n"
    "    indicator FR2 { realisation = round(2.5) - round(-2.5) }\n"
    "    indicator FR3 { realisation = round(88.305, 2) }\n"
    "    indicator FR4 { realisation = round(A / 3, 1) }\n"
    "    indicator FR5 { realisation = round(1.5, 10) }\n"
    "    indicator FLOOR { realisation = floor(-1.5) * 10 + floor(2.7) }\n"
    "    indicator CEIL { realisation = ceil(-1.5) * 10 + ceil(2.1) }\n"
    "    indicator SQ1 { realisation = sqrt(16) }\n"
    "    indicator SQ2 { realisation = sqrt(2) }\n"
    "    indicator SQ3 { realisation = sqrt(-1) }\n"
    "    indicator AV1 { realisation = if available(B) then 1 else 0 }\n"
    "    indicator AV2 { realisation = if available(A) and available(\"x\") then 1 else 0 }\n"
    "    indicator CO1 { realisation = coalesce(B, A) }\n"
    "    indicator CO2 { realisation = coalesce(B, 5) }\n"
    "    indicator CO3 { realisation = coalesce(B, D) }\n"
    "    indicator CO4 { realisation = coalesce(A, B) }\n"
    "    indicator PCT1 { realisation = as_percent(0.25) }\n"
    "    indicator PCT2 { realisation = as_fraction(25) }\n"
    "    indicator WS { realisation = weighted_sum(A, C) }\n"
    "    indicator WM { realisation = weighted_mean(A, C) }\n"
    "    indicator WMZ { realisation = weighted_mean(E) }\n"
    "    indicator WSNA { realisation = weighted_sum(A, B) }\n"
    "    # other figures, through the host\n"
    "    indicator RPREV { realisation = realisation(A, year - 1) }\n"
    "    indicator TOWN { realisation = target(A) }\n"
    "    indicator TREN { realisation = target(A, 2026, \"renstra\") }\n"
    "    indicator TEND { realisation = target(A, 2026, \"end\") }\n"
    "    indicator CAPA { realisation = capaian(A) }\n"
    "    indicator CAPP { realisation = capaian(A, 2022) }\n"
    "    indicator DATA { realisation = data(A) }\n"
    "    indicator LATE { realisation = latest(A) }\n"
    "    indicator TODATE { realisation = to_date(A) }\n"
    "    indicator TNONE { realisation = target(E) }\n"
    "    indicator RYNA { realisation = realisation(A, B) }\n"
    "    indicator BARE { realisation = A + C }\n"
    "    indicator MISS { realisation = A + B * 2 }\n"
    "    indicator MISS2 { realisation = D + B }\n"
    "    indicator NEGNA { realisation = -B }\n"
    "    # capaian formulas, ranges\n"
    "    indicator CAPF { capaian = if R >= T then 100 else R / T * 100; zero target = if R = 0 then 100 else 0 }\n"
    "    indicator RNG { polarity range; target = 90 .. 110 }\n"
    "    # aggregates the host computes\n"
    "    indicator RSUM { realisation = sum(T.x where k = \"a\" and x > 1) }\n"
    "    indicator RCNT { realisation = count(T) * 2 }\n"
    "    indicator UAGG { realisation = sum(A over children) + 1 }\n"
    "\n";

/* ---- the fake host ---------------------------------------------------------
 *
 *   realisation  A: 8 in 2023, 6 in 2022, else no data; B: no data (any year);
 *                C: 5; D: undefined; E: 3
 *   target       A: 10 (its own rules), 12 ("renstra"), 15 ("end", -1);
 *                E: no target
 *   capaian 80, data 7, latest 9, to_date 30 (all of A);
 *   weights A 2, B 1, C 3, E 0
 *
 *   record aggregates: 42 (sum), 3 (count); sum(A over children): 17;
 *   columns of the row a filter looks at: k and x, as set in the test
 *
 * Anything else is a figure the formulas should never ask for: it is
 * counted in `unexpected` and comes back missing. */
typedef struct {
    VmHost h;            /* first: the callbacks get &h and cast it back */
    const Plan *plan;
    Arena scratch;
    int real_calls[5];   /* realisation() calls, by the letter A..E */
    int last_year, last_source;
    int unexpected;
    int traces;          /* values told to trace() */
    double half_traced;  /* the value traced for the constant HALF */
    int col_k, col_x;    /* flat columns of T */
    Value k, x;          /* their values in the row a filter looks at */
} Fake;

static Fake fake;

static const char *code_name(VmHost *h, int code) { return ((Fake *)h)->plan->codes[code]; }

static Value unexpected(VmHost *h, const char *what)
{
    Fake *f = (Fake *)h;
    f->unexpected++;
    return value_na(NA_UNDEFINED, arena_printf(&f->scratch, "unexpected %s", what));
}

static Value fake_realisation(VmHost *h, int code, int year)
{
    Fake *f = (Fake *)h;
    const char *c = code_name(h, code);
    f->last_year = year;
    if (c[1] == '\0' && c[0] >= 'A' && c[0] <= 'E') f->real_calls[c[0] - 'A']++;
    if (strcmp(c, "A") == 0 && (year == 2023 || year == 2022)) return value_num(year == 2023 ? 8 : 6);
    if (strcmp(c, "A") == 0 || strcmp(c, "B") == 0)
        return value_na(NA_NODATA, arena_printf(&f->scratch, "no realisation of %s for %d", c, year));
    if (strcmp(c, "C") == 0) return value_num(5);
    if (strcmp(c, "D") == 0) return value_na(NA_UNDEFINED, "D mixes periods of different lengths");
    if (strcmp(c, "E") == 0) return value_num(3);
    return unexpected(h, "realisation");
}

static Value fake_target(VmHost *h, int code, int year, int source)
{
    Fake *f = (Fake *)h;
    const char *c = code_name(h, code);
    f->last_year = year;
    f->last_source = source;
    if (strcmp(c, "E") == 0) return value_na(NA_NOTARGET, "E has no target ('target none')");
    if (strcmp(c, "A") != 0) return unexpected(h, "target");
    if (source == -2) return value_num(10);
    if (source == -1) return value_num(15);
    if (source == compile_source_id(h->cp, "renstra")) return value_num(12);
    return unexpected(h, "target source");
}

/* capaian, data, latest and to_date of A: one figure each */
static Value a_figure(VmHost *h, int code, int year, double x)
{
    ((Fake *)h)->last_year = year;
    return strcmp(code_name(h, code), "A") == 0 ? value_num(x) : unexpected(h, "figure");
}
static Value fake_capaian(VmHost *h, int code, int year) { return a_figure(h, code, year, 80); }
static Value fake_data(VmHost *h, int code, int year) { return a_figure(h, code, year, 7); }
static Value fake_latest(VmHost *h, int code, int year) { return a_figure(h, code, year, 9); }
static Value fake_to_date(VmHost *h, int code, int year) { return a_figure(h, code, year, 30); }

static Value fake_weight(VmHost *h, int code)
{
    const char *c = code_name(h, code);
    return strcmp(c, "A") == 0 ? value_num(2) : strcmp(c, "B") == 0 ? value_num(1)
         : strcmp(c, "C") == 0 ? value_num(3) : strcmp(c, "E") == 0 ? value_num(0) : unexpected(h, "weight");
}

static void fake_trace(VmHost *h, const Expr *at, Value v)
{
    Fake *f = (Fake *)h;
    f->traces++;
    if (at && at->kind == E_NAME && at->text && strcmp(at->text, "HALF") == 0) f->half_traced = v.num;
}

static Value fake_record_agg(VmHost *h, int agg)
{
    const RecordAgg *a = &((Fake *)h)->plan->raggs[agg];
    return a->fn == RAGG_SUM ? value_num(42) : a->fn == RAGG_COUNT ? value_num(3) : unexpected(h, "record aggregate");
}

static Value fake_unit_agg(VmHost *h, int agg)
{
    const UnitAgg *a = &((Fake *)h)->plan->uaggs[agg];
    return a->fn == RAGG_SUM && strcmp(code_name(h, a->code), "A") == 0 ? value_num(17) : unexpected(h, "roll-up");
}

static Value fake_column(VmHost *h, int col)
{
    Fake *f = (Fake *)h;
    return col == f->col_k ? f->k : col == f->col_x ? f->x : unexpected(h, "column");
}

/* Lua and groups: not in this plan. */
static Value no_agg(VmHost *h, int i) { return unexpected(h, "aggregate"); }
static Value no_lua(VmHost *h, int func, const Value *args, int n) { return unexpected(h, "Lua call"); }

static void fake_init(const CompiledPlan *cp)
{
    memset(&fake, 0, sizeof fake);
    fake.plan = cp->plan;
    fake.h.realisation = fake_realisation;
    fake.h.target = fake_target;
    fake.h.data = fake_data;
    fake.h.latest = fake_latest;
    fake.h.capaian = fake_capaian;
    fake.h.weight = fake_weight;
    fake.h.to_date = fake_to_date;
    fake.h.unit_agg = fake_unit_agg;
    fake.h.lua_call = no_lua;
    fake.h.record_agg = fake_record_agg;
    fake.h.column = fake_column;
    fake.h.group_agg = no_agg;
    fake.h.scratch = &fake.scratch;
    fake.h.cp = cp;
    fake.h.year = 2023;
}

/* ---- the plan, compiled ------------------------------------------------------ */

static CompiledPlan *cp;

/* An indicator whose realisation is max(1, 2, ..., n): n values on the stack. */
static void put_max(FILE *f, const char *code, int n)
{
    fprintf(f, "    indicator %s { realisation = max(", code);
    for (int i = 1; i <= n; i++) fprintf(f, "%s%d", i > 1 ? ", " : "", i);
    fprintf(f, ") }\n");
}

/* Writes the plan into a fresh directory and loads it; the file and the
 * directory are removed at once (a loaded plan keeps its text). NULL, with
 * the messages printed, if it does not load. */
static Plan *load_plan(void)
{
    const char *tmp = getenv("TMPDIR");
    char dir[512], path[600];
    snprintf(dir, sizeof dir, "%s/sakipc-test-vm-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        exit(2);
    }
    snprintf(path, sizeof path, "%s/plan.skp", dir);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(2);
    }
    fputs(PLAN, f);
    put_max(f, "FITS", VM_MAX_STACK - 1);
    put_max(f, "TOOBIG", 300);
    fputs("}\n", f);
    fclose(f);
    char *msg = NULL;
    size_t len = 0;
    Diag d;
    diag_init(&d, open_memstream(&msg, &len));
    Plan *p = check_load(path, &d);
    fclose(d.out);
    CHECK(p != NULL);
    CHECK_INT(d.errors, 0);
    CHECK_STR(msg, "");
    if (!p) printf("%s", msg);
    free(msg);
    CHECK_INT(unlink(path), 0);
    CHECK_INT(rmdir(dir), 0);
    return p;
}

static const CompiledInd *ind(const char *code)
{
    for (int i = 0; i < cp->ninds; i++)
        if (strcmp(cp->inds[i].ind->code, code) == 0) return &cp->inds[i];
    printf("no indicator %s in the plan\n", code);
    return NULL;
}

/* Runs a program for a year (missing "no program" when there is none). */
static Value run_program(const Program *p, int year)
{
    if (!p) return value_na(NA_UNDEFINED, "no program");
    fake.h.year = year;
    Value v = vm_run(p, &fake.h);
    fake.h.year = 2023;
    return v;
}

/* The realisation of indicator `code` in `year`, by its program. */
static Value real_in(const char *code, int year)
{
    const CompiledInd *ci = ind(code);
    return run_program(ci ? ci->realisation : NULL, year);
}
#define real(code) real_in((code), 2023)

/* v is the number `expected`. */
#define CHECK_NUM(v, expected) do { \
    Value n_ = (v); \
    CHECK_INT(n_.kind, V_NUM); \
    CHECK_EQ_DBL(n_.num, (expected)); \
} while (0)

/* v is missing, of kind `na`, with the reason `why`. */
#define CHECK_MISSING(v, na_kind, why) do { \
    Value m_ = (v); \
    CHECK_INT(m_.kind, V_NA); \
    CHECK_INT(m_.na, (na_kind)); \
    CHECK_STR(m_.kind == V_NA ? m_.text : NULL, (why)); \
} while (0)

#define NO_DATA_B "no realisation of B for 2023"
#define UNDEF_D "D mixes periods of different lengths"

/* ---- what the compiler makes --------------------------------------------------- */

/* The stack effect of one instruction, as vm.c applies it. */
static int effect(const Instr *in)
{
    switch ((OpCode)in->op) {
    case OP_REAL: case OP_DATA: case OP_CAPAIAN: return 1 - (in->b & 1);
    case OP_TARGET: return 1 - (in->b & 1) - ((in->b >> 1) & 1);
    case OP_MARK: case OP_NEG: case OP_NOT: case OP_IF_NA: case OP_JUMP: case OP_RET: return 0;
    case OP_LUA: case OP_CALL: return 1 - in->b;
    case OP_IN: return -in->b;
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV: case OP_POW:
    case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE:
    case OP_AND: case OP_OR: case OP_JUMP_FALSE: return -1;
    default: return 1;   /* the pushes */
    }
}

/* Follows every path of p from pc at stack depth `depth` (jumps go forward
 * only) and returns the deepest stack met; -1 if a path jumps backward or
 * out of the program, pops more than was pushed, falls off the end, or
 * reaches OP_RET without exactly one value. */
static int deepest(const Program *p, int pc, int depth)
{
    int max = depth;
    for (; pc < p->ncode; pc++) {
        const Instr *in = &p->code[pc];
        if (in->op == OP_RET) return depth == 1 ? max : -1;
        depth += effect(in);
        if (depth < 0) return -1;
        if (depth > max) max = depth;
        if (in->op == OP_IF_NA || in->op == OP_JUMP_FALSE || in->op == OP_JUMP) {
            if (in->a <= pc || in->a >= p->ncode) return -1;
            int branch = deepest(p, in->a, depth);
            if (branch < 0) return -1;
            if (branch > max) max = branch;
            if (in->op == OP_JUMP) return max;
        }
    }
    return -1;
}

/* 1 + 2 * 3 ^ 2 - -4, operands first: 1 2 3 2 ^ * + 4 neg -, at most 4 deep. */
static void test_compiled_arith(void)
{
    static const OpCode want[] = { OP_NUM, OP_NUM, OP_NUM, OP_NUM, OP_POW, OP_MUL, OP_ADD,
                                   OP_NUM, OP_NEG, OP_SUB, OP_RET };
    static const double nums[] = { 1, 2, 3, 2, 4 };
    const Program *p = ind("ARITH")->realisation;
    CHECK_INT(p->ncode, 11);
    for (int i = 0; i < 11 && i < p->ncode; i++) CHECK_INT(p->code[i].op, want[i]);
    for (int i = 0; i < 5; i++) CHECK_EQ_DBL(p->nums[p->code[i < 4 ? i : 7].a], nums[i]);
    CHECK_INT(deepest(p, 0, 0), 4);
    CHECK_INT(p->max_stack, 5);                    /* the deepest point and one more */
    CHECK(p->src == ind("ARITH")->ind->realisation);
    CHECK_NUM(real("ARITH"), 23);                  /* 1 + 18 + 4 */
    /* a constant by year: is the year in 2010 .. 2010 + 5, then its value, else no rule */
    p = ind("CV")->realisation;
    CHECK_INT(p->ncode, 7);
    CHECK_INT(p->code[0].op, OP_YEAR_IN);
    CHECK_INT(p->code[0].a, 2010);
    CHECK_INT(p->code[0].b, 5);
    CHECK_INT(p->code[1].op, OP_JUMP_FALSE);
    CHECK_INT(p->code[1].a, 4);
    CHECK_INT(p->code[4].op, OP_NO_RULE);
    CHECK_INT(p->code[5].op, OP_MARK);
    /* an indicator read from data has no program */
    CHECK(ind("A")->realisation == NULL && ind("A")->target == NULL && ind("A")->capaian == NULL);
}

/* Every program of the plan: each path keeps the stack within max_stack
 * and ends with one value, so vm_run's fixed stack is enough. */
static void test_compiled_stacks(void)
{
    int programs = 0, bad = 0;
    for (int i = 0; i < cp->ninds; i++) {
        const CompiledInd *ci = &cp->inds[i];
        const Program *ps[] = { ci->realisation, ci->target, ci->target_hi, ci->capaian,
                                ci->zero_target, ci->zero_realisation };
        for (int k = 0; k < 6; k++) {
            if (!ps[k]) continue;
            programs++;
            int d = deepest(ps[k], 0, 0);
            if (d < 1 || d > ps[k]->max_stack) {
                bad++;
                printf("%s: program %d: deepest %d, max_stack %d\n", ci->ind->code, k, d, ps[k]->max_stack);
            }
        }
    }
    /* A..E, CAPF and RNG have no realisation program; RNG has a target and
     * an upper bound, CAPF a capaian and a zero-target rule */
    CHECK_INT(programs, cp->ninds - 7 + 4);
    CHECK_INT(bad, 0);
    /* 255 values fit the machine's stack; 300 do not, and the formula is
     * undefined although the plan checks clean */
    CHECK_INT(ind("FITS")->realisation->max_stack, VM_MAX_STACK);
    CHECK_NUM(real("FITS"), 255);
    CHECK_INT(ind("TOOBIG")->realisation->max_stack, 301);
    CHECK_MISSING(real("TOOBIG"), NA_UNDEFINED, "formula too large to evaluate");
    CHECK_INT(fake.unexpected, 0);
}

/* ---- arithmetic -------------------------------------------------------------------- */

static void test_arithmetic(void)
{
    CHECK_NUM(real("PAREN"), 9);
    CHECK_NUM(real("POWR"), 512);                  /* 2 ^ (3 ^ 2) */
    CHECK_NUM(real("NEGPOW"), -4);                 /* -(2 ^ 2) */
    CHECK_NUM(real("SUBL"), 3);                    /* (10 - 4) - 3 */
    CHECK_NUM(real("DIVL"), 1.75);                 /* (7 / 2) / 2 */
    CHECK_NUM(real("MIXED"), 17.25);               /* 8 x 2 + 5 / 4 */
    CHECK_NUM(real("ROOT"), 3.25);                 /* 2 + 0.25 + 1 */
    CHECK_NUM(real("UNEG"), -8);
    CHECK_NUM(real("BARE"), 13);                   /* a bare code is its realisation */
    CHECK_INT(fake.unexpected, 0);
}

/* Division by zero and results that are not finite numbers are missing
 * (undefined), never 0 or inf. */
static void test_not_finite(void)
{
    CHECK_MISSING(real("DIV0"), NA_UNDEFINED, "division by zero");
    CHECK_MISSING(real("ZDZ"), NA_UNDEFINED, "division by zero");           /* 0 / 0 too */
    CHECK_MISSING(real("INF"), NA_UNDEFINED, "result is not a finite number");   /* 0 ^ -1 */
    CHECK_MISSING(real("BIG"), NA_UNDEFINED, "result is not a finite number");   /* 1e308 x 10 */
    CHECK_MISSING(real("NAN"), NA_UNDEFINED, "result is not a finite number");   /* (-8) ^ 0.5 */
    /* a missing operand comes first: B / 0 is B's reason */
    CHECK_MISSING(real("DIVNA"), NA_NODATA, NO_DATA_B);
}

/* ---- comparisons and logic ------------------------------------------------------------ */

static void test_comparisons(void)
{
    CHECK_NUM(real("CMP"), 1);                     /* every comparison true */
    CHECK_NUM(real("CMPF"), 0);                    /* every comparison false */
    CHECK_NUM(real("CMPB"), 1);                    /* true/false compared with = and != */
    CHECK_NUM(real("STR"), 1);                     /* texts byte by byte */
    CHECK_MISSING(real("CMPNA"), NA_NODATA, NO_DATA_B);
}

/* and/or are three-valued: false and missing is false, true or missing is
 * true, in either order; otherwise missing (the first missing operand's
 * reason). not missing is missing. */
static void test_logic_with_missing(void)
{
    CHECK_NUM(real("AND1"), 2);                    /* false and missing */
    CHECK_NUM(real("AND2"), 2);                    /* missing and false */
    CHECK_MISSING(real("AND3"), NA_NODATA, NO_DATA_B);   /* true and missing */
    CHECK_NUM(real("OR1"), 1);                     /* true or missing */
    CHECK_NUM(real("OR2"), 1);                     /* missing or true */
    CHECK_MISSING(real("OR3"), NA_NODATA, NO_DATA_B);    /* false or missing */
    CHECK_MISSING(real("NOTNA"), NA_NODATA, NO_DATA_B);
    CHECK_MISSING(real("BOTH"), NA_NODATA, NO_DATA_B);   /* B > 0 or D > 0: B's reason */
    CHECK_MISSING(real("BOTH2"), NA_UNDEFINED, UNDEF_D); /* D > 0 and B > 0: D's */
}

static void test_if_and_in(void)
{
    int b_before = fake.real_calls['B' - 'A'];
    CHECK_NUM(real("IFT"), 1);                     /* the else branch (1 / 0) is not computed */
    CHECK_NUM(real("LAZY"), 7);
    CHECK_INT(fake.real_calls['B' - 'A'], b_before);   /* B was never asked for */
    CHECK_NUM(real("NESTIF"), 2);                  /* A = 8: not < 5, < 10 */
    CHECK_NUM(real("INS"), 1);                     /* 8 in (1, 8, 9) */
    CHECK_NUM(real("INNO"), 0);                    /* 8 in (1, 2) */
    CHECK_MISSING(real("INNA"), NA_NODATA, NO_DATA_B);   /* missing stays missing */
    CHECK_NUM(real("INSKIP"), 1);                  /* 8 in (B, 8): the 8 matches */
    CHECK_NUM(real("INSTR"), 1);                   /* "b" in ("a", "b") */
}

/* ---- constants, rule sets by year, the year -------------------------------------------- */

static void test_constants_by_year(void)
{
    CHECK_NUM(real("CK"), 5);                      /* 10 x 10 / 20 */
    CHECK_NUM(real_in("CW", 2023), 30);            /* "Baru" from 2022 */
    CHECK_NUM(real_in("CW", 2022), 30);
    CHECK_NUM(real_in("CW", 2021), 25);            /* "Lama" until 2021 */
    CHECK_NUM(real_in("CW", 1900), 25);
    CHECK_NUM(real_in("CV", 2010), 1);             /* "Sela" 2010 .. 2015, both included */
    CHECK_NUM(real_in("CV", 2015), 1);
    CHECK_MISSING(real_in("CV", 2016), NA_UNDEFINED, "no rule set of the plan gives V for 2016");
    CHECK_MISSING(real_in("CV", 2009), NA_UNDEFINED, "no rule set of the plan gives V for 2009");
    CHECK_NUM(real_in("CNEXT", 2023), 2024);       /* a constant's year is the year evaluated */
    CHECK_NUM(real_in("CNEXT", 2010), 2011);
    CHECK_MISSING(real("CGONE"), NA_UNDEFINED, "undefined by the plan's rule");
    CHECK_MISSING(real("UNDEF"), NA_UNDEFINED, "undefined by the plan's rule");
    CHECK_NUM(real("YEAR"), 4046);
    CHECK_NUM(real_in("YEAR", 2024), 4048);
    /* explain's trace sees each value, a constant's under its name */
    fake.h.trace = fake_trace;
    fake.traces = 0;
    CHECK_NUM(real("CK"), 5);
    fake.h.trace = NULL;
    CHECK_INT(fake.traces, 8);                     /* 10, K, 10, K, 20, /, HALF, * */
    CHECK_EQ_DBL(fake.half_traced, 0.5);
}

/* ---- built-in functions ---------------------------------------------------------------- */

static void test_builtins_numeric(void)
{
    CHECK_NUM(real("FMIN"), 138);                  /* min 1 x 100 + max 3 x 10 + min(A) 8 */
    CHECK_NUM(real("FMINA"), 5);                   /* min(8, 5) */
    CHECK_MISSING(real("FMAXNA"), NA_NODATA, NO_DATA_B);
    CHECK_NUM(real("FABS"), 4.5);                  /* 2.5 + |8 - 10| */
    CHECK_NUM(real("FR1"), 2.35);                  /* half-up, as the decimal 2.345 */
    CHECK_NUM(real("FR2"), 6);                     /* 3 - (-3): halves away from zero */
    CHECK_NUM(real("FR3"), 88.31);
    CHECK_NUM(real("FR4"), 2.7);                   /* 8 / 3 = 2.666... */
    CHECK_MISSING(real("FR5"), NA_UNDEFINED, "round() decimals out of range");   /* 10 > 9 */
    CHECK_NUM(real("FLOOR"), -18);                 /* -2 x 10 + 2 */
    CHECK_NUM(real("CEIL"), -7);                   /* -1 x 10 + 3 */
    CHECK_NUM(real("SQ1"), 4);
    CHECK_NUM(real("SQ2"), sqrt(2.0));
    CHECK_MISSING(real("SQ3"), NA_UNDEFINED, "square root of a negative number");
    CHECK_NUM(real("PCT1"), 25);                   /* as_percent(0.25) */
    CHECK_NUM(real("PCT2"), 0.25);                 /* as_fraction(25) */
}

static void test_builtins_missing(void)
{
    CHECK_NUM(real("AV1"), 0);                     /* available(B): false, never missing */
    CHECK_NUM(real("AV2"), 1);                     /* available(A) and available("x") */
    CHECK_NUM(real("CO1"), 8);                     /* coalesce(B, A) */
    CHECK_NUM(real("CO2"), 5);                     /* coalesce(B, 5) */
    CHECK_MISSING(real("CO3"), NA_UNDEFINED, UNDEF_D);   /* all missing: the last one's reason */
    CHECK_NUM(real("CO4"), 8);                     /* coalesce(A, B) */
    /* weights: A 2, B 1, C 3, E 0 (every operand is computed: B's weight too) */
    CHECK_NUM(real("WS"), 31);                     /* 8 x 2 + 5 x 3 */
    CHECK_NUM(real("WM"), 6.2);                    /* 31 / (2 + 3) */
    CHECK_MISSING(real("WMZ"), NA_UNDEFINED, "division by zero");   /* weights adding up to 0 */
    CHECK_MISSING(real("WSNA"), NA_NODATA, NO_DATA_B);
    CHECK_INT(fake.unexpected, 0);
}

/* ---- figures the host gives ---------------------------------------------------------------- */

static void test_host_figures(void)
{
    CHECK_NUM(real("RPREV"), 6);                   /* realisation(A, year - 1) */
    CHECK_INT(fake.last_year, 2022);
    CHECK_NUM(real("TOWN"), 10);                   /* target(A): as A's rules say */
    CHECK_INT(fake.last_source, -2);
    CHECK_INT(fake.last_year, 2023);
    CHECK_NUM(real("TREN"), 12);                   /* target(A, 2026, "renstra") */
    CHECK_INT(fake.last_year, 2026);
    CHECK_INT(fake.last_source, compile_source_id(cp, "renstra"));
    CHECK(compile_source_id(cp, "renstra") >= 0);
    CHECK_INT(compile_source_id(cp, "no-such-source"), -1);
    CHECK_NUM(real("TEND"), 15);                   /* target(A, 2026, "end") */
    CHECK_INT(fake.last_source, -1);
    CHECK_NUM(real("CAPA"), 80);
    CHECK_INT(fake.last_year, 2023);
    CHECK_NUM(real("CAPP"), 80);                   /* capaian(A, 2022) */
    CHECK_INT(fake.last_year, 2022);
    CHECK_NUM(real("DATA"), 7);
    CHECK_NUM(real_in("LATE", 2024), 9);           /* latest(A) as of the year evaluated */
    CHECK_INT(fake.last_year, 2024);
    CHECK_NUM(real("TODATE"), 30);
    CHECK_MISSING(real("TNONE"), NA_NOTARGET, "E has no target ('target none')");
    CHECK_INT(fake.unexpected, 0);
}

/* A missing input makes the result missing, with its kind and the first
 * missing operand's reason. */
static void test_missing_propagates(void)
{
    CHECK_MISSING(real("MISS"), NA_NODATA, NO_DATA_B);       /* A + B x 2 */
    CHECK_MISSING(real("MISS2"), NA_UNDEFINED, UNDEF_D);     /* D + B: D comes first */
    CHECK_MISSING(real("NEGNA"), NA_NODATA, NO_DATA_B);
    CHECK_MISSING(real_in("BARE", 2021), NA_NODATA, "no realisation of A for 2021");
    /* a missing year: realisation(A, B) is B's reason, and A is not asked */
    int a_before = fake.real_calls[0];
    CHECK_MISSING(real("RYNA"), NA_NODATA, NO_DATA_B);
    CHECK_INT(fake.real_calls[0], a_before);
}

/* capaian = FORMULA and the zero rules see R and T (self_r, self_t); a
 * range target compiles to its two bounds. */
static void test_capaian_programs(void)
{
    const CompiledInd *ci = ind("CAPF");
    fake.h.self_r = value_num(8);
    fake.h.self_t = value_num(10);
    CHECK_NUM(run_program(ci->capaian, 2023), 80);          /* 8 < 10: 8 / 10 x 100 */
    fake.h.self_r = value_num(12);
    CHECK_NUM(run_program(ci->capaian, 2023), 100);
    fake.h.self_r = value_num(-1);
    fake.h.self_t = value_num(0);
    CHECK_MISSING(run_program(ci->capaian, 2023), NA_UNDEFINED, "division by zero");
    fake.h.self_r = value_num(0);
    CHECK_NUM(run_program(ci->zero_target, 2023), 100);     /* if R = 0 then 100 else 0 */
    fake.h.self_r = value_num(5);
    CHECK_NUM(run_program(ci->zero_target, 2023), 0);
    fake.h.self_r = value_na(NA_NODATA, "no R");
    CHECK_MISSING(run_program(ci->zero_target, 2023), NA_NODATA, "no R");
    CHECK(ci->zero_realisation == NULL && ci->realisation == NULL);
    ci = ind("RNG");
    CHECK_NUM(run_program(ci->target, 2023), 90);
    CHECK_NUM(run_program(ci->target_hi, 2023), 110);
    CHECK(ci->capaian == NULL);
}

/* sum(T.x where ...), count(T) and sum(A over children) are the host's;
 * the `where` filter is a program of its own over the row's columns. */
static void test_aggregates(void)
{
    CHECK_NUM(real("RSUM"), 42);
    CHECK_NUM(real("RCNT"), 6);                    /* 3 x 2 */
    CHECK_NUM(real("UAGG"), 18);                   /* 17 + 1 */
    const Program *p = ind("RSUM")->realisation;
    CHECK_INT(p->code[0].op, OP_RAGG);
    int agg = p->code[0].a;
    CHECK_INT(cp->plan->raggs[agg].fn, RAGG_SUM);
    CHECK(cp->ragg_values[agg] == NULL);           /* a column, not a formula */
    const Program *filter = cp->ragg_filters[agg];
    CHECK(filter != NULL);
    ColType type;
    fake.col_k = record_flat_find(&cp->plan->records[0], "k", &type);
    fake.col_x = record_flat_find(&cp->plan->records[0], "x", &type);
    CHECK_INT(fake.col_k, 0);
    CHECK_INT(fake.col_x, 1);
    fake.k = (Value){ V_STR, 0, 0, "a" };
    fake.x = value_num(2);
    Value v = run_program(filter, 2023);           /* k = "a" and x > 1 */
    CHECK_INT(v.kind, V_BOOL);
    CHECK_EQ_DBL(v.num, 1.0);
    fake.x = value_num(1);
    CHECK_EQ_DBL(run_program(filter, 2023).num, 0.0);
    fake.k = (Value){ V_STR, 0, 0, "b" };
    fake.x = value_na(NA_NODATA, "x is empty");
    v = run_program(filter, 2023);                 /* false and missing: false */
    CHECK_INT(v.kind, V_BOOL);
    CHECK_EQ_DBL(v.num, 0.0);
    fake.k = (Value){ V_STR, 0, 0, "a" };
    CHECK_MISSING(run_program(filter, 2023), NA_NODATA, "x is empty");
    CHECK_INT(cp->plan->uaggs[ind("UAGG")->realisation->code[0].a].descendants, 0);
    CHECK_INT(fake.unexpected, 0);
}

int main(void)
{
    Plan *plan = load_plan();
    if (!plan) return CHECK_DONE();
    cp = compile_plan(plan);
    CHECK_INT(cp->ninds, plan->ninds);
    fake_init(cp);
    test_compiled_arith();
    test_compiled_stacks();
    test_arithmetic();
    test_not_finite();
    test_comparisons();
    test_logic_with_missing();
    test_if_and_in();
    test_constants_by_year();
    test_builtins_numeric();
    test_builtins_missing();
    test_host_figures();
    test_missing_propagates();
    test_capaian_programs();
    test_aggregates();
    CHECK_INT(fake.unexpected, 0);
    compile_free(cp);
    plan_free(plan);
    arena_free(&fake.scratch);
    return CHECK_DONE();
}
