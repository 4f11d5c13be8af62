/* read_pdf.c — PDF through poppler's pdftotext in layout mode, which keeps
 * each printed line whole and its indent (the plain mode has been seen to
 * interleave letter-spaced CJK lines). The page text is then cleaned:
 *   - lines repeated at the top or bottom of many pages (running headers and
 *     footers) and page-number lines (— 3 —, 第3页, 3/40, Page 3) are removed;
 *   - a line indented past the left margin starts a paragraph, as does one
 *     after a line ending a sentence short of the right margin, or after a
 *     blank line; other lines are joined to the paragraph (hard wraps). A text
 *     with no indented line keeps its lines (the loader joins them);
 *   - spaces the extraction put between CJK characters are dropped, a run of
 *     spaces between words becomes one.
 * The result has one paragraph per line. */
#define _GNU_SOURCE
#include "read_int.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

typedef struct pline {
    const char *s;     /* text after the indent */
    size_t n;          /* bytes, trailing blanks removed */
    unsigned indent;   /* leading columns */
    unsigned cols;     /* indent + characters */
    unsigned page;
    unsigned char drop, blank;
    uint64_t key;      /* hash of the text with digits folded, blanks removed */
} pline;

static size_t u8len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Decodes the code point at s (valid or not); advances by its length. */
static uint32_t u8cp(const char *s, size_t avail, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t k = u8len(u[0]);
    if (k > avail) k = 1;
    for (size_t i = 1; i < k; i++)
        if ((u[i] & 0xC0) != 0x80) { k = 1; break; }   /* a cut sequence: its bytes one by one */
    *len = k;
    if (k == 1) return u[0];
    uint32_t cp = u[0] & (0x3F >> (k - 1));
    for (size_t i = 1; i < k; i++) cp = cp << 6 | (u[i] & 0x3F);
    return cp;
}

static bool is_digitcp(uint32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

/* Text of the line without blanks and with digits and Chinese numerals folded:
 * a running header is the same on every page except its number. */
static uint64_t line_key(const char *s, size_t n, size_t *chars)
{
    uint64_t h = 1469598103934665603ull;
    size_t c = 0;
    for (size_t i = 0; i < n;) {
        size_t k;
        uint32_t cp = u8cp(s + i, n - i, &k);
        i += k;
        if (cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0) continue;
        if (is_digitcp(cp)) cp = '#';
        h = (h ^ cp) * 1099511628211ull;
        c++;
    }
    *chars = c;
    return h;
}

/* A line that only numbers the page: "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 40 页",
 * "3/40", "Page 3", "Page 3 of 40", "·3·". */
static bool page_number_line(const char *s, size_t n)
{
    char t[128];
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        size_t k;
        uint32_t cp = u8cp(s + i, n - i, &k);
        if (cp == ' ' || cp == 0x3000 || cp == '\t') { i += k; continue; }
        if (m + k >= sizeof t) return false;
        memcpy(t + m, s + i, k);
        m += k;
        i += k;
    }
    t[m] = '\0';
    if (m == 0) return false;
    /* strip decorations around */
    static const char *const deco[] = { "—", "–", "-", "－", "·", "•", "(", ")", "（", "）", "[", "]", "|" };
    size_t a = 0, b = m;
    for (bool again = true; again;) {
        again = false;
        for (size_t d = 0; d < sizeof deco / sizeof deco[0]; d++) {
            size_t k = strlen(deco[d]);
            if (b - a >= k && memcmp(t + a, deco[d], k) == 0) { a += k; again = true; }
            if (b - a >= k && memcmp(t + b - k, deco[d], k) == 0) { b -= k; again = true; }
        }
    }
    char *p = t + a, *e = t + b;
    *e = '\0';
    if (strncasecmp(p, "page", 4) == 0) p += 4;
    if (strncmp(p, "第", 3) == 0) p += 3;
    if (p >= e || *p < '0' || *p > '9') return false;
    while (p < e && *p >= '0' && *p <= '9') p++;
    if (p == e) return true;
    if (strncmp(p, "页", 3) == 0) p += 3;
    if (p == e) return true;
    if (*p == '/' || strncasecmp(p, "of", 2) == 0 || strncmp(p, "共", 3) == 0) {
        p += *p == '/' ? 1 : (*p == 'o' || *p == 'O') ? 2 : 3;
        if (p >= e || *p < '0' || *p > '9') return false;
        while (p < e && *p >= '0' && *p <= '9') p++;
        if (p < e && strncmp(p, "页", 3) == 0) p += 3;
        return p == e;
    }
    return false;
}

static bool is_cjk(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x3FFFF) || (c >= 0x3000 && c <= 0x303F) || c == 0x2014 || c == 0x2026 ||
           c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019;
}

/* last code point of s[0..n) */
static uint32_t last_cp(const char *s, size_t n)
{
    if (n == 0) return 0;
    size_t i = n - 1;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80 && n - i < 4) i--;
    size_t k;
    return u8cp(s + i, n - i, &k);
}

static bool ends_sentence(uint32_t c)
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0xFF1A || c == '.' || c == '!' ||
           c == '?' || c == ';' || c == ':' || c == 0x201D || c == 0x300D || c == 0xFF09;
}

/* Appends a line's text: blank runs between CJK characters dropped, other
 * blank runs made one space; prev is the last code point already written. */
static void put_line(rbuf *b, const char *s, size_t n, uint32_t *prev)
{
    for (size_t i = 0; i < n;) {
        size_t k;
        uint32_t cp = u8cp(s + i, n - i, &k);
        if (cp == ' ' || cp == '\t' || cp == 0x3000) {
            size_t j = i;
            while (j < n) {
                size_t kk;
                uint32_t c2 = u8cp(s + j, n - j, &kk);
                if (c2 != ' ' && c2 != '\t' && c2 != 0x3000) break;
                j += kk;
            }
            if (j < n) {
                size_t kk;
                uint32_t next = u8cp(s + j, n - j, &kk);
                if (*prev && !is_cjk(*prev) && !is_cjk(next)) rb_putc(b, ' ');
            }
            i = j;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F) { i += k; continue; }
        rb_put(b, s + i, k);
        *prev = cp;
        i += k;
    }
}

static int cmp64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, c = *(const uint64_t *)y;
    return a < c ? -1 : a > c;
}

gwr_status gwr_read_pdf_clean(const char *name, const char *text, size_t len,
                              char **out, size_t *outlen, gwr_err *err)
{
    *out = NULL;
    *outlen = 0;
    /* 1. lines */
    size_t cap = 1;
    for (size_t i = 0; i < len; i++) cap += text[i] == '\n' || text[i] == '\f';
    pline *L = calloc(cap, sizeof *L);
    if (!L) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
    size_t nl = 0;
    unsigned page = 0, npages = 1;
    for (size_t i = 0; i <= len && nl < cap;) {
        size_t j = i;
        while (j < len && text[j] != '\n' && text[j] != '\f') j++;
        pline *l = &L[nl++];
        l->page = page;
        size_t a = i;
        unsigned ind = 0;
        while (a < j) {
            size_t k;
            uint32_t cp = u8cp(text + a, j - a, &k);
            if (cp == ' ') ind++;
            else if (cp == 0x3000) ind += 2;
            else if (cp == '\t') ind += 8 - ind % 8;
            else break;
            a += k;
        }
        size_t e = j;
        while (e > a && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) e--;
        l->s = text + a;
        l->n = e - a;
        l->indent = ind;
        l->blank = l->n == 0;
        size_t chars;
        l->key = line_key(l->s, l->n, &chars);
        unsigned cols = ind;
        for (size_t q = 0; q < l->n;) { size_t k; uint32_t cp = u8cp(l->s + q, l->n - q, &k); q += k; cols += cp >= 0x1100 && is_cjk(cp) ? 2 : 1; }
        l->cols = cols;
        if (j < len && text[j] == '\f') { page++; if (j + 1 < len) npages++; }
        i = j + 1;
        if (j >= len) break;
    }
    /* 2. page numbers, then lines repeated at page edges */
    for (size_t i = 0; i < nl; i++)
        if (!L[i].blank && page_number_line(L[i].s, L[i].n)) L[i].drop = 1;
    if (npages >= 3) {
        /* candidates: the first 2 and last 2 kept lines of each page */
        size_t ncand = 0;
        uint64_t *cand = malloc((size_t)npages * 4 * sizeof *cand);
        if (!cand) { free(L); return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name); }
        for (size_t i = 0; i < nl;) {
            size_t j = i;
            while (j < nl && L[j].page == L[i].page) j++;
            /* the first 2 and last 2 kept lines, each once (a short page's
             * top and bottom lines are the same lines) */
            size_t pick[4], np = 0;
            for (size_t q = i; q < j && np < 2; q++) if (!L[q].blank && !L[q].drop) pick[np++] = q;
            size_t top = np;
            for (size_t q = j; q > i && np < top + 2; q--) {
                size_t r = q - 1;
                if (L[r].blank || L[r].drop) continue;
                bool seen = false;
                for (size_t k = 0; k < top; k++) seen |= pick[k] == r;
                if (seen) break;
                pick[np++] = r;
            }
            /* a key once per page */
            for (size_t k = 0; k < np; k++) {
                bool dup = false;
                for (size_t m = 0; m < k; m++) dup |= L[pick[m]].key == L[pick[k]].key;
                if (!dup) cand[ncand++] = L[pick[k]].key;
            }
            i = j;
        }
        /* count per key (sorted) */
        qsort(cand, ncand, sizeof *cand, cmp64);
        unsigned need = npages / 3 > 2 ? npages / 3 : 2;
        for (size_t i = 0; i < nl;) {
            size_t j = i;
            while (j < nl && L[j].page == L[i].page) j++;
            int got = 0;
            for (int pass = 0; pass < 2; pass++) {
                got = 0;
                for (size_t q0 = 0; q0 < j - i && got < 2; q0++) {
                    size_t q = pass == 0 ? i + q0 : j - 1 - q0;
                    if (L[q].blank || L[q].drop) continue;
                    got++;
                    /* occurrences of this key */
                    size_t lo = 0, hi = ncand;
                    while (lo < hi) { size_t m = lo + (hi - lo) / 2; if (cand[m] < L[q].key) lo = m + 1; else hi = m; }
                    size_t c = 0;
                    while (lo + c < ncand && cand[lo + c] == L[q].key) c++;
                    if (c >= need) L[q].drop = 2;
                }
            }
            i = j;
        }
        free(cand);
    }
    /* 3. margins: the smallest indent of a kept line, the usual right edge */
    unsigned margin = ~0u, right = 0;
    {
        unsigned hist[256] = { 0 };
        size_t kept = 0;
        for (size_t i = 0; i < nl; i++) {
            if (L[i].blank || L[i].drop) continue;
            if (L[i].indent < margin) margin = L[i].indent;
            hist[L[i].cols < 255 ? L[i].cols : 255]++;
            kept++;
        }
        /* right edge: the 80th percentile of line ends */
        size_t acc = 0;
        for (unsigned c = 0; c < 256; c++) { acc += hist[c]; if (acc * 5 >= kept * 4) { right = c; break; } }
    }
    /* 4. paragraphs. Without any indented line there is no paragraph signal:
     * the lines are kept as they are and the text loader's layout detection
     * joins hard-wrapped ones (as for a .txt extracted without layout). */
    size_t kept = 0, indented = 0;
    for (size_t i = 0; i < nl; i++)
        if (!L[i].blank && !L[i].drop) { kept++; indented += L[i].indent >= margin + 2; }
    bool join = indented * 50 >= kept && indented < kept;
    rbuf b = { .max = GWR_READ_MAX_TEXT };
    bool open = false, after_blank = false;
    uint32_t prev = 0;
    const pline *last = NULL;
    for (size_t i = 0; i < nl; i++) {
        const pline *l = &L[i];
        if (l->drop) continue;
        if (l->blank) { after_blank = l->page == (last ? last->page : 0); continue; }
        bool start = !open || after_blank || l->indent >= margin + 2 || !join;
        if (!start && last) {
            uint32_t e = last_cp(last->s, last->n);
            if (ends_sentence(e) && last->cols + 4 < right) start = true;
            else if (last->cols * 10 < right * 6) start = true;   /* a short line: heading, signature */
        }
        if (start && open) { rb_putc(&b, '\n'); prev = 0; }
        put_line(&b, l->s, l->n, &prev);
        open = true;
        after_blank = false;
        last = l;
    }
    rb_endpara(&b);
    free(L);
    if (b.len == 0 && !b.oom && !b.over) {
        free(b.p);
        return gwr_err_set(err, GWR_E_EMPTY, "%s: no text layer (scanned pages?); run OCR first", name);
    }
    return rb_finish(&b, name, "PDF", out, outlen, err);
}

gwr_status gwr_read_pdf(const char *name, const char *path, const unsigned char *buf, size_t len,
                        char **out, size_t *outlen, gwr_err *err)
{
    *out = NULL;
    if (len < 5 || memcmp(buf, "%PDF-", 5) != 0)
        return gwr_err_set(err, GWR_E_ENCODING, "%s: not a PDF file (no %%PDF- signature)", name);
    if (!read_have("pdftotext"))
        return gwr_err_set(err, GWR_E_IO, "%s: reading PDF needs pdftotext (Debian package poppler-utils)", name);
    char tmp[4096] = "", arg[4200];
    const char *file = path;
    if (!file || strcmp(file, "-") == 0) {
        if (!read_tmpfile(buf, len, tmp, sizeof tmp))
            return gwr_err_set(err, GWR_E_IO, "%s: cannot write a temporary file for pdftotext", name);
        file = tmp;
    }
    /* a name starting with '-' would be taken for an option */
    snprintf(arg, sizeof arg, "%s%s", file[0] == '-' ? "./" : "", file);
    char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", "-eol", "unix", arg, "-", NULL };
    rbuf raw = { .max = GWR_READ_MAX_TEXT };
    char eline[256];
    bool timed_out;
    int rc = read_run(argv, &raw, eline, sizeof eline, GWR_READ_TIMEOUT, &timed_out);
    if (tmp[0]) unlink(tmp);
    gwr_status st;
    if (timed_out) st = gwr_err_set(err, GWR_E_IO, "%s: pdftotext took over %d s; PDF not read", name, GWR_READ_TIMEOUT);
    else if (raw.over) st = gwr_err_set(err, GWR_E_IO, "%s: PDF text too large (over %zu MiB)", name, raw.max >> 20);
    else if (raw.oom) st = gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
    else if (rc == 127) st = gwr_err_set(err, GWR_E_IO, "%s: cannot run pdftotext: %s", name, eline);
    else if (rc != 0 && strcasestr(eline, "password"))
        st = gwr_err_set(err, GWR_E_IO, "%s: encrypted PDF (needs a password); decrypt it first (e.g. qpdf --decrypt)", name);
    else if (rc == 3)
        st = gwr_err_set(err, GWR_E_IO, "%s: the PDF forbids copying its text (permissions)", name);
    else if (rc != 0)
        st = gwr_err_set(err, GWR_E_ENCODING, "%s: damaged or unreadable PDF (pdftotext: %s)", name,
                         eline[0] ? eline : "failed");
    else st = GWR_OK;
    if (st != GWR_OK) { free(raw.p); return st; }
    st = gwr_read_pdf_clean(name, raw.p ? raw.p : "", raw.len, out, outlen, err);
    free(raw.p);
    return st;
}
