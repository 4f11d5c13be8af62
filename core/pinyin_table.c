/* pinyin_table.c — looking up the generated tables (pinyin_data.c): the
 * readings of a character (a direct array over the Basic Multilingual
 * Plane, built once on first use; a binary search beyond), traditional →
 * simplified, and a collation by pinyin. */
#include "pinyin.h"
#include "pinyin_int.h"
#include <pthread.h>
#include <string.h>

uint16_t gwr_py_bmp[0x10000];        /* set number + 1; 0: no reading */
static pthread_once_t bmp_once = PTHREAD_ONCE_INIT;

static void build_bmp(void)
{
    for (size_t i = 0; i < gwr_py_nchars; i++) {
        uint32_t cp = gwr_py_chars[i] >> 11;
        if (cp < 0x10000) gwr_py_bmp[cp] = (uint16_t)((gwr_py_chars[i] & 0x7FF) + 1);
    }
}

void gwr_py_init(void) { pthread_once(&bmp_once, build_bmp); }

int gwr_py_set_of(uint32_t cp)
{
    if (cp < 0x10000) {
        pthread_once(&bmp_once, build_bmp);
        return (int)gwr_py_bmp[cp] - 1;
    }
    size_t lo = 0, hi = gwr_py_nchars;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t c = gwr_py_chars[mid] >> 11;
        if (c == cp) return (int)(gwr_py_chars[mid] & 0x7FF);
        if (c < cp) lo = mid + 1;
        else hi = mid;
    }
    return -1;
}

size_t gwr_py_readings(uint32_t cp, uint16_t *out, size_t max)
{
    if (cp < 0x3400) return 0;
    int s = gwr_py_set_of(cp);
    if (s < 0) return 0;
    const uint16_t *p = gwr_py_sets + gwr_py_set_off[s];
    size_t n = p[0] < max ? p[0] : max;
    memcpy(out, p + 1, n * sizeof *out);
    return n;
}

const char *gwr_py_syllable(uint16_t syl) { return syl < gwr_py_nsyl ? gwr_py_syl[syl] : ""; }

size_t gwr_py_syllable_count(void) { return gwr_py_nsyl; }
size_t gwr_py_set_count(void) { return gwr_py_nsets; }

size_t gwr_py_set_readings(size_t set, uint16_t *out, size_t max)
{
    if (set >= gwr_py_nsets) return 0;
    const uint16_t *p = gwr_py_sets + gwr_py_set_off[set];
    size_t n = p[0] < max ? p[0] : max;
    memcpy(out, p + 1, n * sizeof *out);
    return n;
}

uint32_t gwr_py_simplify(uint32_t cp)
{
    size_t lo = 0, hi = gwr_py_nt2s;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (gwr_py_t2s[mid][0] == cp) return gwr_py_t2s[mid][1];
        if (gwr_py_t2s[mid][0] < cp) lo = mid + 1;
        else hi = mid;
    }
    return cp;
}

size_t gwr_py_table_bytes(void)
{
    return gwr_py_nsyl * 8 + gwr_py_nchars * 4 + gwr_py_nt2s * 8 + gwr_py_nsetwords * 2 + gwr_py_nsets * 2;
}

static size_t decode(const unsigned char *s, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    size_t len = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    uint32_t v = c & (0x7F >> len);
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80) len = 0;
        if (!len) break;
        v = v << 6 | (s[k] & 0x3F);
    }
    if (!len) { *cp = 0x110000 + c; return 1; }
    *cp = v;
    return len;
}

/* ASCII first (by byte), then characters with a reading (by the reading,
 * then code point), then the rest by code point. */
static uint64_t key(uint32_t cp)
{
    if (cp < 0x80) return cp;
    uint16_t r;
    if (gwr_py_readings(cp, &r, 1)) return (1ULL << 40) | ((uint64_t)r << 22) | cp;
    return (2ULL << 40) | cp;
}

int gwr_py_collate(const char *a, const char *b)
{
    const unsigned char *x = (const unsigned char *)(a ? a : ""), *y = (const unsigned char *)(b ? b : "");
    while (*x && *y) {
        uint32_t c, d;
        size_t i = decode(x, &c), j = decode(y, &d);
        if (c != d) {
            uint64_t kc = key(c), kd = key(d);
            if (kc != kd) return kc < kd ? -1 : 1;
        }
        x += i;
        y += j;
    }
    return *x ? 1 : *y ? -1 : 0;
}
