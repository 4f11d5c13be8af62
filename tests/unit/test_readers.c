/* test_readers.c — web pages, Word files and PDF page text into report text:
 * what is kept, what is dropped, and how each format's structure becomes
 * paragraphs. Run from the repository root (reads tests/formats/fixtures/). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <iconv.h>
#include <zip.h>
#include "read.h"

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc((size_t)n + 1);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return b;
}

static char *html(const char *page, size_t len)
{
    char *out = NULL;
    size_t ol = 0;
    gwr_err err = { 0 };
    gwr_status st = gwr_read_html("t.html", (const unsigned char *)page, len, &out, &ol, &err);
    if (st != GWR_OK) fail_msg("%s", err.msg);
    assert_int_equal(strlen(out), ol);
    return out;
}

static char *html_s(const char *page) { return html(page, strlen(page)); }

static void test_html_site_page(void **state)
{
    (void)state;
    size_t n;
    unsigned char *b = slurp("tests/formats/fixtures/jingmen-2024.utf8.html", &n);
    char *t = html((const char *)b, n);
    assert_true(strncmp(t, "政府工作报告\n各位代表：\n", strlen("政府工作报告\n各位代表：\n")) == 0);
    assert_non_null(strstr(t, "\n一、2023年工作回顾\n"));
    static const char *const furniture[] = { "当前位置", "首页", "走进本市", "互动交流", "分享到", "微博", "上一篇", "下一篇",
        "相关链接", "主办", "ICP", "无障碍", "来源：", "字号", "统计代码", "line-height", "打印本页", "搜索", NULL };
    for (size_t i = 0; furniture[i]; i++)
        if (strstr(t, furniture[i])) fail_msg("page furniture '%s' reached the text", furniture[i]);
    /* the GB2312-labelled copy (meta after a non-ASCII title) reads the same */
    size_t n2;
    unsigned char *b2 = slurp("tests/formats/fixtures/jingmen-2024.gb2312.html", &n2);
    char *t2 = html((const char *)b2, n2);
    assert_string_equal(t, t2);
    free(t); free(t2); free(b); free(b2);
}

static char *gb(const char *utf8, size_t *len)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t inl = strlen(utf8), cap = inl * 2 + 4, outl = cap;
    char *out = malloc(cap), *op = out, *in = (char *)(uintptr_t)utf8;
    assert_true(iconv(cd, &in, &inl, &op, &outl) != (size_t)-1);
    iconv_close(cd);
    *len = cap - outl;
    return out;
}

static void test_html_charsets(void **state)
{
    (void)state;
    /* labelled gb2312, holding a GBK-only character (镕) and a GB18030 4-byte one (€ is 2-byte; 㐀 is 4-byte) */
    size_t n;
    char *p = gb("<html><head><title>朱镕基</title><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                 "</head><body><div><p>朱镕基同志指出，要增长。㐀字之后的文字，也要读到。</p></div></body></html>", &n);
    char *t = html(p, n);
    assert_non_null(strstr(t, "朱镕基同志指出，要增长。㐀字之后的文字，也要读到。"));
    free(t); free(p);
    /* no label at all: GB18030 by validity */
    p = gb("<html><body><p>地区生产总值增长百分之五，城镇新增就业。</p></body></html>", &n);
    t = html(p, n);
    assert_non_null(strstr(t, "地区生产总值增长百分之五，城镇新增就业。"));
    free(t); free(p);
    /* labelled gbk but valid UTF-8 bytes: UTF-8 */
    t = html_s("<html><head><meta charset=gbk></head><body><p>一、工作回顾，继续。</p></body></html>");
    assert_non_null(strstr(t, "一、工作回顾，继续。"));
    free(t);
    /* UTF-8 BOM */
    t = html_s("\xEF\xBB\xBF<html><body><p>二、主要预期目标，增长。</p></body></html>");
    assert_non_null(strstr(t, "二、主要预期目标，增长。"));
    free(t);
}

static void test_html_structure(void **state)
{
    (void)state;
    char *t = html_s("<html><head><script>var a='不要';</script><style>p{}</style></head><body>"
                     "<nav>导航一 导航二</nav><header>网站头部</header>"
                     "<div id=\"content\"><p>第一段&nbsp;文字，&#x4e00;&#19968;继续。</p>"
                     "<div>第二段<br>第三段，换行之后。</div>"
                     "<table><tr><td>指标</td><td>目标</td></tr><tr><td>GDP</td><td>增长6%</td></tr></table>"
                     "<form><input value=\"表单\">搜索框</form>"
                     "<p>第\n四\n段，源码换行不成空格。</p></div>"
                     "<footer>版权所有</footer></body></html>");
    assert_non_null(strstr(t, "第一段\xC2\xA0文字，一一继续。\n"));
    assert_non_null(strstr(t, "\n第二段\n第三段，换行之后。\n"));
    assert_non_null(strstr(t, "\n指标\t目标\nGDP\t增长6%\n"));
    assert_non_null(strstr(t, "\n第四段，源码换行不成空格。\n"));
    static const char *const gone[] = { "不要", "导航", "网站头部", "搜索框", "版权所有", "p{}", NULL };
    for (size_t i = 0; gone[i]; i++)
        if (strstr(t, gone[i])) fail_msg("'%s' should be dropped", gone[i]);
    free(t);
}

static void test_html_layout_table(void **state)
{
    (void)state;
    /* an old site laid out with a table: the report's cell is not a table row */
    char *t = html_s("<html><body><table><tr><td width=200><a href=1>首页</a><br><a href=2>新闻</a><br><a href=3>公开</a></td>"
                     "<td><p>一、过去一年工作回顾</p><p>过去一年，全市地区生产总值增长6%，城镇新增就业3万人，居民收入稳步增长，"
                     "各项事业取得新进展，全市上下团结一心。</p><p>二、今年主要目标</p><table border=1><tr><td><p>指标</p></td>"
                     "<td><p>目标</p></td></tr><tr><td>GDP</td><td>增长6%<br>左右</td></tr></table><p>今年主要预期目标是：地区生产总值"
                     "增长6%左右。</p></td></tr></table></body></html>");
    assert_string_equal(t, "一、过去一年工作回顾\n过去一年，全市地区生产总值增长6%，城镇新增就业3万人，居民收入稳步增长，"
                           "各项事业取得新进展，全市上下团结一心。\n二、今年主要目标\n指标\t目标\nGDP\t增长6% 左右\n"
                           "今年主要预期目标是：地区生产总值增长6%左右。\n");
    free(t);
}

static void test_html_main_block(void **state)
{
    (void)state;
    /* a long link list and a short related box beside the report: the report wins */
    char page[20000] = "<html><body><div class=\"left\"><ul>";
    for (int i = 0; i < 40; i++) strcat(page, "<li><a href=\"x\">市政府办公室关于印发工作方案的通知</a></li>");
    strcat(page, "</ul></div><div class=\"right\"><div class=\"text\">");
    for (int i = 0; i < 6; i++) strcat(page, "<p>过去一年，全市地区生产总值增长6%，城镇新增就业3万人，居民收入稳步增长。</p>");
    strcat(page, "<p>上一篇：<a href=\"a\">关于财政预算的报告</a></p></div></div>"
                 "<div class=\"links\">相关阅读：<a href=\"b\">政策解读</a></div></body></html>");
    char *t = html_s(page);
    assert_non_null(strstr(t, "过去一年，全市地区生产总值增长6%"));
    assert_null(strstr(t, "印发工作方案"));
    assert_null(strstr(t, "上一篇"));
    assert_null(strstr(t, "政策解读"));
    free(t);
}

static void test_html_refusals(void **state)
{
    (void)state;
    char *out = NULL;
    size_t ol;
    gwr_err err = { 0 };
    size_t depth = 100000, n = 0;
    char *p = malloc(depth * 5 + 64);
    n += (size_t)sprintf(p, "<html><body>");
    for (size_t i = 0; i < depth; i++) { memcpy(p + n, "<div>", 5); n += 5; }
    n += (size_t)sprintf(p + n, "文字，");
    assert_int_not_equal(gwr_read_html("deep.html", (unsigned char *)p, n, &out, &ol, &err), GWR_OK);
    assert_null(out);
    assert_non_null(strstr(err.msg, "deep.html: HTML page nested too deep"));
    free(p);
    assert_int_not_equal(gwr_read_html("s.html", (const unsigned char *)"<html><script>x</script></html>", 31, &out, &ol, &err), GWR_OK);
    assert_non_null(strstr(err.msg, "s.html: no text found"));
}

static unsigned char *zip_of(const char *xml, size_t *len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    assert_non_null(z);
    zip_source_keep(src);
    zip_source_t *f = zip_source_buffer(z, xml, strlen(xml), 0);
    assert_true(zip_file_add(z, "word/document.xml", f, 0) >= 0);
    assert_int_equal(zip_close(z), 0);
    zip_source_open(src);
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t n = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    unsigned char *b = malloc((size_t)n);
    assert_int_equal(zip_source_read(src, b, (zip_uint64_t)n), n);
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&ze);
    *len = (size_t)n;
    return b;
}

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
          "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""

static void test_docx(void **state)
{
    (void)state;
    size_t n;
    unsigned char *z = zip_of("<?xml version=\"1.0\"?><w:document " W "><w:body>"
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>一、工作</w:t></w:r><w:r><w:t>回顾</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>（一）经济</w:t></w:r><w:r><w:tab/><w:t>增长</w:t></w:r><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del></w:p>"
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p>"
        "</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>6%</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>左右</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:p><w:r><w:t>1.最后</w:t></w:r><w:r><w:br/><w:t>一段</w:t></w:r></w:p></w:body></w:document>", &n);
    char *out = NULL;
    size_t ol;
    gwr_err err = { 0 };
    if (gwr_read_docx("t.docx", z, n, &out, &ol, &err) != GWR_OK) fail_msg("%s", err.msg);
    assert_string_equal(out, "一、工作回顾\n（一）经济\t增长\n文本框\n指标\t6% 左右\n1.最后\n一段\n");
    free(out);
    free(z);
    z = zip_of("<w:document " W "><w:body><w:p><w:r><w:t>一、工作</w:r></w:body>", &n);
    assert_int_not_equal(gwr_read_docx("bad.docx", z, n, &out, &ol, &err), GWR_OK);
    assert_non_null(strstr(err.msg, "bad.docx: malformed XML in word/document.xml"));
    free(z);
}

static char *pdfclean(const char *s)
{
    char *out = NULL;
    size_t ol;
    gwr_err err = { 0 };
    if (gwr_read_pdf_clean("t.pdf", s, strlen(s), &out, &ol, &err) != GWR_OK) fail_msg("%s", err.msg);
    return out;
}

static void test_pdf_clean(void **state)
{
    (void)state;
    /* three pages: running header, "— N —" page numbers, first-line indents,
     * a paragraph wrapped across lines and across a page break, letter-spaced CJK */
    char *t = pdfclean(
        "                 政府工作报告（全文）\n\n"
        "    一、过 去 一 年 工 作 回 顾\n"
        "    过去一年，全市地区生产总值增长6%，城镇新增就业3万人，居民收入稳\n"
        "步增长，各项事业取得新进展。\n"
        "    二、今年主要目标\n\n"
        "                       — 1 —\n\f"
        "                 政府工作报告（全文）\n\n"
        "    今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇\n"
        "新增就业3万人以上，居民收入增长与经济增长同步。我们要着力稳增长，\n"
        "                       — 2 —\n\f"
        "                 政府工作报告（全文）\n\n"
        "扩大有效投资，推动 GDP and CPI 稳定。\n"
        "    三、政府自身建设\n"
        "                       第 3 页 共 3 页\n\f");
    assert_string_equal(t, "一、过去一年工作回顾\n"
                           "过去一年，全市地区生产总值增长6%，城镇新增就业3万人，居民收入稳步增长，各项事业取得新进展。\n"
                           "二、今年主要目标\n"
                           "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业3万人以上，居民收入增长与经济增长同步。"
                           "我们要着力稳增长，扩大有效投资，推动GDP and CPI稳定。\n"
                           "三、政府自身建设\n");
    free(t);
    /* no indented line: lines kept for the loader's own joining */
    t = pdfclean("服务367个预增产值过2000万元和96\n个过亿元以上增长点，力争工业投资增长\n30%以上。\n");
    assert_string_equal(t, "服务367个预增产值过2000万元和96\n个过亿元以上增长点，力争工业投资增长\n30%以上。\n");
    free(t);
    char *out = NULL;
    size_t ol;
    gwr_err err = { 0 };
    assert_int_not_equal(gwr_read_pdf_clean("scan.pdf", "\f\f  — 1 —\n\f", strlen("\f\f  — 1 —\n\f"), &out, &ol, &err), GWR_OK);
    assert_string_equal(err.msg, "scan.pdf: no text layer (scanned pages?); run OCR first");
}

static void test_detect(void **state)
{
    (void)state;
    const unsigned char *txt = (const unsigned char *)"一、工作回顾\n";
    assert_int_equal(gwr_read_detect("a.HTM", txt, 10), GWR_IN_HTML);
    assert_int_equal(gwr_read_detect("a.shtml", txt, 10), GWR_IN_HTML);
    assert_int_equal(gwr_read_detect("a.txt", (const unsigned char *)"%PDF-1.7", 8), GWR_IN_PDF);
    assert_int_equal(gwr_read_detect("a", (const unsigned char *)"PK\x03\x04", 4), GWR_IN_DOCX);
    assert_int_equal(gwr_read_detect("a.doc", (const unsigned char *)"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), GWR_IN_DOC);
    assert_int_equal(gwr_read_detect("saved", (const unsigned char *)"\n  <!DOCTYPE HTML PUBLIC", 23), GWR_IN_HTML);
    assert_int_equal(gwr_read_detect("a.txt", (const unsigned char *)"<p>不是网页</p>", 17), GWR_IN_TEXT);
    assert_int_equal(gwr_read_detect("a.txt", txt, 10), GWR_IN_TEXT);
    assert_true(gwr_read_known_ext("x/报告.PDF"));
    assert_false(gwr_read_known_ext("x/README.md"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_site_page),
        cmocka_unit_test(test_html_charsets),
        cmocka_unit_test(test_html_structure),
        cmocka_unit_test(test_html_layout_table),
        cmocka_unit_test(test_html_main_block),
        cmocka_unit_test(test_html_refusals),
        cmocka_unit_test(test_docx),
        cmocka_unit_test(test_pdf_clean),
        cmocka_unit_test(test_detect),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
