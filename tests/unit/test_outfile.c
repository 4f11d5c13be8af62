/* test_outfile.c — written files appear whole or not at all. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "outfile.h"

static char dir[64];

static int entries(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) n += e->d_name[0] != '.';
    if (d) closedir(d);
    return n;
}

static void slurp(const char *path, char *buf, size_t n)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t k = fread(buf, 1, n - 1, f);
    buf[k] = '\0';
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/gwr-outfile-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_commit_replaces_whole(void **state)
{
    (void)state;
    char path[128], buf[64];
    snprintf(path, sizeof path, "%s/out.tsv", dir);
    FILE *f = fopen(path, "w");
    fputs("old\n", f);
    fclose(f);
    gwr_outfile o;
    gwr_err err = { 0 };
    assert_int_equal(gwr_outfile_open(&o, path, &err), GWR_OK);
    fputs("new\n", o.f);
    slurp(path, buf, sizeof buf);
    assert_string_equal(buf, "old\n");              /* not visible before commit */
    assert_int_equal(entries(), 2);                 /* out.tsv and its temporary file */
    assert_int_equal(gwr_outfile_commit(&o, &err), GWR_OK);
    slurp(path, buf, sizeof buf);
    assert_string_equal(buf, "new\n");
    assert_int_equal(entries(), 1);
}

static void test_abort_leaves_old(void **state)
{
    (void)state;
    char path[128], buf[64];
    snprintf(path, sizeof path, "%s/keep.txt", dir);
    FILE *f = fopen(path, "w");
    fputs("keep\n", f);
    fclose(f);
    int before = entries();
    gwr_outfile o;
    gwr_err err = { 0 };
    assert_int_equal(gwr_outfile_open(&o, path, &err), GWR_OK);
    fputs("half", o.f);
    assert_int_equal(entries(), before + 1);
    gwr_outfile_abort(&o);
    slurp(path, buf, sizeof buf);
    assert_string_equal(buf, "keep\n");
    assert_int_equal(entries(), before);           /* no temporary file left */
}

static void test_device_and_bad_dir(void **state)
{
    (void)state;
    gwr_outfile o;
    gwr_err err = { 0 };
    assert_int_equal(gwr_outfile_open(&o, "/dev/null", &err), GWR_OK);   /* written directly */
    assert_null(o.tmp);
    fputs("x", o.f);
    assert_int_equal(gwr_outfile_commit(&o, &err), GWR_OK);
    struct stat st;
    assert_int_equal(stat("/dev/null", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
    assert_int_equal(gwr_outfile_open(&o, "/nonexistent-dir/x.tsv", &err), GWR_E_IO);
    assert_non_null(strstr(err.msg, "/nonexistent-dir/x.tsv: "));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_commit_replaces_whole),
        cmocka_unit_test(test_abort_leaves_old),
        cmocka_unit_test(test_device_and_bad_dir),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
