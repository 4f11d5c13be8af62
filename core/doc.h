/* doc.h — the data model: a report, its section tree and its figures.
 * One arena per document; strings shown to users are copied into it so that
 * the (large) text can be dropped after analysis in corpus mode. */
#ifndef GWR_DOC_H
#define GWR_DOC_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "arena.h"
#include "err.h"
#include "text.h"
#include "quantity.h"
#include "unit.h"
#include <assert.h>

typedef enum {
    GWR_NODE_ROOT = 0,   /* the document itself: depth 0, not printed */
    GWR_NODE_PART,       /* 一、… */
    GWR_NODE_SECTION,    /* （一）… */
    GWR_NODE_ITEM,       /* 一是… / 第一，… / 1.… */
    GWR_NODE_TOPIC,      /* paragraph opening with a short lead sentence */
    GWR_NODE_TARGETS,    /* the 主要预期目标 paragraph */
    GWR_NODE_PARA,       /* any other paragraph (shown with --all) */
    GWR_NODE_FRONT,      /* title, meeting line, speaker, salutation (with --all) */
    GWR_NODE__COUNT
} gwr_node_kind;

typedef enum {
    GWR_ROLE_NONE = 0,   /* front matter / before the first part */
    GWR_ROLE_REVIEW,
    GWR_ROLE_PLAN,
    GWR_ROLE_SELF,
    GWR_ROLE_OTHER,
    GWR_ROLE__COUNT
} gwr_role;

typedef struct gwr_node {
    const char *title;       /* arena copy, normalised, no trailing punctuation */
    uint32_t  body_off;      /* span in text.norm covering the node and its children */
    uint32_t  body_len;
    uint32_t  line;          /* 1-based line in orig where the node starts */
    int32_t   parent;        /* index into doc->nodes, -1 for root */
    int32_t   first_child, next_sibling;  /* -1 when none */
    uint8_t   kind;          /* gwr_node_kind */
    uint8_t   role;          /* gwr_role, inherited from the part */
    uint16_t  depth;         /* root 0, part 1, … */
    bool      multiyear;     /* in a review of several years (过去五年, 十四五时期…成就) */
} gwr_node;

static_assert(sizeof(gwr_node) <= 40, "a node is 40 bytes");

typedef enum {
    GWR_FK_LEVEL = 0,    /* an amount or share reached: 5.5万人, 80% */
    GWR_FK_GROWTH,       /* rate of increase: 增长7% */
    GWR_FK_DECLINE,      /* rate of decrease: 下降3% */
    GWR_FK_POINTS,       /* change in percentage points: 提高1.8个百分点 */
    GWR_FK_RANK,         /* position: 居全省第4位 */
    GWR_FK_MULTIPLE,     /* 增长2倍 */
    GWR_FK__COUNT
} gwr_fig_kind;

typedef enum {
    GWR_ST_ACHIEVED = 0,
    GWR_ST_PLANNED,
    GWR_ST__COUNT
} gwr_fig_status;

typedef enum {
    GWR_PER_YEAR = 0,    /* the whole year (primary) */
    GWR_PER_QUARTER,     /* 一季度 … 三季度 cumulative */
    GWR_PER_MONTH,
    GWR_PER_MULTIYEAR,   /* 五年来, 十四五以来, 40年来 */
    GWR_PER__COUNT
} gwr_period;

/* Where a report's entity or years were read (gwr check's entity_from and
 * years_from columns). */
typedef enum {
    GWR_FROM_NONE = 0,   /* not found */
    GWR_FROM_TITLE,      /* the title line */
    GWR_FROM_MEETING,    /* the meeting line (name of the congress, its date) */
    GWR_FROM_SPEAKER,    /* the speaker line */
    GWR_FROM_BODY,       /* the opening text: "我代表X人民政府", a name also used there */
    GWR_FROM_HEADINGS,   /* years: the review and plan part headings */
    GWR_FROM_TARGETS,    /* years: the targets paragraph */
    GWR_FROM_TEXT,       /* years: "今年是…开局之年" */
    GWR_FROM_FILENAME,   /* the file name */
    GWR_FROM__COUNT
} gwr_from;

/* A figure is 64 bytes (a corpus holds millions): the quantity is packed —
 * mantissas and exponents apart, the unit as an interned id (unit.h), the
 * qualifier and flags in bits — and is read and set only through the
 * gwr_fig_*() functions below. kind, status, period and headline are bit
 * fields read and set directly. */
typedef struct gwr_figure {
    const char   *name;      /* indicator as written (arena) */
    const char   *key;       /* canonical key (static) or NULL */
    const char   *written;   /* value as written, e.g. "7%左右" (arena) */
    int64_t       value_m_, hi_m_;   /* value and hi (hi only for ranges and ratios) … */
    uint32_t      line;      /* 1-based line in orig */
    int32_t       node;      /* index of the innermost outline node holding it */
    uint32_t      sent_;     /* its sentence: offset in the document's sentences (gwr_fig_sentence); 0 none */
    int16_t       year;      /* year the figure refers to, 0 if unknown */
    int8_t        value_e_, hi_e_;   /* … × 10^e */
    uint32_t      unit_ : 14;        /* gwr_unit_id() of the unit */
    uint32_t      flags_ : 8;        /* GWR_QF_* */
    uint32_t      qual_ : 3;         /* gwr_qual */
    uint32_t      kind : 3;          /* gwr_fig_kind */
    uint32_t      status : 1;        /* gwr_fig_status */
    uint32_t      period : 2;        /* gwr_period */
    uint32_t      headline : 1;      /* from the targets paragraph or a headline review sentence */
} gwr_figure;

static_assert(sizeof(gwr_figure) == 64, "a figure is 64 bytes");
static_assert(GWR_FK__COUNT <= 8 && GWR_ST__COUNT <= 2 && GWR_PER__COUNT <= 4 && GWR_Q__COUNT <= 8,
              "the enums of a figure fit its bit fields");
static_assert(GWR_UNIT_IDS <= 1 << 14 && GWR_UNIT_MAX == sizeof ((gwr_quantity *)0)->unit, "unit ids fit the figure");

/* A figure's quantity is read and written through these. */
static inline gwr_dec gwr_fig_value(const gwr_figure *f) { return (gwr_dec){ f->value_m_, f->value_e_ }; }
/* The upper end of a range, or the right side of a ratio; meaningless otherwise. */
static inline gwr_dec gwr_fig_hi(const gwr_figure *f) { return (gwr_dec){ f->hi_m_, f->hi_e_ }; }
/* Base unit ("%", "元", "" when none); the string lives as long as the program. */
static inline const char *gwr_fig_unit(const gwr_figure *f) { return gwr_unit_name((uint16_t)f->unit_); }
static inline gwr_qual gwr_fig_qual(const gwr_figure *f) { return (gwr_qual)f->qual_; }
static inline unsigned gwr_fig_flags(const gwr_figure *f) { return f->flags_; }
/* Exponents of gwr_dec lie within ±18 (dec.h), so they fit a byte. */
static inline void gwr_fig_set_value(gwr_figure *f, gwr_dec v) { f->value_m_ = v.m; f->value_e_ = (int8_t)v.e; }
static inline void gwr_fig_set_hi(gwr_figure *f, gwr_dec v) { f->hi_m_ = v.m; f->hi_e_ = (int8_t)v.e; }
static inline void gwr_fig_set_qual(gwr_figure *f, gwr_qual q) { f->qual_ = (unsigned)q & 7u; }
static inline void gwr_fig_set_flags(gwr_figure *f, unsigned flags) { f->flags_ = flags & 0xffu; }
static inline void gwr_fig_set_unit(gwr_figure *f, const char *unit) { f->unit_ = gwr_unit_id(unit) & 0x3fffu; }
/* The whole quantity (off and len are 0: a figure keeps no span). */
static inline gwr_quantity gwr_fig_quantity(const gwr_figure *f) {
    gwr_quantity q;
    memset(&q, 0, sizeof q);
    q.value = gwr_fig_value(f);
    q.hi = gwr_fig_hi(f);
    memcpy(q.unit, gwr_fig_unit(f), sizeof q.unit);
    q.unit_id = (uint16_t)f->unit_;
    q.qual = gwr_fig_qual(f);
    q.flags = gwr_fig_flags(f);
    return q;
}
/* Value, hi, unit, qualifier and flags of q (its span is not kept). */
static inline void gwr_fig_set_quantity(gwr_figure *f, const gwr_quantity *q) {
    gwr_fig_set_value(f, q->value);
    gwr_fig_set_hi(f, q->hi);
    if (q->unit_id && strcmp(gwr_unit_name(q->unit_id), q->unit) == 0) f->unit_ = q->unit_id & 0x3fffu;   /* interned by the scanner */
    else gwr_fig_set_unit(f, q->unit);
    gwr_fig_set_qual(f, q->qual);
    gwr_fig_set_flags(f, q->flags);
}

typedef struct gwr_doc {
    const char *path;        /* as given (arena) */
    gwr_arena   arena;
    gwr_text    text;        /* may be freed by gwr_doc_drop_text() */
    bool        has_text;
    gwr_text_stamp stamp;    /* the file as analysed: a reload must find the same */
    const char *format;      /* "" for text, "HTML", "PDF", "DOCX", "DOC" (static; kept when the text is dropped) */
    size_t      repaired;    /* GB18030 characters found inside UTF-8 text and decoded (text.repaired) */
    /* metadata */
    const char *entity;      /* e.g. 天门市; from the text, else from the file name */
    int         report_year; /* year of the meeting */
    int         reviewed_year;
    gwr_from    entity_from; /* where the entity was read */
    gwr_from    years_from;  /* where the report year was read */
    const char *title;       /* front matter lines, NULL when absent */
    const char *meeting;
    const char *speaker;
    /* tree: nodes[0] is the root; pre-order. nodes and figs are malloc'd
     * arrays (grown with realloc) freed by gwr_doc_free; strings are in the arena. */
    gwr_node   *nodes;
    size_t      nnodes;
    /* figures in text order */
    gwr_figure *figs;
    size_t      nfigs;
    /* the sentences of the figures, one after another, each with its NUL;
     * byte 0 is a NUL (offset 0: no sentence). Grown by gwr_doc_add_sentence
     * (malloc'd, sents_cap bytes); gwr_doc_compact moves them into the
     * arena's block (sents_cap 0: not owned). */
    char       *sents;
    uint32_t    sents_len, sents_cap;
} gwr_doc;

/* The sentence figure f of document d sits in, or NULL when it has none
 * (figures of one sentence share one copy). */
static inline const char *gwr_fig_sentence(const gwr_doc *d, const gwr_figure *f)
{
    return f->sent_ && d && f->sent_ < d->sents_len ? d->sents + f->sent_ : NULL;
}
/* Appends s[0..n) and a NUL to d's sentences; returns its offset for
 * gwr_fig_set_sentence, 0 when out of memory (or past 4 GiB of sentences). */
uint32_t gwr_doc_add_sentence_grow(gwr_doc *d, const char *s, size_t n);   /* when the block must grow */
static inline uint32_t gwr_doc_add_sentence(gwr_doc *d, const char *s, size_t n)
{
    if (!d->sents_len || (size_t)d->sents_len + n + 1 > d->sents_cap) return gwr_doc_add_sentence_grow(d, s, n);
    uint32_t off = d->sents_len;
    memcpy(d->sents + off, s, n);
    d->sents[off + n] = '\0';
    d->sents_len = off + (uint32_t)n + 1;
    return off;
}
static inline void gwr_fig_set_sentence(gwr_figure *f, uint32_t off) { f->sent_ = off; }

/* Load + outline + facts. On error the doc is left freed and err says why. */
gwr_status gwr_doc_load(gwr_doc *d, const char *path, gwr_err *err);
gwr_status gwr_doc_load_mem(gwr_doc *d, const char *name, const void *buf, size_t len, gwr_err *err);
void       gwr_doc_free(gwr_doc *d);
/* Frees the text (keeps tree, figures and metadata). */
void       gwr_doc_drop_text(gwr_doc *d);
/* Copies every string of the doc into one exactly sized arena block (figure
 * names and values as written once per distinct text) and frees the old blocks (for docs kept long in a corpus). Pointers to the old
 * strings become invalid: call before handing the doc to anyone else.
 * The entity, headings, names and values as written (the short ones) go to
 * the process's string pool instead (strpool.h): shared with every other
 * document, they outlive the doc. */
gwr_status gwr_doc_compact(gwr_doc *d);
/* Re-reads the text of a doc whose text was dropped; refuses (GWR_E_IO, "PATH:
 * changed since it was loaded …") a file whose size, time or inode changed,
 * whose text would not match the outline and figures. */
gwr_status gwr_doc_reload_text(gwr_doc *d, gwr_err *err);

/* Stable names used in TSV/JSON and the man page. */
const char *gwr_node_kind_name(gwr_node_kind k);
const char *gwr_role_name(gwr_role r);
const char *gwr_fig_kind_name(gwr_fig_kind k);
const char *gwr_fig_status_name(gwr_fig_status s);
const char *gwr_period_name(gwr_period p);
const char *gwr_from_name(gwr_from f);

/* Title of the innermost section/part holding node i (for tables). */
const char *gwr_doc_section_title(const gwr_doc *d, int32_t node);

#endif
