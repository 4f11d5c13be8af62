/* ui_loop.c — layout, drawing and key dispatch of the browser.
 * Resize is an event (KEY_RESIZE → ui_layout); below MIN_COLS x MIN_LINES
 * the screen says "terminal too small". Views draw into their own windows
 * only when something changed; one doupdate per key. */
#include "ui_int.h"
#include "ui_script.h"
#include "ui_term.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define MIN_COLS  40
#define MIN_LINES 8
#define CTRL(c) ((c) & 0x1f)

static const char *const screen_names[SCR__COUNT] = {
    "1 outline+document", "2 targets", "3 compare", "4 reports", "help", "5 timeline", "6 rank",
};

gwr_doc *ui_doc(ui *u) { return u->cur < u->m.ndocs ? u->m.docs[u->cur] : NULL; }

void ui_msg(ui *u, bool err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(u->message, sizeof u->message, fmt, ap);
    va_end(ap);
    u->message_err = err;
    u->status_dirty = true;
}

ui_view *ui_focused(ui *u)
{
    switch (u->screen) {
    case SCR_DOC:     return &u->views[u->focus == V_DOC ? V_DOC : V_OUTLINE];
    case SCR_TARGETS: return &u->views[V_TARGETS];
    case SCR_COMPARE: return &u->views[V_COMPARE];
    case SCR_REPORTS: return &u->views[V_REPORTS];
    case SCR_TIMELINE: return &u->views[V_TIMELINE];
    case SCR_RANK:    return &u->views[V_RANK];
    default:          return &u->views[V_HELP];
    }
}

static void open_view(ui *u, int i)
{
    ui_view *v = &u->views[i];
    if (v->win) v->ops->open(u, v);
    v->dirty = true;
}

void ui_show(ui *u, ui_screen s)
{
    if (s != SCR_HELP && u->screen != SCR_HELP) u->prev_screen = u->screen;
    if (s == SCR_HELP && u->screen != SCR_HELP) {
        u->prev_screen = u->screen;
        u->views[V_HELP].top = 0;      /* help opens at its top */
    }
    u->screen = s;
    u->full = true;
    u->title_dirty = u->status_dirty = true;
    if (u->input && !((s == SCR_DOC && u->input == IN_SEARCH) || (s == SCR_TARGETS && u->input == IN_FILTER) ||
                      (s == SCR_REPORTS && u->input == IN_REPORTS)))
        u->input = IN_NONE;
    switch (s) {
    case SCR_DOC:     open_view(u, V_OUTLINE); open_view(u, V_DOC); break;
    case SCR_TARGETS: open_view(u, V_TARGETS); break;
    case SCR_COMPARE: open_view(u, V_COMPARE); break;
    case SCR_REPORTS: open_view(u, V_REPORTS); break;
    case SCR_TIMELINE: open_view(u, V_TIMELINE); open_view(u, V_CHART); break;
    case SCR_RANK:    open_view(u, V_RANK); break;
    default:          open_view(u, V_HELP); break;
    }
}

void ui_open_doc(ui *u, size_t doc)
{
    if (doc >= u->m.ndocs) return;
    u->cur = doc;
    u->search[0] = '\0';
    u->views[V_OUTLINE].top = u->views[V_OUTLINE].sel = 0;
    open_view(u, V_OUTLINE);
    open_view(u, V_DOC);
    u->title_dirty = true;
}

static void del(WINDOW **w)
{
    if (*w) delwin(*w);
    *w = NULL;
}


void ui_layout(ui *u)
{
    getmaxyx(stdscr, u->lines, u->cols);
    del(&u->title);
    del(&u->status);
    del(&u->sep);
    for (int i = 0; i < V__COUNT; i++) del(&u->views[i].win);
    u->too_small = u->lines < MIN_LINES || u->cols < MIN_COLS;
    u->full = true;
    if (u->too_small) return;
    int h = u->lines - 2, ow = u->cols / 3;
    if (ow < 16) ow = 16;
    if (ow > 40) ow = 40;
    u->title = newwin(1, u->cols, 0, 0);
    u->status = newwin(1, u->cols, u->lines - 1, 0);
    u->sep = newwin(h, 1, 1, ow - 1);
    for (int i = 0; i < V__COUNT; i++) {
        ui_view *v = &u->views[i];
        int x = 0, w = u->cols;
        if (i == V_OUTLINE) w = ow - 1;
        if (i == V_DOC) x = ow, w = u->cols - ow;
        int y = 1, vh = h;
        if (i == V_TIMELINE) vh = h - ui_timeline_split(h);
        if (i == V_CHART) vh = ui_timeline_split(h), y = 1 + h - vh;
        if (vh < 1) vh = 1;
        v->win = newwin(vh, w, y, x);
        v->h = vh;
        v->w = w;
        v->dirty = true;
    }
    ui_show(u, u->screen);
}

static void draw_title(ui *u)
{
    WINDOW *w = u->title;
    attr_t a = u->attr[ST_TITLE];
    gwr_doc *d = ui_doc(u);
    char buf[512], right[128] = "";
    ui_fill(w, 0, 0, u->cols, a);
    char year[32] = "";
    if (d && d->report_year) snprintf(year, sizeof year, " %d%s", d->report_year, u->screen == SCR_DOC ? "年政府工作报告" : "");
    const char *name = d ? (d->entity && *d->entity ? d->entity : d->path) : "";
    /* the folder the reports share, once (screen 4 lists the file names);
     * a long one keeps its end: …/data/hailar/ */
    char dir[256] = "";
    size_t dl = u->m.ndocs ? ui_reports_dir(u) : 0;
    if (dl && dl < sizeof dir - 8) {
        const char *p = u->m.docs[0]->path;
        while (ui_width_n(p, dl) > 32) {
            size_t cl = 1;
            while (cl < dl && ((unsigned char)p[cl] & 0xC0) == 0x80) cl++;
            p += cl;
            dl -= cl;
        }
        snprintf(dir, sizeof dir, " in %s%.*s", p != u->m.docs[0]->path ? "…" : "", (int)dl, p);
    }
    if (d && (u->screen == SCR_DOC || (u->m.ndocs == 1 && u->screen != SCR_REPORTS)))
        snprintf(buf, sizeof buf, " gwr │ %s%s │ %s", name, year, screen_names[u->screen]);
    else
        snprintf(buf, sizeof buf, " gwr │ %zu report%s%s │ %s", u->m.ndocs, u->m.ndocs == 1 ? "" : "s", dir,
                 screen_names[u->screen]);
    if (u->loading) {
        int bw = 10;
        int fill = u->load_total ? (int)(u->load_done * (size_t)bw / u->load_total) : 0;
        char bar[64] = "";
        for (int i = 0; i < bw; i++) strcat(bar, i < fill ? "█" : "░");
        snprintf(right, sizeof right, "loading %zu/%zu %s ", u->load_done, u->load_total, bar);
    }
    int lw = ui_puts(w, 0, 0, buf, u->cols, a);
    /* the screen menu, shortened rather than dropped when the title is long */
    static const char *const menus[] = {
        "1 doc 2 targets 3 compare 4 reports 5 timeline 6 rank ? help",
        "1 doc 2 tgt 3 cmp 4 rep 5 time 6 rank ? help",
        "1 doc 2 tgt 3 cmp 4 rep 5 time 6 rank ?",
        "1 doc 2 tgt 3 cmp 4 rep 5 time 6 rank",
        "1 doc 2 tgt 3 cmp 4 rep 5 6 ?",
        "1 2 3 4 5 6 ?",
    };
    for (size_t i = 0; !u->loading && i < sizeof menus / sizeof menus[0]; i++)
        if (lw + ui_width(menus[i]) + 3 <= u->cols) {     /* two spaces before, one after */
            snprintf(right, sizeof right, "%s", menus[i]);
            break;
        }
    int rw = ui_width(right);       /* the loading bar ends with a space, a menu gets one */
    if (rw && right[strlen(right) - 1] != ' ') rw++;
    if (rw && lw + rw + 2 <= u->cols) ui_puts(w, 0, u->cols - rw, right, rw, a);
    wnoutrefresh(w);
}

static void draw_status(ui *u)
{
    WINDOW *w = u->status;
    attr_t a = u->attr[ST_STATUS];
    char pos[256] = "", left[768];
    ui_view *v = ui_focused(u);
    ui_fill(w, 0, 0, u->cols, a);
    if (v->ops->status) v->ops->status(u, v, pos, sizeof pos);
    int x = ui_putf(w, 0, 0, u->cols, a, " %s ", pos);
    const char *hint = "";
    size_t mcur, mn = u->screen == SCR_DOC && u->search[0] ? (u->search_outline ? ui_outline_matches(u, &mcur) : ui_doc_matches(u, &mcur)) : 0;
    const char *what = u->search_outline ? "section" : "search";
    char mbuf[64] = "";
    if (mn) snprintf(mbuf, sizeof mbuf, " (%zu/%zu)", mcur, mn);
    if (u->input == IN_SEARCH) {
        snprintf(left, sizeof left, " %s: %s", what, u->search);
        hint = "Enter keep  Esc clear";
    } else if (u->input == IN_REPORTS) {
        snprintf(left, sizeof left, " filter: %s", u->rfilter);
        hint = "Enter keep  Esc clear";
    } else if (u->input == IN_FILTER) {
        char rd[160];
        ui_targets_reading(u, rd, sizeof rd);
        snprintf(left, sizeof left, " filter: %s%s", u->filter, rd);
        hint = "Enter keep  Tab more  Esc clear";
    } else {
        left[0] = '\0';
        char rd[160];
        ui_targets_reading(u, rd, sizeof rd);
        if (u->screen == SCR_TARGETS && u->filter[0]) snprintf(left, sizeof left, " filter: %s%s", u->filter, rd);
        if (u->screen == SCR_DOC && u->search[0]) snprintf(left, sizeof left, " %s: %s%s", what, u->search, mbuf);
        if (u->screen == SCR_REPORTS && u->rfilter[0]) snprintf(left, sizeof left, " filter: %s", u->rfilter);
        switch (u->screen) {
        case SCR_DOC:     hint = "/ search  t target paragraph  Tab pane  ? help  q quit"; break;
        case SCR_TARGETS: hint = "/ or 汉字 filter  a/p  s sort  Enter go  q quit"; break;
        case SCR_COMPARE: hint = "Enter go to figure  r rank  ? help  q quit"; break;
        case SCR_REPORTS: hint = "/ filter  Enter open  ? help  q quit"; break;
        case SCR_TIMELINE: hint = "h/l year  [/] entity  Enter sentences  r rank"; break;
        case SCR_RANK:    hint = "+/- year  s target/result  h/l indicator"; break;
        default:          hint = "j/k Space scroll  q, Esc or ? back"; break;
        }
    }
    int cx = x + ui_puts(w, 0, x, left, u->cols - x, a | A_BOLD);
    u->cursor_x = cx;
    if (u->input == IN_SEARCH && mn) cx += ui_puts(w, 0, cx, mbuf, u->cols - cx, a);
    if (u->message[0]) {
        x = cx + 2;
        x += ui_puts(w, 0, x, u->message, u->cols - x, u->message_err ? u->attr[ST_ERROR] : a | A_BOLD);
    } else {
        x = cx;
    }
    int hw = ui_width(hint);
    if (x + hw + 2 <= u->cols) ui_puts(w, 0, u->cols - hw - 1, hint, hw, a);
    wnoutrefresh(w);
}


void ui_draw(ui *u)
{
    if (is_wintouched(stdscr)) {
        wnoutrefresh(stdscr);
        u->full = true;
    }
    if (u->too_small) {
        if (u->full) {
            werase(stdscr);
            ui_putf(stdscr, 0, 0, u->cols, A_BOLD, "terminal too small");
            ui_putf(stdscr, 1, 0, u->cols, A_NORMAL, "%dx%d, need %dx%d", u->cols, u->lines, MIN_COLS, MIN_LINES);
            ui_putf(stdscr, 2, 0, u->cols, A_NORMAL, "q quits");
            wnoutrefresh(stdscr);
            u->full = false;
        }
        doupdate();
        return;
    }
    int vs[2] = { -1, -1 };
    switch (u->screen) {
    case SCR_DOC:     vs[0] = V_OUTLINE; vs[1] = V_DOC; break;
    case SCR_TARGETS: vs[0] = V_TARGETS; break;
    case SCR_COMPARE: vs[0] = V_COMPARE; break;
    case SCR_REPORTS: vs[0] = V_REPORTS; break;
    case SCR_TIMELINE: vs[0] = V_TIMELINE; vs[1] = V_CHART; break;
    case SCR_RANK:    vs[0] = V_RANK; break;
    default:          vs[0] = V_HELP; break;
    }
    ui_view *fv = ui_focused(u);
    for (int i = 0; i < 2; i++) {
        if (vs[i] < 0) continue;
        ui_view *v = &u->views[vs[i]];
        v->focus = v == fv;
        v->has_header = v->ops->header && vs[i] != V_OUTLINE && vs[i] != V_DOC;
        v->cursorless = vs[i] == V_DOC || vs[i] == V_HELP || vs[i] == V_CHART;
        if (u->full) {
            touchwin(v->win);
            v->dirty = true;
        }
        ui_view_draw(u, v);
    }
    if (u->screen == SCR_DOC && u->full) {
        werase(u->sep);
        for (int y = 0; y < getmaxy(u->sep); y++) ui_puts(u->sep, y, 0, "│", 1, u->attr[ST_SEP]);
        wnoutrefresh(u->sep);
    }
    if (u->full || u->title_dirty) draw_title(u);
    if (u->full || u->status_dirty) draw_status(u);
    u->full = u->title_dirty = u->status_dirty = false;
    if (u->input && !u->script) {
        curs_set(1);
        wmove(u->status, 0, u->cursor_x < u->cols ? u->cursor_x : u->cols - 1);
        wnoutrefresh(u->status);
    } else {
        curs_set(0);
    }
    doupdate();
}
