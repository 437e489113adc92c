#include "cicu_sentence_breaker.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>

#include "sentence_break_exceptions.h"
#include "utf8_scalar.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Classes are Sentence_Break values (U_SB_*); NO_CLASS marks a BMP cache slot not looked up yet.
enum { NO_CLASS = 0xFF };

struct cicu_sentence_breaker {
    const uint8_t *text;
    int64_t length;
    int64_t position;                       // the last boundary returned
    sentence_break_exceptions *exceptions;  // NULL without "ss=standard"
    /// Bytes that end the run of ordinary text: ASCII terminators and line ends, and every non-ASCII lead byte
    /// (whose scalar must be classed). Filled from the property data at open.
    uint8_t stops[256];
    /// The ASCII bytes among `stops`, for the 16-bytes-at-a-time scan (used when there are at most eight; unused
    /// slots repeat the first).
    uint8_t ascii_stops[8];
    int ascii_stop_count;
    /// Sentence_Break of every BMP scalar met so far; a news text uses a few hundred distinct ones.
    uint8_t bmp_class[0x10000];
};

static inline uint8_t class_of(cicu_sentence_breaker *b, uint32_t c) {
    if (c < 0x10000) {
        uint8_t k = b->bmp_class[c];
        if (k != NO_CLASS) return k;
        k = (uint8_t)u_getIntPropertyValue((UChar32)c, UCHAR_SENTENCE_BREAK);
        b->bmp_class[c] = k;
        return k;
    }
    return (uint8_t)u_getIntPropertyValue((UChar32)c, UCHAR_SENTENCE_BREAK);
}

cicu_sentence_breaker *cicu_sentence_breaker_open(const char *locale, int32_t *status) {
    cicu_sentence_breaker *b = malloc(sizeof(cicu_sentence_breaker));
    if (b == NULL) {
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    b->text = NULL;
    b->length = 0;
    b->position = 0;
    b->exceptions = NULL;
    memset(b->bmp_class, NO_CLASS, sizeof b->bmp_class);
    b->ascii_stop_count = 0;
    for (int c = 0; c < 256; c++) {
        uint8_t k = c < 0x80 ? class_of(b, (uint32_t)c) : U_SB_OTHER;
        b->stops[c] = c >= 0x80 || k == U_SB_ATERM || k == U_SB_STERM || k == U_SB_CR || k == U_SB_LF
            || k == U_SB_SEP;
        if (c < 0x80 && b->stops[c]) {
            if (b->ascii_stop_count < 8) b->ascii_stops[b->ascii_stop_count] = (uint8_t)c;
            b->ascii_stop_count++;
        }
    }
    for (int j = b->ascii_stop_count; j < 8; j++) b->ascii_stops[j] = b->ascii_stops[0];
    // ICU applies the filter only for the keyword value "standard", with the list of the locale without keywords.
    UErrorCode error = U_ZERO_ERROR;
    char value[32] = {0};
    int32_t value_length = uloc_getKeywordValue(locale, "ss", value, (int32_t)sizeof value - 1, &error);
    if (U_SUCCESS(error) && value_length > 0 && strcmp(value, "standard") == 0) {
        char base[ULOC_FULLNAME_CAPACITY] = {0};
        error = U_ZERO_ERROR;
        uloc_getBaseName(locale, base, (int32_t)sizeof base - 1, &error);
        if (U_FAILURE(error)) {
            free(b);
            *status = (int32_t)error;
            return NULL;
        }
        b->exceptions = sentence_break_exceptions_open(base, status);
        if (b->exceptions == NULL) {
            free(b);
            return NULL;
        }
    }
    *status = 0;
    return b;
}

void cicu_sentence_breaker_close(cicu_sentence_breaker *b) {
    if (b == NULL) return;
    sentence_break_exceptions_close(b->exceptions);
    free(b);
}

int32_t cicu_sentence_breaker_set_text(cicu_sentence_breaker *b, const uint8_t *utf8, int64_t length) {
    if (length < 0) return U_INDEX_OUTOFBOUNDS_ERROR;
    b->text = utf8;
    b->length = length;
    b->position = 0;
    return 0;
}

/// The first byte at or after `i` that is a stop (or `n`). News text has a stop every few dozen bytes, so
/// comparing 16 bytes at a time against the few ASCII stops (and their high bits) pays.
static inline int64_t skip_ordinary(const cicu_sentence_breaker *b, const uint8_t *s, int64_t i, int64_t n) {
#if defined(__SSE2__)
    if (b->ascii_stop_count <= 8) {
        const __m128i s0 = _mm_set1_epi8((char)b->ascii_stops[0]), s1 = _mm_set1_epi8((char)b->ascii_stops[1]),
                      s2 = _mm_set1_epi8((char)b->ascii_stops[2]), s3 = _mm_set1_epi8((char)b->ascii_stops[3]),
                      s4 = _mm_set1_epi8((char)b->ascii_stops[4]), s5 = _mm_set1_epi8((char)b->ascii_stops[5]),
                      s6 = _mm_set1_epi8((char)b->ascii_stops[6]), s7 = _mm_set1_epi8((char)b->ascii_stops[7]);
        while (i + 16 <= n) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, s0), _mm_cmpeq_epi8(v, s1)),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, s2), _mm_cmpeq_epi8(v, s3)));
            hit = _mm_or_si128(hit, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, s4), _mm_cmpeq_epi8(v, s5)),
                                                 _mm_or_si128(_mm_cmpeq_epi8(v, s6), _mm_cmpeq_epi8(v, s7))));
            int mask = _mm_movemask_epi8(_mm_or_si128(hit, v));  // v's own high bits: non-ASCII bytes
            if (mask != 0) return i + __builtin_ctz((unsigned)mask);
            i += 16;
        }
    }
#endif
    while (i < n && !b->stops[s[i]]) i++;
    return i;
}

static inline int64_t after_line_end(const uint8_t *s, int64_t n, int64_t i, uint8_t k, int length) {
    if (k == U_SB_CR && i + 1 < n && s[i + 1] == 0x0A) return i + 2;  // CR LF is one separator (rule CR LF)
    return i + length;
}

/// Whether the ATerm at `t` follows an Upper or Lower letter, with only Extend/Format between, inside the match
/// that began at `start` (the "U.S" and "e.g" rule, SB7).
static int letter_before(cicu_sentence_breaker *b, const uint8_t *s, int64_t start, int64_t t) {
    int64_t j = t, begin;
    while (j > start) {
        uint8_t k = class_of(b, utf8_decode_before(s, start, j, &begin));
        if (k != U_SB_EXTEND && k != U_SB_FORMAT) return k == U_SB_UPPER || k == U_SB_LOWER;
        j = begin;
    }
    return 0;
}

/// The end of the longest match of ICU's sentence rules from boundary `start`: the next rule break.
///
/// ICU's rules, with its chaining (a match may go on with any rule that starts with the character the previous
/// one ended on), accept every character of ordinary text, so a match runs on until a separator (Sep, LF, CR, or
/// CR LF: always a break after it, SB4) or a terminator (ATerm such as ".", STerm such as "?"). After a terminator
/// come Extend/Format (SB5), Close* then Sp* (SB9, SB10), all still in the match, and then:
/// - a separator ends the match after it (SB11);
/// - SContinue, ATerm or STerm continue it (SB8a), the latter starting a new terminator;
/// - after ATerm only: Numeric directly (no Close/Sp between) continues (SB6), Upper directly continues if a letter
///   came right before the ATerm (SB7), and a Lower anywhere after a run of characters that are not letters,
///   terminators or separators continues (SB8). That run is look-ahead: if no Lower ends it, the match ends where
///   the run began;
/// - anything else ends the match before it.
static int64_t rule_break_after(cicu_sentence_breaker *b, int64_t start) {
    const uint8_t *s = b->text;
    int64_t n = b->length, i = start;
    int length;
    uint8_t k;
    for (;;) {
        // Ordinary text: find the next terminator or separator.
        for (;;) {
            i = skip_ordinary(b, s, i, n);
            if (i >= n) return n;
            k = class_of(b, utf8_decode(s, i, n, &length));
            if (k == U_SB_ATERM || k == U_SB_STERM) break;
            if (k == U_SB_LF || k == U_SB_SEP || k == U_SB_CR) return after_line_end(s, n, i, k, length);
            i += length;
        }
        int aterm = k == U_SB_ATERM;
        int upper_continues = aterm && letter_before(b, s, start, i);
        i += length;
        // After a terminator. phase 0: only Extend/Format since it; 1: Close seen; 2: Sp seen.
        int phase = 0;
        int look_ahead = 0;
        for (;;) {
            if (i >= n) return n;
            k = class_of(b, utf8_decode(s, i, n, &length));
            if (k == U_SB_EXTEND || k == U_SB_FORMAT) {
                i += length;
                continue;
            }
            if (k == U_SB_CLOSE && phase < 2) {
                phase = 1;
                i += length;
                continue;
            }
            if (k == U_SB_SP) {
                phase = 2;
                i += length;
                continue;
            }
            if (k == U_SB_LF || k == U_SB_SEP || k == U_SB_CR) return after_line_end(s, n, i, k, length);
            if (k == U_SB_ATERM || k == U_SB_STERM) {
                aterm = k == U_SB_ATERM;
                upper_continues = 0;
                phase = 0;
                i += length;
                continue;
            }
            if (k == U_SB_SCONTINUE) break;
            if (k == U_SB_NUMERIC && aterm && phase == 0) break;
            if (k == U_SB_UPPER && upper_continues && phase == 0) break;
            if (k == U_SB_LOWER && aterm) break;
            if (aterm && (k == U_SB_NUMERIC || k == U_SB_CLOSE || k == U_SB_OTHER)) {
                look_ahead = 1;
                break;
            }
            return i;
        }
        if (look_ahead) {
            int64_t end = i;
            for (;;) {
                i += length;
                if (i >= n) return end;
                k = class_of(b, utf8_decode(s, i, n, &length));
                if (k == U_SB_LOWER) break;
                if (k != U_SB_NUMERIC && k != U_SB_SCONTINUE && k != U_SB_CLOSE && k != U_SB_SP && k != U_SB_OTHER
                    && k != U_SB_EXTEND && k != U_SB_FORMAT) {
                    return end;
                }
            }
        }
        // The character that continued the match starts ordinary text again.
        i += length;
    }
}

int64_t cicu_sentence_breaker_next(cicu_sentence_breaker *b) {
    const int64_t n = b->length;
    while (b->position < n) {
        int64_t q = rule_break_after(b, b->position);
        b->position = q;
        if (q == n || b->exceptions == NULL || !sentence_break_exceptions_suppress(b->exceptions, b->text, n, q)) {
            return q;
        }
    }
    return -1;
}
