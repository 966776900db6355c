/* xlsx.h: workbooks as a template's output (see xlsx.c). */
#ifndef SKP_REPORT_XLSX_H
#define SKP_REPORT_XLSX_H
#include "report/context.h"

/* sakip.workbook(): a workbook as the output (upvalues: the report, the
 * workbook table with its sheet method). */
int xlsx_workbook(lua_State *L);
/* workbook:sheet(name) (upvalue: the report). */
int xlsx_sheet(lua_State *L);
/* Registers the sheet type (upvalue of its write: the report). */
void xlsx_open_type(lua_State *L, Report *r);
/* The workbook is complete: into place at --out (ok), or away. */
int xlsx_finish(Report *r, int ok, Diag *d);

#endif
