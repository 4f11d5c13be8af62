/* indicators.c — the table of headline indicators and their synonyms.
 * Matching is by substring of the indicator name as written, longest synonym
 * first, so 地方一般公共预算收入 and 一般公共预算收入 meet. */
#include "indicators.h"
#include <string.h>

typedef struct {
    gwr_indicator ind;
    const char *syn[10];   /* names as written; NULL-terminated */
} entry;

static const entry table[] = {
    { { "gdp", "地区生产总值", 0, GWR_DIR_UP }, { "地区生产总值", "生产总值", "GDP", "经济总量", NULL } },
    { { "industry_va", "规模以上工业增加值", 1, GWR_DIR_UP }, { "规模以上工业增加值", "规上工业增加值", NULL } },
    { { "fixed_investment", "固定资产投资", 2, GWR_DIR_UP }, { "全社会固定资产投资", "固定资产投资", "固投", NULL } },
    { { "retail_sales", "社会消费品零售总额", 3, GWR_DIR_UP }, { "社会消费品零售总额", "社零额", "社零", NULL } },
    { { "budget_revenue", "一般公共预算收入", 4, GWR_DIR_UP }, { "地方一般公共预算收入", "一般公共预算收入", "公共财政预算收入", NULL } },
    { { "services_va", "服务业增加值", 5, GWR_DIR_UP }, { "服务业增加值", NULL } },
    { { "urban_jobs", "城镇新增就业", 6, GWR_DIR_UP }, { "城镇新增就业", "新增城镇就业", NULL } },
    { { "unemployment_surveyed", "城镇调查失业率", 7, GWR_DIR_DOWN }, { "城镇调查失业率", "调查失业率", NULL } },
    { { "unemployment_registered", "城镇登记失业率", 8, GWR_DIR_DOWN }, { "城镇登记失业率", "登记失业率", NULL } },
    { { "cpi", "居民消费价格涨幅", 9, GWR_DIR_DOWN }, { "居民消费价格指数涨幅", "居民消费价格涨幅", "居民消费价格", "CPI", NULL } },
    { { "income_urban", "城镇居民人均可支配收入", 10, GWR_DIR_UP }, { "城镇常住居民人均可支配收入", "城镇居民人均可支配收入", NULL } },
    { { "income_rural", "农村居民人均可支配收入", 11, GWR_DIR_UP }, { "农村常住居民人均可支配收入", "农村居民人均可支配收入", NULL } },
    { { "trade", "进出口总额", 12, GWR_DIR_UP }, { "外贸进出口总额", "外贸进出口额", "进出口总额", "进出口", NULL } },
    { { "fdi", "实际利用外资", 13, GWR_DIR_UP }, { "实际利用外资", NULL } },
    { { "grain_output", "粮食总产量", 14, GWR_DIR_UP }, { "粮食总产量", "粮食总产", "粮食产量", NULL } },
    { { "grain_area", "粮食播种面积", 15, GWR_DIR_UP }, { "粮食播种面积", "粮食种植面积", "粮食面积", NULL } },
    { { "energy_intensity", "单位GDP能耗", 16, GWR_DIR_DOWN }, { "单位GDP能耗", "单位地区生产总值能耗", "能耗强度", NULL } },
    { { "air_quality", "空气质量优良天数比率", 17, GWR_DIR_UP }, { "空气质量优良天数比率", "空气优良天数比例", "空气质量优良天数比例", "优良天数比例", "优良天数比率", NULL } },
};

enum { NTABLE = sizeof table / sizeof table[0] };

static bool contains(const char *hay, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    if (n > len) return false;
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(hay + i, needle, n) == 0) return true;
    return false;
}

const gwr_indicator *gwr_indicator_match(const char *name, size_t len)
{
    const gwr_indicator *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < NTABLE; i++)
        for (const char *const *s = table[i].syn; *s; s++) {
            size_t n = strlen(*s);
            if (n > best_len && contains(name, len, *s)) {
                best = &table[i].ind;
                best_len = n;
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
