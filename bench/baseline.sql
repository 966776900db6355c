-- The national benchmark's rules in hand-written SQL, on the database
-- bench/load.sql makes: what a user would run instead of sakipc.
--
--   sqlite3 baseline.db < bench/baseline.sql
--
-- prints one line per band, "band|count", the five capaian bands then the
-- seven predikat, zeros included:
--
--   capaian   for every (unit, indicator, year) with a target and at least
--             one quarter: the year's realisation R by the indicator's
--             aggregate over the quarters present (sum, last, avg);
--             R/T x 100, or (2T - R)/T x 100 when lower is better; capped
--             at 120, not rounded; >= 91 Sangat Tinggi, >= 76 Tinggi,
--             >= 66 Sedang, >= 51 Rendah, else Sangat Rendah
--   predikat  for every (unit, year) with a capaian for every indicator:
--             the capaian weighted by the indicators' weights, averaged;
--             > 90 AA, > 80 A, > 70 BB, > 60 B, > 50 CC, > 30 C, else D
--
-- Bands are decided on the decimal value of a figure, as the rules state
-- them and as sakipc grades (src/engine/grade.c, num_decimal in src/base/num.c): a capaian that is
-- exactly 76 in decimals (40.66 of 53.50) is 75.99999999999998 in binary
-- floating point, and compared raw it would fall to the band below. Every
-- value has two decimals, so a capaian that is not on a boundary is at
-- least 1e-6 away from it, and rounding to 9 decimals before comparing
-- decides every tie as the decimals do and nothing else (bench/ties.sql
-- lists the ties). The quarters are still added in time order (Q1 + Q2 +
-- Q3 + Q4, as sakipc adds them), not with sum(), whose order follows the
-- query plan and whose recent releases add with compensation.

-- Each (unit, indicator, year): its quarters side by side, and its target.
CREATE TEMP TABLE yearly AS
SELECT t.unit, t.indicator, t.year, t.value AS target,
       max(CASE substr(r.period, 6) WHEN 'Q1' THEN r.value END) AS q1,
       max(CASE substr(r.period, 6) WHEN 'Q2' THEN r.value END) AS q2,
       max(CASE substr(r.period, 6) WHEN 'Q3' THEN r.value END) AS q3,
       max(CASE substr(r.period, 6) WHEN 'Q4' THEN r.value END) AS q4,
       count(*) AS quarters
FROM targets t
JOIN realisasi r
  ON r.unit = t.unit AND r.indicator = t.indicator
 AND r.period BETWEEN t.year || '-Q1' AND t.year || '-Q4'
GROUP BY t.unit, t.indicator, t.year;

-- The year's realisation by the aggregate, then the capped capaian (NULL
-- for a zero target: no capaian, no band).
CREATE TEMP TABLE capaian AS
SELECT unit, indicator, year, weight,
       min(120, CASE polarity WHEN 'lower' THEN (2 * target - r) / target * 100
                              ELSE r / target * 100 END) AS capaian
FROM (
    SELECT y.unit, y.indicator, y.year, y.target, i.polarity, i.weight,
           CASE i.aggregate
               WHEN 'sum' THEN total
               WHEN 'avg' THEN total / quarters
               ELSE coalesce(q4, q3, q2, q1)            -- last: the latest quarter present
           END AS r
    FROM (SELECT *, ((coalesce(q1, 0) + coalesce(q2, 0)) + coalesce(q3, 0)) + coalesce(q4, 0) AS total
          FROM yearly) y
    JOIN indicators i ON i.code = y.indicator
);

WITH scale(band, place) AS (
    VALUES ('Sangat Tinggi', 1), ('Tinggi', 2), ('Sedang', 3), ('Rendah', 4), ('Sangat Rendah', 5),
           ('AA', 6), ('A', 7), ('BB', 8), ('B', 9), ('CC', 10), ('C', 11), ('D', 12)
),
graded AS (
    SELECT CASE WHEN c >= 91 THEN 'Sangat Tinggi'
                WHEN c >= 76 THEN 'Tinggi'
                WHEN c >= 66 THEN 'Sedang'
                WHEN c >= 51 THEN 'Rendah'
                ELSE 'Sangat Rendah' END AS band
    FROM (SELECT round(capaian, 9) AS c FROM capaian WHERE capaian IS NOT NULL)
),
-- a unit's year with any indicator's capaian missing has no score, as in
-- sakipc, where a missing argument makes weighted_mean missing
scores AS (
    SELECT round(sum(capaian * weight) / sum(weight), 9) AS score
    FROM capaian
    GROUP BY unit, year
    HAVING count(capaian) = (SELECT count(*) FROM indicators)
),
predikat AS (
    SELECT CASE WHEN score > 90 THEN 'AA'
                WHEN score > 80 THEN 'A'
                WHEN score > 70 THEN 'BB'
                WHEN score > 60 THEN 'B'
                WHEN score > 50 THEN 'CC'
                WHEN score > 30 THEN 'C'
                ELSE 'D' END AS band
    FROM scores
),
counts AS (
    SELECT band, count(*) AS n FROM graded GROUP BY band
    UNION ALL
    SELECT band, count(*) FROM predikat GROUP BY band
)
SELECT s.band, coalesce(c.n, 0)
FROM scale s LEFT JOIN counts c USING (band)
ORDER BY s.place;
