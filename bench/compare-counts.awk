# compare-counts.awk: sakipc's band counts against the SQL baseline's.
#
#   awk -f bench/compare-counts.awk GRADES.csv BASELINE.txt
#
# GRADES.csv: `sakipc eval PLAN --report grades --format csv` (columns
# scheme, on, year, band, label, count: one row per scheme, year and band),
# summed here over the schemes and years. BASELINE.txt: the output of
# bench/baseline.sql, "band|count" a line. Prints both side by side, every
# band either counts, in the order sakipc lists them, and exits 0 when
# every count is the same, 1 when any differs, 2 when an input is not what
# it should be. Band names are the keys: the capaian bands and the predikat
# share none.
BEGIN { FS = ","; status = 0 }

function fail(why) {
    printf "compare-counts: %s:%d: %s\n", FILENAME, FNR, why > "/dev/stderr"
    status = 2
    exit 2
}

# 1234567 -> 1,234,567
function grouped(n,    s, tail) {
    s = sprintf("%d", n)
    tail = ""
    while (length(s) > 3) {
        tail = "," substr(s, length(s) - 2) tail
        s = substr(s, 1, length(s) - 3)
    }
    return s tail
}

function remember(band) {
    if (!(band in seen)) { seen[band] = 1; order[++nbands] = band }
}

FNR == 1 && FILENAME == ARGV[1] {
    for (i = 1; i <= NF; i++) col[$i] = i
    if (!("band" in col) || !("count" in col)) fail("no band and count columns: not a --report grades CSV")
    next
}

FILENAME == ARGV[1] {
    if (index($0, "\"")) fail("a quoted field, which this plan's grades never need")
    if ($col["count"] !~ /^[0-9]+$/) fail("count '" $col["count"] "' is not a number")
    remember($col["band"])
    ours[$col["band"]] += $col["count"]
    ngrades++
    next
}

{
    n = split($0, f, "|")
    if (n != 2 || f[2] !~ /^[0-9]+$/) fail("not a 'band|count' line: " $0)
    remember(f[1])
    theirs[f[1]] += f[2]
    nbaseline++
}

END {
    if (status) exit status
    if (!ngrades) { print "compare-counts: no grades in " ARGV[1] > "/dev/stderr"; exit 2 }
    if (!nbaseline) { print "compare-counts: no counts in " ARGV[2] > "/dev/stderr"; exit 2 }
    printf "%-15s %10s %13s\n", "band", "sakipc", "SQL baseline"
    same = 1
    for (i = 1; i <= nbands; i++) {
        b = order[i]
        if (!ours[b] && !theirs[b]) continue
        differs = ours[b] != theirs[b]
        if (differs) same = 0
        printf "%-15s %10s %13s%s\n", b, grouped(ours[b]), grouped(theirs[b]), differs ? "   DIFFERENT" : ""
    }
    print "counts: " (same ? "the same as the baseline's" : "NOT the same as the baseline's")
    exit same ? 0 : 1
}
