/* check.h — what gwr read in a report and where it is unsure (`gwr check`,
 * the reports screen). */
#ifndef GWR_CHECK_H
#define GWR_CHECK_H
#include <stdbool.h>
#include <stddef.h>
#include "doc.h"
#include "facts.h"

/* Doubts, in the order they are listed; names are stable (TSV, JSON, man page). */
typedef enum {
    GWR_DOUBT_NO_REVIEW = 0,        /* no part reviews the past year */
    GWR_DOUBT_NO_PLAN,              /* no part plans the coming year */
    GWR_DOUBT_NO_TARGETS,           /* no main-targets paragraph */
    GWR_DOUBT_ENTITY_FROM_FILENAME, /* the text never names its place near the top */
    GWR_DOUBT_YEARS_GUESSED,        /* no title, meeting date or heading gives the year */
    GWR_DOUBT_NO_GDP_TARGET,        /* no planned GDP (or GNP) figure for the report year */
    GWR_DOUBT_NO_GDP_RESULT,        /* no achieved GDP (or GNP) figure for the reviewed year */
    GWR_DOUBT_TARGETS_AMBIGUOUS,    /* several targets paragraphs, or two planned values for one indicator */
    GWR_DOUBT_UNNAMED_FIGURES,      /* figures whose indicator name was not found */
    GWR_DOUBT__COUNT
} gwr_doubt;

typedef struct gwr_check {
    int      report_year;
    int      review_year;          /* 0 when the report has no review part */
    size_t   review_parts, plan_parts, targets_paragraphs;
    size_t   achieved, planned, headline_achieved, headline_planned;
    size_t   unnamed;              /* figures with no name found */
    unsigned doubts;               /* bit (1u << gwr_doubt) per doubt */
} gwr_check;

/* A figure named GWR_FIG_NO_NAME (facts.h: no indicator name could be found)
 * or with an empty name counts as unnamed. */

void        gwr_check_doc(const gwr_doc *d, gwr_check *c);
const char *gwr_doubt_name(gwr_doubt k);
const char *gwr_doubt_help(gwr_doubt k);   /* one line, for the text summary and the interface */
/* The doubts as "a,b,c" (empty when none) in buf; returns buf. */
const char *gwr_check_doubt_list(const gwr_check *c, char *buf, size_t n);

/* Line i (0 …) of a report's check as a person reads it ("entity    荆门市
 * (title)", "years     report 2024 (meeting), review 2023", …) in buf;
 * false when there is no line i. Used by the text format and the interface. */
#define GWR_CHECK_LINES 5
bool gwr_check_line(const gwr_doc *d, const gwr_check *c, int i, char *buf, size_t n);

/* Counts over a corpus, for the summary. */
typedef struct gwr_check_summary {
    size_t reports, unreadable, with_doubts, unnamed;
    size_t doubt[GWR_DOUBT__COUNT];
} gwr_check_summary;
void gwr_check_summary_add(gwr_check_summary *s, const gwr_check *c);

#endif
