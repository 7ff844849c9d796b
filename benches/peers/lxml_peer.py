"""Peer: lxml (libxml2) with a minimal full-text extraction per document.

Each document (cut at `<?xml`) is parsed with `etree.fromstring` (no DTD loading, no network,
entities left alone) and, for `us-patent-grant` / `us-patent-application` roots, the
publication number, title, abstract text, every claim's text and every description
paragraph/heading text are pulled out with `itertext()`. No whitespace normalisation, no
bibliographic parties, citations or classifications: this is the least a full-text indexer
must do, so it flatters lxml against patdex, which extracts the whole record.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

from lxml import etree  # noqa: E402

PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=True)
ROOTS = {"us-patent-grant", "us-patent-application"}


def text_of(el) -> str:
    return "".join(el.itertext())


def extract(root) -> int:
    bib = root[0] if len(root) else root
    num = root.findtext("*/publication-reference/document-id/doc-number") or ""
    title_el = bib.find("invention-title")
    title = text_of(title_el) if title_el is not None else ""
    abstract_el = root.find("abstract")
    abstract = text_of(abstract_el) if abstract_el is not None else ""
    claims = [text_of(c) for c in root.iterfind("claims/claim")]
    desc = root.find("description")
    paras = []
    if desc is not None:
        for el in desc.iter("p", "heading"):
            paras.append(text_of(el))
    return len(num) + len(title) + len(abstract) + sum(map(len, claims)) + sum(map(len, paras))


def one_pass(files):
    c = harness.Count()
    fromstring = etree.fromstring
    for f in files:
        for doc in harness.split_bytes(f):
            c.docs += 1
            try:
                root = fromstring(doc, PARSER)
            except etree.XMLSyntaxError:
                c.errors += 1
                continue
            if root.tag not in ROOTS:
                c.skipped += 1
                continue
            c.patents += 1
            c.work += extract(root)
    return c


def main():
    args = harness.cli(__doc__)
    raw = harness.load(args.files)
    version = ".".join(map(str, etree.LXML_VERSION)) + " / libxml2 " + ".".join(map(str, etree.LIBXML_VERSION))
    if harness.wanted(args, "lxml"):
        harness.measure("lxml", args.label, raw, lambda r: r, one_pass, args.runs, args.warmup,
                    note="fromstring + title/abstract/claims/description itertext", version=version)


if __name__ == "__main__":
    main()
