/// Closed word lists the name rules read. These are the grammar of names, not names: which capitalised words end
/// an organisation's name, which end a place's, which join a name's parts, and which words start sentences
/// without being names. Keys are lower-case ASCII (the `KeyFolder` form).
enum NameWords {
    /// A capitalised word that makes the phrase it ends an organisation: "Defense Ministry", "Kapital Bank".
    static let organizationTails: Set<String> = [
        "ministry", "council", "committee", "commission", "agency", "bank", "university", "school", "college",
        "academy", "institute", "party", "service", "services", "group", "army", "navy", "forces", "force", "senate",
        "parliament", "assembly", "court", "tribunal", "organization", "organisation", "union", "association",
        "alliance", "league", "corporation", "corp", "company", "inc", "ltd", "llc", "plc", "gmbh", "ag", "holding",
        "holdings", "foundation", "fund", "office", "department", "directorate", "police", "guard", "authority",
        "board", "club", "airlines", "airways", "railways", "cabinet", "government", "administration",
        "secretariat", "bureau", "centre", "center", "hospital", "society", "movement", "coalition", "network",
        "chamber", "federation", "confederation", "inspectorate", "command", "brigade", "regiment",
        "division", "corps", "fleet", "commissariat", "majlis", "duma", "rada", "kenesh", "seimas",
        "sejm", "knesset", "bundestag", "cooperative", "trust", "exchange", "media", "news", "times",
        "post", "herald", "tribune", "telegraph", "journal", "gazette", "press",
        "studios", "motors", "energy", "oil", "petroleum", "gas", "telecom", "pharmaceuticals", "labs",
        "laboratories", "technologies", "systems", "industries", "partners", "capital", "securities", "insurance",
        "mission", "delegation", "embassy", "consulate", "municipality", "prefecture", "commune",
    ]

    /// A capitalised word that, followed by "of", starts an organisation's name: "Embassy of Azerbaijan".
    static let organizationHeads: Set<String> = [
        "ministry", "embassy", "consulate", "council", "university", "bank", "office", "department", "institute",
        "academy", "court", "organization", "organisation", "union", "association", "chamber", "commission",
        "committee", "government", "parliament", "cabinet", "agency", "board", "church", "school", "college",
        "league", "house", "senate", "assembly", "federation", "confederation", "directorate", "secretariat",
        "bureau", "administration", "mission", "delegation", "party", "order", "society", "foundation", "fund",
        "centre", "center", "museum", "library", "army", "navy", "command",
    ]

    /// A capitalised word that, followed by "of", starts a place's name: "Republic of Srpska", "Gulf of Mexico".
    static let placeHeads: Set<String> = [
        "republic", "kingdom", "principality", "emirate", "sultanate", "gulf", "bay", "sea", "strait", "isle",
        "island", "islands", "lake", "cape", "mount", "port", "commonwealth", "duchy",
    ]

    /// A capitalised word that ends a place's name: "Nakhchivan Autonomous Republic", "Heydar Aliyev Airport".
    static let placeTails: Set<String> = [
        "republic", "region", "province", "oblast", "krai", "county", "island", "islands", "mountains", "mountain",
        "river", "sea", "ocean", "lake", "bay", "gulf", "strait", "straits", "canal", "valley", "desert",
        "peninsula", "airport", "stadium", "arena", "palace", "square", "street", "avenue", "road", "bridge",
        "highway", "park", "port", "station", "tower", "cathedral", "mosque", "castle", "plateau", "basin",
        "coast", "delta", "falls", "glacier", "heights", "hills", "range", "reservoir", "territory", "territories",
        "corridor", "boulevard", "prospekt", "embankment", "pass", "harbour", "harbor", "beach", "forest",
    ]

    /// Lower-case words after a capitalised name that say it is a place: "Lachin district" → "Lachin".
    static let placeNouns: Set<String> = [
        "district", "region", "village", "city", "town", "province", "county", "settlement", "municipality",
        "rayon", "oblast", "governorate", "prefecture", "state", "river", "lake", "mountains", "island",
        "neighbourhood", "neighborhood", "suburb", "area", "valley", "border", "capital",
    ]

    /// Lower-case words that join the parts of one organisation or place name: "Ministry of Labor and Social
    /// Protection of the Population". Person particles are in `nameParticles`.
    static let connectors: Set<String> = ["of", "the", "and", "for", "on", "&", "de", "des", "du", "la", "le", "del"]

    /// Particles inside person names: "bin", "ibn", "al", "de", "van", "von", "oglu", "qizi"...
    static let nameParticles: Set<String> = [
        "bin", "ibn", "bint", "al", "el", "de", "da", "do", "dos", "das", "di", "du", "van", "von", "der", "den",
        "la", "le", "ter", "ten", "y", "oglu", "oghlu", "ogly", "qizi", "gizi", "kyzy", "uulu", "ul", "abu", "bo",
    ]

    /// Lower-case particles that may close a person's name: patronymics ("Ilham Heydar oglu", "Aliyeva qizi").
    static let patronymicParticles: Set<String> = ["oglu", "oghlu", "ogly", "qizi", "gizi", "kyzy", "uulu", "uly"]

    /// Closed-class words: never part of a name, wherever they stand ("The", "In", "However").
    static let functionWords: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "there", "here", "it", "its", "he", "she", "they",
        "we", "i", "you", "his", "her", "their", "our", "my", "your", "in", "on", "at", "by", "for", "from", "to",
        "with", "without", "after", "before", "during", "since", "until", "as", "of", "and", "but", "or", "nor",
        "so", "yet", "if", "when", "while", "where", "why", "how", "what", "who", "which", "whom", "whose", "all",
        "some", "many", "most", "more", "both", "each", "every", "other", "another", "such", "no", "not", "also",
        "however", "meanwhile", "moreover", "furthermore", "therefore", "thus", "then", "now", "about", "over",
        "under", "between", "among", "against", "through", "into", "onto", "upon", "despite", "although",
        "though", "because", "unless", "whether", "once", "again", "only", "even", "just", "still", "already",
        "perhaps", "maybe", "instead", "besides", "is", "are", "was", "were", "be", "been", "has", "have", "had",
        "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "yes",
    ]

    /// Words that are capitalised at the start of a sentence or a headline line, or as the day and month names
    /// they are, and that no name starts with. Unlike `functionWords`, they may stand inside a name ("Kieran Read").
    static let sentenceStarters: Set<String> = [
        "today", "yesterday", "tomorrow", "tonight", "last", "next", "first", "second", "third", "finally",
        "earlier", "later", "according", "speaking", "addressing", "referring", "noting", "stressing",
        "emphasizing", "emphasising", "recalling", "touching", "commenting", "asked", "dear", "distinguished",
        "ladies", "gentlemen", "colleagues", "friends", "thank", "thanks", "welcome", "congratulations", "well",
        "overall", "currently", "recently", "previously", "photo", "video", "source", "update", "updated", "read",
        "share", "watch", "live", "breaking", "exclusive", "opinion", "analysis", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june",
        "july", "august", "september", "october", "november", "december", "mr", "mrs", "ms", "dr", "sir",
        "madam", "mme", "president", "minister", "speech", "remarks", "statement", "interview", "transcript", "q",
    ]

    /// Languages that are not also demonyms: "in Hindi" is no place.
    static let languages: Set<String> = [
        "hindi", "urdu", "bengali", "bangla", "punjabi", "tamil", "telugu", "kannada", "malayalam", "marathi",
        "gujarati", "swahili", "tagalog", "filipino", "mandarin", "cantonese", "hausa", "yoruba", "igbo", "amharic",
        "pashto", "dari", "farsi", "tigrinya", "zulu", "xhosa", "afrikaans", "sinhala", "malay", "javanese",
        "esperanto", "latin", "sanskrit", "hebrew", "yiddish", "arabic", "catalan", "basque", "galician",
    ]

    /// Either kind: no name starts with these.
    static func startsNoName(_ key: String) -> Bool {
        functionWords.contains(key) || sentenceStarters.contains(key) || languages.contains(key)
    }

    /// Endings that mark a surname in many of the languages world news names people in.
    static let surnameEndings: [String] = [
        "ov", "ova", "ev", "eva", "yev", "yeva", "iev", "ieva", "sky", "skiy", "ski", "ska", "skaya", "enko",
        "chuk", "yuk", "vich", "vych", "ovna", "evna", "yan", "dze", "shvili", "escu", "eanu", "oglu", "zade",
        "zadeh", "beyli", "ayev", "uly", "kyzy", "sson", "poulos", "akis", "idis", "wicz", "czyk", "ovic", "evic",
        "ez", "iz", "ppa", "aiah", "ayya", "appa", "esh", "endra", "ashvili",
    ]

    /// Whether a folded key is five characters or more and ends like a surname. Asked once per distinct word
    /// (`WordClass`), of every new word a stream brings: the endings are matched on the bytes first, which every
    /// `hasSuffix` match also matches, and only a word that passes is counted and compared as a `String`.
    static func hasSurnameShape(_ key: String) -> Bool {
        var key = key
        let endsLikeOne = key.withUTF8 { bytes in
            surnameEndingBytes.contains { ending in
                bytes.count >= ending.count && bytes[(bytes.count - ending.count)...].elementsEqual(ending)
            }
        }
        return endsLikeOne && key.count >= 5 && surnameEndings.contains { key.hasSuffix($0) }
    }

    private static let surnameEndingBytes: [[UInt8]] = surnameEndings.map { Array($0.utf8) }
}
