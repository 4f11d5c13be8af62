/* export_series.c — the timeline and rank writers: text (tables aligned in
 * display cells), TSV (columns as in the man page) and JSON (the same
 * fields, plus the values as written). */
#include "export.h"
#include "uwidth.h"
#include <string.h>

static void cell(FILE *f, const char *s, int cells, bool right)
{
    char buf[512];
    size_t n = gwr_sanitize(s ? s : "", s ? strlen(s) : 0, buf, sizeof buf);
    int used = gwr_width(buf, n);
    if (used > cells) {
        n = gwr_clip(buf, n, cells - 1, &used);
        buf[n] = '\0';
        fputs(buf, f);
        fputs("~", f);
        used++;
    } else {
        if (right) fprintf(f, "%*s", cells - used, "");
        fputs(buf, f);
    }
    if (!right && used < cells) fprintf(f, "%*s", cells - used, "");
    fputc(' ', f);
}

static bool known(const gwr_figure *g) { return g && !(gwr_fig_flags(g) & GWR_QF_OVERFLOW); }
static bool has_hi(const gwr_figure *g) { return gwr_fig_qual(g) == GWR_Q_RANGE || (gwr_fig_flags(g) & GWR_QF_RATIO); }

static void tsv_side(FILE *f, const gwr_figure *g)
{
    if (known(g)) gwr_fmt_dec(f, gwr_fig_value(g));
    fputc('\t', f);
    if (known(g) && has_hi(g)) gwr_fmt_dec(f, gwr_fig_hi(g));
    fputc('\t', f);
    if (g) fputs(gwr_qual_name(gwr_fig_qual(g)), f);
}

static void tsv_source(FILE *f, const gwr_doc *d, const gwr_figure *g)
{
    if (d && g) gwr_tsv_field(f, d->path);
    fputc('\t', f);
    if (d && g) fprintf(f, "%u", g->line);
}

static void json_key(FILE *f, const char *k, bool comma)
{
    if (comma) fputc(',', f);
    gwr_json_string(f, k);
    fputc(':', f);
}

static void json_side(FILE *f, const char *name, const gwr_figure *g, const gwr_doc *d)
{
    char k[40];
    snprintf(k, sizeof k, "%s", name);
    json_key(f, k, true);
    if (known(g)) gwr_fmt_dec(f, gwr_fig_value(g));
    else fputs("null", f);
    snprintf(k, sizeof k, "%s_hi", name);
    json_key(f, k, true);
    if (known(g) && has_hi(g)) gwr_fmt_dec(f, gwr_fig_hi(g));
    else fputs("null", f);
    snprintf(k, sizeof k, "%s_qual", name);
    json_key(f, k, true);
    if (g) gwr_json_string(f, gwr_qual_name(gwr_fig_qual(g)));
    else fputs("null", f);
    snprintf(k, sizeof k, "%s_text", name);
    json_key(f, k, true);
    if (g) gwr_json_string(f, g->written);
    else fputs("null", f);
    snprintf(k, sizeof k, "%s_file", name);
    json_key(f, k, true);
    if (g && d) gwr_json_string(f, d->path);
    else fputs("null", f);
    snprintf(k, sizeof k, "%s_line", name);
    json_key(f, k, true);
    if (g && d) fprintf(f, "%u", g->line);
    else fputs("null", f);
}

static void json_str_or_null(FILE *f, const char *s)
{
    if (s && *s) gwr_json_string(f, s);
    else fputs("null", f);
}

/* ---- timeline ------------------------------------------------------------- */

static void timeline_text(FILE *f, const gwr_timeline *t)
{
    char yr[16];
    for (size_t e = 0; e < t->nents; e++) {
        const gwr_series *s = &t->ents[e];
        if (e) fputc('\n', f);
        gwr_text_field(f, s->entity);
        fprintf(f, "  %d–%d: the target of year Y (report Y) against the result of year Y (report Y+1)\n",
                s->year_lo, s->year_hi);
        cell(f, "indicator", 22, false); cell(f, "kind", 8, false); cell(f, "unit", 8, false);
        cell(f, "year", 4, false); cell(f, "target", 16, false); cell(f, "result", 16, false);
        fputs("verdict\n", f);
        for (size_t k = s->first; k < s->first + s->n; k++) {
            const gwr_series_row *w = &t->rows[k];
            for (size_t i = w->first; i < w->first + w->n; i++) {
                const gwr_series_cell *c = &t->cells[i];
                snprintf(yr, sizeof yr, "%d", c->year);
                cell(f, i == w->first ? w->label : "", 22, false);
                cell(f, i == w->first ? gwr_fig_kind_name(w->kind) : "", 8, false);
                cell(f, i == w->first ? w->unit : "", 8, false);
                cell(f, yr, 4, false);
                cell(f, c->planned ? c->planned->written : "", 16, false);
                cell(f, c->achieved ? c->achieved->written : "", 16, false);
                fputs(gwr_verdict_name(c->verdict), f);
                fputc('\n', f);
            }
        }
        fputs("targets met:", f);
        bool any = false;
        for (int y = s->year_lo; y <= s->year_hi; y++) {
            int met, judged;
            gwr_series_tally(t, s, y, &met, &judged);
            if (!judged) continue;
            fprintf(f, "%s %d %d of %d", any ? "," : "", y, met, judged);
            any = true;
        }
        fputs(any ? "\n" : " (no target with a result)\n", f);
    }
    if (!t->nents) fputs("(no indicator with a planned or achieved figure)\n", f);
}

static void timeline_tsv(FILE *f, const gwr_timeline *t)
{
    fputs("entity\tkey\tlabel\tkind\tunit\tyear\tplanned\tplanned_hi\tplanned_qual\tachieved\tachieved_hi\t"
          "achieved_qual\tverdict\tplanned_file\tplanned_line\tachieved_file\tachieved_line\n", f);
    for (size_t e = 0; e < t->nents; e++) {
        const gwr_series *s = &t->ents[e];
        for (size_t k = s->first; k < s->first + s->n; k++) {
            const gwr_series_row *w = &t->rows[k];
            for (size_t i = w->first; i < w->first + w->n; i++) {
                const gwr_series_cell *c = &t->cells[i];
                gwr_tsv_field(f, s->entity); fputc('\t', f);
                gwr_tsv_field(f, w->key); fputc('\t', f);
                gwr_tsv_field(f, w->label); fputc('\t', f);
                fputs(gwr_fig_kind_name(w->kind), f); fputc('\t', f);
                gwr_tsv_field(f, w->unit); fputc('\t', f);
                fprintf(f, "%d\t", c->year);
                tsv_side(f, c->planned); fputc('\t', f);
                tsv_side(f, c->achieved); fputc('\t', f);
                fputs(gwr_verdict_name(c->verdict), f); fputc('\t', f);
                tsv_source(f, c->pdoc, c->planned); fputc('\t', f);
                tsv_source(f, c->adoc, c->achieved);
                fputc('\n', f);
            }
        }
    }
}

static void timeline_json(FILE *f, const gwr_timeline *t)
{
    bool any = false;
    fputs("[", f);
    for (size_t e = 0; e < t->nents; e++) {
        const gwr_series *s = &t->ents[e];
        for (size_t k = s->first; k < s->first + s->n; k++) {
            const gwr_series_row *w = &t->rows[k];
            for (size_t i = w->first; i < w->first + w->n; i++) {
                const gwr_series_cell *c = &t->cells[i];
                fputs(any ? ",\n{" : "\n{", f);
                any = true;
                json_key(f, "entity", false); gwr_json_string(f, s->entity);
                json_key(f, "key", true); json_str_or_null(f, w->key);
                json_key(f, "label", true); gwr_json_string(f, w->label);
                json_key(f, "kind", true); gwr_json_string(f, gwr_fig_kind_name(w->kind));
                json_key(f, "unit", true); gwr_json_string(f, w->unit);
                json_key(f, "year", true); fprintf(f, "%d", c->year);
                json_side(f, "planned", c->planned, c->pdoc);
                json_side(f, "achieved", c->achieved, c->adoc);
                json_key(f, "verdict", true); json_str_or_null(f, gwr_verdict_name(c->verdict));
                fputc('}', f);
            }
        }
    }
    fputs(any ? "\n]\n" : "]\n", f);
}

void gwr_export_timeline(FILE *f, gwr_format fmt, const gwr_timeline *t)
{
    switch (fmt) {
    case GWR_FMT_TSV: timeline_tsv(f, t); break;
    case GWR_FMT_JSON: timeline_json(f, t); break;
    default: timeline_text(f, t); break;
    }
}

/* ---- rank ------------------------------------------------------------------ */

/* A bar of `cells` cells for max: solid up to the value (the low end of a
 * range), shaded from there to the high end. */
static void text_bar(FILE *f, const gwr_figure *g, double max, int cells)
{
    static const char *const eighth[8] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
    int used = 0;
    if (g && max > 0 && known(g)) {
        double lo = gwr_dec_to_double(gwr_fig_value(g)), hi = gwr_fig_qual(g) == GWR_Q_RANGE ? gwr_dec_to_double(gwr_fig_hi(g)) : lo;
        if (lo < 0) lo = 0;
        if (hi < lo) hi = lo;
        int e = (int)(lo / max * cells * 8 + 0.5);
        int full = e / 8, he = (int)(hi / max * cells + 0.5);
        for (int i = 0; i < full && used < cells; i++, used++) fputs("█", f);
        if (e % 8 && used < cells) fputs(eighth[e % 8], f), used++;
        for (; used < he && used < cells; used++) fputs("░", f);
    }
    fprintf(f, "%*s", cells - used + 1, "");
}

static void rank_text(FILE *f, const gwr_rank *r)
{
    char place[16], yr[16], line[32];
    double max = 0;
    for (size_t i = 0; i < r->nrows; i++) {
        const gwr_figure *g = r->rows[i].fig;
        if (!known(g)) continue;
        double v = gwr_dec_to_double(gwr_fig_qual(g) == GWR_Q_RANGE ? gwr_fig_hi(g) : gwr_fig_value(g));
        if (v > max) max = v;
    }
    gwr_text_field(f, r->label);
    fprintf(f, " (%s) %s, %s: %s of %d, %s first\n", r->key, gwr_fig_kind_name(r->kind), r->unit[0] ? r->unit : "no unit",
            r->by == GWR_ST_PLANNED ? "targets" : "results", r->year, r->ascending ? "lowest" : "highest");
    cell(f, "#", 3, true); cell(f, "entity", 12, false); cell(f, r->by == GWR_ST_PLANNED ? "target" : "result", 16, false);
    cell(f, "qual", 7, false); cell(f, "year", 4, false); cell(f, "", 24, false);
    fputs("report\n", f);
    for (size_t i = 0; i < r->nrows; i++) {
        const gwr_rank_row *w = &r->rows[i];
        snprintf(place, sizeof place, "%d", w->place);
        snprintf(yr, sizeof yr, "%d", r->year);
        cell(f, w->place ? place : "-", 3, true);
        cell(f, w->entity, 12, false);
        cell(f, w->fig ? w->fig->written : "(none)", 16, false);
        cell(f, w->fig && gwr_fig_qual(w->fig) != GWR_Q_EXACT ? gwr_qual_name(gwr_fig_qual(w->fig)) : "", 7, false);
        cell(f, yr, 4, false);
        text_bar(f, w->fig, max, 24);
        if (w->fig && w->doc) {
            gwr_text_field(f, w->doc->path);
            snprintf(line, sizeof line, ":%u", w->fig->line);
            fputs(line, f);
        }
        fputc('\n', f);
    }
}

static void rank_tsv(FILE *f, const gwr_rank *r)
{
    fputs("place\tentity\tkey\tlabel\tkind\tunit\tyear\tstatus\tvalue\tvalue_hi\tqual\ttext\tverdict\tfile\tline\n", f);
    for (size_t i = 0; i < r->nrows; i++) {
        const gwr_rank_row *w = &r->rows[i];
        if (w->place) fprintf(f, "%d", w->place);
        fputc('\t', f);
        gwr_tsv_field(f, w->entity); fputc('\t', f);
        gwr_tsv_field(f, r->key); fputc('\t', f);
        gwr_tsv_field(f, r->label); fputc('\t', f);
        fputs(gwr_fig_kind_name(r->kind), f); fputc('\t', f);
        gwr_tsv_field(f, r->unit); fputc('\t', f);
        fprintf(f, "%d\t", r->year);
        fputs(gwr_fig_status_name(r->by), f); fputc('\t', f);
        tsv_side(f, w->fig); fputc('\t', f);
        if (w->fig) gwr_tsv_field(f, w->fig->written);
        fputc('\t', f);
        fputs(gwr_verdict_name(w->cell->verdict), f); fputc('\t', f);
        tsv_source(f, w->doc, w->fig);
        fputc('\n', f);
    }
}

static void rank_json(FILE *f, const gwr_rank *r)
{
    fputs("[", f);
    for (size_t i = 0; i < r->nrows; i++) {
        const gwr_rank_row *w = &r->rows[i];
        fputs(i ? ",\n{" : "\n{", f);
        json_key(f, "place", false);
        if (w->place) fprintf(f, "%d", w->place);
        else fputs("null", f);
        json_key(f, "entity", true); gwr_json_string(f, w->entity);
        json_key(f, "key", true); gwr_json_string(f, r->key);
        json_key(f, "label", true); json_str_or_null(f, r->label);
        json_key(f, "kind", true); gwr_json_string(f, gwr_fig_kind_name(r->kind));
        json_key(f, "unit", true); gwr_json_string(f, r->unit);
        json_key(f, "year", true); fprintf(f, "%d", r->year);
        json_key(f, "status", true); gwr_json_string(f, gwr_fig_status_name(r->by));
        json_side(f, "planned", w->cell->planned, w->cell->pdoc);
        json_side(f, "achieved", w->cell->achieved, w->cell->adoc);
        json_key(f, "verdict", true); json_str_or_null(f, gwr_verdict_name(w->cell->verdict));
        fputc('}', f);
    }
    fputs(r->nrows ? "\n]\n" : "]\n", f);
}

void gwr_export_rank(FILE *f, gwr_format fmt, const gwr_rank *r)
{
    switch (fmt) {
    case GWR_FMT_TSV: rank_tsv(f, r); break;
    case GWR_FMT_JSON: rank_json(f, r); break;
    default: rank_text(f, r); break;
    }
}
