/* vm.c: the formula machine. A missing input makes the result missing and
 * keeps the first reason, so "no data" travels up to the figure that needed
 * it with the name of what was missing. */
#include "engine/vm.h"
#include "check/plan.h"
#include "base/arena.h"

#include <math.h>
#include <string.h>

static Value undefined(VmHost *h, const char *fmt, const char *detail)
{
    return value_na(NA_UNDEFINED, arena_printf(h->scratch, fmt, detail));
}

static Value arith(VmHost *h, OpCode op, Value a, Value b)
{
    if (a.kind == V_NA) return a;
    if (b.kind == V_NA) return b;
    double x = a.num, y = b.num, r;
    switch (op) {
    case OP_ADD: r = x + y; break;
    case OP_SUB: r = x - y; break;
    case OP_MUL: r = x * y; break;
    case OP_DIV:
        if (y == 0) return undefined(h, "division by zero%s", "");
        r = x / y;
        break;
    default:
        r = pow(x, y);
        break;
    }
    if (!isfinite(r)) return undefined(h, "result is not a finite number%s", "");
    return value_num(r);
}

static Value compare(OpCode op, Value a, Value b)
{
    if (a.kind == V_NA) return a;
    if (b.kind == V_NA) return b;
    int c;
    if (a.kind == V_STR) c = strcmp(a.text, b.text);
    else c = a.num < b.num ? -1 : a.num > b.num;
    switch (op) {
    case OP_EQ: return value_bool(c == 0);
    case OP_NE: return value_bool(c != 0);
    case OP_LT: return value_bool(c < 0);
    case OP_LE: return value_bool(c <= 0);
    case OP_GT: return value_bool(c > 0);
    default: return value_bool(c >= 0);
    }
}

/* Three-valued: false and missing is false; true or missing is true. */
static Value logic(OpCode op, Value a, Value b)
{
    int and = op == OP_AND;
    if (a.kind != V_NA && (a.num != 0) != and) return a;
    if (b.kind != V_NA && (b.num != 0) != and) return b;
    if (a.kind == V_NA) return a;
    if (b.kind == V_NA) return b;
    return value_bool(and);
}

static Value call(VmHost *h, Builtin fn, Value *args, int n)
{
    if (fn == FN_AVAILABLE) return value_bool(args[0].kind != V_NA);
    if (fn == FN_COALESCE) {
        for (int i = 0; i < n; i++)
            if (args[i].kind != V_NA) return args[i];
        return args[n - 1];
    }
    for (int i = 0; i < n; i++)
        if (args[i].kind == V_NA) return args[i];
    double x = args[0].num;
    switch (fn) {
    case FN_MIN:
    case FN_MAX:
        for (int i = 1; i < n; i++)
            if (fn == FN_MIN ? args[i].num < x : args[i].num > x) x = args[i].num;
        return value_num(x);
    case FN_ABS: return value_num(fabs(x));
    case FN_AS_PERCENT: return value_num(x * 100);
    case FN_AS_FRACTION: return value_num(x / 100);
    case FN_FLOOR: return value_num(floor(x));
    case FN_CEIL: return value_num(ceil(x));
    case FN_SQRT:
        if (x < 0) return undefined(h, "square root of a negative number%s", "");
        return value_num(sqrt(x));
    case FN_ROUND: {
        Rounding r = { ROUND_HALF_UP, n > 1 ? (int)args[1].num : 0 };
        if (r.digits < 0 || r.digits > SKP_MAX_DIGITS)
            return undefined(h, "round() decimals out of range%s", "");
        return value_num(num_round(x, r));
    }
    default:
        return undefined(h, "unknown function%s", "");
    }
}

Value vm_run(const Program *p, VmHost *h)
{
    Value stack[VM_MAX_STACK];
    int sp = 0;
    if (p->max_stack > VM_MAX_STACK) return undefined(h, "formula too large to evaluate%s", "");
    for (int pc = 0;; pc++) {
        const Instr *in = &p->code[pc];
        switch ((OpCode)in->op) {
        case OP_NUM: stack[sp++] = value_num(p->nums[in->a]); break;
        case OP_STR: stack[sp].kind = V_STR; stack[sp].text = p->strs[in->a]; stack[sp++].num = 0; break;
        case OP_UNDEF: stack[sp++] = value_na(NA_UNDEFINED, "undefined by the plan's rule"); break;
        case OP_BOOL: stack[sp++] = value_bool(in->a); break;
        case OP_YEAR_IN:
            stack[sp++] = value_bool(h->year >= in->a && (in->b == 0xFFFF || h->year <= in->a + in->b));
            break;
        case OP_NO_RULE:
            stack[sp++] = value_na(NA_UNDEFINED, arena_printf(h->scratch, "no rule set of the plan gives %s for %d",
                                                             h->cp->plan->consts[in->a].name, h->year));
            break;
        case OP_YEAR: stack[sp++] = value_num(h->year); break;
        case OP_SELF_R: stack[sp++] = h->self_r; break;
        case OP_SELF_T: stack[sp++] = h->self_t; break;
        case OP_REAL:
        case OP_DATA:
        case OP_CAPAIAN:
        case OP_TARGET: {
            /* source: -2 the indicator's own target, -1 end of the Renstra period */
            int year = h->year, source = -2;
            if (in->op == OP_TARGET && (in->b & 2)) {
                Value s = stack[--sp];
                source = strcmp(s.text, "end") == 0 ? -1 : compile_source_id(h->cp, s.text);
            }
            if (in->b & 1) {
                Value y = stack[--sp];
                if (y.kind == V_NA) { stack[sp++] = y; break; }
                year = (int)y.num;
            }
            stack[sp++] = in->op == OP_REAL ? h->realisation(h, in->a, year)
                        : in->op == OP_DATA ? h->data(h, in->a, year)
                        : in->op == OP_CAPAIAN ? h->capaian(h, in->a, year)
                        : h->target(h, in->a, year, source);
            break;
        }
        case OP_LATEST: stack[sp++] = h->latest(h, in->a, h->year); break;
        case OP_WEIGHT: stack[sp++] = h->weight(h, in->a); break;
        case OP_TO_DATE: stack[sp++] = h->to_date(h, in->a, h->year); break;
        case OP_UAGG: stack[sp++] = h->unit_agg(h, in->a); break;
        case OP_MARK: break;
        case OP_LUA:
            sp -= in->b;
            stack[sp] = h->lua_call(h, in->a, &stack[sp], in->b);
            sp++;
            break;
        case OP_NEG:
            if (stack[sp - 1].kind != V_NA) stack[sp - 1].num = -stack[sp - 1].num;
            break;
        case OP_NOT:
            if (stack[sp - 1].kind != V_NA) stack[sp - 1] = value_bool(stack[sp - 1].num == 0);
            break;
        case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV: case OP_POW:
            sp--;
            stack[sp - 1] = arith(h, (OpCode)in->op, stack[sp - 1], stack[sp]);
            break;
        case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE:
            sp--;
            stack[sp - 1] = compare((OpCode)in->op, stack[sp - 1], stack[sp]);
            break;
        case OP_AND: case OP_OR:
            sp--;
            stack[sp - 1] = logic((OpCode)in->op, stack[sp - 1], stack[sp]);
            break;
        case OP_IF_NA:
            if (stack[sp - 1].kind == V_NA) pc = in->a - 1;
            break;
        case OP_JUMP_FALSE:
            if (stack[--sp].num == 0) pc = in->a - 1;
            break;
        case OP_JUMP: pc = in->a - 1; break;
        case OP_CALL:
            sp -= in->b;
            stack[sp] = call(h, (Builtin)in->a, &stack[sp], in->b);
            sp++;
            break;
        case OP_RAGG: stack[sp++] = h->record_agg(h, in->a); break;
        case OP_COL: stack[sp++] = h->column(h, in->a); break;
        case OP_GAGG: stack[sp++] = h->group_agg(h, in->a); break;
        case OP_IN: {
            sp -= in->b;
            Value x = stack[sp - 1], r = value_bool(0);
            if (x.kind == V_NA) break;                 /* missing stays missing */
            for (int i = 0; i < in->b; i++) {
                Value eq = compare(OP_EQ, x, stack[sp + i]);
                if (eq.kind == V_BOOL && eq.num != 0) { r = eq; break; }
            }
            stack[sp - 1] = r;
            break;
        }
        case OP_RET:
            return stack[sp - 1];
        }
        /* explain: the value each part of a formula took */
        if (h->trace && in->op != OP_JUMP && in->op != OP_JUMP_FALSE && in->op != OP_IF_NA)
            h->trace(h, in->at, stack[sp - 1]);
    }
}
