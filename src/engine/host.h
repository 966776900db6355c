/* host.h: the engine as the VM's host, and the Lua modules of a plan's
 * functions (see host.c). */
#ifndef SKP_ENGINE_HOST_H
#define SKP_ENGINE_HOST_H
#include "engine/state.h"

/* Points the VM host's callbacks at the engine (after e->opt and e->cp are set). */
void host_init(Engine *e);
/* One sandbox per Lua file of the plan's functions. 0, or SKP_HOOK with
 * the error reported. */
int host_open_lua(Engine *e);
void host_close_lua(Engine *e);

#endif
