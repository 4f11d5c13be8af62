#!/usr/bin/env bash
# Acceptance test: the hand-read headline figures of the five sample reports
# (tests/data/seeds-headline.tsv) against what gwr finds.
#   keyed rows    must appear in `gwr compare` (the value a person sees side
#                 by side): same key, kind and year, and on the row's planned or
#                 achieved side the same value, unit and qualifier;
#   unkeyed rows  must appear in `gwr targets`: same status, year, kind, value,
#                 unit and qualifier, with a name containing the gold fragment.
# Prints the score and every miss; fails below 95%.
set -u
gwr=${1:-./gwr}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
gold=tests/data/seeds-headline.tsv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

sample_of() {
  case "$1" in
    000_*) echo samples/jingmen-2024.txt ;;
    001_*) echo samples/tianmen-2023.txt ;;
    002_*) echo samples/xianning-2024.txt ;;
    003_*) echo samples/jingzhou-2023.txt ;;
    004_*) echo samples/enshi-2024.txt ;;
    *) echo "" ;;
  esac
}

for f in $(grep -v '^#' "$gold" | awk -F'\t' 'NR > 1 { print $1 }' | sort -u); do
  s=$(sample_of "$f")
  if [ -z "$s" ] || [ ! -f "$s" ]; then echo "gold: no sample for $f" >&2; exit 1; fi
  "$gwr" compare --format tsv "$s" >"$tmp/$f.cmp" 2>"$tmp/err" || { echo "gold: gwr compare $s failed:"; cat "$tmp/err"; exit 1; }
  "$gwr" targets --format tsv "$s" >"$tmp/$f.tgt" 2>"$tmp/err" || { echo "gold: gwr targets $s failed:"; cat "$tmp/err"; exit 1; }
done

grep -v '^#' "$gold" | awk -F'\t' -v dir="$tmp" '
  NR == 1 { next }
  {
    file = $1; status = $2; year = $3; key = $4; name = $5; kind = $6; value = $7; unit = $8; qual = $9
    total++
    found = 0; seen = ""
    if (key != "") {
      src = dir "/" file ".cmp"
      # compare: file entity key label kind year unit planned planned_hi planned_qual achieved achieved_hi achieved_qual verdict
      while ((getline line < src) > 0) {
        split(line, c, "\t")
        if (c[3] != key || c[6] != year || c[5] != kind) continue
        v = (status == "planned") ? c[8] : c[11]
        q = (status == "planned") ? c[10] : c[13]
        seen = seen sprintf(" [%s %s %s %s]", c[5], v, c[7], q)
        if (v == value && c[7] == unit && q == qual) found = 1
      }
      close(src)
    } else {
      src = dir "/" file ".tgt"
      # targets: file entity status year key name kind value value_hi unit qual text line section
      while ((getline line < src) > 0) {
        split(line, t, "\t")
        if (t[3] != status || t[4] != year || index(t[6], name) == 0) continue
        seen = seen sprintf(" [%s %s %s %s %s]", t[6], t[7], t[8], t[10], t[11])
        if (t[7] == kind && t[8] == value && t[10] == unit && t[11] == qual) found = 1
      }
      close(src)
    }
    if (found) ok++
    else printf "miss: %s %s %s %s %s %s %s %s %s; gwr has:%s\n", substr(file, 1, 3), status, year, (key == "" ? "-" : key), name, kind, value, unit, qual, (seen == "" ? " nothing" : seen)
  }
  END {
    pct = total ? 100 * ok / total : 0
    printf "gold: %d of %d headline figures right (%.1f%%)\n", ok, total, pct
    exit (ok * 100 >= 95 * total) ? 0 : 1
  }'
