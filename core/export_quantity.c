/* export_quantity.c — PLACEHOLDER quantity writer. */
#include "export.h"

void gwr_export_quantities(FILE *f, gwr_format fmt, const char *text, bool first, bool last)
{
    (void)text; (void)last;
    if (fmt == GWR_FMT_TSV && first) fputs("text\tvalue\tvalue_hi\tunit\tqual\n", f);
}
