#!/usr/bin/env bash
# Terminal abuse: TERM=dumb, an unknown TERM, an empty TERM → one clear
# message, exit non-zero, terminal untouched (stty -a the same, the screen
# before gwr still there, no alternate screen). Locales: C/POSIX are taken as
# UTF-8 (the browser works); a real non-UTF-8 locale (ISO-8859-1, compiled
# here with localedef when its sources are installed) gets a message naming
# what to set and exit non-zero — never mojibake on the screen.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
S=samples/jingmen-2024.txt

# refused ENV RE — gwr started with ENV: RE on the screen, exit non-zero, terminal untouched
refused() {
  local env=$1 re=$2
  TUI_ENV="$env" tui_start 80x24 bash -c 'echo BEFORE-GWR-MARK; exec "$@"' sh "$GWR" "$S"
  rc=$(tui_wait_exit 5)
  if [ "$rc" = timeout ]; then tui_fail "$env: gwr did not exit"
  elif [ "$rc" = 0 ]; then tui_fail "$env: exit status 0"
  else tui_ok "$env: exits with status $rc"; fi
  tui_wait_re "$re" 2 && tui_ok "$env: says why" || tui_fail "$env: no clear message (/$re/)"
  [ "$(tui_screen | grep -c '^gwr: ')" = 1 ] || tui_fail "$env: not exactly one message"
  tui_stty_same && tui_ok "$env: terminal modes untouched" || tui_fail "$env: stty -a differs"
  tui_screen | grep -q BEFORE-GWR-MARK && tui_ok "$env: screen not cleared" || tui_fail "$env: the screen was cleared"
  alt=$(tmux -L "$TUI_SOCK" display-message -p -t t '#{alternate_on}')
  [ "$alt" = 0 ] || tui_fail "$env: left in the alternate screen"
  tui_stop
}

refused "TERM=dumb" "gwr: .*dumb.*TERM"
refused "TERM=no-such-terminal-xyz" "gwr: .*no-such-terminal-xyz"
refused "TERM=" "gwr: .*TERM"

# C and POSIX: taken as UTF-8, the browser works and shows Chinese text
for loc in C POSIX; do
  TUI_ENV="LC_ALL=$loc LANG=$loc" tui_start 80x24 "$GWR" "$S"
  tui_wait_for "荆门市" 5 && tui_ok "LC_ALL=$loc: browser shows the report" || tui_fail "LC_ALL=$loc: no report on screen"
  tui_keys q
  [ "$(tui_wait_exit)" = 0 ] || tui_fail "LC_ALL=$loc: q did not exit 0"
  tui_stty_same || tui_fail "LC_ALL=$loc: stty -a differs"
  tui_stop
done

# a real 8-bit locale
loc=$(mktemp -d)
if command -v localedef >/dev/null 2>&1 &&
   { localedef -c -i POSIX -f ISO-8859-1 "$loc/xx_XX.ISO-8859-1" >/dev/null 2>&1; true; } &&
   [ "$(LOCPATH=$loc LC_ALL=xx_XX.ISO-8859-1 locale charmap 2>/dev/null)" = ISO-8859-1 ]; then
  refused "LOCPATH=$loc LC_ALL=xx_XX.ISO-8859-1 LANG=xx_XX.ISO-8859-1" "gwr: .*(UTF-8|locale)"
else
  echo "skip - ISO-8859-1 locale: localedef or the locale sources (package locales) are missing"
fi
rm -rf "$loc"
tui_done
