/* quantity_int.h — internals shared by quantity.c, quantity_num.c and
 * quantity_unit.c. Not part of the public API. */
#ifndef GWR_QUANTITY_INT_H
#define GWR_QUANTITY_INT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdatomic.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "quantity.h"

/* A word loaded with memcpy, read as little-endian. */
static inline uint64_t qz_le64(uint64_t w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return __builtin_bswap64(w);
#else
    return w;
#endif
}

/* ---- characters ----------------------------------------------------------
 * Decodes the UTF-8 character at s[i] and folds full-width ASCII forms
 * (０-９ ％ ． ： － （ ） …) to ASCII, U+3000 to ' ' and the ratio sign ∶
 * to ':'. Sets *n to its byte
 * length (1 for an invalid byte, returned as 0xFFFD). i must be < len. */
uint32_t qz_cp_slow(const char *s, size_t len, size_t i, size_t *n);
/* The 3-byte characters that qz_cp folds: the full-width ASCII forms
 * FF01-FF5E, and − ∶ U+3000 萬 億 兩 點 個 負 貳 參 叄 陸 — all marked in
 * qz_fold_bits; the latter each in a slot of its own of qz_fold3, slot
 * (cp × QZ_FOLD_MUL) >> 27. */
#define QZ_FOLD_MUL 0x78DDE6C5u
typedef struct qz_fold { uint16_t from, to; } qz_fold;
extern const qz_fold qz_fold3[32];
extern const uint64_t qz_fold_bits[65536 / 64];
/* The code point of the 3-byte character u0 u1 u2 (continuation bytes
 * checked by the caller), folded. */
static inline uint32_t qz_cp3(uint32_t u0, uint32_t u1, uint32_t u2)
{
    uint32_t cp = ((u0 & 0x0Fu) << 12) | ((u1 & 0x3Fu) << 6) | (u2 & 0x3Fu);
    if (!((qz_fold_bits[cp >> 6] >> (cp & 63)) & 1)) return cp;
    if (cp - 0xFF01u <= 0xFF5Eu - 0xFF01u) return cp - 0xFEE0u;   /* full-width ASCII */
    return qz_fold3[(cp * QZ_FOLD_MUL) >> 27].to;
}
static inline uint32_t qz_cp(const char *s, size_t len, size_t i, size_t *n)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] < 0x80) {
        *n = 1;
        return u[0];
    }
    if ((u[0] & 0xF0) == 0xE0 && i + 2 < len && (((u[1] ^ 0x80) | (u[2] ^ 0x80)) & 0xC0) == 0) {
        *n = 3;
        return qz_cp3(u[0], u[1], u[2]);
    }
    return qz_cp_slow(s, len, i, n);
}
/* The character ending just before s[i] (i > floor), same folding; sets *n.
 * Returns 0 when i <= floor. */
uint32_t qz_prev_slow(const char *s, size_t floor, size_t i, size_t *n);
static inline uint32_t qz_prev(const char *s, size_t floor, size_t i, size_t *n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (i > floor) {
        if (u[i - 1] < 0x80) {
            *n = 1;
            return u[i - 1];
        }
        if (i >= floor + 3 && (u[i - 3] & 0xF0) == 0xE0 && (((u[i - 2] ^ 0x80) | (u[i - 1] ^ 0x80)) & 0xC0) == 0) {
            *n = 3;
            return qz_cp3(u[i - 3], u[i - 2], u[i - 1]);
        }
    }
    return qz_prev_slow(s, floor, i, n);
}

/* gwr_dec_norm, without the call when there is no trailing zero to strip. */
static inline gwr_dec qz_norm(gwr_dec d)
{
    return d.m % 10 != 0 ? d : gwr_dec_norm(d);
}

static inline bool qz_is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static inline bool qz_is_han(uint32_t c) { return c >= 0x3400 && c <= 0x9FFF; }
static inline bool qz_is_alpha(uint32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
/* qz_cn_digit: 0-9 for 〇零一二两三四五六七八九, -1 otherwise.
 * qz_cn_mult: 10, 100, 1000 for 十百千; 10^4, 10^8 for 万亿; 0 otherwise.
 * qz_cn_class: 2 for the financial forms (壹 … 玖 拾 佰 仟), 0 for 〇 零 万 亿
 * (shared), 1 for the ordinary numerals; a numeral never mixes 1 and 2. */
typedef struct qz_cn { uint32_t cp; int8_t digit; uint8_t pow10; uint8_t cls; } qz_cn;
#define QZ_CN_MUL 0xB445A88Du
extern const qz_cn qz_cn_tab[64];
static inline const qz_cn *qz_cn_at(uint32_t c) { return &qz_cn_tab[(uint32_t)(c * QZ_CN_MUL) >> 26]; }
static inline int qz_cn_digit(uint32_t c)
{
    const qz_cn *e = qz_cn_at(c);
    return e->cp == c ? e->digit : -1;
}

static inline int qz_cn_class(uint32_t c)
{
    const qz_cn *e = qz_cn_at(c);
    return e->cp == c ? e->cls : 1;
}

static inline int64_t qz_cn_mult(uint32_t c)
{
    static const int64_t pow10[9] = { 0, 10, 100, 1000, 10000, 0, 0, 0, 100000000 };
    const qz_cn *e = qz_cn_at(c);
    return e->cp == c ? pow10[e->pow10] : 0;
}

static inline bool qz_is_cn_numeral(uint32_t c) { return qz_cn_at(c)->cp == c; }

/* When set, every candidate is decided by the general rules of quantity.c,
 * not by the short paths for common forms (which must agree with them):
 * for tests only. */
extern bool qz_general_only;

/* ---- numbers (quantity_num.c) -------------------------------------------- */
enum {
    QZ_N_OVERFLOW   = 1u << 0,
    QZ_N_POINT      = 1u << 1,   /* Arabic with a decimal point */
    QZ_N_CHINESE    = 1u << 2,
    QZ_N_RANGE      = 1u << 3,   /* 两三 → value..hi */
    QZ_N_VAGUE      = 1u << 4,   /* 十余万: 余/多 inside the numeral */
    QZ_N_POSITIONAL = 1u << 5,   /* 二〇二三: digit by digit (years) */
    QZ_N_NODIGIT    = 1u << 6,   /* 百亿, 千亿: starts with a multiplier */
    QZ_N_SCALED     = 1u << 7,   /* contains 万 or 亿 */
    QZ_N_CNPOINT    = 1u << 8,   /* Chinese decimal: 三点五 */
    QZ_N_FRACTION   = 1u << 9,   /* 三分之一, 千分之三 */
    QZ_N_ROUNDED    = 1u << 10,  /* the fraction's decimal is rounded */
    QZ_N_SPACED     = 1u << 11,  /* 1 9 4: single digits split by spaces */
    QZ_N_GROUPED    = 1u << 12,  /* 5,236: thousands separators */
    QZ_N_LEADZERO   = 1u << 13,  /* 0571: an integer written with a leading zero */
    QZ_N_TENTHS     = 1u << 14,  /* 七成: read as 70 % */
};

typedef struct qz_num {
    gwr_dec  v, hi;
    unsigned f;           /* QZ_N_* */
    int      intdigits;   /* Arabic: digits before the point (leading zeros too) */
    int      nchars;      /* Chinese: characters in the run */
    size_t   end;
} qz_num;

/* Arabic (ASCII or full-width) digits with an optional fraction at s[i].
 * False when there is no digit at i. A number too long for gwr_dec is still
 * consumed and flagged QZ_N_OVERFLOW. */
bool qz_read_arabic(const char *s, size_t len, size_t i, qz_num *n);
/* A run of Chinese numeral characters at s[i]. Returns false (and sets
 * n->end to the end of the run) when the run is not a well-formed numeral,
 * such as 十四五, 一二三, 万一. */
bool qz_read_chinese(const char *s, size_t len, size_t i, qz_num *n);
/* Numbers and multipliers written in turn, Arabic or Chinese, spaces
 * allowed: 5万4千6百, 7 万5 千4 百, 5亿1万4千6百. True only when at least two
 * number-multiplier pairs were read (one pair is an ordinary scaled number). */
bool qz_read_mixed(const char *s, size_t len, size_t i, qz_num *n);
/* Single digits split by single spaces, as PDF extraction leaves them: 1 9 4.
 * True when at least two were read (n->end after the last). */
bool qz_read_spaced(const char *s, size_t len, size_t i, qz_num *n);
/* Y/X as a decimal: exact when it terminates within 18 digits, otherwise
 * rounded half up to QZ_FRAC_DIGITS significant digits and *rounded set.
 * False on overflow or a zero denominator. */
#define QZ_FRAC_DIGITS 6
bool qz_divide(gwr_dec y, gwr_dec x, gwr_dec *out, bool *rounded);
/* Applies a chain of scale characters (十百千万亿, e.g. 万, 亿, 万亿, 千万)
 * at s[i] to *v; stops before a unit that starts with a scale character
 * (千瓦, 千米, 百分点). Returns the end; adds the powers of ten applied to
 * *pow10 and sets *ovf on overflow. */
size_t qz_read_scale(const char *s, size_t len, size_t i, gwr_dec *v, int *pow10, bool *ovf);

/* ---- units and qualifier words (quantity_unit.c) ------------------------- */
enum {
    QZ_U_DATE   = 1u << 0,   /* 月 日 号: a date, not a figure */
    QZ_U_NAME   = 1u << 1,   /* 周年: an anniversary, not a figure */
    QZ_U_YEAR   = 1u << 2,   /* 年: a year when the number looks like one */
    QZ_U_RANK   = 1u << 3,   /* 位 名: kept after 第 as a rank */
    QZ_U_TIME   = 1u << 4,   /* 年 个月 天 周: 近五年 is "the last five years" */
};
typedef struct qz_unit {
    const char *text;      /* as written (ASCII forms of full-width characters) */
    const char *base;      /* reported unit */
    const char *notnext;   /* characters that, following, make it a word (个体, 方面) */
    unsigned    flags;
    unsigned    base_len;  /* strlen(base) */
} qz_unit;

/* gwr_unit_id(u->base), interned when the tables are built (u is one of
 * the table's units, qz_unit_tab). */
extern const qz_unit *const qz_unit_tab;
extern uint16_t qz_unit_ids[];
static inline uint16_t qz_unit_id(const qz_unit *u) { return qz_unit_ids[u - qz_unit_tab]; }
/* u->base as gwr_quantity.unit holds it: cut to 27 bytes, padded with NULs. */
extern char qz_unit_pad[][sizeof ((gwr_quantity *)0)->unit];
static inline const char *qz_unit_padded(const qz_unit *u) { return qz_unit_pad[u - qz_unit_tab]; }

/* Builds the lookup tables once (thread-safe); every entry point calls it.
 * qz_ready is set (release) when they are built: the common call is one load. */
void qz_init_once(void);
extern atomic_bool qz_ready;
static inline void qz_init(void)
{
    if (!atomic_load_explicit(&qz_ready, memory_order_acquire)) qz_init_once();
}
/* Is c (a code point, traditional forms included) a Chinese numeral? After qz_init. */
extern uint64_t qz_numeral_bits[65536 / 64];
static inline bool qz_numeral_cp(uint32_t c) { return c < 65536 && (qz_numeral_bits[c >> 6] >> (c & 63)) & 1; }
/* The scan for candidates tests a whole 3-byte character at once: qz_cand3
 * is indexed by its second byte and the low six bits of its third (bits
 * 8-21 of its bytes as a little-endian word) and is nonzero for every
 * character that may start a number (the Chinese numerals and the
 * full-width digits) and for few others; a hit is then checked exactly. */
extern uint8_t qz_cand3[1u << 14];
/* qz_follow_bits: the characters that, after a one-character numeral, may
 * make it a figure or a longer number (numerals, units' first characters,
 * 余 多 几 点 分 又 成, dashes and 至 到, spaces). */
extern uint64_t qz_follow_bits[65536 / 64];
static inline bool qz_follow_cp(uint32_t c) { return c >= 65536 || ((qz_follow_bits[c >> 6] >> (c & 63)) & 1); }
static inline unsigned qz_cand3_index(uint64_t w) { return (unsigned)(w >> 8) & 0x3FFFu; }
/* The wide scan (32 bytes at a time, where the processor has AVX2) tests
 * the six nibbles of the three bytes ending at each place: qz_nib[k][v] has
 * bit j set when a character of class j has v as its nibble k (the high
 * nibble of the first byte, its low nibble, the high nibble of the second
 * …). A character whose six lookups share a bit may be a numeral or a
 * full-width digit; it is then checked exactly. qz_wide: the wide scan is
 * used (set when the tables are built; tests clear it to compare). */
extern uint8_t qz_nib[6][16];
extern bool qz_wide;
/* The place of the next byte at or after s[i] that may start a number
 * (len when none), quantity_skip.c: qz_skip_narrow with SSE2 or a word at
 * a time, qz_skip_wide 32 bytes at a time (AVX2; len >= 34 and i < len);
 * qz_skip picks one as gwr_quantity_next does (for tests). */
size_t qz_skip_narrow(const char *s, size_t len, size_t i);
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define QZ_WIDE 1
size_t qz_skip_wide(const unsigned char *u, size_t len, size_t i);
#endif
size_t qz_skip(const char *s, size_t len, size_t i);
/* Longest unit written at s[i]; NULL when none. Sets *end. This and the
 * other matchers below use the tables: call qz_init first. */
const qz_unit *qz_match_unit(const char *s, size_t len, size_t i, size_t *end);
/* The same when the character at s[i] is already decoded: c, k bytes. */
const qz_unit *qz_match_unit_cp(const char *s, size_t len, size_t i, uint32_t c, size_t k, size_t *end);
/* Is c the first character of a unit? After qz_init. */
extern uint64_t qz_unit_first_bits[65536 / 64];
static inline bool qz_unit_first_cp(uint32_t c) { return c < 65536 && (qz_unit_first_bits[c >> 6] >> (c & 63)) & 1; }
/* True when a unit starts at s[i] and begins with a scale character. */
bool qz_unit_blocks_scale(const char *s, size_t len, size_t i);
/* The unit "%" (what qz_match_unit finds at a '%'). */
extern const qz_unit *const qz_unit_percent;
/* False when no qualifier can be written at s[i]: its first character is
 * none of 以 及 之 左 上 and no space comes first. */
static inline bool qz_suffix_may(const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    if (i >= len) return false;
    if (u[i] == ' ' || (u[i] == 0xE3 && i + 2 < len && u[i + 1] == 0x80 && u[i + 2] == 0x80)) return true;
    if (i + 3 > len) return false;
    uint32_t b = (uint32_t)u[i] << 16 | (uint32_t)u[i + 1] << 8 | u[i + 2];
    return b == 0xE4BBA5u || b == 0xE58F8Au || b == 0xE4B98Bu || b == 0xE5B7A6u || b == 0xE4B88Au;
}
/* Qualifier written after the figure at s[i] (以上, 左右 …): sets *q and *end. */
bool qz_match_suffix(const char *s, size_t len, size_t i, gwr_qual *q, unsigned *flags, size_t *end);
/* The last characters of the prefix words (约 近 过 于 …), one bit each. */
extern uint64_t qz_prefix_last_bits[65536 / 64];
static inline bool qz_prefix_last(uint32_t c)
{
    return c < 65536 && (qz_prefix_last_bits[c >> 6] >> (c & 63)) & 1;
}
#define QZ_PREFIX_GAP 6   /* 高于全国平均水平2个百分点: up to six characters between */
/* True when neither 过 nor 于 ends at i-3, i-6 … (the characters a prefix
 * word may stand before the number, at most QZ_PREFIX_GAP, none before
 * floor): then no word stands apart from the number. i >= floor + 6. */
static inline bool qz_prefix_no_gap_word(const unsigned char *u, size_t floor, size_t i)
{
#ifdef __SSE2__
    if (i >= 20) {
        /* the last two bytes of those characters, at i-5 i-4, i-8 i-7 …:
         * is any pair BF 87 (过) or BA 8E (于)? */
        static const int lanes[QZ_PREFIX_GAP] = { 0x8000, 0x9000, 0x9200, 0x9240, 0x9248, 0x9249 };
        size_t g = (i - floor - 6) / 3;
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i - 19));
        __m128i p = _mm_loadu_si128((const __m128i *)(const void *)(u + i - 20));   /* the byte before each */
        __m128i guo = _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x87)), _mm_cmpeq_epi8(p, _mm_set1_epi8((char)0xBF)));
        __m128i yu = _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x8E)), _mm_cmpeq_epi8(p, _mm_set1_epi8((char)0xBA)));
        int hit = _mm_movemask_epi8(_mm_or_si128(guo, yu));
        return !(hit & lanes[g < QZ_PREFIX_GAP ? g : QZ_PREFIX_GAP - 1]);
    }
#endif
    (void)u;
    (void)floor;
    return false;
}
/* False when qz_match_prefix(s, floor, i, …) is certainly false; c is
 * qz_prev(s, floor, i). A cheap test before the call. */
static inline bool qz_prefix_may(const char *s, size_t floor, size_t i, uint32_t c)
{
    if (i <= floor) return false;
    if (c == ' ' || qz_prefix_last(c)) return true;
    if (!qz_is_han(c) || qz_numeral_cp(c) || i < floor + 6) return false;
    return !qz_prefix_no_gap_word((const unsigned char *)s, floor, i);
}
/* Qualifier written before the figure, ending at s[i]; looks no further back
 * than floor. Sets *q, *flags and *start. */
bool qz_match_prefix(const char *s, size_t floor, size_t i, gwr_qual *q, unsigned *flags, size_t *start);
/* Compares the text at s[i] with lit (UTF-8, ASCII forms), folding full-width
 * characters; returns the end or 0 when it does not match. */
size_t qz_match_lit(const char *s, size_t len, size_t i, const char *lit);

/* ---- one number and what follows it (quantity_term.c) ------------------- */
#define QZ_CP_YU   0x4F59u   /* 余 */
#define QZ_CP_DUO  0x591Au   /* 多 */
static inline bool qz_is_vague_mark(uint32_t c) { return c == QZ_CP_YU || c == QZ_CP_DUO; }

/* One number with what directly follows it: 3.5万亿元, 两三个, 100多家. */
typedef struct qz_term {
    qz_num  n;
    size_t  start, end;
    int     scale;           /* powers of ten applied by 万/亿 after an Arabic number */
    bool    scaled, ovf, vague;
    const qz_unit *unit;
    const qz_unit *per;             /* 800元/月: the unit after '/' */
} qz_term;

static inline size_t qz_skip_spaces(const char *s, size_t len, size_t i)
{
    size_t k;
    /* only ' ' and U+3000 (E3 80 80) read as a space */
    while (i < len && (s[i] == ' ' || ((unsigned char)s[i] == 0xE3 && qz_cp(s, len, i, &k) == ' ')))
        i += s[i] == ' ' ? 1 : k;
    return i;
}
/* Reads the number at s[i] with its scale, 余/多 and unit into *t; false
 * (t->end set past what was looked at) when no well-formed number starts there. */
bool qz_read_term(const char *s, size_t len, size_t i, qz_term *t);
/* A year-like number: four digits, no point or scale; or 二〇二三. */
bool qz_looks_like_year(const qz_term *t);
/* Each widens *a on success, using *b as scratch: a range after a
 * (1—2家), a product (2×35万千瓦), a ratio (1.4：1). */
bool qz_try_range(const char *s, size_t len, qz_term *a, qz_term *b);
bool qz_try_times(const char *s, size_t len, qz_term *a, qz_term *b);
bool qz_try_ratio(const char *s, size_t len, qz_term *a, qz_term *b);

#endif
