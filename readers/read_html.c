/* read_html.c — a saved web page: the report's text without the site around it.
 *
 * 1. Charset, decided here and passed to the parser: a byte-order mark, else a
 *    <meta charset> / http-equiv label anywhere before </head> (gb2312, gbk and
 *    their aliases read as GB18030, their superset), else validity: GB18030
 *    when it leaves fewer invalid sequences than UTF-8. Bytes that are valid
 *    UTF-8 are read as UTF-8 whatever the label says (GBK text is not valid
 *    UTF-8 beyond a few characters), and a "utf-8" page full of invalid UTF-8
 *    that is valid GB18030 is read as GB18030. The page is converted to UTF-8
 *    before parsing.
 * 2. libxml2's HTML parser with recovery builds the tree.
 * 3. script, style, nav, header, footer, forms, asides and the like are
 *    dropped, and so are elements whose class or id names a menu, breadcrumb,
 *    share bar, pager or footer.
 * 4. The main block: every element with inline text scores its text length
 *    minus its link text, plus a bonus for Chinese punctuation (，。、；),
 *    for itself, its parent and (half) its grandparent; an element's total is
 *    scaled by 1 − its link density (readability, GNE). The best element is
 *    the report; the nearest heading before it (the page title) opens it.
 * 5. Inside it, link lists (link density over one half), 上一篇/下一篇 lines,
 *    share and print bars are skipped; paragraphs come from <p>, <br> and
 *    block elements, table rows as cells separated by tabs.
 * The walks are iterative: a page nested 100,000 levels deep costs no stack. */
#define _GNU_SOURCE
#include "read_int.h"
#include "read_lib.h"
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- 1. charset --------------------------------------------------------- */

static size_t utf8_ok(const unsigned char *s, const unsigned char *e)
{
    unsigned c = s[0];
    if (c < 0x80) return 1;
    size_t a = (size_t)(e - s);
    if (c >= 0xC2 && c <= 0xDF) return a >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (a < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0)) return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (a < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
        if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90)) return 0;
        return 4;
    }
    return 0;
}

static size_t utf8_invalid(const unsigned char *s, size_t n)
{
    const unsigned char *e = s + n;
    size_t bad = 0;
    while (s < e) {
        size_t k = utf8_ok(s, e);
        if (!k) { bad++; s++; } else s += k;
    }
    return bad;
}

/* Converts with iconv; undecodable bytes become U+FFFD (counted in *bad). */
static char *convert(const char *from, const unsigned char *s, size_t len, size_t *outlen, size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) return NULL;
    size_t cap = len * 3 + 16;
    char *out = malloc(cap);
    if (!out) { iconv_close(cd); return NULL; }
    char *in = (char *)(uintptr_t)s, *op = out;
    size_t inl = len, outl = cap;
    *bad = 0;
    while (inl > 0) {
        if (iconv(cd, &in, &inl, &op, &outl) != (size_t)-1) break;
        if ((errno == EILSEQ || errno == EINVAL) && outl >= 3) {
            memcpy(op, "\xEF\xBF\xBD", 3);
            op += 3; outl -= 3; in++; inl--; (*bad)++;
        } else break;
    }
    iconv_close(cd);
    *outlen = (size_t)(op - out);
    return out;
}

/* The label's iconv name, or NULL when unknown. */
static const char *charset_name(const char *label)
{
    static const char *const gb[] = { "gb2312", "gbk", "gb18030", "x-gbk", "gb_2312-80", "gb_2312", "csgb2312",
                                      "cp936", "windows-936", "euc-cn", "x-euc-cn", "chinese", "iso-ir-58",
                                      "csiso58gb231280", "hz-gb-2312" };
    for (size_t i = 0; i < sizeof gb / sizeof gb[0]; i++)
        if (strcasecmp(label, gb[i]) == 0) return i == sizeof gb / sizeof gb[0] - 1 ? NULL : "GB18030";
    if (strcasecmp(label, "utf-8") == 0 || strcasecmp(label, "utf8") == 0 || strcasecmp(label, "unicode-1-1-utf-8") == 0)
        return "UTF-8";
    if (strcasecmp(label, "big5") == 0 || strcasecmp(label, "big5-hkscs") == 0 || strcasecmp(label, "x-x-big5") == 0)
        return "BIG5-HKSCS";
    if (strcasecmp(label, "iso-8859-1") == 0 || strcasecmp(label, "latin1") == 0 || strcasecmp(label, "windows-1252") == 0 ||
        strcasecmp(label, "us-ascii") == 0 || strcasecmp(label, "ascii") == 0)
        return "CP1252";
    if (strcasecmp(label, "utf-16") == 0 || strcasecmp(label, "utf-16le") == 0) return "UTF-16LE";
    if (strcasecmp(label, "utf-16be") == 0) return "UTF-16BE";
    return NULL;
}

/* Prescan for a charset label in the head (up to </head>, at most 1 MiB):
 * <meta charset=X> and <meta http-equiv content="…; charset=X">. */
static const char *prescan(const unsigned char *s, size_t n)
{
    if (n > ((size_t)1 << 20)) n = (size_t)1 << 20;
    for (size_t i = 0; i + 5 < n; i++) {
        if (s[i] != '<') continue;
        if (strncasecmp((const char *)s + i, "</head", 6) == 0) break;
        if (strncasecmp((const char *)s + i, "<meta", 5) != 0) continue;
        size_t j = i + 5, e = j;
        while (e < n && s[e] != '>') e++;
        for (size_t k = j; k + 8 <= e; k++) {
            if (strncasecmp((const char *)s + k, "charset", 7) != 0) continue;
            size_t q = k + 7;
            while (q < e && (s[q] == ' ' || s[q] == '\t')) q++;
            if (q >= e || s[q] != '=') continue;
            q++;
            while (q < e && (s[q] == ' ' || s[q] == '"' || s[q] == '\'')) q++;
            char lab[40];
            size_t m = 0;
            while (q < e && m + 1 < sizeof lab && s[q] != '"' && s[q] != '\'' && s[q] != ';' && s[q] != ' ' &&
                   s[q] != '/' && s[q] != '>')
                lab[m++] = (char)s[q++];
            lab[m] = '\0';
            const char *cs = m ? charset_name(lab) : NULL;
            if (cs) return cs;
        }
        i = e;
    }
    return NULL;
}

/* ---- 3–5. the tree ---------------------------------------------------------- */

typedef struct nstat {
    uint32_t text, link, punct;   /* characters (blanks excluded) in the subtree */
    uint32_t dtext, dlink, dpunct;   /* … in its own inline content */
    double score;
    unsigned char drop, inl;
} nstat;

static bool name_is(const xmlNode *n, const char *const *names)
{
    for (; *names; names++) if (read_xml.xmlStrcasecmp(n->name, (const xmlChar *)*names) == 0) return true;
    return false;
}

static const char *const dropped_tags[] = { "script", "style", "noscript", "nav", "header", "footer", "form",
    "aside", "iframe", "select", "button", "input", "textarea", "object", "embed", "svg", "canvas", "template",
    "head", "menu", "map", "audio", "video", "frameset", "frame", "title", "meta", "link", NULL };
static const char *const inline_tags[] = { "a", "span", "font", "strong", "b", "em", "i", "u", "sub", "sup",
    "small", "big", "abbr", "code", "s", "strike", "del", "ins", "mark", "q", "cite", "label", "nobr", "img", "tt",
    "o:p", "var", NULL };
static const char *const block_tags[] = { "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "table", "tr", "tbody", "thead", "tfoot", "section", "article", "main", "blockquote", "pre", "dd", "dt", "dl",
    "center", "hr", "address", "figure", "figcaption", "caption", "body", "html", "td", "th", NULL };

/* class/id words of site furniture */
static bool furniture(const xmlNode *n)
{
    static const char *const words[] = { "nav", "menu", "breadcrumb", "crumb", "footer", "share", "bdshare",
        "sidebar", "related", "pager", "pagination", "copyright", "toolbar", "topbar", "weizhi", "dqwz",
        "location", "position", "comment", NULL };
    for (const char *attr = "class"; attr; attr = strcmp(attr, "class") == 0 ? "id" : NULL) {
        xmlChar *v = read_xml.xmlGetProp(n, (const xmlChar *)attr);
        if (!v) continue;
        bool hit = false;
        /* a word of the value, split on blanks, '-' and '_' */
        const char *p = (const char *)v;
        while (*p && !hit) {
            size_t k = strcspn(p, " \t-_");
            for (size_t w = 0; words[w] && !hit; w++)
                if (strlen(words[w]) == k && strncasecmp(p, words[w], k) == 0) hit = true;
            p += k;
            while (*p == ' ' || *p == '\t' || *p == '-' || *p == '_') p++;
        }
        (*read_xml.xmlFree)(v);
        if (hit) return true;
    }
    return false;
}

static bool is_space_cp(uint32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 || c == 0x3000; }
static bool is_punct_cp(uint32_t c) { return c == 0xFF0C || c == 0x3002 || c == 0x3001 || c == 0xFF1B; }

static uint32_t cp_at(const unsigned char *s, size_t *k)
{
    unsigned c = s[0];
    if (c < 0x80) { *k = 1; return c; }
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    for (size_t i = 1; i < n; i++) if (!s[i]) { n = 1; break; }
    *k = n;
    if (n == 1) return c;
    uint32_t cp = c & (0x3F >> (n - 1));
    for (size_t i = 1; i < n; i++) cp = cp << 6 | (s[i] & 0x3F);
    return cp;
}

static void count_text(const xmlChar *t, uint32_t *chars, uint32_t *punct)
{
    if (!t) return;
    for (const unsigned char *s = t; *s;) {
        size_t k;
        uint32_t c = cp_at(s, &k);
        s += k;
        if (is_space_cp(c)) continue;
        if (*chars < UINT32_MAX) (*chars)++;
        if (is_punct_cp(c) && *punct < UINT32_MAX) (*punct)++;
    }
}

#define ST(n) ((nstat *)(n)->_private)

/* Next node of a pre-order walk of the subtree of top; skip: do not enter n. */
static xmlNode *next_node(xmlNode *n, const xmlNode *top, bool skip)
{
    if (!skip && n->children && n->type == XML_ELEMENT_NODE) return n->children;
    while (n && n != top) {
        if (n->next) return n->next;
        n = n->parent;
    }
    return NULL;
}

/* ---- output ---------------------------------------------------------------- */

typedef struct hout {
    rbuf b;
    bool space;       /* a collapsed blank is pending */
    uint32_t prev;    /* last code point written on this line, 0 at its start */
} hout;

static bool cjk(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x3000 && c <= 0x303F) || (c >= 0x20000 && c <= 0x3FFFF) || (c >= 0x2010 && c <= 0x2027);
}

static void out_break(hout *o)
{
    rb_endpara(&o->b);
    o->space = false;
    o->prev = 0;
}

static void out_text(hout *o, const xmlChar *t, bool pre)
{
    for (const unsigned char *s = t; s && *s;) {
        size_t k;
        uint32_t c = cp_at(s, &k);
        if (pre && c == '\n') { out_break(o); s += k; continue; }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') { o->space = o->prev != 0; s += k; continue; }
        if (c < 0x20 || c == 0x7F) { s += k; continue; }
        if (o->space && !(cjk(o->prev) && cjk(c))) rb_putc(&o->b, ' ');
        o->space = false;
        rb_put(&o->b, (const char *)s, k);
        o->prev = c;
        s += k;
    }
}

/* A short block that is page furniture by its words. */
static bool furniture_text(const xmlNode *n, const nstat *st)
{
    if (st->text > 80) return false;
    static const char *const words[] = { "上一篇", "下一篇", "上一条", "下一条", "分享到", "打印本页", "关闭窗口",
        "【打印】", "【关闭】", "字号：", "扫一扫", "相关链接", "相关新闻", "相关阅读", "责任编辑", "【字体", "字体：",
        "打印", "收藏", NULL };
    /* its text, gathered from at most 256 nodes (a short block is small;
     * a deep chain of empty elements must not make this quadratic) */
    char t[256];
    size_t tl = 0, visited = 0;
    for (const xmlNode *c = n; c && visited < 256 && tl + 1 < sizeof t; visited++) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            for (const xmlChar *q = c->content; *q && tl + 1 < sizeof t; q++)
                if (*q != ' ' && *q != '\n' && *q != '\t' && *q != '\r') t[tl++] = (char)*q;
        }
        c = next_node((xmlNode *)(uintptr_t)c, n, false);
    }
    t[tl] = '\0';
    const char *p = t;
    bool hit = false;
    for (size_t i = 0; words[i] && !hit; i++) {
        size_t k = strlen(words[i]);
        if (strncmp(p, words[i], k) == 0) hit = true;
        else if (i < 2 && strstr(p, words[i])) hit = true;   /* 上一篇/下一篇 anywhere in a short block */
    }
    return hit;
}

static bool is_cell(const xmlNode *n)
{
    return read_xml.xmlStrcasecmp(n->name, (const xmlChar *)"td") == 0 || read_xml.xmlStrcasecmp(n->name, (const xmlChar *)"th") == 0;
}

/* A data cell holds a short value: its row becomes one line of tab-separated
 * cells. A long cell (or one holding a table) is page layout: its blocks are
 * paragraphs like anywhere else. */
static bool data_cell(const xmlNode *n)
{
    if (!is_cell(n)) return false;
    const nstat *st = ST(n);
    if (st && st->text > 120) return false;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && read_xml.xmlStrcasecmp(c->name, (const xmlChar *)"table") == 0) return false;
    return true;
}

typedef struct walkst {
    int pre;     /* inside <pre> */
    int cell;    /* inside a data cell: blocks are joined by a space */
} walkst;

static void block_break(hout *o, const walkst *w)
{
    if (w->cell) o->space = o->prev != 0;
    else out_break(o);
}

/* leaving an element: a block ends its paragraph */
static void leave(hout *o, const xmlNode *c, walkst *w)
{
    if (c->type != XML_ELEMENT_NODE || !name_is(c, block_tags)) return;
    if (is_cell(c)) {
        if (data_cell(c) && w->cell > 0) w->cell--;
        else out_break(o);
    } else {
        block_break(o, w);
    }
    if (read_xml.xmlStrcasecmp(c->name, (const xmlChar *)"pre") == 0 && c->children && w->pre > 0) w->pre--;
}

static void emit(hout *o, xmlNode *top)
{
    walkst w = { 0, 0 };
    for (xmlNode *n = top; n;) {
        bool skip = false;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            out_text(o, n->content, w.pre > 0 && !w.cell);
        } else if (n->type == XML_ELEMENT_NODE) {
            nstat *st = ST(n);
            if (st && st->drop) skip = true;
            else if (n != top && st && st->text > 0 && st->link * 2 > st->text) skip = true;   /* link list */
            else if (n != top && st && !st->inl && furniture_text(n, st)) skip = true;
            else if (read_xml.xmlStrcasecmp(n->name, (const xmlChar *)"br") == 0) block_break(o, &w);
            else if (data_cell(n) && !w.cell) {
                /* a cell: a tab after the previous cell of the row */
                if (o->b.len && o->b.p[o->b.len - 1] != '\n' && o->b.p[o->b.len - 1] != '\t') rb_putc(&o->b, '\t');
                o->space = false;
                o->prev = 0;
                if (n->children) w.cell++;
                else rb_putc(&o->b, ' ');   /* an empty cell keeps its column */
            } else if (data_cell(n)) {
                if (n->children) w.cell++;   /* a cell inside a cell: text joined */
            } else if (name_is(n, block_tags)) {
                block_break(o, &w);
            }
            if (!skip && read_xml.xmlStrcasecmp(n->name, (const xmlChar *)"pre") == 0 && n->children) w.pre++;
        }
        if (o->b.over || o->b.oom) break;
        if (!skip && n->type == XML_ELEMENT_NODE && n->children) { n = n->children; continue; }
        if (!skip && !(n->type == XML_ELEMENT_NODE && data_cell(n))) leave(o, n, &w);
        else if (skip && n->type == XML_ELEMENT_NODE && name_is(n, block_tags)) block_break(o, &w);
        while (n != top && !n->next) { n = n->parent; leave(o, n, &w); }
        if (n == top) break;
        n = n->next;
    }
    out_break(o);
}

static gwr_status extract(const char *name, xmlDoc *doc, char **outp, size_t *outlen, gwr_err *err)
{
    xmlNode *root = read_xml.xmlDocGetRootElement(doc);
    if (!root) return gwr_err_set(err, GWR_E_EMPTY, "%s: no text found in the HTML page", name);
    /* number the elements */
    size_t count = 0;
    for (xmlNode *n = root; n; n = next_node(n, root, false)) if (n->type == XML_ELEMENT_NODE) count++;
    nstat *stats = calloc(count ? count : 1, sizeof *stats);
    xmlNode **order = malloc((count ? count : 1) * sizeof *order);
    if (!stats || !order) { free(stats); free(order); return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name); }
    size_t k = 0;
    for (xmlNode *n = root; n; n = next_node(n, root, false)) {
        if (n->type != XML_ELEMENT_NODE) continue;
        n->_private = &stats[k];
        order[k++] = n;
        nstat *st = ST(n);
        st->inl = name_is(n, inline_tags);
        nstat *ps = n->parent && n->parent->type == XML_ELEMENT_NODE ? ST(n->parent) : NULL;
        if ((ps && ps->drop) || name_is(n, dropped_tags) || (n != root && furniture(n))) st->drop = 1;
    }
    /* post-order sums: children come after their parent in pre-order, so a
     * reverse pass adds each element into its parent */
    for (size_t i = count; i-- > 0;) {
        xmlNode *n = order[i];
        nstat *st = ST(n);
        if (st->drop) continue;
        for (xmlNode *c = n->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                uint32_t ch = 0, pu = 0;
                count_text(c->content, &ch, &pu);
                st->text += ch; st->dtext += ch; st->punct += pu; st->dpunct += pu;
            }
        }
        if (read_xml.xmlStrcasecmp(n->name, (const xmlChar *)"a") == 0) { st->link = st->text; st->dlink = st->dtext; }
        nstat *ps = n->parent && n->parent->type == XML_ELEMENT_NODE ? ST(n->parent) : NULL;
        if (ps && !ps->drop) {
            ps->text += st->text; ps->link += st->link; ps->punct += st->punct;
            if (st->inl) { ps->dtext += st->text; ps->dlink += st->link; ps->dpunct += st->punct; }
        }
    }
    /* a's link counts must include the inline children added after it was visited */
    for (size_t i = 0; i < count; i++) {
        nstat *st = &stats[i];
        if (!st->drop && read_xml.xmlStrcasecmp(order[i]->name, (const xmlChar *)"a") == 0) st->link = st->text;
    }
    /* scores */
    for (size_t i = 0; i < count; i++) {
        xmlNode *n = order[i];
        nstat *st = ST(n);
        if (st->drop || st->inl || st->dtext < 10 || st->dlink * 2 > st->dtext) continue;
        double s = (double)(st->dtext - st->dlink) + 8.0 * st->dpunct;
        if (st->dpunct == 0 && st->dtext < 40) s *= 0.2;
        st->score += s;
        xmlNode *p = n->parent;
        if (p && p->type == XML_ELEMENT_NODE && ST(p)) {
            ST(p)->score += s;
            xmlNode *g = p->parent;
            if (g && g->type == XML_ELEMENT_NODE && ST(g)) ST(g)->score += s / 2;
        }
    }
    xmlNode *best = NULL;
    double bs = 0;
    for (size_t i = 0; i < count; i++) {
        nstat *st = &stats[i];
        if (st->drop || st->text == 0) continue;
        double s = st->score * (1.0 - (double)st->link / st->text);
        if (s > bs) { bs = s; best = order[i]; }
    }
    if (!best) {   /* no block long enough to score: the whole body */
        for (size_t i = 0; i < count && !best; i++)
            if (read_xml.xmlStrcasecmp(order[i]->name, (const xmlChar *)"body") == 0 && !stats[i].drop) best = order[i];
        if (!best && !ST(root)->drop) best = root;
    }
    hout o = { .b = { .max = GWR_READ_MAX_TEXT } };
    if (best) {
        /* the page title: the nearest h1–h3 before best, outside it */
        xmlNode *title = NULL;
        for (size_t i = 0; i < count && order[i] != best; i++) {
            xmlNode *n = order[i];
            nstat *st = ST(n);
            if (st->drop || st->text == 0 || st->text > 60) continue;
            if (n->name && (n->name[0] == 'h' || n->name[0] == 'H') && n->name[1] >= '1' && n->name[1] <= '3' && !n->name[2])
                title = n;
        }
        if (title) {
            bool inside = false;
            for (xmlNode *p = best->parent; p; p = p->parent) if (p == title) inside = true;
            if (!inside) emit(&o, title);
        }
        emit(&o, best);
    }
    for (size_t i = 0; i < count; i++) order[i]->_private = NULL;
    free(stats);
    free(order);
    return rb_finish(&o.b, name, "HTML page", outp, outlen, err);
}

gwr_status gwr_read_html(const char *name, const unsigned char *buf, size_t len,
                         char **out, size_t *outlen, gwr_err *err)
{
    *out = NULL;
    *outlen = 0;
    if (len > GWR_READ_MAX_HTML)
        return gwr_err_set(err, GWR_E_IO, "%s: HTML page too large (over %zu MiB)", name, GWR_READ_MAX_HTML >> 20);
    if (len > INT32_MAX) return gwr_err_set(err, GWR_E_IO, "%s: HTML page too large", name);
    const char *cs = NULL;
    size_t off = 0;
    if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) { cs = "UTF-8"; off = 3; }
    else if (len >= 2 && buf[0] == 0xFF && buf[1] == 0xFE) { cs = "UTF-16LE"; off = 2; }
    else if (len >= 2 && buf[0] == 0xFE && buf[1] == 0xFF) { cs = "UTF-16BE"; off = 2; }
    else {
        const char *label = prescan(buf, len);
        size_t bad = utf8_invalid(buf, len);
        if (bad == 0) cs = "UTF-8";   /* valid UTF-8 is UTF-8 whatever the label: GBK text never is for long */
        else if (label && strcmp(label, "UTF-8") != 0 && strncmp(label, "UTF-16", 6) != 0) cs = label;
        else {
            /* labelled UTF-8 (or not labelled) but not valid: the decoding with fewer errors */
            size_t n, gbad;
            char *g = convert("GB18030", buf, len, &n, &gbad);
            free(g);
            cs = g && gbad < bad ? "GB18030" : "UTF-8";
        }
    }
    size_t ulen, bad = 0;
    char *u;
    if (strcmp(cs, "UTF-8") == 0) {
        /* invalid bytes → U+FFFD */
        const unsigned char *s = buf + off, *e = buf + len;
        u = malloc((len - off) * 3 + 1);
        if (!u) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
        ulen = 0;
        while (s < e) {
            size_t k = utf8_ok(s, e);
            if (k == 1 && *s == 0) { s++; continue; }
            if (k) { memcpy(u + ulen, s, k); ulen += k; s += k; }
            else { memcpy(u + ulen, "\xEF\xBF\xBD", 3); ulen += 3; s++; bad++; }
        }
    } else {
        u = convert(cs, buf + off, len - off, &ulen, &bad);
        if (!u) return gwr_err_set(err, GWR_E_ENCODING, "%s: cannot convert the page from %s", name, cs);
        /* NULs (UTF-16 pages) would end the parser's input early */
        size_t w = 0;
        for (size_t i = 0; i < ulen; i++) if (u[i]) u[w++] = u[i];
        ulen = w;
    }
    if (ulen > INT32_MAX) { free(u); return gwr_err_set(err, GWR_E_IO, "%s: HTML page too large", name); }
    gwr_status lst = read_xml_lib(name, "HTML", err);
    if (lst != GWR_OK) { free(u); return lst; }
    htmlParserCtxtPtr ctx = read_xml.htmlNewParserCtxt();
    if (!ctx) { free(u); return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name); }
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
               HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
    xmlDoc *doc = read_xml.htmlCtxtReadMemory(ctx, u, (int)ulen, NULL, "UTF-8", opts);
    free(u);
    gwr_status st;
    const xmlError *pe = read_xml.xmlCtxtGetLastError(ctx);
    if (pe && pe->message && strstr(pe->message, "xcessive depth"))
        st = gwr_err_set(err, GWR_E_ENCODING, "%s: HTML page nested too deep (over %u levels); not read", name,
                         *read_xml.xmlParserMaxDepth);
    else if (!doc) st = gwr_err_set(err, GWR_E_ENCODING, "%s: not an HTML page the parser can read", name);
    else st = extract(name, doc, out, outlen, err);
    if (doc) read_xml.xmlFreeDoc(doc);
    read_xml.htmlFreeParserCtxt(ctx);
    return st;
}
