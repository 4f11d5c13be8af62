/* outfile.h — writing a file the safe way: into a temporary file next to it,
 * renamed into place only when everything was written. A reader never sees a
 * half-written file and a failed write leaves the old file as it was.
 * gwr writes nothing unless asked; every file it is asked to write goes
 * through here. */
#ifndef GWR_OUTFILE_H
#define GWR_OUTFILE_H
#include <stdio.h>
#include "err.h"

typedef struct gwr_outfile {
    FILE *f;        /* write here */
    char *path;     /* the destination */
    char *tmp;      /* the temporary file, NULL when writing straight to a device/FIFO */
} gwr_outfile;

/* Opens a temporary file in the destination's directory (mode 0666 minus the
 * umask, like fopen). A destination that exists and is not a regular file
 * (/dev/stdout, a FIFO, a terminal) is opened directly instead. */
gwr_status gwr_outfile_open(gwr_outfile *o, const char *path, gwr_err *err);
/* Flushes, syncs and closes; renames the temporary file into place. On any
 * error the temporary file is removed and the destination is untouched. */
gwr_status gwr_outfile_commit(gwr_outfile *o, gwr_err *err);
/* Closes and removes the temporary file; the destination is untouched. */
void       gwr_outfile_abort(gwr_outfile *o);

#endif
