#!/usr/bin/env python3
"""Lucene (through Anserini 0.22.1's fat jar) in the engine comparison (benches/compare.sh).

    python3 benches/peers/anserini_peer.py --text benches/work/compare/text-10k.jsonl \
        --queries-dir benches/work/compare --corpus 10k --threads 2 --runs 3 \
        --work benches/work/compare/lucene --out benches/work/compare/results-lucene-10k.jsonl \
        --run benches/work/compare/runs/lucene-10k [--search-runs N] [--no-cli] [--reuse-index]
        [--java-opts "-Xmx4g"] [--memorybuffer MB] [--jar JAR]

The jar: `anserini-0.22.1-fatjar.jar` inside the pyserini 0.22.1 wheel, installed with
`benches/work/venv/bin/pip install --no-deps pyserini==0.22.1` when not found (Lucene 9.5).

**Index** (`phase: index`): the JSONL is first cut into --threads files of about equal size
(untimed; Anserini indexes one file per thread, so one file would mean one thread), then
--runs times into a fresh index under `/usr/bin/time -v`:

    java -cp JAR io.anserini.index.IndexCollection -collection JsonCollection -input SHARDS
        -index IDX -generator DefaultLuceneDocumentGenerator -threads T -storePositions
        -stemmer none -keepStopwords -memorybuffer MB -quiet

(`contents` indexed with positions, no term vectors, raw and contents not stored; the `id`
field is stored.) Reported: median wall-clock seconds (JVM start-up included, well under a
second), index bytes, peak RSS (max over runs), CPU seconds, segments.

**Search** (`phase: search`, one line per batch): benches/peers/LuceneSearch.java, compiled
against the jar, on the last index: --threads worker threads over the batch, untimed warm-up
passes (at least --warmup, default 1, and at least --warmup-s seconds, default 10: the JIT),
then --search-runs timed runs (default --runs), each repeating the batch for at least
--min-run-s seconds (default 2); qps = median over runs of queries / wall, p50/p99 over every
query of every timed pass (a query's time includes analysing it and fetching the 10 ids).
BM25 k1 1.2 b 0.75, top 10, OR of the query's terms.

**Anserini's own SearchCollection** (`phase: search-cli`, unless --no-cli): the batch in one JVM
(`-topicreader TsvString -bm25 -bm25.k1 1.2 -bm25.b 0.75 -hits 10 -stemmer none -keepstopwords
-parallelism T`), wall-clock including JVM start-up, and the same with a one-query batch; qps
from the difference. Its top 10 are compared with the harness's (`agree_top10`: share of
(query, docid) pairs in common), which checks that both analyse queries the same way.

Query batches: `queries-keyword.tsv` and `queries-prior.tsv` in --queries-dir (a missing one is
skipped). Run files: PREFIX-keyword.run, PREFIX-prior.run (TREC, top 10, tag `lucene`).
Results: JSON lines written to --out (replaced, or appended with --append).

**Same work** (`--tokens --terms NAME=PREFIX ...`): --text is `export_text --tokens` output
(patdex's own tokens of title, abstract, claims and, as `contents`, description). It is indexed
with `-pretokenized -fields title abstract claims` (whitespace tokens, nothing else: the terms and
field lengths patdex has) into `index-tokens-CORPUS`, and each `PREFIX-BATCH.tsv` (the terms
patdex's query NAME searched, from `compare_tantivy --terms-prefix`) is run in LuceneSearch's
`terms` mode as engine `lucene-as-NAME`, run file `RUN-NAME-BATCH.run`. Lucene then does the work
patdex did, so their top 10 should agree as tantivy alone and Lucene do.

Analyzer: DefaultEnglishAnalyzer with -stemmer none -keepStopwords is StandardTokenizer (Unicode
UAX#29 word boundaries) + English possessive filter + lowercase, at index and at query time.
It differs from "split on non-alphanumeric" where UAX#29 keeps a token together: numbers with
`.`/`,` ("3.5", "1,000"), letters joined by `.` or `'` ("e.g", "don't"), `_`; and "'s" is cut.
The query batches contain only ASCII-letter words, so only the index side differs.
"""
import argparse
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VENV = os.path.join(ROOT, "benches", "work", "venv")
JAVA_SRC = os.path.join(ROOT, "benches", "peers", "LuceneSearch.java")
PYSERINI = "pyserini==0.22.1"


def log(msg):
    print(f"[anserini_peer] {msg}", file=sys.stderr, flush=True)


def load():
    return float(open("/proc/loadavg").read().split()[0])


def find_jar(explicit):
    if explicit:
        return explicit
    pat = os.path.join(VENV, "lib", "python*", "site-packages", "pyserini", "resources", "jars",
                       "anserini-*-fatjar.jar")
    jars = sorted(glob.glob(pat))
    if not jars:
        log(f"installing {PYSERINI} (--no-deps) into {VENV} for its fat jar")
        subprocess.run([os.path.join(VENV, "bin", "pip"), "install", "-q", "--no-deps", PYSERINI], check=True)
        jars = sorted(glob.glob(pat))
    if not jars:
        sys.exit("anserini_peer: no anserini-*-fatjar.jar in the pyserini package")
    return jars[-1]


def compile_harness(jar, work):
    out = os.path.join(work, "classes")
    cls = os.path.join(out, "LuceneSearch.class")
    if not os.path.exists(cls) or os.path.getmtime(cls) < os.path.getmtime(JAVA_SRC):
        os.makedirs(out, exist_ok=True)
        subprocess.run(["javac", "-cp", jar, "-d", out, JAVA_SRC], check=True)
    return out


def split_text(text, n, dest):
    """Cuts the JSONL into n files of about equal bytes (whole lines)."""
    if os.path.isdir(dest):
        shutil.rmtree(dest)
    os.makedirs(dest)
    size = os.path.getsize(text)
    outs = [open(os.path.join(dest, f"part-{i:02d}.jsonl"), "wb") for i in range(n)]
    i = written = docs = 0
    with open(text, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            if i < n - 1 and written >= size * (i + 1) / n:
                i += 1
            outs[i].write(line)
            written += len(line)
            docs += 1
    for o in outs:
        o.close()
    return docs


def time_v(cmd, logfile, env=None):
    """Runs cmd under /usr/bin/time -v; returns (wall s, peak RSS kB, cpu s)."""
    tf = logfile + ".time"
    t0 = time.perf_counter()
    with open(logfile, "w") as lf:
        p = subprocess.run(["/usr/bin/time", "-v", "-o", tf] + cmd, stdout=lf, stderr=subprocess.STDOUT, env=env)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"anserini_peer: failed ({p.returncode}): {' '.join(cmd)}\n  see {logfile}")
    tv = open(tf).read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", tv).group(1))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", tv).group(1))
    sys_ = float(re.search(r"System time \(seconds\): ([\d.]+)", tv).group(1))
    return wall, rss, user + sys_


def dir_bytes(d):
    return sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(d) for f in fs)


def read_run(path):
    out = set()
    with open(path) as f:
        for line in f:
            p = line.split()
            if len(p) >= 3:
                out.add((p[0], p[2]))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--text", required=True)
    ap.add_argument("--queries-dir", required=True)
    ap.add_argument("--corpus", required=True, help="label, e.g. 10k")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--search-runs", type=int, default=None, help="timed search passes (default --runs)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed search passes, at least")
    ap.add_argument("--warmup-s", type=float, default=10.0, help="and warm-up seconds, at least (JIT)")
    ap.add_argument("--min-run-s", type=float, default=2.0, help="a timed run repeats the batch this long")
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--append", action="store_true")
    ap.add_argument("--run", required=True, help="prefix of the TREC run files")
    ap.add_argument("--jar")
    ap.add_argument("--java-opts", default="", help="extra JVM options (default: the JVM's own)")
    ap.add_argument("--memorybuffer", type=int, default=2048, help="IndexWriter RAM buffer, MB (Anserini's default)")
    ap.add_argument("--no-cli", action="store_true", help="skip the SearchCollection measurement")
    ap.add_argument("--reuse-index", action="store_true", help="search an index left by an earlier run; no index phase")
    ap.add_argument("--tokens", action="store_true", help="--text holds patdex's tokens (export_text --tokens)")
    ap.add_argument("--terms", action="append", default=[], metavar="NAME=PREFIX",
                    help="with --tokens: search PREFIX-BATCH.tsv term lists as engine lucene-as-NAME")
    a = ap.parse_args()

    jar = os.path.abspath(find_jar(a.jar))
    work = os.path.abspath(a.work)
    os.makedirs(work, exist_ok=True)
    os.makedirs(os.path.dirname(os.path.abspath(a.run)) or ".", exist_ok=True)
    classes = compile_harness(jar, work)
    java = ["java"] + a.java_opts.split()
    idx = os.path.join(work, f"index-tokens-{a.corpus}" if a.tokens else f"index-{a.corpus}")
    results = []
    base = {"engine": "lucene-tokens" if a.tokens else "lucene", "corpus": a.corpus}
    analysis = (["-pretokenized", "-fields", "title", "abstract", "claims"] if a.tokens
                else ["-stemmer", "none", "-keepStopwords"])
    jar_name = os.path.basename(jar)

    def emit(rec):
        results.append(rec)
        print("JSON " + json.dumps(rec), flush=True)

    if not a.reuse_index:
        shards = os.path.join(work, f"input-{a.corpus}")
        docs = split_text(a.text, a.threads, shards)
        log(f"{docs} docs cut into {a.threads} files under {shards}")
        walls, rsss, cpus = [], [], []
        l0 = load()
        for r in range(a.runs):
            if os.path.isdir(idx):
                shutil.rmtree(idx)
            cmd = java + ["-cp", jar, "io.anserini.index.IndexCollection", "-collection", "JsonCollection",
                          "-input", shards, "-index", idx, "-generator", "DefaultLuceneDocumentGenerator",
                          "-threads", str(a.threads), "-storePositions"] + analysis + [
                          "-memorybuffer", str(a.memorybuffer), "-quiet"]
            wall, rss, cpu = time_v(cmd, os.path.join(work, f"index-{a.corpus}-run{r}.log"))
            walls.append(wall)
            rsss.append(rss)
            cpus.append(cpu)
            log(f"index run {r + 1}/{a.runs}: {wall:.2f} s, peak RSS {rss // 1024} MiB, CPU {cpu:.1f} s")
        l1 = load()
        shutil.rmtree(shards)
        segs = len(glob.glob(os.path.join(idx, "*.si")))
        emit(dict(base, phase="index", docs=docs, threads=a.threads, median_s=round(statistics.median(walls), 3),
                  runs=a.runs, index_bytes=dir_bytes(idx), peak_rss_kb=max(rsss),
                  runs_s=[round(w, 3) for w in walls], cpu_s=round(statistics.median(cpus), 2),
                  segments=segs, memorybuffer_mb=a.memorybuffer, java_opts=a.java_opts, jar=jar_name,
                  load_before=l0, load_after=l1))
    elif not os.path.isdir(idx):
        sys.exit(f"anserini_peer: --reuse-index but no {idx}")

    runs = a.search_runs or a.runs
    # (engine, batch, query file, run file, LuceneSearch mode)
    searches = []
    for batch in ("keyword", "prior"):
        if a.tokens:
            for spec in a.terms:
                name, prefix = spec.split("=", 1)
                searches.append((f"lucene-as-{name}", batch, f"{prefix}-{batch}.tsv",
                                 f"{a.run}-{name}-{batch}.run", "terms"))
        else:
            searches.append(("lucene", batch, os.path.join(a.queries_dir, f"queries-{batch}.tsv"),
                             f"{a.run}-{batch}.run", "text"))
    for engine, batch, qf, run_file, mode in searches:
        if not os.path.exists(qf):
            log(f"no {qf}: batch skipped")
            continue
        nq = sum(1 for line in open(qf) if line.strip())
        l0 = load()
        p = subprocess.run(java + ["-cp", f"{jar}:{classes}", "LuceneSearch", idx, qf, str(a.threads),
                                   str(a.warmup), str(runs), "10", run_file, engine, str(a.warmup_s), str(a.min_run_s),
                                   mode],
                           capture_output=True, text=True)
        l1 = load()
        if p.returncode != 0:
            sys.exit(f"anserini_peer: LuceneSearch failed:\n{p.stderr[-3000:]}")
        m = json.loads([x for x in p.stdout.splitlines() if x.startswith("JSON ")][-1][5:])
        rec = dict(base, engine=engine, phase="search", batch=batch, queries=m["queries"], threads=a.threads,
                   qps=m["qps"],
                   p50_ms=m["p50_ms"], p99_ms=m["p99_ms"], runs=runs, warmup_passes=m["warmup_passes"],
                   warmup_s=a.warmup_s, timed_passes=m["timed_passes"], min_run_s=a.min_run_s,
                   mean_ms=m["mean_ms"],
                   max_ms=m["max_ms"], qps_runs=m["qps_runs"], docs=m["docs"], lucene=m["lucene"],
                   harness="LuceneSearch.java", java_opts=a.java_opts, load_before=l0, load_after=l1)
        if a.no_cli or a.tokens:
            emit(rec)
            continue
        # Anserini's own batch searcher: whole batch vs one query, each in a fresh JVM.
        one = os.path.join(work, f"one-{batch}.tsv")
        with open(qf) as f, open(one, "w") as o:
            o.write(next(line for line in f if line.strip()))
        times = {}
        for name, topics in (("batch", qf), ("one", one)):
            out = os.path.join(work, f"cli-{a.corpus}-{batch}-{name}.run")
            cmd = java + ["-cp", jar, "io.anserini.search.SearchCollection", "-index", idx,
                          "-topics", topics, "-topicreader", "TsvString", "-output", out,
                          "-bm25", "-bm25.k1", "1.2", "-bm25.b", "0.75", "-hits", "10", "-stemmer", "none",
                          "-keepstopwords", "-parallelism", str(a.threads), "-threads", "1", "-runtag", "lucene"]
            ws = []
            for r in range(runs):
                t0 = time.perf_counter()
                with open(os.path.join(work, f"cli-{a.corpus}-{batch}-{name}.log"), "w") as lf:
                    subprocess.run(cmd, stdout=lf, stderr=subprocess.STDOUT, check=True)
                ws.append(time.perf_counter() - t0)
            times[name] = statistics.median(ws)
        cli_run = read_run(os.path.join(work, f"cli-{a.corpus}-{batch}-batch.run"))
        ours = read_run(run_file)
        rec["agree_top10"] = round(len(cli_run & ours) / max(1, len(ours)), 4)
        emit(rec)
        diff = times["batch"] - times["one"]
        emit(dict(base, phase="search-cli", batch=batch, queries=nq, threads=a.threads,
                  batch_s=round(times["batch"], 3), one_query_s=round(times["one"], 3),
                  qps=round((nq - 1) / diff, 2) if diff > 0 else None, runs=runs,
                  note="SearchCollection, one JVM per batch; qps = (Q-1)/(batch_s - one_query_s)"))

    mode = "a" if a.append else "w"
    with open(a.out, mode) as f:
        for rec in results:
            f.write(json.dumps(rec) + "\n")
    log(f"results -> {a.out}")


if __name__ == "__main__":
    main()
