/* outline_roles.c — roles of the parts from what they say and where they
 * stand, for layouts whose titles do not tell:
 *   - the first part, titled with a slogan ("改革开放和现代化建设取得伟大成就的
 *     五年"), is the review when its opening reviews: the past named (一年来,
 *     过去一年, 过去五年, 初步核算, the reviewed year …) and results reported
 *     (实现, 完成, 达到 …);
 *   - parts after the review or the plan, up to the government's own conduct,
 *     are the year's work: plan ("保持国民经济持续快速健康发展" after
 *     "1993年国内工作的回顾");
 *   - a review of several years (过去五年, 五年来, “十四五”时期…成就) is marked
 *     multiyear, and so are the nodes under it.
 * One pass over the top-level nodes; the opening looked at is bounded. */
#include "outline_internal.h"
#include <string.h>

static bool top_level(const gwr_node *nd)
{
    return nd->kind == GWR_NODE_PART || (nd->kind == GWR_NODE_SECTION && nd->depth == 1);
}

static size_t count(const char *s, size_t n, const char *w)
{
    size_t c = 0, wl = strlen(w);
    for (const char *p = s; (p = gwr_find(p, n - (size_t)(p - s), w)) != NULL; p += wl) c++;
    return c;
}

/* Opening of node i: its own text and that of its first children, at most
 * 3,000 bytes on a character boundary. */
static void opening(const gwr_doc *d, const gwr_node *nd, const char **s, size_t *n)
{
    size_t len = nd->body_len < 3000 ? nd->body_len : 3000;
    const char *p = d->text.norm + nd->body_off;
    while (len > 0 && len < nd->body_len && ((unsigned char)p[len] & 0xC0) == 0x80) len--;
    *s = p;
    *n = len;
}

static bool names_several_years(const char *s, size_t n)
{
    static const char *const w[] = { "过去五年", "五年来", "过去的五年", "这五年", "的五年", "时期工作回顾", "时期的工作回顾" };
    for (size_t i = 0; i < sizeof w / sizeof *w; i++)
        if (gwr_find(s, n, w[i])) return true;
    /* “十四五”时期…成就 */
    const char *t = gwr_find(s, n, "时期");
    return t && (gwr_find(s, n, "五”") || gwr_find(s, n, "五\"")) && gwr_find(t, n - (size_t)(t - s), "成就");
}

/* Does the opening of a part review the past? */
static bool reviews(const gwr_doc *d, const char *s, size_t n)
{
    static const char *const past[] = { "一年来", "过去一年", "过去的一年", "过去五年", "五年来", "过去的五年",
                                        "初步核算", "初步统计", "这一年", "刚刚过去", "去年" };
    static const char *const done[] = { "实现", "完成", "达到", "取得", "突破" };
    size_t p = 0, r = 0;
    for (size_t i = 0; i < sizeof past / sizeof *past; i++) p += count(s, n, past[i]);
    for (size_t i = 0; i < sizeof done / sizeof *done; i++) r += count(s, n, done[i]);
    /* the reviewed year (or the years before it) named */
    size_t after, pos = 0;
    int y;
    while (d->report_year && pos < n && (y = gwr_first_year(s + pos, n - pos, &after)) > 0) {
        if (y < d->report_year && y >= d->report_year - 5) p++;
        pos += after;
    }
    size_t future = count(s, n, "今年") + count(s, n, "明年");
    return p >= 2 && r >= 2 && p > future;
}

void gwr_roles_from_content(gwr_doc *d)
{
    if (!d->has_text) return;
    bool changed = false, first = true;
    gwr_role state = GWR_ROLE_NONE;
    for (size_t i = 1; i < d->nnodes; i++) {
        gwr_node *nd = &d->nodes[i];
        if (!top_level(nd)) continue;
        const char *s;
        size_t n;
        opening(d, nd, &s, &n);
        if (first && nd->kind == GWR_NODE_PART && nd->role == GWR_ROLE_OTHER && reviews(d, s, n)) {
            nd->role = GWR_ROLE_REVIEW;
            changed = true;
        }
        first = false;
        if (nd->role == GWR_ROLE_REVIEW) {
            size_t tl = strlen(nd->title);
            size_t on = n < 600 ? n : 600;
            while (on > 0 && on < n && ((unsigned char)s[on] & 0xC0) == 0x80) on--;
            if (names_several_years(nd->title, tl) || (!gwr_first_year(nd->title, tl, NULL) && names_several_years(s, on))) {
                nd->multiyear = true;
                changed = true;
            }
        }
        if (nd->role == GWR_ROLE_OTHER && nd->kind == GWR_NODE_PART && (state == GWR_ROLE_REVIEW || state == GWR_ROLE_PLAN)) {
            nd->role = GWR_ROLE_PLAN;
            changed = true;
        }
        if (nd->role != GWR_ROLE_OTHER) state = nd->role;
    }
    if (!changed) return;
    for (size_t i = 1; i < d->nnodes; i++) {   /* pre-order: parents come first */
        gwr_node *nd = &d->nodes[i];
        if (top_level(nd) || nd->parent <= 0) continue;
        const gwr_node *par = &d->nodes[nd->parent];
        if (nd->kind != GWR_NODE_TARGETS) nd->role = par->role;
        nd->multiyear = par->multiyear;
    }
}
