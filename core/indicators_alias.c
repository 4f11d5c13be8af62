/* indicators_alias.c — English aliases of the indicator keys (indicators.c
 * holds the keys and their Chinese synonyms). An alias names one or more
 * keys, separated by spaces. */
#include "indicators_alias.h"
#include <string.h>

static const struct {
    const char *alias;
    const char *keys;
} aliases[] = {
    { "gdp", "gdp" },
    { "economy", "gdp" },
    { "output", "gdp" },
    { "industry", "industry_va industry_output" },
    { "industrial", "industry_va industry_output" },
    { "investment", "fixed_investment" },
    { "fai", "fixed_investment" },
    { "retail", "retail_sales" },
    { "consumption", "retail_sales" },
    { "revenue", "budget_revenue fiscal_revenue" },
    { "budget", "budget_revenue" },
    { "fiscal", "fiscal_revenue budget_revenue" },
    { "services", "services_va" },
    { "jobs", "urban_jobs" },
    { "employment", "urban_jobs" },
    { "unemployment", "unemployment_surveyed unemployment_registered" },
    { "jobless", "unemployment_surveyed unemployment_registered" },
    { "cpi", "cpi" },
    { "prices", "cpi" },
    { "inflation", "cpi" },
    { "income", "income_urban income_rural" },
    { "wages", "income_urban income_rural" },
    { "trade", "trade" },
    { "exports", "trade" },
    { "imports", "trade" },
    { "fdi", "fdi" },
    { "foreign", "fdi" },
    { "grain", "grain_output grain_area" },
    { "energy", "energy_intensity" },
    { "air", "air_quality" },
    { "pollution", "air_quality" },
};

enum { NALIAS = sizeof aliases / sizeof aliases[0] };

size_t gwr_alias_count(void) { return NALIAS; }

const char *gwr_alias_at(size_t i, const char **keys)
{
    if (i >= NALIAS) return NULL;
    if (keys) *keys = aliases[i].keys;
    return aliases[i].alias;
}

/* query folded: lower case, ' ' and '-' as '_', trimmed */
static size_t norm(const char *q, char *out, size_t cap)
{
    size_t n = 0;
    while (*q == ' ') q++;
    for (; *q && n + 1 < cap; q++) {
        char c = *q;
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c == ' ' || c == '-') c = '_';
        if ((unsigned char)c >= 0x80) return 0;
        out[n++] = c;
    }
    while (n > 0 && out[n - 1] == '_') n--;
    out[n] = '\0';
    return n;
}

static size_t add(const gwr_indicator *ind, const gwr_indicator **out, size_t n, size_t max)
{
    if (!ind || n >= max) return n;
    for (size_t i = 0; i < n; i++)
        if (out[i] == ind) return n;
    out[n] = ind;
    return n + 1;
}

size_t gwr_indicator_aliases(const char *query, const gwr_indicator **out, size_t max)
{
    char q[64];
    if (!query || !norm(query, q, sizeof q)) return 0;
    size_t n = 0;
    for (size_t i = 0; i < NALIAS; i++) {
        if (strcmp(aliases[i].alias, q) != 0) continue;
        const char *k = aliases[i].keys;
        while (*k) {
            char key[48];
            size_t l = strcspn(k, " ");
            if (l < sizeof key) {
                memcpy(key, k, l);
                key[l] = '\0';
                n = add(gwr_indicator_by_key(key), out, n, max);
            }
            k += l;
            while (*k == ' ') k++;
        }
    }
    n = add(gwr_indicator_by_key(q), out, n, max);
    return n;
}
