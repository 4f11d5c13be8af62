/* text.c — PLACEHOLDER loader: reads UTF-8 files as they are (replaced by the real loader). */
#include "text.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

gwr_status gwr_text_load_mem(gwr_text *t, const char *name, const void *buf, size_t len, gwr_err *err)
{
    memset(t, 0, sizeof *t);
    if (len == 0) return gwr_err_set(err, GWR_E_EMPTY, "%s: empty file", name);
    t->orig = malloc(len + 1);
    t->norm = malloc(len + 1);
    t->map_norm = calloc(1, sizeof *t->map_norm);
    t->map_orig = calloc(1, sizeof *t->map_orig);
    t->line_start = malloc((len + 1) * sizeof *t->line_start);
    if (!t->orig || !t->norm || !t->map_norm || !t->map_orig || !t->line_start) {
        gwr_text_free(t);
        return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
    }
    memcpy(t->orig, buf, len);
    memcpy(t->norm, buf, len);
    t->orig[len] = t->norm[len] = '\0';
    t->orig_len = t->norm_len = len;
    t->map_len = 1;
    t->line_start[t->nlines++] = 0;
    for (size_t i = 0; i < len; i++)
        if (t->orig[i] == '\n' && i + 1 < len) t->line_start[t->nlines++] = (uint32_t)(i + 1);
    t->encoding = "UTF-8";
    return GWR_OK;
}

gwr_status gwr_text_load_file(gwr_text *t, const char *path, gwr_err *err)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) return gwr_err_set(err, GWR_E_IO, "%s: %s", path, strerror(errno));
    size_t cap = 65536, len = 0, n;
    char *buf = malloc(cap);
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) { free(buf); buf = NULL; }
            else buf = nb;
        }
    }
    if (f != stdin) fclose(f);
    if (!buf) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", path);
    gwr_status st = gwr_text_load_mem(t, path, buf, len, err);
    free(buf);
    return st;
}

void gwr_text_free(gwr_text *t)
{
    free(t->orig);
    free(t->norm);
    free(t->map_norm);
    free(t->map_orig);
    free(t->line_start);
    memset(t, 0, sizeof *t);
}

size_t gwr_text_orig_offset(const gwr_text *t, size_t norm_off)
{
    return norm_off < t->orig_len ? norm_off : t->orig_len;
}

uint32_t gwr_text_line_of(const gwr_text *t, size_t orig_off)
{
    size_t lo = 0, hi = t->nlines;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (t->line_start[mid] <= orig_off) lo = mid;
        else hi = mid;
    }
    return (uint32_t)lo + 1;
}
