/* test_text_scan.c — the loader's byte scans (core/text_scan.c) against
 * simple byte-at-a-time references kept here, at every scan width the
 * machine has (AVX2, SSE2, none), on random and adversarial inputs: block
 * boundaries at every offset, truncated and overlong sequences, surrogates,
 * CR/LF across blocks, full-width forms at block ends. And whole loads at
 * each width, which must give the same texts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "text.h"
#include "text_internal.h"

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

/* ---- references ------------------------------------------------------------ */

/* Length of a valid UTF-8 sequence at s, from its code point, else 0. */
static size_t ref_valid(const unsigned char *s, size_t avail)
{
    unsigned c = s[0];
    size_t n;
    unsigned long cp, min;
    if (c < 0x80) return 1;
    if (c >= 0xC0 && c < 0xE0) { n = 2; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c < 0xF0) { n = 3; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c < 0xF8) { n = 4; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (avail < n) return 0;
    for (size_t k = 1; k < n; k++) {
        if ((s[k] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (s[k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

typedef struct ref_scan {
    size_t bad, ctl, high, nlf;
    int cr, nul;
    uint32_t lf[4096];
} ref_scan;

static void ref_run(const unsigned char *s, size_t len, ref_scan *r)
{
    memset(r, 0, sizeof *r);
    r->lf[r->nlf++] = 0;
    for (size_t i = 0; i < len; i++) r->high += s[i] >= 0x80;
    for (size_t i = 0; i < len;) {
        unsigned c = s[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F) r->ctl++;
            if (c == 0) r->nul = 1;
            if (c == '\r') r->cr = 1;
            if (c == '\n' && i + 1 < len && r->nlf < 4096) r->lf[r->nlf++] = (uint32_t)(i + 1);
            i++;
            continue;
        }
        size_t n = ref_valid(s + i, len - i);
        if (n) i += n;
        else { r->bad++; i++; }
    }
}

/* Characters the analysis form changes, by the loader's own definitions
 * (text_ctl.c, gwr_text_space_len) and the full-width forms it folds. */
static int ref_fold(const unsigned char *p, const unsigned char *end)
{
    if (end - p < 3 || p[0] != 0xEF) return 0;
    unsigned cp = ((unsigned)(p[0] & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) ||
           cp == 0xFF05 || cp == 0xFF0E;
}

static int ref_special(const unsigned char *p, const unsigned char *end)
{
    return gwr_text_format_len(p, end) || gwr_text_space_len(p, end) || gwr_text_control_len(p, end) ||
           ref_fold(p, end);
}

/* Characters the scan may stop at although nothing changes them (the slow
 * path then copies them): U+2065, LF (never inside a line) and a two-byte
 * character that ends the text. */
static int allowed_extra(const unsigned char *p, const unsigned char *end)
{
    if (*p == '\n') return 1;
    if (*p >= 0xC0 && end - p == 2) return 1;
    return end - p >= 3 && p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0xA5;
}

static const unsigned char *ref_next_special(const unsigned char *s, const unsigned char *end)
{
    while (s < end) {
        if (ref_special(s, end)) return s;
        size_t n = ref_valid(s, (size_t)(end - s));
        s += n ? n : 1;
    }
    return end;
}

/* The special characters of valid UTF-8 s[0,len) as the scan lists them:
 * each character ref_special finds (LF excepted), in order. Returns their
 * number (at most cap stored). */
static size_t ref_specials(const unsigned char *s, size_t len, uint32_t *at, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] != '\n' && ref_special(s + i, s + len)) {
            if (n < cap) at[n] = (uint32_t)i;
            n++;
        }
        size_t k = ref_valid(s + i, len - i);
        i += k ? k : 1;
    }
    return n;
}

/* ---- inputs ----------------------------------------------------------------- */

static const char *const tokens[] = {
    "中", "国", "经", "济", "，", "。", "、", "“", "”", "《", "》", "（", "）", "：", "；", "！", "？", "—", "…",
    "０", "９", "５", "Ａ", "Ｚ", "ａ", "ｌ", "ｚ", "％", "．", "＋", "－", "～", "｀", "ｱ",
    " ", "\t", "\v", "\f", "\r", "\x01", "\x1b", "\x1b[31m", "\x7f", "\xc2\x80", "\xc2\x9b", "\xc2\x9f",
    "\xc2\xa0", "\xc2\xad", "\xc2\xb7", "\xc3\x97", "\xd8\x9c", "\xd8\xa0", "\xe1\xa0\x8e", "\xe1\xa0\x8f",
    "\xe2\x80\x80", "\xe2\x80\x8b", "\xe2\x80\x8f", "\xe2\x80\x90", "\xe2\x80\xaa", "\xe2\x80\xae", "\xe2\x80\xaf",
    "\xe2\x81\xa0", "\xe2\x81\xa5", "\xe2\x81\xa9", "\xe2\x81\xaa", "\xe3\x80\x80", "\xe3\x80\x81", "\xe3\x81\x80",
    "\xef\xbb\xbf", "\xef\xbc\x85", "\xef\xbc\x8c", "\xef\xbc\x8e", "\xef\xbd\x8c", "\xef\xbd\x9a", "\xef\xbd\x9b",
    "\xe0\xa4\x85", "\xed\x9f\xbf", "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf", "a", "Z", "7", "%", ".",
    "\xd0\xb0", "\xd1\x8f", "\xcd\x80", "\xdd\x80", "\xe1\x80\x80",
};
enum { NTOK = sizeof tokens / sizeof tokens[0] };

/* Bytes that make UTF-8 invalid, alone or cut short. */
static const char *const broken[] = {
    "\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xc2", "\xe4\xb8", "\xe4", "\xe0\x80\x80", "\xe0\x9f\xbf",
    "\xed\xa0\x80", "\xed\xbf\xbf", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80",
    "\xff", "\xfe", "\xf0\x9f\x98", "\xf0\x9f", "\xd6\xd0", "\x81\x30\x81\x30", "\xe4\xb8\xad\xad", "\0",
};
enum { NBROKEN = sizeof broken / sizeof broken[0] };

static size_t blen(size_t k) { return k == NBROKEN - 1 ? 1 : strlen(broken[k]); }   /* the last is a NUL */

static size_t put(unsigned char *b, size_t n, size_t cap, const char *t, size_t tl)
{
    if (n + tl > cap) return n;
    memcpy(b + n, t, tl);
    return n + tl;
}

/* Random text of about len bytes: tokens, line ends, and (when invalid) broken bytes. */
static size_t random_text(unsigned char *b, size_t cap, size_t len, int invalid)
{
    size_t n = 0;
    while (n < len) {
        unsigned r = rnd(100);
        if (r < 4) n = put(b, n, cap, "\n", 1);
        else if (r < 6) n = put(b, n, cap, "\r\n", 2);
        else if (invalid && r < 10) {
            unsigned k = rnd(NBROKEN);
            n = put(b, n, cap, broken[k], blen(k));
        }
        else if (r < 50) n = put(b, n, cap, "中", 3);
        else {
            const char *t = tokens[rnd(NTOK)];
            n = put(b, n, cap, t, strlen(t));
        }
        if (n + 8 > cap) break;
    }
    return n;
}

/* ---- the UTF-8 scan ---------------------------------------------------------- */

static void check_scan(const unsigned char *data, size_t len)
{
    unsigned char *s = malloc(len ? len : 1);   /* exactly len bytes: a read past them is caught */
    assert_non_null(s);
    memcpy(s, data, len);
    static ref_scan r;
    ref_run(s, len, &r);
    for (int level = 2; level >= 0; level--) {
        gwr_text_simd = level;
        gwr_utf8_scan sc = { .lines = true };
        gwr_utf8_scan_run(s, len, &sc);
        assert_false(sc.over);
        assert_int_equal(sc.bad, r.bad);
        assert_int_equal(sc.ctl, r.ctl);
        assert_int_equal(sc.cr, r.cr);
        assert_int_equal(sc.nul, r.nul);
        if (r.bad) assert_int_equal(sc.high, r.high);
        if (r.nlf < 4096) {
            assert_int_equal(sc.nlf, r.nlf);
            assert_memory_equal(sc.lf, r.lf, r.nlf * sizeof r.lf[0]);
        }
        free(sc.lf);
        /* with the special characters: the same counts and lines, and the
         * list exact (every special character, nothing else but the few
         * the slow path copies) while the text is valid */
        gwr_utf8_scan sx = { .lines = true, .specials = true };
        gwr_utf8_scan_run(s, len, &sx);
        assert_int_equal(sx.bad, r.bad);
        assert_int_equal(sx.ctl, r.ctl);
        assert_int_equal(sx.cr, r.cr);
        assert_int_equal(sx.nul, r.nul);
        if (r.nlf < 4096) {
            assert_int_equal(sx.nlf, r.nlf);
            assert_memory_equal(sx.lf, r.lf, r.nlf * sizeof r.lf[0]);
        }
        if (r.bad == 0) {
            static uint32_t want[8192];
            size_t nw = ref_specials(s, len, want, 8192);
            if (sx.sp_off) {
                assert_false(sx.specials);
                assert_true(nw > len / 8 + 64);
            } else {
                assert_true(sx.specials);
                size_t w = 0;
                for (size_t j = 0; j < sx.nsp; j++) {
                    if (j) assert_true(sx.sp[j] > sx.sp[j - 1]);
                    assert_true(sx.sp[j] < len);
                    assert_true(s[sx.sp[j]] != '\n');
                    if (w < nw && sx.sp[j] == want[w]) w++;
                    else assert_true(allowed_extra(s + sx.sp[j], s + len));
                }
                assert_int_equal(w, nw);
            }
        }
        free(sx.lf);
        free(sx.sp);
        /* stopping early: the counts that are kept stay exact, and a stop
         * means more invalid sequences than a fiftieth of the high bytes */
        gwr_utf8_scan st = { .stop = true };
        gwr_utf8_scan_run(s, len, &st);
        assert_int_equal(st.ctl, r.ctl);
        assert_int_equal(st.cr, r.cr);
        assert_int_equal(st.nul, r.nul);
        if (st.over) {
            assert_true(r.bad * 50 > r.high);
            assert_true(st.bad * 50 > st.high);
        } else {
            assert_int_equal(st.bad, r.bad);
        }
        free(st.lf);
    }
    gwr_text_simd = 2;
    free(s);
}

static void test_scan_random(void **state)
{
    (void)state;
    static unsigned char buf[6000];
    for (int round = 0; round < 3000; round++) {
        size_t len = random_text(buf, sizeof buf, 1 + rnd(round < 1500 ? 80 : 5000), round % 3 != 0);
        check_scan(buf, len);
    }
}

/* Each broken sequence and each token at every offset 0..63 after a run of
 * three-byte characters or ASCII, so that it meets every block boundary; and
 * CR/LF split across them. */
static void test_scan_every_offset(void **state)
{
    (void)state;
    unsigned char buf[256];
    for (size_t k = 0; k < NBROKEN + NTOK + 2; k++) {
        const char *t = k < NBROKEN ? broken[k] : k < NBROKEN + NTOK ? tokens[k - NBROKEN] : k == NBROKEN + NTOK ? "\r\n" : "\n\r";
        size_t tl = k < NBROKEN ? blen(k) : strlen(t);
        for (size_t off = 0; off < 64; off++) {
            for (int filler = 0; filler < 3; filler++) {
                size_t n = 0;
                while (n < off) {
                    if (filler == 0) buf[n++] = 'x';
                    else if (filler == 1 && off - n >= 3) { memcpy(buf + n, "中", 3); n += 3; }
                    else if (filler == 2 && off - n >= 3) { memcpy(buf + n, "\xef\xbc\x90", 3); n += 3; }   /* ０ */
                    else buf[n++] = 'y';
                }
                memcpy(buf + n, t, tl);
                n += tl;
                for (size_t j = 0; j < 40; j++) buf[n++] = j % 5 == 4 ? '1' : (unsigned char)"\xe5\x9b\xbd"[j % 3];
                check_scan(buf, n);       /* text going on after it */
                check_scan(buf, off + tl); /* text ending with it */
            }
        }
    }
}

/* ---- characters the analysis form changes ------------------------------------ */

static void check_special(const unsigned char *data, size_t len)
{
    unsigned char *s = malloc(len ? len : 1);
    assert_non_null(s);
    memcpy(s, data, len);
    const unsigned char *end = s + len;
    for (const unsigned char *p = s; p <= end;) {
        const unsigned char *want = ref_next_special(p, end);
        const unsigned char *got[3];
        for (int level = 2; level >= 0; level--) {
            gwr_text_simd = level;
            got[level] = gwr_text_next_special(s, p, end);
        }
        gwr_text_simd = 2;
        for (int level = 0; level < 3; level++) {
            if (got[level] != want) {
                assert_true(got[level] >= p && got[level] < want);
                assert_true(allowed_extra(got[level], end));
            }
            assert_ptr_equal(got[level], got[0]);
        }
        if (p == end) break;
        size_t n = ref_valid(p, (size_t)(end - p));
        p += n ? n : 1;
    }
    free(s);
}

/* Valid UTF-8 without LF (a line of the text). */
static size_t random_line(unsigned char *b, size_t cap, size_t len)
{
    size_t n = 0;
    while (n < len) {
        const char *t = rnd(3) ? (rnd(2) ? "中" : tokens[rnd(19)]) : tokens[rnd(NTOK)];
        n = put(b, n, cap, t, strlen(t));
        if (n + 8 > cap) break;
    }
    return n;
}

/* A hard-wrapped text: 60 short lines, a quarter of them ending a sentence. */
static size_t wrapped_text(unsigned char *buf, size_t cap)
{
    size_t n = 0;
    for (int l = 0; l < 60; l++) {
        n += random_line(buf + n, cap - n, 10 + rnd(60));
        const char *le = rnd(4) ? "\n" : "。\n";
        n = put(buf, n, cap, le, strlen(le));
    }
    return n;
}

static void test_special_random(void **state)
{
    (void)state;
    static unsigned char buf[600];
    for (int round = 0; round < 1500; round++) {
        size_t len = random_line(buf, sizeof buf, 1 + rnd(round < 700 ? 40 : 500));
        check_special(buf, len);
    }
}

/* Each token at every offset 0..63 after ordinary text: full-width digits
 * and spaces at block ends, the comma (EF BC 8C) and ｌ (EF BD 8C) side by side. */
static void test_special_every_offset(void **state)
{
    (void)state;
    unsigned char buf[200];
    for (size_t k = 0; k < NTOK; k++) {
        if (strchr(tokens[k], '\n')) continue;
        for (size_t off = 0; off < 64; off++) {
            for (int filler = 0; filler < 3; filler++) {
                size_t n = 0;
                while (n < off) {
                    if (filler == 1 && off - n >= 3) { memcpy(buf + n, "\xe3\x80\x82", 3); n += 3; }   /* 。 */
                    else if (filler == 2 && off - n >= 3) { memcpy(buf + n, "\xef\xbc\x8c", 3); n += 3; }   /* ， */
                    else buf[n++] = 'x';
                }
                n = put(buf, n, sizeof buf, tokens[k], strlen(tokens[k]));
                size_t cut = n;
                for (size_t j = 0; j < 12; j++) n = put(buf, n, sizeof buf, "国", 3);
                check_special(buf, n);
                check_special(buf, cut);
            }
        }
    }
}

/* ---- whole loads at each width -------------------------------------------------- */

static void load_at(int level, const unsigned char *b, size_t n, gwr_text *t, gwr_status *st, gwr_err *e)
{
    gwr_text_simd = level;
    memset(e, 0, sizeof *e);
    *st = gwr_text_load_mem(t, "scan.txt", b, n, e);
    gwr_text_simd = 2;
}

static void test_load_same_at_each_width(void **state)
{
    (void)state;
    static unsigned char buf[20000];
    for (int round = 0; round < 300; round++) {
        size_t n;
        if (round % 4 == 3) {   /* hard-wrapped: many short lines */
            n = wrapped_text(buf, sizeof buf);
        } else {
            n = random_text(buf, sizeof buf, 100 + rnd(15000), round % 2);
        }
        gwr_text t[3];
        gwr_status st[3];
        gwr_err e[3];
        for (int level = 0; level < 3; level++) load_at(level, buf, n, &t[level], &st[level], &e[level]);
        for (int level = 1; level < 3; level++) {
            assert_int_equal(st[level], st[0]);
            if (st[0] != GWR_OK) {
                assert_string_equal(e[level].msg, e[0].msg);
                continue;
            }
            assert_string_equal(t[level].encoding, t[0].encoding);
            assert_int_equal(t[level].invalid, t[0].invalid);
            assert_int_equal(t[level].orig_len, t[0].orig_len);
            assert_memory_equal(t[level].orig, t[0].orig, t[0].orig_len);
            assert_int_equal(t[level].norm_len, t[0].norm_len);
            assert_memory_equal(t[level].norm, t[0].norm, t[0].norm_len);
            assert_int_equal(t[level].map_len, t[0].map_len);
            assert_memory_equal(t[level].map_norm, t[0].map_norm, t[0].map_len * sizeof(uint32_t));
            assert_memory_equal(t[level].map_orig, t[0].map_orig, t[0].map_len * sizeof(uint32_t));
            assert_int_equal(t[level].nlines, t[0].nlines);
            assert_memory_equal(t[level].line_start, t[0].line_start, t[0].nlines * sizeof(uint32_t));
            assert_int_equal(t[level].pdf_layout, t[0].pdf_layout);
        }
        for (int level = 0; level < 3; level++)
            if (st[level] == GWR_OK) gwr_text_free(&t[level]);
    }
}

/* The analysis form built from the decoder's list of special characters
 * is the one built by looking for them line by line. */
static void test_norm_same_with_list(void **state)
{
    (void)state;
    static unsigned char buf[20000];
    for (int round = 0; round < 400; round++) {
        size_t n;
        if (round % 4 == 3) {
            n = wrapped_text(buf, sizeof buf);
        } else {
            n = random_text(buf, sizeof buf, rnd(round < 100 ? 100 : 15000), round % 5 == 0);
        }
        for (int level = 2; level >= 0; level--) {
            gwr_text_simd = level;
            gwr_text a, b;
            gwr_err ea = { 0 }, eb = { 0 };
            memset(&a, 0, sizeof a);
            memset(&b, 0, sizeof b);
            gwr_text_specials sp = { false, NULL, 0 };
            gwr_status sa = gwr_text_decode(&a, "a.txt", buf, n, NULL, &sp, &ea);
            gwr_status sb = gwr_text_decode(&b, "b.txt", buf, n, NULL, NULL, &eb);
            assert_int_equal(sa, sb);
            if (sa == GWR_OK) {
                assert_int_equal(a.orig_len, b.orig_len);
                assert_memory_equal(a.orig, b.orig, a.orig_len);
                assert_int_equal(a.nlines, b.nlines);
                assert_memory_equal(a.line_start, b.line_start, a.nlines * sizeof(uint32_t));
                /* valid text without many spaces: the list is known */
                if (a.invalid == 0 && n < 100) assert_true(sp.known);
                sa = gwr_text_normalise(&a, "a.txt", &sp, &ea);
                sb = gwr_text_normalise(&b, "b.txt", NULL, &eb);
                assert_int_equal(sa, GWR_OK);
                assert_int_equal(sb, GWR_OK);
                assert_int_equal(a.norm_len, b.norm_len);
                assert_memory_equal(a.norm, b.norm, a.norm_len);
                assert_int_equal(a.map_len, b.map_len);
                assert_memory_equal(a.map_norm, b.map_norm, a.map_len * sizeof(uint32_t));
                assert_memory_equal(a.map_orig, b.map_orig, a.map_len * sizeof(uint32_t));
                assert_int_equal(a.pdf_layout, b.pdf_layout);
            }
            free(sp.at);
            gwr_text_free(&a);
            gwr_text_free(&b);
        }
        gwr_text_simd = 2;
    }
}

/* GB18030 decoded through the table of two-byte characters gives what iconv
 * gives for the whole text: random pairs of every lead and trail (some that
 * iconv refuses), four-byte forms, stray 80 and FF, a lead cut at the end. */
static void test_gb_table_same_as_iconv(void **state)
{
    (void)state;
    static unsigned char buf[6000];
    int gb = 0, gb_bad = 0;
    for (int round = 0; round < 400; round++) {
        size_t n = 0, want = 50 + rnd(round < 100 ? 100 : 5000);
        while (n + 8 < want) {
            unsigned r = rnd(100);
            if (r < 10) buf[n++] = (unsigned char)('a' + rnd(26));
            else if (r < 13) buf[n++] = '\n';
            else if (r < 15) {                              /* four bytes */
                buf[n++] = (unsigned char)(0x81 + rnd(round % 3 ? 4 : 126));
                buf[n++] = (unsigned char)(0x30 + rnd(10));
                buf[n++] = (unsigned char)(0x81 + rnd(126));
                buf[n++] = (unsigned char)(0x30 + rnd(10));
            } else if (r < 16 && round % 2) {
                buf[n++] = rnd(2) ? 0x80 : 0xFF;            /* not GB18030 */
            } else if (r < 17 && round % 2) {
                buf[n++] = (unsigned char)(0x81 + rnd(126));   /* a lead before a byte it cannot take */
                buf[n++] = (unsigned char)(rnd(2) ? 0x7F : 0xFF);
            } else {
                unsigned lead = r < 80 ? 0xB0 + rnd(0x48) : 0x81 + rnd(126);
                buf[n++] = (unsigned char)lead;
                unsigned t = 0x40 + rnd(0xBF);
                buf[n++] = (unsigned char)(t == 0x7F ? 0x80 : t);
            }
        }
        if (round % 5 == 0) buf[n++] = (unsigned char)(0x81 + rnd(126));   /* cut short */
        gwr_text a, b;
        gwr_err ea = { 0 }, eb = { 0 };
        gwr_text_gb_table = 1;
        gwr_status sa = gwr_text_load_mem(&a, "gb.txt", buf, n, &ea);
        gwr_text_gb_table = 0;
        gwr_status sb = gwr_text_load_mem(&b, "gb.txt", buf, n, &eb);
        gwr_text_gb_table = 1;
        assert_int_equal(sa, sb);
        if (sa != GWR_OK) {
            assert_string_equal(ea.msg, eb.msg);
            continue;
        }
        assert_string_equal(a.encoding, b.encoding);
        assert_int_equal(a.invalid, b.invalid);
        assert_int_equal(a.orig_len, b.orig_len);
        assert_memory_equal(a.orig, b.orig, a.orig_len);
        assert_int_equal(a.norm_len, b.norm_len);
        assert_memory_equal(a.norm, b.norm, a.norm_len);
        if (strcmp(a.encoding, "GB18030") == 0) {
            gb++;
            if (a.invalid) gb_bad++;
        }
        gwr_text_free(&a);
        gwr_text_free(&b);
    }
    assert_true(gb > 200);       /* most were read as GB18030 */
    assert_true(gb_bad > 50);    /* with bytes iconv refuses */
}

/* Characters counted at each width: exact up to the cap, above it after. */
static void test_count_chars(void **state)
{
    (void)state;
    static unsigned char buf[400];
    for (int round = 0; round < 3000; round++) {
        size_t len = random_line(buf, sizeof buf, rnd(300));
        unsigned char *s = malloc(len ? len : 1);
        assert_non_null(s);
        memcpy(s, buf, len);
        size_t want = 0;
        for (size_t i = 0; i < len; i++) want += (s[i] & 0xC0) != 0x80;
        assert_int_equal(gwr_text_line_chars((const char *)s, len), want);
        for (size_t cut = 0; cut <= len && cut < 40; cut++) {   /* every short length, bytes of any kind */
            size_t w = 0;
            for (size_t i = 0; i < cut; i++) w += (s[len - cut + i] & 0xC0) != 0x80;
            assert_int_equal(gwr_text_line_chars((const char *)s + len - cut, cut), w);
        }
        size_t caps[] = { 0, 1, 30, 41, want ? want - 1 : 0, want, want + 1, SIZE_MAX };
        for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++)
            for (int level = 2; level >= 0; level--) {
                gwr_text_simd = level;
                size_t got = gwr_utf8_count_upto((const char *)s, len, caps[c]);
                gwr_text_simd = 2;
                if (want <= caps[c]) assert_int_equal(got, want);
                else assert_true(got > caps[c]);
            }
        free(s);
    }
}

/* A known answer, so that the references above are checked too. */
static void test_known_answers(void **state)
{
    (void)state;
    const unsigned char s[] = "\xe4\xb8\xad\xe4\xb8\n\xed\xa0\x80\xc0\x80\x01\r\xef\xbc\x90";
    ref_scan r;
    ref_run(s, sizeof s - 1, &r);
    assert_int_equal(r.bad, 2 + 3 + 2);   /* E4 B8 cut short; ED A0 80; C0 80 */
    assert_int_equal(r.ctl, 1);
    assert_int_equal(r.nlf, 2);
    assert_int_equal(r.lf[1], 6);
    check_scan(s, sizeof s - 1);
    const unsigned char *l = (const unsigned char *)"国，国ｌ";
    assert_ptr_equal(ref_next_special(l, l + 12), l + 9);
    check_special(l, 12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_answers),
        cmocka_unit_test(test_scan_random),
        cmocka_unit_test(test_scan_every_offset),
        cmocka_unit_test(test_special_random),
        cmocka_unit_test(test_special_every_offset),
        cmocka_unit_test(test_load_same_at_each_width),
        cmocka_unit_test(test_norm_same_with_list),
        cmocka_unit_test(test_gb_table_same_as_iconv),
        cmocka_unit_test(test_count_chars),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
