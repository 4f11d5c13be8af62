/* outline_meta.c — who gave the report and for which years.
 *
 * Entity, in order of trust:
 *   1. the meeting line: "——2022年12月27日在天门市第九届人民代表大会…" → 天门市
 *      (the innermost unit: "呼伦贝尔市海拉尔区" → 海拉尔区);
 *   2. the speaker line: "海拉尔区人民政府区长 张天喜" (not "市人民政府市长"),
 *      or the title line: "荆门市2024年政府工作报告";
 *   3. the text itself: the most frequent two-character name that is not common
 *      report vocabulary (荆门, 恩施 …), widened to three or four characters when
 *      it is nearly always part of a longer name, plus the level the report
 *      speaks of itself ("代表市人民政府", "全市" → 市);
 *   4. the file name.
 * Years: the plan part's heading ("2024年工作安排") gives the report year, the
 * review part's ("2023年工作回顾") the reviewed year; else the meeting date
 * (a meeting held in October–December is about the next year); else the
 * targets paragraph; else "今年是…二十大…开局之年"-style sentences; else the
 * file name. A missing one of the pair is the other ∓ 1. */
#include "outline_internal.h"
#include <stdlib.h>
#include <string.h>

static size_t cbytes(const char *s)
{
    unsigned c = (unsigned char)*s;
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static bool is_cjk(const char *s, size_t n)
{
    if (n < 3) return false;
    unsigned char c = (unsigned char)s[0];
    if (c < 0xE4 || c > 0xE9) return false;   /* U+4E00–U+9FFF */
    return true;
}

static bool is_level(const char *s, size_t n)
{
    static const char *const lv[] = { "市", "区", "县", "州", "旗", "盟", "省" };
    for (size_t i = 0; i < sizeof lv / sizeof *lv; i++)
        if (gwr_has_prefix(s, n, lv[i])) return true;
    return false;
}

/* Innermost administrative unit of s[0,n) ("呼伦贝尔市海拉尔区" → "海拉尔区"):
 * from the last level character back to the previous one that leaves a
 * name of at least two characters. */
static bool last_unit(const char *s, size_t n, size_t *a, size_t *b)
{
    while (n >= 3 && !is_level(s + n - 3, 3)) n -= 3;   /* drop trailing non-level text */
    if (n < 9) return false;
    size_t end = n, j = n - 3;
    size_t start = 0;
    while (j >= 3) {
        j -= 3;
        if (is_level(s + j, 3) && (end - 3) - (j + 3) >= 6) { start = j + 3; break; }
    }
    for (size_t i = start; i < end; i += 3)
        if (!is_cjk(s + i, end - i)) return false;
    if (end - start < 9) return false;
    *a = start;
    *b = end;
    return true;
}

static const char *entity_from_meeting(gwr_doc *d, const char *m)
{
    size_t n = strlen(m);
    const char *at = gwr_find(m, n, "在");
    if (!at) return NULL;
    at += 3;
    const char *stop = gwr_find(at, n - (size_t)(at - m), "第");
    const char *stop2 = gwr_find(at, n - (size_t)(at - m), "人民代表大会");
    if (!stop || (stop2 && stop2 < stop)) stop = stop2;
    if (!stop) return NULL;
    size_t a, b;
    if (!last_unit(at, (size_t)(stop - at), &a, &b)) return NULL;
    return gwr_arena_strndup(&d->arena, at + a, b - a);
}

static const char *entity_from_speaker(gwr_doc *d, const char *sp)
{
    size_t n = strlen(sp);
    const char *g = gwr_find(sp, n, "人民政府");
    if (!g) g = gwr_find(sp, n, "政府");
    if (!g || g == sp) return NULL;
    size_t a, b;
    if (!last_unit(sp, (size_t)(g - sp), &a, &b)) return NULL;
    return gwr_arena_strndup(&d->arena, sp + a, b - a);
}

/* "荆门市2024年政府工作报告", "2024年海拉尔区人民政府工作报告" → the unit before 政府工作报告. */
static const char *entity_from_title(gwr_doc *d, const char *t)
{
    size_t n = strlen(t);
    const char *g = gwr_find(t, n, "政府工作报告");
    if (!g) return NULL;
    size_t e = (size_t)(g - t);
    if (e >= 6 && memcmp(t + e - 6, "人民", 6) == 0) e -= 6;
    size_t b = e;
    while (b >= 3 && is_cjk(t + b - 3, 3) && memcmp(t + b - 3, "年", 3) != 0) b -= 3;
    if (b == e) {   /* "荆门市2024年政府工作报告": step over the year */
        if (b >= 3 && memcmp(t + b - 3, "年", 3) == 0) b -= 3;
        while (b > 0 && t[b - 1] >= '0' && t[b - 1] <= '9') b--;
        e = b;
        while (b >= 3 && is_cjk(t + b - 3, 3)) b -= 3;
    }
    size_t ua, ub;
    if (!last_unit(t + b, e - b, &ua, &ub)) return NULL;
    return gwr_arena_strndup(&d->arena, t + b + ua, ub - ua);
}


static uint32_t decode3(const char *s) { return ((uint32_t)((unsigned char)s[0] & 0x0F) << 12) | ((uint32_t)((unsigned char)s[1] & 0x3F) << 6) | ((unsigned char)s[2] & 0x3F); }

static const char *const level_chars[] = { "市", "区", "县", "州", "旗" };

static void put3(char *o, uint32_t cp)
{
    o[0] = (char)(0xE0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
}

/* The name the text uses most (see the header): the census of at most the
 * first 300 KB (outline_census.c), widened to three or four characters when
 * it is nearly always part of a longer name. */
static const char *entity_from_text(gwr_doc *d, size_t *first)
{
    *first = SIZE_MAX;   /* where the name first stands, when known */
    const char *s = d->text.norm;
    size_t n = d->text.norm_len < 300000 ? d->text.norm_len : 300000;
    gwr_census cs = { .want_occ = true };
    if (!gwr_census_run(s, n, &cs) || cs.best < 4) {
        free(cs.occ);
        return NULL;
    }
    uint32_t ba = cs.a, bb = cs.b;
    char name[16] = { 0 };         /* up to 4 characters and a NUL: gwr_find takes a C string */
    put3(name, ba);
    put3(name + 3, bb);
    size_t nl = 6;
    name[nl] = '\0';
    /* every offset of the name, when the census knows them (the name is
     * then followed from them: a widened name stands where the shorter one
     * does, with the added character before or after it) */
    uint32_t *all = cs.occ;
    size_t nall = cs.nocc;
    /* widen: a character that precedes (or follows) nearly every occurrence,
     * the occurrences taken from the left without overlap */
    for (int round = 0; round < 2; round++) {
        uint32_t occ = 0, pc = 0, fc = 0;
        const char *pfirst = NULL, *ffirst = NULL;
        size_t k = 0, next = 0;
        for (const char *p = s;; p += nl) {
            if (all) {
                while (k < nall && all[k] < next) k++;
                if (k == nall) break;
                p = s + all[k];
                next = all[k] + nl;
            } else if ((p = gwr_find(p, n - (size_t)(p - s), name)) == NULL || (size_t)(p - s) + nl > n) {
                break;
            }
            size_t i = (size_t)(p - s);
            occ++;
            if (i >= 3 && is_cjk(s + i - 3, 3)) {
                if (!pfirst) pfirst = s + i - 3;
                if (memcmp(s + i - 3, pfirst, 3) == 0) pc++;
            }
            if (i + nl + 3 <= n && is_cjk(s + i + nl, 3)) {
                if (!ffirst) ffirst = s + i + nl;
                if (memcmp(s + i + nl, ffirst, 3) == 0) fc++;
            }
        }
        if (occ && pfirst && pc * 10 >= occ * 9 && !gwr_word_function_cp(decode3(pfirst)) && !is_level(pfirst, 3)) {
            size_t m = 0;
            for (size_t j = 0; all && j < nall; j++)
                if (all[j] >= 3 && memcmp(s + all[j] - 3, pfirst, 3) == 0) all[m++] = all[j] - 3;
            nall = m;
            memmove(name + 3, name, nl);
            memcpy(name, pfirst, 3);
            nl += 3;
            name[nl] = '\0';
        } else if (occ && ffirst && fc * 10 >= occ * 9 && !gwr_word_function_cp(decode3(ffirst)) && !is_level(ffirst, 3)) {
            size_t m = 0;
            for (size_t j = 0; all && j < nall; j++)
                if (all[j] + nl + 3 <= n && memcmp(s + all[j] + nl, ffirst, 3) == 0) all[m++] = all[j];
            nall = m;
            memcpy(name + nl, ffirst, 3);
            nl += 3;
            name[nl] = '\0';
        } else {
            break;
        }
    }
    if (all && nall > 0) *first = all[0];   /* every offset of the name, in order */
    free(all);
    /* the level the report speaks of itself: 全市 / 我区 / 本县 … */
    size_t lv = 0;
    for (size_t k = 1; k < 5; k++) if (cs.lvcount[k + 1] > cs.lvcount[lv + 1]) lv = k;
    if (cs.lvcount[lv + 1] == 0) lv = 0;
    char out[32];
    memcpy(out, name, nl);
    memcpy(out + nl, level_chars[lv], 3);
    return gwr_arena_strndup(&d->arena, out, nl + 3);
}

static const char *entity_from_path(gwr_doc *d)
{
    const char *p = d->path ? d->path : "";
    const char *base = strrchr(p, '/');
    base = base ? base + 1 : p;
    size_t n = strlen(base);
    /* a Chinese unit name in the file name */
    size_t i = 0;
    while (i < n) {
        if (!is_cjk(base + i, n - i)) { i += cbytes(base + i); continue; }
        size_t j = i;
        while (j + 3 <= n && is_cjk(base + j, n - j)) j += 3;
        size_t a, b;
        if (last_unit(base + i, j - i, &a, &b)) return gwr_arena_strndup(&d->arena, base + i + a, b - a);
        i = j;
    }
    size_t k = 0;
    while (k < n && base[k] != '.' && base[k] != '-' && base[k] != '_' && !(base[k] >= '0' && base[k] <= '9')) k++;
    return gwr_arena_strndup(&d->arena, base, k);
}

static int cn_congress_year(const char *s, size_t n)
{
    /* 党的二十大 … 开局之年 → 2023; "十四五"开局/起步 → 2021, 收官 → 2025 */
    const char *w = gwr_find(s, n, "五”");
    if (!w) w = gwr_find(s, n, "五\"");
    bool open = gwr_find(s, n, "开局") || gwr_find(s, n, "起步");
    bool close = gwr_find(s, n, "收官") || gwr_find(s, n, "决胜");
    if (w && w >= s + 6) {
        const char *q = w - 3;
        size_t len;
        while (q > s && !gwr_has_prefix(q, 3, "“") && !gwr_has_prefix(q, 1, "\"")) {
            q--;   /* back to the start of the character before (never before s) */
            while (q > s && ((unsigned char)*q & 0xC0) == 0x80) q--;
        }
        q += gwr_has_prefix(q, 3, "“") ? 3 : 1;
        int v = gwr_cn_number(q, (size_t)(w - q), &len);
        if (v >= 10 && v <= 20 && q + len == w) {
            int start = 2021 + 5 * (v - 14);
            if (open) return start;
            if (close) return start + 4;
        }
    }
    const char *c = gwr_find(s, n, "党的");
    if (c && open) {
        size_t len;
        int v = gwr_cn_number(c + 6, n - (size_t)(c + 6 - s), &len);
        if (v >= 13 && v <= 30 && gwr_has_prefix(c + 6 + len, n - (size_t)(c + 6 + len - s), "大"))
            return 2012 + 5 * (v - 18) + 1;
    }
    return 0;
}

static int year_from_path(const char *p)
{
    const char *base = strrchr(p, '/');
    base = base ? base + 1 : p;
    for (const char *q = base; *q; q++) {
        if ((q[0] == '1' && q[1] == '9') || (q[0] == '2' && q[1] == '0')) {
            if (q > base && q[-1] >= '0' && q[-1] <= '9') continue;
            if (q[2] >= '0' && q[2] <= '9' && q[3] >= '0' && q[3] <= '9' && !(q[4] >= '0' && q[4] <= '9'))
                return (q[0] - '0') * 1000 + (q[1] - '0') * 100 + (q[2] - '0') * 10 + (q[3] - '0');
        }
    }
    return 0;
}

/* parts, or the top-level sections of a report without parts */
static bool top_level(const gwr_node *nd)
{
    return nd->kind == GWR_NODE_PART || (nd->kind == GWR_NODE_SECTION && nd->depth == 1);
}

/* A year written with digits, possibly spaced ("1 9 9 8年"), then 年: its
 * value, and *after the offset past 年; 0 when none from s on. */
static int spaced_year(const char *s, size_t n, size_t *after)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9' || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
        int v = 0, digits = 0;
        size_t j = i;
        while (j < n && digits < 5) {
            if (s[j] >= '0' && s[j] <= '9') { v = v * 10 + (s[j] - '0'); digits++; j++; }
            else if (s[j] == ' ' && j + 1 < n && s[j + 1] >= '0' && s[j + 1] <= '9') j++;
            else break;
        }
        while (j < n && s[j] == ' ') j++;
        if (digits == 4 && v >= 1900 && v <= 2099 && gwr_has_prefix(s + j, n - j, "年")) {
            *after = j + 3;
            return v;
        }
    }
    return 0;
}

/* The first full date "YYYY年M月" in s (the meeting date of a meeting line). */
static void meeting_date(const char *s, int *year, int *month)
{
    size_t n = strlen(s), pos = 0, after;
    int y;
    while (pos < n && (y = spaced_year(s + pos, n - pos, &after)) > 0) {
        size_t i = pos + after;
        int m = 0, digits = 0;
        while (i < n && digits < 3 && ((s[i] >= '0' && s[i] <= '9') || s[i] == ' ')) {
            if (s[i] != ' ') { m = m * 10 + (s[i] - '0'); digits++; }
            i++;
        }
        if (digits && m >= 1 && m <= 12 && gwr_has_prefix(s + i, n - i, "月")) {
            *year = y;
            *month = m;
            return;
        }
        pos += after;
    }
}

/* The year a title gives the report: "1999年政府工作报告", "荆门市2024年政府工作
 * 报告", "1955年国务院政府工作报告": a year followed, within eight characters
 * and no digit, by 政府工作报告. */
static int title_year(const char *s)
{
    size_t n = strlen(s), pos = 0, after;
    const char *g = gwr_find(s, n, "政府工作报告");
    if (!g) return 0;
    int y;
    while (pos < n && (y = spaced_year(s + pos, n - pos, &after)) > 0) {
        const char *a = s + pos + after;
        if (a <= g && gwr_utf8_chars_max(a, (size_t)(g - a), 8) <= 8) {
            bool digit = false;
            for (const char *q = a; q < g; q++) digit |= *q >= '0' && *q <= '9';
            if (!digit) return y;
        }
        pos += after;
    }
    return 0;
}

/* The latest year in s before `before` (any year when before is 0). */
static int last_year_before(const char *s, size_t n, int before)
{
    int y = 0, v;
    size_t after, pos = 0;
    while (pos < n && (v = gwr_first_year(s + pos, n - pos, &after)) > 0) {
        if ((!before || v < before) && v > y) y = v;
        pos += after;
    }
    return y;
}

/* The opening of the report, where it names itself: the first 12
 * paragraphs, at most 6,000 bytes. */
static size_t opening_len(const gwr_doc *d)
{
    const char *s = d->text.norm;
    size_t n = d->text.norm_len < 6000 ? d->text.norm_len : 6000, paras = 0;
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + n - p))) != NULL; p++)
        if (++paras == 12) return (size_t)(p - s);
    return n;
}

/* The State Council's report is the country's. */
static bool names_country(const char *s)
{
    size_t n = strlen(s);
    return gwr_find(s, n, "国务院") || gwr_find(s, n, "全国人民代表大会");
}

/* The level the report speaks of itself in (全市, 我区, 本县 …), counted in the
 * first 300 KB; NULL when it never does. */
static const char *self_level(const gwr_doc *d)
{
    static const char *const pre[] = { "全", "我", "本" };
    static const char *const lv[] = { "市", "区", "县", "州", "旗", "盟", "省" };
    size_t count[7] = { 0 };
    const char *s = d->text.norm;
    size_t n = d->text.norm_len < 300000 ? d->text.norm_len : 300000;
    for (size_t i = 0; i + 6 <= n; i++) {
        if ((unsigned char)s[i] != 0xE5 && (unsigned char)s[i] != 0xE6 && (unsigned char)s[i] != 0xE7) continue;
        for (size_t a = 0; a < 3; a++)
            if (memcmp(s + i, pre[a], 3) == 0)
                for (size_t k = 0; k < 7; k++)
                    if (memcmp(s + i + 3, lv[k], 3) == 0) count[k]++;
    }
    size_t best = 0;
    for (size_t k = 1; k < 7; k++) if (count[k] > count[best]) best = k;
    return count[best] ? lv[best] : NULL;
}

/* One place, one string across years: "荆门市人民政府" and "荆门市" are the
 * same, and a bare "荆门" takes the level the report speaks in. */
static const char *canonical_entity(gwr_doc *d, const char *e)
{
    if (!e || !*e || strcmp(e, "全国") == 0) return e;
    size_t n = strlen(e);
    if (n > 12 && memcmp(e + n - 12, "人民政府", 12) == 0) n -= 12;
    else if (n > 6 && memcmp(e + n - 6, "政府", 6) == 0) n -= 6;
    if (n >= 3 && is_level(e + n - 3, 3)) return n == strlen(e) ? e : gwr_arena_strndup(&d->arena, e, n);
    const char *lv = d->has_text ? self_level(d) : NULL;
    if (!lv) return gwr_arena_strndup(&d->arena, e, n);
    char buf[64];
    if (n + 4 > sizeof buf) return e;
    memcpy(buf, e, n);
    memcpy(buf + n, lv, 3);
    return gwr_arena_strndup(&d->arena, buf, n + 3);
}

/* A title without a level ("荆门2024年政府工作报告"): the Chinese name before
 * the year, two to six characters. */
static const char *bare_name_from_title(gwr_doc *d, const char *t)
{
    size_t n = strlen(t);
    const char *g = gwr_find(t, n, "政府工作报告");
    if (!g) return NULL;
    size_t e = (size_t)(g - t);
    if (e >= 6 && memcmp(t + e - 6, "人民", 6) == 0) e -= 6;
    if (e >= 3 && memcmp(t + e - 3, "年", 3) == 0) {
        e -= 3;
        while (e > 0 && t[e - 1] >= '0' && t[e - 1] <= '9') e--;
    }
    size_t b = e;
    while (b >= 3 && is_cjk(t + b - 3, 3)) b -= 3;
    size_t chars = (e - b) / 3;
    if (chars < 2 || chars > 6 || (b > 0 && !(t[b - 1] == ' ' || (t[b - 1] >= '0' && t[b - 1] <= '9')))) return NULL;
    for (size_t i = b; i < e; i += 3)
        if (gwr_word_function_cp(decode3(t + i))) return NULL;
    return gwr_arena_strndup(&d->arena, t + b, e - b);
}

/* The speaker's own words near the top: "我代表海拉尔区人民政府" → 海拉尔区,
 * "我代表国务院" / "受国务院的委托" → 全国. "我代表市人民政府" names no place. */
static const char *entity_from_statement(gwr_doc *d, const char *s, size_t n)
{
    /* 代表国务院, 受国务院, 根据国务院的决定, 代表中华人民共和国国务院: looked for
     * around each 国务院 */
    for (const char *g = s; (g = gwr_find(g, n - (size_t)(g - s), "国务院")) != NULL; g += 9) {
        size_t q = (size_t)(g - s);
        if ((q >= 6 && memcmp(g - 6, "代表", 6) == 0) || (q >= 3 && memcmp(g - 3, "受", 3) == 0) ||
            (q >= 6 && memcmp(g - 6, "根据", 6) == 0 && q + 18 <= n && memcmp(g + 9, "的决定", 9) == 0) ||
            (q >= 27 && memcmp(g - 27, "代表中华人民共和国", 27) == 0))
            return "全国";
    }
    for (const char *p = s; (p = gwr_find(p, n - (size_t)(p - s), "代表")) != NULL; p += 6) {
        const char *from = p + 6, *end = s + n;
        const char *eol = memchr(from, '\n', (size_t)(end - from));
        if (eol) end = eol;
        size_t lim = (size_t)(end - from) < 60 ? (size_t)(end - from) : 60;
        const char *g = gwr_find(from, lim, "人民政府");
        if (!g || g == from) continue;
        size_t a, b;
        if (last_unit(from, (size_t)(g - from), &a, &b)) return gwr_arena_strndup(&d->arena, from + a, b - a);
    }
    return NULL;
}

/* A national speaker line: "国务院总理周恩来", "副总理兼财政部长李先念",
 * "国务委员兼国家计划委员会主任邹家华" (often run into "各位代表："). */
static bool country_speaker(const char *s, size_t n)
{
    for (const char *p = s; p < s + n;) {
        const char *eol = memchr(p, '\n', (size_t)(s + n - p));
        size_t len = (size_t)((eol ? eol : s + n) - p);
        if (gwr_utf8_chars_max(p, len, 40) <= 40 && !gwr_find(p, len, "。") &&
            (gwr_has_prefix(p, len, "国务院") || gwr_has_prefix(p, len, "总理") || gwr_has_prefix(p, len, "副总理") ||
             gwr_has_prefix(p, len, "代总理") || gwr_has_prefix(p, len, "国务委员")))
            return true;
        if (!eol) break;
        p = eol + 1;
    }
    return false;
}

void gwr_meta_fill(gwr_doc *d)
{
    /* the entity, from the surest place that names it (see the header) */
    const char *e = NULL;
    gwr_from from = GWR_FROM_NONE;
    size_t open_n = d->has_text ? opening_len(d) : 0;
    const char *open_s = d->has_text ? d->text.norm : "";
    if (d->title && names_country(d->title)) e = "全国", from = GWR_FROM_TITLE;
    if (!e && d->title && (e = entity_from_title(d, d->title)) != NULL) from = GWR_FROM_TITLE;
    if (!e && d->meeting && names_country(d->meeting)) e = "全国", from = GWR_FROM_MEETING;
    if (!e && d->meeting && (e = entity_from_meeting(d, d->meeting)) != NULL) from = GWR_FROM_MEETING;
    if (!e && d->speaker && (e = entity_from_speaker(d, d->speaker)) != NULL) from = GWR_FROM_SPEAKER;
    if (!e && country_speaker(open_s, open_n)) e = "全国", from = GWR_FROM_SPEAKER;
    if (!e && (e = entity_from_statement(d, open_s, open_n)) != NULL) from = GWR_FROM_BODY;
    if (!e && d->title && (e = bare_name_from_title(d, d->title)) != NULL) from = GWR_FROM_TITLE;
    size_t first;
    if (!e && d->has_text && (e = entity_from_text(d, &first)) != NULL) {
        /* a name counted in the body only counts when the opening uses it too */
        size_t nl = strlen(e) - 3;   /* without the level character */
        char name[32];
        if (nl < sizeof name) {
            memcpy(name, e, nl);
            name[nl] = '\0';
        }
        if (nl < sizeof name && (first != SIZE_MAX ? first + nl <= open_n : gwr_find(open_s, open_n, name) != NULL)) from = GWR_FROM_BODY;
        else e = NULL;
    }
    if (!e) {
        e = entity_from_path(d);
        from = GWR_FROM_FILENAME;
    }
    d->entity = e && is_cjk(e, strlen(e)) ? canonical_entity(d, e) : e;
    if (!d->entity) d->entity = e ? e : "";
    d->entity_from = from;

    /* years: the title's own year and the meeting date are the surest word
     * on the report year (a meeting held in October–December is about the
     * next year, unless the title names the year); then the headings */
    int report = 0, reviewed = 0, plan_year = 0;
    gwr_from yfrom = GWR_FROM_NONE;
    int ty = 0, my = 0, mm = 0;
    if (d->title) ty = title_year(d->title);
    if (!ty && d->meeting) ty = title_year(d->meeting);
    if (d->meeting) meeting_date(d->meeting, &my, &mm);
    if (!my && d->title) meeting_date(d->title, &my, &mm);
    int meet_report = my ? (mm >= 10 ? my + 1 : my) : 0;
    if (ty && (!my || (ty >= my && ty <= my + 1))) report = ty, yfrom = GWR_FROM_TITLE;
    else if (meet_report) report = meet_report, yfrom = GWR_FROM_MEETING;
    for (size_t i = 1; i < d->nnodes; i++) {
        const gwr_node *nd = &d->nodes[i];
        if (!top_level(nd)) continue;
        size_t tl = strlen(nd->title);
        if (nd->role == GWR_ROLE_PLAN && !plan_year) plan_year = gwr_first_year(nd->title, tl, NULL);
    }
    if (!report && plan_year) report = plan_year, yfrom = GWR_FROM_HEADINGS;
    /* a part taken for the plan whose title names an earlier year reviews
     * that year ("2022年主要工作" in the 2023 report) */
    bool changed = false;
    for (size_t i = 1; report && i < d->nnodes; i++) {
        gwr_node *nd = &d->nodes[i];
        if (!top_level(nd) || nd->role != GWR_ROLE_PLAN || nd->kind == GWR_NODE_TARGETS) continue;
        int y = gwr_first_year(nd->title, strlen(nd->title), NULL);
        if (y && y < report) {
            nd->role = GWR_ROLE_REVIEW;
            changed = true;
        }
    }
    if (changed)
        for (size_t i = 1; i < d->nnodes; i++) {   /* pre-order: parents come first */
            gwr_node *nd = &d->nodes[i];
            if (top_level(nd) || nd->kind == GWR_NODE_TARGETS || nd->parent <= 0) continue;
            nd->role = d->nodes[nd->parent].role;
        }
    /* the reviewed year: the latest year before the report year that the
     * review part's title names ("1993年国内工作的回顾和1994年工作的基本方针") */
    for (size_t i = 1; i < d->nnodes && !reviewed; i++) {
        const gwr_node *nd = &d->nodes[i];
        if (top_level(nd) && nd->role == GWR_ROLE_REVIEW) reviewed = last_year_before(nd->title, strlen(nd->title), report);
    }
    if (!report && reviewed) report = reviewed + 1, yfrom = GWR_FROM_HEADINGS;
    if (!report) {
        for (size_t i = 1; i < d->nnodes && !report; i++)
            if (d->nodes[i].kind == GWR_NODE_TARGETS) report = gwr_first_year(d->nodes[i].title, strlen(d->nodes[i].title), NULL);
        if (report) yfrom = GWR_FROM_TARGETS;
    }
    if (!report && d->has_text) {
        const char *s = d->text.norm;
        size_t n = d->text.norm_len < 300000 ? d->text.norm_len : 300000;
        for (const char *p = s; p && p < s + n && !report;) {
            p = gwr_find(p, n - (size_t)(p - s), "今年是");
            if (!p) break;
            const char *eol = memchr(p, '\n', n - (size_t)(p - s));
            const char *stop = gwr_find(p, (size_t)((eol ? eol : s + n) - p), "。");
            size_t sl = (size_t)((stop ? stop : eol ? eol : s + n) - p);
            report = cn_congress_year(p, sl);
            p += 9;
        }
        if (report) yfrom = GWR_FROM_TEXT;
    }
    if (!report && (report = year_from_path(d->path ? d->path : "")) != 0) yfrom = GWR_FROM_FILENAME;
    if (!reviewed && report) reviewed = report - 1;
    d->report_year = report;
    d->reviewed_year = reviewed;
    d->years_from = yfrom;
}
