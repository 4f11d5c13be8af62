#!/usr/bin/env bash
# Terminal tests under tmux (filled in with the interface).
set -u
echo "tui: 0 passed, 0 failed"
