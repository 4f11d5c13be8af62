#!/usr/bin/env bash
# `-` (collapse to the parts) in the outline keeps the selection on the part
# that holds the selected node; the status line and the document follow.
# Expected parts come from `gwr outline` (what the core finds), not from the
# screen.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
for S in samples/jingmen-2024.txt samples/xianning-2024.txt; do
  tsv=$("$GWR" outline --format tsv "$S" | tail -n +2)
  nparts=$(printf '%s\n' "$tsv" | awk -F'\t' '$2 == 1' | wc -l)
  # the part holding the targets paragraph: its ordinal and title
  read -r tpart ttitle < <(printf '%s\n' "$tsv" | awk -F'\t' '$2 == 1 { k++; t = $6 } $3 == "targets" { print k, t; exit }')
  first=$(printf '%s\n' "$tsv" | awk -F'\t' '$2 == 1 { print $6; exit }')
  if [ "$nparts" -lt 2 ] || [ -z "$tpart" ]; then echo "skip - $S: the core finds no parts or no targets paragraph"; continue; fi
  tui_start 80x24 "$GWR" "$S"
  tui_wait_for "outline+document" || tui_fail "$S: the first screen did not appear"
  # from the targets paragraph (t) to its part
  tui_keys t
  tui_wait_re "^ section [0-9]+/" || tui_fail "$S: no status line after t"
  tui_keys -
  if tui_wait_re "^ section $tpart/$nparts " 3; then tui_ok "$S: - after t selects part $tpart/$nparts"; else tui_fail "$S: - after t should select part $tpart/$nparts ($ttitle)"; fi
  # the document shows that part: its title on the first text line
  tui_wait_re "^.{0,60}│ .*${ttitle:0:4}" 2 && [ -n "$(tui_screen | sed -n 2p | grep -F -- "${ttitle:0:4}")" ] &&
    tui_ok "$S: the document shows part $tpart" || tui_fail "$S: the document does not start at part $tpart ($ttitle)"
  # from inside the first part (its second child) back to part 1
  tui_keys '*' g j j
  tui_wait_re "^ section 3/" || tui_fail "$S: g j j did not reach row 3"
  tui_keys -
  if tui_wait_re "^ section 1/$nparts " 3; then tui_ok "$S: - inside part 1 selects part 1"; else tui_fail "$S: - inside part 1 should select part 1/$nparts ($first)"; fi
  [ -n "$(tui_screen | sed -n 2p | grep -F -- "${first:0:4}")" ] &&
    tui_ok "$S: the document shows part 1" || tui_fail "$S: the document does not start at part 1 ($first)"
  # on a part already: - keeps it; * keeps the selection on the same node
  tui_keys j -
  tui_wait_re "^ section 2/$nparts " 3 || tui_fail "$S: - on part 2 should keep part 2"
  tui_keys '*'
  tui_wait_re "^ section [0-9]+/[0-9]+ " 3
  row=$(tui_screen | tail -n 1 | sed -E 's/^ section ([0-9]+)\/.*/\1/')
  [ "$row" -gt 2 ] && tui_ok "$S: * keeps part 2 selected (row $row)" || tui_fail "$S: * lost the selection (row $row)"
  # from the document pane: - folds the outline, the text stays where it is read
  tui_keys t Tab PageDown
  tui_wait_re "^ line [0-9]+/" || tui_fail "$S: Tab did not focus the document"
  sleep 0.2
  line=$(tui_screen | tail -n 1 | grep -oE '^ line [0-9]+/[0-9]+')
  tui_keys -
  tui_wait_re "^▸ ${first:0:4}" 3 || tui_fail "$S: - in the document pane did not fold the outline"
  [ "$(tui_screen | sed '1d;$d' | sed 's/│.*//' | grep -c '[^ ]')" = "$nparts" ] || tui_fail "$S: the outline does not show just the parts after -"
  [ "$(tui_screen | tail -n 1 | grep -oE '^ line [0-9]+/[0-9]+')" = "$line" ] &&
    tui_ok "$S: - from the document keeps the text at $line" || tui_fail "$S: - from the document moved the text (was $line)"
  tui_keys q
  tui_wait_exit >/dev/null
  tui_stop
done
tui_done
