#!/usr/bin/env bash
# The mouse is off by default (the terminal keeps its own text selection);
# --mouse turns mouse reporting on.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
S=samples/jingmen-2024.txt
flags() { tmux -L "$TUI_SOCK" display-message -p -t t '#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}'; }
tui_start 80x24 "$GWR" "$S"
tui_wait_for "各位代表" || tui_fail "first screen"
[ "$(flags)" = 000 ] && tui_ok "mouse off by default" || tui_fail "mouse reporting is on without --mouse: $(flags)"
tui_keys q; tui_wait_exit >/dev/null; tui_stop
tui_start 80x24 "$GWR" --mouse "$S"
tui_wait_for "各位代表" || tui_fail "first screen (--mouse)"
[ "$(flags)" != 000 ] && tui_ok "--mouse turns mouse reporting on" || tui_fail "--mouse did not turn the mouse on"
tui_keys q
[ "$(tui_wait_exit)" = 0 ] || tui_fail "q did not exit 0 (--mouse)"
tui_done
