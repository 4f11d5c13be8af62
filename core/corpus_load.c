/* corpus_load.c — loading many reports on several threads.
 *
 * Workers take the next path index, load and analyse that report, and park
 * the result in its slot. Whoever finishes a report also delivers, in input
 * order, every parked result from the delivery cursor on (one deliverer at a
 * time, outside the lock): the doc joins c->docs, on_doc and progress are
 * called. So the outcome — c->docs, c->errs, the order of callbacks — does
 * not depend on the number of threads or on timing. Workers run at most
 * WINDOW reports ahead of the cursor, which bounds the memory of parked docs.
 * Work that need not be in order (opts->prepare) runs on the loading thread,
 * before the result is parked, so that delivery stays short. */
#include "corpus_int.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { SLOT_PENDING = 0, SLOT_OK, SLOT_FAILED };
enum { MAX_THREADS = 64, WINDOW_PER_THREAD = 32 };

typedef struct slot {
    gwr_doc *doc;
    gwr_err *err;      /* allocated only on failure */
    void *prep;        /* what opts->prepare returned */
    int state;
} slot;

typedef struct loader {
    pthread_mutex_t mu;
    pthread_cond_t  cv;
    gwr_corpus *c;
    const gwr_corpus_opts *opts;
    char **paths;
    size_t n;
    slot  *slots;
    size_t next;        /* next path to take */
    size_t cursor;      /* next slot to deliver */
    size_t window;
    bool   delivering;
} loader;

/* A corpus keeps many documents: give back the spare room of the grown
 * arrays (they are only indexed, never pointed into, before on_doc). */
static void shrink(gwr_doc *d)
{
    if (d->nfigs) {
        gwr_figure *f = realloc(d->figs, d->nfigs * sizeof *f);
        if (f) d->figs = f;
    }
    if (d->nnodes) {
        gwr_node *nd = realloc(d->nodes, d->nnodes * sizeof *nd);
        if (nd) d->nodes = nd;
    }
}

static void load_one(loader *L, size_t i)
{
    slot *s = &L->slots[i];
    gwr_doc *d = malloc(sizeof *d);
    gwr_err e = { 0 };
    if (!d) {
        gwr_err_set(&e, GWR_E_NOMEM, "%s: out of memory", L->paths[i]);
    } else if (gwr_doc_load(d, L->paths[i], &e) == GWR_OK) {
        /* a corpus keeps many documents: each costs its content and little more */
        if (L->opts->drop_text) gwr_doc_drop_text(d);
        if (!L->opts->hand_over) {   /* a doc handed over is usually written once and freed */
            shrink(d);
            gwr_doc_compact(d);       /* on failure the doc simply keeps its arena */
        }
        if (L->opts->prepare) s->prep = L->opts->prepare(L->opts->ctx, d);
        s->doc = d;
        return;
    } else {
        free(d);
    }
    s->err = malloc(sizeof *s->err);
    if (s->err) *s->err = e;
}

/* Called without the lock, by the single current deliverer. */
static void deliver(loader *L, size_t i)
{
    slot *s = &L->slots[i];
    gwr_corpus *c = L->c;
    const gwr_corpus_opts *o = L->opts;
    if (s->doc) {
        size_t index = c->ndocs++;
        if (!o->hand_over) c->docs[index] = s->doc;
        if (o->prepare && o->on_prepared) o->on_prepared(o->ctx, index, s->doc, s->prep);
        else if (o->on_doc) o->on_doc(o->ctx, index, s->doc);
        s->doc = NULL;
        s->prep = NULL;
    } else {
        gwr_err oom;
        if (!s->err) gwr_err_set(&oom, GWR_E_NOMEM, "%s: out of memory", L->paths[i]);
        gwr_corpus_add_err(c, L->paths[i], s->err ? s->err : &oom);
        free(s->err);
        s->err = NULL;
    }
    if (o->progress) o->progress(o->ctx, i + 1, L->n);
}

static void *worker(void *arg)
{
    loader *L = arg;
    pthread_mutex_lock(&L->mu);
    for (;;) {
        while (L->next < L->n && L->next >= L->cursor + L->window)
            pthread_cond_wait(&L->cv, &L->mu);
        if (L->next >= L->n) break;
        size_t i = L->next++;
        pthread_mutex_unlock(&L->mu);
        load_one(L, i);
        pthread_mutex_lock(&L->mu);
        L->slots[i].state = L->slots[i].doc ? SLOT_OK : SLOT_FAILED;
        if (L->delivering) continue;     /* the current deliverer will see it */
        L->delivering = true;
        while (L->cursor < L->n && L->slots[L->cursor].state != SLOT_PENDING) {
            size_t k = L->cursor;
            pthread_mutex_unlock(&L->mu);
            deliver(L, k);
            pthread_mutex_lock(&L->mu);
            L->cursor++;
            pthread_cond_broadcast(&L->cv);
        }
        L->delivering = false;
    }
    pthread_mutex_unlock(&L->mu);
    return NULL;
}

static int thread_count(const gwr_corpus_opts *o, size_t n)
{
    long t = o->threads;
    if (t <= 0) t = sysconf(_SC_NPROCESSORS_ONLN);
    if (t < 1) t = 1;
    if (t > MAX_THREADS) t = MAX_THREADS;
    if ((size_t)t > n) t = (long)(n ? n : 1);
    return (int)t;
}

gwr_status gwr_corpus_load(gwr_corpus *c, char *const *args, size_t nargs,
                           const gwr_corpus_opts *opts, gwr_err *err)
{
    static const gwr_corpus_opts defaults = { 0 };
    if (!opts) opts = &defaults;
    memset(c, 0, sizeof *c);
    gwr_strvec paths = { 0 };
    if (gwr_corpus_expand(c, args, nargs, &paths) != GWR_OK) {
        gwr_strvec_free(&paths);
        gwr_corpus_free(c);
        return gwr_err_set(err, GWR_E_NOMEM, "out of memory");
    }
    loader L = { .c = c, .opts = opts, .paths = paths.v, .n = paths.n };
    c->docs = calloc(paths.n ? paths.n : 1, sizeof *c->docs);   /* NULLs when hand_over */
    L.slots = calloc(paths.n ? paths.n : 1, sizeof *L.slots);
    if (!c->docs || !L.slots) {
        free(L.slots);
        gwr_strvec_free(&paths);
        gwr_corpus_free(c);
        return gwr_err_set(err, GWR_E_NOMEM, "out of memory");
    }
    int nt = thread_count(opts, paths.n);
    L.window = (size_t)nt * WINDOW_PER_THREAD;
    pthread_mutex_init(&L.mu, NULL);
    pthread_cond_init(&L.cv, NULL);
    pthread_t tid[MAX_THREADS];
    int started = 0;
    for (int t = 1; t < nt; t++) {
        if (pthread_create(&tid[started], NULL, worker, &L) != 0) break;
        started++;
    }
    worker(&L);                  /* the calling thread works too */
    for (int t = 0; t < started; t++) pthread_join(tid[t], NULL);
    pthread_cond_destroy(&L.cv);
    pthread_mutex_destroy(&L.mu);
    free(L.slots);
    gwr_strvec_free(&paths);
    return GWR_OK;
}

void gwr_corpus_free(gwr_corpus *c)
{
    if (c->docs) {
        for (size_t i = 0; i < c->ndocs; i++) {
            if (!c->docs[i]) continue;
            gwr_doc_free(c->docs[i]);
            free(c->docs[i]);
        }
    }
    for (size_t i = 0; i < c->nerrs; i++) free(c->errs[i].path);
    free(c->docs);
    free(c->errs);
    memset(c, 0, sizeof *c);
}
