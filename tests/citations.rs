//! `patdex citations` against citations read independently from the raw XML.
//!
//! The corpus tests scan each document's raw text for `<us-citation>`/`<citation>` elements
//! (`<patcit>` country and doc-number, `<category>`, `<nplcit>`) with plain string search, not
//! with patdex's parser, normalise the numbers with a few lines written here, and compare every
//! document's backward and forward lists (and their second generation) with what the command
//! prints. corpus/README.md says how many citations link corpus documents (140, from 64 citing
//! grants, four of them citing applications). The real-data test checks grants of three DTD
//! versions, whose citations point outside the collection.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Read;
use std::path::Path;

use common::{patdex, stderr, stdout};
use patdex::names;
use serde_json::Value;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");

// ---------------------------------------------------------------------------------------------
// Reading raw XML with string search.

/// The text of the first `<name>…</name>` (or `<name attr…>…</name>`) in `s`.
fn tag<'a>(s: &'a str, name: &str) -> Option<&'a str> {
    blocks(s, name).into_iter().next()
}

/// The contents of every `<name>` or `<name …>` element in `s` (not nested in itself).
fn blocks<'a>(s: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = s[at..].find(&open) {
        let start = at + i + open.len();
        let next = s.as_bytes().get(start).copied();
        if !matches!(next, Some(b'>' | b' ' | b'\n' | b'\t' | b'\r')) {
            at = start;
            continue;
        }
        let body = start + s[start..].find('>').unwrap() + 1;
        let end = body + s[body..].find(&close).unwrap();
        out.push(&s[body..end]);
        at = end + close.len();
    }
    out
}

/// A number key written independently of patdex: letters and digits only, upper case, the
/// series letters kept, leading zeros of the digits dropped, the country in front.
fn key(country: &str, number: &str) -> String {
    let s: String = number
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_uppercase();
    let series = s.chars().take_while(char::is_ascii_alphabetic).count();
    format!(
        "{}{}{}",
        country.trim().to_ascii_uppercase(),
        &s[..series],
        s[series..].trim_start_matches('0')
    )
}

#[derive(Debug, Clone)]
enum RawCit {
    Patent {
        country: String,
        number: String,
        kind: String,
        category: String,
    },
    Npl {
        category: String,
    },
}

#[derive(Debug, Clone)]
struct RawDoc {
    /// `US7047976B2`.
    id: String,
    key: String,
    cits: Vec<RawCit>,
}

impl RawDoc {
    fn cited_keys(&self) -> impl Iterator<Item = String> + '_ {
        self.cits.iter().filter_map(|c| match c {
            RawCit::Patent {
                country, number, ..
            } => Some(key(country, number)),
            RawCit::Npl { .. } => None,
        })
    }
}

fn raw_doc(xml: &str) -> RawDoc {
    let pubref = tag(xml, "publication-reference").expect("publication-reference");
    let (cc, num, kind) = (
        tag(pubref, "country").unwrap().trim(),
        tag(pubref, "doc-number").unwrap().trim(),
        tag(pubref, "kind").unwrap_or("").trim(),
    );
    let refs = tag(xml, "us-references-cited")
        .or_else(|| tag(xml, "references-cited"))
        .unwrap_or("");
    let mut cits = Vec::new();
    for name in ["us-citation", "citation"] {
        for c in blocks(refs, name) {
            let category = tag(c, "category").unwrap_or("").trim().to_string();
            if let Some(p) = tag(c, "patcit") {
                cits.push(RawCit::Patent {
                    country: tag(p, "country").unwrap_or("").trim().to_string(),
                    number: tag(p, "doc-number").unwrap_or("").trim().to_string(),
                    kind: tag(p, "kind").unwrap_or("").trim().to_string(),
                    category,
                });
            } else if tag(c, "nplcit").is_some() {
                cits.push(RawCit::Npl { category });
            }
        }
    }
    RawDoc {
        id: format!("{}{kind}", key(cc, num)),
        key: key(cc, num),
        cits,
    }
}

/// Splits a concatenated file into documents at each `<?xml`.
fn split(text: &str) -> Vec<String> {
    text.split("<?xml")
        .filter(|d| d.contains("publication-reference"))
        .map(|d| format!("<?xml{d}"))
        .collect()
}

/// Every corpus document, raw.
fn corpus() -> Vec<RawDoc> {
    let grants = std::fs::read_to_string(Path::new(CORPUS).join("ipg_patdex_sample.xml")).unwrap();
    let zip = std::fs::File::open(Path::new(CORPUS).join("ipa_patdex_sample.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(zip).unwrap();
    let mut apps = String::new();
    zip.by_name("ipa_patdex_sample.xml")
        .unwrap()
        .read_to_string(&mut apps)
        .unwrap();
    let docs: Vec<RawDoc> = split(&grants)
        .iter()
        .chain(split(&apps).iter())
        .map(|d| raw_doc(d))
        .collect();
    assert_eq!(
        docs.len(),
        74 + 9,
        "corpus/README.md: 74 grants, 9 applications"
    );
    docs
}

// ---------------------------------------------------------------------------------------------
// Running the command.

fn run(args: &[&str]) -> (i32, Value) {
    let o = patdex(args);
    let code = o.status.code().unwrap_or(-1);
    assert!(code == 0 || code == 1, "{args:?}: {}", stderr(&o));
    let v = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", stdout(&o)));
    (code, v)
}

fn report(index: &str, number: &str, extra: &[&str]) -> Value {
    let mut args = vec!["--index", index, "citations", number, "--format", "json"];
    args.extend(extra);
    run(&args).1
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

fn numbers(list: &Value) -> BTreeSet<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| c["number"].as_str().unwrap().to_string())
        .collect()
}

/// What the corpus says about one document, computed from the raw documents.
struct Expected {
    /// (key, category, in corpus) per patent citation, in order.
    backward: Vec<(String, String, bool)>,
    npl: Vec<String>,
    forward: BTreeSet<String>,
    /// Second generation: number → via (ids of first-generation documents).
    backward2: BTreeMap<String, BTreeSet<String>>,
    forward2: BTreeMap<String, BTreeSet<String>>,
}

fn expected(docs: &[RawDoc], root: &RawDoc) -> Expected {
    let by_key: HashMap<&str, &RawDoc> = docs.iter().map(|d| (d.key.as_str(), d)).collect();
    let mut backward = Vec::new();
    let mut npl = Vec::new();
    for c in &root.cits {
        match c {
            RawCit::Patent {
                country,
                number,
                category,
                ..
            } => {
                let k = key(country, number);
                let in_corpus = by_key.contains_key(k.as_str());
                backward.push((k, category.clone(), in_corpus));
            }
            RawCit::Npl { category } => npl.push(category.clone()),
        }
    }
    let cites = |d: &RawDoc, k: &str| d.cited_keys().any(|c| c == k);
    let forward: BTreeSet<String> = docs
        .iter()
        .filter(|d| d.key != root.key && cites(d, &root.key))
        .map(|d| d.id.clone())
        .collect();
    let first_keys: BTreeSet<String> = backward.iter().map(|b| b.0.clone()).collect();
    let mut backward2: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for k in &first_keys {
        if let Some(d) = by_key.get(k.as_str()) {
            for c in d.cited_keys() {
                if c != root.key && !first_keys.contains(&c) {
                    backward2.entry(c).or_default().insert(d.id.clone());
                }
            }
        }
    }
    let first_citing: Vec<&RawDoc> = docs.iter().filter(|d| forward.contains(&d.id)).collect();
    let mut forward2: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for d in docs {
        if d.key == root.key || forward.contains(&d.id) {
            continue;
        }
        for f in &first_citing {
            if cites(d, &f.key) {
                forward2
                    .entry(d.id.clone())
                    .or_default()
                    .insert(f.id.clone());
            }
        }
    }
    Expected {
        backward,
        npl,
        forward,
        backward2,
        forward2,
    }
}

fn via_map(list: &Value) -> BTreeMap<String, BTreeSet<String>> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["number"].as_str().unwrap().to_string(),
                strs(&c["via"]).into_iter().collect(),
            )
        })
        .collect()
}

#[test]
fn every_corpus_document_matches_its_raw_citations_both_ways_and_two_generations() {
    let docs = corpus();
    let (_tmp, index) = common::corpus_index();
    let mut links = 0;
    let mut raw_links = 0;
    let mut citing_docs = BTreeSet::new();
    let mut citing_applications = BTreeSet::new();
    for d in &docs {
        let want = expected(&docs, d);
        let v = report(&index, &d.id, &["--depth", "2", "--limit", "0"]);
        assert_eq!(v["number"], d.id.as_str());
        assert_eq!(v["in_index"], true, "{}", d.id);
        let got: Vec<(String, String, bool)> = v["backward"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["number"].as_str().unwrap().to_string(),
                    c["category"].as_str().unwrap().to_string(),
                    c["in_index"].as_bool().unwrap(),
                )
            })
            .collect();
        assert_eq!(got, want.backward, "backward of {}", d.id);
        // A cited document of the corpus comes with its title.
        for c in v["backward"].as_array().unwrap() {
            assert_eq!(
                c["in_index"].as_bool().unwrap(),
                c["document"]["title"]
                    .as_str()
                    .is_some_and(|t| !t.is_empty()),
                "{}: {c}",
                d.id
            );
        }
        let npl: Vec<String> = v["npl"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["category"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(npl, want.npl, "npl of {}", d.id);
        assert_eq!(numbers(&v["forward"]), want.forward, "forward of {}", d.id);
        assert_eq!(v["forward_total"], want.forward.len(), "{}", d.id);
        // Oldest first.
        let dates: Vec<&str> = v["forward"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["pub_date"].as_str().unwrap())
            .collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
        // Second generation backward: keys (numbers without kind), each with the cited
        // documents of the corpus it is reached through.
        assert_eq!(
            via_map(&v["backward2"]),
            want.backward2,
            "backward2 of {}",
            d.id
        );
        assert_eq!(v["backward2_total"], want.backward2.len());
        assert_eq!(
            via_map(&v["forward2"]),
            want.forward2,
            "forward2 of {}",
            d.id
        );
        assert_eq!(v["forward2_total"], want.forward2.len());

        links += want.forward.len();
        raw_links += d
            .cited_keys()
            .filter(|k| docs.iter().any(|o| o.key == *k))
            .count();
        for f in &want.forward {
            citing_docs.insert(f.clone());
            if d.key.len() == "US20210202459".len() {
                citing_applications.insert(f.clone());
            }
        }
    }
    assert_eq!(
        raw_links, 140,
        "corpus/README.md: 140 citations between corpus documents"
    );
    assert_eq!(links, 140, "forward citations over every corpus document");
    assert_eq!(citing_docs.len(), 64, "corpus/README.md: 64 citing grants");
    // They are grants: no citing document has an application's number.
    let apps: BTreeSet<&str> = docs
        .iter()
        .filter(|d| d.key.len() == "US20210202459".len())
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(apps.len(), 9);
    assert!(citing_docs.iter().all(|n| !apps.contains(n.as_str())));
    assert_eq!(
        citing_applications.len(),
        4,
        "corpus/README.md: four cite applications"
    );
}

#[test]
fn numbers_in_every_form_meet_the_same_document() {
    let docs = corpus();
    let (_tmp, index) = common::corpus_index();
    for (forms, id) in [
        (
            &["7047976", "US07047976", "US 7,047,976 B2", "us7047976b2"][..],
            "US7047976B2",
        ),
        (
            &["2021/0202459", "US 2021/0202459 A1", "US20210202459"][..],
            "US20210202459A1",
        ),
        (&["D669331", "USD0669331S1", "D669,331"][..], "USD669331S1"),
        (&["RE47607", "USRE047607E1"][..], "USRE47607E1"),
    ] {
        let root = docs.iter().find(|d| d.id == id).expect(id);
        let want = expected(&docs, root);
        for f in forms {
            let v = report(&index, f, &[]);
            assert_eq!(v["number"], id, "{f}");
            assert_eq!(numbers(&v["forward"]), want.forward, "{f}");
        }
    }
    // An application the corpus cites (written `2020/0123456` in the citations), typed in the
    // same form.
    let app = docs
        .iter()
        .filter(|d| d.key.len() == "US20210202459".len())
        .find(|a| docs.iter().any(|d| d.cited_keys().any(|k| k == a.key)))
        .expect("corpus/README.md: four grants cite applications");
    let slash = format!("{}/{}", &app.key[2..6], &app.key[6..]);
    let v = report(&index, &slash, &[]);
    assert_eq!(v["number"], app.id.as_str());
    assert_eq!(numbers(&v["forward"]), expected(&docs, app).forward);
    assert!(v["forward_total"].as_u64().unwrap() > 0, "{v}");
}

#[test]
fn a_number_not_in_the_index_still_has_forward_citations() {
    let docs = corpus();
    let (_tmp, index) = common::corpus_index();
    let keys: BTreeSet<&str> = docs.iter().map(|d| d.key.as_str()).collect();
    // A US number the corpus cites but does not hold.
    let (cited, citing): (String, BTreeSet<String>) = docs
        .iter()
        .flat_map(|d| d.cited_keys().map(move |k| (k, d)))
        .find(|(k, _)| k.starts_with("US") && !keys.contains(k.as_str()))
        .map(|(k, _)| {
            let citing = docs
                .iter()
                .filter(|d| d.cited_keys().any(|c| c == k))
                .map(|d| d.id.clone())
                .collect();
            (k, citing)
        })
        .unwrap();
    let (code, v) = run(&["--index", &index, "citations", &cited, "--format", "json"]);
    assert_eq!(code, 0);
    assert_eq!(v["in_index"], false);
    assert_eq!(v["backward"].as_array().unwrap().len(), 0);
    assert_eq!(numbers(&v["forward"]), citing);
    let o = patdex(&["--index", &index, "citations", &cited]);
    assert!(stdout(&o).contains("not in the index"), "{}", stdout(&o));

    // Neither in the index nor cited: an error that says so and points to search.
    let o = patdex(&["--index", &index, "citations", "US1234567"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("not in the index") && e.contains("patdex search"),
        "{e}"
    );
}

#[test]
fn csv_and_jsonl_have_one_row_per_citation_with_its_direction() {
    let docs = corpus();
    let (_tmp, index) = common::corpus_index();
    // The document with the most forward citations.
    let root = docs
        .iter()
        .max_by_key(|r| {
            (
                docs.iter()
                    .filter(|d| d.cited_keys().any(|k| k == r.key))
                    .count(),
                r.id.clone(),
            )
        })
        .unwrap();
    let want = expected(&docs, root);
    let o = patdex(&[
        "--index",
        &index,
        "citations",
        &root.id,
        "--depth",
        "2",
        "--limit",
        "0",
        "--format",
        "csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let headers = r.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let mut per_direction: BTreeMap<String, usize> = BTreeMap::new();
    let mut forward = BTreeSet::new();
    for row in r.records() {
        let row = row.unwrap();
        *per_direction
            .entry(row[col("direction")].to_string())
            .or_default() += 1;
        if &row[col("direction")] == "forward" {
            forward.insert(row[col("number")].to_string());
        }
    }
    assert_eq!(
        per_direction.get("backward").copied().unwrap_or(0),
        want.backward.len() + want.npl.len()
    );
    assert_eq!(forward, want.forward);
    assert_eq!(
        per_direction.get("backward2").copied().unwrap_or(0),
        want.backward2.len()
    );
    assert_eq!(
        per_direction.get("forward2").copied().unwrap_or(0),
        want.forward2.len()
    );
    let o = patdex(&[
        "--index",
        &index,
        "citations",
        &root.id,
        "--depth",
        "2",
        "--limit",
        "0",
        "--format",
        "jsonl",
    ]);
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), per_direction.values().sum::<usize>());
    assert!(lines.iter().all(|l| l["direction"].is_string()));

    // The table names each list.
    let o = patdex(&[
        "--index",
        &index,
        "citations",
        &root.id,
        "--depth",
        "2",
        "--by-assignee",
    ]);
    let t = stdout(&o);
    for heading in [
        "Backward citations",
        "Forward citations",
        "Second generation, backward",
        "Second generation, forward",
        "Citing documents by owner",
    ] {
        assert!(t.contains(heading), "{heading}:\n{t}");
    }
    // --limit caps the listed documents, not the totals.
    let v = report(&index, &root.id, &["--limit", "1"]);
    assert_eq!(v["forward"].as_array().unwrap().len(), 1);
    assert_eq!(v["forward_total"], want.forward.len());
}

// ---------------------------------------------------------------------------------------------
// Owners.

/// Owners of a parsed document (assignees, else applicants), as `(name_key, name, kind)`.
fn owners(p: &patdex::model::Patent) -> Vec<(String, String, String)> {
    let parties = if p.assignees.is_empty() {
        &p.applicants
    } else {
        &p.assignees
    };
    parties
        .iter()
        .filter(|a| !a.name.trim().is_empty())
        .map(|a| {
            (
                names::name_key(&a.name),
                a.name.trim().to_string(),
                names::owner_kind(a, &p.inventors).as_str().to_string(),
            )
        })
        .collect()
}

fn parsed_corpus() -> Vec<patdex::model::Patent> {
    let mut out = common::parse_file(&Path::new(CORPUS).join("ipg_patdex_sample.xml")).patents;
    out.extend(common::parse_file(&Path::new(CORPUS).join("ipa_patdex_sample.zip")).patents);
    assert_eq!(out.len(), 83);
    out
}

fn cited_keys(p: &patdex::model::Patent) -> BTreeSet<String> {
    p.citations
        .iter()
        .filter_map(|c| match c {
            patdex::model::Citation::Patent { id, .. } => Some(key(&id.country, &id.number)),
            _ => None,
        })
        .collect()
}

/// Checks `--assignee QUERY` against the parsed corpus: the owner's documents are those with an
/// owner name containing `word`; prospects are the owners (by name key) of the other documents
/// citing them.
fn check_prospects(index: &str, query: &str, word: &str) -> Value {
    let docs = parsed_corpus();
    let id = |p: &patdex::model::Patent| {
        format!(
            "{}{}",
            key(&p.number.country, &p.number.number),
            p.number.kind
        )
    };
    let ours: Vec<&patdex::model::Patent> = docs
        .iter()
        .filter(|p| {
            owners(p)
                .iter()
                .any(|o| o.1.to_lowercase().contains(&word.to_lowercase()))
        })
        .collect();
    let our_ids: BTreeSet<String> = ours.iter().map(|p| id(p)).collect();
    let our_keys: BTreeMap<String, String> = ours
        .iter()
        .map(|p| (key(&p.number.country, &p.number.number), id(p)))
        .collect();
    #[derive(Default, Debug, PartialEq)]
    struct G {
        docs: BTreeSet<String>,
        cited: BTreeSet<String>,
        years: BTreeSet<i16>,
        kinds: BTreeSet<String>,
    }
    let mut groups: BTreeMap<String, G> = BTreeMap::new();
    let mut self_citing = BTreeSet::new();
    for p in &docs {
        let cited: BTreeSet<String> = cited_keys(p)
            .into_iter()
            .filter_map(|k| our_keys.get(&k).cloned())
            .collect();
        if cited.is_empty() {
            continue;
        }
        if our_ids.contains(&id(p)) {
            self_citing.insert(id(p));
            continue;
        }
        for (k, _, kind) in owners(p) {
            let g = groups.entry(k).or_default();
            g.docs.insert(id(p));
            g.cited.extend(cited.iter().cloned());
            g.years.extend(p.pub_date.map(|d| d.year()));
            g.kinds.insert(kind);
        }
    }
    let (code, v) = run(&[
        "--index",
        index,
        "citations",
        "--assignee",
        query,
        "--format",
        "json",
        "--limit",
        "0",
    ]);
    assert_eq!(
        code,
        if groups.is_empty() && self_citing.is_empty() {
            1
        } else {
            0
        }
    );
    assert_eq!(
        strs(&v["documents"]).into_iter().collect::<BTreeSet<_>>(),
        our_ids
    );
    assert_eq!(
        strs(&v["self_citing"]).into_iter().collect::<BTreeSet<_>>(),
        self_citing
    );
    assert_eq!(v["self_citations"], self_citing.len());
    let mut got: BTreeMap<String, G> = BTreeMap::new();
    let prospects = v["prospects"].as_array().unwrap();
    for g in prospects {
        let first = g["first_year"].as_i64().unwrap() as i16;
        let last = g["last_year"].as_i64().unwrap() as i16;
        let docs: BTreeSet<String> = strs(&g["documents"]).into_iter().collect();
        assert_eq!(g["citing_documents"], docs.len());
        let want = groups.get(g["key"].as_str().unwrap());
        assert_eq!(
            want.map(|w| (*w.years.first().unwrap(), *w.years.last().unwrap())),
            Some((first, last)),
            "{g}"
        );
        got.insert(
            g["key"].as_str().unwrap().to_string(),
            G {
                docs,
                cited: strs(&g["cited"]).into_iter().collect(),
                years: want.unwrap().years.clone(),
                kinds: [g["kind"].as_str().unwrap().to_string()].into(),
            },
        );
    }
    assert_eq!(got, groups, "prospects of {query}");
    // Most citing documents first, then by name.
    for w in prospects.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let (na, nb) = (
            a["citing_documents"].as_u64(),
            b["citing_documents"].as_u64(),
        );
        assert!(
            na > nb
                || (na == nb
                    && a["owner"].as_str().unwrap().to_lowercase()
                        <= b["owner"].as_str().unwrap().to_lowercase()),
            "{a} before {b}"
        );
    }
    v
}

#[test]
fn a_universitys_licensing_prospects_are_the_owners_citing_its_documents() {
    let (_tmp, index) = common::corpus_index();
    let v = check_prospects(&index, "University of Westmarch", "Westmarch");
    assert_eq!(v["matched"], "exact");
    // The three spellings of corpus/README.md meet under one owner.
    assert_eq!(v["names"].as_array().unwrap().len(), 3, "{}", v["names"]);
    assert!(v["prospects_total"].as_u64().unwrap() > 0);
    // One word finds the same owner, reported as a word match.
    let w = check_prospects(&index, "westmarch", "Westmarch");
    assert_eq!(w["matched"], "words");
    assert_eq!(w["names"], v["names"]);
    // A company that cites itself: self-citations are counted apart, not as prospects.
    let n = check_prospects(&index, "Northwind Energy Systems", "Northwind");
    assert!(n["self_citations"].as_u64().unwrap() > 0, "{n}");
    assert!(n["prospects"].as_array().unwrap().iter().all(|g| {
        !g["owner"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("northwind")
    }));

    // CSV: one row per citing owner.
    let o = patdex(&[
        "--index",
        &index,
        "citations",
        "--assignee",
        "University of Westmarch",
        "--format",
        "csv",
        "--limit",
        "0",
    ]);
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    assert_eq!(
        r.records().count() as u64,
        v["prospects_total"].as_u64().unwrap()
    );
    let t = stdout(&patdex(&[
        "--index",
        &index,
        "citations",
        "--assignee",
        "University of Westmarch",
    ]));
    for col in [
        "citing owner",
        "kind",
        "citing documents",
        "our documents cited",
        "first",
        "last",
    ] {
        assert!(t.contains(col), "{col}:\n{t}");
    }

    // --exact: one spelling only.
    let (_, e) = run(&[
        "--index",
        &index,
        "citations",
        "--assignee",
        "University of Westmarch",
        "--exact",
        "--format",
        "json",
    ]);
    assert_eq!(e["names"].as_array().unwrap().len(), 1, "{}", e["names"]);
    assert_eq!(e["names"][0]["name"], "University of Westmarch");

    let o = patdex(&[
        "--index",
        &index,
        "citations",
        "--assignee",
        "Nobody Such Owner",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("no owner"), "{}", stderr(&o));
}

#[test]
fn grouping_by_assignee_counts_every_citing_document() {
    let docs = parsed_corpus();
    let (_tmp, index) = common::corpus_index();
    // The corpus document with the most citing documents.
    let cited_by = |p: &patdex::model::Patent| {
        let k = key(&p.number.country, &p.number.number);
        docs.iter()
            .filter(|d| cited_keys(d).contains(&k) && d.number != p.number)
            .collect::<Vec<_>>()
    };
    let root = docs.iter().max_by_key(|p| cited_by(p).len()).unwrap();
    let mut want: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for d in cited_by(root) {
        for (k, _, _) in owners(d) {
            want.entry(k).or_default().insert(d.number.to_string());
        }
    }
    let v = report(
        &index,
        &root.number.to_string(),
        &["--by-assignee", "--limit", "0"],
    );
    let got: BTreeMap<String, BTreeSet<String>> = v["by_assignee"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["key"].as_str().unwrap().to_string(),
                strs(&g["documents"]).into_iter().collect(),
            )
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn the_graph_has_the_document_and_its_citations() {
    use patdex::analysis::citations::{Citations, Options};
    let (_tmp, index) = common::corpus_index();
    let reader =
        patdex::index::reader::IndexReader::open(&patdex::index::Layout::new(Path::new(&index)))
            .unwrap();
    let c = Citations::new(&reader).unwrap();
    let n: patdex::number::PubNumber = "US10676429B2".parse().unwrap();
    let r = c
        .report(
            &n,
            &Options {
                depth: 2,
                ..Options::default()
            },
        )
        .unwrap();
    let (nodes, edges) = r.graph();
    assert_eq!(
        nodes[0],
        ("US10676429B2".to_string(), "this patent".to_string(), 0)
    );
    let layer = |l: i32| nodes.iter().filter(|n| n.2 == l).count();
    let distinct_cited: BTreeSet<&str> = r.backward.iter().map(|c| c.number.as_str()).collect();
    assert_eq!(layer(-1), distinct_cited.len());
    assert_eq!(layer(1), r.forward.len());
    assert_eq!(layer(-2), r.backward2.as_ref().unwrap().len());
    assert_eq!(layer(2), r.forward2.as_ref().unwrap().len());
    for &(a, b) in &edges {
        assert!(a < nodes.len() && b < nodes.len() && a != b);
        // Citing documents point at newer-to-older layers.
        assert!(nodes[a].2 > nodes[b].2 || (nodes[a].2 == nodes[b].2 && nodes[a].2 != 0));
    }
    assert!(edges.contains(&(0, 1)));
    let a = c
        .assignee("University of Westmarch", &Options::default())
        .unwrap();
    let (nodes, edges) = a.graph();
    assert_eq!(nodes.iter().filter(|n| n.2 == 0).count(), a.documents.len());
    assert_eq!(
        nodes.iter().filter(|n| n.2 == 1).count(),
        a.citing_documents
    );
    assert!(
        edges
            .iter()
            .all(|&(x, y)| nodes[x].2 == 1 && nodes[y].2 == 0)
    );
}

// ---------------------------------------------------------------------------------------------
// Real grants: citations outside the collection.

#[test]
fn real_grants_of_three_dtd_versions_list_their_citations_none_in_the_index() {
    let data = require_shared!();
    let files = [
        "uspto/grant/v4.0-2004/US06859910.xml",
        "uspto/grant/v4.0-2004/US06857133-20050222.xml",
        "uspto/grant/v4.1-2005/US07062920-20060620.xml",
        "uspto/grant/v4.2-2006/US07272630B2.xml",
        "uspto/grant/v4.2-2006/US07783348-20100824.xml",
        "uspto/grant/v4.5-2014/US08926509.xml",
        "uspto/grant/v4.5-2014/US08930553.xml",
    ];
    let paths: Vec<String> = files
        .iter()
        .map(|f| data.join(f).to_string_lossy().into_owned())
        .collect();
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("idx").to_string_lossy().into_owned();
    let mut args = vec!["--index", &index, "ingest", "--quiet"];
    args.extend(paths.iter().map(String::as_str));
    let o = patdex(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut versions = BTreeSet::new();
    let mut total = 0;
    for path in &paths {
        let xml = std::fs::read_to_string(path).unwrap();
        // `v40 2004-12-02`, `v4.2 2006-08-23`: the version without the dot.
        let i = xml.find("dtd-version=\"").unwrap() + "dtd-version=\"".len();
        let version: String = xml[i..].split([' ', '"']).next().unwrap().replace('.', "");
        versions.insert(version);
        let d = raw_doc(&xml);
        let (code, v) = run(&["--index", &index, "citations", &d.id, "--format", "json"]);
        assert_eq!(code, 0, "{}", d.id);
        assert_eq!(v["number"], d.id.as_str());
        let patents: Vec<&RawCit> = d
            .cits
            .iter()
            .filter(|c| matches!(c, RawCit::Patent { .. }))
            .collect();
        let got = v["backward"].as_array().unwrap();
        assert_eq!(got.len(), patents.len(), "{path}");
        assert!(!got.is_empty(), "{path}");
        for (g, w) in got.iter().zip(&patents) {
            let RawCit::Patent {
                country,
                number,
                kind,
                category,
            } = w
            else {
                unreachable!()
            };
            let printed: Vec<&str> = [country.as_str(), number.as_str(), kind.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            assert_eq!(g["cited_as"], printed.join(" "), "{path}");
            assert_eq!(g["category"], category.as_str(), "{path}");
            assert!(
                category == "cited by examiner"
                    || category == "cited by applicant"
                    || category == "cited by other",
                "{path}: {category}"
            );
            if country == "US" {
                assert_eq!(g["number"], key(country, number), "{path}");
            }
            assert_eq!(g["in_index"], false, "{path}: {g}");
        }
        let npl: Vec<String> = d
            .cits
            .iter()
            .filter_map(|c| match c {
                RawCit::Npl { category } => Some(category.clone()),
                _ => None,
            })
            .collect();
        let got_npl: Vec<String> = v["npl"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["category"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(got_npl, npl, "{path}");
        assert_eq!(v["forward_total"], 0, "{path}");
        assert_eq!(v["forward"].as_array().unwrap().len(), 0);
        total += patents.len() + npl.len();
    }
    assert!(
        versions.is_superset(&["v40", "v41", "v42", "v45"].map(String::from).into()),
        "{versions:?}"
    );
    assert!(total > 200, "{total}");
}

// ---------------------------------------------------------------------------------------------
// Bad input.

#[test]
fn bad_input_says_what_is_accepted() {
    let (_tmp, index) = common::corpus_index();
    let o = patdex(&["--index", &index, "citations", "hello"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("not a publication number") && e.contains("US7654321B2"),
        "{e}"
    );

    let o = patdex(&["--index", &index, "citations"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!stderr(&o).is_empty());

    let o = patdex(&["--index", &index, "citations", "US7047976", "--depth", "3"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));

    let o = patdex(&[
        "--index",
        &index,
        "citations",
        "US7047976",
        "--assignee",
        "Westmarch",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}
