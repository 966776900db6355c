#!/usr/bin/env bash
# The HTML report in a real browser: sakipc's lkip-html template renders the
# Balangan example (indicators over the Renstra years; Table XI's budget;
# the whole plan, whose programs are linked to indicators: absorption
# against achievement) to self-contained HTML files; headless Chromium must load each
# with no console error and no network request, the DOM must hold the
# tables and the inline SVG charts, and a screenshot is taken for a human
# to look at (left in the build directory: report-*.png); in a 1000 px
# window no page may be wider than the window.
#
#   usage: html-browser.sh SAKIPC REPO_DIR OUT_DIR
set -euo pipefail
sakipc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
repo=$2
out=$3
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "FAIL: no chromium (scripts/deps installs the Debian package)"
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -R "$repo/examples/balangan-2023" "$tmp/ex"
export SAKIPC_STDLIB="$repo/stdlib"
cd "$tmp/ex"
rm -f balangan.db
"$sakipc" import balangan.db --plan plan.skp units.csv indicators.csv targets.csv realisasi.csv budget.csv > /dev/null
"$sakipc" report plan.skp --template lkip-html --unit SETWAN --year 2021..2023 --target renstra --out "$tmp/years.html"
"$sakipc" report case5-budget.skp --template lkip-html --out "$tmp/budget.html"
"$sakipc" report plan.skp --template lkip-html --out "$tmp/plan.html"
# the Kurkin table: fifteen columns of words, in a box of its own
(cd kurkin && rm -f kurkin.db && "$sakipc" import kurkin.db units.csv targets.csv realisasi.csv narratives.csv > /dev/null)
"$sakipc" report kurkin.skp --as-of 2023-Q4 --template kurkin-html --out "$tmp/kurkin.html"
fail=0
# the plan's page has the chart of absorption against achievement per program
grep -q '<title>Serapan anggaran dan capaian kinerja 2023 per program</title>' "$tmp/plan.html" ||
    { echo "FAIL plan: no chart of absorption against achievement"; fail=1; }
for name in years budget plan kurkin; do
    page="$tmp/$name.html"
    if grep -Eq '(src|href)="https?:' "$page"; then echo "FAIL $name: the page refers to the network"; fail=1; fi
    log="$tmp/$name.log"
    # --dump-dom: the page as the browser built it; the log has the console
    "$browser" --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 \
        --dump-dom "file://$page" > "$tmp/$name.dom" 2> "$log" || { echo "FAIL $name: chromium exited $?"; fail=1; }
    if grep -E 'CONSOLE|Uncaught|SyntaxError' "$log"; then echo "FAIL $name: console errors"; fail=1; fi
    svgs=$(grep -o "<svg" "$tmp/$name.dom" | wc -l || true)
    tables=$(grep -o '<table' "$tmp/$name.dom" | wc -l)
    charts=1; [ "$name" = kurkin ] && charts=0      # the Kurkin table is words and figures only
    if [ "$svgs" -lt "$charts" ] || [ "$tables" -lt 1 ]; then echo "FAIL $name: $tables tables, $svgs charts"; fail=1; fi
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,2600 \
        --screenshot="$out/report-$name.png" "file://$page" > /dev/null 2>&1 || { echo "FAIL $name: no screenshot"; fail=1; }
    [ -s "$out/report-$name.png" ] || { echo "FAIL $name: empty screenshot"; fail=1; }
    # at 1000 px the page keeps its width: a wide table scrolls in its own
    # box (the budget table once pushed its notes column off the page)
    sed 's|</body>|<script>document.body.setAttribute("data-width", document.documentElement.scrollWidth)</script></body>|' \
        "$page" > "$tmp/$name-width.html"
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,800 \
        --dump-dom "file://$tmp/$name-width.html" > "$tmp/$name-width.dom" 2> /dev/null || true
    width=$(grep -o 'data-width="[0-9]*"' "$tmp/$name-width.dom" | grep -o '[0-9]*' || true)
    if [ -z "$width" ] || [ "$width" -gt 1000 ]; then echo "FAIL $name: ${width:-unknown} px wide in a 1000 px window"; fail=1; fi
    [ "$fail" -eq 0 ] && echo "ok $name: $tables tables, $svgs charts, ${width} px wide at 1000 px, screenshot $out/report-$name.png"
done
exit "$fail"
