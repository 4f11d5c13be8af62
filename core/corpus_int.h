/* corpus_int.h — shared between corpus.c (argument expansion) and
 * corpus_load.c (parallel loading). Not part of the public API. */
#ifndef GWR_CORPUS_INT_H
#define GWR_CORPUS_INT_H
#include "corpus.h"

typedef struct gwr_strvec {
    char **v;
    size_t n, cap;
} gwr_strvec;

/* Appends p (taking it); frees p and returns false when out of memory or p is NULL. */
bool gwr_strvec_push(gwr_strvec *s, char *p);
void gwr_strvec_free(gwr_strvec *s);
/* Records a file that could not be loaded (copies path and e). */
bool gwr_corpus_add_err(gwr_corpus *c, const char *path, const gwr_err *e);
/* Expands files, directories (recursively, sorted, hidden entries skipped)
 * and "-" into paths; problems met on the way become error entries of c. */
gwr_status gwr_corpus_expand(gwr_corpus *c, char *const *args, size_t nargs, gwr_strvec *paths);

#endif
