/* text_scan.c — the byte scans of the loader, sixteen bytes at a time.
 *
 * gwr_utf8_scan checks UTF-8, counts control bytes, notes CR and NUL and
 * finds the line starts in one pass. A block of sixteen bytes is valid UTF-8
 * when every continuation byte (80–BF) stands exactly where a lead byte
 * before it asks for one (one after C2–DF, two after E1–EF) and it holds none
 * of the lead bytes with extra rules (C0, C1, E0, ED, F0–FF): with SSE2 that
 * is a few compares of the block against itself shifted by one and two bytes.
 * A block that is not (or holds a rare lead) goes to the byte-at-a-time
 * decoder from the start of the character it cuts, which counts exactly as
 * the decoder has always counted (each byte not part of a valid sequence is
 * one invalid sequence); blocks of plain text resume after it.
 *
 * The same pass may list the characters the analysis form changes (blanks,
 * controls, format characters, full-width forms that are folded), each
 * candidate checked exactly, so that the normaliser need not read the text
 * again. gwr_text_next_special finds the next of them in a stretch, for
 * texts whose list is not known, checking sixteen lead bytes at once.
 *
 * Without SSE2 the same results come from the byte-at-a-time code. */
#include "text_internal.h"
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__SSE2__) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define GWR_TEXT_AVX2 1   /* AVX2 kernels, used when the processor has them */
#include <immintrin.h>
#endif

int gwr_text_simd = 2;

int gwr_text_simd_level(void)
{
#ifdef GWR_TEXT_AVX2
    if (gwr_text_simd >= 2 && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt")) return 2;
#endif
#ifdef __SSE2__
    if (gwr_text_simd >= 1) return 1;
#endif
    return 0;
}

/* ---- characters the analysis form changes -------------------------------- */

/* Does the character at p (a candidate lead byte, see below) change in the
 * analysis form: a blank or control character (ASCII up to the space, DEL),
 * U+00A0, U+00AD, C1 controls, U+061C, U+180E, U+2000–200F, U+202A–202E,
 * U+2060–2069, U+3000, U+FEFF, or a full-width digit, letter, ％ or ． that
 * is folded? A few more answer yes (U+2065, a two-byte character that ends
 * the text): the slow path then copies them as they are, as it does for any
 * character that is none of these. */
static inline bool special_at(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    if (c < 0xC0) return c <= 0x20 || c == 0x7F;
    if (end - p < 3) return true;   /* cut short, or a last character of two bytes: the slow path decides */
    unsigned c1 = p[1], c2 = p[2];
    switch (c) {
    case 0xE2: return (c1 == 0x80 && (c2 <= 0x8F || (c2 >= 0xAA && c2 <= 0xAE))) || (c1 == 0x81 && c2 >= 0xA0 && c2 <= 0xA9);
    case 0xEF:
        if (c1 == 0xBC) return c2 == 0x85 || c2 == 0x8E || (c2 >= 0x90 && c2 <= 0x99) || (c2 >= 0xA1 && c2 <= 0xBA);
        if (c1 == 0xBD) return c2 >= 0x81 && c2 <= 0x9A;
        return c1 == 0xBB && c2 == 0xBF;
    case 0xE3: return c1 == 0x80 && c2 == 0x80;
    case 0xC2: return c1 <= 0xA0 || c1 == 0xAD;
    case 0xD8: return c1 == 0x9C;
    case 0xE1: return c1 == 0xA0 && c2 == 0x8E;
    default: return false;
    }
}

/* Candidate lead bytes: 00–20, 7F, C0–E3, EF (C2, D8, E1, E2, E3 and EF
 * lead the characters above; the rest of C0–E3 is rare in reports). */
static inline bool candidate(unsigned c)
{
    return c <= 0x20 || c == 0x7F || (c >= 0xC0 && c <= 0xE3) || c == 0xEF;
}

/* ---- UTF-8 check, control bytes, line starts, special characters --------- */

static void add_line(gwr_utf8_scan *sc, size_t start)
{
    if (sc->nlf == sc->lf_cap) {
        size_t nc = sc->lf_cap ? sc->lf_cap * 2 : 64;
        uint32_t *a = realloc(sc->lf, nc * sizeof *a);
        if (!a) {
            sc->lf_oom = true;
            return;
        }
        sc->lf = a;
        sc->lf_cap = nc;
    }
    sc->lf[sc->nlf++] = (uint32_t)start;
}

#ifdef __SSE2__
/* LFs at the offsets i + (each bit of bits), the last before len: their lines. */
static inline void add_lines(gwr_utf8_scan *sc, size_t i, unsigned bits, size_t len)
{
    if (!sc->lines) return;
    if (sc->nlf + 32 > sc->lf_cap) {
        size_t nc = sc->lf_cap * 2 + 64;
        uint32_t *a = realloc(sc->lf, nc * sizeof *a);
        if (!a) {
            sc->lf_oom = true;
            sc->lines = false;
            return;
        }
        sc->lf = a;
        sc->lf_cap = nc;
    }
    for (; bits; bits &= bits - 1) {
        size_t at = i + (unsigned)__builtin_ctz(bits) + 1;
        if (at < len) sc->lf[sc->nlf++] = (uint32_t)at;
    }
}
#endif

/* The list of special characters given up: the normaliser finds them itself. */
static void sp_drop(gwr_utf8_scan *sc)
{
    free(sc->sp);
    sc->sp = NULL;
    sc->nsp = sc->sp_cap = 0;
    sc->specials = false;
    sc->sp_off = true;
}

/* Room for 32 more special characters in a text of len bytes. The list is
 * given up once it would hold more than one in eight bytes (a text of
 * spaces), so it never takes more memory than half the text. */
static inline bool sp_room(gwr_utf8_scan *sc, size_t len)
{
    if (sc->nsp + 32 <= sc->sp_cap) return true;
    if (!sc->specials) return false;
    if (sc->nsp > len / 8 + 64) {
        sp_drop(sc);
        return false;
    }
    size_t nc = sc->sp_cap * 2 + 64;
    uint32_t *a = realloc(sc->sp, nc * sizeof *a);
    if (!a) {
        sp_drop(sc);
        return false;
    }
    sc->sp = a;
    sc->sp_cap = nc;
    return true;
}

/* A special character at offset i, met by the byte-at-a-time decoder: kept
 * unless the blocks before have already listed it (the decoder may step
 * back over the character a block boundary cuts). */
static inline void sp_add(gwr_utf8_scan *sc, size_t i, size_t len)
{
    if (sc->nsp && sc->sp[sc->nsp - 1] >= i) return;
    if (sp_room(sc, len)) sc->sp[sc->nsp++] = (uint32_t)i;
}

/* A byte below 0x20 or DEL at offset i of s[0,len). */
static inline void note_low(gwr_utf8_scan *sc, unsigned c, size_t i, size_t len)
{
    switch (c) {
    case '\n':
        if (sc->lines && i + 1 < len) add_line(sc, i + 1);
        break;
    case '\r': sc->cr = true; break;
    case '\t': case '\f': case 0x1B: break;
    case 0: sc->nul = true; sc->ctl++; break;
    default: sc->ctl++; break;
    }
}

#ifdef __SSE2__
/* The marks of a valid block at s[i]: each bit of m a byte up to the space
 * or DEL (not LF), or the last byte of a multi-byte character that may be
 * special (the blocks below tell it by its last byte, which lies in exactly
 * one block). */
static inline __attribute__((always_inline)) void note_marks(gwr_utf8_scan *sc, const unsigned char *s, size_t i, unsigned m, size_t len)
{
    bool keep = sp_room(sc, len);
    for (; m; m &= m - 1) {
        size_t at = i + (unsigned)__builtin_ctz(m);
        unsigned c = s[at];
        if (c < 0x80) {
            if (c != ' ') note_low(sc, c, at, len);
            if (keep) sc->sp[sc->nsp++] = (uint32_t)at;
        } else if (keep) {
            size_t lead = at - 1 - (s[at - 1] < 0xC0);
            if (special_at(s + lead, s + len)) sc->sp[sc->nsp++] = (uint32_t)lead;
        }
    }
}
#endif

/* Bytes from 0x80. */
size_t gwr_count_high(const unsigned char *s, size_t len)
{
    size_t i = 0, hi = 0;
#ifdef __SSE2__
    for (; i + 16 <= len; i += 16)
        hi += (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(s + i))));
#endif
    for (; i < len; i++) hi += s[i] >= 0x80;
    return hi;
}

/* Control bytes only (after the check has stopped): from i to len. */
static void scan_ctl(gwr_utf8_scan *sc, const unsigned char *s, size_t i, size_t len)
{
#ifdef __SSE2__
    const __m128i c1f = _mm_set1_epi8(0x1F), c7f = _mm_set1_epi8(0x7F);
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i low = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, c1f), v), _mm_cmpeq_epi8(v, c7f));
        unsigned m = (unsigned)_mm_movemask_epi8(low);
        while (m) {
            unsigned b = (unsigned)__builtin_ctz(m);
            note_low(sc, s[i + b], i + b, len);
            m &= m - 1;
        }
    }
#endif
    for (; i < len; i++)
        if (s[i] < 0x20 || s[i] == 0x7F) note_low(sc, s[i], i, len);
}

/* One character (or one invalid byte) at s[i]: returns its length; *ok is
 * false for an invalid byte. */
static inline size_t step(gwr_utf8_scan *sc, const unsigned char *s, size_t i, size_t len, bool *ok)
{
    unsigned c = s[i];
    *ok = true;
    if (c < 0x80) {
        if (c < 0x20 || c == 0x7F) note_low(sc, c, i, len);
        if (sc->specials && (c <= 0x20 || c == 0x7F) && c != '\n') sp_add(sc, i, len);
        return 1;
    }
    size_t n = gwr_utf8_valid_len(s + i, s + len);
    if (n) {
        if (sc->specials && candidate(c) && special_at(s + i, s + len)) sp_add(sc, i, len);
        return n;
    }
    *ok = false;
    if (sc->bad++ == 0) {
        sc->high = gwr_count_high(s, len);
        if (sc->stop) sc->bad_cap = sc->high / 50;
    }
    return 1;
}

/* The blocks below find the special characters (see special_at) by their
 * last byte, from the byte itself (v) and the two before it (v1, v2):
 *   v up to the space, or DEL;
 *   v1 C0–DF (two-byte characters: U+00A0, U+00AD, C1 controls, U+061C);
 *   v2 E1–E2 and v not 90–9F (U+180E, U+2000–206F; not the quotes and
 *   dashes, E2 80 90–9F);
 *   v2 E3 and v 80 (U+3000; not 、。《》…, E3 80 81–BF);
 *   v2 EF, unless v is 86–8D after v1 other than BD (the full-width forms;
 *   not （）＋，, the commonest by far, while ｆ–ｍ, EF BD 86–8D, stay).
 * Each is then checked exactly. */

#ifdef __SSE2__
/* Blocks of sixteen bytes from i (two bytes of context before it, see
 * gwr_utf8_scan_run) while they are valid: returns where it stopped (a block
 * to decode byte by byte, or fewer than sixteen bytes left). sp: find the
 * special characters too. */
static inline __attribute__((always_inline)) size_t blocks_sse2_(gwr_utf8_scan *sc, const unsigned char *s, size_t i,
                                                                  size_t len, bool sp)
{
    const __m128i c0 = _mm_set1_epi8((char)0xC0), e0 = _mm_set1_epi8((char)0xE0), f0 = _mm_set1_epi8((char)0xF0),
                  ed = _mm_set1_epi8((char)0xED), fe = _mm_set1_epi8((char)0xFE),
                  c1f = _mm_set1_epi8(sp ? 0x20 : 0x1F), c7f = _mm_set1_epi8(0x7F);
    while (i + 16 <= len) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i v1 = _mm_loadu_si128((const __m128i *)(s + i - 1));
        __m128i v2 = _mm_loadu_si128((const __m128i *)(s + i - 2));
        __m128i cont = _mm_cmplt_epi8(v, c0);                                   /* 80–BF */
        __m128i want = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v1, c0), v1),   /* after C0–FF */
                                    _mm_cmpeq_epi8(_mm_max_epu8(v2, e0), v2));  /* two after E0–FF */
        __m128i rare = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, f0), v), _mm_cmpeq_epi8(v, e0)),
                                    _mm_or_si128(_mm_cmpeq_epi8(v, ed), _mm_cmpeq_epi8(_mm_and_si128(v, fe), c0)));
        __m128i bad = _mm_or_si128(_mm_xor_si128(cont, want), rare);
        __m128i low = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, c1f), v), _mm_cmpeq_epi8(v, c7f));
        if (sp) {
            __m128i two = _mm_cmpgt_epi8(_mm_set1_epi8((char)0xA0), _mm_add_epi8(v1, c0));   /* v1 C0–DF */
            __m128i e12 = _mm_andnot_si128(_mm_cmpeq_epi8(_mm_and_si128(v, f0), _mm_set1_epi8((char)0x90)),
                                           _mm_cmpgt_epi8(_mm_set1_epi8((char)0x82),
                                                          _mm_add_epi8(v2, _mm_set1_epi8((char)0x9F))));
            __m128i e3 = _mm_and_si128(_mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0xE3)),
                                       _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x80)));
            __m128i keep = _mm_andnot_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xBD)),    /* v 86–8D, v1 not BD */
                                            _mm_cmpgt_epi8(_mm_set1_epi8((char)0x88),
                                                           _mm_add_epi8(v, _mm_set1_epi8((char)0xFA))));
            __m128i ef = _mm_andnot_si128(keep, _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0xEF)));
            low = _mm_or_si128(_mm_or_si128(low, two), _mm_or_si128(e12, _mm_or_si128(e3, ef)));
        }
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(bad, low));
        if (m) {
            if (_mm_movemask_epi8(bad)) break;
            unsigned lf = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
            add_lines(sc, i, lf, len);
            m &= ~lf;
            if (sp) note_marks(sc, s, i, m, len);
            else
                for (; m; m &= m - 1) note_low(sc, s[i + (unsigned)__builtin_ctz(m)], i + (unsigned)__builtin_ctz(m), len);
        }
        i += 16;
    }
    return i;
}

static size_t blocks_sse2(gwr_utf8_scan *sc, const unsigned char *s, size_t i, size_t len)
{
    return sc->specials ? blocks_sse2_(sc, s, i, len, true) : blocks_sse2_(sc, s, i, len, false);
}
#endif

#ifdef GWR_TEXT_AVX2
/* The same, thirty-two bytes at a time. */
__attribute__((target("avx2"))) static inline __attribute__((always_inline)) size_t
blocks_avx2_(gwr_utf8_scan *sc, const unsigned char *s, size_t i, size_t len, bool sp)
{
    __m256i c0 = _mm256_set1_epi8((char)0xC0), f0 = _mm256_set1_epi8((char)0xF0),
            krare = _mm256_setr_epi8(0, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0,
                                     0, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0),
            c1f = _mm256_set1_epi8(sp ? 0x20 : 0x1F), c7f = _mm256_set1_epi8(0x7F), bf = _mm256_set1_epi8((char)0xBF),
            df = _mm256_set1_epi8((char)0xDF), zero = _mm256_setzero_si256();
    __m256i ka0 = _mm256_set1_epi8((char)0xA0), k82 = _mm256_set1_epi8((char)0x82), k9f = _mm256_set1_epi8((char)0x9F),
            ke3 = _mm256_set1_epi8((char)0xE3), k80 = _mm256_set1_epi8((char)0x80), kbd = _mm256_set1_epi8((char)0xBD),
            k88 = _mm256_set1_epi8((char)0x88), kfa = _mm256_set1_epi8((char)0xFA), kef = _mm256_set1_epi8((char)0xEF),
            klf = _mm256_set1_epi8('\n'), k90 = _mm256_set1_epi8((char)0x90);
    /* made once (the compiler would rebuild them in the loop; those that do
     * not fit in registers are read from the stack) */
    __asm__("" : "+x"(c0), "+x"(f0), "+x"(krare), "+x"(c1f), "+x"(c7f), "+x"(bf), "+x"(df));
    if (sp) {
        __asm__("" : "+x"(ka0), "+x"(k82), "+x"(k9f), "+x"(ke3), "+x"(k80));
        __asm__("" : "+x"(kbd), "+x"(k88), "+x"(kfa), "+x"(kef), "+x"(klf), "+x"(k90));
    }
    while (i + 32 <= len) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(s + i));
        __m256i v1 = _mm256_loadu_si256((const __m256i *)(s + i - 1));
        __m256i v2 = _mm256_loadu_si256((const __m256i *)(s + i - 2));
        __m256i cont = _mm256_cmpgt_epi8(c0, v);
        /* no continuation byte wanted: neither C0–FF before nor E0–FF two before */
        __m256i none = _mm256_cmpeq_epi8(_mm256_or_si256(_mm256_subs_epu8(v1, bf), _mm256_subs_epu8(v2, df)), zero);
        /* C0, C1, E0, ED and F0–FF by one lookup of v - BF (saturated) and one
         * compare; the lookup also takes CD, D0, D1, DD, E1 (rare in reports:
         * the byte-at-a-time decoder checks them) */
        __m256i rare = _mm256_or_si256(_mm256_shuffle_epi8(krare, _mm256_subs_epu8(v, bf)),
                                       _mm256_cmpeq_epi8(_mm256_max_epu8(v, f0), v));
        __m256i bad = _mm256_or_si256(_mm256_cmpeq_epi8(cont, none), rare);
        __m256i low = _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_min_epu8(v, c1f), v), _mm256_cmpeq_epi8(v, c7f));
        if (sp) {
            __m256i two = _mm256_cmpgt_epi8(ka0, _mm256_add_epi8(v1, c0));
            __m256i e12 = _mm256_andnot_si256(_mm256_cmpeq_epi8(_mm256_and_si256(v, f0), k90),
                                              _mm256_cmpgt_epi8(k82, _mm256_add_epi8(v2, k9f)));
            __m256i e3 = _mm256_and_si256(_mm256_cmpeq_epi8(v2, ke3), _mm256_cmpeq_epi8(v, k80));
            __m256i keep = _mm256_andnot_si256(_mm256_cmpeq_epi8(v1, kbd), _mm256_cmpgt_epi8(k88, _mm256_add_epi8(v, kfa)));
            __m256i ef = _mm256_andnot_si256(keep, _mm256_cmpeq_epi8(v2, kef));
            low = _mm256_or_si256(_mm256_or_si256(low, two), _mm256_or_si256(e12, _mm256_or_si256(e3, ef)));
        }
        unsigned m = (unsigned)_mm256_movemask_epi8(_mm256_or_si256(bad, low));
        if (m) {
            if (_mm256_movemask_epi8(bad)) break;
            unsigned lf = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, klf));
            add_lines(sc, i, lf, len);
            m &= ~lf;
            if (sp) note_marks(sc, s, i, m, len);
            else
                for (; m; m &= m - 1) note_low(sc, s[i + (unsigned)__builtin_ctz(m)], i + (unsigned)__builtin_ctz(m), len);
        }
        i += 32;
    }
    return i;
}

__attribute__((target("avx2"))) static size_t blocks_avx2(gwr_utf8_scan *sc, const unsigned char *s, size_t i,
                                                          size_t len)
{
    return sc->specials ? blocks_avx2_(sc, s, i, len, true) : blocks_avx2_(sc, s, i, len, false);
}
#endif

/* Eight ASCII bytes, none below lim and no DEL (in memory order in w). */
static inline bool plain_ascii8(uint64_t w, unsigned lim)
{
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    uint64_t x = w ^ (ones * 0x7F);
    return !((w | ((w - ones * lim) & ~w) | ((x - ones) & ~x)) & high);
}

/* Do the eight bytes of w (in memory order) start with two valid three-byte
 * characters led by E1–EC or EE–EF (no E0 overlong, no ED surrogate) and by
 * none of the leads in skip (a bit for each low nibble)? */
static inline bool two_cjk(uint64_t w, unsigned skip)
{
    if ((w & 0xC0C0F0C0C0F0ULL) != 0x8080E08080E0ULL) return false;
    unsigned l1 = (unsigned)(w & 0x0F), l2 = (unsigned)(w >> 24) & 0x0F;
    return !((((0x2001u | skip) >> l1) | ((0x2001u | skip) >> l2)) & 1);
}

void gwr_utf8_scan_run(const unsigned char *s, size_t len, gwr_utf8_scan *sc)
{
    sc->bad = sc->ctl = sc->high = sc->nlf = sc->nsp = 0;
    sc->cr = sc->nul = sc->over = sc->lf_oom = sc->sp_off = false;
    sc->bad_cap = SIZE_MAX;
    if (sc->lines) add_line(sc, 0);
    size_t i = 0;
    bool ok = true;
    int level = gwr_text_simd_level();
    if (level == 0) {
        while (i < len) {
            if (len - i >= 8) {   /* eight bytes at a time where nothing is to note */
                uint64_t w;
                memcpy(&w, s + i, 8);
                /* with the special characters: no space, no E1–E3 or EF lead */
                if (plain_ascii8(w, sc->specials ? 0x21 : 0x20)) {
                    i += 8;
                    continue;
                }
                if (two_cjk(w, sc->specials ? 0x800Eu : 0)) {
                    i += 6;
                    continue;
                }
            }
            i += step(sc, s, i, len, &ok);
            if (sc->bad > sc->bad_cap) goto over;
        }
        return;
    }
    for (;;) {
        /* the byte-at-a-time decoder until a block may start: two bytes of
         * context behind it, the last character valid, and no lead byte in
         * them (one left by an invalid sequence before an ASCII byte) that
         * would ask for continuation bytes inside the block */
        while (i < len && (i < 2 || !ok || s[i - 1] >= 0xC0 || s[i - 2] >= 0xE0)) i += step(sc, s, i, len, &ok);
        if (sc->bad > sc->bad_cap) goto over;
#ifdef GWR_TEXT_AVX2
        if (level >= 2) i = blocks_avx2(sc, s, i, len);
#endif
#ifdef __SSE2__
        i = blocks_sse2(sc, s, i, len);
#endif
        /* a block to decode byte by byte, or the tail (perhaps empty, but a
         * lead byte at the very end still asks for what does not follow):
         * from the start of the character that the block boundary cuts (bytes
         * before i are valid UTF-8 and their control bytes are counted; the
         * bytes stepped back over are not ASCII, so none is counted twice) */
        size_t lim = i + 16 < len ? i + 16 : len;
        if (ok && i > 0 && s[i - 1] >= 0x80) {   /* not after an invalid byte, already counted */
            size_t k = i - 1;
            while (k > 0 && k + 3 >= i && (s[k] & 0xC0) == 0x80) k--;
            i = k;
        }
        while (i < lim) i += step(sc, s, i, len, &ok);
        if (i >= len) break;
    }
    if (sc->bad > sc->bad_cap) goto over;
    return;
over:
    /* more invalid sequences than the caller weighs: the rest only for its
     * control bytes and NULs */
    sc->over = true;
    sc->lines = false;
    if (sc->specials) sp_drop(sc);
    scan_ctl(sc, s, i, len);
}
/* ---- characters the analysis form changes -------------------------------- */

/* A character at a time (s and end on character boundaries of valid UTF-8;
 * a byte at a time otherwise, as continuation bytes are never candidates). */
static const unsigned char *next_special_bytes(const unsigned char *s, const unsigned char *end)
{
    while (s < end) {
        unsigned c = *s;
        if (candidate(c)) {
            if (special_at(s, end)) return s;
            s++;
            continue;
        }
        size_t n = c < 0xE0 ? 1 : c < 0xF0 ? 3 : 4;   /* C0–DF are candidates */
        s += (size_t)(end - s) < n ? 1 : n;
    }
    return end;
}

#ifdef __SSE2__
static inline unsigned candidates16(__m128i v)
{
    /* C0–E3 is 80–A3 after adding C0, 00–20 is 80–A0 after flipping the top
     * bit: both signed compares */
    __m128i lead = _mm_cmpgt_epi8(_mm_set1_epi8((char)0xA4), _mm_add_epi8(v, _mm_set1_epi8((char)0xC0)));
    __m128i low = _mm_cmpgt_epi8(_mm_set1_epi8((char)0xA1), _mm_xor_si128(v, _mm_set1_epi8((char)0x80)));
    __m128i one = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)), _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(lead, low), one));
}
#endif

#ifdef GWR_TEXT_AVX2
/* Thirty-two lead bytes at a time while 34 bytes are left, the candidates
 * narrowed by the third byte: less the punctuation that stays and is the most
 * common by far, ， (EF BC 8C; not EF BD 8C, ｌ) and the ideographic marks
 * E3 80 81–BF (、。《》…), keeping E3 80 80. Returns the special character
 * found, or NULL with *sp moved on. */
__attribute__((target("avx2"))) static const unsigned char *next_special_avx2(const unsigned char **sp,
                                                                            const unsigned char *end)
{
    const unsigned char *s = *sp;
    __m256i k80 = _mm256_set1_epi8((char)0x80), ka1 = _mm256_set1_epi8((char)0xA1), k7f = _mm256_set1_epi8(0x7F),
            kc0 = _mm256_set1_epi8((char)0xC0), ka3 = _mm256_set1_epi8((char)0xA3), ke3 = _mm256_set1_epi8((char)0xE3),
            kef = _mm256_set1_epi8((char)0xEF), k8c = _mm256_set1_epi8((char)0x8C), kbd = _mm256_set1_epi8((char)0xBD);
    __asm__("" : "+x"(k80), "+x"(ka1), "+x"(k7f), "+x"(kc0), "+x"(ka3), "+x"(ke3), "+x"(kef), "+x"(k8c), "+x"(kbd));
    for (; end - s >= 34; s += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)s);
        __m256i u = _mm256_loadu_si256((const __m256i *)(s + 1));
        __m256i w = _mm256_loadu_si256((const __m256i *)(s + 2));
        __m256i low = _mm256_or_si256(_mm256_cmpgt_epi8(ka1, _mm256_xor_si256(v, k80)),   /* 00–20 */
                                      _mm256_cmpeq_epi8(v, k7f));
        __m256i lead = _mm256_cmpgt_epi8(ka3, _mm256_add_epi8(v, kc0));                   /* C0–E2 */
        __m256i e3 = _mm256_and_si256(_mm256_cmpeq_epi8(v, ke3), _mm256_cmpeq_epi8(w, k80));
        __m256i comma = _mm256_andnot_si256(_mm256_cmpeq_epi8(u, kbd), _mm256_cmpeq_epi8(w, k8c));
        __m256i ef = _mm256_andnot_si256(comma, _mm256_cmpeq_epi8(v, kef));
        unsigned m = (unsigned)_mm256_movemask_epi8(_mm256_or_si256(_mm256_or_si256(low, lead), _mm256_or_si256(e3, ef)));
        for (; m; m &= m - 1)
            if (special_at(s + __builtin_ctz(m), end)) return s + __builtin_ctz(m);
    }
    *sp = s;
    return NULL;
}
#endif

const unsigned char *gwr_text_next_special(const unsigned char *base, const unsigned char *s, const unsigned char *end)
{
#ifdef GWR_TEXT_AVX2
    if (end - s >= 34 && gwr_text_simd_level() >= 2) {
        const unsigned char *r = next_special_avx2(&s, end);
        if (r) return r;
    }
#endif
#ifdef __SSE2__
    if (gwr_text_simd_level() == 0) return next_special_bytes(s, end);
    for (; end - s >= 16; s += 16) {
        unsigned m = candidates16(_mm_loadu_si128((const __m128i *)s));
        for (; m; m &= m - 1)
            if (special_at(s + __builtin_ctz(m), end)) return s + __builtin_ctz(m);
    }
    if (s < end && end - base >= 16) {   /* the last sixteen bytes, those before s masked off */
        const unsigned char *q = end - 16;
        unsigned m = candidates16(_mm_loadu_si128((const __m128i *)q)) & (0xFFFFu << (s - q));
        for (; m; m &= m - 1)
            if (special_at(q + __builtin_ctz(m), end)) return q + __builtin_ctz(m);
        return end;
    }
#else
    (void)base;
#endif
    return next_special_bytes(s, end);
}

/* ---- characters in a stretch ------------------------------------------------ */

#ifdef GWR_TEXT_AVX2
/* Bytes that are not continuation bytes in s[0,n) (n >= 32), 32 at a time
 * while at most cap are seen; the last block overlaps the one before. */
__attribute__((target("avx2,popcnt"))) static size_t count_avx2(const unsigned char *s, size_t n, size_t cap)
{
    const __m256i c0 = _mm256_set1_epi8((char)0xC0);
    size_t c = 0, i = 0;
    for (; i + 32 <= n && c <= cap; i += 32)
        c += 32 - (size_t)__builtin_popcount(
                      (unsigned)_mm256_movemask_epi8(_mm256_cmpgt_epi8(c0, _mm256_loadu_si256((const __m256i *)(s + i)))));
    if (i < n && c <= cap) {
        unsigned m = (unsigned)_mm256_movemask_epi8(_mm256_cmpgt_epi8(c0, _mm256_loadu_si256((const __m256i *)(s + n - 32))));
        size_t r = n - i;   /* 1..31: the last r bytes */
        c += r - (size_t)__builtin_popcount(m >> (32 - r));
    }
    return c;
}
#endif

size_t gwr_text_count_chars(const char *s, size_t n, size_t cap)
{
#ifdef GWR_TEXT_AVX2
    if (n >= 32 && gwr_text_simd_level() >= 2) return count_avx2((const unsigned char *)s, n, cap);
#endif
    (void)s;
    (void)n;
    (void)cap;
    return SIZE_MAX;   /* not counted here */
}
