/* read.c — which reader a file needs, and the shared output buffer. */
#define _POSIX_C_SOURCE 200809L
#include "read_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static const char *ext_of(const char *name)
{
    if (!name) return NULL;
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? dot : NULL;
}

static gwr_input_kind kind_of_ext(const char *ext)
{
    if (!ext) return GWR_IN_TEXT;
    static const struct { const char *e; gwr_input_kind k; } t[] = {
        { ".html", GWR_IN_HTML }, { ".htm", GWR_IN_HTML }, { ".shtml", GWR_IN_HTML },
        { ".xhtml", GWR_IN_HTML }, { ".pdf", GWR_IN_PDF }, { ".docx", GWR_IN_DOCX },
        { ".doc", GWR_IN_DOC },
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcasecmp(ext, t[i].e) == 0) return t[i].k;
    return GWR_IN_TEXT;
}

int gwr_read_known_ext(const char *name)
{
    return kind_of_ext(ext_of(name)) != GWR_IN_TEXT;
}

/* case-insensitive search for an ASCII word in the first n bytes */
static bool has_ci(const unsigned char *h, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++)
        if (strncasecmp((const char *)h + i, w, k) == 0) return true;
    return false;
}

gwr_input_kind gwr_read_detect(const char *name, const unsigned char *head, size_t n)
{
    /* content first where it is unambiguous: a PDF named .txt is still a PDF */
    if (n >= 5 && memcmp(head, "%PDF-", 5) == 0) return GWR_IN_PDF;
    /* junk before the signature is allowed in the first KiB of a PDF */
    size_t lim = n < 1024 ? n : 1024;
    for (size_t i = 1; i + 5 <= n && i < lim; i++) {
        const unsigned char *q = memchr(head + i, '%', lim - i);
        if (!q) break;
        i = (size_t)(q - head);
        if (i + 5 <= n && memcmp(head + i, "%PDF-", 5) == 0) return GWR_IN_PDF;
    }
    if (n >= 8 && memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) return GWR_IN_DOC;
    if (n >= 4 && memcmp(head, "PK\x03\x04", 4) == 0) return GWR_IN_DOCX;   /* any zip: the reader says what it lacks */
    gwr_input_kind k = kind_of_ext(ext_of(name));
    if (k == GWR_IN_HTML) return k;
    /* .pdf/.docx/.doc without their signature: a web page saved under that
     * name (common for .doc) is read as one, anything else is left to the
     * text loader, which reads text and refuses binary data */
    /* sniff markup: skip a BOM and blanks; a page starts with <!DOCTYPE html,
     * <html, <head, or an XML declaration followed by <html */
    size_t i = 0;
    if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) i = 3;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) i++;
    if (i < n && head[i] == '<') {
        const unsigned char *h = head + i;
        size_t m = n - i;
        if ((m >= 14 && strncasecmp((const char *)h, "<!doctype html", 14) == 0) ||
            (m >= 5 && strncasecmp((const char *)h, "<html", 5) == 0) ||
            (m >= 5 && strncasecmp((const char *)h, "<head", 5) == 0) ||
            (m >= 5 && strncasecmp((const char *)h, "<?xml", 5) == 0 && has_ci(h, m, "<html")) ||
            (m >= 4 && strncasecmp((const char *)h, "<!--", 4) == 0 && has_ci(h, m, "<html")))
            return GWR_IN_HTML;
    }
    return GWR_IN_TEXT;
}

const char *gwr_read_kind_name(gwr_input_kind k)
{
    static const char *const names[GWR_IN__COUNT] = { "", "HTML", "PDF", "DOCX", "DOC" };
    return (unsigned)k < GWR_IN__COUNT ? names[k] : "";
}

size_t gwr_read_max_input(gwr_input_kind k)
{
    switch (k) {
    case GWR_IN_HTML: return GWR_READ_MAX_HTML;
    case GWR_IN_PDF: return GWR_READ_MAX_PDF;
    case GWR_IN_DOCX: return GWR_READ_MAX_DOCX;
    case GWR_IN_DOC: return GWR_READ_MAX_DOC;
    default: return (size_t)-1;
    }
}

gwr_status gwr_read_any(gwr_input_kind kind, const char *name, const char *path,
                        const unsigned char *buf, size_t len, char **out, size_t *outlen, gwr_err *err)
{
    *out = NULL;
    *outlen = 0;
    switch (kind) {
    case GWR_IN_HTML: return gwr_read_html(name, buf, len, out, outlen, err);
    case GWR_IN_PDF: return gwr_read_pdf(name, path, buf, len, out, outlen, err);
    case GWR_IN_DOCX: return gwr_read_docx(name, buf, len, out, outlen, err);
    case GWR_IN_DOC: return gwr_read_doc(name, path, buf, len, out, outlen, err);
    default: return gwr_err_set(err, GWR_E_USAGE, "%s: not a document format", name);
    }
}

/* ---- output buffer ---- */
void rb_put(rbuf *b, const char *s, size_t n)
{
    if (b->oom || b->over || n == 0) return;
    if (b->max && b->len + n > b->max) { b->over = true; return; }
    if (b->len + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 4096;
        while (nc < b->len + n + 1) nc *= 2;
        char *np = realloc(b->p, nc);
        if (!np) { b->oom = true; return; }
        b->p = np;
        b->cap = nc;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

void rb_endpara(rbuf *b)
{
    if (b->len && b->p[b->len - 1] != '\n') rb_putc(b, '\n');
}

gwr_status rb_finish(rbuf *b, const char *name, const char *what, char **out, size_t *outlen, gwr_err *err)
{
    gwr_status st = GWR_OK;
    if (b->oom) st = gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
    else if (b->over) st = gwr_err_set(err, GWR_E_IO, "%s: %s text too large (over %zu MiB)", name, what, b->max >> 20);
    else if (b->len == 0) st = gwr_err_set(err, GWR_E_EMPTY, "%s: no text found in the %s", name, what);
    if (st != GWR_OK) {
        free(b->p);
        b->p = NULL;
        return st;
    }
    rb_put(b, "", 0);
    if (b->len + 1 > b->cap) {
        char *np = realloc(b->p, b->len + 1);
        if (!np) { free(b->p); b->p = NULL; return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name); }
        b->p = np;
    }
    b->p[b->len] = '\0';
    *out = b->p;
    *outlen = b->len;
    b->p = NULL;
    return GWR_OK;
}

bool read_tmpfile(const unsigned char *buf, size_t len, char *path, size_t cap)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir) dir = "/tmp";
    if ((size_t)snprintf(path, cap, "%s/gwr-XXXXXX", dir) >= cap) return false;
    int fd = mkstemp(path);
    if (fd < 0) return false;
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, buf + done, len - done);
        if (w <= 0) { close(fd); unlink(path); return false; }
        done += (size_t)w;
    }
    close(fd);
    return true;
}

bool read_have(const char *prog)
{
    const char *p = getenv("PATH");
    if (!p) p = "/usr/bin:/bin";
    char dir[4096];
    while (*p) {
        size_t n = strcspn(p, ":");
        if (n > 0 && n + strlen(prog) + 2 < sizeof dir) {
            memcpy(dir, p, n);
            dir[n] = '/';
            strcpy(dir + n + 1, prog);
            if (access(dir, X_OK) == 0) return true;
        }
        p += n;
        if (*p == ':') p++;
    }
    return false;
}

