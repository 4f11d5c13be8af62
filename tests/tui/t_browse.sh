#!/usr/bin/env bash
# Browsing one report at 80x24 and 160x48: outline titles, search, the
# targets filter, help, resize, too small, q exits 0 with the terminal restored.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
S=samples/jingmen-2024.txt
# what the core finds, to compare the screen with
parts=$("$GWR" outline --format tsv "$S" | awk -F'\t' 'NR > 1 && $2 == 1 { print $6 }' | head -n 3)
jobs=$("$GWR" targets --format tsv "$S" | awk -F'\t' 'NR > 1 && $6 ~ /就业/' | wc -l)

for size in 80x24 160x48; do
  h=${size#*x}
  tui_start "$size" "$GWR" "$S"
  tui_wait_for "outline+document" || tui_fail "$size: the first screen did not appear"
  tui_wait_for "各位代表" || tui_fail "$size: the document text is not shown"
  if [ -n "$parts" ]; then
    tui_keys -    # collapse to the parts: every part title fits
    while IFS= read -r t; do
      tui_wait_for "${t:0:5}" 2 || tui_fail "$size: outline title '$t' not visible"
    done <<< "$parts"
    tui_ok "$size: outline titles visible"
    tui_keys '*'
  else
    echo "skip - $size: the core finds no parts yet"
  fi
  # search: lands on a match far down the text, shown in the document pane
  tui_keys /
  tui_type 链长
  tui_keys Enter
  tui_wait_re "search: 链长 \(1/[0-9]+\)" || tui_fail "$size: search did not report its match"
  tui_screen | sed '1d;$d' | grep -q "链长" && tui_ok "$size: search landed on a match" || tui_fail "$size: the match is not on the screen"
  tui_keys Escape
  tui_wait_gone "search: 链长" || tui_fail "$size: Esc did not clear the search"
  # targets filter: typing 就业 leaves only employment rows
  tui_keys 2
  tui_wait_for "2 targets" || tui_fail "$size: targets screen"
  tui_type 就业
  tui_wait_for "filter: 就业" || tui_fail "$size: the filter is not shown"
  if [ "$jobs" -gt 0 ]; then
    rows=$(tui_screen | sed '1,2d;$d' | grep -v '^ *$')
    [ -n "$rows" ] || tui_fail "$size: the filtered table is empty"
    bad=$(printf '%s\n' "$rows" | grep -v "就业")
    [ -z "$bad" ] && tui_ok "$size: filter 就业 leaves only employment rows" || tui_fail "$size: rows without 就业: $bad"
  else
    echo "skip - $size: the core finds no employment figures yet"
  fi
  tui_keys C-u
  tui_wait_for "filter: " || tui_fail "$size: C-u"
  tui_keys Escape
  tui_wait_gone "filter:" || tui_fail "$size: Esc did not clear the filter"
  # help
  tui_keys '?'
  tui_wait_for "Show this help" || tui_fail "$size: help"
  tui_wait_for "Screen 3: achieved against planned" || tui_fail "$size: help lists the screens"
  tui_keys q
  tui_wait_gone "Show this help" || tui_fail "$size: q did not leave help"
  tui_keys 1
  # resize: re-layout, then too small, then back
  tui_resize 100x30
  tui_wait_re "^ section .*q quit *$" || tui_fail "$size: no status line after resize to 100x30"
  [ "$(tui_screen | wc -l)" = 30 ] || tui_fail "$size: screen is not 30 lines after resize"
  tui_resize 20x5
  tui_wait_for "too small" || tui_fail "$size: no 'terminal too small' at 20x5"
  tui_resize "$size"
  tui_wait_for "outline+document" || tui_fail "$size: no screen after growing back"
  [ "$(tui_screen | wc -l)" = "$h" ] || tui_fail "$size: wrong height after growing back"
  tui_ok "$size: resize"
  # q exits 0 and the terminal is restored
  tui_keys q
  rc=$(tui_wait_exit)
  [ "$rc" = 0 ] && tui_ok "$size: q exits 0" || tui_fail "$size: exit status $rc"
  tui_after_exit || tui_fail "$size: the shell did not get the terminal back"
  tui_stty_same && tui_ok "$size: terminal modes restored" || tui_fail "$size: stty -a differs after exit"
  tui_stop
done
tui_done
