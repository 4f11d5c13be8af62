/* read.h — reports as they are published: web pages, PDFs and Word files.
 *
 * Each reader turns one input format into plain UTF-8 text, one paragraph per
 * line (table rows as cells separated by tabs), which the text loader then
 * decodes and normalises like any .txt report. Line numbers shown by gwr for
 * these files refer to this extracted text.
 *
 * Readers depend on nothing of gwr but err.h; the text loader calls them. */
#ifndef GWR_READ_H
#define GWR_READ_H
#include <stddef.h>
#include "err.h"

typedef enum {
    GWR_IN_TEXT = 0,   /* plain text (any encoding the text loader knows) */
    GWR_IN_HTML,
    GWR_IN_PDF,
    GWR_IN_DOCX,
    GWR_IN_DOC,        /* legacy Word (OLE2) */
    GWR_IN__COUNT
} gwr_input_kind;

/* Largest input each format is read from (a bigger file is refused before it
 * is read): a web page or Word file of a report is well under a few MiB. */
#define GWR_READ_MAX_HTML  ((size_t)64 << 20)
#define GWR_READ_MAX_DOCX  ((size_t)64 << 20)
#define GWR_READ_MAX_PDF   ((size_t)256 << 20)
#define GWR_READ_MAX_DOC   ((size_t)64 << 20)
/* Largest text a reader produces (decompressed .docx part, pdftotext output). */
#define GWR_READ_MAX_TEXT  ((size_t)256 << 20)
/* Largest .docx document part once inflated: a report's is a few MiB. */
#define GWR_READ_MAX_PART  ((size_t)64 << 20)
/* Seconds an external converter (pdftotext, antiword) may run. */
#define GWR_READ_TIMEOUT   60

/* The format of a file from its name's extension (.html .htm .shtml .xhtml,
 * .pdf, .docx, .doc), else from its first bytes (%PDF-, a zip holding
 * word/document.xml, the OLE2 signature, <!DOCTYPE html / <html). head may be
 * shorter than the file; 1 KiB is enough. */
gwr_input_kind gwr_read_detect(const char *name, const unsigned char *head, size_t n);
/* A folder takes files with these extensions (and .txt, .text, none). */
int gwr_read_known_ext(const char *name);
const char *gwr_read_kind_name(gwr_input_kind k);   /* "HTML", "PDF", "DOCX", "DOC", "" */
size_t gwr_read_max_input(gwr_input_kind k);

/* Each reader: the text in *out (malloc'd, NUL-terminated, *outlen bytes);
 * on failure a one-line "NAME: problem" in err and *out == NULL.
 * path (may be NULL) is the file on disk, given to external converters;
 * without it the bytes are written to a private temporary file. */
gwr_status gwr_read_html(const char *name, const unsigned char *buf, size_t len,
                         char **out, size_t *outlen, gwr_err *err);
gwr_status gwr_read_docx(const char *name, const unsigned char *buf, size_t len,
                         char **out, size_t *outlen, gwr_err *err);
gwr_status gwr_read_pdf(const char *name, const char *path, const unsigned char *buf, size_t len,
                        char **out, size_t *outlen, gwr_err *err);
gwr_status gwr_read_doc(const char *name, const char *path, const unsigned char *buf, size_t len,
                        char **out, size_t *outlen, gwr_err *err);

/* The page-text step of the PDF reader, on pdftotext -layout output (pages
 * separated by form feeds): running headers/footers and page numbers removed,
 * hard-wrapped lines joined, indented lines starting paragraphs. */
gwr_status gwr_read_pdf_clean(const char *name, const char *layout, size_t len,
                              char **out, size_t *outlen, gwr_err *err);

/* Dispatch on kind (not GWR_IN_TEXT). */
gwr_status gwr_read_any(gwr_input_kind kind, const char *name, const char *path,
                        const unsigned char *buf, size_t len, char **out, size_t *outlen, gwr_err *err);

#endif
