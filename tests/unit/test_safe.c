/* test_safe.c — the output sanitiser: every form, every kind of hostile
 * character, and what is drawn is what is measured. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700   /* wcwidth */
#endif
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <cmocka.h>
#include "safe.h"
#include "safe_scan.h"
#include "uwidth.h"

static const char hostile[] = "a\x1b[2J\t\n\r\x7f\xc2\x9b\xe2\x80\xae\xe2\x81\xa6\xff\\\"z";

static void check(gwr_safe_form form, const char *want)
{
    char out[256];
    size_t n = gwr_safe_copy(form, hostile, strlen(hostile), out, sizeof out);
    assert_int_equal(n, strlen(out));
    assert_string_equal(out, want);
}

static void test_forms(void **state)
{
    (void)state;
    check(GWR_SAFE_TEXT, "a^[[2J ^J^M^?<U+009B><U+202E><U+2066>\\xff\\\"z");
    check(GWR_SAFE_TSV, "a\\x1b[2J\\t\\n\\r\\x7f\\u009b\\u202e\\u2066\\xff\\\\\"z");
    check(GWR_SAFE_JSON, "a\\u001b[2J\\t\\n\\u000d\\u007f\\u009b\\u202e\\u2066\\ufffd\\\\xff\\\\\\\"z");
    check(GWR_SAFE_MSG, "a?[2J????????\\\"z");
}

/* Nothing below 0x20, no DEL, no C1, no bidi control, valid UTF-8: in every form, for every byte value */
static void test_every_byte(void **state)
{
    (void)state;
    char in[3 * 256], out[16 * 256 * 3];
    for (gwr_safe_form form = GWR_SAFE_TEXT; form <= GWR_SAFE_MSG; form++) {
        for (int b = 1; b < 256; b++) {
            in[0] = 'x'; in[1] = (char)b; in[2] = '\xc2'; in[3] = (char)(0x80 | (b & 0x3f)); in[4] = 0;
            size_t n = gwr_safe_copy(form, in, strlen(in), out, sizeof out);
            for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)out[i];
                assert_true(c >= 0x20 && c != 0x7f);
                if (c == 0xC2) assert_false((unsigned char)out[i + 1] >= 0x80 && (unsigned char)out[i + 1] <= 0x9F);
                if (c == 0xE2) assert_false((unsigned char)out[i + 1] == 0x80 && (unsigned char)out[i + 2] >= 0xAA && (unsigned char)out[i + 2] <= 0xAE);
            }
            if (form == GWR_SAFE_JSON || form == GWR_SAFE_TSV) {
                for (size_t i = 0; i < n;) {
                    unsigned cp;
                    size_t k = gwr_safe_char(out + i, n - i, &cp);
                    assert_true(k > 0);                  /* valid UTF-8 */
                    i += k;
                }
            }
        }
    }
}

static void test_copy_cut_at_char(void **state)
{
    (void)state;
    char out[8];
    assert_int_equal(gwr_safe_copy(GWR_SAFE_TEXT, "增长增长", 12, out, sizeof out), 6);
    assert_string_equal(out, "增长");
    assert_int_equal(gwr_safe_copy(GWR_SAFE_TEXT, "ab\x1b\x1b\x1b\x1b", 6, out, sizeof out), 6);
    assert_string_equal(out, "ab^[^[");         /* an escape goes in whole or not at all */
}

/* Drawn = measured: for every code point, the sanitised form's width by
 * libunistring equals the width by the C library's wcwidth (what curses
 * draws with), and both are defined. */
static void test_widths_agree_with_wcwidth(void **state)
{
    (void)state;
    if (!setlocale(LC_CTYPE, "C.UTF-8")) skip();
    int bad = 0;
    for (unsigned cp = 0xA0; cp < 0x110000; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        char in[5], out[32];
        size_t n = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (n == 2) { in[0] = (char)(0xC0 | (cp >> 6)); in[1] = (char)(0x80 | (cp & 0x3F)); }
        else if (n == 3) { in[0] = (char)(0xE0 | (cp >> 12)); in[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); in[2] = (char)(0x80 | (cp & 0x3F)); }
        else { in[0] = (char)(0xF0 | (cp >> 18)); in[1] = (char)(0x80 | ((cp >> 12) & 0x3F)); in[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); in[3] = (char)(0x80 | (cp & 0x3F)); }
        size_t k = gwr_sanitize(in, n, out, sizeof out);
        size_t cl;
        int shown = gwr_shown_width(in, n, &cl);
        assert_int_equal(cl, n);
        int drawn = 0;
        mbstate_t ms;
        memset(&ms, 0, sizeof ms);
        for (size_t i = 0; i < k;) {
            wchar_t wc;
            size_t m = mbrtowc(&wc, out + i, k - i, &ms);
            assert_true(m > 0 && m <= 4);
            int w = wcwidth(wc);
            if (w < 0) { bad++; break; }
            drawn += w;
            i += m;
        }
        if (drawn != shown || gwr_width(out, k) != shown) bad++;
    }
    assert_int_equal(bad, 0);
    /* the ones that disagree are shown as U+FFFD */
    char out[16];
    gwr_sanitize("\xc2\xad", 2, out, sizeof out);
    assert_string_equal(out, "\xEF\xBF\xBD");
    gwr_sanitize("\xe4\xb7\x80", 3, out, sizeof out);   /* U+4DC0 */
    assert_string_equal(out, "\xEF\xBF\xBD");
    setlocale(LC_CTYPE, "C");
}


/* The fast scan never passes a character the full check would change: for
 * every BMP character (alone and inside printable ASCII words) in every form,
 * what gwr_safe_plain_len calls plain is copied unchanged; ordinary report
 * text and every hostile character of the table are found at once. */
static void test_plain_len_agrees(void **state)
{
    (void)state;
    setlocale(LC_ALL, "C.UTF-8");
    for (int form = GWR_SAFE_TEXT; form <= GWR_SAFE_MSG; form++) {
        for (unsigned cp = 1; cp < 0x10000; cp++) {
            char in[32], out[64];
            size_t k = 0;
            memcpy(in, "abcdefgh", 8); k = 8;
            if (cp < 0x80) in[k++] = (char)cp;
            else if (cp < 0x800) { in[k++] = (char)(0xC0 | cp >> 6); in[k++] = (char)(0x80 | (cp & 0x3F)); }
            else {
                in[k++] = (char)(0xE0 | cp >> 12); in[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                in[k++] = (char)(0x80 | (cp & 0x3F));
            }
            memcpy(in + k, "ijklmnop", 8); k += 8;
            size_t pl = gwr_safe_plain_len((gwr_safe_form)form, in, k);
            assert_true(pl >= 8 && pl <= k);
            size_t n = gwr_safe_copy((gwr_safe_form)form, in, pl, out, sizeof out);
            assert_int_equal(n, pl);
            assert_memory_equal(out, in, pl);
        }
        for (size_t i = 0; hostile[i]; i++) {
            size_t pl = gwr_safe_plain_len((gwr_safe_form)form, hostile + i, strlen(hostile + i));
            char out[256];
            size_t n = gwr_safe_copy((gwr_safe_form)form, hostile + i, pl, out, sizeof out);
            assert_int_equal(n, pl);
            assert_memory_equal(out, hostile + i, pl);
        }
    }
    static const char cjk[] = "全市地区生产总值增长6.5%，达到1234亿元。";
    assert_int_equal(gwr_safe_plain_len(GWR_SAFE_TSV, cjk, strlen(cjk)), strlen(cjk));
    assert_int_equal(gwr_safe_plain_len(GWR_SAFE_TSV, "abcdefg\\hij", 11), 7);
    assert_int_equal(gwr_safe_plain_len(GWR_SAFE_TSV, "abcdefghij\t", 11), 10);
    assert_int_equal(gwr_safe_plain_len(GWR_SAFE_JSON, "abcdefghijk\"", 12), 11);
    assert_int_equal(gwr_safe_plain_len(GWR_SAFE_TSV, "\xe4\xb8", 2), 0);
}

/* The sixteen-byte scan (and its variant that reads past the end of a
 * padded buffer) never passes a character the full check would change, when
 * the character sits across or at the edge of a sixteen-byte look; and
 * ordinary report text — CJK, its punctuation, quotes and dashes — is passed
 * whole. */
static void test_plain_len_across_looks(void **state)
{
    (void)state;
    setlocale(LC_ALL, "C.UTF-8");
    static const char tail[] = "\xe5\xa2\x9e\xe9\x95\xbf" "6.5%" "\xe5\xb7\xa6\xe5\x8f\xb3" "abcdefghijklmnop";
    for (int form = GWR_SAFE_TEXT; form <= GWR_SAFE_MSG; form++) {
        for (size_t at = 11; at <= 18; at++) {
            for (unsigned cp = 1; cp < 0x10000; cp++) {
                if (cp >= 0xD800 && cp <= 0xDFFF) continue;
                char in[96], out[192];
                memset(in, 0, sizeof in);
                size_t k = 0;
                while (k + 3 <= at) {   /* 增 … then ASCII to reach `at` */
                    memcpy(in + k, "\xe5\xa2\x9e", 3);
                    k += 3;
                }
                while (k < at) in[k++] = 'x';
                if (cp < 0x80) in[k++] = (char)cp;
                else if (cp < 0x800) { in[k++] = (char)(0xC0 | cp >> 6); in[k++] = (char)(0x80 | (cp & 0x3F)); }
                else {
                    in[k++] = (char)(0xE0 | cp >> 12); in[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                    in[k++] = (char)(0x80 | (cp & 0x3F));
                }
                memcpy(in + k, tail, sizeof tail - 1);
                k += sizeof tail - 1;
                size_t pl[2] = { gwr_safe_plain_len((gwr_safe_form)form, in, k),
                                 gwr_safe_plain_len_padded((gwr_safe_form)form, in, k) };
                for (int v = 0; v < 2; v++) {
                    assert_true(pl[v] >= at && pl[v] <= k);
                    if (pl[v] == at) continue;
                    size_t n = gwr_safe_copy((gwr_safe_form)form, in, pl[v], out, sizeof out);
                    assert_int_equal(n, pl[v]);
                    assert_memory_equal(out, in, pl[v]);
                }
                if (cp >= 0x5000 && cp <= 0x9FFF && cp != 0x7F) {
                    assert_int_equal(pl[0], k);
                    assert_int_equal(pl[1], k);
                }
                int quote = cp == 0x201C || cp == 0x201D || cp == 0x2014 || cp == 0x2026 || cp == 0x3001;
                if (quote && form != GWR_SAFE_TEXT) assert_int_equal(pl[1], k);
            }
            /* a character cut by the end is never passed */
            char cut[40];
            memset(cut, 0, sizeof cut);
            memset(cut, 'y', at);
            memcpy(cut + at, "\xe4\xb8", 2);
            assert_true(gwr_safe_plain_len((gwr_safe_form)form, cut, at + 2) <= at);
            assert_true(gwr_safe_plain_len_padded((gwr_safe_form)form, cut, at + 2) <= at);
        }
    }
    setlocale(LC_ALL, "C");
}

/* The one-look check of short TSV fields never calls plain what the full
 * check would change: every BMP character at every place of a field of up to
 * sixteen bytes (NULs after it), character cuts and random bytes; and
 * ordinary values (7%左右, 1234亿元, 地区生产总值) pass. */
static bool plain16(const char *s, size_t n)
{
    char pad[32];
    memset(pad, 0, sizeof pad);
    memcpy(pad, s, n);
    return gwr_safe_tsv_plain16(pad, n);
}

/* What the full check writes for s[0, n) is s[0, n). */
static bool tsv_unchanged(const char *s, size_t n)
{
    char out[128];
    return gwr_safe_copy(GWR_SAFE_TSV, s, n, out, sizeof out) == n && memcmp(out, s, n) == 0;
}

static void test_tsv_plain16_sound(void **state)
{
    (void)state;
    setlocale(LC_ALL, "C.UTF-8");
    for (unsigned cp = 1; cp < 0x10000; cp++) {
        char c[4];
        size_t cl;
        if (cp < 0x80) c[0] = (char)cp, cl = 1;
        else if (cp < 0x800) c[0] = (char)(0xC0 | cp >> 6), c[1] = (char)(0x80 | (cp & 0x3F)), cl = 2;
        else c[0] = (char)(0xE0 | cp >> 12), c[1] = (char)(0x80 | ((cp >> 6) & 0x3F)), c[2] = (char)(0x80 | (cp & 0x3F)), cl = 3;
        for (size_t at = 0; at + cl <= 16; at += 1 + (cp & 3)) {
            for (size_t extra = 0; at + cl + extra <= 16; extra += 5) {
                char in[16];
                memset(in, 'a', sizeof in);
                memcpy(in + at, c, cl);
                size_t n = at + cl + extra;
                if (plain16(in, n)) assert_true(tsv_unchanged(in, n));
                for (size_t cut = at + 1; cut < at + cl; cut++)   /* the character cut short */
                    assert_false(plain16(in, cut));
            }
        }
        if (cp >= 0x4E00 && cp <= 0x9FFF) {
            char in[16];
            memcpy(in, c, 3);
            memcpy(in + 3, c, 3);
            assert_true(plain16(in, 6));
        }
    }
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (int i = 0; i < 300000; i++) {
        char in[16];
        for (size_t k = 0; k < sizeof in; k++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            static const unsigned char pick[] = { 'a', '5', '%', '\\', '\t', 0x7F, 0x80, 0x8E, 0xA8, 0xBF, 0xC2, 0xD8,
                                                  0xE0, 0xE1, 0xE2, 0xE4, 0xED, 0xEF, 0xF0, 0xFF, 0x81, 0x9C };
            in[k] = (char)pick[(x >> 20) % sizeof pick];
            if (in[k] == 0) in[k] = 'z';
        }
        size_t n = (size_t)((x >> 40) % 17);
        if (plain16(in, n)) assert_true(tsv_unchanged(in, n));
    }
    static const char *ok[] = { "7%左右", "1234亿元", "地区生产总值", "8.8%", "", "5个百分点", "一千六点五万元" };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        if (strlen(ok[i]) <= 16) assert_true(plain16(ok[i], strlen(ok[i])));
    assert_false(plain16("1\\2", 3));
    assert_false(plain16("a\tb", 3));
    assert_false(plain16("\xe2\x80\xae", 3));       /* U+202E: the full check decides */
    setlocale(LC_ALL, "C");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_every_byte),
        cmocka_unit_test(test_copy_cut_at_char),
        cmocka_unit_test(test_plain_len_agrees),
        cmocka_unit_test(test_plain_len_across_looks),
        cmocka_unit_test(test_tsv_plain16_sound),
        cmocka_unit_test(test_widths_agree_with_wcwidth),
    };
    return cmocka_run_group_tests_name("safe", tests, NULL, NULL);
}
