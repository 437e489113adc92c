// A thin C face over the system ICU (libicu-dev). Only plain C types cross this header, so Swift files that
// import Foundation (which carries its own, differently-prefixed ICU) never see <unicode/…>.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// NFC-normalizes `length` UTF-16 units into `dest` (capacity `capacity`). Returns the length written, or -1 on error
/// (including a too-small destination).
int32_t cicu_nfc(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity);

/// Canonically decomposes (NFD) `length` UTF-16 units into `dest` (capacity `capacity`). Returns the length written,
/// or -1 on error (including a too-small destination). Cheap: no transliterator is opened.
int32_t cicu_nfd(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity);

/// A transliterator (e.g. "Any-Latin; Latin-ASCII"). Not thread-safe: one per worker, or one behind a lock.
typedef struct cicu_transliterator cicu_transliterator;

/// Opens a transliterator from an ID, optionally followed by extra rules (`rules` may be NULL) applied after it.
cicu_transliterator *cicu_transliterator_open(const char *id, const uint16_t *rules, int32_t rules_length,
                                              int32_t *status);
void cicu_transliterator_close(cicu_transliterator *transliterator);

/// Opens a transliterator from ICU transform rules (`::ID;` steps and conversion rules, as in ICU's rule files).
/// Returns NULL and sets `*status` (> 0) on failure.
cicu_transliterator *cicu_transliterator_open_rules(const uint16_t *rules, int32_t rules_length, int32_t *status);

/// Transliterates `buffer[0..<*length]` in place; `capacity` is the buffer size in UTF-16 units.
/// Returns 0 on success, an ICU error code (> 0) otherwise (e.g. when the result does not fit).
int32_t cicu_transliterate(cicu_transliterator *transliterator, uint16_t *buffer, int32_t *length, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
