/* help.c: the help texts of the command and of each of its commands
 * (help.h). The manual page (man/sakipc.1) says the same at length; a
 * test runs its examples. */
#include "cli/help.h"

const char help_exit[] =
    "Exit status:\n"
    "  0  success\n"
    "  1  audit: a printed figure disagrees with the data\n"
    "  2  usage error (unknown command or option, missing argument)\n"
    "  3  plan error (syntax, names, types, cycles, grade bands)\n"
    "  4  data error (bad CSV rows, unknown units, import refused)\n"
    "  5  runtime error (database, I/O, out of memory)\n"
    "  6  a Lua hook or report template failed (its error and traceback are shown)\n";

const char help_main[] =
    "usage: sakipc COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "sakipc evaluates the performance indicators of Indonesian government\n"
    "agencies (SAKIP): targets, realisations, capaian and grades, from a plan\n"
    "written in a .skp file and data kept in a SQLite file.\n"
    "\n"
    "Commands:\n"
    "  init DB                 create a database with the sakipc schema\n"
    "  import DB FILE.csv...   load CSV files into the database, each file whole or not at all\n"
    "  check PLAN              check a plan and report every error in it\n"
    "  eval PLAN               evaluate a plan: one row per unit, indicator and year\n"
    "  diff PLAN --scenario S  what a scenario (or --set CHANGE) changes: only the figures that differ\n"
    "  need PLAN --unit U --indicator I --grade G|--capaian N\n"
    "                          the realisation that reaches a grade or a capaian (goal seek)\n"
    "  explain PLAN --unit U --indicator I\n"
    "                          how one figure was derived: formula, inputs, sources, cap, rounding, band\n"
    "  audit PLAN --printed FILE.csv\n"
    "                          the figures a printed report gets wrong (exit 1 when any does)\n"
    "  report PLAN --template NAME [--out FILE]\n"
    "                          a report written by a Lua template (json, lkip-md, lkip-csv,\n"
    "                          lkip-budget-csv, lkip-html, lkip-xlsx)\n"
    "  help [COMMAND]          this text, or a command's\n"
    "\n"
    "Options:\n"
    "  -h, --help              show help (also after a command: sakipc eval --help)\n"
    "  --version               show the version, the git revision, the SQLite and Lua in use\n"
    "\n"
    "Environment:\n"
    "  NO_COLOR                when set, never colour output\n"
    "  SAKIPC_STDLIB           extra directory searched by 'include' and 'report --template'\n"
    "                          before the standard library (sakipc --version names it)\n"
    "\n";

const char help_init[] =
    "usage: sakipc init DB\n"
    "\n"
    "Creates DB with the sakipc schema (units, indicators, targets, realisasi,\n"
    "budget, record tables; see src/store/schema.sql). An existing sakipc database is\n"
    "left as it is; any other existing file is refused.\n";

const char help_import[] =
    "usage: sakipc import DB [--plan PLAN] [--table NAME] [--source NAME] [--indonesian] FILE.csv...\n"
    "\n"
    "Loads each CSV file (RFC 4180, with a header row) in one transaction: the\n"
    "whole file or nothing. Every bad row is reported as FILE:LINE: error: REASON,\n"
    "all of them, and then nothing of that file is written. Files are loaded in\n"
    "dependency order (units first). DB is created if it does not exist.\n"
    "\n"
    "The table comes from the file name (units.csv -> units): units, indicators,\n"
    "targets, period_targets, realisasi, budget, or a record table declared in the plan.\n"
    "\n"
    "Options:\n"
    "  --plan PLAN        read record table declarations ('record NAME { ... }') from PLAN\n"
    "  --table NAME       load every FILE into table NAME\n"
    "  --source NAME      the source (pk, renstra, ...) of the targets in a file without a\n"
    "                     'source' column\n"
    "  --indonesian       numbers in Indonesian format: 84,98 and 62.644.362.476\n"
    "                     (default: plain 84.98; ambiguous values are refused, never guessed)\n";

const char help_check[] =
    "usage: sakipc check PLAN\n"
    "\n"
    "Parses PLAN and its includes and checks names, types, formula cycles and\n"
    "grade schemes (gaps and overlaps). Every error is reported, then a count.\n"
    "Prints 'PLAN: ok (N indicators, M schemes)' when there is none.\n";

const char help_eval[] =
    "usage: sakipc eval PLAN [--db DB] [--year Y|Y1..Y2] [--as-of PERIOD] [--unit CODE]\n"
    "                        [--target SOURCE] [--scenario NAME] [--set CHANGE]... [--hook FILE]...\n"
    "                        [--report achievement|grades|budget]\n"
    "                        [--format table|csv|json|markdown]\n"
    "\n"
    "Evaluates PLAN against the database: one row per unit, indicator and year\n"
    "with the target and its source, the realisation, capaian, grades and a\n"
    "status (ok, no data, no target, undefined) with its reason.\n"
    "\n"
    "Options:\n"
    "  --db DB            the database (default: the plan's 'database', relative to the plan)\n"
    "  --year Y           the year to evaluate, or a range 2021..2023 (default: the plan's 'year')\n"
    "  --as-of PERIOD     count only periods ending by PERIOD: 2023, 2023-S1, 2023-Q3, 2023-07\n"
    "                     (default: the end of each evaluated year; the wall clock never counts)\n"
    "  --unit CODE        only this unit\n"
    "  --target SOURCE    measure every indicator against SOURCE (renstra, pk, pk-perubahan, ...)\n"
    "                     or 'end' (the Renstra target of the plan's last Renstra year)\n"
    "  --scenario NAME    evaluate with the plan's scenario NAME (and those it extends)\n"
    "  --set CHANGE       a what-if change, repeatable: [UNIT:]CODE.FIELD[@YEAR]=VALUE with FIELD\n"
    "                     target, realisation, weight or cap (IKM.target=86, SETWAN:SAKIP.realisation=72)\n"
    "  --hook FILE.lua    event hooks (before_unit, on_result, after_unit) that may add\n"
    "                     warnings with sakip.warn; repeatable, after the plan's own 'hook' files\n"
    "  --report R         achievement (default): the indicator rows; grades: how many figures\n"
    "                     fell in each band, per scheme and year; budget: the plan's\n"
    "                     'budget' block over the budget table (serapan, sisa, roll-ups)\n"
    "  --format F         table (default), csv, json or markdown (md)\n";

const char help_diff[] =
    "usage: sakipc diff PLAN [--scenario NAME] [--set CHANGE]... [--db DB] [--year Y|Y1..Y2]\n"
    "                        [--as-of PERIOD] [--unit CODE] [--target SOURCE] [--format F]\n"
    "\n"
    "Evaluates PLAN twice, as it is and with the what-if changes of a scenario\n"
    "(the plan's 'scenario NAME { ... }', with the scenarios it extends) and\n"
    "of --set, and prints every figure that differs: target, realisation,\n"
    "capaian, grade or status, baseline and scenario side by side. Composites\n"
    "and roll-ups that depend on a changed figure change with it. A target\n"
    "that keeps its value under another source (70 (pk), 70 (--set)) is not\n"
    "a change. The data is only read: the database is opened read-only.\n"
    "\n"
    "Options: as for eval (sakipc eval --help), at least one of --scenario and --set.\n";

const char help_need[] =
    "usage: sakipc need PLAN --unit CODE --indicator CODE (--grade G [--scheme S] | --capaian N)\n"
    "                        [--vary CODE] [--period PERIOD] [--year Y] [--as-of PERIOD]\n"
    "                        [--scenario NAME] [--set CHANGE]... [--db DB] [--format F]\n"
    "\n"
    "Goal seek: the realisation that brings the indicator's row to grade G (or\n"
    "a better one) of its grading scheme S, or to a capaian of at least N. The\n"
    "input is the indicator's own realisation, or with --vary the realisation\n"
    "of another indicator of the unit (a part of a composite), or with --period\n"
    "the realisation of one period alone (the quarter still to come). Every\n"
    "try is a full evaluation with the plan's rules, so the answer is exact at\n"
    "the input's precision: 'at least 88.31', or 'above 80' where the band\n"
    "excludes 80 itself. Where the outcome is not monotone in the input, the\n"
    "ranges that reach the goal are listed; where none does, it says why.\n"
    "The database is only read.\n";

const char help_explain[] =
    "usage: sakipc explain PLAN --unit CODE --indicator CODE [--group G] [--year Y] [--as-of PERIOD]\n"
    "                           [--target SOURCE] [--scenario NAME] [--set CHANGE]... [--db DB]\n"
    "                           [--format table|markdown|json]\n"
    "\n"
    "Shows how one row's figures were derived: each formula as the checker\n"
    "reads it with its place in the plan, the value of every input in it,\n"
    "the stored rows behind a realisation or target (period, source, CSV\n"
    "file and line), the capaian formula with its numbers, the cap and\n"
    "rounding, and the band each grade came from and why. --format json gives\n"
    "the same trace for other tools. The database is only read.\n";

const char help_audit[] =
    "usage: sakipc audit PLAN [--printed FILE.csv]... [--tolerance X] [--indonesian] [--year Y]\n"
    "                         [--scenario NAME] [--set CHANGE]... [--db DB] [--format F]\n"
    "\n"
    "Checks a printed report against the data. FILE.csv is a transcription of\n"
    "the figures the report prints, with a header: unit, indicator, and any\n"
    "of group, year (default: the year evaluated), target, realisation,\n"
    "capaian, grade, where (a page or table, for the findings); an empty field\n"
    "was not printed. A printed number agrees when the computed one, rounded\n"
    "half-up to the decimals printed, is the same (100.17 printed as 100\n"
    "agrees; as 101 it does not), give or take --tolerance X. A printed grade\n"
    "agrees when it is the code or the label of one of the row's grades. When\n"
    "the plan has a budget block, its checks (roll-ups, left-overs) are part of\n"
    "the audit. Every figure that disagrees is listed with where it was\n"
    "printed, both values, the difference and the rule; then a summary.\n"
    "\n"
    "Exit status: 0 when everything agrees, 1 when anything disagrees; 2, 3,\n"
    "4 and 5 as for the other commands. The database is only read.\n"
    "\n"
    "Options:\n"
    "  --printed FILE.csv  a transcription (repeatable)\n"
    "  --tolerance X       a printed number may differ by X beyond its rounding\n"
    "  --indonesian        the transcription's numbers are written 100,17\n";

const char help_report[] =
    "usage: sakipc report PLAN --template NAME [--out FILE] [--memory BYTES] [--instructions N]\n"
    "                          [--year Y|Y1..Y2] [--as-of PERIOD] [--unit CODE] [--target SOURCE]\n"
    "                          [--scenario NAME] [--set CHANGE]... [--db DB]\n"
    "\n"
    "Evaluates PLAN and has the Lua template NAME write a report from the\n"
    "results: NAME is a file of stdlib/reports/ (json: every result for other\n"
    "systems; lkip-md, lkip-csv, lkip-budget-csv, lkip-html and lkip-xlsx: the\n"
    "LKIP chapter III tables) or a path to a .lua file. Templates run in a\n"
    "sandbox: no files, processes or modules,\n"
    "and budgets of memory (--memory, default 64 MiB) and VM instructions\n"
    "(--instructions, default 200 million). The report goes to FILE whole, or\n"
    "nowhere: a template that fails is reported with a traceback, exit 6, and\n"
    "FILE is left as it was. The database is only read.\n";

const char help_help[] =
    "usage: sakipc help [COMMAND]\n"
    "\n"
    "Shows the program's help, or COMMAND's (init, import, check, eval, diff, need, explain,\n"
    "audit, report, help).\n"
    "'sakipc COMMAND --help' does the same.\n";
