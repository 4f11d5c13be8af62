/* quantity.c — finding the quantities of a text: a number (Arabic or
 * Chinese), its scale (万, 亿), unit, range and qualifier; and deciding what
 * is not a figure (years, dates, ranks, names, note markers). The numerals are
 * read in quantity_num.c, a number with its scale and unit (and ranges,
 * ratios) in quantity_term.c, the words around them matched in
 * quantity_unit.c. */
#include "quantity_int.h"
#include "unit.h"
#include <string.h>

static const char *const qual_names[GWR_Q__COUNT] = {
    "exact", "about", "atleast", "over", "atmost", "under", "range",
};

const char *gwr_qual_name(gwr_qual q) { return (unsigned)q < GWR_Q__COUNT ? qual_names[q] : "?"; }

#define CP_DI   0x7B2Cu   /* 第 */
#define CP_JI   0x7EA7u   /* 级 */
#define CP_SHANG 0x4E0Au  /* 上 */
#define CP_FU   0x8D1Fu   /* 负 */
#define CP_SHU  0x6570u   /* 数 */
#define CP_JI_FEW 0x51E0u /* 几 */

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

/* 8:30, 14：05, 09:00 — a clock time: an hour of at most 24, a colon,
 * exactly two digits below 60. An hour of one digit below 5 with minutes
 * not starting with 0 is a ratio instead (师生比1:15, 1:50). */
static bool is_time(const char *s, size_t len, const qz_term *a, size_t *end)
{
    size_t k, j = a->n.end;
    if (a->unit || a->scaled || (a->n.f & QZ_N_POINT) || a->n.intdigits > 2 || a->n.v.m > 24 || a->n.v.e > 0)
        return false;
    if (j >= len || qz_cp(s, len, j, &k) != ':') return false;
    j += k;
    int d[3], nd = 0;
    while (j < len && nd < 3) {
        uint32_t c = qz_cp(s, len, j, &k);
        if (!qz_is_digit(c)) break;
        d[nd++] = (int)(c - '0');
        j += k;
    }
    if (nd != 2 || d[0] > 5) return false;
    if (a->n.intdigits == 1 && a->n.v.m < 5 && d[0] != 0) return false;
    while (j + 2 < len && s[j] == ':' && qz_is_digit((unsigned char)s[j + 1]) && qz_is_digit((unsigned char)s[j + 2]))
        j += 3;                                                  /* 12:30:45 */
    *end = j;
    return true;
}

/* 一 二 两 三 四 五 六 七 八 九: the ordinary digits (not 〇 零, not the
 * financial forms) */
static inline bool plain_cn_digit(uint32_t c)
{
    switch (c) {
    case 0x4E00: case 0x4E8C: case 0x4E24: case 0x4E09: case 0x56DB:
    case 0x4E94: case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D:
        return true;
    default:
        return false;
    }
}

/* A one-character numeral c (three bytes at i, an ordinary digit) inside
 * a word, where a unit or another word c1 (k1 bytes) follows (一个, 一项, 三是): try_at rejects it at once unless a range
 * follows (三至五个) or it carries a unit and is not 一 (两年). The reading
 * of qz_read_term is certain when the next character is none of a
 * numeral, 余 多 几 点 分 又 成 and a space; its unit, and where it ends,
 * are found as qz_read_term finds them. Returns 0 (rejected; *next set)
 * or -1 (not decided). */
static int fast_cn_word(const char *s, size_t len, size_t i, uint32_t c, uint32_t c1, size_t k1, size_t *next)
{
    size_t ue;
    if (qz_is_cn_numeral(c1) || qz_is_vague_mark(c1) || c1 == CP_JI_FEW || c1 == 0x70B9u || c1 == 0x5206u ||
        c1 == 0x53C8u || c1 == 0x6210u || c1 == ' ')
        return -1;                                                                    /* 点 分 又 成 */
    const qz_unit *unit = qz_match_unit_cp(s, len, i + 3, c1, k1, &ue);
    size_t aend = unit ? ue : i + 3;
    uint32_t nx = cp_at(s, len, aend);
    if (unit && nx == '/') return -1;                                                 /* 800元/月 */
    if (nx == '-' || nx == '~' || nx == 0x2014 || nx == 0x2013 || nx == 0x2015 || nx == 0x81F3 || nx == 0x5230)
        return -1;                                                                    /* 三至五个 */
    if (unit && c != 0x4E00 && !is_close_quote(nx) && nx != 0xD7 && nx != '*' && nx != 0x2212 && nx != ':' &&
        nx != ' ' && is_open_quote(qz_prev(s, 0, i, &k1)) && quoted_name(s, len, i + 3)) {
        *next = aend;                                                                 /* “两个维护” */
        return 0;
    }
    if (unit && !(c == 0x4E00 && qz_prev(s, 0, i, &k1) != CP_DI)) return -1;         /* 两年; 第一位 */
    *next = aend;
    return 0;
}

/* A numeral of two or more characters inside a word (二十大, 十二届, 第十二届):
 * an ordinary digit or 十 at i (c), then ordinary digits and 十 百 千 (no
 * 万 亿 零, no financial form), then a Chinese character that can neither
 * extend the number nor be a unit, nor start a qualifier word after it.
 * try_at rejects it and resumes after the numeral, unless, for a numeral
 * starting with 十, a qualifier word stands before it (超十二) or 负 does.
 * True (*next set) when rejected; false when not decided. */
static bool cn_run_word(const char *s, size_t len, size_t floor, size_t i, uint32_t c, size_t *next)
{
    size_t j = i + 3, k = 0;
    uint32_t x = 0;
    while (j < len) {
        x = qz_cp(s, len, j, &k);
        if (!plain_cn_digit(x) && x != 0x5341 && x != 0x767E && x != 0x5343) break;   /* 十 百 千 */
        j += k;
    }
    if (j == i + 3 || j >= len || k != 3 || !qz_is_han(x) || qz_follow_cp(x) || x == 0x4EE5 || x == 0x53CA ||
        x == 0x4E4B || x == 0x5DE6 || x == CP_SHANG || x == CP_JI)
        return false;                                                 /* 以 及 之 左 上 级 */
    if (c == 0x5341) {
        size_t kp;
        uint32_t prev = qz_prev(s, 0, i, &kp);
        if (prev == CP_FU) return false;
        if (prev != CP_DI && qz_prefix_may(s, floor, i, qz_prev(s, floor, i, &kp))) return false;
    }
    *next = j;
    return true;
}

/* 亿元, 万人, 百年 after a word: a lone 百 千 万 or 亿 at i, followed by c1
 * (k1 bytes), neither a numeral nor what extends one. try_at rejects it
 * and resumes after its unit, unless 上 数 几 (上百家, 数万人), 负 or 第
 * stand before it, a qualifier word may (超万人), or a range, product or
 * per-unit follows. True (*next set) when rejected; false when not decided. */
static bool lone_mult_word(const char *s, size_t len, size_t floor, size_t i, uint32_t c1, size_t k1, size_t *next)
{
    if (qz_is_vague_mark(c1) || c1 == CP_JI_FEW || c1 == 0x70B9u || c1 == 0x5206u || c1 == 0x53C8u ||
        c1 == 0x6210u || c1 == ' ')
        return false;                                                 /* 点 分 又 成 */
    size_t kp, ue;
    uint32_t prev = qz_prev(s, 0, i, &kp);
    if (prev == CP_SHANG || prev == CP_SHU || prev == CP_JI_FEW || prev == CP_FU || prev == CP_DI) return false;
    if (qz_prefix_may(s, floor, i, qz_prev(s, floor, i, &kp))) return false;
    const qz_unit *unit = qz_match_unit_cp(s, len, i + 3, c1, k1, &ue);
    size_t aend = unit ? ue : i + 3;
    uint32_t nx = cp_at(s, len, aend);
    if ((unit && nx == '/') || nx == 0xD7 || nx == '*' || nx == '-' || nx == '~' || nx == 0x2014 || nx == 0x2013 ||
        nx == 0x2015 || nx == 0x2212 || nx == 0x81F3 || nx == 0x5230 || nx == ':' || nx == ' ')
        return false;
    *next = aend;
    return true;
}

/* The common figure, decided without the general rules below: ASCII digits
 * with an optional fraction (6.5, 2023, 1062) after a Chinese character and
 * before '%' or a Chinese character, with or without a unit. Every rule of
 * try_at that could apply to such a number is applied here in the same
 * order; whatever else may follow (a scale, 余 多 几 分 又 成, a dash, a
 * colon, a space, a quote, '/', another digit, point or comma) and whatever
 * else may precede (负 第 届, punctuation, letters) is left to try_at.
 * Returns 1 (a figure in *q), 0 (none; *next set) or -1 (not decided). */
static int fast_arabic(const char *s, size_t len, size_t floor, size_t i, gwr_quantity *q, size_t *next)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t k, kp;
    uint32_t prev = qz_prev(s, 0, i, &kp);                                            /* 0 at the start */
    bool open_quote = prev == 0x201C || prev == 0x2018 || prev == 0x300C || prev == 0x300E;
    if (qz_is_han(prev)) {
        if (prev == CP_FU || prev == CP_DI || prev == 0x5C4Au) return -1;          /* 负 第 届 */
    } else if (!(prev == 0x3001 || prev == 0x3002 || prev == ',' || prev == ';' || prev == '(' || prev == 0x201D ||
                 prev == 0 || open_quote)) {
        return -1;
    }

    /* the number, as qz_read_arabic reads it */
    size_t j = i;
    int64_t m = 0;
    int32_t e = 0;
    int sig = 0, intdigits = 0;
    bool leadzero = false, point = false;
    while (j < len && (unsigned)(u[j] - '0') <= 9) {
        unsigned d = u[j] - '0';
        if (++intdigits == 2 && m == 0) leadzero = true;
        if (!(m == 0 && d == 0)) {
            if (++sig > 18) return -1;
            m = m * 10 + d;
        }
        j++;
    }
    if (j + 1 < len && u[j] == '.' && (unsigned)(u[j + 1] - '0') <= 9) {
        point = true;
        j++;
        while (j < len && (unsigned)(u[j] - '0') <= 9) {
            unsigned d = u[j] - '0';
            if (!(m == 0 && d == 0)) {
                if (++sig > 18) return -1;
                m = m * 10 + d;
            }
            e--;
            j++;
        }
        if (e < -18) return -1;
    }
    /* what follows: '%', a letter or '+' (5G, 1+5+N: not a figure), 万 or
     * 亿, or a Chinese character that is neither another scale nor one of
     * 分 又 余 多 几 成 */
    if (j >= len) return -1;
    size_t nend = j;
    bool scale = false;
    uint32_t c = 0;
    if (u[j] == '%') {
        /* the unit */
    } else if (qz_is_alpha(u[j]) || u[j] == '+') {
        *next = nend;
        return 0;
    } else if (u[j] >= 0xE4 && u[j] <= 0xE9) {
        c = qz_cp(s, len, j, &k);
        int64_t mult = qz_cn_mult(c);
        if (k != 3) return -1;
        if (mult >= 10000) scale = true;
        else if (mult > 0 || c == 0x5206u || c == 0x53C8u || qz_is_vague_mark(c) || c == CP_JI_FEW || c == 0x6210u)
            return -1;
    } else {
        return -1;
    }
    gwr_dec v = qz_norm((gwr_dec){ m, e });
    uint32_t cs = 0;                              /* after a scale: the character after it (kc2 bytes) */
    size_t kc2 = 0;

    size_t ue, aend = nend;
    if (scale) {
        if (!point && intdigits <= 4) {
            /* qz_read_term would try 5万4千6百 when a number follows the scale */
            size_t i2 = qz_skip_spaces(s, len, nend + 3), k2;
            if (i2 < len && qz_cp(s, len, i2, &k2) == 0x96F6) i2 += k2;   /* 零 */
            uint32_t c2 = i2 < len ? qz_cp(s, len, i2, &k2) : 0;
            if (i2 < len && (qz_is_digit(c2) || qz_cn_digit(c2) > 0 || qz_cn_mult(c2) >= 10000)) return -1;
        }
        size_t a2 = nend + 3;
        cs = a2 < len ? qz_cp(s, len, a2, &kc2) : 0;
        if (qz_cn_mult(cs) == 0 && !qz_unit_first_cp(c)) {
            /* one scale character (万, 亿), as qz_read_scale reads it */
            if (!gwr_dec_scale(&v, c == 0x4E07u ? 4 : 8)) return -1;
            aend = a2;
        } else {
            int pow10 = 0;
            bool ovf = false;
            aend = qz_read_scale(s, len, nend, &v, &pow10, &ovf);
            if (ovf || pow10 == 0) return -1;
            cs = aend < len ? qz_cp(s, len, aend, &kc2) : 0;
        }
        if (aend < len && (cs == ' ' || qz_is_vague_mark(cs))) return -1;                 /* 3万余元, 5万 人 */
    }
    const qz_unit *unit;
    if (aend < len && u[aend] == '%') {          /* "%" is the only unit written with '%' */
        unit = qz_unit_percent;
        aend++;
    } else {
        unit = !scale ? qz_match_unit_cp(s, len, aend, c, 3, &ue)
                      : aend < len ? qz_match_unit_cp(s, len, aend, cs, kc2, &ue) : NULL;
        if (unit) aend = ue;
    }
    uint32_t after = cp_at(s, len, aend);
    if (qz_is_han(after) ? after == 0x81F3 || after == 0x5230 || qz_is_vague_mark(after) || (!unit && scale && after == CP_JI)
                         : after == 0xD7 || after == '*' || after == '-' || after == '~' || after == 0x2014 ||
                               after == 0x2013 || after == 0x2015 || after == 0x2212 || after == ':' || after == ' ' ||
                               after == '/' || is_close_quote(after))
        return -1;
    *next = aend;

    unsigned uflags = unit ? unit->flags : 0;
    bool year = !point && !scale && intdigits == 4 && v.m > 0;                         /* qz_looks_like_year */
    if (!unit && !scale && !point && (leadzero || (intdigits == 11 && v.m >= 13000000000LL && v.m < 20000000000LL)))
        return 0;                                                                     /* 0571, 13912345678 */
    if (after == '+') return 0;
    if (open_quote && quoted_name(s, len, nend)) return 0;                            /* “4321” */
    if (uflags & (QZ_U_DATE | QZ_U_NAME)) return 0;                                   /* 12月27日, 40周年 */
    if ((uflags & QZ_U_YEAR) && year) return 0;                                       /* 2023年 */

    gwr_qual qual = GWR_Q_EXACT, pq;
    unsigned flags = 0, qf = 0;
    size_t end = aend, start = i, qe, pstart;
    bool has_suffix = false, has_prefix = false;
    if (qz_suffix_may(s, len, end) && qz_match_suffix(s, len, end, &qual, &qf, &qe)) {
        has_suffix = true;
        end = qe;
        flags |= qf;
    }
    uint32_t pf = prev;                            /* the character before i, as qz_prev(s, floor, i) reads it */
    if (!(kp == 1 ? i > floor : i >= floor + 3)) pf = qz_prev(s, floor, i, &k);
    if (qz_prefix_may(s, floor, i, pf) && qz_match_prefix(s, floor, start, &pq, &qf, &pstart) &&
        !((uflags & QZ_U_TIME) && (qf & GWR_QF_VAGUE))) {
        has_prefix = true;
        if (!has_suffix) qual = pq;
        flags |= qf;
        start = pstart;
    }
    if (!unit && !scale && !has_suffix) {
        if (qz_is_han(after)) return 0;                                               /* 323攻坚行动 */
        if (year && !has_prefix) return 0;                                            /* 到2025， */
    }
    memset(q, 0, sizeof *q);
    q->value = v;
    if (unit) {
        memcpy(q->unit, qz_unit_padded(unit), sizeof q->unit);
        q->unit_id = qz_unit_id(unit);
    }
    q->qual = qual;
    q->flags = flags;
    q->off = (uint32_t)start;
    q->len = (uint32_t)(end - start);
    *next = end;
    return 1;
}

/* Examines the candidate at s[i]. Returns true with *q filled for a figure;
 * otherwise false. Either way *next is where scanning resumes (> i). */
static bool try_at(const char *s, size_t len, size_t floor, size_t i, gwr_quantity *q, size_t *next)
{
    qz_term a, b;
    size_t k;
    if (!qz_read_term(s, len, i, &a)) {
        *next = a.end;
        return false;
    }
    *next = a.end;
    const bool chinese = a.n.f & QZ_N_CHINESE;
    if (chinese && a.n.nchars == 1 && !(a.n.f & (QZ_N_FRACTION | QZ_N_NODIGIT | QZ_N_RANGE))) {
        /* The common case, a numeral inside a word (一批, 统一, 三大): a lone
         * 一 (unless 第一位) or a one-character numeral with no unit is never
         * a figure, unless a range follows (三至五个). Decided here, before
         * the costlier context checks below, which would reject it too. */
        uint32_t nx = cp_at(s, len, a.end);
        bool dash = nx == '-' || nx == '~' || nx == 0x2014 || nx == 0x2013 || nx == 0x2015 || nx == 0x81F3 || nx == 0x5230;
        bool one = a.n.v.m == 1 && a.n.v.e == 0;
        if (!dash && ((!a.unit && !(a.n.f & QZ_N_TENTHS)) || (one && qz_prev(s, 0, i, &k) != CP_DI))) return false;
    }
    size_t start = i;
    bool negative = false;

    /* context before the number */
    uint32_t prev = qz_prev(s, 0, i, &k);
    const bool frac = a.n.f & QZ_N_FRACTION;
    if (prev == CP_FU && i >= k) {                             /* 负三十二, 负6.6 (not 担负, 胜负) */
        size_t k2;
        uint32_t p2 = qz_prev(s, 0, i - k, &k2);
        static const uint32_t words[] = { 0x62C5, 0x80A9, 0x62B1, 0x8F9C, 0x80DC, 0x6B3A, 0x81EA, 0x8EAB,
                                          0x80CC, 0x4E8F, 0x6B63, 0x5F53, 0x62C5 };   /* 担肩抱辜胜欺自身背亏正当 */
        bool word = false;
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) word = word || p2 == words[w];
        if (!word) {
            negative = true;
            start = i - k;
        }
    } else if (!chinese && prev == '-') {
        size_t k2;
        uint32_t p2 = qz_prev(s, 0, i - k, &k2);
        if (p2 == 0 || qz_is_han(p2) || p2 == ' ' || p2 == '(' || p2 == ':') {   /* 增长-2.3%, 为：-1 */
            negative = true;
            start = i - k;
        }
    }
    if (!chinese && (qz_is_alpha(prev) || prev == '+' || prev == '.' || prev == '/')) return false;
    bool rank = prev == CP_DI;

    if (!chinese) {
        /* 0571-88888888, 400-800-1234: a code, not a range */
        size_t e = i, groups = 0;
        while (e < len && qz_is_digit((unsigned char)s[e])) {
            while (e < len && qz_is_digit((unsigned char)s[e])) e++;
            groups++;
            if (e + 1 < len && s[e] == '-' && qz_is_digit((unsigned char)s[e + 1])) e++;
            else break;
        }
        if (groups >= 3 || (groups == 2 && (a.n.f & QZ_N_LEADZERO))) {
            *next = e;
            return false;
        }
        if (prev == '-' && !negative && i >= 2 && qz_is_digit((unsigned char)s[i - 2]) && !a.unit) return false;
        if (is_time(s, len, &a, &e)) {                                                   /* 8:30 */
            *next = e;
            return false;
        }
    }
    bool ratio = false, range = false;
    /* a product, range or ratio starts with × *, a dash, 至 到, or ':' (after spaces) */
    uint32_t join = cp_at(s, len, a.end);
    if (join == 0xD7 || join == '*' || join == '-' || join == '~' || join == 0x2014 || join == 0x2013 ||
        join == 0x2015 || join == 0x2212 || join == 0x81F3 || join == 0x5230 || join == ':' || join == ' ') {
        if (qz_try_times(s, len, &a, &b)) {
            *next = a.end;
        } else if (qz_try_range(s, len, &a, &b)) range = true;
        else if (!chinese && !negative && qz_try_ratio(s, len, &a, &b)) ratio = true;
    }
    *next = a.end;
    range = range || (a.n.f & QZ_N_RANGE);

    /* context after the number */
    uint32_t after_num = cp_at(s, len, a.n.end);
    uint32_t after = cp_at(s, len, a.end);
    unsigned uflags = a.unit ? a.unit->flags : 0;
    if (!chinese && !ratio && (qz_is_alpha(after_num) || after_num == '+')) return false;   /* 5G, 1+5+N */
    if (!a.unit && after_num == '/') return false;                                    /* 1/4 */
    if (!chinese && after_num == '.' && qz_is_digit(cp_at(s, len, a.n.end + 1))) {  /* 2222.2222.22222, 192.168.1.1 */
        size_t e = a.n.end;
        while (e < len && (s[e] == '.' || qz_is_digit((unsigned char)s[e]))) e++;
        *next = e;
        return false;
    }
    if (!chinese && !a.unit && !a.scaled && !ratio && !range && !(a.n.f & QZ_N_POINT) &&
        ((a.n.f & QZ_N_LEADZERO) ||
         (a.n.intdigits == 11 && a.n.v.m >= 13000000000LL && a.n.v.m < 20000000000LL)))
        return false;                                                                 /* 0571, 13912345678 */
    if (prev == 0x5C4A && a.unit && strcmp(a.unit->base, "次") == 0) return false;     /* 十二届四次全会 */
    if (after == '+') return false;
    /* A quoted number is a name (“4321”, “两个确立”, “跑两头”, “双11”), unless
     * the quotes hold just the figure with its unit (“7%”, “100亿元”). */
    bool quoted_figure = a.unit && is_open_quote(prev) && is_close_quote(after);
    if (!quoted_figure && is_open_quote(prev) && quoted_name(s, len, a.n.end)) return false;
    if (!quoted_figure && is_close_quote(after) && quoted_before(s, i)) return false;
    if (!chinese && (prev == 0xB7 || after_num == 0xB7 || after_num == '#')) return false;  /* 4·14, 2#装置 */
    if (uflags & (QZ_U_DATE | QZ_U_NAME)) return false;                               /* 12月27日, 40周年 */
    if ((uflags & QZ_U_YEAR) && qz_looks_like_year(&a)) return false;                   /* 2023年 */
    if (a.n.f & QZ_N_POSITIONAL) return false;
    if (rank && !(uflags & QZ_U_RANK)) return false;                                  /* 第十二次 */

    bool bare = !a.unit && !a.scaled && !ratio && !frac;
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
    if (!ratio && qz_suffix_may(s, len, end) && qz_match_suffix(s, len, end, &qual, &qf, &qe)) {
        has_suffix = true;
        end = qe;
        flags |= qf;
    } else if (a.unit && !a.vague && end < len && qz_is_vague_mark(cp_at(s, len, end))) {
        /* 两年多, 3个月余: 多/余 after the unit, before the end of the phrase or 来/时/的 */
        qz_cp(s, len, end, &k);
        uint32_t c = cp_at(s, len, end + k);
        if (!qz_is_han(c) || c == 0x6765 || c == 0x65F6 || c == 0x7684) {
            a.vague = true;
            end += k;
        }
    }
    gwr_qual pq;
    size_t pstart;
    bool time_unit = a.unit && (a.unit->flags & QZ_U_TIME);
    if (!ratio && !rank && qz_match_prefix(s, floor, start, &pq, &qf, &pstart) &&
        !(time_unit && (qf & GWR_QF_VAGUE))) {                                      /* 近五年: the last five years */
        has_prefix = true;
        if (!has_suffix) qual = pq;
        flags |= qf;
        start = pstart;
    }
    const uint32_t after_all = after;   /* a.end has not moved since */

    if (bare && !chinese && !has_suffix && !(a.n.f & QZ_N_SPACED)) {
        if (qz_is_han(after_all) && !qz_is_vague_mark(after_all)) return false;          /* 323攻坚行动 */
        if (qz_looks_like_year(&a) && !has_prefix) return false;                        /* 到2025， */
        if (!(a.n.f & QZ_N_POINT) && !has_prefix &&
            (after_all == 0x3001 || after_all == '.' || after_all == ')') &&       /* 1、 1. 1) */
            (prev == 0 || prev == '\n' || prev == ' ' || prev == '(')) return false;
    }
    if (chinese && !frac) {
        bool lone_one = a.n.nchars == 1 && a.n.v.m == 1 && a.n.v.e == 0 && !(a.n.f & QZ_N_RANGE);
        if (lone_one && !rank) return false;                                          /* 一是, 统一, 一批 */
        bool phrase_end = !qz_is_han(after_all) && end == a.end;
        bool few = false;
        if ((a.n.f & QZ_N_NODIGIT) && (prev == CP_SHU || prev == CP_JI_FEW) && !rank && start > floor &&
            start == i && !qz_match_lit(s, len, i, "百分之")) {
            /* 数百家, 几十年, 数十万: a few of the multiplier (lower bound) */
            size_t k2, kp;
            qz_prev(s, floor, i, &kp);
            uint32_t p2 = qz_prev(s, floor, i - kp, &k2);
            static const uint32_t nouns[] = { 0x6307, 0x4EBA, 0x603B, 0x6237, 0x500D, 0x7CFB, 0x57FA, 0x6B21,
                                              0x5C81, 0x5206, 0x4EF6, 0x4F4D, 0x53C2, 0x51FD, 0x53D8, 0x5E38,
                                              0x65E0, 0x591A, 0x5C11, 0x534A, 0x5B9A, 0x5B9E, 0x53F0, 0x4E2A,
                                              0x6570, 0x80A1, 0x7B97, 0x4EE3, 0x8BA1, 0x70B9, 0x5F97 };
            /* 指人总户倍系基次岁分件位参函变常无多少半定实台个数股算代计点得 */
            bool noun = false;
            for (size_t w = 0; prev == CP_SHU && w < sizeof nouns / sizeof nouns[0]; w++) noun = noun || p2 == nouns[w];
            if (!noun && (a.unit || (a.n.f & QZ_N_SCALED) || !qz_is_han(after_all))) {
                few = true;
                a.vague = true;
                start -= kp;
            }
        }
        if (a.n.nchars == 1 && !a.unit && !a.scaled && !few &&
            !((a.n.f & QZ_N_NODIGIT) && phrase_end && (prev == CP_SHANG || has_prefix)))
            return false;                                                             /* 四多, 五到四 */
        if (few) {
            /* 数百家, 几十年: taken as the lower bound above */
        } else if ((a.n.f & QZ_N_NODIGIT) && prev == CP_SHANG && (a.unit || phrase_end) && !rank && start > floor) {   /* 上百家, 上千人 */
            a.vague = true;
            few = true;
            qz_prev(s, floor, start, &k);   /* never into the previous quantity ("以上") */
            start -= k;
        } else if ((a.n.f & QZ_N_NODIGIT) && a.n.nchars == 1 && !(a.n.v.m == 1 && a.n.v.e == 1) &&
                   !(a.n.f & QZ_N_TENTHS) &&
                   !(has_prefix && (a.unit || phrase_end) && start + 9 >= i)) {        /* 过亿元, 超万人, 近千 allowed */
            return false;                                                             /* 百姓, 千家万户 */
        }
        bool standalone = (!qz_is_han(prev) || negative) && !qz_is_han(after_all) && a.n.nchars >= 2;
        if (a.n.f & QZ_N_NODIGIT) {
            if (!a.unit && end == a.end && !has_prefix && !standalone && !few) return false;  /* 千万不要 */
        } else if (!a.unit && !(a.n.f & QZ_N_SCALED) && !a.vague && !standalone && end == a.end) {
            return false;                                                             /* 二十大, 十四 */
        }
    }

    memset(q, 0, sizeof *q);
    q->value = a.n.v;
    if (negative) q->value.m = -q->value.m;
    if (range) {
        q->hi = a.n.hi;
        if (qual == GWR_Q_ABOUT) flags |= GWR_QF_VAGUE;            /* 约1—2家 */
        qual = GWR_Q_RANGE;
    }
    if (frac) flags |= GWR_QF_FRACTION | ((a.n.f & QZ_N_ROUNDED) ? GWR_QF_ROUNDED : 0);
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
        qz_prev(s, floor, start, &k);
        start -= k;                                  /* the span includes 第 */
    }
    if (chinese) flags |= GWR_QF_CHINESE;
    if (a.ovf) {
        flags |= GWR_QF_OVERFLOW;
        q->value = (gwr_dec){ 0, 0 };
        q->hi = (gwr_dec){ 0, 0 };
    }
    if (a.unit) {
        size_t ul = a.unit->base_len;
        if (ul >= sizeof q->unit) ul = sizeof q->unit - 1;
        memcpy(q->unit, qz_unit_padded(a.unit), sizeof q->unit);
        if (a.per) {               /* length checked when read */
            q->unit[ul] = '/';
            memcpy(q->unit + ul + 1, a.per->base, strlen(a.per->base) + 1);
            q->unit_id = gwr_unit_id(q->unit);
        } else {
            q->unit_id = qz_unit_id(a.unit);
        }
    }
    q->qual = qual;
    q->flags = flags;
    q->off = (uint32_t)start;
    q->len = (uint32_t)(end - start);
    *next = end;
    return true;
}

/* The other numerals that, alone before a character that neither extends
 * a number nor starts a unit, are no figure: 〇 零 (a numeral does not
 * start with them) and the financial forms (never alone) before anything;
 * 十 百 千 before a Chinese character (十分, 百姓, 千方百计 — but 过千，
 * and 几十， are read); 万 亿 too, unless 数 or 几 stand before them
 * (数万群众 is "tens of thousands of people"). */
static inline bool word_numeral(const char *s, size_t i, uint32_t c, uint32_t c1)
{
    const qz_cn *e = qz_cn_at(c);
    if (e->cp != c) return false;
    if (e->cls == 2 || e->digit == 0) return true;
    if (e->pow10 == 0 || !qz_is_han(c1)) return false;
    if (e->pow10 < 4) return true;
    size_t k;
    uint32_t p = qz_prev(s, 0, i, &k);
    return p != 0x6570u && p != 0x51E0u;                        /* 数 几 */
}

bool qz_general_only;

bool gwr_quantity_next(const char *s, size_t len, size_t *pos, gwr_quantity *q)
{
    size_t i = *pos, floor = *pos;
    qz_init();
#ifdef QZ_WIDE
    const bool wide = qz_wide && len >= 34;
#endif
    while (i < len) {
#ifdef QZ_WIDE
        i = wide ? qz_skip_wide((const unsigned char *)s, len, i) : qz_skip_narrow(s, len, i);
#else
        i = qz_skip_narrow(s, len, i);
#endif
        if (i >= len) break;
        size_t next;
        int r = -1;
        if ((unsigned char)s[i] >= 0xE3 && (unsigned char)s[i] <= 0xE9) {
            /* The common case, a one-character numeral inside a word (统一,
             * 三大, 进一步): what follows can neither extend the number nor
             * be a unit, so try_at would reject it at once. */
            size_t k, k2;
            uint32_t c = qz_cp(s, len, i, &k);
            bool plain = plain_cn_digit(c);
            if ((plain || (!qz_general_only && qz_is_cn_numeral(c))) && i + k < len) {
                uint32_t c1 = qz_cp(s, len, i + k, &k2);
                if (!qz_follow_cp(c1) && (plain || word_numeral(s, i, c, c1))) {
                    floor = i = i + k;
                    continue;
                }
                if (!qz_general_only) {
                    const qz_cn *e = qz_cn_at(c);
                    if ((plain || c == 0x5341) && qz_cn_at(c1)->cp == c1 && cn_run_word(s, len, floor, i, c, &next)) {
                        r = 0;                                                        /* 二十大 */
                    } else if (e->cp == c && e->cls == 2 && !qz_is_cn_numeral(c1) && !qz_is_vague_mark(c1) &&
                               c1 != CP_JI_FEW && c1 != ' ') {
                        r = 0;                                                        /* 陆港: a lone financial form */
                        next = i + k;
                    } else if (plain) {
                        r = fast_cn_word(s, len, i, c, c1, k2, &next);
                    } else if (e->cp == c && e->digit < 0 && e->pow10 >= 2 && e->cls != 2 && k == 3 &&
                               !qz_is_cn_numeral(c1) && lone_mult_word(s, len, floor, i, c1, k2, &next)) {
                        r = 0;                                                        /* 签约亿元以上 */
                    }
                }
            }
        } else if ((unsigned)((unsigned char)s[i] - '0') <= 9 && !qz_general_only) {
            r = fast_arabic(s, len, floor, i, q, &next);
        }
        if (r > 0 || (r < 0 && try_at(s, len, floor, i, q, &next))) {
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
