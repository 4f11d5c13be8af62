/* safe.h — the one output sanitiser. Every string that leaves gwr (a file
 * name, an entity, a title, an indicator name, report text; on stdout, on
 * stderr, on the screen) goes through it, in the form of its destination:
 *
 *   what is found                 TEXT / screen   TSV       JSON            MSG
 *   C0 control, DEL               ^[  ^?          \x1b \x7f \u001b \u007f   ?
 *     tab, LF, CR                 ' ' ^J ^M       \t \n \r  \t \n \u000d    ?
 *   C1 control (U+0080–009F)      <U+009B>        \u009b    \u009b          ?
 *   bidi and line controls        <U+202E>        \u202e    \u202e          ?
 *     (U+061C, U+200E–200F, U+2028–202E, U+2066–2069)
 *   invalid UTF-8 byte 0xHH       \xHH            \xHH      \ufffd\\xHH     ?
 *   unassigned, or measured     U+FFFD          as is     as is           as is
 *     otherwise by curses (U+00AD, U+0600–0605, U+3248–324F, U+4DC0–4DFF …)
 *   backslash                     \               \\        \\              \
 *   double quote                  "               "         \"              "
 *
 * So no byte below 0x20 (but the TSV/JSON syntax's own tab and newline), no
 * DEL, no C1 control and no bidi control ever reaches the output, and JSON
 * and TSV are always valid UTF-8. In JSON an invalid byte becomes U+FFFD
 * followed by the four characters \xHH, so the raw bytes of a file name can
 * still be recovered. */
#ifndef GWR_SAFE_H
#define GWR_SAFE_H
#include <stddef.h>
#include <stdio.h>

typedef enum {
    GWR_SAFE_TEXT = 0,   /* plain text and the screen (same values as gwr_format) */
    GWR_SAFE_TSV,
    GWR_SAFE_JSON,       /* the inside of a JSON string (no quotes) */
    GWR_SAFE_MSG,        /* one-line messages on stderr */
} gwr_safe_form;

/* Writes s[0..len) to f in the given form. */
void   gwr_safe_put(FILE *f, gwr_safe_form form, const char *s, size_t len);
/* Same into out (capacity cap, always NUL-terminated; a character whose
 * escape does not fit is dropped with the rest). Returns the bytes written. */
size_t gwr_safe_copy(gwr_safe_form form, const char *s, size_t len, char *out, size_t cap);
/* The UTF-8 character at s: its byte length (1–4) and code point, or 0 for an
 * invalid byte (overlong, surrogate, beyond U+10FFFF, cut short). */
size_t gwr_safe_char(const char *s, size_t len, unsigned *cp);
/* How many leading bytes of s[0..len) `form` writes unchanged (a fast scan
 * that may stop early: the rest then goes through the full check). */
size_t gwr_safe_plain_len(gwr_safe_form form, const char *s, size_t len);
/* The same for s whose buffer goes on, initialised, for at least 15 bytes
 * past len (it is read sixteen bytes at a time to the end). */
size_t gwr_safe_plain_len_padded(gwr_safe_form form, const char *s, size_t len);

#endif
