#!/usr/bin/env bash
# A report holding escape sequences and control bytes: the screen shows them
# escaped; they neither clear the screen nor retitle the terminal.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
d=$(mktemp -d)
f=$d/evil-2024.txt
{
  printf '某某市2024年政府工作报告\n'
  printf '一、2023年工作回顾\n'
  printf '全市地区生产总值增长6.7%%。清屏\033[2J\033[H后面还有红色\033[31m文字\033[0m，'
  printf '改标题\033]0;PWNED-TITLE\007，响铃\007退格\010和C1\302\233以及坏字节\377结束。\n'
  printf '二、2024年工作安排\n地区生产总值增长7%%左右。\n'
  # a report's worth of ordinary text around it (a few control bytes in a
  # long text are damage, not binary data)
  sed -n '20,60p' samples/jingmen-2024.txt
} > "$f"
tui_start 80x24 "$GWR" "$f"
tui_wait_for "outline+document" || tui_fail "first screen"
tui_wait_for "结束" || tui_fail "the text after the control bytes is not shown"
tui_keys Tab o     # the original text keeps every byte; the analysis text may drop controls
tui_wait_for "original line" || tui_fail "o did not show the original text"
tui_wait_for "^[" 2 && tui_ok "ESC shown as ^[ in the original text" || tui_fail "ESC not shown escaped"
scr=$(tui_screen)
printf '%s\n' "$scr" | grep -qF '<U+009B>' && tui_ok "C1 control shown as <U+009B>" || tui_fail "C1 control not shown escaped"
printf '%s\n' "$scr" | grep -qF '^G' && tui_ok "BEL shown as ^G" || tui_fail "BEL not shown escaped"
printf '%s\n' "$scr" | head -n 1 | grep -q "gwr │" && tui_ok "title line intact" || tui_fail "title line lost (screen cleared?)"
printf '%s\n' "$scr" | grep -q "全市地区生产总值" || tui_fail "text before the escape sequence was erased"
title=$(tmux -L "$TUI_SOCK" display-message -p -t t '#{pane_title}')
[ "$title" != "PWNED-TITLE" ] && tui_ok "terminal title unchanged" || tui_fail "the report retitled the terminal"
tui_keys q
[ "$(tui_wait_exit)" = 0 ] || tui_fail "q did not exit 0"
tui_stop
rm -rf "$d"
tui_done
