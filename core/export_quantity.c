/* export_quantity.c — `gwr quantity`: how gwr reads a phrase.
 *
 * Columns: text, value, value_hi, unit, qual. The qual column is the
 * qualifier name followed by "+flag" for each flag set: "+vague" (十余万,
 * 近700万), "+rank" (第4位), "+ratio" (1.4：1, value:hi), "+overflow" (too
 * large to hold exactly: value and value_hi are then empty, JSON null),
 * "+fraction" (三分之一, 千分之三 is 3 ‰ instead) and "+rounded" (a fraction
 * whose decimal does not terminate: value has 6 significant digits). */
#include "export.h"
#include "uwidth.h"
#include <string.h>

typedef struct qrow {
    char text[1024];
    char value[64], hi[64];
    char unit[64];
    char qual[64];
} qrow;

static void row_of(const char *in, const gwr_quantity *q, qrow *r)
{
    gwr_sanitize(in + q->off, q->len, r->text, sizeof r->text);
    r->value[0] = r->hi[0] = '\0';
    if (!(q->flags & GWR_QF_OVERFLOW)) {
        gwr_dec_format(q->value, r->value, sizeof r->value);
        if (q->qual == GWR_Q_RANGE || (q->flags & GWR_QF_RATIO))
            gwr_dec_format(q->hi, r->hi, sizeof r->hi);
    }
    gwr_sanitize(q->unit, strlen(q->unit), r->unit, sizeof r->unit);
    snprintf(r->qual, sizeof r->qual, "%s%s%s%s%s%s%s", gwr_qual_name(q->qual),
             q->flags & GWR_QF_VAGUE ? "+vague" : "",
             q->flags & GWR_QF_RANK ? "+rank" : "",
             q->flags & GWR_QF_RATIO ? "+ratio" : "",
             q->flags & GWR_QF_OVERFLOW ? "+overflow" : "",
             q->flags & GWR_QF_FRACTION ? "+fraction" : "",
             q->flags & GWR_QF_ROUNDED ? "+rounded" : "");
}

static void json_num(FILE *f, const char *v)
{
    if (*v) fputs(v, f);
    else fputs("null", f);
}

#define TEXT_CELLS 40    /* the text column of the table is clipped to this */
#define TITLE_CELLS 76   /* and the phrase above it to this */

/* Clips a sanitised string in place to `cells`, marking a cut with "...". */
static void clip_text(char *t, int cells)
{
    int used;
    size_t n = gwr_clip(t, strlen(t), cells, &used);
    if (n < strlen(t)) {
        n = gwr_clip(t, strlen(t), cells - 3, &used);
        strcpy(t + n, "...");
    }
}

static void pad(FILE *f, const char *s, int width)
{
    fputs(s, f);
    for (int w = gwr_width(s, strlen(s)); w < width; w++) fputc(' ', f);
}

static void text_table(FILE *f, const char *text, bool first)
{
    enum { NCOL = 5 };
    static const char *const head[NCOL] = { "TEXT", "VALUE", "HI", "UNIT", "QUAL" };
    int w[NCOL];
    for (int c = 0; c < NCOL; c++) w[c] = (int)strlen(head[c]);
    size_t len = strlen(text), pos = 0;
    gwr_quantity q;
    qrow r;
    int n = 0;
    while (gwr_quantity_next(text, len, &pos, &q)) {
        row_of(text, &q, &r);
        if (q.flags & GWR_QF_OVERFLOW) strcpy(r.value, "(overflow)");
        clip_text(r.text, TEXT_CELLS);
        const char *cell[NCOL] = { r.text, r.value, r.hi, r.unit, r.qual };
        for (int c = 0; c < NCOL; c++) {
            int cw = gwr_width(cell[c], strlen(cell[c]));
            if (cw > w[c]) w[c] = cw;
        }
        n++;
    }
    char title[512];
    gwr_sanitize(text, len, title, sizeof title);
    clip_text(title, TITLE_CELLS);
    if (!first) fputc('\n', f);
    fprintf(f, "%s\n", title);
    if (n == 0) {
        fputs("  (no quantity)\n", f);
        return;
    }
    fputs("  ", f);
    for (int c = 0; c < NCOL; c++) {
        if (c + 1 < NCOL) { pad(f, head[c], w[c]); fputs("  ", f); }
        else fputs(head[c], f);
    }
    fputc('\n', f);
    pos = 0;
    while (gwr_quantity_next(text, len, &pos, &q)) {
        row_of(text, &q, &r);
        if (q.flags & GWR_QF_OVERFLOW) strcpy(r.value, "(overflow)");
        clip_text(r.text, TEXT_CELLS);
        const char *cell[NCOL] = { r.text, r.value, r.hi, r.unit, r.qual };
        fputs("  ", f);
        for (int c = 0; c < NCOL; c++) {
            if (c + 1 < NCOL) { pad(f, cell[c], w[c]); fputs("  ", f); }
            else fputs(cell[c], f);
        }
        fputc('\n', f);
    }
}

void gwr_export_quantities(FILE *f, gwr_format fmt, const char *text, bool first, bool last)
{
    size_t len = strlen(text), pos = 0;
    gwr_quantity q;
    qrow r;
    if (fmt == GWR_FMT_TEXT) {
        text_table(f, text, first);
        return;
    }
    if (fmt == GWR_FMT_TSV) {
        if (first) fputs("text\tvalue\tvalue_hi\tunit\tqual\n", f);
        while (gwr_quantity_next(text, len, &pos, &q)) {
            row_of(text, &q, &r);
            gwr_tsv_field(f, r.text);
            fputc('\t', f);
            fputs(r.value, f);
            fputc('\t', f);
            fputs(r.hi, f);
            fputc('\t', f);
            gwr_tsv_field(f, r.unit);
            fputc('\t', f);
            fputs(r.qual, f);
            fputc('\n', f);
        }
        return;
    }
    /* JSON: one object per input phrase, all in one array. */
    fputs(first ? "[\n" : ",\n", f);
    fputs("  {\"input\": ", f);
    gwr_json_string(f, text);
    fputs(", \"quantities\": [", f);
    int n = 0;
    while (gwr_quantity_next(text, len, &pos, &q)) {
        row_of(text, &q, &r);
        fputs(n++ ? ",\n    {" : "\n    {", f);
        fputs("\"text\": ", f);
        gwr_json_string(f, r.text);
        fputs(", \"value\": ", f);
        json_num(f, r.value);
        fputs(", \"value_hi\": ", f);
        json_num(f, r.hi);
        fputs(", \"unit\": ", f);
        gwr_json_string(f, r.unit);
        fputs(", \"qual\": ", f);
        gwr_json_string(f, gwr_qual_name(q.qual));
        fputs(", \"flags\": [", f);
        static const struct { unsigned bit; const char *name; } fl[] = {
            { GWR_QF_VAGUE, "vague" }, { GWR_QF_RANK, "rank" }, { GWR_QF_OVERFLOW, "overflow" },
            { GWR_QF_RATIO, "ratio" }, { GWR_QF_CHINESE, "chinese" },
            { GWR_QF_FRACTION, "fraction" }, { GWR_QF_ROUNDED, "rounded" },
        };
        int nf = 0;
        for (size_t i = 0; i < sizeof fl / sizeof fl[0]; i++)
            if (q.flags & fl[i].bit) fprintf(f, "%s\"%s\"", nf++ ? ", " : "", fl[i].name);
        fputs("]}", f);
    }
    fputs(n ? "\n  ]}" : "]}", f);
    if (last) fputs("\n]\n", f);
}
