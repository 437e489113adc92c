// The compiled gazetteer tables (Gazetteers/compiled/*.tsv), embedded into the binary when it is built, so
// that start-up reads no files and a single static binary carries all its data.
#ifndef GAZETTEER_DATA_H
#define GAZETTEER_DATA_H

#include <stddef.h>
#include <stdint.h>

/// Gazetteers/compiled/entities.tsv: surface, type, canonical, flags.
const uint8_t *gazetteer_entities_bytes(void);
size_t gazetteer_entities_length(void);

/// Gazetteers/compiled/lexicon.tsv: word, class, value.
const uint8_t *gazetteer_lexicon_bytes(void);
size_t gazetteer_lexicon_length(void);

/// Gazetteers/folding-rules.txt: letter, alt, script and variant rules of the key folder (see that file).
const uint8_t *gazetteer_folding_rules_bytes(void);
size_t gazetteer_folding_rules_length(void);

/// Gazetteers/compiled/gazetteer.bin: the gazetteer built from the tables above, in binary (GazetteerImage); empty
/// when the file is missing.
const uint8_t *gazetteer_image_bytes(void);
size_t gazetteer_image_length(void);

#endif
