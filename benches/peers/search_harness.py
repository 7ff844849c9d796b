"""What the embedded-engine peers of benches/compare.sh share: reading the exported text and
the query batches, running a batch on N threads or processes with per-query timing, TREC run
files and result lines. Python 3 standard library only; fts5_peer.py and xapian_peer.py import
it (the script's own folder is on sys.path).
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import threading
import time

def load1() -> float:
    try:
        return float(open("/proc/loadavg").read().split()[0])
    except OSError:
        return -1.0


def read_jsonl(path: str) -> list[tuple[str, str]]:
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                o = json.loads(line)
                docs.append((str(o["id"]), o["contents"]))
    return docs


def read_queries(path: str) -> list[tuple[str, list[str]]]:
    """`qid<TAB>text` -> (qid, distinct words in order of first appearance)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            qid, _, text = line.partition("\t")
            words = list(dict.fromkeys(w for w in text.split() if w))
            out.append((qid, words))
    return out


def percentile(sorted_vals: list[float], p: float) -> float:
    if not sorted_vals:
        return 0.0
    k = max(0, min(len(sorted_vals) - 1, math.ceil(p / 100.0 * len(sorted_vals)) - 1))  # nearest rank
    return sorted_vals[k]


def run_child(argv: list[str]) -> tuple[dict, int]:
    """Runs a child, returns (its JSON on stdout, its own peak RSS in kB via wait4)."""
    p = subprocess.Popen(argv, stdout=subprocess.PIPE)
    out = p.stdout.read()
    p.stdout.close()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"index child failed with {p.returncode}")
    return json.loads(out), ru.ru_maxrss


def write_trec(path: str, queries, results, tag: str) -> None:
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        for (qid, _), hits in zip(queries, results):
            for rank, (docid, score) in enumerate(hits, 1):
                f.write(f"{qid} Q0 {docid} {rank} {score:.6f} {tag}\n")


def _worker_loop(t, chunk, queries, make_searcher, start_b, end_b, report, reps):
    """Body of one search worker (a thread or a forked process)."""
    import resource

    try:
        search = make_searcher()
    except BaseException as e:  # noqa: BLE001
        search, err = None, repr(e)
    else:
        err = None
    ps = -1
    while True:
        start_b.wait()
        if reps.value < 0:  # no more passes
            break
        ps += 1
        lats, res = [], {}
        ru0 = resource.getrusage(resource.RUSAGE_THREAD)  # this worker's CPU only
        if search is not None:
            for _ in range(1 if ps == 0 else reps.value):
                for i in chunk:
                    t0 = time.perf_counter()
                    hits = search(queries[i][1])
                    lats.append(time.perf_counter() - t0)
                    if ps == 0:
                        res[i] = hits
        ru1 = resource.getrusage(resource.RUSAGE_THREAD)
        cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
        report((t, ps, lats, res, cpu, err))
        end_b.wait()


class _Reps:
    value = 1


def search_passes(queries, nthreads: int, make_searcher, runs: int, mode: str = "threads",
                  min_run_s: float = 0.0, max_search_s: float = 0.0):
    """One untimed warm-up pass and `runs` timed runs over the batch with `nthreads` workers
    (threads, or forked processes with mode="processes"), each with its own searcher
    (make_searcher() -> search(words) -> [(docid, score)]); query i goes to worker
    i % nthreads. A timed run is the batch `reps` times over, reps = ceil(min_run_s / warm-up
    wall) (at least 1), so that short batches still time a stretch of `min_run_s` seconds;
    batches so slow that `runs` passes would take over `max_search_s` (if > 0) get fewer
    timed runs (at least 1).
    A run's wall time runs from the start barrier until every worker is done.
    Returns (warm-up results in query order, timed run walls, pooled sorted latencies,
    CPU seconds per timed run summed over workers, reps)."""
    n = len(queries)
    chunks = [list(range(t, n, nthreads)) for t in range(nthreads)]
    if mode == "threads":
        import queue as _queue

        start_b, end_b = threading.Barrier(nthreads + 1), threading.Barrier(nthreads + 1)
        q = _queue.SimpleQueue()
        reps = _Reps()
        workers = [threading.Thread(target=_worker_loop, args=(t, chunks[t], queries, make_searcher,
                                                                start_b, end_b, q.put, reps))
                   for t in range(nthreads)]
    else:
        import multiprocessing as mp

        ctx = mp.get_context("fork")
        start_b, end_b = ctx.Barrier(nthreads + 1), ctx.Barrier(nthreads + 1)
        q = ctx.Queue()  # a feeder thread: put() never blocks on a full pipe
        reps = ctx.Value("i", 1)
        workers = [ctx.Process(target=_worker_loop, args=(t, chunks[t], queries, make_searcher,
                                                           start_b, end_b, q.put, reps))
                   for t in range(nthreads)]
    for w in workers:
        w.start()
    results: list = [[] for _ in range(n)]
    walls, cpus, lats = [], [], []
    npasses, ps = 1 + runs, -1
    while ps + 1 < npasses:
        ps += 1
        start_b.wait()
        t0 = time.perf_counter()
        end_b.wait()
        wall = time.perf_counter() - t0
        cpu = 0.0
        for _ in range(nthreads):
            t, p, l, res, c, err = q.get()
            if err:
                sys.exit(f"search worker {t} failed: {err}")
            cpu += c
            if p == 0:
                for i, hits in res.items():
                    results[i] = hits
            else:
                lats.extend(l)
        if ps > 0:
            walls.append(wall)
            cpus.append(cpu)
        else:
            reps.value = max(1, math.ceil(min_run_s / max(wall, 1e-9)))
            if max_search_s > 0 and wall * runs > max_search_s:
                npasses = 1 + max(1, min(runs, int(max_search_s / wall)))
    nreps = reps.value
    reps.value = -1
    start_b.wait()  # lets the workers see the stop
    for w in workers:
        w.join()
    return results, walls, sorted(lats), cpus, nreps


def emit(out_path: str, rec: dict) -> None:
    line = json.dumps(rec)
    print(line, flush=True)
    if out_path:
        os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
        with open(out_path, "a") as f:
            f.write(line + "\n")


def run_batches(a, engine: str, make_searcher, **extra) -> None:
    """The search phase of a peer: each batch of `a.batches` at each thread count of `a.threads`,
    timed by search_passes (`a.runs`, `a.mode`, `a.min_run_s`, `a.max_search_s`), one result
    line each to `a.out` (with `extra` fields) and, with `a.run`, a TREC run file."""
    for batch in a.batches.split(","):
        queries = read_queries(os.path.join(a.queries_dir, f"queries-{batch}.tsv"))
        for nt in [int(x) for x in a.threads.split(",")]:
            l0 = load1()
            results, walls, lats, cpus, reps = search_passes(queries, nt, make_searcher, a.runs, a.mode,
                                                             a.min_run_s, a.max_search_s)
            med = statistics.median(walls)
            rec = {
                "engine": engine, "corpus": a.corpus, "phase": "search", "batch": batch,
                "queries": len(queries), "threads": nt, "qps": len(queries) * reps / med,
                "p50_ms": percentile(lats, 50) * 1e3, "p99_ms": percentile(lats, 99) * 1e3,
                "runs": len(walls), "batches_per_run": reps, "all_wall_s": [round(w, 4) for w in walls],
                "mean_ms": statistics.fmean(lats) * 1e3 if lats else 0.0,
                "cpu_ms_per_query": statistics.median(cpus) / max(1, len(queries) * reps) * 1e3,
                "mode": a.mode, **extra, "load1_before": l0, "load1_after": load1(),
            }
            emit(a.out, rec)
            if a.run:
                write_trec(f"{a.run}-{batch}.run", queries, results, engine)
