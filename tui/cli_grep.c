/* cli_grep.c — `targets --grep Q` and `outline --grep Q`: the interface's
 * search for scripts. targets: the figures the targets filter shows first
 * for Q (those whose indicator name or key matches; when none does, those
 * matching by section, sentence or entity), written as `targets` writes
 * them, in text order. outline: every section whose title matches, with
 * the matched text and how it matched. */
#include "cli.h"
#include "corpus.h"
#include "findex.h"
#include "pinyin.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int load(gwr_corpus *c, const gwr_opts *o)
{
    gwr_err err = { 0 };
    gwr_corpus_opts co = { .drop_text = true };
    if (gwr_corpus_load(c, o->args, (size_t)o->nargs, &co, &err) != GWR_OK) {
        fprintf(stderr, "gwr: %s\n", err.msg);
        return -1;
    }
    for (size_t i = 0; i < c->nerrs; i++) fprintf(stderr, "gwr: %s\n", c->errs[i].err.msg);
    return c->nerrs ? 1 : 0;
}

int gwr_cmd_targets_grep(const gwr_opts *o)
{
    gwr_corpus c;
    int rc = load(&c, o);
    if (rc < 0) return 1;
    gwr_findex *x = gwr_findex_new();
    uint8_t **pick = calloc(c.ndocs ? c.ndocs : 1, sizeof *pick);
    if (!x || !pick) {
        fprintf(stderr, "gwr: out of memory\n");
        gwr_findex_free(x);
        free(pick);
        gwr_corpus_free(&c);
        return 1;
    }
    for (size_t i = 0; i < c.ndocs; i++) {
        gwr_findex_add_doc(x, c.docs[i], (uint32_t)i);
        pick[i] = calloc(c.docs[i]->nfigs ? c.docs[i]->nfigs : 1, 1);
    }
    gwr_findex_loaded(x);
    gwr_fx_answer a;
    gwr_findex_search(x, o->grep, o->status, &a);
    size_t n = a.nname ? a.nname : a.n;
    gwr_fig_ref *refs = malloc((n ? n : 1) * sizeof *refs);
    if (!refs) {
        fprintf(stderr, "gwr: out of memory\n");
        n = 0;
    } else {
        n = gwr_findex_rows(x, &a, 0, n, refs);
    }
    for (size_t i = 0; i < n; i++)
        if (pick[refs[i].doc]) pick[refs[i].doc][refs[i].fig] = 1;
    free(refs);
    bool first = true;
    size_t shown = 0;
    for (size_t i = 0; i < c.ndocs; i++) {
        gwr_fig_filter flt = { .status = o->status, .key = o->key, .pick_base = c.docs[i]->figs, .pick = pick[i] };
        bool any = false;
        for (size_t k = 0; pick[i] && k < c.docs[i]->nfigs; k++) any |= pick[i][k] != 0;
        if (!any && o->format != GWR_FMT_JSON) continue;
        if (!any) {
            if (i + 1 == c.ndocs && !first) gwr_export_targets(stdout, o->format, c.docs[i], &flt, false, true);
            continue;
        }
        gwr_export_targets(stdout, o->format, c.docs[i], &flt, first, i + 1 == c.ndocs);
        first = false;
        shown++;
    }
    if (o->format == GWR_FMT_JSON && first) fputs("[]\n", stdout);
    else if (o->format == GWR_FMT_JSON && !first) {
        /* the last document written closed the array unless it was the last one */
        bool closed = false;
        for (size_t i = c.ndocs; i-- > 0;) {
            bool any = false;
            for (size_t k = 0; pick[i] && k < c.docs[i]->nfigs; k++) any |= pick[i][k] != 0;
            closed = any || i + 1 == c.ndocs;
            break;
        }
        if (!closed) fputs("]\n", stdout);
    }
    (void)shown;
    for (size_t i = 0; i < c.ndocs; i++) free(pick[i]);
    free(pick);
    gwr_findex_free(x);
    gwr_corpus_free(&c);
    return rc;
}

static const char *class_name(gwr_pq_class k)
{
    switch (k) {
    case GWR_PQ_LITERAL:  return "text";
    case GWR_PQ_FULL:     return "pinyin";
    case GWR_PQ_MIXED:    return "mixed";
    case GWR_PQ_INITIALS: return "initials";
    default:              return "";
    }
}

int gwr_cmd_outline_grep(const gwr_opts *o)
{
    gwr_corpus c;
    int rc = load(&c, o);
    if (rc < 0) return 1;
    gwr_pq *q = gwr_pq_new(o->grep);
    if (!q) {
        gwr_corpus_free(&c);
        return 1;
    }
    bool first = true;
    if (o->format == GWR_FMT_TSV) fputs("file\tentity\tline\tdepth\tkind\ttitle\tmatch\thow\n", stdout);
    if (o->format == GWR_FMT_JSON) fputs("[", stdout);
    for (size_t i = 0; i < c.ndocs; i++) {
        const gwr_doc *d = c.docs[i];
        for (size_t k = 1; k < d->nnodes; k++) {
            const gwr_node *n = &d->nodes[k];
            if (!o->all && (n->kind == GWR_NODE_PARA || n->kind == GWR_NODE_FRONT)) continue;
            if (!n->title || !*n->title) continue;
            gwr_pq_match m;
            if (!gwr_pq_best(q, n->title, strlen(n->title), &m)) continue;
            char match[256];
            size_t ml = m.end - m.start < sizeof match - 1 ? m.end - m.start : sizeof match - 1;
            memcpy(match, n->title + m.start, ml);
            match[ml] = '\0';
            if (o->format == GWR_FMT_TSV) {
                gwr_tsv_field(stdout, d->path);
                fputc('\t', stdout);
                gwr_tsv_field(stdout, d->entity);
                printf("\t%u\t%d\t%s\t", n->line, n->depth, gwr_node_kind_name(n->kind));
                gwr_tsv_field(stdout, n->title);
                fputc('\t', stdout);
                gwr_tsv_field(stdout, match);
                printf("\t%s\n", class_name(m.cls));
            } else if (o->format == GWR_FMT_JSON) {
                fputs(first ? "\n  {\"file\": " : ",\n  {\"file\": ", stdout);
                gwr_json_string(stdout, d->path);
                fputs(", \"entity\": ", stdout);
                gwr_json_string(stdout, d->entity);
                printf(", \"line\": %u, \"depth\": %d, \"kind\": \"%s\", \"title\": ", n->line, n->depth, gwr_node_kind_name(n->kind));
                gwr_json_string(stdout, n->title);
                fputs(", \"match\": ", stdout);
                gwr_json_string(stdout, match);
                printf(", \"how\": \"%s\"}", class_name(m.cls));
            } else {
                printf("%s:%u: ", d->path, n->line);
                for (int j = 1; j < n->depth; j++) fputs("  ", stdout);
                printf("%s  [%s: %s]\n", n->title, class_name(m.cls), match);
            }
            first = false;
        }
    }
    if (o->format == GWR_FMT_JSON) fputs(first ? "]\n" : "\n]\n", stdout);
    gwr_pq_free(q);
    gwr_corpus_free(&c);
    return rc;
}
