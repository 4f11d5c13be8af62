/* export_figs.c — the targets and compare writers: text (a table aligned in
 * display cells, CJK counted double), TSV (columns as in DESIGN.md) and JSON
 * (the same fields, plus period and headline for targets). */
#include "export.h"
#include "safe.h"
#include "safe_scan.h"
#include "uwidth.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* One text-table cell: sanitised, clipped to `cells` columns, padded. */
static void cell(FILE *f, const char *s, int cells, bool right)
{
    char buf[512];
    size_t n = gwr_sanitize(s ? s : "", s ? strlen(s) : 0, buf, sizeof buf);
    int used = gwr_width(buf, n);
    if (used > cells) {
        n = gwr_clip(buf, n, cells - 1, &used);
        buf[n] = '\0';
        if (right) fprintf(f, "%*s", cells - used - 1, "");
        fputs(buf, f);
        fputs("~", f);
        used = cells;
    } else {
        if (right) fprintf(f, "%*s", cells - used, "");
        fputs(buf, f);
    }
    if (!right) fprintf(f, "%*s", cells - used, "");
    fputc(' ', f);
}

static void dec_str(gwr_dec d, char *buf, size_t n) { gwr_dec_format(d, buf, n); }

static bool has_hi(const gwr_figure *g) { return gwr_fig_qual(g) == GWR_Q_RANGE || (gwr_fig_flags(g) & GWR_QF_RATIO); }

/* A number too large to hold exactly (GWR_QF_OVERFLOW, value 0) is unknown:
 * written empty / null / "(overflow)", never as 0. */
static bool known(const gwr_figure *g) { return !(gwr_fig_flags(g) & GWR_QF_OVERFLOW); }

static inline bool keep(const gwr_figure *g, const gwr_fig_filter *flt)
{
    if (!flt) return true;
    if (flt->status >= 0 && (int)g->status != flt->status) return false;
    if (flt->key && (!g->key || strcmp(g->key, flt->key) != 0)) return false;
    if (flt->pick && !flt->pick[g - flt->pick_base]) return false;
    return true;
}

static void json_dec_or_null(FILE *f, const gwr_figure *g, bool hi)
{
    if (!known(g) || (hi && !has_hi(g))) fputs("null", f);
    else gwr_fmt_dec(f, hi ? gwr_fig_hi(g) : gwr_fig_value(g));
}

static void json_key(FILE *f, const char *k, bool comma)
{
    if (comma) fputc(',', f);
    gwr_json_string(f, k);
    fputc(':', f);
}

static void json_str_or_null(FILE *f, const char *s)
{
    if (s && *s) gwr_json_string(f, s);
    else fputs("null", f);
}

/* ---- targets ------------------------------------------------------------ */

static void targets_text(FILE *f, const gwr_doc *d, const gwr_fig_filter *flt, bool first)
{
    char v[64];
    if (!first) fputc('\n', f);
    gwr_text_field(f, d->path);
    fputs("  ", f);
    gwr_text_field(f, d->entity);
    if (d->report_year) fprintf(f, "  report %d", d->report_year);
    if (d->reviewed_year) fprintf(f, ", reviews %d", d->reviewed_year);
    fputc('\n', f);
    cell(f, "status", 8, false); cell(f, "year", 4, false); cell(f, "indicator", 26, false);
    cell(f, "key", 16, false); cell(f, "kind", 8, false); cell(f, "as written", 16, false);
    cell(f, "value", 14, true); cell(f, "unit", 8, false); cell(f, "qual", 7, false);
    cell(f, "period", 9, false);
    fputs("line\n", f);
    size_t shown = 0;
    for (size_t i = 0; i < d->nfigs; i++) {
        const gwr_figure *g = &d->figs[i];
        if (!keep(g, flt)) continue;
        char yr[16];
        snprintf(yr, sizeof yr, "%d", g->year);
        cell(f, gwr_fig_status_name(g->status), 8, false);
        cell(f, g->year ? yr : "", 4, false);
        cell(f, g->name, 26, false);
        cell(f, g->key ? g->key : "", 16, false);
        cell(f, gwr_fig_kind_name(g->kind), 8, false);
        cell(f, g->written, 16, false);
        dec_str(gwr_fig_value(g), v, sizeof v);
        if (!known(g)) snprintf(v, sizeof v, "(overflow)");
        else if (has_hi(g)) {
            size_t l = strlen(v);
            v[l++] = '-';
            dec_str(gwr_fig_hi(g), v + l, sizeof v - l);
        }
        cell(f, v, 14, true);
        cell(f, gwr_fig_unit(g), 8, false);
        cell(f, gwr_qual_name(gwr_fig_qual(g)), 7, false);
        cell(f, gwr_period_name(g->period), 9, false);
        fprintf(f, "%u\n", g->line);
        shown++;
    }
    if (!shown) fputs("(no figures)\n", f);
}

/* TSV rows are written straight into the row buffer: each row reserves the
 * most it can take (every string escaped at four bytes a byte) and is then
 * written without further checks. Fields repeated from row to row (file and
 * entity, key, unit, section) are measured and checked once. */
enum { TSV_HELD = 256, TSV_STEP = 64 };   /* a plain field up to this long is held, padded, and copied 64 bytes a step */
typedef struct tsv_field {
    const char *s;      /* the string last seen (compared by pointer) */
    size_t n;
    bool plain;
    bool held;
    char pad[TSV_HELD + TSV_STEP];
} tsv_field;

/* s[0,n) from a buffer padded past n, TSV_STEP bytes a step (p has room for
 * n rounded up to TSV_STEP, and at least one step): most fields take one. */
typedef char tsv_v32 __attribute__((vector_size(32), aligned(1), may_alias));   /* one move where the target has one */
static inline char *copy_held(char *p, const char *pad, size_t n)
{
    size_t k = 0;
    do {
        *(tsv_v32 *)(void *)(p + k) = *(const tsv_v32 *)(const void *)(pad + k);
        *(tsv_v32 *)(void *)(p + k + 32) = *(const tsv_v32 *)(const void *)(pad + k + 32);
    } while ((k += TSV_STEP) < n);
    return p + n;
}

/* Measured, checked and (when plain and not longer than max) held in pad:
 * the check runs on the padded copy, sixteen bytes a step. */
static inline void field_measure(const char *s, size_t *n, bool *plain, bool *held, char *pad, size_t max)
{
    size_t k = strlen(s);
    *n = k;
    if (k <= max) {
        memcpy(pad, s, k);
        memset(pad + k, 0, TSV_STEP);
        *plain = *held = gwr_safe_scan_padded(GWR_SAFE_TSV, pad, k) == k;
    } else {
        *plain = gwr_row_tsv_plain(s, k);
        *held = false;
    }
}

static inline void field_set(tsv_field *c, const char *s)
{
    c->s = s;
    field_measure(s, &c->n, &c->plain, &c->held, c->pad, TSV_HELD);
}

static inline void field_see(tsv_field *c, const char *s)
{
    if (s != c->s) field_set(c, s);
}

static inline char *put_field(char *p, const tsv_field *c)
{
    if (c->held) return copy_held(p, c->pad, c->n);
    if (c->plain) {
        memcpy(p, c->s, c->n);
        return p + c->n;
    }
    return p + gwr_tsv_copy(p, c->s, c->n);
}

/* Keys and units are strings that live as long as the program (doc.h), few
 * and recurring: a small table, kept from report to report (tsv_memo) and
 * keyed by the pointer (a unit by its id), remembers each one's length,
 * check and copy. */
enum { TSV_SEEN = 64, TSV_SHORT = 64 };
typedef struct tsv_short {
    const char *s;
    size_t n;
    uint32_t unit;      /* a unit's id + 1 (0: none yet) */
    bool plain;
    bool held;
    char pad[TSV_SHORT + TSV_STEP];
} tsv_short;

static inline const tsv_short *short_of(tsv_short *c, const char *s)
{
    if (s != c->s) {
        c->s = s;
        field_measure(s, &c->n, &c->plain, &c->held, c->pad, TSV_SHORT);
    }
    return c;
}

static inline char *put_short(char *p, const tsv_short *c)
{
    if (c->held) {                           /* at most TSV_SHORT bytes: one step */
        *(tsv_v32 *)(void *)p = *(const tsv_v32 *)(const void *)c->pad;
        *(tsv_v32 *)(void *)(p + 32) = *(const tsv_v32 *)(const void *)(c->pad + 32);
        return p + c->n;
    }
    if (c->plain) {
        memcpy(p, c->s, c->n);
        return p + c->n;
    }
    return p + gwr_tsv_copy(p, c->s, c->n);
}

/* s[0,n) to p; the short strings of most rows by two overlapping moves of a
 * fixed size instead of a call (never a byte read past s + n). */
static inline void copy_short(char *p, const char *s, size_t n)
{
    if (n > 32) memcpy(p, s, n);
    else if (n >= 16) { memcpy(p, s, 16); memcpy(p + n - 16, s + n - 16, 16); }
    else if (n >= 8) { memcpy(p, s, 8); memcpy(p + n - 8, s + n - 8, 8); }
    else if (n >= 4) { memcpy(p, s, 4); memcpy(p + n - 4, s + n - 4, 4); }
    else for (size_t k = 0; k < n; k++) p[k] = s[k];
}

/* As gwr_tsv_copy: copied, then checked where it landed. */
static inline __attribute__((always_inline)) char *put_tsv(char *p, const char *s, size_t n)
{
    copy_short(p, s, n);
    memset(p + n, 0, 16);
    if (n <= 16 && gwr_safe_tsv_plain16(p, n)) return p + n;
    size_t pl = gwr_safe_scan_padded(GWR_SAFE_TSV, p, n);
    if (pl == n) return p + n;
    return p + pl + gwr_safe_copy(GWR_SAFE_TSV, s + pl, n - pl, p + pl, GWR_TSV_ROOM(n - pl));
}

/* Names recur from report to report (地区生产总值): the short ones found
 * plain are remembered by content, so that the next report's copy is
 * compared instead of checked. A name of up to 32 bytes padded with NULs is
 * its 32 bytes (a name holds no NUL); an entry holds only names that were
 * checked plain (the empty table holds the empty name, plain). */
enum { TSV_PLAIN_SEEN = 2048 };

/* What the writer remembers from report to report: one memo for the
 * process, taken by the writer that finds it free (a writer running at the
 * same time as another starts with one of its own). */
typedef struct tsv_memo {
    tsv_short keys[TSV_SEEN], units[TSV_SEEN];
    uint64_t plain[TSV_PLAIN_SEEN][4];
} tsv_memo;
static tsv_memo memo_shared;
static pthread_mutex_t memo_mu = PTHREAD_MUTEX_INITIALIZER;

static inline uint64_t *plain_slot(tsv_memo *m, const uint64_t w[4])
{
    uint64_t h = (w[0] ^ w[1] * 0x9E3779B97F4A7C15u ^ w[2] ^ w[3] * 0xC2B2AE3D27D4EB4Fu) * 0x9E3779B97F4A7C15u;
    return m->plain[h >> 53 & (TSV_PLAIN_SEEN - 1)];
}

/* The name at p[0,32), NULs past its end, is one remembered plain. */
static inline bool plain_known(tsv_memo *m, const char *p)
{
    uint64_t w[4];
    memcpy(w, p, sizeof w);
    const uint64_t *e = plain_slot(m, w);
    return ((w[0] ^ e[0]) | (w[1] ^ e[1]) | (w[2] ^ e[2]) | (w[3] ^ e[3])) == 0;
}

/* s[0,n) (n <= 32), already copied to p and padded there with NULs: checked
 * where it landed (escaped from s when it must be); a plain one is
 * remembered. */
static __attribute__((noinline)) char *put_checked(tsv_memo *m, char *p, const char *s, size_t n)
{
    size_t pl = gwr_safe_scan_padded(GWR_SAFE_TSV, p, n);
    if (pl == n) {
        uint64_t w[4];
        memcpy(w, p, sizeof w);
        memcpy(plain_slot(m, w), w, sizeof w);
        return p + n;
    }
    return p + pl + gwr_safe_copy(GWR_SAFE_TSV, s + pl, n - pl, p + pl, GWR_TSV_ROOM(n - pl));
}

/* A name of an enum and the separator after it, padded so that it is
 * copied as sixteen bytes, its length in the last; a table for every value
 * of the figure's bit field (names say "?" past the enum). */
typedef struct tsv_name { char s[16]; } tsv_name;
enum { TSV_ST = 2, TSV_FK = 8, TSV_Q = 8, TSV_PER = 4, TSV_NAMES = TSV_ST + TSV_FK + TSV_Q + TSV_PER };

static bool name_set(tsv_name *t, const char *s, char sep)
{
    size_t n = strlen(s);
    if (n + 1 >= sizeof t->s) return false;
    memset(t->s, 0, sizeof t->s);
    memcpy(t->s, s, n);
    t->s[n] = sep;
    t->s[15] = (char)(n + 1);
    return true;
}

static inline char *put_name(char *p, const tsv_name *t)
{
    memcpy(p, t->s, sizeof t->s);
    return p + (unsigned char)t->s[15];
}

static inline char *put_uint(char *p, uint32_t v)
{
    int nd = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : v < 1000000 ? 6
           : v < 10000000 ? 7 : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
    char *e = p + nd;
    while (v >= 100) {
        e -= 2;
        memcpy(e, gwr_dec_pairs + 2 * (v % 100), 2);
        v /= 100;
    }
    if (v >= 10) {
        e -= 2;
        memcpy(e, gwr_dec_pairs + 2 * v, 2);
    } else {
        *--e = (char)('0' + v);
    }
    return p + nd;
}

/* A year: four digits (nearly always), else as any number. */
static inline char *put_year(char *p, int y)
{
    if (y >= 1000 && y <= 9999) {
        memcpy(p, gwr_dec_pairs + 2 * (y / 100), 2);
        memcpy(p + 2, gwr_dec_pairs + 2 * (y % 100), 2);
        return p + 4;
    }
    if (y < 0) *p++ = '-';
    return y ? put_uint(p, (uint32_t)(y < 0 ? -y : y)) : p;
}


/* One row through the general writers (a field too long for the fast path). */
static void targets_tsv_row(gwr_row *r, const gwr_doc *d, const gwr_figure *g, const tsv_field *path,
                            const tsv_field *ent)
{
    gwr_row_tsv_n(r, path->s, path->n, path->plain); gwr_row_ch(r, '\t');
    gwr_row_tsv_n(r, ent->s, ent->n, ent->plain); gwr_row_ch(r, '\t');
    gwr_row_str(r, gwr_fig_status_name(g->status)); gwr_row_ch(r, '\t');
    if (g->year) gwr_row_int(r, g->year);
    gwr_row_ch(r, '\t');
    gwr_row_tsv(r, g->key); gwr_row_ch(r, '\t');
    gwr_row_tsv(r, g->name); gwr_row_ch(r, '\t');
    gwr_row_str(r, gwr_fig_kind_name(g->kind)); gwr_row_ch(r, '\t');
    if (known(g)) gwr_row_dec(r, gwr_fig_value(g));
    gwr_row_ch(r, '\t');
    if (known(g) && has_hi(g)) gwr_row_dec(r, gwr_fig_hi(g));
    gwr_row_ch(r, '\t');
    gwr_row_tsv(r, gwr_fig_unit(g)); gwr_row_ch(r, '\t');
    gwr_row_str(r, gwr_qual_name(gwr_fig_qual(g))); gwr_row_ch(r, '\t');
    gwr_row_tsv(r, g->written); gwr_row_ch(r, '\t');
    gwr_row_int(r, g->line); gwr_row_ch(r, '\t');
    gwr_row_tsv(r, gwr_doc_section_title(d, g->node)); gwr_row_ch(r, '\t');
    gwr_row_str(r, gwr_period_name(g->period));
    gwr_row_ch(r, '\n');
}

/* The rows of one report with memo m (NULL: every row the general way);
 * inlined twice, for the process's memo at its fixed address and for
 * another. */
static inline __attribute__((always_inline)) void targets_tsv_with(FILE *f, const gwr_doc *d, const gwr_fig_filter *flt,
                                                                   tsv_memo *m)
{
    gwr_row r;
    gwr_row_init(&r, f);
    tsv_field path, ent, sect, pre;
    path.s = ent.s = sect.s = pre.s = NULL;
    field_see(&path, d->path ? d->path : "");
    field_see(&ent, d->entity ? d->entity : "");
    /* file TAB entity TAB, held as one field when both are plain and short */
    pre.s = "";
    pre.n = path.n + ent.n + 2;
    pre.plain = path.plain && ent.plain && pre.n <= TSV_HELD;
    pre.held = false;
    if (pre.plain) {
        memcpy(pre.pad, path.s, path.n);
        pre.pad[path.n] = '\t';
        memcpy(pre.pad + path.n + 1, ent.s, ent.n);
        pre.pad[pre.n - 1] = '\t';
        memset(pre.pad + pre.n, 0, TSV_STEP);
        pre.held = true;
    }
    /* the names of the enums, once: a name too long for a slot sends every row the general way */
    tsv_name names[TSV_NAMES], *st = names, *kind = st + TSV_ST, *qual = kind + TSV_FK, *per = qual + TSV_Q;
    bool fast = true;
    for (int i = 0; i < TSV_ST; i++) fast &= name_set(&st[i], gwr_fig_status_name((gwr_fig_status)i), '\t');
    for (int i = 0; i < TSV_FK; i++) fast &= name_set(&kind[i], gwr_fig_kind_name((gwr_fig_kind)i), '\t');
    for (int i = 0; i < TSV_Q; i++) fast &= name_set(&qual[i], gwr_qual_name((gwr_qual)i), '\t');
    for (int i = 0; i < TSV_PER; i++) fast &= name_set(&per[i], gwr_period_name((gwr_period)i), '\n');
    fast &= m != NULL;
    int32_t sect_node = -2;
    int year = 0;                            /* the year last written, and its text */
    char ytext[8] = { 0 };
    size_t ylen = 0;
    /* file, entity, the enum names, the numbers and the tabs of one row */
    const size_t fixed = GWR_TSV_ROOM(path.n) + GWR_TSV_ROOM(ent.n) + 4 * sizeof names[0].s + 2 * GWR_DEC_CHARS + 64 +
                         4 * TSV_STEP;   /* held fields are copied in steps of TSV_STEP */
    field_see(&sect, "");
    size_t fixed_sect = fixed + GWR_TSV_ROOM(sect.n);   /* and the section's room */
    for (size_t i = 0; i < d->nfigs; i++) {
        const gwr_figure *g = &d->figs[i];
        if (!keep(g, flt)) continue;
        if (!fast) {
            targets_tsv_row(&r, d, g, &path, &ent);
            continue;
        }
        if (g->node != sect_node) {
            sect_node = g->node;
            field_see(&sect, gwr_doc_section_title(d, g->node));
            fixed_sect = fixed + GWR_TSV_ROOM(sect.n);
        }
        const char *ks = g->key;             /* most figures have none */
        const tsv_short *key = ks ? short_of(&m->keys[((uintptr_t)ks >> 3 ^ (uintptr_t)ks >> 9) & (TSV_SEEN - 1)], ks) : NULL;
        tsv_short *unit = &m->units[g->unit_ & (TSV_SEEN - 1)];
        if (unit->unit != g->unit_ + 1u) {
            unit->unit = g->unit_ + 1u;
            unit->s = NULL;
            short_of(unit, gwr_fig_unit(g));
        }
        const char *name = g->name ? g->name : "", *written = g->written ? g->written : "";
        size_t nn = strlen(name), wn = strlen(written);
        size_t need = fixed_sect + 4 * ((key ? key->n : 0) + unit->n + nn + wn) + 4 * 16;   /* GWR_TSV_ROOM of the four */
        if (!gwr_row_room(&r, need)) {
            targets_tsv_row(&r, d, g, &path, &ent);
            continue;
        }
        char *p = r.b + r.n;
        if (pre.held) {
            p = copy_held(p, pre.pad, pre.n);
        } else {
            p = put_field(p, &path); *p++ = '\t';
            p = put_field(p, &ent); *p++ = '\t';
        }
        p = put_name(p, &st[g->status]);
        if (g->year != year) {
            year = g->year;
            ylen = (size_t)(put_year(ytext, year) - ytext);
        }
        memcpy(p, ytext, sizeof ytext);
        p += ylen;
        *p++ = '\t';
        if (key) p = put_short(p, key);
        *p++ = '\t';
        if (nn <= 32) {
            copy_short(p, name, nn);
            memset(p + nn, 0, 32);
            p = plain_known(m, p) ? p + nn : put_checked(m, p, name, nn);
        } else {
            p = put_tsv(p, name, nn);
        }
        *p++ = '\t';
        p = put_name(p, &kind[g->kind]);
        if (known(g)) p += gwr_dec_put(gwr_fig_value(g), p);
        *p++ = '\t';
        if (known(g) && has_hi(g)) p += gwr_dec_put(gwr_fig_hi(g), p);
        *p++ = '\t';
        p = put_short(p, unit); *p++ = '\t';
        p = put_name(p, &qual[(unsigned)gwr_fig_qual(g) & 7u]);
        p = put_tsv(p, written, wn); *p++ = '\t';
        p = put_uint(p, g->line); *p++ = '\t';
        p = put_field(p, &sect); *p++ = '\t';
        p = put_name(p, &per[g->period]);   /* and the newline */
        r.n = (size_t)(p - r.b);
    }
    gwr_row_flush(&r);
}

#if defined(__x86_64__) && defined(__GNUC__)
/* The same code where the processor has AVX2: held fields and padding move
 * 32 bytes an instruction. */
__attribute__((target("avx2"))) static void targets_tsv_avx2(FILE *f, const gwr_doc *d, const gwr_fig_filter *flt)
{
    targets_tsv_with(f, d, flt, &memo_shared);
}
#endif

static void targets_tsv(FILE *f, const gwr_doc *d, const gwr_fig_filter *flt)
{
    if (flt && flt->status < 0 && !flt->key && !flt->pick) flt = NULL;   /* every figure */
    if (pthread_mutex_trylock(&memo_mu) == 0) {
#if defined(__x86_64__) && defined(__GNUC__)
        if (__builtin_cpu_supports("avx2")) targets_tsv_avx2(f, d, flt);
        else
#endif
        targets_tsv_with(f, d, flt, &memo_shared);
        pthread_mutex_unlock(&memo_mu);
    } else {
        tsv_memo *m = calloc(1, sizeof *m);
        targets_tsv_with(f, d, flt, m);
        free(m);
    }
}

static void targets_json(FILE *f, const gwr_doc *d, const gwr_fig_filter *flt, bool *any)
{
    for (size_t i = 0; i < d->nfigs; i++) {
        const gwr_figure *g = &d->figs[i];
        if (!keep(g, flt)) continue;
        fputs(*any ? ",\n{" : "{", f);
        *any = true;
        json_key(f, "file", false); gwr_json_string(f, d->path);
        json_key(f, "entity", true); json_str_or_null(f, d->entity);
        json_key(f, "status", true); gwr_json_string(f, gwr_fig_status_name(g->status));
        json_key(f, "year", true);
        if (g->year) fprintf(f, "%d", g->year);
        else fputs("null", f);
        json_key(f, "key", true); json_str_or_null(f, g->key);
        json_key(f, "name", true); gwr_json_string(f, g->name);
        json_key(f, "kind", true); gwr_json_string(f, gwr_fig_kind_name(g->kind));
        json_key(f, "value", true); json_dec_or_null(f, g, false);
        json_key(f, "value_hi", true); json_dec_or_null(f, g, true);
        json_key(f, "unit", true); gwr_json_string(f, gwr_fig_unit(g));
        json_key(f, "qual", true); gwr_json_string(f, gwr_qual_name(gwr_fig_qual(g)));
        json_key(f, "text", true); gwr_json_string(f, g->written);
        json_key(f, "line", true); fprintf(f, "%u", g->line);
        json_key(f, "section", true); gwr_json_string(f, gwr_doc_section_title(d, g->node));
        json_key(f, "period", true); gwr_json_string(f, gwr_period_name(g->period));
        json_key(f, "headline", true); fputs(g->headline ? "true" : "false", f);
        fputc('}', f);
    }
}

void gwr_export_targets(FILE *f, gwr_format fmt, const gwr_doc *d, const gwr_fig_filter *flt, bool first, bool last)
{
    static const char tsv_head[] =
        "file\tentity\tstatus\tyear\tkey\tname\tkind\tvalue\tvalue_hi\tunit\tqual\ttext\tline\tsection\tperiod\n";
    switch (fmt) {
    case GWR_FMT_TSV:
        if (first) fputs(tsv_head, f);
        targets_tsv(f, d, flt);
        break;
    case GWR_FMT_JSON: {
        /* one object per document, its figures inside: the separator between
         * documents depends only on `first` */
        bool any = false;
        fputs(first ? "[\n{" : ",\n{", f);
        json_key(f, "file", false); gwr_json_string(f, d->path);
        json_key(f, "entity", true); json_str_or_null(f, d->entity);
        json_key(f, "report_year", true);
        if (d->report_year) fprintf(f, "%d", d->report_year);
        else fputs("null", f);
        json_key(f, "reviewed_year", true);
        if (d->reviewed_year) fprintf(f, "%d", d->reviewed_year);
        else fputs("null", f);
        json_key(f, "figures", true);
        fputs("[\n", f);
        targets_json(f, d, flt, &any);
        fputs(any ? "\n]}" : "]}", f);
        if (last) fputs("\n]\n", f);
        break;
    }
    default:
        targets_text(f, d, flt, first);
        break;
    }
}

/* ---- compare ------------------------------------------------------------ */

static void side_text(char *buf, size_t n, const gwr_figure *g)
{
    snprintf(buf, n, "%s", g ? g->written : "");
}

static void compare_text(FILE *f, const gwr_cmp *c)
{
    char p[128], a[128], yr[16], lab[160];
    cell(f, "entity", 12, false); cell(f, "key", 16, false); cell(f, "indicator", 22, false);
    cell(f, "kind", 8, false); cell(f, "year", 4, false); cell(f, "planned", 16, false);
    cell(f, "achieved", 16, false);
    fputs("verdict\n", f);
    for (size_t i = 0; i < c->nrows; i++) {
        const gwr_cmp_row *r = &c->rows[i];
        snprintf(yr, sizeof yr, "%d", r->year);
        side_text(p, sizeof p, r->planned);
        side_text(a, sizeof a, r->achieved);
        cell(f, r->entity, 12, false);
        cell(f, r->key ? r->key : "", 16, false);
        /* a multi-year target is labelled: "地区生产总值（多年）" */
        if (r->period != GWR_PER_YEAR)
            snprintf(lab, sizeof lab, "%s（多年）", r->label ? r->label : "");
        else
            snprintf(lab, sizeof lab, "%s", r->label ? r->label : "");
        cell(f, lab, 22, false);
        cell(f, gwr_fig_kind_name(r->kind), 8, false);
        cell(f, yr, 4, false);
        cell(f, p, 16, false);
        cell(f, a, 16, false);
        fputs(gwr_verdict_name(r->verdict), f);
        fputc('\n', f);
    }
    if (!c->nrows) fputs("(no indicator with a planned or achieved figure)\n", f);
}

static void tsv_side(FILE *f, const gwr_figure *g)
{
    if (g) {
        if (known(g)) gwr_fmt_dec(f, gwr_fig_value(g));
        fputc('\t', f);
        if (known(g) && has_hi(g)) gwr_fmt_dec(f, gwr_fig_hi(g));
        fputc('\t', f);
        fputs(gwr_qual_name(gwr_fig_qual(g)), f);
    } else {
        fputs("\t\t", f);
    }
}

static void compare_tsv(FILE *f, const gwr_cmp *c)
{
    fputs("file\tentity\tkey\tlabel\tkind\tyear\tunit\tplanned\tplanned_hi\tplanned_qual\t"
          "achieved\tachieved_hi\tachieved_qual\tverdict\tperiod\n", f);
    for (size_t i = 0; i < c->nrows; i++) {
        const gwr_cmp_row *r = &c->rows[i];
        const gwr_figure *any = r->planned ? r->planned : r->achieved;
        gwr_tsv_field(f, r->doc->path); fputc('\t', f);
        gwr_tsv_field(f, r->entity); fputc('\t', f);
        gwr_tsv_field(f, r->key); fputc('\t', f);
        gwr_tsv_field(f, r->label); fputc('\t', f);
        fputs(gwr_fig_kind_name(r->kind), f); fputc('\t', f);
        fprintf(f, "%d\t", r->year);
        gwr_tsv_field(f, any ? gwr_fig_unit(any) : ""); fputc('\t', f);
        tsv_side(f, r->planned); fputc('\t', f);
        tsv_side(f, r->achieved); fputc('\t', f);
        fputs(gwr_verdict_name(r->verdict), f); fputc('\t', f);
        fputs(gwr_period_name(r->period), f);
        fputc('\n', f);
    }
}

static void json_side(FILE *f, const char *name, const gwr_figure *g)
{
    char k[32];
    snprintf(k, sizeof k, "%s", name);
    json_key(f, k, true);
    if (g && known(g)) gwr_fmt_dec(f, gwr_fig_value(g));
    else fputs("null", f);
    snprintf(k, sizeof k, "%s_hi", name);
    json_key(f, k, true);
    if (g && known(g) && has_hi(g)) gwr_fmt_dec(f, gwr_fig_hi(g));
    else fputs("null", f);
    snprintf(k, sizeof k, "%s_qual", name);
    json_key(f, k, true);
    if (g) gwr_json_string(f, gwr_qual_name(gwr_fig_qual(g)));
    else fputs("null", f);
    snprintf(k, sizeof k, "%s_text", name);
    json_key(f, k, true);
    if (g) gwr_json_string(f, g->written);
    else fputs("null", f);
}

static void compare_json(FILE *f, const gwr_cmp *c)
{
    fputs("[", f);
    for (size_t i = 0; i < c->nrows; i++) {
        const gwr_cmp_row *r = &c->rows[i];
        const gwr_figure *any = r->planned ? r->planned : r->achieved;
        fputs(i ? ",\n{" : "\n{", f);
        json_key(f, "file", false); gwr_json_string(f, r->doc->path);
        json_key(f, "entity", true); json_str_or_null(f, r->entity);
        json_key(f, "key", true); json_str_or_null(f, r->key);
        json_key(f, "label", true); json_str_or_null(f, r->label);
        json_key(f, "kind", true); gwr_json_string(f, gwr_fig_kind_name(r->kind));
        json_key(f, "year", true); fprintf(f, "%d", r->year);
        json_key(f, "period", true); gwr_json_string(f, gwr_period_name(r->period));
        json_key(f, "unit", true); gwr_json_string(f, any ? gwr_fig_unit(any) : "");
        json_side(f, "planned", r->planned);
        json_side(f, "achieved", r->achieved);
        json_key(f, "verdict", true); json_str_or_null(f, gwr_verdict_name(r->verdict));
        fputc('}', f);
    }
    fputs(c->nrows ? "\n]\n" : "]\n", f);
}

void gwr_export_compare(FILE *f, gwr_format fmt, const gwr_cmp *c)
{
    switch (fmt) {
    case GWR_FMT_TSV: compare_tsv(f, c); break;
    case GWR_FMT_JSON: compare_json(f, c); break;
    default: compare_text(f, c); break;
    }
}
