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

enum { MAXQ = 16, MAXITEMS = 32, MAXNAMES = 8 };

typedef struct name_t {
    char   buf[FX_NAME_MAX];
    size_t n;
} name_t;

typedef struct sent {
    const char   *s;
    size_t        n;
    gwr_quantity *q;
    size_t        nq;
    bool          multiyear;
    fx_emit_fn    emit;
    void         *ctx;
    name_t        subj;                 /* name of the last figure */
    name_t        prev[MAXNAMES];       /* names of the previous clause's figures */
    size_t        nprev;
    name_t        cur[MAXNAMES];
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

static void name_set(name_t *d, fx_str a, fx_str b)
{
    size_t n = a.n + b.n;
    if (n >= FX_NAME_MAX) n = FX_NAME_MAX - 1;
    size_t an = a.n < n ? a.n : n;
    if (an) memcpy(d->buf, a.s, an);
    if (n > an) memcpy(d->buf + an, b.s, n - an);
    /* never end inside a UTF-8 sequence */
    while (n > 0 && n == FX_NAME_MAX - 1 && ((unsigned char)d->buf[n - 1] & 0xC0) == 0x80) n--;
    d->buf[n] = '\0';
    d->n = n;
}

static fx_str name_str(const name_t *nm) { return fx_span(nm->buf, nm->n); }

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

static bool unit_is(const gwr_quantity *q, const char *u) { return strcmp(q->unit, u) == 0; }

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

/* 签约60个, 节约30%: the 约 belongs to the verb, it is no "about". */
static void unword_about(const char *s, gwr_quantity *q)
{
    static const char *const verbs[] = { "签", "节", "制", "合", "契", "公", "条", "履", "违", "预", "特", "邀", NULL };
    if (q->qual != GWR_Q_ABOUT || q->len < 3 || q->off < 3 || memcmp(s + q->off, "约", 3) != 0) return;
    for (const char *const *v = verbs; *v; v++)
        if (memcmp(s + q->off - 3, *v, 3) == 0) {
            q->off += 3;
            q->len -= 3;
            q->qual = GWR_Q_EXACT;
            return;
        }
}

/* Chinese numerals naming things rather than counting them: 两个畅通,
 * 三条高铁, 八个一年; and durations (三年, 5年). */
static bool noise(const char *s, size_t n, const gwr_quantity *q)
{
    if (strcmp(q->unit, "年") == 0) return true;
    /* 第十二次: the parser saw 二次 after an ordinal */
    static const char *const digits[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "两", NULL };
    size_t b = q->off;
    for (bool more = true; more && b >= 3;) {
        more = false;
        for (const char *const *d = digits; *d; d++)
            if (memcmp(s + b - 3, *d, 3) == 0) { b -= 3; more = true; break; }
    }
    if (b >= 3 && memcmp(s + b - 3, "第", 3) == 0) return true;
    if (!(q->flags & GWR_QF_CHINESE) || (q->flags & GWR_QF_RANK)) return false;
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

/* Cuts a figure-less clause at its first verb: "粮食种植面积、总产量实现双增". */
static fx_str cut_at_pred(fx_str s)
{
    static const char *const w[] = { "实现", "分别", "均", "增长", "达到", "完成", "保持", "稳定", "同比", "双增", NULL };
    size_t best = s.n;
    for (const char *const *p = w; *p; p++) {
        size_t n = strlen(*p);
        for (size_t i = 0; i + n <= best; i++)
            if (memcmp(s.s + i, *p, n) == 0) { best = i; break; }
    }
    return fx_trim(fx_span(s.s, best));
}

/* Splits a name region into list parts at 、 (or 和 after a short first part). */
static size_t split_parts(fx_str s, fx_str *parts, size_t max)
{
    size_t np = 0, start = 0;
    for (size_t i = 0; i < s.n && np + 1 < max;) {
        if (i + 3 <= s.n && memcmp(s.s + i, "、", 3) == 0) {
            parts[np++] = fx_trim(fx_span(s.s + start, i - start));
            i += 3;
            start = i;
        } else {
            i++;
        }
    }
    parts[np++] = fx_trim(fx_span(s.s + start, s.n - start));
    if (np == 1) {
        for (size_t i = 3; i + 3 <= s.n && i <= 9; i++)
            if (memcmp(s.s + i, "和", 3) == 0) {
                parts[0] = fx_trim(fx_span(s.s, i));
                parts[1] = fx_trim(fx_span(s.s + i + 3, s.n - i - 3));
                np = parts[1].n ? 2 : 1;
                break;
            }
    }
    return np;
}

/* Head nouns a list may share: 新能源新材料、汽车智能装备、电子信息产业产值. */
static const char *head_of(fx_str s)
{
    static const char *const heads[] = {
        "产业产值", "产业增加值", "产值", "增加值", "营业收入", "收入", "总额", "投资", "产量",
        "规模", "面积", "人数", NULL,
    };
    for (const char *const *h = heads; *h; h++)
        if (fx_ends(s, *h) && s.n > strlen(*h)) return *h;
    return NULL;
}

/* Expands the parts of a list into complete names. */
static size_t complete_parts(fx_str *parts, size_t np, name_t *out)
{
    const char *head = np > 1 ? head_of(parts[np - 1]) : NULL;
    for (size_t i = 0; i < np; i++) {
        name_t *o = &out[i];
        if (i + 1 < np && head && !head_of(parts[i]) && fx_chars(parts[i]) > 3) {
            name_set(o, parts[i], fx_span(head, strlen(head)));
            continue;
        }
        if (i + 1 < np && (o->n = fx_complete_suffix(parts[i], parts[np - 1], o->buf, sizeof o->buf)) > 0)
            continue;
        if (i > 0 && (o->n = fx_complete_prefix(parts[i], parts[0], o->buf, sizeof o->buf)) > 0)
            continue;
        name_set(o, parts[i], fx_span("", 0));
    }
    return np;
}

/* 城乡居民可支配收入增长18%: both halves are indicators of their own. */
static bool both_keyed(fx_str name)
{
    name_t a, b;
    fx_str rest = fx_span(name.s + 6, name.n - 6);
    name_set(&a, fx_span("城镇", 6), rest);
    name_set(&b, fx_span("农村", 6), rest);
    return gwr_indicator_match(a.buf, a.n) && gwr_indicator_match(b.buf, b.n);
}

static bool attribute_word(fx_str n)
{
    return eq(n, "增幅") || eq(n, "增速") || eq(n, "涨幅") || eq(n, "总量") || eq(n, "规模") ||
           eq(n, "排名") || eq(n, "位次") || eq(n, "降幅");
}

static gwr_fig_kind kind_of(const gwr_quantity *q, const fx_pred *p, fx_str name)
{
    if (q->flags & GWR_QF_RANK) return GWR_FK_RANK;
    if (unit_is(q, "个百分点")) return GWR_FK_POINTS;
    if (unit_is(q, "倍")) return GWR_FK_MULTIPLE;
    /* 增长7%; 比上年增加5000人 is a change too (in the unit of the amount) */
    if (p->kind >= 0) return (gwr_fig_kind)p->kind;
    if (unit_is(q, "%")) {
        int k = fx_kind_from_name(name);
        if (k >= 0) return (gwr_fig_kind)k;
    }
    return GWR_FK_LEVEL;
}

/* 高于全省1.8个百分点 read as one quantity: the words before the digits. */
static size_t region_words(fx_str w)
{
    static const char *const r[] = { "全国", "全省", "全市", "全州", "全区", "全盟", "平均", NULL };
    bool hit = false;
    for (const char *const *p = r; *p && !hit; p++) hit = fx_contains(w, *p);
    if (!hit) return 0;
    size_t i = 0;
    while (i < w.n && !(w.s[i] >= '0' && w.s[i] <= '9') && (unsigned char)w.s[i] >= 0x80) i++;
    return i;
}

static void emit_one(sent *st, const name_t *nm, const gwr_quantity *q, const fx_pred *p, bool compare,
                     bool target)
{
    fx_fig f;
    name_t cmpname;
    size_t rw = compare ? 0 : region_words(fx_span(st->s + q->off, q->len));
    if (rw) {
        name_set(&cmpname, name_str(nm), fx_span(st->s + q->off, rw));
        nm = &cmpname;
        compare = true;
    }
    f.name = nm->buf;
    f.name_len = nm->n;
    f.q = *q;
    f.kind = kind_of(q, p, name_str(nm));
    f.period = p->annual ? GWR_PER_YEAR : p->has_period ? p->period
             : st->multiyear ? GWR_PER_MULTIYEAR : GWR_PER_YEAR;
    f.compare = compare;
    f.target = target;
    if (rw && (f.q.qual == GWR_Q_OVER || f.q.qual == GWR_Q_UNDER)) f.q.qual = GWR_Q_EXACT;
    st->emit(st->ctx, &f);
    if (!compare) {
        st->subj = *nm;
        if (st->ncur < MAXNAMES) {
            bool dup = false;
            for (size_t i = 0; i < st->ncur; i++)
                if (st->cur[i].n == nm->n && memcmp(st->cur[i].buf, nm->buf, nm->n) == 0) dup = true;
            if (!dup) st->cur[st->ncur++] = *nm;
        }
    }
}

/* The subject without a trailing action word: 亿元以上产业项目新签约 → 亿元以上产业项目. */
static fx_str topic_of(fx_str s)
{
    static const char *const acts[] = { "新签约", "新开工", "签约", "开工", "竣工", "投产", "建成", NULL };
    for (const char *const *a = acts; *a; a++)
        if (fx_ends(s, *a) && s.n > strlen(*a)) return fx_span(s.s, s.n - strlen(*a));
    return s;
}

static void do_item(sent *st, item *it, fx_str after, item *next)
{
    fx_pred p;
    fx_str name = fx_subject(it->seg, &p);
    if (it->consumed) {
        p.verb_only = true;
        p.verb = it->verb;
        name = fx_span(it->seg.s, 0);
    }
    const gwr_quantity *q0 = &st->q[it->qi[0]];
    name_t names[MAXNAMES];
    size_t nn = 0;
    fx_str aft = fx_trim(after);
    bool compare = p.compare;

    bool short_verb = name.n && fx_chars(name) <= 2 && !gwr_indicator_match(name.s, name.n);
    if (short_verb && !p.verb_only) p.verb = name;
    if ((p.verb_only || name.n == 0 || short_verb) && !p.share && aft.n && starts_word(after) && !money_or_rate(q0) &&
        !fx_starts(aft, "以上") && !fx_starts(aft, "左右") && !fx_starts(aft, "的") &&
        !fx_starts(aft, "增长") && !fx_starts(aft, "同比")) {
        /* number before its noun */
        fx_str noun = aft;
        while (fx_ends(noun, "等") || fx_ends(noun, "和") || fx_ends(noun, "及") || fx_ends(noun, "的"))
            noun = fx_trim(fx_span(noun.s, noun.n - 3));
        name_set(&names[0], p.verb, noun);
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
            size_t np = split_parts(cut_at_pred(st->quiet), parts, MAXNAMES);
            nn = complete_parts(parts, np, names);
        } else {
            const name_t *src = st->ncur ? st->cur : st->prev;
            nn = st->ncur ? st->ncur : st->nprev;
            for (size_t i = 0; i < nn; i++) names[i] = src[i];
        }
    } else if (name.n == 0 && compare) {
        name_set(&names[0], name_str(&st->subj), fx_trim(it->seg));
        nn = 1;
    } else if (p.verb_only && fx_action_only(p.verb) && st->subj.n) {
        name_set(&names[0], topic_of(name_str(&st->subj)), p.verb);
        nn = 1;
    } else if (name.n == 0 || p.verb_only) {
        if (st->subj.n) names[0] = st->subj;
        else if (st->quiet.n) name_set(&names[0], cut_at_pred(st->quiet), fx_span("", 0));
        else name_set(&names[0], fx_span("", 0), fx_span("", 0));
        nn = 1;
    } else {
        fx_str parts[MAXNAMES];
        size_t np = split_parts(name, parts, MAXNAMES);
        if (np > 1 && (np == it->nq || p.share)) {
            nn = complete_parts(parts, np, names);
        } else if (fx_starts(name, "城乡") && (it->nq == 2 || p.share || both_keyed(name))) {
            fx_str rest = fx_span(name.s + 6, name.n - 6);
            name_set(&names[0], fx_span("城镇", 6), rest);
            name_set(&names[1], fx_span("农村", 6), rest);
            nn = 2;
        } else if (fx_action_only(name) && st->subj.n) {
            name_set(&names[0], topic_of(name_str(&st->subj)), name);
            nn = 1;
        } else if (attribute_word(name) && st->subj.n) {
            name_set(&names[0], name_str(&st->subj), name);
            nn = 1;
        } else {
            fx_str ctx = st->subj.n ? name_str(&st->subj) : cut_at_pred(st->quiet);
            names[0].n = ctx.n ? fx_complete_prefix(name, ctx, names[0].buf, sizeof names[0].buf) : 0;
            if (names[0].n == 0) name_set(&names[0], name, fx_span("", 0));
            nn = 1;
        }
    }
    if (nn == 0) {
        name_set(&names[0], fx_span("", 0), fx_span("", 0));
        nn = 1;
    }
    /* 实现了7.5%的增长 */
    if (p.kind < 0 && (fx_starts(aft, "的增长") || fx_starts(aft, "的增速") || fx_starts(aft, "的增幅")))
        p.kind = GWR_FK_GROWTH;
    else if (p.kind < 0 && (fx_starts(aft, "的下降") || fx_starts(aft, "的降幅")))
        p.kind = GWR_FK_DECLINE;
    bool target = fx_starts(aft, "的目标") || fx_starts(aft, "的预期目标") || fx_starts(aft, "目标") ||
                  fx_starts(aft, "的增长目标") || fx_starts(aft, "的年度目标");
    /* one value for several names (均增长8%), or one name per value */
    size_t nfig = it->nq > nn ? it->nq : nn;
    for (size_t v = 0; v < nfig; v++) {
        const name_t *nm = &names[v < nn ? v : nn - 1];
        const gwr_quantity *q = &st->q[it->qi[v < it->nq ? v : it->nq - 1]];
        emit_one(st, nm, q, &p, compare, target);
    }
}

static void do_clause(sent *st, size_t cs, size_t ce, size_t qa, size_t qb)
{
    item items[MAXITEMS];
    size_t ni = 0, seg_start = cs;
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
            items[ni] = (item){ .seg = raw, .nq = 1 };
            items[ni].qi[0] = k;
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
    memcpy(st->prev, st->cur, st->ncur * sizeof st->cur[0]);
    st->nprev = st->ncur;
    st->quiet = fx_span(st->s, 0);
}

static bool clause_sep(const char *s, size_t n, size_t i, size_t *len)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ',' || c == ';' || c == ':') { *len = 1; return true; }
    if (c == 0xEF && i + 3 <= n) {
        if (memcmp(s + i, "，", 3) == 0 || memcmp(s + i, "；", 3) == 0 || memcmp(s + i, "：", 3) == 0) {
            *len = 3;
            return true;
        }
    }
    return false;
}

bool fx_sentence(const char *s, size_t n, fx_qbuf *qb, fx_emit_fn emit, void *ctx)
{
    size_t pos = 0;
    gwr_quantity q;
    qb->n = 0;
    while (pos < n && gwr_quantity_next(s, n, &pos, &q)) {
        if (noise(s, n, &q)) continue;
        unword_about(s, &q);
        if (qb->n == qb->cap) {
            size_t cap = qb->cap ? qb->cap * 2 : 64;
            gwr_quantity *nq = realloc(qb->q, cap * sizeof *nq);
            if (!nq) return false;
            qb->q = nq;
            qb->cap = cap;
        }
        qb->q[qb->n++] = q;
    }
    if (qb->n == 0) return true;
    sent st;
    st.subj.n = 0;
    st.subj.buf[0] = '\0';
    st.nprev = st.ncur = 0;
    st.s = s;
    st.n = n;
    st.q = qb->q;
    st.nq = qb->n;
    st.multiyear = fx_multiyear(fx_span(s, n));
    st.emit = emit;
    st.ctx = ctx;
    st.quiet = fx_span(s, 0);
    size_t cs = 0, qi = 0, qa = 0, sl = 1;
    for (size_t i = 0; i <= n;) {
        while (qi < st.nq && st.q[qi].off + st.q[qi].len <= i) qi++;
        bool inside = qi < st.nq && st.q[qi].off <= i && i < st.q[qi].off + st.q[qi].len;
        if (i == n || (!inside && clause_sep(s, n, i, &sl))) {
            size_t qe = qa;
            while (qe < st.nq && st.q[qe].off < i) qe++;
            do_clause(&st, cs, i, qa, qe);
            qa = qe;
            if (i == n) break;
            i += sl;
            cs = i;
        } else {
            i++;
        }
    }
    return true;
}
