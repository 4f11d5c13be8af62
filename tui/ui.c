/* ui.c — PLACEHOLDER for the interactive browser. */
#include "ui.h"
#include <stdio.h>

int gwr_ui_run(const gwr_opts *o)
{
    (void)o;
    fputs("gwr: the interactive browser is not built yet\n", stderr);
    return 1;
}
