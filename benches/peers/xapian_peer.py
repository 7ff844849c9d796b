#!/usr/bin/python3
"""Xapian as an embedded peer for the side-by-side comparison (benches/compare.sh).

Needs the Debian package python3-xapian (Xapian 1.4.22 on bookworm), which is for the
system /usr/bin/python3, not a venv or pyenv python. If `import xapian` fails, this script
re-runs itself under /usr/bin/python3, and if that lacks xapian too it runs
`apt-get install -y python3-xapian` (root; pass --no-install to fail instead).

    python3 benches/peers/xapian_peer.py --text benches/work/compare/text-10k.jsonl \
        --queries-dir benches/work/compare --corpus 10k --threads 2 --runs 3 \
        --work benches/work/compare/xapian --out benches/work/compare/results-xapian-10k.jsonl \
        --run benches/work/compare/runs/xapian-10k

Index: xapian.TermGenerator with no stemmer (so one unstemmed, lowercased term per word,
no stopwords) and `index_text`, which records positions, as patdex and tantivy do; the
document data is the id (the text itself is not stored, unlike FTS5 and patdex). A fresh
WritableDatabase (glass backend), add_document for all, commit. Each run is a fresh child
process (peak RSS per run) that reads the JSONL untimed first. Median of --runs. Also timed,
as extra fields: `Database.compact()` of the result into a second directory (Xapian's
equivalent of FTS5's 'optimize'; not part of median_s, not the index that is searched), and
unless --no-variants a second engine line `xapian-nopos` using
`index_text_without_positions` (BM25 needs no positions).

Tokenizer differences from the contract (lowercase, split on non-alphanumeric): Xapian keeps
`_` inside words (`world_x`), joins letters around `&` and `'` (`at&t`, `don't`), keeps
trailing `+`/`#` (`c++`, `c#`), keeps digits joined by `.` or `,` (`3.14`, `1,000`),
turns acronyms `U.S.A.` into `usa`, and drops words over 64 bytes. Query words that the
contract splits (`3`, `14`, `user` of `user's`) then do not meet those terms: on every 33rd
document of text-10k, 1.8 % of the contract's word occurrences are not indexed as such
(mostly decimals `0.1`, `1,3`, possessives `user's`, identifiers `a_b`). --split-non-alnum
replaces non-alphanumerics by spaces first (untimed), which makes the terms the contract's.

Search: Enquire with BM25Weight(k1=1.2, k2=0, k3=1, b=0.75, min_normlen=0.5) and the query
Query(OP_OR, [each distinct word]) (no QueryParser), get_mset(0, 10); the id comes from the
document data. Xapian's BM25 IDF is log(r) with r = (N - n + 0.5) / (n + 0.5), r replaced
by r / 2 + 1 when below 2 (never negative), document length = sum of wdf; top-10 overlap with
Lucene on text-10k was 0.85 (keyword) / 0.86 (prior). Workers are forked processes by default, each with its own Database: the
SWIG bindings do release the GIL inside Xapian calls (prior-art batches scale with threads),
but a keyword query takes ~0.1 ms, mostly Python around the call (building the Query,
reading the MSet) under the GIL, so two threads gave 1.05x one thread on keyword queries and
two processes 1.8x (--mode threads to see it). Warm-up, timed runs, p50 / p99 and qps as in
fts5_peer.py.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ENGINE = "xapian"
SYSTEM_PY = "/usr/bin/python3"


def ensure_xapian(allow_install: bool) -> None:
    try:
        import xapian  # noqa: F401
        return
    except ImportError:
        pass
    if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PY) and os.path.exists(SYSTEM_PY):
        ok = subprocess.run([SYSTEM_PY, "-c", "import xapian"], capture_output=True).returncode == 0
        if not ok and allow_install:
            print("# installing python3-xapian (apt-get)", file=sys.stderr)
            subprocess.run(["apt-get", "install", "-y", "-q", "python3-xapian"], check=False,
                           stdout=sys.stderr)
            ok = subprocess.run([SYSTEM_PY, "-c", "import xapian"], capture_output=True).returncode == 0
        if ok:
            os.execv(SYSTEM_PY, [SYSTEM_PY, os.path.abspath(__file__)] + sys.argv[1:])
    elif allow_install:
        subprocess.run(["apt-get", "install", "-y", "-q", "python3-xapian"], check=False, stdout=sys.stderr)
        try:
            import xapian  # noqa: F401
            return
        except ImportError:
            pass
    sys.exit("xapian_peer.py: python3-xapian is missing (apt-get install -y python3-xapian)")


from search_harness import load1, read_jsonl, run_child, emit, run_batches  # noqa: E402 (shared with the other peers)


# ---------------------------------------------------------------- Xapian
def dir_bytes(path: str) -> int:
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def index_child(text: str, path: str, positions: bool, compact: bool, split: bool) -> None:
    """Runs in a fresh process: read untimed, then time indexing into a fresh database."""
    import re
    import resource

    import xapian

    docs = read_jsonl(text)
    if split:  # untimed: the contract's word split, so TermGenerator sees words and spaces only
        nonword = re.compile(r"[\W_]+")
        for k, (i, c) in enumerate(docs):  # in place, so the peak RSS holds one copy
            docs[k] = (i, nonword.sub(" ", c))
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    shutil.rmtree(path, ignore_errors=True)
    ru0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    db = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()  # no stemmer set: unstemmed terms only
    index = tg.index_text if positions else tg.index_text_without_positions
    for did, contents in docs:
        doc = xapian.Document()
        tg.set_document(doc)
        index(contents)
        doc.set_data(did)
        db.add_document(doc)
    db.commit()
    db.close()
    t1 = time.perf_counter()
    ru1 = resource.getrusage(resource.RUSAGE_SELF)
    info = {
        "docs": len(docs), "secs": t1 - t0,
        "cpu_s": (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime),
        "rss_after_read_kb": rss_loaded,
        "text_bytes": sum(len(c.encode("utf-8")) for _, c in docs),
        "index_bytes": dir_bytes(path),
    }
    if compact:
        cpath = path + "-compact"
        shutil.rmtree(cpath, ignore_errors=True)
        t2 = time.perf_counter()
        xapian.Database(path).compact(cpath)
        info["compact_s"] = time.perf_counter() - t2
        info["compacted_bytes"] = dir_bytes(cpath)
        shutil.rmtree(cpath, ignore_errors=True)
    print(json.dumps(info))


def make_xapian_searcher(path: str):
    def make():
        import xapian

        db = xapian.Database(path)
        enq = xapian.Enquire(db)
        enq.set_weighting_scheme(xapian.BM25Weight(1.2, 0, 1, 0.75, 0.5))

        def search(words):
            if not words:
                return []
            enq.set_query(xapian.Query(xapian.Query.OP_OR, [xapian.Query(w) for w in words]))
            return [(m.document.get_data().decode("utf-8"), m.weight) for m in enq.get_mset(0, 10)]

        return search

    return make


def index_phase(a, path: str, engine: str, positions: bool, compact: bool) -> None:
    runs = []
    for r in range(a.index_runs or a.runs):
        l0 = load1()
        argv = [sys.executable, os.path.abspath(__file__), "--index-child", "--text", a.text,
                "--queries-dir", a.queries_dir, "--corpus", a.corpus, "--work", a.work, "--child-path", path]
        if not positions:
            argv.append("--child-nopos")
        if compact:
            argv.append("--child-compact")
        if a.split_non_alnum:
            argv.append("--split-non-alnum")
        info, rss = run_child(argv)
        info.update(peak_rss_kb=rss, load1_before=l0, load1_after=load1())
        runs.append(info)
        print(f"# {engine} index run {r + 1}: {info['secs']:.2f} s, peak RSS {rss // 1024} MiB, "
              f"{info['index_bytes'] / 2**20:.1f} MiB", file=sys.stderr)
    import xapian

    rec = {
        "engine": engine, "corpus": a.corpus, "phase": "index", "docs": runs[0]["docs"], "threads": 1,
        "median_s": statistics.median(x["secs"] for x in runs), "runs": len(runs),
        "index_bytes": runs[-1]["index_bytes"], "peak_rss_kb": max(x["peak_rss_kb"] for x in runs),
        "all_s": [round(x["secs"], 3) for x in runs],
        "median_cpu_s": statistics.median(x["cpu_s"] for x in runs),
        "rss_after_read_kb": runs[0]["rss_after_read_kb"], "text_bytes": runs[0]["text_bytes"],
        "positions": positions, "split_non_alnum": a.split_non_alnum, "load1_before": runs[0]["load1_before"], "load1_after": runs[-1]["load1_after"],
        "xapian": xapian.version_string(),
        "flush_threshold": os.environ.get("XAPIAN_FLUSH_THRESHOLD", "10000 (default)"),
    }
    if compact:
        rec["median_compact_s"] = statistics.median(x["compact_s"] for x in runs)
        rec["compacted_bytes"] = runs[-1]["compacted_bytes"]
    emit(a.out, rec)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--text", required=True)
    ap.add_argument("--queries-dir", required=True)
    ap.add_argument("--corpus", required=True, help="label, e.g. 10k")
    ap.add_argument("--threads", default="2", help="search workers; a comma list runs each (e.g. 1,2)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--index-runs", type=int, default=0,
                    help="index runs, if not --runs (one is 14 minutes at 50k)")
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", default="")
    ap.add_argument("--run", default="", help="TREC run prefix: PREFIX-{keyword,prior}.run")
    ap.add_argument("--batches", default="keyword,prior")
    ap.add_argument("--min-run-s", type=float, default=2.0,
                    help="a timed run repeats the batch until it lasts about this long (default 2)")
    ap.add_argument("--max-search-s", type=float, default=200.0,
                    help="a batch whose timed runs would take longer gets fewer (at least 1; default 200)")
    ap.add_argument("--mode", choices=["threads", "processes"], default="processes",
                    help="search workers: forked processes (default) or threads sharing the process")
    ap.add_argument("--split-non-alnum", action="store_true",
                    help="replace every run of non-alphanumerics (and _) by a space before indexing "
                         "(untimed), so the terms are the contract's words")
    ap.add_argument("--no-variants", action="store_true", help="skip the xapian-nopos index variant")
    ap.add_argument("--no-compact", action="store_true", help="skip timing Database.compact()")
    ap.add_argument("--skip-index", action="store_true", help="search the existing database")
    ap.add_argument("--no-install", action="store_true", help="do not apt-get install python3-xapian")
    ap.add_argument("--index-child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--child-path", help=argparse.SUPPRESS)
    ap.add_argument("--child-nopos", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--child-compact", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    ensure_xapian(not a.no_install)

    os.makedirs(a.work, exist_ok=True)
    path = os.path.join(a.work, f"xapian-{a.corpus}")
    if a.index_child:
        index_child(a.text, a.child_path, not a.child_nopos, a.child_compact, a.split_non_alnum)
        return

    if not a.skip_index:
        if not a.no_variants:
            index_phase(a, path + "-nopos", "xapian-nopos", False, False)
            shutil.rmtree(path + "-nopos", ignore_errors=True)
        index_phase(a, path, ENGINE, True, not a.no_compact)

    run_batches(a, ENGINE, make_xapian_searcher(path))


if __name__ == "__main__":
    main()
