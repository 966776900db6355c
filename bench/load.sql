-- The national benchmark loaded the way a user would load it: the sqlite3
-- shell's .import of the four CSV files of bench-gen into a plain schema,
-- the primary keys the rules look rows up by and nothing else.
--
--   sed 's#DATA/#/path/to/data/#g' bench/load.sql | sqlite3 baseline.db
--
-- (scripts/bench does exactly this; DATA/ stands for the data directory,
-- quoted '...' in the .import lines so that a path may hold spaces, though
-- not a single quote.)
-- The file must be new: the tables are created, not replaced.
-- Values are REAL, so that the shell stores 41.44 as the double sakipc
-- reads it as (SQLite 3.40's conversion and strtod agree on every value
-- from 0.00 to 20000.00, the range bench-gen writes in).

CREATE TABLE units (
    code   TEXT PRIMARY KEY,
    parent TEXT,                -- '' at the top (a regional government)
    name   TEXT NOT NULL
);
CREATE TABLE indicators (
    code      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    unit      TEXT,
    polarity  TEXT NOT NULL,    -- 'higher' or 'lower'
    aggregate TEXT NOT NULL,    -- 'sum', 'last' or 'avg' over the quarters present
    weight    INTEGER NOT NULL
);
CREATE TABLE targets (
    unit      TEXT NOT NULL,
    indicator TEXT NOT NULL,
    year      INTEGER NOT NULL,
    value     REAL NOT NULL,
    PRIMARY KEY (unit, indicator, year)
);
CREATE TABLE realisasi (
    unit      TEXT NOT NULL,
    indicator TEXT NOT NULL,
    period    TEXT NOT NULL,    -- 'YYYY-Qn'
    value     REAL NOT NULL,
    PRIMARY KEY (unit, indicator, period)
);

.import --csv --skip 1 'DATA/units.csv' units
.import --csv --skip 1 'DATA/indicators.csv' indicators
.import --csv --skip 1 'DATA/targets.csv' targets
.import --csv --skip 1 'DATA/realisasi.csv' realisasi
