#!/usr/bin/env bash
# Published formats in the interface: a folder of a PDF, a .docx and a web
# page lists three reports; a PDF opens on its text, and `o` shows the text
# extracted from it (no running header, no page numbers); a folder with no
# report says so and exits 1.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C.UTF-8
GWR=$1
fx=tests/formats/fixtures
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
mkdir -p "$d/pub" "$d/none"
cp "$fx/jingmen-2024.pdf" "$fx/tianmen-2023.docx" "$fx/enshi-2024.gb2312.html" "$d/pub/"
: >"$d/none/a.png"; : >"$d/none/notes.md"

tui_start 100x30 "$GWR" "$d/pub"
tui_wait_for "荆门市" 10 || tui_fail "the PDF is not listed"
tui_wait_for "天门市" 5 || tui_fail "the .docx is not listed"
tui_wait_for "恩施市" 5 && tui_ok "a folder lists its PDF, .docx and web page" || tui_fail "the web page is not listed"
tui_keys q
tui_wait_exit >/dev/null
tui_stop

tui_start 80x24 "$GWR" "$fx/jingmen-2024.pdf"
tui_wait_for "各位代表" 10 && tui_ok "a PDF opens on its text" || tui_fail "PDF text not shown"
tui_keys o
tui_wait_for "现在，我代表市人民政府" 5 && tui_ok "o shows the extracted text" || tui_fail "o: extracted text not shown"
tui_keys ' ' ' ' ' ' ' ' ' '
sleep 0.5
if tui_screen | grep -qE '政府工作报告（全文）|— [0-9]+ —'; then tui_fail "running header or page number in the extracted text"
else tui_ok "no running header or page number in the extracted text"; fi
tui_keys q
[ "$(tui_wait_exit)" = 0 ] || tui_fail "q did not exit 0"
tui_stop

tui_start 80x24 "$GWR" "$d/none"
rc=$(tui_wait_exit 10)
[ "$rc" = 1 ] && tui_ok "a folder without reports exits 1" || tui_fail "exit status $rc for a folder without reports"
tui_wait_for "no reports found (skipped: a.png, notes.md)" 3 && tui_ok "and says which files it skipped" ||
  tui_fail "no 'no reports found' message"
tui_done
