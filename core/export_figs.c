/* export_figs.c — PLACEHOLDER targets and compare writers. */
#include "export.h"

void gwr_export_targets(FILE *f, gwr_format fmt, const gwr_doc *d, const gwr_fig_filter *flt, bool first, bool last)
{
    (void)d; (void)flt; (void)last;
    if (fmt == GWR_FMT_TSV && first)
        fputs("file\tentity\tstatus\tyear\tkey\tname\tkind\tvalue\tvalue_hi\tunit\tqual\ttext\tline\tsection\n", f);
}

void gwr_export_compare(FILE *f, gwr_format fmt, const gwr_cmp *c)
{
    (void)c;
    if (fmt == GWR_FMT_TSV)
        fputs("file\tentity\tkey\tlabel\tkind\tyear\tunit\tplanned\tplanned_hi\tplanned_qual\tachieved\tachieved_hi\tachieved_qual\tverdict\n", f);
}
