#!/usr/bin/env bash
# Terminal abuse: SIGTERM, SIGINT (as a signal and as the C-c key) and
# SIGHUP end gwr with the terminal restored (stty -a before = after, the
# shell's screen is back); Ctrl-Z in an interactive shell stops it with the
# terminal restored, and fg brings back the same screen.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
S=samples/jingmen-2024.txt

for how in TERM INT key-C-c HUP; do
  # a line printed before gwr starts: it must be on the screen again afterwards
  tui_start 80x24 bash -c 'echo BEFORE-GWR-MARK; exec "$@"' sh "$GWR" "$S"
  tui_wait_for "outline+document" || tui_fail "$how: the first screen did not appear"
  tui_keys j j
  tui_wait_for "section 3/" 3 || true
  case $how in
    key-C-c) tui_keys C-c ;;
    *) tui_signal "$how" ;;
  esac
  rc=$(tui_wait_exit 5)
  case $rc in
    timeout) tui_fail "$how: gwr did not exit" ;;
    0) [ "$how" = key-C-c ] && tui_ok "$how: exits 0" || tui_fail "$how: exit status 0 after a signal" ;;
    *) tui_ok "$how: exits with status $rc" ;;
  esac
  tui_stty_same && tui_ok "$how: terminal modes restored (stty -a)" || tui_fail "$how: stty -a differs after exit"
  tui_after_exit || tui_fail "$how: the shell did not get the terminal back"
  tui_wait_for BEFORE-GWR-MARK 2 && tui_ok "$how: the shell's screen is back" || tui_fail "$how: the screen before gwr is lost"
  tui_screen | grep -q 'outline+document' && tui_fail "$how: gwr's screen left behind"
  tui_stop
done

# Ctrl-Z and fg in an interactive shell with job control
d=$(mktemp -d)
tui_start 80x24 bash --norc --noprofile -i
tui_wait_re '\$ ?$|# ?$' 5 || true
tui_type "PS1='sh> '; stty -a > $d/s0"
tui_keys Enter
tui_wait_for "sh> " 5 || tui_fail "Ctrl-Z: no shell prompt"
tui_type "$GWR $S"
tui_keys Enter
tui_wait_for "outline+document" || tui_fail "Ctrl-Z: gwr did not start in the shell"
tui_keys j j j
tui_wait_for "section 4/" 3 || true
sleep 0.3
before=$(tui_screen)
tui_keys C-z
tui_wait_re "Stopped|stopped" 5 && tui_ok "Ctrl-Z: gwr stopped, the shell is back" || tui_fail "Ctrl-Z: gwr did not stop"
tui_type "stty -a > $d/s1"
tui_keys Enter
for _ in $(seq 40); do [ -s "$d/s1" ] && break; sleep 0.05; done
cmp -s "$d/s0" "$d/s1" && tui_ok "Ctrl-Z: terminal modes restored while stopped" || tui_fail "Ctrl-Z: stty -a differs while stopped"
tui_type "fg"
tui_keys Enter
tui_wait_for "outline+document" 5 || tui_fail "fg: gwr's screen did not come back"
sleep 0.5
[ "$(tui_screen)" = "$before" ] && tui_ok "fg: the same screen as before Ctrl-Z" || tui_fail "fg: the screen differs from before Ctrl-Z"
tui_keys j
tui_wait_for "section 5/" 3 && tui_ok "fg: keys work again" || tui_fail "fg: keys do not work"
tui_keys q
tui_wait_gone "outline+document" 5 || tui_fail "fg: q did not end gwr"
tui_type 'echo EXIT-STATUS-$?'
tui_keys Enter
tui_wait_for "EXIT-STATUS-0" 5 && tui_ok "fg: q exits 0" || tui_fail "fg: q did not exit 0"
tui_type "stty -a > $d/s2"
tui_keys Enter
for _ in $(seq 40); do [ -s "$d/s2" ] && break; sleep 0.05; done
cmp -s "$d/s0" "$d/s2" && tui_ok "Ctrl-Z/fg: terminal modes restored after exit" || tui_fail "Ctrl-Z/fg: stty -a differs after exit"
tui_stop
rm -rf "$d"
tui_done
