/* ui_draw.c — every string the interface draws goes through here:
 * sanitise (control bytes, ESC, C1 → visible escapes; bad UTF-8 → U+FFFD)
 * → measure display cells → clip without splitting a character.
 * Text from a report can therefore never move the cursor or change the terminal. */
#include "ui_int.h"
#include "uwidth.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ui_put(WINDOW *w, int y, int x, const char *s, size_t len, int cells, attr_t a)
{
    char stack[2048];
    if (cells <= 0 || !s) return 0;
    /* a sanitised string is at most 8 bytes per input byte (<U+0085>) */
    size_t cap = len * 8 + 1;
    char *buf = cap <= sizeof stack ? stack : malloc(cap);
    if (!buf) return 0;
    size_t n = gwr_sanitize(s, len, buf, cap);
    int used = 0;
    size_t k = gwr_clip(buf, n, cells, &used);
    bool cut = k < n && cells >= 2;
    if (cut) k = gwr_clip(buf, n, cells - 1, &used);   /* room for the mark */
    if (k > 0) {
        wattrset(w, a);
        mvwaddnstr(w, y, x, buf, (int)k);
        wattrset(w, A_NORMAL);
    }
    if (cut) {
        wattrset(w, a);
        mvwaddstr(w, y, x + used, "…");
        wattrset(w, A_NORMAL);
        used++;
    }
    if (buf != stack) free(buf);
    return used;
}

int ui_puts(WINDOW *w, int y, int x, const char *s, int cells, attr_t a)
{
    return s ? ui_put(w, y, x, s, strlen(s), cells, a) : 0;
}

int ui_putf(WINDOW *w, int y, int x, int cells, attr_t a, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return ui_puts(w, y, x, buf, cells, a);
}

void ui_fill(WINDOW *w, int y, int x, int cells, attr_t a)
{
    if (cells <= 0) return;
    wattrset(w, a);
    mvwhline(w, y, x, ' ', cells);
    wattrset(w, A_NORMAL);
}

int ui_width_n(const char *s, size_t len)
{
    char stack[1024];
    size_t cap = len * 8 + 1;
    char *buf = cap <= sizeof stack ? stack : malloc(cap);
    if (!buf) return (int)len;
    size_t n = gwr_sanitize(s, len, buf, cap);
    int w = gwr_width(buf, n);
    if (buf != stack) free(buf);
    return w;
}

int ui_width(const char *s)
{
    char buf[1024];
    size_t n = gwr_sanitize(s, strlen(s), buf, sizeof buf);
    return gwr_width(buf, n);
}

int ui_put_right(WINDOW *w, int y, int x, const char *s, int cells, attr_t a)
{
    int sw = ui_width(s);
    int pad = sw < cells ? cells - sw : 0;
    if (pad) ui_fill(w, y, x, pad, a);
    return pad + ui_puts(w, y, x + pad, s, cells - pad, a);
}
