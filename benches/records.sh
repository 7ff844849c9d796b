#!/usr/bin/env bash
# The record-export (CSV) ingest benchmark:  bash benches/records.sh
# (or, inside the full driver:  SECTIONS=records bash benches/run.sh; not in its default SECTIONS)
#
# 1. freezes a patdex binary in benches/work/bin/patdex-records (cargo build --release once, when
#    it is missing or REBUILD=1; run.sh passes its own frozen copy as PATDEX instead),
# 2. makes Lens-layout CSVs from the real PatSnap records if missing or out of date
#    (benches/make_records.py): 50k and 10k rows with new numbers, and the 2,244 records once
#    with their own numbers,
# 3. `patdex ingest --threads 2 --quiet --json` of the 50k CSV into a fresh index ($RUNS runs,
#    under /usr/bin/time -v: peak RSS, CPU), the same with --threads 1, the 10k CSV,
# 4. the same 2,244 records as PatSnap XML (the real files) and as a 2,244-row CSV,
# 5. peers on the 50k CSV: Python's csv module reading every row (a floor for reading),
#    SQLite FTS5 (Python sqlite3) importing it into an FTS5 table over title + abstract in one
#    transaction, pandas.read_csv (benches/work/venv, installed from PyPI when missing),
# 6. writes benches/work/results/records-*.jsonl|txt and prints the tables (records-summary.md).
#
# Knobs (environment): RUNS=5 THREADS=2 ROWS=50000 SMALL_ROWS=10000 SKIP_PEERS=0 SKIP_PANDAS=0
# REBUILD=0 PATDEX=benches/work/bin/patdex-records PATDEX_PATSNAP_DATA=/work/shared/data/eval/patsnap-cs3245/corpus
# Takes ~1.5 minutes on 2 cores (plus a minute to build). Everything generated goes to benches/work/ (git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
W="$ROOT/benches/work"
R="$W/results"
D="$W/records"
PATSNAP="${PATDEX_PATSNAP_DATA:-/work/shared/data/eval/patsnap-cs3245/corpus}"
RUNS="${RUNS:-5}"
THREADS="${THREADS:-2}"
ROWS="${ROWS:-50000}"
SMALL_ROWS="${SMALL_ROWS:-10000}"
SKIP_PEERS="${SKIP_PEERS:-0}"
SKIP_PANDAS="${SKIP_PANDAS:-0}"
REBUILD="${REBUILD:-0}"
PY=python3
export PYTHONDONTWRITEBYTECODE=1

mkdir -p "$W/bin" "$R" "$D"
rm -f "$R"/records-*
exec > >(tee "$R/records.log") 2>&1
T0=$(date +%s)
say() { printf '\n== [%4ds] %s   (load avg %s)\n' "$(( $(date +%s) - T0 ))" "$*" "$(cut -d' ' -f1-3 /proc/loadavg)"; }

ls "$PATSNAP"/*.xml >/dev/null 2>&1 || { echo "no PatSnap records in $PATSNAP"; exit 1; }
if [ ! -x /usr/bin/time ]; then
    say "installing GNU time (Debian package 'time')"
    (apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; })
fi

# --- the binary (frozen, so a concurrent edit of src/ cannot change it mid-run) ----------------
# The commit it was built from is kept beside it (+dirty: uncommitted changes in src/ or
# Cargo.toml at build time).
gitrev() { echo "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git status --porcelain src Cargo.toml 2>/dev/null | grep -q . && echo +dirty || true)"; }
if [ -n "${PATDEX:-}" ]; then
    GITREV="${GITREV:-$(gitrev)}"
else
    PATDEX="$W/bin/patdex-records"
    if [ ! -x "$PATDEX" ] || [ "$REBUILD" = 1 ]; then
        say "cargo build --release (frozen copy: $PATDEX)"
        rev="$(gitrev)"
        cargo build --release --quiet
        cp target/release/patdex "$PATDEX"
        echo "$rev" > "$PATDEX.git"
    fi
    GITREV="$(cat "$PATDEX.git" 2>/dev/null || echo "unknown (built before $(gitrev))")"
fi
echo "patdex: $PATDEX ($GITREV, sha256 $(sha256sum "$PATDEX" | cut -c1-12))"

# --- inputs -----------------------------------------------------------------------------------
make_records() { # make_records ROWS OUT [--keep-numbers]
    local want_sha
    want_sha="$(sha256sum benches/make_records.py | cut -d' ' -f1)"
    if [ ! -s "$2" ] || ! $PY - "$2.json" "$1" "$want_sha" <<'EOF'
import json, sys
try:
    n = json.load(open(sys.argv[1]))
except (OSError, ValueError):
    sys.exit(1)
sys.exit(0 if n["rows"] == int(sys.argv[2]) and n.get("generator_sha256") == sys.argv[3] else 1)
EOF
    then
        say "generating $2 ($1 rows)"
        $PY benches/make_records.py --rows "$1" --out "$2" --source "$PATSNAP" "${@:3}"
    fi
}
NSRC=$(ls "$PATSNAP"/*.xml | wc -l)
BIG="$D/lens-$((ROWS / 1000))k.csv"
SMALL="$D/lens-$((SMALL_ROWS / 1000))k.csv"
ONE="$D/lens-$NSRC.csv"
make_records "$ROWS" "$BIG"
make_records "$SMALL_ROWS" "$SMALL"
make_records "$NSRC" "$ONE" --keep-numbers

# A file is recognised from its header, but patdex guesses the delimiter from the header *and
# the first row*: a first row with many `;;` list separators (a family of six, say) can make
# it read the file as semicolon-separated and refuse it. If that happens, say so and read the
# files with the Lens mapping plus `delimiter = ","` (the same per-row work).
$PY -c 'import csv, sys
csv.field_size_limit(1 << 30)
r = csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))
csv.writer(open(sys.argv[2], "w", newline="", encoding="utf-8"), lineterminator="\n").writerows([next(r), next(r)])' "$BIG" "$D/detect.csv"
rm -rf "$D/idx-detect"
if "$PATDEX" --index "$D/idx-detect" ingest "$D/detect.csv" --quiet --json > "$D/detect.out" 2>&1; then
    CSVARGS=()
    echo "header recognition: ok (the CSV files are read as plain paths)" | tee "$R/records-notes.txt"
else
    sed 's/^list_separator = ";;"$/&\ndelimiter = ","/' src/parse/records/lens.toml > "$D/lens-comma.toml"
    grep -q '^delimiter = ","' "$D/lens-comma.toml" || { echo "cannot write $D/lens-comma.toml"; exit 1; }
    CSVARGS=(--map "$D/lens-comma.toml")
    {
        echo "header recognition FAILED on the first row of $BIG:"
        cut -c1-400 "$D/detect.out"
        echo "-> reading the CSV files with --records FILE --map $D/lens-comma.toml (lens.toml + delimiter = \",\")"
    } | tee "$R/records-notes.txt"
fi
rm -rf "$D/idx-detect"
csv_paths() { # csv_paths FILE: how to name a CSV file on the command line
    if [ ${#CSVARGS[@]} -eq 0 ]; then echo "$1"; else echo "--records $1 ${CSVARGS[*]}"; fi
}

# --- the harness and the peers (written here so this script is the whole benchmark) ----------
cat > "$D/harness.py" <<'EOF'
"""One measurement: a command $RUNS times under /usr/bin/time -v; medians to a JSON line.

The command prints a JSON object on stdout with `elapsed_s` (its own timing of the work) and
`added` (rows or documents read); `patdex ingest --json` does, and so do the peers."""
import argparse, json, os, re, shutil, statistics, subprocess, sys, datetime

ap = argparse.ArgumentParser()
for a in ("--label", "--impl", "--out", "--git"):
    ap.add_argument(a, required=True)
ap.add_argument("--runs", type=int, required=True)
ap.add_argument("--rows", type=int, required=True)
ap.add_argument("--bytes", type=int, required=True)
ap.add_argument("--fresh", help="deleted before every run; its size after the last run is kept")
ap.add_argument("cmd", nargs=argparse.REMAINDER)
a = ap.parse_args()
cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd

def du(p):
    if os.path.isfile(p):
        return os.path.getsize(p)
    return sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(p) for f in fs)

def load1():
    return float(open("/proc/loadavg").read().split()[0])

runs = []
l0 = load1()
for i in range(a.runs):
    if a.fresh:
        shutil.rmtree(a.fresh, ignore_errors=True)
        if os.path.isfile(a.fresh):
            os.remove(a.fresh)
    tf = a.out + ".time"
    p = subprocess.run(["/usr/bin/time", "-v", "-o", tf, *cmd], capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write(p.stdout[-3000:] + p.stderr[-3000:])
        sys.exit(f"harness: {a.impl} exited with {p.returncode}")
    out = json.loads(p.stdout)
    t = open(tf).read()
    os.remove(tf)
    g = lambda rx: re.search(rx, t).group(1)
    wall = 0.0
    for part in g(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([0-9:.]+)").split(":"):
        wall = wall * 60 + float(part)
    r = {
        "elapsed_s": out["elapsed_s"], "added": out["added"] + out.get("replaced", 0),
        "quarantined": out.get("quarantined", 0), "skipped": sum(out.get("skipped", {}).values()),
        "warnings": out.get("warnings", []), "files_failed": out.get("files_failed", []),
        "wall_s": wall, "cpu_s": float(g(r"User time \(seconds\): ([0-9.]+)")) + float(g(r"System time \(seconds\): ([0-9.]+)")),
        "peak_rss_bytes": int(g(r"Maximum resident set size \(kbytes\): (\d+)")) * 1024,
        "extra": out.get("extra", {}),
    }
    runs.append(r)
    print(f"  {a.impl:<22} {a.label:<10} run {i + 1}: {r['elapsed_s']:7.2f} s  {r['added'] / r['elapsed_s']:8.0f} rows/s  "
          f"{a.bytes / 1e6 / r['elapsed_s']:6.1f} MB/s  peak RSS {r['peak_rss_bytes'] / 2**20:5.0f} MiB  cpu {r['cpu_s']:.1f} s  "
          f"(process wall {r['wall_s']:.2f} s)", flush=True)
l1 = load1()
med = statistics.median(r["elapsed_s"] for r in runs)
odd = []
for r in runs:
    if r["added"] != a.rows:
        odd.append(f"read {r['added']} rows, expected {a.rows}")
    if r["quarantined"] or r["skipped"] or r["files_failed"] or r["warnings"]:
        odd.append(f"quarantined {r['quarantined']}, skipped {r['skipped']}, failed {r['files_failed']}, warnings {r['warnings']}")
for o in sorted(set(odd)):
    print(f"  ODD: {a.impl} {a.label}: {o}")
row = {
    "bench": "records", "corpus": a.label, "impl": a.impl, "runs": a.runs, "rows": a.rows, "bytes": a.bytes,
    "median_s": med, "all_s": [r["elapsed_s"] for r in runs],
    "rows_s": a.rows / med, "mb_s": a.bytes / 1e6 / med,
    "wall_median_s": statistics.median(r["wall_s"] for r in runs),
    "cpu_median_s": statistics.median(r["cpu_s"] for r in runs),
    "peak_rss_median_bytes": statistics.median(r["peak_rss_bytes"] for r in runs),
    "peak_rss_bytes": [r["peak_rss_bytes"] for r in runs],
    "added": runs[0]["added"], "quarantined": runs[0]["quarantined"], "skipped": runs[0]["skipped"],
    "warnings": runs[0]["warnings"], "odd": sorted(set(odd)),
    "output_bytes": du(a.fresh) if a.fresh and os.path.exists(a.fresh) else None,
    "extra": runs[-1]["extra"], "cmd": " ".join(cmd),
    "load1_start": l0, "load1_end": l1, "git": a.git, "date": datetime.datetime.now().isoformat(timespec="seconds"),
}
with open(a.out, "a") as f:
    f.write(json.dumps(row) + "\n")
EOF

cat > "$D/peer.py" <<'EOF'
"""peer.py csv|fts5|pandas FILE.csv [DB]: one timed pass; prints {"elapsed_s", "added", "extra"}.
Imports and interpreter start-up are not timed (patdex's own figure leaves out its start-up too)."""
import csv, json, os, sys, time

mode, path = sys.argv[1], sys.argv[2]
csv.field_size_limit(1 << 30)
extra = {}
if mode == "pandas":
    import pandas as pd
    extra["pandas"] = pd.__version__
t0 = time.perf_counter()
if mode == "csv":
    # Every row split into fields and nothing else: the floor for reading the file in Python.
    n = -1
    with open(path, newline="", encoding="utf-8") as f:
        for _row in csv.reader(f):
            n += 1
elif mode == "fts5":
    # An FTS5 table over title + abstract (number stored, not indexed), default unicode61
    # tokenizer, filled from csv.reader in one transaction; the time includes the commit.
    import sqlite3
    db = sys.argv[3]
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(number UNINDEXED, title, abstract)")
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        h = next(rows)
        k, t, a = h.index("Display Key"), h.index("Title"), h.index("Abstract")
        with con:
            con.executemany("INSERT INTO docs VALUES (?, ?, ?)", ((r[k], r[t], r[a]) for r in rows))
    n = con.execute("SELECT count(*) FROM docs").fetchone()[0]
    con.close()
    extra["sqlite"] = sqlite3.sqlite_version
elif mode == "pandas":
    # Default read_csv (C parser, type inference): the whole table in memory.
    n = len(pd.read_csv(path))
else:
    sys.exit(f"peer.py: unknown mode {mode}")
print(json.dumps({"elapsed_s": time.perf_counter() - t0, "added": n, "extra": extra}))
EOF

bench() { # bench NAME LABEL ROWS BYTES FRESH -- command...
    local name="$1" label="$2" rows="$3" bytes="$4" fresh="$5"; shift 6
    $PY "$D/harness.py" --label "$label" --impl "$name" --runs "$RUNS" --rows "$rows" --bytes "$bytes" \
        --fresh "$fresh" --git "$GITREV" --out "$R/records-$label-$name.jsonl" -- "$@" | tee "$R/records-$label-$name.txt"
}
size() { du -cb "$@" | tail -1 | cut -f1; }
ingest_csv() { # ingest_csv NAME LABEL ROWS FILE THREADS
    # shellcheck disable=SC2046
    bench "$1" "$2" "$3" "$(size "$4")" "$D/idx-$2" -- "$PATDEX" --index "$D/idx-$2" ingest $(csv_paths "$4") \
        --threads "$5" --quiet --json
}

# --- patdex -----------------------------------------------------------------------------------
say "patdex ingest, $ROWS-row CSV ($(size "$BIG" | awk '{printf "%.1f", $1/1e6}') MB), $THREADS threads, $RUNS runs"
ingest_csv "patdex-t$THREADS" "$((ROWS / 1000))k" "$ROWS" "$BIG" "$THREADS"
say "patdex ingest, $ROWS-row CSV, 1 thread"
ingest_csv patdex-t1 "$((ROWS / 1000))k" "$ROWS" "$BIG" 1
say "patdex ingest, $SMALL_ROWS-row CSV, $THREADS threads"
ingest_csv "patdex-t$THREADS" "$((SMALL_ROWS / 1000))k" "$SMALL_ROWS" "$SMALL" "$THREADS"
say "the same $NSRC records: PatSnap XML ($NSRC files) and CSV, $THREADS threads"
bench "patdex-t$THREADS" "xml-$NSRC" "$NSRC" "$(size "$PATSNAP"/*.xml)" "$D/idx-xml" -- \
    "$PATDEX" --index "$D/idx-xml" ingest "$PATSNAP" --threads "$THREADS" --quiet --json
ingest_csv "patdex-t$THREADS" "csv-$NSRC" "$NSRC" "$ONE" "$THREADS"
rm -rf "$D"/idx-*

# --- peers ------------------------------------------------------------------------------------
if [ "$SKIP_PEERS" != 1 ]; then
    BIGB=$(size "$BIG")
    L="$((ROWS / 1000))k"
    say "peers on the $ROWS-row CSV: csv module, SQLite FTS5 (Python $($PY -c 'import platform, sqlite3; print(platform.python_version(), "/ SQLite", sqlite3.sqlite_version)'))"
    bench csv-module "$L" "$ROWS" "$BIGB" "" -- $PY "$D/peer.py" csv "$BIG"
    bench sqlite-fts5 "$L" "$ROWS" "$BIGB" "$D/fts5.db" -- $PY "$D/peer.py" fts5 "$BIG" "$D/fts5.db"
    rm -f "$D/fts5.db"
    if [ "$SKIP_PANDAS" != 1 ]; then
        if [ ! -x "$W/venv/bin/python" ] || ! "$W/venv/bin/python" -c 'import pandas' 2>/dev/null; then
            say "installing pandas into benches/work/venv (PyPI)"
            [ -x "$W/venv/bin/python" ] || python3 -m venv "$W/venv"
            "$W/venv/bin/pip" install -q pandas || { echo "pandas could not be installed; skipping it"; SKIP_PANDAS=1; }
        fi
        if [ "$SKIP_PANDAS" != 1 ]; then
            say "peer: pandas.read_csv (benches/work/venv, pandas $("$W/venv/bin/python" -c 'import pandas; print(pandas.__version__)'))"
            bench pandas "$L" "$ROWS" "$BIGB" "" -- "$W/venv/bin/python" "$D/peer.py" pandas "$BIG"
        fi
    fi
fi

# --- summary ----------------------------------------------------------------------------------
say "summary"
$PY - "$R" "$((ROWS / 1000))k" "$((SMALL_ROWS / 1000))k" "$THREADS" "$NSRC" <<'EOF' | tee "$R/records-summary.md"
import glob, json, sys
res, big, small, th, nsrc = sys.argv[1:6]
rows = [json.loads(l) for f in sorted(glob.glob(res + "/records-*.jsonl")) for l in open(f) if l.strip()]
get = lambda label, impl: next((r for r in rows if r["corpus"] == label and r["impl"] == impl), None)
MiB = 2**20
def table(pairs, base):
    """pairs: (label, impl) in table order; ratios are times over `base`'s."""
    b = get(*base)
    print("| input | impl | median s | range s | rows/s | MB/s | MB/CPU-s | peak RSS | output MB | × time of " + base[1] + " | load 1-min |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for label, impl in pairs:
        r = get(label, impl)
        if not r:
            continue
        ratio = f"{r['median_s'] / b['median_s']:.2f}" if b else "–"
        out = f"{r['output_bytes'] / 1e6:.1f}" if r.get("output_bytes") else "–"
        print(f"| {label} | {impl} | {r['median_s']:.2f} | {min(r['all_s']):.2f}–{max(r['all_s']):.2f} | {r['rows_s']:,.0f} | "
              f"{r['mb_s']:.1f} | {r['bytes'] / 1e6 / r['cpu_median_s']:.1f} | {r['peak_rss_median_bytes'] / MiB:,.0f} MiB | {out} | "
              f"{ratio} | {r['load1_start']:.1f}→{r['load1_end']:.1f} |")
    print()
try:
    notes = open(res + "/records-notes.txt").read().splitlines()
    print(notes[0] if len(notes) == 1 else notes[0] + " " + notes[-1], end="\n\n")
except (OSError, IndexError):
    pass
t = f"patdex-t{th}"
b = get(big, t)
if b:
    print(f"{big} Lens CSV ({b['bytes'] / 1e6:.1f} MB, {b['rows']:,} rows), medians of {b['runs']}, patdex {b['git']}, {b['date']}:\n")
table([(big, t), (big, "patdex-t1"), (small, t), (big, "csv-module"), (big, "pandas"), (big, "sqlite-fts5")], (big, t))
print(f"The same {nsrc} records as PatSnap XML ({nsrc} files) and as one Lens CSV:\n")
table([(f"xml-{nsrc}", t), (f"csv-{nsrc}", t)], (f"xml-{nsrc}", t))
for r in rows:
    for o in r.get("odd", []):
        print(f"- ODD {r['corpus']} {r['impl']}: {o}")
EOF
say "done; raw results in $R/records-*"
