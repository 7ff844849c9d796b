#!/usr/bin/env bash
# Load on `patdex serve` over the 50k generated corpus:  bash benches/serve.sh
#
# 1. builds patdex (release; SKIP_BUILD=1 reuses target/release/patdex),
# 2. serves benches/work/idx/query-50k (made by benches/run.sh or compare.sh) on a loopback port,
# 3. drives it with wrk (Debian package `wrk`) at 1, 8 and 32 connections, $SECS seconds each,
#    through a Lua script that cycles over a list of requests:
#      * search: 12 queries of the keyword batch's kind (words, phrases, proximity, fields,
#        classes, dates), a page of 20 with snippets, as the web page asks,
#      * search+facets: the same with year, cpc, pa and kind facets (every hit counted),
#      * doc: a document by number,
#      * floor: /app.js, a static file from memory: the cost of HTTP alone on this machine,
# 4. writes benches/work/results/serve-50k.txt (requests/s, p50, p99 from wrk --latency).
# wrk and the server share the 2 cores, so the figures are a lower bound on a dedicated server.
# Not part of CI. Knobs: SECS=10 SKIP_BUILD=0.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
W="$ROOT/benches/work"
R="$W/results"
IDX="$W/idx/query-50k"
SECS="${SECS:-10}"
mkdir -p "$R"
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then cargo build --release --quiet; fi
P="$ROOT/target/release/patdex"
"$P" --index "$IDX" stats >/dev/null || { echo "no usable index at $IDX" >&2; exit 2; }
OUT="$R/serve-50k.txt"
: >"$OUT"
log() { echo "$*" | tee -a "$OUT"; }

LOG=$(mktemp)
"$P" --index "$IDX" serve --addr 127.0.0.1:0 >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -f "$LOG" "$W"/serve-*.lua' EXIT
for _ in $(seq 50); do grep -q "serving" "$LOG" && break; sleep 0.1; done
URL=$(sed -n 's/.* at \(http[^ ]*\)\/$/\1/p' "$LOG")

QUERIES=(
    'battery' 'lithium AND electrolyte' '"solid electrolyte"' '(sulfide OR oxide) NEAR/3 electrolyte*'
    'ti:(membrane OR filtration)' 'cl:(rotor NEAR/3 blade*)' 'cpc:H01M AND pd>=2010' 'semiconductor WITH etch*'
    'catheter* AND balloon' 'pa:corporation AND vehicle' 'wireless NEAR/5 (transmit* OR receiv*)' 'image AND sensor AND pixel*'
)
urlenc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
DOC=$(curl -s "$URL/api/search?q=battery&limit=1&snippets=false" | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["number"])')

# A wrk script that cycles over the given paths.
script() {
    local name=$1; shift
    local f="$W/serve-$name.lua"
    {
        echo "local paths = {"
        for p in "$@"; do printf '  "%s",\n' "$p"; done
        echo "}"
        echo 'local i = 0'
        echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'
    } >"$f"
    echo "$f"
}
search_paths=(); facet_paths=()
for q in "${QUERIES[@]}"; do
    e=$(urlenc "$q")
    search_paths+=("/api/search?q=$e&limit=20")
    facet_paths+=("/api/search?q=$e&limit=20&facets=year,cpc,pa,kind")
done
S_SEARCH=$(script search "${search_paths[@]}")
S_FACETS=$(script facets "${facet_paths[@]}")
S_DOC=$(script doc "/api/doc/$DOC")
S_FLOOR=$(script floor "/app.js")

log "# patdex serve under load, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg), ${SECS}s per cell"
log "index: $IDX ($("$P" --index "$IDX" stats | sed -n 2p)); wrk and the server share 2 cores"
log "| requests | connections | requests/s | p50 ms | p99 ms |"
log "|---|---:|---:|---:|---:|"
for kind in search facets doc floor; do
    case $kind in search) s=$S_SEARCH ;; facets) s=$S_FACETS ;; doc) s=$S_DOC ;; floor) s=$S_FLOOR ;; esac
    for c in 1 8 32; do
        t=$(( c < 2 ? 1 : 2 ))
        res=$(wrk -t"$t" -c"$c" -d"${SECS}s" --latency -s "$s" "$URL" 2>&1)
        rps=$(echo "$res" | awk '/Requests\/sec/ {print $2}')
        ms() { echo "$res" | awk -v p="$1" '$1 == p {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; printf "%.2f", v}'; }
        errs=$(echo "$res" | awk '/Non-2xx/ {print " (" $4 " non-2xx)"}')
        log "| $kind | $c | $rps$errs | $(ms 50%) | $(ms 99%) |"
    done
done
log "results in $OUT"
