/* indicators.h — canonical keys of headline indicators and their synonyms. */
#ifndef GWR_INDICATORS_H
#define GWR_INDICATORS_H
#include <stdbool.h>
#include <stddef.h>

typedef enum {
    GWR_DIR_UP = 0,      /* more is better (GDP growth) */
    GWR_DIR_DOWN,        /* less is better (unemployment, energy intensity, CPI ceiling) */
} gwr_direction;

typedef struct gwr_indicator {
    const char *key;     /* "gdp" */
    const char *label;   /* "地区生产总值" */
    int         rank;    /* order of headline display, 0 first */
    gwr_direction dir;
} gwr_indicator;

/* Key for an indicator name as written, or NULL. */
const gwr_indicator *gwr_indicator_match(const char *name, size_t len);
const gwr_indicator *gwr_indicator_by_key(const char *key);
size_t               gwr_indicator_count(void);
const gwr_indicator *gwr_indicator_at(size_t i);

#endif
