#!/usr/bin/env bash
# Searching from any keyboard, in the targets table of samples/ at 100x30:
# /jiuye shows only employment rows, /gdp only GDP rows (by key, whatever
# the wording), /jy the employment rows first with other j-y words after;
# Tab widens the filter while it is typed (letters are query text); sorting
# by entity follows pinyin with the marker visible; and a report with a
# 20 MB sentence answers Ctrl-C at once while a 255-letter filter runs.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1

# the rows of the table: the lines between the header and the status line
rows() { tui_screen | sed -n '3,29p' | grep -v '^ *$'; }

tui_start 100x30 "$GWR" samples/
tui_wait_for "4 reports" 10 || tui_wait_for "5 reports" 10 || tui_fail "samples did not load"
tui_keys 2
tui_wait_for "indicator" || tui_fail "targets table not shown"

tui_keys /; tui_type jiuye
tui_wait_for "jiuye → 就业" || tui_fail "/jiuye: the status line does not say how the query was read"
# every figure shown has 就业 in its indicator (names are cut on screen: the CLI has them whole)
n=$(rows | wc -l)
want=$("$GWR" targets --grep jiuye --format tsv samples/ | awk -F'\t' 'NR > 1 && $1 !~ /^file/' | wc -l)
bad=$("$GWR" targets --grep jiuye --format tsv samples/ | awk -F'\t' 'NR > 1 && $1 !~ /^file/ && $6 !~ /就业/' | wc -l)
[ "$n" -ge 5 ] && [ "$n" = "$want" ] && [ "$bad" = 0 ] && tui_ok "/jiuye: $n rows, every indicator is employment" \
  || tui_fail "/jiuye: $n rows on screen, $want by --grep, $bad not employment"
# Tab while typing widens (m would be typed into the query)
tui_keys Tab
tui_wait_for "showing every figure" || tui_fail "Tab while typing did not widen the filter"
tui_wait_re "filter: jiuye( |$)" || tui_fail "Tab was typed into the filter"
tui_ok "Tab widens while the filter is typed"
tui_keys Tab Escape

tui_keys /; tui_type gdp
tui_wait_for "gdp → key gdp" || tui_fail "/gdp: not read as the key gdp"
n=$(rows | wc -l); bad=$(rows | awk '{print $3}' | grep -Evc '生产总值|GDP')
[ "$n" -ge 5 ] && [ "$bad" = 0 ] && tui_ok "/gdp: $n rows, every one is GDP" || tui_fail "/gdp: $bad of $n rows are not GDP"
rows | awk '{print $3}' | grep -q '地区生产总值' && rows | awk '{print $3}' | grep -qx 'GDP' \
  && tui_ok "/gdp: both 地区生产总值 and GDP rows" || tui_fail "/gdp: not every wording of GDP is shown"
tui_keys Escape

tui_keys /; tui_type jy
tui_wait_re "jy → 就业" || tui_fail "/jy: employment is not the first reading"
first=$(rows | head -n 5 | awk '{print $3}' | grep -c '就业')
[ "$first" = 5 ] && tui_ok "/jy: employment rows ranked first" || tui_fail "/jy: employment rows are not first"
"$GWR" targets --grep jy samples/ | grep -Eq '教育|建议|经营|交易' && tui_ok "/jy: other j-y words match too" || tui_fail "/jy: only employment matches"
tui_keys Enter

# sort by entity: pinyin order (恩施 荆门 荆州 天门 咸宁), marker visible
tui_keys Escape /; tui_type jiuye; tui_keys Enter
for k in 1 2 3 4 5 6; do tui_keys s; done
tui_wait_for "sorted by entity" || tui_fail "no entity sort"
order=$(rows | awk '{print $2}' | grep '市$' | uniq | tr '\n' ' ')
case "$order" in "恩施市 荆门市 "*"天门市 咸宁市 ") tui_ok "entity sort by pinyin: $order" ;;
  *) tui_fail "entity sort is not by pinyin: $order" ;; esac
tui_screen | sed -n 2p | grep -q 'entity▲\|entit▲\|enti…▲' && tui_ok "sort marker shown" || tui_fail "sort marker hidden"
tui_keys s s s s s
tui_wait_for "sorted by year" || tui_fail "no year sort"
tui_screen | sed -n 2p | grep -q '▲' && tui_ok "sort marker visible in the narrow year column" || tui_fail "year sort marker hidden"
# the reports list (4) filters by pinyin; the outline (1) goes to matching section titles
tui_keys Escape 4 /; tui_type jm
tui_wait_for "report 1/1 (filtered)" || tui_fail "/jm does not filter the reports list to 荆门"
tui_screen | grep -q '荆门市' && tui_ok "reports list filtered by initials" || tui_fail "荆门 not in the filtered list"
tui_keys Enter Enter
tui_wait_for "outline+document" || tui_fail "Enter does not open the filtered report"
tui_keys /; tui_type jianyi; tui_keys Enter n
tui_wait_re "section: jianyi \([12]/2\)" || tui_fail "n in the outline does not go to the section titles matching jianyi"
tui_ok "outline: n goes to section titles matching jianyi"
tui_keys q q q
tui_wait_exit >/dev/null
tui_stop

# a report with a 20 MB sentence: type a 255-letter filter, Ctrl-C answers at once
big=$(mktemp -d "${TMPDIR:-/tmp}/gwrbig.XXXXXX")
{
  printf '一、工作回顾\n过去一年，地区生产总值增长5%%，'
  head -c 20000000 /dev/zero | tr '\0' 'a'
  printf '。\n二、今年工作\n城镇新增就业5万人。\n'
} > "$big/long.txt"
tui_start 100x30 "$GWR" "$big/long.txt"
tui_wait_for "outline+document" 30 || tui_fail "the long report did not open"
tui_keys 2
tui_wait_for "indicator" || tui_fail "no targets table"
tui_keys /
tui_type "$(printf 'a%.0s' $(seq 254))"
tui_type b
sleep 0.3
t0=$(date +%s%N)
tui_keys C-c
rc=$(tui_wait_exit 5)
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
[ "$rc" != timeout ] && [ "$ms" -lt 1500 ] && tui_ok "Ctrl-C during the long filter: exit after $ms ms" \
  || tui_fail "Ctrl-C during the long filter took $ms ms (rc $rc)"
tui_stty_same || tui_fail "terminal not restored"
rm -rf "$big"
tui_done
