#!/usr/bin/env python3
"""The tables of benches/compare.sh from its results: indexing, search per batch (with ratios
to patdex and to tantivy alone), top-10 overlap with Lucene, and growth from the smallest to the
largest corpus. Python 3 standard library only.

    python3 benches/compare_summary.py --results benches/work/compare/results \
        --runs benches/work/compare/runs --out benches/work/compare/summary.md
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ORDER = [
    "patdex",
    "patdex-search",
    "patdex-bm25",
    "tantivy",
    "lucene",
    "lucene-tokens",
    "lucene-as-patdex-search",
    "lucene-as-patdex-bm25",
    "xapian",
    "sqlite-fts5",
]


def overlap(script: Path, run: Path, ref: Path) -> dict | None:
    if not (run.exists() and ref.exists()):
        return None
    res = subprocess.run(
        [sys.executable, str(script), str(run), str(ref), "--json"], capture_output=True, text=True
    )
    try:
        return json.loads(res.stdout)
    except json.JSONDecodeError:
        return None


def rank(engine: str) -> int:
    return ORDER.index(engine) if engine in ORDER else len(ORDER)


def size_key(corpus: str) -> float:
    try:
        return float(corpus.rstrip("k"))
    except ValueError:
        return 0.0


def load(results: Path) -> list[dict]:
    rows = []
    for f in sorted(results.glob("*.jsonl")):
        for line in f.read_text().splitlines():
            line = line.strip()
            if line.startswith("JSON "):
                line = line[5:]
            if not line.startswith("{"):
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return rows


def fmt(x, digits=1):
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:,.{digits}f}"
    return f"{x:,}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", type=Path, required=True)
    ap.add_argument("--runs", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    rows = load(a.results)
    index = [r for r in rows if r.get("phase") == "index"]
    search = [r for r in rows if r.get("phase") == "search"]
    corpora = sorted({r["corpus"] for r in rows if "corpus" in r}, key=size_key)
    out = []
    machine = a.results / "machine.txt"
    if machine.exists():
        out.append("```text\n" + machine.read_text().strip() + "\n```\n")

    out.append("### Indexing\n")
    out.append(
        "| corpus | engine | input | threads | median s | docs/s | index MB | peak RSS MiB | time ÷ tantivy alone |"
    )
    out.append("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for c in corpora:
        here = sorted((r for r in index if r["corpus"] == c), key=lambda r: rank(r["engine"]))
        floor = next((r["median_s"] for r in here if r["engine"] == "tantivy"), None)
        for r in here:
            inp = {"patdex": "XML (parse included)", "lucene-tokens": "patdex's tokens"}.get(
                r["engine"], "exported text"
            )
            rss = r.get("peak_rss_kb")
            out.append(
                f"| {c} | {r['engine']} | {inp} | {r.get('threads', '–')} | {fmt(r['median_s'], 2)} | "
                f"{fmt(r['docs'] / r['median_s'], 0)} | {fmt(r.get('index_bytes', 0) / 1e6, 0)} | "
                f"{fmt(rss / 1024, 0) if rss else '–'} | "
                f"{fmt(r['median_s'] / floor, 2) + '×' if floor else '–'} |"
            )
    out.append("")

    for batch in ["keyword", "prior"]:
        name = {"keyword": "Keyword batch (1–3 words)", "prior": "Prior-art batch (claims, a few hundred words)"}[batch]
        out.append(f"### {name}\n")
        out.append(
            "| corpus | engine | threads | queries | q/s | p50 ms | p99 ms | q/s ÷ patdex-bm25 | q/s ÷ tantivy |"
        )
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for c in corpora:
            here = sorted(
                (r for r in search if r["corpus"] == c and r.get("batch") == batch),
                key=lambda r: (rank(r["engine"]), r.get("threads", 0)),
            )
            ours = next((r["qps"] for r in here if r["engine"] == "patdex-bm25"), None)
            tant = next((r["qps"] for r in here if r["engine"] == "tantivy"), None)
            for r in here:
                out.append(
                    f"| {c} | {r['engine']} | {r.get('threads', '–')} | {r.get('queries', '–')} | "
                    f"{fmt(r['qps'], 0)} | {fmt(r.get('p50_ms'), 2)} | {fmt(r.get('p99_ms'), 2)} | "
                    f"{fmt(r['qps'] / ours, 2) if ours else '–'} | {fmt(r['qps'] / tant, 2) if tant else '–'} |"
                )
        out.append("")

    out.append("### Top-10 overlap with Lucene (same documents, same words, BM25 k1 1.2 b 0.75)\n")
    out.append("| corpus | batch | engine | overlap | queries | identical order |")
    out.append("|---|---|---|---:|---:|---:|")
    overlap_script = Path(__file__).with_name("overlap.py")
    for c in corpora:
        for batch in ["keyword", "prior"]:
            ref = a.runs / f"lucene-{c}-{batch}.run"
            if not ref.exists():
                continue
            for engine in ["tantivy", "xapian", "fts5", "patdex-search", "patdex-bm25"]:
                o = overlap(overlap_script, a.runs / f"{engine}-{c}-{batch}.run", ref)
                if o is None:
                    continue
                out.append(
                    f"| {c} | {batch} | {engine} | {fmt(o['overlap'], 3)} | {o['queries']} | {o['identical']} |"
                )
    out.append("")

    same = [r for r in search if r["engine"].startswith("lucene-as-")]
    if same:
        out.append("### Same work: Lucene on patdex's tokens, running the terms patdex searched\n")
        out.append(
            "| corpus | batch | patdex path | patdex p50 ms | Lucene p50 ms | patdex q/s ÷ Lucene q/s | top-10 overlap | identical order |"
        )
        out.append("|---|---|---|---:|---:|---:|---:|---:|")
        for c in corpora:
            for batch in ["keyword", "prior"]:
                for path in ["patdex-search", "patdex-bm25"]:
                    ours = next(
                        (r for r in search if r["engine"] == path and r["corpus"] == c and r.get("batch") == batch),
                        None,
                    )
                    theirs = next(
                        (
                            r
                            for r in search
                            if r["engine"] == f"lucene-as-{path}" and r["corpus"] == c and r.get("batch") == batch
                        ),
                        None,
                    )
                    if not (ours and theirs):
                        continue
                    o = overlap(
                        overlap_script,
                        a.runs / f"{path}-{c}-{batch}.run",
                        a.runs / f"lucene-as-{c}-{path}-{batch}.run",
                    ) or {}
                    out.append(
                        f"| {c} | {batch} | {path} | {fmt(ours.get('p50_ms'), 2)} | {fmt(theirs.get('p50_ms'), 2)} | "
                        f"{fmt(ours['qps'] / theirs['qps'], 2)} | {fmt(o.get('overlap'), 3)} | {o.get('identical', '–')} |"
                    )
        out.append("")

    if len(corpora) > 1:
        lo, hi = corpora[0], corpora[-1]
        out.append(f"### Growth from {lo} to {hi} (ratio of the {hi} figure to the {lo} one)\n")
        out.append("| engine | index time | index size | keyword p50 | prior-art p50 |")
        out.append("|---|---:|---:|---:|---:|")
        engines = sorted({r["engine"] for r in rows if "engine" in r}, key=rank)
        for e in engines:
            def get(phase, corpus, key, batch=None):
                for r in rows:
                    if (
                        r.get("engine") == e
                        and r.get("phase") == phase
                        and r.get("corpus") == corpus
                        and (batch is None or r.get("batch") == batch)
                        and r.get(key)
                    ):
                        return r[key]
                return None

            cells = []
            for phase, key, batch in [
                ("index", "median_s", None),
                ("index", "index_bytes", None),
                ("search", "p50_ms", "keyword"),
                ("search", "p50_ms", "prior"),
            ]:
                x, y = get(phase, lo, key, batch), get(phase, hi, key, batch)
                cells.append(f"{y / x:.2f}×" if x and y else "–")
            out.append(f"| {e} | " + " | ".join(cells) + " |")
        out.append("")

    a.out.write_text("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
