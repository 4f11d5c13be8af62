/* export_common.c — field writers shared by the TSV and JSON exporters. */
#include "export.h"
#include <string.h>

/* Runs without special bytes go out with one fwrite each (not a call per byte). */
void gwr_tsv_field(FILE *f, const char *s)
{
    /* bytes that need a look: controls, backslash, and 0xC2 (C1 controls) */
    static const unsigned char look[256] = {
        ['\0'] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1,
        [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1, [0x0e] = 1, [0x0f] = 1,
        [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
        [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1,
        [0x7f] = 1, [0xc2] = 1, ['\\'] = 1,
    };
    if (!s) return;
    for (;;) {
        size_t n = 0;                      /* a table look per byte: strcspn rebuilds its set each call */
        while (!look[(unsigned char)s[n]]) n++;
        if (n) fwrite(s, 1, n, f);
        s += n;
        switch (*s) {
        case '\0': return;
        case '\t': fputs("\\t", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\\': fputs("\\\\", f); break;
        default:
            /* other controls (a file name may hold any byte) never go out raw */
            if ((unsigned char)*s < 0x20 || *s == 0x7F) fprintf(f, "\\x%02x", (unsigned char)*s);
            else if ((unsigned char)*s == 0xC2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9F)
                fprintf(f, "\\u%04x", (unsigned char)*++s);
            else fputc(*s, f);
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
        } else if (c == 0xC2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9F) {
            fprintf(f, "\\u%04x", (unsigned char)*++s);   /* C1 controls, escaped too */
        } else {
            fputc(c, f);
        }
    }
    fputc('"', f);
}

void gwr_text_field(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        if (*p < 0x20 || *p == 0x7F) fputc('?', f);
        else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) { fputc('?', f); p++; }
        else fputc(*p, f);
    }
}

void gwr_fmt_dec(FILE *f, gwr_dec d)
{
    char buf[64];
    gwr_dec_format(d, buf, sizeof buf);
    fputs(buf, f);
}
