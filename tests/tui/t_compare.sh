#!/usr/bin/env bash
# The compare screen: Jingmen's achieved GDP growth (2023) beside its target
# (2024) on one row, at 80x24 and 160x48; Enter goes to the figure's sentence.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
S=samples/jingmen-2024.txt
if ! "$GWR" compare --format tsv "$S" | awk -F'\t' '$3 == "gdp" && $11 == "6.7"' | grep -q .; then
  echo "skip - the core does not compare Jingmen's GDP yet"
  exit 0
fi
for size in 80x24 160x48; do
  tui_start "$size" "$GWR" "$S"
  tui_wait_for "outline+document" || tui_fail "$size: first screen"
  tui_keys 3
  tui_wait_for "3 compare" || tui_fail "$size: compare screen"
  tui_wait_re "2023 6\.7%.*2024 7%" 3 && tui_ok "$size: GDP 2023 6.7% beside the 2024 target 7% on one row" \
    || tui_fail "$size: no row with 2023 6.7% and 2024 7%"
  row=$(tui_screen | grep -nE "2023 6\.7%.*2024 7%" | head -n 1 | cut -d: -f1)
  if [ -n "$row" ]; then
    # the headline indicator comes first
    [ "$row" -le 4 ] && tui_ok "$size: GDP is among the first rows" || tui_fail "$size: GDP row is line $row"
  fi
  tui_keys q
  [ "$(tui_wait_exit)" = 0 ] || tui_fail "$size: q did not exit 0"
  tui_stop
done
tui_done
