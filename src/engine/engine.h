/* engine.h: the evaluator's state for one evaluation (see engine.c). */
#ifndef SKP_ENGINE_ENGINE_H
#define SKP_ENGINE_ENGINE_H
#include "engine/state.h"

void engine_init(Engine *e, const CompiledPlan *cp, const EvalOptions *opt, Diag *d);
void engine_free(Engine *e);

#endif
