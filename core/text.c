/* text.c — reading report bytes from a file or standard input, safely:
 * directories, FIFOs and devices are refused without blocking; then the bytes
 * go to the decoder and the normaliser. */
#define _POSIX_C_SOURCE 200809L
#include "text_internal.h"
#include "read.h"
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* path: the file on disk for external converters (NULL when from memory).
 * known: the kind of input when already told from its name and first KiB, else NULL. */
static gwr_status load(gwr_text *t, const char *name, const char *path, const void *buf, size_t len, char **own,
                       const gwr_input_kind *known, gwr_err *err)
{
    memset(t, 0, sizeof *t);
    t->format = "";
    if (len == 0) return gwr_err_set(err, GWR_E_EMPTY, "%s: empty file", name);
    if (len > GWR_TEXT_MAX_INPUT) return gwr_err_set(err, GWR_E_IO, "%s: file too large (over 1 GiB)", name);
    gwr_input_kind kind = known ? *known : gwr_read_detect(name, buf, len < 1024 ? len : 1024);
    gwr_status st;
    gwr_text_specials sp = { false, NULL, 0 };
    if (kind != GWR_IN_TEXT) {
        char *x = NULL;
        size_t xl = 0;
        st = gwr_read_any(kind, name, path, buf, len, &x, &xl, err);
        if (st != GWR_OK) return st;
        if (xl > GWR_TEXT_MAX_INPUT) {
            free(x);
            return gwr_err_set(err, GWR_E_IO, "%s: extracted text too large (over 1 GiB)", name);
        }
        st = gwr_text_decode(t, name, (const unsigned char *)x, xl, &x, &sp, err);
        free(x);
        t->format = gwr_read_kind_name(kind);
    } else {
        st = gwr_text_decode(t, name, buf, len, own, &sp, err);
    }
    if (st == GWR_OK) st = gwr_text_normalise(t, name, &sp, err);
    free(sp.at);
    if (st != GWR_OK) gwr_text_free(t);
    return st;
}

gwr_status gwr_text_load_mem(gwr_text *t, const char *name, const void *buf, size_t len, gwr_err *err)
{
    return load(t, name, NULL, buf, len, NULL, NULL, err);
}

gwr_status gwr_text_load_owned(gwr_text *t, const char *name, char **buf, size_t len, gwr_err *err)
{
    return load(t, name, NULL, *buf, len, buf, NULL, err);
}

static gwr_status load_path(gwr_text *t, const char *name, const char *path, char **buf, size_t len,
                            const gwr_input_kind *kind, gwr_err *err)
{
    return load(t, name, path, *buf, len, buf, kind, err);
}

/* Reads all of fd; size_hint preallocates (regular files). */
static gwr_status read_all(int fd, const char *name, size_t size_hint, char **out, size_t *outlen, gwr_err *err)
{
    size_t cap = size_hint ? size_hint + 1 : 65536, len = 0;
    char *buf = malloc(cap);
    if (!buf) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
    for (;;) {
        if (len == cap) {
            /* grown at most to the limit and two bytes (one to see that the
             * input goes on, one spare for the decoder): a stream over the
             * limit is refused without reading more of it */
            if (len > GWR_TEXT_MAX_INPUT) {
                free(buf);
                return gwr_err_set(err, GWR_E_IO, "%s: file too large (over 1 GiB)", name);
            }
            size_t nc = cap * 2 < GWR_TEXT_MAX_INPUT + 2 ? cap * 2 : GWR_TEXT_MAX_INPUT + 2;
            char *nb = realloc(buf, nc);
            if (!nb) {
                free(buf);
                return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name);
            }
            buf = nb;
            cap = nc;
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            free(buf);
            if (e == EISDIR) return gwr_err_set(err, GWR_E_IO, "%s: is a directory", name);
            return gwr_err_set(err, GWR_E_IO, "%s: cannot read: %s", name, strerror(e));
        }
        len += (size_t)n;
    }
    *out = buf;
    *outlen = len;
    return GWR_OK;
}

gwr_status gwr_text_load_file(gwr_text *t, const char *path, gwr_err *err)
{
    memset(t, 0, sizeof *t);
    char *buf = NULL;
    size_t len = 0;
    gwr_status st;
    if (strcmp(path, "-") == 0) {
        st = read_all(STDIN_FILENO, "standard input", 0, &buf, &len, err);
        if (st != GWR_OK) return st;
        st = gwr_text_load_owned(t, "standard input", &buf, len, err);
        free(buf);
        return st;
    }
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return gwr_err_set(err, GWR_E_IO, "%s: %s", path, strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        int e = errno;
        close(fd);
        return gwr_err_set(err, GWR_E_IO, "%s: %s", path, strerror(e));
    }
    if (S_ISDIR(sb.st_mode)) {
        close(fd);
        return gwr_err_set(err, GWR_E_IO, "%s: is a directory (give a report file)", path);
    }
    if (!S_ISREG(sb.st_mode)) {
        close(fd);
        return gwr_err_set(err, GWR_E_IO, "%s: not a regular file", path);
    }
    if ((unsigned long long)sb.st_size > GWR_TEXT_MAX_INPUT) {
        close(fd);
        return gwr_err_set(err, GWR_E_IO, "%s: file too large (over 1 GiB)", path);
    }
    /* a web page, PDF or Word file has a smaller limit: one larger than the
     * smallest is refused before it is read, after a look at its first KiB */
    size_t small = gwr_read_max_input(GWR_IN_HTML);
    const gwr_input_kind others[] = { GWR_IN_PDF, GWR_IN_DOCX, GWR_IN_DOC };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        if (gwr_read_max_input(others[i]) < small) small = gwr_read_max_input(others[i]);
    gwr_input_kind kind = GWR_IN_TEXT;
    bool told = false;
    if ((unsigned long long)sb.st_size > small) {
        unsigned char head[1024];
        ssize_t hn = pread(fd, head, sizeof head, 0);
        kind = gwr_read_detect(path, head, hn > 0 ? (size_t)hn : 0);
        told = true;
        if (kind != GWR_IN_TEXT && (unsigned long long)sb.st_size > gwr_read_max_input(kind)) {
            close(fd);
            return gwr_err_set(err, GWR_E_IO, "%s: %s file too large (over %zu MiB)", path, gwr_read_kind_name(kind),
                               gwr_read_max_input(kind) >> 20);
        }
    }
    /* back to blocking reads for the regular file */
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    st = read_all(fd, path, (size_t)sb.st_size, &buf, &len, err);
    close(fd);
    if (st != GWR_OK) return st;
    /* the kind told from the bytes read (once; by the look above for a large file) */
    st = load_path(t, path, path, &buf, len, told ? &kind : NULL, err);
    free(buf);
    if (st == GWR_OK)
        t->stamp = (gwr_text_stamp){ (uint64_t)sb.st_size,
                                     (uint64_t)sb.st_mtim.tv_sec * 1000000000u + (uint64_t)sb.st_mtim.tv_nsec,
                                     (uint64_t)sb.st_ino, (uint64_t)sb.st_dev };
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
    if (t->map_len == 0) return norm_off < t->orig_len ? norm_off : t->orig_len;
    size_t lo = 0, hi = t->map_len;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->map_norm[mid] <= norm_off) lo = mid;
        else hi = mid;
    }
    size_t o = t->map_orig[lo];
    if (norm_off > t->map_norm[lo]) o += norm_off - t->map_norm[lo];
    return o < t->orig_len ? o : t->orig_len;
}

uint32_t gwr_text_line_of(const gwr_text *t, size_t orig_off)
{
    if (t->nlines == 0) return 1;
    size_t lo = 0, hi = t->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->line_start[mid] <= orig_off) lo = mid;
        else hi = mid;
    }
    return (uint32_t)lo + 1;
}
