#!/usr/bin/env python3
"""Builds a Lens-layout CSV export (the record-export ingest benchmark's input) from real
PatSnap XML records.

Python 3.11 standard library only. Used by benches/records.sh:

    python3 benches/make_records.py --rows 50000 --out benches/work/records/lens-50k.csv
    python3 benches/make_records.py --rows 2244 --keep-numbers --out benches/work/records/lens-2244.csv

Source: the PatSnap records under /work/shared/data/eval/patsnap-cs3245/corpus/ (2,244 files,
each one `<doc>` of `<str name="FIELD">value</str>`; 2,051 US, 97 EP, 95 WO, 1 GB; lists in
one value separated by ` | `). The output has exactly the header of
tests/data/records/lens.csv (The Lens's patent CSV export, 37 columns), one row per record:

* row r is source record r mod 2,244 (files in name order), copy r div 2,244; so the 10k file is
  the first 10,000 rows of the 50k one;
* every row gets a new, unique publication number in the Lens spelling (`Display Key`), in
  the record's own office and with the record's own kind code (none when PatSnap has none):
  US grants `US 40,000,001 B2` upward (above real grants and the 30,000,001+ of
  make_corpus.py), US reissues `US RE90,001 E1` upward, US applications `US YYYY/9000001 A1`
  upward (YYYY: the original publication year), EP `EP 9 000 001 A1` upward, WO
  `WO YYYY/900001 A1` upward, others `CC 9000001 K`; a new `Lens ID` and `URL`; the record's
  own number in its family list is replaced by the new one. `--keep-numbers` (at most one
  copy) keeps the original numbers instead, in the Lens spelling, for comparing the same
  records as XML and as CSV;
* lists are rewritten with `;;` between values (Lens's separator): Family Members (numbers in
  the Lens spelling), IPC, US classes, priority numbers, applicants (PatSnap's
  `[IID: ...]` tag and the address after it dropped), inventors (`BRASE, CRAIG, S.` written
  `BRASE CRAIG S.`, as Lens writes names), other references (NPL Citations);
* everything else is the record's own text (title, abstract with its line breaks, dates);
  columns PatSnap has no source for are empty (CPC, NPL resolved IDs) or derived (counts,
  Document Type, Legal Status from kind and date, Owners = applicants of US grants).

The output is deterministic. A JSON note beside it (`<out>.json`) records rows and size.
Never write the output into the repository: benches/work/ is git-ignored.
"""

from __future__ import annotations

import argparse
import csv
import glob
import hashlib
import json
import os
import re
import sys
import time
import xml.etree.ElementTree as ET

DEFAULT_SOURCE = "/work/shared/data/eval/patsnap-cs3245/corpus"

# Exactly the header of tests/data/records/lens.csv.
HEADER = [
    "#", "Jurisdiction", "Kind", "Display Key", "Lens ID", "Publication Date", "Publication Year",
    "Application Number", "Application Date", "Priority Numbers", "Earliest Priority Date",
    "Title", "Abstract", "Applicants", "Inventors", "Owners", "URL", "Document Type",
    "Has Full Text", "Cites Patent Count", "Cited by Patent Count", "Simple Family Size",
    "Simple Family Members", "Simple Family Member Jurisdictions", "Extended Family Size",
    "Extended Family Members", "Extended Family Member Jurisdictions", "Sequence Count",
    "CPC Classifications", "IPCR Classifications", "US Classifications", "NPL Citation Count",
    "NPL Resolved Citation Count", "NPL Resolved Lens ID(s)", "NPL Resolved External ID(s)",
    "NPL Citations", "Legal Status",
]

# PatSnap's compact numbers: US7531087, US20070045181A1, USR40734, EP1387479A1, WO2011125743A1.
NUM_RE = re.compile(r"^([A-Z]{2})(RE|R|D|PP|H|T)?(\d+)([A-Z]\d?)?$")
IID_RE = re.compile(r"\s*\[IID:[^\]]*\].*$")


def fields(path: str) -> dict[str, str]:
    root = ET.parse(path).getroot()
    return {e.get("name"): (e.text or "").strip() for e in root.iter("str")}


def plist(v: str) -> list[str]:
    """A PatSnap list value (` | ` between values)."""
    return [x.strip() for x in v.split(" | ") if x.strip()] if v else []


def grouped(digits: str, sep: str) -> str:
    """`40000001` -> `40,000,001` (sep ',') or `40 000 001` (sep ' ')."""
    out = []
    while len(digits) > 3:
        out.append(digits[-3:])
        digits = digits[:-3]
    out.append(digits)
    return sep.join(reversed(out))


def display_key(cc: str, series: str, digits: str, kind: str) -> str:
    """A number in the Lens spelling: `US 7,531,087 B2`, `US 2007/0045181 A1`,
    `US RE40,734 E1`, `EP 1 387 479 A1`, `WO 2011/125743 A1`."""
    series = "RE" if series == "R" else series
    digits = digits.lstrip("0") if not (cc == "US" and len(digits) == 11) else digits
    if cc == "US" and len(digits) == 11 and not series:
        body = f"{digits[:4]}/{digits[4:]}"
    elif cc == "US":
        body = series + grouped(digits, ",")
    elif cc == "EP":
        body = grouped(digits.zfill(7), " ")
    elif cc == "WO" and len(digits) >= 10:
        body = f"{digits[:4]}/{digits[4:]}"
    else:
        body = series + digits
    return f"{cc} {body}" + (f" {kind}" if kind else "")


def lens_number(raw: str) -> str:
    m = NUM_RE.match(raw.strip())
    if not m:
        return raw.strip()
    return display_key(m.group(1), m.group(2) or "", m.group(3), m.group(4) or "")


def application_number(raw: str, filed: str) -> str:
    """PatSnap `US11/507127`, `US10279899`, `EP1981304493`, `PCT/JP2011/058021` in the Lens
    spelling (`US 200611507127 A`, `EP 81304493 A` from `EP1981304493`, `JP 2011/058021 W`)."""
    raw = raw.strip()
    if not raw:
        return ""
    m = re.match(r"^PCT/([A-Z]{2})(\d{4})/(\d+)$", raw)
    if m:
        return f"{m.group(1)} {m.group(2)}/{m.group(3)} W"
    m = re.match(r"^([A-Z]{2})(.*)$", raw)
    if not m:
        return raw
    cc, rest = m.group(1), re.sub(r"[/ ,]", "", m.group(2))
    if cc == "US" and len(rest) == 8 and rest.isdigit() and filed[:4].isdigit():
        return f"US {filed[:4]}{rest} A"
    if cc == "EP" and len(rest) == 10 and rest.isdigit() and rest[:2] in ("19", "20"):
        return f"EP {rest[2:]} A"  # PatSnap writes the century before EP's 8-digit number
    return f"{cc} {rest} A"


class Numbers:
    """New unique numbers, one counter per series (see the module doc)."""

    def __init__(self) -> None:
        self.next = {"US": 40_000_001, "USRE": 90_001, "USAPP": 9_000_001, "EP": 9_000_001,
                     "WO": 900_001, "other": 9_000_001}

    def take(self, key: str) -> str:
        n = self.next[key]
        self.next[key] = n + 1
        return str(n)

    def new(self, cc: str, series: str, digits: str, kind: str, year: str) -> str:
        if cc == "US" and series in ("R", "RE"):
            return display_key("US", "RE", self.take("USRE"), kind)
        if cc == "US" and len(digits) == 11:
            return display_key("US", "", f"{year}{self.take('USAPP').zfill(7)}", kind)
        if cc == "US":
            return display_key("US", series, self.take("US"), kind)
        if cc == "EP":
            return display_key("EP", "", self.take("EP"), kind)
        if cc == "WO":
            return display_key("WO", "", f"{year}{self.take('WO').zfill(6)}", kind)
        return display_key(cc, "", self.take("other"), kind)


def is_grant(cc: str, digits: str, kind: str, year: str) -> bool:
    if cc == "US":
        return kind not in ("A1", "A2", "A9") and len(digits) != 11
    return kind[:1] in ("B", "C")


def row_of(d: dict[str, str], index: int, number: str | None) -> list[str]:
    """One Lens row from PatSnap fields `d`; `number` the new Display Key (None: keep)."""
    m = NUM_RE.match(d["Patent Number"])
    if not m:
        raise ValueError(f"unreadable PatSnap number {d['Patent Number']!r}")
    cc, series, digits = m.group(1), m.group(2) or "", m.group(3)
    kind = d.get("Kind Code", "") or (m.group(4) or "")
    own = display_key(cc, series, digits, kind)
    key = number or own
    pub = d.get("Publication Date", "")
    year = pub[:4]
    filed = d.get("Application Date", "")
    grant = is_grant(cc, digits, kind, year)

    pcc, pnum, pdate = plist(d.get("Priority Country", "")), plist(d.get("Priority Number", "")), plist(d.get("Priority Date", ""))
    priorities = [f"{c} {n} A" for c, n in zip(pcc, pnum)] or [f"{cc} {n} A" for n in pnum]
    earliest = min([x for x in pdate if re.match(r"^\d{4}-\d\d-\d\d$", x)] or [filed or ""])

    applicants = [IID_RE.sub("", a).strip() for a in plist(d.get("Assignee(s)", ""))]
    applicants = [a for a in applicants if a]
    inventors = [re.sub(r"\s+", " ", i.replace(",", " ")).strip() for i in plist(d.get("Inventor(s)", ""))]

    family = [lens_number(f) for f in plist(d.get("Family Members", ""))]
    if number is not None:
        family = [number if f == own else f for f in family]
        if number not in family and family:
            family.append(number)
    family_cc = [f[:2] for f in family]
    npl = plist(d.get("Other References", ""))
    cites = plist(d.get("Cites", ""))
    lens_id = f"{index // 10**12 % 1000:03d}-{index // 10**9 % 1000:03d}-{index // 10**6 % 1000:03d}-{index // 1000 % 1000:03d}-{index % 1000:03d}X"
    if grant:
        status = "EXPIRED" if year.isdigit() and int(year) < 2006 else "ACTIVE"
    else:
        status = "PENDING"
    return [
        str(index + 1),
        cc,
        kind,
        key,
        lens_id,
        pub,
        year,
        application_number(d.get("Application Number", ""), filed),
        filed,
        ";;".join(priorities),
        earliest,
        d.get("Title", ""),
        d.get("Abstract", ""),
        ";;".join(applicants),
        ";;".join(inventors),
        ";;".join(applicants) if grant and cc == "US" else "",
        f"https://www.lens.org/lens/patent/{lens_id}",
        "Granted Patent" if grant else "Patent Application",
        "true" if cc == "US" else "false",
        str(len(cites)),
        d.get("Cited By Count", "") or "0",
        str(len(family)),
        ";;".join(family),
        ";;".join(family_cc),
        str(len(family)),
        ";;".join(family),
        ";;".join(family_cc),
        "0",
        "",
        ";;".join(plist(d.get("All IPC", ""))),
        ";;".join(plist(d.get("All UPC", ""))),
        str(len(npl)),
        "0",
        "",
        "",
        ";;".join(npl),
        status,
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--source", default=DEFAULT_SOURCE)
    ap.add_argument("--keep-numbers", action="store_true",
                    help="keep the records' own numbers (at most one copy of each record)")
    args = ap.parse_args()

    t0 = time.time()
    files = sorted(glob.glob(os.path.join(args.source, "*.xml")))
    if not files:
        sys.exit(f"make_records: no PatSnap records in {args.source}")
    if args.keep_numbers and args.rows > len(files):
        sys.exit(f"make_records: --keep-numbers makes at most {len(files)} rows")
    records = [fields(f) for f in files]
    numbers = Numbers()
    out = os.path.abspath(args.out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    tmp = out + ".tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(HEADER)
        for r in range(args.rows):
            d = records[r % len(records)]
            new = None
            if not args.keep_numbers:
                m = NUM_RE.match(d["Patent Number"])
                kind = d.get("Kind Code", "") or (m.group(4) or "")
                new = numbers.new(m.group(1), m.group(2) or "", m.group(3), kind, d.get("Publication Date", "")[:4])
            w.writerow(row_of(d, r, new))
    os.replace(tmp, out)
    size = os.path.getsize(out)
    note = {
        "rows": args.rows,
        "bytes": size,
        "source": os.path.abspath(args.source),
        "source_records": len(files),
        "source_bytes": sum(os.path.getsize(f) for f in files),
        "keep_numbers": args.keep_numbers,
        "generator": "benches/make_records.py",
        # records.sh regenerates when the generator changes.
        "generator_sha256": hashlib.sha256(open(__file__, "rb").read()).hexdigest(),
    }
    with open(out + ".json", "w") as fh:
        json.dump(note, fh, indent=1)
    print(f"make_records: {args.rows} rows, {size / 1e6:.1f} MB -> {out} ({time.time() - t0:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
