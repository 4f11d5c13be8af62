#!/usr/bin/env bash
# Command-line contract and bad input. Each case asserts the exact outcome:
# exit status and a one-line message naming the file, or the correct output.
# The hostile inputs are generated once per run (tests/bad/gen.sh) in a temp
# dir. Usage: tests/bad/run.sh [GWR_BINARY]   (also run on the ASan build)
set -u
gwr=${1:-./gwr}
case $gwr in /*) ;; *) gwr=$PWD/$gwr ;; esac
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
root=$PWD
pass=0 failn=0 skipn=0
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
limit=${BAD_TIMEOUT:-120}    # seconds per command (the 100 MB line under ASan on a busy machine)
quick=10                     # seconds for what must never wait (FIFOs, devices)
export LC_ALL=C.UTF-8

fail() { echo "FAIL $1: $2"; [ -s "$tmp/err" ] && head -3 "$tmp/err" | cut -c1-300; failn=$((failn+1)); }
ok() { pass=$((pass+1)); }
skip() { echo "SKIP $1: $2"; skipn=$((skipn+1)); }

# run CMD... — stdout in $tmp/out, stderr in $tmp/err, status in $rc
run() { timeout -k 2 "${case_limit:-$limit}" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null; rc=$?; }

# expect NAME WANT_RC STDERR_REGEX -- CMD... (a non-empty regex for a failure
# also demands that stderr is exactly one line)
expect() {
  local name=$1 want=$2 re=$3; shift 4
  run "$@"
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then fail "$name" "timed out after ${case_limit:-$limit}s (hang)"; return 1; fi
  if [ "$rc" != "$want" ]; then fail "$name" "exit $rc, expected $want"; return 1; fi
  if [ -n "$re" ] && ! grep -Eq -- "$re" "$tmp/err"; then fail "$name" "stderr does not match /$re/"; return 1; fi
  if [ -n "$re" ] && [ "$want" = 1 ] && [ "$(wc -l <"$tmp/err")" != 1 ]; then
    fail "$name" "expected one line on stderr, got $(wc -l <"$tmp/err")"; return 1; fi
  ok
}

# tsvnorm FILE — TSV with the file column (the first) replaced, header kept
tsvnorm() { awk -F'\t' 'BEGIN { OFS = "\t" } NR > 1 { $1 = "F" } { print }' "$1"; }

# same NAME EXPECTED_FILE — $tmp/out, file column replaced, equals EXPECTED_FILE (also replaced)
same() {
  if diff <(tsvnorm "$2") <(tsvnorm "$tmp/out") >"$tmp/diff"; then ok; else
    fail "$1" "output differs from the reference:"; head -6 "$tmp/diff" | cut -c1-200; fi
}

# valid_utf8 NAME — stdout is valid UTF-8
valid_utf8() { if iconv -f UTF-8 -t UTF-8 "$tmp/out" >/dev/null 2>&1; then ok; else fail "$1" "output is not valid UTF-8"; fi; }

# ---- command-line contract --------------------------------------------------
expect help 0 '' -- "$gwr" --help
grep -q 'gwr outline' "$tmp/out" || fail help "no usage text"
expect version 0 '' -- "$gwr" --version
grep -Eq '^gwr [0-9]+\.[0-9]+' "$tmp/out" || fail version "no version"
expect unknown-option 2 "unknown option '--bogus'" -- "$gwr" --bogus samples
[ "$(wc -l <"$tmp/err")" -le 2 ] || fail unknown-option "hint longer than 2 lines"
expect unknown-subcommand 2 "unknown sub-command 'frobnicate'" -- "$gwr" frobnicate
expect bad-format 2 "unknown format" -- "$gwr" outline --format xml samples/jingmen-2024.txt
# option values: an unknown value is one line naming it and the accepted ones,
# exit 2 and nothing on stdout; values match in any case
one_line_no_output() { [ "$(wc -l <"$tmp/err")" = 1 ] && [ ! -s "$tmp/out" ] && ok || fail "$1" "expected one line on stderr and no output"; }
s1=samples/jingmen-2024.txt
expect bad-format-list 2 "^gwr: unknown format 'xml'; formats: text, tsv, json$" -- "$gwr" outline --format xml $s1 && one_line_no_output bad-format-list
expect unknown-key 2 "^gwr: unknown key 'foo'; keys: gdp, industry_va, .*cpi" -- "$gwr" targets --key foo $s1 && one_line_no_output unknown-key
expect empty-key 2 "^gwr: unknown key ''; keys: gdp" -- "$gwr" targets --key= $s1
expect unknown-status 2 "^gwr: unknown status 'done'; statuses: achieved, planned$" -- "$gwr" targets --status done $s1 && one_line_no_output unknown-status
"$gwr" targets --format tsv --key gdp --status planned $s1 >"$tmp/ref-key.tsv" 2>/dev/null </dev/null
if [ "$(grep -c $'\tgdp\t' "$tmp/ref-key.tsv")" -ge 1 ]; then ok; else fail key-reference "no planned gdp figure in $s1"; fi
expect key-any-case 0 '' -- "$gwr" targets --format TSV --key GDP --status Planned $s1 && same key-any-case "$tmp/ref-key.tsv"
expect key-mixed-case 0 '' -- "$gwr" targets --format=Tsv --key=Gdp --status=PLANNED $s1 && same key-mixed-case "$tmp/ref-key.tsv"
# an option the command does not take is refused, not ignored
expect key-not-compare 2 "^gwr: option '--key' applies to targets, timeline and rank only" -- "$gwr" compare --key gdp $s1
expect status-not-outline 2 "^gwr: option '--status' applies to targets and rank only" -- "$gwr" outline --status planned $s1
expect year-not-timeline 2 "^gwr: option '--year' applies to rank only" -- "$gwr" timeline --year 2024 $s1
expect rank-without-key 2 "^gwr: rank needs --key" -- "$gwr" rank $s1
expect rank-bad-year 2 "^gwr: unknown year '20x4'" -- "$gwr" rank --key gdp --year 20x4 $s1
expect all-not-targets 2 "^gwr: option '--all' applies to outline only" -- "$gwr" targets --all $s1
expect mouse-not-targets 2 "^gwr: option '--mouse' applies to the interactive browser only" -- "$gwr" targets --mouse $s1
expect format-not-browser 2 "^gwr: option '--format' applies to sub-commands only" -- "$gwr" --format tsv $s1
expect missing-file 1 '^gwr: /nonexistent/nope\.txt: No such file' -- "$gwr" outline /nonexistent/nope.txt
expect check-missing-file 1 '^gwr: /nonexistent/nope\.txt: No such file' -- "$gwr" check /nonexistent/nope.txt
expect check-no-argument 2 'check needs at least one argument' -- "$gwr" check
expect check-bad-format 2 "unknown format 'xml'" -- "$gwr" check --format xml samples/jingmen-2024.txt

# ---- hostile inputs ---------------------------------------------------------
b=$tmp/bad
bash tests/bad/gen.sh "$b" || { echo "FAIL: could not generate the bad inputs"; exit 1; }
s=samples/jingmen-2024.txt
ref=$tmp/ref
mkdir -p "$ref"
for c in outline targets compare; do
  "$gwr" $c --format tsv "$s" >"$ref/$c.tsv" 2>/dev/null </dev/null || fail "reference-$c" "gwr $c $s failed"
done

expect empty-file 1 "^gwr: $b/empty\.txt: empty" -- "$gwr" outline "$b/empty.txt"
expect check-empty-file 1 "^gwr: $b/empty\.txt: empty" -- "$gwr" check "$b/empty.txt"
expect check-binary-file 1 "^gwr: $b/binary\.bin: .*binary" -- "$gwr" check --format tsv "$b/binary.bin"
expect binary-file 1 "^gwr: $b/binary\.bin: .*binary" -- "$gwr" outline "$b/binary.bin"
expect nul-inside-text 1 "^gwr: $b/nul-inside\.txt: .*(binary|NUL)" -- "$gwr" targets "$b/nul-inside.txt"
expect control-heavy 1 "^gwr: $b/esc-heavy\.txt: .*(binary|control)" -- "$gwr" outline "$b/esc-heavy.txt"

# invalid UTF-8: shown as U+FFFD, output stays valid UTF-8, at most a one-line warning
for c in "outline --all" targets; do
  if expect "invalid-utf8-${c%% *}" 0 '' -- "$gwr" $c --format tsv "$b/invalid-utf8.txt"; then
    valid_utf8 "invalid-utf8-${c%% *}"
    [ "$(wc -l <"$tmp/err")" -le 1 ] || fail "invalid-utf8-${c%% *}" "more than one line on stderr"
  fi
done
"$gwr" outline --format text "$b/invalid-utf8.txt" >"$tmp/out" 2>/dev/null </dev/null
if grep -q '2023年��工作回顾' "$tmp/out"; then ok; else fail invalid-utf8-fffd "heading does not show the two bad bytes as U+FFFD"; fi
# a multibyte sequence cut at the end of the file changes nothing else
for c in outline targets; do
  expect "cut-at-eof-$c" 0 '' -- "$gwr" $c --format tsv "$b/cut-at-eof.txt" && same "cut-at-eof-$c" "$ref/$c.tsv" && valid_utf8 "cut-at-eof-$c"
done

# line ends: CRLF and CR alone read like LF
for v in crlf cr-only; do
  for c in outline targets compare; do
    expect "$v-$c" 0 '' -- "$gwr" $c --format tsv "$b/$v.txt" && same "$v-$c" "$ref/$c.tsv"
  done
done

# encodings: every sample converted to GB18030 and to UTF-16 (LE and BE, with
# BOM) gives the same outline, targets and compare as the UTF-8 original
mkdir -p "$tmp/enc/utf8" "$tmp/enc/gb18030" "$tmp/enc/utf16le" "$tmp/enc/utf16be"
for f in samples/*.txt; do
  n=${f##*/}
  cp "$f" "$tmp/enc/utf8/$n"
  iconv -f UTF-8 -t GB18030 "$f" >"$tmp/enc/gb18030/$n"
  { printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$f"; } >"$tmp/enc/utf16le/$n"
  { printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$f"; } >"$tmp/enc/utf16be/$n"
done
for c in outline targets compare; do
  "$gwr" $c --format tsv "$tmp"/enc/utf8/*.txt >"$ref/enc-$c.tsv" 2>/dev/null </dev/null
  for e in gb18030 utf16le utf16be; do
    expect "$e-$c" 0 '' -- "$gwr" $c --format tsv "$tmp/enc/$e"/*.txt && same "$e-$c" "$ref/enc-$c.tsv"
  done
done
# the real corpus is GBK with CRLF: same as its UTF-8 + LF conversion
mkdir -p "$tmp/hailar-utf8"
for f in tests/data/hailar/*.txt; do iconv -f GB18030 -t UTF-8 "$f" | tr -d '\r' >"$tmp/hailar-utf8/${f##*/}"; done
for c in outline targets compare; do
  "$gwr" $c --format tsv "$tmp"/hailar-utf8/*.txt >"$ref/hailar-$c.tsv" 2>/dev/null </dev/null
  expect "gbk-crlf-corpus-$c" 0 '' -- "$gwr" $c --format tsv tests/data/hailar/*.txt && same "gbk-crlf-corpus-$c" "$ref/hailar-$c.tsv"
done

# escape sequences and C0/C1 controls inside a real report: loaded, and never
# written raw to the output (they would drive the user's terminal)
for c in "outline --all" targets compare; do
  for fmt in text tsv json; do
    # shellcheck disable=SC2086
    if expect "esc-some-${c%% *}-$fmt" 0 '' -- "$gwr" $c --format $fmt "$b/esc-some.txt"; then
      if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]' "$tmp/out"; then
        fail "esc-some-${c%% *}-$fmt" "raw control bytes reach the output"
      else ok; fi
    fi
  done
done
"$gwr" outline "$b/esc-some.txt" >"$tmp/out" 2>/dev/null </dev/null
if grep -q '工作回顾' "$tmp/out"; then ok; else fail esc-some-heading "heading with escape sequences not found"; fi

# big inputs: a 100 MB line, 1,000,000 short lines, 100,000 repeated headings
for c in outline targets; do
  "$gwr" $c --format tsv "$b/long-line-small.txt" >"$ref/long-$c.tsv" 2>/dev/null </dev/null
  # the entity is guessed from word counts, which differ: compare from column 3 on
  expect "long-line-$c" 0 '' -- "$gwr" $c --format tsv "$b/long-line.txt" &&
    { cut -f3- "$tmp/out" >"$tmp/out3"; mv "$tmp/out3" "$tmp/out"; cut -f3- "$ref/long-$c.tsv" >"$tmp/ref3"; same "long-line-$c" "$tmp/ref3"; }
done
if grep -q '	7	' "$ref/long-targets.tsv"; then ok; else fail long-line-figure "the figure at the end of the long line is not found"; fi
expect many-lines 0 '' -- "$gwr" outline --format tsv "$b/many-lines.txt"
expect many-lines-targets 0 '' -- "$gwr" targets --format tsv "$b/many-lines.txt"
[ "$(wc -l <"$tmp/out")" = 1 ] && ok || fail many-lines-targets "figures found in lines without numbers"
# the same part and section headings 100,000 times: numbering does not go
# on, so the first pair opens the tree and every later line is a paragraph
if expect many-headings 0 '' -- "$gwr" outline --format tsv "$b/many-headings.txt"; then
  parts=$(awk -F'\t' '$3 == "part"' "$tmp/out" | wc -l)
  sections=$(awk -F'\t' '$3 == "section"' "$tmp/out" | wc -l)
  if [ "$parts" = 1 ] && [ "$sections" = 1 ]; then ok; else
    fail many-headings "expected 1 part and 1 section, got $parts and $sections"; fi
fi
if expect many-headings-all 0 '' -- "$gwr" outline --all --format tsv "$b/many-headings.txt"; then
  rows=$(($(wc -l <"$tmp/out") - 1))
  [ "$rows" = 400000 ] && ok || fail many-headings-all "expected 400000 rows (one per line), got $rows"
fi

# numbers too large to hold exactly: no crash, no wrong value, the rest still read
if expect huge-numbers 0 '' -- "$gwr" targets --format tsv "$b/huge-numbers.txt"; then
  # the two overflowing figures are found, with an empty value (unknown), never 0 or digits
  n=$(awk -F'\t' 'NR > 1 && ($5 == "gdp" || $5 == "budget_revenue") && $8 == "" && $9 == ""' "$tmp/out" | wc -l)
  [ "$n" = 2 ] && ok || fail huge-numbers "expected the gdp and budget_revenue targets with an empty value, got $n"
  if awk -F'\t' 'NR > 1 && ($8 ~ /^[0-9.]{20,}$/ || $8 ~ /e/)' "$tmp/out" | grep -q .; then
    fail huge-numbers "an overflowing number was printed as a value"; else ok; fi
  if awk -F'\t' '$8 == "55000" && $10 == "人"' "$tmp/out" | grep -q .; then ok; else
    fail huge-numbers "5.5万人以上 after the huge numbers was not read"; fi
fi
if expect huge-numbers-compare 0 '' -- "$gwr" compare --format tsv "$b/huge-numbers.txt"; then
  n=$(awk -F'\t' 'NR > 1 && ($3 == "gdp" || $3 == "budget_revenue") && $8 == "" && $14 == ""' "$tmp/out" | wc -l)
  [ "$n" = 2 ] && ok || fail huge-numbers-compare "overflowing planned figures not shown as unknown"
fi
expect quantity-400-digits 0 '' -- "$gwr" quantity --format tsv "$(cat "$b/digits-400.arg")"
expect quantity-huge-yi 0 '' -- "$gwr" quantity --format tsv '99999999999999999999亿'
if grep -q '99999999999999999999' "$tmp/out" && ! grep -q '9999999999999999999900000000' "$tmp/out"; then ok; else
  fail quantity-huge-yi "99999999999999999999亿 not reported as too large"; fi

# ---- directories: an unreadable file, a symlink loop, a FIFO ----------------
dir=$tmp/dir
mkdir -p "$dir"
cp samples/jingmen-2024.txt "$dir/a-good.txt"
cp samples/xianning-2024.txt "$dir/e-good.txt"
echo '一、工作回顾' >"$dir/b-unreadable.txt"
chmod 000 "$dir/b-unreadable.txt"
ln -s c-loop "$dir/c-loop"
mkfifo "$dir/d-fifo"
chmod 755 "$tmp" "$dir"
# as root, permissions do not stop reads: drop to nobody for this case
as_user=()
if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null 2>&1; then
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
  elif command -v runuser >/dev/null 2>&1; then
    as_user=(runuser -u nobody --)
  fi
fi
can_drop=1
if [ "$(id -u)" = 0 ] && ! "${as_user[@]}" test -x "$gwr" 2>/dev/null; then can_drop=0; fi
"$gwr" outline --format tsv "$dir/a-good.txt" "$dir/e-good.txt" >"$ref/dir-good.tsv" 2>/dev/null </dev/null
if [ "$(id -u)" = 0 ] && { [ ${#as_user[@]} = 0 ] || [ $can_drop = 0 ]; }; then
  skip unreadable-file "running as root with no setpriv/runuser (or $gwr not executable by nobody): root reads a mode-000 file"
  rm -f "$dir/b-unreadable.txt"
  case_limit=$quick run "$gwr" outline --format tsv "$dir"
else
  case_limit=$quick run "${as_user[@]}" "$gwr" outline --format tsv "$dir"
fi
if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then fail dir-bad-entries "timed out (blocked on the FIFO?)"
else
  [ "$rc" = 1 ] && ok || fail dir-bad-entries "exit $rc, expected 1"
  same dir-good-shown "$ref/dir-good.tsv"
  if [ -e "$dir/b-unreadable.txt" ]; then
    grep -Eq "^gwr: $dir/b-unreadable\.txt: Permission denied" "$tmp/err" && ok || fail dir-unreadable "unreadable file not named"
  fi
  grep -Eiq "^gwr: $dir/c-loop: .*(loop|too many levels)" "$tmp/err" && ok || fail dir-symlink-loop "symlink loop not named"
  grep -Eq "^gwr: $dir/d-fifo: not a regular file" "$tmp/err" && ok || fail dir-fifo "FIFO not named"
  grep -q 'good' "$tmp/err" && fail dir-bad-entries "a good file named on stderr" || ok
fi
# the same entries given directly
case_limit=$quick expect fifo-arg 1 "^gwr: $dir/d-fifo: not a regular file" -- "$gwr" outline "$dir/d-fifo"
case_limit=$quick expect symlink-loop-arg 1 "^gwr: $dir/c-loop: .*([Ll]oop|[Tt]oo many levels)" -- "$gwr" outline "$dir/c-loop"
case_limit=$quick expect char-device-arg 1 '^gwr: /dev/zero: not a regular file' -- "$gwr" outline /dev/zero
case_limit=$quick expect check-fifo-arg 1 "^gwr: $dir/d-fifo: not a regular file" -- "$gwr" check "$dir/d-fifo"
case_limit=$quick expect check-symlink-loop-arg 1 "^gwr: $dir/c-loop: .*([Ll]oop|[Tt]oo many levels)" -- "$gwr" check "$dir/c-loop"
# only "-" reads a stream
timeout -k 2 "$limit" "$gwr" outline --format tsv - <"$s" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" = 0 ] && same stdin-dash "$ref/outline.tsv" || fail stdin-dash "exit $rc"

# hostile file names: printf directives, an escape sequence and a line end
names=$tmp/names
mkdir -p "$names"
cp samples/jingzhou-2023.txt "$names/%s%n%x.txt"
: >"$names/bad"$'\e[2J\e]0;pwned\a\n'"x.txt"
for fmt in text tsv json; do
  if expect "hostile-names-$fmt" 1 "^gwr: $names/bad\?\[2J\?\]0;pwned\?\?x\.txt: empty" -- "$gwr" outline --format $fmt "$names"; then
    grep -q '%s%n%x' "$tmp/out" && ok || fail "hostile-names-$fmt" "the file named %s%n%x.txt is not shown"
    if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$tmp/out" "$tmp/err"; then
      fail "hostile-names-$fmt" "raw control bytes of a file name reach the output"; else ok; fi
  fi
done

# hostile names in every command and format, invisible characters, stdin
. tests/bad/hostile.sh

# ---- one bad file among good ones: the good ones shown, the bad one named, exit 1
g1=samples/tianmen-2023.txt g2=samples/xianning-2024.txt
for c in outline targets compare check; do
  "$gwr" $c --format tsv "$g1" "$g2" >"$ref/two-$c.tsv" 2>/dev/null </dev/null
  expect "bad-among-good-$c" 1 "^gwr: $b/binary\.bin: .*binary" -- "$gwr" $c --format tsv "$g1" "$b/binary.bin" "$g2" &&
    same "bad-among-good-$c" "$ref/two-$c.tsv"
done

# ---- web pages, PDFs, Word files; mixed encodings; folders without reports
. tests/bad/formats.sh

# ---- gwr never writes: inputs unchanged, no file created, read-only opens ----
bash tests/bad/readonly.sh "$gwr" "$tmp/ro" && ok || fail read-only "an input was changed or a file was written"

echo "bad input: $pass passed, $failn failed, $skipn skipped"
[ "$failn" = 0 ]
