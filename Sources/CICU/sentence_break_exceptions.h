// The abbreviation list of ICU's "ss=standard" sentence-break filter, read from ICU's own data, and the test of
// whether it suppresses a given break. Private to CICU; used by sentence_breaker.c.
#ifndef CICU_SENTENCE_BREAK_EXCEPTIONS_H
#define CICU_SENTENCE_BREAK_EXCEPTIONS_H

#include <stdint.h>

typedef struct sentence_break_exceptions sentence_break_exceptions;

/// Reads "exceptions/SentenceBreak" of `base_locale` (e.g. "en") from ICU's break-iterator data. A locale without
/// a list gives an object that suppresses nothing, as ICU's filter does then. Returns NULL and sets `*status` (> 0)
/// only when memory runs out or the list cannot be turned into tables (ICU's filter fails to open then too).
sentence_break_exceptions *sentence_break_exceptions_open(const char *base_locale, int32_t *status);
void sentence_break_exceptions_close(sentence_break_exceptions *exceptions);

/// Whether the filter drops the rule break at byte offset `boundary` (0 < boundary < length) of valid UTF-8 `text`.
int sentence_break_exceptions_suppress(const sentence_break_exceptions *exceptions, const uint8_t *text,
                                       int64_t length, int64_t boundary);

#endif
