/* quantity.c — finding the quantities of a text: a number (Arabic or
 * Chinese), its scale (万, 亿), unit, range and qualifier; and deciding what
 * is not a figure (years, dates, ranks, names, note markers). The numerals are
 * read in quantity_num.c, the words around them matched in quantity_unit.c. */
#include "quantity_int.h"
#include <string.h>

static const char *const qual_names[GWR_Q__COUNT] = {
    "exact", "about", "atleast", "over", "atmost", "under", "range",
};

const char *gwr_qual_name(gwr_qual q) { return (unsigned)q < GWR_Q__COUNT ? qual_names[q] : "?"; }

#define CP_YU   0x4F59u   /* 余 */
#define CP_DUO  0x591Au   /* 多 */
#define CP_DI   0x7B2Cu   /* 第 */
#define CP_JI   0x7EA7u   /* 级 */
#define CP_JI_FEW 0x51E0u /* 几 */
#define CP_SHANG 0x4E0Au  /* 上 */

/* One number with what directly follows it: 3.5万亿元, 两三个, 100多家. */
typedef struct term {
    qz_num  n;
    size_t  start, end;
    int     scale;           /* powers of ten applied by 万/亿 after an Arabic number */
    bool    scaled, ovf, vague;
    const qz_unit *unit;
    const qz_unit *per;      /* 800元/月: the unit after '/' */
} term;

static bool is_vague_mark(uint32_t c) { return c == CP_YU || c == CP_DUO; }

/* 余/多 count as "more than" when a scale, a unit or the end of the phrase
 * follows (100多个, 3万余元, 五百多), or always right after a scale
 * (3万多居民); not in 5多元化, 3余额 … */
static size_t vague_mark(const char *s, size_t len, size_t i, bool after_scale, bool *vague)
{
    size_t k, k2, e;
    if (i >= len) return i;
    uint32_t m = qz_cp(s, len, i, &k);
    if (m == CP_JI_FEW) {                 /* 十几个: only after 十 */
        if (after_scale || qz_prev(s, 0, i, &k2) != 0x5341) return i;
    } else if (!is_vague_mark(m)) {
        return i;
    }
    size_t j = i + k;
    if (j < len && !after_scale) {
        uint32_t c = qz_cp(s, len, j, &k2);
        if (qz_is_han(c) && !qz_cn_mult(c) && !qz_match_unit(s, len, j, &e)) return i;
    }
    *vague = true;
    return j;
}

static size_t skip_spaces(const char *s, size_t len, size_t i)
{
    size_t k;
    while (i < len && qz_cp(s, len, i, &k) == ' ') i += k;
    return i;
}

static bool read_term(const char *s, size_t len, size_t i, term *t)
{
    size_t k;
    memset(t, 0, sizeof *t);
    t->start = i;
    uint32_t c = qz_cp(s, len, i, &k);
    bool ok;
    size_t pct = qz_match_lit(s, len, i, "百分之");
    if (pct && pct < len) {                          /* 百分之三十 = 30% */
        size_t k2, pe;
        uint32_t c2 = qz_cp(s, len, pct, &k2);
        if (qz_is_digit(c2) ? qz_read_arabic(s, len, pct, &t->n)
                            : qz_is_cn_numeral(c2) && qz_read_chinese(s, len, pct, &t->n)) {
            t->ovf = t->n.f & QZ_N_OVERFLOW;
            t->unit = qz_match_unit("%", 1, 0, &pe);
            t->end = t->n.end;
            t->n.nchars += 3;
            return !(t->n.f & (QZ_N_POSITIONAL | QZ_N_RANGE));
        }
    }
    if (qz_is_digit(c)) ok = qz_read_arabic(s, len, i, &t->n);
    else if (qz_is_cn_numeral(c)) ok = qz_read_chinese(s, len, i, &t->n);
    else ok = false;
    t->end = t->n.end > i ? t->n.end : i + k;
    if (!ok) return false;
    t->ovf = t->n.f & QZ_N_OVERFLOW;
    t->vague = t->n.f & QZ_N_VAGUE;
    size_t j = vague_mark(s, len, t->n.end, (t->n.f & QZ_N_SCALED) != 0, &t->vague);
    if (!(t->n.f & QZ_N_CHINESE)) {
        size_t sp = skip_spaces(s, len, j);
        size_t e = qz_read_scale(s, len, sp, &t->n.v, &t->scale, &t->ovf);
        if (t->scale > 0) {
            t->scaled = true;
            j = vague_mark(s, len, e, true, &t->vague);
        }
    }
    size_t sp = skip_spaces(s, len, j), ue;
    const qz_unit *u = qz_match_unit(s, len, sp, &ue);
    if (u) {
        t->unit = u;
        j = ue;
        size_t k2, pe;
        if (j < len && qz_cp(s, len, j, &k2) == '/') {
            const qz_unit *p = qz_match_unit(s, len, j + k2, &pe);
            if (p && strlen(u->base) + 1 + strlen(p->base) < sizeof ((gwr_quantity *)0)->unit) {
                t->per = p;
                j = pe;
            }
        }
    }
    t->end = j;
    return true;
}

static bool is_dash(uint32_t c)
{
    return c == '-' || c == '~' || c == 0x2014 || c == 0x2013 || c == 0x2015 || c == 0x2212 ||
           c == 0x81F3 || c == 0x5230;   /* 至 到 */
}

static bool same_unit(const qz_unit *a, const qz_unit *b)
{
    return a && b && strcmp(a->base, b->base) == 0;
}

static bool looks_like_year(const term *t)
{
    if (t->n.f & QZ_N_POSITIONAL) return true;
    if (t->n.f & (QZ_N_CHINESE | QZ_N_POINT)) return false;
    return t->n.intdigits == 4 && !t->scaled && t->n.v.m > 0;
}

/* Tries a range (1—2家, 4.5-5%, 两至三个) starting after a; on success
 * widens a into the range. */
static bool try_range(const char *s, size_t len, term *a, term *b)
{
    size_t k, j = a->end;
    if (j >= len) return false;
    uint32_t c = qz_cp(s, len, j, &k);
    if (!is_dash(c)) return false;
    j += k;
    if (c == 0x2014 && j < len && qz_cp(s, len, j, &k) == 0x2014) j += k;   /* —— */
    if (j >= len) return false;
    c = qz_cp(s, len, j, &k);
    if (!qz_is_digit(c) && !qz_is_cn_numeral(c)) return false;
    if (!read_term(s, len, j, b)) return false;
    if ((a->n.f & QZ_N_RANGE) || (b->n.f & QZ_N_RANGE)) return false;
    if (a->unit && b->unit && !same_unit(a->unit, b->unit)) return false;
    if (a->unit && !b->unit) return false;
    if (a->ovf || b->ovf) return false;
    gwr_dec lo = a->n.v;
    if (!a->scaled && b->scaled && !gwr_dec_scale(&lo, b->scale)) return false;
    if (!looks_like_year(a) && gwr_dec_cmp(lo, b->n.v) >= 0) return false;
    a->n.v = lo;
    a->n.hi = b->n.v;
    a->n.f |= QZ_N_RANGE;
    a->scaled = a->scaled || b->scaled;
    a->vague = a->vague || b->vague;
    if (!a->unit) a->unit = b->unit;
    a->end = b->end;
    return true;
}

/* 2×35万千瓦: a count times an amount is read as the product. */
static bool try_times(const char *s, size_t len, term *a, term *b)
{
    size_t k, j = a->end;
    if (a->unit || a->scaled || (a->n.f & (QZ_N_POINT | QZ_N_CHINESE)) || j >= len) return false;
    uint32_t c = qz_cp(s, len, j, &k);
    if (c != 0xD7 && c != '*') return false;
    j += k;
    if (j >= len || !qz_is_digit(qz_cp(s, len, j, &k))) return false;
    if (!read_term(s, len, j, b) || !b->unit) return false;
    gwr_dec v = b->n.v;
    bool ovf = a->ovf || b->ovf || !gwr_dec_mul_int(&v, a->n.v.m) || !gwr_dec_scale(&v, a->n.v.e);
    b->n.v = ovf ? (gwr_dec){ 0, 0 } : v;
    b->ovf = ovf;
    b->start = a->start;
    *a = *b;
    return true;
}

/* Tries a ratio after a bare number: 1.4：1, 3.6 : 48 : 48.4 (value is the
 * first part, hi the second; further parts belong to the span only). */
static bool try_ratio(const char *s, size_t len, term *a, term *b)
{
    size_t k;
    if (a->unit || a->scaled) return false;
    for (int part = 0; part < 8; part++) {
        size_t j = skip_spaces(s, len, a->end);
        if (j >= len || qz_cp(s, len, j, &k) != ':') return part > 0;
        j = skip_spaces(s, len, j + k);
        if (j >= len || !qz_is_digit(qz_cp(s, len, j, &k))) return part > 0;
        if (!read_term(s, len, j, b) || b->unit || b->scaled || b->ovf) return part > 0;
        if (part == 0) a->n.hi = b->n.v;
        a->end = b->end;
    }
    return true;
}

static bool is_open_quote(uint32_t c) { return c == 0x201C || c == 0x2018 || c == '"' || c == '\'' || c == 0x300C || c == 0x300E; }
static bool is_close_quote(uint32_t c) { return c == 0x201D || c == 0x2019 || c == '"' || c == '\'' || c == 0x300D || c == 0x300F; }

/* After an opening quote: does a closing quote follow within a few
 * characters, before any sentence punctuation? Then the number is part of a
 * quoted name: “两个确立”, “四个意识”, “4321”政银担. */
static bool quoted_name(const char *s, size_t len, size_t i)
{
    size_t k;
    for (int n = 0; n < 12 && i < len; n++, i += k) {
        uint32_t c = qz_cp(s, len, i, &k);
        if (is_close_quote(c)) return true;
        if (c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0x3001 || c == '\n' || c == ',' ||
            c == ';' || is_open_quote(c))
            return false;
    }
    return false;
}

/* Before a closing quote: does an opening quote stand a few characters
 * before i, with no punctuation between? (“跑两头”, “双11”) */
static bool quoted_before(const char *s, size_t i)
{
    size_t k;
    for (int n = 0; n < 10 && i > 0; n++, i -= k) {
        uint32_t c = qz_prev(s, 0, i, &k);
        if (is_open_quote(c)) return true;
        if (c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0x3001 || c == '\n' || c == ',' ||
            c == ';' || is_close_quote(c))
            return false;
    }
    return false;
}

/* The character at s[i], 0 at the end. */
static uint32_t cp_at(const char *s, size_t len, size_t i)
{
    size_t k;
    return i < len ? qz_cp(s, len, i, &k) : 0;
}

/* Examines the candidate at s[i]. Returns true with *q filled for a figure;
 * otherwise false. Either way *next is where scanning resumes (> i). */
static bool try_at(const char *s, size_t len, size_t floor, size_t i, gwr_quantity *q, size_t *next)
{
    term a, b;
    size_t k;
    if (!read_term(s, len, i, &a)) {
        *next = a.end;
        return false;
    }
    *next = a.end;
    const bool chinese = a.n.f & QZ_N_CHINESE;
    size_t start = i;
    bool negative = false;

    /* context before the number */
    uint32_t prev = qz_prev(s, 0, i, &k);
    if (!chinese && prev == '-') {
        size_t k2;
        uint32_t p2 = qz_prev(s, 0, i - k, &k2);
        if (p2 == 0 || qz_is_han(p2) || p2 == ' ' || p2 == '(' || p2 == 0xFF1A) {
            negative = true;
            start = i - k;
        }
    }
    if (!chinese && (qz_is_alpha(prev) || prev == '+' || prev == '.' || prev == '/')) return false;
    bool rank = prev == CP_DI;

    bool ratio = false, range = false;
    if (try_times(s, len, &a, &b)) {
        *next = a.end;
    } else if (try_range(s, len, &a, &b)) range = true;
    else if (!chinese && !negative && try_ratio(s, len, &a, &b)) ratio = true;
    *next = a.end;
    range = range || (a.n.f & QZ_N_RANGE);

    /* context after the number */
    uint32_t after_num = cp_at(s, len, a.n.end);
    uint32_t after = cp_at(s, len, a.end);
    unsigned uflags = a.unit ? a.unit->flags : 0;
    if (!chinese && !ratio && (qz_is_alpha(after_num) || after_num == '+')) return false;   /* 5G, 1+5+N */
    if (!a.unit && after_num == '/') return false;                                    /* 1/4 */
    if (a.unit && strcmp(a.unit->base, "次") == 0 && prev == 0x5C4A) return false;     /* 十二届四次全会 */
    if (after == '+') return false;
    if (is_open_quote(prev) && quoted_name(s, len, a.n.end)) return false;           /* “4321”, “两个确立” */
    if (is_close_quote(after) && quoted_before(s, i)) return false;                  /* “跑两头”, “双11” */
    if (!chinese && (prev == 0xB7 || after_num == 0xB7 || after_num == '#')) return false;  /* 4·14, 2#装置 */
    if (uflags & (QZ_U_DATE | QZ_U_NAME)) return false;                               /* 12月27日, 40周年 */
    if ((uflags & QZ_U_YEAR) && looks_like_year(&a)) return false;                   /* 2023年 */
    if (a.n.f & QZ_N_POSITIONAL) return false;
    if (rank && !(uflags & QZ_U_RANK)) return false;                                  /* 第十二次 */

    bool bare = !a.unit && !a.scaled && !ratio;
    if (bare && !(a.n.f & QZ_N_POINT) &&
        ((prev == '(' && after == ')') || (prev == '[' && after == ']') ||
         (prev == 0x3014 && after == 0x3015) || (prev == 0x3010 && after == 0x3011)))
        return false;                                                                 /* （1） [2] 〔3〕 【4】 */

    /* 百亿级: a scale without a unit may carry 级 */
    size_t end = a.end;
    if (!a.unit && (a.scaled || (a.n.f & QZ_N_SCALED)) && cp_at(s, len, end) == CP_JI) {
        qz_cp(s, len, end, &k);
        end += k;
    }

    gwr_qual qual = GWR_Q_EXACT;
    unsigned flags = 0, qf = 0;
    size_t qe;
    bool has_suffix = false, has_prefix = false;
    if (!ratio && qz_match_suffix(s, len, end, &qual, &qf, &qe)) {
        has_suffix = true;
        end = qe;
        flags |= qf;
    }
    gwr_qual pq;
    size_t pstart;
    if (!ratio && !rank && qz_match_prefix(s, floor, start, &pq, &qf, &pstart)) {
        has_prefix = true;
        if (!has_suffix) qual = pq;
        flags |= qf;
        start = pstart;
    }
    uint32_t after_all = cp_at(s, len, a.end);

    if (bare && !chinese && !has_suffix) {
        if (qz_is_han(after_all) && !is_vague_mark(after_all)) return false;          /* 323攻坚行动 */
        if (looks_like_year(&a) && !has_prefix) return false;                        /* 到2025， */
        if (!(a.n.f & QZ_N_POINT) && !has_prefix &&
            (after_all == 0x3001 || after_all == '.' || after_all == ')') &&       /* 1、 1. 1) */
            (prev == 0 || prev == '\n' || prev == ' ' || prev == '(')) return false;
    }
    if (chinese) {
        bool lone_one = a.n.nchars == 1 && a.n.v.m == 1 && a.n.v.e == 0 && !(a.n.f & QZ_N_RANGE);
        if (lone_one) return false;                                                   /* 一是, 统一, 一批 */
        if (a.n.nchars == 1 && !a.unit && !a.scaled) return false;                   /* 四多, 五到四 */
        if ((a.n.f & QZ_N_NODIGIT) && prev == CP_SHANG && a.unit && !rank) {           /* 上百家, 上千人 */
            a.vague = true;
            qz_prev(s, 0, start, &k);
            start -= k;
        } else if ((a.n.f & QZ_N_NODIGIT) && a.n.nchars == 1 && !(a.n.v.m == 1 && a.n.v.e == 1)) {
            return false;                                                             /* 百姓, 千家万户 */
        }
        bool standalone = !qz_is_han(prev) && !qz_is_han(after_all) && a.n.nchars >= 2;
        if (a.n.f & QZ_N_NODIGIT) {
            if (!a.unit && end == a.end && !has_prefix && !standalone) return false;  /* 千万不要 */
        } else if (!a.unit && !(a.n.f & QZ_N_SCALED) && !a.vague && !standalone && end == a.end) {
            return false;                                                             /* 二十大, 十四 */
        }
    }

    memset(q, 0, sizeof *q);
    q->value = a.n.v;
    if (negative) q->value.m = -q->value.m;
    if (range) {
        q->hi = a.n.hi;
        qual = GWR_Q_RANGE;
    }
    if (ratio) {
        q->hi = a.n.hi;
        flags |= GWR_QF_RATIO;
    }
    if (a.vague) {
        flags |= GWR_QF_VAGUE;
        if (qual == GWR_Q_EXACT) qual = GWR_Q_OVER;
    }
    if (rank) {
        flags |= GWR_QF_RANK;
        qz_prev(s, 0, start, &k);
        start -= k;                                  /* the span includes 第 */
    }
    if (chinese) flags |= GWR_QF_CHINESE;
    if (a.ovf) {
        flags |= GWR_QF_OVERFLOW;
        q->value = (gwr_dec){ 0, 0 };
        q->hi = (gwr_dec){ 0, 0 };
    }
    if (a.unit) {
        size_t ul = strlen(a.unit->base);
        if (ul >= sizeof q->unit) ul = sizeof q->unit - 1;
        memcpy(q->unit, a.unit->base, ul);
        if (a.per) {               /* length checked when read */
            q->unit[ul] = '/';
            memcpy(q->unit + ul + 1, a.per->base, strlen(a.per->base) + 1);
        }
    }
    q->qual = qual;
    q->flags = flags;
    q->off = (uint32_t)start;
    q->len = (uint32_t)(end - start);
    *next = end;
    return true;
}

/* Fast scan to the next byte that may start a number: an ASCII digit, a
 * full-width digit (EF BC 90-99) or a Chinese numeral. */
static size_t skip_to_candidate(const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    while (i < len) {
        unsigned char c = u[i];
        if (c < 0x80) {
            if ((unsigned)(c - '0') <= 9) return i;
            i++;
        } else if (c >= 0xE3 && c <= 0xEF && i + 2 < len &&
                   (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
            if (c == 0xEF) {
                if (u[i + 1] == 0xBC && u[i + 2] >= 0x90 && u[i + 2] <= 0x99) return i;
            } else if (c <= 0xE9) {
                uint32_t cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F);
                if (qz_is_cn_numeral(cp)) return i;
            }
            i += 3;
        } else {
            i++;
        }
    }
    return len;
}

bool gwr_quantity_next(const char *s, size_t len, size_t *pos, gwr_quantity *q)
{
    size_t i = *pos, floor = *pos;
    while (i < len) {
        i = skip_to_candidate(s, len, i);
        if (i >= len) break;
        size_t next;
        if (try_at(s, len, floor, i, q, &next)) {
            *pos = next;
            return true;
        }
        if (next <= i) next = i + 1;
        floor = next;
        i = next;
    }
    *pos = len;
    return false;
}
