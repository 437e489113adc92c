#!/usr/bin/env python3
"""Build the fixture articles (<id>.txt) and their gold (<id>.jsonl) from the
marked-up sources in this folder (<id>.ann).

Markup (never appears in the article text itself):
  ⟦surface|T⟧ or ⟦surface|T|Canonical name⟧   entity; T is P (PERSON), L (PLACE), O (ORG)
  ⦃label|...⦄                                   a labelled span (quote q*, speaker s*, cue c*);
                                                 labelled spans may nest and may contain entities
After a line "=====" come the quote records, one a line:
  qLABEL | kind | sLABEL or - | canonical speaker name or null | cLABEL
Offsets are computed here (Python str = Unicode code points); nothing is counted by hand.

usage: build.py [ID ...]   (default: every *.ann here); writes into the parent folder.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
TYPES = {"P": "PERSON", "L": "PLACE", "O": "ORG"}
KINDS = {"direct", "block", "turn", "indirect"}
MARKS = "\"“”‘’«»'"


def parse(source):
    out = []          # characters of the clean text
    entities = []
    spans = {}        # label -> (start, end)
    stack = []        # (label, start)
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "⟦":
            j = source.index("⟧", i)
            parts = source[i + 1:j].split("|")
            surface, kind = parts[0], parts[1]
            name = parts[2] if len(parts) > 2 else surface
            start = len(out)
            out.extend(surface)
            entities.append({"start": start, "end": len(out), "text": surface,
                             "type": TYPES[kind], "name": name})
            i = j + 1
        elif ch == "⦃":
            j = source.index("|", i)
            stack.append((source[i + 1:j], len(out)))
            i = j + 1
        elif ch == "⦄":
            label, start = stack.pop()
            if label in spans:
                raise SystemExit(f"label {label} used twice")
            spans[label] = (start, len(out))
            i += 1
        elif ch in "⟧|":
            raise SystemExit(f"stray {ch!r} at {i}: {source[max(0, i - 40):i + 10]!r}")
        else:
            out.append(ch)
            i += 1
    if stack:
        raise SystemExit(f"unclosed spans {stack}")
    return "".join(out), entities, spans


def build(path):
    doc_id = path.stem
    raw = path.read_text(encoding="utf-8")
    body, _, records = raw.partition("\n=====\n")
    text, entities, spans = parse(body.strip("\n") + "\n")
    problems = []

    def span(label):
        start, end = spans[label]
        return {"start": start, "end": end, "text": text[start:end]}

    quotes, used = [], set()
    for line in records.splitlines():
        if not line.strip():
            continue
        q, kind, s, name, c = [part.strip() for part in line.split("|")]
        if kind not in KINDS:
            problems.append(f"{q}: bad kind {kind}")
        quote = span(q)
        quote["kind"] = kind
        if s == "-":
            speaker = {"text": None}
        else:
            speaker = span(s)
        speaker["name"] = None if name == "null" else name
        quote["speaker"] = speaker
        quote["cue"] = span(c)
        quotes.append(quote)
        used.update({q, s, c})
        content = quote["text"]
        if content != content.strip():
            problems.append(f"{q}: white space at an edge")
        if kind != "indirect" and (content[0] in MARKS or content[-1] in "\"“”«»"):
            problems.append(f"{q}: quotation mark at an edge: {content[:20]!r}…{content[-20:]!r}")
        if kind == "indirect" and content[-1] in ".,;":
            problems.append(f"{q}: indirect quote ends in punctuation")
    for label in spans:
        if label not in used:
            problems.append(f"label {label} has no quote record")
    for e in entities:
        if e["text"] != e["text"].strip():
            problems.append(f"entity {e['text']!r}: white space")
    if problems:
        raise SystemExit(f"{doc_id}:\n  " + "\n  ".join(problems))
    entities.sort(key=lambda e: e["start"])
    quotes.sort(key=lambda q: (q["start"], -q["end"]))
    (OUT / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    gold = {"id": doc_id, "entities": entities, "quotes": quotes}
    (OUT / f"{doc_id}.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    return doc_id, text, entities, quotes


def main():
    names = sys.argv[1:]
    paths = [HERE / f"{n}.ann" for n in names] if names else sorted(HERE.glob("*.ann"))
    for path in paths:
        doc_id, text, entities, quotes = build(path)
        kinds = {}
        for q in quotes:
            kinds[q["kind"]] = kinds.get(q["kind"], 0) + 1
        print(f"{doc_id}: {len(text)} chars, {len(entities)} entities, quotes {kinds}")


if __name__ == "__main__":
    main()
