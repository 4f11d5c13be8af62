#define _POSIX_C_SOURCE 200809L
/* main.c — the program's edge: parses the command line, dispatches, exits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "safe.h"
#include "indicators.h"
#include "ui.h"

#ifndef GWR_VERSION
#define GWR_VERSION "0.1.0"
#endif

static const char usage_line[] =
    "usage: gwr [--mouse] [FILE|DIR|-]...  |  gwr outline|targets|compare|quantity|check|timeline|rank [options] ARGS...";

static void help(void)
{
    printf("gwr %s — a terminal browser for Chinese government work reports (政府工作报告)\n\n"
           "Usage:\n"
           "  gwr [--mouse] [FILE|DIR|-]...          open the interactive browser\n"
           "  gwr outline  [--format text|tsv|json] [--all] [--grep Q] FILE...\n"
           "  gwr targets  [--format text|tsv|json] [--status achieved|planned] [--key K] [--grep Q] FILE...\n"
           "  gwr compare  [--format text|tsv|json] FILE...\n"
           "  gwr quantity [--format text|tsv|json] TEXT...\n"
           "  gwr check    [--format text|tsv|json] FILE|DIR...   what was read, and doubts\n"
           "  gwr timeline [--format text|tsv|json] [--key K] FILE|DIR...   one entity, year by year\n"
           "  gwr rank     --key K [--year Y] [--status planned|achieved] [--format F] FILE|DIR...\n\n"
           "Options:\n"
           "  --format F   output format of a sub-command: text (default), tsv or json\n"
           "  --status S   targets: only achieved or only planned figures;\n"
           "               rank: rank the targets (planned, default) or the results (achieved)\n"
           "  --key K      targets, timeline: only indicator K (e.g. gdp); rank: the indicator\n"
           "  --year Y     rank: the year (default: the year most reports give)\n"
           "  --all        outline: list paragraphs and front matter too\n"
           "  --grep Q     targets, outline: only what matches Q as the interface's filter\n"
           "               does (text, pinyin such as jiuye or jy, English key names: gdp)\n"
           "  --mouse      interactive: enable the mouse\n"
           "  -h, --help   this help\n"
           "  -V, --version\n"
           "Values match in any case; an unknown value, or an option the command does not\n"
           "take, is a usage error (exit 2).\n\n"
           "Exit status: 0 success, 1 some input could not be read, 2 usage error.\n"
           "See gwr(1).\n", GWR_VERSION);
}

/* An argument as a message may show it: no byte of it drives the terminal. */
static const char *shown(const char *arg, char *buf, size_t n)
{
    gwr_safe_copy(GWR_SAFE_MSG, arg, strlen(arg), buf, n);
    return buf;
}

static int usage_error(const char *fmt, const char *arg)
{
    char b[512];
    fputs("gwr: ", stderr);
    fprintf(stderr, fmt, shown(arg, b, sizeof b));
    fprintf(stderr, "\n%s (try 'gwr --help')\n", usage_line);
    return 2;
}

/* A value no option takes: one line naming it and the accepted ones, exit 2. */
static int bad_value(const char *what, const char *val, const char *whats, const char *list)
{
    char b[512];
    fprintf(stderr, "gwr: unknown %s '%s'; %s: %s\n", what, shown(val, b, sizeof b), whats, list);
    return 2;
}

/* --key: a canonical indicator key, in any case (GDP is gdp). */
static int parse_key(const char *val, const char **key)
{
    char list[1024];
    size_t o = 0;
    list[0] = '\0';
    for (size_t i = 0; i < gwr_indicator_count(); i++) {
        const gwr_indicator *ind = gwr_indicator_at(i);
        if (strcasecmp(val, ind->key) == 0) {
            *key = ind->key;
            return 0;
        }
        int k = snprintf(list + o, sizeof list - o, "%s%s", o ? ", " : "", ind->key);
        if (k > 0 && (size_t)k < sizeof list - o) o += (size_t)k;
    }
    return bad_value("key", val, "keys", list);
}

/* An option given to a command that does not take it. */
static int not_here(const char *opt, const char *where)
{
    char b[512];
    fprintf(stderr, "gwr: option '%s' applies to %s only\n%s (try 'gwr --help')\n", shown(opt, b, sizeof b), where, usage_line);
    return 2;
}

typedef int (*cmd_fn)(const gwr_opts *);
static const struct { const char *name; cmd_fn fn; } commands[] = {
    { "outline", gwr_cmd_outline },
    { "targets", gwr_cmd_targets },
    { "compare", gwr_cmd_compare },
    { "quantity", gwr_cmd_quantity },
    { "check", gwr_cmd_check },
    { "timeline", gwr_cmd_timeline },
    { "rank", gwr_cmd_rank },
};

int main(int argc, char **argv)
{
    gwr_opts o = { .format = GWR_FMT_TEXT, .status = -1 };
    cmd_fn fn = NULL;
    int i = 1;
    if (argc > 1) {
        for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++)
            if (strcmp(argv[1], commands[c].name) == 0) {
                fn = commands[c].fn;
                i = 2;
            }
    }
    char **pos = calloc((size_t)argc + 1, sizeof *pos);
    if (!pos) return 1;
    bool only_pos = false;
    const char *seen_format = NULL, *seen_status = NULL, *seen_key = NULL, *seen_all = NULL, *seen_mouse = NULL;
    const char *seen_year = NULL;
    const char *seen_grep = NULL;
    for (; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        if (only_pos || a[0] != '-' || strcmp(a, "-") == 0) {
            pos[o.nargs++] = argv[i];
            continue;
        }
        if (strcmp(a, "--") == 0) { only_pos = true; continue; }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) { help(); free(pos); return 0; }
        if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) { printf("gwr %s\n", GWR_VERSION); free(pos); return 0; }
        if (strcmp(a, "--all") == 0) { o.all = true; seen_all = a; continue; }
        if (strcmp(a, "--mouse") == 0) { o.mouse = true; seen_mouse = a; continue; }
        const char *names[] = { "--format", "--status", "--key", "--year", "--grep" };
        int which = -1;
        for (int k = 0; k < 5; k++) {
            size_t n = strlen(names[k]);
            if (strncmp(a, names[k], n) == 0 && (a[n] == '\0' || a[n] == '=')) {
                which = k;
                val = a[n] == '=' ? a + n + 1 : (i + 1 < argc ? argv[++i] : NULL);
            }
        }
        if (which < 0) { free(pos); return usage_error("unknown option '%s'", a); }
        if (!val) { free(pos); return usage_error("option '%s' needs a value", a); }
        if (which == 0) {
            seen_format = names[0];
            if (strcasecmp(val, "text") == 0) o.format = GWR_FMT_TEXT;
            else if (strcasecmp(val, "tsv") == 0) o.format = GWR_FMT_TSV;
            else if (strcasecmp(val, "json") == 0) o.format = GWR_FMT_JSON;
            else { free(pos); return bad_value("format", val, "formats", "text, tsv, json"); }
        } else if (which == 1) {
            seen_status = names[1];
            if (strcasecmp(val, "achieved") == 0) o.status = 0;
            else if (strcasecmp(val, "planned") == 0) o.status = 1;
            else { free(pos); return bad_value("status", val, "statuses", "achieved, planned"); }
        } else if (which == 3) {
            char *end;
            long y = strtol(val, &end, 10);
            seen_year = names[3];
            if (*end || end == val || y < 1000 || y > 9999) { free(pos); return bad_value("year", val, "years", "four digits, e.g. 2024"); }
            o.year = (int)y;
        } else if (which == 4) {
            seen_grep = names[4];
            o.grep = val;
        } else {
            seen_key = names[2];
            if (parse_key(val, &o.key)) { free(pos); return 2; }
        }
    }
    o.args = pos;
    /* an option the command would ignore is an error, not a silent no-op */
    const char *cmd = fn ? argv[1] : NULL;
    const char *wrong = NULL, *where = NULL;
    if (seen_status && fn != gwr_cmd_targets && fn != gwr_cmd_rank) wrong = seen_status, where = "targets and rank";
    else if (seen_key && fn != gwr_cmd_targets && fn != gwr_cmd_timeline && fn != gwr_cmd_rank)
        wrong = seen_key, where = "targets, timeline and rank";
    else if (seen_year && fn != gwr_cmd_rank) wrong = seen_year, where = "rank";
    else if (seen_all && fn != gwr_cmd_outline) wrong = seen_all, where = "outline";
    else if (seen_grep && fn != gwr_cmd_targets && fn != gwr_cmd_outline) wrong = seen_grep, where = "targets and outline";
    else if (seen_mouse && cmd) wrong = seen_mouse, where = "the interactive browser";
    else if (seen_format && !cmd) wrong = seen_format, where = "sub-commands";
    if (wrong) { free(pos); return not_here(wrong, where); }
    int ndash = 0;
    for (int k = 0; k < o.nargs && fn != gwr_cmd_quantity; k++) ndash += strcmp(pos[k], "-") == 0;
    if (ndash > 1) { free(pos); return usage_error("%s", "'-' given twice: standard input can be read only once"); }
    int rc;
    if (fn) {
        if (o.nargs == 0) { free(pos); return usage_error("%s needs at least one argument", argv[1]); }
        rc = fn(&o);
    } else {
        /* no argument but a pipe or a file on standard input: read it, as less does */
        struct stat st;
        if (o.nargs == 0 && fstat(0, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISREG(st.st_mode)))
            pos[o.nargs++] = (char *)"-";
        if (o.nargs == 0) { free(pos); return usage_error("%s", "no report given (a file, a directory or -)"); }
        /* a first word that looks like a sub-command but names no file */
        const char *w = argv[1];
        if (w && w[0] != '-' && strspn(w, "abcdefghijklmnopqrstuvwxyz") == strlen(w) && access(w, F_OK) != 0) {
            free(pos);
            return usage_error("unknown sub-command '%s'", w);
        }
        rc = gwr_ui_run(&o);
    }
    free(pos);
    return rc;
}
