/* ui_list.c — what every pane shares: a window of rows with a top line and
 * a selection, movement commands, and drawing that sends little: when only
 * the selection moved inside the visible page, only the old and the new
 * selected rows are redrawn (as htop does); ncurses batches the rest with
 * wnoutrefresh + doupdate. */
#include "ui_int.h"

/* Footer lines actually shown: none when they would leave fewer than 3 rows. */
static int footer_lines(const ui_view *v)
{
    int b = v->h - (v->has_header ? 1 : 0);
    return v->footer > 0 && v->ops && v->ops->footer && b - v->footer >= 3 ? v->footer : 0;
}

int ui_view_body(const ui_view *v)
{
    int b = v->h - (v->has_header ? 1 : 0) - footer_lines(v);
    return b > 0 ? b : 0;
}

void ui_view_touch(ui_view *v) { v->dirty = true; }

static void draw_one(ui *u, ui_view *v, size_t row)
{
    int hy = v->has_header ? 1 : 0;
    if (row < v->top || row >= v->top + (size_t)ui_view_body(v)) return;
    int y = hy + (int)(row - v->top);
    bool sel = !v->cursorless && row == v->sel && v->nrows > 0;
    attr_t base = u->attr[ST_NORMAL];
    if (sel) base = v->focus ? u->attr[ST_SELECTED] : u->attr[ST_CURSOR];
    ui_fill(v->win, y, 0, v->w, base);
    if (row < v->nrows) v->ops->draw_row(u, v, y, row, sel);
}

void ui_view_draw(ui *u, ui_view *v)
{
    if (!v->win) return;
    int body = ui_view_body(v);
    if (!v->dirty && v->moved && v->top == v->drawn_top) {
        draw_one(u, v, v->drawn_sel);
        draw_one(u, v, v->sel);
    } else if (v->dirty || v->moved) {
        werase(v->win);
        if (v->has_header && v->ops->header) v->ops->header(u, v);
        if (v->nrows == 0 && v->ops->empty && body > 0)
            ui_puts(v->win, v->has_header ? 1 : 0, 1, v->ops->empty, v->w - 1, u->attr[ST_DIM]);
        for (int y = 0; y < body; y++) {
            size_t row = v->top + (size_t)y;
            if (row >= v->nrows) break;
            draw_one(u, v, row);
        }
    } else {
        return;
    }
    int fl = footer_lines(v);
    if (fl) {   /* it follows the selection */
        int y0 = v->h - fl;
        for (int y = y0; y < v->h; y++) ui_fill(v->win, y, 0, v->w, u->attr[ST_NORMAL]);
        v->ops->footer(u, v, y0);
    }
    v->dirty = v->moved = false;
    v->drawn_top = v->top;
    v->drawn_sel = v->sel;
    wnoutrefresh(v->win);
}

static void clamp(ui_view *v)
{
    size_t body = (size_t)ui_view_body(v);
    if (body == 0) body = 1;
    if (v->nrows == 0) {
        v->top = v->sel = 0;
        return;
    }
    if (v->sel >= v->nrows) v->sel = v->nrows - 1;
    size_t maxtop = v->nrows > body ? v->nrows - body : 0;
    if (v->cursorless) {
        if (v->top > maxtop) v->top = maxtop;
        return;
    }
    if (v->sel < v->top) v->top = v->sel;
    if (v->sel >= v->top + body) v->top = v->sel - body + 1;
    if (v->top > maxtop) v->top = maxtop;
}

static void changed(ui *u, ui_view *v, size_t otop, size_t osel)
{
    if (v->top == otop && v->sel == osel) return;
    v->moved = true;
    u->status_dirty = true;
    if (v->ops->moved) v->ops->moved(u, v);
}

void ui_view_select(ui *u, ui_view *v, size_t row)
{
    size_t otop = v->top, osel = v->sel;
    if (v->cursorless) v->top = row;
    else v->sel = row;
    clamp(v);
    changed(u, v, otop, osel);
}

void ui_view_scroll_to(ui *u, ui_view *v, size_t row, int context)
{
    size_t otop = v->top, osel = v->sel;
    size_t body = (size_t)ui_view_body(v);
    if (!v->cursorless) v->sel = row;
    if (v->cursorless || row < v->top || row >= v->top + body)
        v->top = row > (size_t)context ? row - (size_t)context : 0;
    clamp(v);
    changed(u, v, otop, osel);
}

bool ui_list_request(ui *u, ui_view *v, ui_cmd c)
{
    size_t body = (size_t)ui_view_body(v);
    if (body == 0) body = 1;
    size_t otop = v->top, osel = v->sel;
    size_t *p = v->cursorless ? &v->top : &v->sel;
    size_t page = body > 2 && v->cursorless ? body - 1 : body;
    switch (c) {
    case CMD_UP:     if (*p > 0) (*p)--; break;
    case CMD_DOWN:   (*p)++; break;
    case CMD_PGUP:
        *p = *p > page ? *p - page : 0;
        if (!v->cursorless) v->top = v->top > page ? v->top - page : 0;
        break;
    case CMD_PGDN:
        *p += page;
        if (!v->cursorless) v->top += page;
        break;
    case CMD_TOP:    *p = 0; v->top = 0; break;
    case CMD_BOTTOM: *p = v->nrows ? v->nrows - 1 : 0; break;
    default: return false;
    }
    clamp(v);
    changed(u, v, otop, osel);
    return true;
}
