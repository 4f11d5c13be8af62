/* dec.h — exact decimal numbers: value = m × 10^e. No binary floating point
 * anywhere in figures: 16.4亿 is m=164, e=8 and prints as 1640000000. */
#ifndef GWR_DEC_H
#define GWR_DEC_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct gwr_dec {
    int64_t m;
    int32_t e;
} gwr_dec;

/* Normalises (strips trailing zeros of m into e). */
gwr_dec gwr_dec_norm(gwr_dec d);
/* d × 10^k; false on overflow (the printed integer must fit in 18 digits of m). */
bool    gwr_dec_scale(gwr_dec *d, int k);
/* Multiplies by an integer; false on overflow. */
bool    gwr_dec_mul_int(gwr_dec *d, int64_t k);
bool    gwr_dec_add(gwr_dec *r, gwr_dec a, gwr_dec b);
bool    gwr_dec_sub(gwr_dec *r, gwr_dec a, gwr_dec b);
/* -1, 0, 1; exact. */
int     gwr_dec_cmp(gwr_dec a, gwr_dec b);
bool    gwr_dec_is_zero(gwr_dec d);
/* Plain decimal, never exponent notation: "1640000000", "6.7", "-0.5".
 * Writes at most n bytes including NUL; returns the length it needed. */
int     gwr_dec_format(gwr_dec d, char *buf, size_t n);
/* The same characters without a NUL into out, which has room for
 * GWR_DEC_CHARS; returns how many. */
enum { GWR_DEC_CHARS = 24 };
size_t  gwr_dec_write(gwr_dec d, char *out);
/* As gwr_dec_write, inline for a writer of many rows: the usual figure (a
 * mantissa under 10^8 without trailing zeros, an exponent within ±8) is
 * written here, anything else by gwr_dec_write. */
extern const char gwr_dec_pairs[201];   /* "00" "01" … "99" */
/* The last nd digits of v (leading zeros included) at p[0, nd). */
static inline __attribute__((always_inline)) void gwr_dec_put_u32(char *p, uint32_t v, int nd)
{
    char *e = p + nd;
    for (; nd >= 2; nd -= 2, v /= 100) {
        e -= 2;
        memcpy(e, gwr_dec_pairs + 2 * (v % 100), 2);
    }
    if (nd) e[-1] = (char)('0' + v % 10);
}
static inline __attribute__((always_inline)) size_t gwr_dec_put(gwr_dec d, char *out)
{
    if (d.e == 0 && (uint64_t)d.m - 1 < 99) {   /* 1 to 99, the most frequent */
        memcpy(out, gwr_dec_pairs + 2 * d.m + (d.m < 10), 2);
        return 1 + (size_t)(d.m >= 10);
    }
    uint64_t a = d.m < 0 ? 0 - (uint64_t)d.m : (uint64_t)d.m;
    int e = d.e;
    if (a - 1 >= 99999999u || e < -8 || e > 8 || (e < 0 && a % 10 == 0)) return gwr_dec_write(d, out);
    uint32_t v = (uint32_t)a;
    int nd = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : v < 1000000 ? 6 : v < 10000000 ? 7 : 8;
    char *p = out;
    if (d.m < 0) *p++ = '-';
    if (e >= 0) {                            /* digits, then e zeros */
        if (nd <= 2) {
            memcpy(p, gwr_dec_pairs + 2 * v + (nd == 1), 2);
        } else {
            gwr_dec_put_u32(p, v, nd);
        }
        memcpy(p + nd, "00000000", 8);
        return (size_t)(p + nd + e - out);
    }
    int frac = -e;
    if (nd <= frac) {                        /* 0.0…digits */
        memcpy(p, "0.000000000", 10);
        gwr_dec_put_u32(p + 2 + frac - nd, v, nd);
        return (size_t)(p + 2 + frac - out);
    }
    static const uint32_t p10[9] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000 };
    uint32_t hi = v / p10[frac];
    gwr_dec_put_u32(p, hi, nd - frac);
    p[nd - frac] = '.';
    gwr_dec_put_u32(p + nd - frac + 1, v - hi * p10[frac], frac);
    return (size_t)(p + nd + 1 - out);
}
/* Parses an ASCII decimal "123.45" (no sign, no exponent); false on overflow or junk. */
bool    gwr_dec_parse(const char *s, size_t len, gwr_dec *out);
/* For drawing bars and sorting only (never for output). */
double  gwr_dec_to_double(gwr_dec d);

#endif
