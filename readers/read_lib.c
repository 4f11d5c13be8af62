/* read_lib.c — libxml2 and libzip loaded with dlopen on first use (read_lib.h). */
#include "read_lib.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static pthread_mutex_t lib_lock = PTHREAD_MUTEX_INITIALIZER;

static void try_open(read_lib *L)
{
    /* RTLD_LOCAL: the libraries' symbols stay out of the global namespace */
    void *h = dlopen(L->soname, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(L->why, sizeof L->why, "not found");
        L->state = -1;
        return;
    }
    for (size_t i = 0; i < L->n; i++) {
        dlerror();
        void *p = dlsym(h, L->syms[i]);
        if (!p || dlerror()) {
            snprintf(L->why, sizeof L->why, "it has no %s", L->syms[i]);
            dlclose(h);
            L->state = -1;
            return;
        }
        L->fns[i] = p;
    }
    L->state = 1;   /* the handle stays open for the life of the process */
}

gwr_status read_lib_load(read_lib *L, const char *name, const char *what, gwr_err *err)
{
    pthread_mutex_lock(&lib_lock);
    if (L->state == 0) try_open(L);
    int state = L->state;
    pthread_mutex_unlock(&lib_lock);
    if (state > 0) return GWR_OK;
    return gwr_err_set(err, GWR_E_IO, "%s: reading %s needs %s, which cannot be loaded (%s; install %s)", name, what,
                       L->soname, L->why, L->package);
}

/* ---- libxml2 ------------------------------------------------------------ */

#define NAME_OF(f) #f,
static const char *const xml_syms[] = { READ_XML_FUNCS(NAME_OF) "xmlFree", "xmlParserMaxDepth" };
#define XML_N (sizeof xml_syms / sizeof xml_syms[0])
_Static_assert(sizeof(read_xml_api) == XML_N * sizeof(void *), "xml_syms names every member of read_xml_api");
static void *xml_fns[XML_N];
static read_lib xml_lib = { GWR_LIBXML2_SONAME, "libxml2", xml_syms, XML_N, xml_fns, 0, "" };
read_xml_api read_xml;

static void xml_init_once(void)
{
    memcpy(&read_xml, xml_fns, sizeof read_xml);
    read_xml.xmlInitParser();
}

gwr_status read_xml_lib(const char *name, const char *what, gwr_err *err)
{
    gwr_status st = read_lib_load(&xml_lib, name, what, err);
    if (st != GWR_OK) return st;
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, xml_init_once);
    return GWR_OK;
}

/* ---- libzip ------------------------------------------------------------- */

static const char *const zip_syms[] = { READ_ZIP_FUNCS(NAME_OF) };
#define ZIP_N (sizeof zip_syms / sizeof zip_syms[0])
_Static_assert(sizeof(read_zip_api) == ZIP_N * sizeof(void *), "zip_syms names every member of read_zip_api");
static void *zip_fns[ZIP_N];
static read_lib zip_lib = { GWR_LIBZIP_SONAME, "libzip", zip_syms, ZIP_N, zip_fns, 0, "" };
read_zip_api read_zip;

static void zip_copy_once(void) { memcpy(&read_zip, zip_fns, sizeof read_zip); }

gwr_status read_zip_lib(const char *name, gwr_err *err)
{
    gwr_status st = read_lib_load(&zip_lib, name, "DOCX", err);
    if (st != GWR_OK) return st;
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, zip_copy_once);
    return GWR_OK;
}
