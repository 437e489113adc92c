#!/usr/bin/env python3
"""Builds the benchmark inputs from the texts the repository ships (Python standard library only).

Sources: Samples/*.txt and Tests/NewsAnnotationTests/Fixtures/articles/*.txt. Every generated document is one source
article whose first paragraph (the headline) stays first and whose other paragraphs are shuffled, with a few dropped
at random, so no two documents are byte-identical; each has a unique id. The generator is seeded, so the same sources
give the same bytes.

Files written to the output folder (default bench/corpus/, git-ignored):
  corpus.jsonl        many documents, at least --mb MB of text (default 52)
  corpus-1mb.jsonl    the first documents of corpus.jsonl, just over 1 MB of text
  corpus-10mb.jsonl   the first documents of corpus.jsonl, just over 10 MB of text (for perf)
  tiny.jsonl          one short document (headline and first paragraph of one source)
  single-1mb.txt      one document of about 1 MB (generated documents concatenated)
  single-10mb.txt     one document of about 10 MB; the smaller single documents are prefixes of the larger ones
  single-50mb.txt     one document of about 50 MB
  manifest.json       parameters, source hashes, and per-file document and text-byte counts

An existing set is reused when its manifest has the same generator version and parameters. When the source texts
changed since, it is still reused (figures stay comparable across runs) and a note says so; pass --force to rebuild.
"""
import argparse
import hashlib
import json
import os
import random
import sys

GENERATOR_VERSION = 2
MB = 1_000_000

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SOURCE_DIRS = ["Samples", os.path.join("Tests", "NewsAnnotationTests", "Fixtures", "articles")]


def read_sources():
    sources = []
    for folder in SOURCE_DIRS:
        path = os.path.join(ROOT, folder)
        for name in sorted(os.listdir(path)):
            if not name.endswith(".txt") or name.startswith("."):
                continue
            with open(os.path.join(path, name), "rb") as f:
                raw = f.read()
            text = raw.decode("utf-8")
            paragraphs = [p.strip("\n") for p in text.replace("\r\n", "\n").split("\n\n")]
            paragraphs = [p for p in paragraphs if p.strip()]
            if len(paragraphs) < 2:
                # One block: split it into its lines so that shuffling still varies the document.
                paragraphs = [p for p in text.split("\n") if p.strip()]
            sources.append({
                "name": os.path.join(folder, name),
                "stem": name[:-4],
                "sha256": hashlib.sha256(raw).hexdigest(),
                "paragraphs": paragraphs,
            })
    if not sources:
        sys.exit("make_corpus: no .txt sources found under " + ", ".join(SOURCE_DIRS))
    return sources


def documents(sources, seed):
    """An endless stream of (id, text): each a source with its body paragraphs shuffled and some dropped."""
    rng = random.Random(seed)
    index = 0
    while True:
        source = rng.choice(sources)
        head, body = source["paragraphs"][0], list(source["paragraphs"][1:])
        rng.shuffle(body)
        if len(body) > 3:
            drop = rng.randint(0, len(body) // 5)
            body = body[drop:]
        text = "\n\n".join([head] + body) + "\n"
        index += 1
        yield "bench-%07d-%s" % (index, source["stem"]), text


def write_jsonl(path, docs):
    count = text_bytes = 0
    with open(path + ".tmp", "w", encoding="utf-8", newline="\n") as f:
        for doc_id, text in docs:
            f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False))
            f.write("\n")
            count += 1
            text_bytes += len(text.encode("utf-8"))
    os.replace(path + ".tmp", path)
    return {"documents": count, "text_bytes": text_bytes, "file_bytes": os.path.getsize(path)}


def take_bytes(stream, limit):
    """Documents from the stream until their texts hold at least `limit` bytes."""
    total = 0
    for doc_id, text in stream:
        yield doc_id, text
        total += len(text.encode("utf-8"))
        if total >= limit:
            return


def write_single(path, stream, limit):
    """One document: generated texts joined by blank lines until at least `limit` bytes."""
    parts, total = [], 0
    for _, text in take_bytes(stream, limit):
        parts.append(text)
        total += len(text.encode("utf-8")) + 1
    with open(path + ".tmp", "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(parts))
    os.replace(path + ".tmp", path)
    return {"documents": 1, "text_bytes": os.path.getsize(path), "file_bytes": os.path.getsize(path)}


def tiny_document(sources):
    """The headline and first paragraphs of the first source that has a few hundred bytes in them."""
    for source in sources:
        for count in range(2, len(source["paragraphs"]) + 1):
            text = "\n\n".join(source["paragraphs"][:count]) + "\n"
            if len(text.encode("utf-8")) >= 200:
                return "tiny-" + source["stem"], text
    source = sources[0]
    return "tiny-" + source["stem"], "\n\n".join(source["paragraphs"]) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(HERE, "corpus"), help="output folder (default bench/corpus)")
    parser.add_argument("--mb", type=float, default=52, help="MB (10^6 bytes) of text in corpus.jsonl (default 52)")
    parser.add_argument("--single", default="1,10,50", help="sizes in MB of the single-document files (default 1,10,50)")
    parser.add_argument("--seed", type=int, default=20240601, help="random seed")
    parser.add_argument("--force", action="store_true", help="rebuild even when a matching set exists")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()

    singles = sorted({int(s) for s in args.single.split(",") if s.strip()})
    params = {"version": GENERATOR_VERSION, "mb": args.mb, "single_mb": singles, "seed": args.seed}
    sources = read_sources()
    hashes = {s["name"]: s["sha256"] for s in sources}
    manifest_path = os.path.join(args.out, "manifest.json")
    say = (lambda *a: None) if args.quiet else (lambda *a: print(*a, file=sys.stderr))

    if not args.force and os.path.exists(manifest_path):
        with open(manifest_path) as f:
            old = json.load(f)
        present = all(os.path.exists(os.path.join(args.out, name)) for name in old.get("files", {}))
        if old.get("params") == params and present:
            if old.get("sources") != hashes:
                say("make_corpus: reusing %s; the source texts changed since it was made (--force rebuilds)" % args.out)
            else:
                say("make_corpus: reusing %s" % args.out)
            return
        say("make_corpus: parameters changed or files missing; rebuilding")

    os.makedirs(args.out, exist_ok=True)
    files = {}
    say("make_corpus: writing %.0f MB of documents from %d source texts to %s" % (args.mb, len(sources), args.out))
    files["corpus.jsonl"] = write_jsonl(os.path.join(args.out, "corpus.jsonl"),
                                        take_bytes(documents(sources, args.seed), int(args.mb * MB)))
    # The prefixes are the same documents as the start of corpus.jsonl (same seed).
    files["corpus-1mb.jsonl"] = write_jsonl(os.path.join(args.out, "corpus-1mb.jsonl"),
                                            take_bytes(documents(sources, args.seed), 1 * MB))
    files["corpus-10mb.jsonl"] = write_jsonl(os.path.join(args.out, "corpus-10mb.jsonl"),
                                             take_bytes(documents(sources, args.seed), 10 * MB))
    files["tiny.jsonl"] = write_jsonl(os.path.join(args.out, "tiny.jsonl"), [tiny_document(sources)])
    for size in singles:
        name = "single-%dmb.txt" % size
        # Same seed for every size: each single document is a prefix of the next larger one.
        files[name] = write_single(os.path.join(args.out, name), documents(sources, args.seed + 1), size * MB)

    with open(manifest_path + ".tmp", "w") as f:
        json.dump({"params": params, "sources": hashes, "files": files}, f, indent=1, sort_keys=True)
    os.replace(manifest_path + ".tmp", manifest_path)
    for name, info in files.items():
        say("  %-18s %7d documents  %8.2f MB of text" % (name, info["documents"], info["text_bytes"] / MB))


if __name__ == "__main__":
    main()
