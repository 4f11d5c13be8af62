/* pinyin_match.c — compiling a query and matching it against text.
 *
 * Literal: the folded query is found with Knuth–Morris–Pratt (linear, and
 * resumable at any byte). Pinyin: the query's letters are positions 0..m
 * (m ≤ 63); while the text is read character by character, three bit sets
 * hold the positions that matches begun earlier have reached — by full
 * syllables only (F), by initials only (I), by either (A). A character with
 * readings r moves position j to j + |r| when the letters there spell r, to
 * j + 1 (or j + 2 for zh/ch/sh) when they are its initial; precomputed per
 * syllable as bit masks, so each character costs a few word operations
 * whatever the query's length. A match ends when the letters left are a
 * prefix of one of the character's readings. Separators (space, ') forbid a
 * syllable across them. */
#include "pinyin.h"
#include "pinyin_int.h"
#include <stdlib.h>
#include <string.h>

enum { MAXQ = 256, MAXL = 63, GWR_PQ_MAXSET = 1024 };

struct gwr_pq {
    char     lit[MAXQ];          /* folded, simplified */
    int      litlen;
    int      pi[MAXQ];           /* KMP failure function */
    bool     pinyin;
    int      m;                  /* letters */
    char     q[MAXL + 1];
    uint64_t full[GWR_PY_MAXSYL], i1[GWR_PY_MAXSYL], i2[GWR_PY_MAXSYL];
    uint64_t lf[GWR_PY_MAXSYL], li[GWR_PY_MAXSYL];
    uint8_t  len[GWR_PY_MAXSYL];
    uint64_t asc[26], ascend[26];
    uint64_t live[GWR_PQ_MAXSET]; /* per reading set: the positions its characters can
                                    move on from or end at (0: the character only
                                    resets the automaton) */
};

static inline unsigned char fold(unsigned char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

/* One UTF-8 step: the code point and its length; an invalid byte is one
 * step of its own, read as 0x110000 + byte so it never equals a character. */
size_t gwr_py_utf8_step(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    size_t len = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (len == 0 || len > n) goto bad;
    uint32_t v = c & (0x7F >> len);
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80) goto bad;
        v = v << 6 | (s[k] & 0x3F);
    }
    /* overlong forms, surrogates and values past U+10FFFF are not characters */
    static const uint32_t min_of[5] = { 0, 0, 0x80, 0x800, 0x10000 };
    if (v < min_of[len] || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF) goto bad;
    *cp = v;
    return len;
bad:
    *cp = 0x110000 + c;
    return 1;
}

static size_t enc(uint32_t cp, char *o)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | cp >> 6); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Does syllable s spell q[j..j+k)? (v in a syllable is also typed u) */
static bool spells(const char *s, const char *q, int k)
{
    for (int i = 0; i < k; i++) {
        if (!s[i]) return false;
        if (s[i] != q[i] && !(s[i] == 'v' && q[i] == 'u')) return false;
    }
    return true;
}

static void compile_pinyin(gwr_pq *p, uint64_t bound)
{
    int m = p->m;
    uint64_t below_m = m >= 64 ? ~0ULL : ((1ULL << m) - 1);
    for (size_t k = 0; k < gwr_py_nsyl && k < GWR_PY_MAXSYL; k++) {
        const char *s = gwr_py_syl[k];
        int L = (int)strlen(s);
        int il = (L >= 2 && s[1] == 'h' && (s[0] == 'z' || s[0] == 'c' || s[0] == 's')) ? 2 : 1;
        p->len[k] = (uint8_t)L;
        for (int j = 0; j < m; j++) {
            uint64_t bit = 1ULL << j;
            /* separators strictly inside (j, j + k) */
            #define CLEAR(k_) (((bound >> (j + 1)) & ((1ULL << ((k_) - 1)) - 1)) == 0)
            if (j + L < m && spells(s, p->q + j, L) && CLEAR(L)) p->full[k] |= bit;
            if (j + 1 < m && spells(s, p->q + j, 1)) p->i1[k] |= bit;
            if (il == 2 && j + 2 < m && spells(s, p->q + j, 2) && CLEAR(2)) p->i2[k] |= bit;
            int rest = m - j;
            if (rest <= L && spells(s, p->q + j, rest) && CLEAR(rest)) {
                if (rest > il || rest == L) p->lf[k] |= bit;
                if (rest == 1 || rest == il) p->li[k] |= bit;
            }
            #undef CLEAR
        }
        p->full[k] &= below_m;
    }
    for (size_t set = 0; set < gwr_py_nsets && set < GWR_PQ_MAXSET; set++) {
        const uint16_t *rs = gwr_py_sets + gwr_py_set_off[set];
        uint64_t v = 0;
        for (unsigned r = 1; r <= rs[0]; r++) {
            unsigned k = rs[r];
            v |= p->full[k] | p->i1[k] | p->i2[k] | p->lf[k] | p->li[k];
        }
        p->live[set] = v;
    }
    for (int j = 0; j < m; j++) {
        int c = p->q[j] - 'a';
        if (j + 1 < m) p->asc[c] |= 1ULL << j;
        else p->ascend[c] |= 1ULL << j;
    }
}

gwr_pq *gwr_pq_new(const char *query)
{
    gwr_pq *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    gwr_py_init();
    const unsigned char *s = (const unsigned char *)(query ? query : "");
    size_t n = strlen((const char *)s);
    bool letters_only = true;
    uint64_t bound = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = gwr_py_utf8_step(s + i, n - i, &cp);
        char o[4];
        size_t ol;
        if (cp < 0x80) {
            o[0] = (char)fold((unsigned char)cp);
            ol = 1;
        } else if (cp >= 0x110000) {
            o[0] = (char)s[i];
            ol = 1;
        } else {
            ol = enc(gwr_py_simplify(cp), o);
        }
        if (p->litlen + (int)ol >= MAXQ) break;
        memcpy(p->lit + p->litlen, o, ol);
        p->litlen += (int)ol;
        if (cp < 0x80 && ((cp | 32) >= 'a' && (cp | 32) <= 'z')) {
            if (p->m < MAXL) p->q[p->m] = (char)(cp | 32);
            p->m++;
        } else if (cp == ' ' || cp == '\'' || cp == '\t') {
            if (p->m > 0 && p->m < 64) bound |= 1ULL << p->m;
        } else {
            letters_only = false;
        }
        i += k;
    }
    p->lit[p->litlen] = '\0';
    /* KMP failure function */
    p->pi[0] = 0;
    for (int i = 1, k = 0; i < p->litlen; i++) {
        while (k > 0 && p->lit[i] != p->lit[k]) k = p->pi[k - 1];
        if (p->lit[i] == p->lit[k]) k++;
        p->pi[i] = k;
    }
    if (letters_only && p->m > 0 && p->m <= MAXL) {
        p->pinyin = true;
        p->q[p->m] = '\0';
        compile_pinyin(p, bound);
    }
    return p;
}

void gwr_pq_free(gwr_pq *q) { free(q); }
bool gwr_pq_empty(const gwr_pq *q) { return q->litlen == 0; }
bool gwr_pq_is_pinyin(const gwr_pq *q) { return q->pinyin; }
const char *gwr_pq_letters(const gwr_pq *q) { return q->pinyin ? q->q : ""; }

const char *gwr_pq_literal(const gwr_pq *q, size_t *len)
{
    if (len) *len = (size_t)q->litlen;
    return q->lit;
}

void gwr_pq_scan_init(gwr_pq_scan *st) { memset(st, 0, sizeof *st); }

/* One character of text through the automaton: updates the sets, returns
 * the class of a match ending at it (NONE if none). restart: a match may
 * begin here. */
static inline gwr_pq_class step(const gwr_pq *q, uint32_t cp, uint64_t *F, uint64_t *I, uint64_t *A, bool restart)
{
    uint64_t f0 = *F | restart, i0 = *I | restart, a0 = *A | restart;
    uint64_t nf = 0, ni = 0, na = 0;
    gwr_pq_class cls = GWR_PQ_NONE;
    if (cp < 0x80) {
        unsigned c = cp | 32;
        if (c >= 'a' && c <= 'z' && (cp >= 'A')) {
            uint64_t m = q->asc[c - 'a'], e = q->ascend[c - 'a'];
            nf = (f0 & m) << 1, ni = (i0 & m) << 1, na = (a0 & m) << 1;
            if (f0 & e) cls = GWR_PQ_FULL;
            else if (i0 & e) cls = GWR_PQ_INITIALS;
            else if (a0 & e) cls = GWR_PQ_MIXED;
        }
        *F = nf, *I = ni, *A = na;
        return cls;
    }
    int set = cp < 0x10000 ? (int)gwr_py_bmp[cp] - 1 : (cp < 0x110000 ? gwr_py_set_of(cp) : -1);
    /* most characters can neither move a match on nor end one: reset */
    if (set < 0 || (set < GWR_PQ_MAXSET && !((f0 | i0 | a0) & q->live[set]))) {
        *F = *I = *A = 0;
        return GWR_PQ_NONE;
    }
    const uint16_t *rs = gwr_py_sets + gwr_py_set_off[set];
    bool cf = false, ci = false, ca = false;
    for (unsigned r = 1; r <= rs[0]; r++) {
        unsigned k = rs[r];
        uint64_t fm = q->full[k], m1 = q->i1[k], m2 = q->i2[k];
        unsigned L = q->len[k];
        nf |= (f0 & fm) << L;
        ni |= (i0 & m1) << 1 | (i0 & m2) << 2;
        na |= (a0 & fm) << L | (a0 & m1) << 1 | (a0 & m2) << 2;
        uint64_t lf = q->lf[k], li = q->li[k];
        cf |= (f0 & lf) != 0;
        ci |= (i0 & li) != 0;
        ca |= (a0 & (lf | li)) != 0;
    }
    *F = nf, *I = ni, *A = na;
    return cf ? GWR_PQ_FULL : ci ? GWR_PQ_INITIALS : ca ? GWR_PQ_MIXED : GWR_PQ_NONE;
}

/* KMP over one byte: returns true when the literal ends here. */
static inline bool kmp(const gwr_pq *q, int *k, unsigned char b)
{
    char c = (char)fold(b);
    int j = *k;
    while (j > 0 && q->lit[j] != c) j = q->pi[j - 1];
    if (q->lit[j] == c) j++;
    if (j == q->litlen) {
        *k = q->pi[j - 1];
        return true;
    }
    *k = j;
    return false;
}

/* Whether s[i..n) holds an ASCII byte (a pinyin query's literal text is
 * ASCII: without one, no literal match can end there). */
static bool ascii_in(const unsigned char *s, size_t i, size_t n)
{
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if ((w & 0x8080808080808080ULL) != 0x8080808080808080ULL) return true;
    }
    for (; i < n; i++)
        if (s[i] < 0x80) return true;
    return false;
}

bool gwr_pq_scan_step(const gwr_pq *q, const char *str, size_t n, gwr_pq_scan *st, size_t *budget)
{
    const unsigned char *s = (const unsigned char *)str;
    if (q->litlen == 0) {
        st->cls = GWR_PQ_LITERAL;
        return true;
    }
    size_t i = st->pos, stop = *budget < n - i ? i + *budget : n;
    int k = st->kmp;
    uint64_t F = st->F, I = st->I, A = st->A;
    if (!q->pinyin) {
        /* literal only: skip to the first byte quickly when nothing is pending */
        unsigned char c0 = (unsigned char)q->lit[0];
        bool letter = c0 >= 'a' && c0 <= 'z';
        while (i < stop) {
            if (k == 0 && !letter) {
                const unsigned char *f = memchr(s + i, c0, stop - i);
                if (!f) { i = stop; break; }
                i = (size_t)(f - s);
            }
            if (kmp(q, &k, s[i++])) {
                st->cls = GWR_PQ_LITERAL;
                st->at = st->nchar;
                *budget -= i - st->pos;
                st->pos = i;
                return true;
            }
        }
    } else {
        /* a pinyin query's literal text is ASCII: any other byte ends a
           partial literal match */
        size_t nchar = st->nchar;
        while (i < stop) {
            unsigned b0 = s[i];
            /* the common case first: a three-byte character (U+1000..U+CFFF,
               U+E000..U+FFFF) that neither goes on with a match nor begins one */
            if (b0 - 0xE1u <= 0xEFu - 0xE1u && b0 != 0xED && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
                (s[i + 2] & 0xC0) == 0x80) {
                uint32_t cp3 = (b0 & 0x0Fu) << 12 | (s[i + 1] & 0x3Fu) << 6 | (s[i + 2] & 0x3Fu);
                int set = (int)gwr_py_bmp[cp3] - 1;
                if (set < 0 || (set < GWR_PQ_MAXSET && !((F | I | A | 1) & q->live[set]))) {
                    k = 0;
                    F = I = A = 0;
                    i += 3;
                    nchar++;
                    continue;
                }
            }
            uint32_t cp;
            size_t len = gwr_py_utf8_step(s + i, n - i, &cp);
            bool lit = false;
            if (len == 1 && s[i] < 0x80) lit = kmp(q, &k, s[i]);
            else k = 0;
            gwr_pq_class c = step(q, cp, &F, &I, &A, true);
            i += len;
            if (lit) c = GWR_PQ_LITERAL;
            if (c && (!st->cls || c < st->cls)) {
                st->cls = c;
                st->at = nchar;
                /* only a literal match beats a full one: none can end here
                   without ASCII text */
                if (c == GWR_PQ_LITERAL || st->first || (c == GWR_PQ_FULL && !ascii_in(s, i, n))) {
                    st->nchar = nchar;
                    *budget -= i - st->pos;
                    st->pos = i;
                    return true;
                }
            }
            nchar++;
        }
        st->nchar = nchar;
    }
    *budget -= i - st->pos;
    st->pos = i;
    st->kmp = k;
    st->F = F, st->I = I, st->A = A;
    return i >= n;
}

static size_t back_char(const unsigned char *s, size_t i)
{
    if (i == 0) return 0;
    i--;
    for (int k = 0; k < 3 && i > 0 && (s[i] & 0xC0) == 0x80; k++) i--;
    return i;
}

/* Start of a pinyin match of class cls ending with the character at
 * [e0, e1): the nearest start that works. */
static size_t find_start(const gwr_pq *q, const unsigned char *s, size_t e0, size_t e1, gwr_pq_class cls)
{
    size_t b = e0, any = e0;
    bool have_any = false;
    for (int back = 0; back <= q->m; back++) {
        uint64_t F = 0, I = 0, A = 0;
        gwr_pq_class c = GWR_PQ_NONE;
        bool first = true;
        for (size_t i = b; i < e1;) {
            uint32_t cp;
            size_t len = gwr_py_utf8_step(s + i, e1 - i, &cp);
            c = step(q, cp, &F, &I, &A, first);
            first = false;
            i += len;
            if (i < e1 && !(F | I | A)) { c = GWR_PQ_NONE; break; }
        }
        if (c == cls) return b;
        if (c && !have_any) any = b, have_any = true;
        if (b == 0) break;
        b = back_char(s, b);
    }
    return any;
}

/* Scans from `from`: mode 0 stops at the first match, mode 1 looks for the
 * best class (stopping at a literal one). */
static bool search(const gwr_pq *q, const char *str, size_t n, size_t from, int mode, gwr_pq_match *m)
{
    const unsigned char *s = (const unsigned char *)str;
    memset(m, 0, sizeof *m);
    if (q->litlen == 0) {
        m->cls = GWR_PQ_LITERAL;
        m->start = m->end = from;
        return true;
    }
    int k = 0;
    uint64_t F = 0, I = 0, A = 0;
    size_t nchar = 0, best_e0 = 0, best_e1 = 0, best_chars = 0;
    gwr_pq_class best = GWR_PQ_NONE;
    for (size_t i = from; i < n;) {
        uint32_t cp;
        size_t len = q->pinyin ? gwr_py_utf8_step(s + i, n - i, &cp) : 1;
        bool lit = false;
        for (size_t b = 0; b < len; b++) lit |= kmp(q, &k, s[i + b]);
        gwr_pq_class c = q->pinyin ? step(q, cp, &F, &I, &A, true) : GWR_PQ_NONE;
        if (lit) c = GWR_PQ_LITERAL;
        if (c && (!best || c < best)) {
            best = c;
            best_e0 = i;
            best_e1 = i + len;
            best_chars = nchar;
            if (mode == 0 || c == GWR_PQ_LITERAL) break;
        }
        i += len;
        if ((s[i - len] & 0xC0) != 0x80) nchar++;
    }
    if (!best) return false;
    m->cls = best;
    m->end = best_e1;
    if (best == GWR_PQ_LITERAL) m->start = best_e1 - (size_t)q->litlen;
    else m->start = find_start(q, s, best_e0, best_e1, best);
    if (m->start < from) m->start = from;
    /* characters before the start */
    (void)best_chars;
    for (size_t i = from; i < m->start; i++)
        if ((s[i] & 0xC0) != 0x80) m->chars++;
    return true;
}

bool gwr_pq_best(const gwr_pq *q, const char *s, size_t n, gwr_pq_match *m) { return search(q, s, n, 0, 1, m); }

bool gwr_pq_next(const gwr_pq *q, const char *s, size_t n, size_t from, gwr_pq_match *m)
{
    return from <= n && search(q, s, n, from, 0, m);
}
