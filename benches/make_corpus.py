#!/usr/bin/env python3
"""Builds a larger benchmark corpus from the real USPTO full-text utility grants.

Python 3.11 standard library only.

The source documents are the real v4.x full-text grants under /work/shared/data/uspto/grant
(single files and the concatenated `bulk/` samples; `sequence-cwu/` and `edge-cases/` are left
out). Only utility grants with a description and claims are used, deduplicated by publication
number, and only those that are well-formed (checked with expat).

Each generated document is one of those real documents (round robin over a seeded shuffle)
with:

* a new, unique publication number (the `<doc-number>` inside `<publication-reference>`, the
  root `file=` attribute) and a new publication date (the `<date>` in the same
  `<publication-reference>`, the root `date-publ=` attribute): one weekly Tuesday per output
  file, like the USPTO's weekly `ipgYYMMDD.xml` files;
* about half of its description paragraphs (whole `<p ...>...</p>` elements inside
  `<description>`) replaced by paragraphs drawn at random from all source documents;
* about half of its dependent claims re-written with the body of a dependent claim drawn at
  random from all source documents, keeping the target claim's own number and its own
  `<claim-ref>` (so the claim tree stays consistent).

Everything else (prolog, DOCTYPE, bibliographic data, abstract, independent claims) is kept
byte for byte, so every document stays well-formed (`--check` verifies a sample with expat).

Output: weekly-style concatenated files, each document with its own `<?xml ...?>` and DOCTYPE:

    benches/work/corpus-20k/ipg_bench_00.xml ... (2000 documents each by default)
    benches/work/corpus-20k/ipg_bench_all.xml    (with --single: one big file instead)

The output is deterministic for a given --seed and source set.

Usage:
    python3 benches/make_corpus.py --docs 20000 --out benches/work/corpus-20k
    python3 benches/make_corpus.py --docs 5000 --out benches/work/corpus-5k --single
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
import time
import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SOURCE = "/work/shared/data/uspto/grant"
SKIP_DIRS = {"sequence-cwu", "edge-cases"}

DECL_RE = re.compile(r"<\?xml[\s?]")
ROOT_RE = re.compile(r"<us-patent-grant\b[^>]*>")
PUBREF_RE = re.compile(r"<publication-reference\b[^>]*>.*?</publication-reference>", re.S)
DOCNUM_RE = re.compile(r"(<doc-number>)(.*?)(</doc-number>)", re.S)
DATE_RE = re.compile(r"(<date>)(.*?)(</date>)", re.S)
APPL_TYPE_RE = re.compile(r"<application-reference\b[^>]*\bappl-type=\"([^\"]*)\"")
DESC_RE = re.compile(r"<description\b[^>]*>(.*?)</description>", re.S)
# `<p>` never nests in the USPTO DTDs (`<pre>` does not match: no word boundary after `p`).
PARA_RE = re.compile(r"<p\b[^>]*?(?:/>|>.*?</p>)", re.S)
CLAIMS_RE = re.compile(r"<claims\b[^>]*>(.*?)</claims>", re.S)
CLAIM_RE = re.compile(r"(<claim\b[^>]*>)(.*?)(</claim>)", re.S)
CLAIM_REF_RE = re.compile(r"<claim-ref\b[^>]*>.*?</claim-ref>|<claim-ref\b[^>]*/>", re.S)
CLAIM_NUM_PREFIX_RE = re.compile(r"^(\s*<claim-text>\s*)(\d+)(\s*\.)")
ATTR_NUM_RE = re.compile(r"\bnum=\"0*(\d+)\"")


@dataclass
class Source:
    name: str
    text: str
    number: str
    paras: list[tuple[int, int]] = field(default_factory=list)  # spans in text
    claims: list[tuple[int, int, int]] = field(default_factory=list)  # (body start, body end, num) of dependent claims
    claim_refs: dict[int, str] = field(default_factory=dict)  # body start -> its first claim-ref element


def split_docs(text: str) -> list[str]:
    starts = [m.start() for m in DECL_RE.finditer(text)]
    if not starts:
        return [text] if text.strip() else []
    if text[: starts[0]].strip():
        starts.insert(0, 0)
    bounds = starts + [len(text)]
    return [text[bounds[i] : bounds[i + 1]] for i in range(len(starts))]


def well_formed(doc: str) -> bool:
    p = xml.parsers.expat.ParserCreate()
    try:
        p.Parse(doc.encode("utf-8"), True)
        return True
    except xml.parsers.expat.ExpatError:
        return False


def analyse(name: str, doc: str) -> Source | None:
    root = ROOT_RE.search(doc)
    if not root:
        return None
    m = APPL_TYPE_RE.search(doc)
    if not m or m.group(1) != "utility":
        return None
    desc = DESC_RE.search(doc)
    claims = CLAIMS_RE.search(doc)
    if not desc or not claims:
        return None
    pub = PUBREF_RE.search(doc)
    if not pub:
        return None
    num = DOCNUM_RE.search(pub.group(0))
    if not num:
        return None
    if not well_formed(doc):
        print(f"make_corpus: skipping {name} ({num.group(2)}): not well-formed", file=sys.stderr)
        return None
    src = Source(name=name, text=doc.rstrip() + "\n", number=num.group(2).strip())
    text = src.text
    desc = DESC_RE.search(text)
    off = desc.start(1)
    src.paras = [(off + p.start(), off + p.end()) for p in PARA_RE.finditer(desc.group(1))]
    claims = CLAIMS_RE.search(text)
    off = claims.start(1)
    for c in CLAIM_RE.finditer(claims.group(1)):
        body = c.group(2)
        ref = CLAIM_REF_RE.search(body)
        if not ref:
            continue  # independent claim: kept as is
        n = ATTR_NUM_RE.search(c.group(1))
        num_ = int(n.group(1)) if n else 0
        bstart, bend = off + c.start(2), off + c.end(2)
        src.claims.append((bstart, bend, num_))
        src.claim_refs[bstart] = ref.group(0)
    return src


def collect(source_dir: Path) -> list[Source]:
    seen: set[str] = set()
    out: list[Source] = []
    for path in sorted(source_dir.rglob("*")):
        if not path.is_file() or path.suffix.lower() != ".xml":
            continue
        if SKIP_DIRS & set(path.relative_to(source_dir).parts):
            continue
        text = path.read_bytes().decode("utf-8", errors="strict")
        for i, doc in enumerate(split_docs(text)):
            src = analyse(f"{path.name}#{i}", doc)
            if src is None or src.number in seen:
                continue
            seen.add(src.number)
            out.append(src)
    return out


class Generator:
    def __init__(self, sources: list[Source], seed: int, first_number: int, swap: float):
        self.rng = random.Random(seed)
        self.sources = list(sources)
        self.rng.shuffle(self.sources)
        self.first_number = first_number
        self.swap = swap
        # Pools of whole paragraphs and dependent-claim bodies from every source document.
        self.para_pool = [s.text[a:b] for s in self.sources for a, b in s.paras]
        self.claim_pool = [s.text[a:b] for s in self.sources for a, b, _ in s.claims]

    def claim_body(self, target_ref: str, number: int) -> str:
        body = self.rng.choice(self.claim_pool)
        # The target claim keeps its own reference(s), so the claim tree stays valid.
        body = CLAIM_REF_RE.sub(lambda _m: target_ref, body)
        if number:
            body = CLAIM_NUM_PREFIX_RE.sub(lambda m: f"{m.group(1)}{number}{m.group(3)}", body, count=1)
        return body

    def document(self, i: int, date: dt.date) -> str:
        src = self.sources[i % len(self.sources)]
        text = src.text
        number = f"{self.first_number + i:08d}"
        ymd = date.strftime("%Y%m%d")
        # Edits as (start, end, replacement), applied back to front.
        edits: list[tuple[int, int, str]] = []
        for a, b in src.paras:
            if self.rng.random() < self.swap:
                edits.append((a, b, self.rng.choice(self.para_pool)))
        for a, b, n in src.claims:
            if self.rng.random() < self.swap:
                edits.append((a, b, self.claim_body(src.claim_refs[a], n)))
        pub = PUBREF_RE.search(text)
        new_pub = DOCNUM_RE.sub(lambda m: f"{m.group(1)}{number}{m.group(3)}", pub.group(0), count=1)
        new_pub = DATE_RE.sub(lambda m: f"{m.group(1)}{ymd}{m.group(3)}", new_pub, count=1)
        edits.append((pub.start(), pub.end(), new_pub))
        root = ROOT_RE.search(text)
        new_root = re.sub(r'\bfile="[^"]*"', f'file="US{number}-{ymd}.XML"', root.group(0))
        new_root = re.sub(r'\bdate-publ="[^"]*"', f'date-publ="{ymd}"', new_root)
        edits.append((root.start(), root.end(), new_root))
        edits.sort()
        parts = []
        pos = 0
        for a, b, rep in edits:
            parts.append(text[pos:a])
            parts.append(rep)
            pos = b
        parts.append(text[pos:])
        return "".join(parts)


def first_tuesday(year: int) -> dt.date:
    d = dt.date(year, 1, 1)
    return d + dt.timedelta(days=(1 - d.weekday()) % 7)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, required=True, help="number of documents to write")
    ap.add_argument("--out", type=Path, required=True, help="output folder (created)")
    ap.add_argument("--per-file", type=int, default=2000, help="documents per weekly file (default 2000)")
    ap.add_argument("--single", action="store_true", help="write one big file ipg_bench_all.xml instead")
    ap.add_argument("--seed", type=int, default=20260101, help="random seed (default 20260101)")
    ap.add_argument("--swap", type=float, default=0.5, help="share of paragraphs / dependent claims replaced (default 0.5)")
    ap.add_argument("--first-number", type=int, default=30_000_001,
                    help="first publication number (default 30000001, far above any real US grant)")
    ap.add_argument("--source", type=Path, default=Path(DEFAULT_SOURCE), help=f"real grants (default {DEFAULT_SOURCE})")
    ap.add_argument("--check", type=int, default=50, help="verify this many generated documents with expat (default 50)")
    args = ap.parse_args()

    t0 = time.time()
    sources = collect(args.source)
    if not sources:
        print(f"make_corpus: no full-text utility grants found under {args.source}", file=sys.stderr)
        return 1
    gen = Generator(sources, args.seed, args.first_number, args.swap)
    print(
        f"make_corpus: {len(sources)} real utility grants ({sum(len(s.text) for s in sources) / 1e6:.1f} MB), "
        f"{len(gen.para_pool)} description paragraphs, {len(gen.claim_pool)} dependent claims in the pools",
        file=sys.stderr,
    )

    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("ipg_bench_*.xml"):
        old.unlink()
    check_rng = random.Random(args.seed + 1)
    check_at = set(check_rng.sample(range(args.docs), min(args.check, args.docs)))
    per_file = args.docs if args.single else max(1, args.per_file)
    n_files = (args.docs + per_file - 1) // per_file
    width = max(2, len(str(n_files - 1)))
    base_date = first_tuesday(2030)
    total_bytes = 0
    bad = 0
    files = []
    i = 0
    for f in range(n_files):
        date = base_date + dt.timedelta(weeks=f)
        name = "ipg_bench_all.xml" if args.single else f"ipg_bench_{f:0{width}d}.xml"
        path = args.out / name
        count = min(per_file, args.docs - i)
        with open(path, "wb") as out:
            for _ in range(count):
                doc = gen.document(i, date)
                if i in check_at and not well_formed(doc):
                    bad += 1
                    print(f"make_corpus: generated document {i} is not well-formed", file=sys.stderr)
                data = doc.encode("utf-8")
                out.write(data)
                total_bytes += len(data)
                i += 1
        files.append({"file": name, "documents": count, "bytes": path.stat().st_size, "date": date.isoformat()})
    meta = {
        "documents": args.docs,
        "bytes": total_bytes,
        "files": files,
        "seed": args.seed,
        "swap": args.swap,
        "first_number": args.first_number,
        "source_documents": len(sources),
        "source_bytes": sum(len(s.text.encode("utf-8")) for s in sources),
        "paragraph_pool": len(gen.para_pool),
        "dependent_claim_pool": len(gen.claim_pool),
        "checked": len(check_at),
        "not_well_formed": bad,
    }
    (args.out / "corpus.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(
        f"make_corpus: wrote {args.docs} documents, {total_bytes / 1e6:.1f} MB in {n_files} file(s) to {args.out} "
        f"in {time.time() - t0:.1f} s ({len(check_at)} checked, {bad} not well-formed)",
        file=sys.stderr,
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
