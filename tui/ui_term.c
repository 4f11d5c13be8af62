/* ui_term.c — opening and restoring the terminal.
 * - The locale is set before curses starts. An unset locale ("C"/"POSIX")
 *   is taken to mean UTF-8 (as Python's PEP 538 does); any other non-UTF-8
 *   locale gets a message naming what to set — never mojibake.
 * - The terminal description is checked with setupterm before newterm, so
 *   TERM=dumb or an unknown TERM gets a message and the terminal is untouched
 *   (initscr would exit on its own).
 * - SIGINT, SIGTERM and SIGHUP set a flag; the main loop calls endwin.
 *   SIGTSTP is left to ncurses, which restores the terminal on Ctrl-Z and
 *   redraws on fg; SIGWINCH arrives as KEY_RESIZE. */
#define _POSIX_C_SOURCE 200809L
#include "ui_term.h"
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

volatile sig_atomic_t ui_stop_signal;

static void on_stop(int sig) { ui_stop_signal = sig; }

static bool utf8_codeset(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

bool ui_term_locale(char *msg, size_t n)
{
    setlocale(LC_ALL, "");
    if (utf8_codeset()) return true;
    const char *cur = setlocale(LC_CTYPE, NULL);
    if (cur && (strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)) {
        if (setlocale(LC_CTYPE, "C.UTF-8") && utf8_codeset()) return true;
        if (setlocale(LC_CTYPE, "C.utf8") && utf8_codeset()) return true;
    }
    snprintf(msg, n,
             "the interactive browser needs a UTF-8 locale, but the character set is %s "
             "(locale '%s'); set one, e.g. LANG=C.UTF-8 gwr ..., or use 'gwr outline|targets|compare'",
             nl_langinfo(CODESET), cur ? cur : "?");
    return false;
}

static void signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;            /* no SA_RESTART: a blocked read returns */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

static bool usable_term(const char *term, int fd, char *msg, size_t n)
{
    int err = 0;
    if (!term || !*term) {
        snprintf(msg, n, "TERM is not set; set it to your terminal type (e.g. TERM=xterm-256color)");
        return false;
    }
    if (setupterm(term, fd, &err) != OK) {
        snprintf(msg, n, err == 0 ? "unknown terminal type '%s'; set TERM to your terminal (e.g. TERM=xterm-256color)"
                                  : "no terminal description for '%s' (terminfo database not found)", term);
        return false;
    }
    char *cup = tigetstr("cup");
    bool ok = cup && cup != (char *)-1 && !tigetflag("hc") && !tigetflag("gn");
    del_curterm(cur_term);
    if (!ok) {
        snprintf(msg, n, "the terminal type '%s' cannot position the cursor; set TERM to your terminal "
                         "(e.g. TERM=xterm-256color) or use 'gwr outline|targets|compare'", term);
        return false;
    }
    return true;
}

bool ui_term_open(ui_term *t, bool headless, int nlines, int ncols, char *msg, size_t n)
{
    memset(t, 0, sizeof *t);
    t->headless = headless;
    const char *term = getenv("TERM");
    if (headless) {
        static const char *const names[] = { "xterm-256color", "xterm", "vt100", "ansi" };
        t->in = fopen("/dev/null", "r");
        t->out = fopen("/dev/null", "w");
        t->own_in = t->own_out = true;
        if (!t->in || !t->out) {
            snprintf(msg, n, "cannot open /dev/null");
            ui_term_close(t);
            return false;
        }
        char ls[16], cs[16];
        snprintf(ls, sizeof ls, "%d", nlines);
        snprintf(cs, sizeof cs, "%d", ncols);
        setenv("LINES", ls, 1);
        setenv("COLUMNS", cs, 1);
        for (size_t i = 0; i < sizeof names / sizeof names[0] && !t->scr; i++)
            t->scr = newterm(names[i], t->out, t->in);
        if (!t->scr) {
            snprintf(msg, n, "no usable terminal description for the screen test");
            ui_term_close(t);
            return false;
        }
        resizeterm(nlines, ncols);
        return true;
    }
    t->in = stdin;
    if (!isatty(fileno(stdin))) {
        t->in = fopen("/dev/tty", "r");
        if (!t->in) {
            snprintf(msg, n, "no terminal to read keys from (standard input is not a terminal and "
                             "/dev/tty cannot be opened); use 'gwr outline|targets|compare' in scripts");
            return false;
        }
        t->own_in = true;
    }
    t->out = stdout;
    if (!isatty(fileno(stdout))) {
        t->out = fopen("/dev/tty", "w");
        if (!t->out) {
            snprintf(msg, n, "standard output is not a terminal; use 'gwr outline|targets|compare' in scripts");
            ui_term_close(t);
            return false;
        }
        t->own_out = true;
    }
    if (!usable_term(term, fileno(t->out), msg, n)) {
        ui_term_close(t);
        return false;
    }
    signals();
    set_escdelay(25);
    t->scr = newterm(term, t->out, t->in);
    if (!t->scr) {
        snprintf(msg, n, "cannot start the terminal interface for TERM=%s", term);
        ui_term_close(t);
        return false;
    }
    return true;
}

void ui_term_close(ui_term *t)
{
    if (t->scr) {
        endwin();
        delscreen(t->scr);
        t->scr = NULL;
    }
    if (t->own_in && t->in) fclose(t->in);
    if (t->own_out && t->out) fclose(t->out);
    t->in = t->out = NULL;
    t->own_in = t->own_out = false;
}
