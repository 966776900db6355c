-- A store made by sakipc with schema version 2 (sqlite3 .dump, which leaves out the version)
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE units (
    code    TEXT PRIMARY KEY,          -- e.g. 'SETWAN.SIDANG'
    parent  TEXT,                      -- code of the parent unit, NULL at the top
    name    TEXT NOT NULL,
    level   TEXT,                      -- free text: 'pemda', 'eselon2', 'eselon3', ...
    src_file TEXT, src_line INTEGER
) WITHOUT ROWID;
INSERT INTO units VALUES('U',NULL,'Unit U','opd','units.csv',2);
CREATE TABLE indicators (
    unit     TEXT NOT NULL,
    code     TEXT NOT NULL,
    name     TEXT NOT NULL,
    measure  TEXT,                     -- '%', 'indeks 25-100', 'dokumen', 'rupiah', ...
    polarity TEXT,                     -- 'higher', 'lower', ... as written by the agency
    src_file TEXT, src_line INTEGER,
    PRIMARY KEY (unit, code)
) WITHOUT ROWID;
CREATE TABLE targets (
    unit      TEXT NOT NULL,
    indicator TEXT NOT NULL,
    year      INTEGER NOT NULL,
    source    TEXT NOT NULL,
    value     REAL NOT NULL,
    upper     REAL,
    src_file  TEXT, src_line INTEGER,
    PRIMARY KEY (unit, indicator, year, source)
) WITHOUT ROWID;
INSERT INTO targets VALUES('U','A',2022,'pk',90.0,NULL,'targets.csv',3);
INSERT INTO targets VALUES('U','A',2023,'pk',100.0,NULL,'targets.csv',2);
CREATE TABLE period_targets (
    unit      TEXT NOT NULL,
    indicator TEXT NOT NULL,
    period    TEXT NOT NULL,           -- '2023-Q1', '2023-S1', '2023-07'
    source    TEXT NOT NULL,
    value     REAL NOT NULL,
    src_file  TEXT, src_line INTEGER,
    PRIMARY KEY (unit, indicator, period, source)
) WITHOUT ROWID;
CREATE TABLE realisasi (
    unit      TEXT NOT NULL,
    indicator TEXT NOT NULL,
    period    TEXT NOT NULL,
    value     REAL NOT NULL,
    note      TEXT,
    src_file  TEXT, src_line INTEGER,
    PRIMARY KEY (unit, indicator, period)
) WITHOUT ROWID;
INSERT INTO realisasi VALUES('U','A','2022',80.0,NULL,'realisasi.csv',2);
INSERT INTO realisasi VALUES('U','A','2023',85.0,NULL,'realisasi.csv',3);
CREATE TABLE budget (
    code            TEXT PRIMARY KEY,  -- '1', '1.1', '1.1.01'
    parent          TEXT,
    level           TEXT NOT NULL,     -- 'program', 'kegiatan', 'subkegiatan'
    name            TEXT NOT NULL,
    pagu            INTEGER,           -- the original budget; NULL where the source prints none
    pagu_revised    INTEGER,           -- the revised budget (APBD perubahan), NULL if none
    realisasi       INTEGER,
    printed_percent REAL,
    printed_sisa    INTEGER,
    src_file        TEXT, src_line INTEGER
) WITHOUT ROWID;
CREATE TABLE record_tables (
    name        TEXT PRIMARY KEY,
    declaration TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO record_tables VALUES('survey','unit text, year int, score int');
CREATE TABLE IF NOT EXISTS "rec_survey" ("unit" TEXT, "year" INTEGER, "score" INTEGER, src_file TEXT, src_line INTEGER);
INSERT INTO rec_survey VALUES('U',2023,3,'survey.csv',2);
INSERT INTO rec_survey VALUES('U',2023,4,'survey.csv',3);
COMMIT;
PRAGMA user_version = 2;
