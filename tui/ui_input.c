/* ui_input.c — what a key does: the line input of a search or a filter
 * (typed characters, Backspace, Enter keeps, Esc and ^U clear), commands
 * looked up in the bindings (ui_keys.c) and dispatched to the screen or to
 * the focused pane's operations, and the mouse when --mouse is given. */
#include "ui_int.h"
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#define CTRL(c) ((c) & 0x1f)

static void apply_input(ui *u)
{
    if (u->input == IN_REPORTS || (u->input == IN_NONE && u->screen == SCR_REPORTS)) {
        ui_reports_refilter(u);
    } else if ((u->input == IN_SEARCH || u->screen == SCR_DOC) && u->search_outline) {
        ui_outline_search(u, +1, true);
    } else if (u->input == IN_SEARCH || u->screen == SCR_DOC) {
        ui_doc_search(u, +1, true);
    } else {
        ui_view *v = &u->views[V_TARGETS];
        v->top = v->sel = 0;
        ui_targets_refilter(u);
    }
    u->status_dirty = true;
}

static void clear_query(ui *u)
{
    if (u->screen == SCR_REPORTS && u->rfilter[0]) {
        u->rfilter[0] = '\0';
        apply_input(u);
    } else if (u->screen == SCR_DOC && u->search[0]) {
        u->search[0] = '\0';
        apply_input(u);
    } else if (u->screen == SCR_TARGETS && (u->filter[0] || u->want_status >= 0)) {
        u->filter[0] = '\0';
        u->want_status = -1;
        apply_input(u);
    }
}

static void input_key(ui *u, wint_t wc, bool code)
{
    char *buf = u->input == IN_SEARCH ? u->search : u->input == IN_REPORTS ? u->rfilter : u->filter;
    size_t len = strlen(buf);
    if ((!code && (wc == '\n' || wc == '\r')) || (code && wc == KEY_ENTER)) {
        u->input = IN_NONE;
        u->status_dirty = true;
        return;
    }
    if (!code && wc == 27) {
        u->input = IN_NONE;
        buf[0] = '\0';
        apply_input(u);
        return;
    }
    if (!code && wc == CTRL('u')) {
        buf[0] = '\0';
        apply_input(u);
        return;
    }
    if ((code && wc == KEY_BACKSPACE) || (!code && (wc == 127 || wc == 8))) {
        while (len > 0 && ((unsigned char)buf[len - 1] & 0xC0) == 0x80) len--;
        if (len > 0) len--;
        buf[len] = '\0';
        apply_input(u);
        return;
    }
    if (code) {
        ui_cmd c = ui_key_cmd((int)wc);
        ui_view *v = u->screen == SCR_DOC ? &u->views[V_DOC] : ui_focused(u);
        if (c == CMD_UP || c == CMD_DOWN || c == CMD_PGUP || c == CMD_PGDN || c == CMD_TOP || c == CMD_BOTTOM)
            ui_list_request(u, v, c);
        return;
    }
    if (!code && wc == '\t' && u->input == IN_FILTER) {     /* letters are query text: Tab widens */
        ui_view *v = &u->views[V_TARGETS];
        v->ops->request(u, v, CMD_MORE);
        return;
    }
    if (wc < 0x20 || wc == 0x7F || (wc >= 0x80 && wc < 0xA0)) return;
    char mb[MB_LEN_MAX];
    mbstate_t ms;
    memset(&ms, 0, sizeof ms);
    size_t k = wcrtomb(mb, (wchar_t)wc, &ms);
    if (k == (size_t)-1 || len + k + 1 > sizeof u->search) return;
    memcpy(buf + len, mb, k);
    buf[len + k] = '\0';
    apply_input(u);
}

static void focus(ui *u, int which)
{
    u->focus = which;
    u->views[V_OUTLINE].moved = u->views[V_DOC].moved = true;
    u->status_dirty = true;
}

static void goto_targets_para(ui *u)
{
    if (u->screen == SCR_REPORTS && ui_reports_doc(u, u->views[V_REPORTS].sel) != u->cur)
        ui_open_doc(u, ui_reports_doc(u, u->views[V_REPORTS].sel));
    gwr_doc *d = ui_doc(u);
    for (size_t i = 0; d && i < d->nnodes; i++) {
        if (d->nodes[i].kind != GWR_NODE_TARGETS) continue;
        if (u->screen != SCR_DOC) ui_show(u, SCR_DOC);
        ui_outline_goto_node(u, (int32_t)i);
        ui_doc_goto(u, d->nodes[i].body_off, 0);
        return;
    }
    ui_msg(u, true, "no main targets paragraph (主要预期目标) found in this report");
}

static void mouse(ui *u)
{
    MEVENT ev;
    if (getmouse(&ev) != OK) return;
    ui_view *vs[2] = { ui_focused(u), u->screen == SCR_DOC ? &u->views[u->focus == V_DOC ? V_OUTLINE : V_DOC] : NULL };
    for (int i = 0; i < 2; i++) {
        ui_view *v = vs[i];
        if (!v || !v->win || !wenclose(v->win, ev.y, ev.x)) continue;
        if (ev.bstate & BUTTON4_PRESSED) {
            for (int k = 0; k < 3; k++) ui_list_request(u, v, CMD_UP);
        } else if (ev.bstate & BUTTON5_PRESSED) {
            for (int k = 0; k < 3; k++) ui_list_request(u, v, CMD_DOWN);
        } else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) {
            if (u->screen == SCR_DOC) focus(u, v == &u->views[V_DOC] ? V_DOC : V_OUTLINE);
            int y = ev.y - getbegy(v->win) - (v->has_header ? 1 : 0);
            if (y >= 0 && !v->cursorless && v->top + (size_t)y < v->nrows) ui_view_select(u, v, v->top + (size_t)y);
        }
        return;
    }
}

void ui_key(ui *u, wint_t wc, bool code)
{
    if (u->message[0]) {
        u->message[0] = '\0';
        u->status_dirty = true;
    }
    if (code && wc == KEY_RESIZE) {
        ui_layout(u);
        return;
    }
    u->touched = true;
    if (u->too_small) {
        if (!code && (wc == 'q' || wc == CTRL('c'))) u->quit = true;
        return;
    }
    if (code && wc == KEY_MOUSE) {
        mouse(u);
        return;
    }
    if (u->input) {
        input_key(u, wc, code);
        return;
    }
    ui_cmd c = (code || wc < 0x80) ? ui_key_cmd((int)wc) : CMD_NONE;
    if (u->screen == SCR_HELP) {   /* as its footer says: scroll, or q, Esc, ? to return */
        if (c == CMD_UP || c == CMD_DOWN || c == CMD_PGUP || c == CMD_PGDN || c == CMD_TOP || c == CMD_BOTTOM)
            ui_list_request(u, &u->views[V_HELP], c);
        else if (c == CMD_QUIT || c == CMD_CANCEL || c == CMD_HELP)
            ui_show(u, u->prev_screen);
        else if (c != CMD_NONE && ((!code && wc >= '1' && wc <= '9') || c == CMD_REDRAW))
            goto dispatch;         /* a screen's number opens it */
        else
            ui_msg(u, false, "j/k, Space, g/G scroll; q, Esc or ? returns");
        return;
    }
    if (!code && wc >= 0xA0 && u->screen == SCR_TARGETS) {   /* typing starts the filter */
        u->input = IN_FILTER;
        u->filter[0] = '\0';
        input_key(u, wc, code);
        return;
    }
dispatch:
    switch (c) {
    case CMD_QUIT:
        if (u->screen == SCR_TIMELINE && ui_timeline_close_detail(u)) return;
        if ((u->screen == SCR_TARGETS && (u->filter[0] || u->want_status >= 0)) || (u->screen == SCR_DOC && u->search[0]) ||
            (u->screen == SCR_REPORTS && u->rfilter[0])) {
            clear_query(u);
            ui_msg(u, false, "cleared (q again quits)");
            return;
        }
        u->quit = true;
        return;
    case CMD_HELP:        ui_show(u, SCR_HELP); return;
    case CMD_SCR_DOC:     ui_show(u, SCR_DOC); return;
    case CMD_SCR_TARGETS: ui_show(u, SCR_TARGETS); return;
    case CMD_SCR_COMPARE: ui_show(u, SCR_COMPARE); return;
    case CMD_SCR_REPORTS: ui_show(u, SCR_REPORTS); return;
    case CMD_SCR_TIMELINE: ui_show(u, SCR_TIMELINE); return;
    case CMD_SCR_RANK:    ui_rank_show(u, NULL, -1, NULL, 0); return;
    case CMD_REDRAW:      clearok(curscr, TRUE); u->full = true; return;
    case CMD_SEARCH:
        if (u->screen == SCR_DOC) {
            u->input = IN_SEARCH;
            u->search[0] = '\0';
            u->search_outline = false;      /* n/N in the outline pane: the section titles that match */
        } else if (u->screen == SCR_TARGETS) {
            u->input = IN_FILTER;
            u->filter[0] = '\0';
        } else if (u->screen == SCR_REPORTS) {
            u->input = IN_REPORTS;
            u->rfilter[0] = '\0';
            apply_input(u);
        } else {
            ui_msg(u, false, "/ searches the document or the outline (1), filters the targets (2) or the reports (4)");
        }
        u->status_dirty = true;
        return;
    case CMD_CANCEL:
    case CMD_CLEAR:
        if (u->screen == SCR_TIMELINE && ui_timeline_close_detail(u)) return;
        clear_query(u);
        return;
    case CMD_TAB:
        if (u->screen == SCR_DOC) focus(u, u->focus == V_DOC ? V_OUTLINE : V_DOC);
        return;
    case CMD_GOTARGETS:   goto_targets_para(u); return;
    case CMD_NEXT_DOC:
    case CMD_PREV_DOC:
        if (u->screen == SCR_TIMELINE) break;     /* screen 5: the next entity */
        if (u->m.ndocs > 1) {
            size_t n = u->m.ndocs;
            ui_open_doc(u, c == CMD_NEXT_DOC ? (u->cur + 1) % n : (u->cur + n - 1) % n);
            if (u->screen != SCR_DOC) ui_show(u, SCR_DOC);
        }
        return;
    case CMD_NEXT:
    case CMD_PREV:
        if (u->screen == SCR_DOC && u->focus == V_OUTLINE && u->search[0]) {
            bool first = !u->search_outline;
            u->search_outline = true;
            ui_outline_search(u, c == CMD_NEXT ? +1 : -1, first);
            return;
        }
        u->search_outline = false;
        if (u->screen == SCR_DOC) {
            ui_doc_search(u, c == CMD_NEXT ? +1 : -1, false);
            return;
        }
        break;
    default: break;
    }
    if (c == CMD_NONE) return;
    ui_view *v = ui_focused(u);
    if (v->ops->request && v->ops->request(u, v, c)) return;
    ui_list_request(u, v, c);
}

