#!/usr/bin/env bash
# The interface on 20,000 one-line reports: peak memory (VmHWM) at most 2 KB
# a report more than on one report (it was about 10 KB a report).
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
case $GWR in */san/*) echo "ok - skipped: the sanitizer build's allocator has its own overhead"; exit 0 ;; esac
d=$(mktemp -d)
mkdir "$d/one" "$d/many"
python3 - "$d/many" <<'PY'
import sys
for i in range(20000):
    open("%s/r%05d.txt" % (sys.argv[1], i), "w", encoding="utf-8").write("地区生产总值增长%d%%。\n" % (i % 10))
PY
cp "$d/many/r00000.txt" "$d/many/r00001.txt" "$d/one/"
hwm() {   # hwm DIR N — VmHWM in kB once N reports are listed, into $kb
  kb=
  tui_start 100x30 "$GWR" "$1"
  if tui_wait_for "report 1/$2" 60; then
    kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$(tui_pid)/status")
  else tui_fail "$2 reports not loaded"; fi
  tui_keys q; tui_wait_exit >/dev/null; tui_stop
}
hwm "$d/one" 2; base=$kb
hwm "$d/many" 20000; all=$kb
if [ -n "$base" ] && [ -n "$all" ]; then
  per=$(( (all - base) * 1024 / 19998 ))
  if [ "$per" -le 2048 ]; then tui_ok "$per bytes a report (${all} kB for 20,000, ${base} kB for two)"
  else tui_fail "$per bytes a report (${all} kB for 20,000, ${base} kB for two), limit 2048"; fi
fi
rm -rf "$d"
tui_done
