/* uwidth.h — the one width routine: sanitise → measure → clip.
 * Used by every string the interface draws and by the aligned text tables. */
#ifndef GWR_UWIDTH_H
#define GWR_UWIDTH_H
#include <stddef.h>

/* Copies s[0..len) into out (capacity cap, always NUL-terminated) in the
 * screen form of the output sanitiser (safe.h): control characters (C0, DEL,
 * C1, ESC) and bidi controls made visible ("^[", "^A", "<U+0085>",
 * "<U+202E>"), an invalid byte as "\xHH", a character that curses would draw
 * at another width than gwr measures (or an unassigned one) as U+FFFD; tabs
 * become one space. Returns bytes written. */
size_t gwr_sanitize(const char *s, size_t len, char *out, size_t cap);
/* Cells the character at s takes once sanitised, so what is measured is what
 * is drawn; sets *clen to its byte length (1 for an invalid byte). */
int    gwr_shown_width(const char *s, size_t len, size_t *clen);
/* Display cells of a sanitised UTF-8 string (CJK = 2). */
int    gwr_width(const char *s, size_t len);
/* Longest prefix of a sanitised string that fits in `cells`; returns its byte
 * length and sets *used to the cells it takes. Never splits a character. */
size_t gwr_clip(const char *s, size_t len, int cells, int *used);
/* Cells of one character at s (sets *clen to its byte length). */
int    gwr_char_width(const char *s, size_t len, size_t *clen);

#endif
