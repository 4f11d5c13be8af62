#!/usr/bin/env bash
# gen.sh DIR [small] — writes the hostile inputs of the bad-input suite into
# DIR (used by tests/bad/run.sh and tests/valgrind.sh). "small" shrinks the
# three big inputs (for valgrind, which is ~30x slower); everything else is
# the same. Run from the repository root. Needs only coreutils, printf, iconv.
set -eu
d=${1:?usage: gen.sh DIR [small]}
scale=${2:-full}
mkdir -p "$d"
s=samples/jingmen-2024.txt      # a clean report to embed things in

if [ "$scale" = small ]; then big_reps=30000 lines=10000 heads=1000
else big_reps=2330000 lines=1000000 heads=100000; fi

: >"$d/empty.txt"
# binary: an ELF-like header then every byte value, many times
{ printf '\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0'; for _ in $(seq 64); do printf "$(printf '\\%03o' $(seq 0 255))"; done; } >"$d/binary.bin"
# NUL bytes inside otherwise good text
{ head -c 2000 "$s"; printf '\0\0\0\0'; tail -c +2001 "$s"; } >"$d/nul-inside.txt"
# invalid UTF-8 in a heading and in a sentence: bad bytes, overlongs, surrogates
{ head -n 4 "$s"; printf '一、2023年\xff\xfe工作回顾\n'; printf '经济\xc0\xaf增长\xed\xa0\x80\xe5\x9c。\n'; tail -n +6 "$s"; } >"$d/invalid-utf8.txt"
# a multibyte sequence cut at end of file (first two bytes of 增)
{ cat "$s"; printf '\xe5\xa2'; } >"$d/cut-at-eof.txt"
# CRLF, and old-Mac CR only
sed 's/$/\r/' "$s" >"$d/crlf.txt"
tr '\n' '\r' <"$s" >"$d/cr-only.txt"
# text FULL of ESC sequences and C0/C1 controls (more control than text)
for _ in $(seq 2000); do printf '\x1b[2J\x1b]0;pwned\x07\x1b[31m\xc2\x9b1m\x9b\x08\x7f\x1bc\x01\x02\x03字'; done >"$d/esc-heavy.txt"
# a real report with a few escape sequences and C0/C1 controls inside headings and figures
{ head -n 4 "$s"; printf '一、2023年\x1b[2J\x1b]0;pwned\x07工作回顾\x1b[0m\n'; printf '地区生产总值增长\x1b[31m6.7%%\x1b[0m，\xc2\x9b31m规模以上工业增加值增长10.2%%\x07。\n'; tail -n +6 "$s"; } >"$d/esc-some.txt"
# one line of 100 MB (2,330,000 × 45 bytes) (short sentences, no line end) with one figure at its end
yes '这是一段很长的文字，没有换行。' | head -n "$big_reps" | tr -d '\n' >"$d/long-line.txt"
printf '地区生产总值增长7%%。' >>"$d/long-line.txt"
yes '这是一段很长的文字，没有换行。' | head -n 3 | tr -d '\n' >"$d/long-line-small.txt"
printf '地区生产总值增长7%%。' >>"$d/long-line-small.txt"
# 1,000,000 short lines
yes '短行' | head -n "$lines" >"$d/many-lines.txt"
# one heading pair repeated 100,000 times, two paragraphs under each (half
# the lines end a sentence: read as one paragraph a line, not hard-wrapped)
yes '一、工作回顾
（一）经济发展
全市经济平稳运行。
就业形势总体稳定。' | head -n $((heads * 4)) >"$d/many-headings.txt"
# a number with 400 digits, and 99999999999999999999亿, in a report's targets sentence
digits=$(printf '9%.0s' $(seq 400))
{ head -n 4 "$s"; printf '二、2024年工作安排\n主要预期目标是：地区生产总值增长%s%%，一般公共预算收入99999999999999999999亿元，城镇新增就业5.5万人以上。\n' "$digits"; } >"$d/huge-numbers.txt"
printf '%s' "$digits" >"$d/digits-400.arg"
