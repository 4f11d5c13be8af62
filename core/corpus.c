/* corpus.c — expanding arguments into report paths and loading them. */
#define _POSIX_C_SOURCE 200809L
#include "corpus.h"
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct strvec {
    char **v;
    size_t n, cap;
} strvec;

static bool sv_push(strvec *s, char *p)
{
    if (!p) return false;
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 64;
        char **nv = realloc(s->v, nc * sizeof *nv);
        if (!nv) { free(p); return false; }
        s->v = nv;
        s->cap = nc;
    }
    s->v[s->n++] = p;
    return true;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static bool add_err(gwr_corpus *c, const char *path, gwr_status code, const char *detail)
{
    gwr_corpus_err *ne = realloc(c->errs, (c->nerrs + 1) * sizeof *ne);
    if (!ne) return false;
    c->errs = ne;
    ne[c->nerrs].path = strdup(path);
    gwr_err_set(&ne[c->nerrs].err, code, path, detail);
    c->nerrs++;
    return true;
}

static char *join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    if (!p) return NULL;
    memcpy(p, dir, a);
    size_t o = a;
    if (a && dir[a - 1] != '/') p[o++] = '/';
    memcpy(p + o, name, b + 1);
    return p;
}

/* Directory walk; depth bounds symlink loops (lstat: symlinked dirs are not followed). */
static void walk(gwr_corpus *c, strvec *out, const char *dir, int depth)
{
    if (depth > 32) {
        add_err(c, dir, GWR_E_IO, "directory nesting too deep");
        return;
    }
    DIR *d = opendir(dir);
    if (!d) {
        add_err(c, dir, GWR_E_IO, strerror(errno));
        return;
    }
    strvec names = { 0 };
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;    /* hidden files, . and .. */
        sv_push(&names, join(dir, e->d_name));
    }
    closedir(d);
    qsort(names.v, names.n, sizeof *names.v, cmp_str);
    for (size_t i = 0; i < names.n; i++) {
        struct stat st, lst;
        char *p = names.v[i];
        if (lstat(p, &lst) != 0) {
            add_err(c, p, GWR_E_IO, strerror(errno));
            free(p);
            continue;
        }
        if (S_ISLNK(lst.st_mode)) {
            if (stat(p, &st) != 0) {
                add_err(c, p, GWR_E_IO, errno == ELOOP ? "symbolic link loop" : strerror(errno));
                free(p);
                continue;
            }
            if (S_ISDIR(st.st_mode)) {   /* do not follow linked directories: loops */
                free(p);
                continue;
            }
        } else {
            st = lst;
        }
        if (S_ISDIR(st.st_mode)) {
            walk(c, out, p, depth + 1);
            free(p);
        } else if (S_ISREG(st.st_mode)) {
            sv_push(out, p);
        } else {
            add_err(c, p, GWR_E_IO, "not a regular file (skipped)");
            free(p);
        }
    }
    free(names.v);
}

gwr_status gwr_corpus_load(gwr_corpus *c, char *const *args, size_t nargs,
                           const gwr_corpus_opts *opts, gwr_err *err)
{
    memset(c, 0, sizeof *c);
    strvec paths = { 0 };
    for (size_t i = 0; i < nargs; i++) {
        struct stat st;
        if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode))
            walk(c, &paths, args[i], 0);
        else
            sv_push(&paths, strdup(args[i]));
    }
    c->docs = calloc(paths.n ? paths.n : 1, sizeof *c->docs);
    if (!c->docs) {
        for (size_t i = 0; i < paths.n; i++) free(paths.v[i]);
        free(paths.v);
        return gwr_err_set(err, GWR_E_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < paths.n; i++) {
        gwr_doc *d = malloc(sizeof *d);
        gwr_err e = { 0 };
        if (!d) {
            add_err(c, paths.v[i], GWR_E_NOMEM, "out of memory");
        } else if (gwr_doc_load(d, paths.v[i], &e) != GWR_OK) {
            gwr_corpus_err *ne = realloc(c->errs, (c->nerrs + 1) * sizeof *ne);
            if (ne) {
                c->errs = ne;
                ne[c->nerrs].path = strdup(paths.v[i]);
                ne[c->nerrs].err = e;
                c->nerrs++;
            }
            free(d);
        } else {
            if (opts && opts->drop_text) gwr_doc_drop_text(d);
            c->docs[c->ndocs++] = d;
            if (opts && opts->on_doc) opts->on_doc(opts->ctx, c->ndocs - 1, d);
        }
        if (opts && opts->progress) opts->progress(opts->ctx, i + 1, paths.n);
        free(paths.v[i]);
    }
    free(paths.v);
    return GWR_OK;
}

void gwr_corpus_free(gwr_corpus *c)
{
    for (size_t i = 0; i < c->ndocs; i++) {
        gwr_doc_free(c->docs[i]);
        free(c->docs[i]);
    }
    for (size_t i = 0; i < c->nerrs; i++) free(c->errs[i].path);
    free(c->docs);
    free(c->errs);
    memset(c, 0, sizeof *c);
}
