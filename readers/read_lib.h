/* read_lib.h — libxml2 and libzip, loaded when first needed (not part of the API).
 *
 * Plain-text reports need neither library, and linking them costs every run
 * the relocation of libxml2's and libzip's dependencies (ICU, libstdc++,
 * libcrypto: millions of instructions before main). So the HTML and Word
 * readers reach them through function tables that read_xml_lib() and
 * read_zip_lib() fill with dlopen/dlsym the first time a web page or a Word
 * file is read. The headers still give every type and every signature (the
 * table's members are declared with __typeof__ of the library's own
 * functions), so a mismatch is a compile error, not a crash.
 *
 * When a library (or one of its functions) cannot be loaded, the reader fails
 * with one line naming the file, the library and the package to install. */
#ifndef GWR_READ_LIB_H
#define GWR_READ_LIB_H
#include <stdbool.h>
#include "read.h"
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlstring.h>
#include <zip.h>

/* The sonames loaded; the Makefile passes the ones of the libraries the
 * headers came from. */
#ifndef GWR_LIBXML2_SONAME
#define GWR_LIBXML2_SONAME "libxml2.so.2"
#endif
#ifndef GWR_LIBZIP_SONAME
#define GWR_LIBZIP_SONAME "libzip.so.4"
#endif

/* The functions used, in the order the tables hold them (one list gives both
 * the members and the names looked up). */
#define READ_XML_FUNCS(X) X(xmlInitParser) X(xmlNewParserCtxt) X(xmlCtxtReadMemory) X(xmlCtxtGetLastError) \
    X(xmlFreeParserCtxt) X(xmlDocGetRootElement) X(xmlFreeDoc) X(xmlStrcmp) X(xmlStrcasecmp) X(xmlStrstr)     \
    X(xmlGetProp) X(htmlNewParserCtxt) X(htmlCtxtReadMemory) X(htmlFreeParserCtxt)
#define READ_ZIP_FUNCS(X) X(zip_error_init) X(zip_error_fini) X(zip_error_strerror) X(zip_source_buffer_create)  \
    X(zip_source_free) X(zip_open_from_source) X(zip_discard) X(zip_stat_init) X(zip_stat) X(zip_fopen)         \
    X(zip_fread) X(zip_fclose) X(zip_strerror) X(zip_file_strerror)
#define READ_FN_MEMBER(f) __typeof__(f) *f;

typedef struct read_xml_api {
    READ_XML_FUNCS(READ_FN_MEMBER)
    xmlFreeFunc *xmlFree;              /* the library's variable holding its free() */
    unsigned int *xmlParserMaxDepth;   /* the library's nesting limit */
} read_xml_api;

typedef struct read_zip_api {
    READ_ZIP_FUNCS(READ_FN_MEMBER)
} read_zip_api;

/* A library loaded on first use: soname, what to install when it is missing,
 * and the n symbols that fill fns (function pointers, or addresses of the
 * library's variables) in that order. */
typedef struct read_lib {
    const char *soname, *package;
    const char *const *syms;
    size_t n;
    void **fns;
    int state;          /* 0 not tried, 1 loaded, -1 failed (why says why) */
    char why[160];
} read_lib;

/* Loads L once (thread-safe). GWR_OK, or err set to one line:
 * "NAME: reading WHAT needs SONAME, which cannot be loaded (REASON; install PACKAGE)". */
gwr_status read_lib_load(read_lib *L, const char *name, const char *what, gwr_err *err);

/* Loads the library (and initialises libxml2) once: GWR_OK, after which the
 * table below is filled, or err set as above. what: "HTML", "DOCX". */
gwr_status read_xml_lib(const char *name, const char *what, gwr_err *err);
gwr_status read_zip_lib(const char *name, gwr_err *err);
extern read_xml_api read_xml;
extern read_zip_api read_zip;

#endif
