/* ui_script.c — scripted runs for the screen tests (as tig's test harness
 * does): keys come from a string instead of the terminal, the interface
 * draws on a terminal opened on /dev/null, and <Dump> writes the screen as
 * text. Script syntax: UTF-8 characters stand for themselves; <Enter>,
 * <Esc>, <Tab>, <BS>, <Up>, <Down>, <Left>, <Right>, <PgUp>, <PgDn>,
 * <Home>, <End>, <Space>, <Lt> ('<'), <C-x> (control), <Resize WxH>, <Dump>. */
#include "ui_script.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static const struct { const char *name; int key; bool code; } names[] = {
    { "Enter", '\n', false }, { "Esc", 27, false }, { "Tab", '\t', false },
    { "BS", KEY_BACKSPACE, true }, { "Up", KEY_UP, true }, { "Down", KEY_DOWN, true },
    { "Left", KEY_LEFT, true }, { "Right", KEY_RIGHT, true }, { "PgUp", KEY_PPAGE, true },
    { "PgDn", KEY_NPAGE, true }, { "Home", KEY_HOME, true }, { "End", KEY_END, true },
    { "Space", ' ', false }, { "Lt", '<', false }, { "F1", KEY_F(1), true },
};

ui_script_ev ui_script_next(const char **pp, wint_t *wc, bool *code, int *lines, int *cols)
{
    const char *p = *pp;
    *code = false;
    while (*p == '\n') p++;           /* newlines in a script file are layout */
    if (!*p) {
        *pp = p;
        return SCRIPT_END;
    }
    if (*p == '<') {
        const char *e = strchr(p, '>');
        if (e) {
            size_t n = (size_t)(e - p - 1);
            const char *w = p + 1;
            *pp = e + 1;
            if (n == 4 && memcmp(w, "Dump", 4) == 0) return SCRIPT_DUMP;
            if (n > 7 && memcmp(w, "Resize ", 7) == 0 && sscanf(w + 7, "%dx%d", cols, lines) == 2)
                return SCRIPT_RESIZE;
            if (n == 3 && w[0] == 'C' && w[1] == '-') {
                *wc = (wint_t)(w[2] & 0x1f);
                return SCRIPT_KEY;
            }
            for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
                if (strlen(names[i].name) == n && memcmp(names[i].name, w, n) == 0) {
                    *wc = (wint_t)names[i].key;
                    *code = names[i].code;
                    return SCRIPT_KEY;
                }
            *pp = p;                      /* not a key name: a literal '<' */
        }
    }
    mbstate_t ms;
    memset(&ms, 0, sizeof ms);
    wchar_t w;
    size_t k = mbrtowc(&w, p, strlen(p), &ms);
    if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
        *pp = p + 1;
        *wc = (unsigned char)*p;
        return SCRIPT_KEY;
    }
    *pp = p + k;
    *wc = (wint_t)w;
    return SCRIPT_KEY;
}

void ui_script_dump(FILE *f, int n)
{
    int lines, cols;
    getmaxyx(curscr, lines, cols);
    fprintf(f, "== screen %d (%dx%d)\n", n, cols, lines);
    for (int y = 0; y < lines; y++) {
        char line[4096];
        size_t o = 0, keep = 0;
        for (int x = 0; x < cols;) {
            cchar_t cc;
            wchar_t wch[CCHARW_MAX + 1];
            attr_t a;
            short pair;
            int w = 1;
            if (mvwin_wch(curscr, y, x, &cc) == ERR) break;
            if (getcchar(&cc, wch, &a, &pair, NULL) == ERR || wch[0] == 0) wch[0] = L' ';
            w = wcwidth(wch[0]);
            if (w < 1) w = 1;
            char mb[MB_LEN_MAX * 2];
            mbstate_t ms;
            memset(&ms, 0, sizeof ms);
            size_t k = wcrtomb(mb, wch[0], &ms);
            if (k == (size_t)-1) mb[0] = '?', k = 1;
            if (o + k < sizeof line) {
                memcpy(line + o, mb, k);
                o += k;
                if (wch[0] != L' ') keep = o;
            }
            x += w;
        }
        fprintf(f, "%.*s\n", (int)keep, line);
    }
    fflush(f);
}
