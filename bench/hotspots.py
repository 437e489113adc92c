#!/usr/bin/env python3
"""Where the time goes: the hottest functions of `annotate --jobs 1` over a corpus slice (bench/README.md).

Samples with `perf record -g` (apt-get install linux-perf); where perf cannot run, counts instructions with
`valgrind --tool=callgrind` over a smaller input instead. Prints the top functions by self time, with their library,
then the functions of the annotate binary by inclusive time (self plus callees). Swift names are demangled with
swift-demangle when it is on the PATH.

Usage: python3 bench/hotspots.py [--bin .build/release/annotate] [--input bench/corpus/corpus-10mb.jsonl] [--top 15]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# perf report adds empty "-  -" columns when its output is not a terminal: the (\s+-)* swallows them.
SELF_LINE = re.compile(r"^\s+([0-9.]+)%\s+(\S+)\s+\[(.)\]\s+(.+?)(\s+-)*\s*$")
CHILDREN_LINE = re.compile(r"^\s+([0-9.]+)%\s+([0-9.]+)%\s+(\S+)\s+\[(.)\]\s+(.+?)(\s+-)*\s*$")
FOLDED_LINE = re.compile(r"^\s*([0-9.]+)%\s+(\S+;\S+)\s*$")
# A frame of the project's own code (module NewsAnnotation or the annotate executable), mangled.
OWN_FRAME = re.compile(r"^\$s(14NewsAnnotation|8annotate)")
CALLGRIND_LINE = re.compile(r"^\s*([0-9,]+)\s+\(\s*([0-9.]+)%\)\s+(.+?)\s*$")


def demangle(names):
    tool = shutil.which("swift-demangle")
    if not tool or not names:
        return names
    result = subprocess.run([tool, "--simplified", "--compact"], input="\n".join(names) + "\n",
                            capture_output=True, text=True)
    lines = result.stdout.split("\n")
    return lines[:len(names)] if result.returncode == 0 and len(lines) >= len(names) else names


def short(name, width):
    name = re.sub(r"\s+", " ", name)
    return name if len(name) <= width else name[:width - 1] + "…"


def perf_profile(binary, corpus, top, workdir, width):
    data = os.path.join(workdir, "perf.data")
    record = subprocess.run(["perf", "record", "-F", "1999", "-g", "-o", data, "--", binary, corpus, "--jobs", "1",
                             "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if record.returncode != 0 or not os.path.exists(data):
        return False, record.stderr.strip().splitlines()[-1:] if record.stderr else []
    samples = re.search(r"\((\d+) samples\)", record.stderr)

    def report(*extra):
        return subprocess.run(["perf", "report", "-i", data, "--stdio", "-g", "none", "--percent-limit", "0.05",
                               "--sort", "dso,symbol", *extra], capture_output=True, text=True).stdout

    rows = []
    for line in report("--no-children").splitlines():
        m = SELF_LINE.match(line)
        if m:
            rows.append((float(m.group(1)), m.group(2), m.group(4)))
    rows = rows[:top]
    names = demangle([r[2] for r in rows])
    binary_name = os.path.basename(binary)
    print("hottest functions by self time: perf record, %s samples, `annotate %s --jobs 1`"
          % (samples.group(1) if samples else "?", os.path.relpath(corpus, ROOT)))
    print("  %3s %7s  %-24s %s" % ("#", "self", "library", "function"))
    for i, ((share, dso, _), name) in enumerate(zip(rows, names), 1):
        print("  %3d %6.2f%%  %-24s %s" % (i, share, short(dso, 24), short(name, width)))
    print("  %3s %6.2f%%  in these %d" % ("", sum(r[0] for r in rows), len(rows)))

    # Library functions (Swift runtime, ICU, kernel) hide who calls them: name the project's innermost caller.
    print()
    print("who calls the hottest library functions (innermost frame of the project's own code)")
    for (share, dso, symbol), name in zip(rows, names):
        if dso == binary_name or share < 1.0:
            continue
        folded = subprocess.run(["perf", "report", "-i", data, "--stdio", "--no-children", "-S", symbol,
                                 "-g", "folded,0,caller,percent", "--sort", "symbol"],
                                capture_output=True, text=True).stdout
        callers = {}
        for line in folded.splitlines():
            m = FOLDED_LINE.match(line)
            if not m:
                continue
            own = [f for f in m.group(2).split(";") if OWN_FRAME.match(f)]
            key = own[-1] if own else "(no frame of the project)"
            callers[key] = callers.get(key, 0.0) + float(m.group(1))
        ranked = sorted(callers.items(), key=lambda kv: -kv[1])[:3]
        caller_names = demangle([k for k, _ in ranked])
        print("  %6.2f%%  %s" % (share, short(name, width)))
        for (_, pct), caller in zip(ranked, caller_names):
            print("           %6.2f%%  from %s" % (pct, short(caller, width - 8)))

    inclusive = []
    for line in report("--children").splitlines():
        m = CHILDREN_LINE.match(line)
        if m and m.group(3) == binary_name:
            inclusive.append((float(m.group(1)), float(m.group(2)), m.group(5)))
    inclusive = inclusive[:top + 10]
    names = demangle([r[2] for r in inclusive])
    print()
    print("functions of the annotate binary by inclusive time (self + callees)")
    print("  %7s %7s  %s" % ("total", "self", "function"))
    for (total, own, _), name in zip(inclusive, names):
        print("  %6.2f%% %6.2f%%  %s" % (total, own, short(name, width)))
    return True, []


def callgrind_profile(binary, corpus, top, workdir, width):
    # Valgrind 3.19 cannot read the DWARF 5 that Swift emits and gives up; the symbol table is enough for names.
    if shutil.which("strip"):
        subprocess.run(["strip", "--strip-debug", binary], check=False)
    out = os.path.join(workdir, "callgrind.out")
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out, binary, corpus, "--jobs", "1",
                          "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if run.returncode != 0 or not os.path.exists(out):
        sys.exit("hotspots: callgrind failed:\n" + run.stderr[-2000:])
    text = subprocess.run(["callgrind_annotate", "--inclusive=no", out], capture_output=True, text=True).stdout
    rows = []
    for line in text.splitlines():
        m = CALLGRIND_LINE.match(line)
        if m and "PROGRAM TOTALS" not in line and ":" in m.group(3):
            rows.append((float(m.group(2)), m.group(3)))
    rows = rows[:top]
    print("hottest functions by instructions (self): valgrind callgrind, `annotate %s --jobs 1`"
          % os.path.relpath(corpus, ROOT))
    names = demangle([r[1].split(":", 1)[1].split(" [")[0] for r in rows])
    libraries = [os.path.basename(r[1].rsplit(" [", 1)[1].rstrip("]")) if " [" in r[1] else "?" for r in rows]
    print("  %3s %7s  %-24s %s" % ("#", "self", "library", "function"))
    for i, ((share, _), library, name) in enumerate(zip(rows, libraries, names), 1):
        print("  %3d %6.2f%%  %-24s %s" % (i, share, short(library, 24), short(name, width)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "annotate"))
    parser.add_argument("--input", default=os.path.join(HERE, "corpus", "corpus-10mb.jsonl"),
                        help="input for perf (default bench/corpus/corpus-10mb.jsonl)")
    parser.add_argument("--callgrind-input", default=os.path.join(HERE, "corpus", "corpus-1mb.jsonl"),
                        help="input for the valgrind fallback (default bench/corpus/corpus-1mb.jsonl)")
    parser.add_argument("--callgrind", action="store_true", help="use valgrind even when perf works")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--width", type=int, default=110, help="longest function name printed")
    args = parser.parse_args()
    if not os.path.exists(args.input) or not os.path.exists(args.callgrind_input):
        subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), "--quiet"], check=True)

    workdir = tempfile.mkdtemp(prefix="annotate-hotspots-")
    try:
        binary = os.path.join(workdir, "annotate")
        shutil.copy2(args.bin, binary)
        done = False
        if not args.callgrind and shutil.which("perf"):
            done, why = perf_profile(binary, args.input, args.top, workdir, args.width)
            if not done:
                print("hotspots: perf record failed (%s); using callgrind" % " ".join(why), file=sys.stderr)
        if not done:
            if not shutil.which("valgrind"):
                sys.exit("hotspots: neither perf nor valgrind works here: apt-get install linux-perf (or valgrind)")
            callgrind_profile(binary, args.callgrind_input, args.top, workdir, args.width)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
