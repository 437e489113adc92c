#!/usr/bin/env python3
"""Prints the current gold-regression figures in the format of Tests/NewsAnnotationTests/Fixtures/regression-floors.txt.

usage: scripts/print-floors.py ANNOTATE_BINARY   (run from the repository root)
"""
import glob
import json
import subprocess
import sys
import tempfile

SETS = (("samples", "Samples"), ("articles", "Tests/NewsAnnotationTests/Fixtures/articles"))


def main() -> None:
    binary = sys.argv[1]
    for name, folder in SETS:
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl") as gold, tempfile.NamedTemporaryFile(suffix=".jsonl") as pred:
            for path in sorted(glob.glob(f"{folder}/*.jsonl")):
                gold.write(open(path, encoding="utf-8").read())
            gold.flush()
            subprocess.run([binary, folder, "--output", pred.name, "--quiet"], check=True)
            r = json.loads(subprocess.check_output([binary, "eval", gold.name, pred.name, "--json"]))
        figures = {"entities.f1": r["entities"]["f1"], "quote_detection.f1": r["quote_detection"]["f1"],
                   "quote_and_speaker.f1": r["quote_and_speaker"]["f1"], "indirect.f1": r["indirect"]["f1"],
                   "quote_and_speaker_indirect.f1": r["quote_and_speaker_indirect"]["f1"]}
        for t in ("PERSON", "PLACE", "ORG"):
            figures[f"{t}.f1"] = r["per_type"][t]["f1"]
        for key, value in figures.items():
            print(f"{name} {key} {value:.4f}")


if __name__ == "__main__":
    main()
