/* compare.c — achieved against planned, per entity, indicator, kind and year.
 *
 * A report of year N plans year N and reviews year N-1. For one report the
 * rows are its reviewed year's achieved figures and its plan year's targets;
 * for several reports of one entity the target of year N (report N) meets the
 * result of year N (report N+1) in one row with a verdict.
 * Only keyed, whole-year figures take part (quarters, multi-year spans,
 * ranks and comparisons with other regions do not), except that a keyed
 * multi-year target (年均增长5%, 到2030年…) is shown in a row of its own,
 * labelled by its period, never paired with one year's result. */
#include "compare.h"
#include "indicators.h"
#include "pinyin.h"
#include <stdlib.h>
#include <string.h>

static const char *const verdict_names[] = { "", "met", "missed", "unknown" };
const char *gwr_verdict_name(gwr_verdict v) { return (unsigned)v <= GWR_V_UNKNOWN ? verdict_names[v] : "?"; }

/* ---- verdicts --------------------------------------------------------- */

static bool is_rate(const char *unit)
{
    return strcmp(unit, "%") == 0 || strcmp(unit, "个百分点") == 0 || strcmp(unit, "‰") == 0;
}

/* Tolerance of 左右/约: 0.5 percentage point for rates, 5% of the target otherwise. */
static bool tolerance(const gwr_quantity *q, gwr_dec *tol)
{
    if (is_rate(q->unit)) {
        *tol = (gwr_dec){ 5, -1 };
        return true;
    }
    gwr_dec t = q->value;
    if (!gwr_dec_mul_int(&t, 5)) return false;
    t.e -= 2;
    *tol = gwr_dec_norm(t);
    return true;
}

enum { FLOOR, CEILING };

/* Is the achieved interval above a floor / below a ceiling t? */
static gwr_verdict check(int sense, bool strict, gwr_dec t, const gwr_quantity *a)
{
    bool lo_open = false, hi_open = false;
    gwr_dec lo = a->value, hi = a->value;
    switch (a->qual) {
    case GWR_Q_ATLEAST: case GWR_Q_OVER: hi_open = true; break;
    case GWR_Q_ATMOST: case GWR_Q_UNDER: lo_open = true; break;
    case GWR_Q_RANGE: hi = a->hi; break;
    default: break;
    }
    if (sense == FLOOR) {
        int c = lo_open ? -1 : gwr_dec_cmp(lo, t);
        if (c > 0 || (c == 0 && !strict)) return GWR_V_MET;
        int d = hi_open ? 1 : gwr_dec_cmp(hi, t);
        if (d < 0 || (d == 0 && strict)) return GWR_V_MISSED;
        return GWR_V_UNKNOWN;
    }
    int c = hi_open ? 1 : gwr_dec_cmp(hi, t);
    if (c < 0 || (c == 0 && !strict)) return GWR_V_MET;
    int d = lo_open ? -1 : gwr_dec_cmp(lo, t);
    if (d > 0 || (d == 0 && strict)) return GWR_V_MISSED;
    return GWR_V_UNKNOWN;
}

/* Weights meet in 斤 (grain is planned in 亿斤 and reported in 万吨). */
static int64_t jin_per(const char *unit)
{
    if (strcmp(unit, "斤") == 0) return 1;
    if (strcmp(unit, "公斤") == 0 || strcmp(unit, "千克") == 0) return 2;
    if (strcmp(unit, "吨") == 0) return 2000;
    return 0;
}

static bool to_jin(gwr_quantity *q)
{
    int64_t k = jin_per(q->unit);
    if (!k || !gwr_dec_mul_int(&q->value, k) || !gwr_dec_mul_int(&q->hi, k)) return false;
    strcpy(q->unit, "斤");
    return true;
}

gwr_verdict gwr_verdict_of(const gwr_figure *planned, const gwr_figure *achieved, const char *key)
{
    if (!planned || !achieved) return GWR_V_NONE;
    gwr_quantity pc = gwr_fig_quantity(planned), ac = gwr_fig_quantity(achieved);
    const gwr_quantity *p = &pc, *a = &ac;
    if (strcmp(p->unit, a->unit) != 0 && jin_per(p->unit) && jin_per(a->unit) && !(to_jin(&pc) && to_jin(&ac)))
        return GWR_V_UNKNOWN;
    if (planned->kind != achieved->kind || strcmp(p->unit, a->unit) != 0 ||
        ((p->flags | a->flags) & (GWR_QF_OVERFLOW | GWR_QF_RATIO | GWR_QF_RANK)))
        return GWR_V_UNKNOWN;
    const gwr_indicator *ind = key ? gwr_indicator_by_key(key) : NULL;
    bool up = !ind || ind->dir == GWR_DIR_UP;
    if (planned->kind == GWR_FK_DECLINE) up = !up;      /* a bigger fall of a "less is better" indicator */
    gwr_dec t = p->value, tol;
    switch (p->qual) {
    case GWR_Q_ATLEAST: return check(FLOOR, false, t, a);
    case GWR_Q_OVER:    return check(FLOOR, true, t, a);
    case GWR_Q_ATMOST:  return check(CEILING, false, t, a);
    case GWR_Q_UNDER:   return check(CEILING, true, t, a);
    case GWR_Q_RANGE:   return check(up ? FLOOR : CEILING, false, up ? p->value : p->hi, a);
    case GWR_Q_ABOUT:
        if (!tolerance(p, &tol)) return GWR_V_UNKNOWN;
        if (!(up ? gwr_dec_sub(&t, p->value, tol) : gwr_dec_add(&t, p->value, tol))) return GWR_V_UNKNOWN;
        return check(up ? FLOOR : CEILING, false, t, a);
    default:
        return check(up ? FLOOR : CEILING, false, t, a);
    }
}

/* ---- rows --------------------------------------------------------------- */

typedef struct ref {
    const gwr_doc    *doc;
    size_t            doc_index;
    const gwr_figure *fig;
    const char       *entity;
    const char       *name;      /* the key, or the name as written for an unkeyed figure */
    int               rank;      /* indicator rank; unkeyed figures after all keys */
} ref;

enum { UNKEYED_RANK = 1 << 20, UNKEYED_MIN_CHARS = 5 };

/* Names specific enough to pair across reports: five characters or more,
 * not a comparison with other regions. */
static bool pairable_name(const char *name)
{
    size_t chars = 0;
    for (const char *p = name; *p; p++)
        if (((unsigned char)*p & 0xC0) != 0x80) chars++;
    return chars >= UNKEYED_MIN_CHARS && !strstr(name, "高于") && !strstr(name, "低于") &&
           !strstr(name, "快于") && !strstr(name, "慢于");
}

static const char *entity_of(const gwr_doc *d)
{
    return d->entity && d->entity[0] ? d->entity : d->path;
}

/* growth first: the way targets are written */
static int kind_order(gwr_fig_kind k)
{
    static const int order[GWR_FK__COUNT] = { 1, 0, 2, 3, 5, 4 };
    return (unsigned)k < GWR_FK__COUNT ? order[k] : 9;
}

static int cmp_ref(const void *pa, const void *pb)
{
    const ref *a = pa, *b = pb;
    int c;
    if (a->rank != b->rank) return a->rank < b->rank ? -1 : 1;
    if ((c = strcmp(a->name, b->name)) != 0) return c;
    if ((c = gwr_py_collate(a->entity, b->entity)) != 0) return c;   /* 恩施 荆门 荆州 天门 咸宁 */
    if (a->fig->year != b->fig->year) return a->fig->year < b->fig->year ? -1 : 1;
    if ((c = kind_order(a->fig->kind) - kind_order(b->fig->kind)) != 0) return c;
    if (a->fig->period != b->fig->period) return a->fig->period < b->fig->period ? -1 : 1;
    if (a->fig->status != b->fig->status) return a->fig->status < b->fig->status ? -1 : 1;
    /* the best figure of a group first */
    bool an = a->fig->status == GWR_ST_ACHIEVED ? a->doc->reviewed_year == a->fig->year
                                                : a->doc->report_year == a->fig->year;
    bool bn = b->fig->status == GWR_ST_ACHIEVED ? b->doc->reviewed_year == b->fig->year
                                                : b->doc->report_year == b->fig->year;
    if (an != bn) return an ? -1 : 1;
    if (a->fig->headline != b->fig->headline) return a->fig->headline ? -1 : 1;
    /* a part is never more than the whole: of two amounts reached in one year
     * (新增就业5650人 for the district, 新增就业3000人 for one project) the larger */
    if (a->fig->status == GWR_ST_ACHIEVED && a->fig->kind == GWR_FK_LEVEL && a->doc == b->doc &&
        !is_rate(gwr_fig_unit(a->fig)) && strcmp(gwr_fig_unit(a->fig), gwr_fig_unit(b->fig)) == 0 &&
        (c = gwr_dec_cmp(gwr_fig_value(a->fig), gwr_fig_value(b->fig))) != 0)
        return c > 0 ? -1 : 1;
    /* a result written exactly beats one written as a bound (突破1000亿元、达到1028.9亿元) */
    bool ab = gwr_fig_qual(a->fig) != GWR_Q_EXACT && gwr_fig_qual(a->fig) != GWR_Q_ABOUT;
    bool bb = gwr_fig_qual(b->fig) != GWR_Q_EXACT && gwr_fig_qual(b->fig) != GWR_Q_ABOUT;
    if (a->fig->status == GWR_ST_ACHIEVED && ab != bb) return ab ? 1 : -1;
    if (a->doc_index != b->doc_index) return a->doc_index < b->doc_index ? -1 : 1;
    return a->fig < b->fig ? -1 : a->fig > b->fig;
}

static bool same_group(const ref *a, const ref *b)
{
    return a->rank == b->rank && strcmp(a->name, b->name) == 0 && strcmp(a->entity, b->entity) == 0 &&
           a->fig->year == b->fig->year && a->fig->kind == b->fig->kind && a->fig->period == b->fig->period;
}

gwr_status gwr_compare_build(gwr_cmp *c, gwr_doc *const *docs, size_t n, gwr_err *err)
{
    c->rows = NULL;
    c->nrows = 0;
    size_t nref = 0, cap = 0;
    ref *refs = NULL;
    for (size_t i = 0; i < n; i++) {
        const gwr_doc *d = docs[i];
        for (size_t j = 0; j < d->nfigs; j++) {
            const gwr_figure *f = &d->figs[j];
            const gwr_indicator *ind = f->key ? gwr_indicator_by_key(f->key) : NULL;
            bool span_target = f->period == GWR_PER_MULTIYEAR && f->status == GWR_ST_PLANNED && ind;
            if ((f->period != GWR_PER_YEAR && !span_target) || f->kind == GWR_FK_RANK || f->year == 0) continue;
            if (!ind && !pairable_name(f->name)) continue;
            if (nref == cap) {
                cap = cap ? cap * 2 : 256;
                ref *nr = realloc(refs, cap * sizeof *nr);
                if (!nr) {
                    free(refs);
                    return gwr_err_set(err, GWR_E_NOMEM, "compare: out of memory");
                }
                refs = nr;
            }
            refs[nref++] = (ref){ d, i, f, entity_of(d), ind ? ind->key : f->name,
                                  ind ? ind->rank : UNKEYED_RANK };
        }
    }
    if (nref) qsort(refs, nref, sizeof *refs, cmp_ref);
    if (nref) c->rows = calloc(nref, sizeof *c->rows);
    if (nref && !c->rows) {
        free(refs);
        return gwr_err_set(err, GWR_E_NOMEM, "compare: out of memory");
    }
    for (size_t i = 0; i < nref;) {
        size_t j = i;
        const ref *planned = NULL, *achieved = NULL;
        for (; j < nref && same_group(&refs[i], &refs[j]); j++) {
            if (refs[j].fig->status == GWR_ST_PLANNED && !planned) planned = &refs[j];
            if (refs[j].fig->status == GWR_ST_ACHIEVED && !achieved) achieved = &refs[j];
        }
        /* an unkeyed indicator is shown only where report N's target meets
         * report N+1's result under the very same name */
        if (refs[i].rank == UNKEYED_RANK &&
            !(planned && achieved && planned->doc->report_year == planned->fig->year &&
              achieved->doc->reviewed_year == achieved->fig->year && planned->doc != achieved->doc)) {
            i = j;
            continue;
        }
        const ref *r = achieved ? achieved : planned;
        if (planned && achieved && planned->doc->report_year > achieved->doc->report_year) r = planned;
        gwr_cmp_row *row = &c->rows[c->nrows++];
        row->doc = r->doc;
        row->entity = r->entity;
        row->key = r->fig->key;
        row->label = r->fig->key ? gwr_indicator_by_key(r->fig->key)->label : r->fig->name;
        row->kind = r->fig->kind;
        row->year = r->fig->year;
        row->period = r->fig->period;
        row->planned = planned ? planned->fig : NULL;
        row->achieved = achieved ? achieved->fig : NULL;
        row->verdict = gwr_verdict_of(row->planned, row->achieved, row->key);
        i = j;
    }
    free(refs);
    return GWR_OK;
}

void gwr_compare_free(gwr_cmp *c) { free(c->rows); c->rows = NULL; c->nrows = 0; }
