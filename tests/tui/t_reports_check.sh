#!/usr/bin/env bash
# The reports screen marks reports gwr is unsure of (the doubts column) and
# shows the selected report's check lines below the list, following the
# selection; a plan-only report shows no reviewed year.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
tui_start 80x24 "$GWR" samples/
tui_wait_for "5 reports" || tui_fail "the samples did not load"
tui_wait_re "achieved +doubts +file" && tui_ok "a doubts column" || tui_fail "no doubts column"
tui_wait_re "^jingzhou +2023 +8 +104 +0 +4! " && tui_ok "the plan-only report: no reviewed year, 4 doubts marked" ||
  tui_fail "the plan-only row is not marked as expected"
tui_wait_re "^ entity +恩施市 \(body\)" && tui_ok "check lines of the first report" || tui_fail "no check lines for the first report"
tui_keys j j
tui_wait_re "^ entity +jingzhou \(filename\)" && tui_ok "the check lines follow the selection" || tui_fail "check lines did not follow"
tui_wait_re "^ doubts +no_review,entity_from_filename,years_guessed,no_gdp_result" && tui_ok "the doubts are listed" ||
  tui_fail "doubts line missing"
tui_wait_re "review -" || tui_fail "the plan-only report shows a reviewed year"
# a small terminal keeps the list and drops the check lines
tui_resize 80x10
tui_wait_gone "years     report" && tui_ok "no check lines when there is no room" || tui_fail "check lines squeeze the list"
tui_wait_for "jingzhou" || tui_fail "the list is gone at 80x10"
tui_resize 160x50
tui_wait_re "^ years +report 2023 \(text\), review -" && tui_ok "check lines back at 160x50" || tui_fail "no check lines at 160x50"
tui_keys q
tui_wait_exit >/dev/null
tui_done
