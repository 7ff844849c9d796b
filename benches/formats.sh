#!/usr/bin/env bash
# Parse throughput per source format, on the real documents in ../shared/data:
#   bash benches/formats.sh
#
# For each format (USPTO v4 grants, ST.32 v2.5 PATDOC, pap v1.5/1.6, APS green book, EPO
# ep-patent-document, DOCDB, CNIPA) it runs, on one thread with all files in memory first,
# `cargo bench --bench parse` (quick-xml's event scan as the floor, patdex's `parse_document`,
# and `parse_document` + `schema::to_document`) and, where the peers' venv exists, lxml building
# a tree and reading all its text (benches/peers/lxml_text_peer.py). The folders are small
# (0.1 to 16 MB): many timed runs (RUNS, default 21), median kept.
# Writes benches/work/results/formats.txt. Not part of CI. Knobs: RUNS=21 WARMUP=3.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
D="$ROOT/../shared/data"
R="$ROOT/benches/work/results"
RUNS="${RUNS:-21}"
WARMUP="${WARMUP:-3}"
PY="$ROOT/benches/work/venv/bin/python"
mkdir -p "$R"
OUT="$R/formats.txt"
: > "$OUT"


declare -a NAMES=(
  "us-v4-grant-bulk|$D/uspto/grant/bulk"
  "st32-v2.5|$D/uspto/legacy/grant-st32-v2.5"
  "pap-v1.5-v1.6|$D/uspto/legacy/pap-v1.5-2001 $D/uspto/legacy/pap-v1.6-2002"
  "aps-greenbook|$D/uspto/legacy/aps-greenbook"
  "ep-patent-document|$D/epo/publication-server"
  "docdb|$D/epo/docdb $D/epo/ops"
  "cnipa|$D/cnipa"
)
for entry in "${NAMES[@]}"; do
  label="${entry%%|*}"
  dirs="${entry#*|}"
  # shellcheck disable=SC2086
  files=$(find $dirs -type f \( -name '*.xml' -o -name '*.greenbook' -o -name '*.txt' \) \
            -not -path '*_reformatted_by_third_party*' | sort)
  echo "== $label ($(echo "$files" | wc -l) files, $(cat $files | wc -c) bytes)" | tee -a "$OUT"
  # shellcheck disable=SC2086
  cargo bench -q --bench parse -- --runs "$RUNS" --warmup "$WARMUP" --label "$label" \
    --only quick-xml,patdex-parse,patdex-parse+doc $files 2>&1 | tee -a "$OUT"
  if [ -x "$PY" ] && [ "$label" != "aps-greenbook" ]; then
    # shellcheck disable=SC2086
    "$PY" benches/peers/lxml_text_peer.py --runs "$RUNS" --warmup "$WARMUP" --label "$label" $files 2>&1 | tee -a "$OUT"
  fi
done
echo "results in $OUT"
