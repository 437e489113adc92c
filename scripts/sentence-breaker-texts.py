#!/usr/bin/env python3
"""Writes the documents of the given files to stdout as records (8-byte little-endian length, UTF-8 bytes) for
sentence-breaker-diff: the "text" of every JSONL line that has one, or a whole .txt file. Input that the reader
would reject (invalid UTF-8, lone surrogates) is skipped, as it never reaches the sentence stage."""
import json, os, struct, sys

def emit(data, out):
    out.write(struct.pack('<Q', len(data)))
    out.write(data)

def main():
    out = sys.stdout.buffer
    counts = {}
    for path in sys.argv[1:]:
        files = [os.path.join(d, f) for d, _, fs in os.walk(path) for f in sorted(fs)] if os.path.isdir(path) else [path]
        for f in sorted(files):
            raw = open(f, 'rb').read()
            n = 0
            if f.endswith('.jsonl') or f.endswith('.json') or 'jsonl' in f:
                for line in raw.split(b'\n'):
                    try:
                        record = json.loads(line)
                        text = record['text'].encode('utf-8')
                    except Exception:
                        continue
                    emit(text, out)
                    n += 1
            else:
                try:
                    raw.decode('utf-8')
                except UnicodeDecodeError:
                    continue
                emit(raw, out)
                n += 1
            counts[path] = counts.get(path, 0) + n
    for path, n in counts.items():
        print(f'{n:8d} documents  {path}', file=sys.stderr)

main()
