#!/usr/bin/env bash
# `gwr -` reads the report from a pipe and the keys from the terminal.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
tui_start 80x24 bash -c "cat samples/jingmen-2024.txt | $(printf '%q' "$GWR") -"
tui_wait_for "outline+document" || tui_fail "first screen from a pipe"
tui_wait_for "各位代表" || tui_fail "the piped text is not shown"
tui_keys j 2
tui_wait_for "2 targets" && tui_ok "keys are read from the terminal" || tui_fail "keys not read from /dev/tty"
tui_keys q
rc=$(tui_wait_exit)
[ "$rc" = 0 ] && tui_ok "q exits 0" || tui_fail "exit status $rc"
tui_stty_same || tui_fail "stty -a differs after exit"
tui_stop
# a pipe and no argument at all: the same
tui_start 80x24 bash -c "cat samples/tianmen-2023.txt | $(printf '%q' "$GWR")"
tui_wait_for "天门市" && tui_ok "a pipe without '-' is read too" || tui_fail "a pipe without '-' was not read"
tui_keys q
[ "$(tui_wait_exit)" = 0 ] || tui_fail "q did not exit 0 (pipe without '-')"
tui_done
