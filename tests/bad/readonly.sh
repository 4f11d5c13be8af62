#!/usr/bin/env bash
# readonly.sh GWR WORKDIR — gwr opens input read-only and writes nowhere
# unless asked. Copies reports (UTF-8, GBK+CRLF, a bad one) into WORKDIR,
# records content, size, mtime and ctime, runs every command in every format
# from an empty working directory, and checks that nothing changed and no
# file appeared. With strace installed, also checks that no open() of the
# run asks for write access, and that a file gwr is asked to write (the
# screen dump) goes to a temporary file renamed into place. Exit 0 when all holds.
set -u
gwr=$1 w=$2
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
export LC_ALL=C.UTF-8
mkdir -p "$w/in/sub" "$w/cwd"
cp samples/jingmen-2024.txt samples/jingzhou-2023.txt "$w/in/"
cp tests/data/hailar/hailar-2018.txt tests/data/hailar/hailar-2019.txt "$w/in/sub/"
printf '\0\1\2binary' >"$w/in/bad.bin"
touch -d '2001-02-03 04:05:06' "$w/in"/* "$w/in/sub"/*
snap() { (cd "$w" && find in cwd -printf '%p %s %T@ %C@ %m\n' | sort && find in -type f -exec sha256sum {} + | sort); }
snap >"$w/before"
bad=0
cmds=(
  "outline --all" "outline --format tsv" "outline --format json"
  "targets" "targets --format tsv --status planned" "targets --format json --key gdp"
  "compare" "compare --format tsv" "compare --format json"
)
for c in "${cmds[@]}"; do
  # shellcheck disable=SC2086
  (cd "$w/cwd" && timeout 60 "$gwr" $c ../in >/dev/null 2>&1 </dev/null)
  # shellcheck disable=SC2086
  (cd "$w/cwd" && timeout 60 "$gwr" $c ../in/jingmen-2024.txt ../in/sub/hailar-2019.txt >/dev/null 2>&1 </dev/null)
done
(cd "$w/cwd" && "$gwr" quantity '5.5万人以上' >/dev/null 2>&1 </dev/null)
snap >"$w/after"
if ! diff "$w/before" "$w/after" >&2; then
  echo "read-only: inputs or directories changed (diff above)" >&2
  bad=1
fi
# every open() of a run is read-only (the sanitizer runtime's own files aside)
if command -v strace >/dev/null 2>&1; then
  for c in "outline --all --format json" "targets --format tsv" "compare --format json"; do
    # shellcheck disable=SC2086
    (cd "$w/cwd" && timeout 60 strace -f -qq -e trace=open,openat,creat,rename,renameat,renameat2,unlink,unlinkat,truncate,mkdir \
       -o "$w/strace.log" "$gwr" $c ../in >/dev/null 2>&1 </dev/null)
    if grep -E 'O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|creat\(|rename|unlink|truncate|mkdir' "$w/strace.log" |
       grep -vE '"/dev/null"|"/dev/tty"|/proc/self/' >"$w/writes"; then
      echo "read-only: gwr $c asked for write access:" >&2
      head -5 "$w/writes" >&2
      bad=1
    fi
    if grep -E 'open(at)?\(.*"\.\./in[^"]*"' "$w/strace.log" | grep -v O_RDONLY | grep -q .; then
      echo "read-only: gwr $c opened an input without O_RDONLY" >&2
      bad=1
    fi
  done
fi
# asked to write (the screen dump of a scripted run): a temporary file in the
# same directory, renamed into place; the destination is never opened for writing
if command -v strace >/dev/null 2>&1; then
  (cd "$w/cwd" && GWR_SCRIPT='jj' GWR_DUMP="$w/cwd/dump.txt" timeout 60 strace -f -qq \
     -e trace=open,openat,creat,rename,renameat,renameat2 -o "$w/strace.log" \
     "$gwr" ../in/jingmen-2024.txt >/dev/null 2>&1 </dev/null)
  if ! grep -Eq 'rename(at2?)?\(.*dump\.txt\.tmp-[^"]*".*dump\.txt"' "$w/strace.log"; then
    echo "read-only: the screen dump was not renamed into place from a temporary file" >&2
    bad=1
  fi
  if grep -E 'open(at)?\(.*dump\.txt"' "$w/strace.log" | grep -q .; then
    echo "read-only: the screen dump's destination was opened directly" >&2
    bad=1
  fi
  [ -s "$w/cwd/dump.txt" ] || { echo "read-only: no screen dump written" >&2; bad=1; }
  ls "$w/cwd" | grep -q 'tmp-' && { echo "read-only: a temporary file was left behind" >&2; bad=1; }
fi
exit $bad
