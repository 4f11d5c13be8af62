/* quantity.h — reading the numbers of a report: "5.5万人以上" → 55000 人, atleast.
 * Input is normalised text (see text.h): ASCII digits, '%' and '.'. */
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
};

typedef struct gwr_quantity {
    gwr_dec  value;
    gwr_dec  hi;          /* only when qual == GWR_Q_RANGE (or RATIO flag) */
    char     unit[28];    /* base unit, UTF-8: "%", "个百分点", "人", "元", "斤", "亩" … "" when none */
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
