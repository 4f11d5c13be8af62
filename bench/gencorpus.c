/* gencorpus.c — a deterministic benchmark corpus made from the sample reports.
 *
 *   gencorpus OUTDIR NFILES SAMPLE=SHORTNAME...
 *
 * File k is the report of entity k/10 for the year 2015 + k%10, made from one
 * of the samples (chosen by a seeded generator): the sample's short entity
 * name (e.g. 荆门) becomes a made-up two-character name, years are shifted to
 * the new report year, other figures get new digits (same number of digits;
 * item numbers, dates and codes stay), and long paragraphs are repeated with
 * other figures until the file reaches its size (44-54 KB; PDF-layout samples
 * with short lines stay as they are). One file in ten gets CRLF line ends,
 * one in twenty is written in GB18030. Files go to OUTDIR/pNN/eNNNN-YYYY.txt,
 * 50 entities per directory. The same arguments always give the same bytes,
 * and no two files are identical (entity and year differ). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void put(buf *b, const void *s, size_t n)
{
    if (b->n + n > b->cap) {
        size_t nc = b->cap ? b->cap : 65536;
        while (nc < b->n + n) nc *= 2;
        char *np = realloc(b->p, nc);
        if (!np) {
            fprintf(stderr, "gencorpus: out of memory\n");
            exit(1);
        }
        b->p = np;
        b->cap = nc;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

static void putc1(buf *b, char c) { put(b, &c, 1); }

typedef struct sample {
    char *text;
    size_t len;
    const char *name;      /* short entity name to replace */
    int year;              /* report year, from the file name */
    size_t long_bytes;     /* bytes in paragraphs long enough to repeat */
} sample;

static uint64_t rng_state;
static uint64_t next_rand(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
static unsigned rnd(unsigned n) { return (unsigned)(next_rand() % n); }

/* 64 characters common in place names; entity e is chars[e%64] chars[e/64%64]. */
static const char *const place[64] = {
    "安", "平", "昌", "阳", "江", "山", "宁", "丰", "和", "华", "兴", "南", "北", "东", "西", "河",
    "湖", "海", "川", "城", "泉", "林", "德", "庆", "泰", "武", "新", "永", "清", "宝", "云", "明",
    "吉", "福", "金", "石", "水", "龙", "凤", "鹤", "岳", "衡", "襄", "宜", "汉", "黄", "孝", "随",
    "潜", "仙", "桃", "丹", "洛", "开", "封", "保", "定", "沧", "廊", "唐", "承", "秦", "晋", "朔",
};

enum { LONG_LINE = 150 };

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

static int starts(const char *p, const char *end, const char *s)
{
    size_t n = strlen(s);
    return (size_t)(end - p) >= n && memcmp(p, s, n) == 0;
}

static int ends_with(const char *start, const char *p, const char *s)
{
    size_t n = strlen(s);
    return (size_t)(p - start) >= n && memcmp(p - n, s, n) == 0;
}

/* Copies one line, replacing the entity name, shifting years, changing digits. */
static void emit_line(buf *out, const sample *s, const char *p, const char *end, const char *ent, int year)
{
    const char *line = p;
    size_t nl = strlen(s->name);
    while (p < end) {
        if (starts(p, end, s->name)) {
            put(out, ent, strlen(ent));
            p += nl;
            continue;
        }
        if (!is_digit((unsigned char)*p)) {
            putc1(out, *p++);
            continue;
        }
        const char *q = p;
        while (q < end && is_digit((unsigned char)*q)) q++;
        size_t n = (size_t)(q - p);
        int prev_alpha = p > line && (is_alpha((unsigned char)p[-1]) || p[-1] == '.');
        int v = n == 4 ? atoi(p) : 0;
        if (n == 4 && v >= s->year - 30 && v <= s->year + 12 &&
            (starts(q, end, "年") || starts(q, end, "—") || starts(q, end, "-") || starts(q, end, "－") ||
             starts(q, end, "～") || starts(q, end, "届"))) {
            char y[8];
            snprintf(y, sizeof y, "%04d", v + year - s->year);
            put(out, y, 4);
        } else if (p == line || prev_alpha || (q < end && is_alpha((unsigned char)*q)) ||
                   ends_with(line, p, "（") || ends_with(line, p, "(") || ends_with(line, p, "第") ||
                   starts(q, end, "月") || starts(q, end, "日") || starts(q, end, "号") ||
                   starts(q, end, "、") || starts(q, end, "届") || starts(q, end, "次")) {
            put(out, p, n);         /* item numbers, dates, codes: unchanged */
        } else {
            for (size_t i = 0; i < n; i++) {
                char c = p[i];
                if (i > 0 || n == 1) c = (char)(i == 0 && c != '0' ? '1' + rnd(9) : '0' + rnd(10));
                putc1(out, c);
            }
        }
        p = q;
    }
}

static void make_report(buf *out, const sample *s, const char *ent, int year, size_t target)
{
    double extra = s->long_bytes && target > s->len ? (double)(target - s->len) / (double)s->long_bytes : 0;
    const char *p = s->text, *end = s->text + s->len;
    while (p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        const char *le = e ? e : end;
        emit_line(out, s, p, le, ent, year);
        putc1(out, '\n');
        if ((size_t)(le - p) >= LONG_LINE) {
            double copies = extra;
            while (copies >= 1 || (copies > 0 && rnd(1000) < copies * 1000)) {
                putc1(out, '\n');
                emit_line(out, s, p, le, ent, year);
                putc1(out, '\n');
                copies -= 1;
            }
        }
        p = e ? e + 1 : end;
    }
}

static void to_crlf(buf *b)
{
    buf o = { 0 };
    for (size_t i = 0; i < b->n; i++) {
        if (b->p[i] == '\n') putc1(&o, '\r');
        putc1(&o, b->p[i]);
    }
    free(b->p);
    *b = o;
}

static void to_gb18030(buf *b)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == (iconv_t)-1) return;     /* left in UTF-8 */
    buf o = { 0 };
    o.p = malloc(b->n * 2 + 16);
    o.cap = b->n * 2 + 16;
    char *in = b->p, *op = o.p;
    size_t il = b->n, ol = o.cap;
    if (iconv(cd, &in, &il, &op, &ol) == (size_t)-1) {
        iconv_close(cd);
        free(o.p);
        return;
    }
    iconv_close(cd);
    o.n = (size_t)(op - o.p);
    free(b->p);
    *b = o;
}

static void load_sample(sample *s, const char *arg)
{
    const char *eq = strchr(arg, '=');
    if (!eq || eq[1] == '\0') {
        fprintf(stderr, "gencorpus: '%s': expected SAMPLE=SHORTNAME\n", arg);
        exit(2);
    }
    char *path = strndup(arg, (size_t)(eq - arg));
    s->name = eq + 1;
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "gencorpus: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    buf b = { 0 };
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) put(&b, tmp, n);
    fclose(f);
    s->text = b.p;
    s->len = b.n;
    s->year = 0;
    for (const char *q = path; *q; q++)       /* last run of four digits in the file name */
        if (is_digit((unsigned char)q[0]) && strspn(q, "0123456789") == 4) s->year = atoi(q);
    if (s->year < 1990) {
        fprintf(stderr, "gencorpus: %s: no report year in the file name\n", path);
        exit(2);
    }
    s->long_bytes = 0;
    for (const char *p = s->text, *end = s->text + s->len; p < end;) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        const char *le = e ? e : end;
        if ((size_t)(le - p) >= LONG_LINE) s->long_bytes += (size_t)(le - p) + 2;
        p = e ? e + 1 : end;
    }
    free(path);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: gencorpus OUTDIR NFILES SAMPLE=SHORTNAME...\n");
        return 2;
    }
    const char *outdir = argv[1];
    long nfiles = strtol(argv[2], NULL, 10);
    int ns = argc - 3;
    sample *smp = calloc((size_t)ns, sizeof *smp);
    if (!smp || nfiles <= 0) return 2;
    for (int i = 0; i < ns; i++) load_sample(&smp[i], argv[3 + i]);
    mkdir(outdir, 0755);
    size_t total = 0;
    buf out = { 0 };
    for (long k = 0; k < nfiles; k++) {
        rng_state = 0x6777720000000000ULL + (uint64_t)k;
        long e = k / 10;
        int year = 2015 + (int)(k % 10);
        const sample *s = &smp[rnd((unsigned)ns)];
        char ent[16];
        snprintf(ent, sizeof ent, "%s%s", place[e % 64], place[(e / 64) % 64]);
        out.n = 0;
        make_report(&out, s, ent, year, 44000 + rnd(10000));
        if (k % 20 == 7) to_gb18030(&out);
        else if (k % 10 == 3) to_crlf(&out);
        char dir[4096], path[4200];
        snprintf(dir, sizeof dir, "%s/p%02ld", outdir, e / 50);
        if (k % 500 == 0 || e % 50 == 0) mkdir(dir, 0755);
        snprintf(path, sizeof path, "%s/e%04ld-%d.txt", dir, e, year);
        FILE *f = fopen(path, "wb");
        if (!f || fwrite(out.p, 1, out.n, f) != out.n || fclose(f) != 0) {
            fprintf(stderr, "gencorpus: %s: %s\n", path, strerror(errno));
            return 1;
        }
        total += out.n;
    }
    printf("%ld files, %zu bytes\n", nfiles, total);
    return 0;
}
