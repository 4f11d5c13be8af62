/* ui_script.h — scripted keys and text dumps of the screen (tests). */
#ifndef GWR_UI_SCRIPT_H
#define GWR_UI_SCRIPT_H
#include <curses.h>
#include <stdbool.h>
#include <stdio.h>

typedef enum { SCRIPT_END = 0, SCRIPT_KEY, SCRIPT_DUMP, SCRIPT_RESIZE } ui_script_ev;

/* Reads the next event of the script at *pp and advances it. For a key,
 * *wc is the character or key code (*code true for KEY_* codes). */
ui_script_ev ui_script_next(const char **pp, wint_t *wc, bool *code, int *lines, int *cols);
/* Writes the whole screen as it was last sent to the terminal, as text
 * (trailing blanks trimmed), headed by "== screen N (WxH)". */
void ui_script_dump(FILE *f, int n);

#endif
