#!/usr/bin/env bash
# seeds.sh DIR — writes the seed corpus of every fuzz target under DIR/TARGET/:
#   load, facts  pieces of every report in samples/ and tests/data/ (split at
#                line ends), the opening of each, and GB18030 / UTF-16 / CRLF
#                variants of a few pieces;
#   quantity     the phrases quoted in the unit tests and every sentence of
#                the samples that holds a digit;
#   compare      pairs of consecutive years of one entity (front matter and
#                targets paragraph of year N, form feed, review of year N+1).
# Run from the repository root. Files are named by their checksum.
set -u
dir=${1:?usage: seeds.sh DIR}
rm -rf "$dir"
for t in load facts quantity compare html docx pdf; do mkdir -p "$dir/$t"; done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# put FILE TARGET... — stores FILE under each target, named by checksum
put() {
  local f=$1 sum; shift
  [ -s "$f" ] || return 0
  sum=$(cksum <"$f" | tr ' ' '-')
  for t in "$@"; do cp "$f" "$dir/$t/$sum"; done
}

# every report as UTF-8 (the corpus is GBK)
n=0
for f in samples/*.txt tests/data/*/*.txt; do
  [ -f "$f" ] || continue
  n=$((n+1))
  u="$tmp/u$n.txt"
  if iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then cp "$f" "$u"; else iconv -f GB18030 -t UTF-8 "$f" >"$u" 2>/dev/null || continue; fi
  head -c 12000 "$f" >"$tmp/head"; put "$tmp/head" load facts
  split -C 3000 -a 3 "$u" "$tmp/piece$n."
  for p in "$tmp/piece$n".*; do put "$p" load facts; done
  # encodings and line ends of the first piece
  p=$(ls "$tmp/piece$n".* | head -1)
  iconv -f UTF-8 -t GB18030 "$p" >"$tmp/gb" 2>/dev/null && put "$tmp/gb" load
  { printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$p"; } >"$tmp/u16" 2>/dev/null && put "$tmp/u16" load
  { printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$p"; } >"$tmp/u16be" 2>/dev/null && put "$tmp/u16be" load
  sed 's/$/\r/' "$p" >"$tmp/crlf" && put "$tmp/crlf" load facts
  # sentences with a digit, short enough for the quantity parser's seeds
  tr '。；' '\n\n' <"$u" | grep -a -e '[0-9]' -e '[０１２３４５６７８９]' | awk 'length($0) < 400' | head -120 >"$tmp/sent"
  i=0
  while IFS= read -r s; do
    i=$((i+1))
    printf '%s' "$s" >"$tmp/s"; put "$tmp/s" quantity
  done <"$tmp/sent"
  rm -f "$tmp/piece$n".*
done

# phrases quoted in the unit tests (C escapes \xNN, \n, \t, \" resolved)
for c in tests/unit/test_*.c; do
  [ -f "$c" ] || continue
  perl -ne 'while (/"((?:[^"\\]|\\.)*)"/g) { my $s = $1; next unless $s =~ /[\x80-\xff]|\\x|[0-9]/;
              $s =~ s/\\x([0-9a-fA-F]{1,2})/chr(hex($1))/ge; $s =~ s/\\n/\n/g; $s =~ s/\\t/\t/g;
              $s =~ s/\\r/\r/g; $s =~ s/\\(["\\])/$1/g; print $s, "\0"; }' "$c"
done >"$tmp/phrases"
i=0
while IFS= read -r -d '' s; do
  i=$((i+1))
  printf '%s' "$s" >"$tmp/p"; put "$tmp/p" quantity facts
done <"$tmp/phrases"

# compare: consecutive years of one entity; front + targets of N, review of N+1
for a in "$tmp"/u*.txt; do
  for b in "$tmp"/u*.txt; do
    [ "$a" = "$b" ] && continue
    { head -c 1500 "$a"; grep -a -m2 '预期目标' "$a"; printf '\f'; head -c 5000 "$b"; } >"$tmp/pair"
    put "$tmp/pair" compare
  done
done 2>/dev/null
# readers: the web pages and Word files of tests/formats/fixtures/ (cut to
# 60 KB for pages), and pdftotext -layout output of its PDFs (a page or two)
for f in tests/formats/fixtures/*.html; do
  [ -f "$f" ] || continue
  head -c 60000 "$f" >"$tmp/h"; put "$tmp/h" html
done
for f in tests/formats/fixtures/*.docx; do [ -f "$f" ] && put "$f" docx; done
if command -v pdftotext >/dev/null 2>&1; then
  for f in tests/formats/fixtures/*.pdf; do
    pdftotext -layout -enc UTF-8 -l 3 "$f" "$tmp/p.txt" 2>/dev/null && put "$tmp/p.txt" pdf
  done
fi
n_load=$(ls "$dir/load" | wc -l) n_q=$(ls "$dir/quantity" | wc -l) n_c=$(ls "$dir/compare" | wc -l)
echo "seeds: load $n_load, facts $(ls "$dir/facts" | wc -l), quantity $n_q, compare $n_c, html $(ls "$dir/html" | wc -l), docx $(ls "$dir/docx" | wc -l), pdf $(ls "$dir/pdf" | wc -l)"
