"""Shared timing harness for the peer parse benchmarks (benches/peers/*.py).

Same protocol as benches/parse.rs: every file is read into memory first (untimed), any input
conversion a peer's API needs (e.g. `bytes` -> `str`) is done untimed too, then one untimed
warm-up pass and `--runs` timed passes on one thread; the median is reported. A timed pass
includes cutting the concatenated files at `<?xml` (everyone must) and parsing every document.

Output: one table row on stdout and one line `JSON {...}` with the same keys as the Rust bench.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from dataclasses import dataclass
from typing import Callable, Sequence

MARK_B = b"<?xml"
MARK_S = "<?xml"


@dataclass
class Count:
    docs: int = 0
    patents: int = 0
    skipped: int = 0
    errors: int = 0
    work: int = 0  # a checksum of extracted text lengths, to check passes agree

    def key(self):
        return (self.docs, self.patents, self.skipped, self.errors, self.work)


def split_bytes(data: bytes) -> list[bytes]:
    """Cuts a concatenated file at each `<?xml` declaration."""
    out = []
    start = data.find(MARK_B)
    if start == -1:
        return [data] if data.strip() else []
    if data[:start].strip():
        out.append(data[:start])
    while start != -1:
        nxt = data.find(MARK_B, start + 5)
        out.append(data[start:] if nxt == -1 else data[start:nxt])
        start = nxt
    return out


def split_str(data: str) -> list[str]:
    out = []
    start = data.find(MARK_S)
    if start == -1:
        return [data] if data.strip() else []
    if data[:start].strip():
        out.append(data[:start])
    while start != -1:
        nxt = data.find(MARK_S, start + 5)
        out.append(data[start:] if nxt == -1 else data[start:nxt])
        start = nxt
    return out


def cli(description: str) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--label", default="")
    ap.add_argument("--warmup", type=int, default=1, help="untimed passes before the timed ones (default 1)")
    ap.add_argument("--only", default="", help="comma-separated measurement names to run (default: all)")
    ap.add_argument("files", nargs="+")
    return ap.parse_args()


def wanted(args: argparse.Namespace, name: str) -> bool:
    return not args.only or name in args.only.split(",")


def load(files: Sequence[str]) -> list[bytes]:
    out = []
    for f in files:
        with open(f, "rb") as fh:
            out.append(fh.read())
    return out


def measure(
    name: str,
    label: str,
    raw: list[bytes],
    prepare: Callable[[list[bytes]], object],
    one_pass: Callable[[object], Count],
    runs: int,
    warmup: int = 1,
    note: str = "",
    version: str = "",
) -> dict:
    nbytes = sum(len(b) for b in raw)
    t = time.perf_counter()
    inputs = prepare(raw)
    prep_s = time.perf_counter() - t
    print(f"  {name}: inputs prepared in {prep_s:.1f} s (untimed)", file=sys.stderr)
    first = None
    for _ in range(warmup):
        first = one_pass(inputs)
    secs = []
    cpu = []
    for _ in range(runs):
        gc.collect()
        c0 = time.process_time()
        t = time.perf_counter()
        c = one_pass(inputs)
        secs.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c0)
        if first is None:
            first = c
        elif c.key() != first.key():
            print(f"  {name}: passes disagree: {c} vs {first}", file=sys.stderr)
    med = statistics.median(secs)
    row = {
        "bench": "parse",
        "corpus": label,
        "impl": name,
        "lang": "python",
        "version": version,
        "threads": 1,
        "runs": runs,
        "warmup": warmup,
        "bytes": nbytes,
        "docs": first.docs,
        "patents": first.patents,
        "skipped": first.skipped,
        "errors": first.errors,
        "median_s": med,
        "min_s": min(secs),
        "all_s": secs,
        "mb_s": nbytes / 1e6 / med,
        "docs_s": first.docs / med,
        "cpu_s": statistics.median(cpu),
        "mb_per_cpu_s": nbytes / 1e6 / max(statistics.median(cpu), 1e-9),
        "note": note,
    }
    print(f"  {name}: median {med:.3f} s", file=sys.stderr)
    print(
        f"{name:<18} {med:>9.3f} {nbytes / 1e6 / med:>10.1f} {first.docs / med:>10.0f} {'-':>9} {first.docs:>8}  "
        f"{first.patents}/{first.skipped}/{first.errors}"
    )
    print("JSON " + json.dumps(row), flush=True)
    return row
