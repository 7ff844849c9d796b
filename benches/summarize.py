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


TEXT_COLUMNS = {"impl", "corpus", "what is timed", "index_only variant",
                "category", "query", "operator", "AND query", "kind", "patdex query", "patdex"}


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

    query_section(rows)
    return 0


def ms(v: float) -> str:
    return f"{v:.2f}" if v < 100 else f"{v:.0f}"


def query_section(rows: list[dict]) -> None:
    """Tables of the `query` section (benches/query.rs and the ingest that built its index)."""
    for s in [r for r in rows if r["bench"] == "query-summary"]:
        corpus = s["corpus"]
        mine = [r for r in rows if r["bench"].startswith("query") and r.get("corpus") == corpus]
        print(f"### Query latency: `{corpus}` ({s['docs']} documents, {s['segments']} segments, "
              f"index {s['index_bytes'] / 1e6:,.0f} MB)\n")
        print(provenance(mine))
        print(f"{s['runs']} timed passes over {s['queries']} queries ({s['stress_runs']} for the stress queries) after "
              f"{s['warmup']} warm-up, round robin, one thread; prepare + all_hits + top 10 timed per query; "
              f"{s['wall_s']:.0f} s wall, {s['cpu_s']:.0f} s CPU; load {loadavg(s)}.\n")

        cats = [r for r in rows if r["bench"] == "query-category" and r["corpus"] == corpus]
        if cats:
            print(table(["category", "queries", "runs pooled", "median ms", "p99 ms", "slowest query (median ms)"],
                        [[f"`{r['category']}`", str(r["queries"]), str(r["samples"]), ms(r["median_ms"]),
                          ms(r["p99_ms"]) + ("" if r.get("p99_kind", "p99") == "p99" else " (max)"),
                          ms(r["slowest_median_ms"])] for r in cats]))
            print()
        qs = [r for r in rows if r["bench"] == "query" and r["corpus"] == corpus and r.get("category")]
        if qs:
            print(table(["category", "query", "runs", "median ms", "p99 ms", "min ms", "hits"],
                        [[f"`{r['category']}`", "`" + r["query"].replace("|", "\\|") + "`", str(r["runs"]),
                          ms(r["median_ms"]),
                          ms(r["p99_ms"]) + ("" if r["p99_kind"] == "p99" else " (max)"),
                          ms(r["min_ms"]), f"{r['hits']:,}"] for r in qs]))
            print()
        prox = [r for r in rows if r["bench"] == "query-prox" and r["corpus"] == corpus]
        if prox:
            print("Proximity against the plain AND of the same operands (ratio of medians):\n")
            print(table(["operator", "query", "median ms", "AND query", "AND median ms", "proximity / AND", "hits", "AND hits"],
                        [[r["op"], f"`{r['query']}`", ms(r["median_ms"]), f"`{r['and_query']}`",
                          ms(r["and_median_ms"]), f"{r['ratio']:.1f}", f"{r['hits']:,}", f"{r['and_hits']:,}"]
                         for r in prox]))
            if s.get("prox_and_median_ratio") is not None:
                print(f"\nMedian ratio over the pairs (stress pairs apart): **{s['prox_and_median_ratio']:.1f}**")
            print()
        peers = [r for r in rows if r["bench"] == "query-peer" and r["corpus"] == corpus]
        if peers:
            print("Against tantivy alone (exact words on both sides; tantivy cannot express the other queries):\n")
            print(table(["kind", "patdex query", "patdex ms", "tantivy alone ms", "patdex / tantivy",
                         "tantivy + all_hits ms", "patdex / (tantivy + all_hits)", "hits", "tantivy hits", "counts", "top 10"],
                        [[r["kind"], f"`{r['query']}`", ms(r["median_ms"]), ms(r["native_median_ms"]), f"{r['ratio']:.2f}",
                          ms(r["native_all_hits_median_ms"]), f"{r['all_hits_ratio']:.2f}", f"{r['hits']:,}",
                          f"{r['native_hits']:,}", "equal" if r["counts_equal"] else "**DIFFER**",
                          {True: "equal", False: "**DIFFER**", None: "-"}[r["top10_equal"]]] for r in peers]))
            if s.get("peer_median_ratio") is not None:
                print(f"\nMedian patdex / tantivy alone: **{s['peer_median_ratio']:.2f}**; patdex / (tantivy query + "
                      f"patdex's all_hits collector): **{s['peer_all_hits_median_ratio']:.2f}**; "
                      f"mismatches: {s['peer_mismatches']}")
            print()
        slow = [r for r in rows if r["bench"] == "query" and r["corpus"] == corpus and r["median_ms"] > 200]
        if slow:
            print("Slow (median > 200 ms): " + "; ".join(f"`{r['query']}` {r['median_ms']:.0f} ms" for r in slow) + "\n")

    for r in [r for r in rows if r["bench"] == "query-ingest"]:
        old = next((x for x in rows if x["bench"] == "ingest" and x["corpus"] == r["corpus"]), None)
        print(f"### Ingest that built the query index: `{r['corpus']}`\n")
        print(provenance([r] + ([old] if old else [])))
        body = []
        for x, what in [(r, "query index"), (old, "ingest section")]:
            if not x:
                continue
            body.append([what, x.get("git", "?"), f"{x['median_s']:.1f}", f"{x['mb_s']:.1f}", cpu_rate(x), loadavg(x),
                         f"{x.get('peak_anon_median_bytes', 0) / MiB:.0f}", f"{x['index_bytes'] / 1e6:,.0f}",
                         f"{x['index_ratio']:.3f}"])
        print(table(["impl", "patdex", "ingest s", "MB/s", "MB per CPU-s", "load", "peak RssAnon MiB", "index MB", "index / XML"], body))
        if old:
            print(f"\nquery index / ingest-section index: time ×{r['median_s'] / old['median_s']:.2f}, "
                  f"CPU ×{old['mb_per_cpu_s'] / r['mb_per_cpu_s']:.2f}, size ×{r['index_bytes'] / old['index_bytes']:.2f}")
        print()


if __name__ == "__main__":
    sys.exit(main())
