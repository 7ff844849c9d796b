#!/usr/bin/env python3
"""SQLite FTS5 as an embedded peer for the side-by-side comparison (benches/compare.sh).

Python stdlib only (sqlite3; FTS5 is compiled into Debian's and pyenv's SQLite 3.40).

    python3 benches/peers/fts5_peer.py --text benches/work/compare/text-10k.jsonl \
        --queries-dir benches/work/compare --corpus 10k --threads 2 --runs 3 \
        --work benches/work/compare/fts5 --out benches/work/compare/results-fts5-10k.jsonl \
        --run benches/work/compare/runs/fts5-10k

Index: one FTS5 table `t(id UNINDEXED, contents)` with `tokenize = 'unicode61
remove_diacritics 0'` (lowercases, splits on anything that is not a Unicode letter or
number, keeps digits; no stemming, no stopwords). All rows are inserted in one
transaction, then `INSERT INTO t(t) VALUES('optimize')` merges the b-trees into one. Each
run is a fresh child process (so peak RSS is per run) that reads the JSONL untimed, then
times insert + commit + optimize on a fresh database file. The median of --runs is
reported; index_bytes is the database file after the last run (FTS5 keeps the text in
the table's content store as well: content_bytes / fts_index_bytes split it, via dbstat).

Search: `SELECT rowid, bm25(t) FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT 10` joined back
to t for the ids of those 10 (--sql plain: `SELECT id, bm25(t) ...` directly, which reads the
id of every matching row first), the query being `"w1" OR "w2" ...` over the distinct
words. FTS5's bm25() has k1 = 1.2, b = 0.75 hard-coded, exact document lengths, and IDF
log((N - n + 0.5) / (n + 0.5)) floored at 1e-6, so a word in more than half of the documents
weighs next to nothing (Lucene: log(1 + (N - n + 0.5) / (n + 0.5))); top-10 overlap with
Lucene on text-10k was 0.86 (keyword) / 0.83 (prior). FTS5 has no dynamic pruning: an OR
query scores every matching row against every phrase, so a prior-art query (60-120 words)
takes seconds on 10k documents. T threads each with its own connection take every T-th
query of the batch (the sqlite3 module releases the GIL inside sqlite3_step; --mode
processes forks workers instead). One untimed warm-up pass, then --runs timed runs, each
the batch repeated often enough to last about --min-run-s seconds (2 by default; once for
slow batches), and fewer runs (at least 1) when they would take over --max-search-s (200 s;
FTS5's prior-art batch at 50k); per-query latencies from all timed runs are pooled for
p50 / p99, qps = queries x repeats / median run wall time. The TREC run is written from the
warm-up pass.

Results are appended to --out as JSON lines (see benches/compare.sh for the keys).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

ENGINE = "sqlite-fts5"
TOKENIZE = "unicode61 remove_diacritics 0"


from search_harness import load1, read_jsonl, run_child, emit, run_batches  # noqa: E402 (shared with the other peers)


# ---------------------------------------------------------------- FTS5
def index_child(text: str, db: str) -> None:
    """Runs in a fresh process: read untimed, then time load + optimize on a fresh db."""
    import resource
    import sqlite3

    docs = read_jsonl(text)
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for suffix in ("", "-journal", "-wal"):
        try:
            os.remove(db + suffix)
        except FileNotFoundError:
            pass
    ru0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    con = sqlite3.connect(db, isolation_level=None)
    con.execute(f"CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, contents, tokenize = '{TOKENIZE}')")
    con.execute("BEGIN")
    con.executemany("INSERT INTO t(id, contents) VALUES (?, ?)", docs)
    con.execute("COMMIT")
    t1 = time.perf_counter()
    con.execute("INSERT INTO t(t) VALUES('optimize')")
    con.close()
    t2 = time.perf_counter()
    ru1 = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({
        "docs": len(docs),
        "secs": t2 - t0,
        "load_s": t1 - t0,
        "optimize_s": t2 - t1,
        "cpu_s": (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime),
        "rss_after_read_kb": rss_loaded,
        "text_bytes": sum(len(c.encode("utf-8")) for _, c in docs),
    }))


def size_split(db: str) -> dict:
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = dict(con.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"))
    except sqlite3.Error:
        return {}
    finally:
        con.close()
    content = sum(v for k, v in rows.items() if k.startswith("t_content") or k.startswith("t_docsize"))
    fts = sum(v for k, v in rows.items() if k in ("t_data", "t_idx", "t_config") or k.startswith("sqlite_autoindex_t_"))
    return {"content_bytes": content, "fts_index_bytes": fts}


SQL = {
    # the plain statement: SQLite reads `id` from the content table for every matching row
    # before sorting (with an OR of common words, nearly every row)
    "plain": "SELECT id, bm25(t) FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT 10",
    # the same ranking, `id` read for the top 10 only (1.5x faster on keyword queries)
    "top10": "SELECT t.id, r.s FROM (SELECT rowid AS rid, bm25(t) AS s FROM t WHERE t MATCH ? "
             "ORDER BY s LIMIT 10) AS r JOIN t ON t.rowid = r.rid ORDER BY r.s",
}


def make_fts5_searcher(db: str, mmap_mb: int, sql_name: str = "top10"):
    import sqlite3

    sql = SQL[sql_name]

    def make():
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
        if mmap_mb:
            con.execute(f"PRAGMA mmap_size = {mmap_mb * 1024 * 1024}")

        def search(words):
            if not words:
                return []
            q = " OR ".join(f'"{w}"' for w in words)
            # bm25() is "lower is better" (negated); report the positive BM25 score
            return [(i, -s) for i, s in con.execute(sql, (q,)).fetchall()]

        return search

    return make


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--text", required=True)
    ap.add_argument("--queries-dir", required=True)
    ap.add_argument("--corpus", required=True, help="label, e.g. 10k")
    ap.add_argument("--threads", default="2", help="search threads; a comma list runs each (e.g. 1,2)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", default="")
    ap.add_argument("--run", default="", help="TREC run prefix: PREFIX-{keyword,prior}.run")
    ap.add_argument("--batches", default="keyword,prior")
    ap.add_argument("--mmap-mb", type=int, default=0, help="PRAGMA mmap_size for searching (0 = SQLite default, off)")
    ap.add_argument("--min-run-s", type=float, default=2.0,
                    help="a timed run repeats the batch until it lasts about this long (default 2)")
    ap.add_argument("--max-search-s", type=float, default=200.0,
                    help="a batch whose timed runs would take longer gets fewer (at least 1; default 200)")
    ap.add_argument("--mode", choices=["threads", "processes"], default="threads",
                    help="search workers: threads sharing the process (default) or forked processes")
    ap.add_argument("--sql", choices=sorted(SQL), default="top10",
                    help="top10 (default): ids fetched for the top 10 only; plain: the one-line statement")
    ap.add_argument("--skip-index", action="store_true", help="search the existing db")
    ap.add_argument("--index-child", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()

    os.makedirs(a.work, exist_ok=True)
    db = os.path.join(a.work, f"fts5-{a.corpus}.db")
    if a.index_child:
        index_child(a.text, db)
        return

    if not a.skip_index:
        runs = []
        for r in range(a.runs):
            l0 = load1()
            info, rss = run_child([sys.executable, os.path.abspath(__file__), "--index-child",
                                   "--text", a.text, "--queries-dir", a.queries_dir,
                                   "--corpus", a.corpus, "--work", a.work])
            info.update(peak_rss_kb=rss, load1_before=l0, load1_after=load1())
            runs.append(info)
            print(f"# index run {r + 1}: {info['secs']:.2f} s (load {info['load_s']:.2f}, optimize "
                  f"{info['optimize_s']:.2f}), peak RSS {rss // 1024} MiB", file=sys.stderr)
        rec = {
            "engine": ENGINE, "corpus": a.corpus, "phase": "index", "docs": runs[0]["docs"], "threads": 1,
            "median_s": statistics.median(x["secs"] for x in runs), "runs": len(runs),
            "index_bytes": os.path.getsize(db),
            "peak_rss_kb": max(x["peak_rss_kb"] for x in runs),
            "all_s": [round(x["secs"], 3) for x in runs],
            "median_load_s": statistics.median(x["load_s"] for x in runs),
            "median_optimize_s": statistics.median(x["optimize_s"] for x in runs),
            "median_cpu_s": statistics.median(x["cpu_s"] for x in runs),
            "rss_after_read_kb": runs[0]["rss_after_read_kb"],
            "text_bytes": runs[0]["text_bytes"],
            "load1_before": runs[0]["load1_before"], "load1_after": runs[-1]["load1_after"],
            "sqlite": __import__("sqlite3").sqlite_version, "tokenize": TOKENIZE,
        }
        rec.update(size_split(db))
        emit(a.out, rec)

    run_batches(a, ENGINE, make_fts5_searcher(db, a.mmap_mb, a.sql), mmap_mb=a.mmap_mb, sql=a.sql)


if __name__ == "__main__":
    main()
