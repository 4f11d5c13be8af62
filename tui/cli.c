/* cli.c — outline, targets, compare and quantity for scripts. */
#include "cli.h"
#include "corpus.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* A command that reads many reports once and exits: each report's memory is
 * freed and the next one needs as much again, so keep it in the process
 * instead of giving it back to the system after every report and faulting
 * it in again (about two thirds of the page faults, half the system time).
 * stdout keeps its default buffer: the exporters write whole reports from
 * their own row buffer, which then goes to write() without a second copy. */
static void batch_setup(void)
{
#ifdef __GLIBC__
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}

/* Loads every argument; names each failure on stderr. Returns 1 if any failed. */
static int load_all(gwr_corpus *c, const gwr_opts *o)
{
    gwr_err err = { 0 };
    gwr_corpus_opts co = { .drop_text = false };
    batch_setup();
    if (gwr_corpus_load(c, o->args, (size_t)o->nargs, &co, &err) != GWR_OK) {
        fprintf(stderr, "gwr: %s\n", err.msg);
        return 1;
    }
    for (size_t i = 0; i < c->nerrs; i++) fprintf(stderr, "gwr: %s\n", c->errs[i].err.msg);
    return c->nerrs ? 1 : 0;
}

int gwr_cmd_outline(const gwr_opts *o)
{
    if (o->grep) return gwr_cmd_outline_grep(o);
    gwr_corpus c;
    int rc = load_all(&c, o);
    for (size_t i = 0; i < c.ndocs; i++)
        gwr_export_outline(stdout, o->format, c.docs[i], o->all, i == 0, i + 1 == c.ndocs);
    if (c.ndocs == 0 && o->format == GWR_FMT_JSON) fputs("[]\n", stdout);
    gwr_corpus_free(&c);
    return rc;
}

/* targets streams: each report is written as soon as it is loaded (in input
 * order) and freed, one report behind so that the last one is known — a
 * national corpus never has to fit in memory at once. Rendering a report on
 * its loading thread into memory first (the prepare hook) was measured and
 * left out: on two busy cores it saves no wall time and the extra copy costs
 * about a tenth of the instructions. */
typedef struct targets_stream {
    const gwr_opts *o;
    gwr_fig_filter flt;
    gwr_doc *held;
    bool first;
} targets_stream;

static void targets_put(targets_stream *s, bool last)
{
    if (!s->held) return;
    gwr_export_targets(stdout, s->o->format, s->held, &s->flt, s->first, last);
    s->first = false;
    gwr_doc_free(s->held);
    free(s->held);
    s->held = NULL;
}

static void targets_on_doc(void *ctx, size_t index, gwr_doc *d)
{
    targets_stream *s = ctx;
    (void)index;
    targets_put(s, false);
    s->held = d;
}

int gwr_cmd_targets(const gwr_opts *o)
{
    if (o->grep) return gwr_cmd_targets_grep(o);
    gwr_corpus c;
    gwr_err err = { 0 };
    targets_stream s = { .o = o, .flt = { .status = o->status, .key = o->key }, .first = true };
    batch_setup();
    gwr_corpus_opts co = { .on_doc = targets_on_doc, .ctx = &s, .hand_over = true };
    if (gwr_corpus_load(&c, o->args, (size_t)o->nargs, &co, &err) != GWR_OK) {
        fprintf(stderr, "gwr: %s\n", err.msg);
        return 1;
    }
    targets_put(&s, true);
    if (c.ndocs == 0 && o->format == GWR_FMT_JSON) fputs("[]\n", stdout);
    for (size_t i = 0; i < c.nerrs; i++) fprintf(stderr, "gwr: %s\n", c.errs[i].err.msg);
    int rc = c.nerrs ? 1 : 0;
    gwr_corpus_free(&c);
    return rc;
}

int gwr_cmd_compare(const gwr_opts *o)
{
    gwr_corpus c;
    int rc = load_all(&c, o);
    gwr_cmp cmp = { 0 };
    gwr_err err = { 0 };
    if (gwr_compare_build(&cmp, c.docs, c.ndocs, &err) != GWR_OK) {
        fprintf(stderr, "gwr: %s\n", err.msg);
        rc = 1;
    } else {
        gwr_export_compare(stdout, o->format, &cmp);
    }
    gwr_compare_free(&cmp);
    gwr_corpus_free(&c);
    return rc;
}

int gwr_cmd_quantity(const gwr_opts *o)
{
    for (int i = 0; i < o->nargs; i++)
        gwr_export_quantities(stdout, o->format, o->args[i], i == 0, i + 1 == o->nargs);
    return 0;
}

/* timeline and rank: the comparison regrouped (core/series.h) */
static int series_load(gwr_corpus *c, gwr_cmp *cmp, gwr_timeline *t, const gwr_opts *o)
{
    gwr_err err = { 0 };
    int rc = load_all(c, o);
    memset(cmp, 0, sizeof *cmp);
    memset(t, 0, sizeof *t);
    if (gwr_compare_build(cmp, c->docs, c->ndocs, &err) != GWR_OK ||
        gwr_timeline_build(t, cmp, c->docs, c->ndocs, o->key, &err) != GWR_OK) {
        fprintf(stderr, "gwr: %s\n", err.msg);
        return -1;
    }
    return rc;
}

int gwr_cmd_timeline(const gwr_opts *o)
{
    gwr_corpus c;
    gwr_cmp cmp;
    gwr_timeline t;
    int rc = series_load(&c, &cmp, &t, o);
    if (rc >= 0) gwr_export_timeline(stdout, o->format, &t);
    gwr_timeline_free(&t);
    gwr_compare_free(&cmp);
    gwr_corpus_free(&c);
    return rc < 0 ? 1 : rc;
}

int gwr_cmd_rank(const gwr_opts *o)
{
    if (!o->key || !*o->key) {
        fprintf(stderr, "gwr: rank needs --key K (an indicator key such as gdp; see gwr(1))\n");
        return 2;
    }
    gwr_corpus c;
    gwr_cmp cmp;
    gwr_timeline t;
    gwr_rank r = { 0 };
    gwr_err err = { 0 };
    int rc = series_load(&c, &cmp, &t, o);
    gwr_fig_status by = o->status == GWR_ST_ACHIEVED ? GWR_ST_ACHIEVED : GWR_ST_PLANNED;
    if (rc >= 0 && c.ndocs) {
        if (gwr_rank_build(&r, &t, o->key, -1, NULL, o->year, by, false, &err) != GWR_OK) {
            fprintf(stderr, "gwr: %s\n", err.msg);
            rc = 1;
        } else {
            gwr_export_rank(stdout, o->format, &r);
        }
    }
    gwr_rank_free(&r);
    gwr_timeline_free(&t);
    gwr_compare_free(&cmp);
    gwr_corpus_free(&c);
    return rc < 0 ? 1 : rc;
}

/* check streams like targets: each report is checked, written and freed as it
 * arrives; the summary comes last. */
typedef struct check_stream {
    const gwr_opts *o;
    gwr_check_summary sum;
} check_stream;

/* the check itself runs on the loading threads; only writing is in order */
static void *check_prepare(void *ctx, const gwr_doc *d)
{
    (void)ctx;
    gwr_check *c = malloc(sizeof *c);
    if (c) gwr_check_doc(d, c);
    return c;
}

static void check_on_doc(void *ctx, size_t index, gwr_doc *d, void *prep)
{
    check_stream *s = ctx;
    gwr_check own, *c = prep;
    if (!c) gwr_check_doc(d, c = &own);
    gwr_export_check(stdout, s->o->format, d, c, s->sum.reports == 0);
    gwr_check_summary_add(&s->sum, c);
    (void)index;
    free(prep);
    gwr_doc_free(d);
    free(d);
}

int gwr_cmd_check(const gwr_opts *o)
{
    gwr_corpus c;
    gwr_err err = { 0 };
    check_stream s = { .o = o };
    batch_setup();
    gwr_corpus_opts co = { .prepare = check_prepare, .on_prepared = check_on_doc, .ctx = &s,
                           .hand_over = true };
    if (gwr_corpus_load(&c, o->args, (size_t)o->nargs, &co, &err) != GWR_OK) {
        fprintf(stderr, "gwr: %s\n", err.msg);
        return 1;
    }
    s.sum.unreadable = c.nerrs;
    fflush(stdout);
    for (size_t i = 0; i < c.nerrs; i++) fprintf(stderr, "gwr: %s\n", c.errs[i].err.msg);
    gwr_export_check_end(stdout, o->format, &s.sum);
    int rc = c.nerrs ? 1 : 0;
    gwr_corpus_free(&c);
    return rc;
}
