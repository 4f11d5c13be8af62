/* facts_internal.h — shared between facts.c (document walk), facts_sentence.c
 * (clauses → figures) and facts_subject.c (indicator names, kinds, periods).
 * Not part of the public API. */
#ifndef GWR_FACTS_INTERNAL_H
#define GWR_FACTS_INTERNAL_H
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "doc.h"

/* A byte span of normalised text. */
typedef struct fx_str {
    const char *s;
    size_t n;
} fx_str;

enum { FX_NAME_MAX = 192 };

/* What the words between an indicator name and its number say. */
typedef struct fx_pred {
    int        kind;       /* -1 none, else GWR_FK_GROWTH / GWR_FK_DECLINE */
    bool       compare;    /* 高于全省…, 拉动…: a comparison, not the indicator's own value */
    bool       share;      /* 分别 / 均 / 都: one verb, several indicators */
    bool       annual;     /* 全年 */
    bool       verb_only;  /* the name region is only a verb (完成, 实施…) or ends in 等 */
    gwr_period period;
    bool       has_period;
    fx_str     verb;       /* the leading verb when verb_only */
} fx_pred;

/* ---- UTF-8 spans (facts_text.c) ---- */
static inline fx_str fx_span(const char *s, size_t n) { return (fx_str){ s, n }; }
/* Inline so that the length of a literal token is known when compiling. */
static inline bool fx_starts(fx_str s, const char *tok)
{
    size_t n = strlen(tok);
    return n <= s.n && memcmp(s.s, tok, n) == 0;
}
static inline bool fx_ends(fx_str s, const char *tok)
{
    size_t n = strlen(tok);
    return n <= s.n && memcmp(s.s + s.n - n, tok, n) == 0;
}
fx_str fx_trim_ends(fx_str s);
/* Drops spaces and punctuation at both ends. A span that starts and ends
 * with a CJK ideograph (lead bytes E4–E9, none of them punctuation) is
 * returned as it is without a call. */
static inline fx_str fx_trim(fx_str s)
{
    if (s.n >= 3) {
        const unsigned char *a = (const unsigned char *)s.s, *z = a + s.n - 3;
        if ((unsigned)(a[0] - 0xE4) <= 5 && (unsigned)(z[0] - 0xE4) <= 5 && (z[1] & 0xC0) == 0x80 && (z[2] & 0xC0) == 0x80)
            return s;
    }
    return fx_trim_ends(s);
}
size_t fx_chars(fx_str s);                /* characters (not bytes) */
/* Characters (bytes that continue no sequence), counted until more than
 * cap are seen: the result is exact up to cap and above cap once more are
 * there, enough to compare with cap. Eight bytes at a time. */
static inline size_t fx_chars_upto(fx_str s, size_t cap)
{
    size_t c = 0, i = 0;
    for (; i + 8 <= s.n && c <= cap; i += 8) {
        uint64_t x;
        memcpy(&x, s.s + i, 8);
        /* a byte continues a sequence when its top bits are 10: count the others */
        /* one bit per byte (the byte's top), summed into the top byte by a
         * multiplication: no call where the compiler has no popcount */
        c += (size_t)((((~x | (x << 1)) & 0x8080808080808080ull) >> 7) * 0x0101010101010101ull >> 56);
    }
    for (; i < s.n && c <= cap; i++)
        if (((unsigned char)s.s[i] & 0xC0) != 0x80) c++;
    return c;
}
/* The first i in [from, n) where a sentence ends (\n ! ? 。 ！ ？ start at
 * s + i), or n; the same for a clause separator (, ; : ， ； ：). Sixteen
 * bytes at a time where the machine has SSE2. */
size_t fx_next_sentence_end(const char *s, size_t from, size_t n);
/* Every place fx_next_sentence_end stops at in s[0, n), as bits: bit i % 32
 * of marks[i / 32] (marks has (n + 31) / 32 words). One pass, 32 bytes at a
 * time where the processor has AVX2. */
void   fx_sentence_end_marks(const char *s, size_t n, uint32_t *marks);
/* Every place fx_next_clause_sep_in(s, i, n, lim) stops at in s[0, n), as
 * bits in the layout of fx_sentence_end_marks. One pass where the
 * processor has AVX2. */
void   fx_clause_sep_marks(const char *s, size_t n, size_t lim, uint32_t *marks);
/* The first marked place at or after i, or n. */
static inline size_t fx_next_mark(const uint32_t *marks, size_t i, size_t n)
{
    if (i >= n) return n;
    size_t j = i / 32, words = (n + 31) / 32;
    uint32_t m = marks[j] & (~(uint32_t)0 << (i % 32));
    while (!m) {
        if (++j == words) return n;
        m = marks[j];
    }
    size_t at = j * 32 + (size_t)__builtin_ctz(m);
    return at < n ? at : n;
}
size_t fx_next_clause_sep(const char *s, size_t from, size_t n);
/* The same where lim (>= n) bytes of s may be read: fewer copies at the end. */
size_t fx_next_clause_sep_in(const char *s, size_t from, size_t n, size_t lim);
/* Whether the scans may use AVX2 (the processor has it, asked once); tests
 * turn it off with fx_simd_set(0) to run the other path, and back to asking
 * the processor with fx_simd_set(1). */
extern _Atomic int fx_simd_yes;            /* 1: asked, and yes */
bool   fx_simd_avx2_ask(void);
static inline bool fx_simd_avx2(void) { return fx_simd_yes ? true : fx_simd_avx2_ask(); }
void   fx_simd_set(int on);
/* Does s hold the 3-byte character c? */
bool   fx_has_char3(fx_str s, const char *c);
/* Which of 五 纲 计 目 今 本 年 occur in s, as bits (1 for 五 … 64 for 年):
 * the characters a sentence that opens a paragraph needs to say something
 * of it. One pass for all where the processor has AVX2. */
enum { FX_NOPENERS = 7 };
unsigned fx_opener_chars(fx_str s);
bool   fx_is_punct_at(const char *s, size_t n, size_t *clen);
bool   fx_contains(fx_str s, const char *tok);
/* Leading "YYYY年" (4 digits); returns the year or 0 and its byte length in *len. */
int    fx_year_at(fx_str s, size_t *len);
/* Does s hold a year that fx_year_at reads (2001年, 一九九○年) anywhere? */
bool   fx_has_year(fx_str s);
/* The last i in [0, n) with a[i] <= k (a ascending), or 0 when there is
 * none: what a binary search of the whole array answers. The search starts
 * at from (the last answer, for keys that mostly grow) when a[from] <= k:
 * a few steps forward, else a binary search of the rest. */
size_t fx_last_at_or_before(const uint32_t *a, size_t n, size_t from, size_t k);

/* ---- the words that decide a sentence's reading (facts_words.c) ----
 * One pass over a sentence finds which of these words occur in it, instead of
 * a search of the sentence for each word. */
#define FX_WORDS(X) \
    X(LIZHENG, "力争") X(QUEBAO, "确保") X(ZHENGQU, "争取") X(YUQI, "预期") X(MUBIAO, "目标") \
    X(JIHUA, "计划") X(JIANG, "将") X(YAO, "要") X(JICHUSHANG, "基础上") X(YILAI, "以来") \
    X(YQMB_SHI, "预期目标是") X(YQMB_WEI, "预期目标为") X(ZYMB_SHI, "主要目标是") X(ZYMB_WEI, "主要目标为") \
    X(TKMB, "调控目标") X(KZMB, "控制目标") X(YQMB, "预期目标") X(JINNIAN, "今年") X(BENNIAN, "本年") \
    X(MB_SHI, "目标是") X(MB_WEI, "目标为") X(JINNIAN_YILAI, "今年以来") X(JINNIAN_QIAN, "今年前") \
    X(JINNIAN_1, "今年1") X(JHWN, "今后五年") X(WLWN, "未来五年") X(GHGY, "规划纲要") X(GYCA, "纲要（草案）") \
    X(GYCA2, "纲要草案") X(WNGH, "五年规划") X(WNJH, "五年计划") X(WQJH, "五”计划") X(WQGH, "五”规划") \
    X(JHCA, "计划草案") X(WQSQ, "五”时期") X(WQQJ, "五”期间") X(WSQ, "五时期") X(GQWN, "过去五年") \
    X(WNL, "五年来") X(YJSX, "已经实现") X(WCL, "完成了") X(SLWC, "胜利完成") X(SLWC2, "顺利完成") \
    X(TQSX, "提前实现") X(BSN, "比上年") X(DADAO, "达到") X(ZENGCHAN, "增产") X(ZUOYOU, "左右") \
    X(YISHANG, "以上") X(YINEI, "以内") X(MINGNIAN, "明年") X(NIANJUN, "年均") X(LEIJI, "累计") \
    X(NIANLAI, "年来") X(QIJIAN, "期间") X(WNJ, "五年间") X(WNLJ, "五年累计") X(LJWN, "累计五年") \
    X(WNN, "五年内") X(QUANGUO, "全国") X(QUANSHENG, "全省") X(QUANSHI, "全市") X(QUANZHOU, "全州") \
    X(QUANQU, "全区") X(QUANMENG, "全盟") X(PINGJUN, "平均") X(RPAREN_CJK, "）") X(RPAREN, ")") \
    X(NIAN, "年") X(YOU, "由")

enum {
#define FX_WORD_ENUM(id, text) FXW_##id,
    FX_WORDS(FX_WORD_ENUM)
#undef FX_WORD_ENUM
    FXW_COUNT
};

/* Which words occur in a sentence: in[] for the words wholly inside the
 * sentence's trimmed span (exact), any[] for the whole sentence (a word not
 * there is in no part of it). */
enum { FX_NIAN_MAX = 48, FX_SEPS_MAX = 2048 };
typedef struct fx_words {
    uint64_t    in[2];
    uint64_t    any[2];
    const char *full;                /* the sentence scanned */
    size_t      nfull;               /* its length */
    uint32_t    nian[FX_NIAN_MAX];   /* offsets of 年 in it, ascending */
    uint32_t    nnian;
    bool        nian_all;            /* nian holds every 年 */
    /* where seps_all: every place fx_next_clause_sep(full, i, nfull) stops
     * at, as bits (bit i % 32 of seps[i / 32]); found by the same pass */
    bool        seps_all;
    uint32_t    seps[FX_SEPS_MAX / 32];
} fx_words;

extern const char *const fx_word_text[FXW_COUNT];
/* Scans full once; inner is a part of full (its trimmed span). */
void fx_words_scan(fx_words *w, fx_str full, fx_str inner);
/* The same where readable (>= full.n) bytes of full.s may be read. */
void fx_words_scan_in(fx_words *w, fx_str full, fx_str inner, size_t readable);
/* Does word id occur in the trimmed sentence? */
static inline bool fx_has(const fx_words *w, int id) { return (w->in[id >> 6] >> (id & 63)) & 1; }
/* A set of words as two masks, built when compiling from a list macro:
 *   #define PLAN(X) X(LIZHENG) X(QUEBAO)
 *   static const uint64_t plan[2] = FX_SET(PLAN); */
#define FX_SET_LO(id) | ((FXW_##id) < 64 ? (uint64_t)1 << ((FXW_##id) & 63) : 0)
#define FX_SET_HI(id) | ((FXW_##id) >= 64 ? (uint64_t)1 << ((FXW_##id) & 63) : 0)
#define FX_SET(list) { 0 list(FX_SET_LO), 0 list(FX_SET_HI) }
/* Does any word of the set occur in the trimmed sentence? */
static inline bool fx_has_set(const fx_words *w, const uint64_t set[2])
{
    return ((w->in[0] & set[0]) | (w->in[1] & set[1])) != 0;
}
/* May a word of the set occur in a part of the sentence (false: none does)? */
static inline bool fx_may_have_set(const fx_words *w, const uint64_t set[2])
{
    return !w || ((w->any[0] & set[0]) | (w->any[1] & set[1])) != 0;
}
/* Does word id occur in part, a span of the sentence w was scanned from?
 * Without w, a plain search. */
static inline bool fx_part_has(const fx_words *w, fx_str part, int id)
{
    if (w && !((w->any[id >> 6] >> (id & 63)) & 1)) return false;
    return fx_contains(part, fx_word_text[id]);
}

/* Splits a name region into the indicator name and the predicate words
 * (trailing verbs, qualifiers, adverbials), filling *p. kw: the words of the
 * sentence seg is part of, or NULL. */
fx_str fx_subject(fx_str seg, const fx_words *kw, fx_pred *p);
/* What do_item asks of the name fx_subject gives: its list parts
 * (fx_split_parts), fx_action_only, fx_attribute_word, fx_measure_word, and
 * whether it is a short verb (one or two characters that name no indicator). */
enum { FX_PARTS_MAX = 8 };
typedef struct fx_name_facts {
    size_t np;
    fx_str parts[FX_PARTS_MAX];
    bool   action, attribute, measure, short_verb;
} fx_name_facts;
/* fx_subject, and the facts of the name it gives into *nf: remembered with
 * the segment's subject. */
fx_str fx_subject_facts(fx_str seg, const fx_words *kw, fx_pred *p, fx_name_facts *nf);
/* Kind from the name's own tail (涨幅, 增速 → growth; 降幅 → decline), or -1. */
int    fx_kind_from_name(fx_str name);
/* Multi-year words in a sentence (年均, 五年来, 以来, 十三五期间, 由2010年). */
bool   fx_multiyear(fx_str sentence, const fx_words *kw);
/* The words fx_multiyear looks for (and 由, for 由2010年). */
#define FX_MULTI(X) X(NIANJUN) X(NIANLAI) X(YILAI) X(QIJIAN) X(GQWN) X(WNJ) X(WNLJ) X(LJWN) X(WNN) X(JHWN) X(WLWN)
#define FX_MULTI_YOU(X) FX_MULTI(X) X(YOU)
/* May a part of the sentence of kw be multi-year (false: fx_multiyear is false for all)? */
static inline bool fx_may_multiyear(const fx_words *kw)
{
    static const uint64_t multi_you[2] = FX_SET(FX_MULTI_YOU);
    return fx_may_have_set(kw, multi_you);
}
/* Words that open a verb-first item (新开工, 签约 …): "新签约60个、新开工42个". */
bool   fx_action_only(fx_str name);
/* Completes a short list element from a complete one: 城镇 + 农村居民人均可支配收入
 * → 城镇居民人均可支配收入; 总产量 after 粮食种植面积 → 粮食总产量. Writes into
 * out (cap bytes) and returns the length, or 0 when no completion applies. */
size_t fx_complete_suffix(fx_str part, fx_str full, char *out, size_t cap);
size_t fx_complete_prefix(fx_str part, fx_str context, char *out, size_t cap);
/* 产量, 面积 …: a measure that needs a topic; fx_complete_prefix completes only these. */
bool   fx_measure_word(fx_str part);

/* ---- names (facts_names.c) ---- */
/* A name: its bytes s[0, n) are either buf (a name built of two parts, or
 * cut) or a span of the sentence being read, which outlives every name made
 * of it (no copy). Never copied by assignment: fx_name_copy. */
typedef struct fx_name {
    const char *s;
    size_t      n;
    char        buf[FX_NAME_MAX];
} fx_name;

void   fx_name_set(fx_name *d, fx_str a, fx_str b);     /* d = a + b into buf, cut at FX_NAME_MAX */
/* d = a, a span of the sentence: the span itself when it is short enough
 * (else cut into buf as fx_name_set does). */
static inline void fx_name_span(fx_name *d, fx_str a)
{
    if (a.n < FX_NAME_MAX) {
        d->s = a.s;
        d->n = a.n;
    } else {
        fx_name_set(d, a, fx_span("", 0));
    }
}
static inline fx_str fx_name_str(const fx_name *nm) { return fx_span(nm->s, nm->n); }
/* *d = *src: a span is shared, bytes in buf are copied (in blocks of 32:
 * the buffers hold whole blocks). */
_Static_assert(FX_NAME_MAX % 32 == 0, "names copied in blocks of 32 bytes");
static inline void fx_name_copy(fx_name *d, const fx_name *src)
{
    d->n = src->n;
    if (src->s != src->buf) {
        d->s = src->s;
        return;
    }
    for (size_t k = 0; k < src->n; k += 32) memcpy(d->buf + k, src->buf + k, 32);
    d->s = d->buf;
}
fx_str fx_cut_at_pred(fx_str s);                        /* 粮食种植面积、总产量实现双增 → names part */
size_t fx_split_parts(fx_str s, fx_str *parts, size_t max);   /* at 、 (or 和 after a short part) */
size_t fx_complete_parts(fx_str *parts, size_t np, fx_name *out);
bool   fx_both_keyed(fx_str name);                      /* 城乡X: 城镇X and 农村X both keyed */
bool   fx_attribute_word(fx_str n);                     /* 增幅, 总量 …: an attribute of the subject */
fx_str fx_topic_of(fx_str s);                           /* the subject without its action word */

/* ---- sentences (facts_sentence.c) ---- */
typedef struct fx_fig {
    const char   *name;     /* name_len bytes, temporary */
    size_t        name_len;
    const gwr_quantity *q;  /* offsets relative to the sentence */
    gwr_qual      qual;     /* the figure's qualifier (q's, or exact for a comparison's bound) */
    gwr_fig_kind  kind;
    gwr_period    period;
    bool          compare;  /* comparison: no canonical key */
    bool          target;   /* "…增长7%的目标": a target named in passing */
    int           base_year;/* 比2002年增长…: the base year of the change, or 0 */
} fx_fig;

typedef void (*fx_emit_fn)(void *ctx, const fx_fig *f);

typedef struct fx_qbuf {
    gwr_quantity *q;
    size_t n, cap;
} fx_qbuf;

/* Finds the numbers of one sentence s[0..n) that may be figures (none in a
 * page's chrome: the sentence without its last end_len bytes, its end mark,
 * and its surrounding punctuation, asked at the first number) into qb,
 * scratch space reused between sentences. Returns false when out of memory. */
static inline bool fx_sentence_scan(const char *s, size_t n, size_t end_len, fx_qbuf *qb);
/* Room for twice as many numbers (64 the first time); false when out of memory. */
bool fx_qbuf_grow(fx_qbuf *qb);
/* The rest of fx_sentence_scan once a number is read into qb->q[qb->n] and
 * pos is past it. */
bool fx_sentence_scan_more(const char *s, size_t n, size_t end_len, fx_qbuf *qb, size_t pos);
/* The first number read here: most sentences have none, and are done
 * without a call. */
static inline bool fx_sentence_scan(const char *s, size_t n, size_t end_len, fx_qbuf *qb)
{
    size_t pos = 0;
    qb->n = 0;
    if (n == 0) return true;
    if (qb->cap == 0 && !fx_qbuf_grow(qb)) return false;
    if (!gwr_quantity_next(s, n, &pos, qb->q)) return true;
    return fx_sentence_scan_more(s, n, end_len, qb, pos);
}
/* Reads the figures of those numbers and calls emit for each, in text order;
 * kw holds the words of the sentence; readable (>= n) bytes of s may be read. */
void fx_sentence(const char *s, size_t n, size_t readable, const fx_words *kw, const fx_qbuf *qb, fx_emit_fn emit,
                 void *ctx);

/* n zeroed elements of size bytes owned by the calling thread through key
 * (whose destructor frees them when the thread ends), or NULL. */
void *fx_thread_table(pthread_key_t key, size_t n, size_t size);

#endif
