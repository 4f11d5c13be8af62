#!/usr/bin/env bash
# At 80x24 screen 2 gives the indicator the room: the widest headline
# indicator name of each report (computed from what the core reads, not
# written here) is shown whole, filtered to it, in the indicator column.
# Headless: build/rel/tests/tui/screens --longest (tests/tui/screens.c).
set -u
cd "$(dirname "$0")/../.."
bin=build/rel/tests/tui/screens
[ -x "$bin" ] || { echo "FAIL - $bin not built (make $bin)"; exit 1; }
LC_ALL=C.UTF-8 "$bin" 80x24 --longest samples/*.txt tests/data/hailar/*.txt
