//! `patdex guide` on the sample corpus: needs written for known documents must lead to their
//! class and to a query that finds them. The target documents and their classes are read from
//! the raw XML by their titles; every count the guide prints is checked against `patdex search`.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{run_in as run, temp_index};
use serde_json::Value;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/ipg_patdex_sample.xml");
const APPS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/ipa_patdex_sample.zip");
const SAMPLE_SCHEME: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/corpus/classes/cpc-scheme-sample.xml"
);

/// The grant whose title contains `words`: its number as patdex prints it and its CPC
/// symbols, from the raw XML.
fn target(words: &str) -> (String, Vec<String>) {
    let text = std::fs::read_to_string(CORPUS).unwrap();
    let doc = text
        .split("<?xml")
        .find(|d| {
            d.find("<invention-title")
                .map(|i| &d[i..i + d[i..].find("</invention-title>").unwrap()])
                .is_some_and(|t| t.contains(words))
        })
        .unwrap_or_else(|| panic!("no title with {words}"));
    let get = |b: &str, t: &str| -> String {
        let o = format!("<{t}>");
        let a = b.find(&o).unwrap() + o.len();
        b[a..a + b[a..].find('<').unwrap()].to_string()
    };
    let pubref = &doc[doc.find("<publication-reference>").unwrap()..];
    let num = get(pubref, "doc-number");
    let kind = get(pubref, "kind");
    let number = format!("US{}{kind}", num.trim_start_matches('0'));
    let mut cpc = Vec::new();
    let mut rest = doc;
    while let Some(i) = rest.find("<classification-cpc>") {
        let b = &rest[i..];
        cpc.push(format!(
            "{}{}{}{}/{}",
            get(b, "section"),
            get(b, "class"),
            get(b, "subclass"),
            get(b, "main-group"),
            get(b, "subgroup")
        ));
        rest = &rest[i + 20..];
    }
    (number, cpc)
}

fn total(index: &str, query: &str) -> u64 {
    let (out, err, code) = run(index, &["search", query, "--format", "json", "-n", "0"]);
    assert!(code == 0 || code == 1, "{query}: {err}");
    serde_json::from_str::<Value>(&out).unwrap()["total"]
        .as_u64()
        .unwrap()
}

fn numbers(index: &str, query: &str) -> Vec<String> {
    let (out, _, _) = run(index, &["search", query, "--all", "--format", "jsonl"]);
    out.lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["number"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// An index of the whole corpus with the sample scheme imported.
fn corpus_index() -> (tempfile::TempDir, String) {
    let (tmp, index) = temp_index(CORPUS);
    let (_, err, code) = run(&index, &["ingest", "--quiet", APPS]);
    assert_eq!(code, 0, "{err}");
    let (_, err, code) = run(&index, &["classes", "import", SAMPLE_SCHEME]);
    assert_eq!(code, 0, "{err}");
    (tmp, index)
}

#[test]
fn needs_lead_to_the_class_and_the_documents_they_were_written_for() {
    let (_tmp, index) = corpus_index();
    let cases = [
        (
            "an all-solid-state lithium battery with a sulfide solid electrolyte kept under pressure",
            "pressure regulating member",
        ),
        (
            "a steerable catheter whose shaft has a braided reinforcement with varying stiffness",
            "variable-pitch braid",
        ),
        (
            "a vacuum gripper whose suction cups each have a valve and detect a leaking seal",
            "Vacuum gripper with individually valved suction cups",
        ),
    ];
    for (need, title) in cases {
        let (number, cpc) = target(title);
        let (out, err, code) = run(&index, &["guide", need, "--format", "json"]);
        assert_eq!(code, 0, "{need}: {err}");
        let g: Value = serde_json::from_str(&out).unwrap();
        // The best class is one of the target's own (at its level: a subclass, main group or
        // symbol of one of its CPC codes).
        let best = g["classes"][0]["code"].as_str().unwrap().to_string();
        assert!(
            cpc.iter().any(|c| *c == best
                || c.starts_with(&format!("{best}/"))
                || (best.len() == 4 && c.starts_with(&best))),
            "{need}: best class {best}, target has {cpc:?}"
        );
        // The proposed query finds the target, and its count is what search says.
        let query = g["query"].as_str().unwrap();
        assert!(
            numbers(&index, query).contains(&number),
            "{need}: {query} misses {number}"
        );
        assert_eq!(g["hits"].as_u64().unwrap(), total(&index, query), "{query}");
        // Every step's count is the search count of its query; the non-optional steps narrow
        // from broad to narrow.
        let steps = g["steps"].as_array().unwrap();
        let mut last = u64::MAX;
        for s in steps {
            let q = s["query"].as_str().unwrap();
            let hits = s["hits"].as_u64().unwrap();
            assert_eq!(hits, total(&index, q), "{q}");
            assert!(!s["why"].as_str().unwrap().is_empty());
            if !s["optional"].as_bool().unwrap() {
                assert!(hits <= last, "{q}: {hits} after {last}");
                last = hits;
            }
        }
        // Concept counts too.
        for c in g["concepts"].as_array().unwrap() {
            if c["dropped"].as_bool().unwrap() {
                continue;
            }
            let mut q = c["base"].as_str().unwrap().to_string();
            let accepted: Vec<&Value> = c["suggestions"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["accepted"].as_bool().unwrap())
                .collect();
            if accepted.is_empty() {
                assert_eq!(c["hits"].as_u64().unwrap(), total(&index, &q), "{q}");
            }
            for s in c["suggestions"].as_array().unwrap() {
                let text = s["text"].as_str().unwrap();
                assert_eq!(s["hits"].as_u64().unwrap(), total(&index, text), "{text}");
            }
            q.clear();
        }
        // Cross-checks for the public systems are there, in their own syntax.
        let elsewhere = g["elsewhere"].as_array().unwrap();
        assert_eq!(elsewhere.len(), 2);
        assert_eq!(elsewhere[0]["system"], "espacenet");
        assert_eq!(elsewhere[1]["system"], "ppubs");
    }
}

#[test]
fn spellings_truncations_and_warnings_come_from_the_index() {
    let (_tmp, index) = corpus_index();
    let (out, err, code) = run(
        &index,
        &[
            "guide",
            "seawater desalination with a reverse osmosis membrane and zzyzxq",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let g: Value = serde_json::from_str(&out).unwrap();
    let concept = |label: &str| -> Value {
        g["concepts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["label"] == label)
            .unwrap_or_else(|| panic!("no concept {label}: {out}"))
            .clone()
    };
    // "reverse osmosis" is a phrase in this index, not two concepts.
    assert_eq!(concept("reverse osmosis")["base"], "\"reverse osmosis\"");
    // desalination itself does not occur (the corpus writes desalinated, desalinating): the
    // truncation is proposed and taken, and the words it stands for are listed.
    assert_eq!(total(&index, "desalination"), 0);
    let d = concept("desalination");
    let t = d["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "truncation")
        .unwrap()
        .clone();
    assert_eq!(t["text"], "desalin*");
    assert_eq!(t["accepted"], true);
    assert!(
        t["words"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w.as_str().unwrap().starts_with("desalin"))
    );
    assert!(d["hits"].as_u64().unwrap() > 0);
    // A word the index does not have is left out with a warning.
    let z = concept("zzyzxq");
    assert_eq!(z["dropped"], true);
    assert!(
        z["warnings"][0].as_str().unwrap().contains("no hits"),
        "{z}"
    );
    assert!(!g["query"].as_str().unwrap().contains("zzyzxq"));
}

#[test]
fn interactive_answers_change_the_query_and_the_counts() {
    let (_tmp, index) = corpus_index();
    let need = "a robot gripper with soft fingers that grasps fragile objects";
    let (out, _, _) = run(&index, &["guide", need, "--format", "json"]);
    let before: Value = serde_json::from_str(&out).unwrap();
    // Drop the first concept and accept the first class; keep every other default.
    let first_concept = before["concepts"][0]["label"].as_str().unwrap().to_string();
    let n_sugg = before["concepts"][0]["suggestions"]
        .as_array()
        .unwrap()
        .len();
    let mut answers = String::from("n\n");
    for c in before["concepts"].as_array().unwrap().iter().skip(1) {
        if c["hits"].as_u64().unwrap() > 0 {
            answers.push('\n');
        }
        for _ in c["suggestions"].as_array().unwrap() {
            answers.push('\n');
        }
    }
    let _ = n_sugg;
    answers.push_str("y\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_patdex"))
        .args([
            "--index",
            &index,
            "guide",
            need,
            "--interactive",
            "--format",
            "json",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answers.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&o.stdout).to_string();
    let talk = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(o.status.success(), "{talk}");
    // The questions and the running counts on stderr; stdout is the JSON alone.
    assert!(
        talk.contains(&format!("use the concept {first_concept}")),
        "{talk}"
    );
    assert!(talk.contains("→"), "{talk}");
    let after: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(after["concepts"][0]["dropped"], true);
    let q = after["query"].as_str().unwrap();
    let class = after["classes"][0]["clause"].as_str().unwrap();
    assert!(q.ends_with(class), "{q} / {class}");
    assert_eq!(after["hits"].as_u64().unwrap(), total(&index, q));
}

#[test]
fn bad_needs_are_clear_errors() {
    let (_tmp, index) = temp_index(CORPUS);
    let (_, err, code) = run(&index, &["guide", "the and of with"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no words to search for"), "{err}");
    // Operators and quotes in a need are words, not syntax: no query error, no panic.
    let (_, err, code) = run(&index, &["guide", "battery\" AND ( NEAR/ cpc: pd<"]);
    assert!(code == 0 || code == 1, "{err}");
    // No scheme imported: classes come without titles, and the report says how to get them.
    let (out, err, code) = run(&index, &["guide", "solid electrolyte battery"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("patdex classes import"), "{out}");
}
