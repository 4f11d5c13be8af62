#!/usr/bin/env bash
# Terminal abuse: 50 quick resizes: 20 while scrolling down, 20 while
# scrolling up (no waiting), 10 through sizes too small to draw; then the
# screen at the first size is exactly what it was (the user's place is kept),
# keys still work, q exits 0 and the terminal modes are restored. Also a
# 20x5 terminal from the start.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
S=samples/jingmen-2024.txt

tui_start 80x24 "$GWR" "$S"
tui_wait_for "outline+document" || tui_fail "the first screen did not appear"
tui_keys j j j
tui_wait_for "section 4/" 3 || tui_fail "j does not move the outline"
before=$(tui_screen)
sizes=(100x30 60x20 132x43 40x10 200x60 81x25 40x8 120x24 80x50 79x23)
# settle: wait until the screen stops changing
settle() {
  local prev="" cur n=0
  cur=$(tui_screen)
  while [ "$cur" != "$prev" ] && [ $n -lt 50 ]; do sleep 0.2; prev=$cur; cur=$(tui_screen); n=$((n + 1)); done
}
# 20 resizes, each with a line down, without waiting
for i in $(seq 1 20); do tui_resize "${sizes[$((i % ${#sizes[@]}))]}"; tui_keys j; done
tui_resize 80x24; settle
tui_wait_for "section 24/" 10 && tui_ok "20 resizes while scrolling down: no key lost" || tui_fail "keys lost during resizes (expected section 24)"
# 20 more with a line up each, and 10 through sizes too small to draw (keys
# are ignored there, so none are sent)
for i in $(seq 1 20); do tui_resize "${sizes[$((i % ${#sizes[@]}))]}"; tui_keys k; done
for i in $(seq 1 5); do tui_resize 20x5; tui_resize 10x3; done
tui_resize 80x24; settle
tui_wait_for "outline+document" || tui_fail "no normal screen after the resizes"
[ -n "$(tui_pid)" ] && tui_ok "alive after 50 resizes" || tui_fail "gwr died during the resizes"
# the place: the selected section (status line) and the document pane; the
# outline list may scroll differently around its selection
# (the outline may also open a part the document passed through: only the
# selected row's number counts, not the number of rows)
place() { printf '%s\n' "$1" | sed -n '2,$p' | sed 's/^[^│]*│//; s|^\( section [0-9]*\)/[0-9]*|\1|'; }
if [ "$(place "$(tui_screen)")" = "$(place "$before")" ]; then tui_ok "same section and document text after 50 resizes: the place is kept"
else
  tui_fail "the place at 80x24 differs from before the resizes"
  diff <(place "$before") <(place "$(tui_screen)") | head -10
fi
tui_keys j
tui_wait_for "outline+document" || tui_fail "keys no longer work"
tui_keys q
[ "$(tui_wait_exit)" = 0 ] && tui_ok "q exits 0 after the resizes" || tui_fail "q did not exit 0"
tui_stty_same && tui_ok "terminal modes restored after the resizes" || tui_fail "stty -a differs after exit"
tui_stop

# a 20x5 terminal from the start: a message, no broken layout, q still quits
tui_start 20x5 "$GWR" "$S"
tui_wait_re "too small|gwr" || tui_fail "20x5: nothing drawn"
tui_wait_for "too small" 3 && tui_ok "20x5: says the terminal is too small" || tui_fail "20x5: no 'too small' message"
[ "$(tui_screen | awk 'length($0) > 20' | wc -l)" = 0 ] || tui_fail "20x5: lines wider than the terminal"
tui_keys j k G g
tui_resize 80x24
tui_wait_for "outline+document" 5 && tui_ok "20x5 → 80x24: the browser appears" || tui_fail "20x5 → 80x24: no browser"
tui_resize 20x5
tui_wait_for "too small" 3 || tui_fail "back to 20x5: no message"
tui_keys q
[ "$(tui_wait_exit)" = 0 ] && tui_ok "20x5: q exits 0" || tui_fail "20x5: q did not exit 0"
tui_stty_same && tui_ok "20x5: terminal modes restored" || tui_fail "20x5: stty -a differs after exit"
tui_done
