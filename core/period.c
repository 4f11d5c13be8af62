/* period.c — the mark of a figure's period (see period.h). The period kind
 * comes from figure extraction; this only names it: the period words nearest
 * before the figure's value in its sentence say which quarter, which months
 * or how many years. */
#include "period.h"
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* A Chinese digit (一 … 九, 两) at s: its value, else -1. */
static int digit_at(const char *s, size_t n)
{
    static const char *const digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
    if (n < 3) return -1;
    if (memcmp(s, "两", 3) == 0) return 2;
    for (int k = 1; k < 10; k++)
        if (memcmp(s, digits[k], 3) == 0) return k;
    return -1;
}

/* ASCII digits, or a Chinese numeral up to 九十九 (五, 十, 十五, 四十, 四十二),
 * at s: its value, *len the bytes it takes (0 when none). */
static int number_at(const char *s, size_t n, size_t *len)
{
    int v = 0;
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9' && v < 1000) v = v * 10 + (s[i++] - '0');
    if (i) {
        *len = i;
        return v;
    }
    int d1 = digit_at(s, n), d2 = -1;
    if (d1 > 0) i += 3;
    bool ten = i + 3 <= n && memcmp(s + i, "十", 3) == 0;
    if (ten) {
        i += 3;
        d2 = digit_at(s + i, n - i);
        if (d2 > 0) i += 3;
    }
    *len = i;
    if (ten) return (d1 > 0 ? d1 : 1) * 10 + (d2 > 0 ? d2 : 0);
    return d1 > 0 ? d1 : 0;
}

/* The start of the last occurrence of w in s[0, n), or NULL. */
static const char *last_of(const char *s, size_t n, const char *w)
{
    size_t wn = strlen(w);
    for (size_t i = n >= wn ? n - wn + 1 : 0; i-- > 0;)
        if (memcmp(s + i, w, wn) == 0) return s + i;
    return NULL;
}

/* The number of years written just before "年来", "年间", "年累计" … or just
 * after "过去", "近": the span of a multi-year figure. */
static int years_in(const char *s, size_t n)
{
    static const char *const after[] = { "年来", "年间", "年累计", "年以来", "年中", NULL };
    static const char *const before[] = { "过去", "近", "最近", "这", NULL };
    int best = 0;
    const char *best_at = NULL;
    for (size_t i = 0; i < n; i++) {
        size_t len = 0;
        int v = number_at(s + i, n - i, &len);
        if (!len || v <= 0) continue;
        const char *e = s + i + len;
        size_t rest = n - i - len;
        bool ok = false;
        for (const char *const *a = after; *a && !ok; a++)
            ok = rest >= strlen(*a) && memcmp(e, *a, strlen(*a)) == 0;
        if (!ok && rest >= 3 && memcmp(e, "年", 3) == 0)
            for (const char *const *b = before; *b && !ok; b++) {
                size_t bn = strlen(*b);
                ok = i >= bn && memcmp(s + i - bn, *b, bn) == 0;
            }
        if (ok && (!best_at || s + i > best_at)) {
            best = v;
            best_at = s + i;
        }
        i += len - 1;
    }
    return best;
}

size_t gwr_period_mark(const gwr_doc *d, const gwr_figure *f, char *buf, size_t n)
{
    if (!n) return 0;
    buf[0] = '\0';
    if (!f || f->period == GWR_PER_YEAR) return 0;
    const char *s = gwr_fig_sentence(d, f) ? gwr_fig_sentence(d, f) : "";
    size_t len = strlen(s);
    const char *v = f->written && *f->written ? strstr(s, f->written) : NULL;
    if (v) len = (size_t)(v - s);          /* only the words before the value */
    int k = 0;
    switch (f->period) {
    case GWR_PER_QUARTER: {
        static const struct { const char *w, *mark; } q[] = {
            { "一季度", "Q1" }, { "二季度", "Q2" }, { "三季度", "Q3" }, { "四季度", "Q4" },
            { "上半年", "H1" }, { "下半年", "H2" },
        };
        const char *at = NULL, *mark = "qtr";
        for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
            const char *p = last_of(s, len, q[i].w);
            if (p && (!at || p > at)) {
                at = p;
                /* 前三季度: the first three quarters, cumulative */
                mark = i == 2 && p >= s + 3 && memcmp(p - 3, "前", 3) == 0 ? "Q1-3" : q[i].mark;
            }
        }
        k = snprintf(buf, n, "%s", mark);
        break;
    }
    case GWR_PER_MONTH: {
        const char *m = last_of(s, len, "月");
        size_t i = m ? (size_t)(m - s) : 0;
        size_t e = i;
        while (i > 0 && ((s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '-')) i--;
        if (m && e > i && s[i] != '-') k = snprintf(buf, n, "M%.*s", (int)(e - i), s + i);
        else k = snprintf(buf, n, "month");
        break;
    }
    case GWR_PER_MULTIYEAR: {
        int y = years_in(s, len);
        if (!y && (last_of(s, len, "十四五") || last_of(s, len, "十三五") || last_of(s, len, "十二五") ||
                   last_of(s, len, "十一五") || last_of(s, len, "五年")))
            y = 5;
        if (y) k = snprintf(buf, n, "%dy", y);
        else k = snprintf(buf, n, last_of(s, len, "年均") ? "avg" : "yrs");
        break;
    }
    default: break;
    }
    return k > 0 ? ((size_t)k < n ? (size_t)k : n - 1) : 0;
}
