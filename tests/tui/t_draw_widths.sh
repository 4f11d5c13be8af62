#!/usr/bin/env bash
# What is drawn is what is measured: reports sprinkled with characters on
# which libunistring and the C library's wcwidth (what curses draws with)
# disagree — U+00AD soft hyphens (web copies), U+4DC0 hexagrams, U+3248
# circled numbers, U+0600 Arabic number sign, unassigned U+0378 — are drawn
# headless (GWR_SCRIPT) at 80x24 and 160x48, in the analysis and the
# original view, and the Chinese text of the document pane read back from
# curses must be an unbroken run of the report's text: nothing lost, nothing
# reordered. Also: a 4 MB run of combining marks is wrapped (bounded work
# per row) instead of being one endless row.
set -u
GWR=$1
cd "$(dirname "$0")/../.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fails=0
fail() { echo "FAIL - $1"; fails=$((fails + 1)); }
python3 - "$dir" <<'PY'
import sys
d = sys.argv[1]
s = open("samples/jingmen-2024.txt", encoding="utf-8").read()
def sprinkle(marks, every):
    out, k = [], 0
    for i, c in enumerate(s):
        out.append(c)
        if i % every == every - 1 and c != "\n":
            out.append(marks[k % len(marks)]); k += 1
    return "".join(out)
open(d + "/shy.txt", "w", encoding="utf-8").write(sprinkle(["\u00ad"], 4))
open(d + "/mixed.txt", "w", encoding="utf-8").write(sprinkle(["\u00ad", "\u4dc0", "\u3248", "\u0600", "\u0378", "\u4dff"], 3))
PY
# check DUMP SOURCE NAME — the document pane's CJK text is a run of the source's, and long enough
check() {
  python3 - "$1" "$2" <<'PY'
import sys
dump = open(sys.argv[1], encoding="utf-8").read().split("\n")
src = open(sys.argv[2], encoding="utf-8").read()
cjk = lambda t: "".join(c for c in t if "\u4e00" <= c <= "\u9fff")
rows = [r.split("\u2502", 1)[1] for r in dump[2:-2] if "\u2502" in r]
got, want = cjk("".join(rows)), cjk(src)
if len(got) < 200: sys.exit("only %d Chinese characters drawn" % len(got))
if got not in want:
    i = 0
    while i < len(got) and want.find(got[:i + 1]) >= 0: i += 1
    sys.exit("drawn text breaks from the report after: ..." + got[max(0, i - 12):i] + " | drawn next: " + got[i:i + 12])
PY
}
for f in shy mixed; do
  for size in 80x24 160x48; do
    for view in analysis original; do
      keys='<Dump>'; [ $view = original ] && keys='<Tab>o<Dump>'
      if ! GWR_SCRIPT=$keys GWR_SIZE=$size "$GWR" "$dir/$f.txt" >"$dir/dump" 2>"$dir/err"; then
        fail "$f $size $view: gwr exited non-zero: $(head -c 300 "$dir/err")"; continue; fi
      if msg=$(check "$dir/dump" "$dir/$f.txt" 2>&1); then echo "ok - $f $size $view: drawn text is the report's"
      else fail "$f $size $view: $msg"; sed -n 1,12p "$dir/dump"; fi
    done
  done
done
GWR_SCRIPT='<Dump>' GWR_SIZE=80x24 "$GWR" "$dir/shy.txt" >"$dir/dump" 2>&1
grep -q '的开局' "$dir/dump" && echo "ok - soft hyphens: 的开局 shown" || fail "soft hyphens: 的开局 not shown"

# a row of combining marks: wrapped, so a repaint draws a screenful, not the whole run
{ printf '一、工作回顾\n甲'; python3 -c 'import sys; sys.stdout.write("\u0301" * 2000000)'; printf '乙\n二、结束语\n'; } >"$dir/marks.txt"
GWR_SCRIPT='<Tab>o<Dump>' GWR_SIZE=80x24 "$GWR" "$dir/marks.txt" >"$dir/dump" 2>&1
if grep -q '二、结束语' "$dir/dump"; then fail "combining marks: the 4 MB run is drawn as one row"; else echo "ok - combining marks: the run is wrapped"; fi
GWR_SCRIPT='<Tab>o<End><Dump>' GWR_SIZE=80x24 "$GWR" "$dir/marks.txt" >"$dir/dump" 2>&1
grep -q '二、结束语' "$dir/dump" && echo "ok - combining marks: the text after the run is reached" || fail "combining marks: text after the run not reached with End"
[ "$fails" = 0 ]
