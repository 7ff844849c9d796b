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


def _starts(data, mark, ws):
    """Offsets of `<?xml` declarations: the mark followed by whitespace or `?` (not
    `<?xml-stylesheet`, which CNIPA documents carry after their declaration)."""
    out = []
    i = data.find(mark)
    while i != -1:
        nxt = data[i + 5:i + 6]
        if nxt and nxt in ws:
            out.append(i)
        i = data.find(mark, i + 5)
    return out


def _split(data, mark, ws):
    starts = _starts(data, mark, ws)
    if not starts:
        return [data] if data.strip() else []
    out = []
    # Only a byte-order mark or whitespace may come before the first declaration.
    head = data[:starts[0]]
    head = head.replace(b"\xef\xbb\xbf", b"") if isinstance(head, bytes) else head.replace("\ufeff", "")
    if head.strip():
        out.append(data[:starts[0]])
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(data)
        out.append(data[s:e])
    return out


def split_bytes(data: bytes) -> list[bytes]:
    """Cuts a concatenated file at each `<?xml` declaration."""
    return _split(data, MARK_B, (b" ", b"\t", b"\r", b"\n", b"?"))


def split_str(data: str) -> list[str]:
    return _split(data, MARK_S, (" ", "\t", "\r", "\n", "?"))


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
