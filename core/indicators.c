/* indicators.c — the table of headline indicators and their synonyms.
 *
 * A name as written gets a key when it ENDS with a synonym (longest wins),
 * optionally followed by a measure word (增速, 总量, 人数 …), and whatever
 * precedes the synonym is only scope words (全市, 全社会, 区本级, 地方, a year).
 * So 地方一般公共预算收入 and 全社会固定资产投资 meet their keys, while
 * 工业固定资产投资, 民间投资占固定资产投资比重 and 拉动GDP do not. */
#include "indicators.h"
#include <pthread.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    const char *s;
    size_t      n;
} syn_t;
#define S(lit) { lit, sizeof lit - 1 }

typedef struct {
    gwr_indicator ind;
    syn_t syn[12];         /* names as written; ends with { NULL, 0 } */
} entry;

static const entry table[] = {
    { { "gdp", "地区生产总值", 0, GWR_DIR_UP },
      { S("地区生产总值"), S("国内生产总值"), S("生产总值"), S("GDP"), S("经济总量"), S("经济增长"),
        S("国民经济增长"), { NULL, 0 } } },
    { { "industry_va", "规模以上工业增加值", 1, GWR_DIR_UP },
      { S("规模以上工业增加值"), S("规上工业增加值"), S("规模工业增加值"), { NULL, 0 } } },
    { { "fixed_investment", "固定资产投资", 2, GWR_DIR_UP },
      { S("全社会固定资产投资"), S("固定资产投资"), S("固投"), S("固定资产投资额"), { NULL, 0 } } },
    { { "retail_sales", "社会消费品零售总额", 3, GWR_DIR_UP },
      { S("社会消费品零售总额"), S("社会消费品零售额"), S("社零额"), S("社零"), S("社会商品零售总额"),
        { NULL, 0 } } },
    { { "budget_revenue", "一般公共预算收入", 4, GWR_DIR_UP },
      { S("地方一般公共预算收入"), S("一般公共预算收入"), S("公共财政预算收入"), S("地方财政一般预算收入"), S("财政一般预算收入"), S("一般预算收入"), { NULL, 0 } } },
    { { "services_va", "服务业增加值", 5, GWR_DIR_UP }, { S("服务业增加值"), { NULL, 0 } } },
    { { "urban_jobs", "城镇新增就业", 6, GWR_DIR_UP },
      { S("城镇新增就业"), S("新增城镇就业"), S("城镇新增就业岗位"), S("新增就业"),
        { NULL, 0 } } },
    { { "unemployment_surveyed", "城镇调查失业率", 7, GWR_DIR_DOWN },
      { S("城镇调查失业率"), S("调查失业率"), S("城镇调查失业"), { NULL, 0 } } },
    { { "unemployment_registered", "城镇登记失业率", 8, GWR_DIR_DOWN },
      { S("城镇登记失业率"), S("登记失业率"), { NULL, 0 } } },
    { { "cpi", "居民消费价格涨幅", 9, GWR_DIR_DOWN },
      { S("居民消费价格指数"), S("居民消费价格总水平"), S("居民消费价格"), S("价格总水平"),
        S("消费价格总水平"), S("居民消费物价"), S("CPI"), S("物价总水平"), S("物价"), { NULL, 0 } } },
    { { "income_urban", "城镇居民人均可支配收入", 10, GWR_DIR_UP },
      { S("城镇常住居民人均可支配收入"), S("城镇居民人均可支配收入"), S("城镇人均可支配收入"), S("城镇居民可支配收入"), S("城镇常住居民可支配收入"), { NULL, 0 } } },
    { { "income_rural", "农村居民人均可支配收入", 11, GWR_DIR_UP },
      { S("农村常住居民人均可支配收入"), S("农村居民人均可支配收入"), S("农村牧区常住居民人均可支配收入"), S("农牧民人均可支配收入"), S("农民人均可支配收入"), S("农村居民可支配收入"), S("农民人均纯收入"), S("农牧民人均纯收入"), S("农村居民人均纯收入"), { NULL, 0 } } },
    { { "trade", "进出口总额", 12, GWR_DIR_UP },
      { S("外贸进出口总额"), S("外贸进出口额"), S("进出口总额"), S("外贸进出口"), S("进出口总值"), S("进出口"),
        S("进出口贸易总额"), S("对外贸易进出口总额"), S("年进出口总额"), { NULL, 0 } } },
    { { "fdi", "实际利用外资", 13, GWR_DIR_UP },
      { S("实际利用外资"), S("实际使用外资"), S("实际利用外商直接投资"), S("利用外资"), { NULL, 0 } } },
    { { "grain_output", "粮食总产量", 14, GWR_DIR_UP },
      { S("粮食总产量"), S("粮食总产"), S("粮食产量"), { NULL, 0 } } },
    { { "grain_area", "粮食播种面积", 15, GWR_DIR_UP },
      { S("粮食播种面积"), S("粮食种植面积"), S("粮食面积"), { NULL, 0 } } },
    { { "energy_intensity", "单位GDP能耗", 16, GWR_DIR_DOWN },
      { S("单位GDP能耗"), S("单位地区生产总值能耗"), S("单位生产总值能耗"), S("万元GDP能耗"),
        S("万元地区生产总值能耗"), S("能耗强度"), S("单位国内生产总值能耗"), S("单位国内生产总值能源消耗"),
        S("单位地区生产总值能源消耗"), S("万元国内生产总值能耗"), S("单位GDP能源消耗"), { NULL, 0 } } },
    { { "air_quality", "空气质量优良天数比率", 17, GWR_DIR_UP },
      { S("空气质量优良天数比率"), S("空气优良天数比例"), S("空气质量优良天数比例"), S("优良天数比例"), S("优良天数比率"), S("空气质量优良率"), S("环境空气质量优良天数比例"),
        S("环境空气质量优良率"), S("空气优良率"), { NULL, 0 } } },
    /* beyond the starting set: common in county and district reports */
    { { "fiscal_revenue", "地方财政总收入", 18, GWR_DIR_UP },
      { S("地方财政总收入"), { NULL, 0 } } },
    { { "industry_output", "规模以上工业总产值", 19, GWR_DIR_UP },
      { S("规模以上工业总产值"), S("规上工业总产值"), { NULL, 0 } } },
    /* 财政总收入 counts what is passed up to higher levels too: not 地方财政总收入 */
    { { "fiscal_total_revenue", "财政总收入", 20, GWR_DIR_UP }, { S("财政总收入"), { NULL, 0 } } },
    /* headline figures of the national report */
    { { "deficit_ratio", "赤字率", 21, GWR_DIR_DOWN },
      { S("赤字率"), S("财政赤字率"), S("预算赤字率"), { NULL, 0 } } },
    { { "deficit", "财政赤字", 22, GWR_DIR_DOWN },
      { S("财政赤字"), S("中央财政赤字"), S("预算赤字"), { NULL, 0 } } },
    /* central and local deficits together: not the central deficit */
    { { "deficit_total", "全国财政赤字", 23, GWR_DIR_DOWN }, { S("全国财政赤字"), { NULL, 0 } } },
    { { "revenue", "财政收入", 24, GWR_DIR_UP },
      { S("全国财政收入"), S("国家财政收入"), S("财政收入"), { NULL, 0 } } },
    { { "gnp", "国民生产总值", 25, GWR_DIR_UP }, { S("国民生产总值"), { NULL, 0 } } },
    { { "forex_reserves", "国家外汇储备", 26, GWR_DIR_UP },
      { S("国家外汇储备"), S("外汇储备"), { NULL, 0 } } },
    { { "retail_prices", "商品零售价格涨幅", 27, GWR_DIR_DOWN },
      { S("商品零售价格"), S("全国商品零售价格"), S("商品零售物价"), S("零售物价"), S("零售物价总指数"),
        S("商品零售价格总水平"), { NULL, 0 } } },
};

enum { NTABLE = sizeof table / sizeof table[0] };

/* Measure words that may follow the synonym. */
static const syn_t suffixes[] = {
    S(""), S("增速"), S("增幅"), S("涨幅"), S("增长率"), S("总量"), S("总额"), S("规模"), S("人数"), S("涨幅指数"),
    S("指数涨幅"), S("完成额"), S("额"), S("总水平"), S("速度"), S("增长速度"), S("上涨幅度"), { NULL, 0 },
};

/* Scope words that may precede it. */
static const syn_t scopes[] = {
    S("全社会"), S("全市"), S("全区"), S("全县"), S("全州"), S("全省"), S("全旗"), S("全盟"), S("全国"), S("本市"), S("本区"), S("本县"),
    S("本州"), S("本省"), S("区本级"), S("市本级"),
    S("县本级"), S("本级"), S("地方"), S("我市"), S("我区"), S("我县"), S("年度"), S("全年"), S("实现"), S("完成"), S("预计"),
    S("一般"), { NULL, 0 },
};

static bool scope_only(const char *s, size_t n)
{
    while (n > 0) {
        bool hit = false;
        if (n >= 7 && s[4] == (char)0xE5 && memcmp(s + 4, "年", 3) == 0 &&
            s[0] >= '1' && s[0] <= '2') {
            s += 7;
            n -= 7;
            continue;
        }
        for (const syn_t *p = scopes; p->s; p++) {
            size_t k = p->n;
            if (k <= n && memcmp(s, p->s, k) == 0) {
                s += k;
                n -= k;
                hit = true;
                break;
            }
        }
        if (!hit) return false;
    }
    return true;
}

static const gwr_indicator *match_plain(const char *name, size_t len);
static bool ends_possible(const char *name, size_t len);

/* Bracketed asides do not count: 居民消费价格指数（CPI）涨幅. */
const gwr_indicator *gwr_indicator_match(const char *name, size_t len)
{
    char buf[256];
    size_t n = 0;
    int depth = 0;
    bool any = memchr(name, '(', len) != NULL;
    for (const char *p = name, *end = name + len; !any && (p = memchr(p, 0xEF, (size_t)(end - p))) != NULL; p++)
        any = end - p > 2 && memcmp(p, "（", 3) == 0;
    if (!any || len >= sizeof buf) return ends_possible(name, len) ? match_plain(name, len) : NULL;
    for (size_t i = 0; i < len;) {
        if (name[i] == '(' || (i + 3 <= len && memcmp(name + i, "（", 3) == 0)) {
            depth++;
            i += name[i] == '(' ? 1 : 3;
        } else if (name[i] == ')' || (i + 3 <= len && memcmp(name + i, "）", 3) == 0)) {
            if (depth > 0) depth--;
            i += name[i] == ')' ? 1 : 3;
        } else {
            if (depth == 0) buf[n++] = name[i];
            i++;
        }
    }
    return match_plain(buf, n);
}

/* A trailing "剔除…因素后" / "（剔除…后）" restates how the indicator is counted:
 * 一般公共预算收入剔除虚增空转因素后 is 一般公共预算收入. */
static size_t without_adjustment(const char *name, size_t len)
{
    static const char tail[] = "后", cut[] = "剔除";
    size_t tn = sizeof tail - 1, cn = sizeof cut - 1;
    if (len < tn + cn || memcmp(name + len - tn, tail, tn) != 0) return len;
    for (size_t i = len - tn - cn + 1; i-- > 0;)
        if (memcmp(name + i, cut, cn) == 0) return i;
    return len;
}

/* The synonyms by a hash of their last three bytes (every synonym has at
 * least three), in table order: a name's tail picks the few that can match. */
enum { SYN_SLOTS = 256, SYN_MAX = 512 };
static struct {
    uint16_t start[SYN_SLOTS + 1];
    uint16_t entry[SYN_MAX];           /* table index */
    const syn_t *syn[SYN_MAX];
    int      ok;
} syn_index;
static pthread_once_t syn_once = PTHREAD_ONCE_INIT;

static unsigned tail_slot(const char *end)
{
    const unsigned char *u = (const unsigned char *)end - 3;
    return (u[0] * 7u + u[1] * 13u + u[2]) & (SYN_SLOTS - 1);
}

/* The suffixes that end in a byte, as bits in list order (the empty
 * suffix, first, ends in every byte). */
enum { NSUFFIX = sizeof suffixes / sizeof suffixes[0] - 1 };
static uint32_t suffix_by_last[256];

/* The bytes a name can end in and have a key: the last bytes of the
 * synonyms, of the measure words and of 后 (of a trailing 剔除…后). */
static uint64_t last_ok[4];

static void mark_last(const char *s, size_t n)
{
    if (n) last_ok[(unsigned char)s[n - 1] >> 6] |= (uint64_t)1 << ((unsigned char)s[n - 1] & 63);
}

static void syn_index_build(void)
{
    size_t count[SYN_SLOTS] = { 0 }, fill[SYN_SLOTS], total = 0;
    _Static_assert(NSUFFIX <= 32, "one bit per suffix");
    for (size_t i = 0; i < NTABLE; i++)
        for (const syn_t *x = table[i].syn; x->s; x++) mark_last(x->s, x->n);
    for (size_t k = 0; k < NSUFFIX; k++) mark_last(suffixes[k].s, suffixes[k].n);
    mark_last("后", sizeof "后" - 1);
    for (size_t k = 0; k < NSUFFIX; k++)
        for (unsigned b = 0; b < 256; b++)
            if (suffixes[k].n == 0 || (unsigned char)suffixes[k].s[suffixes[k].n - 1] == b) suffix_by_last[b] |= 1u << k;
    for (size_t i = 0; i < NTABLE; i++)
        for (const syn_t *s = table[i].syn; s->s; s++) {
            if (s->n < 3 || total++ == SYN_MAX) return;  /* the plain loop then */
            count[tail_slot(s->s + s->n)]++;
        }
    syn_index.start[0] = 0;
    for (size_t k = 0; k < SYN_SLOTS; k++) {
        syn_index.start[k + 1] = (uint16_t)(syn_index.start[k] + count[k]);
        fill[k] = syn_index.start[k];
    }
    for (size_t i = 0; i < NTABLE; i++)
        for (const syn_t *s = table[i].syn; s->s; s++) {
            size_t at = fill[tail_slot(s->s + s->n)]++;
            syn_index.entry[at] = (uint16_t)i;
            syn_index.syn[at] = s;
        }
    syn_index.ok = 1;
}

/* Can match_plain find a key for a name that ends so? No when its last
 * byte ends no synonym, measure word or 后: the common case, told at once. */
static bool ends_possible(const char *name, size_t len)
{
    pthread_once(&syn_once, syn_index_build);
    if (len == 0) return false;
    unsigned char b = (unsigned char)name[len - 1];
    return (last_ok[b >> 6] >> (b & 63)) & 1;
}

static const gwr_indicator *match_plain(const char *name, size_t len)
{
    pthread_once(&syn_once, syn_index_build);
    len = without_adjustment(name, len);
    const gwr_indicator *best = NULL;
    size_t best_len = 0;
    if (len == 0) return NULL;
    /* only the suffixes that end in the name's last byte, in list order */
    for (uint32_t bits = suffix_by_last[(unsigned char)name[len - 1]]; bits; bits &= bits - 1) {
        const syn_t *sf = &suffixes[__builtin_ctz(bits)];
        size_t sn = sf->n;
        if (sn > len || (sn && memcmp(name + len - sn, sf->s, sn) != 0)) continue;
        size_t core = len - sn;
        if (core == 0) continue;
        char last = name[core - 1];
        if (syn_index.ok && core >= 3) {
            unsigned k = tail_slot(name + core);
            for (unsigned j = syn_index.start[k]; j < syn_index.start[k + 1]; j++) {
                const syn_t *s = syn_index.syn[j];
                size_t n = s->n;
                /* the last byte, then the last byte of the character before */
                if (n > core || n <= best_len || s->s[n - 1] != last || (n >= 4 && s->s[n - 4] != name[core - 4]))
                    continue;
                if (memcmp(name + core - n, s->s, n) == 0 && scope_only(name, core - n)) {
                    best = &table[syn_index.entry[j]].ind;
                    best_len = n;
                }
            }
            continue;
        }
        for (size_t i = 0; i < NTABLE; i++)
            for (const syn_t *s = table[i].syn; s->s; s++) {
                size_t n = s->n;
                if (n > core || n <= best_len || s->s[n - 1] != last) continue;
                if (memcmp(name + core - n, s->s, n) == 0 && scope_only(name, core - n)) {
                    best = &table[i].ind;
                    best_len = n;
                }
            }
    }
    return best;
}

const gwr_indicator *gwr_indicator_by_key(const char *key)
{
    for (size_t i = 0; i < NTABLE; i++)
        if (strcmp(table[i].ind.key, key) == 0) return &table[i].ind;
    return NULL;
}

size_t gwr_indicator_count(void) { return NTABLE; }
const gwr_indicator *gwr_indicator_at(size_t i) { return i < NTABLE ? &table[i].ind : NULL; }
