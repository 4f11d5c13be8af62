/* quantity_term.c — one number with what directly follows it: its scale,
 * 余/多, unit and per-unit (3.5万亿元, 100多家, 800元/月), and the forms that
 * join two numbers: ranges (1—2家, 4.5-5%), ratios (1.4：1) and products
 * (2×35万千瓦). Deciding whether the result is a figure is quantity.c's job. */
#include "quantity_int.h"
#include <string.h>

#define CP_JI_FEW 0x51E0u   /* 几 */

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
    } else if (!qz_is_vague_mark(m)) {
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

#define CP_CHENG 0x6210u   /* 成 */
#define CP_FEN   0x5206u   /* 分 */
#define CP_YOU   0x53C8u   /* 又 */

/* 百分之 / 千分之 / 万分之 before a numeral: a percentage, per-mille or
 * per-ten-thousand, exact. */
static const struct { const char *lit, *unit; } per_words[] = {
    { "百分之", "%" }, { "千分之", "‰" }, { "万分之", "‱" },
};

/* A numeral (Arabic or Chinese) at s[i] into *n; false when none. */
static bool read_numeral(const char *s, size_t len, size_t i, qz_num *n)
{
    size_t k;
    if (i >= len) return false;
    uint32_t c = qz_cp(s, len, i, &k);
    if (qz_is_digit(c)) return qz_read_arabic(s, len, i, n);
    return qz_is_cn_numeral(c) && qz_read_chinese(s, len, i, n);
}

/* X分之Y at the end of the denominator x (already read): the fraction Y/X.
 * Returns the end, 0 when 分之 and a numerator do not follow. */
static size_t read_fraction(const char *s, size_t len, const qz_num *x, const gwr_dec *whole, gwr_dec *v,
                            bool *rounded)
{
    if (x->end + 6 > len || memcmp(s + x->end, "分之", 6) != 0) return 0;
    size_t j = x->end + 6;
    qz_num y;
    if (!j || (x->f & (QZ_N_RANGE | QZ_N_POSITIONAL | QZ_N_OVERFLOW | QZ_N_VAGUE)) || x->v.e < 0) return 0;
    if (!read_numeral(s, len, j, &y) || (y.f & (QZ_N_RANGE | QZ_N_POSITIONAL | QZ_N_OVERFLOW | QZ_N_VAGUE)))
        return 0;
    gwr_dec num = y.v;
    if (whole) {                                     /* 二又三分之一 = (2×3+1)/3 */
        gwr_dec w = *whole;
        if (!gwr_dec_mul_int(&w, x->v.m) || !gwr_dec_scale(&w, x->v.e) || !gwr_dec_add(&num, w, y.v)) return 0;
    }
    if (!qz_divide(num, x->v, v, rounded)) return 0;
    return y.end;
}

/* 七成, 六点五成 = 70 %, 65 %: tenths, only right after a numeral of at most
 * ten and not in a word (成为, 成员, 成本, 三五成群). */
static size_t read_tenths(const char *s, size_t len, size_t i, gwr_dec *v)
{
    size_t k, k2;
    if (i >= len || qz_cp(s, len, i, &k) != CP_CHENG) return 0;
    if (v->m <= 0 || gwr_dec_cmp(*v, (gwr_dec){ 10, 0 }) > 0) return 0;
    if (i + k < len) {
        uint32_t c = qz_cp(s, len, i + k, &k2);
        static const uint32_t words[] = {
            0x4E3A, 0x5458, 0x672C, 0x7FA4, 0x7ACB, 0x529F, 0x6548, 0x679C, 0x719F, 0x578B,
            0x4EA4, 0x957F, 0x90FD, 0x7EE9, 0x54C1, 0x5C31, 0x4EBA, 0x5E74, 0x6837, 0x5F62,
            0x8D25, 0x5206, 0x6B3E, 0x672A, 0x4E86, 0x8FBE, 0x5957, 0x4E0D,
        };   /* 为员本群立功效果熟型交长都绩品就人年样形败分款未了达套不 */
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
            if (c == words[w]) return 0;
    }
    gwr_dec t = *v;
    if (!gwr_dec_scale(&t, 1)) return 0;
    *v = t;
    return i + k;
}

bool qz_read_term(const char *s, size_t len, size_t i, qz_term *t)
{
    size_t k;
    memset(t, 0, sizeof *t);
    t->start = i;
    uint32_t c = qz_cp(s, len, i, &k);
    bool ok;
    for (size_t w = 0; (c == 0x767E || c == 0x5343 || c == 0x4E07) && w < sizeof per_words / sizeof per_words[0]; w++) {
        size_t pct = qz_match_lit(s, len, i, per_words[w].lit);
        if (!pct || pct >= len) continue;
        if (read_numeral(s, len, pct, &t->n)) {              /* 百分之三十 = 30% */
            size_t pe;
            t->ovf = t->n.f & QZ_N_OVERFLOW;
            t->unit = qz_match_unit(per_words[w].unit, strlen(per_words[w].unit), 0, &pe);
            t->end = t->n.end;
            t->n.nchars += 3;
            t->n.f |= QZ_N_CHINESE;
            return !(t->n.f & (QZ_N_POSITIONAL | QZ_N_RANGE));
        }
        break;
    }
    if (qz_is_digit(c)) {
        ok = qz_read_arabic(s, len, i, &t->n);
        size_t sp = qz_skip_spaces(s, len, t->n.end);
        if (ok && !(t->n.f & (QZ_N_POINT | QZ_N_GROUPED)) && t->n.intdigits <= 4 && sp < len) {
            qz_num alt;
            if (qz_cn_mult(qz_cp(s, len, sp, &k)) > 0) {
                /* 5万4千6百: a second number, or a scale after 千 (2千万),
                 * must follow the first multiplier — else it is an
                 * ordinary scaled number and qz_read_mixed would say so */
                size_t i2 = qz_skip_spaces(s, len, sp + k), k2;
                if (i2 < len && qz_cp(s, len, i2, &k2) == 0x96F6) i2 += k2;   /* 零 */
                uint32_t c2 = i2 < len ? qz_cp(s, len, i2, &k2) : 0;
                if (i2 < len && (qz_is_digit(c2) || qz_cn_digit(c2) > 0 || qz_cn_mult(c2) >= 10000) &&
                    qz_read_mixed(s, len, i, &alt))
                    t->n = alt;
            } else if (t->n.intdigits == 1 && sp > t->n.end && qz_read_spaced(s, len, i, &alt)) {
                size_t sp2 = qz_skip_spaces(s, len, alt.end), e;  /* 1 9 4 亿美元 */
                if (sp2 < len && (qz_cn_mult(qz_cp(s, len, sp2, &k)) >= 10000 || qz_match_unit(s, len, sp2, &e)))
                    t->n = alt;
            }
        }
    } else if (qz_is_cn_numeral(c)) {
        ok = qz_read_chinese(s, len, i, &t->n);
    } else {
        ok = false;
    }
    t->end = t->n.end > i ? t->n.end : i + k;
    if (!ok) return false;
    t->ovf = t->n.f & QZ_N_OVERFLOW;
    t->vague = t->n.f & QZ_N_VAGUE;

    /* The character right after the numeral, decoded once: each form below
     * starts with a character of its own (分 又 余 多 几 成, a scale, a space). */
    size_t ka = 0;
    const uint32_t ca = t->n.end < len ? qz_cp(s, len, t->n.end, &ka) : 0;

    /* 三分之一, 3又一千分之23 */
    gwr_dec fv;
    bool rounded = false;
    size_t fe = 0;
    if (!(t->n.f & (QZ_N_POINT | QZ_N_CNPOINT | QZ_N_SCALED))) {
        if (ca == CP_FEN) fe = read_fraction(s, len, &t->n, NULL, &fv, &rounded);
        if (!fe && ca == CP_YOU && !(t->n.f & QZ_N_RANGE)) {
            k = ka;
            qz_num x;
            gwr_dec whole = t->n.v;
            if (read_numeral(s, len, t->n.end + k, &x)) fe = read_fraction(s, len, &x, &whole, &fv, &rounded);
        }
    }
    if (fe) {
        t->n.v = fv;
        t->n.f |= QZ_N_FRACTION | (rounded ? QZ_N_ROUNDED : 0);
        t->n.f &= ~(unsigned)QZ_N_NODIGIT;
        t->n.end = fe;
        t->end = fe;
        return true;
    }

    size_t j = t->n.end;
    if (qz_is_vague_mark(ca) || ca == CP_JI_FEW) j = vague_mark(s, len, j, (t->n.f & QZ_N_SCALED) != 0, &t->vague);
    if (j == t->n.end && ca == CP_CHENG && !(t->n.f & (QZ_N_SCALED | QZ_N_RANGE))) {
        size_t te = read_tenths(s, len, j, &t->n.v);          /* 七成 = 70% */
        if (te) {
            size_t pe;
            t->unit = qz_match_unit("%", 1, 0, &pe);
            t->n.f |= QZ_N_TENTHS;
            t->end = te;
            return true;
        }
    }
    if (!(t->n.f & (QZ_N_CHINESE | QZ_N_SCALED)) && (j != t->n.end || ca == ' ' || qz_cn_mult(ca) > 0)) {
        size_t sp = qz_skip_spaces(s, len, j);
        size_t e = qz_read_scale(s, len, sp, &t->n.v, &t->scale, &t->ovf);
        if (t->scale > 0) {
            t->scaled = true;
            j = vague_mark(s, len, e, true, &t->vague);
        }
    }
    if ((t->n.f & QZ_N_SCALED) && !(t->n.f & QZ_N_CHINESE)) t->scaled = true;
    size_t sp = qz_skip_spaces(s, len, j), ue;
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

bool qz_looks_like_year(const qz_term *t)
{
    if (t->n.f & QZ_N_POSITIONAL) return true;
    if (t->n.f & (QZ_N_CHINESE | QZ_N_POINT | QZ_N_GROUPED)) return false;
    return t->n.intdigits == 4 && !t->scaled && t->n.v.m > 0;
}

/* Tries a range (1—2家, 4.5-5%, 两至三个) starting after a; on success
 * widens a into the range. */
bool qz_try_range(const char *s, size_t len, qz_term *a, qz_term *b)
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
    if (!qz_read_term(s, len, j, b)) return false;
    if ((a->n.f & QZ_N_RANGE) || (b->n.f & QZ_N_RANGE)) return false;
    if (!b->unit && b->end < len && is_dash(qz_cp(s, len, b->end, &k))) return false;   /* 400-800-1234 */
    if ((a->n.f | b->n.f) & QZ_N_LEADZERO) return false;                                /* 0571-8888 */
    if (a->unit && b->unit && !same_unit(a->unit, b->unit)) return false;
    /* 百分之八至九: the second bound of a 百分之 range carries no sign of its own */
    bool pct_pair = a->unit && !b->unit && strcmp(a->unit->base, "%") == 0 && (a->n.f & QZ_N_CHINESE) &&
                    (b->n.f & QZ_N_CHINESE);
    if (a->unit && !b->unit && !pct_pair) return false;
    if (a->ovf || b->ovf) return false;
    gwr_dec lo = a->n.v;
    if (!a->scaled && b->scaled && !gwr_dec_scale(&lo, b->scale)) return false;
    if (!qz_looks_like_year(a) && gwr_dec_cmp(lo, b->n.v) >= 0) return false;
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
bool qz_try_times(const char *s, size_t len, qz_term *a, qz_term *b)
{
    size_t k, j = a->end;
    if (a->unit || a->scaled || (a->n.f & (QZ_N_POINT | QZ_N_CHINESE)) || j >= len) return false;
    uint32_t c = qz_cp(s, len, j, &k);
    if (c != 0xD7 && c != '*') return false;
    j += k;
    if (j >= len || !qz_is_digit(qz_cp(s, len, j, &k))) return false;
    if (!qz_read_term(s, len, j, b) || !b->unit) return false;
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
bool qz_try_ratio(const char *s, size_t len, qz_term *a, qz_term *b)
{
    size_t k;
    if (a->unit || a->scaled) return false;
    for (int part = 0; part < 8; part++) {
        size_t j = qz_skip_spaces(s, len, a->end);
        if (j >= len || qz_cp(s, len, j, &k) != ':') return part > 0;
        j = qz_skip_spaces(s, len, j + k);
        if (j >= len || !qz_is_digit(qz_cp(s, len, j, &k))) return part > 0;
        if (!qz_read_term(s, len, j, b) || b->unit || b->scaled || b->ovf) return part > 0;
        if (part == 0) a->n.hi = b->n.v;
        a->end = b->end;
    }
    return true;
}
