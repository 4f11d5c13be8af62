/* ui_style.c — colours come from one table (ui_int.h, UI_STYLES) with a
 * monochrome column. A non-empty NO_COLOR, a terminal without colours, or
 * fewer than 8 colours give the monochrome column. Coloured highlights set
 * both foreground and background so they read on light and dark terminals;
 * plain text keeps the terminal's own colours (use_default_colors). */
#include "ui_int.h"
#include <stdlib.h>

static const struct { short fg, bg; attr_t colour, mono; } table[ST__COUNT] = {
#define UI_STYLE_ROW(id, f, b, ca, ma) [ST_##id] = { f, b, ca, ma },
    UI_STYLES(UI_STYLE_ROW)
#undef UI_STYLE_ROW
};

void ui_style_init(ui *u)
{
    const char *nc = getenv("NO_COLOR");
    u->mono = (nc && *nc) || !has_colors();
    if (!u->mono) {
        if (start_color() == ERR || COLORS < 8) u->mono = true;
    }
    if (!u->mono && use_default_colors() == ERR) {
        /* no default colours: only pairs with both colours set are safe */
    }
    for (int i = 0; i < ST__COUNT; i++) {
        if (u->mono || (table[i].fg < 0 && table[i].bg < 0)) {
            u->attr[i] = u->mono ? table[i].mono : table[i].colour;
            continue;
        }
        if (init_pair((short)(i + 1), table[i].fg, table[i].bg) == ERR) {
            u->attr[i] = table[i].mono;
            continue;
        }
        u->attr[i] = table[i].colour | COLOR_PAIR(i + 1);
    }
}
