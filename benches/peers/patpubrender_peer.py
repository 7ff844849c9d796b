"""Peer: patpubrender (a Rust USPTO parser with a Python API, one document per call).

API (from the wheel's __init__.pyi): `patpubrender.parse(xml: str) -> Document` with
`title`, `abstract_text`, `claims[i].text` and bibliographic getters (no description getter:
the description is only reachable through `Document.to_markdown()` /
`patpubrender.parse_to_markdown(xml)`). It takes `str`, so files are decoded to `str`
untimed. Two measurements:

* `patpubrender`      – `parse(doc)` and reading title, abstract and every claim's text;
* `patpubrender-md`   – `parse_to_markdown(doc)`: the only way to get the description text
  out, so the closest to the full-text extraction patdex does (it also renders Markdown).

Documents it rejects (ValueError: sequence listings, unknown formats) count as errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

import patpubrender  # noqa: E402


def prepare(raw):
    return [b.decode("utf-8") for b in raw]


def parse_pass(files):
    c = harness.Count()
    parse = patpubrender.parse
    for f in files:
        for doc in harness.split_str(f):
            c.docs += 1
            try:
                d = parse(doc)
            except ValueError:
                c.errors += 1
                continue
            c.patents += 1
            n = len(d.title or "") + len(d.abstract_text or "")
            for cl in d.claims:
                n += len(cl.text)
            c.work += n
    return c


def markdown_pass(files):
    c = harness.Count()
    render = patpubrender.parse_to_markdown
    for f in files:
        for doc in harness.split_str(f):
            c.docs += 1
            try:
                md = render(doc)
            except ValueError:
                c.errors += 1
                continue
            c.patents += 1
            c.work += len(md)
    return c


def main():
    args = harness.cli(__doc__)
    raw = harness.load(args.files)
    version = getattr(patpubrender, "__version__", "")
    if harness.wanted(args, "patpubrender"):
        harness.measure("patpubrender", args.label, raw, prepare, parse_pass, args.runs, args.warmup,
                    note="parse() + title/abstract/claims getters", version=version)
    if harness.wanted(args, "patpubrender-md"):
        harness.measure("patpubrender-md", args.label, raw, prepare, markdown_pass, args.runs, args.warmup,
                    note="parse_to_markdown(): full text incl. description", version=version)


if __name__ == "__main__":
    main()
