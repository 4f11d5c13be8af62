/* corpus.c — expanding arguments (files, directories, "-") into a sorted list
 * of report paths. Loading them on several threads is in corpus_load.c. */
#include "corpus_int.h"
#include "read.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

bool gwr_strvec_push(gwr_strvec *s, char *p)
{
    if (!p) return false;
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 64;
        char **nv = realloc(s->v, nc * sizeof *nv);
        if (!nv) {
            free(p);
            return false;
        }
        s->v = nv;
        s->cap = nc;
    }
    s->v[s->n++] = p;
    return true;
}

void gwr_strvec_free(gwr_strvec *s)
{
    for (size_t i = 0; i < s->n; i++) free(s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}


bool gwr_corpus_add_err(gwr_corpus *c, const char *path, const gwr_err *e)
{
    gwr_corpus_err *ne = realloc(c->errs, (c->nerrs + 1) * sizeof *ne);
    if (!ne) return false;
    c->errs = ne;
    ne[c->nerrs].path = strdup(path);
    ne[c->nerrs].err = *e;
    c->nerrs++;
    return true;
}

static void add_err(gwr_corpus *c, const char *path, gwr_status code, const char *detail)
{
    gwr_err e;
    gwr_err_set(&e, code, "%s: %s", path, detail);
    gwr_corpus_add_err(c, path, &e);
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

typedef enum { ENT_SKIP, ENT_FILE, ENT_DIR } ent_kind;

/* Classifies one directory entry without opening it: FIFOs, sockets and
 * devices are reported and skipped (never opened, so never blocked on);
 * symbolic links to directories are not followed (no loops). */
static ent_kind classify(gwr_corpus *c, const char *p, unsigned char dtype)
{
    if (dtype == DT_REG) return ENT_FILE;
    if (dtype == DT_DIR) return ENT_DIR;
    struct stat st;
    if (lstat(p, &st) != 0) {
        add_err(c, p, GWR_E_IO, strerror(errno));
        return ENT_SKIP;
    }
    if (S_ISLNK(st.st_mode)) {
        if (stat(p, &st) != 0) {
            add_err(c, p, GWR_E_IO, errno == ELOOP ? "symbolic link loop" : strerror(errno));
            return ENT_SKIP;
        }
        if (S_ISDIR(st.st_mode)) return ENT_SKIP;   /* linked directory: not followed */
    }
    if (S_ISDIR(st.st_mode)) return ENT_DIR;
    if (S_ISREG(st.st_mode)) return ENT_FILE;
    add_err(c, p, GWR_E_IO, "not a regular file (skipped)");
    return ENT_SKIP;
}

/* Inside a directory only report-like names are taken: *.txt, *.text, names
 * without an extension, and the published formats the readers know (*.html,
 * *.htm, *.shtml, *.xhtml, *.pdf, *.docx, *.doc); README.md, *.tsv, images …
 * are not reports. Files named on the command line are always read. */
static bool report_name(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base) return true;
    return strcasecmp(dot, ".txt") == 0 || strcasecmp(dot, ".text") == 0 || gwr_read_known_ext(base);
}

/* Names of the files a directory walk left out, for "no reports found". */
typedef struct skipped {
    char   list[200];
    size_t n;
    bool   more;    /* ", …" appended */
} skipped;

static void note_skipped(skipped *k, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t used = strlen(k->list), b = strlen(base);
    if (k->n < 5 && used + b + 3 < sizeof k->list) {
        if (used) { memcpy(k->list + used, ", ", 2); used += 2; }
        /* control characters shown as '?': the message is one line */
        for (size_t i = 0; i < b; i++) k->list[used++] = (unsigned char)base[i] < 0x20 || base[i] == 0x7F ? '?' : base[i];
        k->list[used] = '\0';
    } else if (!k->more && used + 6 < sizeof k->list) {
        memcpy(k->list + used, ", …", 6);
        k->more = true;
    }
    k->n++;
}

typedef struct dent {
    char *path;
    unsigned char type;   /* d_type, DT_UNKNOWN when the file system does not say */
} dent;

static int cmp_dent(const void *a, const void *b)
{
    return strcmp(((const dent *)a)->path, ((const dent *)b)->path);
}

/* Recursive walk in sorted order; hidden entries are skipped. */
static void walk(gwr_corpus *c, gwr_strvec *out, const char *dir, int depth, skipped *sk)
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
    dent *v = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            dent *nv = realloc(v, nc * sizeof *nv);
            if (!nv) break;
            v = nv;
            cap = nc;
        }
        char *p = join(dir, e->d_name);
        if (!p) break;
        v[n].path = p;
        v[n].type = e->d_type;
        n++;
    }
    closedir(d);
    if (n) qsort(v, n, sizeof *v, cmp_dent);
    for (size_t i = 0; i < n; i++) {
        ent_kind k = classify(c, v[i].path, v[i].type);
        if (k == ENT_DIR) {
            walk(c, out, v[i].path, depth + 1, sk);
        } else if (k == ENT_FILE && report_name(v[i].path)) {
            gwr_strvec_push(out, v[i].path);   /* takes the path */
            continue;
        } else if (k == ENT_FILE) {
            note_skipped(sk, v[i].path);
        }
        free(v[i].path);
    }
    free(v);
}

gwr_status gwr_corpus_expand(gwr_corpus *c, char *const *args, size_t nargs, gwr_strvec *paths)
{
    for (size_t i = 0; i < nargs; i++) {
        struct stat st;
        if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t before = paths->n, errs = c->nerrs;
            skipped sk = { "", 0, false };
            walk(c, paths, args[i], 0, &sk);
            if (paths->n == before && c->nerrs == errs) {   /* say it: nothing to read here */
                if (sk.n) {
                    char d[256];
                    snprintf(d, sizeof d, "no reports found (skipped: %s)", sk.list);
                    add_err(c, args[i], GWR_E_IO, d);
                } else {
                    add_err(c, args[i], GWR_E_IO, "no reports found (empty folder)");
                }
            }
        }
        else if (!gwr_strvec_push(paths, strdup(args[i])))
            return GWR_E_NOMEM;
    }
    return GWR_OK;
}
