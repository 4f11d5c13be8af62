/* quantity_unit.c — the units, measure words and qualifier words written
 * around a number in the reports. Tables are data; matching folds full-width
 * forms, so ％ matches "%" and ／ matches "/". */
#include "quantity_int.h"
#include "unit.h"
#include <pthread.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Longest match wins, so "个百分点" beats "个" and "平方公里" beats "公里".
 * notnext: a following character from this set makes the unit part of a
 * word (个体, 方面, 项目, 国家 …), so the unit is not taken. */
/* base_len: the length of base, counted by the compiler */
#define U(text, base, notnext, flags) { text, base, notnext, flags, sizeof base - 1 }
static const qz_unit units[] = {
    U("%", "%", NULL, 0),
    U("‰", "‰", NULL, 0),
    U("‱", "‱", NULL, 0),
    U("个百分点", "个百分点", NULL, 0),
    U("百分点", "个百分点", NULL, 0),
    U("个点", "个百分点", "位", 0),
    U("倍", "倍", NULL, 0),
    U("元", "元", "素旦首宵", 0),
    U("美元", "美元", NULL, 0),
    U("欧元", "欧元", NULL, 0),
    U("港元", "港元", NULL, 0),
    U("日元", "日元", NULL, 0),
    U("英镑", "英镑", NULL, 0),
    U("人次", "人次", NULL, 0),
    U("人", "人", "民", 0),
    U("户", "户", "籍外口型", 0),
    U("家", "家", "庭具电政园乡居族用", 0),
    U("个月", "个月", NULL, QZ_U_TIME),
    U("个工作日", "个工作日", NULL, 0),
    U("个", "个", "体性税案别", 0),
    U("项", "项", "目规", 0),
    U("所", "所", "有在属得以", 0),
    U("座", "座", "谈", 0),
    U("套", "套", "餐", 0),
    U("亩", "亩", NULL, 0),
    U("公顷", "公顷", NULL, 0),
    U("斤", "斤", NULL, 0),
    U("公斤", "公斤", NULL, 0),
    U("千克", "千克", NULL, 0),
    U("克", "克", "服", 0),
    U("吨标准煤", "吨标准煤", NULL, 0),
    U("吨", "吨", NULL, 0),
    U("蒸吨", "蒸吨", NULL, 0),
    U("公里", "公里", NULL, 0),
    U("千米", "千米", NULL, 0),
    U("米", "米", "粮", 0),
    U("平方公里", "平方公里", NULL, 0),
    U("平方千米", "平方千米", NULL, 0),
    U("平方米", "平方米", NULL, 0),
    U("立方米", "立方米", NULL, 0),
    U("方", "方", "面式案向法针位便言略阵舱志正", 0),
    U("头", "头", "部号条脑", 0),
    U("辆", "辆", NULL, 0),
    U("件", "件", "事", 0),
    U("列", "列", "入为出", 0),
    U("场次", "场次", NULL, 0),
    U("场", "场", "景所馆地址域", 0),
    U("株", "株", NULL, 0),
    U("间", "间", "接隔距", 0),
    U("千瓦时", "千瓦时", NULL, 0),
    U("千瓦", "千瓦", NULL, 0),
    U("兆瓦", "兆瓦", NULL, 0),
    U("千伏", "千伏", NULL, 0),
    U("微克/立方米", "微克/立方米", NULL, 0),
    U("毫克/立方米", "毫克/立方米", NULL, 0),
    U("条", "条", "件例款", 0),
    U("台", "台", "账阶", 0),
    U("只", "只", "有是能要", 0),
    U("名", "名", "单称牌片", QZ_U_RANK),
    U("位", "位", "于置居列一数", QZ_U_RANK),
    U("处", "处", "理置于", 0),
    U("栋", "栋", NULL, 0),
    U("幢", "幢", NULL, 0),
    U("张", "张", NULL, 0),
    U("床", "床", NULL, 0),
    U("艘", "艘", NULL, 0),
    U("架次", "架次", NULL, 0),
    U("架", "架", "构", 0),
    U("批次", "批次", NULL, 0),
    U("批", "批", "准复", 0),
    U("次", "次", "产序会全党", 0),
    U("种", "种", "植子养", 0),
    U("类", "类", "型", 0),
    U("支", "支", "持出付撑柱", 0),
    U("笔", "笔", NULL, 0),
    U("单", "单", "位元独一据项体列纯调品", 0),
    U("宗", "宗", "旨教", 0),
    U("标箱", "标箱", NULL, 0),
    U("岁", "岁", NULL, 0),
    U("天", "天", "然津地", QZ_U_TIME),
    U("小时", "小时", NULL, 0),
    U("分钟", "分钟", NULL, 0),
    U("周年", "周年", NULL, QZ_U_NAME),
    U("周", "周", "边末转期", QZ_U_TIME),
    U("年", "年", "级轻行攻计规", QZ_U_YEAR | QZ_U_TIME),
    U("月", "月", NULL, QZ_U_DATE),
    U("日", "日", NULL, QZ_U_DATE),
    U("号", "号", NULL, QZ_U_DATE),
    U("时", "时", "代期间", QZ_U_DATE),
};
#undef U

const qz_unit *const qz_unit_percent = &units[0];

static size_t match_lit_n(const char *s, size_t len, size_t i, const char *lit, size_t ll)
{
    size_t p = 0;
    /* Fast path: the bytes are equal (normalised text). Otherwise compare
     * folded characters from the first difference on (full-width ％ for %,
     * 個 for 个, 點 for 点). */
    while (p < ll && i + p < len && s[i + p] == lit[p]) p++;
    if (p == ll) return i + ll;
    while (p > 0 && ((unsigned char)lit[p] & 0xC0) == 0x80) p--;   /* back to a character start */
    size_t j = p;
    i += p;
    while (j < ll) {
        if (i >= len) return 0;
        size_t a, b;
        if (qz_cp(s, len, i, &a) != qz_cp(lit, ll, j, &b)) return 0;
        i += a;
        j += b;
    }
    return i;
}

size_t qz_match_lit(const char *s, size_t len, size_t i, const char *lit)
{
    return match_lit_n(s, len, i, lit, strlen(lit));
}

/* ---- indexes, built once ----------------------------------------------------
 * Units by their first character, prefix words by their last, in table
 * order within a bucket: a lookup decodes one character and compares only
 * the words that can match there. */
#define NUNITS (sizeof units / sizeof units[0])
#define QZ_HB 128
static inline unsigned bucket(uint32_t c) { return (c ^ (c >> 7) ^ (c >> 13)) & (QZ_HB - 1); }

static uint8_t  unit_ncp[NUNITS];
/* Units grouped by their first character, longest first (table order
 * among equals): the first that matches and is not part of a word is the
 * longest match. A group is found by an open-addressed hash of the first
 * character (every first character has a slot: unit_first_bits says which). */
#define QZ_UF_SLOTS 256
static uint16_t uf_key[QZ_UF_SLOTS];
static uint8_t  uf_start[QZ_UF_SLOTS], uf_count[QZ_UF_SLOTS], uf_units[NUNITS];
static uint8_t  uf_nmulti[QZ_UF_SLOTS];           /* units of two or more characters, first in the group */
static uint64_t uf_second[QZ_UF_SLOTS];           /* their second characters, by the low six bits */
static uint64_t unit_nn_bloom[NUNITS];            /* notnext characters by their low six bits */
static inline unsigned uf_slot(uint32_t c) { return (c * 0x9E3779B1u) >> 24; }
#define QZ_UNIT_CPS 8
static uint32_t unit_cps[NUNITS][QZ_UNIT_CPS];   /* the unit's characters, folded as qz_cp folds */
static uint32_t unit_first[NUNITS];
uint64_t qz_unit_first_bits[65536 / 64];          /* first characters of the units */
#define QZ_NOTNEXT_MAX 24
static uint32_t unit_notnext[NUNITS][QZ_NOTNEXT_MAX];   /* notnext as code points, 0-terminated */
uint64_t qz_numeral_bits[65536 / 64];
uint8_t qz_cand3[1u << 14];
uint8_t qz_nib[6][16];
bool qz_wide;
uint64_t qz_follow_bits[65536 / 64];
uint16_t qz_unit_ids[NUNITS];                     /* gwr_unit_id of each base */
char qz_unit_pad[NUNITS][sizeof ((gwr_quantity *)0)->unit];
const qz_unit *const qz_unit_tab = units;
static void build_prefix_index(void);
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
    for (size_t u = 0; u < NUNITS; u++) {
        qz_unit_ids[u] = gwr_unit_id(units[u].base);
        size_t l = units[u].base_len < sizeof qz_unit_pad[u] ? units[u].base_len : sizeof qz_unit_pad[u] - 1;
        memcpy(qz_unit_pad[u], units[u].base, l);
    }
    for (size_t u = NUNITS; u-- > 0;) {
        size_t k, l = strlen(units[u].text);
        for (size_t j = 0; j < l && unit_ncp[u] < QZ_UNIT_CPS; unit_ncp[u]++) {
            unit_cps[u][unit_ncp[u]] = qz_cp(units[u].text, l, j, &k);
            j += k;
        }
        unit_first[u] = qz_cp(units[u].text, l, 0, &k);
        if (unit_first[u] < 65536) qz_unit_first_bits[unit_first[u] >> 6] |= 1ULL << (unit_first[u] & 63);
        const char *nn = units[u].notnext;
        for (size_t j = 0, n = 0, nl = nn ? strlen(nn) : 0; j < nl && n + 1 < QZ_NOTNEXT_MAX; n++) {
            unit_notnext[u][n] = qz_cp(nn, nl, j, &k);
            unit_nn_bloom[u] |= 1ULL << (unit_notnext[u][n] & 63);
            j += k;
        }
    }
    /* the groups: first characters in table order, each group longest first */
    size_t ng = 0;
    for (size_t u = 0; u < NUNITS; u++) {
        uint32_t c = unit_first[u];
        unsigned h = uf_slot(c);
        while (uf_key[h] && uf_key[h] != c) h = (h + 1) & (QZ_UF_SLOTS - 1);
        if (uf_key[h]) continue;                  /* group already made */
        uf_key[h] = (uint16_t)c;
        uf_start[h] = (uint8_t)ng;
        for (int n = QZ_UNIT_CPS; n >= 1; n--)
            for (size_t v = u; v < NUNITS; v++)
                if (unit_first[v] == c && unit_ncp[v] == n) {
                    if (n >= 2) {
                        uf_nmulti[h]++;
                        uf_second[h] |= 1ULL << (unit_cps[v][1] & 63);
                    }
                    uf_units[ng++] = (uint8_t)v;
                }
        uf_count[h] = (uint8_t)(ng - uf_start[h]);
    }
    build_prefix_index();
    /* the numerals of qz_cn_digit and qz_cn_mult, and the traditional forms 萬 億 兩 貳 參 叄 陸 */
    static const uint32_t numerals[] = {
        0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E24, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
        0x58F9, 0x8D30, 0x53C1, 0x8086, 0x4F0D, 0x9646, 0x67D2, 0x634C, 0x7396,
        0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF, 0x62FE, 0x4F70, 0x4EDF,
        0x842C, 0x5104, 0x5169, 0x8CB3, 0x53C3, 0x53C4, 0x9678,
    };
    for (size_t t = 0; t < sizeof numerals / sizeof numerals[0]; t++)
        qz_numeral_bits[numerals[t] >> 6] |= 1ULL << (numerals[t] & 63);
    /* The nibble classes of the wide scan: each numeral (then ０-９) in one
     * of eight classes, chosen so that few common characters have all six
     * nibbles of their bytes in the sets of one class. */
    static const uint8_t cls[sizeof numerals / sizeof numerals[0] + 10] = {
        5, 3, 7, 5, 7, 7, 2, 5, 4, 7, 4, 1, 2, 1, 6, 6, 1, 3, 3, 6, 0, 6, 0, 6,
        7, 5, 3, 7, 4, 2, 6, 4, 1, 6, 6, 3, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0,
    };
    for (size_t t = 0; t < sizeof cls; t++) {
        uint32_t c = t < sizeof numerals / sizeof numerals[0] ? numerals[t]
                                                              : 0xFF10u + (uint32_t)(t - sizeof numerals / sizeof numerals[0]);
        unsigned b[3] = { 0xE0u | (c >> 12), 0x80u | ((c >> 6) & 0x3F), 0x80u | (c & 0x3F) };
        for (int j = 0; j < 3; j++) {
            qz_nib[2 * j][b[j] >> 4] |= (uint8_t)(1u << cls[t]);
            qz_nib[2 * j + 1][b[j] & 15] |= (uint8_t)(1u << cls[t]);
        }
    }
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    __builtin_cpu_init();
    qz_wide = __builtin_cpu_supports("avx2");
#endif
    static const uint32_t follow[] = { 0x4F59, 0x591A, 0x51E0, 0x70B9, 0x5206, 0x53C8, 0x6210, 0x81F3, 0x5230,
                                       '-', '~', 0x2014, 0x2013, 0x2015, 0x2212, ' ', 0 };
    /* 余 多 几 点 分 又 成 至 到, dashes, space, and the end of the text */
    for (size_t t = 0; t < sizeof follow / sizeof follow[0]; t++)
        qz_follow_bits[follow[t] >> 6] |= 1ULL << (follow[t] & 63);
    for (size_t w = 0; w < 65536 / 64; w++) qz_follow_bits[w] |= qz_numeral_bits[w] | qz_unit_first_bits[w];
    for (uint32_t c = 0x800; c < 0x10000; c++) {
        if (!qz_numeral_cp(c) && !(c >= 0xFF10 && c <= 0xFF19)) {     /* and ０-９ */
            if (!qz_numeral_bits[c >> 6] && c < 0xFF00) c |= 63;      /* the rest of an empty word */
            continue;
        }
        uint32_t w = (0xE0u | (c >> 12)) | ((0x80u | ((c >> 6) & 0x3F)) << 8) | ((0x80u | (c & 0x3F)) << 16);
        qz_cand3[qz_cand3_index(w)] = 1;
    }
}

atomic_bool qz_ready;

void qz_init_once(void)
{
    pthread_once(&index_once, build_index);
    atomic_store_explicit(&qz_ready, true, memory_order_release);
}


static bool char_in(uint32_t c, const char *set)
{
    for (size_t j = 0, sl = strlen(set); j < sl;) {
        size_t k;
        if (qz_cp(set, sl, j, &k) == c) return true;
        j += k;
    }
    return false;
}

/* Does the character at s[i] appear in set (UTF-8)? */
static bool next_in(const char *s, size_t len, size_t i, const char *set)
{
    if (!set || i >= len) return false;
    size_t k;
    return char_in(qz_cp(s, len, i, &k), set);
}

/* The units are compared character by character, folded (％ for %, 個 for
 * 个): the text after i is decoded once, only as far as a unit needs. */
const qz_unit *qz_match_unit(const char *s, size_t len, size_t i, size_t *end)
{
    size_t k;
    if (i >= len) return NULL;
    uint32_t c = qz_cp(s, len, i, &k);
    return qz_match_unit_cp(s, len, i, c, k, end);
}

const qz_unit *qz_match_unit_cp(const char *s, size_t len, size_t i, uint32_t c, size_t k, size_t *end)
{
    if (c >= 65536 || !((qz_unit_first_bits[c >> 6] >> (c & 63)) & 1)) return NULL;
    unsigned h = uf_slot(c);
    while (uf_key[h] != c) h = (h + 1) & (QZ_UF_SLOTS - 1);
    /* the text after i, decoded only as far as a comparison needs */
    uint32_t cps[QZ_UNIT_CPS + 1];
    size_t ends[QZ_UNIT_CPS + 1];      /* ends[j]: the end of character j */
    int nd = 1;
    cps[0] = c;
    ends[0] = i + k;
    unsigned g = uf_start[h], ge = g + uf_count[h];
    if (uf_nmulti[h]) {
        /* the longer units only when the second character may be theirs */
        if (ends[0] < len) {
            cps[1] = qz_cp(s, len, ends[0], &k);
            ends[1] = ends[0] + k;
            nd = 2;
        }
        if (nd < 2 || !((uf_second[h] >> (cps[1] & 63)) & 1)) g += uf_nmulti[h];
    }
    for (; g < ge; g++) {
        unsigned u = uf_units[g];
        int n = unit_ncp[u], j = 1;
        for (; j < n; j++) {
            if (j == nd) {
                if (ends[nd - 1] >= len) break;
                cps[nd] = qz_cp(s, len, ends[nd - 1], &k);
                ends[nd] = ends[nd - 1] + k;
                nd++;
            }
            if (cps[j] != unit_cps[u][j]) break;
        }
        if (j < n) continue;
        if (unit_nn_bloom[u]) {
            /* a character from notnext after it makes it part of a word */
            if (n == nd && ends[nd - 1] < len) {
                cps[nd] = qz_cp(s, len, ends[nd - 1], &k);
                ends[nd] = ends[nd - 1] + k;
                nd++;
            }
            if (n < nd && ((unit_nn_bloom[u] >> (cps[n] & 63)) & 1)) {
                bool word = false;
                for (const uint32_t *w = unit_notnext[u]; *w && !word; w++) word = *w == cps[n];
                if (word) continue;
            }
        }
        *end = ends[n - 1];
        return &units[u];
    }
    return NULL;
}

bool qz_unit_blocks_scale(const char *s, size_t len, size_t i)
{
    size_t e;
    const qz_unit *u = qz_match_unit(s, len, i, &e);
    if (!u) return false;
    size_t k;
    return qz_cn_mult(qz_cp(u->text, strlen(u->text), 0, &k)) > 0;
}

typedef struct qword {
    const char *text;
    gwr_qual    qual;
    unsigned    flags;
    bool        gap;       /* prefix may stand a few characters before the number */
    const char *notprev;   /* prefix: a character before it that makes it another word (签约, 最近) */
} qword;

static const qword suffixes[] = {
    { "及以上", GWR_Q_ATLEAST, 0, false, NULL },
    { "以上", GWR_Q_ATLEAST, 0, false, NULL },
    { "及以下", GWR_Q_ATMOST, 0, false, NULL },
    { "以下", GWR_Q_ATMOST, 0, false, NULL },
    { "以内", GWR_Q_ATMOST, 0, false, NULL },
    { "之内", GWR_Q_ATMOST, 0, false, NULL },
    { "左右", GWR_Q_ABOUT, 0, false, NULL },
    { "上下", GWR_Q_ABOUT, 0, false, NULL },
};

bool qz_match_suffix(const char *s, size_t len, size_t i, gwr_qual *q, unsigned *flags, size_t *end)
{
    size_t k;
    uint32_t c = 0;
    if (!qz_suffix_may(s, len, i)) return false;
    while (i < len && (c = qz_cp(s, len, i, &k)) == ' ') i += k;
    if (i >= len) return false;
    if (c != 0x4EE5 && c != 0x53CA && c != 0x4E4B && c != 0x5DE6 && c != 0x4E0A) return false;   /* 以 及 之 左 上 */
    /* first characters of the words of suffixes[], in order */
    static const uint32_t first[] = { 0x53CA, 0x4EE5, 0x53CA, 0x4EE5, 0x4EE5, 0x4E4B, 0x5DE6, 0x4E0A };
    _Static_assert(sizeof first / sizeof first[0] == sizeof suffixes / sizeof suffixes[0], "one per suffix");
    for (size_t w = 0; w < sizeof suffixes / sizeof suffixes[0]; w++) {
        if (first[w] != c) continue;
        size_t e = qz_match_lit(s, len, i, suffixes[w].text);
        if (!e) continue;
        if (suffixes[w].qual == GWR_Q_ABOUT && next_in(s, len, e, "游联级下"))  /* 上下游, 上下联动 */
            continue;
        *q = suffixes[w].qual;
        *flags = suffixes[w].flags;
        *end = e;
        return true;
    }
    return false;
}

static const qword prefixes[] = {
    { "不低于", GWR_Q_ATLEAST, 0, false, NULL },
    { "不少于", GWR_Q_ATLEAST, 0, false, NULL },
    { "不小于", GWR_Q_ATLEAST, 0, false, NULL },
    { "不超过", GWR_Q_ATMOST, 0, false, NULL },
    { "不高于", GWR_Q_ATMOST, 0, false, NULL },
    { "不多于", GWR_Q_ATMOST, 0, false, NULL },
    { "不大于", GWR_Q_ATMOST, 0, false, NULL },
    { "超过", GWR_Q_OVER, 0, true, NULL },
    { "突破", GWR_Q_OVER, 0, false, NULL },
    { "高于", GWR_Q_OVER, 0, true, NULL },
    { "多于", GWR_Q_OVER, 0, false, NULL },
    { "逾", GWR_Q_OVER, 0, false, NULL },
    { "超", GWR_Q_OVER, 0, false, "赶高" },
    { "过", GWR_Q_OVER, 0, false, "通经度不错路看做办走穿越跨闯难" },
    { "破", GWR_Q_OVER, 0, false, "突打攻爆冲识看击" },
    { "低于", GWR_Q_UNDER, 0, true, NULL },
    { "少于", GWR_Q_UNDER, 0, false, NULL },
    { "不到", GWR_Q_UNDER, 0, false, NULL },
    { "不足", GWR_Q_UNDER, 0, false, NULL },
    { "大约", GWR_Q_ABOUT, 0, false, NULL },
    { "约", GWR_Q_ABOUT, 0, false, "签节制预契合公条邀相履违集特" },
    { "将近", GWR_Q_ABOUT, GWR_QF_VAGUE, false, NULL },
    { "近", GWR_Q_ABOUT, GWR_QF_VAGUE, false, "最附靠贴亲邻就临接" },
};

#define NPREFIXES (sizeof prefixes / sizeof prefixes[0])
static uint8_t  prefix_head[QZ_HB], prefix_next[NPREFIXES], prefix_len[NPREFIXES];
static uint32_t prefix_last[NPREFIXES];
uint64_t qz_prefix_last_bits[65536 / 64];   /* last characters of the prefix words */

static void build_prefix_index(void)
{
    for (size_t w = NPREFIXES; w-- > 0;) {
        size_t k, l = strlen(prefixes[w].text);
        prefix_len[w] = (uint8_t)l;
        prefix_last[w] = qz_prev(prefixes[w].text, 0, l, &k);
        unsigned b = bucket(prefix_last[w]);
        prefix_next[w] = prefix_head[b];
        prefix_head[b] = (uint8_t)(w + 1);
        if (prefix_last[w] < 65536) qz_prefix_last_bits[prefix_last[w] >> 6] |= 1ULL << (prefix_last[w] & 63);
    }
}

static bool prefix_at(const char *s, size_t floor, size_t i, bool gap_only, gwr_qual *q, unsigned *flags, size_t *start)
{
    size_t k;
    uint32_t c = qz_prev(s, floor, i, &k);
    if (!c) return false;
    for (unsigned v = prefix_head[bucket(c)]; v; v = prefix_next[v - 1]) {
        size_t w = v - 1;
        if (prefix_last[w] != c || (gap_only && !prefixes[w].gap)) continue;
        size_t ll = prefix_len[w];
        /* qualifier words are all CJK: no folding */
        if (ll > i - floor || memcmp(s + i - ll, prefixes[w].text, ll) != 0) continue;
        size_t st = i - ll;
        if (prefixes[w].notprev && st > floor) {
            /* a one-character 约 / 近 / 超 must not end another word (签约, 最近, 赶超) */
            size_t k2;
            if (char_in(qz_prev(s, floor, st, &k2), prefixes[w].notprev)) continue;
        }
        *q = prefixes[w].qual;
        *flags = prefixes[w].flags;
        *start = st;
        return true;
    }
    return false;
}


bool qz_match_prefix(const char *s, size_t floor, size_t i, gwr_qual *q, unsigned *flags, size_t *start)
{
    size_t k;
    if (i <= floor) return false;
    uint32_t c;
    while ((c = qz_prev(s, floor, i, &k)) == ' ') i -= k;
    if (qz_prefix_last(c) && prefix_at(s, floor, i, false, q, flags, start)) return true;
    if (!qz_is_han(c) || qz_numeral_cp(c)) return false;   /* nothing passed over: the loop below stops at once */
    /* The words that may stand a few characters before (超过 高于 低于) end
     * in 过 or 于: only there is the word itself compared. The characters
     * passed over are Chinese, three bytes each, so 过 or 于 can only end
     * at i - 3, i - 6 … — when neither stands at one of these, nothing can. */
    bool maybe = false;
    const unsigned char *u = (const unsigned char *)s;
    if (i < floor + 6) return false;               /* no character can stand between */
    if (qz_prefix_no_gap_word(u, floor, i)) return false;
    for (size_t e = i, g = 0; g < QZ_PREFIX_GAP && e >= floor + 6; g++) {
        e -= 3;
        /* 过 E8 BF 87, 于 E4 BA 8E: the last byte first, it tells them apart from most */
        unsigned char t = u[e - 1];
        if ((t == 0x87 && u[e - 2] == 0xBF && u[e - 3] == 0xE8) || (t == 0x8E && u[e - 2] == 0xBA && u[e - 3] == 0xE4)) {
            maybe = true;
            break;
        }
    }
    if (!maybe) return false;
    for (int g = 0; g < QZ_PREFIX_GAP && i > floor; g++) {
        if (!qz_is_han(c) || qz_numeral_cp(c)) break;
        i -= k;
        c = qz_prev(s, floor, i, &k);
        if ((c == 0x8FC7 || c == 0x4E8E) && prefix_at(s, floor, i, true, q, flags, start)) return true;
    }
    return false;
}
