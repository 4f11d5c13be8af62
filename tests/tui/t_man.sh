#!/usr/bin/env bash
# The man page documents every key: each label of the binding table
# (tui/ui_keys.c) appears on a .B/.BR line of the interface block of man/gwr.1.
set -u
cd "$(dirname "$0")/../.."
keys=$(sed -n '/== keys (interface) ==/,/^\.SH /p' man/gwr.1 | grep -E '^\.BR? ' |
       sed -e 's/^\.BR* //' -e 's/\\-/-/g' -e 's/"//g' -e 's/,/ /g' | tr ' ' '\n' | grep -v '^$' | sort -u)
labels=$(grep -oE '\{ [^}]*CMD_[A-Z_]+, "[^"]+" \}' tui/ui_keys.c | sed -E 's/.*, "([^"]+)" \}/\1/' | sort -u)
[ -n "$labels" ] || { echo "FAIL - no key labels found in tui/ui_keys.c"; exit 1; }
missing=0
while IFS= read -r l; do
  if ! printf '%s\n' "$keys" | grep -qxF -- "$l"; then
    echo "FAIL - key '$l' is not documented in man/gwr.1"
    missing=$((missing + 1))
  fi
done <<< "$labels"
[ "$missing" = 0 ] && echo "ok - man page documents all $(printf '%s\n' "$labels" | wc -l) keys"
[ "$missing" = 0 ]
