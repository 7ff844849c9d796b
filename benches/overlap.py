#!/usr/bin/env python3
"""Top-10 overlap of two TREC run files (benches/compare.sh).

    python3 benches/overlap.py RUN_A RUN_B [--json] [--depth 10]

A run file has lines `qid Q0 docid rank score tag`. For each query the top DEPTH documents of
each run are taken in rank order (by rank, then score, as written); the overlap of a query is
|top(A) ∩ top(B)| / DEPTH. Printed: the mean over the queries both runs have, the number of such
queries, and how many queries only one of them has (a query with no hits at all has no lines, so
it counts as missing from that run). `--json` prints one JSON line instead.
"""

import argparse
import json
import sys


def read_run(path, depth):
    """qid -> list of docids, best first, at most `depth`."""
    runs = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) < 6:
                sys.exit(f"{path}:{n}: expected 'qid Q0 docid rank score tag'")
            qid, docid = parts[0], parts[2]
            try:
                rank, score = int(parts[3]), float(parts[4])
            except ValueError:
                sys.exit(f"{path}:{n}: rank and score must be numbers")
            runs.setdefault(qid, []).append((rank, -score, docid))
    out = {}
    for qid, hits in runs.items():
        hits.sort()
        top, seen = [], set()
        for _, _, docid in hits:
            if docid not in seen:
                seen.add(docid)
                top.append(docid)
            if len(top) == depth:
                break
        out[qid] = top
    return out


def main():
    ap = argparse.ArgumentParser(description="Mean top-k overlap of two TREC run files.")
    ap.add_argument("run_a")
    ap.add_argument("run_b")
    ap.add_argument("--depth", type=int, default=10, help="k (default 10)")
    ap.add_argument("--json", action="store_true", help="print one JSON line")
    a = ap.parse_args()
    ra, rb = read_run(a.run_a, a.depth), read_run(a.run_b, a.depth)
    common = sorted(set(ra) & set(rb))
    per = [len(set(ra[q]) & set(rb[q])) / a.depth for q in common]
    mean = sum(per) / len(per) if per else float("nan")
    result = {
        "a": a.run_a,
        "b": a.run_b,
        "depth": a.depth,
        "overlap": mean,
        "queries": len(common),
        "only_a": len(set(ra) - set(rb)),
        "only_b": len(set(rb) - set(ra)),
        "identical": sum(1 for q in common if ra[q] == rb[q]),
    }
    if a.json:
        print(json.dumps(result))
    else:
        print(
            f"top-{a.depth} overlap {mean:.3f} over {len(common)} queries "
            f"({result['identical']} identical in order; only in A: {result['only_a']}, "
            f"only in B: {result['only_b']})"
        )


if __name__ == "__main__":
    main()
