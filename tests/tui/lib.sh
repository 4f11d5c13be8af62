# lib.sh — helpers for terminal tests under tmux. Source it from a t_*.sh:
#
#   . "$(dirname "$0")/lib.sh"; GWR=$1
#   tui_start 80x24 "$GWR" samples/jingmen-2024.txt   # start gwr in a private tmux
#   tui_wait_for '荆门市' || tui_fail "title not shown"
#   tui_keys q; rc=$(tui_wait_exit) ; tui_stop
#
# Functions (stable; other test files rely on them):
#   tui_start WxH CMD [ARGS...]  start CMD in a new tmux server on a private
#                          socket (-L gwrtest<pid>_<n>, -f /dev/null), in a
#                          window of W columns and H lines, with LC_ALL=C.UTF-8,
#                          TERM=xterm-256color, NO_COLOR unset. The command runs
#                          under a wrapper that records `stty -a` before and after
#                          it and its exit status; the pane stays open afterwards.
#                          Extra environment: set TUI_ENV="VAR=value ..." before.
#   tui_keys KEY...        tmux send-keys (key names: Enter Escape Tab Up Down
#                          PageDown C-u C-c C-z F1 ... or plain characters)
#   tui_type TEXT          send TEXT literally (UTF-8, e.g. 就业)
#   tui_screen             print the visible screen (capture-pane -p)
#   tui_wait_for TEXT [S]  poll (every 50 ms, at most S seconds, default 5) until
#                          the screen contains TEXT (fixed string); 1 on timeout
#   tui_wait_re RE [S]     same with an extended regular expression
#   tui_wait_gone TEXT [S] poll until TEXT is no longer on the screen
#   tui_wait_exit [S]      poll until the command exited; prints its exit status
#                          (or "timeout" and returns 1)
#   tui_resize WxH         resize the tmux window (the program gets SIGWINCH)
#   tui_pid                pid of the command (child of the wrapper shell)
#   tui_signal SIG         send SIG to the command
#   tui_stty_same          0 when `stty -a` after the command equals before it
#   tui_after_exit         0 when the wrapper printed its after-exit marker
#                          (the shell got the terminal back)
#   tui_stop               kill this test's tmux server and remove temp files
#   tui_fail MSG           print MSG and the screen, count a failure
#   tui_ok MSG             print "ok - MSG"
#   tui_done               tui_stop, then exit 1 if any tui_fail happened
# Every wait is a bounded poll: no fixed sleeps.

TUI_N=${TUI_N:-0}
TUI_FAILS=0
TUI_SOCK=
TUI_DIR=

tui_start() {
  local size=$1; shift
  local w=${size%x*} h=${size#*x}
  TUI_N=$((TUI_N + 1))
  TUI_SOCK="gwrtest$$_$TUI_N"
  TUI_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gwrtui.XXXXXX")
  cat > "$TUI_DIR/wrap.sh" <<'WRAP'
d=$1; shift
stty -a > "$d/stty.before" 2>/dev/null
"$@"
echo $? > "$d/rc.tmp" && mv "$d/rc.tmp" "$d/rc"
stty -a > "$d/stty.after" 2>/dev/null
printf 'AFTER-EXIT-MARK\n'
exec sleep 600
WRAP
  local q="" a
  for a in "$@"; do q="$q $(printf '%q' "$a")"; done
  tmux -L "$TUI_SOCK" -f /dev/null new-session -d -s t -x "$w" -y "$h" \
    "env -u NO_COLOR LC_ALL=C.UTF-8 LANG=C.UTF-8 TERM=xterm-256color $TUI_ENV bash $TUI_DIR/wrap.sh $TUI_DIR $q"
  tmux -L "$TUI_SOCK" set-option -g status off >/dev/null 2>&1
  tmux -L "$TUI_SOCK" resize-window -t t -x "$w" -y "$h" >/dev/null 2>&1
  return 0
}

tui_keys()   { tmux -L "$TUI_SOCK" send-keys -t t "$@"; }
tui_type()   { tmux -L "$TUI_SOCK" send-keys -t t -l "$1"; }
tui_screen() { tmux -L "$TUI_SOCK" capture-pane -p -t t; }

_tui_poll() {   # _tui_poll SECONDS COMMAND...
  local s=$1; shift
  local n=$((s * 20)) i=0
  while [ $i -lt $n ]; do
    "$@" && return 0
    sleep 0.05
    i=$((i + 1))
  done
  return 1
}

tui_wait_for()  { _tui_poll "${2:-5}" _tui_has "$1"; }
tui_wait_re()   { _tui_poll "${2:-5}" _tui_has_re "$1"; }
tui_wait_gone() { _tui_poll "${2:-5}" _tui_hasnt "$1"; }
_tui_has()    { tui_screen | grep -qF -- "$1"; }
_tui_has_re() { tui_screen | grep -qE -- "$1"; }
_tui_hasnt()  { ! tui_screen | grep -qF -- "$1"; }

tui_wait_exit() {
  if _tui_poll "${1:-5}" test -f "$TUI_DIR/rc"; then cat "$TUI_DIR/rc"; return 0; fi
  echo timeout
  return 1
}

tui_resize() {
  local w=${1%x*} h=${1#*x}
  tmux -L "$TUI_SOCK" resize-window -t t -x "$w" -y "$h"
}

tui_pid() {
  local pp
  pp=$(tmux -L "$TUI_SOCK" display-message -p -t t '#{pane_pid}')
  pgrep -P "$pp" | head -n 1
}

tui_signal() { local p; p=$(tui_pid); [ -n "$p" ] && kill -s "$1" "$p"; }

tui_stty_same() { [ -f "$TUI_DIR/stty.after" ] && cmp -s "$TUI_DIR/stty.before" "$TUI_DIR/stty.after"; }
tui_after_exit() { tui_wait_for AFTER-EXIT-MARK 3; }

tui_stop() {
  [ -n "$TUI_SOCK" ] && tmux -L "$TUI_SOCK" kill-server >/dev/null 2>&1
  [ -n "$TUI_DIR" ] && rm -rf "$TUI_DIR"
  TUI_SOCK= TUI_DIR=
  return 0
}

tui_fail() {
  echo "FAIL - $1"
  if [ -n "$TUI_SOCK" ]; then echo "---- screen:"; tui_screen | sed 's/^/| /'; echo "----"; fi
  TUI_FAILS=$((TUI_FAILS + 1))
}

tui_ok() { echo "ok - $1"; }

tui_done() {
  tui_stop
  [ "$TUI_FAILS" = 0 ]
}

trap 'tui_stop' EXIT
