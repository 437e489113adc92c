/// Closed word classes the quote rules lean on. Kept here, not in the gazetteer, because they are grammar (which
/// words are pronouns, roles, auxiliaries) rather than names, and the rules must work even with an empty lexicon.
enum SpeakerWords {
    enum Pronoun: Sendable { case male, female, plural, neuter, first, firstPlural, second }

    static let pronouns: [String: Pronoun] = [
        "he": .male, "she": .female, "they": .plural, "it": .neuter, "i": .first, "we": .firstPlural,
        "you": .second,
    ]

    /// The pronouns that tell a person's sex after their name: +1 he, -1 she.
    static let sexedPronouns: [String: Int] = [
        "he": 1, "him": 1, "his": 1, "himself": 1, "she": -1, "her": -1, "hers": -1, "herself": -1,
    ]

    static let definite: Set<String> = [
        "the", "his", "her", "its", "their", "our", "your", "my", "this", "that", "these", "those",
    ]
    /// Determiners that mark a source the text does not name ("an official", "one witness").
    static let indefinite: Set<String> = [
        "a", "an", "one", "another", "some", "several", "many", "two", "three", "other", "few", "most", "any",
    ]

    /// Nouns for people by what they do: a definite one refers back to someone the text named with it.
    static let roles: Set<String> = [
        "president", "vice-president", "minister", "premier", "chancellor", "secretary", "spokesman",
        "spokeswoman", "spokesperson", "spokespeople", "official", "officials", "diplomat", "diplomats",
        "ambassador", "envoy", "leader", "leaders", "chairman", "chairwoman", "chair", "chairperson", "head", "chief",
        "director", "governor", "mayor", "senator", "lawmaker", "lawmakers", "legislator", "congressman",
        "congresswoman", "deputy", "mp", "representative", "commissioner", "general", "commander", "officer",
        "colonel", "lieutenant", "captain", "coach", "manager", "player", "striker", "midfielder", "defender",
        "goalkeeper", "skipper", "batsman", "bowler", "owner", "ceo", "executive", "founder", "co-founder",
        "analyst", "analysts", "economist", "economists", "expert", "experts", "professor", "researcher",
        "researchers", "scientist", "scientists", "author", "authors", "doctor", "doctors", "physician", "lawyer",
        "lawyers", "attorney", "prosecutor", "prosecutors", "judge", "defendant", "witness", "witnesses",
        "investigator", "investigators", "detective", "sheriff", "source", "sources", "resident", "residents",
        "activist", "activists", "campaigner", "organizer", "organiser", "king", "queen", "prince", "princess",
        "emperor", "sultan", "emir", "pope", "monarch", "ruler", "speaker", "negotiator", "mediator", "adviser",
        "advisor", "aide", "counsel", "candidate", "nominee", "correspondent", "reporter", "journalist", "editor",
        "administrator", "inspector", "treasurer", "strategist", "pilot", "survivor", "victim", "mother",
        "father", "teacher", "principal", "dean", "rector", "nurse", "soldier", "veteran", "fan", "fans",
        "worker", "workers", "employee", "member", "members", "partner", "counterpart", "host", "presenter",
        "anchor", "moderator", "interviewer", "chancellor", "ombudsman", "auditor", "regulator", "regulators",
        "designer", "engineer", "banker", "bankers", "trader", "traders", "investor", "investors", "boss",
        "referee", "umpire", "athlete", "champion", "winner", "organisers", "organizers", "police", "officer",
        "premier", "survivors", "victims", "families", "relatives", "parents", "students", "protesters",
        "demonstrators", "voters", "people", "locals", "citizens", "observers", "critics", "supporters",
        "opponents", "campaigners", "scientists", "doctors", "teachers", "nurses", "farmers", "residents", "patriarch", "cleric", "imam", "bishop", "archbishop", "rabbi", "priest",
        "superintendent", "constable", "sergeant", "marshal", "admiral", "brigadier", "major",
    ]

    /// Nouns for bodies that speak ("the ministry said"): a definite one refers back to an organisation.
    static let bodies: Set<String> = [
        "ministry", "government", "company", "firm", "group", "club", "team", "agency", "office", "department",
        "embassy", "council", "committee", "commission", "court", "parliament", "army", "military", "party",
        "union", "bank", "organization", "organisation", "institute", "university", "foundation", "federation",
        "association", "board", "authority", "authorities", "administration", "service", "cabinet",
        "presidency", "secretariat", "ministry's", "airline", "carrier", "operator", "regulator", "watchdog",
        "network", "channel", "newspaper", "agency's", "kremlin", "pentagon", "statement", "report", "study",
        "survey", "poll", "research", "document", "letter", "communique", "readout", "website", "paper",
        "assembly", "senate", "congress", "house", "mission", "delegation", "side", "league", "state",
    ]

    /// Bodies that are documents: they "say" things but never name a speaker.
    static let documents: Set<String> = [
        "statement", "report", "study", "survey", "poll", "research", "document", "letter", "communique",
        "readout", "website", "paper",
    ]

    /// Words of a title that may stand before a name ("Defense Minister Sergei Shoigu") and are not the name.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "sen", "rep", "gov", "gen", "col",
        "lt", "capt", "sgt", "insp", "supt", "det", "his", "her", "majesty", "excellency", "highness", "honorable",
        "honourable", "hon", "rev", "reverend", "father", "sister", "brother", "saint", "st", "sheikh", "sheik",
        "prime", "vice", "foreign", "defense", "defence", "interior", "finance", "economy", "justice", "health",
        "education", "energy", "trade", "culture", "sports", "transport", "agriculture", "labor", "labour",
        "environment", "information", "emergency", "emergencies", "executive", "managing", "general", "attorney",
        "acting", "interim", "former", "first", "deputy", "senior", "chief", "assistant", "associate",
        "secretary-general", "director-general", "head", "coach", "manager", "kremlin", "white", "house",
        "state", "national", "security", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson",
    ]

    /// Modifiers that may stand inside a role phrase ("the deputy foreign minister", "the club's new manager").
    static let roleModifiers: Set<String> = [
        "deputy", "former", "senior", "chief", "top", "acting", "interim", "first", "vice", "foreign", "defense",
        "defence", "interior", "finance", "prime", "executive", "general", "local", "regional", "national",
        "federal", "new", "current", "outgoing", "incoming", "assistant", "associate", "lead", "head", "managing",
        "press", "military", "police", "security", "health", "government", "state", "foreign-policy",
        "economic", "political", "presidential", "ministry", "company", "club", "team", "party", "union",
        "opposition", "ruling", "elected", "veteran", "young", "defending", "world", "olympic", "long-time",
        "longtime", "leading", "independent", "public", "main", "other", "u.s.", "european", "international",
        "justice", "trade", "energy", "education", "culture", "sports", "transport", "environment", "emergency",
        "white", "house", "kremlin", "same", "study", "report", "co",
    ]

    /// Words skipped between a subject and its verb ("Aliyev also said", "he has repeatedly said").
    static let adverbs: Set<String> = [
        "also", "then", "later", "further", "again", "earlier", "previously", "once", "repeatedly",
        "reportedly", "publicly", "recently", "has", "had", "have", "would", "will", "did", "does", "do",
        "had", "always", "often", "already", "separately", "specifically", "particularly", "additionally",
        "just", "now", "subsequently", "too", "firmly", "clearly", "specially", "especially", "strongly", "openly",
        "privately", "officially", "explicitly", "emphatically", "bluntly", "frankly", "simply", "finally",
        "first", "last", "yesterday", "today", "tonight", "personally", "himself", "herself", "themselves",
        "may", "might", "could", "should", "can", "must", "shall", "never", "not", "once", "even", "still",
        "widely", "only",
    ]

    static let auxiliaries: Set<String> = [
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could",
        "should", "may", "might", "must", "shall", "does", "do", "did", "am", "'s", "’s", "wo", "ca",
    ]

    static let prepositions: Set<String> = [
        "of", "by", "for", "with", "to", "from", "in", "on", "at", "about", "against", "than", "between", "among",
        "over", "under", "after", "before", "into", "onto", "upon", "without", "within", "through", "during",
        "towards", "toward", "via", "like", "per", "near", "behind", "across", "beyond",
    ]

    /// Words that start a relative clause or an aside that stands between a subject and its verb.
    static let asides: Set<String> = [
        "who", "which", "whose", "whom", "where", "when", "while", "in", "on", "at", "during", "after", "before",
        "speaking", "addressing", "however", "though", "meanwhile", "also", "too", "as", "according", "like",
        "for", "with", "from", "by", "despite", "citing", "referring", "responding", "asked", "writing", "quoted",
        "the", "a", "an", "his", "her", "their", "its", "in", "earlier", "later", "then", "therefore", "moreover",
        "nevertheless", "instead", "too", "again", "unlike", "together", "along", "alongside",
    ]

    static let calendar: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today",
        "yesterday", "tomorrow",
    ]

    /// Capitalised words that begin a sentence but are not names.
    static let functionWords: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "in", "on", "at", "for", "but", "and",
        "or", "so", "yet", "however", "meanwhile", "also", "then", "there", "here", "when", "while", "after",
        "before", "as", "if", "of", "to", "by", "with", "from", "we", "i", "you", "he", "she", "they", "our",
        "his", "her", "their", "my", "your", "all", "both", "each", "every", "no", "not", "some", "such", "what",
        "who", "which", "why", "how", "where", "during", "since", "until", "despite", "although", "though",
        "moreover", "furthermore", "therefore", "thus", "still", "instead", "indeed", "now", "today",
        "dear", "thank", "thanks", "yes", "well", "oh", "please", "one", "two", "first", "last",
    ]

    /// Capitalised words that head a label line, not a speaker ("Photo: …", "Read more: …").
    static let labels: Set<String> = [
        "photo", "photos", "picture", "pictures", "image", "images", "video", "videos", "source", "sources",
        "note", "notes", "update", "updated", "updates", "tags", "tag", "related", "read", "see", "also", "watch",
        "listen", "subscribe", "editor", "editing", "editors", "reporting", "writing", "contact", "email",
        "e-mail", "tel", "phone", "fax", "date", "time", "location", "venue", "price", "category", "categories",
        "topics", "topic", "keywords", "credit", "credits", "copyright", "caption", "summary", "background",
        "breaking", "exclusive", "analysis", "opinion", "comment", "live", "warning", "attention", "disclaimer",
        "notice", "sponsored", "advertisement", "by", "from", "to", "subject", "re", "cc", "agenda", "result",
        "results", "score", "scores", "final", "attendance", "referee", "scorers", "goals", "lineups", "lineup",
        "explainer", "factbox", "timeline", "profile", "review", "editorial", "obituary", "interview",
        "recommended", "more", "next", "previous", "share", "follow", "published", "posted", "last", "author",
        "filed", "word", "words", "translation", "translated", "address", "website", "web", "www", "url",
        "link", "links", "download", "file", "files", "chart", "table", "map", "graphic", "illustration",
        "key", "facts", "fact", "highlights", "quote", "quotes", "question", "answer", "q", "a", "pic", "pics",
        "courtesy", "featured", "trending", "popular", "latest", "top", "news", "headlines", "story", "stories",
        "section", "page", "part", "chapter", "step", "tip", "tips", "example", "warning", "nb", "ps", "p.s",
        "day", "week", "month", "year", "round", "match", "game", "stage", "phase", "group", "tickets", "entry",
        "cost", "budget", "population", "area", "capital", "currency", "language", "languages", "religion",
        "founded", "born", "died", "age", "height", "weight", "status", "type", "format", "duration",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "transcript",
        "watch", "listen", "pictured", "inset", "above", "below", "left", "right", "update", "correction",
    ]

    /// Words right before a quoted string that make it a name or a term rather than speech.
    static let namingBefore: Set<String> = [
        "so-called", "called", "dubbed", "named", "titled", "entitled", "nicknamed", "known", "labelled",
        "labeled", "termed", "word", "words", "phrase", "term", "slogan", "motto", "hashtag", "banner",
        "operation", "project", "program", "programme", "campaign", "brand", "format", "initiative",
        "conference", "forum", "festival", "award", "prize", "book", "film", "movie", "song", "album", "show",
        "series", "newspaper", "magazine", "company", "corporation", "party", "movement", "group", "club",
        "team", "exhibition", "competition", "contest", "tournament", "cup", "channel", "station", "app",
        "agreement", "treaty", "plan", "strategy", "doctrine", "concept", "code", "codenamed", "code-named",
        "mission", "exercise", "exercises", "drill", "drills", "document", "declaration", "memorandum",
        "report", "study", "article", "column", "essay", "poem", "play", "opera", "novel", "episode", "podcast",
        "site", "portal", "platform", "network", "center", "centre", "fund", "foundation", "school", "center",
        "dub", "call", "name", "label", "term", "radio", "tv",
    ]

    /// Nouns right after a quoted string that make it a name or a term ("the “troika” format").
    static let namingAfter: Set<String> = [
        "brand", "format", "project", "program", "programme", "campaign", "initiative", "slogan", "motto",
        "operation", "conference", "forum", "festival", "award", "prize", "book", "film", "movie", "song",
        "album", "show", "series", "newspaper", "magazine", "company", "corporation", "party", "movement",
        "group", "club", "team", "exhibition", "competition", "contest", "tournament", "cup", "channel",
        "station", "app", "agreement", "treaty", "plan", "strategy", "doctrine", "concept", "policy", "mission",
        "exercise", "exercises", "drill", "drills", "document", "declaration", "memorandum", "report", "study",
        "article", "column", "platform", "network", "center", "centre", "fund", "foundation", "school",
        "principle", "principles", "rule", "rules", "law", "act", "bill", "model", "system", "regime", "zone",
        "corridor", "route", "line", "package", "deal", "scheme", "label", "hashtag", "trend", "style", "era",
        "generation", "phenomenon", "mode", "era", "category", "status", "list", "index", "award", "awards",
        "prizes", "medal", "title", "trophy", "rally", "march", "protest", "protests", "movement", "label",
        "tag", "logo", "theme", "category", "word", "term", "phrase", "sign", "signs", "banner", "banners",
        "poster", "posters", "card", "cards", "badge", "project's", "ceremony", "event", "summit", "session",
        "meeting", "competition", "course", "programs", "projects", "initiatives", "stage", "shop", "store",
        "restaurant", "hotel", "complex", "mall", "park", "bridge", "building", "tower", "stadium", "museum",
        "gallery", "theatre", "theater", "hall", "square", "street", "avenue", "road", "airport", "port",
        "station", "ship", "vessel", "satellite", "rocket", "vaccine", "drug", "product", "products", "range",
        "collection", "edition", "version", "contingent", "forces", "unit", "units", "battalion", "brigade",
    ]

    /// Past-tense and participle forms that are verbs without the -ed ending, for telling a clause from a noun
    /// phrase ("said the talks broke down").
    static let irregularVerbs: Set<String> = [
        "was", "were", "is", "are", "has", "have", "had", "will", "would", "can", "could", "should", "may",
        "might", "must", "shall", "does", "did", "do", "am", "went", "came", "made", "took", "gave", "saw",
        "knew", "thought", "felt", "found", "left", "became", "began", "brought", "built", "held", "kept", "lost",
        "met", "paid", "ran", "sent", "spent", "stood", "told", "won", "wrote", "fell", "led", "rose", "grew",
        "drew", "broke", "chose", "spoke", "sold", "bought", "fought", "caught", "taught", "meant", "got", "gets",
        "put", "set", "cut", "hit", "let", "shut", "hurt", "cost", "quit", "beat", "bore", "wore", "tore", "swore",
        "shot", "fled", "fed", "bled", "sat", "slept", "dealt", "understood", "forgot", "forgave", "overcame",
        "undertook", "withdrew", "struck", "stuck", "hung", "sang", "rang", "drank", "swam", "sank", "shrank",
        "ate", "flew", "threw", "blew", "drove", "rode", "woke", "arose", "froze", "stole", "hid", "bit", "lit",
        "lay", "laid", "paid", "said", "says", "needs", "wants", "remains", "seems", "appears", "continues",
        "plans", "intends", "aims", "expects", "hopes", "believes", "considers", "means", "makes", "takes",
        "gives", "goes", "comes", "knows", "shows", "works", "faces", "poses", "lacks", "holds", "stands",
        "keeps", "leads", "sees", "plays", "looks", "calls", "values", "supports", "opposes", "exists",
        "depends", "includes", "requires", "reflects", "represents", "constitutes", "constitute", "affects",
        "ensures", "allows", "helps", "offers", "provides", "contains", "belongs", "deserves", "happens",
        "matters", "remain", "continue", "exist", "need", "want", "seem", "plan", "intend", "support", "oppose",
        "cannot", "won't", "can't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't",
        "hasn't", "haven't", "hadn't", "wouldn't", "couldn't", "shouldn't", "won’t", "can’t", "don’t",
        "doesn’t", "didn’t", "isn’t", "aren’t", "wasn’t", "weren’t", "hasn’t", "haven’t", "hadn’t",
        "wouldn’t", "couldn’t", "shouldn’t",
    ]

    /// First- and second-person words: a paragraph that has them (outside quotation marks) is speech.
    static let personal: Set<String> = ["i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your"]

    /// Words a speech opens with.
    static let salutations: Set<String> = [
        "dear", "thank", "thanks", "ladies", "colleagues", "friends", "distinguished", "excellency",
        "excellencies", "madam", "esteemed", "honorable", "honourable", "good", "welcome",
    ]

    /// First words of a paragraph that tell of events rather than continue a speech.
    static let narrativeOpeners: Set<String> = [
        "then", "afterwards", "afterward", "subsequently", "later", "thereafter",
    ]
}
