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

/* Common two-character words of the genre that are never a place name. */
static const char *const common[] = {
    "建设", "发展", "推进", "企业", "实施", "产业", "亿元", "加快", "项目", "服务", "经济", "推动", "治理",
    "以上", "工作", "社会", "提升", "综合", "开展", "落实", "增长", "中心", "政府", "省级", "城市", "示范",
    "国家", "行动", "支持", "重点", "全面", "持续", "实现", "完成", "新增", "工程", "达到", "全国", "全省",
    "坚持", "着力", "力推", "提高", "改造", "继续", "进一", "一步", "旅游", "城区", "改革", "创新", "管理",
    "体系", "生态", "安全", "保障", "民生", "农业", "农村", "乡村", "文化", "教育", "医疗", "就业", "收入",
    "投资", "消费", "市场", "环境", "基础", "设施", "能力", "水平", "质量", "高质", "机制", "制度", "规划",
    "保护", "领域", "区域", "资源", "资金", "政策", "我们", "人民", "群众", "代表", "同志", "主体", "增加",
    "加强", "强化", "深化", "深入", "积极", "大力", "扎实", "有效", "不断", "以来", "一年", "今年", "去年",
    "目标", "任务", "问题", "风险", "全市", "全区", "全县", "我市", "我区", "我县", "产品", "产值", "工业",
    "规模", "规上", "园区", "公共", "文明", "党的", "习近", "近平", "新时", "时代", "特色", "主义", "思想",
    "精神", "中国", "党中", "中央", "省委", "市委", "区委", "县委", "政协", "人大", "乡镇", "街道", "社区",
    "城乡", "城镇", "居民", "人均", "可支", "支配", "地区", "生产", "产总", "总值", "固定", "资产", "零售",
    "总额", "一般", "预算", "高新", "技术", "科技", "数字", "智慧", "绿色", "低碳", "能源", "交通", "物流",
    "开放", "合作", "招商", "引资", "营商", "政务", "法治", "依法", "行政", "廉政", "作风", "干部", "党建",
    "领导", "组织", "统筹", "协调", "融合", "一体", "高效", "优化", "升级", "转型", "结构", "培育", "壮大",
    "打造", "构建", "完善", "健全", "建立", "形成", "取得", "成效", "成果", "明显", "显著", "稳定", "稳步",
    "平稳", "较快", "快速", "同比", "上年", "分别", "其中", "累计", "力争", "确保", "争创", "创建", "成功",
    "获批", "入选", "荣获", "第一", "一批", "百分", "分点", "个百", "都市", "市场", "新型", "现代", "高标",
    "标准", "农田", "新建", "改扩", "扩建", "开工", "续建", "竣工", "投产", "重大", "行业", "专项", "整治",
    "防控", "疫情", "防治", "污染", "攻坚", "提质", "增效", "振兴", "脱贫", "巩固", "拓展", "帮扶", "养老",
    "住房", "保障", "医院", "学校", "学位", "幼儿", "儿园", "卫生", "健康", "体育", "文体", "事业", "人才",
    "引进", "高校", "毕业", "大学", "学生", "信息", "网络", "平台", "数据", "电子", "智能", "制造", "装备",
    "化工", "食品", "医药", "纺织", "材料", "汽车", "电池", "新能", "能源", "光伏", "水利", "水库", "河道",
    "长江", "流域", "湿地", "公园", "绿化", "森林", "道路", "公路", "高速", "铁路", "港口", "机场", "码头",
    "供水", "排水", "污水", "管网", "燃气", "停车", "泊位", "基站", "商贸", "限上", "电商", "外贸", "出口",
    "进口", "外资", "金融", "银行", "贷款", "融资", "债务", "财政", "税收", "收支", "审计", "统计", "应急",
    "消防", "信访", "维稳", "平安", "法院", "检察", "公安", "司法", "调解", "矛盾", "纠纷", "年度", "年来",
    "五年", "十四", "四五", "十三", "三五", "十二", "二五", "二十", "十大", "首位", "第二", "第三", "以下",
    "左右", "万元", "万人", "万吨", "公里", "平方", "方米", "千米", "百亿", "千亿", "万亩", "亿斤", "个人",
    "人次", "家庭", "农民", "农户", "职工", "工资", "社保", "参保", "医保", "低保", "救助", "残疾", "儿童",
    "妇女", "老年", "老人", "村庄", "村级", "集体", "合作", "农产", "农业", "粮食", "播种", "面积", "产量",
    "畜牧", "水产", "茶叶", "蔬菜", "特色", "品牌", "名牌", "展会", "会展", "活动", "举办", "承办", "召开",
    "会议", "代表", "委员", "意见", "建议", "提案", "办理", "满意", "考核", "监督", "督查", "问责", "整改",
    "一是", "二是", "三是", "四是", "五是", "这一", "一年", "过去", "刚刚", "面对", "我们", "他们", "同时",
    "与此", "此同", "各位", "位代", "报告", "审议", "列席", "人员", "提出", "各项", "各类", "各级", "各种",
    "重要", "主要", "关键", "核心", "根本", "基本", "总体", "整体", "全局", "大局", "格局", "战略", "布局",
    "空间", "国土", "土地", "耕地", "用地", "要素", "保证", "主题", "教育", "实践", "理论", "学习", "贯彻",
    "宣传", "意识", "形态", "社会", "主义", "核心", "价值", "文艺", "文物", "遗产", "历史", "古城", "名城",
    "自治", "内蒙", "蒙古", "湖北", "示范", "试点", "先行", "标杆", "样板", "典型", "经验", "做法", "模式", "路径", "方式", "方法", "手段",
};

typedef struct bigram { uint32_t a, b; uint32_t count, ctx, lvl; } bigram;

static uint32_t decode3(const char *s) { return ((uint32_t)((unsigned char)s[0] & 0x0F) << 12) | ((uint32_t)((unsigned char)s[1] & 0x3F) << 6) | ((unsigned char)s[2] & 0x3F); }

static bool is_common(const char *s)
{
    for (size_t i = 0; i < sizeof common / sizeof *common; i++)
        if (memcmp(common[i], s, 6) == 0) return true;
    return false;
}

/* Function characters: 的 了 与 及 或 是 在 为 以 对 把 将 被 从 向 由 等 个 年 月 日 亿 们
 * 这 其 各 每 该 此 并 也 又 更 最 再 已 还 就 要 有 不 我 全 新 大 市 区 县 镇 乡 村 省 国 中
 * 上 下 一 二 三 四 五 六 七 八 九 十 两 — as sorted code points (this test
 * runs at every character of a report: a binary search, not 70 memcmp calls). */
static const uint16_t function_cps[] = {
    0x4E00, 0x4E03, 0x4E09, 0x4E0A, 0x4E0B, 0x4E0D, 0x4E0E, 0x4E24, 0x4E2A, 0x4E2D, 0x4E3A, 0x4E5D,
    0x4E5F, 0x4E61, 0x4E86, 0x4E8C, 0x4E94, 0x4EBF, 0x4ECE, 0x4EE5, 0x4EEC, 0x5168, 0x516B, 0x516D,
    0x5176, 0x518D, 0x533A, 0x5341, 0x53BF, 0x53C8, 0x53CA, 0x5404, 0x5411, 0x56DB, 0x56FD, 0x5728,
    0x5927, 0x5BF9, 0x5C06, 0x5C31, 0x5DF2, 0x5E02, 0x5E74, 0x5E76, 0x6211, 0x6216, 0x628A, 0x65B0,
    0x65E5, 0x662F, 0x66F4, 0x6700, 0x6708, 0x6709, 0x6751, 0x6B64, 0x6BCF, 0x7531, 0x7684, 0x7701,
    0x7B49, 0x88AB, 0x8981, 0x8BE5, 0x8FD8, 0x8FD9, 0x9547,
};

static bool function_char(const char *s)
{
    if (((unsigned char)s[0] & 0xF0) != 0xE0) return false;
    uint32_t c = decode3(s);
    size_t lo = 0, hi = sizeof function_cps / sizeof *function_cps;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (function_cps[mid] == c) return true;
        if (function_cps[mid] < c) lo = mid + 1;
        else hi = mid;
    }
    return false;
}

/* Level of the reporting government: what "全X"/"我X"/"代表X…政府" says most. */
static const char *level_of(const char *s, size_t n)
{
    static const char *const lv[] = { "市", "区", "县", "州", "旗" };
    size_t best = 0, cnt[5] = { 0 };
    static const char *const pre[] = { "全", "我", "本" };
    for (size_t i = 0; i + 6 <= n; i += cbytes(s + i)) {
        for (size_t p = 0; p < 3; p++) {
            if (!gwr_has_prefix(s + i, n - i, pre[p])) continue;
            for (size_t l = 0; l < 5; l++)
                if (gwr_has_prefix(s + i + 3, n - i - 3, lv[l])) cnt[l]++;
        }
    }
    for (size_t l = 1; l < 5; l++) if (cnt[l] > cnt[best]) best = l;
    return cnt[best] ? lv[best] : "市";
}

/* Is the bigram at s+i used like a place name here: followed by a level
 * ("荆州区", "荆门市": 1) or after a slogan word ("美丽荆门", "平安恩施": 2)? */
static uint32_t name_context(const char *s, size_t n, size_t i)
{
    static const char *const lv[] = { "市", "区", "县", "州", "旗" };
    if (i + 9 <= n && !gwr_has_prefix(s + i + 3, 3, "城"))
        for (size_t k = 0; k < sizeof lv / sizeof *lv; k++)
            if (gwr_has_prefix(s + i + 6, 3, lv[k])) return 1;
    static const char *const pre[] = { "美丽", "健康", "平安", "智慧", "幸福", "魅力", "活力", "文明", "大美", "数化" };
    if (i >= 6)
        for (size_t k = 0; k < sizeof pre / sizeof *pre; k++)
            if (memcmp(s + i - 6, pre[k], 6) == 0) return 2;
    return 0;
}

static const char *entity_from_text(gwr_doc *d)
{
    const char *s = d->text.norm;
    size_t n = d->text.norm_len < 300000 ? d->text.norm_len : 300000;
    enum { HB = 16384 };
    bigram *tab = calloc(HB, sizeof *tab);
    if (!tab) return NULL;
    for (size_t i = 0; i + 6 <= n; i += cbytes(s + i)) {
        if (!is_cjk(s + i, n - i) || !is_cjk(s + i + 3, n - i - 3)) continue;
        if (function_char(s + i) || function_char(s + i + 3)) continue;
        uint32_t a = decode3(s + i), b = decode3(s + i + 3);
        uint32_t h = (a * 2654435761u ^ b * 40503u) & (HB - 1);
        for (size_t probe = 0; probe < HB; probe++, h = (h + 1) & (HB - 1)) {
            if (tab[h].count == 0) tab[h] = (bigram){ a, b, 0, 0, 0 };
            if (tab[h].a == a && tab[h].b == b) {
                tab[h].count++;
                uint32_t c = name_context(s, n, i);
                tab[h].ctx += c != 0;
                tab[h].lvl += c == 1;
                break;
            }
        }
    }
    uint32_t best = 0, ba = 0, bb = 0;
    bool any_ctx = false;
    for (size_t h = 0; h < HB; h++) any_ctx |= tab[h].ctx > 0 && tab[h].count >= 4;
    for (size_t h = 0; h < HB; h++) {
        /* uses of the bare name count; "棚户区", "工业园区" are always suffixed */
        uint32_t score = tab[h].count - tab[h].lvl + 2 * (tab[h].ctx - tab[h].lvl);
        if (score <= best || tab[h].count < 4 || (any_ctx && tab[h].ctx == 0)) continue;
        char buf[7];
        buf[0] = (char)(0xE0 | (tab[h].a >> 12)); buf[1] = (char)(0x80 | ((tab[h].a >> 6) & 0x3F)); buf[2] = (char)(0x80 | (tab[h].a & 0x3F));
        buf[3] = (char)(0xE0 | (tab[h].b >> 12)); buf[4] = (char)(0x80 | ((tab[h].b >> 6) & 0x3F)); buf[5] = (char)(0x80 | (tab[h].b & 0x3F));
        if (is_common(buf)) continue;
        best = score;
        ba = tab[h].a;
        bb = tab[h].b;
    }
    free(tab);
    if (best < 4) return NULL;
    char name[16];
    name[0] = (char)(0xE0 | (ba >> 12)); name[1] = (char)(0x80 | ((ba >> 6) & 0x3F)); name[2] = (char)(0x80 | (ba & 0x3F));
    name[3] = (char)(0xE0 | (bb >> 12)); name[4] = (char)(0x80 | ((bb >> 6) & 0x3F)); name[5] = (char)(0x80 | (bb & 0x3F));
    size_t nl = 6;
    /* widen: a character that precedes (or follows) nearly every occurrence */
    for (int round = 0; round < 2; round++) {
        uint32_t occ = 0, pc = 0, fc = 0;
        const char *pfirst = NULL, *ffirst = NULL;
        for (size_t i = 0; i + nl <= n; i += cbytes(s + i)) {
            if (memcmp(s + i, name, nl) != 0) continue;
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
        if (occ && pfirst && pc * 10 >= occ * 9 && !function_char(pfirst) && !is_level(pfirst, 3)) {
            memmove(name + 3, name, nl);
            memcpy(name, pfirst, 3);
            nl += 3;
        } else if (occ && ffirst && fc * 10 >= occ * 9 && !function_char(ffirst) && !is_level(ffirst, 3)) {
            memcpy(name + nl, ffirst, 3);
            nl += 3;
        } else {
            break;
        }
    }
    const char *lv = level_of(s, n);
    char out[32];
    memcpy(out, name, nl);
    memcpy(out + nl, lv, 3);
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
        while (q > s && !gwr_has_prefix(q, 3, "“") && !gwr_has_prefix(q, 1, "\"")) q -= cbytes(q) == 1 ? 1 : 3;
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

static int last_year(const char *s, size_t n)
{
    int y = 0, v;
    size_t after, pos = 0;
    while (pos < n && (v = gwr_first_year(s + pos, n - pos, &after)) > 0) { y = v; pos += after; }
    return y;
}

void gwr_meta_fill(gwr_doc *d)
{
    const char *e = NULL;
    if (d->meeting) e = entity_from_meeting(d, d->meeting);
    if (!e && d->speaker) e = entity_from_speaker(d, d->speaker);
    if (!e && d->title) e = entity_from_title(d, d->title);
    if (!e) e = entity_from_text(d);
    if (!e) e = entity_from_path(d);
    d->entity = e ? e : "";

    int report = 0, reviewed = 0;
    for (size_t i = 1; i < d->nnodes; i++) {
        const gwr_node *nd = &d->nodes[i];
        if (nd->kind != GWR_NODE_PART) continue;
        size_t tl = strlen(nd->title);
        if (nd->role == GWR_ROLE_PLAN && !report) report = gwr_first_year(nd->title, tl, NULL);
        if (nd->role == GWR_ROLE_REVIEW && !reviewed) reviewed = last_year(nd->title, tl);
    }
    if (!report && d->meeting) {
        size_t ml = strlen(d->meeting), after;
        int y = gwr_first_year(d->meeting, ml, &after);
        if (y) {
            int month = 0;
            for (size_t i = after; i < ml && d->meeting[i] >= '0' && d->meeting[i] <= '9'; i++)
                month = month * 10 + (d->meeting[i] - '0');
            report = month >= 10 ? y + 1 : y;
        }
    }
    if (!report && reviewed) report = reviewed + 1;
    if (!report) {
        for (size_t i = 1; i < d->nnodes && !report; i++)
            if (d->nodes[i].kind == GWR_NODE_TARGETS) report = gwr_first_year(d->nodes[i].title, strlen(d->nodes[i].title), NULL);
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
    }
    if (!report) report = year_from_path(d->path ? d->path : "");
    if (!reviewed && report) reviewed = report - 1;
    d->report_year = report;
    d->reviewed_year = reviewed;
}
