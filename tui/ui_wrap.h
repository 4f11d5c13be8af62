/* ui_wrap.h — wrapping a paragraph to a width in display cells, with the
 * Chinese line-breaking rules: no line starts with closing punctuation
 * (，。、；：？！）」』…) and none ends with an opening one (（「『…); runs of
 * ASCII letters and digits ("6.7%", "GDP") are not split. A row holds at
 * most 16 bytes per cell (and 64 more): zero-width runs are wrapped too.
 * No curses here. */
#ifndef GWR_UI_WRAP_H
#define GWR_UI_WRAP_H
#include <stddef.h>
#include <stdint.h>

typedef struct ui_line {
    uint32_t off, len;     /* bytes of the source text */
    uint16_t indent;       /* cells of indentation before the text */
    uint8_t  first;        /* first line of its paragraph */
} ui_line;

typedef struct ui_lines {
    ui_line *v;
    size_t   n, cap;
} ui_lines;

/* Cells one character takes once sanitised (control bytes → "^X" …);
 * sets *clen to its byte length (1 for an invalid byte). */
int  ui_cell_width(const char *s, size_t len, size_t *clen);
/* Appends the lines of paragraph text[off..off+len) wrapped to `cells`;
 * the first line is indented by `indent` cells. Returns 0, or -1 when out of memory. */
int  ui_wrap_para(ui_lines *out, const char *text, uint32_t off, uint32_t len, int cells, int indent);
void ui_lines_free(ui_lines *l);

#endif
