#!/usr/bin/env bash
# The baseline a researcher would otherwise use: one regular expression for
# "主要预期目标是：…生产总值增长N%…" over each report. Wherever it finds the
# year's GDP growth target, `gwr compare` must show the same target (planned,
# gdp, growth). The expression also meets 国民生产总值, the headline of the
# national reports before 1993, which gwr keys gnp: either key counts.
# Prints the counts; fails on any miss.
set -u
gwr=${1:-./gwr}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
regex_target() {   # file → N, or nothing (GBK files are read as GBK)
  { iconv -f GBK -t UTF-8 "$1" 2>/dev/null || cat "$1"; } | perl -CSD -Mutf8 -0777 -ne '
    tr/０-９．％：，/0-9.%:,/;
    s/(?<=[0-9]) +(?=[0-9.%])//g;
    s/(?<=[0-9.]) +(?=[0-9%])//g;
    if (/(?:预期|主要|调控)目标(?:是|为)?[:,][^。]{0,120}?(?:生产总值|经济增长(?:速度)?)(?:增长|增速)?(?:为|达到)?\s*([0-9.]+)%/) { print $1 }'
}
found=0 both=0 miss=0
for f in tests/data/national/*.txt samples/*.txt tests/data/hailar/*.txt; do
  want=$(regex_target "$f")
  [ -n "$want" ] || continue
  found=$((found + 1))
  got=$("$gwr" compare --format tsv "$f" 2>/dev/null |
        awk -F'\t' '($3 == "gdp" || $3 == "gnp") && $5 == "growth" && $8 != "" { print $8; exit }')
  if [ "$got" = "$want" ]; then both=$((both + 1))
  else miss=$((miss + 1)); echo "baseline miss: $f: the regex finds ${want}%, gwr compare has '${got}'"; fi
done
echo "baseline: the regex finds the GDP growth target in $found reports; gwr compare shows the same target in $both"
[ "$miss" = 0 ]
