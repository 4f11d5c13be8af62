# hostile.sh — sourced by tests/bad/run.sh (uses its gwr, tmp, b, expect,
# run, fail, ok, same, valid_utf8): file names that try to drive the
# terminal or break TSV/JSON, invisible characters inside figures, a second
# "-", an endless stream on standard input.

# ---- every hostile file name × every command × every format -------------
# The commands are read from `gwr --help`, so a new sub-command is covered.
hn=$tmp/hostile-names
mkdir -p "$hn"
report=$'一、工作回顾\n地区生产总值增长5%。\n二、2024年工作安排\n主要预期目标是：地区生产总值增长6%左右。\n'
hostile_names=(
  $'\ec\e[H\e[J'report.txt            # ESC c, cursor home, clear screen
  $'\e]0;pwned\a'title.txt            # OSC: window title
  $'\xc2\x9b31mcsi.txt'               # C1 CSI
  $'\xc2\x85nel.txt'                  # C1 NEL
  $'rlo\xe2\x80\xaetxt.exe'           # U+202E RIGHT-TO-LEFT OVERRIDE
  $'lri\xe2\x81\xa6x\xe2\x81\xa9.txt' # U+2066 … U+2069 isolates
  $'\xff\xfe.txt'                     # invalid UTF-8
  $'over\xc0\xaflong.txt'             # overlong '/'
  $'sur\xed\xa0\x80rogate.txt'        # a surrogate
  $'tab\there.txt'
  $'new\nline.txt'
  $'carriage\rreturn.txt'
  $'del\x7f.txt'
  $'bell\a.txt'
  'quote"back\slash.txt'
  '%s%n%x.txt'
)
for n in "${hostile_names[@]}"; do printf '%s' "$report" >"$hn/$n"; done
commands=$("$gwr" --help | sed -n 's/^  gwr \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] && ok || fail hostile-names-commands "no sub-command found in gwr --help"
# check_out NAME FORMAT FILE — FILE (stdout or stderr) carries nothing that drives a terminal
check_out() {
  local name=$1 fmt=$2 f=$3 allowed=$'\n'
  [ "$fmt" = tsv ] && allowed=$'\t\n'
  if LC_ALL=C tr -d "$allowed" <"$f" | LC_ALL=C grep -q $'[\x01-\x1f\x7f]'; then
    fail "$name" "a control byte below 0x20 or DEL reaches the output"; return 1; fi
  if LC_ALL=C grep -q $'\xc2[\x80-\x9f]' "$f"; then fail "$name" "a C1 control reaches the output"; return 1; fi
  if LC_ALL=C grep -q $'\xe2\x80[\xaa-\xae]\|\xe2\x81[\xa6-\xa9]' "$f"; then
    fail "$name" "a bidi control reaches the output"; return 1; fi
  if ! iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then fail "$name" "the output is not valid UTF-8"; return 1; fi
  ok
}
# required_args CMD — the options its usage line gives outside brackets, with
# a value that fits the reports above (K: an indicator key, Y: a year)
required_args() {
  "$gwr" --help | sed -n "s/^  gwr $1 //p" | sed 's/\[[^]]*\]//g' | grep -o -- '--[a-z-]* [A-Z]' |
    sed 's/ K$/ gdp/; s/ Y$/ 2024/; s/ F$/ text/; s/ [A-Z]$/ x/'
}
for c in $commands; do
  req=$(required_args "$c")
  for fmt in text tsv json; do
    name="hostile-names-$c-$fmt"
    # shellcheck disable=SC2086
    if [ "$c" = quantity ]; then run "$gwr" $c $req --format $fmt "${hostile_names[@]}"
    else run "$gwr" $c $req --format $fmt "$hn" "$hn"/*; fi
    if [ "$rc" != 0 ] && [ "$rc" != 1 ]; then fail "$name" "exit $rc"; continue; fi
    [ -s "$tmp/out" ] || { fail "$name" "no output"; continue; }
    check_out "$name" $fmt "$tmp/out"
    check_out "$name-stderr" text "$tmp/err"
    if [ $fmt = json ]; then
      if python3 -m json.tool "$tmp/out" >/dev/null 2>"$tmp/jerr"; then ok; else
        fail "$name" "not valid JSON: $(head -c 200 "$tmp/jerr")"; fi
    fi
  done
done
# the entity comes from the file name when the text names no place: shown
# escaped in text, as \x.. in TSV, as \u.. and \ufffd\\x.. in JSON
run "$gwr" targets "$hn/"$'\ec\e[H\e[J'report.txt
grep -qF '^[c^[[H^[[Jreport' "$tmp/out" && ok || fail hostile-entity-text "the escape sequences of the file name are not shown escaped"
run "$gwr" outline "$hn/"$'rlo\xe2\x80\xaetxt.exe'
grep -qF 'rlo<U+202E>txt.exe' "$tmp/out" && ok || fail hostile-bidi-text "the bidi override is not shown as <U+202E>"
run "$gwr" targets --format tsv "$hn/"$'\xff\xfe.txt'
grep -qF "$hn/"'\xff\xfe.txt' "$tmp/out" && ok || fail hostile-invalid-tsv "invalid bytes not written as \\xHH in TSV"
run "$gwr" outline --format json "$hn/"$'\xff\xfe.txt'
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1],encoding="utf-8")); sys.exit(0 if d[0]["file"].endswith("/\ufffd\\xff\ufffd\\xfe.txt") else 1)' "$tmp/out"; then ok; else
  fail hostile-invalid-json "invalid bytes not written as U+FFFD followed by \\xHH in JSON"; fi

# hostile option values and arguments in usage messages
u=0
for args in $'--\e[2J\e]0;pwned\a' $'outline --format \e[2J\xc2\x9b' $'targets --key \xe2\x80\xae\e[H' $'quantity --status \ec'; do
  # shellcheck disable=SC2086
  run "$gwr" $args x
  u=$((u + 1))
  if [ "$rc" = 2 ]; then check_out "hostile-usage-$u" text "$tmp/err"; else fail "hostile-usage-$u" "exit $rc, expected 2"; fi
done

# ---- invisible format characters do not split figures --------------------
inv=$tmp/invisible
mkdir -p "$inv"
printf '一、2023年工作回顾\n规模以上工业增加值增长1\xe2\x80\x8b0.2%%。\n居民消费价格上涨4.7\xc2\xad%%。\n地区生产总值增长6\xef\xbb\xbf.\xe2\x81\xa07%%。\n' >"$inv/zw.txt"
if expect invisible-figures 0 '' -- "$gwr" targets --format tsv "$inv/zw.txt"; then
  awk -F'\t' '$5 == "industry_va" && $8 == "10.2" && $10 == "%"' "$tmp/out" | grep -q . && ok ||
    fail invisible-zwsp "U+200B inside 10.2% splits the figure"
  awk -F'\t' '$5 == "cpi" && $8 == "4.7" && $10 == "%"' "$tmp/out" | grep -q . && ok ||
    fail invisible-shy "U+00AD before % loses the unit of 4.7%"
  awk -F'\t' '$5 == "gdp" && $8 == "6.7" && $10 == "%"' "$tmp/out" | grep -q . && ok ||
    fail invisible-feff "U+FEFF and U+2060 inside 6.7% split the figure"
  [ "$(awk 'END { print NR }' "$tmp/out")" = 4 ] && ok || fail invisible-figures "expected 3 figures"
fi
# a soft hyphen after every 4th character (web copies): the same report
python3 -c '
import sys
s = open(sys.argv[1], encoding="utf-8").read()
sys.stdout.write("".join(c + ("\u00ad" if i % 4 == 3 and c != "\n" else "") for i, c in enumerate(s)))' \
  samples/jingmen-2024.txt >"$inv/jingmen-shy.txt"
for c in outline targets compare; do
  expect "soft-hyphens-$c" 0 '' -- "$gwr" $c --format tsv "$inv/jingmen-shy.txt" && same "soft-hyphens-$c" "$ref/$c.tsv"
done
run "$gwr" outline "$inv/jingmen-shy.txt"
head -n 1 "$tmp/out" | grep -q '  荆门市  report 2024, reviews 2023' && ok || fail soft-hyphens-entity "entity or year wrong: $(head -n 1 "$tmp/out")"

# ---- standard input: once, and never past the size limit ------------------
expect stdin-twice 2 "'-' given twice" -- "$gwr" outline - -
case $gwr in
  */san/*) skip stdin-endless "the sanitizer build reserves more address space than a limit allows" ;;
  *)
    # /dev/zero never ends: refused at 1 GiB, in 1.5 GB of address space (it grew to 2.1 GB)
    ( ulimit -v 1500000; timeout -k 2 "$limit" "$gwr" targets - </dev/zero >"$tmp/out" 2>"$tmp/err" ); rc=$?
    if [ "$rc" = 1 ] && grep -q '^gwr: standard input: file too large (over 1 GiB)$' "$tmp/err"; then ok; else
      fail stdin-endless "exit $rc: $(head -c 200 "$tmp/err")"; fi ;;
esac

# ---- memory per document: at most 2 KB plus its content -------------------
# 20,000 one-line reports through outline and compare (they peaked at 21 KB a
# document); peak RSS of the run less that of a run on one of the files.
case $gwr in
  */san/*) skip per-doc-memory "the sanitizer build's allocator has its own overhead" ;;
  *)
    md=$tmp/many
    mkdir -p "$md"
    python3 - "$md" <<'PY'
import sys
for i in range(20000):
    open("%s/r%05d.txt" % (sys.argv[1], i), "w", encoding="utf-8").write("地区生产总值增长%d%%。\n" % (i % 10))
PY
    for c in outline compare; do
      if msg=$(python3 - "$gwr" "$c" "$md" <<'PY'
import os, resource, subprocess, sys
gwr, cmd, d = sys.argv[1:4]
def peak(args):
    # a fresh interpreter per measure: RUSAGE_CHILDREN keeps the largest child
    code = "import resource,subprocess,sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    return int(subprocess.run([sys.executable, "-c", code] + args, capture_output=True, text=True).stdout) * 1024
files = sorted(os.listdir(d))
content = sum(os.path.getsize(os.path.join(d, f)) + len(d) + len(f) + 1 for f in files) / len(files)
one = peak([gwr, cmd, "--format", "tsv", os.path.join(d, files[0])])
all_ = peak([gwr, cmd, "--format", "tsv", d])
per = (all_ - one) / len(files)
print("%.0f bytes a document (content and name %.0f)" % (per, content))
sys.exit(0 if per <= 2048 + 2 * content else 1)
PY
      ); then ok; else fail "per-doc-memory-$c" "$msg, limit 2 KB plus the content"; fi
    done ;;
esac

# ---- a TERM or locale quoted in a message: sanitised too --------------------
if command -v script >/dev/null 2>&1; then
  TERM=$'x\e]0;pwned\a\e[2J' timeout -k 2 "$quick" script -qec "$(printf '%q' "$gwr") samples/jingmen-2024.txt" /dev/null \
    </dev/null >"$tmp/out" 2>&1; rc=$?
  if grep -q 'unknown terminal type' "$tmp/out"; then
    tr -d '\r' <"$tmp/out" >"$tmp/out2"; check_out hostile-term-message text "$tmp/out2"
  else fail hostile-term-message "exit $rc, no message about the terminal type: $(head -c 200 "$tmp/out")"; fi
else skip hostile-term-message "no script(1) to give gwr a terminal"; fi
