/* test_dec.c — exact decimals: parse, scale, arithmetic, compare, format. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "dec.h"

static const char *fmt(gwr_dec d)
{
    static char buf[8][64];
    static int k;
    char *b = buf[k++ % 8];
    gwr_dec_format(d, b, 64);
    return b;
}

static gwr_dec P(const char *s)
{
    gwr_dec d;
    assert_true(gwr_dec_parse(s, strlen(s), &d));
    return d;
}

static void test_parse_format(void **state)
{
    (void)state;
    assert_string_equal(fmt(P("123.45")), "123.45");
    assert_string_equal(fmt(P("6.70")), "6.7");
    assert_string_equal(fmt(P("0.05")), "0.05");
    assert_string_equal(fmt(P("007")), "7");
    assert_string_equal(fmt(P("0")), "0");
    assert_string_equal(fmt(P("100")), "100");
    gwr_dec d = P("4.50");
    assert_int_equal(d.m, 45);                  /* normalised */
    assert_int_equal(d.e, -1);
    gwr_dec x;
    assert_false(gwr_dec_parse("", 0, &x));
    assert_false(gwr_dec_parse("1.2.3", 5, &x));
    assert_false(gwr_dec_parse("-1", 2, &x));
    assert_false(gwr_dec_parse("1e5", 3, &x));
    assert_false(gwr_dec_parse("12.", 3, &x));
    assert_false(gwr_dec_parse(".5", 2, &x));
    assert_true(gwr_dec_parse("999999999999999999", 18, &x));    /* 18 digits fit */
    assert_false(gwr_dec_parse("9999999999999999999", 19, &x));  /* 19 do not */
    char big[401];
    memset(big, '9', 400);
    big[400] = '\0';
    assert_false(gwr_dec_parse(big, 400, &x));
}

static void test_scale_exact(void **state)
{
    (void)state;
    gwr_dec d = P("16.4");
    assert_true(gwr_dec_scale(&d, 8));          /* 16.4亿 */
    assert_string_equal(fmt(d), "1640000000");
    d = P("58.7");
    assert_true(gwr_dec_scale(&d, 8));
    assert_string_equal(fmt(d), "5870000000");
    d = P("3.5");
    assert_true(gwr_dec_scale(&d, 12));         /* 3.5万亿 */
    assert_string_equal(fmt(d), "3500000000000");
    d = P("0.001");
    assert_true(gwr_dec_scale(&d, 4));
    assert_string_equal(fmt(d), "10");
    d = P("1");
    assert_true(gwr_dec_scale(&d, -3));
    assert_string_equal(fmt(d), "0.001");
}

static void test_scale_overflow(void **state)
{
    (void)state;
    gwr_dec d = P("999999999999999999");        /* 18 nines */
    gwr_dec keep = d;
    assert_false(gwr_dec_scale(&d, 1));
    assert_int_equal(d.m, keep.m);              /* unchanged on failure */
    d = P("9999999999");
    assert_false(gwr_dec_scale(&d, 8 + 4));     /* 9999999999万亿 */
    d = P("1");
    assert_true(gwr_dec_scale(&d, 17));
    assert_string_equal(fmt(d), "100000000000000000");
    assert_false(gwr_dec_scale(&d, 1));         /* 10^18 needs 19 digits */
    d = P("1");
    assert_false(gwr_dec_scale(&d, 5000));
}

static void test_mul_add_sub(void **state)
{
    (void)state;
    gwr_dec d = P("1.5"), r;
    assert_true(gwr_dec_mul_int(&d, 3));
    assert_string_equal(fmt(d), "4.5");
    d = P("999999999999999999");
    assert_false(gwr_dec_mul_int(&d, 10));
    assert_false(gwr_dec_mul_int(&d, INT64_MAX));
    assert_true(gwr_dec_add(&r, P("6.7"), P("0.3")));
    assert_string_equal(fmt(r), "7");
    assert_true(gwr_dec_sub(&r, P("5"), P("6.5")));
    assert_string_equal(fmt(r), "-1.5");
    assert_true(gwr_dec_add(&r, P("1640000000"), P("0.01")));
    assert_string_equal(fmt(r), "1640000000.01");
    assert_false(gwr_dec_add(&r, P("999999999999999999"), P("1")));
    gwr_dec big = P("1"), tiny = P("0.000000000000000001");
    assert_true(gwr_dec_scale(&big, 10));
    assert_false(gwr_dec_add(&r, big, tiny));   /* would need 29 digits */
}

static void test_cmp(void **state)
{
    (void)state;
    assert_int_equal(gwr_dec_cmp(P("6.5"), P("6.50")), 0);
    assert_int_equal(gwr_dec_cmp(P("6.5"), P("6.49")), 1);
    assert_int_equal(gwr_dec_cmp(P("5"), P("5.01")), -1);
    assert_int_equal(gwr_dec_cmp(P("0"), P("0.000001")), -1);
    gwr_dec a = P("1"), b = P("999999999999999999");
    assert_true(gwr_dec_scale(&a, 17));
    assert_int_equal(gwr_dec_cmp(a, b), -1);
    gwr_dec n1 = { -15, -1 }, n2 = { -2, 0 };
    assert_int_equal(gwr_dec_cmp(n1, n2), 1);   /* -1.5 > -2 */
    assert_int_equal(gwr_dec_cmp(n2, P("0")), -1);
    assert_true(gwr_dec_is_zero(P("0.0")));
}

static void test_format_small_buffer(void **state)
{
    (void)state;
    char b[5];
    gwr_dec d = P("1640000000");
    assert_int_equal(gwr_dec_format(d, b, sizeof b), 10);   /* needed length */
    assert_string_equal(b, "1640");
    gwr_dec neg = { -5, -3 };
    char c[16];
    gwr_dec_format(neg, c, sizeof c);
    assert_string_equal(c, "-0.005");
    assert_true(gwr_dec_to_double(P("2.5")) > 2.49 && gwr_dec_to_double(P("2.5")) < 2.51);
}

/* gwr_dec_write (the exporters' formatter, no NUL) writes what the plain
 * definition gives: the digits of m, the point placed by e, zeros to fill. */
static size_t ref_format(gwr_dec d, char *out)
{
    while (d.m != 0 && d.m % 10 == 0) d.m /= 10, d.e++;
    if (d.m == 0) d.e = 0;
    char dig[24];
    int nd = 0;
    uint64_t a = d.m < 0 ? (uint64_t)(-d.m) : (uint64_t)d.m;
    do dig[nd++] = (char)('0' + a % 10); while (a /= 10);
    if (d.m <= -1000000000000000000LL || d.m >= 1000000000000000000LL || (d.m && d.e < -18) ||
        (d.e > 0 && nd + d.e > 18)) {
        memcpy(out, "overflow", 8);
        return 8;
    }
    size_t k = 0;
    if (d.m < 0) out[k++] = '-';
    if (d.e >= 0) {
        while (nd) out[k++] = dig[--nd];
        for (int i = 0; i < d.e; i++) out[k++] = '0';
    } else if (nd <= -d.e) {
        out[k++] = '0';
        out[k++] = '.';
        for (int i = nd; i < -d.e; i++) out[k++] = '0';
        while (nd) out[k++] = dig[--nd];
    } else {
        while (nd > -d.e) out[k++] = dig[--nd];
        out[k++] = '.';
        while (nd) out[k++] = dig[--nd];
    }
    return k;
}

static void test_write_agrees(void **state)
{
    (void)state;
    static const int64_t ms[] = { 0, 1, -1, 5, 7, 10, 45, -45, 100, 123456, -123456, 1000000, 999999999999999999LL,
                                  -999999999999999999LL, 100000000000000000LL, 1000000000000000000LL, 123456789012345678LL };
    for (size_t i = 0; i < sizeof ms / sizeof ms[0]; i++) {
        for (int e = -22; e <= 20; e++) {
            gwr_dec d = { ms[i], e };
            char a[GWR_DEC_CHARS + 8], b[64], c[64];
            memset(a, '#', sizeof a);
            size_t n = gwr_dec_write(d, a), k = ref_format(d, b);
            assert_true(n <= GWR_DEC_CHARS);
            assert_int_equal(a[GWR_DEC_CHARS], '#');          /* nothing past its room */
            assert_int_equal(n, k);
            assert_memory_equal(a, b, n);
            assert_int_equal(gwr_dec_format(d, c, sizeof c), (int)n);
            assert_memory_equal(c, b, n);
            assert_int_equal(c[n], '\0');
        }
    }
    char a[GWR_DEC_CHARS];
    gwr_dec h = { 123456, -3 }, z = { -5, -1 }, t = { 1, 17 }, o = { 1, 18 };
    assert_memory_equal(a, "123.456", gwr_dec_write(h, a));
    assert_memory_equal(a, "-0.5", gwr_dec_write(z, a));
    assert_memory_equal(a, "100000000000000000", gwr_dec_write(t, a));
    assert_memory_equal(a, "overflow", gwr_dec_write(o, a));
}

/* The inline writer of the export rows: the same characters as
 * gwr_dec_write for every mantissa and exponent, on its fast path (under
 * 10^8, exponent within ±8) and off it; nothing written past its room. */
static void check_put(gwr_dec d)
{
    char a[GWR_DEC_CHARS + 8], b[GWR_DEC_CHARS];
    memset(a, '#', sizeof a);
    size_t n = gwr_dec_put(d, a), k = gwr_dec_write(d, b);
    assert_int_equal(n, k);
    assert_memory_equal(a, b, n);
    assert_int_equal(a[GWR_DEC_CHARS], '#');
}

static void test_put_agrees(void **state)
{
    (void)state;
    for (int64_t m = -1200; m <= 1200; m++)
        for (int e = -11; e <= 11; e++) check_put((gwr_dec){ m, e });
    static const int64_t ms[] = { 9999, 10000, 10001, 12345, 99999, 100000, 123450, 999999, 1000000, 1234567,
                                  9999999, 10000000, 12345678, 99999999, 100000000, 100000001, 123456789,
                                  999999999999999999LL, 1000000000000000000LL, INT64_MAX, INT64_MIN + 1 };
    for (size_t i = 0; i < sizeof ms / sizeof ms[0]; i++)
        for (int e = -22; e <= 20; e++) {
            check_put((gwr_dec){ ms[i], e });
            check_put((gwr_dec){ -ms[i], e });
        }
    uint64_t x = 88172645463325252u;              /* xorshift: mantissas of every length */
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        int64_t m = (int64_t)(x % 1000000000000000000u) / (int64_t)(1 + (x >> 60) * (x >> 60) * 1000000000000u);
        check_put((gwr_dec){ (x >> 40) & 1 ? -m : m, (int)((x >> 50) % 41) - 20 });
    }
    char a[GWR_DEC_CHARS];
    assert_memory_equal(a, "8.8", gwr_dec_put((gwr_dec){ 88, -1 }, a));
    assert_memory_equal(a, "1640000000", gwr_dec_put((gwr_dec){ 164, 7 }, a));
    assert_memory_equal(a, "-0.05", gwr_dec_put((gwr_dec){ -5, -2 }, a));
    assert_memory_equal(a, "1.5", gwr_dec_put((gwr_dec){ 150, -2 }, a));   /* not normalised */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_format),
        cmocka_unit_test(test_scale_exact),
        cmocka_unit_test(test_scale_overflow),
        cmocka_unit_test(test_mul_add_sub),
        cmocka_unit_test(test_cmp),
        cmocka_unit_test(test_format_small_buffer),
        cmocka_unit_test(test_write_agrees),
        cmocka_unit_test(test_put_agrees),
    };
    return cmocka_run_group_tests_name("dec", tests, NULL, NULL);
}
