#!/usr/bin/env bash
# patdex against other engines, side by side in one run:  bash benches/compare.sh
# Quick mode (10k only, one run each, no FTS5 prior-art batch; 7 minutes with the build, the text
# already exported; most of it Xapian indexing):  QUICK=1 bash benches/compare.sh
#
# Every engine gets the same documents and the same query batches, with the same threads:
#
# 1. builds patdex and the bench programs (release) and freezes copies in benches/work/compare/bin,
# 2. exports the text patdex parses from the generated corpora (benches/make_corpus.py; run
#    benches/run.sh once first) to benches/work/compare/text-{10k,50k}.jsonl: `{"id",
#    "contents"}` with title, abstract, claims and description (benches/export_text.rs),
# 3. makes the query batches (benches/make_queries.py): 100 keyword queries of 1-3 words from the
#    corpus vocabulary at low, middle and high document frequency, and 30 long prior-art queries
#    (claim 1, and more claims up to 300-500 words, of real grants in ../shared/data; distinct
#    words, a few hundred terms each). Every engine runs them as the OR of the words, BM25
#    (k1 1.2, b 0.75), top 10,
# 4. per corpus size:
#    * patdex ingest of the XML (parse included, 2 threads, /usr/bin/time -v; benches/ingest_bench.py),
#    * tantivy alone indexing the exported text (2 threads; benches/compare_tantivy.rs), and
#      searching it; on the patdex index, patdex's plain BM25 path (prior_art, config bm25, four
#      text fields) and its query language (`w1 OR w2 ...`, top 10, as `patdex search` ranks),
#    * Lucene 9.5 through Anserini 0.22.1 (pip pyserini --no-deps; its fat jar on the machine's
#      Java 17): IndexCollection with 2 threads, no stemming, stopwords kept; a warm in-process
#      search harness (benches/peers/LuceneSearch.java) with 2 threads,
#    * SQLite FTS5 (Python's sqlite3) and Xapian (Debian python3-xapian), embedded alternatives
#      (benches/peers/{fts5,xapian}_peer.py); FTS5 and Xapian index on one thread (neither can
#      do more), search with 2,
#    * "same work": Lucene indexing patdex's own tokens (export_text --tokens, -pretokenized,
#      the four fields) and running the very terms patdex's two query paths searched
#      (compare_tantivy --terms-prefix); SKIP=same leaves it out,
#    * top-10 overlap of each engine with Lucene (benches/overlap.py), and of patdex's paths
#      with Lucene doing their work,
# 5. writes benches/work/compare/results/*.jsonl, runs/*.run, and summary.md
#    (benches/compare_summary.py), printed at the end.
#
# Knobs: QUICK=0|1 SIZES="10k 50k" RUNS=3 (index runs; search passes are each peer's own)
# THREADS=2 SKIP_BUILD=0 SKIP="lucene same fts5 xapian" (leave engines out) XAPIAN_INDEX_RUNS=1
# (Xapian's index takes 14 minutes at 50k: one run unless asked) FTS5_PRIOR=0 (FTS5's
# prior-art batch past 10k: seconds per query) KEEP_INDEXES=0 (keep the peers' indexes; 50k
# needs ~25 GB free with them, ~12 GB without)
# Not part of CI: peers are installed here, from PyPI and Debian, into benches/work.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
W="$ROOT/benches/work"
C="$W/compare"
R="$C/results"
BIN="$C/bin"
DATA="${PATDEX_BENCH_DATA:-$ROOT/../shared/data/uspto/grant}"
QUICK="${QUICK:-0}"
if [ "$QUICK" = 1 ]; then
    SIZES="${SIZES:-10k}"
    RUNS="${RUNS:-1}"
else
    SIZES="${SIZES:-10k 50k}"
    RUNS="${RUNS:-3}"
fi
THREADS="${THREADS:-2}"
SKIP="${SKIP:-}"
mkdir -p "$R" "$C/runs" "$BIN"
rm -f "$R"/*.jsonl "$C"/runs/*.run
skip() { case " $SKIP " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
{
    echo "patdex $(git rev-parse --short HEAD)$(git diff --quiet || echo +dirty)"
    echo "date $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
    echo "java $(java -version 2>&1 | head -1)"
    echo "sqlite $(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)')"
} > "$R/machine.txt"
cat "$R/machine.txt"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    cargo build --release --quiet
    cargo bench --no-run --quiet --bench export_text --bench compare_tantivy 2>/dev/null ||
        cargo bench --no-run --bench export_text --bench compare_tantivy
    cp target/release/patdex "$BIN/patdex"
    for b in export_text compare_tantivy; do
        cp "$(ls -t target/release/deps/$b-* | grep -v '\.d$' | head -1)" "$BIN/$b"
    done
fi
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
PY="$W/venv/bin/python"
[ -x "$PY" ] || { python3 -m venv "$W/venv"; }

corpus_files() {
    case $1 in
        10k) ls "$W"/corpus-20k/ipg_bench_0[0-4].xml ;;
        20k) ls "$W"/corpus-20k/ipg_bench_[0-9]*.xml ;;
        50k) ls "$W"/corpus-50k/ipg_bench_[0-9]*.xml ;;
    esac
}

for n in $SIZES; do
    [ -n "$(corpus_files "$n" 2>/dev/null)" ] || {
        echo "no generated corpus for $n: run benches/run.sh (or benches/make_corpus.py) first" >&2
        exit 2
    }
    [ -s "$C/text-$n.jsonl" ] || "$BIN/export_text" --out "$C/text-$n.jsonl" $(corpus_files "$n")
    if ! skip lucene && ! skip same; then
        [ -s "$C/tokens-$n.jsonl" ] ||
            "$BIN/export_text" --tokens --out "$C/tokens-$n.jsonl" $(corpus_files "$n")
    fi
done
first=$(echo $SIZES | cut -d' ' -f1)
if [ ! -s "$C/queries-keyword.tsv" ] || [ ! -s "$C/queries-prior.tsv" ]; then
    python3 benches/make_queries.py --text "$C/text-$first.jsonl" --shared "$DATA" --out "$C"
fi

for n in $SIZES; do
    T="$C/text-$n.jsonl"
    echo "== $n (load $(load))"
    # patdex ingest of the XML: parse, doc mapping, tantivy, manifest.
    python3 benches/ingest_bench.py --patdex "$BIN/patdex" --label "$n" --runs "$RUNS" \
        --threads "$THREADS" --workdir "$C/patdex-$n" $(corpus_files "$n") |
        tee "$R/patdex-ingest-$n.txt" | sed -n 's/^JSON //p' |
        python3 -c 'import json,sys
for l in sys.stdin:
    r=json.loads(l); print(json.dumps({"engine":"patdex","corpus":sys.argv[1],"phase":"index","docs":r["docs"],"threads":int(sys.argv[2]),"median_s":r["median_s"],"runs":len(r["all_s"]),"index_bytes":r["index_bytes"],"peak_rss_kb":r["peak_rss_median_bytes"]//1024,"xml_bytes":r["bytes"]}))' "$n" "$THREADS" \
        > "$R/patdex-$n.jsonl"
    PIDX="$C/patdex-$n/index-$n"

    echo "-- tantivy alone (load $(load))"
    "$BIN/compare_tantivy" index --text "$T" --index "$C/tantivy-$n" --threads "$THREADS" \
        --runs "$RUNS" --corpus "$n" --results "$R/tantivy-$n.jsonl" | grep -v '^JSON '
    for engine in tantivy patdex-bm25 patdex-search; do
        idx="$PIDX"
        [ "$engine" = tantivy ] && idx="$C/tantivy-$n"
        "$BIN/compare_tantivy" search --engine "$engine" --index "$idx" \
            --batch keyword="$C/queries-keyword.tsv" --batch prior="$C/queries-prior.tsv" \
            --threads "$THREADS" --runs "$RUNS" --corpus "$n" --results "$R/$engine-$n.jsonl" \
            --run-prefix "$C/runs/$engine-$n" \
            $([ "$engine" != tantivy ] && echo --terms-prefix "$C/terms-$engine-$n") |
            grep -v '^JSON '
    done

    if ! skip lucene; then
        echo "-- Lucene (load $(load))"
        python3 benches/peers/anserini_peer.py --text "$T" --queries-dir "$C" --corpus "$n" \
            --threads "$THREADS" --runs "$RUNS" --work "$C/lucene" --no-cli \
            --out "$R/lucene-$n.jsonl" --run "$C/runs/lucene-$n"
    fi
    if ! skip lucene && ! skip same; then
        echo "-- Lucene doing patdex's work (load $(load))"
        python3 benches/peers/anserini_peer.py --text "$C/tokens-$n.jsonl" --tokens \
            --terms patdex-bm25="$C/terms-patdex-bm25-$n" \
            --terms patdex-search="$C/terms-patdex-search-$n" \
            --queries-dir "$C" --corpus "$n" --threads "$THREADS" --runs 1 \
            --search-runs "$RUNS" --work "$C/lucene" --out "$R/lucene-same-$n.jsonl" \
            --run "$C/runs/lucene-as-$n"
    fi
    if ! skip fts5; then
        echo "-- SQLite FTS5 (load $(load))"
        # FTS5 answers a prior-art query in seconds (3.7 s median at 10k): past 10k, and in
        # quick mode, only the keyword batch, unless FTS5_PRIOR=1.
        batches=keyword,prior
        if [ "${FTS5_PRIOR:-}" != 1 ] && { [ "$n" != 10k ] || [ "$QUICK" = 1 ]; }; then
            batches=keyword
        fi
        python3 benches/peers/fts5_peer.py --text "$T" --queries-dir "$C" --corpus "$n" \
            --threads "$THREADS" --runs "$RUNS" --work "$C/fts5" --batches "$batches" \
            --out "$R/fts5-$n.jsonl" --run "$C/runs/fts5-$n"
    fi
    if ! skip xapian; then
        echo "-- Xapian (load $(load))"
        python3 benches/peers/xapian_peer.py --text "$T" --queries-dir "$C" --corpus "$n" \
            --threads "$THREADS" --runs "$RUNS" --index-runs "${XAPIAN_INDEX_RUNS:-1}" \
            --work "$C/xapian" --no-variants --no-compact \
            --out "$R/xapian-$n.jsonl" --run "$C/runs/xapian-$n"
    fi
    echo "   after: load $(load)"
    # The peers' indexes of 50k take ~11 GB (FTS5 keeps the text, Lucene a copy of the input):
    # dropped after each size unless KEEP_INDEXES=1.
    if [ "${KEEP_INDEXES:-0}" != 1 ]; then
        rm -rf "$C/fts5" "$C/xapian" "$C/lucene" "$C/tantivy-$n"
    fi
done

python3 benches/compare_summary.py --results "$R" --runs "$C/runs" --out "$C/summary.md"
cat "$C/summary.md"
