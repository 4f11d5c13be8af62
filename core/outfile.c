/* outfile.c — temporary file + rename (see outfile.h). */
#define _POSIX_C_SOURCE 200809L
#include "outfile.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void clear(gwr_outfile *o)
{
    free(o->path);
    free(o->tmp);
    memset(o, 0, sizeof *o);
}

gwr_status gwr_outfile_open(gwr_outfile *o, const char *path, gwr_err *err)
{
    memset(o, 0, sizeof *o);
    o->path = strdup(path);
    if (!o->path) return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", path);
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {      /* a device or FIFO: no rename onto it */
        o->f = fopen(path, "w");
        if (!o->f) {
            int e = errno;
            clear(o);
            return gwr_err_set(err, GWR_E_IO, "%s: %s", path, strerror(e));
        }
        return GWR_OK;
    }
    size_t n = strlen(path);
    o->tmp = malloc(n + 16);
    if (!o->tmp) {
        clear(o);
        return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", path);
    }
    /* same directory, so that rename() is atomic: ".NAME.XXXXXX" would hide it,
     * but a visible NAME.tmp-XXXXXX is easier to recognise after a crash */
    memcpy(o->tmp, path, n);
    memcpy(o->tmp + n, ".tmp-XXXXXX", 12);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        int e = errno;
        clear(o);
        return gwr_err_set(err, GWR_E_IO, "%s: cannot create a temporary file: %s", path, strerror(e));
    }
    mode_t um = umask(0);
    umask(um);
    (void)fchmod(fd, 0666 & ~um);
    o->f = fdopen(fd, "w");
    if (!o->f) {
        int e = errno;
        close(fd);
        unlink(o->tmp);
        clear(o);
        return gwr_err_set(err, GWR_E_IO, "%s: %s", path, strerror(e));
    }
    return GWR_OK;
}

gwr_status gwr_outfile_commit(gwr_outfile *o, gwr_err *err)
{
    if (!o->f) {
        clear(o);
        return gwr_err_set(err, GWR_E_IO, "no file open");
    }
    int bad = ferror(o->f) || fflush(o->f) != 0;
    int e = bad ? (errno ? errno : EIO) : 0;
    if (!bad && o->tmp && fsync(fileno(o->f)) != 0) { bad = 1; e = errno; }
    if (fclose(o->f) != 0 && !bad) { bad = 1; e = errno; }
    o->f = NULL;
    if (!bad && o->tmp && rename(o->tmp, o->path) != 0) { bad = 1; e = errno; }
    if (bad) {
        if (o->tmp) unlink(o->tmp);
        gwr_err_set(err, GWR_E_IO, "%s: cannot write: %s", o->path, strerror(e));
        clear(o);
        return GWR_E_IO;
    }
    clear(o);
    return GWR_OK;
}

void gwr_outfile_abort(gwr_outfile *o)
{
    if (o->f) fclose(o->f);
    if (o->tmp) unlink(o->tmp);
    clear(o);
}
