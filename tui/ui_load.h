/* ui_load.h — loading reports in a background thread while the interface
 * answers keys: the corpus loader (core/corpus.h) hands each document to
 * on_doc; the main loop takes them over with ui_load_poll. */
#ifndef GWR_UI_LOAD_H
#define GWR_UI_LOAD_H
#include <stdbool.h>
#include <stddef.h>
#include "corpus.h"

typedef struct ui_load ui_load;

/* Starts loading args in a thread. NULL when the thread cannot start. */
ui_load *ui_load_start(char *const *args, size_t nargs, bool drop_text);
/* Moves the documents loaded since the last call to *docs (grown with
 * realloc); sets progress. Returns the number of new documents. */
size_t   ui_load_poll(ui_load *l, gwr_doc ***docs, size_t *ndocs, size_t *cap,
                      size_t *done, size_t *total, bool *finished);
/* After finished: the files that could not be read. */
const gwr_corpus *ui_load_corpus(ui_load *l);
/* Joins the thread when it is finished and frees everything (documents
 * included); when it is still running, leaves it to end with the process. */
void     ui_load_free(ui_load *l);

#endif
