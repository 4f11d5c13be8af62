/* facts_subject.c — the words around a number: which indicator it measures
 * (the noun phrase before the verb), what the verb says (增长 → growth,
 * 下降 → decline, 高于全省 → a comparison), and the period (一季度, 年均).
 * Everything works on spans of the normalised text; nothing is allocated. */
#include "facts_internal.h"
#include "indicators.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* A year at the end: "…2010年". */
static bool year_at_end(fx_str s, size_t *len)
{
    if (s.n < 7 || memcmp(s.s + s.n - 3, "年", 3) != 0) return false;
    for (size_t i = s.n - 7; i < s.n - 3; i++)
        if (s.s[i] < '0' || s.s[i] > '9') return false;
    *len = 7;
    return true;
}

/* Bracketed group at the start or end: （下同）, (按可比价计算). */
static size_t bracket_at_end(fx_str s)
{
    static const char *const closes[][2] = { { "）", "（" }, { ")", "(" } };
    for (size_t k = 0; k < 2; k++) {
        if (!fx_ends(s, closes[k][0])) continue;
        size_t on = strlen(closes[k][1]);
        for (size_t i = s.n - strlen(closes[k][0]); i-- > 0;)
            if (i + on <= s.n && memcmp(s.s + i, closes[k][1], on) == 0) return s.n - i;
    }
    return 0;
}

static size_t bracket_at_start(fx_str s)
{
    static const char *const opens[][2] = { { "（", "）" }, { "(", ")" } };
    for (size_t k = 0; k < 2; k++) {
        if (!fx_starts(s, opens[k][0])) continue;
        size_t cn = strlen(opens[k][1]);
        for (size_t i = strlen(opens[k][0]); i + cn <= s.n; i++)
            if (memcmp(s.s + i, opens[k][1], cn) == 0) return i + cn;
    }
    return 0;
}

/* "连续11年", "连续三年": a span of years before the name; its byte length or 0. */
static size_t years_running(fx_str s)
{
    static const char *const cn[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "两", "多", NULL };
    if (!fx_starts(s, "连续")) return 0;
    size_t i = 6;
    for (bool more = true; more && i < s.n;) {
        more = false;
        if (s.s[i] >= '0' && s.s[i] <= '9') { i++; more = true; continue; }
        for (const char *const *c = cn; *c; c++)
            if (i + 3 <= s.n && memcmp(s.s + i, *c, 3) == 0) { i += 3; more = true; break; }
    }
    if (i == 6 || i + 3 > s.n || memcmp(s.s + i, "年", 3) != 0) return 0;
    return i + 3;
}

/* "1-11月", "1至9月份", "12月": months before the name; byte length or 0. */
static size_t months_at(fx_str s)
{
    size_t i = 0;
    while (i < s.n && s.s[i] >= '0' && s.s[i] <= '9') i++;
    if (i == 0 || i > 2) return 0;
    if (i < s.n && (s.s[i] == '-' || s.s[i] == '~')) i++;
    else if (i + 3 <= s.n && (memcmp(s.s + i, "至", 3) == 0 || memcmp(s.s + i, "—", 3) == 0)) i += 3;
    size_t d = i;
    while (i < s.n && s.s[i] >= '0' && s.s[i] <= '9') i++;
    if (i - d > 2 || i + 3 > s.n || memcmp(s.s + i, "月", 3) != 0) return 0;
    i += 3;
    if (i + 3 <= s.n && memcmp(s.s + i, "份", 3) == 0) i += 3;
    return i;
}

enum { T_NONE, T_GROWTH, T_DECLINE, T_SHARE, T_ANNUAL, T_CMP, T_REGION, T_QUARTER, T_MONTH, T_MULTI };

typedef struct { const char *w; size_t n; int what; } tok;
#define T(lit, what) { lit, sizeof lit - 1, what }

/* Words between the indicator name and its number, longest first where one
 * contains another. */
static const tok trail_toks[] = {
    T("同比增长", T_GROWTH), T("比上年增长", T_GROWTH), T("较上年增长", T_GROWTH),
    T("增长", T_GROWTH), T("增加", T_GROWTH), T("提高", T_GROWTH), T("上升", T_GROWTH),
    T("提升", T_GROWTH), T("上涨", T_GROWTH), T("增至", T_NONE), T("扩大", T_GROWTH),
    T("增产", T_GROWTH), T("减产", T_DECLINE), T("又增产", T_GROWTH),
    /* 被骗率从23.4%下降至2.5%: the level reached */
    T("下降至", T_NONE), T("下降到", T_NONE), T("上升至", T_NONE), T("上升到", T_NONE),
    T("提高至", T_NONE), T("提高到", T_NONE), T("增加至", T_NONE), T("增加到", T_NONE),
    T("增长至", T_NONE), T("增长到", T_NONE), T("提升至", T_NONE), T("提升到", T_NONE),
    T("降低至", T_NONE), T("降低到", T_NONE), T("减少至", T_NONE), T("减少到", T_NONE),
    T("回落至", T_NONE), T("回落到", T_NONE), T("从", T_NONE), T("由", T_NONE),
    T("下降", T_DECLINE), T("降低", T_DECLINE), T("减少", T_DECLINE), T("下滑", T_DECLINE),
    T("回落", T_DECLINE), T("缩小", T_DECLINE), T("压减", T_DECLINE), T("降至", T_NONE),
    T("分别", T_SHARE), T("均", T_SHARE), T("都", T_SHARE),
    T("高于", T_CMP), T("低于", T_CMP), T("快于", T_CMP), T("慢于", T_CMP),
    T("超出", T_CMP), T("领先", T_CMP), T("高出", T_CMP), T("低出", T_CMP),
    T("全国平均水平", T_REGION), T("全省平均水平", T_REGION), T("平均水平", T_REGION),
    T("全国", T_REGION), T("全省", T_REGION), T("全市", T_REGION), T("全州", T_REGION),
    T("全区", T_REGION), T("全盟", T_REGION), T("全县", T_REGION), T("平均", T_REGION),
    T("前三季度", T_QUARTER), T("一季度", T_QUARTER), T("二季度", T_QUARTER),
    T("三季度", T_QUARTER), T("四季度", T_QUARTER), T("上半年", T_QUARTER), T("下半年", T_QUARTER),
    T("年均", T_MULTI), T("全年", T_ANNUAL),
    T("按可比价格计算", T_NONE), T("按可比价计算", T_NONE), T("按可比口径", T_NONE),
    T("按可比价", T_NONE), T("可比价", T_NONE),
    T("比上年", T_NONE), T("较上年", T_NONE), T("比去年", T_NONE), T("较去年", T_NONE),
    T("同比", T_NONE), T("上年", T_NONE), T("去年", T_NONE), T("同期", T_NONE),
    T("达到", T_NONE), T("完成", T_NONE), T("实现", T_NONE), T("突破", T_NONE),
    T("超过", T_NONE), T("控制在", T_NONE), T("控制", T_NONE), T("保持在", T_NONE),
    T("保持", T_NONE), T("稳定在", T_NONE), T("稳定", T_NONE), T("维持在", T_NONE),
    T("累计", T_NONE), T("预计", T_NONE), T("力争", T_NONE), T("确保", T_NONE),
    T("争取", T_NONE), T("可达", T_NONE), T("有望", T_NONE), T("已经", T_NONE),
    T("位居", T_NONE), T("排名", T_NONE), T("名列", T_NONE), T("总计", T_NONE),
    T("合计", T_NONE), T("共计", T_NONE), T("达", T_NONE), T("超", T_NONE),
    T("为", T_NONE), T("是", T_NONE), T("至", T_NONE), T("到", T_NONE), T("在", T_NONE),
    T("约", T_NONE), T("近", T_NONE), T("逾", T_NONE), T("了", T_NONE), T("已", T_NONE),
    T("将", T_NONE), T("要", T_NONE), T("居", T_NONE), T("占", T_NONE), T("由", T_NONE),
    T("的", T_NONE), T("共", T_NONE), T("再", T_NONE), T("持续", T_NONE),
    /* 经济增长速度的调控目标定为8%: the target's wording, not the indicator's name */
    T("目标", T_NONE), T("目标定", T_NONE), T("调控目标", T_NONE), T("预期目标", T_NONE),
    T("按", T_NONE), T("按照", T_NONE),
    T("调控目标定", T_NONE), T("宏观调控目标", T_NONE), T("定为", T_NONE), T("预期", T_NONE), T("计划", T_NONE), T("计划为", T_NONE), T("安排", T_NONE),
    { NULL, 0, 0 },
};

/* Adverbials before the indicator name. */
static const tok lead_toks[] = {
    T("经初步核算", T_NONE), T("初步核算", T_NONE), T("据统计", T_NONE),
    T("过去一年", T_NONE), T("一年来", T_NONE), T("这一年", T_NONE),
    T("计划安排", T_NONE), T("计划", T_NONE), T("拟安排", T_NONE), T("拟", T_NONE), T("安排", T_NONE),
    T("今后五年", T_MULTI), T("未来五年", T_MULTI), T("五年内", T_MULTI), T("今后五年内", T_MULTI),
    T("前三季度", T_QUARTER), T("一季度", T_QUARTER), T("二季度", T_QUARTER),
    T("三季度", T_QUARTER), T("四季度", T_QUARTER), T("上半年", T_QUARTER), T("下半年", T_QUARTER),
    T("全年", T_ANNUAL), T("预计", T_NONE), T("今年的", T_NONE), T("今年", T_NONE), T("明年", T_NONE),
    T("去年", T_NONE), T("上年", T_NONE), T("当年", T_NONE), T("年内", T_NONE),
    T("年度", T_NONE), T("全市", T_NONE), T("全区", T_NONE), T("全县", T_NONE),
    T("全州", T_NONE), T("全省", T_NONE), T("全旗", T_NONE), T("全盟", T_NONE),
    T("我市", T_NONE), T("我区", T_NONE), T("我县", T_NONE), T("我州", T_NONE),
    T("本市", T_NONE), T("其中", T_NONE), T("力争", T_NONE), T("确保", T_NONE),
    T("争取", T_NONE), T("努力", T_NONE), T("实现", T_NONE), T("完成", T_NONE), T("累计", T_NONE),
    T("共计", T_NONE), T("同时", T_NONE), T("此外", T_NONE), T("另外", T_NONE),
    T("主要经济指标", T_NONE), T("并", T_NONE), T("且", T_NONE), T("要", T_NONE),
    T("将", T_NONE), T("共", T_NONE), T("和", T_NONE), T("与", T_NONE), T("及", T_NONE),
    { NULL, 0, 0 },
};

/* Verbs that may stand alone before a number whose noun follows it:
 * 完成245个老旧小区改造, 实施100个重点技改项目. */
#define W(lit) { lit, sizeof lit - 1 }
static const fx_str nbn_verbs[] = {
    W("新签约"), W("新开工"), W("新改建"), W("改扩建"), W("新培育"), W("新引进"),
    W("完成"), W("实施"), W("新建"), W("建成"), W("建设"), W("改造"), W("引进"), W("培育"), W("新增"), W("开工"),
    W("启动"), W("打造"), W("创建"), W("举办"), W("承办"), W("组织"), W("落实"), W("开展"), W("推进"), W("签约"),
    W("招引"), W("认定"), W("获批"), W("入选"), W("培训"), W("解决"), W("安置"), W("发放"), W("吸纳"), W("带动"),
    W("改建"), W("扩建"), W("续建"), W("建立"), W("设立"), W("成立"), W("组建"), W("帮扶"), W("救助"), W("资助"),
    W("整治"), W("治理"), W("关闭"), W("淘汰"), W("申报"), W("储备"), W("谋划"), W("策划"), W("创成"), W("获评"),
    W("完工"), W("竣工"), W("投产"), W("落地"), W("开通"), W("修建"), W("铺设"), W("拆除"), W("接待"), W("签订"),
    W("培养"), W("转移"), W("实现"), W("争取"), W("引育"), W("服务"), W("评选"), W("表彰"), W("打通"), W("提供"),
};

/* Verbs that open an item sharing the previous item's subject. */
static const fx_str action_words[] = {
    W("新签约"), W("新开工"), W("签约"), W("开工"), W("竣工"), W("投产"), W("完工"), W("建成"), W("落地"), W("到位"),
    W("开复工"), W("复工"), W("在建"), W("续建"), W("新建"), W("投用"),
};

/* What the words of a list can be told by before they are compared: their
 * lengths (bit k: a word of k bytes; bit 63 for 63 bytes or more) and the
 * low six bits of their last bytes. */
typedef struct { uint64_t lens, lasts; } word_marks;

static word_marks marks_of(const fx_str *list, size_t n)
{
    word_marks m = { 0, 0 };
    for (size_t i = 0; i < n; i++) {
        m.lens |= (uint64_t)1 << (list[i].n < 63 ? list[i].n : 63);
        if (list[i].n) m.lasts |= (uint64_t)1 << ((unsigned char)list[i].s[list[i].n - 1] & 63);
    }
    return m;
}

static inline bool may_be_one_of(fx_str s, word_marks m)
{
    if (!((m.lens >> (s.n < 63 ? s.n : 63)) & 1)) return false;
    return s.n == 0 || ((m.lasts >> ((unsigned char)s.s[s.n - 1] & 63)) & 1);
}

/* Is s one of the n words of list? m: marks_of(list, n). */
static bool one_of(fx_str s, const fx_str *list, size_t n, word_marks m)
{
    if (!may_be_one_of(s, m)) return false;
    for (size_t i = 0; i < n; i++)
        if (s.n == list[i].n && memcmp(s.s, list[i].s, s.n) == 0) return true;
    return false;
}

/* The token lists indexed by the first (lead_toks) or last (trail_toks)
 * character of each token: a slot of three bytes' hash holds the tokens in
 * list order, so a look-up tries only the tokens that can match. */
enum { TOK_SLOTS = 256, TOK_MAX = 255 };
typedef struct tok_index {
    uint16_t start[TOK_SLOTS + 1];
    uint8_t  order[TOK_MAX];
    bool     ok;
} tok_index;

static unsigned slot3(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return (u[0] * 7u + u[1] * 13u + u[2]) & (TOK_SLOTS - 1);
}

static tok_index trail_index, lead_index;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;
static _Atomic bool index_ready;              /* index_build has run: no call to pthread_once */
enum { NNBN = sizeof nbn_verbs / sizeof nbn_verbs[0] };
static fx_str nbn_sorted[NNBN];                 /* nbn_verbs by length, then bytes */
enum { NACTION = sizeof action_words / sizeof action_words[0] };
static const fx_str measures[] = {
    W("产量"), W("总产量"), W("总产"), W("面积"), W("播种面积"), W("种植面积"), W("总面积"), W("单产"),
};
enum { NMEASURE = sizeof measures / sizeof measures[0] };
static word_marks action_marks, measure_marks, nbn_marks;   /* marks_of each list */

static int word_cmp(const void *a, const void *b)
{
    const fx_str *x = a, *y = b;
    if (x->n != y->n) return x->n < y->n ? -1 : 1;
    return memcmp(x->s, y->s, x->n);
}

static void index_list(tok_index *x, const tok *list, bool at_end)
{
    size_t n = 0, count[TOK_SLOTS] = { 0 };
    for (const tok *t = list; t->w; t++, n++)
        if (t->n < 3 || n == TOK_MAX) return;    /* x->ok stays false: the plain loop */
    for (size_t i = 0; i < n; i++) count[slot3(at_end ? list[i].w + list[i].n - 3 : list[i].w)]++;
    x->start[0] = 0;
    for (size_t k = 0; k < TOK_SLOTS; k++) x->start[k + 1] = (uint16_t)(x->start[k] + count[k]);
    size_t fill[TOK_SLOTS];
    for (size_t k = 0; k < TOK_SLOTS; k++) fill[k] = x->start[k];
    for (size_t i = 0; i < n; i++) x->order[fill[slot3(at_end ? list[i].w + list[i].n - 3 : list[i].w)]++] = (uint8_t)i;
    x->ok = true;
}

static void index_build(void)
{
    index_list(&trail_index, trail_toks, true);
    index_list(&lead_index, lead_toks, false);
    action_marks = marks_of(action_words, NACTION);
    measure_marks = marks_of(measures, NMEASURE);
    nbn_marks = marks_of(nbn_verbs, NNBN);
    memcpy(nbn_sorted, nbn_verbs, sizeof nbn_sorted);
    qsort(nbn_sorted, NNBN, sizeof nbn_sorted[0], word_cmp);
    index_ready = true;
}

/* The longest token of the list at the end (start) of s; among equals the
 * first in the list. */
static const tok *match_end(fx_str s, const tok *list)
{
    const tok *best = NULL;
    if (s.n == 0) return NULL;
    const tok_index *x = list == trail_toks ? &trail_index : list == lead_toks ? &lead_index : NULL;
    if (x && x->ok && s.n >= 3) {
        char last = s.s[s.n - 1];
        unsigned k = slot3(s.s + s.n - 3);
        for (unsigned j = x->start[k]; j < x->start[k + 1]; j++) {
            const tok *t = &list[x->order[j]];
            if (t->n <= s.n && t->w[t->n - 1] == last && (!best || t->n > best->n) &&
                memcmp(s.s + s.n - t->n, t->w, t->n) == 0)
                best = t;
        }
        return best;
    }
    char last = s.s[s.n - 1];
    for (const tok *t = list; t->w; t++)
        if (t->n <= s.n && t->w[t->n - 1] == last && (!best || t->n > best->n) &&
            memcmp(s.s + s.n - t->n, t->w, t->n) == 0)
            best = t;
    return best;
}

static const tok *match_start(fx_str s, const tok *list)
{
    const tok *best = NULL;
    if (s.n < 3) return NULL;
    const tok_index *x = list == lead_toks ? &lead_index : list == trail_toks ? &trail_index : NULL;
    if (x && x->ok) {
        unsigned k = slot3(s.s);
        for (unsigned j = x->start[k]; j < x->start[k + 1]; j++) {
            const tok *t = &list[x->order[j]];
            if (t->n <= s.n && t->w[t->n - 1] == s.s[t->n - 1] && t->w[1] == s.s[1] && (!best || t->n > best->n) &&
                memcmp(s.s, t->w, t->n) == 0)
                best = t;
        }
        return best;
    }
    for (const tok *t = list; t->w; t++)
        if (t->n <= s.n && t->w[t->n - 1] == s.s[t->n - 1] && t->w[1] == s.s[1] && (!best || t->n > best->n) &&
            memcmp(s.s, t->w, t->n) == 0)
            best = t;
    return best;
}

/* The same where most spans match nothing: a slot of the index that holds
 * no token is told without a call. */
static inline const tok *lead_at_start(fx_str s)
{
    if (s.n < 3) return NULL;
    unsigned k = slot3(s.s);
    if (lead_index.ok && lead_index.start[k] == lead_index.start[k + 1]) return NULL;
    return match_start(s, lead_toks);
}

static inline const tok *trail_at_end(fx_str s)
{
    if (s.n >= 3 && trail_index.ok) {
        unsigned k = slot3(s.s + s.n - 3);
        if (trail_index.start[k] == trail_index.start[k + 1]) return NULL;
    }
    return match_end(s, trail_toks);
}

static void note(fx_pred *p, int what, bool *cmpverb, bool *region)
{
    switch (what) {
    case T_GROWTH:  if (p->kind < 0) p->kind = GWR_FK_GROWTH; break;
    case T_DECLINE: if (p->kind < 0) p->kind = GWR_FK_DECLINE; break;
    case T_SHARE:   p->share = true; break;
    case T_ANNUAL:  p->annual = true; break;
    case T_CMP:     *cmpverb = true; break;
    case T_REGION:  *region = true; break;
    case T_QUARTER: p->period = GWR_PER_QUARTER; p->has_period = true; break;
    case T_MONTH:   p->period = GWR_PER_MONTH; p->has_period = true; break;
    case T_MULTI:   p->period = GWR_PER_MULTIYEAR; p->has_period = true; break;
    default: break;
    }
}

/* 占比, 比重, 比例, 比率, 签约, 节约, 到位, 人均 at the end: the name ends there.
 * The last character picks the words to compare. */
static bool ends_in_measure(fx_str s)
{
    if (s.n < 6) return false;
    const unsigned char *z = (const unsigned char *)s.s + s.n - 3;
    switch ((uint32_t)z[0] << 16 | (uint32_t)z[1] << 8 | z[2]) {
    case 0xE6AF94: return fx_ends(s, "占比");                       /* 比 */
    case 0xE9878D: return fx_ends(s, "比重");                       /* 重 */
    case 0xE4BE8B: return fx_ends(s, "比例");                       /* 例 */
    case 0xE78E87: return fx_ends(s, "比率");                       /* 率 */
    case 0xE7BAA6: return fx_ends(s, "签约") || fx_ends(s, "节约");  /* 约 */
    case 0xE4BD8D: return fx_ends(s, "到位");                       /* 位 */
    case 0xE59D87: return fx_ends(s, "人均");                       /* 均 */
    default: return false;
    }
}

static bool is_nbn_verb(fx_str s)
{
    return fx_ends(s, "等") ||
           (may_be_one_of(s, nbn_marks) && bsearch(&s, nbn_sorted, NNBN, sizeof nbn_sorted[0], word_cmp) != NULL);
}

static fx_str subject(fx_str seg, const fx_words *kw, fx_pred *p);

/* fx_subject depends on the bytes of seg alone (the words of kw only say
 * sooner that a word is not there), and reports repeat their wording
 * (，比上年增长; ，同比增长): the answers for the segments a thread has read,
 * as offsets into the segment. */
enum { SUBJ_SLOTS = 4096, SUBJ_SEG = 62 };
typedef struct subj_slot {
    uint8_t  n;                  /* the segment's length + 1, 0 for an empty slot */
    char     seg[SUBJ_SEG];
    uint8_t  name_off, name_n, verb_off, verb_n;
    int8_t   kind;
    uint8_t  period;
    bool     compare, share, annual, verb_only, has_period, verb_set;
    bool     facts;              /* the name's facts below are known */
    bool     action, attribute, measure, short_verb;
    uint8_t  np, part_off[FX_PARTS_MAX], part_n[FX_PARTS_MAX];
} subj_slot;
/* Each thread's table is allocated when the thread first asks (no thread
 * carries it otherwise) and freed when the thread ends. */
static _Thread_local subj_slot *subj_memo;
static pthread_key_t subj_key;
static pthread_once_t subj_key_once = PTHREAD_ONCE_INIT;
static bool subj_key_ok;
static void subj_key_make(void) { subj_key_ok = pthread_key_create(&subj_key, free) == 0; }

static subj_slot *subj_table(void)
{
    if (subj_memo) return subj_memo;
    pthread_once(&subj_key_once, subj_key_make);
    if (!subj_key_ok) return NULL;
    /* NULL: nothing remembered, all worked out */
    return subj_memo = fx_thread_table(subj_key, SUBJ_SLOTS, sizeof *subj_memo);
}

static inline size_t seg_slot(fx_str s)
{
    uint64_t a = 0, b = 0;
    if (s.n >= 8) {
        memcpy(&a, s.s, 8);
        memcpy(&b, s.s + s.n - 8, 8);
    } else {
        memcpy(&a, s.s, s.n);
    }
    uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ (b * 0xC2B2AE3D27D4EB4Full) ^ s.n;
    h ^= h >> 29;
    return (size_t)((h * 0xBF58476D1CE4E5B9ull) >> 40) & (SUBJ_SLOTS - 1);
}

static void name_facts(fx_str name, fx_name_facts *nf)
{
    nf->np = fx_split_parts(name, nf->parts, FX_PARTS_MAX);
    nf->action = fx_action_only(name);
    nf->attribute = fx_attribute_word(name);
    nf->measure = fx_measure_word(name);
    nf->short_verb = name.n && fx_chars_upto(name, 2) <= 2 && !gwr_indicator_match(name.s, name.n);
}

/* The facts of e's name into nf, worked out the first time (seg: the
 * segment e holds). */
static void slot_facts(subj_slot *e, fx_str seg, fx_str name, fx_name_facts *nf)
{
    if (e->facts) {
        nf->np = e->np;
        for (size_t i = 0; i < e->np; i++) nf->parts[i] = fx_span(seg.s + e->part_off[i], e->part_n[i]);
        nf->action = e->action;
        nf->attribute = e->attribute;
        nf->measure = e->measure;
        nf->short_verb = e->short_verb;
        return;
    }
    name_facts(name, nf);
    for (size_t i = 0; i < nf->np; i++)
        if (nf->parts[i].s < seg.s || nf->parts[i].s + nf->parts[i].n > seg.s + seg.n) return;   /* not kept */
    e->np = (uint8_t)nf->np;
    for (size_t i = 0; i < nf->np; i++) {
        e->part_off[i] = (uint8_t)(nf->parts[i].s - seg.s);
        e->part_n[i] = (uint8_t)nf->parts[i].n;
    }
    e->action = nf->action;
    e->attribute = nf->attribute;
    e->measure = nf->measure;
    e->short_verb = nf->short_verb;
    e->facts = true;
}

fx_str fx_subject(fx_str seg, const fx_words *kw, fx_pred *p) { return fx_subject_facts(seg, kw, p, NULL); }

/* Does e hold the segment (1 to SUBJ_SEG - 1 bytes)? Eight bytes at a time,
 * the last eight overlapping the ones before; no byte past the segment is read. */
static inline bool slot_holds(const subj_slot *e, fx_str seg)
{
    if (e->n != seg.n + 1) return false;
    if (seg.n < 8) return memcmp(e->seg, seg.s, seg.n) == 0;
    uint64_t a, b;
    for (size_t i = 0; i + 8 <= seg.n; i += 8) {
        memcpy(&a, e->seg + i, 8);
        memcpy(&b, seg.s + i, 8);
        if (a != b) return false;
    }
    memcpy(&a, e->seg + seg.n - 8, 8);
    memcpy(&b, seg.s + seg.n - 8, 8);
    return a == b;
}

fx_str fx_subject_facts(fx_str seg, const fx_words *kw, fx_pred *p, fx_name_facts *nf)
{
    subj_slot *table = seg.n && seg.n < SUBJ_SEG ? subj_table() : NULL;
    if (!table) {
        fx_str name = subject(seg, kw, p);
        if (nf) name_facts(name, nf);
        return name;
    }
    /* two ways: the one read last first, the other moved aside */
    subj_slot *set = &table[seg_slot(seg) & ~(size_t)1], *e = NULL;
    if (slot_holds(&set[0], seg)) e = &set[0];
    else if (slot_holds(&set[1], seg)) e = &set[1];
    if (e) {
        memset(p, 0, sizeof *p);
        p->kind = e->kind;
        p->compare = e->compare;
        p->share = e->share;
        p->annual = e->annual;
        p->verb_only = e->verb_only;
        p->period = (gwr_period)e->period;
        p->has_period = e->has_period;
        if (e->verb_set) p->verb = fx_span(seg.s + e->verb_off, e->verb_n);
        fx_str name = fx_span(seg.s + e->name_off, e->name_n);
        if (nf) slot_facts(e, seg, name, nf);
        return name;
    }
    fx_str name = subject(seg, kw, p);
    set[1] = set[0];
    e = &set[0];
    /* every span given back lies in seg (an empty one at a place of it) */
    bool fits = name.s >= seg.s && name.s + name.n <= seg.s + seg.n &&
                (!p->verb.s || (p->verb.s >= seg.s && p->verb.s + p->verb.n <= seg.s + seg.n)) &&
                (unsigned)p->period <= 255 && p->kind >= -128 && p->kind <= 127;
    if (!fits) {
        e->n = 0;
        if (nf) name_facts(name, nf);
        return name;
    }
    e->n = (uint8_t)(seg.n + 1);
    memcpy(e->seg, seg.s, seg.n);
    e->name_off = (uint8_t)(name.s - seg.s);
    e->name_n = (uint8_t)name.n;
    e->verb_set = p->verb.s != NULL;
    e->verb_off = e->verb_set ? (uint8_t)(p->verb.s - seg.s) : 0;
    e->verb_n = (uint8_t)p->verb.n;
    e->kind = (int8_t)p->kind;
    e->period = (uint8_t)p->period;
    e->compare = p->compare;
    e->share = p->share;
    e->annual = p->annual;
    e->verb_only = p->verb_only;
    e->has_period = p->has_period;
    e->facts = false;
    if (nf) slot_facts(e, seg, name, nf);
    return name;
}

static fx_str subject(fx_str seg, const fx_words *kw, fx_pred *p)
{
#define REGION(X) X(QUANGUO) X(QUANSHENG) X(QUANSHI) X(QUANQU) X(QUANZHOU) X(PINGJUN)
    static const uint64_t region_set[2] = FX_SET(REGION);
#undef REGION
    bool cmpverb = false, region = false;
    size_t k;
    if (!index_ready) pthread_once(&index_once, index_build);
    memset(p, 0, sizeof *p);
    p->kind = -1;
    fx_str s = fx_trim(seg);
    /* an unbalanced bracket: "…500亿元（增长7%）" */
    if ((fx_starts(s, "（") && !fx_part_has(kw, s, FXW_RPAREN_CJK)) || (fx_starts(s, "(") && !fx_part_has(kw, s, FXW_RPAREN)))
        s = fx_trim(fx_span(s.s + (s.s[0] == '(' ? 1 : 3), s.n - (s.s[0] == '(' ? 1 : 3)));
    /* a run-in heading: "经济社会发展主要预期目标地区生产总值…" */
    static const char *const lead_heads[] = { "主要预期目标", "预期目标", "主要目标", NULL };
    bool mubiao = fx_part_has(kw, s, FXW_MUBIAO);    /* each head holds 目标: asked again when s changes */
    for (const char *const *h = lead_heads; *h && mubiao; h++) {
        for (size_t i = 0, hn = strlen(*h); i + hn < s.n; i++)
            if (s.s[i + 2] == (*h)[2] && s.s[i] == (*h)[0] && memcmp(s.s + i, *h, hn) == 0) {
                fx_str before = fx_trim(fx_span(s.s, i));
                s = fx_span(s.s + i + hn, s.n - i - hn);
                if (fx_starts(s, "是") || fx_starts(s, "为")) s = fx_span(s.s + 3, s.n - 3);
                s = fx_trim(s);
                /* "今年经济增长预期目标为7%左右": the name stands before the words */
                if (s.n == 0 && before.n) s = before;
                mubiao = fx_part_has(kw, s, FXW_MUBIAO);
                break;
            }
    }
    /* "中央提出今年经济增长…", "综合分析…，今年的经济增长预期为": the name follows 今年 */
    for (size_t i = fx_part_has(kw, s, FXW_JINNIAN) ? s.n : 0; i-- > 0;)
        if (i + 6 <= s.n && memcmp(s.s + i, "今年", 6) == 0) {
            if (i > 0) s = fx_span(s.s + i, s.n - i);
            break;
        }
    /* "粮食总产量在上年大幅度增长的基础上": the subject stands before 在 */
    if (fx_ends(s, "的基础上") || fx_ends(s, "基础上"))
        for (size_t i = s.n; i-- > 3;)
            if (memcmp(s.s + i, "在", 3) == 0) {
                s = fx_trim(fx_span(s.s, i));
                break;
            }
    /* "到2030年城镇化率…": the target year is no part of the name */
    if ((fx_starts(s, "到") || fx_starts(s, "至")) && fx_year_at(fx_span(s.s + 3, s.n - 3), &k))
        s = fx_trim(fx_span(s.s + 3 + k, s.n - 3 - k));
    /* leading adverbials (the verb-only test looks past them) */
    for (;;) {
        const tok *t = lead_at_start(s);
        if (t && s.n != t->n) {
            note(p, t->what, &cmpverb, &region);
            s.s += t->n;
            s.n -= t->n;
        } else if (fx_year_at(s, &k) || (k = bracket_at_start(s)) > 0) {
            s.s += k;
            s.n -= k;
        } else if ((k = months_at(s)) > 0) {
            note(p, T_MONTH, &cmpverb, &region);
            s.s += k;
            s.n -= k;
        } else if ((k = years_running(s)) > 0) {
            note(p, T_MULTI, &cmpverb, &region);
            s.s += k;
            s.n -= k;
        } else {
            break;
        }
        s = fx_trim(s);
    }
    if (s.n && is_nbn_verb(s)) {
        p->verb_only = true;
        p->verb = fx_ends(s, "等") ? fx_span(s.s, 0) : s;
        return fx_span(s.s, 0);
    }
    /* trailing predicate words; 增加到 / 提升至 / 降至 give a level, not a change */
    bool first = true;
    for (;;) {
        if (ends_in_measure(s)) break;
        const tok *t = trail_at_end(s);
        if (t) {
            fx_str tw = fx_span(t->w, t->n);
#define IS(lit) (tw.n == sizeof lit - 1 && memcmp(tw.s, lit, sizeof lit - 1) == 0)
            if (first && (IS("到") || IS("至") || IS("增至") ||
                          (t->n == 9 && (fx_ends(tw, "至") || fx_ends(tw, "到"))) ||
                          IS("降至") || IS("达到") || IS("为")))
#undef IS
                p->kind = GWR_FK_LEVEL;
            first = false;
            note(p, t->what, &cmpverb, &region);
            s.n -= t->n;
        } else if (year_at_end(s, &k)) {
            s.n -= k;
            /* 零售物价总指数比1987年上升18.5%: the base of comparison goes with its year */
            if (fx_ends(s, "比") || fx_ends(s, "较")) s.n -= 3;
        } else if ((k = bracket_at_end(s)) > 0) {
            s.n -= k;
        } else {
            break;
        }
        s = fx_trim(s);
    }
    /* a single-character leftover of a lead token ("和") is no name */
    const tok *t = lead_at_start(s);
    if (t && s.n == t->n) {
        note(p, t->what, &cmpverb, &region);
        s.n = 0;
    }
    /* "经济增长预期为7%": 经济 names nothing; with its verb it is economic growth */
    if ((s.n == 6 && memcmp(s.s, "经济", 6) == 0) || (s.n == 12 && memcmp(s.s, "国民经济", 12) == 0)) {
        const char *end = seg.s + seg.n;
        if (s.s + s.n + 6 <= end && memcmp(s.s + s.n, "增长", 6) == 0) s.n += 6;
    }
    if (cmpverb && region) p->compare = true;
    /* "比全省高1.2个百分点", "较全省快1.1个百分点": a comparison, named by the subject */
    if ((fx_starts(s, "比") || fx_starts(s, "较")) && !fx_starts(s, "比重") && !fx_starts(s, "比例") &&
        fx_may_have_set(kw, region_set) &&
        (fx_part_has(kw, s, FXW_QUANGUO) || fx_part_has(kw, s, FXW_QUANSHENG) || fx_part_has(kw, s, FXW_QUANSHI) ||
         fx_part_has(kw, s, FXW_QUANQU) || fx_part_has(kw, s, FXW_QUANZHOU) || fx_part_has(kw, s, FXW_PINGJUN))) {
        p->compare = true;
        return fx_span(s.s, 0);
    }
    if (fx_starts(s, "拉动") || fx_starts(s, "带动") || fx_starts(s, "贡献")) p->compare = true;
    return s;
}

int fx_kind_from_name(fx_str name)
{
    if (fx_ends(name, "涨幅") || fx_ends(name, "增速") || fx_ends(name, "增幅") ||
        fx_ends(name, "增长率") || fx_ends(name, "增长") || fx_ends(name, "速度") ||
        fx_ends(name, "上涨幅度") || fx_ends(name, "增长幅度"))
        return GWR_FK_GROWTH;
    if (fx_ends(name, "降幅") || fx_ends(name, "下降率") || fx_ends(name, "下降幅度")) return GWR_FK_DECLINE;
    return -1;
}

static const uint64_t multi[2] = FX_SET(FX_MULTI);

bool fx_multiyear(fx_str s, const fx_words *kw)
{
    static const int w[] = { FXW_NIANJUN, FXW_NIANLAI, FXW_YILAI, FXW_QIJIAN, FXW_GQWN, FXW_WNJ,
                             FXW_WNLJ, FXW_LJWN, FXW_WNN, FXW_JHWN, FXW_WLWN };
    for (size_t j = 0; j < sizeof w / sizeof w[0] && fx_may_have_set(kw, multi); j++) {
        if (!fx_part_has(kw, s, w[j])) continue;
        if (w[j] != FXW_NIANLAI) return true;
        /* "多年来没有过的", "十多年来首次": a remark, not a span of the figures */
        for (size_t i = 0; i + 6 <= s.n; i++)
            if (memcmp(s.s + i, "年来", 6) == 0 && (i < 3 || memcmp(s.s + i - 3, "多", 3) != 0)) return true;
    }
    /* "由2010年的162.4亿元增加到2015年的…" */
    bool you = !kw || fx_part_has(kw, s, FXW_YOU);
    for (size_t i = 0; you && i + 10 <= s.n; i++)
        if (s.s[i] == (char)0xE7 && memcmp(s.s + i, "由", 3) == 0 && s.s[i + 3] >= '1' && s.s[i + 3] <= '2') {
            size_t k;
            if (fx_year_at(fx_span(s.s + i + 3, s.n - i - 3), &k)) return true;
        }
    return false;
}

bool fx_action_only(fx_str name)
{
    if (!index_ready) pthread_once(&index_once, index_build);
    return one_of(name, action_words, NACTION, action_marks);
}

/* Modifiers that a shortened list element replaces in the complete one. */
static const char *const modifiers[] = {
    "农村牧区常住", "农村牧区", "农村常住", "城镇常住", "农村", "城镇", "城市", "城乡",
    "农牧民", "农民", NULL,
};

size_t fx_complete_suffix(fx_str part, fx_str full, char *out, size_t cap)
{
    fx_str rest = { NULL, 0 };
    if (fx_chars(part) > 3 || full.n <= part.n) return 0;
    for (const char *const *m = modifiers; *m; m++)
        if (fx_starts(full, *m)) {
            size_t mn = strlen(*m);
            /* keep 常住 when only 农村 was replaced by 城镇 */
            if (strstr(*m, "常住") && !fx_ends(part, "常住")) mn -= strlen("常住");
            rest = fx_span(full.s + mn, full.n - mn);
            break;
        }
    if (!rest.s) {
        size_t chars = fx_chars(part), i = 0;
        while (chars && i < full.n) {
            i++;
            while (i < full.n && ((unsigned char)full.s[i] & 0xC0) == 0x80) i++;
            chars--;
        }
        rest = fx_span(full.s + i, full.n - i);
    }
    if (part.n + rest.n + 1 > cap || rest.n == 0) return 0;
    memcpy(out, part.s, part.n);
    memcpy(out + part.n, rest.s, rest.n);
    out[part.n + rest.n] = '\0';
    return part.n + rest.n;
}

bool fx_measure_word(fx_str part)
{
    if (!index_ready) pthread_once(&index_once, index_build);
    return one_of(part, measures, NMEASURE, measure_marks);
}

size_t fx_complete_prefix(fx_str part, fx_str context, char *out, size_t cap)
{
    /* only measure words that need a topic (产量 of what?) are completed */
    if (!fx_measure_word(part)) return 0;
    /* try the longest leading piece of the context first (at most 8 characters) */
    size_t ends[9], ne = 0, i = 0;
    while (i < context.n && ne < 9) {
        i++;
        while (i < context.n && ((unsigned char)context.s[i] & 0xC0) == 0x80) i++;
        ends[ne++] = i;
    }
    while (ne-- > 0) {
        size_t pn = ends[ne];
        if (pn + part.n + 1 > cap) continue;
        memcpy(out, context.s, pn);
        memcpy(out + pn, part.s, part.n);
        out[pn + part.n] = '\0';
        if (gwr_indicator_match(out, pn + part.n)) return pn + part.n;
    }
    return 0;
}
