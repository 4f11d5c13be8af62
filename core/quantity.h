/* quantity.h — reading the numbers of a report: "5.5万人以上" → 55000 人, atleast.
 * Input is normalised text (see text.h): ASCII digits, '%' and '.'; raw text
 * is accepted too (full-width digits, ％ ． ： － are folded while reading).
 *
 * What is read:
 *   - Arabic numbers (7, 6.5, 1,234.5), full-width (７．５), negative after a
 *     word (增长-2.3%); Chinese numerals (两个, 二十, 一百九十万零三千九百七十一,
 *     十万零一千, 百亿, 一万五 = 15000) and adjacent digit pairs as ranges
 *     (两三个 = 2..3, 二三十 = 20..30).
 *   - Scale words are multiplied into the value, never kept in the unit:
 *     58.7亿斤 → 5870000000 斤, 1062万亩 → 10620000 亩, 3.5万亿 → 3.5e12.
 *     A scale without a unit keeps unit "" (16.4亿, 百亿级 — 级 is in the span).
 *   - unit is the base unit as written after the scale ("元", "美元", "人",
 *     "%", "‰", "倍", "微克/立方米" …). 个百分点, 百分点 and 个点 all give
 *     "个百分点" (percentage points), never "%".
 *   - Ranges 1—2家, 4.5%—5%, 4.5-5%, 6%至7%, 1-2万人: qual RANGE, value..hi;
 *     a unit or scale written only on the last number applies to both.
 *     Not a range when the units differ or hi <= value.
 *   - Ratios 1.4：1, 3.6:48:48.4, 8.5∶40.2∶51.3: qual EXACT with GWR_QF_RATIO, value the
 *     first part, hi the second.
 *   - 2×35万千瓦 is read as the product (700000 千瓦).
 *
 * Qualifiers (inclusive as in Chinese legal usage): 以上 不少于 不低于 →
 * ATLEAST; 超过 突破 高于 逾 超 过 破 → OVER; 以内 以下 不超过 → ATMOST; 低于
 * 不到 不足 → UNDER; 左右 约 上下 → ABOUT. A word after the figure wins
 * over one before it. 高于 / 低于 / 超过 may stand up to six characters
 * before the number: "高于全省1.8个百分点" is returned as 1.8 个百分点 OVER
 * — it is a comparison with another figure, not a bound; the caller decides
 * what it means. Vague amounts: 余 / 多 (十余万, 五百多, 3万余元) give the
 * lower bound, qual OVER and GWR_QF_VAGUE (also 两年多, 十几个, 上百家);
 * 近 / 将近 (近700万元) give the value, qual ABOUT and GWR_QF_VAGUE — but
 * not before a span of time (近五年 = the last five years: EXACT).
 * Rates keep both units: 800元/月 → unit "元/月". 百分之三十 → 30 %.
 *
 * Also read: Chinese decimals (二点五, 百分之十一点六, 三点五亿元); 千分之 / 万分之
 * (‰, ‱, exact) and other fractions X分之Y, 3又一千分之23 (GWR_QF_FRACTION;
 * GWR_QF_ROUNDED when the decimal does not end: six significant digits,
 * half up); 成 after a numeral as tenths (七成 = 70 %); negatives (负6.6,
 * −2.3%); numerals split by spaces (三千 九百, 1 9 4 亿美元) and mixed forms
 * (5万4千6百); 几/数 before a multiplier (数百家, 二十几万: lower bound,
 * vague); traditional (萬 億 兩 點 個 負) and financial forms (壹仟贰佰).
 *
 * Not returned: clock times (8:30), dotted versions (2222.2222.22222), phone
 * numbers and codes (13912345678, 0571-88888888); years (2023年, 二〇二三年, 2012—2019年, a bare 4-digit
 * 19xx/20xx), dates (12月27日, 1-11月, 3号), anniversaries (40周年), numbers
 * after 第 (第十二次) except a rank with 位/名 (第4位 → 4 位, GWR_QF_RANK),
 * names (“十四五”, “4321”, “两个确立”, 二十大, 5G, PM2.5, G20, 1+5+N, 4·14,
 * 323攻坚行动 — a bare number followed by a word), note and list markers
 * （1） 1、 1., Chinese numerals inside words (一是 统一 一批 千方百计 三大).
 * A lone 一 is never a quantity (but 第一位 is a rank); other Chinese
 * numerals need a unit, a scale (万/亿), 余/多, or to stand alone between
 * non-Chinese characters; a bare 百/千/万/亿 only after an OVER word or 上
 * (过亿元, 超万人次, 上百家).
 * Durations stay quantities with their unit (5年, 三年, 15分钟).
 *
 * Overflow: a number that does not fit gwr_dec (more than 18 significant
 * digits, or 99999999999999999999亿) is consumed whole and returned with
 * GWR_QF_OVERFLOW and value 0 — never wrapped.
 *
 * Cost: linear in the text, no allocation; text without digits or Chinese
 * numerals is skipped a byte at a time. */
#ifndef GWR_QUANTITY_H
#define GWR_QUANTITY_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "dec.h"

typedef enum {
    GWR_Q_EXACT = 0,
    GWR_Q_ABOUT,     /* 左右 约 上下 */
    GWR_Q_ATLEAST,   /* 以上 不少于 不低于 (inclusive) */
    GWR_Q_OVER,      /* 超过 突破 高于 逾 */
    GWR_Q_ATMOST,    /* 以内 以下 不超过 (inclusive) */
    GWR_Q_UNDER,     /* 低于 不到 */
    GWR_Q_RANGE,     /* 1—2家: value..hi */
    GWR_Q__COUNT
} gwr_qual;

enum {
    GWR_QF_VAGUE    = 1u << 0,  /* 十余万, 五百多, 近700万: value is a lower bound / approximation */
    GWR_QF_RANK     = 1u << 1,  /* 第4位: a rank, not an amount */
    GWR_QF_OVERFLOW = 1u << 2,  /* too large to represent exactly; value is 0 */
    GWR_QF_RATIO    = 1u << 3,  /* 1.4:1 — value is the left side, hi the right */
    GWR_QF_CHINESE  = 1u << 4,  /* written in Chinese numerals */
    GWR_QF_FRACTION = 1u << 5,  /* 三分之一, 3又一千分之23: value is the fraction as a decimal */
    GWR_QF_ROUNDED  = 1u << 6,  /* the fraction does not terminate: value is rounded to 6 significant digits */
};

typedef struct gwr_quantity {
    gwr_dec  value;
    gwr_dec  hi;          /* only when qual == GWR_Q_RANGE (or RATIO flag) */
    char     unit[28];    /* base unit, UTF-8: "%", "个百分点", "人", "元", "斤", "亩" … "" when none */
    uint16_t unit_id;     /* gwr_unit_id(unit) (unit.h), 0 when none: set by gwr_quantity_next */
    gwr_qual qual;
    unsigned flags;
    uint32_t off, len;    /* span of the whole quantity (number, unit, qualifier) in the input */
} gwr_quantity;

/* Finds the next quantity in s[*pos .. len). Returns true and fills *q, with
 * q->off/len relative to s, and advances *pos past it; false when none is
 * left. Years, dates, ordinals used as names ("十四五", 5G, 二十大), note
 * markers （1） are skipped, not returned. */
bool gwr_quantity_next(const char *s, size_t len, size_t *pos, gwr_quantity *q);

const char *gwr_qual_name(gwr_qual q);

#endif
