#!/usr/bin/env bash
# Screens 5 and 6 in a real terminal, at 80x24 and 160x48.
# Screen 5 on eight reports of one district (tests/data/hailar): GDP growth
# 2015 target 8% → result 8.9% ✓ in the table, a tally row, a chart with a
# value axis, years and the values written under them; h/l move the year,
# Enter shows the target's and the result's sentences with their files.
# Screen 6 on samples/: GDP growth targets of 2024, highest first (恩施 7.5%,
# 荆门 7%, 咸宁 6%), s ranks the results of 2023, - and + change the year.
# Also: a resize redraws the chart, NO_COLOR gives letters for the marks.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
H=tests/data/hailar

for size in 80x24 160x48; do
  tui_start "$size" "$GWR" "$H"
  tui_wait_for "8 reports" 10 || tui_fail "$size: hailar not loaded"
  tui_wait_gone "loading" 10
  tui_keys 5
  tui_wait_for "5 timeline" || tui_fail "$size: no timeline screen"
  tui_wait_for "海拉尔区" 3 || tui_fail "$size: the entity is not named"
  # GDP growth, the first row: 2015's target 8% met by 8.9%
  tui_wait_re "地区生产总值 +增速%.*8→8\.9 +✓" 3 && tui_ok "$size: 2015 GDP target 8 → result 8.9 met" \
    || tui_fail "$size: no 8→8.9 ✓ cell in the GDP row"
  tui_wait_re "targets met +[0-9]+ of [0-9]+" 3 && tui_ok "$size: a tally row under the table" || tui_fail "$size: no tally row"
  # the chart: axis ticks, the year axis, the values under the years
  tui_wait_re "^ +[0-9]+ ┤" 3 && tui_ok "$size: the chart has a value axis" || tui_fail "$size: no value axis"
  tui_wait_re "0 ┼ 2011 +2012 +2013" 3 && tui_ok "$size: years under the chart" || tui_fail "$size: no year labels"
  tui_wait_re "target ─ +21 +20 +11 +8 " 3 && tui_ok "$size: targets written under the years" || tui_fail "$size: no target values"
  tui_wait_re "result █ +22\.3 +18\.5✗ +10\.1✗ +9\.1✗ +8\.9✓" 3 && tui_ok "$size: results and marks under the years" \
    || tui_fail "$size: no result values"
  tui_wait_re "[▁▂▃▄▅▆▇█]{3}" 3 && tui_ok "$size: bars drawn" || tui_fail "$size: no bars"
  # h moves to an earlier year (the header marks it); Enter: the two sentences
  before=$(tui_screen | grep -o "[0-9]*: target (report")
  tui_keys h
  tui_wait_re "^ [0-9]+/[0-9]+ .*: target \(report" 3
  after=$(tui_screen | grep -o "[0-9]*: target (report")
  [ "$before" != "$after" ] && tui_ok "$size: h moved the year ($before → $after)" || tui_fail "$size: h did not move the year"
  tui_keys l Enter
  tui_wait_for "Target for 2018: 6%左右 — 2018 report, $H/hailar-2018.txt:43" 3 \
    && tui_ok "$size: Enter shows the target's sentence with file and line" || tui_fail "$size: no target sentence"
  tui_wait_for "Result of 2018: 6.0% — 2019 report, $H/hailar-2019.txt:18" 3 \
    && tui_ok "$size: and the result's a report later" || tui_fail "$size: no result sentence"
  tui_keys Escape
  tui_wait_re "^ +[0-9]+ ┤" 3 && tui_ok "$size: Esc brings the chart back" || tui_fail "$size: Esc did not close the sentences"
  # r: the indicator ranked (one entity here)
  tui_keys r
  tui_wait_for "6 rank" 3 && tui_wait_for "海拉尔区" 3 && tui_ok "$size: r ranks the indicator" || tui_fail "$size: r did not open the ranking"
  tui_keys q
  [ "$(tui_wait_exit)" = 0 ] || tui_fail "$size: q did not exit 0"
  tui_stop
done

# screen 3 on several reports of one entity: one row per indicator and year
tui_start 80x24 "$GWR" "$H"
tui_wait_for "8 reports" 10
tui_wait_gone "loading" 10
tui_keys 3
tui_wait_re "indicator +Y +target of Y +result of Y" 3 && tui_ok "screen 3: the header says target of Y against result of Y" \
  || tui_fail "screen 3: no per-year header"
tui_wait_re "地区生产总值 +2015 8% +8\.9% .*met" 3 && tui_ok "screen 3: GDP 2015 target 8% beside the 2015 result 8.9%, met" \
  || tui_fail "screen 3: no 2015 row"
# no row holds two years (the old layout wrote "2018 6.0%  2019 3.5%左右")
tui_screen | tail -n +3 | grep -qE "(19|20)[0-9]{2} .*(19|20)[0-9]{2} " && tui_fail "screen 3: a row holds two years" \
  || tui_ok "screen 3: no row mixes years"
tui_keys q
tui_wait_exit >/dev/null
tui_stop

# a resize redraws the chart to the new size
tui_start 80x24 "$GWR" "$H"
tui_wait_for "8 reports" 10
tui_wait_gone "loading" 10
tui_keys 5
tui_wait_re "^ +[0-9]+ ┤" 5 || tui_fail "resize: no chart at 80x24"
small=$(tui_screen | grep -c "┤")
tui_resize 160x48
tui_wait_re "1 doc 2 targets 3 compare 4 reports 5 timeline" 3 || tui_fail "resize: title not redrawn"
tui_wait_re "result █ +22\.3" 3 || tui_fail "resize: chart values missing after resize"
large=$(tui_screen | grep -c "┤")
[ "$large" -gt "$small" ] && tui_ok "resize: the chart grows ($small → $large axis ticks)" || tui_fail "resize: the chart did not grow ($small → $large)"
tui_keys q
tui_wait_exit >/dev/null
tui_stop

# NO_COLOR: letters for the marks
TUI_ENV="NO_COLOR=1" tui_start 80x24 "$GWR" "$H"
tui_wait_for "8 reports" 10
tui_wait_gone "loading" 10
tui_keys 5
tui_wait_re "8→8\.9 +M" 3 && tui_ok "NO_COLOR: met is M" || tui_fail "NO_COLOR: no letter mark"
tui_wait_re "10\.1X" 3 && tui_ok "NO_COLOR: missed is X under the chart" || tui_fail "NO_COLOR: no X under the chart"
tui_keys q
tui_wait_exit >/dev/null
tui_stop
TUI_ENV=

# screen 6 on five reports of five cities
for size in 80x24 160x48; do
  tui_start "$size" "$GWR" samples/
  tui_wait_for "5 reports" 10 || tui_fail "$size: samples not loaded"
  tui_wait_gone "loading" 10
  tui_keys 6
  tui_wait_for "6 rank" 3 || tui_fail "$size: no rank screen"
  tui_wait_re "1 恩施市 +7\.5% .*2024 █+" 3 && tui_ok "$size: 恩施市 7.5% first, with a bar" || tui_fail "$size: 恩施市 not first"
  scr=$(tui_screen)
  l1=$(printf '%s\n' "$scr" | grep -n "恩施市" | head -1 | cut -d: -f1)
  l2=$(printf '%s\n' "$scr" | grep -n "荆门市" | head -1 | cut -d: -f1)
  l3=$(printf '%s\n' "$scr" | grep -n "咸宁市" | head -1 | cut -d: -f1)
  [ -n "$l1" ] && [ -n "$l2" ] && [ -n "$l3" ] && [ "$l1" -lt "$l2" ] && [ "$l2" -lt "$l3" ] \
    && tui_ok "$size: highest target first (恩施 7.5, 荆门 7, 咸宁 6)" || tui_fail "$size: order of the 2024 targets"
  tui_keys s
  tui_wait_re "result▼" 3 || tui_fail "$size: s did not rank the results"
  tui_wait_re "1 恩施市 +7\.5% .*2023" 3 && tui_wait_re "2 荆门市 +6\.7% .*2023" 3 && tui_wait_re "3 咸宁市 +1\.6%" 3 \
    && tui_ok "$size: s ranks the 2023 results" || tui_fail "$size: results of 2023 not ranked"
  tui_keys s
  tui_wait_re "target▼" 3
  tui_keys -
  tui_wait_re "7\.5%左右 +about +2023" 3 && tui_ok "$size: - goes to the 2023 targets, 左右 as about" || tui_fail "$size: - did not change the year"
  tui_keys +
  tui_wait_re "1 恩施市 +7\.5% .*2024" 3 && tui_ok "$size: + comes back to 2024" || tui_fail "$size: + did not change the year"
  tui_keys q
  [ "$(tui_wait_exit)" = 0 ] || tui_fail "$size: q did not exit 0"
  tui_stop
done
tui_done
