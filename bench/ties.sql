-- Capaian that sit exactly on a band boundary, and how floating point
-- grades them: a diagnostic, not part of the timed run.
--
--   sqlite3 baseline.db < bench/ties.sql       (the database of bench/load.sql)
--
-- Every value bench-gen writes has two decimals, so the year's realisation
-- and the target are exact in hundredths, and "capaian >= k" can be decided
-- in integers: 100 x R >= k x T for higher (100 x (2T - R) >= k x T for
-- lower), with an average R = S / n compared as 100 x S >= k x T x n.
-- The floating-point capaian is computed as bench/baseline.sql and sakipc
-- compute it (R / T * 100, the quarters added in time order). Prints, per
-- boundary, "boundary|exact ties|graded below by floating point", then
-- the first rows raw floating point would grade below. sakipc grades the
-- decimal value (src/engine/grade.c, num_decimal) and bench/baseline.sql rounds
-- to 9 decimals before comparing, so both put these rows where the rules
-- do; this shows how many rows a raw comparison would get wrong.

CREATE TEMP TABLE yearly AS
SELECT t.unit, t.indicator, t.year, t.value AS target, i.polarity, i.aggregate,
       max(CASE substr(r.period, 6) WHEN 'Q1' THEN r.value END) AS q1,
       max(CASE substr(r.period, 6) WHEN 'Q2' THEN r.value END) AS q2,
       max(CASE substr(r.period, 6) WHEN 'Q3' THEN r.value END) AS q3,
       max(CASE substr(r.period, 6) WHEN 'Q4' THEN r.value END) AS q4,
       sum(CAST(round(r.value * 100) AS INTEGER)) AS sum_h,    -- exact, in hundredths
       count(*) AS quarters
FROM targets t
JOIN indicators i ON i.code = t.indicator
JOIN realisasi r
  ON r.unit = t.unit AND r.indicator = t.indicator
 AND r.period BETWEEN t.year || '-Q1' AND t.year || '-Q4'
GROUP BY t.unit, t.indicator, t.year;

CREATE TEMP TABLE capaian AS
SELECT unit, indicator, year, aggregate,
       -- exact: capaian = num / den, in integers
       100 * CASE polarity WHEN 'lower' THEN 2 * target_h * n - r_h ELSE r_h END AS num,
       target_h * n AS den,
       -- floating point, as sakipc and bench/baseline.sql compute it
       CASE polarity WHEN 'lower' THEN (2 * target - r) / target * 100 ELSE r / target * 100 END AS fp
FROM (
    SELECT *, CAST(round(target * 100) AS INTEGER) AS target_h,
           CASE aggregate WHEN 'avg' THEN quarters ELSE 1 END AS n,
           CASE aggregate WHEN 'last' THEN CAST(round(coalesce(q4, q3, q2, q1) * 100) AS INTEGER) ELSE sum_h END AS r_h,
           CASE aggregate
               WHEN 'sum' THEN total
               WHEN 'avg' THEN total / quarters
               ELSE coalesce(q4, q3, q2, q1)
           END AS r
    FROM (SELECT *, ((coalesce(q1, 0) + coalesce(q2, 0)) + coalesce(q3, 0)) + coalesce(q4, 0) AS total FROM yearly)
)
WHERE target_h > 0;

CREATE TEMP TABLE ties AS
SELECT b.boundary, c.*
FROM capaian c, (SELECT 91 AS boundary UNION ALL SELECT 76 UNION ALL SELECT 66 UNION ALL SELECT 51) b
WHERE c.num = b.boundary * c.den;

SELECT b.boundary, count(t.unit), count(CASE WHEN t.fp < t.boundary THEN 1 END)
FROM (SELECT 91 AS boundary UNION ALL SELECT 76 UNION ALL SELECT 66 UNION ALL SELECT 51) b
LEFT JOIN ties t USING (boundary)
GROUP BY b.boundary
ORDER BY b.boundary DESC;

SELECT unit, indicator, year, aggregate, 'exactly ' || boundary, printf('floating point %.17g', fp)
FROM ties
WHERE fp < boundary
ORDER BY unit, indicator, year
LIMIT 20;
