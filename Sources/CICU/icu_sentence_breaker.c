#include "cicu_icu_sentence_breaker.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

/// ICU breaks UTF-16 markedly faster than a UTF-8 UText (whose provider decodes 32-unit chunks through calls, forwards
/// and again backwards for the ss=standard filter), so the text is converted once into `units`, a buffer reused across
/// documents, and each boundary is mapped back to a byte offset by a cursor that only moves forward.
struct cicu_icu_sentence_breaker {
    UBreakIterator *iterator;
    UText *text;
    UChar *units;
    int64_t capacity;
    const uint8_t *utf8;
    int64_t length;
    int32_t unit_cursor;
    int64_t byte_cursor;
    int ascii;
};

cicu_icu_sentence_breaker *cicu_icu_sentence_breaker_open(const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &error);
    if (U_FAILURE(error)) {
        *status = (int32_t)error;
        return NULL;
    }
    cicu_icu_sentence_breaker *breaker = calloc(1, sizeof(cicu_icu_sentence_breaker));
    if (breaker == NULL) {
        ubrk_close(iterator);
        *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    *status = 0;
    return breaker;
}

void cicu_icu_sentence_breaker_close(cicu_icu_sentence_breaker *breaker) {
    if (breaker == NULL) return;
    if (breaker->text != NULL) utext_close(breaker->text);
    ubrk_close(breaker->iterator);
    free(breaker->units);
    free(breaker);
}

/// The high bit of each of eight bytes: a word of ASCII has none.
#define ASCII_MASK 0x8080808080808080ULL

/// The length in bytes of the UTF-8 sequence at `s[i]` and, in `*units`, its length in UTF-16. A malformed or cut
/// sequence counts as one byte and one unit (U+FFFD), so conversion and the cursor never read past the text and always
/// agree with each other.
static inline int64_t sequence_length(const uint8_t *s, int64_t i, int64_t n, int32_t *units) {
    uint8_t b = s[i];
    *units = 1;
    if (b < 0x80) return 1;
    if (b >= 0xC2 && b < 0xE0) {
        if (i + 1 < n && (s[i + 1] & 0xC0) == 0x80) return 2;
    } else if (b >= 0xE0 && b < 0xF0) {
        if (i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) return 3;
    } else if (b >= 0xF0 && b < 0xF5) {
        if (i + 3 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 && (s[i + 3] & 0xC0) == 0x80) {
            *units = 2;
            return 4;
        }
    }
    return 1;
}

int32_t cicu_icu_sentence_breaker_set_text(cicu_icu_sentence_breaker *breaker, const uint8_t *utf8, int64_t length) {
    UErrorCode error = U_ZERO_ERROR;
    if (length < 0 || length > INT32_MAX) return (int32_t)U_INDEX_OUTOFBOUNDS_ERROR;
    // After a document many times larger than this one, the buffer shrinks again, so one huge input does not pin
    // twice its size per worker for the rest of the run.
    int shrink = breaker->capacity > (1 << 20) && breaker->capacity > 4 * (length + 1);
    if (length + 1 > breaker->capacity || shrink) {
        int64_t capacity = shrink || length + 1 > 2 * breaker->capacity ? length + 1 : 2 * breaker->capacity;
        UChar *units = realloc(breaker->units, sizeof(UChar) * (size_t)capacity);
        if (units == NULL) return (int32_t)U_MEMORY_ALLOCATION_ERROR;
        breaker->units = units;
        breaker->capacity = capacity;
    }
    UChar *out = breaker->units;
    int64_t k = 0, i = 0;
    int ascii = 1;
    while (i < length) {
        uint64_t word;
        if (i + 8 <= length && (memcpy(&word, utf8 + i, 8), (word & ASCII_MASK) == 0)) {
            for (int j = 0; j < 8; j++) out[k + j] = utf8[i + j];
            i += 8;
            k += 8;
            continue;
        }
        uint8_t b = utf8[i];
        if (b < 0x80) {
            out[k++] = b;
            i += 1;
            continue;
        }
        ascii = 0;
        int32_t units;
        int64_t len = sequence_length(utf8, i, length, &units);
        uint32_t c;
        switch (len) {
        case 2: c = (uint32_t)(b & 0x1F) << 6 | (utf8[i + 1] & 0x3F); break;
        case 3: c = (uint32_t)(b & 0x0F) << 12 | (uint32_t)(utf8[i + 1] & 0x3F) << 6 | (utf8[i + 2] & 0x3F); break;
        case 4:
            c = (uint32_t)(b & 0x07) << 18 | (uint32_t)(utf8[i + 1] & 0x3F) << 12
                | (uint32_t)(utf8[i + 2] & 0x3F) << 6 | (utf8[i + 3] & 0x3F);
            break;
        default: c = 0xFFFD; break;
        }
        if (c >= 0x10000) {
            out[k++] = (UChar)(0xD7C0 + (c >> 10));
            out[k++] = (UChar)(0xDC00 | (c & 0x3FF));
        } else {
            out[k++] = (UChar)c;
        }
        i += len;
    }
    breaker->utf8 = utf8;
    breaker->length = length;
    breaker->unit_cursor = 0;
    breaker->byte_cursor = 0;
    breaker->ascii = ascii;
    // Reusing the UText (first argument) avoids an allocation per document.
    breaker->text = utext_openUChars(breaker->text, out, k, &error);
    if (U_FAILURE(error)) return (int32_t)error;
    ubrk_setUText(breaker->iterator, breaker->text, &error);
    if (U_FAILURE(error)) return (int32_t)error;
    return 0;
}

int64_t cicu_icu_sentence_breaker_next(cicu_icu_sentence_breaker *breaker) {
    int32_t next = ubrk_next(breaker->iterator);
    if (next == UBRK_DONE) return -1;
    if (breaker->ascii) return (int64_t)next;
    // Boundaries only grow, and ICU never breaks inside a surrogate pair.
    const uint8_t *s = breaker->utf8;
    int64_t n = breaker->length, i = breaker->byte_cursor;
    int32_t u = breaker->unit_cursor;
    while (u < next && i < n) {
        uint64_t word;
        if (u + 8 <= next && i + 8 <= n && (memcpy(&word, s + i, 8), (word & ASCII_MASK) == 0)) {
            i += 8;
            u += 8;
            continue;
        }
        if (s[i] < 0x80) {
            i += 1;
            u += 1;
            continue;
        }
        int32_t units;
        i += sequence_length(s, i, n, &units);
        u += units;
    }
    breaker->unit_cursor = u;
    breaker->byte_cursor = i;
    return i;
}

