// Sentence boundaries over UTF-8, identical to ICU's sentence break iterator for "en@ss=standard".
#ifndef CICU_SENTENCE_BREAKER_H
#define CICU_SENTENCE_BREAKER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A sentence breaker that gives exactly the boundaries of ICU's sentence break iterator for the same locale
/// (`ubrk_open(UBRK_SENTENCE, locale, …)`, e.g. "en@ss=standard"), without running ICU's iterator.
///
/// Why it exists: ICU's rule engine (a state table walked per UTF-16 unit, over a UTF-16 copy of the text) cost
/// about 58 instructions per byte, a tenth of a whole annotation run. This one scans UTF-8 in place, byte by byte
/// through ordinary text, and only looks closely around sentence terminators and separators.
///
/// Match semantics, and where each part comes from:
/// - Rules: ICU's root sentence rules (`sent.txt` as compiled into ICU 72's data, the Unicode UAX #29 rules
///   SB3–SB11 with ICU's chaining), hand-written as a small state machine in sentence_breaker.c. Each boundary is
///   the end of the longest match from the previous boundary, as in ICU's engine, including the look-ahead of SB8
///   (". 5 apples" stays one sentence; ". 5 Apples" breaks after ". "). Only root's rules are implemented: a locale
///   with its own sentence rules in ICU's data (Greek) would differ.
/// - Character classes: ICU's own Sentence_Break property (`u_getIntPropertyValue`), which is exactly what the 72
///   rule file's sets name (`$Extend = [\p{Sentence_Break=Extend}]` and so on, nothing added), cached per breaker.
/// - "ss=standard": ICU's abbreviation filter, with its list read from ICU's data at open ("exceptions/
///   SentenceBreak" of the locale's break-iterator bundle), so it follows the installed ICU. A rule break is dropped
///   when the text before it, less one U+0020, ends with a listed abbreviation ("Mr. |Brown"), with ICU's handling
///   of entries with inner full stops ("U.S.") and its quirks (no word-start check: "HMr. |Brown" is kept whole too).
///
/// Boundaries are UTF-8 byte offsets, strictly increasing, the last one the text's length. That they equal ICU's
/// is proved by Tests/NewsAnnotationTests/SentenceBreakerEquivalenceTests.swift and, over the large corpora and every
/// code point, by scripts/sentence-breaker-diff.sh, both against the ICU-backed breaker in
/// cicu_icu_sentence_breaker.h.
///
/// Not thread-safe (it caches classes as it goes): one per worker.
typedef struct cicu_sentence_breaker cicu_sentence_breaker;

/// Opens a breaker for `locale`. Returns NULL and sets `*status` (> 0, an ICU error code) on failure.
cicu_sentence_breaker *cicu_sentence_breaker_open(const char *locale, int32_t *status);
void cicu_sentence_breaker_close(cicu_sentence_breaker *breaker);

/// Points the breaker at `length` bytes of valid UTF-8, which must stay alive until the next call to set_text.
/// Returns 0, or an ICU error code (> 0) for a negative length.
int32_t cicu_sentence_breaker_set_text(cicu_sentence_breaker *breaker, const uint8_t *utf8, int64_t length);

/// The next boundary as a UTF-8 byte offset, or -1 when the text is exhausted.
int64_t cicu_sentence_breaker_next(cicu_sentence_breaker *breaker);

#ifdef __cplusplus
}
#endif

#endif
