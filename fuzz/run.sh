#!/usr/bin/env bash
# make fuzz FUZZ_SECONDS=N — builds the libFuzzer targets (clang,
# -fsanitize=fuzzer,address,undefined) and runs each for N seconds.
#
#   FUZZ_TARGETS="load quantity"   only these targets (default: all seven:
#                                  load facts quantity compare html docx pdf)
#   FUZZ_TIMEOUT=1                 an input taking longer is a hang (seconds)
#   FUZZ_NICE=10                   niceness of the fuzzing processes
#   FUZZ_JOBS=1                    targets fuzzed at the same time
#
# Seeds come from samples/, tests/data/ and the phrases of the unit tests
# (regenerated every run under build/fuzz/seeds/), plus tests/fuzz-regress/.
# What the fuzzer learns is kept in build/fuzz/corpus/TARGET/ across runs.
# A finding is written to build/fuzz/artifacts/TARGET/; replay it with
#   build/fuzz/fuzz_TARGET FILE
# and, once fixed, copy it to tests/fuzz-regress/TARGET/ (replayed by
# tests/unit/test_fuzz_regress.c in every `make test`).
# Results (target, seconds, executions, status) go to build/fuzz/results.tsv.
set -u
secs=${1:-60}
[ -n "$secs" ] || secs=60
case $secs in *[!0-9]*) echo "fuzz: FUZZ_SECONDS must be a number of seconds, not '$secs'" >&2; exit 2 ;; esac
targets=${FUZZ_TARGETS:-load facts quantity compare html docx pdf}
timeout_s=${FUZZ_TIMEOUT:-1}
nice_n=${FUZZ_NICE:-10}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
out=build/fuzz
CLANG=${FUZZ_CC:-clang}

# ---- toolchain: clang and its libFuzzer runtime -----------------------------
probe() {
  printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n){(void)d;(void)n;return 0;}\n' \
    | "$CLANG" -x c -fsanitize=fuzzer,address,undefined - -o /dev/null >/dev/null 2>&1
}
if ! probe; then
  pkgs=""
  command -v "$CLANG" >/dev/null 2>&1 || pkgs="clang"
  major=$("$CLANG" --version 2>/dev/null | sed -n 's/.*clang version \([0-9][0-9]*\).*/\1/p' | head -1)
  if [ -n "$major" ]; then pkgs="$pkgs libclang-rt-$major-dev"; else pkgs="$pkgs libclang-rt-dev"; fi
  echo "fuzz: clang with libFuzzer is missing; installing:$pkgs"
  if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
      echo "fuzz: run as root (or install sudo) to install:$pkgs" >&2; exit 1; fi
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      # shellcheck disable=SC2086
      $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs >/dev/null ||
      { echo "fuzz: apt-get could not install:$pkgs" >&2; exit 1; }
  else
    echo "fuzz: install clang and its compiler-rt (libFuzzer) runtime:$pkgs" >&2; exit 1
  fi
  probe || { echo "fuzz: $CLANG still cannot link -fsanitize=fuzzer" >&2; exit 1; }
fi

# ---- build ------------------------------------------------------------------
FLAGS=(-std=c11 -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64 -g -O1 -fno-omit-frame-pointer
       -fno-sanitize-recover=all -Icore -Ireaders -Ifuzz $(pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2))
READ_LIBS=($(pkg-config --libs libxml-2.0 libzip 2>/dev/null || echo -lxml2 -lzip))
mkdir -p "$out/obj"
newest_src=$(ls -t core/*.c core/*.h readers/*.c readers/*.h fuzz/*.c fuzz/*.h fuzz/run.sh 2>/dev/null | head -1)
if [ ! -f "$out/.built" ] || [ "$newest_src" -nt "$out/.built" ]; then
  echo "== building fuzz targets with $CLANG"
  rm -f "$out"/obj/*.o
  for c in core/*.c readers/*.c fuzz/fuzz_targets.c; do
    o="$out/obj/$(basename "${c%.c}").o"
    "$CLANG" "${FLAGS[@]}" -fsanitize=fuzzer-no-link,address,undefined -c "$c" -o "$o" || exit 1
  done
  for t in load facts quantity compare html docx pdf; do
    "$CLANG" "${FLAGS[@]}" -fsanitize=fuzzer,address,undefined "fuzz/fuzz_$t.c" "$out"/obj/*.o \
      -lunistring -lpthread "${READ_LIBS[@]}" -o "$out/fuzz_$t" || exit 1
  done
  touch "$out/.built"
fi

# ---- seeds ------------------------------------------------------------------
bash fuzz/seeds.sh "$out/seeds" || exit 1

# ---- run --------------------------------------------------------------------
[ -f "$out/results.tsv" ] || printf 'date\ttarget\tseconds\texecutions\tcorpus\tstatus\n' >"$out/results.tsv"
for t in $targets; do
  [ -x "$out/fuzz_$t" ] || { echo "fuzz: no target '$t' (load facts quantity compare html docx pdf)" >&2; exit 2; }
done

# replay_ms FILE BIN — milliseconds one run of FILE takes, replayed alone at
# normal priority (libFuzzer prints "Executed FILE in N ms")
replay_ms() { "$2" "$1" 2>&1 | sed -n 's/^Executed .* in \([0-9]*\) ms$/\1/p' | tail -1; }

# run_target T — fuzzes T for $secs seconds; writes $out/T.status. libFuzzer
# times inputs by the wall clock, so on a loaded machine a niced fuzzer can
# report a "timeout" for an input that takes milliseconds: such an input is
# replayed alone, and when it runs in under a second the fuzzing goes on for
# the remaining time (the false alarm is kept under artifacts/T/slow-under-load/).
run_target() {
  local t=$1 max_len start rc took execs=0 e ncorp status=ok left ms a
  case $t in
    quantity) max_len=512 ;;
    html|docx|pdf) max_len=65536 ;;
    *) max_len=16384 ;;
  esac
  mkdir -p "$out/corpus/$t" "$out/artifacts/$t"
  local dirs=("$out/corpus/$t" "$out/seeds/$t")
  [ -d "tests/fuzz-regress/$t" ] && dirs+=("tests/fuzz-regress/$t")
  echo "== fuzzing $t for ${secs}s (timeout ${timeout_s}s per input, max_len $max_len)"
  start=$(date +%s)
  : >"$out/$t.log"
  while :; do
    left=$(( secs - ($(date +%s) - start) ))
    [ "$left" -ge 5 ] || break
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    nice -n "$nice_n" "$out/fuzz_$t" -max_total_time="$left" -timeout="$timeout_s" -max_len="$max_len" \
        -rss_limit_mb=1536 -print_final_stats=1 -dict=fuzz/gwr.dict \
        -artifact_prefix="$out/artifacts/$t/" "${dirs[@]}" >"$out/$t.run.log" 2>&1
    rc=$?
    cat "$out/$t.run.log" >>"$out/$t.log"
    e=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t.run.log" | tail -1)
    execs=$((execs + ${e:-0}))
    [ "$rc" = 0 ] && break
    a=$(sed -n 's/.*Test unit written to \(.*timeout-[0-9a-f]*\)$/\1/p' "$out/$t.run.log" | tail -1)
    if [ -n "$a" ] && [ -f "$a" ]; then
      ms=$(replay_ms "$a" "$out/fuzz_$t")
      if [ -n "$ms" ] && [ "$ms" -lt $((timeout_s * 1000)) ]; then
        mkdir -p "$out/artifacts/$t/slow-under-load"
        mv "$a" "$out/artifacts/$t/slow-under-load/"
        echo "   $t: timeout under load, replayed alone in ${ms} ms: not a hang; going on" | tee -a "$out/$t.log"
        continue
      fi
    fi
    status="FINDING(rc=$rc)"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|ALARM|fuzz invariant|artifact_prefix|Test unit written)' "$out/$t.run.log" | head -8
    break
  done
  rm -f "$out/$t.run.log"
  took=$(( $(date +%s) - start ))
  ncorp=$(ls "$out/corpus/$t" | wc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$took" "$execs" "$ncorp" "$status" >>"$out/results.tsv"
  echo "   $t: $execs executions in ${took}s, corpus $ncorp, $status"
  echo "$status" >"$out/$t.status"
}

jobs_max=${FUZZ_JOBS:-1}   # targets fuzzed at once (the machine's cores are shared)
running=0
for t in $targets; do
  rm -f "$out/$t.status"
  if [ "$running" -ge "$jobs_max" ]; then wait -n; running=$((running - 1)); fi
  run_target "$t" &
  running=$((running + 1))
done
wait
failed=""
for t in $targets; do
  [ "$(cat "$out/$t.status" 2>/dev/null)" = ok ] || failed="$failed $t"
done
if [ -n "$failed" ]; then
  echo "fuzz: findings in:$failed (inputs under $out/artifacts/, logs $out/TARGET.log)" >&2
  exit 1
fi
echo "fuzz: no findings"
