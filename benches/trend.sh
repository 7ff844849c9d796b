#!/usr/bin/env bash
# `patdex trend` at 10k, 20k and 50k documents:  bash benches/trend.sh
#
# 1. builds patdex and benches/trend.rs (release),
# 2. makes an index of the first 10k documents of the 20k corpus, of the 20k corpus and of the
#    50k corpus (benches/make_corpus.py; run benches/run.sh once first) under
#    benches/work/trend/idx-N with `patdex ingest --threads 2` (kept between runs; TREND_REBUILD=1
#    makes them again, as after a schema change),
# 3. runs benches/trend.rs on each: `patdex trend` with and without emerging terms, and
#    tantivy's AggregationCollector with the nearest request it can express, for `cl:comprising`
#    (most documents) and the whole index; medians of $RUNS passes, one thread,
# 4. runs `patdex trend 'cl:comprising' --date ad --format json` under /usr/bin/time -v for the whole
#    command's wall time and peak RSS,
# 5. writes benches/work/results/trend-*.jsonl|txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
W="$ROOT/benches/work"
R="$W/results"
RUNS="${RUNS:-5}"
mkdir -p "$R" "$W/trend"
rm -f "$R"/trend-*
cargo build --release --quiet
cargo bench --bench trend --no-run --quiet 2>/dev/null || cargo bench --bench trend --no-run
BENCH=$(ls -t target/release/deps/trend-* | grep -v '\.d$' | head -1)
for n in 10k 20k 50k; do
    idx="$W/trend/idx-$n"
    if [ ! -d "$idx" ] || [ "${TREND_REBUILD:-0}" = 1 ]; then
        src="$W/trend/src-$n"
        rm -rf "$src" "$idx"
        mkdir -p "$src"
        case $n in
            10k) for i in 00 01 02 03 04; do ln -s "$W/corpus-20k/ipg_bench_$i.xml" "$src/"; done ;;
            20k) ln -s "$W"/corpus-20k/ipg_bench_[0-9]*.xml "$src/" ;;
            50k) ln -s "$W"/corpus-50k/ipg_bench_[0-9]*.xml "$src/" ;;
        esac
        target/release/patdex --index "$idx" ingest --threads 2 --quiet "$src"
    fi
    echo "== $n (load avg $(cut -d' ' -f1-3 /proc/loadavg))"
    "$BENCH" --index "$idx" --runs "$RUNS" --label "$n" | tee "$R/trend-$n.out"
    grep '^JSON ' "$R/trend-$n.out" | sed 's/^JSON //' > "$R/trend-$n.jsonl"
    /usr/bin/time -v target/release/patdex --index "$idx" trend 'cl:comprising' --date ad --format json \
        > /dev/null 2> "$R/trend-$n-time.txt"
    grep -E 'Elapsed|Maximum resident' "$R/trend-$n-time.txt" | sed "s/^/  $n command: /"
done
