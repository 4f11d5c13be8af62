/* ui_wrap.c — paragraph wrapping by display cells with CJK line-breaking
 * rules (kinsoku): a break is never placed before closing punctuation or
 * after opening punctuation; when the line is full the break moves back
 * so that the punctuation travels with the character before it. */
#include "ui_wrap.h"
#include "uwidth.h"
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <uniwidth.h>

/* may not start a line */
static const ucs4_t no_start[] = {
    0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09, 0x300D, 0x300F,
    0x3011, 0x3015, 0x300B, 0x3009, 0x201D, 0x2019, 0x2026, 0x00B7, 0x30FB, 0xFF05,
    0x2030, 0xFF5D, 0xFF3D, 0x3017, 0x3019, 0xFF0E, 0x2014, 0xFF5E, 0x301E, 0x2025,
    ',', '.', ';', ':', '?', '!', ')', ']', '}', '%',
};
/* may not end a line */
static const ucs4_t no_end[] = {
    0xFF08, 0x300C, 0x300E, 0x3010, 0x3014, 0x300A, 0x3008, 0x201C, 0x2018, 0xFF5B,
    0xFF3B, 0x3016, 0x3018, 0x301D, '(', '[', '{',
};

static bool in(const ucs4_t *set, size_t n, ucs4_t c)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == c) return true;
    return false;
}

int ui_cell_width(const char *s, size_t len, size_t *clen)
{
    return gwr_shown_width(s, len, clen);
}

static ucs4_t dec(const char *s, size_t len)
{
    ucs4_t uc;
    u8_mbtouc(&uc, (const uint8_t *)s, len);
    return uc;
}

static bool word_char(ucs4_t c)
{
    return c > 0x20 && c < 0x7F;
}

static bool can_break(ucs4_t prev, ucs4_t c)
{
    if (in(no_start, sizeof no_start / sizeof no_start[0], c)) return false;
    if (in(no_end, sizeof no_end / sizeof no_end[0], prev)) return false;
    if (word_char(prev) && word_char(c)) return false;
    return true;
}

static int push(ui_lines *out, uint32_t off, uint32_t len, int indent, bool first)
{
    if (out->n == out->cap) {
        size_t nc = out->cap ? out->cap * 2 : 256;
        ui_line *nv = realloc(out->v, nc * sizeof *nv);
        if (!nv) return -1;
        out->v = nv;
        out->cap = nc;
    }
    out->v[out->n++] = (ui_line){ off, len, (uint16_t)indent, first };
    return 0;
}

int ui_wrap_para(ui_lines *out, const char *text, uint32_t off, uint32_t len, int cells, int indent)
{
    const char *s = text + off;
    size_t i = 0, start = 0, brk = 0;
    int w = indent, ind = indent;
    bool first = true;
    ucs4_t prev = 0;
    if (cells < 2) cells = 2;
    size_t row_max = (size_t)cells * 16 + 64;
    if (ind >= cells) ind = w = 0;
    if (len == 0) return push(out, off, 0, ind, true);
    while (i < len) {
        size_t cl;
        int cw = ui_cell_width(s + i, len - i, &cl);
        ucs4_t c = dec(s + i, len - i);
        if (i > start && can_break(prev, c)) brk = i;
        /* a row is also ended after row_max bytes: a run of combining marks
         * (no width) would otherwise be one endless row, every repaint of
         * which costs the whole run */
        if ((w + cw > cells || i - start >= row_max) && i > start) {
            size_t b = brk > start ? brk : i;
            if (push(out, off + (uint32_t)start, (uint32_t)(b - start), first ? ind : 0, first)) return -1;
            first = false;
            start = b;
            while (start < i && s[start] == ' ') start++;
            w = 0;
            for (size_t k = start; k < i;) {
                size_t kl;
                w += ui_cell_width(s + k, len - k, &kl);
                k += kl;
            }
            brk = 0;
            if (start == i && c == ' ') {    /* a space at the start of a line */
                i += cl;
                start = i;
                prev = c;
                continue;
            }
        }
        w += cw;
        prev = c;
        i += cl;
    }
    if (start < len || first)
        return push(out, off + (uint32_t)start, (uint32_t)(len - start), first ? ind : 0, first);
    return 0;
}

void ui_lines_free(ui_lines *l)
{
    free(l->v);
    memset(l, 0, sizeof *l);
}
