#!/bin/bash
# Proves cicu_sentence_breaker gives ICU's boundaries: builds scripts/sentence-breaker-diff.c with the CICU sources
# and compares the two breakers on the corpora, the fuzz corpora, every scalar in tricky contexts, every sequence of
# Sentence_Break classes up to length $CLASS_LENGTH (default 6) and random strings of tricky fragments.
# Usage: scripts/sentence-breaker-diff.sh [FILE_OR_DIR ...]   (default: the repository's corpora)
set -euo pipefail
cd "$(dirname "$0")/.."
tool=$(mktemp -d)/sentence-breaker-diff
trap 'rm -rf "$(dirname "$tool")"' EXIT
cc -O2 -ISources/CICU/include -ISources/CICU -o "$tool" scripts/sentence-breaker-diff.c \
    Sources/CICU/sentence_breaker.c Sources/CICU/sentence_break_exceptions.c Sources/CICU/icu_sentence_breaker.c \
    -licuuc -licui18n
if [ $# -eq 0 ]; then
    set -- bench/corpus/corpus-10mb.jsonl bench/corpus/corpus.jsonl bench/corpus/corpus-1mb.jsonl \
        bench/corpus/tiny.jsonl bench/corpus/single-1mb.txt bench/corpus/single-10mb.txt Samples \
        Tests/NewsAnnotationTests/Fixtures/articles Tests/Fuzz/corpus-text Tests/Fuzz/corpus-jsonl
    [ -d /work/shared/dev/texts ] && set -- "$@" /work/shared/dev/texts
fi
rc=0
for locale in en@ss=standard en; do
    python3 scripts/sentence-breaker-texts.py "$@" | "$tool" texts "$locale" || rc=1
    "$tool" scalars "$locale" || rc=1
    "$tool" classes "$locale" "${CLASS_LENGTH:-6}" || rc=1
    "$tool" random "$locale" 1000000 7 || rc=1
done
exit $rc
