// Differential check of cicu_sentence_breaker against ICU's own sentence iterator (cicu_icu_sentence_breaker).
// Built and run by scripts/sentence-breaker-diff.sh; not part of the package.
//
//   sentence-breaker-diff texts LOCALE < stream   texts as records: 8-byte little-endian length, then the bytes
//   sentence-breaker-diff classes LOCALE LENGTH   every sequence up to LENGTH of one character per Sentence_Break
//                                                 class (several characters per class in turn)
//   sentence-breaker-diff scalars LOCALE          every scalar in a set of contexts that exercise its class
//   sentence-breaker-diff random LOCALE COUNT SEED  random strings over tricky fragments
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "cicu_icu_sentence_breaker.h"
#include "cicu_sentence_breaker.h"

static cicu_sentence_breaker *mine;
static cicu_icu_sentence_breaker *icu;
static long compared, differing;

static int boundaries_mine(const uint8_t *s, int64_t n, int64_t *out, int cap) {
    int k = 0;
    cicu_sentence_breaker_set_text(mine, s, n);
    for (int64_t b; (b = cicu_sentence_breaker_next(mine)) >= 0;) {
        if (k < cap) out[k] = b;
        k++;
    }
    return k;
}

static int boundaries_icu(const uint8_t *s, int64_t n, int64_t *out, int cap) {
    int k = 0;
    if (cicu_icu_sentence_breaker_set_text(icu, s, n) != 0) return -1;
    for (int64_t b; (b = cicu_icu_sentence_breaker_next(icu)) >= 0;) {
        if (k < cap) out[k] = b;
        k++;
    }
    return k;
}

static int64_t *bufa, *bufb;
static int bufcap;

static void show(const uint8_t *s, int64_t n) {
    for (int64_t i = 0; i < n && i < 400; i++) {
        if (s[i] >= 0x20 && s[i] < 0x7F) putchar(s[i]); else printf("\\x%02X", s[i]);
    }
}

static int compare(const uint8_t *s, int64_t n, const char *label) {
    int need = (int)(n + 2);
    if (need > bufcap) {
        bufcap = need;
        bufa = realloc(bufa, sizeof(int64_t) * (size_t)bufcap);
        bufb = realloc(bufb, sizeof(int64_t) * (size_t)bufcap);
    }
    int ka = boundaries_mine(s, n, bufa, bufcap);
    int kb = boundaries_icu(s, n, bufb, bufcap);
    compared++;
    if (ka == kb && memcmp(bufa, bufb, sizeof(int64_t) * (size_t)ka) == 0) return 0;
    differing++;
    if (differing <= 20) {
        printf("DIFF %s (%lld bytes): ", label, (long long)n);
        if (n <= 200) show(s, n);
        printf("\n  mine:");
        for (int i = 0; i < ka && i < 40; i++) printf(" %lld", (long long)bufa[i]);
        printf("\n  icu: ");
        for (int i = 0; i < kb && i < 40; i++) printf(" %lld", (long long)bufb[i]);
        int i = 0;
        while (i < ka && i < kb && bufa[i] == bufb[i]) i++;
        int64_t at = i < ka ? bufa[i] : bufb[i];
        if (i < kb && bufb[i] < at) at = bufb[i];
        int64_t from = at > 60 ? at - 60 : 0;
        printf("\n  first difference at byte %lld: ", (long long)at);
        show(s + from, (at - from) + 60 < n - from ? (at - from) + 60 : n - from);
        printf("\n");
    }
    return 1;
}

static int put_utf8(uint8_t *o, uint32_t c) {
    if (c < 0x80) { o[0] = (uint8_t)c; return 1; }
    if (c < 0x800) { o[0] = 0xC0 | (c >> 6); o[1] = 0x80 | (c & 0x3F); return 2; }
    if (c < 0x10000) { o[0] = 0xE0 | (c >> 12); o[1] = 0x80 | ((c >> 6) & 0x3F); o[2] = 0x80 | (c & 0x3F); return 3; }
    o[0] = 0xF0 | (c >> 18); o[1] = 0x80 | ((c >> 12) & 0x3F); o[2] = 0x80 | ((c >> 6) & 0x3F); o[3] = 0x80 | (c & 0x3F);
    return 4;
}

/// Up to four representatives of each class, ASCII first when there is one, taken from the property data.
static uint32_t reps[U_SB_COUNT][4];
static int nreps[U_SB_COUNT];

static void find_representatives(void) {
    // Letters that are not one-letter abbreviations of the list, so the rules are seen without the filter too.
    static const uint32_t preferred[] = {'W', 'Y', 'h', 'q', '0', '7', '\t', ' ', ',', '-', ':', '(', ')', '"', '\'',
        '.', '?', '!', '\r', '\n', '#', '%', 0x00A0, 0x2028, 0x2029, 0x0085, 0x0301, 0x200D, 0x00AD, 0x200B, 0x3002,
        0x0964, 0x061F, 0x2024, 0xFF0E, 0x201C, 0x201D, 0x00AB, 0x00BB, 0x05D0, 0x0627, 0x4E00, 0x00C9, 0x00E9,
        0x0661, 0xFF0C, 0x2014, 0x2013, 0x1F600, 0x1D400, 0x1D41A, 0x0000, 0xE0001, 0x2060, 0x1F3FB};
    for (size_t i = 0; i < sizeof preferred / sizeof *preferred; i++) {
        int k = u_getIntPropertyValue((UChar32)preferred[i], UCHAR_SENTENCE_BREAK);
        if (nreps[k] < 4) reps[k][nreps[k]++] = preferred[i];
    }
    for (uint32_t c = 0; c < 0x110000 ; c++) {
        if (c >= 0xD800 && c < 0xE000) continue;
        int k = u_getIntPropertyValue((UChar32)c, UCHAR_SENTENCE_BREAK);
        if (nreps[k] == 0) reps[k][nreps[k]++] = c;
    }
}

static void classes(int maxlen) {
    find_representatives();
    int digits[16];
    uint8_t s[64];
    for (int len = 1; len <= maxlen; len++) {
        long total = 1;
        for (int i = 0; i < len; i++) total *= U_SB_COUNT;
        for (long x = 0; x < total; x++) {
            long y = x;
            for (int i = 0; i < len; i++) { digits[i] = (int)(y % U_SB_COUNT); y /= U_SB_COUNT; }
            // rotate representatives with the sequence number so each class's members all get used
            int n = 0;
            for (int i = 0; i < len; i++) {
                int k = digits[i];
                n += put_utf8(s + n, reps[k][(x / 7 + i) % nreps[k]]);
            }
            compare(s, n, "classes");
        }
    }
}

static void scalars(void) {
    static const char *contexts[][2] = {
        {"a.", "b"}, {"a. ", "b"}, {"a.", "B"}, {"A.", "B"}, {"a. ", "B"}, {"a? ", "b"}, {"a.) ", "b"}, {"", ". b"},
        {"a. 5", "b"}, {"x ", "y"}, {"Mr.", " Brown"}, {"Mr. ", "Brown"}, {"a.", ""}, {"a", ". B"}, {"a. ", ". b"},
        {"A.", "\xCC\x81" "B"}, {"a.", "5"}, {"", ""}};
    uint8_t s[64];
    for (uint32_t c = 0; c < 0x110000; c++) {
        if (c >= 0xD800 && c < 0xE000) continue;
        for (size_t j = 0; j < sizeof contexts / sizeof *contexts; j++) {
            int n = 0;
            size_t l = strlen(contexts[j][0]);
            memcpy(s, contexts[j][0], l); n += (int)l;
            n += put_utf8(s + n, c);
            l = strlen(contexts[j][1]);
            memcpy(s + n, contexts[j][1], l); n += (int)l;
            compare(s, n, "scalars");
        }
    }
}

static const char *fragments[] = {
    "Mr.", "Mrs.", "Dr.", "Prof.", "U.S.", "U.S.A.", "e.g.", "E.g.", "i.e.", "I.e.", "Ph.D.", "Lt.", "Lt.Cdr.",
    "Hon.B.A.", "S.p.A.", "a.m.", "p.m.", "No.", "No. 5", "3.5", "J. R. R.", "J.", "R.", "etc.", "Etc.", "vs.",
    "Jan.", "Sept.", "Inc.", "Gen.", "St.", "...", "\xE2\x80\xA6", "?!", "!", "?", ".", ". ", "  ", " ", "\t",
    "\n", "\r\n", "\r", "\n\n", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xC2\x85", "\xC2\xA0", "\xE2\x80\x94", "\xE2\x80\x93",
    "\"", "'", "(", ")", "[", "]", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xAB",
    "\xC2\xBB", "\xCC\x81", "\xE2\x80\x8D", "\xC2\xAD", "\xE3\x80\x82", "\xE0\xA5\xA4", "\xD8\x9F", "\xEF\xBC\x8E",
    "\xE2\x80\xA4", "The", "the", "he", "Brown", "Smith", "said", "5", "2024", "1,000", ",", ";", ":", "-",
    "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7", "\xE4\xB8\xAD\xE6\x96\x87",
    "\xF0\x9F\x98\x80", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", "\x00", "A", "a", "Z", "x", "HMr.", "D.C.", "N.Y.",
    "\xC3\x89", "\xC3\xA9", "#", "%", "\xE2\x80\x8B", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xD9\xA1"};

static void random_strings(long count, unsigned long seed) {
    size_t nf = sizeof fragments / sizeof *fragments;
    uint8_t s[4096];
    unsigned long x = seed * 2654435761UL + 1;
    for (long r = 0; r < count; r++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        int pieces = 1 + (int)(x % 24);
        int n = 0;
        for (int p = 0; p < pieces; p++) {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            const char *f = fragments[x % nf];
            size_t l = f[0] == 0 ? 1 : strlen(f);
            memcpy(s + n, f, l); n += (int)l;
        }
        compare(s, n, "random");
    }
}

static void texts(void) {
    uint8_t header[8];
    uint8_t *buf = NULL;
    size_t cap = 0;
    while (fread(header, 1, 8, stdin) == 8) {
        uint64_t n = 0;
        for (int i = 7; i >= 0; i--) n = n << 8 | header[i];
        if (n + 1 > cap) { cap = n + 1; buf = realloc(buf, cap); }
        if (fread(buf, 1, n, stdin) != n) break;
        compare(buf, (int64_t)n, "text");
    }
    free(buf);
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: see the top of sentence-breaker-diff.c\n"); return 2; }
    int32_t status = 0;
    mine = cicu_sentence_breaker_open(argv[2], &status);
    icu = cicu_icu_sentence_breaker_open(argv[2], &status);
    if (mine == NULL || icu == NULL) { fprintf(stderr, "open failed: %d\n", status); return 2; }
    if (strcmp(argv[1], "texts") == 0) texts();
    else if (strcmp(argv[1], "classes") == 0) classes(argc > 3 ? atoi(argv[3]) : 5);
    else if (strcmp(argv[1], "scalars") == 0) scalars();
    else if (strcmp(argv[1], "random") == 0) random_strings(argc > 3 ? atol(argv[3]) : 100000, argc > 4 ? strtoul(argv[4], NULL, 10) : 1);
    else { fprintf(stderr, "unknown mode %s\n", argv[1]); return 2; }
    printf("%s %s: %ld compared, %ld differing\n", argv[1], argv[2], compared, differing);
    cicu_sentence_breaker_close(mine);
    cicu_icu_sentence_breaker_close(icu);
    return differing != 0;
}
