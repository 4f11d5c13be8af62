/* text_internal.h — steps of the loader shared by text.c, text_decode.c and
 * text_norm.c (not part of the public API). */
#ifndef GWR_TEXT_INTERNAL_H
#define GWR_TEXT_INTERNAL_H
#include "text.h"

/* Largest input accepted: offsets are 32-bit and GB18030 grows by half. */
#define GWR_TEXT_MAX_INPUT ((size_t)1 << 30)

/* bytes → t->orig (UTF-8, LF line ends), t->encoding, t->invalid, line index.
 * own (may be NULL) points to a malloc'd buffer holding buf with one spare
 * byte: the decoder may adopt it as t->orig, then sets *own to NULL. */
gwr_status gwr_text_decode(gwr_text *t, const char *name, const unsigned char *buf, size_t len, char **own, gwr_err *err);
/* Like gwr_text_load_mem on a malloc'd buffer (len < its size) that may be adopted. */
gwr_status gwr_text_load_owned(gwr_text *t, const char *name, char **buf, size_t len, gwr_err *err);
/* t->orig → t->norm with its map; sets t->pdf_layout. */
gwr_status gwr_text_normalise(gwr_text *t, const char *name, gwr_err *err);

/* Whitespace at s (ASCII blank, U+3000, U+00A0, U+FEFF): its byte length, else 0. */
size_t gwr_text_space_len(const unsigned char *s, const unsigned char *end);

/* A terminal control sequence (ESC …, C1 as UTF-8) or control character
 * (C0 other than blanks and LF, DEL) at s: its byte length, else 0. */
size_t gwr_text_control_len(const unsigned char *s, const unsigned char *end);

/* An invisible format character at s (soft hyphen U+00AD, U+061C, U+180E,
 * U+200B–200F, U+202A–202E, U+2060–2064, U+2066–2069, U+FEFF): its byte
 * length, else 0. The analysis form drops them, as it drops controls. */
size_t gwr_text_format_len(const unsigned char *s, const unsigned char *end);

#endif
