#!/usr/bin/env python3
"""Reads benches/work/results/*.jsonl (written by benches/run.sh) and prints Markdown tables.

Python 3.11 standard library only:

    python3 benches/summarize.py [RESULTS_DIR]   # default benches/work/results
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

MiB = 2**20


def load(results: Path) -> list[dict]:
    rows = []
    for f in sorted(results.glob("*.jsonl")):
        for line in f.read_text().splitlines():
            line = line.strip()
            if line.startswith("JSON "):
                line = line[5:]
            if line.startswith("{"):
                rows.append(json.loads(line))
    return rows


TEXT_COLUMNS = {"impl", "corpus", "what is timed", "index_only variant"}


def table(head: list[str], body: list[list[str]]) -> str:
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" if h in TEXT_COLUMNS else "---:" for h in head) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in body]
    return "\n".join(out)


ORDER = ["quick-xml", "split", "patdex-parse", "patdex-parse+doc", "patpubrender", "patpubrender-md", "lxml", "fastpat-gen3", "fastpat-stream"]
WHAT = {
    "quick-xml": "floor: quick-xml events to Eof, nothing extracted",
    "split": "patdex Splitter alone (cut + copy each document)",
    "patdex-parse": "split + `parse_document` (full `Patent`)",
    "patdex-parse+doc": "… + `schema::to_document` (what the ingest parse pool does)",
    "patpubrender": "`parse()` + title/abstract/claims getters (Python API)",
    "patpubrender-md": "`parse_to_markdown()` (only way to get the description)",
    "lxml": "`fromstring` + title/abstract/claims/description `itertext`",
    "fastpat-gen3": "`fromstring` + `parse_grant_gen3` (biblio + abstract only)",
    "fastpat-stream": "fastpat's own line-fed pull parser + `parse_grant_gen3`",
}


def cpu_rate(r: dict) -> str:
    """MB of XML per CPU-second (user + system, all threads): the work, whatever the noise."""
    # /proc CPU times tick at 10 ms: meaningless for sub-second measurements.
    if not r.get("mb_per_cpu_s") or r.get("median_s", 0) < 0.5:
        return "-"
    return f"{r['mb_per_cpu_s']:.1f}"


def loadavg(r: dict) -> str:
    """1-minute load average before → after a measurement (2 cores: above ~2 someone else ran)."""
    if "load1_start" not in r:
        return "-"
    return f"{r['load1_start']:.1f}→{r['load1_end']:.1f}"


def provenance(rs: list[dict]) -> str:
    """Which patdex commit and when, for a group of measurements (partial re-runs can mix)."""
    gits = sorted({r.get("git", "?") for r in rs})
    dates = sorted(r.get("date", "") for r in rs if r.get("date"))
    when = ""
    if dates:
        when = dates[0][:16] + (f" … {dates[-1][11:16]}" if dates[-1][:16] != dates[0][:16] else "")
    return f"_patdex {', '.join(gits)}; measured {when or '?'}_\n"


def corpus_bytes_docs(rows, corpus):
    for r in rows:
        if r["corpus"] == corpus and r["bench"] == "parse":
            return r["bytes"], r["docs"]
    return None, None


def main() -> int:
    results = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "work" / "results"
    rows = load(results)
    if not rows:
        print(f"no results in {results}")
        return 1
    machine = results / "machine.json"
    if machine.exists():
        m = json.loads(machine.read_text())
        print(f"machine: {m.get('cpus')} x {m.get('cpu_model')}, {m.get('mem')}; {m.get('rustc')}; patdex {m.get('git')}; {m.get('date')}\n")

    corpora = []
    for r in rows:
        if r["corpus"] not in corpora:
            corpora.append(r["corpus"])

    for corpus in corpora:
        parse = [r for r in rows if r["bench"] == "parse" and r["corpus"] == corpus]
        if not parse:
            continue
        parse.sort(key=lambda r: ORDER.index(r["impl"]) if r["impl"] in ORDER else 99)
        floor = next((r for r in parse if r["impl"] == "quick-xml"), None)
        pd = next((r for r in parse if r["impl"] == "patdex-parse"), None)
        nbytes, ndocs = corpus_bytes_docs(rows, corpus)
        print(f"### Parse only, one thread: `{corpus}` ({nbytes / 1e6:.1f} MB, {ndocs} documents)\n")
        print(provenance(parse))
        body = []
        for r in parse:
            body.append([
                f"`{r['impl']}`",
                f"{r['mb_s']:.1f}",
                f"{r['docs_s']:.0f}",
                f"{r['mb_s'] / floor['mb_s']:.2f}" if floor else "-",
                f"{r['mb_s'] / pd['mb_s']:.2f}" if pd else "-",
                cpu_rate(r),
                f"{r['median_s']:.2f}",
                f"{r['runs']}",
                loadavg(r),
                f"{r['patents']}/{r['skipped']}/{r['errors']}",
                WHAT.get(r["impl"], r.get("note", "")),
            ])
        print(table(["impl", "MB/s", "docs/s", "× floor", "× patdex", "MB per CPU-s", "median s", "runs", "load", "ok/skip/err", "what is timed"], body))
        print()

    ingest = [r for r in rows if r["bench"] == "ingest"]
    index_only = [r for r in rows if r["bench"] == "index_only"]
    if ingest or index_only:
        print("### End-to-end ingest (2 threads) against tantivy alone\n")
        print(provenance(ingest + index_only))
        body = []
        for r in sorted(ingest, key=lambda r: r["bytes"]):
            io = next((x for x in index_only if x["corpus"] == r["corpus"] and x["impl"] == "tantivy"), None)
            body.append([
                f"`{r['corpus']}`",
                f"{r['bytes'] / 1e6:.0f}",
                f"{r['docs']}",
                f"{r['mb_s']:.1f}",
                f"{r['docs_s']:.0f}",
                f"{r['median_s']:.2f} ({r['runs']} runs)",
                cpu_rate(r),
                loadavg(r),
                f"{io['mb_s']:.1f}" if io else "-",
                f"{io['docs_s']:.0f}" if io else "-",
                f"{io['median_s']:.2f} ({io['runs']} runs)" if io else "-",
                cpu_rate(io) if io else "-",
                loadavg(io) if io else "-",
                f"{r['mb_s'] / io['mb_s']:.2f}" if io else "-",
            ])
        print(table(["corpus", "XML MB", "docs", "ingest MB/s", "ingest docs/s", "ingest s", "ingest MB per CPU-s", "load",
                     "tantivy-only MB/s", "tantivy-only docs/s", "tantivy-only s", "tantivy-only MB per CPU-s", "load",
                     "ingest / tantivy-only (wall)"], body))
        print()
        extra = [x for x in index_only if x["impl"] != "tantivy"]
        if extra:
            print(table(["index_only variant", "corpus", "MB/s", "docs/s", "median s", "MB per CPU-s", "load", "index / XML"],
                        [[f"`{x['impl']}`", f"`{x['corpus']}`", f"{x['mb_s']:.1f}", f"{x['docs_s']:.0f}",
                          f"{x['median_s']:.2f} ({x['runs']} runs)", cpu_rate(x), loadavg(x),
                          f"{x['index_bytes'] / x['bytes']:.3f}"] for x in extra]))
            print()

        print("### Peak RSS of `patdex ingest --threads 2` and index size\n")
        print(provenance(ingest))
        body = []
        for r in sorted(ingest, key=lambda r: r["bytes"]):
            rss = r["peak_rss_bytes"]
            body.append([
                f"`{r['corpus']}`",
                f"{r['docs']}",
                f"{r['bytes'] / 1e6:.0f}",
                f"{r['runs']}",
                f"{r['peak_rss_median_bytes'] / MiB:.0f}",
                f"{min(rss) / MiB:.0f}–{max(rss) / MiB:.0f}",
                f"{r.get('peak_anon_median_bytes', 0) / MiB:.0f}",
                f"{max(r.get('peak_file_bytes') or [0]) / MiB:.0f}",
                f"{r['index_bytes'] / 1e6:.1f}",
                f"{r['index_ratio']:.3f}",
            ])
        print(table(["corpus", "docs", "XML MB", "runs", "peak RSS MiB (median, time -v)", "range over runs",
                     "peak RssAnon MiB (median)", "peak RssFile MiB (max)", "index MB (tantivy/)", "index / XML"], body))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
