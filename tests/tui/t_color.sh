#!/usr/bin/env bash
# Colours come from the style table; a non-empty NO_COLOR gives monochrome
# (bold/underline/reverse only), and the text keeps the terminal's background.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
S=samples/jingmen-2024.txt
colour_re=$'\e\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5;[0-9]+|48;5;[0-9]+)(;[0-9;]*)?m'
tui_start 80x24 "$GWR" "$S"
tui_wait_for "各位代表" || tui_fail "first screen"
tmux -L "$TUI_SOCK" capture-pane -e -p -t t | grep -qE "$colour_re" && tui_ok "colours by default" || tui_fail "no colours"
tui_keys q; tui_wait_exit >/dev/null; tui_stop
TUI_ENV="NO_COLOR=1" tui_start 80x24 "$GWR" "$S"
tui_wait_for "各位代表" || tui_fail "first screen (NO_COLOR)"
scr=$(tmux -L "$TUI_SOCK" capture-pane -e -p -t t)
printf '%s\n' "$scr" | grep -qE "$colour_re" && tui_fail "NO_COLOR=1 still draws colours" || tui_ok "NO_COLOR gives monochrome"
printf '%s\n' "$scr" | grep -q $'\e\\[[0-9;]*7m' && tui_ok "monochrome uses reverse video" || tui_fail "no reverse video in monochrome"
tui_keys q; tui_wait_exit >/dev/null
tui_done
