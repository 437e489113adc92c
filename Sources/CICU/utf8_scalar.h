// Decoding of one UTF-8 scalar forwards or backwards, shared by the sentence breaker's scanner and its
// abbreviation check. Private to CICU.
#ifndef CICU_UTF8_SCALAR_H
#define CICU_UTF8_SCALAR_H

#include <stdint.h>

/// The scalar starting at `s[i]` (i < n), its length in `*length`. Input is valid UTF-8 by contract (the reader
/// validates); a malformed or cut sequence still never reads past `n`: it is one byte of U+FFFD.
static inline uint32_t utf8_decode(const uint8_t *s, int64_t i, int64_t n, int *length) {
    uint8_t b = s[i];
    if (b < 0x80) {
        *length = 1;
        return b;
    }
    if (b >= 0xC2 && b < 0xE0) {
        if (i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
            *length = 2;
            return (uint32_t)(b & 0x1F) << 6 | (s[i + 1] & 0x3F);
        }
    } else if (b >= 0xE0 && b < 0xF0) {
        if (i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
            *length = 3;
            return (uint32_t)(b & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
        }
    } else if (b >= 0xF0 && b < 0xF5) {
        if (i + 3 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 && (s[i + 3] & 0xC0) == 0x80) {
            *length = 4;
            return (uint32_t)(b & 0x07) << 18 | (uint32_t)(s[i + 1] & 0x3F) << 12
                | (uint32_t)(s[i + 2] & 0x3F) << 6 | (s[i + 3] & 0x3F);
        }
    }
    *length = 1;
    return 0xFFFD;
}

/// The scalar that ends just before `s[end]` (start <= end - 1), its first byte's index in `*begin`. Backs over at
/// most three continuation bytes and accepts the sequence only if decoding it forwards ends exactly at `end`;
/// otherwise the last byte alone is taken as U+FFFD, as forward decoding would.
static inline uint32_t utf8_decode_before(const uint8_t *s, int64_t start, int64_t end, int64_t *begin) {
    int64_t j = end - 1;
    if (s[j] < 0x80) {
        *begin = j;
        return s[j];
    }
    int64_t k = j;
    while (k > start && k > end - 4 && (s[k] & 0xC0) == 0x80) k--;
    int length;
    uint32_t c = utf8_decode(s, k, end, &length);
    if (k + length == end) {
        *begin = k;
        return c;
    }
    *begin = j;
    return 0xFFFD;
}

#endif
