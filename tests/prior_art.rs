//! `patdex prior-art` and `patdex eval` on the bundled sample corpus (no ../shared needed).
//!
//! The corpus has 140 citations between its own documents (corpus/README.md), so
//! `eval --from-citations` has real topics. The expectations here come from the corpus README
//! (families) and from the documents' own dates, not from patdex's output.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::{Command, Stdio};

use common::{patdex, stderr, stdout};
use patdex::index::Layout;
use patdex::index::reader::IndexReader;
use patdex::number::PubNumber;
use serde_json::Value;

fn index() -> (tempfile::TempDir, String) {
    common::corpus_index()
}

fn run_json(args: &[&str]) -> Value {
    let o = patdex(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)))
}

fn metric(report: &Value, config: &str, name: &str) -> f64 {
    report["report"]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == config)
        .unwrap_or_else(|| panic!("no config {config}"))["mean"][name]
        .as_f64()
        .unwrap()
}

#[test]
fn eval_from_citations_beats_plain_bm25_and_never_looks_past_the_cutoff() {
    let (tmp, index) = index();
    let run = tmp.path().join("full.run");
    let v = run_json(&[
        "--index",
        &index,
        "eval",
        "--from-citations",
        "--json",
        "--run",
        run.to_str().unwrap(),
    ]);
    let topics = v["report"]["topics"].as_u64().unwrap();
    assert!(
        topics >= 25,
        "too few topics for a meaningful test: {topics}"
    );
    for r in v["report"]["results"].as_array().unwrap() {
        assert_eq!(r["late"], 0, "{}", r["name"]);
    }
    let (bm25, full) = (metric(&v, "bm25", "ap"), metric(&v, "+cites", "ap"));
    assert!(
        full > bm25 + 0.05,
        "full pipeline MAP {full} vs BM25 {bm25}"
    );
    assert!(metric(&v, "+cites", "ndcg_10") > metric(&v, "bm25", "ndcg_10"));
    assert!(metric(&v, "+cites", "rr") > metric(&v, "bm25", "rr"));
    // Each step on its own: selected terms beat every word of the text.
    assert!(metric(&v, "terms", "ap") > bm25);

    // The run file, checked against the index on its own: TREC format, ranks counting up
    // from 1 per topic, and every ranked document published before its topic's priority date.
    let reader = IndexReader::open(&Layout::new(std::path::Path::new(&index))).unwrap();
    let text = std::fs::read_to_string(&run).unwrap();
    let mut by_topic: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        assert_eq!(f.len(), 6, "{line}");
        assert_eq!(f[1], "Q0");
        assert_eq!(f[5], "patdex-+cites");
        by_topic
            .entry(f[0].to_string())
            .or_default()
            .push((f[3].parse().unwrap(), f[2].to_string()));
    }
    assert_eq!(by_topic.len() as u64, topics);
    let mut checked = 0;
    for (topic, docs) in &by_topic {
        let t = &reader.lookup(&topic.parse::<PubNumber>().unwrap()).unwrap()[0];
        let cutoff = t
            .priority_date
            .expect("every corpus grant has a priority date");
        for (i, (rank, doc)) in docs.iter().enumerate() {
            assert_eq!(*rank, i + 1, "{topic}");
            for d in reader.lookup(&doc.parse::<PubNumber>().unwrap()).unwrap() {
                let pd = d.pub_date.unwrap();
                assert!(
                    pd < cutoff,
                    "{topic} (priority {cutoff}) ranked {doc} of {pd}"
                );
                checked += 1;
            }
            assert_ne!(doc, &t.number.key(), "{topic} ranked itself");
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn prior_art_leaves_out_the_family_and_later_documents() {
    let (_tmp, index) = index();
    // US11950719B2 is a continuation of US10676429B2; its own pre-grant publication is
    // US20200242471A1 (corpus/README.md). Even with the cut-off moved past every corpus date,
    // no family member may appear.
    let v = run_json(&[
        "--index",
        &index,
        "prior-art",
        "--number",
        "US11950719B2",
        "--before",
        "2030-01-01",
        "-n",
        "1000",
        "--format",
        "json",
    ]);
    let found = common::hit_numbers(&v);
    assert!(found.len() > 20, "{}", found.len());
    for member in ["US11950719B2", "US10676429B2", "US20200242471A1"] {
        assert!(
            !found.contains(&member.to_string()),
            "{member} in {found:?}"
        );
    }

    // The same claims as plain text have no family, so the parent (the closest document
    // there is) comes first: the exclusion above is not vacuous.
    let doc = run_json(&["--index", &index, "show", "US11950719B2", "--json"]);
    let mut text = String::from("What is claimed is:\n");
    for c in doc["claims"].as_array().unwrap() {
        text.push_str(&format!(
            "{}. {}\n",
            c["number"],
            c["text"].as_str().unwrap().replace('\n', " ")
        ));
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_patdex"))
        .args([
            "--index",
            &index,
            "prior-art",
            "--text",
            "-",
            "--format",
            "json",
            "-n",
            "5",
        ])
        .env_remove("PATDEX_INDEX")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let found = common::hit_numbers(&v);
    assert!(
        found[..2].contains(&"US11950719B2".to_string())
            && found[..2].contains(&"US10676429B2".to_string()),
        "{found:?}"
    );
    assert!(v["cutoff"].is_null());
}

#[test]
fn prior_art_by_number_uses_the_priority_date_and_shows_evidence() {
    let (_tmp, index) = index();
    let doc = run_json(&["--index", &index, "show", "US11950719B2", "--json"]);
    let priority = doc["priority_date"].as_str().unwrap().to_string();
    let v = run_json(&[
        "--index",
        &index,
        "prior-art",
        "--number",
        "US11950719B2",
        "--format",
        "json",
        "-n",
        "50",
    ]);
    assert_eq!(v["cutoff"].as_str().unwrap(), priority);
    let hits = v["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    let mut ranks = Vec::new();
    for h in hits {
        ranks.push(h["rank"].as_u64().unwrap());
        assert!(h["pub_date"].as_str().unwrap() < priority.as_str(), "{h}");
        // The evidence passage holds the shared key terms it names.
        let ev = &h["evidence"];
        let passage = ev["text"].as_str().unwrap().to_lowercase();
        let shared = ev["shared"].as_array().unwrap();
        for w in shared.iter().filter_map(Value::as_str) {
            let w = w.trim_matches('"');
            // The written form may differ in number (battery, batteries): compare the start.
            let start: String = w.chars().take(5).collect();
            assert!(passage.contains(&start), "{w} not in {passage}");
        }
    }
    let want: Vec<u64> = (1..=hits.len() as u64).collect();
    assert_eq!(ranks, want);
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    let terms: BTreeSet<&str> = v["key_terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["term"].as_str().unwrap())
        .collect();
    // A solid-state battery patent: these words are what it is about, and boilerplate is not.
    for t in ["sulfide", "electrolyte", "cathode"] {
        assert!(terms.contains(t), "{t} not in {terms:?}");
    }
    for t in ["wherein", "comprising", "said", "claim"] {
        assert!(!terms.contains(t), "{t} in {terms:?}");
    }

    // CSV: a header and one row per hit.
    let o = patdex(&[
        "--index",
        &index,
        "prior-art",
        "--number",
        "US11950719B2",
        "--format",
        "csv",
        "-n",
        "7",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    assert_eq!(&r.headers().unwrap()[1], "number");
    assert_eq!(r.records().count(), 7);

    // The table names the cut-off and the evidence.
    let o = patdex(&["--index", &index, "prior-art", "--number", "US11950719B2"]);
    let s = stdout(&o);
    assert!(s.contains(&format!("published before {priority}")), "{s}");
    assert!(s.contains("shares: "), "{s}");
}

#[test]
fn bad_prior_art_and_eval_requests_say_what_to_do() {
    let (tmp, index) = index();
    let cases: &[(&[&str], &str)] = &[
        (
            &["prior-art", "--number", "US1234567B2"],
            "not in the index",
        ),
        (
            &["prior-art", "--number", "US11950719B2", "-n", "1001"],
            "between 1 and 1000",
        ),
        (
            &[
                "prior-art",
                "--number",
                "US11950719B2",
                "--before",
                "2015-13-01",
            ],
            "--before",
        ),
        (
            &[
                "prior-art",
                "--number",
                "US11950719B2",
                "--fields",
                "inventor",
            ],
            "--fields",
        ),
        (
            &["prior-art", "--number", "US11950719B2", "--config", "magic"],
            "unknown configuration",
        ),
        (&["eval"], "--from-citations"),
    ];
    for (args, want) in cases {
        let mut a = vec!["--index", index.as_str()];
        a.extend_from_slice(args);
        let o = patdex(&a);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stdout(&o));
        assert!(stderr(&o).contains(want), "{args:?}: {}", stderr(&o));
    }
    let empty = tmp.path().join("empty.txt");
    std::fs::write(&empty, "\n  \n").unwrap();
    let o = patdex(&[
        "--index",
        &index,
        "prior-art",
        "--text",
        empty.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("empty"), "{}", stderr(&o));

    // A qrels line that is not TREC points at the line.
    let (t, q) = (tmp.path().join("t.tsv"), tmp.path().join("q.txt"));
    std::fs::write(&t, "T1\tsulfide solid electrolyte\n").unwrap();
    std::fs::write(&q, "T1 0 US10676429\n").unwrap();
    let o = patdex(&[
        "--index",
        &index,
        "eval",
        "--topics",
        t.to_str().unwrap(),
        "--qrels",
        q.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("qrels line 1"), "{}", stderr(&o));

    // A topic document that cannot be read stops the evaluation instead of vanishing from it.
    let broken = tmp.path().join("topic.xml");
    std::fs::write(
        &broken,
        "<?xml version=\"1.0\"?>\n<us-patent-grant><broken>",
    )
    .unwrap();
    std::fs::write(&q, "T1 0 US10676429 1\n").unwrap();
    let o = patdex(&[
        "--index",
        &index,
        "eval",
        "--topics",
        broken.to_str().unwrap(),
        "--qrels",
        q.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("could not be read"), "{}", stderr(&o));
}

#[test]
fn eval_with_text_topics_and_qrels_writes_a_run_in_the_qrels_spelling() {
    let (tmp, index) = index();
    let (t, q, run) = (
        tmp.path().join("t.tsv"),
        tmp.path().join("q.txt"),
        tmp.path().join("r.run"),
    );
    // Topic A is a document of the index (its number), topic B a text.
    std::fs::write(
        &t,
        "A\tUS11950719B2\nB\targyrodite sulfide solid electrolyte separator layer for a solid state battery\n",
    )
    .unwrap();
    // Judged documents spelled with a kind code, as a qrels file from elsewhere might.
    std::fs::write(
        &q,
        "A 0 US10676429B2 1\nA 0 US7047976B2 1\nB 0 US10676429B2 1\nC 0 US7047976B2 1\n",
    )
    .unwrap();
    let v = run_json(&[
        "--index",
        &index,
        "eval",
        "--topics",
        t.to_str().unwrap(),
        "--qrels",
        q.to_str().unwrap(),
        "--config",
        "bm25,+cites",
        "--run",
        run.to_str().unwrap(),
        "--json",
    ]);
    // C has no topic; A is a document whose family includes US10676429, which therefore can
    // never be found for it (that judgment is dropped); B (no family, no cut-off) finds it near
    // the top.
    assert_eq!(v["report"]["topics"], 2);
    let text = std::fs::read_to_string(&run).unwrap();
    let rank_of = |topic: &str, doc: &str| {
        text.lines()
            .map(|l| l.split(' ').collect::<Vec<_>>())
            .find(|f| f[0] == topic && f[2] == doc)
            .map(|f| f[3].parse::<usize>().unwrap())
    };
    assert!(
        rank_of("B", "US10676429B2").is_some_and(|r| r <= 3),
        "{text}"
    );
    assert_eq!(rank_of("A", "US10676429B2"), None);
    assert_eq!(rank_of("A", "US10676429"), None);
    assert_eq!(rank_of("A", "US11950719"), None);
    // Spelled as the qrels spell it, even for a topic that does not judge it.
    assert!(rank_of("A", "US7047976B2").is_some(), "{text}");
}

/// The numbers of one configuration's row of the `eval` table.
fn row(table: &str, config: &str) -> Vec<f64> {
    let line = table
        .lines()
        .find(|l| l.trim_start_matches('│').split_whitespace().next() == Some(config))
        .unwrap_or_else(|| panic!("no row {config} in {table}"));
    line.trim_matches(|c| c == '│' || c == ' ')
        .split_whitespace()
        .skip(1)
        .map(|v| v.parse().unwrap())
        .collect()
}

#[test]
fn tab_separated_judgments_on_documents_of_the_index_with_each_cutoff_rule() {
    let (tmp, index) = index();
    let q = tmp.path().join("judgments.tsv");
    // US11950719B2 (priority 2015-12-04, published 2024-04-16) cites US11446052 (published
    // 2022-09-20) and its own parent US10676429; the header is the PatSnap qrels' layout.
    std::fs::write(
        &q,
        "query_id\tdoc_id\trelevance\tcited_doc_is_family_member\n\
         US11950719B2\tUS11446052\t1\tno\n\
         US11950719B2\tUS10676429\t1\tyes\n\
         US11950719B2\tUS9999999\t1\tno\n\
         US1234567\tUS7047976\t1\tno\n",
    )
    .unwrap();
    let eval = |cutoff: &str| {
        patdex(&[
            "--index",
            &index,
            "eval",
            "--qrels",
            q.to_str().unwrap(),
            "--cutoff",
            cutoff,
            "--config",
            "bm25",
        ])
    };
    // Priority cut-off: US11446052 came later, so only the absent US9999999 is left, which no
    // run can find.
    let o = eval("priority");
    let s = stdout(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(s.contains("topics: 1 with 1 judgments"), "{s}");
    assert!(
        s.contains("1 judged documents dropped as published on or after"),
        "{s}"
    );
    assert!(s.contains("1 as family"), "{s}");
    assert!(
        s.contains("1 judged topics are not documents of the index"),
        "{s}"
    );
    assert!(s.contains("1 judged documents are not in the index"), "{s}");
    assert_eq!(row(&s, "bm25")[..6], [0.0; 6], "{s}");
    // Publication cut-off: US11446052 is prior art to the published document.
    let s = stdout(&eval("publication"));
    assert!(s.contains("topics: 1 with 2 judgments"), "{s}");
    assert!(row(&s, "bm25")[0] > 0.0, "{s}");
}

#[test]
fn us_filed_documents_count_from_their_filing_date_in_judgments_and_results() {
    let (tmp, index) = index();
    let (run, qrels) = (tmp.path().join("run"), tmp.path().join("qrels"));
    let eval = |extra: &[&str]| {
        let mut args = vec![
            "--index",
            &index,
            "eval",
            "--from-citations",
            "--config",
            "+cites",
            "--json",
            "--run",
            run.to_str().unwrap(),
            "--write-qrels",
            qrels.to_str().unwrap(),
        ];
        args.extend(extra);
        run_json(&args)
    };
    let plain = eval(&[])["report"]["topics"].as_u64().unwrap();
    let v = eval(&["--us-filed"]);
    let topics = v["report"]["topics"].as_u64().unwrap();
    assert_eq!(v["report"]["results"][0]["late"], 0);
    // Citations of US patents filed before the citing grant's priority date but published
    // after it are judgments now (every corpus document is a US one).
    assert!(
        topics > plain,
        "{topics} topics, {plain} without --us-filed"
    );

    // The judgments and the ranking, checked against the index on their own: each document is
    // published, or filed, before its topic's priority date; some only filed.
    let reader = IndexReader::open(&Layout::new(std::path::Path::new(&index))).unwrap();
    // Whether `doc` is earlier than `topic` by its filing date only.
    let filed_only = |topic: &str, doc: &str| {
        let t = &reader.lookup(&topic.parse::<PubNumber>().unwrap()).unwrap()[0];
        let cutoff = t.priority_date.unwrap();
        let found = reader.lookup(&doc.parse::<PubNumber>().unwrap()).unwrap();
        let published = found.iter().any(|d| d.pub_date.unwrap() < cutoff);
        let filed = found
            .iter()
            .any(|d| d.application.filing_date.unwrap() < cutoff);
        assert!(published || filed, "{topic} (priority {cutoff}): {doc}");
        !published
    };
    let count = |file: &std::path::Path| {
        let text = std::fs::read_to_string(file).unwrap();
        let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split(' ').collect()).collect();
        let by_filing = lines.iter().filter(|f| filed_only(f[0], f[2])).count();
        (by_filing, lines.len())
    };
    let (judged_by_filing, _) = count(&qrels);
    assert!(judged_by_filing > 0, "no judgment needs the filing date");
    let (ranked_by_filing, ranked) = count(&run);
    assert!(
        ranked_by_filing > 0,
        "no ranked document needs the filing date"
    );
    assert!(ranked > 100, "{ranked}");
}

#[test]
fn a_short_text_is_searched_with_all_its_words_a_long_one_with_the_key_terms() {
    let (tmp, index) = index();
    let key_terms = |args: &[&str]| {
        let mut a = vec!["--index", &index, "prior-art", "--format", "json"];
        a.extend(args);
        let v = run_json(&a);
        v["key_terms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["term"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    // A whole grant has hundreds of distinct words: cut to the key terms asked for.
    assert_eq!(
        key_terms(&["--number", "US11950719B2", "--terms", "5"]).len(),
        5
    );
    // Its abstract alone is short: every word that is not a stopword stays, whatever --terms
    // says, common ones included.
    let doc = run_json(&["--index", &index, "show", "US11950719B2", "--json"]);
    let text = tmp.path().join("abstract.txt");
    std::fs::write(&text, doc["abstract"].as_str().unwrap()).unwrap();
    let terms = key_terms(&["--text", text.to_str().unwrap(), "--terms", "5"]);
    assert!(terms.len() > 10, "{terms:?}");
    for t in ["battery", "electrolyte", "layer"] {
        assert!(
            terms.iter().any(|w| w.starts_with(t)),
            "{t} not in {terms:?}"
        );
    }
    for t in ["wherein", "comprising", "the"] {
        assert!(!terms.iter().any(|w| w == t), "{t} in {terms:?}");
    }
}
