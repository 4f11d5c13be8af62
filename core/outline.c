/* outline.c — the section tree of a report.
 *
 * The normalised text is cut into paragraphs (one per line of text.norm) and
 * each is classified once (outline_heading.c). The tree is then built in one
 * pass with a small stack: parts (一、) under the root, sections (（一）) under
 * the open part, items and topic paragraphs under the open section (or part),
 * other paragraphs as `para` nodes. Numbers must follow on (一 then 二 …), so
 * a stray "一、" inside a list is not a part. The main-targets paragraph is its
 * own `targets` node under the plan part.
 *
 * Hard-wrapped extractions (text.pdf_layout) may carry unnumbered headings; when
 * most text comes before the first of them, each heading titles the block
 * BEFORE it (a newspaper layout) and the section is built around that block.
 * Reports without any "一、" part have their sections directly under the root;
 * they take the role plan when the report carries a targets paragraph (the
 * typical plan-only newspaper version), otherwise other.
 *
 * Nodes are appended in pre-order; arrays grow geometrically; titles live in
 * the document's arena. Linear in the number of paragraphs. */
#include "outline.h"
#include "outline_internal.h"
#include "text_internal.h"
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef struct builder {
    gwr_doc  *d;
    gwr_linecur lc;               /* nodes come mostly in text order */
    size_t    cap;
    bool      oom;
    int32_t   part, sec, last_item_parent;
    int       part_num, sec_num, item_num;
    bool      sec_runin;
    int       sec_kids;
    bool      seen_part;
    int32_t   targets;            /* open targets node taking list lines, or -1 */
    bool      pending_targets;    /* a "主要预期目标" heading waits for its figures */
    uint32_t  pending_toff, pending_tlen;
} builder;

/* The last i from `from` on with a[i] <= key (a sorted; `from` itself when
 * none after it is): galloping, then halving. */
__attribute__((always_inline)) static inline size_t last_le(const uint32_t *a, size_t len, size_t from, size_t key)
{
    size_t lo = from, step = 1, hi;
#ifdef __SSE2__
    /* mostly a few steps: four entries at a time (compared as signed after
     * flipping the top bit), then galloping */
    if (key <= UINT32_MAX) {
        const __m128i flip = _mm_set1_epi32(INT32_MIN), k = _mm_set1_epi32((int32_t)((uint32_t)key ^ 0x80000000u));
        for (int r = 0; r < 8 && lo + 5 <= len; r++, lo += 4) {
            __m128i v = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(a + lo + 1)), flip);
            unsigned gt = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpgt_epi32(v, k)));
            if (gt) return lo + (unsigned)__builtin_ctz(gt);   /* a[lo + 1 + ctz] is the first above key */
        }
    }
#endif
    for (int k = 0; k < 3 && lo + 1 < len && a[lo + 1] <= key; k++) lo++;   /* mostly a step or two */
    hi = lo + 1;
    while (hi < len && a[hi] <= key) {
        lo = hi;
        step *= 2;
        hi = lo + step;
    }
    if (hi > len) hi = len;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid] <= key) lo = mid;
        else hi = mid;
    }
    return lo;
}

uint32_t gwr_outline_norm_line(const gwr_text *t, gwr_linecur *c, size_t norm_off)
{
    size_t o;
    if (t->map_len == 0) {
        o = norm_off;
    } else {
        if (norm_off < c->last || c->m >= t->map_len) c->m = 0;   /* back: from the start again */
        c->m = last_le(t->map_norm, t->map_len, c->m, norm_off);
        o = t->map_orig[c->m];
        if (norm_off > t->map_norm[c->m]) o += norm_off - t->map_norm[c->m];
    }
    if (o > t->orig_len) o = t->orig_len;
    c->last = norm_off;
    if (t->nlines == 0) return 1;
    if (o < c->orig || c->l >= t->nlines) c->l = 0;
    c->l = last_le(t->line_start, t->nlines, c->l, o);
    c->orig = o;
    return (uint32_t)c->l + 1;
}

static int32_t add_node(builder *b, gwr_node_kind kind, int32_t parent, const gwr_para *p, size_t title_off, size_t title_len)
{
    gwr_doc *d = b->d;
    if (d->nnodes == b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 16;
        gwr_node *nn = realloc(d->nodes, nc * sizeof *nn);
        if (!nn) { b->oom = true; return -1; }
        d->nodes = nn;
        b->cap = nc;
    }
    /* title: trimmed of trailing punctuation, at most 120 bytes on a character boundary */
    const char *t = d->text.norm + title_off;
    size_t n = title_len;
    /* leading dashes and bullets ("——综合实力显著增强") are not part of a title */
    while (n >= 3 && (unsigned char)t[0] == 0xE2 &&   /* all five start with E2 */
           (gwr_has_prefix(t, n, "—") || gwr_has_prefix(t, n, "●") || gwr_has_prefix(t, n, "■") ||
            gwr_has_prefix(t, n, "◆") || gwr_has_prefix(t, n, "★")) && kind != GWR_NODE_FRONT) {
        t += 3;
        n -= 3;
    }
    if (n > 120) {
        n = 120;
        while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80) n--;
    }
    for (;;) {
        if (n >= 3 && ((unsigned char)t[n - 3] == 0xE3 || (unsigned char)t[n - 3] == 0xEF) &&   /* 。、 E3, ，；：！ EF */
            (gwr_has_prefix(t + n - 3, 3, "。") || gwr_has_prefix(t + n - 3, 3, "，") ||
                       gwr_has_prefix(t + n - 3, 3, "；") || gwr_has_prefix(t + n - 3, 3, "：") ||
                       gwr_has_prefix(t + n - 3, 3, "、") || gwr_has_prefix(t + n - 3, 3, "！")))
            n -= 3;
        else if (n >= 1 && (t[n - 1] == ' ' || t[n - 1] == ',' || t[n - 1] == ';' || t[n - 1] == ':' || t[n - 1] == '.'))
            n -= 1;
        else
            break;
    }
    const char *title = gwr_arena_strndup(&d->arena, t, n);
    if (!title) { b->oom = true; return -1; }
    int32_t i = (int32_t)d->nnodes++;
    const gwr_node *par = parent >= 0 ? &d->nodes[parent] : NULL;
    d->nodes[i] = (gwr_node){
        .kind = kind,
        .role = par ? par->role : GWR_ROLE_NONE,
        .depth = par ? par->depth + 1 : 0,
        .title = title,
        .body_off = p ? p->off : 0,
        .body_len = p ? p->len : 0,
        .line = p ? gwr_outline_norm_line(&d->text, &b->lc, p->off) : 1,
        .parent = parent,
        .first_child = -1,
        .next_sibling = -1,
    };
    return i;
}

static int32_t container(const builder *b)
{
    if (b->sec >= 0) return b->sec;
    if (b->part >= 0) return b->part;
    return 0;
}

static void add_para(builder *b, const gwr_para *p)
{
    size_t tl = p->len;
    const char *s = b->d->text.norm + p->off;
    size_t i = 0, chars = 0;
    static const uint8_t len_by_high[16] = { 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 4 };
    while (i < tl && chars < 30) {
        i += len_by_high[(unsigned char)s[i] >> 4];   /* < 0x80: 1, < 0xE0: 2, < 0xF0: 3, else 4 */
        chars++;
    }
    if (i > tl) i = tl;
    add_node(b, GWR_NODE_PARA, container(b), p, p->off, i);
}

/* The speaker line keeps the space between office and name
 * ("市人民政府市长 杨兴铭"): taken from the original line, blanks collapsed. */
static const char *speaker_as_written(gwr_doc *d, const gwr_para *p, const char *fallback)
{
    const gwr_text *t = &d->text;
    uint32_t ln = gwr_text_norm_line(t, p->off);
    if (ln == 0 || ln > t->nlines) return fallback;
    size_t a = t->line_start[ln - 1], b = ln < t->nlines ? t->line_start[ln] : t->orig_len;
    char buf[256];
    size_t o = 0;
    bool space = false;
    for (size_t i = a; i < b && o + 5 < sizeof buf;) {
        unsigned char c = (unsigned char)t->orig[i];
        size_t k = c == '\n' ? 1 : gwr_text_space_len((const unsigned char *)t->orig + i, (const unsigned char *)t->orig + b);
        if (k) { space = o > 0; i += k; continue; }
        if (space) buf[o++] = ' ';
        space = false;
        buf[o++] = (char)c;
        i++;
    }
    while (o > 0 && ((unsigned char)buf[o - 1] & 0xC0) == 0x80 && o + 4 >= sizeof buf) o--;
    if (o == 0) return fallback;
    const char *r = gwr_arena_strndup(&d->arena, buf, o);
    return r ? r : fallback;
}

static void place_one(builder *b, const gwr_para *p, size_t index);

static bool has_digit(const char *s, size_t n) { return gwr_has_digit(s, n); }

/* A line of a targets list: "城镇新增就业5万人以上；" */
static bool targets_line(const builder *b, const gwr_para *p, const char *s)
{
    if (p->cls == GWR_P_ITEM) return true;
    if (p->cls != GWR_P_PLAIN && p->cls != GWR_P_TOPIC) return false;
    if (gwr_utf8_chars_max(s, p->len, 100) > 100 || !has_digit(s, p->len)) return false;
    size_t n = p->len;
    if ((n >= 3 && memcmp(s + n - 3, "；", 3) == 0) || (n && s[n - 1] == ';')) return true;
    return n >= 3 && memcmp(s + n - 3, "。", 3) == 0 && b->d->nodes[b->targets].first_child >= 0;
}

/* One paragraph in the ordinary (headings-first) flow. The main targets are
 * found three ways: a paragraph naming them with its figures ("主要预期目标是：
 * 地区生产总值增长7%…"); a heading or lead-in naming them ("（一）主要预期目标",
 * "主要预期目标是：") followed by the figures; and the list lines that follow
 * either ("…；"), which become children of the targets node. */
static void place(builder *b, const gwr_para *p, size_t index)
{
    gwr_doc *d = b->d;
    const char *s = d->text.norm + p->off;
    if (b->targets >= 0) {
        if (targets_line(b, p, s)) {
            int32_t i = add_node(b, p->cls == GWR_P_ITEM ? GWR_NODE_ITEM : GWR_NODE_PARA, b->targets, p,
                                 p->cls == GWR_P_ITEM ? p->toff : p->off, p->cls == GWR_P_ITEM ? p->tlen : p->len);
            if (i >= 0) d->nodes[b->targets].first_child = i;   /* marks "has children" until link_tree */
            return;
        }
        b->targets = -1;
    }
    if (b->pending_targets) {
        b->pending_targets = false;
        gwr_role r = b->part >= 0 ? d->nodes[b->part].role : GWR_ROLE_NONE;
        if (has_digit(s, p->len) && r != GWR_ROLE_REVIEW && r != GWR_ROLE_SELF &&
            (p->cls == GWR_P_PLAIN || p->cls == GWR_P_TOPIC || p->cls == GWR_P_ITEM)) {
            int32_t par = b->sec >= 0 ? b->sec : b->part >= 0 ? b->part : 0;
            int32_t i = add_node(b, GWR_NODE_TARGETS, par, p, b->pending_toff, b->pending_tlen);
            if (i >= 0) {
                d->nodes[i].role = GWR_ROLE_PLAN;
                b->targets = i;
            }
            return;
        }
    }
    size_t before = d->nnodes;
    place_one(b, p, index);
    if (d->nnodes > before && d->nodes[d->nnodes - 1].kind == GWR_NODE_TARGETS) b->targets = (int32_t)d->nnodes - 1;
    /* a heading or lead-in that names the targets but holds no figure */
    if (gwr_utf8_chars_max(s, p->len, 40) <= 40 && gwr_find(s, p->len, "目标") && !has_digit(s, p->len) &&
        (gwr_find(s, p->len, "预期目标") || gwr_find(s, p->len, "主要目标"))) {
        b->pending_targets = true;
        b->pending_toff = p->cls == GWR_P_SECTION ? p->toff : p->off;
        b->pending_tlen = p->cls == GWR_P_SECTION ? p->tlen : p->len;
    }
}

/* "今年是…", "2006年是…" (a year later than any the review title names) */
static bool year_intro(const char *s, size_t n, const char *review_title)
{
    if (gwr_has_prefix(s, n, "今年是")) return true;
    size_t after;
    int y = gwr_first_year(s, n < 12 ? n : 12, &after);
    if (!y || !gwr_has_prefix(s + after, n - after, "是")) return false;
    size_t tl = strlen(review_title), pos = 0, a;
    int t;
    while (pos < tl && (t = gwr_first_year(review_title + pos, tl - pos, &a)) > 0) {
        if (t >= y) return false;
        pos += a;
    }
    return pos > 0 || gwr_find(review_title, tl, "去年") || gwr_find(review_title, tl, "过去一年");
}

static void place_one(builder *b, const gwr_para *p, size_t index)
{
    gwr_doc *d = b->d;
    const char *s = d->text.norm + p->off;
    if (!b->seen_part && index < 16 && b->sec < 0) {
        gwr_fm fm = gwr_front_kind(s, p->len);
        if (fm != GWR_FM_NONE) {
            add_node(b, GWR_NODE_FRONT, 0, p, p->off, p->len);
            const char *t = d->nodes[d->nnodes - 1].title;
            if (fm == GWR_FM_TITLE && !d->title) d->title = t;
            if (fm == GWR_FM_MEETING && !d->meeting) d->meeting = t;
            if (fm == GWR_FM_SPEAKER && !d->speaker) d->speaker = speaker_as_written(d, p, t);
            return;
        }
    }
    /* an unnumbered part heading, in sequence with the numbered ones */
    if ((p->cls == GWR_P_PLAIN || p->cls == GWR_P_BARE) && index > 0 && gwr_para_is_bare_part(s, p->len)) {
        size_t tl = p->len;
        if (tl >= 3 && memcmp(s + tl - 3, "。", 3) == 0) tl -= 3;
        int32_t i = add_node(b, GWR_NODE_PART, 0, p, p->off, tl);
        if (i < 0) return;
        d->nodes[i].role = gwr_part_role(d->nodes[i].title);
        if (d->nodes[i].role == GWR_ROLE_OTHER && gwr_find(s, p->len, "报告")) d->nodes[i].role = GWR_ROLE_PLAN;   /* year decides later */
        b->part = i;
        b->sec = -1;
        b->sec_num = 0;
        b->item_num = 0;
        b->seen_part = true;   /* part_num unchanged: the numbered parts count on */
        return;
    }
    /* a copy that lost the plan's heading: "今年是…" / "2006年是…" well into the
     * review opens the plan */
    if (b->part >= 0 && d->nodes[b->part].role == GWR_ROLE_REVIEW && d->nnodes - (size_t)b->part > 3 &&
        (p->cls == GWR_P_PLAIN || p->cls == GWR_P_TOPIC) && year_intro(s, p->len, d->nodes[b->part].title)) {
        size_t from = 0, tl = p->len;
        const char *stop = gwr_find(s, p->len, "，");
        const char *stop2 = gwr_find(s, p->len, "。");
        if (!stop || (stop2 && stop2 < stop)) stop = stop2;
        if (stop) tl = (size_t)(stop - s);
        int32_t i = add_node(b, GWR_NODE_PART, 0, p, p->off + from, tl);
        if (i < 0) return;
        d->nodes[i].role = GWR_ROLE_PLAN;
        b->part = i;
        b->sec = -1;
        b->sec_num = 0;
        b->item_num = 0;
        add_para(b, p);
        return;
    }
    /* an address to the deputies speaks for the whole part: it closes a section */
    if (b->seen_part && gwr_has_prefix(s, p->len, "各位代表")) b->sec = -1;
    switch ((gwr_pcls)p->cls) {
    case GWR_P_PART:
        /* parts number on; a text that starts mid-way (一、 lost) may open with 二、 or 三、 */
        if (p->num == b->part_num + 1 || (!b->seen_part && p->num <= 3 && !p->runin)) {
            int32_t i = add_node(b, GWR_NODE_PART, 0, p, p->toff, p->tlen);
            if (i < 0) return;
            d->nodes[i].role = gwr_part_role(d->nodes[i].title);
            b->part = i;
            b->sec = -1;
            b->part_num = p->num;
            b->sec_num = 0;
            b->item_num = 0;
            b->seen_part = true;
            return;
        }
        break;
    case GWR_P_SECTION:
        if (p->num == b->sec_num + 1) {
            int32_t par = b->part >= 0 ? b->part : 0;
            int32_t i = add_node(b, GWR_NODE_SECTION, par, p, p->toff, p->tlen);
            if (i < 0) return;
            b->sec = i;
            b->sec_num = p->num;
            b->sec_runin = p->runin;
            b->sec_kids = 0;
            b->item_num = 0;
            return;
        }
        break;
    case GWR_P_ITEM:
        if (p->num == 1 || p->num == b->item_num + 1) {
            add_node(b, GWR_NODE_ITEM, container(b), p, p->toff, p->tlen);
            b->item_num = p->num;
            b->sec_kids++;
            return;
        }
        break;
    case GWR_P_TOPIC:
        add_node(b, GWR_NODE_TOPIC, container(b), p, p->toff, p->tlen);
        b->sec_kids++;
        return;
    case GWR_P_TARGETS: {
        gwr_role r = b->part >= 0 ? d->nodes[b->part].role : GWR_ROLE_NONE;
        /* in a review, only the year's own targets ("今年…预期为…", a part
         * "1998年工作回顾和1999年工作的总体要求") */
        if (r == GWR_ROLE_SELF || (r == GWR_ROLE_REVIEW && !gwr_find(s, p->toff - p->off + p->tlen, "今年"))) break;
        b->sec = -1;   /* the targets paragraph belongs to the part itself */
        int32_t i = add_node(b, GWR_NODE_TARGETS, b->part >= 0 ? b->part : 0, p, p->toff, p->tlen);
        if (i >= 0) d->nodes[i].role = GWR_ROLE_PLAN;
        return;
    }
    case GWR_P_COLON:
        /* "具体抓了七个方面工作：" after a one-paragraph (run-in) section starts
         * a list of the part, not of that section */
        if (b->sec >= 0 && b->sec_runin && b->sec_kids == 0) b->sec = -1;
        break;
    default:
        break;
    }
    add_para(b, p);
}

/* Newspaper layout: each group of bare headings titles the block before it. */
static void build_trailing(builder *b, gwr_para *ps, size_t np)
{
    gwr_doc *d = b->d;
    size_t i = 0;
    while (i < np) {
        /* block [i, j) then heading group [j, g) */
        size_t j = i;
        while (j < np && ps[j].cls != GWR_P_BARE) j++;
        size_t g = j;
        while (g < np && ps[g].cls == GWR_P_BARE) g++;
        if (j == np) {               /* tail without a heading */
            for (size_t k = i; k < np; k++) place(b, &ps[k], k);
            break;
        }
        /* introductory paragraphs go to the level above, ahead of the section */
        for (size_t k = i; k < j; k++) {
            ps[k].intro = gwr_para_is_intro(d->text.norm + ps[k].off, ps[k].len);
            if (ps[k].intro || ps[k].cls == GWR_P_TARGETS) {
                b->sec = -1;
                place(b, &ps[k], k);
            }
        }
        b->sec = -1;
        int32_t par = b->part >= 0 ? b->part : 0;
        int32_t s = add_node(b, GWR_NODE_SECTION, par, &ps[j], ps[j].toff, ps[j].tlen);
        if (s < 0) return;
        b->sec = s;
        b->sec_runin = false;
        b->sec_kids = 0;
        b->item_num = 0;
        for (size_t k = i; k < j; k++) {
            if (ps[k].intro || ps[k].cls == GWR_P_TARGETS) continue;
            b->sec = s;
            place(b, &ps[k], k + 16);
        }
        b->sec = s;
        for (size_t k = j + 1; k < g; k++) add_para(b, &ps[k]);   /* subtitles */
        b->sec = -1;
        i = g;
    }
}

static void build_leading_bare(builder *b, const gwr_para *ps, size_t np)
{
    for (size_t i = 0; i < np; i++) {
        if (ps[i].cls == GWR_P_BARE && (i == 0 || ps[i - 1].cls != GWR_P_BARE) && b->seen_part == false && i >= 1) {
            b->sec = -1;
            int32_t s = add_node(b, GWR_NODE_SECTION, b->part >= 0 ? b->part : 0, &ps[i], ps[i].toff, ps[i].tlen);
            if (s < 0) return;
            b->sec = s;
            b->sec_runin = false;
            b->sec_kids = 0;
            b->item_num = 0;
            continue;
        }
        place(b, &ps[i], i);
    }
}

/* Spans, depth fix-ups and child/sibling links in two linear passes. */
static gwr_status link_tree(gwr_doc *d, gwr_err *err)
{
    size_t n = d->nnodes;
    int32_t *last = malloc(n * sizeof *last);
    uint32_t *end = malloc(n * sizeof *end);
    if (!last || !end) {
        free(last);
        free(end);
        return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", d->path);
    }
    for (size_t i = 0; i < n; i++) {
        last[i] = -1;
        end[i] = d->nodes[i].body_off + d->nodes[i].body_len;
    }
    for (size_t i = n; i-- > 1;) {
        gwr_node *c = &d->nodes[i];
        gwr_node *p = &d->nodes[c->parent];
        if (end[i] > end[c->parent]) end[c->parent] = end[i];
        if (c->body_off < p->body_off && c->parent != 0) p->body_off = c->body_off;
    }
    for (size_t i = 1; i < n; i++) {
        gwr_node *c = &d->nodes[i];
        int32_t p = c->parent;
        if (last[p] < 0) d->nodes[p].first_child = (int32_t)i;
        else d->nodes[last[p]].next_sibling = (int32_t)i;
        last[p] = (int32_t)i;
        c->body_len = end[i] - c->body_off;
    }
    d->nodes[0].body_off = 0;
    d->nodes[0].body_len = (uint32_t)d->text.norm_len;
    free(last);
    free(end);
    return GWR_OK;
}

size_t gwr_last_stop_end(const char *s, size_t n, size_t jmin)
{
    if (n < 3) return 0;
    const unsigned char *u = (const unsigned char *)s;
    size_t j = n - 2;   /* starts below j are left */
#ifdef __SSE2__
    const __m128i e3 = _mm_set1_epi8((char)0xE3), b80 = _mm_set1_epi8((char)0x80), b82 = _mm_set1_epi8((char)0x82);
    while (j >= jmin + 16) {
        size_t b = j - 16;
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_and_si128(
                         _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(u + b)), e3),
                         _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(u + b + 1)), b80)),
                         _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(u + b + 2)), b82)));
        if (m) return b + (31 - (unsigned)__builtin_clz(m)) + 3;
        j = b;
    }
#endif
    while (j > jmin) {
        j--;
        if (u[j] == 0xE3 && u[j + 1] == 0x80 && u[j + 2] == 0x82) return j + 3;
    }
    return 0;
}

/* "…取得新成效。   二、2024年工作安排": the offset of a part heading run into
 * the end of a paragraph after spaces (in the original text), else 0. */
static size_t runin_heading(const gwr_text *t, const char *s, size_t n, uint32_t off)
{
    if (n < 12) return 0;
    /* the end of the last 。, if at most 40 characters (160 bytes, valid
     * UTF-8) from the end: else no heading */
    size_t last = gwr_last_stop_end(s, n, n > 166 ? n - 166 : 0);
    if (last == 0 || last >= n || gwr_utf8_chars_max(s + last, n - last, 40) > 40) return 0;
    size_t k;
    int v = gwr_cn_number(s + last, n - last, &k);
    bool numbered = v > 0 && gwr_has_prefix(s + last + k, n - last - k, "、");
    if (!numbered && !gwr_para_is_bare_part(s + last, n - last)) return 0;
    for (size_t i = last; i < n; i++)
        if (s[i] == ',' || gwr_has_prefix(s + i, n - i, "，") || gwr_has_prefix(s + i, n - i, "；")) return 0;
    size_t o = gwr_text_orig_offset(t, off + last);
    const char *g = t->orig;
    bool space = (o >= 1 && (g[o - 1] == ' ' || g[o - 1] == '\t')) || (o >= 3 && memcmp(g + o - 3, "\xe3\x80\x80", 3) == 0);
    return space ? last : 0;
}

gwr_status gwr_outline_build(gwr_doc *d, gwr_err *err)
{
    const char *norm = d->text.norm;
    size_t len = d->text.norm_len, np = 0;
    size_t cap = len / 64 + 16;   /* a first guess, grown as needed */
    gwr_para *ps = malloc(cap * sizeof *ps);
    if (!ps) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", d->path);
    size_t k = 0, nbare = 0, first_bare = SIZE_MAX, last_bare = 0;
    for (size_t s = 0; s < len;) {
        const char *e = memchr(norm + s, '\n', len - s);
        size_t pe = e ? (size_t)(e - norm) : len;
        if (k + 2 > cap) {
            size_t nc = cap * 2;
            gwr_para *nps = realloc(ps, nc * sizeof *nps);
            if (!nps) {
                free(ps);
                return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", d->path);
            }
            ps = nps;
            cap = nc;
        }
        size_t h = runin_heading(&d->text, norm + s, pe - s, (uint32_t)s);
        if (h) {   /* the paragraph, then its run-in heading as one of its own */
            gwr_para_classify(norm + s, h, (uint32_t)s, &ps[k++]);
            s += h;
        }
        gwr_para_classify(norm + s, pe - s, (uint32_t)s, &ps[k]);
        if (ps[k].cls == GWR_P_BARE) {
            /* front matter ("政府工作报告", the speaker) is no heading */
            if (!d->text.pdf_layout || (k < 16 && gwr_front_kind(norm + s, pe - s) != GWR_FM_NONE)) {
                ps[k].cls = GWR_P_PLAIN;
            } else {
                nbare++;
                if (first_bare == SIZE_MAX) first_bare = k;
                last_bare = k;
            }
        }
        k++;
        s = pe + 1;
    }
    np = k;
    builder b = { .d = d, .part = -1, .sec = -1, .targets = -1 };
    /* about a node a paragraph: room for them at once (add_node grows it
     * when a layout makes more) */
    if (!d->nodes && (d->nodes = malloc((np + 8) * sizeof *d->nodes)) != NULL) b.cap = np + 8;
    static const gwr_para root = { 0 };
    add_node(&b, GWR_NODE_ROOT, -1, &root, 0, 0);
    if (nbare > 0) {
        /* paragraphs of body text before the first heading and after the last */
        size_t before = 0, after = 0;
        for (size_t i = 0; i < first_bare; i++) before += ps[i].cls != GWR_P_BARE && ps[i].len > 60;
        for (size_t i = last_bare + 1; i < np; i++) after += ps[i].cls != GWR_P_BARE && ps[i].len > 60;
        bool has_parts = false;
        for (size_t i = 0; i < np && !has_parts; i++) has_parts = ps[i].cls == GWR_P_PART;
        if (has_parts) {
            for (size_t i = 0; i < np; i++) if (ps[i].cls == GWR_P_BARE) ps[i].cls = GWR_P_PLAIN;
            for (size_t i = 0; i < np; i++) place(&b, &ps[i], i);
        } else if (before > after) {
            build_trailing(&b, ps, np);
        } else {
            build_leading_bare(&b, ps, np);
        }
    } else {
        for (size_t i = 0; i < np; i++) place(&b, &ps[i], i);
    }
    free(ps);
    if (b.oom) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", d->path);
    gwr_status st = link_tree(d, err);
    if (st != GWR_OK) return st;
    /* reports without parts: the sections are the plan when targets are given,
     * else other — unless a section's own title says review or self
     * ("（一）2023年工作回顾"), which then holds for the sections after it */
    if (!b.seen_part) {
        bool targets = false;
        for (size_t i = 1; i < d->nnodes && !targets; i++) targets = d->nodes[i].kind == GWR_NODE_TARGETS;
        gwr_role cur = targets ? GWR_ROLE_PLAN : GWR_ROLE_OTHER;
        for (size_t i = 1; i < d->nnodes; i++) {
            gwr_node *nd = &d->nodes[i];
            if (nd->kind == GWR_NODE_FRONT) continue;
            if (nd->parent != 0) {
                nd->role = nd->kind == GWR_NODE_TARGETS ? GWR_ROLE_PLAN : d->nodes[nd->parent].role;
                continue;
            }
            if (nd->kind == GWR_NODE_SECTION) {
                gwr_role r = gwr_part_role(nd->title);
                if (r != GWR_ROLE_OTHER) cur = r;
            }
            nd->role = nd->kind == GWR_NODE_TARGETS ? GWR_ROLE_PLAN : cur;
        }
    }
    gwr_meta_fill(d);
    gwr_roles_from_content(d);
    /* a part whose title says nothing but a year ("三、扎实推进2024年各项任务"
     * is caught by its words; "三、2024年" is not): the year decides */
    bool changed = false;
    for (size_t i = 1; i < d->nnodes; i++) {
        gwr_node *nd = &d->nodes[i];
        if (nd->kind != GWR_NODE_PART || nd->role != GWR_ROLE_OTHER) continue;
        int y = gwr_first_year(nd->title, strlen(nd->title), NULL);
        if (!y || !d->report_year) continue;
        nd->role = y >= d->report_year ? GWR_ROLE_PLAN : GWR_ROLE_REVIEW;
        changed = true;
    }
    if (changed)
        for (size_t i = 1; i < d->nnodes; i++) {
            gwr_node *nd = &d->nodes[i];
            if (nd->kind == GWR_NODE_PART || nd->kind == GWR_NODE_TARGETS || nd->parent <= 0) continue;
            nd->role = d->nodes[nd->parent].role;
        }
    return GWR_OK;
}
