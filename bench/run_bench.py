#!/usr/bin/env python3
"""Benchmark of the `annotate` binary: throughput, start-up, memory, stage shares and scaling (bench/README.md).

Python standard library only; uses hyperfine for the start-up figure when it is installed (a timing loop otherwise),
and perf (or valgrind) for the optional hot-spot list (--perf).

Usage: python3 bench/run_bench.py [--bin .build/release/annotate] [--repeat 2] [--quick] [--perf] [--budget 240]
"""
import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MB = 1_000_000
BIG_LIMIT = 128 << 20  # --max-document-bytes for the single-document runs

PROFILE_LINE = re.compile(r"^\s+(\S.*?)\s+([0-9.]+) ms\s+([0-9.]+) %\s*$")
SUMMARY_LINE = re.compile(r"annotate: (\d+) documents \((\d+) errors\)")


# ---------------------------------------------------------------------------------------------------------- running

def busy_jiffies():
    """Non-idle CPU time of the whole machine, in clock ticks (from /proc/stat), or None."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    # user nice system idle iowait irq softirq steal ...
    return sum(fields[i] for i in (0, 1, 2, 5, 6, 7) if i < len(fields))


class Run:
    """One finished process: wall-clock and CPU seconds, peak RSS, exit status, its standard error, others' load."""

    def __init__(self, argv, stdout_path, timeout):
        self.argv = argv
        err_path = stdout_path + ".stderr"
        ticks = os.sysconf("SC_CLK_TCK")
        busy0 = busy_jiffies()
        with open(stdout_path, "wb") as out, open(err_path, "wb") as err:
            start = time.perf_counter()
            proc = subprocess.Popen(argv, stdout=out, stderr=err)
            self.timed_out = False
            while True:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() - start > timeout:
                    proc.kill()
                    pid, status, usage = os.wait4(proc.pid, 0)
                    self.timed_out = True
                    break
                time.sleep(0.005)
            self.wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        busy1 = busy_jiffies()
        self.status = proc.returncode
        self.user, self.sys = usage.ru_utime, usage.ru_stime
        self.cpu = self.user + self.sys
        self.rss_mb = usage.ru_maxrss * 1024 / MB  # ru_maxrss is in KiB on Linux
        # Average number of cores other processes kept busy during the run: the noise indicator.
        self.others = None
        if busy0 is not None and busy1 is not None and self.wall > 0:
            self.others = max(0.0, ((busy1 - busy0) / ticks - self.cpu) / self.wall)
        with open(err_path, "rb") as f:
            self.stderr = f.read().decode("utf-8", "replace")
        os.unlink(err_path)
        self.stages = []
        self.documents = self.errors = None
        for line in self.stderr.splitlines():
            m = PROFILE_LINE.match(line)
            if m:
                self.stages.append((m.group(1), float(m.group(2)) / 1000, float(m.group(3))))
            m = SUMMARY_LINE.search(line)
            if m:
                self.documents, self.errors = int(m.group(1)), int(m.group(2))

    def check(self, expected_documents):
        if self.timed_out:
            return
        if self.status != 0:
            sys.exit("run_bench: %s exited with %d:\n%s" % (" ".join(self.argv), self.status, self.stderr))
        if self.errors:
            warn("%d error records in %s (see the output): figures include them" % (self.errors, self.argv[1]))
        if self.documents is not None and self.documents != expected_documents:
            warn("%s: %d documents annotated, %d expected" % (self.argv[1], self.documents, expected_documents))

    def stage(self, name):
        for n, seconds, _ in self.stages:
            if n == name:
                return seconds
        return None


def wait_for_quiet(limit_seconds, threshold=0.3):
    """Waits up to `limit_seconds` until other processes keep less than `threshold` cores busy over one second."""
    global WAITED
    start = time.perf_counter()
    ticks = os.sysconf("SC_CLK_TCK")
    while time.perf_counter() < start + limit_seconds:
        before = busy_jiffies()
        time.sleep(1)
        after = busy_jiffies()
        if before is None or after is None or (after - before) / ticks < threshold:
            break
    WAITED += time.perf_counter() - start


WAITED = 0.0  # seconds spent in wait_for_quiet: not counted against --budget


def warn(message):
    print("run_bench: note: " + message, file=sys.stderr)


def start_up(binary, tiny, runs, workdir):
    """Median and minimum wall-clock and mean CPU time of annotating one tiny document, in seconds; the tool used."""
    hyperfine = shutil.which("hyperfine")
    if hyperfine:
        export = os.path.join(workdir, "hyperfine.json")
        command = "%s %s --quiet" % (binary, tiny)
        subprocess.run([hyperfine, "-N", "--warmup", "3", "--runs", str(runs), "--style", "none",
                        "--export-json", export, command],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(export) as f:
            result = json.load(f)["results"][0]
        return result["median"], result["min"], result["user"] + result["system"], "hyperfine, %d runs" % runs
    times, cpu = [], []
    out = os.path.join(workdir, "tiny.out")
    for i in range(runs + 3):
        r = Run([binary, tiny, "--quiet"], out, 30)
        if i >= 3:
            times.append(r.wall)
            cpu.append(r.cpu)
    return statistics.median(times), min(times), statistics.mean(cpu), "timing loop, %d runs" % runs


def cmp_files(a, b):
    if shutil.which("cmp"):
        return subprocess.run(["cmp", "-s", a, b]).returncode == 0
    import filecmp
    return filecmp.cmp(a, b, shallow=False)


# ---------------------------------------------------------------------------------------------------------- output

def fmt(value, digits=2, width=9):
    if value is None:
        return "—".rjust(width)
    return ("%.*f" % (digits, value)).rjust(width)


def git_state():
    try:
        head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no", "--", "Sources",
                                "Package.swift", "Gazetteers"], capture_output=True, text=True).stdout.strip()
        return head + (" + uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "annotate"),
                        help="the annotate binary (default .build/release/annotate)")
    parser.add_argument("--corpus", default=os.path.join(HERE, "corpus"), help="folder of the generated inputs")
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs of each jobs setting over the corpus, alternating; the fastest counts (default 2)")
    parser.add_argument("--startup-runs", type=int, default=30, help="runs for the start-up median (default 30)")
    parser.add_argument("--budget", type=float, default=240,
                        help="seconds; the single-document runs are stopped when the benchmark would pass this "
                             "(default 240)")
    parser.add_argument("--wait-quiet", type=float, default=0, metavar="SECONDS",
                        help="before each timed run, wait up to this long for the machine to be idle (default 0)")
    parser.add_argument("--quick", action="store_true",
                        help="the 10 MB corpus instead of the full one, one run each, no 50 MB document")
    parser.add_argument("--perf", action="store_true", help="also list the hottest functions (bench/hotspots.py)")
    parser.add_argument("--label", help="what the binary was built from (default: the repository's git state)")
    parser.add_argument("--json", help="also write the figures to this file (default bench/results/last.json)")
    args = parser.parse_args()
    began = time.perf_counter()

    if not os.access(args.bin, os.X_OK):
        sys.exit("run_bench: no binary at %s: run `swift build -c release --product annotate` (or `make bench`)"
                 % args.bin)
    if "/debug/" in os.path.abspath(args.bin):
        warn("%s is a debug build: figures are not representative" % args.bin)

    subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), "--out", args.corpus], check=True)
    with open(os.path.join(args.corpus, "manifest.json")) as f:
        manifest = json.load(f)["files"]

    def path(name):
        return os.path.join(args.corpus, name)

    workdir = tempfile.mkdtemp(prefix="annotate-bench-")
    try:
        # A private copy, so that a rebuild during the run cannot swap the binary under the benchmark.
        binary = os.path.join(workdir, "annotate")
        shutil.copy2(args.bin, binary)
        results = measure(args, binary, path, manifest, workdir, began)
        if args.label:
            results["git"] = args.label
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    results["binary"] = os.path.relpath(os.path.abspath(args.bin), ROOT)
    results["seconds"] = round(time.perf_counter() - began, 1)
    results["waited_for_quiet_seconds"] = round(WAITED, 1)
    report(results)

    out = args.json or os.path.join(HERE, "results", "last.json")
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as f:
        json.dump(results, f, indent=1)
    waited = " of which %.0f s waiting for an idle machine" % WAITED if WAITED >= 1 else ""
    print("\nfigures written to %s (%.0f s in all%s)" % (os.path.relpath(out), results["seconds"], waited))

    if args.perf:
        subprocess.run([sys.executable, os.path.join(HERE, "hotspots.py"), "--bin", args.bin,
                        "--input", path("corpus-10mb.jsonl")], check=False)


def measure(args, binary, path, manifest, workdir, began):
    cores = os.cpu_count()
    results = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "git": git_state(),
        "cores": cores,
        "load_average_at_start": os.getloadavg()[0],
    }

    def out(name):
        return os.path.join(workdir, name)

    # Start-up: one tiny document, all defaults.
    wait_for_quiet(args.wait_quiet)
    median, fastest, cpu, how = start_up(binary, path("tiny.jsonl"), args.startup_runs, workdir)
    results["startup"] = {"median_ms": median * 1000, "min_ms": fastest * 1000, "cpu_ms": cpu * 1000, "how": how}

    # Peak RSS over a 1 MB input.
    small = manifest["corpus-1mb.jsonl"]
    results["small"] = {"text_mb": small["text_bytes"] / MB, "documents": small["documents"]}
    for jobs in (1, 2):
        r = Run([binary, path("corpus-1mb.jsonl"), "--jobs", str(jobs)], out("small.jsonl"), 120)
        r.check(small["documents"])
        results["small"]["jobs%d" % jobs] = {"wall": r.wall, "cpu": r.cpu, "rss_mb": r.rss_mb}

    # Throughput over the corpus, jobs 1 and jobs 2 alternating; the fastest run of each counts.
    name = "corpus-10mb.jsonl" if args.quick else "corpus.jsonl"
    corpus = manifest[name]
    repeat = 1 if args.quick else max(1, args.repeat)
    best = {}
    identical = True
    reference = None
    for i in range(repeat):
        for jobs in (1, 2):
            wait_for_quiet(args.wait_quiet)
            target = out("corpus-j%d-%d.jsonl" % (jobs, i))
            r = Run([binary, path(name), "--jobs", str(jobs), "--profile"], target, 600)
            r.check(corpus["documents"])
            if r.timed_out:
                sys.exit("run_bench: the corpus run with --jobs %d took over 600 s" % jobs)
            if reference is None:
                reference = target
            else:
                identical = identical and cmp_files(reference, target)
                os.unlink(target)
            if jobs not in best or r.wall < best[jobs].wall:
                best[jobs] = r
    text_mb = corpus["text_bytes"] / MB
    throughput = {"input": name, "text_mb": text_mb, "documents": corpus["documents"], "runs_each": repeat,
                  "identical": identical}
    for jobs, r in best.items():
        throughput["jobs%d" % jobs] = {
            "wall": r.wall, "cpu": r.cpu, "rss_mb": r.rss_mb, "others_load": r.others,
            "mb_per_s": text_mb / r.wall, "mb_per_s_per_core": text_mb / r.wall / jobs,
            "mb_per_cpu_s": text_mb / r.cpu if r.cpu else None, "docs_per_s": corpus["documents"] / r.wall,
            "stages": [{"stage": n, "seconds": s, "share": p} for n, s, p in r.stages],
        }
    throughput["speedup"] = best[1].wall / best[2].wall
    results["throughput"] = throughput

    # Scaling: one document of growing size, --jobs 1.
    sizes = [n for n in ("single-1mb.txt", "single-10mb.txt", "single-50mb.txt") if n in manifest]
    if args.quick:
        sizes = [n for n in sizes if n != "single-50mb.txt"]
    scaling = []
    for n in sizes:
        wait_for_quiet(args.wait_quiet)
        left = args.budget - (time.perf_counter() - began - WAITED)
        timeout = max(30.0, left)
        r = Run([binary, path(n), "--jobs", "1", "--profile", "--max-document-bytes", str(BIG_LIMIT)],
                out("single.jsonl"), timeout)
        r.check(1)
        size = manifest[n]["text_bytes"] / MB
        scaling.append({"input": n, "text_mb": size, "wall": r.wall, "cpu": r.cpu, "rss_mb": r.rss_mb,
                        "timed_out": r.timed_out, "others_load": r.others,
                        "stages": [{"stage": s, "seconds": t, "share": p} for s, t, p in r.stages]})
        if r.timed_out:
            break
    results["scaling"] = scaling
    results["load_average_at_end"] = os.getloadavg()[0]
    return results


def report(res):
    t = res["throughput"]
    j1, j2 = t["jobs1"], t["jobs2"]
    print()
    print("annotate benchmark  %s  git %s  %s" % (res["date"], res["git"], res["binary"]))
    print("machine: %d cores, load average %.1f at start, %.1f at end (shared machine: absolute figures are noisy, "
          "ratios from one run are firmer)" % (res["cores"], res["load_average_at_start"], res["load_average_at_end"]))
    print()
    print("throughput: %s, %d documents, %.1f MB of text (fastest of %d run%s each)"
          % (t["input"], t["documents"], t["text_mb"], t["runs_each"], "" if t["runs_each"] == 1 else "s"))
    print("  %-26s %9s %10s" % ("", "jobs 1", "jobs 2"))
    rows = [("wall-clock s", "wall", 2), ("MB/s (wall-clock)", "mb_per_s", 2),
            ("MB/s per core", "mb_per_s_per_core", 2), ("MB per CPU-second", "mb_per_cpu_s", 2),
            ("documents/s", "docs_per_s", 0), ("CPU s (user+sys)", "cpu", 2), ("peak RSS MB", "rss_mb", 1),
            ("others' load (cores busy)", "others_load", 2)]
    for label, key, digits in rows:
        print("  %-26s %s %s" % (label, fmt(j1[key], digits), fmt(j2[key], digits, 10)))
    print("  speed-up jobs 2 / jobs 1: %.2f× (wall-clock); CPU time of jobs 2: %.2f× that of jobs 1"
          % (t["speedup"], j2["cpu"] / j1["cpu"]))
    print("  outputs of jobs 1 and jobs 2 byte-identical (cmp): %s" % ("yes" if t["identical"] else "NO — they differ"))

    print()
    print("stage shares (--profile; jobs 2 sums both threads)")
    names = [s["stage"] for s in j1["stages"]]
    print("  %-18s %9s %7s %11s %7s" % ("stage", "jobs 1 s", "share", "jobs 2 s", "share"))
    stages2 = {s["stage"]: s for s in j2["stages"]}
    for s in j1["stages"]:
        other = stages2.get(s["stage"])
        print("  %-18s %9.2f %6.1f%% %11s %6s" % (s["stage"], s["seconds"], s["share"],
                                                  "%.2f" % other["seconds"] if other else "—",
                                                  "%.1f%%" % other["share"] if other else "—"))
    staged = sum(s["seconds"] for s in j1["stages"])
    if names:
        print("  %-18s %9.2f %6.1f%% of jobs 1's wall-clock (the rest: reading, parsing, start-up, waiting)"
              % ("all stages", staged, 100 * staged / j1["wall"]))

    s = res["startup"]
    small = res["small"]
    print()
    print("start-up, one tiny document: median %.1f ms, fastest %.1f ms, CPU %.1f ms (user+sys, mean; %s)"
          % (s["median_ms"], s["min_ms"], s["cpu_ms"], s["how"]))
    print("peak RSS: %.1f MB input %.1f MB (jobs 1), %.1f MB (jobs 2); %.1f MB input %.1f MB (jobs 1), %.1f MB (jobs 2)"
          % (small["text_mb"], small["jobs1"]["rss_mb"], small["jobs2"]["rss_mb"],
             t["text_mb"], j1["rss_mb"], j2["rss_mb"]))

    if res["scaling"]:
        print()
        print("scaling: one document of growing size, jobs 1 (net s/MB: CPU seconds less start-up's, per MB; "
              "stage columns: seconds from --profile)")
        stage_names = [x["stage"] for x in res["scaling"][0]["stages"]]
        startup_cpu = res["startup"]["cpu_ms"] / 1000
        head = "  %7s %8s %7s %8s %7s %7s" % ("MB", "wall s", "CPU s", "net s/MB", "× first", "RSS MB")
        print(head + "".join(" %9s" % n[:9] for n in stage_names))
        per_mb_corpus = max(0.0, j1["cpu"] - startup_cpu) / t["text_mb"]
        base = None
        for row in res["scaling"]:
            per_mb = max(0.0, row["cpu"] - startup_cpu) / row["text_mb"]
            base = base or per_mb
            stages = {x["stage"]: x["seconds"] for x in row["stages"]}
            at_least = "≥" if row["timed_out"] else " "
            line = "  %7.1f %8.2f %7.2f %s%7.3f %s%5.2f× %7.1f" % (
                row["text_mb"], row["wall"], row["cpu"], at_least, per_mb, at_least, per_mb / base, row["rss_mb"])
            line += "".join(" %9s" % ("%.2f" % stages[n] if n in stages else "—") for n in stage_names)
            if row["timed_out"]:
                line += "  stopped at the time budget (≥: lower bounds)"
            print(line)
        print("  (the corpus of many documents, jobs 1: %.3f net s/MB)" % per_mb_corpus)
        done = [r for r in res["scaling"] if not r["timed_out"]]
        if len(done) >= 2:
            a, b = done[-2], done[-1]
            ratio = ((b["cpu"] - startup_cpu) / b["text_mb"]) / max(1e-9, (a["cpu"] - startup_cpu) / a["text_mb"])
            verdict = "linear" if ratio < 1.3 else "NOT linear"
            print("  %.0f MB → %.0f MB: net CPU time per MB × %.2f: %s" % (a["text_mb"], b["text_mb"], ratio, verdict))
        if res["scaling"][-1]["timed_out"]:
            print("  the last run was stopped at the time budget: time grows faster than size")


if __name__ == "__main__":
    main()
