#!/usr/bin/env bash
# Alerts (`patdex watch`) on the 50k generated corpus, as a weekly routine:  bash benches/watch.sh
#
# 1. builds patdex (release) and freezes a copy in benches/work/watch/bin (SKIP_BUILD=1 reuses it),
# 2. ingests the first 46k documents (corpus-50k files 00-22; benches/make_corpus.py, run
#    benches/run.sh once first) as batch 1, with 2 threads,
# 3. saves the 20 profiles below (queries over the corpora's vocabulary, a few with screening
#    rules) and runs `watch run --baseline` once (every current match recorded: the backfile),
# 4. ingests the last 4k documents (files 23-24) as batch 2: "this week's file",
# 5. times, $RUNS times each, medians:
#    * `watch run --dry-run --json`: what all 20 profiles would deliver (their queries over the
#      whole index, the state looked up, each new document's record read and its snippet made),
#    * the floor: the same 20 queries through `patdex search QUERY --limit 1 --no-snippets`
#      (every hit scored and counted, one record read), one process each, summed,
#    then one real `watch run` (digests in md, html, json and atom written) and a second run
#    right after (nothing new: the cost of a no-op week),
# 6. writes benches/work/results/watch-50k.{txt,jsonl}.
# Not part of CI. Knobs: RUNS=5 SKIP_BUILD=0.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
W="$ROOT/benches/work"
R="$W/results"
D="$W/watch"
BIN="$D/bin"
RUNS="${RUNS:-5}"
mkdir -p "$R" "$BIN"
load() { cut -d' ' -f1-3 /proc/loadavg; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    cargo build --release --quiet
    cp target/release/patdex "$BIN/patdex"
fi
P="$BIN/patdex"
C="$W/corpus-50k"
[ -f "$C/ipg_bench_24.xml" ] || { echo "no $C: run benches/run.sh first" >&2; exit 2; }
rm -rf "$D/index" "$D/profiles" "$D/digests"
IDX="$D/index"
OUT="$R/watch-50k.txt"
JL="$R/watch-50k.jsonl"
: > "$JL"
{
echo "patdex $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src Cargo.toml || echo +dirty), $(date -u '+%Y-%m-%d %H:%M UTC'), nproc $(nproc), load $(load)"

secs() { python3 -c 'import sys,time; print(f"{time.time():.3f}")'; }
timed() { # label, command...: wall seconds of one run
    local t0 t1
    t0=$(secs); "${@:2}" > /dev/null; t1=$(secs)
    python3 -c "print(f'{$t1 - $t0:.3f}')"
}

echo "== ingest batch 1 (files 00-22) and batch 2 (files 23-24), 2 threads"
"$P" --index "$IDX" ingest -q --json -j 2 "$C"/ipg_bench_{0[0-9],1[0-9],2[0-2]}.xml > "$D/ingest-1.json"

# Profiles: the name, then the query, then extra `watch add` options.
PROFILES=(
    "batteries|battery OR batteries|"
    "solid-electrolyte|solid ADJ electrolyte*|--cpc H01M"
    "solar|ti:(solar OR photovoltaic)|"
    "catheters|catheter* AND (balloon OR guidewire)|"
    "membranes|membrane* NEAR/3 (filtration OR osmosis)|"
    "lidar|lidar OR (laser ADJ radar)|"
    "crispr|(guide ADJ rna) OR crispr OR cas9|"
    "semiconductor-etch|(plasma NEAR/2 etch*) AND wafer*|--cpc H01L"
    "gate-dielectric|(gate WITH dielectric) AND hafnium|"
    "image-recognition|(image* OR picture*) WITH recogni*|"
    "vehicles|vehicle* SAME (steering OR braking)|--kind grant"
    "robots|robot* AND (gripper* OR grasp*)|"
    "agriculture|(planter OR seed* OR tillage) AND soil|"
    "wireless|wireless WITH (antenna* OR beam*)|"
    "displays|liquid ADJ crystal ADJ display*|"
    "polymers|polymer* AND (composite* OR resin*)|--claims polymer"
    "medical-imaging|(ultrasound OR tomograph*) AND imag*|"
    "software|ti:(method OR system) AND database*|"
    "engines|(combustion OR turbine) AND engine*|"
    "light-sources|(light ADJ emitting ADJ diode*) OR led|"
)
ARGS_FILE="$D/profile-args"
: > "$ARGS_FILE"
for spec in "${PROFILES[@]}"; do
    IFS='|' read -r name query extra <<< "$spec"
    # shellcheck disable=SC2086
    "$P" --index "$IDX" watch add "$name" --query "$query" --format md,html,json,atom $extra > /dev/null
    printf '%s\n' "$query" >> "$ARGS_FILE"
done
echo "== baseline (every current match recorded), load $(load)"
t_base=$(timed baseline "$P" --index "$IDX" watch run --baseline)
echo "baseline run: $t_base s"
"$P" --index "$IDX" ingest -q --json -j 2 "$C"/ipg_bench_2[34].xml > "$D/ingest-2.json"
python3 - "$D/ingest-1.json" "$D/ingest-2.json" <<'PY'
import json, sys
for f in sys.argv[1:]:
    s = json.load(open(f))
    print(f"{f.rsplit('/',1)[1]}: batch {s['batch']}, {s['added']} added, {s['replaced']} replaced, {s['elapsed_s']:.1f} s, {s['docs_per_s']:.0f} docs/s")
PY

echo "== after batch 2: $RUNS timed passes each, load $(load)"
dry=(); floor=()
for r in $(seq "$RUNS"); do
    dry+=("$(timed dry "$P" --index "$IDX" watch run --dry-run --json)")
    t0=$(secs)
    while IFS= read -r q; do
        "$P" --index "$IDX" search "$q" --limit 1 --no-snippets > /dev/null || true
    done < "$ARGS_FILE"
    t1=$(secs)
    floor+=("$(python3 -c "print(f'{$t1 - $t0:.3f}')")")
done
"$P" --index "$IDX" watch run --dry-run --json > "$D/dry.json"
t_run=$(timed run "$P" --index "$IDX" watch run)
t_noop=$(timed noop "$P" --index "$IDX" watch run)
python3 - "$D/dry.json" "$t_base" "$t_run" "$t_noop" "${dry[*]}" "${floor[*]}" "$JL" <<'PY'
import json, statistics, sys
dry_file, t_base, t_run, t_noop, dry, floor, jl = sys.argv[1:]
outcomes = json.load(open(dry_file))
dry = [float(x) for x in dry.split()]
floor = [float(x) for x in floor.split()]
new = sum(o["new"] for o in outcomes)
matched = sum(o["matched"] for o in outcomes)
print(f"{len(outcomes)} profiles: {matched:,} matches in all, {new} new after batch 2")
for o in outcomes:
    print(f"  {o['profile']:<20} {o['matched']:>7,} matching  {o['new']:>4} new")
md, mf = statistics.median(dry), statistics.median(floor)
print(f"watch run --dry-run (20 profiles, one process): median {md:.2f} s over {len(dry)} ({', '.join(f'{x:.2f}' for x in dry)})")
print(f"floor, the 20 queries as 20 `search --limit 1` processes: median {mf:.2f} s ({', '.join(f'{x:.2f}' for x in floor)})")
print(f"ratio dry run / floor: {md / mf:.2f}")
print(f"watch run with digests written: {float(t_run):.2f} s; the next run (nothing new): {float(t_noop):.2f} s; baseline after batch 1: {float(t_base):.2f} s")
with open(jl, "a") as f:
    f.write(json.dumps({"bench": "watch", "corpus": "50k", "profiles": len(outcomes), "matched": matched, "new": new,
                        "dry_run_s": dry, "dry_run_median_s": md, "floor_s": floor, "floor_median_s": mf,
                        "run_s": float(t_run), "noop_s": float(t_noop), "baseline_s": float(t_base)}) + "\n")
PY
echo "digests: $(find "$D/digests" -type f | wc -l) files; load $(load)"
} 2>&1 | tee "$OUT"
