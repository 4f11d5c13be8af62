/* quantity_num.c — reading numerals: Arabic (ASCII or full-width, with a
 * decimal point), Chinese (一百九十万零三千九百七十一, 十万零一千, 百亿, 两三)
 * and the scale words that follow a number (万, 亿, 万亿, 千万). */
#include "quantity_int.h"

#define QZ_LIMIT 1000000000000000000ULL   /* 10^18: beyond gwr_dec */

uint32_t qz_cp(const char *s, size_t len, size_t i, size_t *n)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[i];
    uint32_t cp;
    size_t k;
    if (c < 0x80) {
        *n = 1;
        return c;
    } else if (c >= 0xC2 && c <= 0xDF) {
        k = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        k = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 4;
        cp = c & 0x07;
    } else {
        *n = 1;
        return 0xFFFD;
    }
    if (i + k > len) {
        *n = 1;
        return 0xFFFD;
    }
    for (size_t j = 1; j < k; j++) {
        if ((u[i + j] & 0xC0) != 0x80) {
            *n = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (u[i + j] & 0x3F);
    }
    *n = k;
    if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;   /* full-width ASCII */
    if (cp == 0x3000) return ' ';
    if (cp == 0x2236) return ':';                           /* ∶ ratio */
    return cp;
}

uint32_t qz_prev(const char *s, size_t floor, size_t i, size_t *n)
{
    if (i <= floor) {
        *n = 0;
        return 0;
    }
    size_t j = i - 1, stop = i > floor + 4 ? i - 4 : floor;
    while (j > stop && ((unsigned char)s[j] & 0xC0) == 0x80) j--;
    size_t k;
    uint32_t c = qz_cp(s, i, j, &k);
    if (j + k != i) {          /* not a whole character: treat the last byte alone */
        *n = 1;
        return 0xFFFD;
    }
    *n = k;
    return c;
}

int qz_cn_digit(uint32_t c)
{
    switch (c) {
    case 0x3007: case 0x96F6: return 0;          /* 〇 零 */
    case 0x4E00: return 1;                       /* 一 */
    case 0x4E8C: case 0x4E24: return 2;          /* 二 两 */
    case 0x4E09: return 3;
    case 0x56DB: return 4;
    case 0x4E94: return 5;
    case 0x516D: return 6;
    case 0x4E03: return 7;
    case 0x516B: return 8;
    case 0x4E5D: return 9;
    default: return -1;
    }
}

int64_t qz_cn_mult(uint32_t c)
{
    switch (c) {
    case 0x5341: return 10;                      /* 十 */
    case 0x767E: return 100;                     /* 百 */
    case 0x5343: return 1000;                    /* 千 */
    case 0x4E07: return 10000;                   /* 万 */
    case 0x4EBF: return 100000000;               /* 亿 */
    default: return 0;
    }
}

static int log10_of(int64_t m)
{
    int k = 0;
    while (m > 1) {
        m /= 10;
        k++;
    }
    return k;
}

bool qz_read_arabic(const char *s, size_t len, size_t i, qz_num *n)
{
    size_t k;
    int64_t m = 0;
    int32_t e = 0;
    int sig = 0;
    bool point = false, ovf = false;
    *n = (qz_num){ .end = i };
    if (i >= len || !qz_is_digit(qz_cp(s, len, i, &k))) return false;
    while (i < len) {
        uint32_t c = qz_cp(s, len, i, &k);
        if (c == '.' && !point) {
            size_t k2;
            if (i + k >= len || !qz_is_digit(qz_cp(s, len, i + k, &k2))) break;
            point = true;
            i += k;
            continue;
        }
        if (c == ',' && !point && n->intdigits >= 1 && n->intdigits <= 3 + 4 * 3) {
            /* thousands separator: exactly three digits follow, then no digit */
            size_t j = i + k, cnt = 0, k2;
            while (j < len && cnt < 4 && qz_is_digit(qz_cp(s, len, j, &k2))) {
                j += k2;
                cnt++;
            }
            if (cnt != 3) break;
            i += k;
            continue;
        }
        if (!qz_is_digit(c)) break;
        if (!point) n->intdigits++;
        if (m == 0 && c == '0') {
            if (point) e--;
        } else if (++sig > 18) {
            ovf = true;
        } else {
            m = m * 10 + (int64_t)(c - '0');
            if (point) e--;
        }
        i += k;
    }
    n->end = i;
    if (point) n->f |= QZ_N_POINT;
    if (ovf || e < -18) {
        n->f |= QZ_N_OVERFLOW;
        n->v = (gwr_dec){ 0, 0 };
    } else {
        n->v = gwr_dec_norm((gwr_dec){ m, e });
    }
    return true;
}

size_t qz_read_scale(const char *s, size_t len, size_t i, gwr_dec *v, int *pow10, bool *ovf)
{
    size_t k;
    int count = 0;
    while (i < len && count < 3) {
        int64_t m = qz_cn_mult(qz_cp(s, len, i, &k));
        if (m == 0 || qz_unit_blocks_scale(s, len, i)) break;
        if (!*ovf && !gwr_dec_scale(v, log10_of(m))) {
            *ovf = true;
            *v = (gwr_dec){ 0, 0 };
        }
        *pow10 += log10_of(m);
        count++;
        i += k;
    }
    return i;
}

/* Checked a*b+c within 10^18. */
static bool mul_add(uint64_t *r, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t t;
    if (__builtin_mul_overflow(a, b, &t) || __builtin_add_overflow(t, c, &t) || t >= QZ_LIMIT) return false;
    *r = t;
    return true;
}

#define QZ_RUN_MAX 40

bool qz_read_chinese(const char *s, size_t len, size_t i, qz_num *n)
{
    uint32_t run[QZ_RUN_MAX];
    int nr = 0;
    size_t k;
    bool vague = false;
    *n = (qz_num){ .end = i };
    /* Collect the run; 余/多 count only between a numeral and a multiplier. */
    while (i < len) {
        uint32_t c = qz_cp(s, len, i, &k);
        if (!qz_is_cn_numeral(c)) {
            if ((c == 0x4F59 || c == 0x591A) && nr > 0 && i + k < len) {   /* 余 多 */
                size_t k2;
                if (qz_cn_mult(qz_cp(s, len, i + k, &k2)) >= 10000) {
                    vague = true;
                    i += k;
                    continue;
                }
            }
            break;
        }
        if (nr < QZ_RUN_MAX) run[nr] = c;
        nr++;
        i += k;
    }
    n->end = i;
    n->nchars = nr;
    n->f = QZ_N_CHINESE | (vague ? QZ_N_VAGUE : 0);
    if (nr == 0 || nr > QZ_RUN_MAX) return false;

    int ndig = 0;
    for (int j = 0; j < nr && qz_cn_digit(run[j]) >= 0; j++) ndig++;
    for (int j = 0; j < nr; j++)
        if (qz_cn_mult(run[j]) >= 10000) n->f |= QZ_N_SCALED;

    if (ndig == nr && nr >= 2) {
        int a = qz_cn_digit(run[0]), b = qz_cn_digit(run[1]);
        if (nr == 2 && a > 0 && b > a && b - a <= 2) {       /* 两三, 七八, 三五 */
            n->f |= QZ_N_RANGE;
            n->v = (gwr_dec){ a, 0 };
            n->hi = (gwr_dec){ b, 0 };
            return true;
        }
        uint64_t v = 0;                                      /* 二〇二三 */
        for (int j = 0; j < nr; j++)
            if (!mul_add(&v, v, 10, (uint64_t)qz_cn_digit(run[j]))) return false;
        n->f |= QZ_N_POSITIONAL;
        n->v = (gwr_dec){ (int64_t)v, 0 };
        return true;
    }
    if (ndig == 2) {                                         /* 二三十, 两三万 */
        int a = qz_cn_digit(run[0]), b = qz_cn_digit(run[1]);
        if (a <= 0 || b <= a || b - a > 2) return false;
        gwr_dec lo = { a, 0 }, hi = { b, 0 };
        for (int j = 2; j < nr; j++) {
            int64_t m = qz_cn_mult(run[j]);
            if (!m) return false;
            if (!gwr_dec_scale(&lo, log10_of(m)) || !gwr_dec_scale(&hi, log10_of(m))) {
                n->f |= QZ_N_OVERFLOW;
                n->v = (gwr_dec){ 0, 0 };
                return true;
            }
        }
        n->f |= QZ_N_RANGE;
        n->v = lo;
        n->hi = hi;
        return true;
    }
    if (ndig == 0) n->f |= QZ_N_NODIGIT;

    uint64_t yi = 0, wan = 0, sec = 0;
    int pend = -1;
    int64_t last_mult = 0, prev_mult = 0;    /* prev_mult: multiplier just before pend */
    bool prev_digit = false, ovf = false, after_zero = false;
    for (int j = 0; j < nr; j++) {
        int d = qz_cn_digit(run[j]);
        int64_t m = qz_cn_mult(run[j]);
        if (d == 0) {                                        /* 零: a filler */
            if (prev_digit || j == 0) return false;
            after_zero = true;
            prev_mult = 0;
            continue;
        }
        if (d > 0) {
            if (prev_digit) return false;
            pend = d;
            prev_digit = true;
            continue;
        }
        uint64_t p = pend > 0 ? (uint64_t)pend : 0;
        if (m < 10000) {
            if (last_mult && m >= last_mult) return false;   /* 十百, 百百 */
            if (pend < 0 && j > 0 && !after_zero && m != 10) return false;
            uint64_t unit = (pend > 0 ? (uint64_t)pend : 1) * (uint64_t)m;
            sec += unit;
            last_mult = m;
        } else if (m == 10000) {
            if (wan) return false;
            if (j == 0) {            /* 万 alone, 万亿 alone = 10^12 (the caller decides whether to take it) */
                if (nr >= 2 && qz_cn_mult(run[1]) != 100000000) return false;
                sec = 1;
            }
            if (!mul_add(&wan, 1, sec, p)) ovf = true;
            if (wan == 0) return false;
            sec = 0;
            last_mult = 0;
        } else {                                             /* 亿 */
            if (yi || (j == 0 && nr > 1)) return false;
            if (j == 0) sec = 1;                             /* 亿 alone (过亿元) */
            uint64_t part;
            if (!mul_add(&part, wan, 10000, sec + p)) ovf = true;
            else yi = part;
            if (!ovf && yi == 0) return false;
            wan = sec = 0;
            last_mult = 0;
        }
        pend = -1;
        prev_digit = false;
        after_zero = false;
        prev_mult = m;
    }
    uint64_t tail = 0;
    if (pend > 0) {
        /* 一万五 = 15000, 三千五 = 3500: a trailing digit right after a
         * multiplier of 100 or more counts one order below it. */
        uint64_t below = prev_mult >= 100 && !after_zero ? (uint64_t)prev_mult / 10 : 1;
        tail = (uint64_t)pend * below;
    }
    uint64_t v = 0;
    if (!ovf && (!mul_add(&v, yi, 100000000, 0) || !mul_add(&v, wan, 10000, v) ||
                 !mul_add(&v, 1, sec + tail, v)))
        ovf = true;
    if (ovf) {
        n->f |= QZ_N_OVERFLOW;
        n->v = (gwr_dec){ 0, 0 };
    } else {
        n->v = gwr_dec_norm((gwr_dec){ (int64_t)v, 0 });
    }
    return true;
}
