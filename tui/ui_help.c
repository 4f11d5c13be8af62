/* ui_help.c — the help screen, generated from the command list (ui_cmds.h)
 * and the key bindings (ui_keys.c): it cannot drift from what the keys do. */
#include "ui_int.h"
#include <stdio.h>

static const char *const notes[] = {
    "",
    "Targets (2): typing any non-ASCII character, or / first, filters the",
    "table as you type (indicator, section, sentence); Enter keeps the filter,",
    "Esc or ^U clears it. Document (1): / searches as you type, n/N move.",
    "Ctrl-Z suspends, Ctrl-C quits.",
    "In this help: the movement keys above scroll it; q, Esc, ? or F1 returns",
    "to the screen you came from; 1-4 open a screen; other keys do nothing.",
};
#define NNOTES (sizeof notes / sizeof notes[0])

static void open_(ui *u, ui_view *v)
{
    (void)u;
    v->nrows = (CMD__COUNT - 1) + NNOTES;
    v->dirty = true;
}

static size_t rows(ui *u, ui_view *v)
{
    (void)u;
    return v->nrows;
}

static void header(ui *u, ui_view *v)
{
    ui_fill(v->win, 0, 0, v->w, u->attr[ST_HEADER]);
    ui_puts(v->win, 0, 0, "key", 18, u->attr[ST_HEADER]);
    ui_puts(v->win, 0, 19, "action", v->w - 19, u->attr[ST_HEADER]);
}

static void draw_row(ui *u, ui_view *v, int y, size_t row, bool sel)
{
    (void)sel;
    if (row < CMD__COUNT - 1) {
        ui_cmd c = (ui_cmd)(row + 1);
        char keys[128];
        ui_puts(v->win, y, 0, ui_cmd_keys(c, keys, sizeof keys), 18, u->attr[ST_HEADING]);
        ui_puts(v->win, y, 19, ui_cmd_help(c), v->w - 19, u->attr[ST_NORMAL]);
    } else {
        ui_puts(v->win, y, 0, notes[row - (CMD__COUNT - 1)], v->w, u->attr[ST_NORMAL]);
    }
}

static void status(ui *u, ui_view *v, char *buf, size_t n)
{
    (void)u;
    snprintf(buf, n, "help %zu/%zu", v->top + 1, v->nrows);
}

const ui_view_ops ui_help_ops = {
    .name = "help", .open = open_, .rows = rows, .draw_row = draw_row, .header = header,
    .status = status,
};
