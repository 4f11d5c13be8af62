/* pinyin_int.h — the generated reading tables (pinyin_data.c), shared by
 * pinyin_table.c and pinyin_match.c. Not part of the public API. */
#ifndef GWR_PINYIN_INT_H
#define GWR_PINYIN_INT_H
#include <stddef.h>
#include <stdint.h>

enum { GWR_PY_MAXSYL = 512 };    /* room for every syllable (418 in Unicode 15) */

extern const char     gwr_py_syl[][8];      /* syllables, sorted, toneless, ü as v */
extern const uint16_t gwr_py_sets[];        /* reading sets: count, syllable numbers… */
extern const uint16_t gwr_py_set_off[];     /* set number → offset in gwr_py_sets */
extern const uint32_t gwr_py_chars[];       /* code point << 11 | set number, sorted */
extern const uint32_t gwr_py_t2s[][2];      /* traditional, simplified; sorted */
extern const size_t   gwr_py_nsyl, gwr_py_nchars, gwr_py_nt2s, gwr_py_nsetwords;
extern const size_t   gwr_py_nsets;

/* pinyin_table.c: set number + 1 of each BMP character (0: none), valid
 * after gwr_py_init(); the set number of any character, or -1. */
extern uint16_t gwr_py_bmp[0x10000];
void gwr_py_init(void);
int  gwr_py_set_of(uint32_t cp);

#endif
