/* outline_words.c — word lists for finding the reporting entity in the text:
 * common two-character words of the genre that are never a place name, and
 * characters that never start or end one. Sorted code points, binary search;
 * read-only, so safe from any thread. */
#include "outline_internal.h"
#include <pthread.h>
#include <stdlib.h>

/* Common two-character words of the genre that are never a place name, as
 * (first << 16 | second) code points, sorted for binary search. Generated from
 * this list:
 *   一体 一年 一批 一是 一步 一般 万亩 万人 万元 万吨 三五 三是 上年 不断 与此 专项 个人 个百 中国 中央 中心 主义 主体 主要 主题 举办 习近 乡村 乡镇 争创 
 *   事业 二五 二十 二是 五年 五是 交通 产业 产值 产品 产总 产量 人员 人均 人大 人才 人次 人民 亿元 亿斤 今年 他们 代表 以上 以下 以来 价值 任务 企业 优化 
 *   会展 会议 位代 低保 低碳 住房 体系 体育 作风 供水 依法 保护 保证 保障 信息 信访 债务 做法 停车 健全 健康 儿园 儿童 先行 光伏 党中 党建 党的 入选 全区 
 *   全县 全国 全局 全市 全省 全面 公共 公园 公安 公路 公里 关键 其中 典型 养老 内蒙 农业 农产 农户 农村 农民 农田 出口 分别 分点 列席 刚刚 创建 创新 制度 
 *   制造 力争 力推 办理 加强 加快 化工 区域 区委 医保 医疗 医药 医院 十三 十二 十四 十大 千亿 千米 升级 协调 卫生 历史 去年 县委 参保 发展 取得 古城 召开 
 *   可支 司法 各位 各种 各类 各级 各项 合作 同志 同时 同比 名城 名牌 品牌 商贸 四五 四是 园区 固定 国土 国家 土地 地区 坚持 城乡 城区 城市 城镇 培育 基本 
 *   基础 基站 增加 增效 增长 壮大 外贸 外资 大力 大学 大局 妇女 委员 学习 学位 学校 学生 安全 完善 完成 实施 实现 实践 审计 审议 宣传 家庭 就业 居民 展会 
 *   工业 工作 工程 工资 左右 巩固 市场 市委 布局 帮扶 干部 平台 平安 平方 平稳 年度 年来 幼儿 应急 廉政 建立 建议 建设 开展 开工 开放 引资 引进 强化 形态 
 *   形成 快速 思想 总体 总值 总额 意见 意识 成功 成效 成果 我们 我区 我县 我市 战略 手段 扎实 打造 扩建 承办 技术 投产 投资 报告 拓展 招商 持续 振兴 排水 
 *   推动 推进 提出 提升 提案 提质 提高 播种 支持 支配 收入 收支 改扩 改造 改革 攻坚 政务 政协 政府 政策 救助 教育 数字 数据 整体 整改 整治 文体 文化 文明 
 *   文物 文艺 新型 新增 新建 新时 新能 方式 方法 方米 旅游 时代 明显 显著 智慧 智能 有效 服务 机制 机场 材料 村庄 村级 构建 标准 标杆 样板 核心 根本 格局 
 *   检察 森林 模式 此同 残疾 毕业 民生 水产 水利 水平 水库 污染 污水 汽车 河道 治理 泊位 法治 法院 活动 流域 消费 消防 深入 深化 港口 湖北 湿地 满意 燃气 
 *   物流 特色 环境 现代 理论 生产 生态 用地 电商 电子 电池 畜牧 疫情 百亿 百分 监督 目标 省委 省级 着力 督查 矛盾 码头 确保 示范 社会 社保 社区 科技 积极 
 *   税收 稳定 稳步 空间 竣工 第一 第三 第二 管理 管网 粮食 精神 累计 纠纷 纺织 组织 经济 经验 结构 统筹 统计 继续 续建 维稳 综合 绿化 绿色 网络 群众 老人 
 *   老年 考核 耕地 职工 能力 能源 脱贫 自治 茶叶 荣获 获批 营商 落实 蒙古 蔬菜 融合 融资 行业 行动 行政 街道 装备 要素 规上 规划 规模 设施 试点 调解 财政 
 *   质量 贯彻 贷款 资产 资源 资金 路径 转型 较快 达到 过去 近平 这一 进一 进口 道路 遗产 都市 重大 重点 重要 金融 铁路 银行 长江 问责 问题 防控 防治 限上 
 *   集体 零售 面对 面积 项目 预算 领域 领导 风险 食品 首位 高效 高新 高标 高校 高质 高速
 */
static const uint32_t common_keys[] = {
    0x4e004f53, 0x4e005e74, 0x4e006279, 0x4e00662f, 0x4e006b65, 0x4e00822c, 0x4e074ea9, 0x4e074eba,
    0x4e075143, 0x4e075428, 0x4e094e94, 0x4e09662f, 0x4e0a5e74, 0x4e0d65ad, 0x4e0e6b64, 0x4e139879,
    0x4e2a4eba, 0x4e2a767e, 0x4e2d56fd, 0x4e2d592e, 0x4e2d5fc3, 0x4e3b4e49, 0x4e3b4f53, 0x4e3b8981,
    0x4e3b9898, 0x4e3e529e, 0x4e608fd1, 0x4e616751, 0x4e619547, 0x4e89521b, 0x4e8b4e1a, 0x4e8c4e94,
    0x4e8c5341, 0x4e8c662f, 0x4e945e74, 0x4e94662f, 0x4ea4901a, 0x4ea74e1a, 0x4ea7503c, 0x4ea754c1,
    0x4ea7603b, 0x4ea791cf, 0x4eba5458, 0x4eba5747, 0x4eba5927, 0x4eba624d, 0x4eba6b21, 0x4eba6c11,
    0x4ebf5143, 0x4ebf65a4, 0x4eca5e74, 0x4ed64eec, 0x4ee38868, 0x4ee54e0a, 0x4ee54e0b, 0x4ee56765,
    0x4ef7503c, 0x4efb52a1, 0x4f014e1a, 0x4f185316, 0x4f1a5c55, 0x4f1a8bae, 0x4f4d4ee3, 0x4f4e4fdd,
    0x4f4e78b3, 0x4f4f623f, 0x4f537cfb, 0x4f5380b2, 0x4f5c98ce, 0x4f9b6c34, 0x4f9d6cd5, 0x4fdd62a4,
    0x4fdd8bc1, 0x4fdd969c, 0x4fe1606f, 0x4fe18bbf, 0x503a52a1, 0x505a6cd5, 0x505c8f66, 0x50655168,
    0x50655eb7, 0x513f56ed, 0x513f7ae5, 0x5148884c, 0x51494f0f, 0x515a4e2d, 0x515a5efa, 0x515a7684,
    0x51659009, 0x5168533a, 0x516853bf, 0x516856fd, 0x51685c40, 0x51685e02, 0x51687701, 0x51689762,
    0x516c5171, 0x516c56ed, 0x516c5b89, 0x516c8def, 0x516c91cc, 0x5173952e, 0x51764e2d, 0x5178578b,
    0x517b8001, 0x51858499, 0x519c4e1a, 0x519c4ea7, 0x519c6237, 0x519c6751, 0x519c6c11, 0x519c7530,
    0x51fa53e3, 0x5206522b, 0x520670b9, 0x52175e2d, 0x521a521a, 0x521b5efa, 0x521b65b0, 0x52365ea6,
    0x52369020, 0x529b4e89, 0x529b63a8, 0x529e7406, 0x52a05f3a, 0x52a05feb, 0x53165de5, 0x533a57df,
    0x533a59d4, 0x533b4fdd, 0x533b7597, 0x533b836f, 0x533b9662, 0x53414e09, 0x53414e8c, 0x534156db,
    0x53415927, 0x53434ebf, 0x53437c73, 0x53477ea7, 0x534f8c03, 0x536b751f, 0x538653f2, 0x53bb5e74,
    0x53bf59d4, 0x53c24fdd, 0x53d15c55, 0x53d65f97, 0x53e457ce, 0x53ec5f00, 0x53ef652f, 0x53f86cd5,
    0x54044f4d, 0x540479cd, 0x54047c7b, 0x54047ea7, 0x54049879, 0x54084f5c, 0x540c5fd7, 0x540c65f6,
    0x540c6bd4, 0x540d57ce, 0x540d724c, 0x54c1724c, 0x55468d38, 0x56db4e94, 0x56db662f, 0x56ed533a,
    0x56fa5b9a, 0x56fd571f, 0x56fd5bb6, 0x571f5730, 0x5730533a, 0x575a6301, 0x57ce4e61, 0x57ce533a,
    0x57ce5e02, 0x57ce9547, 0x57f980b2, 0x57fa672c, 0x57fa7840, 0x57fa7ad9, 0x589e52a0, 0x589e6548,
    0x589e957f, 0x58ee5927, 0x59168d38, 0x59168d44, 0x5927529b, 0x59275b66, 0x59275c40, 0x59875973,
    0x59d45458, 0x5b664e60, 0x5b664f4d, 0x5b666821, 0x5b66751f, 0x5b895168, 0x5b8c5584, 0x5b8c6210,
    0x5b9e65bd, 0x5b9e73b0, 0x5b9e8df5, 0x5ba18ba1, 0x5ba18bae, 0x5ba34f20, 0x5bb65ead, 0x5c314e1a,
    0x5c456c11, 0x5c554f1a, 0x5de54e1a, 0x5de54f5c, 0x5de57a0b, 0x5de58d44, 0x5de653f3, 0x5de956fa,
    0x5e02573a, 0x5e0259d4, 0x5e035c40, 0x5e2e6276, 0x5e7290e8, 0x5e7353f0, 0x5e735b89, 0x5e7365b9,
    0x5e737a33, 0x5e745ea6, 0x5e746765, 0x5e7c513f, 0x5e946025, 0x5ec9653f, 0x5efa7acb, 0x5efa8bae,
    0x5efa8bbe, 0x5f005c55, 0x5f005de5, 0x5f00653e, 0x5f158d44, 0x5f158fdb, 0x5f3a5316, 0x5f626001,
    0x5f626210, 0x5feb901f, 0x601d60f3, 0x603b4f53, 0x603b503c, 0x603b989d, 0x610f89c1, 0x610f8bc6,
    0x6210529f, 0x62106548, 0x6210679c, 0x62114eec, 0x6211533a, 0x621153bf, 0x62115e02, 0x62187565,
    0x624b6bb5, 0x624e5b9e, 0x62539020, 0x62695efa, 0x627f529e, 0x6280672f, 0x62954ea7, 0x62958d44,
    0x62a5544a, 0x62d35c55, 0x62db5546, 0x63017eed, 0x632f5174, 0x63926c34, 0x63a852a8, 0x63a88fdb,
    0x63d051fa, 0x63d05347, 0x63d06848, 0x63d08d28, 0x63d09ad8, 0x64ad79cd, 0x652f6301, 0x652f914d,
    0x65365165, 0x6536652f, 0x65396269, 0x65399020, 0x65399769, 0x653b575a, 0x653f52a1, 0x653f534f,
    0x653f5e9c, 0x653f7b56, 0x655152a9, 0x655980b2, 0x65705b57, 0x6570636e, 0x65744f53, 0x65746539,
    0x65746cbb, 0x65874f53, 0x65875316, 0x6587660e, 0x65877269, 0x6587827a, 0x65b0578b, 0x65b0589e,
    0x65b05efa, 0x65b065f6, 0x65b080fd, 0x65b95f0f, 0x65b96cd5, 0x65b97c73, 0x65c56e38, 0x65f64ee3,
    0x660e663e, 0x663e8457, 0x667a6167, 0x667a80fd, 0x67096548, 0x670d52a1, 0x673a5236, 0x673a573a,
    0x67506599, 0x67515e84, 0x67517ea7, 0x67845efa, 0x680751c6, 0x68076746, 0x6837677f, 0x68385fc3,
    0x6839672c, 0x683c5c40, 0x68c05bdf, 0x68ee6797, 0x6a215f0f, 0x6b64540c, 0x6b8b75be, 0x6bd54e1a,
    0x6c11751f, 0x6c344ea7, 0x6c345229, 0x6c345e73, 0x6c345e93, 0x6c6167d3, 0x6c616c34, 0x6c7d8f66,
    0x6cb39053, 0x6cbb7406, 0x6cca4f4d, 0x6cd56cbb, 0x6cd59662, 0x6d3b52a8, 0x6d4157df, 0x6d888d39,
    0x6d889632, 0x6df15165, 0x6df15316, 0x6e2f53e3, 0x6e565317, 0x6e7f5730, 0x6ee1610f, 0x71c36c14,
    0x72696d41, 0x72798272, 0x73af5883, 0x73b04ee3, 0x74068bba, 0x751f4ea7, 0x751f6001, 0x75285730,
    0x75355546, 0x75355b50, 0x75356c60, 0x755c7267, 0x75ab60c5, 0x767e4ebf, 0x767e5206, 0x76d17763,
    0x76ee6807, 0x770159d4, 0x77017ea7, 0x7740529b, 0x776367e5, 0x77db76fe, 0x78015934, 0x786e4fdd,
    0x793a8303, 0x793e4f1a, 0x793e4fdd, 0x793e533a, 0x79d16280, 0x79ef6781, 0x7a0e6536, 0x7a335b9a,
    0x7a336b65, 0x7a7a95f4, 0x7ae35de5, 0x7b2c4e00, 0x7b2c4e09, 0x7b2c4e8c, 0x7ba17406, 0x7ba17f51,
    0x7cae98df, 0x7cbe795e, 0x7d2f8ba1, 0x7ea07eb7, 0x7eba7ec7, 0x7ec47ec7, 0x7ecf6d4e, 0x7ecf9a8c,
    0x7ed36784, 0x7edf7b79, 0x7edf8ba1, 0x7ee77eed, 0x7eed5efa, 0x7ef47a33, 0x7efc5408, 0x7eff5316,
    0x7eff8272, 0x7f517edc, 0x7fa44f17, 0x80014eba, 0x80015e74, 0x80036838, 0x80155730, 0x804c5de5,
    0x80fd529b, 0x80fd6e90, 0x81318d2b, 0x81ea6cbb, 0x833653f6, 0x836383b7, 0x83b76279, 0x84255546,
    0x843d5b9e, 0x849953e4, 0x852c83dc, 0x878d5408, 0x878d8d44, 0x884c4e1a, 0x884c52a8, 0x884c653f,
    0x88579053, 0x88c55907, 0x89817d20, 0x89c44e0a, 0x89c45212, 0x89c46a21, 0x8bbe65bd, 0x8bd570b9,
    0x8c0389e3, 0x8d22653f, 0x8d2891cf, 0x8d2f5f7b, 0x8d376b3e, 0x8d444ea7, 0x8d446e90, 0x8d4491d1,
    0x8def5f84, 0x8f6c578b, 0x8f835feb, 0x8fbe5230, 0x8fc753bb, 0x8fd15e73, 0x8fd94e00, 0x8fdb4e00,
    0x8fdb53e3, 0x90538def, 0x90574ea7, 0x90fd5e02, 0x91cd5927, 0x91cd70b9, 0x91cd8981, 0x91d1878d,
    0x94c18def, 0x94f6884c, 0x957f6c5f, 0x95ee8d23, 0x95ee9898, 0x963263a7, 0x96326cbb, 0x96504e0a,
    0x96c64f53, 0x96f6552e, 0x97625bf9, 0x976279ef, 0x987976ee, 0x98847b97, 0x988657df, 0x98865bfc,
    0x98ce9669, 0x98df54c1, 0x99964f4d, 0x9ad86548, 0x9ad865b0, 0x9ad86807, 0x9ad86821, 0x9ad88d28,
    0x9ad8901f,
};

/* Characters that never start or end a place name here (的 了 年 市 一 …),
 * sorted code points. */
static const uint32_t function_cps[] = {
    0x4e00, 0x4e03, 0x4e09, 0x4e0a, 0x4e0b, 0x4e0d, 0x4e0e, 0x4e24,
    0x4e2a, 0x4e2d, 0x4e3a, 0x4e5d, 0x4e5f, 0x4e61, 0x4e86, 0x4e8c,
    0x4e94, 0x4ebf, 0x4ece, 0x4ee5, 0x4eec, 0x5168, 0x516b, 0x516d,
    0x5176, 0x518d, 0x533a, 0x5341, 0x53bf, 0x53c8, 0x53ca, 0x5404,
    0x5411, 0x56db, 0x56fd, 0x5728, 0x5927, 0x5bf9, 0x5c06, 0x5c31,
    0x5df2, 0x5e02, 0x5e74, 0x5e76, 0x6211, 0x6216, 0x628a, 0x65b0,
    0x65e5, 0x662f, 0x66f4, 0x6700, 0x6708, 0x6709, 0x6751, 0x6b64,
    0x6bcf, 0x7531, 0x7684, 0x7701, 0x7b49, 0x88ab, 0x8981, 0x8be5,
    0x8fd8, 0x8fd9, 0x9547,
};

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Bit sets built once from the tables above, so that the census of a
 * whole text (outline_meta.c) asks one bit per character instead of a binary
 * search: the function characters, and a filter of the common pairs (a pair
 * whose hash bit is clear is not in the table; a set bit is checked by the
 * binary search). */
static uint64_t function_bits[0x10000 / 64];
static uint64_t pair_bits[65536 / 64];
/* the common pairs again as an open-addressing set (0: free slot; no key is
 * 0), at most a quarter full: a probe or two instead of a binary search */
enum { PAIR_SLOTS = GWR_WORD_PAIR_SLOTS };
static uint32_t pair_set[PAIR_SLOTS];
static pthread_once_t words_once = PTHREAD_ONCE_INIT;
/* one class byte per code point below U+A000 for the census (see the header) */
static uint8_t census_class[GWR_CENSUS_CPS];


static void words_init(void)
{
    for (size_t i = 0; i < sizeof function_cps / sizeof *function_cps; i++)
        if (function_cps[i] < 0x10000) function_bits[function_cps[i] >> 6] |= 1ull << (function_cps[i] & 63);
    for (size_t i = 0; i < sizeof common_keys / sizeof *common_keys; i++) {
        uint32_t h = gwr_word_pair_hash(common_keys[i]);
        pair_bits[h >> 6] |= 1ull << (h & 63);
        uint32_t j = h & (PAIR_SLOTS - 1);
        while (pair_set[j] != 0 && pair_set[j] != common_keys[i]) j = (j + 1) & (PAIR_SLOTS - 1);
        pair_set[j] = common_keys[i];
    }
    for (size_t i = 0; i < sizeof function_cps / sizeof *function_cps; i++)
        if (function_cps[i] < GWR_CENSUS_CPS) census_class[function_cps[i]] |= GWR_CC_FUNCTION;
    census_class[0] |= GWR_CC_NONE;
    census_class[0x5168] |= GWR_CC_SELF;   /* 全 */
    census_class[0x6211] |= GWR_CC_SELF;   /* 我 */
    census_class[0x672C] |= GWR_CC_SELF;   /* 本 */
    static const uint32_t level[] = { 0x5E02, 0x533A, 0x53BF, 0x5DDE, 0x65D7 };   /* 市 区 县 州 旗 */
    for (uint32_t k = 0; k < 5; k++) census_class[level[k]] |= (uint8_t)((k + 1) << GWR_CC_LEVEL_SHIFT);
    census_class[0x57CE] |= GWR_CC_CHENG;  /* 城 */
    static const uint32_t slogan[] = { 0x7F8E, 0x5065, 0x5E73, 0x667A, 0x5E78, 0x9B45, 0x6D3B, 0x6587, 0x5927, 0x6570 };
    for (size_t k = 0; k < sizeof slogan / sizeof *slogan; k++) census_class[slogan[k]] |= GWR_CC_SLOGAN;
}

const uint8_t *gwr_word_census_class(void)
{
    pthread_once(&words_once, words_init);
    return census_class;
}

bool gwr_word_function_cp(uint32_t cp)
{
    if (cp < 0x10000) {
        pthread_once(&words_once, words_init);
        return function_bits[cp >> 6] >> (cp & 63) & 1;
    }
    return bsearch(&cp, function_cps, sizeof function_cps / sizeof *function_cps, sizeof cp, cmp_u32) != NULL;
}

const uint64_t *gwr_word_pair_bits(void)
{
    pthread_once(&words_once, words_init);
    return pair_bits;
}

bool gwr_word_common_pair(uint32_t a, uint32_t b)
{
    uint32_t k = a << 16 | b;
    pthread_once(&words_once, words_init);
    uint32_t h = gwr_word_pair_hash(k);
    if (!(pair_bits[h >> 6] >> (h & 63) & 1)) return false;
    return gwr_word_pair_in(pair_set, k);
}

const uint32_t *gwr_word_pair_set(void)
{
    pthread_once(&words_once, words_init);
    return pair_set;
}

_Static_assert(sizeof common_keys / sizeof *common_keys * 4 <= PAIR_SLOTS, "pair set at most a quarter full");
