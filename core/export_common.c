/* export_common.c — field writers shared by the exporters: every string
 * goes out through the one sanitiser (safe.h). */
#include "export.h"
#include "safe.h"
#include <string.h>

void gwr_put_str(FILE *f, gwr_format fmt, const char *s)
{
    if (!s) s = "";
    if (fmt == GWR_FMT_JSON) fputc('"', f);
    gwr_safe_put(f, (gwr_safe_form)fmt, s, strlen(s));
    if (fmt == GWR_FMT_JSON) fputc('"', f);
}

void gwr_tsv_field(FILE *f, const char *s) { if (s) gwr_safe_put(f, GWR_SAFE_TSV, s, strlen(s)); }
void gwr_json_string(FILE *f, const char *s) { gwr_put_str(f, GWR_FMT_JSON, s); }
void gwr_text_field(FILE *f, const char *s) { if (s) gwr_safe_put(f, GWR_SAFE_TEXT, s, strlen(s)); }

void gwr_fmt_dec(FILE *f, gwr_dec d)
{
    char buf[64];
    gwr_dec_format(d, buf, sizeof buf);
    fputs(buf, f);
}

void gwr_row_init(gwr_row *r, FILE *f)
{
    r->f = f;
    r->n = 0;
}

void gwr_row_flush(gwr_row *r)
{
    if (r->n) fwrite(r->b, 1, r->n, r->f);
    r->n = 0;
}

void gwr_row_put(gwr_row *r, const char *s, size_t n)
{
    if (!gwr_row_room(r, n)) {
        fwrite(s, 1, n, r->f);
        return;
    }
    memcpy(r->b + r->n, s, n);
    r->n += n;
}

void gwr_row_str(gwr_row *r, const char *s) { gwr_row_put(r, s, strlen(s)); }

/* An escape is at most four bytes for each byte escaped (\xHH for an invalid
 * byte or a control), so GWR_TSV_ROOM(n) always holds the copy and its NUL. */
size_t gwr_tsv_copy(char *out, const char *s, size_t n)
{
    memcpy(out, s, n);
    memset(out + n, 0, 16);   /* the copy is read sixteen bytes at a time */
    size_t pl = gwr_safe_plain_len_padded(GWR_SAFE_TSV, out, n);
    if (pl == n) return n;
    return pl + gwr_safe_copy(GWR_SAFE_TSV, s + pl, n - pl, out + pl, GWR_TSV_ROOM(n - pl));
}

void gwr_row_tsv(gwr_row *r, const char *s)
{
    if (s) gwr_row_tsv_n(r, s, strlen(s), false);
}

bool gwr_row_tsv_plain(const char *s, size_t n) { return gwr_safe_plain_len(GWR_SAFE_TSV, s, n) == n; }

void gwr_row_tsv_n(gwr_row *r, const char *s, size_t n, bool plain)
{
    if (plain) {
        gwr_row_put(r, s, n);
    } else if (gwr_row_room(r, GWR_TSV_ROOM(n))) {
        r->n += gwr_tsv_copy(r->b + r->n, s, n);
    } else {
        gwr_safe_put(r->f, GWR_SAFE_TSV, s, n);
    }
}

void gwr_row_int(gwr_row *r, long long v)
{
    char d[24];
    size_t k = sizeof d;
    unsigned long long a = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        d[--k] = (char)('0' + a % 10);
        a /= 10;
    } while (a);
    if (v < 0) d[--k] = '-';
    gwr_row_put(r, d + k, sizeof d - k);
}

void gwr_row_dec(gwr_row *r, gwr_dec d)
{
    if (gwr_row_room(r, GWR_DEC_CHARS)) r->n += gwr_dec_write(d, r->b + r->n);
}
