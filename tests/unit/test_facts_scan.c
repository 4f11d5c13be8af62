/* test_facts_scan.c — the scans that figure extraction runs once per
 * sentence (the word set, sentence ends, clause separators, a character's
 * presence) against the plain searches they replace, on hand-picked
 * sentences and on many random strings built from the same pieces
 * (including broken UTF-8). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "facts_internal.h"
#include "indicators.h"

static bool bit(const uint64_t *m, int id) { return (m[id >> 6] >> (id & 63)) & 1; }

static size_t naive_end(const char *s, size_t i, size_t n)
{
    for (; i < n; i++) {
        if (s[i] == '\n' || s[i] == '!' || s[i] == '?') return i;
        if (i + 3 <= n && (!memcmp(s + i, "。", 3) || !memcmp(s + i, "！", 3) || !memcmp(s + i, "？", 3))) return i;
    }
    return n;
}

static size_t naive_sep(const char *s, size_t i, size_t n)
{
    for (; i < n; i++) {
        if (s[i] == ',' || s[i] == ';' || s[i] == ':') return i;
        if (i + 3 <= n && (!memcmp(s + i, "，", 3) || !memcmp(s + i, "；", 3) || !memcmp(s + i, "：", 3))) return i;
    }
    return n;
}

/* Every word: in[] exactly as a search of inner, any[] exactly as a search
 * of full; every 年 of full noted when nian_all says so. */
static void check_words(fx_str full, fx_str inner)
{
    fx_words w;
    fx_words_scan(&w, full, inner);
    for (int id = 0; id < FXW_COUNT; id++) {
        assert_int_equal(bit(w.in, id), fx_contains(inner, fx_word_text[id]));
        assert_int_equal(bit(w.any, id), fx_contains(full, fx_word_text[id]));
        assert_int_equal(fx_has(&w, id), fx_contains(inner, fx_word_text[id]));
    }
    if (w.nian_all) {
        uint32_t k = 0;
        for (size_t i = 0; i + 3 <= full.n; i++)
            if (memcmp(full.s + i, "年", 3) == 0) {
                assert_true(k < w.nnian);
                assert_int_equal(w.nian[k], i);
                k++;
            }
        assert_int_equal(k, w.nnian);
    }
    /* the clause separators the scan marked: every place the plain search stops at */
    if (w.seps_all)
        for (size_t i = 0; i <= full.n; i++) assert_int_equal(fx_next_mark(w.seps, i, full.n), naive_sep(full.s, i, full.n));
    /* the characters of a paragraph's opening, each as its own search says */
    static const char *const openers[FX_NOPENERS] = { "五", "纲", "计", "目", "今", "本", "年" };
    unsigned m = fx_opener_chars(full);
    for (unsigned j = 0; j < FX_NOPENERS; j++) assert_int_equal((m >> j) & 1, fx_contains(full, openers[j]));
    assert_int_equal(m >> FX_NOPENERS, 0);
}

static void test_words_in_sentences(void **state)
{
    (void)state;
    static const char *const sents[] = {
        "今年以来，全市地区生产总值增长7.5%。",
        "“十四五”时期经济社会发展的主要目标是：国内生产总值年均增长6%左右。",
        "过去五年，城镇新增就业累计达到1.2万人（比上年增加3%）",
        "2001年国内生产总值达到95933亿元，比2000年增长7.3%。",
        "一九九○年国民生产总值，纲要（草案）提出。",
        "今年1-9月",
        "年",
        "",
    };
    for (size_t i = 0; i < sizeof sents / sizeof sents[0]; i++) {
        fx_str full = fx_span(sents[i], strlen(sents[i]));
        check_words(full, fx_trim(full));
        check_words(full, full);
    }
    /* a word in the part trimmed away is in the sentence, not in its trimmed span */
    const char *s = "今年，增长5%";
    fx_words w;
    fx_words_scan(&w, fx_span(s, strlen(s)), fx_span(s + 9, strlen(s) - 9));
    assert_false(fx_has(&w, FXW_JINNIAN));
    assert_true(fx_part_has(&w, fx_span(s, 6), FXW_JINNIAN));
    assert_false(fx_part_has(&w, fx_span(s + 9, 6), FXW_JINNIAN));
}

/* Random strings from pieces of the words, the stops and broken sequences. */

/* Up to parts pieces drawn with seed, joined into buf (cap bytes); the length. */
static size_t random_text(const char *const *pieces, size_t np, size_t parts, unsigned *seed, char *buf, size_t cap)
{
    size_t n = 0;
    for (size_t k = 0; k < parts; k++) {
        *seed = *seed * 1103515245u + 12345u;
        const char *p = pieces[(*seed >> 16) % np];
        size_t pn = strlen(p);
        if (n + pn >= cap) break;
        memcpy(buf + n, p, pn);
        n += pn;
    }
    return n;
}
static void test_random_against_plain_search(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "今", "年", "以来", "五", "”", "时期", "目标", "是", "为", "全国", "平均", "）", ")", "由", "比上年",
        "。", "！", "？", "，", "；", "：", ",", ";", ":", "!", "?", "\n", "1", "9", "a", " ",
        "\xE3\x80", "\xEF\xBC", "\xEF\xBC\x8D", "\xE5\xB9", "\xB4", "\x80", "\xE5", "\xF0\x9F\x98\x80",
        "累计", "五年", "规划纲要", "纲要（草案）", "已经实现", "增产", "业", "工", "场", "推", "计划", "本年", "位", "境",
    };
    const size_t np = sizeof pieces / sizeof pieces[0];
    unsigned seed = 12345;
    char buf[256];
    for (int round = 0; round < 4000; round++) {
        size_t n = random_text(pieces, np, (size_t)(round % 40), &seed, buf, sizeof buf);
        fx_str full = fx_span(buf, n);
        size_t a = n ? (seed >> 8) % (n + 1) : 0, b = a + (n - a) / 2;
        check_words(full, fx_span(buf + a, b - a));
        for (size_t from = 0; from <= n; from += 1 + from / 4) {
            assert_int_equal(fx_next_sentence_end(buf, from, n), naive_end(buf, from, n));
            assert_int_equal(fx_next_clause_sep(buf, from, n), naive_sep(buf, from, n));
            /* a clause of a longer text: what follows its end is readable, never found */
            for (size_t end = from; end <= n; end += 1 + (n - end) / 3)
                assert_int_equal(fx_next_clause_sep_in(buf, from, end, n), naive_sep(buf, from, end));
        }
        assert_int_equal(fx_has_char3(full, "年"), fx_contains(full, "年"));
        /* a sentence of a longer text, scanned where what follows it may be
         * read (a character its end cuts included): as the sentence alone */
        for (size_t end = 0; end <= n; end += 1 + (n - end) / 7) {
            fx_words w1, w2;
            size_t ia = a < end ? a : end, ib = b < end ? b : end;
            fx_words_scan_in(&w1, fx_span(buf, end), fx_span(buf + ia, ib - ia), n);
            fx_words_scan(&w2, fx_span(buf, end), fx_span(buf + ia, ib - ia));
            assert_memory_equal(w1.in, w2.in, sizeof w1.in);
            assert_memory_equal(w1.any, w2.any, sizeof w1.any);
            assert_int_equal(w1.nian_all, w2.nian_all);
            assert_int_equal(w1.nnian, w2.nnian);
            assert_memory_equal(w1.nian, w2.nian, w1.nnian * sizeof w1.nian[0]);
            assert_int_equal(w1.seps_all, w2.seps_all);
            if (w1.seps_all) assert_memory_equal(w1.seps, w2.seps, (end + 31) / 32 * sizeof w1.seps[0]);
            check_words(fx_span(buf, end), fx_span(buf + ia, ib - ia));
        }
        /* the search every plain test above relies on, against a byte-by-byte one */
        for (size_t k = 0; k < np; k++) {
            size_t pn = strlen(pieces[k]);
            bool want = false;
            for (size_t i = 0; i + pn <= n && !want; i++) want = memcmp(buf + i, pieces[k], pn) == 0;
            assert_int_equal(fx_contains(full, pieces[k]), want || pn == 0);
        }
        /* the separators of a clause of a longer text, marked in one pass */
        for (size_t end = 0; end <= n; end += 1 + (n - end) / 5) {
            uint32_t sm[256 / 32 + 1];
            fx_clause_sep_marks(buf, end, n, sm);
            for (size_t from = 0; from <= end; from++) assert_int_equal(fx_next_mark(sm, from, end), naive_sep(buf, from, end));
        }
        /* the marks of a whole text: every stop of the plain search, nothing else */
        uint32_t marks[256 / 32 + 1];
        fx_sentence_end_marks(buf, n, marks);
        for (size_t from = 0; from <= n; from++) assert_int_equal(fx_next_mark(marks, from, n), naive_end(buf, from, n));
        assert_int_equal(fx_has_char3(fx_span(buf + a, b - a), "年"), fx_contains(fx_span(buf + a, b - a), "年"));
    }
}

static void test_long_sentence_ends(void **state)
{
    (void)state;
    /* stops on either side of the sixteen-byte blocks */
    char buf[200];
    for (size_t at = 0; at + 3 <= sizeof buf; at++) {
        memset(buf, 'x', sizeof buf);
        memcpy(buf + at, "。", 3);
        assert_int_equal(fx_next_sentence_end(buf, 0, sizeof buf), at);
        assert_int_equal(fx_next_clause_sep(buf, 0, sizeof buf), sizeof buf);
        memcpy(buf + at, "：", 3);
        assert_int_equal(fx_next_clause_sep(buf, 0, sizeof buf), at);
        assert_int_equal(fx_next_sentence_end(buf, 0, sizeof buf), sizeof buf);
    }
}

/* The same scans with the AVX2 paths turned off: the SSE2 (or plain) loops. */
static void test_trim_chars_years_random(void **state);

static void test_without_avx2(void **state)
{
    fx_simd_set(0);
    assert_false(fx_simd_avx2());
    test_random_against_plain_search(state);
    test_long_sentence_ends(state);
    test_trim_chars_years_random(state);
    fx_simd_set(1);
}

/* Stops on either side of the 32-byte blocks, far from the start. */
static void test_stops_across_blocks(void **state)
{
    (void)state;
    char buf[300];
    for (size_t at = 0; at + 3 <= sizeof buf; at++)
        for (size_t from = 0; from <= at && from < 70; from += 7) {
            memset(buf, 'x', sizeof buf);
            memcpy(buf + at, "？", 3);
            assert_int_equal(fx_next_sentence_end(buf, from, sizeof buf), at);
            memcpy(buf + at, "；", 3);
            assert_int_equal(fx_next_clause_sep(buf, from, sizeof buf), at);
            buf[at] = '\n';
            assert_int_equal(fx_next_sentence_end(buf, from, sizeof buf), at);
        }
    /* each character a paragraph's opening is told by, at every place among
     * characters that share its second or third byte (位 B4, 境 A2, 纳 BA …),
     * and cut by the end of the text */
    static const char *const openers[FX_NOPENERS] = { "五", "纲", "计", "目", "今", "本", "年" };
    static const char *const fillers[] = { "x", "位", "纳", "境", "岁", "\xE6\xB9\xB4" };
    for (size_t j = 0; j < FX_NOPENERS; j++)
        for (size_t f = 0; f < sizeof fillers / sizeof fillers[0]; f++)
            for (size_t at = 0; at + 3 <= 120; at++) {
                size_t n = 0, fl = strlen(fillers[f]);
                while (n + fl <= at) {
                    memcpy(buf + n, fillers[f], fl);
                    n += fl;
                }
                memset(buf + n, 'x', at - n);
                memcpy(buf + at, openers[j], 3);
                assert_int_equal(fx_opener_chars(fx_span(buf, at + 3)), 1u << j);
                assert_int_equal(fx_opener_chars(fx_span(buf, at + 2)), 0);
            }
}

/* The punctuation fx_trim drops, as a list. */
static bool listed_punct(const unsigned char *u, size_t n, size_t *len)
{
    static const char *const marks[] = { "，", "。", "、", "；", "：", "！", "？", "“", "”", "‘", "’", "《", "》",
                                         "—", "…", "　", "「", "」", "【", "】", "〔", "〕" };
    if (n == 0) return false;
    if (u[0] < 0x80) {
        *len = 1;
        return strchr(" ,;:\"'-.!?/\t*", u[0]) != NULL && u[0] != 0;
    }
    if (n >= 2 && u[0] == 0xC2 && u[1] == 0xB7) {
        *len = 2;
        return true;
    }
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
        if (n >= 3 && memcmp(u, marks[k], 3) == 0) {
            *len = 3;
            return true;
        }
    return false;
}

static void test_punct_every_sequence(void **state)
{
    (void)state;
    unsigned char u[3];
    for (unsigned c = 0; c < 256; c++)
        for (unsigned d = 0; d < 256; d++) {
            unsigned last = c >= 0xE0 ? 256 : 1;       /* the third byte matters only after a lead of three */
            for (unsigned e = 0; e < last; e++) {
                u[0] = (unsigned char)c, u[1] = (unsigned char)d, u[2] = (unsigned char)e;
                size_t l1 = 0, l2 = 0;
                bool a = fx_is_punct_at((const char *)u, 3, &l1), b = listed_punct(u, 3, &l2);
                assert_int_equal(a, b);
                if (a) assert_int_equal(l1, l2);
            }
        }
}

/* fx_trim as written first: punctuation off the front, then off the back
 * one character (a lead byte and its continuations) at a time. */
static fx_str plain_trim(fx_str s)
{
    size_t cl;
    while (s.n && listed_punct((const unsigned char *)s.s, s.n, &cl)) { s.s += cl; s.n -= cl; }
    while (s.n) {
        size_t k = 1;
        while (k < s.n && ((unsigned char)s.s[s.n - k] & 0xC0) == 0x80) k++;
        if (!listed_punct((const unsigned char *)s.s + s.n - k, k, &cl)) break;
        s.n -= k;
    }
    return s;
}

static size_t plain_chars(fx_str s)
{
    size_t c = 0;
    for (size_t i = 0; i < s.n; i++)
        if (((unsigned char)s.s[i] & 0xC0) != 0x80) c++;
    return c;
}

static bool plain_has_year(fx_str s)
{
    size_t k;
    for (size_t i = 0; i < s.n; i++)
        if (fx_year_at(fx_span(s.s + i, s.n - i), &k)) return true;
    return false;
}

/* Trim, character counts and the year test against their plain forms, on
 * random strings of CJK words, punctuation, digits, years and broken bytes. */
static void test_trim_chars_years_random(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "增长", "年", "2023", "2023年", "一九九○年", "二〇二三年", "1", "。", "，", "、", "“", "”", "—", "…", "　",
        "·", " ", ",", ".", "!", "*", "a", "（", "）", "\xE3\x80", "\xEF\xBC", "\x80", "\xE5", "\xB4", "\xF0\x9F\x98\x80",
        "〔", "【", "1949年", "2101年", "九", "〇", "\xE2\x80", "\xC2\xB7", "\xC2",
    };
    const size_t np = sizeof pieces / sizeof pieces[0];
    unsigned seed = 777;
    char buf[200];
    for (int round = 0; round < 20000; round++) {
        size_t n = random_text(pieces, np, (size_t)(round % 30), &seed, buf, sizeof buf);
        fx_str s = fx_span(buf, n);
        fx_str t = fx_trim(s), r = plain_trim(s);
        assert_ptr_equal(t.s, r.s);
        assert_int_equal(t.n, r.n);
        size_t c = plain_chars(s);
        for (size_t cap = 0; cap < 5; cap++) {
            size_t u = fx_chars_upto(s, cap);
            assert_int_equal(u <= cap, c <= cap);
            if (c <= cap) assert_int_equal(u, c);
        }
        assert_int_equal(fx_has_year(s), plain_has_year(s));
    }
}

/* The search that starts from the last answer against a plain one. */
static void test_last_at_or_before(void **state)
{
    (void)state;
    uint32_t a[300];
    unsigned seed = 99;
    for (int round = 0; round < 300; round++) {
        size_t n = (size_t)round % 300;
        uint32_t v = (uint32_t)(round % 3);                /* a[0] is 0, 1 or 2 */
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            v += (seed >> 16) % 4;                          /* ascending, with repeats */
            a[i] = v;
        }
        size_t from = 0;
        for (size_t k = 0; k < (size_t)v + 3; k += 1 + (size_t)(round % 3)) {
            size_t want = 0;
            for (size_t i = 0; i < n; i++)
                if (a[i] <= k) want = i;
            size_t got = fx_last_at_or_before(a, n, from, k);
            assert_int_equal(got, want);
            seed = seed * 1103515245u + 12345u;
            from = (seed >> 16) % 4 == 0 ? (seed >> 8) % (n + 2) : got;   /* now and then from anywhere */
        }
    }
}

/* The subject of a segment is the same whether worked out or remembered:
 * the same segment at another place, with and without the sentence's
 * words, gives the same name and predicate (as offsets into it). */
static void same_pred(const fx_pred *a, const char *abase, const fx_pred *b, const char *bbase)
{
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->compare, b->compare);
    assert_int_equal(a->share, b->share);
    assert_int_equal(a->annual, b->annual);
    assert_int_equal(a->verb_only, b->verb_only);
    assert_int_equal(a->has_period, b->has_period);
    if (a->has_period) assert_int_equal(a->period, b->period);
    assert_int_equal(a->verb.n, b->verb.n);
    assert_int_equal(a->verb.s == NULL, b->verb.s == NULL);
    if (a->verb.s) assert_int_equal(a->verb.s - abase, b->verb.s - bbase);
}

static void test_subject_remembered(void **state)
{
    (void)state;
    static const char *const segs[] = {
        "，比上年增长", "全市地区生产总值同比增长", "城镇、农村居民人均可支配收入分别增长", "完成", "新签约",
        "今年经济增长预期目标为", "粮食总产量在上年大幅度增长的基础上", "到2030年城镇化率达到", "（按可比价计算）增长",
        "高于全省", "比全省高", "一季度规模以上工业增加值", "1-11月", "连续三年", "经济", "和", "",
        "城乡居民人均可支配收入分别增长了很多很多很多很多很多很多很多很多很多很多很多的",
        "粮食种植面积、总产量", "城镇和农村居民收入", "新签约", "增幅", "总产量", "亿元以上产业项目新开工",
    };
    char a[256], b[300];
    for (int round = 0; round < 3; round++)
        for (size_t i = 0; i < sizeof segs / sizeof segs[0]; i++) {
            size_t n = strlen(segs[i]);
            memcpy(a, segs[i], n);
            memcpy(b + 7 + (size_t)round, segs[i], n);
            char *bs = b + 7 + round;
            fx_words kw;
            fx_words_scan(&kw, fx_span(a, n), fx_span(a, n));
            fx_pred pa, pb, pc;
            fx_str na = fx_subject(fx_span(a, n), &kw, &pa);
            fx_str nb = fx_subject(fx_span(bs, n), NULL, &pb);
            fx_str nc = fx_subject(fx_span(a, n), &kw, &pc);
            assert_int_equal(na.n, nb.n);
            assert_int_equal(na.s - a, nb.s - bs);
            assert_int_equal(na.n, nc.n);
            assert_ptr_equal(na.s, nc.s);
            same_pred(&pa, a, &pb, bs);
            same_pred(&pa, a, &pc, a);
            /* the facts of the name, worked out or remembered, are those of
             * the functions they stand for */
            for (int k = 0; k < 2; k++) {
                fx_name_facts nf;
                fx_pred pf;
                char *base = k ? bs : a;
                fx_str nm = fx_subject_facts(fx_span(base, n), k ? NULL : &kw, &pf, &nf);
                fx_str parts[FX_PARTS_MAX];
                size_t np = fx_split_parts(nm, parts, FX_PARTS_MAX);
                assert_int_equal(nf.np, np);
                for (size_t j = 0; j < np; j++) {
                    assert_ptr_equal(nf.parts[j].s, parts[j].s);
                    assert_int_equal(nf.parts[j].n, parts[j].n);
                }
                assert_int_equal(nf.action, fx_action_only(nm));
                assert_int_equal(nf.attribute, fx_attribute_word(nm));
                assert_int_equal(nf.measure, fx_measure_word(nm));
                assert_int_equal(nf.short_verb, nm.n && fx_chars_upto(nm, 2) <= 2 && !gwr_indicator_match(nm.s, nm.n));
            }
        }
    /* two segments alike but for one byte are told apart */
    fx_pred p1, p2;
    const char *s1 = "地区生产总值增长", *s2 = "地区生产总值下降";
    fx_subject(fx_span(s1, strlen(s1)), NULL, &p1);
    fx_subject(fx_span(s2, strlen(s2)), NULL, &p2);
    assert_int_equal(p1.kind, GWR_FK_GROWTH);
    assert_int_equal(p2.kind, GWR_FK_DECLINE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_in_sentences),
        cmocka_unit_test(test_random_against_plain_search),
        cmocka_unit_test(test_long_sentence_ends),
        cmocka_unit_test(test_without_avx2),
        cmocka_unit_test(test_stops_across_blocks),
        cmocka_unit_test(test_punct_every_sequence),
        cmocka_unit_test(test_trim_chars_years_random),
        cmocka_unit_test(test_last_at_or_before),
        cmocka_unit_test(test_subject_remembered),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
