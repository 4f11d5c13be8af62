# formats.sh — sourced by tests/bad/run.sh (uses its expect/ok/fail/same and
# $gwr, $tmp). Published formats through every command, their hostile forms,
# mixed encodings and folders without reports.
fx=tests/formats/fixtures
fb=$tmp/formats
mkdir -p "$fb"
py=/usr/bin/python3; [ -x "$py" ] || py=python3

# ---- hostile published files: one line naming the file, exit 1, bounded ----
head -c 3000 "$fx/jingmen-2024.pdf" >"$fb/truncated.pdf"
head -c 4000 "$fx/jingmen-2024.docx" >"$fb/truncated.docx"
printf '%%PDF-1.4\n%%garbage\n' >"$fb/garbage.pdf"
truncate -s 1G "$fb/huge.html"                        # sparse: a 1 GB page, never read
{ printf '<html><body>'; head -c 600000 /dev/zero | tr '\0' 'x' | sed 's/x/<div>/g'; printf '正文，测试。'; } >"$fb/deep.html"
"$py" - "$fb" <<'PY'
import sys, zipfile, io
d = sys.argv[1]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# a zip bomb: 300 MB of blanks inside the document part (about 300 KB zipped)
with zipfile.ZipFile(d + "/bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(f'<w:document {W}><w:body><w:p><w:r><w:t>'.encode())
        chunk = b" " * (1 << 20)
        for _ in range(300):
            f.write(chunk)
        f.write(b'</w:t></w:r></w:p></w:body></w:document>')
with zipfile.ZipFile(d + "/malformed.docx", "w") as z:
    z.writestr("word/document.xml", f'<w:document {W}><w:body><w:p><w:r><w:t>一、工作回顾</w:r></w:body>')
with zipfile.ZipFile(d + "/nodoc.docx", "w") as z:
    z.writestr("word/other.xml", "<x/>")
# 10,000 empty pages, written by hand (no text anywhere)
n = 10000
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        ("<< /Type /Pages /Count %d /Kids [%s] >>" % (n, " ".join("%d 0 R" % (3 + i) for i in range(n)))).encode()]
for i in range(n):
    objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
out = io.BytesIO()
out.write(b"%PDF-1.4\n")
offs = []
for i, o in enumerate(objs):
    offs.append(out.tell())
    out.write(b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n")
x = out.tell()
out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
for o in offs:
    out.write(b"%010d 00000 n \n" % o)
out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x))
open(d + "/empty-pages.pdf", "wb").write(out.getvalue())
PY
case_limit=60
expect pdf-truncated 1 "^gwr: $fb/truncated\.pdf: (damaged|no text)" -- "$gwr" outline "$fb/truncated.pdf"
expect pdf-garbage 1 "^gwr: $fb/garbage\.pdf: damaged or unreadable PDF" -- "$gwr" outline "$fb/garbage.pdf"
expect pdf-encrypted 1 "^gwr: $fx/encrypted\.pdf: encrypted PDF" -- "$gwr" outline "$fx/encrypted.pdf"
expect pdf-scan 1 "^gwr: $fx/scan\.pdf: no text layer \(scanned pages\?\); run OCR first" -- "$gwr" targets "$fx/scan.pdf"
expect pdf-10000-empty-pages 1 "^gwr: $fb/empty-pages\.pdf: no text layer" -- "$gwr" outline "$fb/empty-pages.pdf"
expect docx-truncated 1 "^gwr: $fb/truncated\.docx: " -- "$gwr" outline "$fb/truncated.docx"
expect docx-zip-bomb 1 "^gwr: $fb/bomb\.docx: word/document\.xml inflates past 64 MiB" -- "$gwr" outline "$fb/bomb.docx"
expect docx-malformed-xml 1 "^gwr: $fb/malformed\.docx: malformed XML in word/document\.xml" -- "$gwr" outline "$fb/malformed.docx"
expect docx-no-document 1 "^gwr: $fb/nodoc\.docx: not a Word document \(no word/document\.xml" -- "$gwr" outline "$fb/nodoc.docx"
expect html-1gb 1 "^gwr: $fb/huge\.html: HTML file too large \(over 64 MiB\)" -- "$gwr" outline "$fb/huge.html"
expect html-nested-100000 1 "^gwr: $fb/deep\.html: HTML page nested too deep" -- "$gwr" outline "$fb/deep.html"
unset case_limit
# memory stays bounded on the bomb (GNU time: maximum resident set in KB)
if command -v /usr/bin/time >/dev/null 2>&1 && [ "${gwr##*/}" = gwr ] && [[ $gwr != */san/* ]]; then
  rss=$( { /usr/bin/time -f '%M' "$gwr" outline "$fb/bomb.docx" >/dev/null 2>/dev/null; } 2>&1 | tail -1)
  [ "${rss:-0}" -lt 200000 ] && ok || fail docx-zip-bomb-memory "peak RSS ${rss} KB"
fi
# the other files are still shown
"$gwr" outline --format tsv samples/tianmen-2023.txt >"$tmp/ref-one.tsv" 2>/dev/null </dev/null
expect hostile-formats-among-good 1 '' -- "$gwr" outline --format tsv "$fb/bomb.docx" samples/tianmen-2023.txt "$fx/scan.pdf" "$fb/deep.html"
same hostile-formats-among-good "$tmp/ref-one.tsv"
[ "$(wc -l <"$tmp/err")" = 3 ] && ok || fail hostile-formats-among-good "expected 3 error lines, got $(wc -l <"$tmp/err")"

# ---- each published fixture reads as its .txt sample (docs: README "Formats") ----
# Equal outline, targets and compare, apart from: line numbers (they count the
# lines of the extracted text) and the file name; a web page's heading (h1)
# opens its text and so becomes the report title when the text has none before
# the salutation (its "title" is not compared); a PDF loses the spaces between
# CJK characters (市长 杨兴铭 → 市长杨兴铭).
fxnorm() { sed -E 's/"file": ?"[^"]*",? ?//g; s/"line": ?[0-9]+,? ?//g; s/, "format": "[A-Z]+"//'; }
for n in jingmen-2024 tianmen-2023 xianning-2024 jingzhou-2023 enshi-2024; do
  for c in outline targets compare; do "$gwr" $c --format json "samples/$n.txt" 2>/dev/null | fxnorm >"$tmp/fx-ref-$c"; done
  for f in "$fx/$n.utf8.html" "$fx/$n.gb2312.html" "$fx/$n.pdf" "$fx/$n.docx"; do
    for c in outline targets compare; do
      "$gwr" $c --format json "$f" 2>"$tmp/err" </dev/null | fxnorm >"$tmp/fx-out"
      ref="$tmp/fx-ref-$c"
      case $c:$f in
        outline:*.html)   # the report title: the .txt's, or the page heading when the .txt has none
          sed -E '/"entity"/ s/"title": (null|"[^"]*")//' "$ref" >"$tmp/fx-ref-adj"; ref=$tmp/fx-ref-adj
          grep -Eq '"title": (null|"政府工作报告")' "$tmp/fx-ref-$c" || grep -q '"title": "政府工作报告"' "$tmp/fx-out" || fail "fixture-title-${f##*/}" "title"
          sed -i -E '/"entity"/ s/"title": (null|"[^"]*")//' "$tmp/fx-out" ;;
        outline:*.pdf) sed -E 's/("speaker": "[^" ]*) ([^"]*")/\1\2/' "$ref" >"$tmp/fx-ref-adj"; ref=$tmp/fx-ref-adj ;;
      esac
      if [ -s "$tmp/fx-out" ] && diff "$ref" "$tmp/fx-out" >"$tmp/diff"; then ok; else
        fail "fixture-$c-${f##*/}" "differs from samples/$n.txt:"; head -4 "$tmp/diff" | cut -c1-200; fi
    done
  done
done
expect fixture-format-header 0 '' -- "$gwr" outline "$fx/tianmen-2023.pdf"
grep -q '(text extracted from PDF)' "$tmp/out" && ok || fail fixture-format-header "outline header does not say the text came from a PDF"
# a folder takes the published formats (and says which it skipped when none)
mkdir -p "$fb/pub"
cp "$fx/jingmen-2024.pdf" "$fx/tianmen-2023.docx" "$fx/enshi-2024.gb2312.html" "$fb/pub/"
expect folder-formats 0 '' -- "$gwr" outline --format tsv "$fb/pub"
[ "$(cut -f1 "$tmp/out" | sort -u | grep -c "$fb/pub/")" = 3 ] && ok || fail folder-formats "not all three files read"
# libxml2 and libzip are loaded only when a web page or Word file is read (the dynamic loader says what it loads)
libs_loaded() { LD_DEBUG=libs "$gwr" "$@" 2>&1 >/dev/null </dev/null | grep -o 'calling init: [^ ]*lib\(xml2\|zip\)\.so[^ ]*' | sed 's/.*\///' | sort | tr '\n' ' '; }
l=$(libs_loaded targets samples/tianmen-2023.txt samples/jingmen-2024.txt)
[ -z "$l" ] && ok || fail lazy-libs-text "plain text loaded: $l"
l=$(libs_loaded outline "$fx/enshi-2024.utf8.html")
[[ $l == *libxml2* && $l != *libzip* ]] && ok || fail lazy-libs-html "a web page loaded: ${l:-nothing}"
l=$(libs_loaded outline "$fx/enshi-2024.docx")
[[ $l == *libxml2* && $l == *libzip* ]] && ok || fail lazy-libs-docx "a Word file loaded: ${l:-nothing}"

# ---- folders without reports: said on stderr, exit 1, in every command ----
mkdir -p "$fb/empty" "$fb/noreports/sub"
: >"$fb/noreports/a.png"; : >"$fb/noreports/notes.md"; : >"$fb/noreports/sub/data.tsv"
for c in outline targets compare check; do
  expect "no-reports-empty-$c" 1 "^gwr: $fb/empty: no reports found \(empty folder\)$" -- "$gwr" $c "$fb/empty"
  expect "no-reports-skipped-$c" 1 "^gwr: $fb/noreports: no reports found \(skipped: a\.png, notes\.md, data\.tsv\)$" -- "$gwr" $c "$fb/noreports"
done
if "$gwr" --help 2>/dev/null | grep -q 'gwr timeline'; then
  expect no-reports-timeline 1 "^gwr: $fb/empty: no reports found \(empty folder\)$" -- "$gwr" timeline "$fb/empty"
  expect no-reports-rank 1 "^gwr: $fb/noreports: no reports found \(skipped: " -- "$gwr" rank --key gdp "$fb/noreports"
fi

# ---- encodings ----
# a few paragraphs of GB18030 inside a UTF-8 report: those decoded, the rest kept
"$py" - samples/jingmen-2024.txt "$fb/mixed.txt" <<'PY'
import sys
s = open(sys.argv[1], "rb").read().decode("utf-8", "surrogateescape").split("\n")
n = 0
out = []
for l in s:
    if n < 5 and len(l) > 200:
        out.append(l.encode("gb18030", "surrogateescape")); n += 1
    else:
        out.append(l.encode("utf-8", "surrogateescape"))
open(sys.argv[2], "wb").write(b"\n".join(out))
PY
expect gb18030-in-utf8 0 '' -- "$gwr" outline "$fb/mixed.txt"
head -1 "$tmp/out" | grep -Eq '  荆门市  report 2024, reviews 2023  \([0-9]+ GB18030 characters inside UTF-8 text decoded as GB18030\)' && ok ||
  fail gb18030-in-utf8 "header: $(head -1 "$tmp/out" | cut -c1-200)"
"$gwr" outline --format tsv samples/jingmen-2024.txt >"$tmp/ref-jm.tsv" 2>/dev/null
expect gb18030-in-utf8-parts 0 '' -- "$gwr" outline --format tsv "$fb/mixed.txt"
same gb18030-in-utf8-parts "$tmp/ref-jm.tsv"
"$gwr" outline --format json "$fb/mixed.txt" 2>/dev/null | grep -q '"repaired": [1-9]' && ok || fail gb18030-in-utf8-json "no repaired count in JSON"
expect gb18030-in-utf8-check 0 '' -- "$gwr" check "$fb/mixed.txt"
grep -Eq '^  encoding  [0-9]+ GB18030 characters inside UTF-8 text decoded as GB18030$' "$tmp/out" && ok ||
  fail gb18030-in-utf8-check "gwr check does not report the repair"
grep -q '^  entity    荆门市' "$tmp/out" && ok || fail gb18030-in-utf8-check "entity is not 荆门市"
"$gwr" check --format json "$fb/mixed.txt" 2>/dev/null | grep -q '"repaired": [1-9]' && ok || fail gb18030-in-utf8-check-json "no repaired count"
# a UTF-16 BOM in front of UTF-8 text
{ printf '\xff\xfe'; cat samples/jingmen-2024.txt; } >"$fb/bom-liar.txt"
expect utf16-bom-utf8-text 1 "^gwr: $fb/bom-liar\.txt: BOM says UTF-16 but the text is not" -- "$gwr" outline "$fb/bom-liar.txt"
# Chinese UTF-16 without a BOM: read, not refused as binary
iconv -f UTF-8 -t UTF-16LE samples/jingmen-2024.txt >"$fb/u16le.txt" 2>/dev/null
iconv -f UTF-8 -t UTF-16BE samples/jingmen-2024.txt >"$fb/u16be.txt" 2>/dev/null
printf '一、工作回顾\n地区生产总值增长百分之五。\n' | iconv -f UTF-8 -t UTF-16LE >"$fb/u16-cjk.txt"
for f in u16le u16be; do
  expect "utf16-no-bom-$f" 0 '' -- "$gwr" outline --format tsv "$fb/$f.txt"
  same "utf16-no-bom-$f" "$tmp/ref-jm.tsv"
done
expect utf16-no-bom-cjk 0 '' -- "$gwr" outline "$fb/u16-cjk.txt"
grep -q '工作回顾' "$tmp/out" && ok || fail utf16-no-bom-cjk "heading not read"

# ---- legacy Word: a broken .doc names the conversion; a web page saved as .doc is read
{ printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1'; head -c 4000 /dev/zero | tr '\0' 'z'; } >"$fb/broken.doc"
expect doc-broken 1 "^gwr: $fb/broken\.doc: .*convert it: libreoffice --headless --convert-to docx FILE$" -- "$gwr" outline "$fb/broken.doc"
cp "$fx/enshi-2024.utf8.html" "$fb/saved-page.doc"
expect doc-that-is-a-web-page 0 '' -- "$gwr" outline "$fb/saved-page.doc"
head -1 "$tmp/out" | grep -q '恩施市.*(text extracted from HTML)' && ok || fail doc-that-is-a-web-page "$(head -1 "$tmp/out")"
