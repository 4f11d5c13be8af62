#!/usr/bin/env bash
# bench/firstscreen.sh GWR DIR — launches the interface on DIR in a detached
# tmux session (100x30) and prints one line:
#   first_s=…      launch → first complete screen (title bar, a body row and
#                  the key-hint status line all drawn)
#   progress=yes|no  the first screen carried the loading progress bar
#   key_s=…        a key ('?', help) sent while still loading → its screen shown
#                  (-1 when loading had already finished)
#   loaded_s=…     launch → progress bar gone (everything loaded)
set -u
gwr=$1 dir=$2
sock=gwr-bench-$$
T() { tmux -L "$sock" -f /dev/null "$@"; }
cap() { T capture-pane -p -t b 2>/dev/null; }
cleanup() { T kill-server >/dev/null 2>&1; }
trap cleanup EXIT
ms() { local t=${EPOCHREALTIME/./}; echo $(( (t - t0) / 1000 )); }

complete() {   # title bar, one body row, the key-hint status line
  local s=$1
  [[ $s == *"gwr │"* ]] || return 1
  [[ $s == *"quit"* || $s == *"? help"* ]] || return 1
  local body
  body=$(printf '%s\n' "$s" | sed -n '2,4p' | tr -d ' ')
  [ -n "$body" ]
}

t0=${EPOCHREALTIME/./}
T new-session -d -s b -x 100 -y 30 "exec env TERM=xterm-256color '$gwr' '$dir'"
pid=$(T display-message -p -t b '#{pane_pid}' 2>/dev/null)
first=-1 progress=no key=-1 loaded=-1
deadline=$(( 60 * 1000 ))
while :; do
  s=$(cap)
  now=$(ms)
  if [ "$first" = -1 ] && complete "$s"; then
    first=$now
    [[ $s == *loading* ]] && progress=yes
    if [[ $s == *loading* ]]; then        # answer keys while loading?
      k0=$now
      T send-keys -t b '?'
      for _ in $(seq 1 200); do
        s=$(cap)
        if [[ $s == *elp* && $(printf '%s\n' "$s" | head -1) == *elp* ]]; then key=$(( $(ms) - k0 )); break; fi
        sleep 0.005
      done
      T send-keys -t b q
    fi
  fi
  if [ "$first" != -1 ] && [[ $s != *loading* ]]; then loaded=$now; break; fi
  [ "$now" -gt "$deadline" ] && break
  [ "${FIRSTSCREEN_ALL:-0}" = 0 ] && [ "$first" != -1 ] && [ "$key" != -1 ] && break
  T has-session -t b 2>/dev/null || break
  sleep 0.005
done
T send-keys -t b q q 2>/dev/null
# The next measurement must not share the machine with this gwr: wait until it
# has exited (its memory given back), then until the tmux server is gone.
alive() { local st; st=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) && [ -n "$st" ] && [ "$st" != Z ]; }
if [ -n "${pid:-}" ]; then
  for _ in $(seq 1 1000); do alive "$pid" || break; sleep 0.005; done
  alive "$pid" && kill -9 "$pid" 2>/dev/null
fi
srv=$(T display-message -p '#{pid}' 2>/dev/null)
cleanup
if [ -n "${srv:-}" ]; then
  for _ in $(seq 1 400); do alive "$srv" || break; sleep 0.005; done
fi
fmt() { [ "$1" = -1 ] && echo -1 || awk -v v="$1" 'BEGIN{printf "%.3f", v/1000}'; }
echo "first_s=$(fmt $first) progress=$progress key_s=$(fmt $key) loaded_s=$(fmt $loaded)"
