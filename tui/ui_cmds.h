/* ui_cmds.h — the one list of interface commands.
 * X(id, name, help) generates the command enum, the names and the help text;
 * the key bindings (ui_keys.c) refer to these ids, and the help screen is
 * built from this list and the bindings together, so it cannot drift. */
#ifndef GWR_UI_CMDS_H
#define GWR_UI_CMDS_H

#define UI_COMMANDS(X) \
    X(QUIT,        "quit",          "Quit (leaves help, a search or a filter first)") \
    X(HELP,        "help",          "Show this help; movement keys scroll it, q, Esc or ? returns") \
    X(SCR_DOC,     "view-document", "Screen 1: outline and document") \
    X(SCR_TARGETS, "view-targets",  "Screen 2: table of every figure (type to filter)") \
    X(SCR_COMPARE, "view-compare",  "Screen 3: achieved against planned, headline first") \
    X(SCR_REPORTS, "view-reports",  "Screen 4: list of open reports") \
    X(UP,          "move-up",       "Move up one line") \
    X(DOWN,        "move-down",     "Move down one line") \
    X(PGUP,        "page-up",       "Move up one page") \
    X(PGDN,        "page-down",     "Move down one page") \
    X(TOP,         "move-top",      "Go to the first line") \
    X(BOTTOM,      "move-bottom",   "Go to the last line") \
    X(LEFT,        "left",          "Collapse the section, or go to the outline pane") \
    X(RIGHT,       "right",         "Expand the section, or go to the document pane") \
    X(TAB,         "next-pane",     "Switch between the outline and the document pane") \
    X(ENTER,       "enter",         "Open: show the section, the report, or the figure's sentence") \
    X(SEARCH,      "search",        "Search the document / filter the targets table") \
    X(NEXT,        "next-match",    "Next search match") \
    X(PREV,        "prev-match",    "Previous search match") \
    X(CANCEL,      "cancel",        "Cancel: clear the search or filter, leave help") \
    X(CLEAR,       "clear",         "Clear the search or the filter") \
    X(ORIGINAL,    "original-text", "Document: show the original text as loaded, control bytes visible (again: back)") \
    X(GOTARGETS,   "goto-targets",  "Jump to the main targets paragraph (主要预期目标)") \
    X(ACHIEVED,    "only-achieved", "Targets: show achieved figures only (again: all)") \
    X(PLANNED,     "only-planned",  "Targets: show planned figures only (again: all)") \
    X(MORE,        "filter-more",   "Targets: also show figures whose section or sentence mentions the filter") \
    X(SORT,        "sort",          "Targets: sort by the next column") \
    X(SORTREV,     "sort-reverse",  "Targets: reverse the sort order") \
    X(EXPAND_ALL,  "expand-all",    "Outline: expand every section") \
    X(COLLAPSE_ALL,"collapse-all",  "Outline: collapse to the parts") \
    X(NEXT_DOC,    "next-report",   "Next open report") \
    X(PREV_DOC,    "prev-report",   "Previous open report") \
    X(REDRAW,      "redraw",        "Redraw the screen") \
    X(SCR_TIMELINE,"view-timeline", "Screen 5: one entity's targets against results, year by year, and a chart") \
    X(SCR_RANK,    "view-rank",     "Screen 6: one indicator of one year ranked across entities") \
    X(RANK,        "rank",          "Compare/timeline: rank the selected indicator across entities (screen 6)") \
    X(YEAR_NEXT,   "next-year",     "Rankings: the next year") \
    X(YEAR_PREV,   "prev-year",     "Rankings: the previous year")

typedef enum {
    CMD_NONE = 0,
#define UI_CMD_ENUM(id, name, help) CMD_##id,
    UI_COMMANDS(UI_CMD_ENUM)
#undef UI_CMD_ENUM
    CMD__COUNT
} ui_cmd;

/* ui_keys.c */
ui_cmd      ui_key_cmd(int key);                 /* command bound to a key, CMD_NONE if none */
const char *ui_cmd_name(ui_cmd c);
const char *ui_cmd_help(ui_cmd c);
/* Keys bound to c, as people write them ("j, Down"); writes into buf. */
const char *ui_cmd_keys(ui_cmd c, char *buf, size_t n);

#endif
