/* ui.c — the interactive browser: start-up, the main loop, keys.
 * `gwr FILE` or `gwr -` loads before the screen opens (errors are printed
 * plainly); several reports or a directory load in a background thread
 * while the interface already answers keys. GWR_SCRIPT (keys) and GWR_DUMP
 * (file) run the interface headless for the screen tests. */
#define _POSIX_C_SOURCE 200809L
#include "outfile.h"
#include "ui.h"
#include "safe.h"
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
    long tnow = now_ms();
    if (od != u->load_done && tnow - u->last_progress >= 200) {   /* throttled: little to send over SSH */
        u->title_dirty = true;
        u->last_progress = tnow;
    }
    if (fin) {
        gwr_findex_loaded(u->m.fx);
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
        long t = tnow;
        if (before == 0 && u->m.ndocs) ui_open_doc(u, 0);
        if (u->screen == SCR_REPORTS) {
            ui_view *v = &u->views[V_REPORTS];
            if (before < v->top + (size_t)ui_view_body(v)) v->dirty = true;
            if (u->rfilter[0]) ui_reports_refilter(u);
            else v->nrows = u->m.ndocs;
        }
        if (u->screen == SCR_TARGETS && (fin || t - u->last_refilter > 250)) {
            ui_targets_refilter(u);
            u->last_refilter = t;
        }
        if (u->screen == SCR_COMPARE && fin) ui_show(u, SCR_COMPARE);
        if ((u->screen == SCR_TIMELINE || u->screen == SCR_RANK) && fin) ui_show(u, u->screen);
        if (fin || u->title_dirty) u->title_dirty = u->status_dirty = true;
        else if (u->screen == SCR_REPORTS && tnow - u->last_progress < 50) u->status_dirty = true;
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
    if (u->opts && u->opts->mouse) {      /* off unless asked for: the terminal keeps its own selection */
        mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
        mouseinterval(0);
    } else {
        mousemask(0, NULL);
    }
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
            bool pending = u->screen == SCR_TARGETS && ui_targets_pending(u);
            wtimeout(stdscr, pending ? 0 : u->loading ? 50 : 1000);
            int r = wget_wch(stdscr, &wc);
            if (r == ERR) {
                if (pending) ui_targets_refilter(u);    /* the keys are answered: go on with the query */
                continue;
            }
            code = r == KEY_CODE_YES;
        }
        ui_key(u, wc, code);
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
    ui_reports_release(u);
    ui_timeline_release(u);
    ui_rank_release(u);
    for (int i = 0; i < V__COUNT; i++)
        if (u->views[i].win) delwin(u->views[i].win);
    if (u->title) delwin(u->title);
    if (u->status) delwin(u->status);
    if (u->sep) delwin(u->sep);
    gwr_findex_free(u->m.fx);
    free(u->m.docs);
}

/* The filter index polls this during a long query: a key waiting (put
 * back for the main loop) or a stop signal interrupts it. */
static int key_waiting(void *ctx)
{
    (void)ctx;
    if (ui_stop_signal) return 1;
    wint_t wc;
    wtimeout(stdscr, 0);
    int r = wget_wch(stdscr, &wc);
    if (r == ERR) return 0;
    if (r == KEY_CODE_YES) ungetch((int)wc);
    else unget_wch((wchar_t)wc);
    return 1;
}

static void init(ui *u, const gwr_opts *o)
{
    static const ui_view_ops *const ops[V__COUNT] = {
        &ui_outline_ops, &ui_doc_ops, &ui_targets_ops, &ui_compare_ops, &ui_reports_ops, &ui_help_ops,
        &ui_timeline_ops, &ui_chart_ops, &ui_rank_ops,
    };
    memset(u, 0, sizeof *u);
    u->opts = o;
    u->want_status = -1;
    u->focus = V_OUTLINE;
    for (int i = 0; i < V__COUNT; i++) u->views[i].ops = ops[i];
    u->m.fx = gwr_findex_new();
}

/* A message about the terminal or locale may quote TERM or LANG: shown
 * through the message form of the sanitiser. */
static void say(const char *msg)
{
    char b[700];
    gwr_safe_copy(GWR_SAFE_MSG, msg, strlen(msg), b, sizeof b);
    fprintf(stderr, "gwr: %s\n", b);
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
    gwr_findex_loaded(u->m.fx);
    if (cmp) {
        u->m.cmp = *cmp;
        u->m.cmp_fixed = true;
    }
    u->screen = u->m.ndocs == 1 ? SCR_DOC : SCR_REPORTS;
    if (!ui_term_open(&t, true, lines, cols, msg, sizeof msg)) {
        say(msg);
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
        say(msg);
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
        gwr_outfile of = { 0 };   /* written to a temporary file, renamed into place */
        gwr_err oerr = { 0 };
        int lines, cols;
        size_from_env(&lines, &cols);
        if (dp && *dp && gwr_outfile_open(&of, dp, &oerr) != GWR_OK) {
            fprintf(stderr, "gwr: %s\n", oerr.msg);
            gwr_corpus_free(&c);
            return 1;
        }
        FILE *df = of.f ? of.f : stdout;
        int r = gwr_ui_script(c.docs, c.ndocs, NULL, script, lines, cols, df);
        if (of.f && gwr_outfile_commit(&of, &oerr) != GWR_OK) {
            fprintf(stderr, "gwr: %s\n", oerr.msg);
            if (!r) r = 1;
        }
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
    gwr_findex_set_stop(u->m.fx, key_waiting, u);
    if (sync) {
        u->m.docs = malloc(c.ndocs * sizeof *u->m.docs);
        if (u->m.docs) {
            memcpy(u->m.docs, c.docs, c.ndocs * sizeof *c.docs);
            u->m.ndocs = u->m.cap = c.ndocs;
        }
        take_docs(u, 0);
        gwr_findex_loaded(u->m.fx);
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
        say(msg);
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
