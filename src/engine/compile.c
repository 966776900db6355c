/* compile.c: checked plan -> compiled plan. */
#include "engine/compile.h"
#include "check/plan.h"
#include "base/mem.h"
#include "base/vec.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    VEC(Instr) code;
    VEC(double) nums;
    VEC(const char *) strs;
    int depth, max_depth;
    const Plan *plan;
    const CompiledPlan *cp;
} Emitter;

static int emit(Emitter *e, OpCode op, int a, int b, const Expr *at, int stack_effect)
{
    Instr in = { (uint8_t)op, 0, (uint16_t)b, a, at };
    VEC_PUSH(e->code, in);
    e->depth += stack_effect;
    if (e->depth > e->max_depth) e->max_depth = e->depth;
    return e->code.len - 1;
}

static void compile_expr(Emitter *e, const Expr *x);

static void compile_ref(Emitter *e, const Expr *x)
{
    int code = x->args[0]->res_id;
    int n = x->nargs;
    for (int i = 1; i < n; i++) compile_expr(e, x->args[i]);
    switch ((Builtin)x->res_id) {
    case FN_REALISATION: emit(e, OP_REAL, code, n > 1, x, 1 - (n - 1)); break;
    case FN_DATA: emit(e, OP_DATA, code, n > 1, x, 1 - (n - 1)); break;
    case FN_LATEST: emit(e, OP_LATEST, code, 0, x, 1); break;
    case FN_CAPAIAN: emit(e, OP_CAPAIAN, code, n > 1, x, 1 - (n - 1)); break;
    case FN_TO_DATE: emit(e, OP_TO_DATE, code, 0, x, 1); break;
    default: emit(e, OP_TARGET, code, (n > 1) | ((n > 2) << 1), x, 1 - (n - 1)); break;
    }
}

static void compile_if(Emitter *e, const Expr *x)
{
    compile_expr(e, x->a);
    int if_na = emit(e, OP_IF_NA, 0, 0, x, 0);
    int jf = emit(e, OP_JUMP_FALSE, 0, 0, x, -1);
    compile_expr(e, x->b);
    int jend = emit(e, OP_JUMP, 0, 0, x, -1);
    e->code.items[jf].a = e->code.len;
    compile_expr(e, x->c);
    e->code.items[jend].a = e->code.len;
    e->code.items[if_na].a = e->code.len;
}

/* A constant is compiled in place. One given by rule sets by year becomes
 * a choice on the year: if year in 2015..2021 then .. else if year >= 2022
 * then .. else undefined ("no rule set gives W for 2014"). */
static void compile_const(Emitter *e, const Expr *x)
{
    const Const *k = &e->plan->consts[x->res_id];
    if (!k->by_year) { compile_expr(e, k->value); return; }
    VEC(int) ends = {0};
    for (int i = x->res_id; i >= 0; i = e->plan->consts[i].next) {
        const Const *v = &e->plan->consts[i];
        int from = v->years.from;
        int span = v->years.until ? v->years.until - (from ? from : 0) : 0xFFFF;
        if (!from && v->years.until) span = v->years.until;       /* until Y: 0 .. Y */
        emit(e, OP_YEAR_IN, from, span, x, 1);
        int jf = emit(e, OP_JUMP_FALSE, 0, 0, x, -1);
        compile_expr(e, v->value);
        int j = emit(e, OP_JUMP, 0, 0, x, -1);
        VEC_PUSH(ends, j);
        e->code.items[jf].a = e->code.len;
    }
    emit(e, OP_NO_RULE, x->res_id, 0, x, 1);
    for (int i = 0; i < ends.len; i++) e->code.items[ends.items[i]].a = e->code.len;
    VEC_FREE(ends);
}

static void compile_name(Emitter *e, const Expr *x)
{
    switch ((ExprRes)x->res) {
    case RES_CONST:
        compile_const(e, x);
        emit(e, OP_MARK, 0, 0, x, 0);
        break;
    case RES_YEAR: emit(e, OP_YEAR, 0, 0, x, 1); break;
    case RES_UNDEFINED: emit(e, OP_UNDEF, 0, 0, x, 1); break;
    case RES_TRUE: emit(e, OP_BOOL, 1, 0, x, 1); break;
    case RES_FALSE: emit(e, OP_BOOL, 0, 0, x, 1); break;
    case RES_SELF_R: emit(e, OP_SELF_R, 0, 0, x, 1); break;
    case RES_SELF_T: emit(e, OP_SELF_T, 0, 0, x, 1); break;
    case RES_IND: emit(e, OP_REAL, x->res_id, 0, x, 1); break;
    case RES_COLUMN: emit(e, OP_COL, x->res_id, 0, x, 1); break;
    case RES_WEIGHT: emit(e, OP_WEIGHT, x->res_id, 0, x, 1); break;
    default: emit(e, OP_UNDEF, 0, 0, x, 1); break;   /* unreachable after a clean check */
    }
}

static OpCode binary_op(ExprKind k)
{
    switch (k) {
    case E_ADD: return OP_ADD;
    case E_SUB: return OP_SUB;
    case E_MUL: return OP_MUL;
    case E_DIV: return OP_DIV;
    case E_POW: return OP_POW;
    case E_EQ: return OP_EQ;
    case E_NE: return OP_NE;
    case E_LT: return OP_LT;
    case E_LE: return OP_LE;
    case E_GT: return OP_GT;
    case E_GE: return OP_GE;
    case E_AND: return OP_AND;
    default: return OP_OR;
    }
}

static void compile_expr(Emitter *e, const Expr *x)
{
    switch (x->kind) {
    case E_NUMBER:
        VEC_PUSH(e->nums, x->num);
        emit(e, OP_NUM, e->nums.len - 1, 0, x, 1);
        break;
    case E_STRING:
        VEC_PUSH(e->strs, x->text);
        emit(e, OP_STR, e->strs.len - 1, 0, x, 1);
        break;
    case E_NAME: compile_name(e, x); break;
    case E_CALL:
        if (x->res == RES_RECORD_AGG) { emit(e, OP_RAGG, x->res_id, 0, x, 1); break; }
        if (x->res == RES_GROUP_AGG) { emit(e, OP_GAGG, x->res_id, 0, x, 1); break; }
        if (x->res == RES_UNIT_AGG) { emit(e, OP_UAGG, x->res_id, 0, x, 1); break; }
        if (x->res == RES_LUA_CALL) {
            for (int i = 0; i < x->nargs; i++) compile_expr(e, x->args[i]);
            emit(e, OP_LUA, x->res_id, x->nargs, x, 1 - x->nargs);
            break;
        }
        if (x->res_id <= FN_LATEST) { compile_ref(e, x); break; }
        for (int i = 0; i < x->nargs; i++) compile_expr(e, x->args[i]);
        emit(e, OP_CALL, x->res_id, x->nargs, x, 1 - x->nargs);
        break;
    case E_NEG: compile_expr(e, x->a); emit(e, OP_NEG, 0, 0, x, 0); break;
    case E_NOT: compile_expr(e, x->a); emit(e, OP_NOT, 0, 0, x, 0); break;
    case E_IF: compile_if(e, x); break;
    case E_IN:
        compile_expr(e, x->a);
        for (int i = 0; i < x->nargs; i++) compile_expr(e, x->args[i]);
        emit(e, OP_IN, 0, x->nargs, x, -x->nargs);
        break;
    default:
        compile_expr(e, x->a);
        compile_expr(e, x->b);
        emit(e, binary_op(x->kind), 0, 0, x, -1);
        break;
    }
}

/* A formula, compiled. Constants are compiled in place: they are few and
 * small, and that keeps the machine free of a constant table. */
static Program *compile_formula(const Plan *plan, const CompiledPlan *cp, const Expr *x)
{
    if (!x) return NULL;
    Emitter e;
    memset(&e, 0, sizeof e);
    e.plan = plan;
    e.cp = cp;
    compile_expr(&e, x);
    emit(&e, OP_RET, 0, 0, x, 0);
    Program *p = mem_xcalloc(1, sizeof *p);
    p->code = e.code.items;
    p->ncode = e.code.len;
    p->nums = e.nums.items;
    p->strs = e.strs.items;
    p->max_stack = e.max_depth + 1;
    p->src = x;
    return p;
}

static void program_free(Program *p)
{
    if (!p) return;
    free(p->code);
    free(p->nums);
    free(p->strs);
    free(p);
}

int compile_source_id(const CompiledPlan *cp, const char *name)
{
    for (int i = 0; i < cp->plan->nsources; i++)
        if (strcmp(cp->plan->sources[i], name) == 0) return i;
    return -1;
}

CompiledPlan *compile_plan(const Plan *p)
{
    CompiledPlan *cp = mem_xcalloc(1, sizeof *cp);
    cp->plan = p;
    cp->ninds = p->ninds;
    cp->ncodes = p->ncodes;
    cp->nsources = p->nsources;
    cp->renstra_source = compile_source_id(cp, "renstra");
    cp->inds = mem_xarray(p->ninds, sizeof *cp->inds);
    cp->ragg_filters = mem_xarray(p->nraggs, sizeof *cp->ragg_filters);
    cp->ragg_values = mem_xarray(p->nraggs, sizeof *cp->ragg_values);
    for (int i = 0; i < p->nraggs; i++) {
        cp->ragg_filters[i] = compile_formula(p, cp, p->raggs[i].where);
        cp->ragg_values[i] = compile_formula(p, cp, p->raggs[i].value);
    }
    cp->gagg_values = mem_xarray(p->ngaggs, sizeof *cp->gagg_values);
    for (int i = 0; i < p->ngaggs; i++) cp->gagg_values[i] = compile_formula(p, cp, p->gaggs[i].value);
    for (int i = 0; i < p->ninds; i++) {
        const Indicator *ind = &p->inds[i];
        CompiledInd *ci = &cp->inds[i];
        ci->ind = ind;
        ci->realisation = compile_formula(p, cp, ind->realisation);
        ci->target = compile_formula(p, cp, ind->target_expr);
        ci->target_hi = compile_formula(p, cp, ind->target_hi);
        ci->capaian = compile_formula(p, cp, ind->capaian);
        ci->zero_target = compile_formula(p, cp, ind->rules.zero_target);
        ci->zero_realisation = compile_formula(p, cp, ind->rules.zero_realisation);
        ci->nsources = ind->rules.target.nsources;
        ci->sources = mem_xarray(ci->nsources, sizeof *ci->sources);
        for (int s = 0; s < ci->nsources; s++) {
            const char *name = ind->rules.target.sources[s];
            ci->sources[s] = strcmp(name, "end") == 0 ? -1 : compile_source_id(cp, name);
        }
    }
    return cp;
}

void compile_free(CompiledPlan *cp)
{
    if (!cp) return;
    for (int i = 0; i < cp->ninds; i++) {
        CompiledInd *ci = &cp->inds[i];
        program_free(ci->realisation);
        program_free(ci->target);
        program_free(ci->target_hi);
        program_free(ci->capaian);
        program_free(ci->zero_target);
        program_free(ci->zero_realisation);
        free(ci->sources);
    }
    for (int i = 0; i < cp->plan->nraggs; i++) {
        program_free(cp->ragg_filters[i]);
        program_free(cp->ragg_values[i]);
    }
    for (int i = 0; i < cp->plan->ngaggs; i++) program_free(cp->gagg_values[i]);
    free(cp->ragg_filters);
    free(cp->ragg_values);
    free(cp->gagg_values);
    free(cp->inds);
    free(cp);
}
