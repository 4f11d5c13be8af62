/* dec.c — exact decimals m × 10^e.
 *
 * Invariant kept by every operation: |m| < 10^18 and the integer part of the
 * value has at most 18 digits (digits(m) + e <= 18 when e > 0); fractions
 * have at most 18 digits after the point (e >= -18). Anything else is
 * overflow: the operation returns false and leaves the operand unchanged. */
#include "dec.h"
#include <string.h>

#define DEC_LIMIT 1000000000000000000LL   /* 10^18 */
#define DEC_MAX_DIGITS 18
#define DEC_MIN_EXP (-18)

static const int64_t pow10_tab[19] = {
    1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
    100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
    1000000000000LL, 10000000000000LL, 100000000000000LL,
    1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
    1000000000000000000LL,
};

static int64_t iabs64(int64_t v) { return v < 0 ? -v : v; }

static int ndigits(int64_t m)
{
    int64_t a = iabs64(m);
    int n = 1;
    while (n < 19 && a >= pow10_tab[n]) n++;
    return n;
}

gwr_dec gwr_dec_norm(gwr_dec d)
{
    if (d.m == 0) {
        d.e = 0;
        return d;
    }
    while (d.m % 10 == 0) {
        d.m /= 10;
        d.e++;
    }
    return d;
}

/* True when a normalised d respects the invariant. */
static bool dec_ok(gwr_dec d)
{
    if (d.m <= -DEC_LIMIT || d.m >= DEC_LIMIT) return false;
    if (d.m == 0) return true;
    if (d.e < DEC_MIN_EXP) return false;
    if (d.e > 0 && ndigits(d.m) + (int64_t)d.e > DEC_MAX_DIGITS) return false;
    return true;
}

static bool commit(gwr_dec *out, gwr_dec v)
{
    v = gwr_dec_norm(v);
    if (!dec_ok(v)) return false;
    *out = v;
    return true;
}

bool gwr_dec_scale(gwr_dec *d, int k)
{
    if (k > 1000 || k < -1000) return false;
    gwr_dec v = gwr_dec_norm(*d);
    if (v.m == 0) {
        *d = v;
        return true;
    }
    v.e += k;
    return commit(d, v);
}

bool gwr_dec_mul_int(gwr_dec *d, int64_t k)
{
    int64_t r;
    if (__builtin_mul_overflow(d->m, k, &r)) return false;
    gwr_dec v = { r, d->e };
    return commit(d, v);
}

/* Brings a and b to the same exponent (the smaller one); false if that
 * cannot be done within 10^18. */
static bool align(gwr_dec *a, gwr_dec *b)
{
    if (a->m == 0) a->e = b->e;
    if (b->m == 0) b->e = a->e;
    gwr_dec *hi = a->e > b->e ? a : b, *lo = a->e > b->e ? b : a;
    int diff = hi->e - lo->e;
    if (diff == 0) return true;
    if (diff > 18) return false;
    int64_t r;
    if (__builtin_mul_overflow(hi->m, pow10_tab[diff], &r)) return false;
    if (r <= -DEC_LIMIT || r >= DEC_LIMIT) return false;
    hi->m = r;
    hi->e = lo->e;
    return true;
}

bool gwr_dec_add(gwr_dec *r, gwr_dec a, gwr_dec b)
{
    a = gwr_dec_norm(a);
    b = gwr_dec_norm(b);
    if (!align(&a, &b)) return false;
    gwr_dec v = { a.m + b.m, a.e };   /* both < 10^18: no int64 overflow */
    return commit(r, v);
}

bool gwr_dec_sub(gwr_dec *r, gwr_dec a, gwr_dec b)
{
    b.m = -b.m;
    return gwr_dec_add(r, a, b);
}

int gwr_dec_cmp(gwr_dec a, gwr_dec b)
{
    a = gwr_dec_norm(a);
    b = gwr_dec_norm(b);
    int sa = (a.m > 0) - (a.m < 0), sb = (b.m > 0) - (b.m < 0);
    if (sa != sb) return sa < sb ? -1 : 1;
    if (sa == 0) return 0;
    /* Same sign: compare the position of the leading digit first. */
    int64_t oa = ndigits(a.m) + (int64_t)a.e, ob = ndigits(b.m) + (int64_t)b.e;
    if (oa != ob) return (oa < ob ? -1 : 1) * sa;
    /* Same magnitude order: aligning cannot exceed 19 digits; use the
     * shorter mantissa scaled up to the longer one's digit count. */
    int da = ndigits(a.m), db = ndigits(b.m);
    int64_t ma = a.m, mb = b.m;
    if (da < db) ma *= pow10_tab[db - da];
    else if (db < da) mb *= pow10_tab[da - db];
    return (ma > mb) - (ma < mb);
}

bool gwr_dec_is_zero(gwr_dec d) { return d.m == 0; }

const char gwr_dec_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";
#define digit_pairs gwr_dec_pairs

/* Writes the last nd digits of a (nd >= 1) ending just before end, two at a time. */
static void put_digits(char *end, uint64_t a, int nd)
{
    for (; nd >= 2; nd -= 2, a /= 100) {
        end -= 2;
        memcpy(end, digit_pairs + 2 * (a % 100), 2);
    }
    if (nd) *--end = (char)('0' + a % 10);
}

static int ndigits_u(uint64_t a)
{
    int n = 1;
    while (n < 19 && a >= (uint64_t)pow10_tab[n]) n++;
    return n;
}

/* As gwr_dec_norm + dec_ok + the digits, on the magnitude: the same text as
 * the definition (digits of m, the point placed by e, zeros to fill). */
size_t gwr_dec_write(gwr_dec d, char *out)
{
    if (d.m == 0) {
        out[0] = '0';
        return 1;
    }
    uint64_t a = d.m < 0 ? 0 - (uint64_t)d.m : (uint64_t)d.m;
    int64_t e = d.e;
    while (a % 10 == 0) {
        a /= 10;
        e++;
    }
    int nd = ndigits_u(a);
    if (a >= (uint64_t)DEC_LIMIT || e < DEC_MIN_EXP || (e > 0 && nd + e > DEC_MAX_DIGITS)) {
        memcpy(out, "overflow", 8);
        return 8;
    }
    char *p = out;
    if (d.m < 0) *p++ = '-';
    if (e >= 0) {
        put_digits(p + nd, a, nd);
        p += nd;
        for (int64_t i = 0; i < e; i++) *p++ = '0';
    } else if (nd <= -e) {                   /* 0.0…digits */
        *p++ = '0';
        *p++ = '.';
        for (int64_t i = nd; i < -e; i++) *p++ = '0';
        put_digits(p + nd, a, nd);
        p += nd;
    } else {                                 /* digits.digits */
        int frac = (int)-e;
        put_digits(p + nd + 1, a, frac);
        p[nd - frac] = '.';
        put_digits(p + nd - frac, a / (uint64_t)pow10_tab[frac], nd - frac);
        p += nd + 1;
    }
    return (size_t)(p - out);
}

int gwr_dec_format(gwr_dec d, char *buf, size_t n)
{
    char tmp[GWR_DEC_CHARS];
    size_t k = gwr_dec_write(d, tmp);
    if (n > 0) {
        size_t c = k < n - 1 ? k : n - 1;
        memcpy(buf, tmp, c);
        buf[c] = '\0';
    }
    return (int)k;
}

bool gwr_dec_parse(const char *s, size_t len, gwr_dec *out)
{
    int64_t m = 0;
    int32_t e = 0;
    int sig = 0;
    bool point = false, any = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '.') {
            if (point || !any) return false;
            point = true;
            continue;
        }
        if (c < '0' || c > '9') return false;
        any = true;
        if (m == 0 && c == '0') {           /* leading zero: no significant digit */
            if (point) e--;
            continue;
        }
        if (++sig > DEC_MAX_DIGITS) return false;
        m = m * 10 + (c - '0');
        if (point) e--;
    }
    if (!any || (len && s[len - 1] == '.')) return false;
    gwr_dec v = { m, e };
    return commit(out, v);
}

double gwr_dec_to_double(gwr_dec d)
{
    double v = (double)d.m;
    for (int i = 0; i < d.e; i++) v *= 10.0;
    for (int i = 0; i > d.e; i--) v /= 10.0;
    return v;
}
