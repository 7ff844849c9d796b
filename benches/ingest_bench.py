#!/usr/bin/env python3
"""End-to-end ingest benchmark: `patdex ingest` into a fresh index, under `/usr/bin/time -v`.

Python 3.11 standard library only. Used by benches/run.sh:

    python3 benches/ingest_bench.py --patdex target/release/patdex --label 20k \
        --runs 3 --threads 2 --workdir benches/work/idx FILES...

Each run deletes the index folder, runs `patdex --index DIR ingest FILES --threads N --quiet`
and reads back:

* patdex's own summary (`patdex ingest --json`: elapsed, MB/s of XML, docs/s, documents added);
* `/usr/bin/time -v`: wall clock and *Maximum resident set size* (peak RSS of the process);
* peaks of `RssAnon` (heap) and `RssFile` (mapped index files) from `/proc/PID/status`,
  polled every 50 ms, to tell what the peak RSS is made of;
* the size on disk of the index (`DIR/tantivy`, and the whole `DIR`), against the XML size.

Prints one table row per run and one `JSON {...}` line with medians (the index of the last run
is kept in DIR for inspection).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

RSS_RE = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")
WALL_RE = re.compile(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([0-9:.]+)")
USER_RE = re.compile(r"User time \(seconds\): ([0-9.]+)")
SYS_RE = re.compile(r"System time \(seconds\): ([0-9.]+)")


def du(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                total += os.stat(os.path.join(root, f)).st_size
            except OSError:
                pass
    return total


STATUS_KEYS = {"VmRSS": "sampled_rss_bytes", "RssAnon": "peak_anon_bytes", "RssFile": "peak_file_bytes"}


def sample_memory(proc: subprocess.Popen, every: float = 0.05) -> dict:
    """Polls /proc/PID/status of patdex (the child of /usr/bin/time) until it exits; returns the
    peaks of VmRSS, RssAnon (heap: documents, buffers) and RssFile (mapped index files)."""
    peaks = {v: 0 for v in STATUS_KEYS.values()}
    pid = None
    while proc.poll() is None:
        if pid is None:
            try:
                kids = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
                pid = int(kids[0]) if kids else None
            except OSError:
                pass
        if pid is not None:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    k, _, v = line.partition(":")
                    if k in STATUS_KEYS:
                        key = STATUS_KEYS[k]
                        peaks[key] = max(peaks[key], int(v.split()[0]) * 1024)
            except OSError:
                pass
        time.sleep(every)
    return peaks


def one_run(args, files: list[str], index: Path) -> dict:
    if index.exists():
        shutil.rmtree(index)
    time_out = index.parent / (index.name + ".time.txt")
    cmd = [
        args.time, "-v", "-o", str(time_out),
        args.patdex, "--index", str(index), "ingest", *files,
        "--threads", str(args.threads), "--quiet", "--json",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peaks = sample_memory(proc)
    out = proc.stdout.read()
    err = proc.stderr.read()
    if proc.wait() != 0:
        sys.stderr.write(out + err)
        raise SystemExit(f"ingest_bench: patdex exited with {proc.returncode}")
    try:
        summary = json.loads(out)
    except ValueError:
        sys.stderr.write(out + err)
        raise SystemExit("ingest_bench: cannot read patdex's JSON summary")
    t = time_out.read_text()
    rss = int(RSS_RE.search(t).group(1)) * 1024
    wall = 0.0
    for part in WALL_RE.search(t).group(1).split(":"):
        wall = wall * 60 + float(part)
    return {
        "elapsed_s": summary["elapsed_s"],
        "mb_s_reported": summary["xml_mb_per_s"],
        "docs_s_reported": summary["docs_per_s"],
        "added": summary["added"],
        "replaced": summary["replaced"],
        "skipped": sum(summary["skipped"].values()),
        "quarantined": summary["quarantined"],
        "wall_s": wall,
        "user_s": float(USER_RE.search(t).group(1)),
        "sys_s": float(SYS_RE.search(t).group(1)),
        "peak_rss_bytes": rss,
        **peaks,
        "index_bytes": du(index / "tantivy"),
        "index_dir_bytes": du(index),
        "summary": out.strip(),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--patdex", required=True)
    ap.add_argument("--time", default="/usr/bin/time")
    ap.add_argument("--label", default="")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--workdir", type=Path, required=True)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()

    xml_bytes = sum(os.path.getsize(f) for f in args.files)
    args.workdir.mkdir(parents=True, exist_ok=True)
    index = args.workdir / f"index-{args.label or 'run'}"
    runs = []
    for i in range(args.runs):
        r = one_run(args, args.files, index)
        runs.append(r)
        print(
            f"  ingest {args.label} run {i + 1}: {r['elapsed_s']:.2f} s, {xml_bytes / 1e6 / r['elapsed_s']:.1f} MB/s, "
            f"{r['added'] / r['elapsed_s']:.0f} docs/s, peak RSS {r['peak_rss_bytes'] / 2**20:.0f} MiB "
            f"(anon {r['peak_anon_bytes'] / 2**20:.0f}, file {r['peak_file_bytes'] / 2**20:.0f}), "
            f"index {r['index_bytes'] / 1e6:.1f} MB (cpu {r['user_s'] + r['sys_s']:.1f} s)",
            file=sys.stderr,
        )
    el = [r["elapsed_s"] for r in runs]
    med = statistics.median(el)
    docs = runs[0]["added"] + runs[0]["replaced"]
    rss = [r["peak_rss_bytes"] for r in runs]
    row = {
        "bench": "ingest",
        "corpus": args.label,
        "impl": "patdex-ingest",
        "threads": args.threads,
        "runs": args.runs,
        "files": len(args.files),
        "bytes": xml_bytes,
        "docs": docs,
        "skipped": runs[0]["skipped"],
        "quarantined": runs[0]["quarantined"],
        "median_s": med,
        "all_s": el,
        "wall_s": [r["wall_s"] for r in runs],
        "cpu_s": [r["user_s"] + r["sys_s"] for r in runs],
        "mb_per_cpu_s": xml_bytes / 1e6 / statistics.median(r["user_s"] + r["sys_s"] for r in runs),
        "mb_s": xml_bytes / 1e6 / med,
        "docs_s": docs / med,
        "peak_rss_bytes": rss,
        "peak_rss_median_bytes": statistics.median(rss),
        "peak_anon_bytes": [r["peak_anon_bytes"] for r in runs],
        "peak_anon_median_bytes": statistics.median(r["peak_anon_bytes"] for r in runs),
        "peak_file_bytes": [r["peak_file_bytes"] for r in runs],
        "index_bytes": runs[-1]["index_bytes"],
        "index_dir_bytes": runs[-1]["index_dir_bytes"],
        "index_ratio": runs[-1]["index_bytes"] / xml_bytes,
        "summary_last": runs[-1]["summary"],
    }
    print(
        f"{'patdex-ingest':<14} {args.threads:>7} {med:>9.2f} {row['mb_s']:>9.1f} {row['docs_s']:>9.0f} "
        f"{statistics.median(rss) / 2**20:>9.0f} MiB {row['index_ratio']:>9.3f}"
    )
    print("JSON " + json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
