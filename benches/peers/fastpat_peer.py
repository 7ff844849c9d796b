"""Peer: fastpat (PyPI `fastpat`, lxml-based USPTO parser aimed at bibliographic data).

fastpat has no one-document function taking bytes; what it has:

* `fastpat.parse.grant.parse_grant_gen3(elem, fname)`: turns one parsed `us-patent-grant`
  lxml element into a dict (number, dates, title, IPC, citations, first assignee, abstract).
  It does not extract claims or description text (fastpat targets the bibliographic `ipgb`
  files). Measured as `fastpat-gen3`: split at `<?xml`, `etree.fromstring`, `parse_grant_gen3`.
* `fastpat.tools.parse.parse_wrapper(path, 'us-patent-grant', parse_grant_gen3)`: fastpat's
  own weekly-file reader (an `XMLPullParser(recover=True)` fed line by line, skipping the
  `<?xml`/DOCTYPE lines). Measured as `fastpat-stream`, with the module's `open` pointed at
  the in-memory text so nothing is read from disk while timed.

Applications, sequence listings and other roots: `parse_grant_gen3` is grant-only, so
`fastpat-gen3` counts non-grant roots as skipped; `fastpat-stream` only sees grants.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

from lxml import etree  # noqa: E402

import fastpat.tools.parse as fp_tools  # noqa: E402
from fastpat.parse.grant import parse_grant_gen3  # noqa: E402

PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=True)


def work_of(pat) -> int:
    return len(pat.get("patnum", "")) + len(pat.get("title", "")) + len(pat.get("abstract", "")) + len(pat.get("cites", []))


def gen3_pass(files):
    c = harness.Count()
    for f in files:
        for doc in harness.split_bytes(f):
            c.docs += 1
            try:
                root = etree.fromstring(doc, PARSER)
            except etree.XMLSyntaxError:
                c.errors += 1
                continue
            if root.tag != "us-patent-grant":
                c.skipped += 1
                continue
            try:
                pat = parse_grant_gen3(root, "bench")
            except Exception:
                c.errors += 1
                continue
            c.patents += 1
            c.work += work_of(pat)
    return c


def stream_prepare(raw):
    texts = {}
    for i, b in enumerate(raw):
        texts[f"mem{i}.xml"] = b.decode("utf-8", errors="ignore")
    return texts


def stream_pass(texts):
    c = harness.Count()
    # fastpat opens the file with the builtin `open`; serve the in-memory text instead.
    fp_tools.open = lambda path, *a, **k: io.StringIO(texts[path])
    try:
        for path in texts:
            try:
                for pat in fp_tools.parse_wrapper(path, "us-patent-grant", parse_grant_gen3):
                    c.docs += 1
                    c.patents += 1
                    c.work += work_of(pat)
            except Exception as e:  # fastpat stops the file at the first bad document
                c.errors += 1
                print(f"  fastpat-stream: {path}: {type(e).__name__}: {e}", file=sys.stderr)
    finally:
        del fp_tools.open
    return c


def main():
    args = harness.cli(__doc__)
    raw = harness.load(args.files)
    try:
        from importlib.metadata import version

        ver = version("fastpat")
    except Exception:
        ver = ""
    if harness.wanted(args, "fastpat-gen3"):
        harness.measure("fastpat-gen3", args.label, raw, lambda r: r, gen3_pass, args.runs, args.warmup,
                    note="fromstring + parse_grant_gen3 (biblio + abstract only, no claims/description)", version=ver)
    if harness.wanted(args, "fastpat-stream"):
        harness.measure("fastpat-stream", args.label, raw, stream_prepare, stream_pass, args.runs, args.warmup,
                    note="fastpat's own line-fed XMLPullParser reader + parse_grant_gen3 (biblio + abstract only)", version=ver)


if __name__ == "__main__":
    main()
