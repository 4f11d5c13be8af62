/* facts_names.c — building indicator names from the words of a clause:
 * lists that share a verb (城镇、农村…), short elements completed from a
 * complete one, the subject of a figure-less clause, verb-first items. */
#include "facts_internal.h"
#include "indicators.h"
#include <string.h>

static bool eq(fx_str s, const char *w) { return s.n == strlen(w) && memcmp(s.s, w, s.n) == 0; }

void fx_name_set(fx_name *d, fx_str a, fx_str b)
{
    size_t n = a.n + b.n;
    if (n >= FX_NAME_MAX) {
        /* cut, but never inside a UTF-8 sequence: back up while the first byte left out continues one */
        n = FX_NAME_MAX - 1;
        while (n > 0 && (((unsigned char)(n < a.n ? a.s[n] : b.s[n - a.n])) & 0xC0) == 0x80) n--;
    }
    size_t an = a.n < n ? a.n : n;
    if (an) memmove(d->buf, a.s, an);
    if (n > an) memmove(d->buf + an, b.s, n - an);
    d->buf[n] = '\0';
    d->s = d->buf;
    d->n = n;
}

/* Cuts a figure-less clause at its first verb: "粮食种植面积、总产量实现双增". */
fx_str fx_cut_at_pred(fx_str s)
{
    static const char *const w[] = { "实现", "分别", "均", "增长", "达到", "完成", "保持", "稳定", "同比", "双增", NULL };
    size_t best = s.n;
    for (const char *const *p = w; *p; p++) {
        size_t n = strlen(*p);
        /* the first place of the word before best: its first byte by memchr */
        for (const char *q = s.s, *end = s.s + best; q + n <= end; q++) {
            q = memchr(q, (*p)[0], (size_t)(end - q));
            if (!q || q + n > end) break;
            if (memcmp(q, *p, n) == 0) {
                best = (size_t)(q - s.s);
                break;
            }
        }
    }
    return fx_trim(fx_span(s.s, best));
}

/* Splits a name region into list parts at 、 (or 和 after a short first part). */
size_t fx_split_parts(fx_str s, fx_str *parts, size_t max)
{
    size_t np = 0, start = 0;
    for (size_t i = 0; i < s.n && np + 1 < max;) {
        const char *p = memchr(s.s + i, 0xE3, s.n - i);    /* the lead byte of 、 */
        if (!p) break;
        i = (size_t)(p - s.s);
        if (i + 3 <= s.n && memcmp(s.s + i, "、", 3) == 0) {
            parts[np++] = fx_trim(fx_span(s.s + start, i - start));
            i += 3;
            start = i;
        } else {
            i++;
        }
    }
    parts[np++] = fx_trim(fx_span(s.s + start, s.n - start));
    if (np == 1 && s.n >= 6) {
        /* 和 (E5 92 8C) starting at byte 3 to 9: the places of its first
         * byte, eight at a time where eleven bytes are there */
        size_t hi = s.n - 3 < 9 ? s.n - 3 : 9;
        uint64_t at = 0;
        if (s.n >= 11) {
            uint64_t x, lo7 = 0x7F7F7F7F7F7F7F7Full;
            memcpy(&x, s.s + 3, 8);
            x ^= 0xE5E5E5E5E5E5E5E5ull;
            at = ~(((x & lo7) + lo7) | x | lo7);            /* 0x80 in each byte that was E5 */
            at &= ~(uint64_t)0 >> (8 * (8 - (hi - 3 + 1)));   /* bytes 3 .. hi */
        } else {
            for (size_t i = 3; i <= hi; i++)
                if (s.s[i] == '\xE5') at |= (uint64_t)0x80 << (8 * (i - 3));
        }
        for (; at; at &= at - 1) {
            size_t i = 3 + (size_t)__builtin_ctzll(at) / 8;
            if (memcmp(s.s + i, "和", 3) == 0) {
                parts[0] = fx_trim(fx_span(s.s, i));
                parts[1] = fx_trim(fx_span(s.s + i + 3, s.n - i - 3));
                np = parts[1].n ? 2 : 1;
                break;
            }
        }
    }
    return np;
}

/* Head nouns a list may share: 新能源新材料、汽车智能装备、电子信息产业产值. */
static const char *head_of(fx_str s)
{
    static const char *const heads[] = {
        "产业产值", "产业增加值", "产值", "增加值", "营业收入", "收入", "总额", "投资", "产量",
        "规模", "面积", "人数", NULL,
    };
    for (const char *const *h = heads; *h; h++)
        if (fx_ends(s, *h) && s.n > strlen(*h)) return *h;
    return NULL;
}

/* Expands the parts of a list into complete names. */
size_t fx_complete_parts(fx_str *parts, size_t np, fx_name *out)
{
    const char *head = np > 1 ? head_of(parts[np - 1]) : NULL;
    for (size_t i = 0; i < np; i++) {
        fx_name *o = &out[i];
        if (i + 1 < np && head && !head_of(parts[i]) && fx_chars(parts[i]) > 3) {
            fx_name_set(o, parts[i], fx_span(head, strlen(head)));
            continue;
        }
        o->s = o->buf;
        if (i + 1 < np && (o->n = fx_complete_suffix(parts[i], parts[np - 1], o->buf, sizeof o->buf)) > 0)
            continue;
        if (i > 0 && (o->n = fx_complete_prefix(parts[i], parts[0], o->buf, sizeof o->buf)) > 0)
            continue;
        fx_name_set(o, parts[i], fx_span("", 0));
    }
    return np;
}

/* 城乡居民可支配收入增长18%: both halves are indicators of their own. */
bool fx_both_keyed(fx_str name)
{
    fx_name a, b;
    fx_str rest = fx_span(name.s + 6, name.n - 6);
    fx_name_set(&a, fx_span("城镇", 6), rest);
    fx_name_set(&b, fx_span("农村", 6), rest);
    return gwr_indicator_match(a.s, a.n) && gwr_indicator_match(b.s, b.n);
}

bool fx_attribute_word(fx_str n)
{
    return eq(n, "增幅") || eq(n, "增速") || eq(n, "涨幅") || eq(n, "总量") || eq(n, "规模") ||
           eq(n, "排名") || eq(n, "位次") || eq(n, "降幅");
}

/* The subject without a trailing action word: 亿元以上产业项目新签约 → 亿元以上产业项目. */
fx_str fx_topic_of(fx_str s)
{
    static const char *const acts[] = { "新签约", "新开工", "签约", "开工", "竣工", "投产", "建成", NULL };
    for (const char *const *a = acts; *a; a++)
        if (fx_ends(s, *a) && s.n > strlen(*a)) return fx_span(s.s, s.n - strlen(*a));
    return s;
}
