#!/usr/bin/env python3
"""Checks that a folder of texts annotates like its diacritics-stripped copy (issue 9's invariance).

Every `.txt` file of TEXT_DIR is copied with its marks stripped (NFD, drop the nonspacing marks, NFC: the same
length in code points, so the same offsets); both folders are annotated, and every entity (start, end, type, name)
and every quote (start, end, kind, speaker name) must agree. Prints each difference and exits 1 if there is any.

usage: scripts/diacritic-invariance.py ANNOTATE_BINARY TEXT_DIR [TEXT_DIR ...]
"""
import json
import os
import subprocess
import sys
import tempfile
import unicodedata


def strip(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def annotate(binary: str, folder: str) -> list:
    out = subprocess.run([binary, folder, "--quiet"], check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def facts(doc: dict) -> tuple:
    entities = {(e["start"], e["end"], e["type"], e["name"]) for e in doc.get("entities", [])}
    quotes = {(q["start"], q["end"], q["kind"], (q.get("speaker") or {}).get("name")) for q in doc.get("quotes", [])}
    return entities, quotes


def check(binary: str, folder: str) -> int:
    differences = 0
    with tempfile.TemporaryDirectory() as stripped:
        names = sorted(f for f in os.listdir(folder) if f.endswith(".txt"))
        changed = 0
        for name in names:
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            copy = strip(text)
            if len(copy) != len(text):
                print(f"{folder}/{name}: stripping changed the length; skipped")
                continue
            changed += copy != text
            with open(os.path.join(stripped, name), "w", encoding="utf-8") as f:
                f.write(copy)
        for a, b in zip(annotate(binary, folder), annotate(binary, stripped)):
            (ea, qa), (eb, qb) = facts(a), facts(b)
            for label, x, y in (("entity", ea, eb), ("quote", qa, qb)):
                for item in sorted(x - y, key=str):
                    print(f"{a.get('id')}: {label} only with marks: {item}")
                for item in sorted(y - x, key=str):
                    print(f"{a.get('id')}: {label} only stripped: {item}")
                differences += len(x ^ y)
        print(f"{folder}: {len(names)} texts, {changed} with marks, {differences} differences")
    return differences


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary = sys.argv[1]
    total = sum(check(binary, folder) for folder in sys.argv[2:])
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
