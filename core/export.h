/* export.h — text / TSV / JSON writers for outline, targets, compare, quantity. */
#ifndef GWR_EXPORT_H
#define GWR_EXPORT_H
#include <stdbool.h>
#include <stdio.h>
#include "doc.h"
#include "compare.h"
#include "series.h"
#include "quantity.h"
#include "check.h"

typedef enum { GWR_FMT_TEXT = 0, GWR_FMT_TSV, GWR_FMT_JSON } gwr_format;

typedef struct gwr_fig_filter {
    int         status;      /* -1 any, else gwr_fig_status */
    const char *key;         /* NULL any */
    const gwr_figure *pick_base;  /* with pick: keep figure i of pick_base only */
    const uint8_t *pick;          /* when pick[i] (targets --grep); NULL: all */
} gwr_fig_filter;

/* Each writer handles several documents; `first`/`last` let a caller stream
 * documents one at a time (header once, JSON array brackets once). */
void gwr_export_outline(FILE *f, gwr_format fmt, const gwr_doc *d, bool all, bool first, bool last);
void gwr_export_targets(FILE *f, gwr_format fmt, const gwr_doc *d, const gwr_fig_filter *flt, bool first, bool last);
void gwr_export_compare(FILE *f, gwr_format fmt, const gwr_cmp *c);
void gwr_export_timeline(FILE *f, gwr_format fmt, const gwr_timeline *t);
void gwr_export_rank(FILE *f, gwr_format fmt, const gwr_rank *r);
/* Quantities found in one input phrase. */
void gwr_export_quantities(FILE *f, gwr_format fmt, const char *text, bool first, bool last);

/* gwr check: one report (streamed; first writes the header), then the end
 * (the corpus summary in text, closing the JSON object). */
void gwr_export_check(FILE *f, gwr_format fmt, const gwr_doc *d, const gwr_check *c, bool first);
void gwr_export_check_end(FILE *f, gwr_format fmt, const gwr_check_summary *s);

/* Every string an exporter writes — a file name, an entity, a title, a name,
 * report text — goes out through gwr_put_str (or the three helpers below,
 * which are the same sanitiser, core/safe.h): nothing from a report or a
 * file name can drive a terminal or break TSV/JSON, and JSON and TSV are
 * always valid UTF-8. JSON: quoted. NULL writes an empty string. */
void gwr_put_str(FILE *f, gwr_format fmt, const char *s);
void gwr_tsv_field(FILE *f, const char *s);     /* = gwr_put_str(f, GWR_FMT_TSV, s) */
void gwr_json_string(FILE *f, const char *s);   /* = gwr_put_str(f, GWR_FMT_JSON, s) */
void gwr_text_field(FILE *f, const char *s);    /* = gwr_put_str(f, GWR_FMT_TEXT, s) */
void gwr_fmt_dec(FILE *f, gwr_dec d);

/* Rows assembled in memory and written a buffer at a time (the rows of a
 * large TSV export): the same bytes as the field writers above, in order. A
 * field that needs escaping goes through the sanitiser as it would
 * unbuffered. */
typedef struct gwr_row {
    FILE  *f;
    size_t n;
    char   b[65536];
} gwr_row;
void gwr_row_init(gwr_row *r, FILE *f);
void gwr_row_flush(gwr_row *r);
/* Makes room for n more bytes at r->b + r->n, flushing when needed; false
 * when n is more than the buffer holds. */
static inline bool gwr_row_room(gwr_row *r, size_t n)
{
    if (n <= sizeof r->b - r->n) return true;
    gwr_row_flush(r);
    return n <= sizeof r->b;
}
void gwr_row_put(gwr_row *r, const char *s, size_t n);
static inline void gwr_row_ch(gwr_row *r, char c)
{
    if (r->n == sizeof r->b) gwr_row_flush(r);
    r->b[r->n++] = c;
}
void gwr_row_str(gwr_row *r, const char *s);        /* as fputs */
void gwr_row_tsv(gwr_row *r, const char *s);        /* as gwr_tsv_field */
/* The same for s[0,n) known to need no escaping (plain, from
 * gwr_row_tsv_plain) or not: a field repeated on every row is checked once. */
bool gwr_row_tsv_plain(const char *s, size_t n);
void gwr_row_tsv_n(gwr_row *r, const char *s, size_t n, bool plain);
void gwr_row_int(gwr_row *r, long long v);          /* as fprintf "%lld" */
void gwr_row_dec(gwr_row *r, gwr_dec d);            /* as gwr_fmt_dec */
/* The TSV form of s[0,n) into out, which has room for GWR_TSV_ROOM(n)
 * bytes (the copy is checked where it lands, sixteen bytes at a time);
 * returns its length (no NUL). */
#define GWR_TSV_ROOM(n) (4 * (n) + 16)
size_t gwr_tsv_copy(char *out, const char *s, size_t n);

#endif
