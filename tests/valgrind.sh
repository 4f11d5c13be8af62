#!/usr/bin/env bash
# make valgrind — the CLI on every sample, every corpus report and every bad
# input (tests/bad/gen.sh, big ones shrunk) under memcheck. Fails unless every
# run has zero errors and "definitely", "indirectly" and "possibly" lost are
# all 0 bytes. Installs valgrind with apt-get when it is missing (as root).
set -u
gwr=${1:-./gwr}
case $gwr in /*) ;; *) gwr=$PWD/$gwr ;; esac
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
export LC_ALL=C.UTF-8

if ! command -v valgrind >/dev/null 2>&1; then
  echo "valgrind: not installed; installing it"
  if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
      echo "valgrind: run as root (or install sudo), or install valgrind" >&2; exit 1; fi
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null ||
      { echo "valgrind: apt-get could not install valgrind" >&2; exit 1; }
  else
    echo "valgrind: install valgrind" >&2; exit 1
  fi
fi

tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
bash tests/bad/gen.sh "$tmp/bad" small || exit 1
mkdir -p "$tmp/dir" "$tmp/enc"
cp samples/jingmen-2024.txt "$tmp/dir/good.txt"
ln -s loop "$tmp/dir/loop"
mkfifo "$tmp/dir/fifo"
: >"$tmp/dir/empty.txt"
iconv -f UTF-8 -t GB18030 samples/tianmen-2023.txt >"$tmp/enc/gb18030.txt"
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE samples/xianning-2024.txt; } >"$tmp/enc/utf16le.txt"

limit=${VALGRIND_TIMEOUT:-300}   # seconds per run; a hang fails the run
runs=0 errs=0 def=0 ind=0 pos=0 badruns=0
# vg ARGS... — one gwr run under memcheck; adds up errors and lost bytes
vg() {
  local log="$tmp/vg.log"
  timeout -k 5 "$limit" valgrind --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
    --errors-for-leak-kinds=definite,indirect,possible --num-callers=30 --log-file="$log" \
    "$gwr" "$@" >/dev/null 2>"$tmp/stderr" </dev/null
  local rc=$?
  runs=$((runs+1))
  local e d i p
  e=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$log" | tr -d , | tail -1)
  d=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d , | tail -1)
  i=$(sed -n 's/.*indirectly lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d , | tail -1)
  p=$(sed -n 's/.*possibly lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d , | tail -1)
  e=${e:-0} d=${d:-0} i=${i:-0} p=${p:-0}
  errs=$((errs+e)) def=$((def+d)) ind=$((ind+i)) pos=$((pos+p))
  if [ "$rc" = 99 ] || [ "$e" != 0 ] || [ "$d" != 0 ] || [ "$i" != 0 ] || [ "$p" != 0 ] || [ "$rc" -gt 2 ]; then
    [ "$rc" = 124 ] && echo "FAIL gwr $*: timed out after ${limit}s"
    badruns=$((badruns+1))
    echo "FAIL gwr $*: exit $rc, $e errors, lost $d/$i/$p bytes (definitely/indirectly/possibly)"
    grep -E '^==[0-9]+== (Invalid|Conditional|Use of|Mismatched|Source|Syscall|Argument|[0-9,]+ bytes in)|^==[0-9]+==    (at|by) ' "$log" | head -20
  fi
}

echo "== valgrind memcheck: every sample and corpus report"
for f in samples/*.txt tests/data/hailar/*.txt; do
  vg outline --all --format json "$f"
  vg targets --format tsv "$f"
  vg compare "$f"
done
vg compare --format json tests/data/hailar/*.txt
vg targets --format json samples/
vg outline "$tmp/enc/gb18030.txt" "$tmp/enc/utf16le.txt"
echo "== valgrind memcheck: published formats and their hostile forms"
vg targets --format tsv tests/formats/fixtures/
for f in tests/fuzz-regress/html/* tests/fuzz-regress/docx/*; do vg outline "$f"; done
echo "== valgrind memcheck: every bad input"
for f in "$tmp"/bad/*.txt "$tmp"/bad/*.bin; do
  vg outline --all --format tsv "$f"
  vg targets --format text "$f"
done
vg compare --format tsv samples/tianmen-2023.txt "$tmp/bad/binary.bin" samples/xianning-2024.txt
vg outline "$tmp/dir"
vg outline "$tmp/dir/fifo"
vg outline "$tmp/dir/loop"
vg outline /nonexistent/file.txt
vg quantity "$(cat "$tmp/bad/digits-400.arg")" '99999999999999999999亿' '5.5万人以上' '1—2家' '1.4：1' '增长7%左右'
vg --bogus
vg outline --format xml samples/jingmen-2024.txt

echo "valgrind: $runs runs, $errs errors; lost bytes: definitely $def, indirectly $ind, possibly $pos; $badruns failing runs"
[ "$badruns" = 0 ] && [ "$errs" = 0 ] && [ "$def" = 0 ] && [ "$ind" = 0 ] && [ "$pos" = 0 ]
