/* quantity_num.c — reading numerals: Arabic (ASCII or full-width, with a
 * decimal point), Chinese (一百九十万零三千九百七十一, 十万零一千, 百亿, 两三)
 * and the scale words that follow a number (万, 亿, 万亿, 千万). */
#include "quantity_int.h"

#define QZ_LIMIT 1000000000000000000ULL   /* 10^18: beyond gwr_dec */

const qz_fold qz_fold3[32] = {
    [ 0] = { 0x53C3, 0x53C1 },   /* 參 → 叁 */
    [ 3] = { 0x5104, 0x4EBF },   /* 億 → 亿 */
    [ 6] = { 0x842C, 0x4E07 },   /* 萬 → 万 */
    [15] = { 0x53C4, 0x53C1 },   /* 叄 → 叁 */
    [17] = { 0x500B, 0x4E2A },   /* 個 → 个 */
    [19] = { 0x3000, 0x0020 },   /* ideographic space */
    [21] = { 0x9678, 0x9646 },   /* 陸 → 陆 */
    [24] = { 0x9EDE, 0x70B9 },   /* 點 → 点 */
    [25] = { 0x5169, 0x4E24 },   /* 兩 → 两 */
    [27] = { 0x8CB3, 0x8D30 },   /* 貳 → 贰 */
    [28] = { 0x8CA0, 0x8D1F },   /* 負 → 负 */
    [30] = { 0x2236, 0x003A },   /* ∶ ratio → : */
    [31] = { 0x2212, 0x002D },   /* − minus → - */
};

/* The numerals by a perfect hash of the code point (QZ_CN_MUL): digit
 * (-1 for a multiplier), the power of ten of a multiplier (0 for a digit)
 * and the class (0 shared, 1 ordinary, 2 financial); an empty slot holds a
 * code point that is never read. */
const qz_cn qz_cn_tab[64] = {
    [ 0] = { 0xFFFFFFFFu, -1, 0, 1 },
    [ 1] = { 0xFFFFFFFFu, -1, 0, 1 },
    [ 2] = { 0x96F6,  0, 0, 0 },   /* 零 */
    [ 3] = { 0xFFFFFFFFu, -1, 0, 1 },
    [ 4] = { 0xFFFFFFFFu, -1, 0, 1 },
    [ 5] = { 0xFFFFFFFFu, -1, 0, 1 },
    [ 6] = { 0x9646,  6, 0, 2 },   /* 陆 */
    [ 7] = { 0xFFFFFFFFu, -1, 0, 1 },
    [ 8] = { 0xFFFFFFFFu, -1, 0, 1 },
    [ 9] = { 0x4E07, -1, 4, 0 },   /* 万 */
    [10] = { 0x8D30,  2, 0, 2 },   /* 贰 */
    [11] = { 0xFFFFFFFFu, -1, 0, 1 },
    [12] = { 0x8086,  4, 0, 2 },   /* 肆 */
    [13] = { 0xFFFFFFFFu, -1, 0, 1 },
    [14] = { 0x4E00,  1, 0, 1 },   /* 一 */
    [15] = { 0xFFFFFFFFu, -1, 0, 1 },
    [16] = { 0x4EDF, -1, 3, 2 },   /* 仟 */
    [17] = { 0xFFFFFFFFu, -1, 0, 1 },
    [18] = { 0x58F9,  1, 0, 2 },   /* 壹 */
    [19] = { 0xFFFFFFFFu, -1, 0, 1 },
    [20] = { 0xFFFFFFFFu, -1, 0, 1 },
    [21] = { 0x4E03,  7, 0, 1 },   /* 七 */
    [22] = { 0x5341, -1, 1, 1 },   /* 十 */
    [23] = { 0x4F70, -1, 2, 2 },   /* 佰 */
    [24] = { 0x516B,  8, 0, 1 },   /* 八 */
    [25] = { 0xFFFFFFFFu, -1, 0, 1 },
    [26] = { 0xFFFFFFFFu, -1, 0, 1 },
    [27] = { 0xFFFFFFFFu, -1, 0, 1 },
    [28] = { 0x4E94,  5, 0, 1 },   /* 五 */
    [29] = { 0x634C,  8, 0, 2 },   /* 捌 */
    [30] = { 0xFFFFFFFFu, -1, 0, 1 },
    [31] = { 0x53C1,  3, 0, 2 },   /* 叁 */
    [32] = { 0xFFFFFFFFu, -1, 0, 1 },
    [33] = { 0x62FE, -1, 1, 2 },   /* 拾 */
    [34] = { 0xFFFFFFFFu, -1, 0, 1 },
    [35] = { 0x4E09,  3, 0, 1 },   /* 三 */
    [36] = { 0x4E24,  2, 0, 1 },   /* 两 */
    [37] = { 0xFFFFFFFFu, -1, 0, 1 },
    [38] = { 0xFFFFFFFFu, -1, 0, 1 },
    [39] = { 0x56DB,  4, 0, 1 },   /* 四 */
    [40] = { 0xFFFFFFFFu, -1, 0, 1 },
    [41] = { 0x4F0D,  5, 0, 2 },   /* 伍 */
    [42] = { 0xFFFFFFFFu, -1, 0, 1 },
    [43] = { 0xFFFFFFFFu, -1, 0, 1 },
    [44] = { 0xFFFFFFFFu, -1, 0, 1 },
    [45] = { 0x4E5D,  9, 0, 1 },   /* 九 */
    [46] = { 0x4EBF, -1, 8, 0 },   /* 亿 */
    [47] = { 0xFFFFFFFFu, -1, 0, 1 },
    [48] = { 0x5343, -1, 3, 1 },   /* 千 */
    [49] = { 0xFFFFFFFFu, -1, 0, 1 },
    [50] = { 0x516D,  6, 0, 1 },   /* 六 */
    [51] = { 0x4E8C,  2, 0, 1 },   /* 二 */
    [52] = { 0xFFFFFFFFu, -1, 0, 1 },
    [53] = { 0x767E, -1, 2, 1 },   /* 百 */
    [54] = { 0xFFFFFFFFu, -1, 0, 1 },
    [55] = { 0xFFFFFFFFu, -1, 0, 1 },
    [56] = { 0xFFFFFFFFu, -1, 0, 1 },
    [57] = { 0x67D2,  7, 0, 2 },   /* 柒 */
    [58] = { 0x7396,  9, 0, 2 },   /* 玖 */
    [59] = { 0xFFFFFFFFu, -1, 0, 1 },
    [60] = { 0xFFFFFFFFu, -1, 0, 1 },
    [61] = { 0xFFFFFFFFu, -1, 0, 1 },
    [62] = { 0xFFFFFFFFu, -1, 0, 1 },
    [63] = { 0x3007,  0, 0, 0 },   /* 〇 */
};

const uint64_t qz_fold_bits[65536 / 64] = {
    [0x088] = 0x0040000000040000ULL,   /* − ∶ */
    [0x0C0] = 0x0000000000000001ULL,   /* U+3000 */
    [0x140] = 0x0000000000000800ULL,   /* 個 */
    [0x144] = 0x0000000000000010ULL,   /* 億 */
    [0x145] = 0x0000020000000000ULL,   /* 兩 */
    [0x14F] = 0x0000000000000018ULL,   /* 參 叄 */
    [0x210] = 0x0000100000000000ULL,   /* 萬 */
    [0x232] = 0x0008000100000000ULL,   /* 負 貳 */
    [0x259] = 0x0100000000000000ULL,   /* 陸 */
    [0x27B] = 0x0000000040000000ULL,   /* 點 */
    [0x3FC] = 0xFFFFFFFFFFFFFFFEULL,   /* FF01-FF3F */
    [0x3FD] = 0x000000007FFFFFFFULL,   /* FF40-FF5E */
};

uint32_t qz_cp_slow(const char *s, size_t len, size_t i, size_t *n)
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
    if (k == 3 && cp >= 0x2212) {
        switch (cp) {                                       /* traditional forms */
        case 0x2212: return '-';                            /* − minus sign */
        case 0x842C: return 0x4E07;                         /* 萬 → 万 */
        case 0x5104: return 0x4EBF;                         /* 億 → 亿 */
        case 0x5169: return 0x4E24;                         /* 兩 → 两 */
        case 0x9EDE: return 0x70B9;                         /* 點 → 点 */
        case 0x500B: return 0x4E2A;                         /* 個 → 个 */
        case 0x8CA0: return 0x8D1F;                         /* 負 → 负 */
        case 0x8CB3: return 0x8D30;                         /* 貳 → 贰 */
        case 0x53C3: case 0x53C4: return 0x53C1;            /* 參 叄 → 叁 */
        case 0x9678: return 0x9646;                         /* 陸 → 陆 */
        default: break;
        }
    }
    return cp;
}

uint32_t qz_prev_slow(const char *s, size_t floor, size_t i, size_t *n)
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

static int log10_of(int64_t m)
{
    switch (m) {                 /* the multipliers */
    case 10: return 1;
    case 100: return 2;
    case 1000: return 3;
    case 10000: return 4;
    case 100000000: return 8;
    default: break;
    }
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
    int groups = 0;
    *n = (qz_num){ .end = i };
    if (i >= len || !qz_is_digit(qz_cp(s, len, i, &k))) return false;
    while (i < len) {
        uint32_t c = qz_cp(s, len, i, &k);
        if (qz_is_digit(c)) {
            if (!point) n->intdigits++;
            if (!point && n->intdigits == 2 && m == 0) n->f |= QZ_N_LEADZERO;
            if (m == 0 && c == '0') {
                if (point) e--;
            } else if (++sig > 18) {
                ovf = true;
            } else {
                m = m * 10 + (int64_t)(c - '0');
                if (point) e--;
            }
            i += k;
            continue;
        }
        if (c == '.' && !point) {
            size_t k2;
            if (i + k >= len || !qz_is_digit(qz_cp(s, len, i + k, &k2))) break;
            point = true;
            i += k;
            continue;
        }
        if (c == ',' && !point && n->intdigits >= 1 && (groups > 0 || n->intdigits <= 3)) {
            /* thousands separator: 1-3 digits before the first, exactly
             * three digits after each, then no digit (1,2,3 and 2018,2019
             * stay apart); full-width ， too (1，011，038，000元). */
            size_t j = i + k, cnt = 0, k2;
            while (j < len && cnt < 4 && qz_is_digit(qz_cp(s, len, j, &k2))) {
                j += k2;
                cnt++;
            }
            if (cnt != 3) break;
            groups++;
            n->f |= QZ_N_GROUPED;
            i += k;
            continue;
        }
        break;
    }
    n->end = i;
    if (point) n->f |= QZ_N_POINT;
    if (ovf || e < -18) {
        n->f |= QZ_N_OVERFLOW;
        n->v = (gwr_dec){ 0, 0 };
    } else {
        n->v = qz_norm((gwr_dec){ m, e });
    }
    return true;
}

size_t qz_read_scale(const char *s, size_t len, size_t i, gwr_dec *v, int *pow10, bool *ovf)
{
    size_t k;
    int count = 0;
    while (i < len && count < 3) {
        uint32_t c = qz_cp(s, len, i, &k);
        int64_t m = qz_cn_mult(c);
        if (m == 0 || (qz_unit_first_cp(c) && qz_unit_blocks_scale(s, len, i))) break;   /* 千瓦, 百分点 */
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
#define CP_DIAN  0x70B9u   /* 点 */
#define CP_JI    0x51E0u   /* 几 */

static bool is_space_cp(uint32_t c) { return c == ' '; }

/* Value of a run of numeral characters (no 点): 一百九十万零三千九百七十一,
 * 两三, 二三十, 二〇二三. False when it is not a well-formed numeral. */
static bool parse_run(const uint32_t *run, int nr, qz_num *n)
{
    if (nr == 1) {                               /* 三, 十, 万 alone: what the general reading gives */
        const qz_cn *e = qz_cn_at(run[0]);
        if (e->cp == run[0]) {
            if (e->digit > 0) {
                n->v = (gwr_dec){ e->digit, 0 };
                return true;
            }
            if (e->digit < 0) {
                n->f |= QZ_N_NODIGIT | (e->pow10 >= 4 ? QZ_N_SCALED : 0);
                n->v = (gwr_dec){ 1, e->pow10 };
                return true;
            }
        }
    }
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
        n->v = qz_norm((gwr_dec){ (int64_t)v, 0 });
    }
    return true;
}

/* The decimal part after 点 (三点五, 百分之十一点六, 三点五亿): digits only,
 * then an optional scale. i is just past 点; returns the end, 0 when no
 * digit follows. */
static size_t read_cn_fraction(const char *s, size_t len, size_t i, qz_num *n)
{
    size_t k;
    int64_t frac = 0;
    int nd = 0;
    while (i < len) {
        int d = qz_cn_digit(qz_cp(s, len, i, &k));
        if (d < 0) break;
        if (nd < 17) {
            frac = frac * 10 + d;
            nd++;
        }
        n->nchars++;
        i += k;
    }
    if (nd == 0) return 0;
    if (!(n->f & QZ_N_OVERFLOW)) {
        gwr_dec v = n->v, f = { frac, -nd };
        if (!gwr_dec_add(&v, v, f)) {
            n->f |= QZ_N_OVERFLOW;
            v = (gwr_dec){ 0, 0 };
        }
        n->v = v;
    }
    n->f |= QZ_N_CNPOINT;
    int pow10 = 0;
    bool ovf = (n->f & QZ_N_OVERFLOW) != 0;
    size_t e = qz_read_scale(s, len, i, &n->v, &pow10, &ovf);
    if (ovf) {
        n->f |= QZ_N_OVERFLOW;
        n->v = (gwr_dec){ 0, 0 };
    }
    if (pow10 >= 4) n->f |= QZ_N_SCALED;
    n->nchars += (int)(pow10 > 0);
    return e;
}

static bool read_chinese_run(const char *s, size_t len, size_t i, qz_num *n, bool spaces)
{
    uint32_t run[QZ_RUN_MAX];
    int nr = 0, cls = 0;
    size_t k;
    bool vague = false, spaced = false;
    *n = (qz_num){ .end = i };
    /* Collect the run; 余/多/几 count only between a numeral and a
     * multiplier (十余万, 二十几万, 一百零几万). */
    while (i < len) {
        uint32_t c = qz_cp(s, len, i, &k);
        if (!qz_is_cn_numeral(c)) {
            if ((c == 0x4F59 || c == 0x591A || c == CP_JI) && nr > 0 && nr <= QZ_RUN_MAX && i + k < len) {   /* 余 多 几 */
                size_t k2;
                bool ok = c != CP_JI || qz_cn_mult(run[nr - 1]) > 0 || qz_cn_digit(run[nr - 1]) == 0;
                if (ok && qz_cn_mult(qz_cp(s, len, i + k, &k2)) >= 10000) {
                    vague = true;
                    i += k;
                    continue;
                }
            }
            if (c == CP_JI && nr > 0 && nr <= QZ_RUN_MAX && i + k < len) {   /* 一百几十亿: 几十 is a lower bound of 0 */
                size_t k2;
                int64_t m = qz_cn_mult(qz_cp(s, len, i + k, &k2)), pm = qz_cn_mult(run[nr - 1]);
                if (m > 0 && m < 10000 && pm > m && pm < 10000) {
                    vague = true;
                    i += k + k2;
                    continue;
                }
            }
            if (spaces && is_space_cp(c) && nr > 0) {           /* 三千 九百 六十五 */
                size_t j = i + k, k2;
                if (j < len && is_space_cp(qz_cp(s, len, j, &k2))) j += k2;
                if (j < len) {
                    uint32_t c2 = qz_cp(s, len, j, &k2);
                    int cc = qz_cn_class(c2);
                    if (qz_is_cn_numeral(c2) && !(cc && cls && cc != cls)) {
                        spaced = true;
                        i = j;
                        continue;
                    }
                }
            }
            break;
        }
        int cc = qz_cn_class(c);
        if (cc && cls && cc != cls) break;                   /* 队伍两个: 伍 stands apart */
        if (cc) cls = cc;
        if (nr < QZ_RUN_MAX) run[nr] = c;
        nr++;
        i += k;
    }
    n->end = i;
    n->nchars = nr;
    n->f = QZ_N_CHINESE | (vague ? QZ_N_VAGUE : 0) | (spaced ? QZ_N_SPACED : 0);
    if (nr == 0 || nr > QZ_RUN_MAX) return false;
    if (cls == 2 && nr < 2) return false;                    /* 伍家岗, 陆家嘴: a lone financial form is a word */

    bool point = false;
    if (i < len && qz_cp(s, len, i, &k) == CP_DIAN && i + k < len) {
        size_t k2;
        point = qz_cn_digit(qz_cp(s, len, i + k, &k2)) >= 0 && !vague;
    }
    bool ok;
    if (point && nr == 1 && qz_cn_digit(run[0]) == 0) {      /* 零点五 */
        n->v = (gwr_dec){ 0, 0 };
        ok = true;
    } else {
        ok = parse_run(run, nr, n);
    }
    if (ok && point && !(n->f & (QZ_N_RANGE | QZ_N_POSITIONAL | QZ_N_SCALED))) {
        size_t e = read_cn_fraction(s, len, i + k, n);
        if (e) {
            n->nchars++;
            n->end = e;
        }
    }
    return ok;
}

bool qz_read_chinese(const char *s, size_t len, size_t i, qz_num *n)
{
    if (read_chinese_run(s, len, i, n, true)) return true;
    if (!(n->f & QZ_N_SPACED)) return false;
    return read_chinese_run(s, len, i, n, false);
}

/* One number of a mixed form: a Chinese digit or an Arabic integer. */
static bool mixed_number(const char *s, size_t len, size_t i, uint64_t *v, size_t *end)
{
    size_t k;
    uint32_t c = qz_cp(s, len, i, &k);
    int d = qz_cn_digit(c);
    if (d > 0) {
        *v = (uint64_t)d;
        *end = i + k;
        return true;
    }
    if (!qz_is_digit(c)) return false;
    uint64_t x = 0;
    int nd = 0;
    while (i < len && qz_is_digit(c = qz_cp(s, len, i, &k))) {
        if (++nd > 4) return false;
        x = x * 10 + (c - '0');
        i += k;
    }
    if (i < len && (c == '.' || c == ',')) return false;
    *v = x;
    *end = i;
    return true;
}

bool qz_read_mixed(const char *s, size_t len, size_t i, qz_num *n)
{
    uint64_t yi = 0, wan = 0, sec = 0;
    int64_t last_small = 0;
    int pairs = 0;
    bool arabic = false, had_wan = false, had_yi = false;
    size_t end = i, k;
    *n = (qz_num){ .end = i };
    while (i < len && pairs < 12) {
        uint64_t d;
        size_t e, j;
        if (mixed_number(s, len, i, &d, &e)) {
            if (qz_is_digit(qz_cp(s, len, i, &k))) arabic = true;
            j = qz_skip_spaces(s, len, e);
        } else if (last_small && i == end && qz_cn_mult(qz_cp(s, len, i, &k)) >= 10000) {
            d = 0;                                              /* 2千万: the section times 万 */
            j = i;
        } else {
            break;
        }
        if (j >= len) break;
        int64_t m = qz_cn_mult(qz_cp(s, len, j, &k));
        if (!m || (qz_unit_first_cp(qz_cp(s, len, j, &k)) && qz_unit_blocks_scale(s, len, j))) break;
        if (m < 10000) {
            if (d > 9 || (last_small && m >= last_small)) break;
            sec += d * (uint64_t)m;
            last_small = m;
        } else if (sec && d && last_small > 10) {
            break;                                              /* 5千4万: not a numeral */
        } else if (m == 10000) {
            if (had_wan || sec + d >= 10000) break;
            wan = sec + d;
            sec = 0;
            last_small = 0;
            had_wan = true;
        } else {
            if (had_yi || had_wan || sec + d >= 100000000) break;
            yi = sec + d;
            sec = 0;
            last_small = 0;
            had_yi = true;
        }
        pairs++;
        end = j + k;
        i = qz_skip_spaces(s, len, end);
        if (i < len && qz_cp(s, len, i, &k) == 0x96F6) i += k;   /* 5万零6百 */
    }
    if (pairs < 2 || !arabic) return false;
    n->v = qz_norm((gwr_dec){ (int64_t)(yi * 100000000 + wan * 10000 + sec), 0 });
    n->f = QZ_N_SCALED;
    n->end = end;
    n->intdigits = 1;
    return true;
}

bool qz_read_spaced(const char *s, size_t len, size_t i, qz_num *n)
{
    size_t k;
    uint64_t v = 0;
    int nd = 0;
    *n = (qz_num){ .end = i };
    while (i < len && nd < 18) {
        uint32_t c = qz_cp(s, len, i, &k);
        if (!qz_is_digit(c)) return false;
        v = v * 10 + (c - '0');
        nd++;
        i += k;
        if (i >= len) break;
        uint32_t nx = qz_cp(s, len, i, &k);
        if (qz_is_digit(nx) || nx == '.' || nx == ',') return false;   /* a group of more than one digit */
        if (nx != ' ') break;
        size_t k2;
        if (i + k >= len || !qz_is_digit(qz_cp(s, len, i + k, &k2))) break;
        i += k;
    }
    if (nd < 2) return false;
    n->v = qz_norm((gwr_dec){ (int64_t)v, 0 });
    n->f = QZ_N_SPACED;
    n->intdigits = nd;
    n->end = i;
    return true;
}

bool qz_divide(gwr_dec y, gwr_dec x, gwr_dec *out, bool *rounded)
{
    if (x.m <= 0 || y.m < 0) return false;
    __int128 num = y.m, den = x.m;
    int e = y.e - x.e;
    *rounded = false;
    __int128 p = num;
    for (int sh = 0; sh <= 18; sh++, p *= 10) {
        if (p % den == 0) {
            __int128 q = p / den;
            if (q >= (__int128)QZ_LIMIT) break;
            gwr_dec r = { (int64_t)q, e - sh };
            if (!gwr_dec_scale(&r, 0)) return false;
            *out = qz_norm(r);
            return true;
        }
    }
    /* Does not terminate: QZ_FRAC_DIGITS significant digits, half up. */
    int sh = 0;
    while (num / den < 100000 && sh < 36) {
        num *= 10;
        sh++;
    }
    while (num / den >= 1000000) {
        den *= 10;
        sh--;
    }
    __int128 q = (2 * num + den) / (2 * den);
    gwr_dec r = { (int64_t)q, e - sh };
    if (!gwr_dec_scale(&r, 0)) return false;
    *out = qz_norm(r);
    *rounded = true;
    return true;
}
