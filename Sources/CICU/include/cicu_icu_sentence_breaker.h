// ICU's own sentence break iterator over UTF-8: the reference that cicu_sentence_breaker is checked against.
#ifndef CICU_ICU_SENTENCE_BREAKER_H
#define CICU_ICU_SENTENCE_BREAKER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's sentence break iterator over UTF-8 text. Kept only as the oracle of the equivalence test and of
/// scripts/sentence-breaker-diff.sh; the pipeline uses cicu_sentence_breaker. Not thread-safe: one per worker.
typedef struct cicu_icu_sentence_breaker cicu_icu_sentence_breaker;

/// Opens ICU's sentence iterator for `locale` (e.g. "en@ss=standard"). Returns NULL and sets `*status` (> 0) on
/// failure.
cicu_icu_sentence_breaker *cicu_icu_sentence_breaker_open(const char *locale, int32_t *status);
void cicu_icu_sentence_breaker_close(cicu_icu_sentence_breaker *breaker);

/// Points the breaker at `length` bytes of valid UTF-8, which must stay alive until the next call to set_text.
/// Returns 0 on success, an ICU error code (> 0) otherwise.
int32_t cicu_icu_sentence_breaker_set_text(cicu_icu_sentence_breaker *breaker, const uint8_t *utf8, int64_t length);

/// The next boundary as a UTF-8 byte offset, or -1 when the text is exhausted.
int64_t cicu_icu_sentence_breaker_next(cicu_icu_sentence_breaker *breaker);

#ifdef __cplusplus
}
#endif

#endif
