-- The sakipc store, schema version 4 (PRAGMA user_version = 4).
-- Version 2 added budget.pagu_revised and period_targets; version 3 the
-- files table, rows naming their file by its id rather than by its path
-- (at national scale the path was a third of the store); version 4 the
-- narratives table. store.c upgrades
-- older files in place (`sakipc init`, or any command that writes).
--
-- One file holds everything a plan is evaluated against. Plans never write
-- here; `sakipc import` does, one CSV file per transaction.
--
-- Conventions
--   * A missing realisation is a missing row, never a zero.
--   * Periods are text in one of four forms: '2023', '2023-S1', '2023-Q3',
--     '2023-07' (checked by the importer).
--   * Rupiah amounts are INTEGER (exact); other figures are REAL.
--   * Every row remembers the CSV file and line it came from, so that
--     errors and traces can point at it: src_file is the id of its path
--     in files, src_line the line.

-- The CSV files rows were imported from, each once, by the path it was
-- imported by.
CREATE TABLE IF NOT EXISTS files (
    id      INTEGER PRIMARY KEY,
    path    TEXT NOT NULL UNIQUE
);

-- Organisational units: a regional government or ministry at the top,
-- OPD / satuan kerja below, divisions (eselon III) and sections (eselon IV).
CREATE TABLE IF NOT EXISTS units (
    code    TEXT PRIMARY KEY,          -- e.g. 'SETWAN.SIDANG'
    parent  TEXT,                      -- code of the parent unit, NULL at the top
    name    TEXT NOT NULL,
    level   TEXT,                      -- free text: 'pemda', 'eselon2', 'eselon3', ...
    src_file INTEGER, src_line INTEGER
) WITHOUT ROWID;

-- The indicator catalogue as an agency keeps it. Plans define how each
-- indicator is measured; this table records what the data says it is.
CREATE TABLE IF NOT EXISTS indicators (
    unit     TEXT NOT NULL,
    code     TEXT NOT NULL,
    name     TEXT NOT NULL,
    measure  TEXT,                     -- '%', 'indeks 25-100', 'dokumen', 'rupiah', ...
    polarity TEXT,                     -- 'higher', 'lower', ... as written by the agency
    src_file INTEGER, src_line INTEGER,
    PRIMARY KEY (unit, code)
) WITHOUT ROWID;

-- Targets per unit, indicator, year and document: 'renstra', 'pk',
-- 'pk-perubahan' or any other named source. A range target ('90 to 110')
-- has value = lower bound and upper = upper bound.
CREATE TABLE IF NOT EXISTS targets (
    unit      TEXT NOT NULL,
    indicator TEXT NOT NULL,
    year      INTEGER NOT NULL,
    source    TEXT NOT NULL,
    value     REAL NOT NULL,
    upper     REAL,
    src_file  INTEGER, src_line INTEGER,
    PRIMARY KEY (unit, indicator, year, source)
) WITHOUT ROWID;

-- Targets per period within a year (quarterly, monthly, per semester),
-- given per period or cumulatively to the period (the plan says which:
-- `period targets cumulative`). When an indicator has any for a year and
-- source, they make its target to the evaluation date.
CREATE TABLE IF NOT EXISTS period_targets (
    unit      TEXT NOT NULL,
    indicator TEXT NOT NULL,
    period    TEXT NOT NULL,           -- '2023-Q1', '2023-S1', '2023-07'
    source    TEXT NOT NULL,
    value     REAL NOT NULL,
    src_file  INTEGER, src_line INTEGER,
    PRIMARY KEY (unit, indicator, period, source)
) WITHOUT ROWID;

-- Realisations per unit, indicator and period.
CREATE TABLE IF NOT EXISTS realisasi (
    unit      TEXT NOT NULL,
    indicator TEXT NOT NULL,
    period    TEXT NOT NULL,
    value     REAL NOT NULL,
    note      TEXT,
    src_file  INTEGER, src_line INTEGER,
    PRIMARY KEY (unit, indicator, period)
) WITHOUT ROWID;

-- Budget lines: program / kegiatan / sub kegiatan with pagu and realisasi in
-- whole rupiah. printed_* keep what a printed report said, for audits.
CREATE TABLE IF NOT EXISTS budget (
    code            TEXT PRIMARY KEY,  -- '1', '1.1', '1.1.01'
    parent          TEXT,
    level           TEXT NOT NULL,     -- 'program', 'kegiatan', 'subkegiatan'
    name            TEXT NOT NULL,
    pagu            INTEGER,           -- the original budget; NULL where the source prints none
    pagu_revised    INTEGER,           -- the revised budget (APBD perubahan), NULL if none
    realisasi       INTEGER,
    printed_percent REAL,
    printed_sisa    INTEGER,
    src_file        INTEGER, src_line INTEGER
) WITHOUT ROWID;

-- What a report says in words beside a figure, per unit, indicator and
-- period, one row per field: data dukung, kendala, rencana aksi, catatan
-- evaluasi, ... (the fields are the reporter's: any name). Reports read
-- them (sakip.narrative in templates); no figure is computed from them.
CREATE TABLE IF NOT EXISTS narratives (
    unit      TEXT NOT NULL,
    indicator TEXT NOT NULL,
    period    TEXT NOT NULL,           -- '2023-Q4', '2023'
    field     TEXT NOT NULL,           -- 'data_dukung', 'kendala', ...
    text      TEXT NOT NULL,
    src_file  INTEGER, src_line INTEGER,
    PRIMARY KEY (unit, indicator, period, field)
) WITHOUT ROWID;

-- Record tables declared by plans (`record NAME { ... }`) are created as
-- rec_NAME with the declared columns plus src_file/src_line. Their declarations
-- are kept here so that a later import with a different declaration is
-- refused instead of silently mixing shapes.
CREATE TABLE IF NOT EXISTS record_tables (
    name        TEXT PRIMARY KEY,
    declaration TEXT NOT NULL
) WITHOUT ROWID;

PRAGMA user_version = 4;
