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

size_t qz_skip_spaces(const char *s, size_t len, size_t i)
{
    size_t k;
    while (i < len && qz_cp(s, len, i, &k) == ' ') i += k;
    return i;
}

bool qz_read_term(const char *s, size_t len, size_t i, qz_term *t)
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
            /* 百分之十一点八 = 11.8% */
            size_t kp, kd;
            if (!qz_is_digit(c2) && t->n.end < len && qz_cp(s, len, t->n.end, &kp) == 0x70B9) {   /* 点 */
                size_t j = t->n.end + kp;
                int d, nd = 0;
                gwr_dec v = t->n.v;
                while (j < len && (d = qz_cn_digit(qz_cp(s, len, j, &kd))) >= 0 && d <= 9 &&
                       gwr_dec_mul_int(&v, 10) && gwr_dec_add(&v, v, (gwr_dec){ d, 0 })) {
                    j += kd;
                    nd++;
                }
                if (nd > 0) {
                    v.e -= nd;
                    t->n.v = gwr_dec_norm(v);
                    t->n.end = j;
                }
            }
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
        size_t sp = qz_skip_spaces(s, len, j);
        size_t e = qz_read_scale(s, len, sp, &t->n.v, &t->scale, &t->ovf);
        if (t->scale > 0) {
            t->scaled = true;
            j = vague_mark(s, len, e, true, &t->vague);
        }
    }
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
    if (t->n.f & (QZ_N_CHINESE | QZ_N_POINT)) return false;
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
