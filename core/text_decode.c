/* text_decode.c — bytes → validated UTF-8 with LF line ends.
 * UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and GB18030/GBK when
 * the bytes are not (mostly) valid UTF-8. Stray invalid sequences become
 * U+FFFD and are counted; NUL bytes and control-heavy data are refused. */
#include "text_internal.h"
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* Do the eight bytes of w (in memory order) start with two valid three-byte
 * characters led by E1–EC or EE–EF (no overlong E0, no surrogate ED)? Nearly
 * every character of a report is one. */
static inline bool two_cjk(uint64_t w)
{
    if ((w & 0xC0C0F0C0C0F0ULL) != 0x8080E08080E0ULL) return false;
    unsigned l1 = (unsigned)(w & 0x0F), l2 = (unsigned)(w >> 24) & 0x0F;
    return !(((0x2001u >> l1) | (0x2001u >> l2)) & 1);   /* lead nibble 0 or D */
}

/* Copies UTF-8 into out (capacity len + 2*invalid + 1) turning CRLF/CR into
 * LF and invalid bytes into U+FFFD. Returns bytes written. */
static size_t clean_utf8(const unsigned char *s, size_t len, size_t known_bad, char *out, size_t *invalid)
{
    const unsigned char *end = s + len;
    size_t o = 0, bad = 0;
    if (known_bad == 0) {   /* only line ends to change: from CR to CR */
        const unsigned char *r;
        while ((r = memchr(s, '\r', (size_t)(end - s))) != NULL) {
            memmove(out + o, s, (size_t)(r - s));
            o += (size_t)(r - s);
            out[o++] = '\n';
            s = r + ((r + 1 < end && r[1] == '\n') ? 2 : 1);
        }
        memmove(out + o, s, (size_t)(end - s));
        o += (size_t)(end - s);
        out[o] = '\0';
        if (invalid) *invalid = 0;
        return o;
    }
    while (s < end) {
        /* a run of bytes that stay as they are, moved at once (in place when
         * cleaning an adopted buffer: output never overtakes input) */
        const unsigned char *r = s;
        for (;;) {
            if (end - r >= 8) {
                uint64_t w;
                memcpy(&w, r, 8);
                if (two_cjk(w)) { r += 6; continue; }
            }
            if (r >= end || *r == '\r') break;
            if (*r < 0x80) { r++; continue; }
            size_t n = gwr_utf8_valid_len(r, end);
            if (n == 0) break;
            r += n;
        }
        if (r > s) {
            memmove(out + o, s, (size_t)(r - s));
            o += (size_t)(r - s);
            s = r;
            continue;
        }
        if (*s == '\r') {
            out[o++] = '\n';
            s += (s + 1 < end && s[1] == '\n') ? 2 : 1;
            continue;
        }
        memcpy(out + o, "\xEF\xBF\xBD", 3);   /* not in place: only when bad > 0 */
        o += 3;
        bad++;
        s++;
    }
    out[o] = '\0';
    if (invalid) *invalid = bad;
    return o;
}

/* Invalid UTF-8 sequences in s[0,len) (see gwr_utf8_scan). */
static size_t count_invalid_utf8(const unsigned char *s, size_t len)
{
    gwr_utf8_scan sc = { .lines = false };
    gwr_utf8_scan_run(s, len, &sc);
    return sc.bad;
}

/* UTF-16 (BOM already skipped) → UTF-8 in a new buffer. Returns NULL when out
 * of memory; *nul is set when a U+0000 is met (binary). */
static char *utf16_to_utf8(const unsigned char *s, size_t len, bool be, size_t *outlen, size_t *bad, bool *nul)
{
    char *out = malloc(len / 2 * 3 + 8);
    if (!out) return NULL;
    size_t o = 0, i = 0;
    *bad = 0;
    *nul = false;
    while (i + 1 < len) {
        unsigned long u = be ? ((unsigned long)s[i] << 8 | s[i + 1]) : ((unsigned long)s[i + 1] << 8 | s[i]);
        i += 2;
        if (u == 0) { *nul = true; break; }
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < len) {
            unsigned long v = be ? ((unsigned long)s[i] << 8 | s[i + 1]) : ((unsigned long)s[i + 1] << 8 | s[i]);
            if (v >= 0xDC00 && v <= 0xDFFF) {
                i += 2;
                o += gwr_put_utf8(out + o, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) { u = 0xFFFD; (*bad)++; }
        o += gwr_put_utf8(out + o, u);
    }
    if (i < len) { o += gwr_put_utf8(out + o, 0xFFFD); (*bad)++; }
    *outlen = o;
    return out;
}

static gwr_status build_lines(gwr_text *t, const char *name, gwr_err *err)
{
    free(t->line_start);
    t->line_start = NULL;
    size_t n = 1;
    for (const char *p = t->orig; (p = memchr(p, '\n', (size_t)(t->orig + t->orig_len - p))) != NULL; p++) n++;
    t->line_start = malloc(n * sizeof *t->line_start);
    if (!t->line_start) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
    t->nlines = 0;
    t->line_start[t->nlines++] = 0;
    const char *end = t->orig + t->orig_len;
    for (const char *p = t->orig; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        if (p + 1 < end) t->line_start[t->nlines++] = (uint32_t)(p + 1 - t->orig);
    return GWR_OK;
}

/* Control bytes other than tab/LF/CR/FF: more than 1 in 100 means not text.
 * Eight-byte words with no byte below 0x20 and no DEL are skipped whole. */
static bool control_heavy(const unsigned char *s, size_t len)
{
    size_t ctl = 0, i = 0;
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
        uint64_t lt20 = (w - ones * 0x20) & ~w & high;          /* a byte below 0x20 */
        uint64_t x = w ^ (ones * 0x7F);
        uint64_t del = (x - ones) & ~x & high;                   /* a byte equal to 0x7F */
        if (!(lt20 | del)) {
            i += 8;
            continue;
        }
        for (size_t j = 0; j < 8; j++) {
            unsigned c = s[i + j];
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F) ctl++;
        }
        i += 8;
    }
    for (; i < len; i++) {
        unsigned c = s[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F) ctl++;
    }
    return ctl * 100 > len;
}

/* The line starts of t->orig (valid UTF-8 with LF line ends) and, when sp is
 * not NULL, its special characters, from one scan. */
static gwr_status index_text(gwr_text *t, const char *name, gwr_text_specials *sp, gwr_err *err)
{
    gwr_utf8_scan sc = { .lines = true, .specials = sp != NULL };
    gwr_utf8_scan_run((const unsigned char *)t->orig, t->orig_len, &sc);
    if (sc.lf_oom) {
        free(sc.lf);
        free(sc.sp);
        return build_lines(t, name, err);
    }
    uint32_t *fit = sc.nlf < sc.lf_cap ? realloc(sc.lf, sc.nlf * sizeof *fit) : sc.lf;
    t->line_start = fit ? fit : sc.lf;
    t->nlines = sc.nlf;
    if (sp && sc.specials && sc.bad == 0 && !sc.cr) {
        sp->known = true;
        sp->at = sc.sp;
        sp->n = sc.nsp;
    } else {
        free(sc.sp);
    }
    return GWR_OK;
}

/* The scan of valid UTF-8 s[0,len) holding CRs, carried over to the text
 * cleaning makes of it (a CR before LF dropped, any other CR turned into LF):
 * its line starts into *lines (malloc'd) and its special characters in
 * place, the CRs being among them (they are controls). Returns false (and
 * nothing changed) when out of memory. */
static bool carry_scan(const unsigned char *s, size_t len, gwr_utf8_scan *sc, uint32_t **lines, size_t *nlines)
{
    uint32_t *out = malloc((sc->nlf + sc->nsp + 1) * sizeof *out);
    if (!out) return false;
    const uint32_t *lf = sc->lf;
    size_t nl = 0, il = 0, ns = 0, removed = 0;
    for (size_t k = 0; k < sc->nsp; k++) {
        size_t p = sc->sp[k];
        while (il < sc->nlf && lf[il] <= p) out[nl++] = (uint32_t)(lf[il++] - removed);
        if (s[p] == '\r') {
            if (p + 1 < len && s[p + 1] == '\n') removed++;
            else if (p + 1 < len) out[nl++] = (uint32_t)(p + 1 - removed);   /* a line ends at it */
            continue;
        }
        sc->sp[ns++] = (uint32_t)(p - removed);
    }
    while (il < sc->nlf) out[nl++] = (uint32_t)(lf[il++] - removed);
    sc->nsp = ns;
    *lines = out;
    *nlines = nl;
    return true;
}

/* Final step shared by every encoding: clean (CR, invalid) into t->orig.
 * When *own is the buffer holding s (with room for one more byte) and s has
 * no invalid sequence, the cleaning is done in place — output never overtakes
 * input — and the buffer becomes t->orig (*own is set to NULL). sc (may be
 * NULL): the scan of s, whose line starts are taken when s needs no
 * cleaning. */
static gwr_status take_utf8(gwr_text *t, const char *name, const unsigned char *s, size_t len, size_t extra_bad,
                            size_t known_bad, gwr_utf8_scan *sc, char **own, gwr_text_specials *sp, gwr_err *err)
{
    size_t bad = known_bad != SIZE_MAX ? known_bad : count_invalid_utf8(s, len);
    bool cr = sc ? sc->cr : memchr(s, '\r', len) != NULL;
    if (bad == 0 && !cr) {
        /* nothing to clean: moved (or copied) as it is */
        if (own && *own && (const char *)s >= *own) {
            t->orig = *own;
            *own = NULL;
            if ((const char *)s != t->orig) memmove(t->orig, s, len);
        } else {
            t->orig = malloc(len + 1);
            if (!t->orig) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
            memcpy(t->orig, s, len);
        }
        t->orig[len] = '\0';
        t->orig_len = len;
        t->invalid = 0;
        if (sc && sc->lines && !sc->lf_oom && t->orig_len < UINT32_MAX) {
            /* the line starts found by the scan: the text is the bytes scanned */
            uint32_t *fit = sc->nlf < sc->lf_cap ? realloc(sc->lf, sc->nlf * sizeof *fit) : sc->lf;
            t->line_start = fit ? fit : sc->lf;
            t->nlines = sc->nlf;
            sc->lf = NULL;
            t->invalid = extra_bad;
            if (sp && sc->specials) {   /* and its special characters */
                sp->known = true;
                sp->at = sc->sp;
                sp->n = sc->nsp;
                sc->sp = NULL;
            }
            return GWR_OK;
        }
    } else {
        /* only CRs to change: the scan's lines and special characters carried
         * over (read before the cleaning, which may be in place) */
        uint32_t *lines = NULL;
        size_t nlines = 0;
        bool carried = bad == 0 && sc && sp && sc->lines && !sc->lf_oom && sc->specials &&
                       carry_scan(s, len, sc, &lines, &nlines);
        if (own && *own && bad == 0 && (const char *)s >= *own) {
            t->orig = *own;
            *own = NULL;
            t->orig_len = clean_utf8(s, len, bad, t->orig, &t->invalid);
        } else {
            t->orig = malloc(len + 2 * bad + 1);
            if (!t->orig) {
                free(lines);
                return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
            }
            t->orig_len = clean_utf8(s, len, bad, t->orig, &t->invalid);
        }
        if (carried) {
            t->line_start = lines;
            t->nlines = nlines;
            t->invalid += extra_bad;
            sp->known = true;
            sp->at = sc->sp;
            sp->n = sc->nsp;
            sc->sp = NULL;
            return t->orig_len >= UINT32_MAX ? gwr_err_set(err, GWR_E_IO, "%s: file too large", name) : GWR_OK;
        }
    }
    t->invalid += extra_bad;
    if (t->orig_len >= UINT32_MAX) return gwr_err_set(err, GWR_E_IO, "%s: file too large", name);
    return index_text(t, name, sp, err);
}

static bool blank_only(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        size_t k = gwr_text_space_len(p, end);
        if (k) { p += k; continue; }
        if (*p == '\n') { p++; continue; }
        return false;
    }
    return true;
}

/* UTF-16 without a byte-order mark, told by its NUL pattern: NUL bytes
 * (from ASCII characters, line ends included, and from the few CJK characters
 * whose low byte is zero) nearly all in odd positions (LE) or all in even
 * positions (BE), and never a NUL pair (U+0000). Chinese text has few NULs,
 * so no minimum share is asked; the decoded text is checked afterwards.
 * Returns 1 for LE, 2 for BE, 0 otherwise. */
static int bomless_utf16(const unsigned char *s, size_t len)
{
    size_t n = len < 65536 ? len : 65536, ze = 0, zo = 0;
    if (n < 4) return 0;
    if (s[0] == 0xFF && s[1] == 0xFE) return 0;   /* with a BOM: handled by the caller */
    if (s[0] == 0xFE && s[1] == 0xFF) return 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        if (i + 8 <= n) {   /* eight bytes without a NUL: nothing to count */
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL)) {
                i += 6;
                continue;
            }
        }
        if (s[i] == 0 && s[i + 1] == 0) return 0;
        ze += s[i] == 0;
        zo += s[i + 1] == 0;
    }
    if (ze + zo == 0) return 0;
    if (zo * 10 >= (ze + zo) * 9 && zo > ze) return 1;
    if (ze * 10 >= (ze + zo) * 9 && ze > zo) return 2;
    /* LE Chinese: NULs from U+xx00 characters sit in even positions, from
     * ASCII in odd ones; decide by the line ends */
    size_t lf_le = 0, lf_be = 0;
    for (size_t i = 0; i + 1 < n; i += 2) {
        lf_le += s[i] == '\n' && s[i + 1] == 0;
        lf_be += s[i] == 0 && s[i + 1] == '\n';
    }
    if (lf_le > 0 && lf_be == 0) return 1;
    if (lf_be > 0 && lf_le == 0) return 2;
    return 0;
}

/* Decoded UTF-16 without a BOM must look like text: at least 9 in 10
 * characters ASCII printable/blank or CJK (ideographs, punctuation, full-width). */
static bool looks_like_text(const unsigned char *u, size_t n)
{
    size_t good = 0, all = 0;
    const unsigned char *e = u + n;
    while (u < e) {
        size_t k = gwr_utf8_valid_len(u, e);
        if (!k) { u++; all++; continue; }
        unsigned long cp = *u;
        if (k == 2) cp = (unsigned long)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
        else if (k == 3) cp = (unsigned long)(u[0] & 0x0F) << 12 | (unsigned long)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
        else if (k == 4) cp = 0x10000;
        all++;
        if ((cp >= 0x20 && cp < 0x7F) || cp == '\n' || cp == '\r' || cp == '\t' || (cp >= 0x2000 && cp <= 0x206F) ||
            (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
            cp == 0xB7 || cp == 0xD7 || cp == 0xFEFF)
            good++;
        u += k;
    }
    return good * 10 >= all * 9;
}

/* Does valid UTF-8 text start at s (a GB18030 pair's second byte)? Yes when
 * two multi-byte characters follow in a row, or one followed by ASCII or the
 * line end: "\xFE工作" keeps 工作; in GB18030 "中国" (D6 D0 B9 FA) the bytes
 * D0 B9 are valid UTF-8 but FA after them is not, so the pair is GB18030. */
static bool utf8_follows(const unsigned char *s, const unsigned char *end)
{
    size_t chain = 0;
    while (s < end && *s >= 0x80) {
        size_t k = gwr_utf8_valid_len(s, end);
        if (!k) return chain >= 2;
        chain++;
        if (chain >= 2) return true;
        s += k;
    }
    return chain >= 1;
}

/* UTF-8 text holding stretches of GB18030 (paragraphs copied between editors).
 * Each line that is not valid UTF-8 but is valid GB18030 is decoded as
 * GB18030; in other lines each invalid position where a GB18030 character
 * (2 or 4 bytes) is valid is decoded as that character, any other invalid
 * byte becomes U+FFFD. Counts: *bad (U+FFFD written), *repaired (GB18030
 * characters decoded), *gbytes (bytes they took), *ubytes (bytes of valid
 * multi-byte UTF-8). Returns NULL when out of memory or without iconv. */
static char *mixed_to_utf8(const unsigned char *s, size_t len, size_t *outlen, size_t *bad, size_t *repaired,
                           size_t *gbytes, size_t *ubytes)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1) return NULL;
    /* at most 3 output bytes per input byte (U+FFFD for one byte) */
    size_t cap = len * 3 + 16;
    char *out = malloc(cap);
    if (!out) { iconv_close(cd); return NULL; }
    size_t o = 0;
    *bad = *repaired = *gbytes = *ubytes = 0;
    const unsigned char *end = s + len;
    while (s < end) {
        const unsigned char *le = memchr(s, '\n', (size_t)(end - s));
        le = le ? le + 1 : end;
        /* valid UTF-8 line? */
        const unsigned char *p = s;
        size_t ub = 0;
        while (p < le) {
            size_t k = gwr_utf8_valid_len(p, le);
            if (!k) break;
            if (k > 1) ub += k;
            p += k;
        }
        if (p == le) {
            memcpy(out + o, s, (size_t)(le - s));
            o += (size_t)(le - s);
            *ubytes += ub;
            s = le;
            continue;
        }
        /* the whole line as GB18030 */
        char *in = (char *)(uintptr_t)s, *op = out + o;
        size_t inl = (size_t)(le - s), outl = cap - o;
        iconv(cd, NULL, NULL, NULL, NULL);
        if (iconv(cd, &in, &inl, &op, &outl) != (size_t)-1 && inl == 0) {
            size_t chars = 0;
            for (const unsigned char *q = s; q < le;) {
                if (*q < 0x80) { q++; continue; }
                size_t k = (q + 1 < le && q[1] >= 0x30 && q[1] <= 0x39) ? 4 : 2;
                chars++;
                q += k;
            }
            *repaired += chars;
            *gbytes += (size_t)(le - s);
            o = (size_t)(op - out);
            s = le;
            continue;
        }
        /* position by position */
        while (s < le) {
            size_t k = gwr_utf8_valid_len(s, le);
            if (k) {
                if (k > 1) *ubytes += k;
                memcpy(out + o, s, k);
                o += k;
                s += k;
                continue;
            }
            size_t g = 0;
            if (s[0] >= 0x81 && s[0] <= 0xFE && s + 1 < le) {
                if (s[1] >= 0x30 && s[1] <= 0x39) {
                    if (s + 3 < le && s[2] >= 0x81 && s[2] <= 0xFE && s[3] >= 0x30 && s[3] <= 0x39) g = 4;
                } else if (s[1] >= 0x40 && s[1] <= 0xFE && s[1] != 0x7F && !utf8_follows(s + 1, le)) {
                    g = 2;
                }
            }
            if (g) {
                char *gi = (char *)(uintptr_t)s, *go = out + o;
                size_t gil = g, gol = cap - o;
                iconv(cd, NULL, NULL, NULL, NULL);
                if (iconv(cd, &gi, &gil, &go, &gol) != (size_t)-1 && gil == 0) {
                    o = (size_t)(go - out);
                    (*repaired)++;
                    *gbytes += g;
                    s += g;
                    continue;
                }
            }
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            (*bad)++;
            s++;
        }
    }
    iconv_close(cd);
    *outlen = o;
    return out;
}

/* Is s[0,n) valid UTF-8? */
static bool valid_utf8(const unsigned char *s, size_t n)
{
    const unsigned char *end = s + n;
    while (s < end) {
        if (*s < 0x80) { s++; continue; }
        size_t k = gwr_utf8_valid_len(s, end);
        if (!k) return false;
        s += k;
    }
    return true;
}

/* What mixed_to_utf8 gives for s[0,len) when GB18030 decodes all of it
 * without an invalid byte into g[0,gn): each line that is valid UTF-8 is
 * kept, each other line decodes as GB18030 — the same bytes as the line of g,
 * GB18030 being stateless and no GB18030 character holding a LF byte. Sets
 * the counts mixed_to_utf8 sets (*bad is 0); builds the text and counts
 * *repaired only when out is not NULL (returns NULL then if out of memory). */
static char *mixed_from_gb(const unsigned char *s, size_t len, const char *g, size_t gn, char **out, size_t *outlen,
                           size_t *repaired, size_t *gbytes, size_t *ubytes)
{
    const unsigned char *end = s + len;
    const char *gend = g + gn;
    char *o = NULL;
    size_t on = 0;
    if (out) {
        o = malloc(len * 3 + 16);
        if (!o) return NULL;
    }
    *repaired = *gbytes = *ubytes = 0;
    while (s < end) {
        const unsigned char *le = memchr(s, '\n', (size_t)(end - s));
        le = le ? le + 1 : end;
        const char *ge = memchr(g, '\n', (size_t)(gend - g));
        ge = ge ? ge + 1 : gend;
        if (valid_utf8(s, (size_t)(le - s))) {
            *ubytes += gwr_count_high(s, (size_t)(le - s));
            if (o) { memcpy(o + on, s, (size_t)(le - s)); on += (size_t)(le - s); }
        } else {
            *gbytes += (size_t)(le - s);
            if (o) {   /* the characters decoded, counted as mixed_to_utf8 counts them */
                for (const unsigned char *q = s; q < le;) {
                    if (*q < 0x80) { q++; continue; }
                    size_t k = (q + 1 < le && q[1] >= 0x30 && q[1] <= 0x39) ? 4 : 2;
                    (*repaired)++;
                    q += k;
                }
                memcpy(o + on, g, (size_t)(ge - g));
                on += (size_t)(ge - g);
            }
        }
        s = le;
        g = ge;
    }
    if (out) {
        o[on] = '\0';
        *out = o;
        *outlen = on;
    }
    return o;
}

/* UTF-8 (off = 3 after a BOM) without NUL bytes, scanned into sc. */
static gwr_status decode_utf8(gwr_text *t, const char *name, const unsigned char *buf, size_t len, size_t off,
                              gwr_utf8_scan *sc, char **own, gwr_text_specials *sp, gwr_err *err)
{
    gwr_status st;
    size_t hi = sc->high, ctl = sc->ctl, bad = sc->bad;
    if (ctl * 100 > len)
        return gwr_err_set(err, GWR_E_BINARY, "%s: binary data (control bytes), not a text report", name);
    t->encoding = off ? "UTF-8 (BOM)" : "UTF-8";
    char *g = NULL;
    size_t gn = 0, gbad = (size_t)-1;
    if (bad > 0) {
        /* UTF-8 with stretches of GB18030, or GB18030 throughout: the
         * decoding that leaves fewer invalid sequences (on a tie, the one
         * holding more of the non-ASCII bytes) */
        size_t mn, mbad, rep, gbytes, ubytes;
        char *m = NULL;
        if (off == 0) g = gwr_gb18030_to_utf8(buf, len, &gn, &gbad);
        if (g && gbad == 0) {
            /* the mixed decoding is then known from g: only its counts are
             * needed, and its text when it is the one taken */
            mbad = 0;
            mixed_from_gb(buf, len, g, gn, NULL, NULL, &rep, &gbytes, &ubytes);
            if (ubytes > gbytes) {
                if (!mixed_from_gb(buf, len, g, gn, &m, &mn, &rep, &gbytes, &ubytes)) {
                    free(g);
                    return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
                }
            }
        } else {
            m = mixed_to_utf8(buf + off, len - off, &mn, &mbad, &rep, &gbytes, &ubytes);
        }
        if (m && (!g || mbad < gbad || (mbad == gbad && ubytes > gbytes))) {
            free(g);
            if (mbad * 4 > hi && rep == 0) {
                free(m);
                return gwr_err_set(err, GWR_E_ENCODING, "%s: not text in a known encoding (UTF-8, GB18030, UTF-16)", name);
            }
            st = take_utf8(t, name, (const unsigned char *)m, mn, mbad, 0, NULL, &m, sp, err);
            t->repaired = rep;
            free(m);
            return st;
        }
        free(m);
    }
    if (bad == 0 || (off == 3) || bad * 50 <= hi) {
        /* valid, or mostly valid UTF-8: stray bytes become U+FFFD */
        free(g);
        st = take_utf8(t, name, buf + off, len - off, 0, sc->over ? SIZE_MAX : bad, sc, own, sp, err);
    } else {
        if (!g) g = gwr_gb18030_to_utf8(buf, len, &gn, &gbad);
        if (g && gbad * 50 <= hi) {
            t->encoding = "GB18030";
            /* iconv writes valid UTF-8 (and U+FFFD for what it cannot decode) */
            st = take_utf8(t, name, (const unsigned char *)g, gn, gbad, 0, NULL, &g, sp, err);
        } else if ((sc->over ? count_invalid_utf8(buf + off, len - off) : bad) * 4 <= hi) {
            /* (counted to the end only now, when it matters) */
            st = take_utf8(t, name, buf + off, len - off, 0, sc->over ? SIZE_MAX : bad, sc, own, sp, err);
        } else {
            free(g);
            return gwr_err_set(err, GWR_E_ENCODING, "%s: not text in a known encoding (UTF-8, GB18030, UTF-16)", name);
        }
        free(g);
    }
    return st;
}

gwr_status gwr_text_decode(gwr_text *t, const char *name, const unsigned char *buf, size_t len, char **own,
                           gwr_text_specials *sp, gwr_err *err)
{
    gwr_status st;
    bool bom16 = len >= 2 && ((buf[0] == 0xFF && buf[1] == 0xFE) || (buf[0] == 0xFE && buf[1] == 0xFF));
    if (!bom16) {
        /* one pass over the text after any UTF-8 BOM (which holds no NUL and
         * no control byte): invalid sequences, control bytes, CR, NUL, lines.
         * Without a NUL it is not UTF-16 (see bomless_utf16). */
        size_t off = len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF ? 3 : 0;
        gwr_utf8_scan sc = { .lines = true, .stop = off == 0, .specials = sp != NULL };
        gwr_utf8_scan_run(buf + off, len - off, &sc);
        if (!sc.nul) {
            st = decode_utf8(t, name, buf, len, off, &sc, own, sp, err);
            free(sc.lf);
            free(sc.sp);
            if (st != GWR_OK) return st;
            goto decoded;
        }
        free(sc.lf);
        free(sc.sp);
    }
    int u16 = bomless_utf16(buf, len);
    if (bom16 && len > 2 && !memchr(buf + 2, '\0', len - 2)) {
        /* UTF-16 text has NUL bytes (line ends, digits) unless it is all CJK;
         * after this BOM the bytes are NUL-free and valid UTF-8: the BOM lies */
        if (count_invalid_utf8(buf + 2, len - 2) == 0)
            return gwr_err_set(err, GWR_E_ENCODING, "%s: BOM says UTF-16 but the text is not (it is UTF-8 after the "
                               "first two bytes; remove them)", name);
    }
    if (u16 || bom16) {
        bool be = u16 ? u16 == 2 : buf[0] == 0xFE, nul;
        size_t n, bad, skip = u16 ? 0 : 2;
        char *u = utf16_to_utf8(buf + skip, len - skip, be, &n, &bad, &nul);
        if (!u) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
        if (nul) {
            free(u);
            return gwr_err_set(err, GWR_E_BINARY, "%s: binary data (NUL characters), not a text report", name);
        }
        t->encoding = be ? "UTF-16BE" : "UTF-16LE";
        if (bad * 10 > n / 3 + 1 || control_heavy((const unsigned char *)u, n) ||
            (u16 && !looks_like_text((const unsigned char *)u, n))) {
            free(u);
            if (u16 && !bom16)
                return gwr_err_set(err, GWR_E_BINARY, "%s: binary data (NUL bytes), not a text report", name);
            return gwr_err_set(err, GWR_E_ENCODING, "%s: not text in a known encoding (UTF-8, GB18030, UTF-16)", name);
        }
        st = take_utf8(t, name, (const unsigned char *)u, n, bad, SIZE_MAX, NULL, &u, sp, err);
        free(u);
    } else {
        return gwr_err_set(err, GWR_E_BINARY, "%s: binary data (NUL bytes), not a text report", name);
    }
decoded:
    if (st != GWR_OK) return st;
    if (blank_only(t->orig, t->orig_len)) return gwr_err_set(err, GWR_E_EMPTY, "%s: empty file (only blank lines)", name);
    return GWR_OK;
}
