/* export_common.c — field writers shared by the exporters: every string
 * goes out through the one sanitiser (safe.h). */
#include "export.h"
#include "safe.h"
#include <string.h>

void gwr_put_str(FILE *f, gwr_format fmt, const char *s)
{
    if (!s) s = "";
    if (fmt == GWR_FMT_JSON) fputc('"', f);
    gwr_safe_put(f, (gwr_safe_form)fmt, s, strlen(s));
    if (fmt == GWR_FMT_JSON) fputc('"', f);
}

void gwr_tsv_field(FILE *f, const char *s) { if (s) gwr_safe_put(f, GWR_SAFE_TSV, s, strlen(s)); }
void gwr_json_string(FILE *f, const char *s) { gwr_put_str(f, GWR_FMT_JSON, s); }
void gwr_text_field(FILE *f, const char *s) { if (s) gwr_safe_put(f, GWR_SAFE_TEXT, s, strlen(s)); }

void gwr_fmt_dec(FILE *f, gwr_dec d)
{
    char buf[64];
    gwr_dec_format(d, buf, sizeof buf);
    fputs(buf, f);
}
