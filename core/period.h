/* period.h — a short mark for the period a figure covers, when it is not
 * the whole year: "Q1" (一季度), "Q1-3" (前三季度), "H1" (上半年), "M1-11"
 * (1-11月), "5y" (五年来, 过去五年, 十四五以来), "40y" (40年来), "avg"
 * (年均, span not written). Read from the figure's period and the words of
 * its sentence before its value, so "GDP 2023 4.7%" is never taken for the
 * year's growth when the sentence says 一季度. */
#ifndef GWR_PERIOD_H
#define GWR_PERIOD_H
#include <stddef.h>
#include "doc.h"

/* Writes the mark of f into buf ("" for a whole-year figure); returns its length. */
size_t gwr_period_mark(const gwr_doc *d, const gwr_figure *f, char *buf, size_t n);

#endif
