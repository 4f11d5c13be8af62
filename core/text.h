/* text.h — loading report bytes into validated UTF-8 and an analysis form.
 *
 * Two texts are kept:
 *   orig  the report as the user knows it, converted to UTF-8 (BOM removed,
 *         CRLF/CR turned into LF, invalid sequences replaced by U+FFFD);
 *         used for display and line numbers.
 *   norm  the analysis form: full-width digits/letters/％/．/spaces folded to
 *         ASCII, hard-wrapped PDF lines joined into paragraphs, spaces between
 *         CJK characters and inside numbers dropped, doubled headings collapsed.
 *         Paragraphs are separated by exactly one '\n'.
 * A map takes any byte offset of norm back to a byte offset of orig (and so to
 * a 1-based line). */
#ifndef GWR_TEXT_H
#define GWR_TEXT_H
#include <stddef.h>
#include <stdint.h>
#include "err.h"

/* Which version of a file was read: a text read again later is the same
 * only if all of these are. */
typedef struct gwr_text_stamp {
    uint64_t size, mtime_ns, ino, dev;
} gwr_text_stamp;

typedef struct gwr_text {
    char    *orig;            /* NUL-terminated UTF-8 */
    size_t   orig_len;
    char    *norm;            /* NUL-terminated UTF-8 */
    size_t   norm_len;
    /* norm→orig map, stored sparsely: checkpoints sorted by norm offset.
     * orig offset of norm byte k = map_orig[i] + (k - map_norm[i]) for the
     * last checkpoint i with map_norm[i] <= k (clamped to orig_len). */
    uint32_t *map_norm, *map_orig;
    size_t    map_len;
    uint32_t *line_start;     /* byte offset of each line of orig */
    size_t    nlines;
    const char *encoding;     /* "UTF-8", "UTF-8 (BOM)", "GB18030", "UTF-16LE", "UTF-16BE" */
    size_t    invalid;        /* number of invalid sequences replaced by U+FFFD */
    int       pdf_layout;     /* 1 when hard-wrapped extraction was detected and joined */
    gwr_text_stamp stamp;     /* the file as it was read (zero for memory and stdin) */
    const char *format;       /* "" for a text file, else "HTML", "PDF", "DOCX", "DOC": orig is
                               * the text extracted from it (readers/read.h) */
    size_t    repaired;       /* GB18030 sequences inside a UTF-8 file decoded as GB18030 */
} gwr_text;

/* Loads a file; path "-" reads standard input. Refuses directories, FIFOs and
 * other non-regular files (except "-"), empty and binary input, with a
 * one-line message "PATH: problem" in err. Web pages, PDFs and Word files
 * (by extension or content) are read through readers/read.h first. */
gwr_status gwr_text_load_file(gwr_text *t, const char *path, gwr_err *err);
/* Same from memory; name is used in messages. buf is not kept. */
gwr_status gwr_text_load_mem(gwr_text *t, const char *name, const void *buf, size_t len, gwr_err *err);
void       gwr_text_free(gwr_text *t);

/* Characters in s[0,n) (bytes that are not continuation bytes), eight bytes
 * at a time; exact up to cap, and some value above cap once more are seen
 * (SIZE_MAX: always exact). */
size_t     gwr_utf8_count_upto(const char *s, size_t n, size_t cap);
size_t     gwr_text_orig_offset(const gwr_text *t, size_t norm_off);
/* 1-based line of orig containing the byte at orig_off. */
uint32_t   gwr_text_line_of(const gwr_text *t, size_t orig_off);
static inline uint32_t gwr_text_norm_line(const gwr_text *t, size_t norm_off)
{ return gwr_text_line_of(t, gwr_text_orig_offset(t, norm_off)); }

#endif
