/* check.c — per report: where the entity and years came from, how many parts
 * review and plan, how many figures of each status, and the doubts that
 * follow (see check.h). Reads the finished doc only; linear in its size. */
#include "check.h"
#include <stdio.h>
#include <string.h>

static const char *const doubt_names[GWR_DOUBT__COUNT] = {
    "no_review", "no_plan", "no_targets", "entity_from_filename", "years_guessed",
    "no_gdp_target", "no_gdp_result", "targets_ambiguous", "unnamed_figures",
};

static const char *const doubt_help[GWR_DOUBT__COUNT] = {
    "no part reviews the past year: every figure counts as planned or undated",
    "no part plans the coming year",
    "no main-targets paragraph (主要预期目标) was found",
    "the text does not name its place near the top: entity taken from the file name",
    "no title, meeting date or heading gives the year: taken from weaker clues",
    "no planned GDP (or GNP) figure for the report year",
    "no achieved GDP (or GNP) figure for the reviewed year",
    "several targets paragraphs, or two planned values for one indicator and year",
    "figures whose indicator name was not found",
};

const char *gwr_doubt_name(gwr_doubt k) { return (unsigned)k < GWR_DOUBT__COUNT ? doubt_names[k] : "?"; }
const char *gwr_doubt_help(gwr_doubt k) { return (unsigned)k < GWR_DOUBT__COUNT ? doubt_help[k] : "?"; }

/* parts, or the top-level sections of a report without parts */
static bool top_level(const gwr_node *nd)
{
    return nd->kind == GWR_NODE_PART || (nd->kind == GWR_NODE_SECTION && nd->depth == 1);
}

/* the headline output measure: GDP, or GNP in reports before the mid-1990s */
static bool is_gdp(const gwr_figure *f) { return f->key && (strcmp(f->key, "gdp") == 0 || strcmp(f->key, "gnp") == 0); }

static bool unnamed(const gwr_figure *f)
{
    return !f->name || !f->name[0] || strcmp(f->name, GWR_FIG_NO_NAME) == 0;
}

void gwr_check_doc(const gwr_doc *d, gwr_check *c)
{
    memset(c, 0, sizeof *c);
    c->report_year = d->report_year;
    for (size_t i = 1; i < d->nnodes; i++) {
        const gwr_node *nd = &d->nodes[i];
        if (nd->kind == GWR_NODE_TARGETS) c->targets_paragraphs++;
        if (!top_level(nd)) continue;
        if (nd->role == GWR_ROLE_REVIEW) c->review_parts++;
        if (nd->role == GWR_ROLE_PLAN) c->plan_parts++;
    }
    if (c->review_parts) c->review_year = d->reviewed_year;
    bool gdp_target = false, gdp_result = false, conflict = false;
    for (size_t i = 0; i < d->nfigs; i++) {
        const gwr_figure *f = &d->figs[i];
        c->unnamed += unnamed(f);
        if (f->status == GWR_ST_PLANNED) {
            c->planned++;
            c->headline_planned += f->headline;
            if (is_gdp(f) && f->period == GWR_PER_YEAR && f->year == d->report_year) gdp_target = true;
            /* two headline targets for one indicator, kind and year that differ */
            if (f->headline && f->key && f->period == GWR_PER_YEAR && !conflict && c->headline_planned <= 200)
                for (size_t j = 0; j < i; j++) {
                    const gwr_figure *g = &d->figs[j];
                    if (g->status == GWR_ST_PLANNED && g->headline && g->key && g->period == GWR_PER_YEAR &&
                        g->year == f->year && g->kind == f->kind && strcmp(g->key, f->key) == 0 &&
                        gwr_dec_cmp(gwr_fig_value(g), gwr_fig_value(f)) != 0) {
                        conflict = true;
                        break;
                    }
                }
        } else {
            c->achieved++;
            c->headline_achieved += f->headline;
            if (is_gdp(f) && f->period == GWR_PER_YEAR && f->year == d->reviewed_year) gdp_result = true;
        }
    }
    unsigned b = 0;
    if (!c->review_parts) b |= 1u << GWR_DOUBT_NO_REVIEW;
    if (!c->plan_parts) b |= 1u << GWR_DOUBT_NO_PLAN;
    if (!c->targets_paragraphs) b |= 1u << GWR_DOUBT_NO_TARGETS;
    if (d->entity_from == GWR_FROM_FILENAME || !d->entity || !d->entity[0]) b |= 1u << GWR_DOUBT_ENTITY_FROM_FILENAME;
    if (d->years_from == GWR_FROM_TEXT || d->years_from == GWR_FROM_FILENAME || !d->report_year)
        b |= 1u << GWR_DOUBT_YEARS_GUESSED;
    if (!gdp_target) b |= 1u << GWR_DOUBT_NO_GDP_TARGET;
    if (!gdp_result) b |= 1u << GWR_DOUBT_NO_GDP_RESULT;
    if (c->targets_paragraphs > 1 || conflict) b |= 1u << GWR_DOUBT_TARGETS_AMBIGUOUS;
    if (c->unnamed) b |= 1u << GWR_DOUBT_UNNAMED_FIGURES;
    c->doubts = b;
}

const char *gwr_check_doubt_list(const gwr_check *c, char *buf, size_t n)
{
    size_t o = 0;
    if (n) buf[0] = '\0';
    for (int k = 0; k < GWR_DOUBT__COUNT; k++) {
        if (!(c->doubts & (1u << k))) continue;
        int w = snprintf(buf + o, n > o ? n - o : 0, "%s%s", o ? "," : "", doubt_names[k]);
        if (w < 0 || (size_t)w >= n - o) break;
        o += (size_t)w;
    }
    return buf;
}

static const char *from_or_dash(gwr_from f)
{
    return f == GWR_FROM_NONE ? "not found" : gwr_from_name(f);
}

bool gwr_check_line(const gwr_doc *d, const gwr_check *c, int i, char *buf, size_t n)
{
    char y[16] = "-";
    switch (i) {
    case 0:
        snprintf(buf, n, "entity    %s (%s)", d->entity && d->entity[0] ? d->entity : "-", from_or_dash(d->entity_from));
        return true;
    case 1:
        if (c->review_year) snprintf(y, sizeof y, "%d", c->review_year);
        if (c->report_year)
            snprintf(buf, n, "years     report %d (%s), review %s", c->report_year, from_or_dash(d->years_from), y);
        else
            snprintf(buf, n, "years     report - (not found), review %s", y);
        return true;
    case 2:
        snprintf(buf, n, "parts     review %zu, plan %zu; targets paragraphs %zu", c->review_parts, c->plan_parts,
                 c->targets_paragraphs);
        return true;
    case 3:
        snprintf(buf, n, "figures   achieved %zu (headline %zu), planned %zu (headline %zu), unnamed %zu", c->achieved,
                 c->headline_achieved, c->planned, c->headline_planned, c->unnamed);
        return true;
    case 4: {
        char l[256];
        gwr_check_doubt_list(c, l, sizeof l);
        snprintf(buf, n, "doubts    %s", l[0] ? l : "none");
        return true;
    }
    default:
        return false;
    }
}

void gwr_check_summary_add(gwr_check_summary *s, const gwr_check *c)
{
    s->reports++;
    s->with_doubts += c->doubts != 0;
    s->unnamed += c->unnamed;
    for (int k = 0; k < GWR_DOUBT__COUNT; k++) s->doubt[k] += (c->doubts >> k) & 1u;
}
