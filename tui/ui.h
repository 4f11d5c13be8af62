/* ui.h — the interactive browser. */
#ifndef GWR_UI_H
#define GWR_UI_H
#include <stdio.h>
#include "cli.h"
#include "compare.h"

/* Runs the ncurses interface on the given files/directories ("-" = stdin).
 * Returns the process exit status. */
int gwr_ui_run(const gwr_opts *o);

/* Runs the interface headless on docs (and cmp, when not NULL, instead of
 * building the comparison), keys from script (see ui_script.c), writing a
 * text dump of the screen at each <Dump> to dump. For the screen tests. */
int gwr_ui_script(gwr_doc **docs, size_t n, const gwr_cmp *cmp, const char *script,
                  int lines, int cols, FILE *dump);

#endif
