#!/usr/bin/env bash
# `patdex risk` (freedom-to-operate screen) at 20k and 50k documents:  bash benches/risk.sh
#
# 1. builds patdex and benches/risk.rs (release) and freezes copies of both binaries in
#    benches/work/risk/bin (others may rebuild target/ while this runs; SKIP_BUILD=1 reuses the
#    frozen copies),
# 2. makes an index of the 20k and of the 50k generated corpus (benches/make_corpus.py; run
#    benches/run.sh once first) under benches/work/risk/idx-N with `patdex ingest --threads 2`,
#    and one of the bundled sample corpus (corpus/: 74 grants, 9 applications) as idx-sample;
#    kept between runs, made again with RISK_REBUILD=1 or when `patdex stats` cannot open them
#    (after a schema change),
# 3. runs benches/risk.rs on each, one thread, $RUNS passes after a warm-up, round robin,
#    medians: `risk::screen` with 20 / 100 / 500 candidates, its parts alone (text query, one
#    scored pass over every match, tantivy BM25 top-N with the same filters, reading the N stored records), and
#    `prior_art::search` with the same text, limit 100, evidence on; products
#    benches/products/*.txt on the generated corpora, corpus/products/solid-state-pack.txt on
#    the sample,
# 4. runs `patdex risk --product FILE --as-of 2026-11-21 -f json -o /dev/null` for each product
#    under /usr/bin/time -v (the whole command, default threads: wall time and peak RSS),
# 5. writes benches/work/results/risk-*.{out,jsonl,txt}, with the load average before each step.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
W="$ROOT/benches/work"
R="$W/results"
RUNS="${RUNS:-9}"
AS_OF=2026-11-21
BIN="$W/risk/bin"
mkdir -p "$R" "$BIN"
rm -f "$R"/risk-*
load() { cut -d' ' -f1-3 /proc/loadavg; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    cargo build --release --quiet
    cargo bench --bench risk --no-run --quiet 2>/dev/null || cargo bench --bench risk --no-run
    cp target/release/patdex "$BIN/patdex"
    cp "$(ls -t target/release/deps/risk-* | grep -v '\.d$' | head -1)" "$BIN/bench-risk"
fi
PATDEX="$BIN/patdex"
{
    echo "patdex $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src Cargo.toml || echo +dirty)"
    echo "binaries $(stat -c '%y' "$PATDEX" | cut -d. -f1)"
    echo "nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
} | tee "$R/risk-machine.txt"

for n in sample 20k 50k; do
    idx="$W/risk/idx-$n"
    if [ "${RISK_REBUILD:-0}" = 1 ] || ! "$PATDEX" --index "$idx" stats > /dev/null 2>&1; then
        src="$W/risk/src-$n"
        rm -rf "$src" "$idx"
        mkdir -p "$src"
        case $n in
            sample) ln -s "$ROOT"/corpus/ipg_patdex_sample.xml "$ROOT"/corpus/ipa_patdex_sample.zip "$src/" ;;
            20k) ln -s "$W"/corpus-20k/ipg_bench_[0-9]*.xml "$src/" ;;
            50k) ln -s "$W"/corpus-50k/ipg_bench_[0-9]*.xml "$src/" ;;
        esac
        echo "== ingest $n (load avg $(load))"
        /usr/bin/time -f "ingest $n: %e s wall, %M KB peak RSS" \
            "$PATDEX" --index "$idx" ingest --threads 2 --quiet "$src"
    fi
    if [ "$n" = sample ]; then
        products=("$ROOT/corpus/products/solid-state-pack.txt")
    else
        products=("$ROOT"/benches/products/*.txt)
    fi
    args=()
    for p in "${products[@]}"; do args+=(--product "$p"); done
    echo "== $n bench (load avg $(load))" | tee "$R/risk-$n.out"
    "$BIN/bench-risk" --index "$idx" --runs "$RUNS" --label "$n" "${args[@]}" | tee -a "$R/risk-$n.out"
    echo "   after: load avg $(load)" | tee -a "$R/risk-$n.out"
    grep '^JSON ' "$R/risk-$n.out" | sed 's/^JSON //' > "$R/risk-$n.jsonl"
    for p in "${products[@]}"; do
        name=$(basename "$p" .txt)
        out="$R/risk-$n-$name-time.txt"
        echo "load avg $(load)" > "$out"
        /usr/bin/time -v "$PATDEX" --index "$idx" risk --product "$p" --as-of "$AS_OF" -f json \
            -o /dev/null 2>> "$out"
        grep -E 'Elapsed|Maximum resident' "$out" | sed "s/^\s*/  $n $name command: /"
    done
done
