/* pinyin.h — Mandarin readings of Chinese characters, and queries typed on
 * any keyboard: a query is matched literally (ASCII case folded, traditional
 * characters read as simplified) and, when it is made of Latin letters, as
 * pinyin without tones: full syllables (jiuye → 就业), initials (jy), both
 * mixed per character (jiuy, jye), the last syllable as a prefix, spaces or
 * apostrophes as syllable breaks (xi'an), every modern reading of a
 * polyphonic character (长 chang/zhang), ü typed as v or u (lv, lu → 绿).
 * Matching a string is linear in its length (a bit-parallel automaton for
 * pinyin, Knuth–Morris–Pratt for the literal text). */
#ifndef GWR_PINYIN_H
#define GWR_PINYIN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- readings (pinyin_table.c) ---- */
/* Writes up to max syllable numbers of cp's modern readings; returns how many
 * (0: no reading, e.g. not a Chinese character). */
size_t      gwr_py_readings(uint32_t cp, uint16_t *out, size_t max);
const char *gwr_py_syllable(uint16_t syl);
size_t      gwr_py_syllable_count(void);
/* Reading sets (characters with the same readings share one): how many;
 * the set of a character (-1: none) and its syllables. */
size_t      gwr_py_set_count(void);
int         gwr_py_set_of(uint32_t cp);
size_t      gwr_py_set_readings(size_t set, uint16_t *out, size_t max);
/* The simplified form of a traditional character, else cp itself. */
uint32_t    gwr_py_simplify(uint32_t cp);
/* Compares two strings by the pinyin of their characters (first reading;
 * characters without one by code point, after every letter), then by bytes. */
int         gwr_py_collate(const char *a, const char *b);
/* Bytes of table data compiled in (for the README's figure). */
size_t      gwr_py_table_bytes(void);
/* One UTF-8 step (invalid bytes read as 0x110000 + byte, one at a time). */
size_t      gwr_py_utf8_step(const unsigned char *s, size_t n, uint32_t *cp);

/* ---- queries (pinyin_match.c) ---- */
typedef enum {
    GWR_PQ_NONE = 0,
    GWR_PQ_LITERAL,    /* the text itself (best) */
    GWR_PQ_FULL,       /* full syllables, the last one possibly cut short */
    GWR_PQ_MIXED,      /* full syllables and initials */
    GWR_PQ_INITIALS,   /* initials only */
} gwr_pq_class;

typedef struct gwr_pq gwr_pq;

typedef struct gwr_pq_match {
    gwr_pq_class cls;
    size_t start, end;     /* byte offsets of the matched characters */
    size_t chars;          /* characters before start (for ranking) */
} gwr_pq_match;

/* Compiles a query; NULL only when out of memory. "" matches everything. */
gwr_pq     *gwr_pq_new(const char *query);
void        gwr_pq_free(gwr_pq *q);
bool        gwr_pq_empty(const gwr_pq *q);
/* The query as matched literally: ASCII folded to lower case, traditional
 * characters simplified. */
const char *gwr_pq_literal(const gwr_pq *q, size_t *len);
/* True when the query is also read as pinyin; its letters (lower case). */
bool        gwr_pq_is_pinyin(const gwr_pq *q);
const char *gwr_pq_letters(const gwr_pq *q);
/* The best match in s[0..n): best class, then earliest start. */
bool        gwr_pq_best(const gwr_pq *q, const char *s, size_t n, gwr_pq_match *m);
/* The first match ending at or after `from` (then its class), for walking
 * every match of a text in order; the next search starts at m->end. */
bool        gwr_pq_next(const gwr_pq *q, const char *s, size_t n, size_t from, gwr_pq_match *m);

/* A resumable linear test over a long string: call gwr_pq_scan_step with
 * the same state until it returns true; *budget bytes may be examined per
 * call (it is decreased by the bytes examined). */
typedef struct gwr_pq_scan {
    size_t   pos;          /* bytes consumed */
    int      kmp;          /* literal: characters of the query matched */
    uint64_t F, I, A;      /* pinyin: positions reached (full, initials, any) */
    gwr_pq_class cls;      /* best class found so far */
    size_t   at;           /* characters before the best match's end */
    size_t   nchar;
    bool     first;        /* set by the caller: stop at the first match, of any
                              class (only whether the string matches is wanted) */
} gwr_pq_scan;
void gwr_pq_scan_init(gwr_pq_scan *st);
/* Returns true when done (st->cls says whether it matched). */
bool gwr_pq_scan_step(const gwr_pq *q, const char *s, size_t n, gwr_pq_scan *st, size_t *budget);

#endif
