/* export_outline.c — `gwr outline` writers: an indented tree (text), one row
 * per node in pre-order (TSV: file, depth, kind, role, line, title) and a
 * nested JSON tree per report with its entity and years. Paragraph and front
 * matter nodes are written only with --all. */
#include "export.h"

static bool shown(const gwr_node *n, bool all)
{
    if (n->kind == GWR_NODE_ROOT) return false;
    if (n->kind == GWR_NODE_PARA || n->kind == GWR_NODE_FRONT) return all;
    return true;
}

static void text_tree(FILE *f, const gwr_doc *d, bool all)
{
    gwr_text_field(f, d->path);
    gwr_check c;   /* a report whose parts review nothing reviews no year */
    gwr_check_doc(d, &c);
    fputs("  ", f);
    gwr_text_field(f, d->entity);
    fprintf(f, "  report %d", d->report_year);
    if (c.review_year) fprintf(f, ", reviews %d", c.review_year);
    if (d->has_text && d->text.invalid)
        fprintf(f, "  (%zu invalid byte sequence%s replaced by U+FFFD)", d->text.invalid, d->text.invalid == 1 ? "" : "s");
    if (d->repaired)
        fprintf(f, "  (%zu GB18030 character%s inside UTF-8 text decoded as GB18030)", d->repaired, d->repaired == 1 ? "" : "s");
    if (d->format && d->format[0]) fprintf(f, "  (text extracted from %s)", d->format);
    fputc('\n', f);
    for (size_t i = 1; i < d->nnodes; i++) {
        const gwr_node *n = &d->nodes[i];
        if (!shown(n, all)) continue;
        for (int k = 0; k < n->depth; k++) fputs("  ", f);
        const char *role = gwr_role_name(n->role);
        gwr_text_field(f, n->title);
        fprintf(f, "  [%s%s%s, line %u]\n", gwr_node_kind_name(n->kind), role[0] ? " " : "", role, n->line);
    }
}

static void tsv_rows(FILE *f, const gwr_doc *d, bool all)
{
    for (size_t i = 1; i < d->nnodes; i++) {
        const gwr_node *n = &d->nodes[i];
        if (!shown(n, all)) continue;
        gwr_tsv_field(f, d->path);
        fprintf(f, "\t%d\t%s\t%s\t%u\t", n->depth, gwr_node_kind_name(n->kind), gwr_role_name(n->role), n->line);
        gwr_tsv_field(f, n->title);
        fputc('\n', f);
    }
}

static void indent(FILE *f, int k)
{
    for (int i = 0; i < k; i++) fputs("  ", f);
}

/* Iterative pre-order walk: no recursion depth to worry about. */
static void json_children(FILE *f, const gwr_doc *d, int32_t first, bool all, int base)
{
    int32_t i = first;
    int level = 0;          /* nesting below base */
    bool first_at_level = true;
    while (i >= 0) {
        const gwr_node *n = &d->nodes[i];
        bool show = shown(n, all);
        if (show) {
            fputs(first_at_level ? "\n" : ",\n", f);
            indent(f, base + level);
            fputs("{\"kind\": ", f);
            gwr_json_string(f, gwr_node_kind_name(n->kind));
            fputs(", \"role\": ", f);
            gwr_json_string(f, gwr_role_name(n->role));
            fprintf(f, ", \"depth\": %d, \"line\": %u, \"title\": ", n->depth, n->line);
            gwr_json_string(f, n->title);
            fputs(", \"children\": [", f);
            first_at_level = true;
        }
        /* descend if this node is shown and has a shown child (hidden subtrees are skipped whole) */
        if (show && n->first_child >= 0) {
            i = n->first_child;
            level++;
            continue;
        }
        if (show) fputs("]}", f);
        if (show) first_at_level = false;
        /* next sibling, or climb */
        while (i >= 0 && d->nodes[i].next_sibling < 0) {
            int32_t p = d->nodes[i].parent;
            if (p <= 0 || level == 0) { i = -1; break; }
            level--;
            if (first_at_level) { /* the parent had no shown children */ }
            else { fputc('\n', f); indent(f, base + level); }
            fputs("]}", f);
            first_at_level = false;
            i = p;
        }
        if (i >= 0) i = d->nodes[i].next_sibling;
    }
    if (!first_at_level) { fputc('\n', f); indent(f, base - 1); }
}

static void json_doc(FILE *f, const gwr_doc *d, bool all)
{
    fputs("  {\"file\": ", f);
    gwr_json_string(f, d->path);
    fputs(", \"entity\": ", f);
    gwr_json_string(f, d->entity ? d->entity : "");
    fprintf(f, ", \"report_year\": %d, \"reviewed_year\": %d", d->report_year, d->reviewed_year);
    if (d->has_text && d->text.encoding) {
        fputs(", \"encoding\": ", f);
        gwr_json_string(f, d->text.encoding);
        fprintf(f, ", \"invalid\": %zu", d->text.invalid);
    }
    /* written only when they say something, so text reports keep their form */
    if (d->repaired) fprintf(f, ", \"repaired\": %zu", d->repaired);
    if (d->format && d->format[0]) {
        fputs(", \"format\": ", f);
        gwr_json_string(f, d->format);
    }
    fputs(", \"title\": ", f);
    if (d->title) gwr_json_string(f, d->title); else fputs("null", f);
    fputs(", \"meeting\": ", f);
    if (d->meeting) gwr_json_string(f, d->meeting); else fputs("null", f);
    fputs(", \"speaker\": ", f);
    if (d->speaker) gwr_json_string(f, d->speaker); else fputs("null", f);
    fputs(",\n   \"children\": [", f);
    if (d->nnodes > 0) json_children(f, d, d->nodes[0].first_child, all, 2);
    fputs("]}", f);
}

void gwr_export_outline(FILE *f, gwr_format fmt, const gwr_doc *d, bool all, bool first, bool last)
{
    switch (fmt) {
    case GWR_FMT_TSV:
        if (first) fputs("file\tdepth\tkind\trole\tline\ttitle\n", f);
        tsv_rows(f, d, all);
        break;
    case GWR_FMT_JSON:
        fputs(first ? "[\n" : ",\n", f);
        json_doc(f, d, all);
        if (last) fputs("\n]\n", f);
        break;
    default:
        if (!first) fputc('\n', f);
        text_tree(f, d, all);
        break;
    }
}
