/* ui_load.c — background loading. The loading thread owns the corpus; it
 * passes each document to the main thread through a small queue under a
 * mutex. The main thread alone touches the interface, the figure index and
 * the documents' texts (reloaded on demand when a large corpus drops them). */
#define _POSIX_C_SOURCE 200809L
#include "ui_load.h"
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

struct ui_load {
    pthread_t       th;
    pthread_mutex_t mu;
    char          **args;
    size_t          nargs;
    bool            drop_text;
    gwr_corpus      corpus;
    gwr_doc       **queue;
    size_t          nqueue, qcap;
    size_t          done, total;
    bool            finished;
    gwr_err         err;
};

static void on_doc(void *ctx, size_t index, gwr_doc *doc)
{
    ui_load *l = ctx;
    (void)index;
    pthread_mutex_lock(&l->mu);
    if (l->nqueue == l->qcap) {
        size_t nc = l->qcap ? l->qcap * 2 : 64;
        gwr_doc **nq = realloc(l->queue, nc * sizeof *nq);
        if (nq) {
            l->queue = nq;
            l->qcap = nc;
        }
    }
    if (l->nqueue < l->qcap) l->queue[l->nqueue++] = doc;
    pthread_mutex_unlock(&l->mu);
}

static void progress(void *ctx, size_t done, size_t total)
{
    ui_load *l = ctx;
    /* the corpus may call this with its own lock held: only take ours */
    pthread_mutex_lock(&l->mu);
    l->done = done;
    l->total = total;
    pthread_mutex_unlock(&l->mu);
}

static void *run(void *arg)
{
    ui_load *l = arg;
    gwr_corpus_opts o = { .drop_text = l->drop_text, .progress = progress, .on_doc = on_doc, .ctx = l };
    gwr_err err = { 0 };
    gwr_corpus c;
    gwr_status st = gwr_corpus_load(&c, l->args, l->nargs, &o, &err);
    pthread_mutex_lock(&l->mu);
    if (st == GWR_OK) l->corpus = c;
    else l->err = err;
    l->finished = true;
    pthread_mutex_unlock(&l->mu);
    return NULL;
}

ui_load *ui_load_start(char *const *args, size_t nargs, bool drop_text)
{
    ui_load *l = calloc(1, sizeof *l);
    if (!l) return NULL;
    l->args = calloc(nargs + 1, sizeof *l->args);
    if (!l->args) {
        free(l);
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++) l->args[i] = args[i];
    l->nargs = nargs;
    l->drop_text = drop_text;
    pthread_mutex_init(&l->mu, NULL);
    /* signals (Ctrl-Z, resize, Ctrl-C) go to the main thread only: the loading
     * threads start with them blocked, so ncurses' handlers run where curses is */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    int rc = pthread_create(&l->th, NULL, run, l);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) {
        pthread_mutex_destroy(&l->mu);
        free(l->args);
        free(l);
        return NULL;
    }
    return l;
}

size_t ui_load_poll(ui_load *l, gwr_doc ***docs, size_t *ndocs, size_t *cap,
                    size_t *done, size_t *total, bool *finished)
{
    size_t got = 0;
    pthread_mutex_lock(&l->mu);
    if (*ndocs + l->nqueue > *cap) {
        size_t nc = *cap ? *cap : 64;
        while (nc < *ndocs + l->nqueue) nc *= 2;
        gwr_doc **nd = realloc(*docs, nc * sizeof *nd);
        if (nd) {
            *docs = nd;
            *cap = nc;
        }
    }
    if (l->nqueue && *ndocs + l->nqueue <= *cap) {
        memcpy(*docs + *ndocs, l->queue, l->nqueue * sizeof *l->queue);
        *ndocs += l->nqueue;
        got = l->nqueue;
        l->nqueue = 0;
    }
    *done = l->done;
    *total = l->total;
    *finished = l->finished && l->nqueue == 0;
    pthread_mutex_unlock(&l->mu);
    return got;
}

const gwr_corpus *ui_load_corpus(ui_load *l) { return &l->corpus; }

void ui_load_free(ui_load *l)
{
    if (!l) return;
    pthread_mutex_lock(&l->mu);
    bool fin = l->finished;
    pthread_mutex_unlock(&l->mu);
    if (!fin) {
        pthread_detach(l->th);   /* still reading: it ends with the process */
        return;
    }
    pthread_join(l->th, NULL);
    gwr_corpus_free(&l->corpus);
    pthread_mutex_destroy(&l->mu);
    free(l->queue);
    free(l->args);
    free(l);
}
