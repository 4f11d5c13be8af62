/* read_docx.c — Word 2007+ (.docx): the document part (word/document.xml)
 * unzipped with libzip, parsed with libxml2. Paragraphs (w:p) become lines,
 * runs (w:t) their text, tabs tabs; numbering typed into the text (一、
 * （一） 1.) stays as written; automatic list numbers (w:numPr) are not
 * rendered. Of an mc:AlternateContent only the first branch is read (the
 * fallback repeats text boxes). Deleted revisions and field codes are skipped.
 * Table rows become lines of cells separated by tabs.
 * The part may not inflate past GWR_READ_MAX_PART (zip bombs), whatever its
 * header claims, and may carry no DTD (no entity expansion). */
#include "read_int.h"
#include "read_lib.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static bool is_w(const xmlNode *n, const char *local)
{
    return n->type == XML_ELEMENT_NODE && read_xml.xmlStrcmp(n->name, (const xmlChar *)local) == 0 && n->ns && n->ns->href &&
           read_xml.xmlStrstr(n->ns->href, (const xmlChar *)"wordprocessingml") != NULL;
}

static bool is_mc(const xmlNode *n, const char *local)
{
    return n->type == XML_ELEMENT_NODE && read_xml.xmlStrcmp(n->name, (const xmlChar *)local) == 0 && n->ns && n->ns->href &&
           read_xml.xmlStrstr(n->ns->href, (const xmlChar *)"markup-compatibility") != NULL;
}

static void leave(xmlNode *c, rbuf *b, int *in_cell)
{
    if (c->type != XML_ELEMENT_NODE) return;
    if (is_w(c, "p")) { if (!*in_cell) rb_endpara(b); }
    else if (is_w(c, "tc") && *in_cell > 0) (*in_cell)--;
    else if (is_w(c, "tr")) rb_endpara(b);
}

static void walk(xmlNode *root, rbuf *b)
{
    int in_cell = 0;
    for (xmlNode *n = root; n;) {
        bool skip = false;
        if (n->type == XML_ELEMENT_NODE) {
            if (is_w(n, "t")) {
                for (xmlNode *c = n->children; c; c = c->next)
                    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
                        rb_put(b, (const char *)c->content, strlen((const char *)c->content));
                skip = true;
            } else if (is_w(n, "tab")) {
                rb_putc(b, in_cell ? ' ' : '\t');
            } else if (is_w(n, "br") || is_w(n, "cr")) {
                if (in_cell) rb_putc(b, ' '); else rb_endpara(b);
            } else if (is_w(n, "delText") || is_w(n, "instrText") || is_w(n, "del") || is_w(n, "rPr") ||
                       is_w(n, "pPr") || is_w(n, "sectPr") || is_mc(n, "Fallback")) {
                skip = true;
            } else if (is_mc(n, "Choice")) {
                /* only the first branch: a later Choice is skipped too */
                for (xmlNode *p = n->prev; p; p = p->prev) if (is_mc(p, "Choice")) { skip = true; break; }
            } else if (is_w(n, "p") && in_cell) {
                /* a later paragraph of a cell: a space from the one before */
                if (b->len && b->p[b->len - 1] != '\t' && b->p[b->len - 1] != '\n') rb_putc(b, ' ');
            } else if (is_w(n, "tc")) {
                if (b->len && b->p[b->len - 1] != '\n') rb_putc(b, '\t');
                in_cell++;
            } else if (is_w(n, "tr")) {
                rb_endpara(b);
            }
        }
        if (b->over || b->oom) break;
        if (!skip && n->type == XML_ELEMENT_NODE && n->children) { n = n->children; continue; }
        if (!skip) leave(n, b, &in_cell);
        while (n != root && !n->next) { n = n->parent; leave(n, b, &in_cell); }
        if (n == root) break;
        n = n->next;
    }
    rb_endpara(b);
}

/* Reads name from the archive into a buffer of at most max bytes. */
static gwr_status read_member(const char *name, zip_t *z, const char *member, char **data, size_t *len, gwr_err *err)
{
    zip_stat_t zs;
    read_zip.zip_stat_init(&zs);
    if (read_zip.zip_stat(z, member, 0, &zs) != 0)
        return gwr_err_set(err, GWR_E_ENCODING, "%s: not a Word document (no %s in the archive)", name, member);
    if ((zs.valid & ZIP_STAT_SIZE) && zs.size > GWR_READ_MAX_PART)
        return gwr_err_set(err, GWR_E_IO, "%s: %s inflates past %zu MiB (zip bomb?); not read", name, member,
                           GWR_READ_MAX_PART >> 20);
    zip_file_t *f = read_zip.zip_fopen(z, member, 0);
    if (!f) return gwr_err_set(err, GWR_E_ENCODING, "%s: cannot open %s: %s", name, member, read_zip.zip_strerror(z));
    rbuf b = { .max = GWR_READ_MAX_PART };
    char chunk[65536];
    zip_int64_t r;
    while ((r = read_zip.zip_fread(f, chunk, sizeof chunk)) > 0) {
        rb_put(&b, chunk, (size_t)r);
        if (b.over || b.oom) break;
    }
    bool failed = r < 0;
    char why[200];
    if (failed) snprintf(why, sizeof why, "%s", read_zip.zip_file_strerror(f));
    read_zip.zip_fclose(f);
    if (b.over) { free(b.p); return gwr_err_set(err, GWR_E_IO, "%s: %s inflates past %zu MiB (zip bomb?); not read", name, member, GWR_READ_MAX_PART >> 20); }
    if (b.oom) { free(b.p); return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name); }
    if (failed) { free(b.p); return gwr_err_set(err, GWR_E_ENCODING, "%s: damaged archive: %s", name, why); }
    *data = b.p;
    *len = b.len;
    return GWR_OK;
}

gwr_status gwr_read_docx(const char *name, const unsigned char *buf, size_t len,
                         char **out, size_t *outlen, gwr_err *err)
{
    *out = NULL;
    *outlen = 0;
    if (len > GWR_READ_MAX_DOCX)
        return gwr_err_set(err, GWR_E_IO, "%s: Word file too large (over %zu MiB)", name, GWR_READ_MAX_DOCX >> 20);
    gwr_status lst = read_zip_lib(name, err);
    if (lst != GWR_OK) return lst;
    zip_error_t ze;
    read_zip.zip_error_init(&ze);
    zip_source_t *src = read_zip.zip_source_buffer_create(buf, len, 0, &ze);
    if (!src) { read_zip.zip_error_fini(&ze); return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name); }
    zip_t *z = read_zip.zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (!z) {
        gwr_status st = gwr_err_set(err, GWR_E_ENCODING, "%s: not a Word document (damaged zip: %s)", name, read_zip.zip_error_strerror(&ze));
        read_zip.zip_source_free(src);
        read_zip.zip_error_fini(&ze);
        return st;
    }
    read_zip.zip_error_fini(&ze);
    char *xml = NULL;
    size_t xlen = 0;
    gwr_status st = read_member(name, z, "word/document.xml", &xml, &xlen, err);
    read_zip.zip_discard(z);
    if (st != GWR_OK) return st;
    if (xlen > INT32_MAX) { free(xml); return gwr_err_set(err, GWR_E_IO, "%s: document part too large", name); }
    /* no DTD: a document part never has one, and it is where entity bombs live */
    for (size_t i = 0; i + 9 <= xlen && i < 4096; i++)
        if (memcmp(xml + i, "<!DOCTYPE", 9) == 0) {
            free(xml);
            return gwr_err_set(err, GWR_E_ENCODING, "%s: malformed document part (a DTD in word/document.xml)", name);
        }
    st = read_xml_lib(name, "DOCX", err);
    if (st != GWR_OK) { free(xml); return st; }
    xmlParserCtxtPtr ctx = read_xml.xmlNewParserCtxt();
    if (!ctx) { free(xml); return gwr_err_set(err, GWR_E_NOMEM, "%s: out of memory", name); }
    xmlDoc *doc = read_xml.xmlCtxtReadMemory(ctx, xml, (int)xlen, NULL, NULL,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    free(xml);
    if (!doc) {
        const xmlError *e = read_xml.xmlCtxtGetLastError(ctx);
        int line = e ? e->line : 0;
        read_xml.xmlFreeParserCtxt(ctx);
        return gwr_err_set(err, GWR_E_ENCODING, "%s: malformed XML in word/document.xml (line %d)", name, line);
    }
    read_xml.xmlFreeParserCtxt(ctx);
    rbuf b = { .max = GWR_READ_MAX_PART };
    xmlNode *root = read_xml.xmlDocGetRootElement(doc);
    if (root) walk(root, &b);
    read_xml.xmlFreeDoc(doc);
    /* a paragraph that held only blanks leaves an empty line: fine for the loader */
    return rb_finish(&b, name, "Word document", out, outlen, err);
}
