/* dec.c — PLACEHOLDER exact decimals. */
#include "dec.h"
#include <stdio.h>

gwr_dec gwr_dec_norm(gwr_dec d) { return d; }
bool gwr_dec_scale(gwr_dec *d, int k) { d->e += k; return true; }
bool gwr_dec_mul_int(gwr_dec *d, int64_t k) { d->m *= k; return true; }
bool gwr_dec_add(gwr_dec *r, gwr_dec a, gwr_dec b) { (void)b; *r = a; return false; }
bool gwr_dec_sub(gwr_dec *r, gwr_dec a, gwr_dec b) { (void)b; *r = a; return false; }
int gwr_dec_cmp(gwr_dec a, gwr_dec b) { (void)a; (void)b; return 0; }
bool gwr_dec_is_zero(gwr_dec d) { return d.m == 0; }
int gwr_dec_format(gwr_dec d, char *buf, size_t n) { return snprintf(buf, n, "%lldE%d", (long long)d.m, (int)d.e); }
bool gwr_dec_parse(const char *s, size_t len, gwr_dec *out) { (void)s; (void)len; out->m = 0; out->e = 0; return false; }
double gwr_dec_to_double(gwr_dec d) { return (double)d.m; }
