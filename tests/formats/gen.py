#!/usr/bin/python3
"""Builds the published-format fixtures from samples/*.txt with real tools:

  NAME.utf8.html   a government-site page in UTF-8 (<meta charset>)
  NAME.gb2312.html the same page labelled gb2312 in an http-equiv meta placed
                   after a non-ASCII <title>, encoded as GB18030 (GBK-only
                   characters included, as such sites serve them)
  NAME.pdf         typeset by reportlab with WenQuanYi Micro Hei: A4, first-line
                   indents, a running header and "— N —" page numbers
  NAME.docx        one w:p per paragraph, written as Word does (zip + XML)
  scan.pdf         a page of drawings without text (a scan)
  encrypted.pdf    a PDF with a user password

The site furniture (navigation, breadcrumb, info bar, share bar, 上一篇/下一篇,
related links, footer) must not reach the report. Usage:
  /usr/bin/python3 tests/formats/gen.py OUTDIR
(needs python3-reportlab and fonts-wqy-microhei: `make fixtures`)."""
import html, os, sys, zipfile

SAMPLES = ["jingmen-2024", "tianmen-2023", "xianning-2024", "jingzhou-2023", "enshi-2024"]
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def paragraphs(name):
    with open(f"samples/{name}.txt", encoding="utf-8") as f:
        return [l.strip() for l in f.read().split("\n") if l.strip()]


def page(paras, charset):
    e = html.escape
    nav = "".join(f'<li><a href="/{i}/">{t}</a></li>' for i, t in
                  enumerate(["首页", "政务公开", "政务服务", "互动交流", "走进本市", "专题专栏"]))
    related = "".join(f'<li><a href="/zwgk/{i}.html">{t}</a><span>2024-01-0{i}</span></li>' for i, t in
                      enumerate(["关于印发重点工作分工方案的通知", "市人民政府常务会议召开", "全市经济运行情况通报",
                                 "政府工作报告解读：数说发展成就"], 1))
    body = "\n".join(f"<p style=\"text-indent:2em\">{e(p)}</p>" for p in paras)
    head = ('<title>政府工作报告_政务公开</title>\n'
            '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' if charset == "gb2312" else
            '<meta charset="utf-8">\n<title>政府工作报告_政务公开</title>')
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{head}
<link rel="stylesheet" href="/css/main.css">
<script>var _hmt = _hmt || []; document.write("<div>统计代码</div>");</script>
<style>.content p {{ line-height: 2em; }}</style>
</head>
<body>
<div class="top-bar"><a href="/">无障碍浏览</a> | <a href="/en/">English</a> | 长者模式</div>
<div class="header"><div class="logo"><img src="/logo.png" alt="市人民政府门户网站"></div>
<div class="search"><form action="/search"><input name="q"><button>搜索</button></form></div></div>
<div class="nav"><ul>{nav}</ul></div>
<div class="main">
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/gzbg/">政府工作报告</a></div>
<div class="article">
<h1>政府工作报告</h1>
<div class="info">来源：市人民政府办公室&nbsp;&nbsp;发布时间：2024-01-10 09:30&nbsp;&nbsp;字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
<div class="content" id="zoom">
{body}
</div>
<div class="bdshare">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="prevnext"><p>上一篇：<a href="/zwgk/1.html">关于2023年国民经济和社会发展计划执行情况的报告</a></p>
<p>下一篇：<a href="/zwgk/3.html">关于2023年财政预算执行情况的报告</a></p></div>
</div>
<div class="related"><h3>相关链接</h3><ul>{related}</ul></div>
</div>
<div class="footer"><p>主办：市人民政府办公室　承办：市大数据中心</p>
<p>网站标识码：4208000001　鄂ICP备05003308号　鄂公网安备 42080202000123号</p>
<p>联系电话：0724-2345678　地址：市府路1号</p></div>
</body>
</html>
"""


def write_pdf(paras, path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    try:
        pdfmetrics.getFont("WQY")
    except KeyError:
        pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    st = ParagraphStyle("body", fontName="WQY", fontSize=12, leading=20, firstLineIndent=24, wordWrap="CJK",
                        spaceAfter=0)

    def furniture(c, doc):
        c.saveState()
        c.setFont("WQY", 9)
        c.drawCentredString(A4[0] / 2, A4[1] - 15 * mm, "政府工作报告（全文）")
        c.line(25 * mm, A4[1] - 17 * mm, A4[0] - 25 * mm, A4[1] - 17 * mm)
        c.setFont("WQY", 10)
        c.drawCentredString(A4[0] / 2, 12 * mm, f"— {doc.page} —")
        c.restoreState()

    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=25 * mm,
                            bottomMargin=25 * mm, title="政府工作报告", invariant=1)
    doc.build([Paragraph(html.escape(p), st) for p in paras], onFirstPage=furniture, onLaterPages=furniture)


def write_docx(paras, path):
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f'<w:p><w:pPr><w:ind w:firstLineChars="200"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
                   f'<w:t xml:space="preserve">{html.escape(p, quote=False)}</w:t></w:r></w:p>' for p in paras)
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" '
           f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}'
           f'<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)):
            zi = zipfile.ZipInfo(n, (2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def write_specials(out):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(os.path.join(out, "scan.pdf"), pagesize=A4, invariant=1)
    for i in range(2):   # a scan: marks, no text
        for y in range(80, 760, 14):
            c.rect(70, y, 440 - (y * 7 + i * 31) % 120, 6, fill=1, stroke=0)
        c.showPage()
    c.save()
    from reportlab.lib import pdfencrypt
    enc = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", canPrint=0, canCopy=0)
    c = canvas.Canvas(os.path.join(out, "encrypted.pdf"), pagesize=A4, encrypt=enc, invariant=1)
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, "Government work report")
    c.showPage()
    c.save()


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/formats/fixtures"
    os.makedirs(out, exist_ok=True)
    for name in SAMPLES:
        paras = paragraphs(name)
        with open(os.path.join(out, f"{name}.utf8.html"), "w", encoding="utf-8") as f:
            f.write(page(paras, "utf-8"))
        with open(os.path.join(out, f"{name}.gb2312.html"), "wb") as f:
            f.write(page(paras, "gb2312").encode("gb18030"))
        write_pdf(paras, os.path.join(out, f"{name}.pdf"))
        write_docx(paras, os.path.join(out, f"{name}.docx"))
    write_specials(out)


if __name__ == "__main__":
    main()
