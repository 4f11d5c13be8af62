/* cli.h — the non-interactive sub-commands and the options they share. */
#ifndef GWR_CLI_H
#define GWR_CLI_H
#include <stdbool.h>
#include "export.h"

typedef struct gwr_opts {
    gwr_format format;
    int        status;        /* -1 any */
    const char *key;
    int        year;          /* rank: 0 = the year most reports give */
    const char *grep;         /* targets, outline: only what matches (pinyin too) */
    bool       all;           /* outline: paragraphs too */
    bool       mouse;
    char     **args;          /* positional arguments */
    int        nargs;
} gwr_opts;

int gwr_cmd_outline(const gwr_opts *o);
int gwr_cmd_targets(const gwr_opts *o);
int gwr_cmd_compare(const gwr_opts *o);
int gwr_cmd_quantity(const gwr_opts *o);
int gwr_cmd_timeline(const gwr_opts *o);
int gwr_cmd_rank(const gwr_opts *o);
int gwr_cmd_check(const gwr_opts *o);
/* cli_grep.c: targets --grep and outline --grep */
int gwr_cmd_targets_grep(const gwr_opts *o);
int gwr_cmd_outline_grep(const gwr_opts *o);

#endif
