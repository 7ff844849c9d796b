//! `patdex risk` end to end: on the sample corpus with a product description written to read on
//! one claim completely and on another in part, and on real grants whose own claim is the
//! product (so it must read completely) before and after their term ends.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn product() -> String {
    corpus()
        .join("products/solid-state-pack.txt")
        .to_str()
        .unwrap()
        .to_string()
}

fn risk(index: &str, args: &[&str]) -> Value {
    let mut all = vec!["--index", index, "risk", "-f", "json"];
    all.extend_from_slice(args);
    let o = common::patdex(&all);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", common::stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn find<'a>(list: &'a Value, number: &str) -> Option<&'a Value> {
    list.as_array()
        .unwrap()
        .iter()
        .find(|p| p["number"] == number)
}

fn numbers(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|p| p["number"].as_str().unwrap().to_string())
        .collect()
}

/// The product text was written for two corpus claims:
/// * US11446052B2 claim 1 and claim 8 (restraint with end plates, elastomer foam pad, load
///   sensor, control unit cutting the charging current): every element, so high;
/// * US11950719B2 claim 1: the cathode composite, anode and separator layers with sulfide
///   particles are described, the argyrodite core with an oxygen-enriched surface and the oxide
///   coating are not: 4 of 6 elements, so medium.
#[test]
fn corpus_screen_gives_the_tiers_the_product_was_written_for() {
    let (_tmp, index) = common::temp_index(corpus().to_str().unwrap());
    let r = risk(&index, &["--product", &product(), "--as-of", "2026-11-21"]);
    let patents = &r["patents"];
    // Every grant in force the text matched is screened (fewer than the 100 candidates).
    let in_force = r["matched"]["in_force"].as_u64().unwrap() as usize;
    assert_eq!(patents.as_array().unwrap().len(), in_force.min(100));
    let few = risk(
        &index,
        &[
            "--product",
            &product(),
            "--as-of",
            "2026-11-21",
            "--candidates",
            "5",
        ],
    );
    assert_eq!(few["patents"].as_array().unwrap().len(), 5.min(in_force));
    assert_eq!(few["matched"], r["matched"]);

    let full = find(patents, "US11446052B2").expect("US11446052B2 screened");
    assert_eq!(full["tier"], "high");
    let best = &full["best_claim"];
    assert!(
        best["number"] == 1 || best["number"] == 8,
        "{}",
        full["why"]
    );
    assert_eq!(best["covered"], best["counted"]);
    assert!(
        full["why"]
            .as_str()
            .unwrap()
            .starts_with("every element of claim")
    );
    // Claim 1 is covered whole too, and listed among the others when claim 8 is the best.
    if best["number"] == 8 {
        assert_eq!(full["other_claims"][0], serde_json::json!([1, 6, 6]));
    }
    let high: Vec<String> = patents
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["tier"] == "high")
        .map(|p| p["number"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(high, ["US11446052B2"]);

    let part = find(patents, "US11950719B2").expect("US11950719B2 screened");
    assert_eq!(part["tier"], "medium");
    let claim = &part["best_claim"];
    assert_eq!(claim["number"], 1);
    let coverage: Vec<(&str, &str)> = claim["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["label"].as_str().unwrap(),
                e["coverage"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        coverage,
        [
            ("1[pre]", "covered"),
            ("1[a]", "covered"),
            ("1[b]", "covered"),
            ("1[c]", "covered"),
            ("1[d]", "partial"),
            ("1[e]", "partial"),
        ]
    );
    let d = &claim["elements"][4];
    assert!(
        d["missing"]
            .as_array()
            .unwrap()
            .contains(&"argyrodite".into())
    );
    assert!(
        d["covered_by"]
            .as_array()
            .unwrap()
            .contains(&"sulfide".into())
    );
    // Its terminal disclaimer is flagged with the estimate.
    assert!(
        part["term"]["caveats"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c.as_str().unwrap().contains("may expire earlier"))
    );
    assert_eq!(part["term"]["expiry"], "2036-10-27");

    // Exposure is grouped by owner: the co-owned high-risk patent is its own group.
    let top = &r["exposure"][0];
    assert_eq!(top["high"], 1);
    assert!(top["owner"].as_str().unwrap().contains("Aurelian Motors"));
}

/// US7047976B2 (filed 2003-07-02, no adjustment: its term ends 2023-07-02) matches the product's
/// terms: it is screened in 2020 and never listed as in force in 2026.
#[test]
fn an_expired_patent_is_never_in_force() {
    let (_tmp, index) = common::temp_index(corpus().to_str().unwrap());
    let before = risk(&index, &["--product", &product(), "--as-of", "2020-01-01"]);
    let p = find(&before["patents"], "US7047976B2").expect("in force in 2020");
    assert_eq!(p["term"]["expiry"], "2023-07-02");
    assert_eq!(p["status"], "in-force");

    for as_of in ["2023-07-02", "2026-11-21"] {
        let after = risk(&index, &["--product", &product(), "--as-of", as_of]);
        assert!(find(&after["patents"], "US7047976B2").is_none(), "{as_of}");
        for p in after["patents"].as_array().unwrap() {
            let e = p["term"]["expiry"].as_str().unwrap();
            assert!(
                e > as_of,
                "{} ends {e}, listed in force on {as_of}",
                p["number"]
            );
            assert_eq!(p["status"], "in-force");
        }
        for a in after["applications"].as_array().unwrap() {
            assert!(a["number"].as_str().unwrap().ends_with("A1"));
        }
    }
    // What the filter removed is counted, not lost.
    let after = risk(&index, &["--product", &product(), "--as-of", "2026-11-21"]);
    let m = &after["matched"];
    assert!(m["expired"].as_u64().unwrap() >= 1, "{m}");
    let (a, b) = (
        before["matched"]["in_force"].as_u64().unwrap()
            + before["matched"]["expired"].as_u64().unwrap(),
        m["in_force"].as_u64().unwrap() + m["expired"].as_u64().unwrap(),
    );
    assert_eq!(a, b, "the same grants match, whatever the day");
}

#[test]
fn owner_and_class_filters() {
    let (_tmp, index) = common::temp_index(corpus().to_str().unwrap());
    let text = product();
    let args = ["--product", text.as_str(), "--as-of", "2026-11-21"];
    let only = risk(
        &index,
        &[&args[..], &["--assignee", "northwind energy"]].concat(),
    );
    let listed = numbers(&only["patents"]);
    assert!(!listed.is_empty());
    assert!(listed.contains(&"US11950719B2".to_string()));
    for p in only["patents"].as_array().unwrap() {
        let owners = p["owners"].as_array().unwrap();
        assert!(
            owners.iter().any(|o| o
                .as_str()
                .unwrap()
                .to_lowercase()
                .starts_with("northwind energy")),
            "{}: {owners:?}",
            p["number"]
        );
    }
    // The spellings merged are reported.
    assert!(only["assignees"].as_array().unwrap().len() >= 2);

    let mine = risk(
        &index,
        &[&args[..], &["--exclude", "Aurelian Motors Co., Ltd."]].concat(),
    );
    let listed = numbers(&mine["patents"]);
    assert!(!listed.contains(&"US11446052B2".to_string()));
    assert!(listed.contains(&"US11950719B2".to_string()));

    let scoped = risk(&index, &[&args[..], &["--cpc", "H01M 10"]].concat());
    assert!(!scoped["patents"].as_array().unwrap().is_empty());
    for p in scoped["patents"].as_array().unwrap() {
        let n = p["number"].as_str().unwrap();
        let o = common::patdex(&["--index", &index, "show", n, "--json"]);
        let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(
            doc["cpc"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["symbol"].as_str().unwrap().starts_with("H01M10")),
            "{n} outside H01M10"
        );
    }
}

#[test]
fn reports_in_markdown_and_html() {
    let (_tmp, index) = common::temp_index(corpus().to_str().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let md = common::patdex(&[
        "--index",
        &index,
        "risk",
        "--product",
        &product(),
        "--as-of",
        "2026-11-21",
    ]);
    assert!(md.status.success(), "{}", common::stderr(&md));
    let md = common::stdout(&md);
    for want in [
        "Not legal advice",
        "## Exposure by owner",
        "US11446052B2 · high risk",
        "| 1[d] |",
        "Maintenance status is unknown",
        "Equivalents",
        "2016-10-27 (continuation parent US 15/418,527) + 20 years = 2036-10-27",
    ] {
        assert!(md.contains(want), "missing {want:?}");
    }
    // A claim's `O/(O+S)` and `<` survive as text, not markup.
    assert!(md.contains(r"O/(O+S)"));

    let html = dir.path().join("r.html");
    let o = common::patdex(&[
        "--index",
        &index,
        "risk",
        "--product",
        &product(),
        "--as-of",
        "2026-11-21",
        "-f",
        "html",
        "-o",
        html.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let h = std::fs::read_to_string(&html).unwrap();
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(h.contains("<table>") && h.contains("<h2>Limits</h2>"));
    assert_eq!(h.matches("<table>").count(), h.matches("</table>").count());
    // Claim text never becomes markup: every `<` opens a known tag.
    for tag in h.split('<').skip(1) {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect();
        assert!(
            [
                "!DOCTYPE",
                "html",
                "head",
                "meta",
                "title",
                "style",
                "body",
                "h1",
                "h2",
                "h3",
                "h4",
                "p",
                "ul",
                "li",
                "table",
                "thead",
                "tbody",
                "tr",
                "th",
                "td",
                "strong",
                "em",
                "code",
                "blockquote"
            ]
            .contains(&name.as_str()),
            "unexpected tag <{name}"
        );
    }
}

#[test]
fn bad_input_is_refused_with_a_reason() {
    let (_tmp, index) = common::temp_index(corpus().to_str().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n\n").unwrap();
    let good = product();
    let cases: [(Vec<&str>, i32, &str); 5] = [
        (vec!["--product", empty.to_str().unwrap()], 2, "empty"),
        (
            vec!["--product", "/no/such/file.txt"],
            2,
            "cannot read the product description",
        ),
        (
            vec!["--product", &good, "--as-of", "yesterday"],
            2,
            "--as-of",
        ),
        (
            vec!["--product", &good, "--cpc", "battery"],
            2,
            "not a CPC symbol",
        ),
        (
            vec!["--product", &good, "--assignee", "Nobody Such Corp"],
            1,
            "no owner in the index matches",
        ),
    ];
    for (args, code, message) in cases {
        let mut all = vec!["--index", index.as_str(), "risk"];
        all.extend(args.iter().copied());
        let o = common::patdex(&all);
        assert_eq!(o.status.code(), Some(code), "{args:?}");
        let err = common::stderr(&o);
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

/// Real grants, screened with their own first independent claim as the product description
/// (read from the XML at run time): every element is covered, so each is high while its term
/// runs and absent from the in-force list from the day it ends. Terms read by hand:
/// US8927118B2 2008-10-17 (continuation parent) + 20 years = 2028-10-17; US7272630B2
/// 2001-06-06 (division parent) + 20 years + 36 days = 2021-07-12.
#[test]
fn real_grants_read_on_their_own_claims_until_their_term_ends() {
    let Some(shared) = common::shared() else {
        return;
    };
    let grants = shared.join("uspto/grant");
    let (_tmp, index) = common::temp_index(grants.join("v4.5-2014").to_str().unwrap());
    let o = common::patdex(&[
        "--index",
        &index,
        "ingest",
        "--quiet",
        grants.join("v4.2-2006").to_str().unwrap(),
        grants.join("bulk").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let dir = tempfile::tempdir().unwrap();
    for (file, number, last_day_in_force, end) in [
        (
            "v4.5-2014/US08927118.xml",
            "US8927118B2",
            "2028-10-16",
            "2028-10-17",
        ),
        (
            "v4.2-2006/US07272630B2.xml",
            "US7272630B2",
            "2021-07-11",
            "2021-07-12",
        ),
    ] {
        let p = common::parse_file(&grants.join(file))
            .patents
            .into_iter()
            .next()
            .unwrap();
        let claim = p.claims.iter().find(|c| !c.dependent).unwrap();
        let text = dir.path().join(format!("{number}.txt"));
        std::fs::write(&text, &claim.text).unwrap();
        let text = text.to_str().unwrap();

        let r = risk(&index, &["--product", text, "--as-of", last_day_in_force]);
        let hit = find(&r["patents"], number).unwrap_or_else(|| panic!("{number} not screened"));
        assert_eq!(hit["tier"], "high", "{number}: {}", hit["why"]);
        assert_eq!(hit["term"]["expiry"], end);

        let r = risk(&index, &["--product", text, "--as-of", end]);
        assert!(
            find(&r["patents"], number).is_none(),
            "{number} after {end}"
        );
        assert!(r["matched"]["expired"].as_u64().unwrap() >= 1);
    }
}

/// A design's claim ("the ornamental design for a gripper finger pad") shares words with a
/// product but is judged by its drawings: it is listed, never above low, and says why.
/// USD669331S1 was granted 2012-10-23 on a filing before 2015-05-13: 14 years, to 2026-10-23.
#[test]
fn design_patents_are_not_tiered_by_words() {
    let (_tmp, index) = common::temp_index(corpus().to_str().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("pad.txt");
    std::fs::write(
        &text,
        "An ornamental gripper finger pad for a robot gripper, with a ribbed contact face.",
    )
    .unwrap();
    let text = text.to_str().unwrap();
    let r = risk(&index, &["--product", text, "--as-of", "2025-01-01"]);
    let d = find(&r["patents"], "USD669331S1").expect("the design is screened");
    assert_eq!(d["tier"], "low");
    assert!(d["why"].as_str().unwrap().starts_with("design patent"));
    assert_eq!(d["term"]["expiry"], "2026-10-23");
    assert_eq!(d["term"]["rule"], "design14");
    let r = risk(&index, &["--product", text, "--as-of", "2026-10-23"]);
    assert!(find(&r["patents"], "USD669331S1").is_none());
}
