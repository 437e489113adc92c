#include "sentence_break_exceptions.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/udata.h>
#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "utf8_scalar.h"

/// ICU's filter keeps two string tries: the "backward" one holds every abbreviation reversed (".rM" for "Mr."),
/// valued MATCH, except that an abbreviation with an inner full stop ("Ph.D.") is represented there only by its
/// first segment ("Ph."), valued PARTIAL, and in full in the "forward" trie. Which entries go where follows the
/// filter's builder step by step (it depends on the list's sorted order), because the quirks of that choice are
/// visible in the output: "Lt." shares its prefix with "Lt.Cdr.", so it lands in the forward trie and "Lt. Smith"
/// is not protected. The tries here are plain linked nodes; the walks reproduce ICU's trie results (no match,
/// prefix only, value with or without longer keys).
enum { VALUE_NONE = 0, VALUE_PARTIAL = 1, VALUE_MATCH = 2 };

typedef struct {
    uint32_t scalar;
    int32_t child;    // first child, -1 if none
    int32_t sibling;  // next sibling, -1 if none
    int32_t value;
} trie_node;

/// After building, the nodes are renumbered breadth first so that each node's children are contiguous and sorted
/// by scalar (`first`, `count`), and a step is a binary search.
typedef struct {
    uint32_t scalar;
    int32_t first;
    int32_t count;
    int32_t value;
} frozen_node;

typedef struct {
    trie_node *nodes;  // nodes[0] is the root
    int32_t count;
    int32_t capacity;
    int32_t keys;
    frozen_node *frozen;
} trie;

struct sentence_break_exceptions {
    trie backward;
    trie forward;
};

static int trie_init(trie *t) {
    t->capacity = 64;
    t->nodes = malloc(sizeof(trie_node) * (size_t)t->capacity);
    if (t->nodes == NULL) return 0;
    t->nodes[0] = (trie_node){0, -1, -1, VALUE_NONE};
    t->count = 1;
    t->keys = 0;
    t->frozen = NULL;
    return 1;
}

static int compare_by_scalar(const void *a, const void *b) {
    const frozen_node *x = a, *y = b;
    return x->scalar < y->scalar ? -1 : x->scalar > y->scalar;
}

/// Fills `frozen`: breadth-first order, each node's children contiguous and sorted. `link` maps a frozen index to
/// its built node while the queue is worked through.
static int trie_freeze(trie *t) {
    t->frozen = malloc(sizeof(frozen_node) * (size_t)t->count);
    int32_t *link = malloc(sizeof(int32_t) * (size_t)t->count);
    if (t->frozen == NULL || link == NULL) {
        free(link);
        return 0;
    }
    t->frozen[0] = (frozen_node){0, 0, 0, t->nodes[0].value};
    link[0] = 0;
    int32_t next = 1;
    for (int32_t f = 0; f < next; f++) {
        int32_t first = next;
        for (int32_t c = t->nodes[link[f]].child; c >= 0; c = t->nodes[c].sibling) {
            t->frozen[next] = (frozen_node){t->nodes[c].scalar, c, 0, t->nodes[c].value};
            next++;
        }
        qsort(t->frozen + first, (size_t)(next - first), sizeof(frozen_node), compare_by_scalar);
        for (int32_t k = first; k < next; k++) link[k] = t->frozen[k].first;
        t->frozen[f].first = first;
        t->frozen[f].count = next - first;
    }
    free(link);
    return 1;
}

static int32_t trie_child(const trie *t, int32_t node, uint32_t scalar) {
    for (int32_t c = t->nodes[node].child; c >= 0; c = t->nodes[c].sibling) {
        if (t->nodes[c].scalar == scalar) return c;
    }
    return -1;
}

/// The child of frozen `node` for `scalar`, or -1.
static int32_t frozen_child(const trie *t, int32_t node, uint32_t scalar) {
    int32_t lo = t->frozen[node].first, hi = lo + t->frozen[node].count;
    while (lo < hi) {
        int32_t mid = (lo + hi) >> 1;
        if (t->frozen[mid].scalar < scalar) lo = mid + 1; else hi = mid;
    }
    return lo < t->frozen[node].first + t->frozen[node].count && t->frozen[lo].scalar == scalar ? lo : -1;
}

/// Adds a key; returns 0 on allocation failure, -1 when the key is already there (ICU's trie builder rejects
/// duplicates, which makes the filter fail to open), 1 otherwise.
static int trie_add(trie *t, const uint32_t *key, int32_t length, int32_t value) {
    int32_t node = 0;
    for (int32_t i = 0; i < length; i++) {
        int32_t next = trie_child(t, node, key[i]);
        if (next < 0) {
            if (t->count == t->capacity) {
                trie_node *grown = realloc(t->nodes, sizeof(trie_node) * (size_t)t->capacity * 2);
                if (grown == NULL) return 0;
                t->nodes = grown;
                t->capacity *= 2;
            }
            next = t->count++;
            t->nodes[next] = (trie_node){key[i], -1, t->nodes[node].child, VALUE_NONE};
            t->nodes[node].child = next;
        }
        node = next;
    }
    if (t->nodes[node].value != VALUE_NONE) return -1;
    t->nodes[node].value = value;
    t->keys++;
    return 1;
}

/// UTF-16 units to scalars (`out` has room for `length`); returns the scalar count.
static int32_t scalars_of(const UChar *units, int32_t length, uint32_t *out) {
    int32_t i = 0, k = 0;
    while (i < length) {
        UChar32 c;
        U16_NEXT(units, i, length, c);
        out[k++] = (uint32_t)c;
    }
    return k;
}

typedef struct {
    UChar *units;
    int32_t length;
} word;

/// The order of ICU's string set: UTF-16 code unit order, shorter first on a common prefix.
static int compare_words(const void *a, const void *b) {
    const word *x = a, *y = b;
    int32_t n = x->length < y->length ? x->length : y->length;
    for (int32_t i = 0; i < n; i++) {
        if (x->units[i] != y->units[i]) return x->units[i] < y->units[i] ? -1 : 1;
    }
    return x->length < y->length ? -1 : x->length > y->length;
}

/// Adds `units` reversed by scalar (ICU reverses keeping surrogate pairs whole) or as they are.
static int add_key(trie *t, const UChar *units, int32_t length, int reversed, int32_t value, uint32_t *scratch) {
    int32_t k = scalars_of(units, length, scratch);
    if (reversed) {
        for (int32_t i = 0, j = k - 1; i < j; i++, j--) {
            uint32_t c = scratch[i];
            scratch[i] = scratch[j];
            scratch[j] = c;
        }
    }
    return trie_add(t, scratch, k, value);
}

/// Reads the list as ICU's filter builder does: a missing bundle, a default-locale fallback or a missing key
/// leaves it empty.
static int32_t read_words(const char *base_locale, word **words_out, int32_t *count_out) {
    *words_out = NULL;
    *count_out = 0;
    UErrorCode error = U_ZERO_ERROR;
    UResourceBundle *bundle = ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", base_locale, &error);
    if (U_FAILURE(error) || error == U_USING_DEFAULT_WARNING) {
        ures_close(bundle);
        return 0;
    }
    UResourceBundle *exceptions = ures_getByKey(bundle, "exceptions", NULL, &error);
    UResourceBundle *list = U_SUCCESS(error) && error != U_USING_DEFAULT_WARNING
        ? ures_getByKey(exceptions, "SentenceBreak", NULL, &error) : NULL;
    int32_t status = 0;
    if (list != NULL && U_SUCCESS(error) && error != U_USING_DEFAULT_WARNING) {
        int32_t size = ures_getSize(list);
        word *words = calloc((size_t)(size > 0 ? size : 1), sizeof(word));
        int32_t count = 0;
        if (words == NULL) status = U_MEMORY_ALLOCATION_ERROR;
        for (int32_t i = 0; status == 0 && i < size; i++) {
            UErrorCode e = U_ZERO_ERROR;
            int32_t length = 0;
            const UChar *s = ures_getStringByIndex(list, i, &length, &e);
            if (U_FAILURE(e)) continue;
            int duplicate = 0;
            for (int32_t j = 0; j < count && !duplicate; j++) {
                duplicate = words[j].length == length && memcmp(words[j].units, s, sizeof(UChar) * (size_t)length) == 0;
            }
            if (duplicate) continue;  // ICU collects the list in a set
            words[count].units = malloc(sizeof(UChar) * (size_t)(length > 0 ? length : 1));
            if (words[count].units == NULL) {
                status = U_MEMORY_ALLOCATION_ERROR;
                break;
            }
            memcpy(words[count].units, s, sizeof(UChar) * (size_t)length);
            words[count].length = length;
            count++;
        }
        qsort(words, (size_t)count, sizeof(word), compare_words);
        *words_out = words;
        *count_out = count;
    }
    ures_close(list);
    ures_close(exceptions);
    ures_close(bundle);
    return status;
}

static void free_words(word *words, int32_t count) {
    for (int32_t i = 0; i < count; i++) free(words[i].units);
    free(words);
}

/// The first full stop's index, or -1.
static int32_t first_full_stop(const word *w) {
    for (int32_t i = 0; i < w->length; i++) {
        if (w->units[i] == 0x2E) return i;
    }
    return -1;
}

enum { SUPPRESS_IN_REVERSE = 1, ADD_TO_FORWARD = 2 };

/// Distributes the words over the two tries exactly as ICU's builder does (see the comment at the top).
static int32_t build_tries(sentence_break_exceptions *x, const word *words, int32_t count) {
    int32_t longest = 1;
    for (int32_t i = 0; i < count; i++) longest = words[i].length > longest ? words[i].length : longest;
    int *partial = calloc((size_t)(count > 0 ? count : 1), sizeof(int));
    uint32_t *scratch = malloc(sizeof(uint32_t) * (size_t)longest);
    if (partial == NULL || scratch == NULL) {
        free(partial);
        free(scratch);
        return U_MEMORY_ALLOCATION_ERROR;
    }
    int32_t status = 0;
    for (int32_t i = 0; i < count && status == 0; i++) {
        int32_t stop = first_full_stop(&words[i]);
        if (stop < 0 || stop + 1 == words[i].length) continue;
        int32_t prefix = stop + 1;
        int same_as = -1;
        for (int32_t j = 0; j < count; j++) {
            if (j == i || words[j].length < prefix) continue;
            if (memcmp(words[i].units, words[j].units, sizeof(UChar) * (size_t)prefix) != 0) continue;
            if (partial[j] == 0) {
                partial[j] = SUPPRESS_IN_REVERSE | ADD_TO_FORWARD;
            } else if (partial[j] & SUPPRESS_IN_REVERSE) {
                same_as = j;
            }
        }
        if (same_as == -1 && partial[i] == 0) {
            int r = add_key(&x->backward, words[i].units, prefix, 1, VALUE_PARTIAL, scratch);
            if (r <= 0) status = r == 0 ? U_MEMORY_ALLOCATION_ERROR : U_ILLEGAL_ARGUMENT_ERROR;
            partial[i] = SUPPRESS_IN_REVERSE | ADD_TO_FORWARD;
        }
    }
    for (int32_t i = 0; i < count && status == 0; i++) {
        int r = partial[i] == 0 ? add_key(&x->backward, words[i].units, words[i].length, 1, VALUE_MATCH, scratch)
                                : add_key(&x->forward, words[i].units, words[i].length, 0, VALUE_MATCH, scratch);
        if (r <= 0) status = r == 0 ? U_MEMORY_ALLOCATION_ERROR : U_ILLEGAL_ARGUMENT_ERROR;
    }
    free(partial);
    free(scratch);
    return status;
}

sentence_break_exceptions *sentence_break_exceptions_open(const char *base_locale, int32_t *status) {
    sentence_break_exceptions *x = calloc(1, sizeof(sentence_break_exceptions));
    if (x == NULL || !trie_init(&x->backward) || !trie_init(&x->forward)) {
        sentence_break_exceptions_close(x);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    word *words;
    int32_t count;
    int32_t error = read_words(base_locale, &words, &count);
    if (error == 0) error = build_tries(x, words, count);
    if (error == 0 && (!trie_freeze(&x->backward) || !trie_freeze(&x->forward))) error = U_MEMORY_ALLOCATION_ERROR;
    free_words(words, count);
    if (error != 0) {
        sentence_break_exceptions_close(x);
        *status = error;
        return NULL;
    }
    *status = 0;
    return x;
}

void sentence_break_exceptions_close(sentence_break_exceptions *x) {
    if (x == NULL) return;
    free(x->backward.nodes);
    free(x->forward.nodes);
    free(x->backward.frozen);
    free(x->forward.frozen);
    free(x);
}

/// ICU's trie results after a step, in the order of its UStringTrieResult.
enum { NO_MATCH, NO_VALUE, FINAL_VALUE, INTERMEDIATE_VALUE };

static int trie_result(const trie *t, int32_t node) {
    if (node < 0) return NO_MATCH;
    if (t->frozen[node].value == VALUE_NONE) return NO_VALUE;
    return t->frozen[node].count > 0 ? INTERMEDIATE_VALUE : FINAL_VALUE;
}

int sentence_break_exceptions_suppress(const sentence_break_exceptions *x, const uint8_t *s, int64_t n,
                                       int64_t boundary) {
    if (x->backward.keys == 0) return 0;
    int64_t at = boundary, begin;
    // The filter assumes one space may follow the abbreviation ("Mr. |Brown"); only U+0020 counts.
    if (utf8_decode_before(s, 0, at, &begin) == 0x20) at = begin;
    const trie *back = &x->backward;
    int32_t node = 0;
    int64_t best = -1;
    int32_t best_value = VALUE_NONE;
    while (at > 0) {
        uint32_t c = utf8_decode_before(s, 0, at, &begin);
        at = begin;
        node = frozen_child(back, node, c);
        int r = trie_result(back, node);
        if (r >= FINAL_VALUE) {
            best = at;
            best_value = back->frozen[node].value;
        }
        if (!(r & 1)) break;
    }
    if (best < 0) return 0;
    if (best_value == VALUE_MATCH) return 1;
    if (x->forward.keys == 0) return 0;
    // A partial match ("Ph.") counts only if a whole forward entry ("Ph.D.") reads on from its start, however far
    // past the boundary that goes; running out of text while still inside an entry counts as a match, as in ICU.
    // With ICU 72's English list this never suppresses anything: the walk must read on past the full stop into a
    // longer entry, which always goes on with a letter right there ("Lt.|Cdr."), where the rules never break, while
    // at a break the text goes on with a space or a character the rules break before. So no test can tell it from
    // "no suppression"; it is here so that another list or ICU version behaves as ICU does.
    const trie *fwd = &x->forward;
    int r = INTERMEDIATE_VALUE;
    node = 0;
    at = best;
    while (at < n) {
        int length;
        uint32_t c = utf8_decode(s, at, n, &length);
        at += length;
        node = frozen_child(fwd, node, c);
        r = trie_result(fwd, node);
        if (!(r & 1)) break;
    }
    return r != NO_MATCH;
}
