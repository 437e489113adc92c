#include "gazetteer_data.h"

// #embed is C23; clang accepts it in earlier modes as an extension. The build re-embeds when a file changes.
#pragma clang diagnostic ignored "-Wc23-extensions"

static const uint8_t entities[] = {
#embed "../../Gazetteers/compiled/entities.tsv" suffix(,)
    0
};

static const uint8_t lexicon[] = {
#embed "../../Gazetteers/compiled/lexicon.tsv" suffix(,)
    0
};

static const uint8_t folding_rules[] = {
#embed "../../Gazetteers/folding-rules.txt" suffix(,)
    0
};

// The precompiled gazetteer (GazetteerImage). Optional: without it the tables above are parsed at start-up.
#if __has_include("../../Gazetteers/compiled/gazetteer.bin")
static const uint8_t image[] __attribute__((aligned(8))) = {
#embed "../../Gazetteers/compiled/gazetteer.bin" suffix(,)
    0
};
#else
static const uint8_t image[] = { 0 };
#endif

// The trailing 0 makes an empty file a valid array; it is not part of the data.
const uint8_t *gazetteer_entities_bytes(void) { return entities; }
size_t gazetteer_entities_length(void) { return sizeof(entities) - 1; }
const uint8_t *gazetteer_lexicon_bytes(void) { return lexicon; }
size_t gazetteer_lexicon_length(void) { return sizeof(lexicon) - 1; }
const uint8_t *gazetteer_folding_rules_bytes(void) { return folding_rules; }
size_t gazetteer_folding_rules_length(void) { return sizeof(folding_rules) - 1; }
const uint8_t *gazetteer_image_bytes(void) { return image; }
size_t gazetteer_image_length(void) { return sizeof(image) - 1; }
