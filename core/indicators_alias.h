/* indicators_alias.h — English names for the headline indicators, so that a
 * query typed on any keyboard (gdp, jobs, income) finds the figures keyed to
 * them whatever their Chinese wording. Every key (urban_jobs) is also its
 * own alias. */
#ifndef GWR_INDICATORS_ALIAS_H
#define GWR_INDICATORS_ALIAS_H
#include <stddef.h>
#include "indicators.h"

/* The indicators named by query (ASCII case ignored; spaces, '-' and '_'
 * alike), up to max; returns how many (0: not an alias). */
size_t gwr_indicator_aliases(const char *query, const gwr_indicator **out, size_t max);
/* The alias table, for the documentation: alias i and its keys ("a b"). */
size_t      gwr_alias_count(void);
const char *gwr_alias_at(size_t i, const char **keys);

#endif
