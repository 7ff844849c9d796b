"""Peer: lxml (libxml2) building a tree of any patent XML and pulling out all of its text.

For the formats other than USPTO v4 (EPO, DOCDB, CNIPA, ST.32, pap) there is no maintained
parser to compare with, so the peer is the floor of the tree approach in Python: each document
(cut at `<?xml`) is parsed with `etree.fromstring` (no DTD, no network, entities left alone)
and `"".join(root.itertext())` reads every text node once. No fields are told apart, nothing is
normalised: patdex does strictly more work per document. A document lxml refuses (undefined
entities without a DTD, bare `&`) counts as an error, as it would for a real lxml pipeline.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

from lxml import etree  # noqa: E402

PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=True, recover=False)


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
            c.patents += 1
            c.work += len("".join(root.itertext()))
    return c


def main():
    args = harness.cli(__doc__)
    raw = harness.load(args.files)
    version = ".".join(map(str, etree.LXML_VERSION)) + " / libxml2 " + ".".join(map(str, etree.LIBXML_VERSION))
    if harness.wanted(args, "lxml-text"):
        harness.measure("lxml-text", args.label, raw, lambda r: r, one_pass, args.runs, args.warmup,
                        note="fromstring + itertext of the whole document", version=version)


if __name__ == "__main__":
    main()
