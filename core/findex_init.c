/* findex_init.c — the initials-trigram lists of the figure filter: for every
 * three letters a, b, c, the strings holding three neighbouring characters
 * whose readings begin with a, b and c (a Latin letter stands for itself;
 * a reading in v also for u).
 *
 * A pinyin query whose first letters can only be taken one letter per
 * character (no syllable begins with "jy", "yz": jyz, gdzctz) matches only
 * strings on the lists of its first three letters, and of each later three
 * as far as that holds; a query of three such letters matches exactly the
 * strings of its one list. The pair lists (findex_pinyin.c) cannot tell
 * that: j·y and y·z are both common in a long sentence. Only the letter
 * triples a query reads are kept (no syllable begins with their first two
 * letters, nor with their last two), as posting lists (findex_post.c). */
#include "findex_int.h"
#include "pinyin_int.h"
#include <stdlib.h>
#include <string.h>

enum { TRI_KEYS = 26 * 26 * 26 };

int gwr_fx_tri_init(gwr_fx_tri *t)
{
    memset(t, 0, sizeof *t);
    gwr_py_init();
    size_t ns = gwr_py_set_count();
    t->slot = calloc(TRI_KEYS, sizeof *t->slot);
    t->set_letters = calloc(ns ? ns : 1, sizeof *t->set_letters);
    t->pm = calloc(ns + 1, sizeof *t->pm);
    t->pend_max = GWR_FX_TRI_PEND;
    t->slice = GWR_FX_TRI_SLICE;
    if (!t->slot || !t->set_letters || !t->pm) {
        gwr_fx_tri_free(t);
        return -1;
    }
    for (size_t k = 0; k < ns; k++) {
        uint16_t r[8];
        size_t nr = gwr_py_set_readings(k, r, 8);
        for (size_t j = 0; j < nr; j++) {
            const char *syl = gwr_py_syllable(r[j]);
            if (syl[0] >= 'a' && syl[0] <= 'z') t->set_letters[k] |= 1u << (syl[0] - 'a');
            if (syl[0] == 'v') t->set_letters[k] |= 1u << ('u' - 'a');
        }
    }
    /* a·b where a syllable (or zh, ch, sh) begins with them, a reading in v
       also for a query's u: a query never reads a trigram holding one */
    for (size_t a = 0; a < 26; a++) t->one[a] = (1u << 26) - 1;
    for (size_t k = 0; k < gwr_py_syllable_count(); k++) {
        const char *syl = gwr_py_syllable((uint16_t)k);
        if (!syl[0] || !syl[1] || syl[0] < 'a' || syl[0] > 'z' || syl[1] < 'a' || syl[1] > 'z') continue;
        uint32_t a = 1u << (syl[0] - 'a'), b = 1u << (syl[1] - 'a');
        if (syl[0] == 'v') a |= 1u << ('u' - 'a');
        if (syl[1] == 'v') b |= 1u << ('u' - 'a');
        for (uint32_t x = a; x; x &= x - 1) t->one[__builtin_ctz(x)] &= ~b;
    }
    for (size_t a = 0; a < 26; a++)
        for (size_t b = 0; b < 26; b++)
            for (size_t c = 0; c < 26; c++)
                if ((t->one[a] >> b & 1) && (t->one[b] >> c & 1)) t->slot[(a * 26 + b) * 26 + c] = (uint16_t)++t->nlists;
    t->lists = calloc(t->nlists ? t->nlists : 1, sizeof *t->lists);
    t->seen = calloc(t->nlists ? t->nlists : 1, sizeof *t->seen);
    if (!t->lists || !t->seen) {
        gwr_fx_tri_free(t);
        return -1;
    }
    return 0;
}

void gwr_fx_tri_free(gwr_fx_tri *t)
{
    gwr_post_free(&t->pool);
    free(t->slot);
    free(t->lists);
    free(t->set_letters);
    free(t->pm);
    free(t->run_ids);
    free(t->run_at);
    free(t->seen);
    free(t->pend);
    memset(t, 0, sizeof *t);
}

size_t gwr_fx_tri_memory(const gwr_fx_tri *t)
{
    return t->slot ? TRI_KEYS * sizeof *t->slot + t->nlists * (sizeof *t->lists + sizeof *t->seen) +
                         gwr_py_set_count() * sizeof *t->set_letters + (gwr_py_set_count() + 1) * sizeof *t->pm + t->nrun * (sizeof *t->run_ids + sizeof *t->run_at) + t->pool.bytes + t->pool.slabs_cap * sizeof *t->pool.slabs +
                         (t->pend ? t->pend_max * sizeof *t->pend : 0)
                   : 0;
}

/* The letters a character can begin a reading with (bit 0 = a). */
static uint32_t letters_of_char(const gwr_fx_tri *t, uint32_t cp)
{
    if (cp < 0x80) {
        uint32_t c = cp | 32;
        return c >= 'a' && c <= 'z' && cp >= 'A' ? 1u << (c - 'a') : 0;
    }
    int set = cp < 0x10000 ? (int)gwr_py_bmp[cp] - 1 : cp < 0x110000 ? gwr_py_set_of(cp) : -1;
    return set >= 0 ? t->set_letters[set] : 0;
}

/* The batch onto the lists: ordered by list (a stable counting sort keeps
 * the ids of a list in order), then each list is appended to once. */
static int flush(gwr_fx_tri *t)
{
    if (!t->npend || t->bad) {
        t->npend = 0;
        return t->bad ? -1 : 0;
    }
    uint32_t *at = calloc(t->nlists + 1, sizeof *at);
    uint32_t *ids = malloc(t->npend * sizeof *ids);
    if (!at || !ids) {
        free(at), free(ids);
        t->bad = 1;
        return -1;
    }
    for (size_t i = 0; i < t->npend; i++) at[(t->pend[i] >> 32) + 1]++;
    for (size_t k = 0; k < t->nlists; k++) at[k + 1] += at[k];
    for (size_t i = 0; i < t->npend; i++) ids[at[t->pend[i] >> 32]++] = (uint32_t)t->pend[i];
    /* at[k] is now where list k's ids end */
    for (size_t k = 0, from = 0; k < t->nlists && !t->bad; from = at[k], k++)
        for (size_t j = from; j < at[k]; j++)
            if (gwr_post_append(&t->pool, &t->lists[k], ids[j]) != 0) {
                t->bad = 1;
                break;
            }
    free(at);
    free(ids);
    t->npend = 0;
    return t->bad ? -1 : 0;
}

int gwr_fx_tri_add(gwr_fx_tri *t, uint32_t id, const char *str, size_t n)
{
    if (!t->slot || t->bad) return 0;
    if (!t->pend) {
        t->pend = malloc(t->pend_max * sizeof *t->pend);
        if (!t->pend) {
            t->bad = 1;          /* the filter goes on without the lists */
            return 0;
        }
    }
    const unsigned char *s = (const unsigned char *)str;
    uint32_t a = 0, b = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp, c;
        unsigned b0 = s[i];
        if (b0 < 0x80) {                          /* ASCII: a Latin letter stands for itself */
            uint32_t l = b0 | 32;
            c = l >= 'a' && l <= 'z' && b0 >= 'A' ? 1u << (l - 'a') : 0;
            i++;
        } else if (b0 - 0xE1u <= 0xEFu - 0xE1u && b0 != 0xED && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) {          /* the common case: U+1000..U+CFFF, U+E000..U+FFFF */
            int set = (int)gwr_py_bmp[(b0 & 0x0Fu) << 12 | (s[i + 1] & 0x3Fu) << 6 | (s[i + 2] & 0x3Fu)] - 1;
            c = set >= 0 ? t->set_letters[set] : 0;
            i += 3;
        } else {
            i += gwr_py_utf8_step(s + i, n - i, &cp);
            c = letters_of_char(t, cp);
        }
        if (a && b && c)
            for (uint32_t x = a; x; x &= x - 1) {
                unsigned xa = (unsigned)__builtin_ctz(x);
                for (uint32_t y = b & t->one[xa]; y; y &= y - 1) {
                    unsigned yb = (unsigned)__builtin_ctz(y);
                    for (uint32_t z = c & t->one[yb]; z; z &= z - 1) {
                        size_t li = (size_t)t->slot[((size_t)xa * 26 + yb) * 26 + (size_t)__builtin_ctz(z)] - 1;
                        if (t->seen[li] == id + 1) continue;
                        t->seen[li] = id + 1;
                        if (t->npend == t->pend_max && flush(t) != 0) return 0;
                        t->pend[t->npend++] = (uint64_t)li << 32 | id;
                    }
                }
            }
        a = b;
        b = c;
    }
    return 0;
}

/* Where the first m neighbouring characters of s[from..n) whose readings
 * begin with q[0], q[1] … q[m-1] in turn begin (a query read one letter
 * per character), + 1; 0 when there are none. A shift-and over the
 * characters: bit j of d is set when the characters up to here begin with
 * q[0..j]. pm: per reading set + 1, the positions j whose letter begins one
 * of the set's readings; asc: the same per Latin letter. */
static size_t find_run(const gwr_fx_tri *t, const uint64_t *pm, const uint64_t asc[26], size_t m,
                       const unsigned char *s, size_t from, size_t n)
{
    uint64_t d = 0, goal = 1ULL << (m - 1);
    uint32_t at[64];                      /* where the last 64 characters began */
    size_t c = 0;
    for (size_t i = from; i < n; c++) {
        uint64_t b;
        unsigned b0 = s[i];
        at[c & 63] = (uint32_t)i;
        if (b0 < 0x80) {
            uint32_t l = b0 | 32;
            b = l >= 'a' && l <= 'z' && b0 >= 'A' ? asc[l - 'a'] : 0;
            i++;
        } else if (b0 - 0xE1u <= 0xEFu - 0xE1u && b0 != 0xED && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) {          /* as gwr_fx_tri_add reads them */
            b = pm[gwr_py_bmp[(b0 & 0x0Fu) << 12 | (s[i + 1] & 0x3Fu) << 6 | (s[i + 2] & 0x3Fu)]];
            i += 3;
        } else {
            uint32_t cp;
            i += gwr_py_utf8_step(s + i, n - i, &cp);
            b = 0;
            for (uint32_t l = letters_of_char(t, cp); l; l &= l - 1) b |= asc[__builtin_ctz(l)];
        }
        d = (d << 1 | 1) & b;
        if (d & goal) return (size_t)at[(c + 1 - m) & 63] + 1;
    }
    return 0;
}

/* Keeps in ids[0..n) the strings holding q[0..m) one letter per character
 * (find_run); returns how many are left. When the letters before the last
 * were checked last time (t->run_q), only the strings that held them are
 * read, from where their run began: q's runs begin at theirs. When the stop
 * function asks, the ids not yet looked at are kept too and *all is set
 * false. */
static size_t keep_runs(gwr_findex *x, const char *q, size_t m, uint32_t *ids, size_t n, bool *all)
{
    gwr_fx_tri *t = &x->tri;
    uint64_t asc[26] = { 0 };
    for (size_t j = 0; j < m; j++) asc[q[j] - 'a'] |= 1ULL << j;
    size_t ns = gwr_py_set_count();
    t->pm[0] = 0;
    for (size_t k = 0; k < ns; k++) {
        uint64_t c = 0;
        for (uint32_t l = t->set_letters[k]; l; l &= l - 1) c |= asc[__builtin_ctz(l)];
        t->pm[k + 1] = c;
    }
    bool resume = t->run_m && t->run_m < m && memcmp(t->run_q, q, t->run_m) == 0;
    uint32_t *run_at = malloc(n * sizeof *run_at);    /* where the kept strings' runs begin */
    size_t k = 0, bytes = 0, r = 0;
    /* the strings lie all over the heap: the next ones are asked for early */
    enum { AHEAD = 8 };
    *all = true;
    for (size_t i = 0; i < n; i++) {
        uint32_t id = ids[i];
        size_t from = 0;
        if (resume && id < t->run_nstr) {
            while (r < t->nrun && t->run_ids[r] < id) r++;
            if (r == t->nrun || t->run_ids[r] != id) continue;   /* did not hold q's first letters */
            from = t->run_at[r];
        }
        if (i + 2 * AHEAD < n) __builtin_prefetch(&x->str[ids[i + 2 * AHEAD]]);
        if (i + AHEAD < n) {
            const char *s8 = x->str[ids[i + AHEAD]];
            __builtin_prefetch(s8);
            __builtin_prefetch(s8 + 64);
        }
        size_t at = find_run(t, t->pm, asc, m, (const unsigned char *)x->str[id], from, x->slen[id]);
        if (at) {
            if (run_at) run_at[k] = (uint32_t)(at - 1);
            ids[k++] = id;
        }
        bytes += x->slen[id] - from;
        if (bytes >= t->slice && i + 1 < n) {
            bytes = 0;
            if (x->stop && x->stop(x->stop_ctx)) {
                memmove(ids + k, ids + i + 1, (n - i - 1) * sizeof *ids);
                *all = false;
                free(run_at);
                t->run_m = 0;
                return k + n - i - 1;
            }
        }
    }
    /* remembered for the next letter */
    uint32_t *run_ids = run_at ? malloc((k ? k : 1) * sizeof *run_ids) : NULL;
    free(t->run_ids);
    free(t->run_at);
    t->run_ids = run_ids;
    t->run_at = run_at;
    t->run_m = 0;
    t->nrun = 0;
    if (run_ids) {
        memcpy(run_ids, ids, k * sizeof *ids);
        uint32_t *fit = realloc(run_at, (k ? k : 1) * sizeof *run_at);
        if (fit) t->run_at = fit;
        memcpy(t->run_q, q, m);
        t->run_m = m;
        t->nrun = k;
        t->run_nstr = x->nstr;
    }
    return k;
}

/* Can one character take two letters or more of q from position p (a
 * syllable, or zh/ch/sh, begins with q[p] q[p+1])? */
static bool takes_two(const gwr_fx_tri *t, const char *q, size_t p)
{
    return !(t->one[q[p] - 'a'] >> (q[p + 1] - 'a') & 1);
}

int gwr_fx_tri_cands(gwr_findex *x, const char *q, size_t m, uint64_t *into, uint32_t *tmp)
{
    gwr_fx_tri *t = &x->tri;
    if (!t->slot || m < 3 || m > 63) return 0;
    if (t->npend) {              /* the last batch; its buffer is given back until more strings come */
        if (flush(t) != 0) return 0;
        free(t->pend);
        t->pend = NULL;
    }
    if (t->bad) return 0;
    for (size_t i = 0; i < m; i++)
        if (q[i] < 'a' || q[i] > 'z') return 0;
    /* positions 0..np-1 each take one letter: the trigrams at 0..np-2 hold */
    size_t np = 0;
    while (np + 1 < m && !takes_two(t, q, np)) np++;
    if (np < 2) return 0;
    size_t ntri = np - 1 < m - 2 ? np - 1 : m - 2;
    const gwr_plist *tl[64];
    const gwr_plist *best = NULL;
    for (size_t p = 0; p < ntri; p++) {
        uint16_t sl = t->slot[((size_t)(q[p] - 'a') * 26 + (size_t)(q[p + 1] - 'a')) * 26 + (size_t)(q[p + 2] - 'a')];
        if (!sl) return 0;       /* not kept: cannot happen, the keys read are the keys kept */
        tl[p] = &t->lists[sl - 1];
        if (!best || tl[p]->count < best->count) best = tl[p];
    }
    /* the rarest list, then the others kept in common */
    size_t n = gwr_post_decode(best, tmp);
    for (size_t p = 0; p < ntri && n; p++)
        if (tl[p] != best) n = gwr_post_keep(tl[p], tmp, n);
    /* every letter taken one per character: three letters are one list,
       every string of which matches; more are checked here, cheaply */
    bool exact = np + 1 == m;
    if (exact && m > 3 && n) n = keep_runs(x, q, m, tmp, n, &exact);
    memset(into, 0, x->mark_words * sizeof *into);
    for (size_t i = 0; i < n; i++) into[tmp[i] >> 6] |= 1ULL << (tmp[i] & 63);
    return exact ? 2 : 1;
}
