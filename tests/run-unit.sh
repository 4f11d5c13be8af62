#!/usr/bin/env bash
# Runs each cmocka test binary given; keeps their summaries visible; fails if any fails.
set -u
fail=0
for t in "$@"; do
  echo "== $t"
  if ! "$t"; then
    echo "FAILED: $t"
    fail=1
  fi
done
exit $fail
