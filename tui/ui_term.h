/* ui_term.h — the terminal: locale, choosing the input and output streams
 * (keys from /dev/tty when the report comes from a pipe, as less does),
 * refusing terminals that cannot position the cursor, and signals. */
#ifndef GWR_UI_TERM_H
#define GWR_UI_TERM_H
#include <curses.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

typedef struct ui_term {
    SCREEN *scr;
    FILE   *in, *out;
    bool    own_in, own_out;
    bool    headless;
} ui_term;

/* The signal that asked us to stop (SIGINT, SIGTERM, SIGHUP), 0 if none.
 * The handler only sets it; the main loop restores the terminal. */
extern volatile sig_atomic_t ui_stop_signal;

/* Makes sure characters are UTF-8. Returns false with a message in msg. */
bool ui_term_locale(char *msg, size_t n);
/* Opens the terminal (headless: on /dev/null, lines x cols). Returns false
 * with a message, leaving the terminal untouched. */
bool ui_term_open(ui_term *t, bool headless, int lines, int cols, char *msg, size_t n);
void ui_term_close(ui_term *t);

#endif
