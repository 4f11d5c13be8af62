/* text_norm.c — the analysis form of a report (t->norm) and its map back to
 * the original text.
 *
 * One pass over the lines of orig. Each non-blank line is trimmed; full-width
 * digits, letters, ％ and ． are folded to ASCII; whitespace is dropped except
 * between two ASCII letters/digits that are not one typeset number (so
 * "1 9 9 7 年" → "1997年", "8 ．8 ％" → "8.8%", "宜 荆 荆 都 市" → "宜荆荆都市",
 * "项目 800" → "项目800", "政 府 工 作 报 告" → "政府工作报告"); a line that is
 * the same text printed twice ("着力推进新型工业化着力推进新型工业化") keeps one
 * copy, and a short heading paragraph repeated on the next line is dropped.
 *
 * Ordinary reports have one paragraph per line. Hard-wrapped extractions
 * (PDF, newspaper pages — detected from the lines: short median length, few
 * lines ending a sentence) are joined into paragraphs: a paragraph ends after a
 * line that ends a sentence, unless all it holds so far is one short lead
 * sentence ("坚持工业\n优先不动摇。" opens the paragraph that follows). Doubled
 * lines are headings there and stand alone.
 *
 * Everything is linear in the input: no step rescans earlier text except the
 * bounded checks on short lines. */
#include "text_internal.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

typedef struct sink {
    char     *n;
    size_t    nl, ncap;
    uint32_t *mn, *mo;
    size_t    ml, mcap;
    long long delta;      /* orig - norm of the last checkpoint */
    bool      oom;
    /* the special characters of orig when the decoder found them (sp NULL:
     * not known), sp the first at or after the last offset asked */
    const uint32_t *sp, *sp0, *sp_end;
    size_t    sp_off;
} sink;

size_t gwr_text_space_len(const unsigned char *s, const unsigned char *end)
{
    if (s >= end) return 0;
    if (*s == ' ' || *s == '\t' || *s == '\v' || *s == '\f') return 1;
    size_t avail = (size_t)(end - s);
    if (s[0] == 0xC2 && avail >= 2 && s[1] == 0xA0) return 2;                        /* U+00A0 */
    if (avail >= 3) {
        if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) return 3;                  /* U+3000 */
        if (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) return 3;                  /* U+FEFF */
        if (s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x80 && s[2] <= 0x8B) return 3;  /* U+2000–200B */
    }
    return 0;
}

static void checkpoint_new(sink *k, size_t orig_off)
{
    long long d = (long long)orig_off - (long long)k->nl;
    if (k->ml > 0 && k->mn[k->ml - 1] == k->nl) {   /* same norm offset: replace */
        k->mo[k->ml - 1] = (uint32_t)orig_off;
        k->delta = d;
        return;
    }
    if (k->ml == k->mcap) {
        size_t nc = k->mcap ? k->mcap * 2 : 16;
        uint32_t *a = realloc(k->mn, nc * sizeof *a);
        if (!a) { k->oom = true; return; }
        k->mn = a;
        uint32_t *b = realloc(k->mo, nc * sizeof *b);
        if (!b) { k->oom = true; return; }
        k->mo = b;
        k->mcap = nc;
    }
    k->mn[k->ml] = (uint32_t)k->nl;
    k->mo[k->ml] = (uint32_t)orig_off;
    k->ml++;
    k->delta = d;
}

/* A checkpoint where the distance between orig and norm changes (most
 * runs keep it: nothing to do). */
static inline void checkpoint(sink *k, size_t orig_off)
{
    if (k->ml > 0 && (long long)orig_off - (long long)k->nl == k->delta) return;
    checkpoint_new(k, orig_off);
}

/* The norm buffer never outgrows orig_len + 2 (see gwr_text_normalise). */
static inline void emit(sink *k, const char *s, size_t n, size_t orig_off)
{
    if (k->nl + n > k->ncap) { k->oom = true; return; }
    checkpoint(k, orig_off);
    memcpy(k->n + k->nl, s, n);
    k->nl += n;
}

static void truncate_to(sink *k, size_t len)
{
    while (k->ml > 0 && k->mn[k->ml - 1] >= len) k->ml--;
    k->nl = len;
    k->delta = k->ml ? (long long)k->mo[k->ml - 1] - (long long)k->mn[k->ml - 1] : 0;
    if (k->ml == 0) k->delta = -1;   /* force a checkpoint on the next byte */
}

static bool is_alnum_ascii(unsigned c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Folds a full-width character at s to ASCII (0 if it is not one we fold). */
static unsigned fold_fullwidth(const unsigned char *s, const unsigned char *end)
{
    if (end - s < 3 || s[0] != 0xEF) return 0;
    unsigned cp = ((unsigned)(s[0] & 0x0F) << 12) | ((unsigned)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) ||
        cp == 0xFF05 || cp == 0xFF0E)
        return cp - 0xFEE0;
    return 0;
}

size_t gwr_utf8_count_upto(const char *s, size_t n, size_t cap)
{
    const uint64_t high = 0x8080808080808080ULL;
    if (n / 4 > cap) return n / 4;   /* at least one character in four bytes */
    size_t c = gwr_text_count_chars(s, n, cap);
    if (c != SIZE_MAX) return c;
    c = 0;
    size_t i = 0;
    for (; i + 8 <= n && c <= cap; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t cont = (w & ~(w << 1) & high) >> 7;                 /* 10xxxxxx: continuation */
        c += 8 - (size_t)((cont * 0x0101010101010101ULL) >> 56);     /* its bytes summed */
    }
    if (c > cap) return c;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (i < n && n >= 8) {   /* the last bytes from the word that ends the text */
        uint64_t w;
        memcpy(&w, s + n - 8, 8);
        w >>= 8 * (8 - (n - i));
        uint64_t cont = (w & ~(w << 1) & high) >> 7;
        return c + (n - i) - (size_t)((cont * 0x0101010101010101ULL) >> 56);
    }
#endif
    for (; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}


static size_t char_len(const unsigned char *s, const unsigned char *end)
{
    unsigned c = *s;
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return (size_t)(end - s) < n ? (size_t)(end - s) : n;
}

/* The first character in [s, end) that the analysis form changes, else end:
 * from the decoder's list, walked forward as the lines are, or found by
 * gwr_text_next_special. */
static inline const unsigned char *next_special(sink *k, const unsigned char *base, const unsigned char *s,
                                                const unsigned char *end)
{
    if (!k->sp) return gwr_text_next_special(base, s, end);
    size_t off = (size_t)(s - base);
    const uint32_t *p = k->sp;
    if (off < k->sp_off) p = k->sp0;   /* asked again for earlier text: from the start */
    while (p < k->sp_end && *p < off) p++;
    k->sp = p;
    k->sp_off = off;
    return p < k->sp_end && *p < (size_t)(end - base) ? base + *p : end;
}

/* Emits orig[a, b) (already trimmed) into the sink, folding and dropping
 * spaces. Runs of characters that stay as they are are copied with one
 * checkpoint. */
static void emit_line(sink *k, const char *orig, size_t a, size_t b)
{
    const unsigned char *base = (const unsigned char *)orig;
    const unsigned char *s = base + a, *end = base + b;
    while (s < end) {
        const unsigned char *r = next_special(k, base, s, end);
        if (r > s) {
            emit(k, (const char *)s, (size_t)(r - s), (size_t)((const char *)s - orig));
            s = r;
            if (s >= end) break;
        }
        size_t fc = gwr_text_format_len(s, end);     /* invisible format characters: dropped */
        if (fc) {
            s += fc;
            continue;
        }
        size_t sp = gwr_text_space_len(s, end);
        if (sp) {
            const unsigned char *q = s;
            while (q < end && ((sp = gwr_text_space_len(q, end)) > 0 || (sp = gwr_text_format_len(q, end)) > 0)) q += sp;
            unsigned next = q < end ? (*q < 0x80 ? *q : fold_fullwidth(q, end)) : 0;
            unsigned prev = k->nl ? (unsigned char)k->n[k->nl - 1] : 0;
            /* typeset spaces inside a number go: "1 9 9 7 年", "8 ．8 ％" */
            bool in_number = (prev >= '0' && prev <= '9' && ((next >= '0' && next <= '9') || next == '.' ||
                                                            next == '%')) ||
                             (prev == '.' && next >= '0' && next <= '9' && k->nl >= 2 &&
                              k->n[k->nl - 2] >= '0' && k->n[k->nl - 2] <= '9');
            if (is_alnum_ascii(prev) && is_alnum_ascii(next) && !in_number)
                emit(k, " ", 1, (size_t)((const char *)s - orig));
            s = q;
            continue;
        }
        size_t ctl = gwr_text_control_len(s, end);   /* escape sequences, C0/C1: dropped */
        if (ctl) {
            s += ctl;
            continue;
        }
        unsigned f = fold_fullwidth(s, end);
        if (f) {
            char c = (char)f;
            emit(k, &c, 1, (size_t)((const char *)s - orig));
            s += 3;
            continue;
        }
        size_t n = char_len(s, end);
        emit(k, (const char *)s, n, (size_t)((const char *)s - orig));
        s += n;
    }
}

/* A line that is one text printed twice (a PDF heading artefact). */
static bool doubled(const char *s, size_t n)
{
    if (n < 6 || n > 1200 || n % 2) return false;
    size_t h = n / 2;
    if (s[0] != s[h] || s[h - 1] != s[n - 1] || memcmp(s, s + h, h) != 0) return false;
    /* not a sentence: no full stop inside */
    for (size_t i = 0; i + 2 < h; i++)
        if ((unsigned char)s[i] == 0xE3 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x82) return false;
    return true;
}

static inline bool ends_with(const char *s, size_t n, const char *suf)
{
    size_t m = strlen(suf);
    if (n < m) return false;
    for (size_t i = 0; i < m; i++)
        if (s[n - m + i] != suf[i]) return false;
    return true;
}

/* The last three bytes of s[0,n) as one number (0 when shorter): the
 * punctuation that ends lines is three bytes long. */
static inline uint32_t last3(const char *s, size_t n)
{
    if (n < 3) return 0;
    return (uint32_t)(unsigned char)s[n - 3] << 16 | (uint32_t)(unsigned char)s[n - 2] << 8 | (unsigned char)s[n - 1];
}

enum {
    P_RDQUOTE = 0xE2809D,   /* ” */
    P_RPAREN = 0xEFBC89,    /* ） */
    P_STOP = 0xE38082,      /* 。 */
    P_EXCL = 0xEFBC81,      /* ！ */
    P_QUEST = 0xEFBC9F,     /* ？ */
    P_SEMI = 0xEFBC9B,      /* ； */
    P_COLON = 0xEFBC9A,     /* ： */
};

/* Does norm text s[0,n) end a sentence (。！？, perhaps before ” or ）)? */
static inline bool ends_sentence(const char *s, size_t n)
{
    uint32_t e = last3(s, n);
    if (e == P_RDQUOTE || e == P_RPAREN) e = last3(s, n - 3);
    return e == P_STOP || e == P_EXCL || e == P_QUEST;
}

/* A paragraph that is one short sentence with no comma: a lead sentence. */
static bool lead_sentence(const char *s, size_t n)
{
    if (n > 66) return false;
    size_t chars = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80) chars++;
        if (i + 3 <= n - 3 && c == 0xE3 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x82)
            return false;                      /* an earlier full stop */
        if (i + 3 <= n && c == 0xEF && (unsigned char)s[i + 1] == 0xBC &&
            ((unsigned char)s[i + 2] == 0x8C || (unsigned char)s[i + 2] == 0x9A))
            return false;                      /* ， or ： */
    }
    return chars >= 3 && chars <= 22;
}

/* Can a blank (see gwr_text_space_len) start at s[a], or end at s[b-1]? */
static inline bool blank_may_start(unsigned c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF;
}

static inline bool blank_may_end(const unsigned char *s, size_t a, size_t b)
{
    unsigned c = s[b - 1];
    if (c < 0x80) return c == ' ' || c == '\t' || c == '\v' || c == '\f';
    if (c == 0xA0 || c == 0xBF) return true;                       /* U+00A0, U+FEFF */
    return c <= 0x8B && b - a >= 3 && s[b - 2] == 0x80 && ((s[b - 3] == 0xE3 && c == 0x80) || s[b - 3] == 0xE2);
}

static void trim_blanks(const unsigned char *s, size_t *a, size_t *b)
{
    size_t k;
    while (*a < *b && (k = gwr_text_space_len(s + *a, s + *b)) > 0) *a += k;
    while (*a < *b) {
        size_t e = *b, st = e - 1;
        while (st > *a && (s[st] & 0xC0) == 0x80) st--;
        if (gwr_text_space_len(s + st, s + e) == e - st) *b = st;
        else break;
    }
}

static inline __attribute__((always_inline)) void trim(const char *orig, size_t *a, size_t *b)
{
    const unsigned char *s = (const unsigned char *)orig;
    if (*a >= *b || (!blank_may_start(s[*a]) && !blank_may_end(s, *a, *b))) return;   /* blank, or nothing to trim */
    trim_blanks(s, a, b);
}

/* The end of line li of orig (its LF, or the end of the text). */
static inline size_t line_end(const gwr_text *t, size_t li)
{
    if (li + 1 < t->nlines) return t->line_start[li + 1] - 1;
    return t->orig_len > t->line_start[li] && t->orig[t->orig_len - 1] == '\n' ? t->orig_len - 1 : t->orig_len;
}

/* A line of orig as the layout detection found it: trimmed to [a, b), and
 * its characters (exact up to 41, else 41). */
typedef struct tline {
    uint32_t a, b;
    uint8_t  chars;
} tline;

/* Hard-wrapped layout: many lines, median length ≤ 40 characters and fewer
 * than 4 in 10 lines ending a sentence. lc (may be NULL): filled for each
 * line, for the pass that follows. */
static bool detect_wrapped(const gwr_text *t, size_t *median_out, tline *lc)
{
    enum { MAXL = 512 };
    static const size_t zero[MAXL + 1];
    size_t hist[MAXL + 1];
    memcpy(hist, zero, sizeof hist);
    size_t lines = 0, ends = 0;
    const char *o = t->orig;
    for (size_t li = 0; li < t->nlines; li++) {
        size_t a = t->line_start[li], b = line_end(t, li);
        trim(o, &a, &b);
        size_t chars = 0;
        if (b > a) {
            /* only whether the median is at most 40 matters (and then its
             * value): longer lines share one bin */
            chars = b - a > 4 * 41 ? 42 : gwr_text_line_chars(o + a, b - a);   /* four bytes at most a character */
            if (chars > 41) chars = 41;
            hist[chars]++;
            lines++;
            uint32_t e = last3(o + a, b - a);
            if (e == P_SEMI || e == P_COLON || ends_sentence(o + a, b - a))
                ends++;
        }
        if (lc) lc[li] = (tline){ (uint32_t)a, (uint32_t)b, (uint8_t)chars };
    }
    if (lines < 40) return false;
    size_t half = lines / 2, acc = 0, median = 0;
    for (size_t i = 0; i <= MAXL; i++) {
        acc += hist[i];
        if (acc > half) { median = i; break; }
    }
    *median_out = median;
    return median <= 40 && ends * 10 < lines * 4;
}

/* Does a line start with a part, section or item number ("一、", "十二、",
 * "（三）", "(四)", "二是")? In hard-wrapped text such a line starts a paragraph. */
static bool heading_marker(const char *s, size_t n)
{
    size_t i = 0;
    bool br = false;
    if (n >= 3 && memcmp(s, "（", 3) == 0) { i = 3; br = true; }
    else if (n >= 1 && s[0] == '(') { i = 1; br = true; }
    size_t k = 0;
    while (i + 3 <= n && k < 3) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0xE3 || c > 0xE5) break;   /* the lead bytes of the numerals */
        switch (last3(s + i, 3)) {          /* 〇一二三四五六七八九十 */
        case 0xE38087: case 0xE4B880: case 0xE4BA8C: case 0xE4B889: case 0xE59B9B: case 0xE4BA94:
        case 0xE585AD: case 0xE4B883: case 0xE585AB: case 0xE4B99D: case 0xE58D81:
            break;
        default:
            goto done;
        }
        i += 3;
        k++;
    }
done:
    if (k == 0) return false;
    if (br) return (i + 3 <= n && memcmp(s + i, "）", 3) == 0) || (i < n && s[i] == ')');
    return i + 3 <= n && (memcmp(s + i, "、", 3) == 0 || memcmp(s + i, "是", 3) == 0);
}

/* Is needle (three bytes or more: a Chinese word) in s[0,n)? Found by its
 * third byte, which for a Chinese character varies more than the first. */
static inline bool has(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    if (n < m) return false;
    const char *p = s + 2, *last = s + n - m + 2;
    while ((p = memchr(p, needle[2], (size_t)(last - p) + 1)) != NULL) {
        if (p[-2] == needle[0] && p[-1] == needle[1] && memcmp(p + 1, needle + 3, m - 3) == 0) return true;
        if (p++ == last) break;
    }
    return false;
}

/* Front matter and addresses in hard-wrapped text: the title line, the
 * speaker line and the salutation stand alone (*alone); a meeting line
 * ("——2022年…" or "（2024年…"), an address "各位代表…" start a paragraph
 * (*starts), and the meeting line ends with "…会议上" (*ends). */
static void front_line(const char *s, size_t n, size_t chars, bool *starts, bool *alone, bool *ends)
{
    /* chars: exact up to 30 at least, the largest bound asked */
    bool gov = chars <= 30 && has(s, n, "政府");   /* in both names below: one search for most lines */
    if (gov && chars <= 24 && has(s, n, "政府工作报告")) *alone = true;
    if (gov && has(s, n, "人民政府") && has(s, n, "长") && !has(s, n, "。")) *alone = true;
    if (chars <= 12 && (ends_with(s, n, "：") || ends_with(s, n, ":")) && has(s, n, "代表")) *alone = true;
    if (ends_with(s, n, "会议上") || ends_with(s, n, "会议上）") || ends_with(s, n, "会议上)")) *ends = true;
    if ((n >= 3 && memcmp(s, "—", 3) == 0) || (n >= 2 && s[0] == '-' && s[1] == '-') ||
        (n >= 4 && memcmp(s, "（", 3) == 0 && s[3] >= '1' && s[3] <= '2') ||
        (n >= 12 && memcmp(s, "各位代表", 12) == 0))
        *starts = true;
}

gwr_status gwr_text_normalise(gwr_text *t, const char *name, const gwr_text_specials *sp, gwr_err *err)
{
    sink k = { .delta = -1 };
    if (sp && sp->known) {
        static const uint32_t none[1];
        k.sp = k.sp0 = sp->at ? sp->at : none;
        k.sp_end = k.sp + sp->n;
    }
    k.ncap = t->orig_len + 2;
    k.n = malloc(k.ncap + 1);
    if (!k.n) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
    /* map checkpoints: about one for each blank line dropped (grown as needed) */
    k.mcap = t->nlines / 2 + 16;
    k.mn = malloc(k.mcap * sizeof *k.mn);
    k.mo = malloc(k.mcap * sizeof *k.mo);
    if (!k.mn || !k.mo) {
        free(k.n); free(k.mn); free(k.mo);
        return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
    }
    size_t median = 0;
    tline *lc = malloc((t->nlines ? t->nlines : 1) * sizeof *lc);   /* NULL: each line measured again */
    bool wrapped = detect_wrapped(t, &median, lc);
    const char *o = t->orig;
    size_t para = 0;                  /* norm offset where the open paragraph starts */
    bool open = false, para_marker = false, para_stop = false;
    size_t prev_off = 0, prev_len = (size_t)-1;   /* previous finished paragraph */
    size_t last_end = 0, prev_line = 0, prev_line_len = (size_t)-1;
#define FINISH() do { \
        size_t plen_ = k.nl - para; \
        if (plen_ == 0) { \
            /* nothing left (a line of control sequences): no empty paragraph */ \
        } else if (prev_len != (size_t)-1 && plen_ == prev_len && plen_ <= 200 && \
            memcmp(k.n + para, k.n + prev_off, plen_) == 0 && !ends_sentence(k.n + para, plen_)) { \
            truncate_to(&k, para);    /* the same heading again: keep one */ \
        } else { \
            emit(&k, "\n", 1, last_end); \
            prev_off = para; prev_len = plen_; \
        } \
        open = false; \
    } while (0)
    for (size_t li = 0; li < t->nlines; li++) {
        size_t a, b;
        if (lc) {
            a = lc[li].a;
            b = lc[li].b;
        } else {
            a = t->line_start[li];
            b = line_end(t, li);
            trim(o, &a, &b);
        }
        if (a == b) continue;
        /* the same short line again (a heading or running header printed twice) */
        if (b - a <= 200 && b - a == prev_line_len && memcmp(o + a, o + prev_line, b - a) == 0 &&
            !ends_sentence(o + a, b - a))
            continue;
        prev_line = a;
        prev_line_len = b - a;
        bool dbl = doubled(o + a, b - a);
        if (dbl) b = a + (b - a) / 2;
        if (!wrapped || dbl) {
            if (open) FINISH();
            para = k.nl;
            emit_line(&k, o, a, b);
            last_end = b;
            FINISH();
            continue;
        }
        bool marker = heading_marker(o + a, b - a);
        bool alone = false, ends = false;
        size_t chars = lc ? lc[li].chars : gwr_utf8_count_upto(o + a, b - a, 41);
        front_line(o + a, b - a, chars, &marker, &alone, &ends);
        if ((marker || alone) && open) FINISH();
        if (!open) {
            para = k.nl;
            open = true;
            para_marker = marker;
            para_stop = false;
        } else if (k.nl > para && is_alnum_ascii((unsigned char)k.n[k.nl - 1]) &&
                   (unsigned char)o[a] < 0x80 && ((o[a] >= 'A' && o[a] <= 'Z') || (o[a] >= 'a' && o[a] <= 'z'))) {
            emit(&k, " ", 1, a);
        }
        size_t line_norm = k.nl;
        emit_line(&k, o, a, b);
        if (para_marker && !para_stop) para_stop = has(k.n + line_norm, k.nl - line_norm, "。");
        last_end = b;
        if (alone || ends) FINISH();
        else if (ends_sentence(k.n + para, k.nl - para) && !lead_sentence(k.n + para, k.nl - para)) FINISH();
        else if (para_marker && !para_stop && chars < median)
            FINISH();   /* a heading ends on a line shorter than the column */
    }
    if (open && k.nl > para) FINISH();
#undef FINISH
    free(lc);
    if (k.oom) {
        free(k.n); free(k.mn); free(k.mo);
        return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
    }
    if (k.ml == 0) checkpoint(&k, 0);
    if (k.oom) {
        free(k.n); free(k.mn); free(k.mo);
        return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
    }
    /* give back the spare room: a corpus keeps many texts */
    char *fit = realloc(k.n, k.nl + 1);
    if (fit) k.n = fit;
    if (k.ml < k.mcap) {
        uint32_t *a = realloc(k.mn, k.ml * sizeof *a), *b = realloc(k.mo, k.ml * sizeof *b);
        if (a) k.mn = a;
        if (b) k.mo = b;
    }
    k.n[k.nl] = '\0';
    t->norm = k.n;
    t->norm_len = k.nl;
    t->map_norm = k.mn;
    t->map_orig = k.mo;
    t->map_len = k.ml;
    t->pdf_layout = wrapped;
    return k.oom ? gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name) : GWR_OK;
}
