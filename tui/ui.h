/* ui.h — the interactive browser. */
#ifndef GWR_UI_H
#define GWR_UI_H
#include "cli.h"

/* Runs the ncurses interface on the given files/directories ("-" = stdin).
 * Returns the process exit status. */
int gwr_ui_run(const gwr_opts *o);

#endif
