/* fuzz_targets.c — the bodies of the fuzz targets, shared by the libFuzzer
 * entry points (fuzz/fuzz_*.c) and the regression replay unit test
 * (tests/unit/test_fuzz_regress.c), which includes this file.
 *
 * Each body feeds arbitrary bytes to one stage of the core and checks the
 * invariants every caller relies on (indices in range, spans inside the
 * text, lines inside the file). A broken invariant aborts, so the fuzzer and
 * the replay test both see it as a crash. */
#include "fuzz_targets.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compare.h"
#include "dec.h"
#include "doc.h"
#include "export.h"
#include "facts.h"
#include "outline.h"
#include "check.h"
#include "pinyin.h"
#include "series.h"
#include "quantity.h"
#include "safe.h"
#include "text.h"
#include "read.h"

#define FUZZ_CHECK(cond)                                                        \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond,        \
                    __FILE__, __LINE__);                                        \
            abort();                                                            \
        }                                                                       \
    } while (0)

/* Exporters write here so their formatting code runs too. */
static FILE *sink(void)
{
    static FILE *f;
    if (!f) f = fopen("/dev/null", "w");
    FUZZ_CHECK(f != NULL);
    return f;
}

static void check_text(const gwr_text *t)
{
    FUZZ_CHECK(t->orig && t->norm);
    FUZZ_CHECK(strlen(t->orig) <= t->orig_len);
    FUZZ_CHECK(t->orig[t->orig_len] == '\0');
    FUZZ_CHECK(t->norm[t->norm_len] == '\0');
    FUZZ_CHECK(t->nlines >= 1);
    for (size_t i = 1; i < t->nlines; i++) FUZZ_CHECK(t->line_start[i - 1] < t->line_start[i]);
    FUZZ_CHECK(t->line_start[t->nlines - 1] <= t->orig_len);
    for (size_t i = 1; i < t->map_len; i++) FUZZ_CHECK(t->map_norm[i - 1] <= t->map_norm[i]);
    /* the map and line lookup must stay inside the text for any offset */
    size_t probes[] = { 0, t->norm_len / 3, t->norm_len / 2, t->norm_len ? t->norm_len - 1 : 0, t->norm_len };
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        size_t o = gwr_text_orig_offset(t, probes[i]);
        FUZZ_CHECK(o <= t->orig_len);
        uint32_t ln = gwr_text_norm_line(t, probes[i]);
        FUZZ_CHECK(ln >= 1 && ln <= t->nlines);
    }
}

static void check_nodes(const gwr_doc *d)
{
    FUZZ_CHECK(d->nnodes >= 1 && d->nodes);
    FUZZ_CHECK(d->nodes[0].kind == GWR_NODE_ROOT && d->nodes[0].parent == -1);
    for (size_t i = 0; i < d->nnodes; i++) {
        const gwr_node *n = &d->nodes[i];
        FUZZ_CHECK((unsigned)n->kind < GWR_NODE__COUNT);
        FUZZ_CHECK((unsigned)n->role < GWR_ROLE__COUNT);
        FUZZ_CHECK(n->parent >= -1 && n->parent < (int32_t)d->nnodes);
        FUZZ_CHECK(n->first_child >= -1 && n->first_child < (int32_t)d->nnodes);
        FUZZ_CHECK(n->next_sibling >= -1 && n->next_sibling < (int32_t)d->nnodes);
        if (i > 0) {
            FUZZ_CHECK(n->parent >= 0 && (size_t)n->parent < i);   /* pre-order */
            FUZZ_CHECK(n->depth > d->nodes[n->parent].depth);
        }
        if (n->first_child >= 0) FUZZ_CHECK((size_t)n->first_child > i);
        if (n->next_sibling >= 0) FUZZ_CHECK((size_t)n->next_sibling > i);
        if (d->has_text) {
            FUZZ_CHECK((size_t)n->body_off <= d->text.norm_len);
            FUZZ_CHECK((size_t)n->body_len <= d->text.norm_len - n->body_off);
            FUZZ_CHECK(n->line >= 1 && n->line <= d->text.nlines);
        }
        if (n->title) (void)strlen(n->title);
        (void)gwr_doc_section_title(d, (int32_t)i);
    }
}

static void check_quantity(const gwr_quantity *q, size_t len)
{
    FUZZ_CHECK((unsigned)q->qual < GWR_Q__COUNT);
    FUZZ_CHECK(q->off <= len && q->len <= len - q->off);
    FUZZ_CHECK(memchr(q->unit, '\0', sizeof q->unit) != NULL);
    char buf[64];
    int need = gwr_dec_format(q->value, buf, sizeof buf);
    FUZZ_CHECK(need >= 0 && need < (int)sizeof buf);
    need = gwr_dec_format(q->hi, buf, sizeof buf);
    FUZZ_CHECK(need >= 0 && need < (int)sizeof buf);
}

static void check_figs(const gwr_doc *d)
{
    for (size_t i = 0; i < d->nfigs; i++) {
        const gwr_figure *g = &d->figs[i];
        FUZZ_CHECK((unsigned)g->kind < GWR_FK__COUNT);
        FUZZ_CHECK((unsigned)g->status < GWR_ST__COUNT);
        FUZZ_CHECK((unsigned)g->period < GWR_PER__COUNT);
        FUZZ_CHECK(g->node >= 0 && (size_t)g->node < d->nnodes);
        if (d->has_text) FUZZ_CHECK(g->line >= 1 && g->line <= d->text.nlines);
        if (g->name) (void)strlen(g->name);
        if (g->written) (void)strlen(g->written);
        if (gwr_fig_sentence(d, g)) (void)strlen(gwr_fig_sentence(d, g));
        gwr_quantity gq = gwr_fig_quantity(g);
        check_quantity(&gq, (size_t)-1 / 2);
        if (i > 0) FUZZ_CHECK(d->figs[i - 1].line <= g->line);   /* text order */
    }
}

static void export_all(const gwr_doc *d)
{
    FILE *f = sink();
    gwr_fig_filter any = { .status = -1, .key = NULL };
    for (int fmt = GWR_FMT_TEXT; fmt <= GWR_FMT_JSON; fmt++) {
        gwr_export_outline(f, (gwr_format)fmt, d, true, true, true);
        gwr_export_targets(f, (gwr_format)fmt, d, &any, true, true);
    }
}

/* The input as a file name through the output sanitiser: in no form a byte
 * below 0x20 or DEL, a C1 or a bidi control; TSV and JSON valid UTF-8. */
static void check_sanitiser(const uint8_t *data, size_t size)
{
    static char out[256 * 16 + 1];
    size_t n = size < 256 ? size : 256;
    for (int form = GWR_SAFE_TEXT; form <= GWR_SAFE_MSG; form++) {
        size_t k = gwr_safe_copy((gwr_safe_form)form, (const char *)data, n, out, sizeof out);
        FUZZ_CHECK(k == strlen(out));
        for (size_t i = 0; i < k;) {
            unsigned cp = 0;
            size_t c = gwr_safe_char(out + i, k - i, &cp);
            if (form == GWR_SAFE_TSV || form == GWR_SAFE_JSON) FUZZ_CHECK(c > 0);
            if (c == 0) { i++; continue; }
            FUZZ_CHECK(cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0));
            FUZZ_CHECK(!(cp >= 0x202A && cp <= 0x202E) && !(cp >= 0x2066 && cp <= 0x2069));
            i += c;
        }
    }
}

int gwr_fuzz_load(const uint8_t *data, size_t size)
{
    check_sanitiser(data, size);
    gwr_doc d;
    memset(&d, 0, sizeof d);
    gwr_arena_init(&d.arena);
    d.path = gwr_arena_strdup(&d.arena, "fuzz.txt");
    gwr_err err = { 0 };
    if (gwr_text_load_mem(&d.text, "fuzz.txt", data, size, &err) != GWR_OK) {
        FUZZ_CHECK(err.code != GWR_OK && err.msg[0] && !strchr(err.msg, '\n'));
        gwr_doc_free(&d);
        return 0;
    }
    d.has_text = true;
    check_text(&d.text);
    if (gwr_outline_build(&d, &err) == GWR_OK) {
        check_nodes(&d);
        gwr_export_outline(sink(), GWR_FMT_TSV, &d, true, true, true);
    }
    gwr_doc_free(&d);
    return 0;
}

int gwr_fuzz_facts(const uint8_t *data, size_t size)
{
    gwr_doc d;
    gwr_err err = { 0 };
    if (gwr_doc_load_mem(&d, "fuzz.txt", data, size, &err) != GWR_OK) {
        FUZZ_CHECK(err.code != GWR_OK && err.msg[0] && !strchr(err.msg, '\n'));
        return 0;
    }
    check_text(&d.text);
    check_nodes(&d);
    check_figs(&d);
    export_all(&d);
    gwr_doc_compact(&d);     /* what a corpus does with every kept document */
    check_nodes(&d);
    check_figs(&d);
    export_all(&d);
    gwr_doc_drop_text(&d);   /* what corpus mode does: tree and figures must survive */
    check_nodes(&d);
    export_all(&d);
    gwr_doc_free(&d);
    return 0;
}

int gwr_fuzz_quantity(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    size_t pos = 0, prev = 0;
    gwr_quantity q;
    int guard = 0;
    while (gwr_quantity_next(s, size, &pos, &q)) {
        FUZZ_CHECK(pos > prev && pos <= size);   /* always makes progress */
        check_quantity(&q, size);
        FUZZ_CHECK(q.off >= prev);
        prev = pos;
        FUZZ_CHECK(++guard <= (int)size + 1);
    }
    gwr_dec v;
    if (gwr_dec_parse(s, size, &v)) {
        char buf[64];
        int need = gwr_dec_format(v, buf, sizeof buf);
        FUZZ_CHECK(need >= 0 && need < (int)sizeof buf);
        gwr_dec back;
        FUZZ_CHECK(gwr_dec_parse(buf, (size_t)need, &back));
        FUZZ_CHECK(gwr_dec_cmp(v, back) == 0);
        gwr_dec r = v;
        if (gwr_dec_scale(&r, 8)) (void)gwr_dec_format(r, buf, sizeof buf);
        r = v;
        if (gwr_dec_mul_int(&r, 10000)) (void)gwr_dec_format(r, buf, sizeof buf);
        if (gwr_dec_add(&r, v, v)) (void)gwr_dec_format(r, buf, sizeof buf);
        if (gwr_dec_sub(&r, v, back)) FUZZ_CHECK(gwr_dec_is_zero(r));
    }
    /* the writer takes a NUL-terminated phrase */
    char *z = malloc(size + 1);
    FUZZ_CHECK(z != NULL);
    memcpy(z, data, size);
    z[size] = '\0';
    for (int fmt = GWR_FMT_TEXT; fmt <= GWR_FMT_JSON; fmt++)
        gwr_export_quantities(sink(), (gwr_format)fmt, z, true, true);
    free(z);
    return 0;
}

/* The input holds up to GWR_FUZZ_MAXDOCS reports separated by form feeds. */
#define GWR_FUZZ_MAXDOCS 4

int gwr_fuzz_compare(const uint8_t *data, size_t size)
{
    gwr_doc docs[GWR_FUZZ_MAXDOCS];
    gwr_doc *ptrs[GWR_FUZZ_MAXDOCS];
    size_t n = 0, start = 0;
    static const char *const names[GWR_FUZZ_MAXDOCS] = { "a/x-2023.txt", "b/x-2024.txt", "c/y-2023.txt", "d/y-2024.txt" };
    for (size_t i = 0; i <= size && n < GWR_FUZZ_MAXDOCS; i++) {
        if (i < size && data[i] != '\f') continue;
        if (n + 1 == GWR_FUZZ_MAXDOCS) i = size;   /* the last one takes the rest */
        gwr_err err = { 0 };
        if (gwr_doc_load_mem(&docs[n], names[n], data + start, i - start, &err) == GWR_OK) {
            ptrs[n] = &docs[n];
            n++;
        }
        start = i + 1;
    }
    gwr_cmp c = { 0 };
    gwr_err err = { 0 };
    if (gwr_compare_build(&c, ptrs, n, &err) == GWR_OK) {
        for (size_t i = 0; i < c.nrows; i++) {
            const gwr_cmp_row *r = &c.rows[i];
            FUZZ_CHECK(r->planned || r->achieved);
            FUZZ_CHECK((unsigned)r->verdict <= GWR_V_UNKNOWN);
            FUZZ_CHECK((unsigned)r->kind < GWR_FK__COUNT);
            bool found = false;
            for (size_t k = 0; k < n; k++) found |= r->doc == ptrs[k];
            FUZZ_CHECK(found);
            if (r->planned && r->achieved)
                (void)gwr_verdict_of(r->planned, r->achieved, r->key);
            else
                FUZZ_CHECK(r->verdict == GWR_V_NONE);
        }
        for (int fmt = GWR_FMT_TEXT; fmt <= GWR_FMT_JSON; fmt++)
            gwr_export_compare(sink(), (gwr_format)fmt, &c);
    } else {
        FUZZ_CHECK(err.code != GWR_OK);
    }
    gwr_compare_free(&c);
    for (size_t k = 0; k < n; k++) gwr_doc_free(ptrs[k]);
    return 0;
}

/* A reader's output: NUL-terminated, no NUL inside, valid UTF-8 where the
 * reader produced it from text it decoded (HTML), then loadable. */
static void check_read(gwr_status st, const gwr_err *err, char *out, size_t len)
{
    if (st != GWR_OK) {
        FUZZ_CHECK(out == NULL && err->code != GWR_OK && err->msg[0] && !strchr(err->msg, '\n'));
        return;
    }
    FUZZ_CHECK(out != NULL && out[len] == '\0' && strlen(out) == len);
    gwr_text t;
    gwr_err e2 = { 0 };
    if (gwr_text_load_mem(&t, "fuzz-read.txt", out, len, &e2) == GWR_OK) {
        check_text(&t);
        gwr_text_free(&t);
    }
    free(out);
}

int gwr_fuzz_html(const uint8_t *data, size_t size)
{
    char *out = NULL;
    size_t len = 0;
    gwr_err err = { 0 };
    gwr_status st = gwr_read_html("fuzz.html", data, size, &out, &len, &err);
    if (st == GWR_OK) {   /* the page was decoded to UTF-8: so is its text */
        const unsigned char *s = (const unsigned char *)out;
        for (size_t i = 0; i < len; i++) FUZZ_CHECK(s[i] != 0);
    }
    check_read(st, &err, out, len);
    return 0;
}

int gwr_fuzz_docx(const uint8_t *data, size_t size)
{
    char *out = NULL;
    size_t len = 0;
    gwr_err err = { 0 };
    gwr_status st = gwr_read_docx("fuzz.docx", data, size, &out, &len, &err);
    check_read(st, &err, out, len);
    return 0;
}

int gwr_fuzz_pdf(const uint8_t *data, size_t size)
{
    char *out = NULL;
    size_t len = 0;
    gwr_err err = { 0 };
    gwr_status st = gwr_read_pdf_clean("fuzz.pdf", (const char *)data, size, &out, &len, &err);
    if (st == GWR_OK) FUZZ_CHECK(len > 0 && out[len - 1] == '\n');
    check_read(st, &err, out, len);
    return 0;
}

/* Splits the input at form feeds into up to GWR_FUZZ_MAXDOCS reports, as
 * gwr_fuzz_compare does; returns how many loaded. */
static size_t load_docs(const uint8_t *data, size_t size, gwr_doc *docs, gwr_doc **ptrs)
{
    static const char *const names[GWR_FUZZ_MAXDOCS] = { "a/x-2023.txt", "b/x-2024.txt", "c/y-2023.txt", "d/y-2024.txt" };
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= size && n < GWR_FUZZ_MAXDOCS; i++) {
        if (i < size && data[i] != '\f') continue;
        if (n + 1 == GWR_FUZZ_MAXDOCS) i = size;
        gwr_err err = { 0 };
        if (gwr_doc_load_mem(&docs[n], names[n], data + start, i - start, &err) == GWR_OK) {
            ptrs[n] = &docs[n];
            n++;
        }
        start = i + 1;
    }
    return n;
}

static void check_timeline(const gwr_timeline *t)
{
    for (size_t e = 0; e < t->nents; e++) {
        const gwr_series *s = &t->ents[e];
        FUZZ_CHECK(s->entity != NULL);
        FUZZ_CHECK(s->first <= t->nrows && s->n <= t->nrows - s->first);
        FUZZ_CHECK(gwr_timeline_find(t, s->entity) >= 0);
        for (int y = s->year_lo - 1; y <= s->year_hi + 1 && y - s->year_lo < 64; y++) {
            int met = -1, judged = -1;
            gwr_series_tally(t, s, y, &met, &judged);
            FUZZ_CHECK(met >= 0 && judged >= met);
        }
        for (size_t r = s->first; r < s->first + s->n; r++) {
            const gwr_series_row *row = &t->rows[r];
            FUZZ_CHECK(row->first <= t->ncells && row->n <= t->ncells - row->first);
            FUZZ_CHECK((unsigned)row->kind < GWR_FK__COUNT);
            for (size_t c = row->first; c < row->first + row->n; c++) {
                const gwr_series_cell *cell = &t->cells[c];
                FUZZ_CHECK(cell->planned || cell->achieved);
                FUZZ_CHECK((unsigned)cell->verdict <= GWR_V_UNKNOWN);
                if (c > row->first) FUZZ_CHECK(t->cells[c - 1].year < cell->year);   /* by year */
                FUZZ_CHECK(gwr_series_cell_at(t, row, cell->year) == cell);
                if (cell->planned) (void)gwr_series_value(cell->planned);
                if (cell->achieved) (void)gwr_series_value(cell->achieved);
            }
        }
    }
}

static void check_rank(const gwr_rank *r)
{
    FUZZ_CHECK(r->key != NULL);
    for (size_t i = 1; i < r->nyears; i++) FUZZ_CHECK(r->years[i - 1] < r->years[i]);
    bool unranked = false;
    for (size_t i = 0; i < r->nrows; i++) {
        const gwr_rank_row *w = &r->rows[i];
        FUZZ_CHECK(w->entity != NULL && w->place >= 0);
        if (w->place == 0) unranked = true;
        else FUZZ_CHECK(!unranked && w->fig != NULL && w->place <= (int)i + 1);   /* ranked first */
        if (i > 0 && w->place > 0) FUZZ_CHECK(r->rows[i - 1].place <= w->place);
    }
}

/* Reports as for compare, then what `gwr check`, `gwr timeline` and `gwr
 * rank` do with them. */
int gwr_fuzz_series(const uint8_t *data, size_t size)
{
    gwr_doc docs[GWR_FUZZ_MAXDOCS];
    gwr_doc *ptrs[GWR_FUZZ_MAXDOCS];
    size_t n = load_docs(data, size, docs, ptrs);
    gwr_check_summary sum;
    memset(&sum, 0, sizeof sum);
    for (size_t k = 0; k < n; k++) {
        gwr_check c;
        gwr_check_doc(ptrs[k], &c);
        FUZZ_CHECK(c.doubts < (1u << GWR_DOUBT__COUNT));
        char buf[512];
        (void)gwr_check_doubt_list(&c, buf, sizeof buf);
        FUZZ_CHECK(strlen(buf) < sizeof buf);
        for (int i = 0; i < GWR_CHECK_LINES + 1; i++) {
            if (gwr_check_line(ptrs[k], &c, i, buf, sizeof buf)) FUZZ_CHECK(strlen(buf) < sizeof buf);
        }
        char tiny[8];
        (void)gwr_check_line(ptrs[k], &c, 0, tiny, sizeof tiny);
        FUZZ_CHECK(strlen(tiny) < sizeof tiny);
        gwr_check_summary_add(&sum, &c);
        for (int fmt = GWR_FMT_TEXT; fmt <= GWR_FMT_JSON; fmt++)
            gwr_export_check(sink(), (gwr_format)fmt, ptrs[k], &c, k == 0);
    }
    for (int fmt = GWR_FMT_TEXT; fmt <= GWR_FMT_JSON; fmt++) gwr_export_check_end(sink(), (gwr_format)fmt, &sum);
    gwr_cmp c = { 0 };
    gwr_err err = { 0 };
    if (gwr_compare_build(&c, ptrs, n, &err) == GWR_OK) {
        gwr_timeline t = { 0 };
        if (gwr_timeline_build(&t, &c, ptrs, n, NULL, &err) == GWR_OK) {
            check_timeline(&t);
            for (int fmt = GWR_FMT_TEXT; fmt <= GWR_FMT_JSON; fmt++) gwr_export_timeline(sink(), (gwr_format)fmt, &t);
            /* rank the first keyed indicator both ways, and its timeline alone */
            const char *key = NULL;
            for (size_t i = 0; i < t.nrows && !key; i++) key = t.rows[i].key;
            if (key) {
                for (int by = 0; by < 2; by++) {
                    gwr_rank r = { 0 };
                    gwr_err e2 = { 0 };
                    if (gwr_rank_build(&r, &t, key, -1, NULL, 0, by ? GWR_ST_ACHIEVED : GWR_ST_PLANNED, by == 1,
                                       &e2) == GWR_OK) {
                        check_rank(&r);
                        for (int fmt = GWR_FMT_TEXT; fmt <= GWR_FMT_JSON; fmt++) gwr_export_rank(sink(), (gwr_format)fmt, &r);
                    } else {
                        FUZZ_CHECK(e2.code != GWR_OK && e2.msg[0] && !strchr(e2.msg, '\n'));
                    }
                    gwr_rank_free(&r);
                }
                gwr_timeline t1 = { 0 };
                if (gwr_timeline_build(&t1, &c, ptrs, n, key, &err) == GWR_OK) {
                    check_timeline(&t1);
                    for (size_t i = 0; i < t1.nrows; i++)
                        FUZZ_CHECK(t1.rows[i].key && strcmp(t1.rows[i].key, key) == 0);
                }
                gwr_timeline_free(&t1);
            }
        }
        gwr_timeline_free(&t);
    }
    gwr_compare_free(&c);
    for (size_t k = 0; k < n; k++) gwr_doc_free(ptrs[k]);
    return 0;
}

/* A query (the bytes before the first line end, at most 64) matched against
 * the rest: every match inside the text and walked in order, the best one
 * agreeing with the resumable scan fed a few bytes at a time. */
int gwr_fuzz_pinyin(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size < 64 ? size : 64);
    size_t qlen = nl ? (size_t)(nl - data) : (size < 64 ? size : 64);
    char query[65];
    memcpy(query, data, qlen);
    query[qlen] = '\0';
    const char *s = (const char *)data + qlen + (nl ? 1 : 0);
    size_t n = size - (size_t)(s - (const char *)data);
    gwr_pq *q = gwr_pq_new(query);
    FUZZ_CHECK(q != NULL);
    size_t ll = 0;
    const char *lit = gwr_pq_literal(q, &ll);
    FUZZ_CHECK(lit != NULL && strlen(lit) == ll);
    if (gwr_pq_is_pinyin(q)) (void)strlen(gwr_pq_letters(q));
    gwr_pq_match m;
    bool found = gwr_pq_best(q, s, n, &m);
    if (found) {
        FUZZ_CHECK(m.cls >= GWR_PQ_LITERAL && m.cls <= GWR_PQ_INITIALS);
        FUZZ_CHECK(m.start <= m.end && m.end <= n && m.chars <= m.start);
    }
    size_t from = 0;
    int guard = 0;
    bool any = false;
    gwr_pq_match w;
    while (from <= n && gwr_pq_next(q, s, n, from, &w)) {
        any = true;
        FUZZ_CHECK(w.start <= w.end && w.end <= n && w.start >= from);
        if (gwr_pq_empty(q) || w.end == from) break;
        from = w.end;
        FUZZ_CHECK(++guard <= (int)n + 1);
    }
    FUZZ_CHECK(any == found);
    gwr_pq_scan st;
    gwr_pq_scan_init(&st);
    int steps = 0;
    for (;;) {
        size_t budget = 7;
        if (gwr_pq_scan_step(q, s, n, &st, &budget)) break;
        FUZZ_CHECK(st.pos <= n);
        FUZZ_CHECK(++steps <= (int)n + 2);
    }
    FUZZ_CHECK((st.cls != GWR_PQ_NONE) == found);
    if (found) FUZZ_CHECK(st.cls == m.cls);
    gwr_pq_free(q);
    return 0;
}
