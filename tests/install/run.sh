#!/usr/bin/env bash
# make install / uninstall into a staging DESTDIR: the binary and the man page
# land where PREFIX says, run, and are removed again.
set -u
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
pass=0 failn=0
check() { if eval "$2"; then pass=$((pass+1)); else echo "FAIL $1"; failn=$((failn+1)); fi; }
make --no-print-directory -s install PREFIX=/opt/gwr DESTDIR="$dest" >/dev/null
check "binary installed" '[ -x "$dest/opt/gwr/bin/gwr" ]'
check "man page installed" '[ -f "$dest/opt/gwr/share/man/man1/gwr.1" ]'
check "installed binary runs" '"$dest/opt/gwr/bin/gwr" --version | grep -q "^gwr "'
check "man page renders" 'MANWIDTH=80 man -l "$dest/opt/gwr/share/man/man1/gwr.1" 2>/dev/null | grep -q "gwr outline" || ! command -v man >/dev/null'
make --no-print-directory -s uninstall PREFIX=/opt/gwr DESTDIR="$dest" >/dev/null
check "uninstall removes both" '[ ! -e "$dest/opt/gwr/bin/gwr" ] && [ ! -e "$dest/opt/gwr/share/man/man1/gwr.1" ]'
echo "install: $pass passed, $failn failed"
[ "$failn" = 0 ]
