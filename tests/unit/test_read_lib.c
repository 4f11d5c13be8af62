/* test_read_lib.c — libxml2 and libzip are loaded only when a web page or a
 * Word file is read, and a library that cannot be loaded gives one line naming
 * the file, the library and what to install. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <dlfcn.h>
#include "read_lib.h"

static bool loaded(const char *soname)
{
    void *h = dlopen(soname, RTLD_NOW | RTLD_NOLOAD);
    if (h) dlclose(h);
    return h != NULL;
}

static void test_missing_library(void **state)
{
    (void)state;
    static const char *const syms[] = { "f" };
    void *fns[1] = { NULL };
    read_lib L = { "libgwr-absent.so.9", "libgwr-absent", syms, 1, fns, 0, "" };
    gwr_err err = { 0 };
    assert_int_equal(read_lib_load(&L, "a/报告.html", "HTML", &err), GWR_E_IO);
    assert_string_equal(err.msg, "a/报告.html: reading HTML needs libgwr-absent.so.9, which cannot be loaded "
                                 "(not found; install libgwr-absent)");
    assert_null(fns[0]);
    /* the answer is kept: the next file gets the same line with its own name */
    assert_int_equal(read_lib_load(&L, "b.html", "HTML", &err), GWR_E_IO);
    assert_non_null(strstr(err.msg, "b.html: reading HTML needs libgwr-absent.so.9"));
    assert_null(strchr(err.msg, '\n'));
}

static void test_missing_symbol(void **state)
{
    (void)state;
    static const char *const syms[] = { "xmlStrcmp", "xmlNoSuchFunctionAnywhere" };
    void *fns[2] = { NULL, NULL };
    read_lib L = { GWR_LIBXML2_SONAME, "libxml2", syms, 2, fns, 0, "" };
    gwr_err err = { 0 };
    assert_int_equal(read_lib_load(&L, "x.docx", "DOCX", &err), GWR_E_IO);
    assert_string_equal(err.msg, "x.docx: reading DOCX needs " GWR_LIBXML2_SONAME ", which cannot be loaded "
                                 "(it has no xmlNoSuchFunctionAnywhere; install libxml2)");
}

/* Nothing is loaded before a reader asks; afterwards the tables call the real
 * libraries. This binary, like gwr, is not linked with either. */
static void test_loaded_on_first_use(void **state)
{
    (void)state;
    assert_false(loaded(GWR_LIBXML2_SONAME));
    assert_false(loaded(GWR_LIBZIP_SONAME));
    gwr_err err = { 0 };
    assert_int_equal(read_xml_lib("p.html", "HTML", &err), GWR_OK);
    assert_true(loaded(GWR_LIBXML2_SONAME));
    assert_false(loaded(GWR_LIBZIP_SONAME));
    assert_true(read_xml.xmlStrcmp((const xmlChar *)"a", (const xmlChar *)"b") < 0);
    assert_int_equal(read_xml.xmlStrcasecmp((const xmlChar *)"TD", (const xmlChar *)"td"), 0);
    assert_true(*read_xml.xmlParserMaxDepth >= 256);
    xmlChar *s = (xmlChar *)malloc(4);
    assert_non_null(s);
    memcpy(s, "abc", 4);
    (*read_xml.xmlFree)(s);   /* libxml2's free is the C library's unless a program changes it */
    assert_int_equal(read_zip_lib("w.docx", &err), GWR_OK);
    assert_true(loaded(GWR_LIBZIP_SONAME));
    zip_stat_t zs;
    memset(&zs, 0xFF, sizeof zs);
    read_zip.zip_stat_init(&zs);
    assert_int_equal(zs.valid, 0);
    /* a second file finds them loaded */
    assert_int_equal(read_xml_lib("q.html", "HTML", &err), GWR_OK);
    assert_int_equal(read_zip_lib("v.docx", &err), GWR_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loaded_on_first_use),   /* first: before anything loads libxml2 */
        cmocka_unit_test(test_missing_library),
        cmocka_unit_test(test_missing_symbol),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
