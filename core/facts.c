/* facts.c — the document walk: paragraphs → sentences → figures, each with
 * its status (achieved in the review part, planned in the plan part and the
 * targets paragraph), the year it refers to, its line, node and sentence.
 * One pass over the text; figures go into one growing array, their strings
 * into the document's arena (a sentence is copied once for all its figures). */
#include "facts.h"
#include "facts_internal.h"
#include "indicators.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A name given to figures: its arena copy (shared by every figure of that
 * name) and the indicator it matches, asked once. */
enum { FX_MEMO = 256 };
typedef struct fx_name_memo {
    const char          *name;      /* NULL: empty slot */
    uint32_t             n;
    bool                 matched;   /* ind is known */
    const gwr_indicator *ind;
} fx_name_memo;

/* A hash of a name from its length and its first and last eight bytes
 * (names are short: most are wholly in those). */
static inline uint64_t name_hash(const char *s, size_t n)
{
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
    } else {
        memcpy(&a, s, n);
    }
    uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ (b * 0xC2B2AE3D27D4EB4Full) ^ n;
    h ^= h >> 29;
    return h * 0xBF58476D1CE4E5B9ull;
}


/* The indicators of the names a thread has matched, whatever the report:
 * reports of a corpus name the same indicators in the same words, and the
 * match depends on the name's bytes alone. */
enum { IND_SLOTS = 2048, IND_NAME = 62 };
typedef struct ind_slot {
    const gwr_indicator *ind;
    uint8_t              n;              /* the name's length + 1, 0 for an empty slot */
    char                 name[IND_NAME];
} ind_slot;
/* Allocated when a thread first asks, freed when it ends. */
static _Thread_local ind_slot *ind_memo;
static pthread_key_t ind_key;
static pthread_once_t ind_key_once = PTHREAD_ONCE_INIT;
static bool ind_key_ok;
static void ind_key_make(void) { ind_key_ok = pthread_key_create(&ind_key, free) == 0; }

static ind_slot *ind_table(void)
{
    if (ind_memo) return ind_memo;
    pthread_once(&ind_key_once, ind_key_make);
    if (!ind_key_ok) return NULL;
    return ind_memo = fx_thread_table(ind_key, IND_SLOTS, sizeof *ind_memo);
}

void *fx_thread_table(pthread_key_t key, size_t n, size_t size)
{
    void *t = calloc(n, size);
    if (t && pthread_setspecific(key, t) != 0) {
        free(t);
        t = NULL;
    }
    return t;
}

/* h: name_hash of the name */
static const gwr_indicator *indicator_of(const char *name, size_t n, uint64_t h)
{
    ind_slot *table = n < IND_NAME ? ind_table() : NULL;
    if (!table) return gwr_indicator_match(name, n);
    /* two ways: the newer name first, the one it displaced second */
    ind_slot *e = &table[(size_t)(h >> 40) & (IND_SLOTS - 2)];
    for (int k = 0; k < 2; k++)
        if (e[k].n == n + 1 && memcmp(e[k].name, name, n) == 0) return e[k].ind;
    e[1] = e[0];
    e->ind = gwr_indicator_match(name, n);
    e->n = (uint8_t)(n + 1);
    memcpy(e->name, name, n);
    return e->ind;
}

/* The ids of the units last seen: a unit of up to 15 bytes (the scanner
 * zeroes the rest of its field) by its first sixteen bytes. */
enum { UNIT_MEMO = 16 };
typedef struct unit_memo {
    uint64_t a, b;
    uint16_t id;
    bool     set;
} unit_memo;

typedef struct walk {
    gwr_doc    *d;
    size_t      cap;
    gwr_status  st;
    /* the sentence being read */
    const char *s;
    uint32_t    base;          /* offset of s in text.norm */
    size_t      n;
    size_t      end_len;       /* bytes of the end mark at the end of s (。 3, ! 1), or 0 */
    uint32_t copy;             /* the sentence's offset in d->sents, made on the first figure */
    int32_t     node;
    gwr_fig_status status;
    int         year;
    bool        headline;
    bool        multiyear;     /* 到2025年… */
    size_t      para_first;    /* index of the paragraph's first figure */
    bool        para_open;     /* the next sentence opens a paragraph */
    bool        para_past;     /* the paragraph opened with 过去的一年 / 去年 */
    int         para_year;     /* the earlier year whose results the paragraph opened with, or 0 */
    bool        para_plan;     /* the paragraph opened with this year's targets */
    int         para_span;     /* end year of the five-year targets the paragraph opened with, or 0 */
    int32_t     tgt_node;      /* the node whose in_targets tgt holds, or -2 */
    bool        tgt;
    int32_t     head_node;     /* the node whose five-year heading span head_span holds, or -2 */
    int         head_span;
    int        *heading;       /* per node: its title's five-year span, 0 for none, -1 not yet read (or NULL) */
    fx_name_memo names[FX_MEMO];   /* the names of the report's figures, by a hash of their bytes */
    size_t      map_at;        /* the text's norm→orig checkpoint and line of the last figure */
    size_t      line_at;
    unit_memo   units[UNIT_MEMO];
} walk;

static uint16_t unit_id(walk *w, const char *unit)
{
    _Static_assert(sizeof ((gwr_quantity *)0)->unit >= 16, "a unit's first sixteen bytes");
    if (unit[15] != '\0') return gwr_unit_id(unit);
    uint64_t a, b;
    memcpy(&a, unit, 8);
    memcpy(&b, unit + 8, 8);
    unit_memo *m = &w->units[(size_t)(((a ^ b * 0x9E3779B97F4A7C15ull) * 0xBF58476D1CE4E5B9ull) >> 60)];
    if (!m->set || m->a != a || m->b != b) *m = (unit_memo){ a, b, gwr_unit_id(unit), true };
    return m->id;
}

/* fx_last_at_or_before where the answer is most often the last one: the
 * figures of a sentence stand on one line */
static inline size_t at_or_before(const uint32_t *a, size_t n, size_t from, size_t k)
{
    if (from < n && a[from] <= k) {
        if (from + 1 >= n || a[from + 1] > k) return from;
        if (from + 2 >= n || a[from + 2] > k) return from + 1;
    }
    return fx_last_at_or_before(a, n, from, k);
}

/* gwr_text_norm_line for offsets that mostly grow (figures in text order):
 * the checkpoint and the line of the last figure are where the next search
 * starts. */
static uint32_t fig_line(walk *w, size_t norm_off)
{
    const gwr_text *t = &w->d->text;
    size_t o;
    if (t->map_len == 0) {
        o = norm_off < t->orig_len ? norm_off : t->orig_len;
    } else {
        size_t c = w->map_at = at_or_before(t->map_norm, t->map_len, w->map_at, norm_off);
        o = t->map_orig[c];
        if (norm_off > t->map_norm[c]) o += norm_off - t->map_norm[c];
        if (o > t->orig_len) o = t->orig_len;
    }
    if (t->nlines == 0) return 1;
    w->line_at = at_or_before(t->line_start, t->nlines, w->line_at, o);
    return (uint32_t)w->line_at + 1;
}

/* Is a name the measured noun phrase? Not when it is empty, a single
 * character ("下" of 下降至) or only a verb of doing (完成, 加快推进). */
/* The verbs of doing that name nothing alone, sorted by length then bytes
 * (once, for a binary search). */
#define VERBS(X) \
    X("完成") X("实现") X("达到") X("达") X("加快推进") X("推进") X("加快") X("参与") X("惠及") X("获") \
    X("获得") X("带动") X("超过") X("突破") X("增加") X("减少") X("提高") X("下降") X("增长") X("开展") \
    X("落实") X("共") X("累计") X("其中") X("确保") X("力争") X("争取") X("新增") X("共有") X("拥有") \
    X("有") X("是") X("为") X("占") X("下") X("上")
#define V(lit) { lit, sizeof lit - 1 },
static fx_str verbs_sorted[] = { VERBS(V) };
#undef V
enum { NVERBS = sizeof verbs_sorted / sizeof verbs_sorted[0] };
static pthread_once_t verbs_once = PTHREAD_ONCE_INIT;
static _Atomic bool verbs_ready;             /* verbs_sort has run: no call to pthread_once */

static int verb_cmp(const void *a, const void *b)
{
    const fx_str *x = a, *y = b;
    if (x->n != y->n) return x->n < y->n ? -1 : 1;
    return memcmp(x->s, y->s, x->n);
}

static void verbs_sort(void)
{
    qsort(verbs_sorted, NVERBS, sizeof verbs_sorted[0], verb_cmp);
    verbs_ready = true;
}

static bool name_found(fx_str n)
{
#define L(lit) | ((uint64_t)1 << (sizeof lit - 1))
    static const uint64_t lens = 0 VERBS(L);     /* the lengths of the verbs, as bits */
#undef L
    n = fx_trim(n);
    if (n.n == 0 || fx_chars_upto(n, 2) < 2) return false;
    if (n.n >= 64 || !((lens >> n.n) & 1)) return true;   /* no verb has its length */
    if (!verbs_ready) pthread_once(&verbs_once, verbs_sort);
    return bsearch(&n, verbs_sorted, NVERBS, sizeof verbs_sorted[0], verb_cmp) == NULL;
}
#undef VERBS

static void on_fig(void *ctx, const fx_fig *f)
{
    walk *w = ctx;
    gwr_doc *d = w->d;
    if (w->st != GWR_OK) return;
    if (d->nfigs == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 16 + d->text.norm_len / 128;   /* about as many as a report has */
        gwr_figure *nf = realloc(d->figs, cap * sizeof *nf);
        if (!nf) {
            w->st = GWR_E_NOMEM;
            return;
        }
        d->figs = nf;
        w->cap = cap;
    }
    if (!w->copy && !(w->copy = gwr_doc_add_sentence(d, w->s, w->n))) {
        w->st = GWR_E_NOMEM;
        return;
    }
    /* 经济增长8.8%: the verb completes the name */
    bool econ = f->kind == GWR_FK_GROWTH && !f->compare &&
                ((f->name_len == strlen("经济") && memcmp(f->name, "经济", f->name_len) == 0) ||
                 (f->name_len == strlen("国民经济") && memcmp(f->name, "国民经济", f->name_len) == 0));
    const char *fname = econ ? "经济增长" : f->name;
    size_t fname_len = econ ? strlen("经济增长") : f->name_len;
    /* "一般公共预算收入剔除虚增空转因素后": the indicator is named without how it
     * was counted (the sentence keeps that) */
    if (fname_len > 6 && fx_ends(fx_span(fname, fname_len), "后"))
        for (size_t i = fname_len - 6; i-- > 0;)
            if (memcmp(fname + i, "剔除", 6) == 0) {
                if (i > 0) fname_len = i;
                break;
            }
    if (!name_found(fx_span(fname, fname_len))) {
        fname = GWR_FIG_NO_NAME;
        fname_len = strlen(GWR_FIG_NO_NAME);
    }
    gwr_figure *g = &d->figs[d->nfigs];
    memset(g, 0, sizeof *g);
    /* figures of a report often share their name (增长7%、8%; the same
     * indicator in review and plan): one copy, matched once */
    uint64_t h = name_hash(fname, fname_len);
    fx_name_memo *m = &w->names[(size_t)(h >> 56) & (FX_MEMO - 1)];
    if (!m->name || m->n != fname_len || memcmp(m->name, fname, fname_len) != 0) {
        const char *copy = gwr_arena_strndup(&d->arena, fname, fname_len);
        if (!copy) {
            w->st = GWR_E_NOMEM;
            return;
        }
        *m = (fx_name_memo){ .name = copy, .n = (uint32_t)fname_len };
    }
    g->name = m->name;
    g->written = gwr_arena_strndup(&d->arena, w->s + f->q->off, f->q->len);
    if (!g->written) {
        w->st = GWR_E_NOMEM;
        return;
    }
    const gwr_indicator *ind = NULL;
    if (!f->compare) {
        if (!m->matched) {
            m->ind = indicator_of(fname, fname_len, h);
            m->matched = true;
        }
        ind = m->ind;
    }
    g->key = ind ? ind->key : NULL;
    g->kind = f->kind;
    const gwr_quantity *q = f->q;
    gwr_fig_set_value(g, q->value);
    gwr_fig_set_hi(g, q->hi);
    g->unit_ = (q->unit_id ? q->unit_id : unit_id(w, q->unit)) & 0x3fffu;
    gwr_fig_set_qual(g, f->qual);
    gwr_fig_set_flags(g, q->flags);
    g->status = f->target ? GWR_ST_PLANNED : w->status;   /* 完成了增长7%的目标 */
    g->year = w->year;
    g->period = w->multiyear && f->period == GWR_PER_YEAR ? GWR_PER_MULTIYEAR : f->period;
    /* a change measured from a year before the previous one spans several years */
    if (f->base_year && g->year && f->base_year < g->year - 1 && g->kind != GWR_FK_LEVEL) g->period = GWR_PER_MULTIYEAR;
    g->line = fig_line(w, w->base + f->q->off);
    gwr_fig_set_sentence(g, w->copy);
    g->node = w->node;
    g->headline = w->headline;
    d->nfigs++;
}

/* Innermost node holding offset off; *cur walks forward with off. */
static int32_t node_at(const gwr_doc *d, size_t *cur, size_t off)
{
    if (d->nnodes == 0) return -1;
    while (*cur + 1 < d->nnodes && d->nodes[*cur + 1].body_off <= off) (*cur)++;
    int32_t i = (int32_t)*cur;
    while (i > 0) {
        const gwr_node *nd = &d->nodes[i];
        if (nd->body_off <= off && off < (size_t)nd->body_off + nd->body_len) break;
        i = nd->parent;
    }
    return i < 0 ? 0 : i;
}

static bool in_targets(const gwr_doc *d, int32_t i)
{
    for (; i > 0; i = d->nodes[i].parent)
        if (d->nodes[i].kind == GWR_NODE_TARGETS) return true;
    return false;
}

static bool plan_words(const fx_words *kw)
{
#define PLAN(X) X(LIZHENG) X(QUEBAO) X(ZHENGQU) X(YUQI) X(MUBIAO) X(JIHUA) X(JIANG) X(YAO)
    static const uint64_t plan[2] = FX_SET(PLAN);
#undef PLAN
    return fx_has_set(kw, plan);
}

/* The year at s.s + i: -1 to look on from *next, else the clause's year or 0. */
static int clause_year_at(fx_str s, const fx_words *kw, size_t i, size_t *next)
{
    *next = i + 1;
    size_t k;
    int y = fx_year_at(fx_span(s.s + i, s.n - i), &k);
    if (!y) return -1;
    if (i + 4 < s.n && s.s[i + 4] >= '0' && s.s[i + 4] <= '9') return -1;
    if (i > 0 && s.s[i - 1] >= '0' && s.s[i - 1] <= '9') return -1;
    fx_str before = fx_span(s.s, i);
    size_t cl;
    /* "按一九八○年不变价格计算", "比2002年": a base, look further */
    if (fx_ends(before, "按") || fx_ends(before, "比") || fx_ends(before, "较") || fx_ends(before, "同") ||
        fx_ends(before, "与") || fx_ends(before, "从") || fx_ends(before, "由")) {
        *next = i + k;
        return -1;
    }
    bool opens = i == 0 || (i >= 3 && fx_is_punct_at(s.s + i - 3, 3, &cl) && cl == 3);
    bool at = fx_ends(before, "在") && (i == 3 || (i >= 6 && fx_is_punct_at(s.s + i - 6, 3, &cl)));
    /* "国民生产总值1987年达到10920亿元": the year between name and verb */
    fx_str after = fx_span(s.s + i + k, s.n - i - k);
    bool named = fx_starts(after, "达到") || fx_starts(after, "实现") || fx_starts(after, "完成") ||
                 fx_starts(after, "底") || fx_starts(after, "末");
    if (!opens && !at && !named) return 0;   /* the first year is inside a clause: no say */
    /* "在1992年快速增长的基础上，1993年…", "1989年四季度以来，…": a base or a
     * starting point, not the figure's year */
    size_t e = i + k;
    while (e < s.n && !fx_is_punct_at(s.s + e, s.n - e, &cl)) e++;
    fx_str clause = fx_span(s.s + i, e - i);
    if (fx_part_has(kw, clause, FXW_JICHUSHANG) || fx_part_has(kw, clause, FXW_YILAI)) {
        *next = e + 1;
        return -1;
    }
    return y;
}

/* The places of s where a year may start: 12 bytes (Chinese numerals) or
 * 4 bytes (digits) before each 年 the sentence scan found, in order. */
typedef struct year_places {
    const fx_words *kw;
    size_t off;          /* s's offset in the scanned sentence */
    uint32_t t;          /* the next 年 */
    unsigned u;          /* the next distance before it */
} year_places;

static inline bool year_place_next(year_places *it, fx_str s, size_t *at)
{
    static const size_t backs[] = { 12, 4 };
    for (; it->t < it->kw->nnian; it->t++, it->u = 0) {
        if (it->kw->nian[it->t] < it->off) continue;
        size_t j = it->kw->nian[it->t] - it->off;
        if (j + 3 > s.n) return false;
        while (it->u < 2) {
            size_t back = backs[it->u++];
            if (j >= back) {
                *at = j - back;
                return true;
            }
        }
    }
    return false;
}

/* The first year that opens a clause: "2001年，…", "…。2001年国内生产总值达到…",
 * "在2001年…". A year after 比/较/由/从 is a base of comparison, not the figure's. */
static int clause_year_scan(fx_str s, const fx_words *kw);

static inline int clause_year(fx_str s, const fx_words *kw)
{
    if (kw->nian_all && kw->nnian == 0) return 0;     /* no 年 in the sentence: no year */
    return clause_year_scan(s, kw);
}

static int clause_year_scan(fx_str s, const fx_words *kw)
{
    size_t next = 0;
    if (kw->nian_all) {
        /* a year is four digits before a 年 the sentence scan found: try
         * the places a Chinese (12 bytes) or an ASCII (4 bytes) year would start */
        year_places it = { kw, (size_t)(s.s - kw->full), 0, 0 };
        size_t at;
        while (year_place_next(&it, s, &at)) {
            if (at < next) continue;
            int y = clause_year_at(s, kw, at, &next);
            if (y >= 0) return y;
        }
        return 0;
    }
    for (size_t i = 0; i + 7 <= s.n; i = next) {
        if ((s.s[i] < '1' || s.s[i] > '2') && (unsigned char)s.s[i] != 0xE4) {
            next = i + 1;
            continue;
        }
        int y = clause_year_at(s, kw, i, &next);
        if (y >= 0) return y;
    }
    return 0;
}

/* A sentence stating this year's targets, whatever part it stands in:
 * "今年经济社会发展的主要预期目标是：…", "今年…力争增长8%", "宏观调控的主要目标是：…". */
static bool year_targets_sentence(const fx_words *kw)
{
#define TARGETS(X) X(YQMB_SHI) X(YQMB_WEI) X(ZYMB_SHI) X(ZYMB_WEI) X(TKMB) X(KZMB) X(YQMB)
    static const uint64_t t[2] = FX_SET(TARGETS);
#undef TARGETS
    bool this_year = fx_has(kw, FXW_JINNIAN) || fx_has(kw, FXW_BENNIAN);
    if (fx_has_set(kw, t)) return this_year || fx_has(kw, FXW_MB_SHI) || fx_has(kw, FXW_MB_WEI);
    return this_year && plan_words(kw) && !fx_has(kw, FXW_JINNIAN_YILAI) && !fx_has(kw, FXW_JINNIAN_QIAN) &&
           !fx_has(kw, FXW_JINNIAN_1);
}

/* Five-year targets: "今后五年国内生产总值年均增长7.5%", "“十四五”时期经济社会发展的主要目标",
 * "《纲要（草案）》提出…". Returns the end year (a 到20XX年 in the sentence, else
 * the fifth year of the plan that starts with the report year), or 0. */
static int five_year_end(fx_str s, const fx_words *kw, int report_year);

/* Does the sentence of kw speak of five-year targets (its words alone)? */
static inline bool five_year_words(const fx_words *kw)
{
#define PLANS(X) X(JHWN) X(WLWN) X(GHGY) X(GYCA) X(GYCA2) X(WNGH) X(WNJH) X(WQJH) X(WQGH) X(JHCA)
    static const uint64_t w[2] = FX_SET(PLANS);
#undef PLANS
    bool hit = fx_has_set(kw, w);
    /* "“十四五”时期…目标", "十五期间…要" */
    if (!hit && (fx_has(kw, FXW_WQSQ) || fx_has(kw, FXW_WQQJ) || fx_has(kw, FXW_WSQ)) &&
        (fx_has(kw, FXW_MUBIAO) || fx_has(kw, FXW_YUQI) || fx_has(kw, FXW_LIZHENG) || fx_has(kw, FXW_YAO)))
        hit = !fx_has(kw, FXW_GQWN) && !fx_has(kw, FXW_WNL);
    return hit && !fx_has(kw, FXW_JINNIAN);
}

static inline int five_year_targets(fx_str s, const fx_words *kw, int report_year)
{
    return five_year_words(kw) ? five_year_end(s, kw, report_year) : 0;
}

/* The end year of the five-year targets of s. */
/* A year at i of s that ends the five-year targets ("到2025年"), or 0. */
static int five_year_end_at(fx_str s, size_t i, int report_year)
{
    size_t k;
    int y = fx_year_at(fx_span(s.s + i, s.n - i), &k);
    if (y > report_year && y <= report_year + 15 && i >= 3 &&
        (memcmp(s.s + i - 3, "到", 3) == 0 || memcmp(s.s + i - 3, "至", 3) == 0))
        return y;
    return 0;
}

static int five_year_end(fx_str s, const fx_words *kw, int report_year)
{
    if (kw->nian_all && (size_t)(s.s - kw->full) <= kw->nfull) {
        /* a year stands 4 (ASCII) or 12 (Chinese) bytes before a 年 of the
         * sentence: the first such place that holds one */
        year_places it = { kw, (size_t)(s.s - kw->full), 0, 0 };
        size_t at, best = SIZE_MAX;
        int best_y = 0;
        while (year_place_next(&it, s, &at)) {
            if (at >= best) continue;
            int y = five_year_end_at(s, at, report_year);
            if (y) {
                best = at;
                best_y = y;
            }
        }
        return best_y ? best_y : report_year + 4;
    }
    for (size_t i = 0; i + 7 <= s.n; i++) {
        int y = five_year_end_at(s, i, report_year);
        if (y) return y;
    }
    return report_year + 4;
}

/* A heading of the five-year targets: "“十五五”时期的主要目标任务", "今后五年的主要目标";
 * not "2006年是实施“十一五”规划的第一年" (the year's own work). Its end year, or 0. */
static int five_year_heading(fx_str t, int report_year)
{
    if (!fx_contains(t, "目标")) return 0;
    char yr[16];
    if (report_year >= 1000 && report_year <= 9999) {    /* "2024年" without a call to snprintf */
        for (int k = 3, y = report_year; k >= 0; k--, y /= 10) yr[k] = (char)('0' + y % 10);
        memcpy(yr + 4, "年", sizeof "年");
    } else {
        snprintf(yr, sizeof yr, "%d年", report_year);
    }
    if (fx_contains(t, yr) || fx_contains(t, "今年") || fx_contains(t, "回顾")) return 0;
    if (!fx_contains(t, "五”时期") && !fx_contains(t, "五”期间") && !fx_contains(t, "五时期") &&
        !fx_contains(t, "今后五年") && !fx_contains(t, "未来五年") && !fx_contains(t, "规划纲要"))
        return 0;
    fx_words kw;
    fx_words_scan(&kw, t, t);
    return five_year_targets(t, &kw, report_year);
}

/* Keyed review figures of a paragraph that names two or more headline
 * indicators (地区生产总值增长…、固定资产投资增长…) are headline figures. */
static void mark_headline(gwr_doc *d, size_t first)
{
    const char *k1 = NULL;
    bool two = false;
    for (size_t i = first; i < d->nfigs && !two; i++) {
        const char *k = d->figs[i].key;
        if (!k || d->figs[i].period != GWR_PER_YEAR || d->figs[i].status != GWR_ST_ACHIEVED) continue;
        if (!k1) k1 = k;
        else if (strcmp(k, k1) != 0) two = true;
    }
    if (two)
        for (size_t i = first; i < d->nfigs; i++)
            if (d->figs[i].key && d->figs[i].status == GWR_ST_ACHIEVED) d->figs[i].headline = true;
}

/* Words of a result in a sentence about a plan: "十五计划的主要目标已经实现". */
static bool plan_words_past(const fx_words *kw)
{
#define PAST(X) X(YJSX) X(WCL) X(SLWC) X(SLWC2) X(TQSX) X(WNL) X(GQWN)
    static const uint64_t past[2] = FX_SET(PAST);
#undef PAST
    return fx_has_set(kw, past);
}

/* Can a sentence without figures that opens a paragraph say something of
 * the paragraph (below: para_span, para_past, para_year, para_plan)? Only
 * with the words each of those needs: the five-year plan's (all hold 五, 纲
 * or 计划草案), a start in 过去的一年 / 过去一年 / 去年 / 一年来, a year, or this
 * year's targets (目标, or 今年 / 本年 with a plan word). Looked for in the
 * whole sentence (s is its trimmed span): more than needed, never less. */
static bool may_open_paragraph(fx_str full, fx_str s)
{
    if (fx_starts(s, "过去的一年") || fx_starts(s, "过去一年") || fx_starts(s, "去年") || fx_starts(s, "一年来"))
        return true;
    unsigned m = fx_opener_chars(full);    /* 五 纲 计 目 今 本, and 年 for a year */
    return (m & 0x3F) || ((m & 0x40) && fx_has_year(full));
}

static void sentence(walk *w, fx_qbuf *qb, size_t *cur, bool has_review, bool has_plan, int reviewed)
{
    gwr_doc *d = w->d;
    if (!fx_sentence_scan(w->s, w->n, w->end_len, qb)) {
        w->st = GWR_E_NOMEM;
        return;
    }
    /* A sentence without figures matters only for what it says of its
     * paragraph: when it opens one, or names the year of the results that
     * follow ("2001年…", which needs a year, and a paragraph not opened by
     * this year's targets). */
    if (qb->n == 0 && !w->para_open && (w->para_plan || !fx_has_year(fx_span(w->s, w->n)))) return;
    /* the end mark (。！？!?) is punctuation that the trim would drop first */
    fx_str s = fx_trim(fx_span(w->s, w->n - w->end_len));
    if (qb->n == 0 && w->para_open && !may_open_paragraph(fx_span(w->s, w->n), s)) {
        w->para_open = false;
        return;
    }
    fx_words kwords, *kw = &kwords;
    fx_words_scan_in(kw, fx_span(w->s, w->n), s, d->text.norm_len - w->base);
    w->node = node_at(d, cur, w->base);
    int32_t nd = w->node;
    gwr_role role = nd >= 0 && (size_t)nd < d->nnodes ? d->nodes[nd].role : GWR_ROLE_NONE;
    if (w->tgt_node != nd) {              /* consecutive sentences share their node */
        w->tgt = in_targets(d, nd);
        w->tgt_node = nd;
    }
    bool targets = w->tgt;
    /* the government's own conduct comes after the plan and speaks of it */
    if (targets || role == GWR_ROLE_PLAN || role == GWR_ROLE_SELF) w->status = GWR_ST_PLANNED;
    else if (role == GWR_ROLE_REVIEW) w->status = GWR_ST_ACHIEVED;
    else if (!has_review && has_plan) w->status = GWR_ST_PLANNED;
    else w->status = plan_words(kw) ? GWR_ST_PLANNED : GWR_ST_ACHIEVED;
    /* "全国社会总产值达到18774亿元，比上年增长9.1%" in a part read as the plan:
     * a level reached and its change from last year, with no word of intent, is a result */
    if (!targets && w->status == GWR_ST_PLANNED && role != GWR_ROLE_SELF && fx_has(kw, FXW_BSN) &&
        (fx_has(kw, FXW_DADAO) || fx_has(kw, FXW_ZENGCHAN)) && !plan_words(kw) && !fx_has(kw, FXW_JINNIAN) &&
        !fx_has(kw, FXW_ZUOYOU) && !fx_has(kw, FXW_YISHANG) && !fx_has(kw, FXW_YINEI))
        w->status = GWR_ST_ACHIEVED;
    w->headline = targets;
    w->year = w->status == GWR_ST_PLANNED ? d->report_year : reviewed;
    w->multiyear = false;
    /* a sentence that names its year: "2023年，…", "到2025年，…" */
    size_t k;
    fx_str t = s;
    bool to = fx_starts(t, "到") || fx_starts(t, "至");
    if (to) t = fx_span(t.s + 3, t.n - 3);
    int y = fx_year_at(t, &k);
    if (y && to && d->report_year && y >= d->report_year) {
        w->status = GWR_ST_PLANNED;          /* 到2025年…: a target wherever it is written */
        w->year = y;
        w->multiyear = y > d->report_year;
    } else if (y) {
        if (w->status == GWR_ST_ACHIEVED && d->report_year && y < d->report_year) w->year = y;
        else if (w->status == GWR_ST_PLANNED && y >= d->report_year) {
            w->year = y;
            w->multiyear = to && d->report_year && y > d->report_year;
        }
        if (!d->report_year) w->year = y;
    }
    if (!y && role == GWR_ROLE_REVIEW && nd >= 0 && (size_t)nd < d->nnodes && d->nodes[nd].multiyear) w->multiyear = true;   /* 过去五年… */
    /* within a review of several years, "去年…" and "1997年…" speak of one year */
    if (w->multiyear && !to && d->report_year &&
        (fx_starts(s, "去年") || fx_starts(s, "过去的一年") || fx_starts(s, "过去一年") ||
         ((y = clause_year(s, kw)) != 0 && y < d->report_year)))
        w->multiyear = false;
    int span = 0;
    /* under a heading of the five-year targets ("“十五五”时期的主要目标任务") */
    if (w->head_node != nd) {             /* consecutive sentences share their node */
        int hs = 0;
        for (int32_t i = nd; d->report_year && i > 0 && (size_t)i < d->nnodes && !hs; i = d->nodes[i].parent) {
            if (w->heading && w->heading[i] >= 0) {
                hs = w->heading[i];
                continue;
            }
            if (d->nodes[i].title) hs = five_year_heading(fx_span(d->nodes[i].title, strlen(d->nodes[i].title)),
                                                          d->report_year);
            if (w->heading) w->heading[i] = hs;
        }
        w->head_node = nd;
        w->head_span = hs;
    }
    int head_span = w->head_span;
    if (head_span && !w->multiyear && !fx_has(kw, FXW_JINNIAN) && w->status == GWR_ST_PLANNED) {
        w->status = GWR_ST_PLANNED;
        w->year = head_span;
        w->multiyear = true;
    } else if (d->report_year && !w->multiyear && !fx_has(kw, FXW_JINNIAN) && !plan_words_past(kw) &&
        ((span = five_year_targets(s, kw, d->report_year)) != 0 || (w->para_span && !w->para_open))) {
        /* the five-year targets: planned, multi-year, with their end year */
        if (!span) span = w->para_span;
        if (w->para_open) w->para_span = span;
        w->status = GWR_ST_PLANNED;
        w->year = span;
        w->multiyear = true;
    } else if (!d->report_year || w->multiyear) {
        /* no year to say */
    } else if ((w->para_past || fx_starts(s, "过去的一年") || fx_starts(s, "过去一年") ||
                fx_starts(s, "去年") || fx_starts(s, "一年来")) &&
               !fx_has(kw, FXW_JINNIAN) && !fx_has(kw, FXW_MINGNIAN) && reviewed) {
        if (w->para_open) w->para_past = true;
        w->status = GWR_ST_ACHIEVED;         /* 过去的一年，…国内生产总值比上年增长10.2% */
        w->year = reviewed;
    } else if ((y = clause_year(s, kw)) != 0 && y < d->report_year && !plan_words(kw)) {
        w->status = GWR_ST_ACHIEVED;         /* 2001年国内生产总值达到…: a result wherever it is written */
        w->year = y;
        if (!w->para_plan) w->para_year = y;
    } else if (y > d->report_year && y <= d->report_year + 15 && w->status == GWR_ST_PLANNED) {
        w->year = y;                         /* 一九九○年国民生产总值达到…, said in 1986: a target for 1990 */
        w->multiyear = true;
    } else if (!y && w->para_year && !plan_words(kw) && !fx_has(kw, FXW_JINNIAN)) {
        w->status = GWR_ST_ACHIEVED;         /* …。居民消费价格总水平上升0.7%。 the same year's results */
        w->year = w->para_year;
    } else if ((!y || y == d->report_year) && (year_targets_sentence(kw) || (w->para_plan && !y))) {
        w->status = GWR_ST_PLANNED;          /* this year's targets, even inside a review part */
        w->year = d->report_year;
        if (w->para_open) w->para_plan = true;
        if (fx_has(kw, FXW_NIANJUN) || fx_has(kw, FXW_GHGY) || fx_has(kw, FXW_LEIJI)) w->multiyear = true;
    }
    w->para_open = false;
    w->copy = 0;
    fx_sentence(w->s, w->n, d->text.norm_len - w->base, kw, qb, on_fig, w);
}

/* Words 2j and 2j + 1 of marks (the layout of fx_sentence_end_marks) as one
 * 64-bit word: bit i % 64 for place i. */
static inline uint64_t mark64(const uint32_t *marks, size_t j)
{
    return (uint64_t)marks[2 * j] | (uint64_t)marks[2 * j + 1] << 32;
}

static bool sentence_end(const char *s, size_t i, size_t n, size_t *len)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '\n' || c == '!' || c == '?') { *len = 1; return true; }
    if (c == 0xE3 && i + 3 <= n && memcmp(s + i, "。", 3) == 0) { *len = 3; return true; }
    if (c == 0xEF && i + 3 <= n && (memcmp(s + i, "！", 3) == 0 || memcmp(s + i, "？", 3) == 0)) {
        *len = 3;
        return true;
    }
    return false;
}

gwr_status gwr_facts_extract(gwr_doc *d, gwr_err *err)
{
    free(d->figs);
    d->figs = NULL;
    d->nfigs = 0;
    if (!d->has_text || !d->text.norm) return GWR_OK;
    bool has_review = false, has_plan = false;
    for (size_t i = 0; i < d->nnodes; i++) {
        if (d->nodes[i].role == GWR_ROLE_REVIEW) has_review = true;
        if (d->nodes[i].role == GWR_ROLE_PLAN || d->nodes[i].kind == GWR_NODE_TARGETS) has_plan = true;
    }
    int reviewed = d->reviewed_year ? d->reviewed_year : d->report_year ? d->report_year - 1 : 0;
    walk w = { .d = d, .para_open = true, .head_node = -2, .tgt_node = -2 };
    fx_qbuf qb = { 0 };
    w.heading = d->nnodes ? malloc(d->nnodes * sizeof *w.heading) : NULL;   /* without it, no memo */
    if (w.heading) memset(w.heading, 0xFF, d->nnodes * sizeof *w.heading);
    size_t cur = 0, start = 0, n = d->text.norm_len, sl = 1;
    const char *s = d->text.norm;
    /* the first bytes of what ends a sentence (\n ! ? 。 ！ ？), marked in one
     * pass (or looked for from each sentence when there is no memory for it) */
    /* read 64 bits at a time: an even number of words, the last one padded */
    size_t nwords = (n + 63) / 64;
    uint32_t *marks = malloc(2 * nwords * sizeof *marks + 2 * sizeof *marks);
    if (marks) {
        fx_sentence_end_marks(s, n, marks);
        for (size_t k = (n + 31) / 32; k < 2 * nwords; k++) marks[k] = 0;
    }
    /* the marks not yet walked: word j's bits above the last end */
    size_t j = 0;
    uint64_t bits = marks && nwords ? mark64(marks, 0) : 0;
    for (size_t i = 0; i <= n && w.st == GWR_OK;) {
        if (marks) {
            /* every mark is a sentence end, in order: only its length is left to tell */
            while (!bits && ++j < nwords) bits = mark64(marks, j);
            if (bits) {
                i = j * 64 + (size_t)__builtin_ctzll(bits);
                bits &= bits - 1;
                sl = (unsigned char)s[i] < 0x80 ? 1 : 3;
            } else {
                i = n;
            }
        } else {
            i = fx_next_sentence_end(s, i, n);
        }
        if (marks || i == n || sentence_end(s, i, n, &sl)) {
            if (i > start) {
                w.s = s + start;
                w.end_len = i < n && s[i] != '\n' ? sl : 0;
                w.n = i - start + w.end_len;   /* keep 。 */
                w.base = (uint32_t)start;
                sentence(&w, &qb, &cur, has_review, has_plan, reviewed);
            }
            if (i == n || s[i] == '\n') {
                w.para_open = true;
                w.para_past = false;
                w.para_span = 0;
                w.para_year = 0;
                w.para_plan = false;
                mark_headline(d, w.para_first);
                w.para_first = d->nfigs;
            }
            if (i == n) break;
            i += sl;
            start = i;
        } else {
            i++;
        }
    }
    free(marks);
    free(qb.q);
    free(w.heading);
    /* the first array is sized generously: give back what was not used */
    if (w.st == GWR_OK && d->figs && w.cap > d->nfigs + d->nfigs / 4 + 16) {
        gwr_figure *nf = d->nfigs ? realloc(d->figs, d->nfigs * sizeof *nf) : NULL;
        if (nf || !d->nfigs) {
            if (!d->nfigs) free(d->figs);
            d->figs = nf;
        }
    }
    if (w.st != GWR_OK) return gwr_err_set(err, w.st, "%s: out of memory", d->path);
    return GWR_OK;
}
