#!/usr/bin/env python3
"""Query batches for the engine comparison (benches/compare.sh).

    python3 benches/make_queries.py --text benches/work/compare/text-10k.jsonl \
        --shared ../shared/data/uspto/grant --out benches/work/compare \
        [--keyword 100] [--prior 30] [--seed 1] [--prior-min-words 300] [--prior-max-words 500]

Writes to --out:

* `queries-keyword.tsv`: --keyword queries of 1-3 words drawn from the vocabulary of --text,
  spread over document frequency (df, computed over the JSONL): the log df range from the
  rarest word (df >= 2) to N documents is cut in thirds, rare / mid / common, and a third of the
  words come from each (the generated corpora repeat a pool of real paragraphs, so their
  rarest words have a df of dozens: "rare" is relative to the text).
  Query i has 1 + i % 3 words; the buckets of its words rotate so that every number of words
  meets every bucket. Deterministic for a given --text and --seed.
* `queries-prior.tsv`: up to --prior long queries, one per real grant under --shared (USPTO
  full-text XML v4.x, single documents or concatenated bulk files, searched recursively,
  deduplicated by publication number): the text of claim 1 (`<claim id="CLM-00001">`, tags
  stripped), and when it has fewer than --prior-min-words words, claims 2, 3, ... appended
  until it has; cut at --prior-max-words words. Grants that reach --prior-min-words come
  first (design grants, one short claim each, only fill up), in an order shuffled by --seed.
* `queries-meta.json`: how they were made (df of each keyword word, claim numbers and word
  counts of each prior query).

Query lines are `qid<TAB>text`, text lowercase ASCII words separated by single spaces, each word
once (first occurrence order; the semantics is the OR of the distinct words), no operators.

Words: the text is lowercased and split on anything that is not a letter or a digit (the
analyzer of the comparison); only words of ASCII letters are kept for queries, so that words
with digits (where tokenizers differ most, e.g. "3.5", "h2o") and non-ASCII letters are left
out. Keyword words have at least 3 letters.

Standard library only.
"""
import argparse
import html
import json
import os
import random
import re
import sys

WORD = re.compile(r"[^\W_]+")  # runs of letters and digits (Unicode), after lowercasing


def words(text):
    """Lowercase, split on non-alphanumeric, keep the ASCII-letter words."""
    return [w for w in WORD.findall(text.lower()) if w.isascii() and w.isalpha()]


def distinct(ws):
    seen = set()
    out = []
    for w in ws:
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


# ---------------------------------------------------------------- keyword batch

def document_frequencies(path):
    df = {}
    n = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            doc = json.loads(line)
            n += 1
            for w in set(WORD.findall(doc["contents"].lower())):
                df[w] = df.get(w, 0) + 1
    return n, df


def keyword_batch(n_docs, df, count, rng):
    cands = {w: d for w, d in df.items() if len(w) >= 3 and w.isascii() and w.isalpha() and d >= 2}
    if not cands:
        sys.exit("make_queries: no candidate words in the text")
    # Thirds of the log df range between the rarest candidate and every document.
    lo = min(cands.values())
    step = (max(n_docs, lo + 1) / lo) ** (1 / 3)
    rare_max = int(lo * step)
    mid_max = max(rare_max + 1, int(lo * step * step))
    buckets = {"rare": [], "mid": [], "common": []}
    for w, d in cands.items():
        if d <= rare_max:
            buckets["rare"].append(w)
        elif d <= mid_max:
            buckets["mid"].append(w)
        else:
            buckets["common"].append(w)
    names = ["rare", "mid", "common"]
    for b in names:
        if not buckets[b]:
            sys.exit(f"make_queries: no {b} words (df bounds {rare_max}/{mid_max}); text too small?")
        buckets[b].sort()  # independent of dict order
    queries = []
    meta = []
    k = 0  # rotates over the buckets across all words of all queries
    for i in range(count):
        nw = 1 + i % 3
        chosen = []
        tries = 0
        while len(chosen) < nw:
            b = names[(k + i // 3) % 3]
            w = rng.choice(buckets[b])
            tries += 1
            if w in [c[0] for c in chosen] and tries < 100:
                continue
            chosen.append((w, b))
            k += 1
        qid = f"kw{i + 1:03d}"
        queries.append((qid, " ".join(w for w, _ in chosen)))
        meta.append({"qid": qid, "words": [{"word": w, "bucket": b, "df": df[w]} for w, b in chosen]})
    bounds = {"docs": n_docs, "rare": [lo, rare_max], "mid": [rare_max + 1, mid_max],
              "common": [mid_max + 1, n_docs], "vocabulary": {b: len(buckets[b]) for b in names}}
    return queries, meta, bounds


# ---------------------------------------------------------------- prior-art batch

DOC = re.compile(r"<us-patent-grant\b.*?</us-patent-grant>", re.S)
PUBNO = re.compile(r"<publication-reference>.*?<doc-number>([^<]+)</doc-number>", re.S)
CLAIM = re.compile(r"<claim\b([^>]*)>(.*?)</claim>", re.S)
CLAIM_ID = re.compile(r'\bid="CLM-(\d+)"')
INLINE = re.compile(r"</?(?:b|i|u|o|sub|sup|smallcaps|sub2|sup2)\b[^>]*>")
TAG = re.compile(r"<[^>]+>")


def claim_text(xml):
    return html.unescape(TAG.sub(" ", INLINE.sub("", xml)))


def grants(root):
    """(publication number, [(claim number, text), ...], source file) per grant under root."""
    files = []
    for d, _, fs in os.walk(root):
        files += [os.path.join(d, f) for f in fs if f.lower().endswith(".xml")]
    for path in sorted(files):
        with open(path, encoding="utf-8", errors="replace") as f:
            s = f.read()
        for m in DOC.finditer(s):
            doc = m.group(0)
            p = PUBNO.search(doc)
            if not p:
                continue
            claims = []
            for c in CLAIM.finditer(doc):
                cid = CLAIM_ID.search(c.group(1))
                if cid:
                    claims.append((int(cid.group(1)), claim_text(c.group(2))))
            claims.sort()
            if claims and claims[0][0] == 1:
                yield p.group(1).strip(), claims, os.path.relpath(path, root)


def prior_batch(root, count, min_words, max_words, rng):
    seen = {}
    for pubno, claims, src in grants(root):
        seen.setdefault(pubno, (claims, src))
    long_, short = [], []
    for pubno in sorted(seen):
        claims, src = seen[pubno]
        ws, used = [], []
        for num, text in claims:
            ws += words(text)
            used.append(num)
            if len(ws) >= min_words:
                break
        ws = ws[:max_words]
        entry = (pubno, src, used, len(ws), distinct(ws))
        (long_ if len(ws) >= min_words else short).append(entry)
    rng.shuffle(long_)
    rng.shuffle(short)
    picked = (long_ + short)[:count]
    queries, meta = [], []
    for i, (pubno, src, used, nwords, dws) in enumerate(picked):
        qid = f"pa{i + 1:03d}"
        queries.append((qid, " ".join(dws)))
        meta.append({"qid": qid, "grant": pubno, "file": src, "claims": used,
                     "words": nwords, "distinct_words": len(dws)})
    return queries, meta, {"grants": len(seen), "reaching_min_words": len(long_)}


def write_tsv(path, queries):
    with open(path, "w", encoding="utf-8") as f:
        for qid, text in queries:
            assert "\t" not in text and "\n" not in text and text
            f.write(f"{qid}\t{text}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--text", required=True, help="JSONL {id, contents} (df for the keyword batch)")
    ap.add_argument("--shared", required=True, help="folder of real USPTO grant XML (prior-art batch)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--keyword", type=int, default=100)
    ap.add_argument("--prior", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--prior-min-words", type=int, default=300)
    ap.add_argument("--prior-max-words", type=int, default=500)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)

    n_docs, df = document_frequencies(a.text)
    kq, kmeta, bounds = keyword_batch(n_docs, df, a.keyword, random.Random(a.seed))
    pq, pmeta, pinfo = prior_batch(a.shared, a.prior, a.prior_min_words, a.prior_max_words,
                                   random.Random(a.seed))
    write_tsv(os.path.join(a.out, "queries-keyword.tsv"), kq)
    write_tsv(os.path.join(a.out, "queries-prior.tsv"), pq)
    meta = {"text": os.path.abspath(a.text), "seed": a.seed, "keyword": {"df": bounds, "queries": kmeta},
            "prior": dict(pinfo, min_words=a.prior_min_words, max_words=a.prior_max_words, queries=pmeta)}
    with open(os.path.join(a.out, "queries-meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    dw = [m["distinct_words"] for m in pmeta]
    print(f"make_queries: {len(kq)} keyword queries (df over {n_docs} docs: rare {bounds['rare'][0]}-{bounds['rare'][1]}, "
          f"mid <= {bounds['mid'][1]}), {len(pq)} prior-art queries from {pinfo['grants']} grants "
          f"({min(dw) if dw else 0}-{max(dw) if dw else 0} distinct words) -> {a.out}")


if __name__ == "__main__":
    main()
