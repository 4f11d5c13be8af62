/* export_common.c — field writers shared by the TSV and JSON exporters. */
#include "export.h"
#include <string.h>

/* Runs without special bytes go out with one fwrite each (not a call per byte). */
void gwr_tsv_field(FILE *f, const char *s)
{
    if (!s) return;
    for (;;) {
        size_t n = strcspn(s, "\t\n\r\\");
        if (n) fwrite(s, 1, n, f);
        s += n;
        switch (*s) {
        case '\0': return;
        case '\t': fputs("\\t", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        default: fputs("\\\\", f); break;
        }
        s++;
    }
}

void gwr_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            fputc('\\', f);
            fputc(c, f);
        } else if (c == '\n') {
            fputs("\\n", f);
        } else if (c == '\t') {
            fputs("\\t", f);
        } else if (c < 0x20 || c == 0x7F) {
            fprintf(f, "\\u%04x", c);
        } else {
            fputc(c, f);
        }
    }
    fputc('"', f);
}

void gwr_fmt_dec(FILE *f, gwr_dec d)
{
    char buf[64];
    gwr_dec_format(d, buf, sizeof buf);
    fputs(buf, f);
}
