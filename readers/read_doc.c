/* read_doc.c — legacy Word (.doc, OLE2) through antiword (-m UTF-8.txt,
 * no line wrapping), or catdoc when antiword is missing or fails; neither
 * present: a message naming the conversion to make. The converters' lines are
 * paragraphs already. */
#define _POSIX_C_SOURCE 200809L
#include "read_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int convert(const char *prog, const char *file, rbuf *raw, char *eline, size_t ecap, bool *timed_out)
{
    char arg[4200];
    snprintf(arg, sizeof arg, "%s%s", file[0] == '-' ? "./" : "", file);
    char *anti[] = { "antiword", "-m", "UTF-8.txt", "-w", "0", arg, NULL };
    char *cat[] = { "catdoc", "-d", "utf-8", "-w", arg, NULL };
    return read_run(strcmp(prog, "antiword") == 0 ? anti : cat, raw, eline, ecap, GWR_READ_TIMEOUT, timed_out);
}

gwr_status gwr_read_doc(const char *name, const char *path, const unsigned char *buf, size_t len,
                        char **out, size_t *outlen, gwr_err *err)
{
    *out = NULL;
    *outlen = 0;
    if (len < 8 || memcmp(buf, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) != 0)
        return gwr_err_set(err, GWR_E_ENCODING, "%s: not a Word 97–2003 document (no OLE2 signature)", name);
    bool anti = read_have("antiword"), cat = read_have("catdoc");
    if (!anti && !cat)
        return gwr_err_set(err, GWR_E_IO, "%s: reading .doc needs antiword or catdoc; or convert it: "
                           "libreoffice --headless --convert-to docx FILE", name);
    char tmp[4096] = "";
    const char *file = path;
    if (!file || strcmp(file, "-") == 0) {
        if (!read_tmpfile(buf, len, tmp, sizeof tmp))
            return gwr_err_set(err, GWR_E_IO, "%s: cannot write a temporary file for the converter", name);
        file = tmp;
    }
    gwr_status st = GWR_OK;
    char eline[256] = "";
    for (int pass = 0; pass < 2; pass++) {
        const char *prog = pass == 0 ? "antiword" : "catdoc";
        if (!read_have(prog)) continue;
        rbuf raw = { .max = GWR_READ_MAX_TEXT };
        bool timed_out;
        int rc = convert(prog, file, &raw, eline, sizeof eline, &timed_out);
        if (timed_out) { free(raw.p); st = gwr_err_set(err, GWR_E_IO, "%s: %s took over %d s; not read", name, prog, GWR_READ_TIMEOUT); break; }
        if (raw.over) { free(raw.p); st = gwr_err_set(err, GWR_E_IO, "%s: Word text too large (over %zu MiB)", name, raw.max >> 20); break; }
        if (rc != 0 || raw.len == 0 || raw.oom) { free(raw.p); continue; }
        /* form feeds (page breaks) become line ends */
        for (size_t i = 0; i < raw.len; i++) if (raw.p[i] == '\f') raw.p[i] = '\n';
        st = rb_finish(&raw, name, "Word document", out, outlen, err);
        if (tmp[0]) unlink(tmp);
        return st;
    }
    if (tmp[0]) unlink(tmp);
    if (st != GWR_OK) return st;
    return gwr_err_set(err, GWR_E_ENCODING, "%s: cannot read this .doc (%s); convert it: "
                       "libreoffice --headless --convert-to docx FILE", name, eline[0] ? eline : "converter failed");
}
