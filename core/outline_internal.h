/* outline_internal.h — paragraph classification and metadata helpers shared by
 * outline.c, outline_heading.c and outline_meta.c (not public API). */
#ifndef GWR_OUTLINE_INTERNAL_H
#define GWR_OUTLINE_INTERNAL_H
#include <stdbool.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "doc.h"

typedef enum {
    GWR_P_PLAIN = 0,
    GWR_P_PART,      /* 一、… */
    GWR_P_SECTION,   /* （一）… */
    GWR_P_ITEM,      /* 一是… 第一，… 1.… （1）… */
    GWR_P_TOPIC,     /* short lead sentence, or 这一年，… */
    GWR_P_TARGETS,   /* …主要预期目标… with figures */
    GWR_P_BARE,      /* short line without sentence punctuation (PDF headings) */
    GWR_P_COLON,     /* short paragraph announcing a list: "…以下工作：" */
} gwr_pcls;

typedef struct gwr_para {
    uint32_t off, len;        /* in text.norm, without the '\n' */
    uint32_t toff, tlen;      /* title span in text.norm */
    int      num;             /* number of a part / section / item */
    uint8_t  cls;             /* gwr_pcls */
    bool     runin;           /* heading run into its first sentence */
    bool     intro;           /* gwr_para_is_intro, where the build asks it */
} gwr_para;

/* Classifies the paragraph s[0,n) found at norm offset off. */
void gwr_para_classify(const char *s, size_t n, uint32_t off, gwr_para *p);

/* Value of a Chinese numeral (一 … 九十九, 〇, 两) at s; *len gets its byte
 * length. Returns 0 when s does not start with one. */
int gwr_cn_number(const char *s, size_t n, size_t *len);

/* Role of a part from its title. */
gwr_role gwr_part_role(const char *title);

/* An unnumbered part heading: a short line standing alone that names a
 * review, the targets or the year's work ("“十四五”时期工作回顾", "2024年重点工作",
 * "首先报告2001年的工作。"). */
bool gwr_para_is_bare_part(const char *s, size_t n);

/* Roles that follow from the content and the order of the parts (run after
 * gwr_meta_fill): a first part that reviews is the review whatever its title;
 * parts after the review or the plan, up to the government's own conduct,
 * are the plan; a review of several years is marked multiyear. */
void gwr_roles_from_content(gwr_doc *d);

/* Front matter kinds for paragraphs before the first part. */
typedef enum { GWR_FM_NONE = 0, GWR_FM_TITLE, GWR_FM_MEETING, GWR_FM_SPEAKER, GWR_FM_SALUTATION } gwr_fm;
gwr_fm gwr_front_kind(const char *s, size_t n);

/* An introductory paragraph of the plan (今年是…, 总体要求…) — never part of a work area. */
bool gwr_para_is_intro(const char *s, size_t n);

/* gwr_text_norm_line (the 1-based line of orig holding norm byte norm_off)
 * by walking on from the offset asked before instead of two binary
 * searches: the same answer, cheaper when offsets mostly grow. A cursor
 * starts zeroed. */
typedef struct gwr_linecur { size_t m, l, last, orig; } gwr_linecur;
uint32_t gwr_outline_norm_line(const gwr_text *t, gwr_linecur *c, size_t norm_off);

/* The end of the last 。 (E3 80 82) in s[0,n) that starts at jmin or
 * later, or 0; 16 starts at a time from the end. */
size_t gwr_last_stop_end(const char *s, size_t n, size_t jmin);

/* Entity and years; run after the tree is built. */
void gwr_meta_fill(gwr_doc *d);

/* outline_words.c: never part of a place name (的 年 市 …), and common
 * words of the genre (建设 发展 …) as code-point pairs. */
bool gwr_word_function_cp(uint32_t cp);
bool gwr_word_common_pair(uint32_t a, uint32_t b);
/* A filter of the common pairs: bit gwr_word_pair_hash(a << 16 | b) clear
 * means gwr_word_common_pair(a, b) is false. */
const uint64_t *gwr_word_pair_bits(void);
static inline uint32_t gwr_word_pair_hash(uint32_t k) { return (k * 2654435761u) >> 16; }
/* The common pairs as an open-addressing set of GWR_WORD_PAIR_SLOTS keys
 * (a << 16 | b; 0 a free slot), probed from gwr_word_pair_hash(k) on. */
#define GWR_WORD_PAIR_SLOTS 4096u
const uint32_t *gwr_word_pair_set(void);
static inline bool gwr_word_pair_in(const uint32_t *set, uint32_t k)
{
    for (uint32_t j = gwr_word_pair_hash(k) & (GWR_WORD_PAIR_SLOTS - 1);; j = (j + 1) & (GWR_WORD_PAIR_SLOTS - 1)) {
        if (set[j] == k) return true;
        if (set[j] == 0) return false;
    }
}

/* The census of a whole text (outline_meta.c) asks one byte per code point
 * below U+A000 (GWR_CENSUS_CPS entries; 0 stands for anything not CJK):
 * a function character, none (code point 0), one of 全 我 本, the level
 * characters 市 区 县 州 旗 as 1–5 in the level bits, 城, and the first
 * characters of the slogans before a name (美丽 健康 平安 智慧 幸福 魅力 活力
 * 文明 大美 数化). */
#define GWR_CENSUS_CPS 0xA000u
enum {
    GWR_CC_FUNCTION = 1, GWR_CC_NONE = 2, GWR_CC_SELF = 4, GWR_CC_CHENG = 8,
    GWR_CC_LEVEL_SHIFT = 4, GWR_CC_LEVEL = 7 << GWR_CC_LEVEL_SHIFT,
    GWR_CC_SLOGAN = 0x80,
};
const uint8_t *gwr_word_census_class(void);

/* outline_census.c: the name a text uses most (see there). a, b: the code
 * points of the winning pair, best its score (under 4: no name); lvcount[k]
 * for k 1–5: how often 全 我 本 precede 市 区 县 州 旗. The fast census also
 * knows where the winning pair stands (occ); the full one does not. */
typedef struct gwr_census {
    uint32_t a, b, best;
    size_t lvcount[6];
    bool want_occ;       /* set by the caller: where the winning pair stands, if known */
    uint32_t *occ;       /* then (malloc'd, or NULL when not known): every offset of the pair */
    size_t nocc;
} gwr_census;
bool gwr_census_run(const char *s, size_t n, gwr_census *r);          /* false: out of memory */
bool gwr_census_full(const char *s, size_t n, gwr_census *r);     /* the census as defined */
bool gwr_census_fast(const char *s, size_t n, gwr_census *r);     /* false: undecided */
/* for the tests: the fast census with scans of at most width (32, 16, 1)
 * bytes at a time, and the offsets where the characters cps occur in s[0,n)
 * (*out malloc'd) */
bool gwr_census_fast_simd(const char *s, size_t n, gwr_census *r, int width);
void gwr_census_offsets(const uint32_t *cps, size_t ncps, const char *s, size_t n, int width, uint32_t **out, size_t *nout);

/* Helpers on UTF-8 byte strings. */
/* inline, byte by byte: called millions of times per corpus */
static inline bool gwr_has_prefix(const char *s, size_t n, const char *pre)
{
    for (size_t i = 0; pre[i]; i++)     /* most calls fail at the first byte */
        if (i >= n || s[i] != pre[i]) return false;
    return true;
}
/* The first occurrence of needle (m bytes) in s[0,n); NULL if absent. */
const char *gwr_findn(const char *s, size_t n, const char *needle, size_t m);
static inline const char *gwr_find(const char *s, size_t n, const char *needle) { return gwr_findn(s, n, needle, strlen(needle)); }
static inline size_t gwr_utf8_chars(const char *s, size_t n) { return gwr_utf8_count_upto(s, n, SIZE_MAX); }
/* exact up to limit, then > limit; text is valid UTF-8 (text.h), so more
 * than 4 × limit bytes are more than limit characters without counting */
static inline size_t gwr_utf8_chars_max(const char *s, size_t n, size_t limit)
{
    return n / 4 > limit ? limit + 1 : gwr_utf8_count_upto(s, n, limit);
}
/* Which of two needles (each of at least two bytes) occur in s[0,n): bit 0
 * for x, bit 1 for y, found in one pass. */
unsigned gwr_find_either(const char *s, size_t n, const char *x, size_t mx, const char *y, size_t my);
/* A character led by E4–E9 (U+4000–U+9FFF) is plain: no punctuation, digit
 * or 、, which the walks through a paragraph pass by.
 * gwr_skip_plain: from i (a character start) on, the first offset where a
 * character other than a plain one starts, or n: the first byte neither a
 * continuation byte (80–BF) nor E4–E9 (valid UTF-8: such a byte starts a
 * character, and the bytes before it from i are whole plain characters),
 * 16 at a time. */
static inline bool gwr_plain_byte(unsigned char c) { return (unsigned)(c - 0x80u) <= 0x3Fu || (unsigned)(c - 0xE4u) <= 0xE9u - 0xE4u; }

static inline size_t gwr_skip_plain(const char *s, size_t i, size_t n)
{
#ifdef __SSE2__
    const __m128i c80 = _mm_set1_epi8((char)0x80), c3f = _mm_set1_epi8(0x3F), ce4 = _mm_set1_epi8((char)0xE4), c5 = _mm_set1_epi8(5);
    for (; i + 16 <= n; i += 16) {
        __m128i b = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i t = _mm_sub_epi8(b, c80), l = _mm_sub_epi8(b, ce4);
        __m128i ok = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(t, c3f), t), _mm_cmpeq_epi8(_mm_min_epu8(l, c5), l));
        unsigned m = ~(unsigned)_mm_movemask_epi8(ok) & 0xFFFFu;
        if (m) return i + (unsigned)__builtin_ctz(m);
    }
#endif
    while (i < n && gwr_plain_byte((unsigned char)s[i])) i++;
    return i;
}
/* Whether s[0,n) holds an ASCII digit (16 bytes at a time). */
bool   gwr_has_digit(const char *s, size_t n);
/* Year 1900–2099 written as digits followed by 年, first one in s[0,n); 0 if none. */
int    gwr_first_year(const char *s, size_t n, size_t *after);

#endif
