/* ui.c — the interactive browser: start-up, the main loop, keys.
 * `gwr FILE` or `gwr -` loads before the screen opens (errors are printed
 * plainly); several reports or a directory load in a background thread
 * while the interface already answers keys. GWR_SCRIPT (keys) and GWR_DUMP
 * (file) run the interface headless for the screen tests. */
#define _POSIX_C_SOURCE 200809L
#include "ui.h"
#include "ui_int.h"
#include "ui_load.h"
#include "ui_script.h"
#include "ui_term.h"
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <wchar.h>

#define CTRL(c) ((c) & 0x1f)

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void apply_input(ui *u)
{
    if (u->input == IN_SEARCH || u->screen == SCR_DOC) {
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
    if (u->screen == SCR_DOC && u->search[0]) {
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
    char *buf = u->input == IN_SEARCH ? u->search : u->filter;
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

static void key(ui *u, wint_t wc, bool code)
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
    if (u->screen == SCR_HELP) {
        if (c == CMD_UP || c == CMD_DOWN || c == CMD_PGUP || c == CMD_PGDN || c == CMD_TOP || c == CMD_BOTTOM)
            ui_list_request(u, &u->views[V_HELP], c);
        else
            ui_show(u, u->prev_screen);
        return;
    }
    if (!code && wc >= 0xA0 && u->screen == SCR_TARGETS) {   /* typing starts the filter */
        u->input = IN_FILTER;
        u->filter[0] = '\0';
        input_key(u, wc, code);
        return;
    }
    switch (c) {
    case CMD_QUIT:
        if ((u->screen == SCR_TARGETS && (u->filter[0] || u->want_status >= 0)) || (u->screen == SCR_DOC && u->search[0])) {
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
    case CMD_REDRAW:      clearok(curscr, TRUE); u->full = true; return;
    case CMD_SEARCH:
        if (u->screen == SCR_DOC) {
            u->input = IN_SEARCH;
            u->search[0] = '\0';
        } else if (u->screen == SCR_TARGETS) {
            u->input = IN_FILTER;
            u->filter[0] = '\0';
        } else {
            ui_msg(u, false, "/ searches the document (1) or filters the targets (2)");
        }
        u->status_dirty = true;
        return;
    case CMD_CANCEL:
    case CMD_CLEAR:       clear_query(u); return;
    case CMD_TAB:
        if (u->screen == SCR_DOC) focus(u, u->focus == V_DOC ? V_OUTLINE : V_DOC);
        return;
    case CMD_GOTARGETS:   goto_targets_para(u); return;
    case CMD_NEXT_DOC:
    case CMD_PREV_DOC:
        if (u->m.ndocs > 1) {
            size_t n = u->m.ndocs;
            ui_open_doc(u, c == CMD_NEXT_DOC ? (u->cur + 1) % n : (u->cur + n - 1) % n);
            if (u->screen != SCR_DOC) ui_show(u, SCR_DOC);
        }
        return;
    case CMD_NEXT:
    case CMD_PREV:
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

static void take_docs(ui *u, size_t from)
{
    for (size_t i = from; i < u->m.ndocs; i++) gwr_findex_add_doc(u->m.fx, u->m.docs[i], (uint32_t)i);
}

static void poll_load(ui *u)
{
    if (!u->loading) return;
    size_t before = u->m.ndocs, od = u->load_done;
    bool fin = false;
    ui_load_poll(u->load, &u->m.docs, &u->m.ndocs, &u->m.cap, &u->load_done, &u->load_total, &fin);
    take_docs(u, before);
    if (od != u->load_done) u->title_dirty = true;
    if (fin) {
        const gwr_corpus *c = ui_load_corpus(u->load);
        u->loading = false;
        u->title_dirty = true;
        u->m.nerrs = c->nerrs;
        if (c->nerrs) {
            snprintf(u->m.errmsg, sizeof u->m.errmsg, "%s", c->errs[0].err.msg);
            ui_msg(u, true, "%zu input%s could not be read: %s", c->nerrs, c->nerrs == 1 ? "" : "s", c->errs[0].err.msg);
        }
        if (u->m.ndocs == 0) {
            u->quit = true;
            u->rc = 1;
            return;
        }
        if (u->m.ndocs == 1 && !u->touched && u->screen == SCR_REPORTS) {
            ui_open_doc(u, 0);
            ui_show(u, SCR_DOC);
        }
    }
    if (u->m.ndocs != before || fin) {
        long t = now_ms();
        if (before == 0 && u->m.ndocs) ui_open_doc(u, 0);
        if (u->screen == SCR_REPORTS) {
            ui_view *v = &u->views[V_REPORTS];
            if (before < v->top + (size_t)ui_view_body(v)) v->dirty = true;
            v->nrows = u->m.ndocs;
            u->status_dirty = true;
        }
        if (u->screen == SCR_TARGETS && (fin || t - u->last_refilter > 250)) {
            ui_targets_refilter(u);
            u->last_refilter = t;
        }
        if (u->screen == SCR_COMPARE && fin) ui_show(u, SCR_COMPARE);
        u->title_dirty = true;
    }
}

static int session(ui *u)
{
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    mousemask(u->opts && u->opts->mouse ? (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0, NULL);
    ui_style_init(u);
    wnoutrefresh(stdscr);
    if (u->m.ndocs) ui_open_doc(u, 0);
    ui_layout(u);
    const char *sp = u->script;
    while (!u->quit) {
        if (ui_stop_signal) return 128 + (int)ui_stop_signal;
        poll_load(u);
        if (u->quit) break;
        ui_draw(u);
        wint_t wc = 0;
        bool code = false;
        if (sp) {
            int l = 0, c = 0;
            ui_script_ev ev = ui_script_next(&sp, &wc, &code, &l, &c);
            if (ev == SCRIPT_END) break;
            if (ev == SCRIPT_DUMP) {
                if (u->dump) ui_script_dump(u->dump, ++u->ndumps);
                continue;
            }
            if (ev == SCRIPT_RESIZE) {
                resizeterm(l, c);
                wc = KEY_RESIZE;
                code = true;
            }
        } else {
            wtimeout(stdscr, u->loading ? 50 : 1000);
            int r = wget_wch(stdscr, &wc);
            if (r == ERR) continue;
            code = r == KEY_CODE_YES;
        }
        key(u, wc, code);
    }
    if (sp && u->dump && u->ndumps == 0) {
        ui_draw(u);
        ui_script_dump(u->dump, ++u->ndumps);
    }
    return u->rc;
}

static void release(ui *u)
{
    ui_outline_release(u);
    ui_doc_release(u);
    ui_targets_release(u);
    ui_compare_release(u);
    for (int i = 0; i < V__COUNT; i++)
        if (u->views[i].win) delwin(u->views[i].win);
    if (u->title) delwin(u->title);
    if (u->status) delwin(u->status);
    if (u->sep) delwin(u->sep);
    gwr_findex_free(u->m.fx);
    free(u->m.docs);
}

static void init(ui *u, const gwr_opts *o)
{
    static const ui_view_ops *const ops[V__COUNT] = {
        &ui_outline_ops, &ui_doc_ops, &ui_targets_ops, &ui_compare_ops, &ui_reports_ops, &ui_help_ops,
    };
    memset(u, 0, sizeof *u);
    u->opts = o;
    u->want_status = -1;
    u->focus = V_OUTLINE;
    for (int i = 0; i < V__COUNT; i++) u->views[i].ops = ops[i];
    u->m.fx = gwr_findex_new();
}

static void size_from_env(int *lines, int *cols)
{
    const char *s = getenv("GWR_SIZE");
    *lines = 24;
    *cols = 80;
    if (s) sscanf(s, "%dx%d", cols, lines);
    if (*lines < 2 || *lines > 1000) *lines = 24;
    if (*cols < 2 || *cols > 1000) *cols = 80;
}

int gwr_ui_script(gwr_doc **docs, size_t n, const gwr_cmp *cmp, const char *script, int lines, int cols, FILE *dump)
{
    char msg[600];
    ui *u = malloc(sizeof *u);
    ui_term t;
    if (!u) return 1;
    init(u, NULL);
    u->script = script;
    u->dump = dump;
    for (size_t i = 0; i < n; i++) {
        if (u->m.ndocs == u->m.cap) {
            size_t nc = u->m.cap ? u->m.cap * 2 : 16;
            gwr_doc **nd = realloc(u->m.docs, nc * sizeof *nd);
            if (!nd) break;
            u->m.docs = nd;
            u->m.cap = nc;
        }
        u->m.docs[u->m.ndocs++] = docs[i];
    }
    take_docs(u, 0);
    if (cmp) {
        u->m.cmp = *cmp;
        u->m.cmp_fixed = true;
    }
    u->screen = u->m.ndocs == 1 ? SCR_DOC : SCR_REPORTS;
    if (!ui_term_open(&t, true, lines, cols, msg, sizeof msg)) {
        fprintf(stderr, "gwr: %s\n", msg);
        release(u);
        free(u);
        return 1;
    }
    int rc = session(u);
    release(u);
    ui_term_close(&t);
    free(u);
    return rc;
}

static bool is_dir(const char *p)
{
    struct stat st;
    return strcmp(p, "-") != 0 && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Many files: keep only tree and figures in memory, reload a text when shown. */
static bool large(const gwr_opts *o)
{
    size_t n = 0;
    for (int i = 0; i < o->nargs; i++) {
        if (strcmp(o->args[i], "-") == 0) return false;
        if (!is_dir(o->args[i])) {
            n++;
            continue;
        }
        DIR *d = opendir(o->args[i]);
        if (!d) continue;
        while (readdir(d) && n <= 200) n++;
        closedir(d);
    }
    return n > 200;
}

int gwr_ui_run(const gwr_opts *o)
{
    char msg[600];
    if (!ui_term_locale(msg, sizeof msg)) {
        fprintf(stderr, "gwr: %s\n", msg);
        return 1;
    }
    const char *script = getenv("GWR_SCRIPT");
    bool sync = script || (o->nargs == 1 && !is_dir(o->args[0]));
    gwr_corpus c = { 0 };
    int rc = 0;
    if (sync) {
        gwr_err err = { 0 };
        gwr_corpus_opts co = { .drop_text = false };
        if (gwr_corpus_load(&c, o->args, (size_t)o->nargs, &co, &err) != GWR_OK) {
            fprintf(stderr, "gwr: %s\n", err.msg);
            return 1;
        }
        for (size_t i = 0; i < c.nerrs; i++) fprintf(stderr, "gwr: %s\n", c.errs[i].err.msg);
        if (c.ndocs == 0) {
            gwr_corpus_free(&c);
            return 1;
        }
        rc = c.nerrs ? 1 : 0;
    }
    if (script) {
        const char *dp = getenv("GWR_DUMP");
        FILE *df = dp && *dp ? fopen(dp, "w") : stdout;
        int lines, cols;
        size_from_env(&lines, &cols);
        if (!df) {
            fprintf(stderr, "gwr: %s: cannot write the screen dump\n", dp);
            gwr_corpus_free(&c);
            return 1;
        }
        int r = gwr_ui_script(c.docs, c.ndocs, NULL, script, lines, cols, df);
        if (df != stdout) fclose(df);
        gwr_corpus_free(&c);
        return r ? r : rc;
    }
    ui *u = malloc(sizeof *u);
    ui_term t;
    if (!u) {
        gwr_corpus_free(&c);
        return 1;
    }
    init(u, o);
    if (sync) {
        u->m.docs = malloc(c.ndocs * sizeof *u->m.docs);
        if (u->m.docs) {
            memcpy(u->m.docs, c.docs, c.ndocs * sizeof *c.docs);
            u->m.ndocs = u->m.cap = c.ndocs;
        }
        take_docs(u, 0);
        u->screen = u->m.ndocs == 1 ? SCR_DOC : SCR_REPORTS;
    } else {
        u->load = ui_load_start(o->args, (size_t)o->nargs, large(o));
        u->loading = u->load != NULL;
        u->screen = SCR_REPORTS;
        if (!u->load) {
            fprintf(stderr, "gwr: cannot start loading\n");
            release(u);
            free(u);
            return 1;
        }
    }
    if (!ui_term_open(&t, false, 0, 0, msg, sizeof msg)) {
        fprintf(stderr, "gwr: %s\n", msg);
        release(u);
        ui_load_free(u->load);
        free(u);
        gwr_corpus_free(&c);
        return 1;
    }
    int r = session(u);
    ui_term_close(&t);
    if (u->load && !u->loading) {
        const gwr_corpus *lc = ui_load_corpus(u->load);
        for (size_t i = 0; i < lc->nerrs; i++) fprintf(stderr, "gwr: %s\n", lc->errs[i].err.msg);
        if (lc->nerrs) rc = 1;
    }
    if (r) rc = r;
    release(u);
    ui_load_free(u->load);
    free(u);
    gwr_corpus_free(&c);
    return rc;
}
