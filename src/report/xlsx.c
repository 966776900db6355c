/* xlsx.c: Excel workbooks as a template's output (xlsx.h):
 * sakip.workbook():sheet(name), sheet:write(row, col, value [, style]),
 * sheet:width(col, chars), written by libxlsxwriter to a temporary file
 * next to --out and put in its place when the template has finished. */
#include "report/xlsx.h"

#include <errno.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/file.h"

#define SHEET_TYPE "sakip.sheet"

enum { XF_TEXT, XF_HEADER, XF_PERCENT, XF_RUPIAH };

/* Number formats an Indonesian reader's Excel shows as 100,17% and
 * Rp 62.644.362.476: numbers stay numbers, the locale draws the separators. */
static lxw_format *workbook_format(Report *r, int which)
{
    if (which == XF_TEXT) return NULL;
    if (!r->formats[which]) {
        lxw_format *f = workbook_add_format(r->wb);
        if (which == XF_HEADER) { format_set_bold(f); format_set_bg_color(f, 0xDDDDDD); }
        if (which == XF_PERCENT) format_set_num_format(f, "0.00\"%\"");
        if (which == XF_RUPIAH) format_set_num_format(f, "\"Rp \"#,##0");
        r->formats[which] = f;
    }
    return r->formats[which];
}

/* sakip.workbook():sheet(name) gives a sheet; sheet:write(row, col, value
 * [, "header"|"percent"|"rupiah"]), rows and columns from 1; a number is
 * stored as a number, nil leaves the cell empty; sheet:width(col, chars). */
int xlsx_workbook(lua_State *L)
{
    Report *r = report_of(L);
    if (!r->out_path) return luaL_error(L, "a workbook is a file: give --out FILE.xlsx");
    if (!r->wb) {
        int fd = file_temp_next_to(r->out_path, &r->wb_tmp);
        if (fd < 0) return luaL_error(L, "%s: %s", r->out_path, strerror(errno));
        close(fd);
        r->wb = workbook_new(r->wb_tmp);
        if (!r->wb) return luaL_error(L, "cannot start the workbook %s", r->out_path);
    }
    lua_pushvalue(L, lua_upvalueindex(2));      /* the workbook table: its sheet method */
    return 1;
}

int xlsx_sheet(lua_State *L)
{
    Report *r = report_of(L);
    const char *name = luaL_checkstring(L, 2);
    if (!r->wb) return luaL_error(L, "call sakip.workbook() first");
    /* checked first: the library would print its own warning to stderr */
    lxw_error bad = workbook_validate_sheet_name(r->wb, name);
    if (bad) return luaL_error(L, "cannot add a sheet '%s': %s", name, lxw_strerror(bad));
    lxw_worksheet *ws = workbook_add_worksheet(r->wb, name);
    if (!ws) return luaL_error(L, "cannot add a sheet '%s'", name);
    lxw_worksheet **u = lua_newuserdatauv(L, sizeof *u, 0);
    *u = ws;
    luaL_setmetatable(L, SHEET_TYPE);
    return 1;
}

static int sheet_write(lua_State *L)
{
    Report *r = report_of(L);
    lxw_worksheet *ws = *(lxw_worksheet **)luaL_checkudata(L, 1, SHEET_TYPE);
    lua_Integer row = luaL_checkinteger(L, 2), col = luaL_checkinteger(L, 3);
    if (row < 1 || row > 1048576 || col < 1 || col > 16384) return luaL_error(L, "cell (%I, %I) is outside a sheet", row, col);
    static const char *const styles[] = { "text", "header", "percent", "rupiah", NULL };
    int style = luaL_checkoption(L, 5, "text", styles);
    lxw_format *f = workbook_format(r, style);
    lxw_error e = LXW_NO_ERROR;
    switch (lua_type(L, 4)) {
    case LUA_TNIL: case LUA_TNONE: break;
    case LUA_TNUMBER: e = worksheet_write_number(ws, (lxw_row_t)(row - 1), (lxw_col_t)(col - 1), lua_tonumber(L, 4), f); break;
    case LUA_TBOOLEAN: e = worksheet_write_boolean(ws, (lxw_row_t)(row - 1), (lxw_col_t)(col - 1), lua_toboolean(L, 4), f); break;
    default: e = worksheet_write_string(ws, (lxw_row_t)(row - 1), (lxw_col_t)(col - 1), luaL_checkstring(L, 4), f); break;
    }
    if (e != LXW_NO_ERROR) return luaL_error(L, "cannot write cell (%I, %I): %s", row, col, lxw_strerror(e));
    return 0;
}

static int sheet_width(lua_State *L)
{
    lxw_worksheet *ws = *(lxw_worksheet **)luaL_checkudata(L, 1, SHEET_TYPE);
    lua_Integer col = luaL_checkinteger(L, 2);
    double w = luaL_checknumber(L, 3);
    if (col < 1 || col > 16384) return luaL_error(L, "column %I is outside a sheet", col);
    worksheet_set_column(ws, (lxw_col_t)(col - 1), (lxw_col_t)(col - 1), w, NULL);
    return 0;
}

/* The workbook is complete: into place, or away. */
int xlsx_finish(Report *r, int ok, Diag *d)
{
    if (!r->wb) return 0;
    lxw_error e = workbook_close(r->wb);
    r->wb = NULL;
    int rc = 0;
    if (ok && e != LXW_NO_ERROR) { diag_plain(d, "%s: %s", r->out_path, lxw_strerror(e)); rc = SKP_RUNTIME; }
    else if (ok) {
        chmod(r->wb_tmp, file_mode_for(r->out_path));   /* the library wrote the file anew */
        if (rename(r->wb_tmp, r->out_path) != 0) { diag_plain(d, "%s: %s", r->out_path, strerror(errno)); rc = SKP_RUNTIME; }
    }
    if (!ok || rc) unlink(r->wb_tmp);
    free(r->wb_tmp);
    r->wb_tmp = NULL;
    return rc;
}

void xlsx_open_type(lua_State *L, Report *r)
{
    luaL_newmetatable(L, SHEET_TYPE);
    lua_newtable(L);
    lua_pushlightuserdata(L, r);
    lua_pushcclosure(L, sheet_write, 1);
    lua_setfield(L, -2, "write");
    lua_pushcfunction(L, sheet_width);
    lua_setfield(L, -2, "width");
    lua_setfield(L, -2, "__index");
    lua_pop(L, 1);
}
