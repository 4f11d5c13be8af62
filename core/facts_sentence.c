/* facts_sentence.c — one sentence → its figures.
 *
 * A sentence is cut into clauses at ，；：. In a clause each number is read
 * with the words before it (back to the previous number): those words hold
 * the indicator name and the verb. Then the patterns of the genre:
 *   城镇、农村居民人均可支配收入分别增长9%、10%   one verb, several names
 *   地区生产总值完成198.5亿元，同比增长22.3%      subject carried to the next clause
 *   新签约60个、新开工42个                         verb-first items share the subject
 *   完成245个老旧小区改造                          the noun follows the number
 *   亿元以上项目650个                              "亿元以上" describes the noun: no figure
 *   高于全省1.8个百分点                            a comparison, not the level
 * Nothing is allocated: names are built in fixed buffers and handed to emit. */
#include "facts_internal.h"
#include "indicators.h"
#include <stdlib.h>
#include <string.h>

enum { MAXQ = 16, MAXITEMS = 32, MAXNAMES = FX_PARTS_MAX };

typedef struct sent {
    const char   *s;
    size_t        n;
    gwr_quantity *q;
    size_t        nq;
    const fx_words *kw;                 /* the words of the sentence */
    bool          multiyear;
    bool          may_multiyear;        /* fx_may_multiyear: else no clause is */
    bool          may_region;           /* a word of region_words may be there */
    uint32_t      nian_from;            /* the first 年 of kw at or after the clause being read */
    int           base_year;            /* the clause's 比2002年: a base of comparison */
    int           last_pct_kind;        /* kind of the clause's last percentage, or -1 */
    fx_emit_fn    emit;
    void         *ctx;
    fx_name        subj;                 /* name of the last figure */
    fx_name        prev[MAXNAMES];       /* names of the previous clause's figures */
    size_t        nprev;
    fx_name        cur[MAXNAMES];
    size_t        ncur;
    fx_str        quiet;                /* the last clause without numbers */
} sent;

typedef struct item {
    fx_str seg;                         /* words before the first number */
    size_t qi[MAXQ];
    size_t nq;
    bool   consumed;                    /* its words were the noun of the previous item */
    fx_str verb;                        /* carried verb when consumed */
} item;

static bool eq(fx_str s, const char *w) { return s.n == strlen(w) && memcmp(s.s, w, s.n) == 0; }

static bool is_joiner(fx_str t)
{
    /* 800元/月、610元/月: a per-unit tail is not a word */
    if (t.n >= 2 && t.s[0] == '/') {
        size_t k = 2;
        while (k < t.n && ((unsigned char)t.s[k] & 0xC0) == 0x80) k++;
        t = fx_span(t.s + k, t.n - k);
    }
    t = fx_trim(t);
    return t.n == 0 || eq(t, "和") || eq(t, "及") || eq(t, "与") || eq(t, "或") || eq(t, "以及");
}

/* Is the unit of q the literal u? (u's bytes with its NUL: no call to strcmp) */
#define unit_is(q, u) (memcmp((q)->unit, u, sizeof u) == 0)
_Static_assert(sizeof ((gwr_quantity *)0)->unit >= sizeof "个百分点", "units compared with their NUL");

static bool money_or_rate(const gwr_quantity *q)
{
    size_t n = strlen(q->unit);
    return unit_is(q, "%") || unit_is(q, "个百分点") || unit_is(q, "倍") || unit_is(q, "‰") ||
           (n >= 3 && memcmp(q->unit + n - 3, "元", 3) == 0) || q->unit[0] == '\0';
}

/* A CJK word character (not punctuation, not a digit). */
static bool starts_word(fx_str s)
{
    size_t cl;
    if (s.n == 0 || (unsigned char)s.s[0] < 0x80) return false;
    return !fx_is_punct_at(s.s, s.n, &cl) && !fx_starts(s, "（");
}

/* Chinese numerals naming things rather than counting them: 两个畅通,
 * 三条高铁, 八个一年; and durations (三年, 5年). */
static bool noise(const char *s, size_t n, const gwr_quantity *q)
{
    if (unit_is(q, "年")) return true;
    if (!(q->flags & GWR_QF_CHINESE) || (q->flags & GWR_QF_RANK) || unit_is(q, "%")) return false;
    gwr_dec ten = { 10, 0 };
    if (gwr_dec_cmp(q->value, ten) > 0) return false;
    size_t e = q->off + q->len;
    return starts_word(fx_span(s + e, n - e));
}

/* "亿元以上项目650个": a bound that describes the following noun. */
static bool attributive(const sent *st, size_t k, size_t qend_idx)
{
    const gwr_quantity *q = &st->q[k];
    if (k + 1 >= qend_idx) return false;
    if (q->qual != GWR_Q_ATLEAST && q->qual != GWR_Q_OVER) return false;
    if (unit_is(q, "%") || unit_is(q, "个百分点")) return false;
    size_t e = q->off + q->len;
    fx_str after = fx_span(st->s + e, st->q[k + 1].off - e);
    return starts_word(after);
}

static gwr_fig_kind kind_of(const gwr_quantity *q, const fx_pred *p, fx_str name)
{
    if (q->flags & GWR_QF_RANK) return GWR_FK_RANK;
    if (unit_is(q, "个百分点")) return GWR_FK_POINTS;
    if (unit_is(q, "倍")) return GWR_FK_MULTIPLE;
    /* 增速达到11.1%, 经济增长速度为8%: a rate named by its own tail is a change
     * even when the verb (达到, 为) alone would read as a level */
    if (unit_is(q, "%") && (p->kind < 0 || p->kind == GWR_FK_LEVEL)) {
        int k = fx_kind_from_name(name);
        if (k >= 0) return (gwr_fig_kind)k;
    }
    /* 增长7%; 比上年增加5000人 is a change too (in the unit of the amount) */
    if (p->kind >= 0) return (gwr_fig_kind)p->kind;
    if (unit_is(q, "%")) {
        int k = fx_kind_from_name(name);
        if (k >= 0) return (gwr_fig_kind)k;
    }
    return GWR_FK_LEVEL;
}

/* 高于全省1.8个百分点 read as one quantity: the words before the digits. */
#define REGION(X) X(QUANGUO) X(QUANSHENG) X(QUANSHI) X(QUANZHOU) X(QUANQU) X(QUANMENG) X(PINGJUN)
static const uint64_t region[2] = FX_SET(REGION);
#undef REGION

static size_t region_words(fx_str w, const fx_words *kw)
{
    static const int r[] = { FXW_QUANGUO, FXW_QUANSHENG, FXW_QUANSHI, FXW_QUANZHOU, FXW_QUANQU, FXW_QUANMENG, FXW_PINGJUN };
    if (!fx_may_have_set(kw, region)) return 0;
    bool hit = false;
    for (size_t i = 0; i < sizeof r / sizeof r[0] && !hit; i++) hit = fx_part_has(kw, w, r[i]);
    if (!hit) return 0;
    size_t i = 0;
    while (i < w.n && !(w.s[i] >= '0' && w.s[i] <= '9') && (unsigned char)w.s[i] >= 0x80) i++;
    return i;
}

static void emit_one(sent *st, const fx_name *nm, const gwr_quantity *q, const fx_pred *p, bool compare,
                     bool target)
{
    fx_fig f;
    fx_name cmpname;
    size_t rw = compare || !st->may_region ? 0 : region_words(fx_span(st->s + q->off, q->len), st->kw);
    if (rw) {
        fx_name_set(&cmpname, fx_name_str(nm), fx_span(st->s + q->off, rw));
        nm = &cmpname;
        compare = true;
    }
    f.name = nm->s;
    f.name_len = nm->n;
    f.q = q;
    f.qual = q->qual;
    f.kind = kind_of(q, p, fx_name_str(nm));
    if (unit_is(q, "%")) st->last_pct_kind = (int)f.kind;
    f.period = p->annual ? GWR_PER_YEAR : p->has_period ? p->period
             : st->multiyear ? GWR_PER_MULTIYEAR : GWR_PER_YEAR;
    f.compare = compare;
    f.target = target;
    f.base_year = st->base_year;
    if (rw && (f.qual == GWR_Q_OVER || f.qual == GWR_Q_UNDER)) f.qual = GWR_Q_EXACT;
    st->emit(st->ctx, &f);
    /* "在1979到1983年平均每年递增7.9%的基础上，比上年增长14.2%": a figure
     * inside 在…的基础上 is context; the sentence's subject stays */
    if (!compare && !fx_starts(fx_name_str(nm), "在")) {
        fx_name_copy(&st->subj, nm);
        if (st->ncur < MAXNAMES) {
            bool dup = false;
            for (size_t i = 0; i < st->ncur; i++)
                if (st->cur[i].n == nm->n && memcmp(st->cur[i].s, nm->s, nm->n) == 0) dup = true;
            if (!dup) fx_name_copy(&st->cur[st->ncur++], nm);
        }
    }
}

static void do_item(sent *st, item *it, fx_str after, item *next)
{
    fx_pred p;
    fx_name_facts nf;
    fx_str name = fx_subject_facts(it->seg, st->kw, &p, &nf);
    bool seg_unnamed = name.n == 0;
    if (it->consumed) {
        p.verb_only = true;
        p.verb = it->verb;
        name = fx_span(it->seg.s, 0);
    }
    const gwr_quantity *q0 = &st->q[it->qi[0]];
    fx_name names[MAXNAMES];
    size_t nn = 0;
    fx_str aft = fx_trim(after);
    bool compare = p.compare;

    bool short_verb = !it->consumed && nf.short_verb;     /* a consumed item's name is empty */
    if (short_verb && !p.verb_only) p.verb = name;
    if ((p.verb_only || name.n == 0 || short_verb) && !p.share && aft.n && starts_word(after) && !money_or_rate(q0) &&
        !fx_starts(aft, "以上") && !fx_starts(aft, "左右") && !fx_starts(aft, "的") &&
        !fx_starts(aft, "增长") && !fx_starts(aft, "同比")) {
        /* number before its noun */
        fx_str noun = aft;
        while (fx_ends(noun, "等") || fx_ends(noun, "和") || fx_ends(noun, "及") || fx_ends(noun, "的"))
            noun = fx_trim(fx_span(noun.s, noun.n - 3));
        fx_name_set(&names[0], p.verb, noun);
        nn = 1;
        if (next && next->seg.s == after.s) {
            next->consumed = true;
            next->verb = p.verb;
        }
    } else if (name.n == 0 && (p.share || (it->nq > 1 && (st->ncur == it->nq ||
                                                          (st->ncur == 0 && st->nprev == it->nq))))) {
        /* 分别达到35512元、25689元，增长7.8%和8.2%: the names of the values before */
        fx_str parts[MAXNAMES];
        if (st->ncur == 0 && st->nprev == 0 && st->quiet.n) {
            size_t np = fx_split_parts(fx_cut_at_pred(st->quiet), parts, MAXNAMES);
            nn = fx_complete_parts(parts, np, names);
        } else {
            const fx_name *src = st->ncur ? st->cur : st->prev;
            nn = st->ncur ? st->ncur : st->nprev;
            for (size_t i = 0; i < nn; i++) fx_name_copy(&names[i], &src[i]);
        }
    } else if (name.n == 0 && compare) {
        fx_name_set(&names[0], fx_name_str(&st->subj), fx_trim(it->seg));
        nn = 1;
    } else if (p.verb_only && fx_action_only(p.verb) && st->subj.n) {
        fx_name_set(&names[0], fx_topic_of(fx_name_str(&st->subj)), p.verb);
        nn = 1;
    } else if (p.verb_only && p.verb.n) {
        fx_name_span(&names[0], p.verb);   /* 治理1570亩: the verb is all there is */
        nn = 1;
    } else if (name.n == 0 || p.verb_only) {
        if (st->subj.n) fx_name_copy(&names[0], &st->subj);
        else if (st->quiet.n) {
            /* "今年经济增长速度的宏观调控目标，定为百分之八至九": the quiet clause's subject */
            fx_pred qp;
            fx_str qn = fx_subject(st->quiet, st->kw, &qp);
            if (!gwr_indicator_match(qn.s, qn.n)) qn = fx_cut_at_pred(st->quiet);
            /* "…努力拼搏，260万荆门人民每个人…": a bare count before words of
             * its own is not measured by the clause before */
            if (q0->unit[0] == '\0' && starts_word(after)) qn = fx_span(qn.s, 0);
            fx_name_span(&names[0], qn);
        }
        else fx_name_span(&names[0], fx_span("", 0));
        nn = 1;
    } else {
        /* name is fx_subject's: its facts are nf's */
        size_t np = nf.np;
        if (np > 1 && (np == it->nq || p.share)) {
            nn = fx_complete_parts(nf.parts, np, names);
        } else if (fx_starts(name, "城乡") && (it->nq == 2 || p.share || fx_both_keyed(name))) {
            fx_str rest = fx_span(name.s + 6, name.n - 6);
            fx_name_set(&names[0], fx_span("城镇", 6), rest);
            fx_name_set(&names[1], fx_span("农村", 6), rest);
            nn = 2;
        } else if (nf.action && st->subj.n) {
            fx_name_set(&names[0], fx_topic_of(fx_name_str(&st->subj)), name);
            nn = 1;
        } else if (nf.attribute && st->subj.n) {
            fx_name_set(&names[0], fx_name_str(&st->subj), name);
            nn = 1;
        } else {
            names[0].n = 0;
            names[0].s = names[0].buf;
            if (nf.measure) {
                fx_str ctx = st->subj.n ? fx_name_str(&st->subj) : fx_cut_at_pred(st->quiet);
                names[0].n = ctx.n ? fx_complete_prefix(name, ctx, names[0].buf, sizeof names[0].buf) : 0;
            }
            if (names[0].n == 0) fx_name_span(&names[0], name);
            nn = 1;
        }
    }
    if (nn == 0) {
        fx_name_span(&names[0], fx_span("", 0));
        nn = 1;
    }
    /* "增长5%以上、力争6%": a second bound of the same target is the same kind */
    if (it->seg.n && seg_unnamed && p.kind < 0 && unit_is(q0, "%") &&
        st->last_pct_kind >= 0 && !p.compare)
        p.kind = st->last_pct_kind;
    /* 实现了7.5%的增长; the words after the number begin with 的 or 目标, or say nothing of these */
    bool de = fx_starts(aft, "的");
    if (de && p.kind < 0 && (fx_starts(aft, "的增长") || fx_starts(aft, "的增速") || fx_starts(aft, "的增幅")))
        p.kind = GWR_FK_GROWTH;
    else if (de && p.kind < 0 && (fx_starts(aft, "的下降") || fx_starts(aft, "的降幅")))
        p.kind = GWR_FK_DECLINE;
    bool target = (de && (fx_starts(aft, "的目标") || fx_starts(aft, "的预期目标") || fx_starts(aft, "的增长目标") ||
                          fx_starts(aft, "的年度目标"))) ||
                  fx_starts(aft, "目标");
    /* one value for several names (均增长8%), or one name per value */
    size_t nfig = it->nq > nn ? it->nq : nn;
    for (size_t v = 0; v < nfig; v++) {
        const fx_name *nm = &names[v < nn ? v : nn - 1];
        const gwr_quantity *q = &st->q[it->qi[v < it->nq ? v : it->nq - 1]];
        emit_one(st, nm, q, &p, compare, target);
    }
}

/* "比2002年增长65.5%", "较2015年", "同2000年相比": the year the change is
 * measured from, or 0. */
static bool base_word_at(const char *p)
{
    return memcmp(p, "比", 3) == 0 || memcmp(p, "较", 3) == 0 || memcmp(p, "同", 3) == 0 || memcmp(p, "与", 3) == 0;
}

static int base_year(fx_str c, const fx_words *kw, uint32_t *from)
{
    if (kw && kw->nian_all) {
        /* the years stand before the 年 the sentence scan found: the word is
         * 7 (ASCII year) or 15 (Chinese year) bytes before it. Clauses are
         * read in order: the 年 before this one are passed once. */
        size_t off = (size_t)(c.s - kw->full);
        while (*from < kw->nnian && kw->nian[*from] < off) ++*from;
        for (uint32_t t = *from; t < kw->nnian; t++) {
            size_t j = kw->nian[t] - off;
            if (j + 3 > c.n) break;
            static const size_t backs[] = { 15, 7 };
            for (size_t u = 0; u < 2; u++) {
                if (j < backs[u]) continue;
                size_t i = j - backs[u], k;
                if (i + 10 > c.n || !base_word_at(c.s + i)) continue;
                int y = fx_year_at(fx_span(c.s + i + 3, c.n - i - 3), &k);
                if (y) return y;
            }
        }
        return 0;
    }
    for (size_t i = 0; i + 10 <= c.n; i++) {
        unsigned char b = (unsigned char)c.s[i];
        if (b < 0xE4 || b > 0xE8) continue;          /* the lead bytes of 比 较 同 与 */
        if (base_word_at(c.s + i)) {
            size_t k;
            int y = fx_year_at(fx_span(c.s + i + 3, c.n - i - 3), &k);
            if (y) return y;
        }
    }
    return 0;
}

static void do_clause(sent *st, size_t cs, size_t ce, size_t qa, size_t qb)
{
    item items[MAXITEMS];
    size_t ni = 0, seg_start = cs;
    /* "2007年，国内生产总值达到24.66万亿元，…，年均增长10.6%": the span covers
     * its own clause and those after it, not the level reached before it */
    if (!st->multiyear && st->may_multiyear && fx_multiyear(fx_span(st->s + cs, ce - cs), st->kw)) st->multiyear = true;
    int by = base_year(fx_span(st->s + cs, ce - cs), st->kw, &st->nian_from);
    if (by) st->base_year = by;   /* "1986年同1978年相比，…增长102%": kept for the clauses after */
    st->last_pct_kind = -1;
    if (qa == qb) {
        st->quiet = fx_trim(fx_span(st->s + cs, ce - cs));
        return;
    }
    st->ncur = 0;
    for (size_t k = qa; k < qb; k++) {
        const gwr_quantity *q = &st->q[k];
        if (attributive(st, k, qb)) continue;
        fx_str raw = fx_span(st->s + seg_start, q->off > seg_start ? q->off - seg_start : 0);
        if (ni > 0 && is_joiner(raw) && items[ni - 1].nq < MAXQ) {
            items[ni - 1].qi[items[ni - 1].nq++] = k;
        } else if (ni < MAXITEMS) {
            item *it = &items[ni];      /* field by field: qi[] beyond nq is never read */
            it->seg = raw;
            it->nq = 1;
            it->consumed = false;
            it->verb = (fx_str){ NULL, 0 };
            it->qi[0] = k;
            ni++;
        }
        seg_start = q->off + q->len;
    }
    for (size_t i = 0; i < ni; i++) {
        const gwr_quantity *last = &st->q[items[i].qi[items[i].nq - 1]];
        size_t a = last->off + last->len;
        size_t b = i + 1 < ni ? (size_t)(items[i + 1].seg.s - st->s) + items[i + 1].seg.n : ce;
        if (i + 1 < ni && items[i + 1].seg.s != st->s + a) b = a;   /* attributive in between */
        do_item(st, &items[i], fx_span(st->s + a, b > a ? b - a : 0), i + 1 < ni ? &items[i + 1] : NULL);
    }
    for (size_t i = 0; i < st->ncur; i++) fx_name_copy(&st->prev[i], &st->cur[i]);
    st->nprev = st->ncur;
    st->quiet = fx_span(st->s, 0);
}

#define CH_BIT(b1, b2) (((b1) ^ (b2)) & 63)

/* Lines that are the page around the report, not the report: a web copy's
 * date line, source, editor and toolbar. */
static bool chrome(fx_str t)
{
#define C(lit) { lit, sizeof lit - 1 }
    static const fx_str w[] = { C("时间："), C("时间:"), C("发布时间"), C("来源："), C("来源:"), C("责任编辑"), C("【字号"),
                                C("字号："), C("下载打印"), C("下载 打印"), C("打印本页"), C("关闭窗口"), C("扫一扫"),
                                C("访问量"), C("浏览次数"), C("发布日期"), C("信息来源") };
#undef C
    if (t.n < 4) return false;
    /* the second and third bytes of the first characters as bits: most
     * lines are passed without the switch */
#define CH(b1, b2) ((uint64_t)1 << (((b1) ^ (b2)) & 63))
    static const uint64_t firsts = CH(0x97, 0xB6) | CH(0x8F, 0x91) | CH(0x9D, 0xA5) | CH(0xB4, 0xA3) | CH(0x80, 0x90) |
                                   CH(0xAD, 0x97) | CH(0xB8, 0x8B) | CH(0x89, 0x93) | CH(0x85, 0xB3) | CH(0x89, 0xAB) |
                                   CH(0xAE, 0xBF) | CH(0xB5, 0x8F) | CH(0xBF, 0xA1);
    if (!((firsts >> CH_BIT((unsigned char)t.s[1], (unsigned char)t.s[2])) & 1)) return false;
#undef CH
    switch ((uint32_t)(unsigned char)t.s[0] << 16 | (uint32_t)(unsigned char)t.s[1] << 8 | (unsigned char)t.s[2]) {
    case 0xE697B6: case 0xE58F91: case 0xE69DA5: case 0xE8B4A3: case 0xE38090: case 0xE5AD97: case 0xE4B88B:
    case 0xE68993: case 0xE585B3: case 0xE689AB: case 0xE8AEBF: case 0xE6B58F: case 0xE4BFA1:
        break;                      /* 时发来责【字下打关扫访浏信: the first characters of the words */
    default:
        return false;
    }
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (t.n >= w[i].n && t.s[1] == w[i].s[1] && t.s[2] == w[i].s[2] && memcmp(t.s, w[i].s, w[i].n) == 0)
            return true;
    return false;
}

static bool digit_at(const char *s, size_t n, size_t i) { return i < n && s[i] >= '0' && s[i] <= '9'; }

/* Dates, times and source references read as numbers: 8:30, 10:30,
 * 2026.02.09, 2026-02-09, 2026/2/9, （《人民日报》19550708）. */
static bool not_a_figure(const char *s, size_t n, const gwr_quantity *q)
{
    const char *w = s + q->off;
    size_t len = q->len, e = q->off + q->len;
    /* a figure with a unit: only a clock time of up to five bytes, or one
     * with a full-width colon (a ratio) is none */
    if (q->unit[0] != '\0' && len > 5 && !(q->flags & GWR_QF_RATIO)) return false;
    /* a clock time: one or two digits, a colon, two digits */
    for (size_t i = 1; i <= 2 && i < len; i++)
        if (w[i] == ':' && len == i + 3 && digit_at(w, len, i + 1) && digit_at(w, len, i + 2) && w[i + 1] <= '5')
            return true;
    if (len >= 6 && (memcmp(w + 1, "：", 3) == 0 || memcmp(w + 2, "：", 3) == 0) && q->flags & GWR_QF_RATIO) {
        size_t c = memcmp(w + 1, "：", 3) == 0 ? 4 : 5;
        if (len == c + 2 && digit_at(w, len, c) && digit_at(w, len, c + 1) && w[c] <= '5') return true;
    }
    /* a date of four-digit year and month: 2026.02.09, 2026-02, 2026/2/9 */
    if (len >= 6 && digit_at(w, len, 0) && digit_at(w, len, 3) && (w[4] == '.' || w[4] == '-' || w[4] == '/') &&
        (w[0] == '1' || w[0] == '2') && q->unit[0] == '\0')
        return true;
    if (q->unit[0] == '\0' && e + 1 < n && (s[e] == '.' || s[e] == '-' || s[e] == '/') && digit_at(s, n, e + 1) &&
        len >= 4 && digit_at(w, len, 3) && (w[0] == '1' || w[0] == '2'))
        return true;
    /* a number right after a publication's name: （《人民日报》19550708） */
    if (q->unit[0] == '\0' && q->off >= 3 && memcmp(s + q->off - 3, "》", 3) == 0) return true;
    return false;
}

bool fx_qbuf_grow(fx_qbuf *qb)
{
    size_t cap = qb->cap ? qb->cap * 2 : 64;
    gwr_quantity *nq = realloc(qb->q, cap * sizeof *nq);
    if (!nq) return false;
    qb->q = nq;
    qb->cap = cap;
    return true;
}

bool fx_sentence_scan_more(const char *s, size_t n, size_t end_len, fx_qbuf *qb, size_t pos)
{
    bool asked = false;             /* whether the page's chrome was ruled out: asked at the first number */
    /* each number is read into the next free place, kept there or not */
    for (;;) {
        const gwr_quantity *q = &qb->q[qb->n];
        if (!noise(s, n, q) && !not_a_figure(s, n, q)) {
            if (!asked) {
                if (chrome(fx_trim(fx_span(s, n - end_len)))) return true;      /* qb->n is still 0 */
                asked = true;
            }
            qb->n++;
        }
        if (pos >= n) break;
        if (qb->n == qb->cap && !fx_qbuf_grow(qb)) return false;
        if (!gwr_quantity_next(s, n, &pos, &qb->q[qb->n])) break;
    }
    return true;
}

void fx_sentence(const char *s, size_t n, size_t readable, const fx_words *kw, const fx_qbuf *qb, fx_emit_fn emit,
                 void *ctx)
{
    if (qb->n == 0) return;
    /* the separators of a sentence of usual length marked in one pass */
    uint32_t sep_marks[64];
    const uint32_t *seps = NULL;
    if (kw && kw->seps_all && kw->full == s && kw->nfull == n) {
        seps = kw->seps;                /* the word scan marked them */
    } else if (n <= 64 * 32) {
        fx_clause_sep_marks(s, n, readable, sep_marks);
        seps = sep_marks;
    }
    sent st;
    st.subj.n = 0;
    st.subj.s = "";
    st.nprev = st.ncur = 0;
    st.s = s;
    st.n = n;
    st.q = qb->q;
    st.nq = qb->n;
    st.kw = kw;
    st.multiyear = false;    /* set by the first clause that speaks of several years, then kept */
    st.may_multiyear = fx_may_multiyear(kw);
    st.may_region = fx_may_have_set(kw, region);
    st.nian_from = 0;
    st.base_year = 0;
    st.emit = emit;
    st.ctx = ctx;
    st.quiet = fx_span(s, 0);
    size_t cs = 0, qi = 0, qa = 0, sl = 1;
    for (size_t i = 0; i <= n;) {
        /* only a separator ends a clause */
        i = seps ? fx_next_mark(seps, i, n) : fx_next_clause_sep_in(s, i, n, readable);
        while (qi < st.nq && st.q[qi].off + st.q[qi].len <= i) qi++;
        bool inside = qi < st.nq && st.q[qi].off <= i && i < st.q[qi].off + st.q[qi].len;
        /* every place found is a separator whose bytes are all in the
         * sentence: only its length is left to tell */
        if (i == n || (!inside && (sl = (unsigned char)s[i] < 0x80 ? 1 : 3, true))) {
            size_t qe = qa;
            while (qe < st.nq && st.q[qe].off < i) qe++;
            do_clause(&st, cs, i, qa, qe);
            qa = qe;
            /* the clauses after the last number say nothing of a figure */
            if (i == n || qa == st.nq) break;
            i += sl;
            cs = i;
        } else {
            i++;
        }
    }
}
