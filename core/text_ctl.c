/* text_ctl.c — terminal control sequences and control characters in report
 * text. Text pasted from terminals and web pages can carry ESC sequences
 * (colours, "clear screen", window titles) and C0/C1 control characters. The
 * original text keeps them (the interface shows them as ^[ and <U+009B>); the
 * analysis form drops them, so that titles and figures read as written and no
 * writer can pass them to the user's terminal. */
#include "text_internal.h"

/* CSI parameters, intermediates, final byte: ESC [ or U+009B already skipped. */
static size_t csi_len(const unsigned char *s, const unsigned char *end)
{
    const unsigned char *p = s;
    while (p < end && *p >= 0x30 && *p <= 0x3F) p++;   /* parameters */
    while (p < end && *p >= 0x20 && *p <= 0x2F) p++;   /* intermediates */
    if (p < end && *p >= 0x40 && *p <= 0x7E) return (size_t)(p - s) + 1;
    return 0;                                           /* malformed: drop the introducer only */
}

/* OSC/DCS/APC/PM/SOS string up to BEL, ESC \ or U+009C (bounded: an
 * unterminated string drops only its introducer). */
static size_t string_len(const unsigned char *s, const unsigned char *end)
{
    enum { MAX_STRING = 512 };
    for (const unsigned char *p = s; p < end && p - s < MAX_STRING; p++) {
        if (*p == 0x07) return (size_t)(p - s) + 1;
        if (*p == 0x1B && p + 1 < end && p[1] == '\\') return (size_t)(p - s) + 2;
        if (*p == 0xC2 && p + 1 < end && p[1] == 0x9C) return (size_t)(p - s) + 2;
        if (*p == '\n') break;
    }
    return 0;
}

size_t gwr_text_control_len(const unsigned char *s, const unsigned char *end)
{
    if (s >= end) return 0;
    unsigned c = *s;
    if (c == 0x1B) {
        if (s + 1 >= end) return 1;
        unsigned f = s[1];
        if (f == '[') return 2 + csi_len(s + 2, end);
        if (f == ']' || f == 'P' || f == '_' || f == '^' || f == 'X') return 2 + string_len(s + 2, end);
        if (f >= 0x20 && f <= 0x2F)                      /* ESC ( B, ESC # 8: one intermediate + final */
            return (s + 2 < end && s[2] >= 0x30 && s[2] <= 0x7E) ? 3 : 2;
        if (f >= 0x30 && f <= 0x7E) return 2;            /* ESC c, ESC 7, ESC = … */
        return 1;
    }
    if (c == 0xC2 && s + 1 < end && s[1] >= 0x80 && s[1] <= 0x9F) {   /* C1 as UTF-8 */
        unsigned f = s[1];
        if (f == 0x9B) return 2 + csi_len(s + 2, end);
        if (f == 0x9D || f == 0x90 || f == 0x9F || f == 0x9E || f == 0x98) return 2 + string_len(s + 2, end);
        return 2;
    }
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f') || c == 0x7F)
        return 1;                                        /* other C0 (blanks are spaces), DEL */
    return 0;
}

size_t gwr_text_format_len(const unsigned char *s, const unsigned char *end)
{
    size_t avail = (size_t)(end - s);
    if (s >= end || *s < 0xC2) return 0;
    if (avail >= 2 && s[0] == 0xC2 && s[1] == 0xAD) return 2;                       /* soft hyphen */
    if (avail >= 2 && s[0] == 0xD8 && s[1] == 0x9C) return 2;                       /* U+061C ALM */
    if (avail < 3) return 0;
    if (s[0] == 0xE1 && s[1] == 0xA0 && s[2] == 0x8E) return 3;                    /* U+180E */
    if (s[0] == 0xE2 && s[1] == 0x80 && ((s[2] >= 0x8B && s[2] <= 0x8F) ||         /* U+200B–200F */
                                         (s[2] >= 0xAA && s[2] <= 0xAE)))          /* U+202A–202E */
        return 3;
    if (s[0] == 0xE2 && s[1] == 0x81 && ((s[2] >= 0xA0 && s[2] <= 0xA4) ||         /* U+2060–2064 */
                                         (s[2] >= 0xA6 && s[2] <= 0xA9)))          /* U+2066–2069 */
        return 3;
    if (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) return 3;                    /* U+FEFF */
    return 0;
}
