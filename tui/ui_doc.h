/* ui_doc.h — the document pane's state, shared by ui_doc.c (layout and
 * drawing) and ui_search.c (search). */
#ifndef GWR_UI_DOC_H
#define GWR_UI_DOC_H
#include "ui_int.h"
#include "ui_wrap.h"

typedef struct span {
    uint32_t off, len;
    int      style;
} span;

typedef struct docview {
    bool      valid;
    size_t    doc;
    int       width;
    ui_lines  lines;
    span     *spans;
    size_t    nspans;
    uint32_t *match;        /* offsets of search matches */
    size_t    nmatch, cur;
    uint32_t *mlens;         /* length of each match (pinyin matches differ) */
    char      query[256];
    uint32_t  jump_off, jump_len;
    bool      raw;          /* built for the original text */
    size_t    top_norm;     /* analysis offset to show after a re-layout */
} docview;

docview    *ui_docview(ui_view *v);
const char *ui_doc_text(ui *u, size_t *len);
size_t      ui_doc_line_of(docview *s, size_t off);
/* ui_spans.c */
size_t      ui_doc_to_view(ui *u, size_t off);
size_t      ui_doc_from_view(ui *u, size_t off);
bool        ui_doc_locate(const gwr_doc *d, const gwr_figure *f, uint32_t *off, uint32_t *len,
                          uint32_t *soff, uint32_t *slen);
void        ui_doc_build_spans(ui *u, docview *s, const gwr_doc *d);

#endif
