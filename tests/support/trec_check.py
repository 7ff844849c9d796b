"""Scores a TREC run against TREC qrels with pytrec_eval (trec_eval's own C code), for
tests/trec_eval.rs: prints the mean of each measure over the topics as JSON."""
import json
import sys

import pytrec_eval

qrels, run = {}, {}
with open(sys.argv[1]) as f:
    for line in f:
        topic, _, doc, rel = line.split()
        qrels.setdefault(topic, {})[doc] = int(rel)
with open(sys.argv[2]) as f:
    for line in f:
        topic, _, doc, _, score, _ = line.split()
        run.setdefault(topic, {})[doc] = float(score)
measures = {"map", "P.10", "recall.10", "recall.100", "ndcg_cut.10", "recip_rank"}
per_topic = pytrec_eval.RelevanceEvaluator(qrels, measures).evaluate(run)
names = ["map", "P_10", "recall_10", "recall_100", "ndcg_cut_10", "recip_rank"]
n = len(per_topic)
print(json.dumps({"topics": n, **{m: sum(t[m] for t in per_topic.values()) / n for m in names}}))
