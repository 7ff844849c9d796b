#!/usr/bin/env bash
# The ingest benchmark in one command:  bash benches/run.sh
#
# 1. builds patdex and the two bench programs (release) and freezes copies in benches/work/bin,
# 2. makes the generated corpora if missing (benches/make_corpus.py: 5k and 20k documents),
# 3. installs the peers (patpubrender, lxml, fastpat) into benches/work/venv from PyPI,
# 4. parse-only, one thread, medians of $RUNS: quick-xml floor, patdex, peers on
#    (i) the real bulk files and (ii) the 20k corpus,
# 5. end-to-end `patdex ingest --threads 2 --quiet` into a fresh index ($INGEST_RUNS runs) under
#    /usr/bin/time -v (peak RSS) on the real bulk files, 5k and 20k (and one run on 50k when
#    the disk has room: WITH_50K=auto|1|0),
#    index size on disk against the XML size,
# 6. index_only (tantivy alone, 2 threads, same memory budget) on 5k (also with patdex's
#    delete-before-add upsert, and without the stored JSON `doc` field) and 20k,
# 7. query latency (benches/query.rs) on an index of the 50k corpus (20k when there is no 50k
#    corpus), built with `patdex ingest --threads 2` into benches/work/idx/query-50k when missing
#    or made by another patdex binary or with another schema (the ingest is recorded too),
# 8. prior-art latency (benches/prior_art.rs) on the same index: $PRIOR_ART_TOPICS documents as
#    topics, per configuration the median, p99 and max over topics of each topic's median,
#    with the cut-off at each topic's publication date and at its priority date,
# 9. writes raw results to benches/work/results/*.jsonl|txt and prints the summary tables.
#
# Knobs (environment): RUNS=5 INGEST_RUNS=3 INDEX_RUNS=3 WITH_50K=auto SKIP_PEERS=0 SKIP_BUILD=0
# QUERY_RUNS=100 (timed passes over the query set; the stress queries run 10) QUERY_CORPUS=auto|50k|20k
# PRIOR_ART_TOPICS=50 PRIOR_ART_RUNS=3 (timed passes over the topics)
# SECTIONS="parse ingest index query prior-art" (a subset re-runs only those; the other results are kept)
# SECTIONS=compare: patdex against tantivy, Lucene, SQLite FTS5 and Xapian (benches/compare.sh,
# ~30 minutes at 10k + 50k, QUICK=1 for 10k; not in the default list). Everything:
# SECTIONS="parse ingest index query prior-art compare" bash benches/run.sh
# SECTIONS=records: record exports (CSV) ingest, benches/records.sh with this run's frozen patdex
# (~2 minutes; not in the default list: it needs the PatSnap records, and is run on its own)
# PATDEX_BENCH_DATA=/work/shared/data/uspto/grant
# Everything generated goes to benches/work/ (git-ignored). Takes ~15 minutes on 2 cores, plus
# ~8 for the query section (~4 when its index is current) and ~3 for prior-art.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
W="$ROOT/benches/work"
R="$W/results"
DATA="${PATDEX_BENCH_DATA:-/work/shared/data/uspto/grant}"
RUNS="${RUNS:-5}"
INGEST_RUNS="${INGEST_RUNS:-3}"
INDEX_RUNS="${INDEX_RUNS:-3}"
WITH_50K="${WITH_50K:-auto}"
SKIP_PEERS="${SKIP_PEERS:-0}"
SKIP_BUILD="${SKIP_BUILD:-0}"
QUERY_RUNS="${QUERY_RUNS:-100}"
QUERY_CORPUS="${QUERY_CORPUS:-auto}"
PRIOR_ART_TOPICS="${PRIOR_ART_TOPICS:-50}"
PRIOR_ART_RUNS="${PRIOR_ART_RUNS:-3}"
SECTIONS="${SECTIONS:-parse ingest index query prior-art}"
has() { case " $SECTIONS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
THREADS=2
export PYTHONDONTWRITEBYTECODE=1   # no __pycache__ in benches/peers

mkdir -p "$W" "$R" "$W/bin"
# A partial run (SECTIONS=...) replaces only its own results.
for s_ in $SECTIONS; do
    case $s_ in
        parse) rm -f "$R"/parse-*.jsonl "$R"/parse-*.txt ;;
        ingest) rm -f "$R"/ingest-*.jsonl "$R"/ingest-*.txt ;;
        index) rm -f "$R"/index-only-*.jsonl "$R"/index-only-*.txt ;;
        # query-ingest-* stays while its index does (it is redone with the index).
        query) rm -f "$R"/query-[0-9]*.jsonl "$R"/query-[0-9]*.txt ;;
        prior-art) rm -f "$R"/prior-art-*.jsonl "$R"/prior-art-*.txt ;;
        records) rm -f "$R"/records-* ;;
    esac
done
rm -f "$R"/machine.json "$R"/peers-versions.txt "$R"/summary.md
exec > >(tee "$R/run.log") 2>&1
T0=$(date +%s)
# Sections print the load average: the machine is shared, and a load above ~2 means someone
# else was using the 2 cores (the figures of that section are then pessimistic).
say() { printf '\n== [%4ds] %s   (load avg %s)\n' "$(( $(date +%s) - T0 ))" "$*" "$(cut -d' ' -f1-3 /proc/loadavg)"; }
# Keep the `JSON {...}` lines of a bench's stdout in a .jsonl file, the rest in a .txt file.
# Each JSON line gets the 1-minute load average before and after the measurement.
keep() { # keep NAME -- command...
    local name="$1"; shift; shift
    local l0 l1
    l0=$(cut -d' ' -f1 /proc/loadavg)
    "$@" > "$R/$name.out"
    l1=$(cut -d' ' -f1 /proc/loadavg)
    grep '^JSON ' "$R/$name.out" | sed 's/^JSON //' | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    d["load1_start"], d["load1_end"] = float(sys.argv[1]), float(sys.argv[2])
    d["git"], d["date"] = sys.argv[3], sys.argv[4]
    print(json.dumps(d))
' "$l0" "$l1" "$GITREV" "$(date -Iseconds)" > "$R/$name.jsonl" || true
    grep -v '^JSON ' "$R/$name.out" | tee "$R/$name.txt"
    rm -f "$R/$name.out"
}

GITREV="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git status --porcelain src Cargo.toml 2>/dev/null | grep -q . && echo +dirty || true)"
BULK=("$DATA"/bulk/*.xml)
[ -e "${BULK[0]}" ] || { echo "no bulk files in $DATA/bulk"; exit 1; }

# --- tools ------------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
    say "installing GNU time (Debian package 'time')"
    (apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; })
fi
PY=python3
if [ "$SKIP_PEERS" != 1 ]; then
    if [ ! -x "$W/venv/bin/python" ] || ! "$W/venv/bin/python" -c 'import patpubrender, lxml, fastpat' 2>/dev/null; then
        say "installing peers into benches/work/venv (PyPI)"
        python3 -m venv "$W/venv"
        "$W/venv/bin/pip" install -q patpubrender==0.2.1 lxml==6.1.3 fastpat==0.9.2 \
            || "$W/venv/bin/pip" install -q patpubrender lxml fastpat \
            || { echo "peers could not be installed; continuing without them"; SKIP_PEERS=1; }
    fi
    VPY="$W/venv/bin/python"
fi

# --- build (frozen copies, so a concurrent edit of src/ cannot change binaries mid-run) --------
if [ "$SKIP_BUILD" != 1 ]; then
    say "cargo build --release; cargo bench --no-run"
    cargo build --release --quiet
    cargo bench --no-run --quiet --bench parse --bench index_only --bench query --bench prior_art \
        --message-format=json \
        | $PY -c '
import json, shutil, sys
for line in sys.stdin:
    try:
        m = json.loads(line)
    except ValueError:
        continue
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["name"] in ("parse", "index_only", "query", "prior_art"):
        shutil.copy2(m["executable"], sys.argv[1] + "/bench-" + m["target"]["name"])
' "$W/bin"
    cp target/release/patdex "$W/bin/patdex"
fi
PATDEX="$W/bin/patdex"
PARSE="$W/bin/bench-parse"
INDEX_ONLY="$W/bin/bench-index_only"
QUERY="$W/bin/bench-query"
PRIOR_ART="$W/bin/bench-prior_art"

# --- machine ----------------------------------------------------------------------------------
$PY - "$R/machine.json" <<'EOF'
import json, os, platform, subprocess, sys, datetime
def sh(c):
    try: return subprocess.run(c, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception: return ""
model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "")
m = {
    "date": datetime.datetime.now().isoformat(timespec="seconds"),
    "cpus": int(sh("nproc") or 0),
    "cpu_model": model,
    "mem": sh("free -h | awk '/Mem:/ {print $2}'") + " RAM",
    "rustc": sh("rustc --version"),
    "python": platform.python_version(),
    "kernel": platform.release(),
    "git": sh("git rev-parse --short HEAD") + (" + uncommitted src changes" if sh("git status --porcelain src Cargo.toml") else ""),
}
json.dump(m, open(sys.argv[1], "w"), indent=1)
print(json.dumps(m))
EOF
if [ "$SKIP_PEERS" != 1 ]; then
    "$VPY" -m pip list 2>/dev/null | grep -iE '^(patpubrender|lxml|fastpat) ' | tee "$R/peers-versions.txt"
fi

# --- corpora ----------------------------------------------------------------------------------
make_corpus() { # make_corpus DOCS DIR
    if [ ! -s "$2/corpus.json" ] || [ "$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["documents"])' "$2/corpus.json")" != "$1" ]; then
        say "generating corpus: $1 documents -> $2"
        $PY benches/make_corpus.py --docs "$1" --out "$2" --source "$DATA"
    fi
}
make_corpus 5000 "$W/corpus-5k"
make_corpus 20000 "$W/corpus-20k"
C5=("$W"/corpus-5k/ipg_bench_*.xml)
C20=("$W"/corpus-20k/ipg_bench_*.xml)

# --- parse only, one thread -------------------------------------------------------------------
peers() { # peers LABEL WARMUP ONLY FILES...
    local label="$1" warmup="$2" only="$3"; shift 3
    [ "$SKIP_PEERS" = 1 ] && return 0
    for p in patpubrender lxml fastpat; do
        keep "parse-$label-$p" -- "$VPY" "benches/peers/${p}_peer.py" --runs "$RUNS" --warmup "$warmup" \
            --only "$only" --label "$label" "$@"
    done
}

if has parse; then
say "parse only, real bulk files (${#BULK[@]} files)"
keep parse-bulk-patdex -- "$PARSE" --runs "$RUNS" --warmup 1 --label bulk "${BULK[@]}"
peers bulk 1 "" "${BULK[@]}"

say "parse only, generated 20k corpus"
keep parse-20k-patdex -- "$PARSE" --runs "$RUNS" --warmup 0 --label 20k "${C20[@]}"
# The slowest peer variants (patpubrender-md, fastpat-stream) only on the bulk files: time.
peers 20k 0 "patpubrender,lxml,fastpat-gen3" "${C20[@]}"
fi

# --- end-to-end ingest and tantivy alone ------------------------------------------------------
ingest() { # ingest LABEL RUNS FILES...
    local label="$1" runs="$2"; shift 2
    keep "ingest-$label" -- $PY benches/ingest_bench.py --patdex "$PATDEX" --label "$label" --runs "$runs" \
        --threads "$THREADS" --workdir "$W/idx" "$@"
}
if has ingest; then
say "end-to-end ingest, $THREADS threads"
ingest bulk "$INGEST_RUNS" "${BULK[@]}"
ingest 5k "$INGEST_RUNS" "${C5[@]}"
ingest 20k "$INGEST_RUNS" "${C20[@]}"
# 50k documents (4.5 GB of XML, 2.2 GB of index): one run, to show where peak RSS levels off.
if [ "$WITH_50K" = auto ]; then
    free_gb=$(df -Pk "$W" | awk 'NR==2 {print int($4 / 1048576)}')
    if [ "$free_gb" -ge 12 ] || [ -s "$W/corpus-50k/corpus.json" ]; then WITH_50K=1; else WITH_50K=0; fi
fi
if [ "$WITH_50K" = 1 ]; then
    make_corpus 50000 "$W/corpus-50k"
    ingest 50k 1 "$W"/corpus-50k/ipg_bench_*.xml
fi
fi

if has index; then
say "index_only: tantivy alone, $THREADS threads"
export PATDEX_BENCH_TMP="$W/idx"
keep index-only-5k -- "$INDEX_ONLY" --threads "$THREADS" --runs "$INDEX_RUNS" --label 5k "${C5[@]}"
keep index-only-5k-upsert -- "$INDEX_ONLY" --threads "$THREADS" --runs "$INDEX_RUNS" --upsert --label 5k "${C5[@]}"
keep index-only-5k-nodoc -- "$INDEX_ONLY" --threads "$THREADS" --runs "$INDEX_RUNS" --drop doc --label 5k "${C5[@]}"
keep index-only-20k -- "$INDEX_ONLY" --threads "$THREADS" --runs "$INDEX_RUNS" --label 20k "${C20[@]}"
fi

# --- query latency ----------------------------------------------------------------------------
# The index lives in benches/work/idx/query-<corpus> (outside the index-* runs above, which are
# deleted) and is rebuilt when missing, when the patdex binary or the corpus changed (the
# stamp file beside it records both), or when this binary cannot open it (`patdex stats`
# fails, e.g. after a schema change). The prior-art section uses the same index.
if has query || has prior-art; then
if [ "$QUERY_CORPUS" = auto ]; then
    if [ -s "$W/corpus-50k/corpus.json" ]; then QUERY_CORPUS=50k; else QUERY_CORPUS=20k; fi
fi
if [ "$QUERY_CORPUS" = 50k ]; then make_corpus 50000 "$W/corpus-50k"; fi
QIDX="$W/idx/query-$QUERY_CORPUS"
QSTAMP="$(sha256sum "$PATDEX" | cut -d' ' -f1) $(sha256sum "$W/corpus-$QUERY_CORPUS/corpus.json" | cut -d' ' -f1)"
if [ ! -s "$QIDX/tantivy/meta.json" ] || [ "$(cat "$QIDX.stamp" 2>/dev/null)" != "$QSTAMP" ] \
    || ! "$PATDEX" --index "$QIDX" stats >/dev/null 2>&1; then
    say "query: building the index of the $QUERY_CORPUS corpus ($THREADS threads) -> $QIDX"
    rm -rf "$QIDX" "$QIDX.stamp" "$W/idx/query-build"
    # One recorded ingest (time, peak memory, index size) for the schema of this binary.
    keep "query-ingest-$QUERY_CORPUS" -- $PY benches/ingest_bench.py --patdex "$PATDEX" --label "$QUERY_CORPUS" \
        --runs 1 --threads "$THREADS" --workdir "$W/idx/query-build" "$W/corpus-$QUERY_CORPUS"/ipg_bench_*.xml
    sed -i 's/"bench": "ingest"/"bench": "query-ingest"/' "$R/query-ingest-$QUERY_CORPUS.jsonl"
    mv "$W/idx/query-build/index-$QUERY_CORPUS" "$QIDX"
    rm -rf "$W/idx/query-build"
    echo "$QSTAMP" > "$QIDX.stamp"
fi
fi
if has query; then
say "query latency on $QIDX, $QUERY_RUNS passes"
keep "query-$QUERY_CORPUS" -- "$QUERY" --index "$QIDX" --runs "$QUERY_RUNS" --label "$QUERY_CORPUS"
fi

# --- prior-art latency ------------------------------------------------------------------------
# `prior_art::search` on $PRIOR_ART_TOPICS documents of the query index as topics. Cut-off at
# the topic's publication date first: the generated corpus has every publication date in 2030
# and the real priority dates, so the priority-date cut-off (what `patdex prior-art --number N`
# does) leaves no candidate, which the second run shows.
if has prior-art; then
for cut in publication priority; do
    say "prior-art latency on $QIDX, $PRIOR_ART_TOPICS topics, $PRIOR_ART_RUNS passes, cut-off: $cut"
    keep "prior-art-$QUERY_CORPUS-$cut" -- "$PRIOR_ART" --index "$QIDX" --topics "$PRIOR_ART_TOPICS" \
        --runs "$PRIOR_ART_RUNS" --cutoff "$cut" --label "$QUERY_CORPUS"
done
fi

# --- record exports (CSV) ---------------------------------------------------------------------
# Lens-layout CSVs made from the real PatSnap records, patdex ingest and peers (csv module,
# SQLite FTS5, pandas): benches/records.sh, which writes results/records-*.
if has records; then
say "record exports (CSV) ingest: benches/records.sh"
PATDEX="$PATDEX" GITREV="$GITREV" RUNS="$RUNS" THREADS="$THREADS" SKIP_PEERS="$SKIP_PEERS" bash benches/records.sh
fi
if has compare; then
say "engines side by side: benches/compare.sh (results in benches/work/compare/)"
THREADS="$THREADS" bash benches/compare.sh
fi
rm -rf "$W"/idx/index-*

# --- summary ----------------------------------------------------------------------------------
say "summary"
$PY benches/summarize.py "$R" | tee "$R/summary.md"
say "done; raw results in $R"
