/* ui_keys.c — key bindings: data, not code. The help screen and the man page
 * list these; the X-macro in ui_cmds.h supplies names and help texts. */
#include "ui_int.h"
#include <stdio.h>
#include <string.h>

#define CTRL(c) ((c) & 0x1f)

static const struct binding {
    int    key;
    ui_cmd cmd;
    const char *label;    /* how the key is written in help and the man page */
} bindings[] = {
    { 'q', CMD_QUIT, "q" },
    { '?', CMD_HELP, "?" },
    { KEY_F(1), CMD_HELP, "F1" },
    { '1', CMD_SCR_DOC, "1" },
    { '2', CMD_SCR_TARGETS, "2" },
    { '3', CMD_SCR_COMPARE, "3" },
    { '4', CMD_SCR_REPORTS, "4" },
    { 'k', CMD_UP, "k" },
    { KEY_UP, CMD_UP, "Up" },
    { 'j', CMD_DOWN, "j" },
    { KEY_DOWN, CMD_DOWN, "Down" },
    { KEY_PPAGE, CMD_PGUP, "PgUp" },
    { 'b', CMD_PGUP, "b" },
    { CTRL('b'), CMD_PGUP, "^B" },
    { KEY_NPAGE, CMD_PGDN, "PgDn" },
    { ' ', CMD_PGDN, "Space" },
    { CTRL('f'), CMD_PGDN, "^F" },
    { 'g', CMD_TOP, "g" },
    { KEY_HOME, CMD_TOP, "Home" },
    { 'G', CMD_BOTTOM, "G" },
    { KEY_END, CMD_BOTTOM, "End" },
    { 'h', CMD_LEFT, "h" },
    { KEY_LEFT, CMD_LEFT, "Left" },
    { 'l', CMD_RIGHT, "l" },
    { KEY_RIGHT, CMD_RIGHT, "Right" },
    { '\t', CMD_TAB, "Tab" },
    { KEY_BTAB, CMD_TAB, "S-Tab" },
    { '\n', CMD_ENTER, "Enter" },
    { '\r', CMD_ENTER, NULL },
    { KEY_ENTER, CMD_ENTER, NULL },
    { '/', CMD_SEARCH, "/" },
    { 'n', CMD_NEXT, "n" },
    { 'N', CMD_PREV, "N" },
    { 27, CMD_CANCEL, "Esc" },
    { CTRL('u'), CMD_CLEAR, "^U" },
    { 'o', CMD_ORIGINAL, "o" },
    { 't', CMD_GOTARGETS, "t" },
    { 'a', CMD_ACHIEVED, "a" },
    { 'p', CMD_PLANNED, "p" },
    { 'm', CMD_MORE, "m" },
    { 's', CMD_SORT, "s" },
    { 'S', CMD_SORTREV, "S" },
    { '*', CMD_EXPAND_ALL, "*" },
    { '-', CMD_COLLAPSE_ALL, "-" },
    { ']', CMD_NEXT_DOC, "]" },
    { '[', CMD_PREV_DOC, "[" },
    { CTRL('l'), CMD_REDRAW, "^L" },
    { '5', CMD_SCR_TIMELINE, "5" },
    { '6', CMD_SCR_RANK, "6" },
    { 'r', CMD_RANK, "r" },
    { '+', CMD_YEAR_NEXT, "+" },
    { '=', CMD_YEAR_NEXT, NULL },
    { '-', CMD_YEAR_PREV, "-" },      /* after collapse-all: screen 6 takes collapse-all as this */
};

static const char *const names[CMD__COUNT] = {
    [CMD_NONE] = "",
#define UI_CMD_NAME(id, name, help) [CMD_##id] = name,
    UI_COMMANDS(UI_CMD_NAME)
#undef UI_CMD_NAME
};

static const char *const helps[CMD__COUNT] = {
    [CMD_NONE] = "",
#define UI_CMD_HELP(id, name, help) [CMD_##id] = help,
    UI_COMMANDS(UI_CMD_HELP)
#undef UI_CMD_HELP
};

ui_cmd ui_key_cmd(int key)
{
    for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
        if (bindings[i].key == key) return bindings[i].cmd;
    return CMD_NONE;
}

const char *ui_cmd_name(ui_cmd c) { return (unsigned)c < CMD__COUNT ? names[c] : ""; }
const char *ui_cmd_help(ui_cmd c) { return (unsigned)c < CMD__COUNT ? helps[c] : ""; }

const char *ui_cmd_keys(ui_cmd c, char *buf, size_t n)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
        if (bindings[i].cmd != c || !bindings[i].label) continue;
        int k = snprintf(buf + o, n - o, "%s%s", o ? ", " : "", bindings[i].label);
        if (k < 0 || (size_t)k >= n - o) break;
        o += (size_t)k;
    }
    return buf;
}
