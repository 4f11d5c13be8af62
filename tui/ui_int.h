/* ui_int.h — the interactive browser's internal shape.
 *
 * Every pane is a `ui_view` driven by a table of operations (`ui_view_ops`):
 * it knows how many rows it has, how to draw one, and which commands it
 * handles. The generic list code (ui_list.c) does scrolling, selection and
 * partial redraws for all of them. Commands come from one X-macro list
 * (ui_cmds.h) that generates the enum, the bindings and the help screen.
 * State lives in `ui`, passed to every function; there are no globals except
 * the signal flags (ui_term.c). */
#ifndef GWR_UI_INT_H
#define GWR_UI_INT_H
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include "cli.h"
#include "compare.h"
#include "doc.h"
#include "findex.h"
#include "series.h"
#include "ui_cmds.h"

/* ---- styles (ui_style.c) ---------------------------------------------- */
/* X(id, fg, bg, colour attrs, monochrome attrs) */
#define UI_STYLES(X) \
    X(NORMAL,   -1,           -1,          A_NORMAL,  A_NORMAL) \
    X(TITLE,    COLOR_WHITE,  COLOR_BLUE,  A_BOLD,    A_REVERSE | A_BOLD) \
    X(STATUS,   COLOR_WHITE,  COLOR_BLUE,  A_NORMAL,  A_REVERSE) \
    X(HEADER,   -1,           -1,          A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE) \
    X(SELECTED, COLOR_BLACK,  COLOR_CYAN,  A_NORMAL,  A_REVERSE) \
    X(CURSOR,   -1,           -1,          A_REVERSE, A_REVERSE) \
    X(HEADING,  -1,           -1,          A_BOLD,    A_BOLD) \
    X(TARGETS,  COLOR_BLACK,  COLOR_YELLOW, A_BOLD,   A_BOLD | A_UNDERLINE) \
    X(ACHIEVED, COLOR_BLACK,  COLOR_GREEN, A_NORMAL,  A_BOLD) \
    X(PLANNED,  COLOR_BLACK,  COLOR_MAGENTA, A_NORMAL, A_UNDERLINE) \
    X(MATCH,    COLOR_BLACK,  COLOR_YELLOW, A_NORMAL, A_REVERSE) \
    X(JUMP,     -1,           -1,          A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE) \
    X(ROSE,     COLOR_GREEN,  -1,          A_BOLD,    A_BOLD) \
    X(FELL,     COLOR_RED,    -1,          A_BOLD,    A_NORMAL) \
    X(DIM,      -1,           -1,          A_DIM,     A_DIM) \
    X(ERROR,    COLOR_WHITE,  COLOR_RED,   A_BOLD,    A_REVERSE | A_BOLD) \
    X(SEP,      -1,           -1,          A_DIM,     A_NORMAL) \
    X(BAR,      COLOR_CYAN,   -1,          A_NORMAL,  A_NORMAL) \
    X(TARGET,   COLOR_MAGENTA, -1,         A_BOLD,    A_BOLD)

typedef enum {
#define UI_STYLE_ENUM(id, fg, bg, ca, ma) ST_##id,
    UI_STYLES(UI_STYLE_ENUM)
#undef UI_STYLE_ENUM
    ST__COUNT
} ui_style;

/* ---- views ------------------------------------------------------------ */
typedef struct ui ui;
typedef struct ui_view ui_view;

typedef struct ui_view_ops {
    const char *name;                                   /* shown in the title line */
    void   (*open)(ui *u, ui_view *v);                  /* (re)build rows from the model */
    size_t (*rows)(ui *u, ui_view *v);
    void   (*draw_row)(ui *u, ui_view *v, int y, size_t row, bool sel);
    void   (*header)(ui *u, ui_view *v);                /* optional: one line on top */
    bool   (*request)(ui *u, ui_view *v, ui_cmd c);     /* false: not handled here */
    void   (*status)(ui *u, ui_view *v, char *buf, size_t n);  /* position text */
    void   (*moved)(ui *u, ui_view *v);                 /* selection/top changed (optional) */
    const char *empty;                                  /* shown when there are no rows */
    void   (*footer)(ui *u, ui_view *v, int y);         /* optional: the lines below the rows, from y */
} ui_view_ops;

struct ui_view {
    const ui_view_ops *ops;
    WINDOW *win;
    int     h, w;           /* window size; body rows = h - header */
    bool    has_header;
    bool    cursorless;     /* scrolls without a selection (document) */
    bool    focus;
    size_t  top, sel, nrows;
    /* what is on the screen, for partial redraws */
    size_t  drawn_top, drawn_sel;
    bool    dirty;          /* everything must be redrawn */
    bool    moved;          /* only the selection moved */
    void   *data;
    int     footer;         /* lines kept below the rows for ops->footer (when the window has room) */
};

/* ---- the model ---------------------------------------------------------- */
typedef struct ui_load ui_load;

typedef struct ui_model {
    gwr_doc   **docs;        /* loaded so far (owned by the corpus or the caller) */
    size_t      ndocs, cap;
    gwr_findex *fx;
    gwr_cmp     cmp;
    size_t      cmp_ndocs;   /* docs the comparison was built over */
    bool        cmp_fixed;   /* given by the caller: never rebuilt */
    size_t      dir_len;     /* bytes of the folder all reports share ("samples/") */
    size_t      dir_docs;    /* reports measured for dir_len */
    size_t      nerrs;       /* inputs that could not be read */
    char        errmsg[512]; /* first of them */
} ui_model;

typedef enum { SCR_DOC = 0, SCR_TARGETS, SCR_COMPARE, SCR_REPORTS, SCR_HELP, SCR_TIMELINE, SCR_RANK, SCR__COUNT } ui_screen;

enum { V_OUTLINE = 0, V_DOC, V_TARGETS, V_COMPARE, V_REPORTS, V_HELP, V_TIMELINE, V_CHART, V_RANK, V__COUNT };

typedef enum { IN_NONE = 0, IN_SEARCH, IN_FILTER, IN_REPORTS } ui_input;

struct ui {
    const gwr_opts *opts;
    ui_model  m;
    ui_load  *load;          /* background loader, NULL when everything is loaded */
    size_t    cur;           /* document shown in the outline/document screen */
    ui_screen screen, prev_screen;
    int       focus;         /* V_OUTLINE or V_DOC on the document screen */
    ui_view   views[V__COUNT];
    WINDOW   *title, *status, *sep;
    int       lines, cols;
    bool      too_small;
    bool      mono;
    attr_t    attr[ST__COUNT];
    bool      quit;
    bool      title_dirty, status_dirty, full;
    bool      syncing;       /* outline and document follow each other */
    bool      raw;           /* document pane shows the original text */
    int       cursor_x;      /* where the input cursor goes on the status line */
    size_t    load_done, load_total;
    bool      loading;
    bool      touched;       /* a key was pressed */
    int       rc;
    long      last_refilter; /* ms clock of the last targets query while loading */
    long      last_progress; /* ms clock of the last progress bar update */
    /* line input on the status line: search text (document) or filter (targets) */
    ui_input  input;
    char      search[256];
    char      filter[256];
    char      rfilter[256];  /* reports list filter */
    bool      search_outline; /* the search in screen 1 looks for section titles */
    char      message[256];  /* one-shot message on the status line */
    bool      message_err;
    /* targets filter state */
    int       want_status;   /* -1 any, GWR_ST_ACHIEVED, GWR_ST_PLANNED */
    /* scripted run (tests) */
    const char *script;
    FILE       *dump;
    int         ndumps;
};

/* ui_style.c */
void ui_style_init(ui *u);
/* ui_draw.c: the one width routine applied to everything drawn */
int  ui_put(WINDOW *w, int y, int x, const char *s, size_t len, int cells, attr_t a);
int  ui_puts(WINDOW *w, int y, int x, const char *s, int cells, attr_t a);
int  ui_putf(WINDOW *w, int y, int x, int cells, attr_t a, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void ui_fill(WINDOW *w, int y, int x, int cells, attr_t a);
int  ui_width(const char *s);
int  ui_width_n(const char *s, size_t len);
/* right-aligned field: pads on the left */
int  ui_put_right(WINDOW *w, int y, int x, const char *s, int cells, attr_t a);
/* ui_list.c */
void ui_view_draw(ui *u, ui_view *v);
bool ui_list_request(ui *u, ui_view *v, ui_cmd c);
void ui_view_select(ui *u, ui_view *v, size_t row);
void ui_view_scroll_to(ui *u, ui_view *v, size_t row, int context);
int  ui_view_body(const ui_view *v);
void ui_view_touch(ui_view *v);
/* ui_input.c */
void ui_key(ui *u, wint_t wc, bool code);
/* ui_loop.c */
void ui_layout(ui *u);
void ui_draw(ui *u);
ui_view *ui_focused(ui *u);
void ui_show(ui *u, ui_screen s);
void ui_open_doc(ui *u, size_t doc);
void ui_msg(ui *u, bool err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
gwr_doc *ui_doc(ui *u);
/* panes */
extern const ui_view_ops ui_outline_ops, ui_doc_ops, ui_targets_ops, ui_compare_ops,
    ui_reports_ops, ui_help_ops;
extern const ui_view_ops ui_timeline_ops, ui_chart_ops, ui_rank_ops;
/* ui_outline.c */
void ui_outline_goto_node(ui *u, int32_t node);
void ui_outline_follow(ui *u, int32_t node);
int32_t ui_outline_node(ui *u);
/* ui_doc.c */
void ui_doc_goto(ui *u, size_t off, size_t len);
bool ui_doc_goto_fig(ui *u, const gwr_figure *f);
const char *ui_find_value(const char *s, size_t n, const char *name, const char *written);
void ui_doc_search(ui *u, int dir, bool from_here);
void ui_doc_release(ui *u);
size_t ui_doc_matches(ui *u, size_t *cur);
size_t ui_doc_top_offset(ui *u);
/* ui_targets.c */
void ui_targets_refilter(ui *u);
bool ui_targets_pending(ui *u);
void ui_targets_reading(ui *u, char *buf, size_t n);
void ui_targets_release(ui *u);
/* ui_compare.c */
void ui_compare_release(ui *u);
void ui_compare_refresh(ui *u);              /* rebuilds the comparison when reports were added */
/* ui_timeline.c, ui_chart.c: screen 5 */
const gwr_timeline *ui_timeline_model(ui *u);
void ui_timeline_release(ui *u);
int  ui_timeline_split(int h);               /* lines of the chart pane below a table of h lines */
bool ui_timeline_close_detail(ui *u);        /* true when the cell's sentences were shown */
bool ui_glyphs_ascii(void);                  /* the terminal draws no block elements */
/* ui_rank.c: screen 6 */
void ui_rank_release(ui *u);
/* shows screen 6 for key (NULL: keep the current one), kind (-1 any) and unit (NULL any) of year (0: default) */
void ui_rank_show(ui *u, const char *key, int kind, const char *unit, int year);
/* ui_reports.c: length of the folder every open report's path starts with */
size_t ui_reports_dir(ui *u);
/* ui_outline.c */
void ui_outline_release(ui *u);
void ui_outline_search(ui *u, int dir, bool from_here);
size_t ui_outline_matches(ui *u, size_t *cur);
/* ui_reports.c */
void ui_reports_refilter(ui *u);
size_t ui_reports_doc(ui *u, size_t row);
void ui_reports_release(ui *u);

#endif
