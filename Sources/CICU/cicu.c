#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>

int32_t cicu_nfc(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&error);
    if (U_FAILURE(error)) return -1;
    int32_t written = unorm2_normalize(nfc, (const UChar *)source, length, (UChar *)dest, capacity, &error);
    if (U_FAILURE(error)) return -1;
    return written;
}

int32_t cicu_nfd(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&error);
    if (U_FAILURE(error)) return -1;
    int32_t written = unorm2_normalize(nfd, (const UChar *)source, length, (UChar *)dest, capacity, &error);
    if (U_FAILURE(error)) return -1;
    return written;
}

struct cicu_transliterator {
    UTransliterator *transliterator;
};

/// Boxes an open ICU transliterator for the caller; closes it and reports an allocation failure when boxing fails.
static cicu_transliterator *wrap_transliterator(UTransliterator *result, int32_t *status) {
    cicu_transliterator *t = calloc(1, sizeof(cicu_transliterator));
    if (t == NULL) {
        utrans_close(result);
        *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    t->transliterator = result;
    *status = 0;
    return t;
}

cicu_transliterator *cicu_transliterator_open(const char *id, const uint16_t *rules, int32_t rules_length,
                                              int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UChar uid[256];
    int32_t n = 0;
    for (; id[n] != 0 && n < 255; n++) uid[n] = (UChar)(unsigned char)id[n];
    uid[n] = 0;
    UTransliterator *base = utrans_openU(uid, n, UTRANS_FORWARD, NULL, 0, NULL, &error);
    if (U_FAILURE(error)) {
        *status = (int32_t)error;
        return NULL;
    }
    UTransliterator *result = base;
    if (rules != NULL && rules_length > 0) {
        // Compose "base; custom rules" as one compound transliterator: the custom rules see the base's output.
        utrans_close(base);
        int32_t total = n + 2 + rules_length;
        UChar *compound = malloc(sizeof(UChar) * (size_t)(total + 1));
        if (compound == NULL) {
            *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
            return NULL;
        }
        int32_t k = 0;
        for (int32_t i = 0; i < n; i++) compound[k++] = uid[i];
        compound[k++] = ';';
        compound[k++] = '\n';
        for (int32_t i = 0; i < rules_length; i++) compound[k++] = rules[i];
        compound[k] = 0;
        UParseError parse;
        result = utrans_openU((const UChar *)u"Custom", -1, UTRANS_FORWARD, compound, k, &parse, &error);
        free(compound);
        if (U_FAILURE(error)) {
            *status = (int32_t)error;
            return NULL;
        }
    }
    return wrap_transliterator(result, status);
}

cicu_transliterator *cicu_transliterator_open_rules(const uint16_t *rules, int32_t rules_length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UParseError parse;
    UTransliterator *result = utrans_openU((const UChar *)u"Rules", -1, UTRANS_FORWARD, (const UChar *)rules,
                                           rules_length, &parse, &error);
    if (U_FAILURE(error)) {
        *status = (int32_t)error;
        return NULL;
    }
    return wrap_transliterator(result, status);
}

void cicu_transliterator_close(cicu_transliterator *transliterator) {
    if (transliterator == NULL) return;
    utrans_close(transliterator->transliterator);
    free(transliterator);
}

int32_t cicu_transliterate(cicu_transliterator *transliterator, uint16_t *buffer, int32_t *length, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t limit = *length;
    utrans_transUChars(transliterator->transliterator, (UChar *)buffer, length, capacity, 0, &limit, &error);
    if (U_FAILURE(error)) return (int32_t)error;
    return 0;
}
