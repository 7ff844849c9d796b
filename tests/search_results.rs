//! What `patdex search` returns besides the hit set: sort orders, paging, `--all`, facets over
//! the whole result set, and highlighted snippets (JSON offsets, brackets without a terminal).
//! Runs on the bundled sample corpus (no ../shared needed). Facet counts are checked against
//! counts taken from the raw XML by plain string search, not through patdex's parser.

mod common;

use std::collections::BTreeMap;

use common::{patdex, stderr, stdout};
use serde_json::Value;

const GRANTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/ipg_patdex_sample.xml");

fn index() -> (tempfile::TempDir, String) {
    common::temp_index(GRANTS)
}

fn json(index: &str, args: &[&str]) -> Value {
    let mut a = vec!["--index", index, "search"];
    a.extend_from_slice(args);
    a.extend_from_slice(&["--format", "json"]);
    let o = patdex(&a);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The text between the first `<tag>` and `</tag>` after `from` in `doc`.
fn between<'a>(doc: &'a str, from: usize, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let s = doc[from..].find(&open)? + from + open.len();
    let e = doc[s..].find(&close)? + s;
    Some(&doc[s..e])
}

/// Publication year of every grant in the corpus file with a CPC symbol in subclass `sub`
/// (e.g. "H01M"), read from the raw XML.
fn years_with_cpc_subclass(sub: &str) -> BTreeMap<String, u64> {
    let xml = std::fs::read_to_string(GRANTS).unwrap();
    let mut out = BTreeMap::new();
    for doc in xml.split("<?xml").skip(1) {
        let pubref = doc.find("<publication-reference>").unwrap();
        let date = between(doc, pubref, "date").unwrap();
        let Some(cpcs) = doc.find("<classifications-cpc>") else {
            continue;
        };
        let end = doc.find("</classifications-cpc>").unwrap();
        let mut at = cpcs;
        let mut found = false;
        while let Some(i) = doc[at..end].find("<classification-cpc>") {
            let c = at + i;
            let code = format!(
                "{}{}{}",
                between(doc, c, "section").unwrap(),
                between(doc, c, "class").unwrap(),
                between(doc, c, "subclass").unwrap()
            );
            found |= code == sub;
            at = c + 1;
        }
        if found {
            *out.entry(date[..4].to_string()).or_default() += 1;
        }
    }
    out
}

#[test]
fn sorting_paging_all_facets_and_snippets() {
    let (_tmp, index) = index();

    // Sort orders: scores fall by relevance; dates rise with `pd`, fall with `pd:desc`.
    for (sort, check) in [
        ("relevance", "score"),
        ("pd", "date-asc"),
        ("pd:desc", "date-desc"),
    ] {
        let v = json(&index, &["battery OR membrane", "--all", "--sort", sort]);
        let hits = v["hits"].as_array().unwrap();
        assert!(hits.len() > 5, "{sort}");
        for w in hits.windows(2) {
            let ok = match check {
                "score" => w[0]["score"].as_f64() >= w[1]["score"].as_f64(),
                "date-asc" => w[0]["date"].as_str() <= w[1]["date"].as_str(),
                _ => w[0]["date"].as_str() >= w[1]["date"].as_str(),
            };
            assert!(ok, "{sort}: {} then {}", w[0], w[1]);
        }
    }

    // Paging is a window on the full ordered list; the total is exact and the same.
    let all = json(&index, &["battery OR membrane", "--all"]);
    let all_n = common::hit_numbers(&all);
    assert_eq!(all["total"].as_u64().unwrap() as usize, all_n.len());
    let page = json(&index, &["battery OR membrane", "-n", "3", "--offset", "3"]);
    assert_eq!(common::hit_numbers(&page), all_n[3..6].to_vec());
    assert_eq!(page["total"], all["total"]);
    assert_eq!(page["hits"][0]["rank"], 4);
    let o = patdex(&[
        "--index",
        &index,
        "search",
        "battery OR membrane",
        "--all",
        "--format",
        "jsonl",
    ]);
    assert_eq!(stdout(&o).lines().count(), all_n.len());

    // Facets count the whole result set, not the page.
    let v = json(&index, &["cpc:H01M", "-n", "1", "--facet", "year,cpc"]);
    let want = years_with_cpc_subclass("H01M");
    let total: u64 = want.values().sum();
    assert!(
        want.len() > 1,
        "the corpus has H01M grants in several years: {want:?}"
    );
    assert_eq!(v["total"].as_u64().unwrap(), total);
    let facets = v["facets"].as_array().unwrap();
    let year: BTreeMap<String, u64> = facets[0]["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_string(), p[1].as_u64().unwrap()))
        .collect();
    assert_eq!(year, want);
    // Every hit has an H01M symbol, so the subclass facet counts all of them.
    let cpc = &facets[1]["values"];
    let h01m = cpc
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p[0] == "H01M")
        .unwrap();
    assert_eq!(h01m[1].as_u64().unwrap(), total);
    assert!(
        cpc.as_array()
            .unwrap()
            .iter()
            .all(|p| p[0].as_str().unwrap().len() == 4)
    );
    let o = patdex(&["--index", &index, "search", "battery", "--facet", "colour"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("facets are cpc"), "{}", stderr(&o));

    // Snippets: JSON offsets point at the matched words; a phrase is one highlight.
    let v = json(&index, &["\"solid electrolyte\"", "--all"]);
    assert!(v["hits"].as_array().unwrap().len() >= 3);
    for h in v["hits"].as_array().unwrap() {
        let s = &h["snippet"];
        let text = s["text"].as_str().unwrap();
        let marks = s["highlights"].as_array().unwrap();
        assert!(!marks.is_empty(), "{h}");
        for m in marks {
            let (a, b) = (
                m[0].as_u64().unwrap() as usize,
                m[1].as_u64().unwrap() as usize,
            );
            let w = text[a..b].to_lowercase();
            assert!(
                w.starts_with("solid electrolyte"),
                "{} highlights `{w}` in {text}",
                h["number"]
            );
        }
    }
    // Proximity highlights the words of the match only.
    let v = json(&index, &["(sulfide OR oxide) NEAR/3 electrolyte*", "--all"]);
    assert!(v["hits"].as_array().unwrap().len() >= 3);
    for h in v["hits"].as_array().unwrap() {
        let s = &h["snippet"];
        let text = s["text"].as_str().unwrap();
        for m in s["highlights"].as_array().unwrap() {
            let (a, b) = (
                m[0].as_u64().unwrap() as usize,
                m[1].as_u64().unwrap() as usize,
            );
            let w = text[a..b].to_lowercase();
            assert!(
                w.split([' ', '-'])
                    .all(|x| x == "sulfide" || x == "oxide" || x.starts_with("electrolyte")),
                "{} highlights `{w}`",
                h["number"]
            );
        }
    }
    // Without a terminal: brackets, no colour codes.
    let o = patdex(&[
        "--index",
        &index,
        "search",
        "\"solid electrolyte\"",
        "-n",
        "2",
    ]);
    let out = stdout(&o);
    assert!(out.to_lowercase().contains("[solid electrolyte]"), "{out}");
    assert!(!out.contains('\x1b'), "{out}");

    // A class or date search has nothing to highlight.
    let v = json(&index, &["cpc:H01M", "-n", "1"]);
    assert!(v["hits"][0].get("snippet").is_none());
}
