#!/usr/bin/env bash
# bench/run.sh — `make bench`: gwr against grep on a generated national corpus.
#
# Builds gwr with optimisation and the drivers in bench/, generates (once) a
# deterministic corpus of 1,000 and 10,000 report files from samples/, then
# measures in one run, interleaving the commands, ROUNDS times each:
#   A  gwr targets --format tsv DIR >/dev/null       wall, user+sys, peak RSS
#   B  grep -rc 增长 DIR >/dev/null                    the baseline
#   L  loading DIR into the in-memory model as the interface does (loadbench)
#   S  launching the interface on DIR under tmux to its first complete screen
#   I  (once) instructions of gwr targets --format tsv on a 100-file corpus,
#      counted by perf stat (instructions:u) when the CPU counters work, else
#      by valgrind's callgrind; divided by the corpus bytes
# plus the filter latency per keystroke over all figures (filterbench: Chinese,
# pinyin and initials keystrokes reported separately), and
# prints one table of medians with each target and whether it is met.
#
# Environment: BENCH_SIZES="1000 10000"  BENCH_ROUNDS=5  BENCH_DIR=build/bench
set -u
cd "$(dirname "$0")/.."
SIZES=${BENCH_SIZES:-1000 10000}
ROUNDS=${BENCH_ROUNDS:-5}
OUT=${BENCH_DIR:-build/bench}
CC=${CC:-cc}
mkdir -p "$OUT"
if locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then export LC_ALL=C.UTF-8; else export LC_ALL=C; fi
log=$OUT/raw.txt
: >"$log"
say() { echo "bench: $*" >&2; }
t_start=$SECONDS

# ---- build ------------------------------------------------------------------
say "building gwr (-O2) and the drivers"
make -s -j2 gwr build/rel/libgwrcore.a >/dev/null || { say "build failed"; exit 1; }
CF="-std=c11 -D_DEFAULT_SOURCE -O2 -g -Wall -Wextra -Icore"
LIBS="build/rel/libgwrcore.a -lunistring -lpthread $(pkg-config --libs libxml-2.0 libzip 2>/dev/null || echo -lxml2 -lzip)"
$CC $CF bench/gencorpus.c -o "$OUT/gencorpus" &&
$CC $CF bench/runstat.c -o "$OUT/runstat" &&
$CC $CF bench/loadbench.c bench/common.c $LIBS -o "$OUT/loadbench" &&
$CC $CF bench/filterbench.c bench/common.c $LIBS -o "$OUT/filterbench" || { say "driver build failed"; exit 1; }

# ---- corpus -----------------------------------------------------------------
SAMPLES="samples/enshi-2024.txt=恩施 samples/jingmen-2024.txt=荆门 samples/jingzhou-2023.txt=荆州
         samples/tianmen-2023.txt=天门 samples/xianning-2024.txt=咸宁"
stamp_of() { cat bench/gencorpus.c samples/*.txt | cksum | cut -d' ' -f1; echo "$1"; }
IPB_N=${BENCH_IPB_FILES:-100}
for n in $SIZES $IPB_N; do
  dir=$OUT/corpus-$n
  want=$(stamp_of "$n")
  if [ "$(cat "$dir.stamp" 2>/dev/null)" != "$want" ]; then
    say "generating $dir"
    rm -rf "$dir" "$dir.stamp"
    # shellcheck disable=SC2086
    "$OUT/gencorpus" "$dir" "$n" $SAMPLES >/dev/null || { say "gencorpus failed"; exit 1; }
    echo "$want" >"$dir.stamp"
  fi
done
bytes_of() { find -L "$1" -type f -printf '%s\n' | awk '{s+=$1} END{print s}'; }
files_of() { find -L "$1" -type f | wc -l; }

# ---- measure ----------------------------------------------------------------
R=$OUT/runstat
kv() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p"; }           # value of key=VALUE
record() { echo "$1 $2 $3" >>"$log"; }                     # size name line

say "warming the page cache"
for n in $SIZES; do find -L "$OUT/corpus-$n" -type f -exec cat {} + >/dev/null; done

# Instructions per byte: a count that does not depend on how busy the
# machine is. perf first (instructions:u: user space, every thread); where the
# counters are not available (most virtual machines), callgrind.
t_ipb=$SECONDS
say "instructions per byte, $IPB_N files"
ipb_dir=$OUT/corpus-$IPB_N
ipb_ins=-; ipb_tool=none
p=$(perf stat -x, -e instructions:u ./gwr targets --format tsv "$ipb_dir" 2>&1 >/dev/null |
    awk -F, '$3 ~ /^instructions/ {print $1}' | tail -1)
if [[ "$p" =~ ^[0-9]+$ ]]; then
  ipb_ins=$p; ipb_tool=perf
elif command -v valgrind >/dev/null; then
  p=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null ./gwr targets --format tsv "$ipb_dir" 2>&1 >/dev/null |
      sed -n 's/.*I *refs: *//p' | tr -d , | tail -1)
  [[ "$p" =~ ^[0-9]+$ ]] && { ipb_ins=$p; ipb_tool=callgrind; }
fi
record "$IPB_N" I "ins=$ipb_ins tool=$ipb_tool bytes=$(bytes_of "$ipb_dir")"
t_ipb=$((SECONDS - t_ipb))

# Rounds: ROUNDS, fewer when one round would not leave them all within
# BENCH_BUDGET seconds (make bench must end within 10 minutes).
BUDGET=${BENCH_BUDGET:-380}
BUDGET=$((BUDGET - t_ipb > 60 ? BUDGET - t_ipb : 60))   # the count above took part of it
r=0
while [ "$r" -lt "$ROUNDS" ]; do
  r=$((r + 1))
  t_round=$SECONDS
  for n in $SIZES; do
    dir=$OUT/corpus-$n
    say "round $r/$ROUNDS, $n files"
    record "$n" A "$("$R" ./gwr targets --format tsv "$dir")"
    record "$n" B "$("$R" grep -rc 增长 "$dir")"
    record "$n" L "$("$OUT/loadbench" "$dir" 2>/dev/null)"
    if command -v tmux >/dev/null; then
      record "$n" S "$(bash bench/firstscreen.sh ./gwr "$dir")"
    fi
  done
  if [ "$r" = 1 ]; then
    per=$((SECONDS - t_round + 1)); fit=$((BUDGET / per))
    [ "$fit" -lt 1 ] && fit=1
    if [ "$fit" -lt "$ROUNDS" ]; then say "a round takes $per s: $fit rounds fit in $BUDGET s"; ROUNDS=$fit; fi
  fi
done
big=${SIZES##* }
say "filter latency, $big files"
record "$big" F "$("$OUT/filterbench" -r 5 "$OUT/corpus-$big" 2>"$OUT/filter-hits.txt")"
if [ "${BENCH_FULL:-0}" = 1 ] && command -v tmux >/dev/null; then
  say "interface until everything is loaded, $big files"
  record "$big" T "$(FIRSTSCREEN_ALL=1 bash bench/firstscreen.sh ./gwr "$OUT/corpus-$big")"
fi

# ---- table ------------------------------------------------------------------
# med SIZE NAME KEY → median of KEY over the rounds
med() { awk -v n="$1" -v w="$2" '$1==n && $2==w' "$log" | kv "$3" | sort -g |
        awk '{v[NR]=$1} END{ if (NR==0) print "-"; else if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2 }'; }
mb() { awk -v k="$1" 'BEGIN{ if (k=="-") print "-"; else printf "%.0f MiB\n", k/1024 }'; }
sec() { awk -v s="$1" 'BEGIN{ if (s=="-" || s<0) print "-"; else if (s<1) printf "%.0f ms\n", s*1000; else printf "%.2f s\n", s }'; }
met() { awk -v v="$1" -v t="$2" 'BEGIN{ if (v=="-" || v<0) print "n/a"; else print (v<=t ? "met" : "NOT met") }'; }

declare -A BYTES FILES
for n in $SIZES; do BYTES[$n]=$(bytes_of "$OUT/corpus-$n"); FILES[$n]=$(files_of "$OUT/corpus-$n"); done
table=$OUT/table.txt
{
  printf 'gwr benchmark — %s; medians of %s interleaved runs; LC_ALL=%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$ROUNDS" "$LC_ALL"
  printf 'machine: %s, %s cores, %s; %s\n' "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)" "$(nproc)" \
    "$(awk '/MemTotal/{printf "%.0f GB RAM", $2/1048576}' /proc/meminfo)" "$(uname -sr)"
  printf '\n%-44s' "measure"
  for n in $SIZES; do printf '%16s' "$(awk -v f="${FILES[$n]}" 'BEGIN{s=sprintf("%d", f); o=""; while (length(s) > 3) { o="," substr(s, length(s)-2) o; s=substr(s, 1, length(s)-3) } print s o " files"}')"; done
  printf '%20s  %s\n' target result
  printf '%-44s' "corpus size"
  for n in $SIZES; do printf '%16s' "$(awk -v b="${BYTES[$n]}" 'BEGIN{printf "%.0f MiB", b/1048576}')"; done
  echo
  # display-width aware padding (labels and targets hold CJK and ≤)
  padl() { local w; w=$(printf '%s' "$2" | wc -L); printf '%s%*s' "$2" $(( $1 > w ? $1 - w : 0 )) ''; }
  padr() { local w; w=$(printf '%s' "$2" | wc -L); printf '%*s%s' $(( $1 > w ? $1 - w : 0 )) '' "$2"; }
  row() {  # label, then per-size values, then target and verdict
    local label=$1; shift
    padl 44 "$label"
    for n in $SIZES; do padr 16 "$1"; shift; done
    padr 20 "${1:-}"; printf '  %s\n' "${2:-}"
  }
  vals() { local f=$1; shift; for n in $SIZES; do "$f" "$n" "$@"; done; }
  a_wall() { sec "$(med "$1" A wall)"; }
  a_cpu() { sec "$(med "$1" A cpu)"; }
  a_rss() { mb "$(med "$1" A rss_kb)"; }
  b_wall() { sec "$(med "$1" B wall)"; }
  b_cpu() { sec "$(med "$1" B cpu)"; }
  ratio() { awk -v a="$(med "$1" A wall)" -v b="$(med "$1" B wall)" 'BEGIN{ if (a=="-"||b=="-"||b<=0) print "-"; else printf "%.2f\n", a/b }'; }
  ratio_cpu() { awk -v a="$(med "$1" A cpu)" -v b="$(med "$1" B cpu)" 'BEGIN{ if (a=="-"||b=="-"||b<=0) print "-"; else printf "%.2f\n", a/b }'; }
  must_aim() { awk -v v="$1" 'BEGIN{ if (v=="-") print "n/a"; else if (v<=5) print "met (aim)"; else if (v<=10) print "met (must), aim NOT met"; else print "NOT met" }'; }
  l_time() { sec "$(med "$1" L load_s)"; }
  l_rss() { mb "$(med "$1" L rss_kb)"; }
  l_x() { awk -v k="$(med "$1" L rss_kb)" -v b="${BYTES[$1]}" 'BEGIN{ if (k=="-") print "-"; else printf "%.2f\n", k*1024/b }'; }
  figs() { med "$1" L figs; }
  s_first() { sec "$(med "$1" S first_s)"; }
  s_loaded() { sec "$(med "$1" T loaded_s)"; }
  s_key() { sec "$(med "$1" S key_s)"; }
  r_big=$(ratio "$big"); x_big=$(l_x "$big")
  pre_ipb=""; for n in $SIZES; do [ "$n" = "$big" ] || pre_ipb="$pre_ipb -"; done
  row "A gwr targets --format tsv: wall" $(vals a_wall | tr ' ' '~')
  row "A   user+sys" $(vals a_cpu | tr ' ' '~')
  row "A   peak RSS" $(vals a_rss | tr ' ' '~')
  row "B grep -rc 增长: wall" $(vals b_wall | tr ' ' '~')
  row "B   user+sys" $(vals b_cpu | tr ' ' '~')
  row "ratio A/B (wall; the target)" $(vals ratio) "≤ 10 must, ≤ 5 aim" "$(must_aim "$r_big")"
  row "ratio A/B (user+sys; shown, not the target)" $(vals ratio_cpu)
  I=$(awk -v n="$IPB_N" '$1==n && $2=="I"' "$log" | tail -1)
  ii=$(echo "$I" | kv ins); it=$(echo "$I" | kv tool); ib=$(echo "$I" | kv bytes)
  ipb=$(awk -v i="$ii" -v b="$ib" 'BEGIN{ if (i=="-"||i==""||b<=0) print "-"; else printf "%.0f\n", i/b }')
  row "instructions per byte ($it, $IPB_N files)" $pre_ipb "$ipb" "≤ 40" "$(met "$ipb" 40)"
  row "load into the model (interface): time" $(vals l_time | tr ' ' '~') "< 10 s" "$(met "$(med "$big" L load_s)" 10)"
  row "load: figures" $(vals figs)
  row "load: peak RSS" $(vals l_rss | tr ' ' '~')
  row "load: peak RSS / corpus bytes" $(vals l_x) "≤ 1.5" "$(met "$x_big" 1.5)"
  F=$(awk -v n="$big" '$1==n && $2=="F"' "$log")
  fmed=$(echo "$F" | kv median_ms); fp99=$(echo "$F" | kv p99_ms); fk=$(echo "$F" | kv keys)
  pre=""; for n in $SIZES; do [ "$n" = "$big" ] || pre="$pre -"; done
  row "filter, Chinese keystrokes ($fk keys): median" $pre "${fmed:--}~ms" "≤ 2 ms" "$(met "${fmed:--}" 2)"
  row "filter, Chinese keystrokes: p99" $pre "${fp99:--}~ms" "≤ 16 ms" "$(met "${fp99:--}" 16)"
  for kind in pinyin initials; do
    pm=$(echo "$F" | kv "${kind}_median_ms"); pp=$(echo "$F" | kv "${kind}_p99_ms"); pk=$(echo "$F" | kv "${kind}_keys")
    row "filter, $kind keystrokes ($pk keys): median" $pre "${pm:--}~ms" "≤ 2 ms" "$(met "${pm:--}" 2)"
    row "filter, $kind keystrokes: p99" $pre "${pp:--}~ms" "≤ 16 ms" "$(met "${pp:--}" 16)"
  done
  fpy=$(echo "$F" | kv pinyin_index_kb); frss=$(echo "$F" | kv rss_kb)
  fshare=$(awk -v p="${fpy:--}" -v r="${frss:--}" 'BEGIN{ if (p=="-"||r=="-"||r<=0) print "-"; else printf "%.1f\n", 100*p/r }')
  row "filter: pinyin index / model (peak RSS)" $pre "${fshare}~%" "≤ 10 %" "$(met "${fshare}" 10)"
  fk1=$(echo "$F" | kv mean_ms_first); fk2=$(echo "$F" | kv second); fkb=$(echo "$F" | kv backspace); fkc=$(echo "$F" | kv clear)
  printf "  (mean per keystroke, %s files: first %s ms, second %s ms, backspace %s ms, clear %s ms)\n" "$(printf %s "${FILES[$big]}")" "${fk1:--}" "${fk2:--}" "${fkb:--}" "${fkc:--}"
  row "interface: first complete screen (tmux)" $(vals s_first | tr ' ' '~') "≤ 1 s" "$(met "$(med "$big" S first_s)" 1.0)"
  pb=$(awk -v n="$big" '$1==n && $2=="S"' "$log" | kv progress | sort | uniq -c | sort -rn | head -1 | awk '{print $2}')
  row "interface: key answered while loading" $(vals s_key | tr ' ' '~') "" "progress bar: ${pb:-n/a}"
  [ "${BENCH_FULL:-0}" = 1 ] && row "interface: everything loaded" $(vals s_loaded | tr " " "~")
  # scaling: the largest corpus against the smallest, each measure's growth
  # next to the growth of the bytes (linear: within 0.8–1.25 of it; below
  # linear: it grew less than the bytes, fixed costs weighing more on the
  # smaller corpus; NOT linear: it grew faster than the bytes)
  small=${SIZES%% *}
  if [ "$small" != "$big" ]; then
    grow() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a=="-"||b=="-"||a<=0) print "-"; else printf "%.2f\n", b/a }'; }
    xb=$(grow "${BYTES[$small]}" "${BYTES[$big]}")
    lin() { awk -v g="$1" -v x="$xb" 'BEGIN{ if (g=="-"||x=="-") print "n/a"; else if (g/x>=0.8 && g/x<=1.25) print "linear"; else if (g/x<0.8) print "below linear"; else print "NOT linear" }'; }
    sl="scaling ${FILES[$small]} → ${FILES[$big]} files"
    row "$sl: bytes ×" $pre_ipb "$xb"
    for m in "figures:L figs" "A user+sys:A cpu" "load time:L load_s" "load peak RSS:L rss_kb"; do
      g=$(grow "$(med "$small" ${m#*:})" "$(med "$big" ${m#*:})")
      row "$sl: ${m%%:*} ×" $pre_ipb "$g" "≈ bytes ×" "$(lin "$g")"
    done
  fi
} | sed 's/~/ /g; s/ *$//' >"$table"
echo
cat "$table"
say "raw figures in $log; table in $table; $((SECONDS - t_start)) s"
