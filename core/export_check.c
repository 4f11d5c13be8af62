/* export_check.c — `gwr check` writers. TSV: one row per report (file,
 * entity, entity_from, report_year, review_year, years_from, review_parts,
 * plan_parts, targets_paragraphs, achieved, planned, headline_achieved,
 * headline_planned, doubts). Text: a block of lines per report, then a corpus
 * summary. JSON: {"reports": [...], "summary": {...}}. Reports are written as
 * they come (streaming); the summary at the end. */
#include "export.h"
#include <string.h>

static void tsv_num(FILE *f, size_t v) { fprintf(f, "%zu\t", v); }

static void tsv_row(FILE *f, const gwr_doc *d, const gwr_check *c)
{
    char l[256];
    gwr_tsv_field(f, d->path); fputc('\t', f);
    gwr_tsv_field(f, d->entity); fputc('\t', f);
    fprintf(f, "%s\t", gwr_from_name(d->entity_from));
    if (c->report_year) fprintf(f, "%d", c->report_year);
    fputc('\t', f);
    if (c->review_year) fprintf(f, "%d", c->review_year);
    fputc('\t', f);
    fprintf(f, "%s\t", gwr_from_name(d->years_from));
    tsv_num(f, c->review_parts);
    tsv_num(f, c->plan_parts);
    tsv_num(f, c->targets_paragraphs);
    tsv_num(f, c->achieved);
    tsv_num(f, c->planned);
    tsv_num(f, c->headline_achieved);
    tsv_num(f, c->headline_planned);
    fputs(gwr_check_doubt_list(c, l, sizeof l), f);
    fputc('\n', f);
}

static void json_from(FILE *f, gwr_from v)
{
    if (v == GWR_FROM_NONE) fputs("null", f);
    else gwr_json_string(f, gwr_from_name(v));
}

static void json_row(FILE *f, const gwr_doc *d, const gwr_check *c)
{
    fputs("  {\"file\": ", f);
    gwr_json_string(f, d->path);
    fputs(", \"entity\": ", f);
    gwr_json_string(f, d->entity ? d->entity : "");
    fputs(", \"entity_from\": ", f);
    json_from(f, d->entity_from);
    fputs(", \"report_year\": ", f);
    if (c->report_year) fprintf(f, "%d", c->report_year); else fputs("null", f);
    fputs(", \"review_year\": ", f);
    if (c->review_year) fprintf(f, "%d", c->review_year); else fputs("null", f);
    fputs(", \"years_from\": ", f);
    json_from(f, d->years_from);
    fprintf(f, ", \"review_parts\": %zu, \"plan_parts\": %zu, \"targets_paragraphs\": %zu, \"achieved\": %zu, "
               "\"planned\": %zu, \"headline_achieved\": %zu, \"headline_planned\": %zu, \"unnamed\": %zu, ",
            c->review_parts, c->plan_parts, c->targets_paragraphs, c->achieved, c->planned, c->headline_achieved,
            c->headline_planned, c->unnamed);
    /* only when they say something (text reports keep their form) */
    if (d->repaired) fprintf(f, "\"repaired\": %zu, ", d->repaired);
    if (d->format && d->format[0]) {
        fputs("\"format\": ", f);
        gwr_json_string(f, d->format);
        fputs(", ", f);
    }
    fputs("\"doubts\": [", f);
    bool first = true;
    for (int k = 0; k < GWR_DOUBT__COUNT; k++) {
        if (!(c->doubts & (1u << k))) continue;
        if (!first) fputs(", ", f);
        gwr_json_string(f, gwr_doubt_name((gwr_doubt)k));
        first = false;
    }
    fputs("]}", f);
}

void gwr_export_check(FILE *f, gwr_format fmt, const gwr_doc *d, const gwr_check *c, bool first)
{
    char line[512];
    switch (fmt) {
    case GWR_FMT_TSV:
        if (first)
            fputs("file\tentity\tentity_from\treport_year\treview_year\tyears_from\treview_parts\tplan_parts\t"
                  "targets_paragraphs\tachieved\tplanned\theadline_achieved\theadline_planned\tdoubts\n", f);
        tsv_row(f, d, c);
        break;
    case GWR_FMT_JSON:
        fputs(first ? "{\"reports\": [\n" : ",\n", f);
        json_row(f, d, c);
        break;
    default:
        gwr_text_field(f, d->path);
        fputc('\n', f);
        for (int i = 0; gwr_check_line(d, c, i, line, sizeof line); i++) {
            fputs("  ", f);
            gwr_text_field(f, line);
            fputc('\n', f);
        }
        if (d->format && d->format[0]) fprintf(f, "  text      extracted from %s\n", d->format);
        if (d->repaired)
            fprintf(f, "  encoding  %zu GB18030 character%s inside UTF-8 text decoded as GB18030\n", d->repaired,
                    d->repaired == 1 ? "" : "s");
        fputc('\n', f);
        break;
    }
}

void gwr_export_check_end(FILE *f, gwr_format fmt, const gwr_check_summary *s)
{
    switch (fmt) {
    case GWR_FMT_TSV:
        if (s->reports == 0)
            fputs("file\tentity\tentity_from\treport_year\treview_year\tyears_from\treview_parts\tplan_parts\t"
                  "targets_paragraphs\tachieved\tplanned\theadline_achieved\theadline_planned\tdoubts\n", f);
        break;
    case GWR_FMT_JSON:
        fputs(s->reports ? "\n],\n" : "{\"reports\": [],\n", f);
        fprintf(f, " \"summary\": {\"reports\": %zu, \"unreadable\": %zu, \"with_doubts\": %zu, \"unnamed_figures\": %zu, \"doubts\": {",
                s->reports, s->unreadable, s->with_doubts, s->unnamed);
        for (int k = 0; k < GWR_DOUBT__COUNT; k++)
            fprintf(f, "%s\"%s\": %zu", k ? ", " : "", gwr_doubt_name((gwr_doubt)k), s->doubt[k]);
        fputs("}}}\n", f);
        break;
    default:
        fprintf(f, "summary: %zu report%s read, %zu not read; %zu with doubts; %zu figure%s without a name\n",
                s->reports, s->reports == 1 ? "" : "s", s->unreadable, s->with_doubts, s->unnamed,
                s->unnamed == 1 ? "" : "s");
        for (int k = 0; k < GWR_DOUBT__COUNT; k++)
            fprintf(f, "  %-21s %5zu  %s\n", gwr_doubt_name((gwr_doubt)k), s->doubt[k], gwr_doubt_help((gwr_doubt)k));
        break;
    }
}
