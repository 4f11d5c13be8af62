/* strpool.h — one copy of the short strings that recur across reports.
 * Indicator names (地区生产总值), values as written (5%左右), headings and
 * entities repeat from report to report: a corpus kept in memory holds each
 * once. The pool belongs to the process: its strings are never freed, so a
 * pointer into it stays valid after the document that asked for it is gone
 * (it grows only with the distinct strings of the documents kept). */
#ifndef GWR_STRPOOL_H
#define GWR_STRPOOL_H
#include <stddef.h>

/* Strings longer than this are not pooled (they seldom recur). */
enum { GWR_STRPOOL_MAX = 255 };

/* The pool is shared by loading threads: take the lock around a batch of
 * gwr_strpool_get calls. */
void        gwr_strpool_lock(void);
void        gwr_strpool_unlock(void);
/* With the lock held: the pooled copy of s[0..n) (n ≤ GWR_STRPOOL_MAX),
 * with its NUL; equal strings give the same pointer. NULL when out of memory. */
const char *gwr_strpool_get(const char *s, size_t n);
/* Bytes held by the pool (strings, table), for statistics. */
size_t      gwr_strpool_bytes(void);

#endif
