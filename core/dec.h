/* dec.h — exact decimal numbers: value = m × 10^e. No binary floating point
 * anywhere in figures: 16.4亿 is m=164, e=8 and prints as 1640000000. */
#ifndef GWR_DEC_H
#define GWR_DEC_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
/* Parses an ASCII decimal "123.45" (no sign, no exponent); false on overflow or junk. */
bool    gwr_dec_parse(const char *s, size_t len, gwr_dec *out);
/* For drawing bars and sorting only (never for output). */
double  gwr_dec_to_double(gwr_dec d);

#endif
