//! Retrieval quality measures for prior-art search, as CLEF-IP and NTCIR computed them, and the
//! TREC file formats their tools exchange (so `trec_eval` can check our numbers).
//!
//! A *run* is one ranked list of document identifiers per topic; *judgments* (qrels) say which
//! documents are relevant to a topic. Every measure here is binary: a document is relevant or
//! not. Topics without any relevant document are undefined for every measure and must be left
//! out by the caller (`Judgments::topics` lists only topics with one).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// Relevant documents per topic.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Judgments {
    pub relevant: BTreeMap<String, BTreeSet<String>>,
}

impl Judgments {
    /// Reads TREC qrels: `topic iteration document relevance` per line, whitespace-separated;
    /// relevance above zero counts as relevant. Blank lines and `#` comments are skipped.
    pub fn parse_qrels(text: &str) -> Result<Judgments, String> {
        let mut j = Judgments::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split_whitespace().collect();
            let [topic, _, doc, rel] = f[..] else {
                return Err(format!(
                    "qrels line {}: expected `topic iteration document relevance`, got `{line}`",
                    n + 1
                ));
            };
            let rel: i64 = rel.parse().map_err(|_| {
                format!(
                    "qrels line {}: relevance `{rel}` is not a whole number",
                    n + 1
                )
            })?;
            let docs = j.relevant.entry(topic.to_string()).or_default();
            if rel > 0 {
                docs.insert(doc.to_string());
            }
        }
        j.relevant.retain(|_, d| !d.is_empty());
        Ok(j)
    }

    /// Reads judgments in either format: TREC qrels, or a tab-separated file whose header
    /// names `query_id`, `doc_id` and `relevance` columns (other columns are ignored, except
    /// that rows whose `cited_doc_is_family_member` is `yes` are dropped: a family member is not
    /// prior art). Returns the judgments and how many rows were dropped as family.
    ///
    /// A third format is a plain list, one document per line (as course and competition
    /// judgments often come): all relevant, for the topic named by `name` up to its first `-`
    /// (`q1-qrels+ve.txt` judges topic `q1`).
    pub fn parse_any(text: &str, name: &str) -> Result<(Judgments, usize), String> {
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let is_list = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .all(|l| l.split_whitespace().count() == 1);
        if is_list && !first.is_empty() {
            let topic = name.split('-').next().unwrap_or(name).trim();
            let docs: BTreeSet<String> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect();
            let mut j = Judgments::default();
            j.relevant.insert(topic.to_string(), docs);
            return Ok((j, 0));
        }
        if !(first.contains('\t') && first.split('\t').any(|c| c.trim() == "query_id")) {
            return Judgments::parse_qrels(text).map(|j| (j, 0));
        }
        let header: Vec<&str> = first.split('\t').map(str::trim).collect();
        let col = |name: &str| header.iter().position(|c| *c == name);
        let (Some(q), Some(d)) = (col("query_id"), col("doc_id")) else {
            return Err("tab-separated judgments need `query_id` and `doc_id` columns".into());
        };
        let (rel, fam) = (col("relevance"), col("cited_doc_is_family_member"));
        let mut j = Judgments::default();
        let mut family = 0;
        for (n, line) in text.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            let (Some(topic), Some(doc)) = (f.get(q), f.get(d)) else {
                return Err(format!(
                    "judgments line {}: fewer columns than the header",
                    n + 1
                ));
            };
            if fam.and_then(|i| f.get(i)) == Some(&"yes") {
                family += 1;
                continue;
            }
            let relevant = match rel.and_then(|i| f.get(i)) {
                Some(r) => {
                    r.parse::<i64>().map_err(|_| {
                        format!(
                            "judgments line {}: relevance `{r}` is not a whole number",
                            n + 1
                        )
                    })? > 0
                }
                None => true,
            };
            let docs = j.relevant.entry(topic.to_string()).or_default();
            if relevant {
                docs.insert(doc.to_string());
            }
        }
        j.relevant.retain(|_, d| !d.is_empty());
        Ok((j, family))
    }

    /// Topics with at least one relevant document.
    pub fn topics(&self) -> impl Iterator<Item = &str> {
        self.relevant.keys().map(String::as_str)
    }
}

/// Formats one topic's ranking as TREC run lines: `topic Q0 document rank score tag`.
pub fn trec_run_lines(topic: &str, ranked: &[(String, f32)], tag: &str) -> String {
    let mut s = String::new();
    for (i, (doc, score)) in ranked.iter().enumerate() {
        let _ = writeln!(s, "{topic} Q0 {doc} {} {score:.6} {tag}", i + 1);
    }
    s
}

/// 1-based ranks of the relevant documents found in `ranked`, ascending.
fn relevant_ranks(ranked: &[String], relevant: &BTreeSet<String>) -> Vec<usize> {
    let mut seen = BTreeSet::new();
    ranked
        .iter()
        .enumerate()
        // A document listed twice counts once, at its first rank.
        .filter(|(_, d)| relevant.contains(*d) && seen.insert(d.as_str()))
        .map(|(i, _)| i + 1)
        .collect()
}

/// Share of the first `k` ranks that hold a relevant document (an unfilled rank counts as not
/// relevant, as trec_eval counts it).
pub fn precision_at(ranked: &[String], relevant: &BTreeSet<String>, k: usize) -> f64 {
    if k == 0 {
        return 0.0;
    }
    let found = relevant_ranks(ranked, relevant)
        .iter()
        .filter(|&&r| r <= k)
        .count();
    found as f64 / k as f64
}

/// Share of the relevant documents in the first `k`.
pub fn recall_at(ranked: &[String], relevant: &BTreeSet<String>, k: usize) -> f64 {
    if relevant.is_empty() {
        return 0.0;
    }
    let found = relevant_ranks(ranked, relevant)
        .iter()
        .filter(|&&r| r <= k)
        .count();
    found as f64 / relevant.len() as f64
}

/// Average precision: the mean, over all relevant documents, of the precision at the rank where
/// each is found (zero for those never found). MAP is its mean over topics.
pub fn average_precision(ranked: &[String], relevant: &BTreeSet<String>) -> f64 {
    if relevant.is_empty() {
        return 0.0;
    }
    let sum: f64 = relevant_ranks(ranked, relevant)
        .iter()
        .enumerate()
        .map(|(i, &r)| (i + 1) as f64 / r as f64)
        .sum();
    sum / relevant.len() as f64
}

/// PRES (Magdy and Jones, SIGIR 2010): normalised recall over the first `n_max` results, a
/// searcher's effort bound. With `n` relevant documents at ranks `r_i`,
/// `PRES = 1 - (Σ r_i / n - (n + 1) / 2) / n_max`, where relevant documents not found in the
/// first `n_max` count as ranked right after it: the `i`-th relevant document in rank order,
/// when missing, at `n_max + i`. 1 when all relevant documents come first, 0 when none is found
/// in the first `n_max`; with recall R it lies between R - n R² / n_max and R.
pub fn pres(ranked: &[String], relevant: &BTreeSet<String>, n_max: usize) -> f64 {
    let n = relevant.len();
    if n == 0 || n_max == 0 {
        return 0.0;
    }
    let found: Vec<usize> = relevant_ranks(ranked, relevant)
        .into_iter()
        .filter(|&r| r <= n_max)
        .collect();
    let missing = (found.len() + 1..=n).map(|i| n_max + i);
    let sum: usize = found.iter().copied().chain(missing).sum();
    let n = n as f64;
    1.0 - (sum as f64 / n - (n + 1.0) / 2.0) / n_max as f64
}

/// nDCG at `k` with binary gains: `Σ 1 / log2(rank + 1)` over relevant documents in the first
/// `k`, divided by the same sum for the ideal ranking (all relevant documents first).
pub fn ndcg_at(ranked: &[String], relevant: &BTreeSet<String>, k: usize) -> f64 {
    if relevant.is_empty() || k == 0 {
        return 0.0;
    }
    let gain = |rank: usize| 1.0 / ((rank + 1) as f64).log2();
    let dcg: f64 = relevant_ranks(ranked, relevant)
        .into_iter()
        .filter(|&r| r <= k)
        .map(gain)
        .sum();
    let ideal: f64 = (1..=relevant.len().min(k)).map(gain).sum();
    dcg / ideal
}

/// Reciprocal rank of the first relevant document (0 when none is found): MRR is its mean.
pub fn reciprocal_rank(ranked: &[String], relevant: &BTreeSet<String>) -> f64 {
    relevant_ranks(ranked, relevant)
        .first()
        .map_or(0.0, |&r| 1.0 / r as f64)
}

/// The measures `patdex eval` reports for one topic.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct TopicScores {
    pub p_10: f64,
    pub recall_10: f64,
    pub recall_100: f64,
    pub ap: f64,
    pub pres_100: f64,
    pub ndcg_10: f64,
    /// Reciprocal rank (MRR as a mean).
    pub rr: f64,
}

impl TopicScores {
    pub fn of(ranked: &[String], relevant: &BTreeSet<String>) -> TopicScores {
        TopicScores {
            p_10: precision_at(ranked, relevant, 10),
            recall_10: recall_at(ranked, relevant, 10),
            recall_100: recall_at(ranked, relevant, 100),
            ap: average_precision(ranked, relevant),
            pres_100: pres(ranked, relevant, 100),
            ndcg_10: ndcg_at(ranked, relevant, 10),
            rr: reciprocal_rank(ranked, relevant),
        }
    }

    /// The mean of each measure over topics (MAP for `ap`).
    pub fn mean(all: &[TopicScores]) -> TopicScores {
        if all.is_empty() {
            return TopicScores::default();
        }
        let n = all.len() as f64;
        let sum = |f: fn(&TopicScores) -> f64| all.iter().map(f).sum::<f64>() / n;
        TopicScores {
            p_10: sum(|s| s.p_10),
            recall_10: sum(|s| s.recall_10),
            recall_100: sum(|s| s.recall_100),
            ap: sum(|s| s.ap),
            pres_100: sum(|s| s.pres_100),
            ndcg_10: sum(|s| s.ndcg_10),
            rr: sum(|s| s.rr),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(docs: &[&str]) -> Vec<String> {
        docs.iter().map(|d| d.to_string()).collect()
    }

    fn rel(docs: &[&str]) -> BTreeSet<String> {
        docs.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn tab_separated_judgments_with_a_header() {
        let tsv = "query_id\tdoc_id\trelevance\tcited_doc_is_family_member\n\
                   US1\tUS9\t1\tno\nUS1\tEP5A1\t1\tyes\nUS2\tUS8\t0\tno\nUS3\tUS7\t1\tno\n";
        let (j, family) = Judgments::parse_any(tsv, "j.tsv").unwrap();
        assert_eq!(family, 1);
        assert_eq!(j.topics().collect::<Vec<_>>(), vec!["US1", "US3"]);
        assert_eq!(j.relevant["US1"], rel(&["US9"]));
        // TREC qrels still read as TREC.
        let (t, _) = Judgments::parse_any("T1 0 D1 1\n", "x").unwrap();
        assert_eq!(t.relevant["T1"], rel(&["D1"]));
        assert!(Judgments::parse_any("query_id\tdocument\nA\tB\n", "x").is_err());
        // A list judges the topic its file is named after.
        let (l, _) = Judgments::parse_any("US5253080\n\nEP1918442A2\n", "q1-qrels+ve.txt").unwrap();
        assert_eq!(l.relevant["q1"], rel(&["US5253080", "EP1918442A2"]));
    }

    #[test]
    fn precision_counts_unfilled_ranks_as_misses() {
        // Relevant at ranks 1 and 3 of a 4-document run: P@2 = 1/2, P@10 = 2/10.
        let r = run(&["a", "x", "b", "y"]);
        assert!(close(precision_at(&r, &rel(&["a", "b", "c"]), 2), 0.5));
        assert!(close(precision_at(&r, &rel(&["a", "b", "c"]), 10), 0.2));
        assert!(close(precision_at(&r, &rel(&["a"]), 0), 0.0));
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    // The examples below were worked by hand from the definitions; each comment shows the sum.

    #[test]
    fn recall_and_average_precision() {
        // Relevant a, b, c; found at ranks 1 and 3 (c missing).
        let r = run(&["a", "x", "b", "y"]);
        let j = rel(&["a", "b", "c"]);
        assert!(close(recall_at(&r, &j, 1), 1.0 / 3.0));
        assert!(close(recall_at(&r, &j, 2), 1.0 / 3.0));
        assert!(close(recall_at(&r, &j, 10), 2.0 / 3.0));
        // AP = (1/1 + 2/3 + 0) / 3 = 5/9.
        assert!(close(average_precision(&r, &j), 5.0 / 9.0));
        // A duplicate does not count twice.
        let r = run(&["x", "a", "a"]);
        assert!(close(
            average_precision(&r, &rel(&["a", "b"])),
            (1.0 / 2.0) / 2.0
        ));
        assert!(close(reciprocal_rank(&r, &rel(&["a"])), 0.5));
        assert!(close(reciprocal_rank(&r, &rel(&["z"])), 0.0));
    }

    #[test]
    fn pres_by_hand() {
        let j = rel(&["a", "b"]);
        // n = 2, ranks 1 and 3: Σr/n = 2, minus (n+1)/2 = 1.5 → 0.5; 1 - 0.5/10 = 0.95.
        assert!(close(pres(&run(&["a", "x", "b"]), &j, 10), 0.95));
        // Ranks 1 and 2: perfect.
        assert!(close(pres(&run(&["b", "a"]), &j, 10), 1.0));
        // One at rank 2, the other missing at 10 + 2 = 12: 14/2 - 1.5 = 5.5 → 1 - 0.55 = 0.45.
        assert!(close(pres(&run(&["x", "a"]), &j, 10), 0.45));
        // None found: ranks 11 and 12: 11.5 - 1.5 = 10 → 0.
        assert!(close(pres(&run(&["x"]), &j, 10), 0.0));
        // Found, but after n_max, counts as missing: `b` at 12 > 10.
        let late: Vec<String> = (0..11)
            .map(|i| format!("x{i}"))
            .chain(["b".to_string()])
            .collect();
        assert!(close(pres(&late, &j, 10), 0.0));
        // Recall R with the found documents first gives exactly R: n = 4, found 2 at ranks 1, 2,
        // missing at 13 and 14: Σ = 30, 7.5 - 2.5 = 5 → 1 - 5/10 = 0.5.
        let j4 = rel(&["a", "b", "c", "d"]);
        assert!(close(pres(&run(&["a", "b"]), &j4, 10), 0.5));
    }

    #[test]
    fn ndcg_by_hand() {
        let j = rel(&["a", "b"]);
        // Relevant at ranks 1 and 3: DCG = 1 + 1/log2(4) = 1.5; ideal 1 + 1/log2(3).
        let ideal = 1.0 + 1.0 / 3f64.log2();
        assert!(close(ndcg_at(&run(&["a", "x", "b"]), &j, 10), 1.5 / ideal));
        // k = 2 cuts `b` off: DCG = 1, ideal over min(n, k) = 2 positions.
        assert!(close(ndcg_at(&run(&["a", "x", "b"]), &j, 2), 1.0 / ideal));
        assert!(close(ndcg_at(&run(&["b", "a"]), &j, 10), 1.0));
        assert!(close(ndcg_at(&run(&["x"]), &j, 10), 0.0));
    }

    #[test]
    fn means_over_topics() {
        let a = TopicScores::of(&run(&["a"]), &rel(&["a"]));
        let b = TopicScores::of(&run(&["x"]), &rel(&["a"]));
        let m = TopicScores::mean(&[a, b]);
        assert!(close(m.ap, 0.5) && close(m.recall_10, 0.5) && close(m.pres_100, 0.5));
        assert!(close(m.ndcg_10, 0.5));
    }

    #[test]
    fn trec_formats() {
        let j = Judgments::parse_qrels(
            "# topic iter doc rel\nT1 0 US1B2 1\nT1 0 US2B2 0\n\nT2 0 US3B2 2\nT3 0 US4B2 0\n",
        )
        .unwrap();
        assert_eq!(j.topics().collect::<Vec<_>>(), vec!["T1", "T2"]);
        assert_eq!(j.relevant["T1"], rel(&["US1B2"]));
        let e = Judgments::parse_qrels("T1 0 US1B2\n").unwrap_err();
        assert!(e.contains("line 1"), "{e}");
        assert!(Judgments::parse_qrels("T1 0 US1B2 yes").is_err());
        let lines = trec_run_lines(
            "T1",
            &[("US1B2".into(), 2.5), ("US9B1".into(), 1.0)],
            "bm25",
        );
        assert_eq!(
            lines,
            "T1 Q0 US1B2 1 2.500000 bm25\nT1 Q0 US9B1 2 1.000000 bm25\n"
        );
    }
}
