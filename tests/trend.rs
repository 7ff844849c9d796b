//! `patdex trend` and `patdex portfolio` against counts computed here, from the parsed
//! documents, on the sample corpus and on real USPTO weekly samples.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use patdex::model::{Party, Patent};
use serde_json::Value;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Every document of the given files, the later one winning for a number (as the index upserts).
fn documents(paths: &[PathBuf]) -> Vec<Patent> {
    let mut by_number: BTreeMap<String, Patent> = BTreeMap::new();
    for path in paths {
        for p in common::parse_file(path).patents {
            by_number.insert(p.number.to_string(), p);
        }
    }
    by_number.into_values().collect()
}

fn corpus_documents() -> Vec<Patent> {
    documents(&[
        corpus().join("ipg_patdex_sample.xml"),
        corpus().join("ipa_patdex_sample.zip"),
    ])
}

fn owners(p: &Patent) -> &[Party] {
    if p.assignees.is_empty() {
        &p.applicants
    } else {
        &p.assignees
    }
}

fn json(index: &str, args: &[&str]) -> Value {
    let mut all = vec!["--index", index];
    all.extend_from_slice(args);
    let o = common::patdex(&all);
    assert!(
        o.status.code() == Some(0),
        "{args:?}: {}",
        common::stderr(&o)
    );
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", common::stdout(&o)))
}

/// Periods and counts of a trend report, without the zero-filled gaps.
fn per_period(t: &Value) -> BTreeMap<String, u64> {
    t["periods"]
        .as_array()
        .unwrap()
        .iter()
        .zip(t["counts"].as_array().unwrap())
        .filter(|(_, n)| n.as_u64() != Some(0))
        .map(|(p, n)| (p.as_str().unwrap().to_string(), n.as_u64().unwrap()))
        .collect()
}

fn dimension<'a>(t: &'a Value, name: &str) -> &'a Vec<Value> {
    t["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == name)
        .unwrap_or_else(|| panic!("no dimension {name}"))["top"]
        .as_array()
        .unwrap()
}

fn top_pairs(t: &Value, name: &str) -> Vec<(String, u64)> {
    dimension(t, name)
        .iter()
        .map(|v| {
            (
                v["name"].as_str().unwrap().to_string(),
                v["documents"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The `n` largest counts, ties by name, as the report orders them.
fn largest(counts: HashMap<String, u64>, n: usize) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

#[test]
fn corpus_counts_per_year_and_month_match_the_documents() {
    let docs = corpus_documents();
    let (_tmp, index) = common::corpus_index();
    for (date, of) in [
        (
            "pd",
            (|p: &Patent| p.pub_date) as fn(&Patent) -> Option<jiff::civil::Date>,
        ),
        ("ad", |p: &Patent| p.application.filing_date),
        ("prd", |p: &Patent| p.priority_date),
    ] {
        let mut years: BTreeMap<String, u64> = BTreeMap::new();
        let mut months: BTreeMap<String, u64> = BTreeMap::new();
        for d in docs.iter().filter_map(of) {
            *years.entry(d.year().to_string()).or_default() += 1;
            *months
                .entry(format!("{}-{:02}", d.year(), d.month()))
                .or_default() += 1;
        }
        let t = json(
            &index,
            &["trend", "--date", date, "--format", "json", "--terms", "0"],
        );
        assert_eq!(t[0]["documents"], docs.len() as u64);
        assert_eq!(per_period(&t[0]), years, "{date}");
        let t = json(
            &index,
            &[
                "trend", "--date", date, "--by", "month", "--format", "json", "--terms", "0",
            ],
        );
        assert_eq!(per_period(&t[0]), months, "{date} by month");
    }
}

#[test]
fn corpus_top_values_match_the_documents() {
    let docs = corpus_documents();
    let (_tmp, index) = common::corpus_index();
    let t = json(
        &index,
        &[
            "trend", "--exact", "--top", "50", "--format", "json", "--terms", "0",
        ],
    );
    let t = &t[0];
    let mut assignees: HashMap<String, u64> = HashMap::new();
    let mut inventors: HashMap<String, u64> = HashMap::new();
    let mut subclasses: HashMap<String, u64> = HashMap::new();
    let mut countries: HashMap<String, u64> = HashMap::new();
    for p in &docs {
        let names: BTreeSet<&str> = owners(p).iter().map(|a| a.name.trim()).collect();
        for n in names {
            *assignees.entry(n.to_string()).or_default() += 1;
        }
        let names: BTreeSet<&str> = p.inventors.iter().map(|a| a.name.trim()).collect();
        for n in names {
            *inventors.entry(n.to_string()).or_default() += 1;
        }
        // Subclass = the first four characters of a CPC symbol (`H01M 10/0525` → `H01M`).
        let subs: BTreeSet<String> = p.cpc.iter().map(|c| c.symbol[..4].to_string()).collect();
        for s in subs {
            *subclasses.entry(s).or_default() += 1;
        }
        let ccs: BTreeSet<String> = owners(p)
            .iter()
            .filter_map(|a| {
                if !a.country.is_empty() {
                    Some(a.country.clone())
                } else if !a.state.is_empty() {
                    Some("US".to_string())
                } else {
                    None
                }
            })
            .collect();
        for c in ccs {
            *countries.entry(c).or_default() += 1;
        }
    }
    assert_eq!(top_pairs(t, "assignee"), largest(assignees, 50));
    assert_eq!(top_pairs(t, "inventor"), largest(inventors, 50));
    assert_eq!(top_pairs(t, "cpc"), largest(subclasses, 50));
    assert_eq!(top_pairs(t, "country"), largest(countries, 50));
}

/// The variant groups corpus/README.md lists (written for the corpus, so merging them is known
/// to be right), with the documents of each group counted from the parsed documents.
#[test]
fn corpus_assignee_spellings_merge_into_the_listed_groups() {
    let docs = corpus_documents();
    let (_tmp, index) = common::corpus_index();
    let t = json(
        &index,
        &["trend", "--top", "100", "--format", "json", "--terms", "0"],
    );
    let groups: &[&[&str]] = &[
        &[
            "Northwind Energy Systems, Inc.",
            "Northwind Energy Systems, Incorporated",
            "NORTHWIND ENERGY SYSTEMS, INC.",
        ],
        &[
            "Kestrel Robotics GmbH",
            "Kestrel Robotics G.m.b.H.",
            "KESTREL ROBOTICS GMBH",
        ],
        &[
            "Board of Regents, University of Westmarch",
            "Board of Regents of the University of Westmarch",
            "University of Westmarch",
        ],
    ];
    let top = dimension(&t[0], "assignee");
    for group in groups {
        let expected = docs
            .iter()
            .filter(|p| owners(p).iter().any(|a| group.contains(&a.name.trim())))
            .count() as u64;
        assert!(expected > 0, "{group:?} not in the corpus");
        // The one row holding the group's first spelling holds them all.
        let row = top
            .iter()
            .find(|v| {
                let merged: Vec<&str> = v["merged"]
                    .as_array()
                    .map(|m| m.iter().map(|x| x[0].as_str().unwrap()).collect())
                    .unwrap_or_else(|| vec![v["name"].as_str().unwrap()]);
                merged.contains(&group[0])
            })
            .unwrap_or_else(|| panic!("{} not listed", group[0]));
        assert_eq!(row["documents"], expected, "{group:?}");
        let merged: BTreeSet<&str> = row["merged"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x[0].as_str().unwrap())
            .collect();
        for s in group.iter() {
            if docs
                .iter()
                .any(|p| owners(p).iter().any(|a| a.name.trim() == *s))
            {
                assert!(merged.contains(s), "{s} not merged: {merged:?}");
            }
        }
    }
    // The corpus's universities and institutes are counted as academic owners.
    let academic = t[0]["owner_kinds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kind"] == "academic")
        .unwrap()["documents"]
        .as_u64()
        .unwrap();
    assert!(academic > 0);
}

#[test]
fn a_query_counts_only_its_hits_and_growth_follows_the_counts() {
    let docs = corpus_documents();
    let (_tmp, index) = common::corpus_index();
    let t = json(
        &index,
        &[
            "trend", "cpc:H01M", "-q", "cpc:B25J", "--years", "3", "--format", "json",
        ],
    );
    assert_eq!(t.as_array().unwrap().len(), 2);
    for (t, sub) in t.as_array().unwrap().iter().zip(["H01M", "B25J"]) {
        let hits: Vec<&Patent> = docs
            .iter()
            .filter(|p| p.cpc.iter().any(|c| c.symbol.starts_with(sub)))
            .collect();
        assert_eq!(t["documents"], hits.len() as u64, "{sub}");
        let mut years: BTreeMap<i32, u64> = BTreeMap::new();
        for p in &hits {
            *years
                .entry(i32::from(p.pub_date.unwrap().year()))
                .or_default() += 1;
        }
        let end = *years.keys().next_back().unwrap();
        let sum = |a: i32, b: i32| years.range(a..=b).map(|(_, n)| *n).sum::<u64>();
        let (r, b) = (sum(end - 2, end), sum(end - 5, end - 3));
        let g = &t["growth"];
        assert_eq!(g["recent_documents"], r);
        assert_eq!(g["before_documents"], b);
        if b > 0 {
            let cagr = (r as f64 / b as f64).powf(1.0 / 3.0) - 1.0;
            assert!((g["cagr"].as_f64().unwrap() - cagr).abs() < 1e-9);
        }
        // New entrants: owners whose first document of the field is in the last three years.
        let mut first: HashMap<String, i32> = HashMap::new();
        for p in &hits {
            for a in owners(p) {
                let y = i32::from(p.pub_date.unwrap().year());
                let e = first.entry(patdex::names::name_key(&a.name)).or_insert(y);
                *e = (*e).min(y);
            }
        }
        let entrants = first.values().filter(|&&y| y > end - 3).count();
        assert_eq!(t["new_entrant_count"], entrants as u64, "{sub}");
    }
}

#[test]
fn bad_queries_and_options_are_refused_with_a_message() {
    let (_tmp, index) = common::corpus_index();
    let o = common::patdex(&["--index", &index, "trend", "ti:(battery"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(common::stderr(&o).contains('^'), "{}", common::stderr(&o));
    let o = common::patdex(&["--index", &index, "trend", "--years", "0"]);
    assert_eq!(o.status.code(), Some(2));
    let o = common::patdex(&["--index", &index, "portfolio", "Nonexistent Widgets"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        common::stderr(&o).contains("no owner"),
        "{}",
        common::stderr(&o)
    );
}

#[test]
fn real_weekly_samples_counts_and_assignees_match_the_documents() {
    let shared = require_shared!();
    let bulk = shared.join("uspto/grant/bulk");
    let docs = documents(&common::files_under(&bulk));
    assert!(docs.len() > 300);
    let (_tmp, index) = common::temp_index(bulk.to_str().unwrap());
    let t = json(
        &index,
        &[
            "trend", "--exact", "--top", "30", "--format", "json", "--terms", "0",
        ],
    );
    let t = &t[0];
    assert_eq!(t["documents"], docs.len() as u64);
    let mut years: BTreeMap<String, u64> = BTreeMap::new();
    for p in &docs {
        *years
            .entry(p.pub_date.unwrap().year().to_string())
            .or_default() += 1;
    }
    assert_eq!(per_period(t), years);
    let mut assignees: HashMap<String, u64> = HashMap::new();
    for p in &docs {
        let names: BTreeSet<&str> = owners(p).iter().map(|a| a.name.trim()).collect();
        for n in names {
            *assignees.entry(n.to_string()).or_default() += 1;
        }
    }
    assert_eq!(top_pairs(t, "assignee"), largest(assignees, 30));
}

#[test]
fn portfolio_of_a_corpus_company() {
    let docs = corpus_documents();
    let (_tmp, index) = common::corpus_index();
    let p = json(
        &index,
        &[
            "portfolio",
            "northwind energy",
            "--on",
            "2026-01-01",
            "--format",
            "json",
        ],
    );
    let ours: Vec<&Patent> = docs
        .iter()
        .filter(|p| {
            owners(p).iter().any(|a| {
                a.name
                    .to_uppercase()
                    .starts_with("NORTHWIND ENERGY SYSTEMS")
            })
        })
        .collect();
    assert_eq!(p["documents"], ours.len() as u64);
    let spellings: BTreeSet<&str> = p["spellings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s[0].as_str().unwrap())
        .collect();
    let expected: BTreeSet<&str> = ours
        .iter()
        .flat_map(|p| owners(p).iter().map(|a| a.name.trim()))
        .filter(|n| n.to_uppercase().starts_with("NORTHWIND"))
        .collect();
    assert_eq!(spellings, expected);
    // Forward citations within the corpus, counted from the citing documents' citation lists
    // (numbers compared without leading zeros, the way citations print them).
    let bare = |s: &str| s.trim_start_matches('0').to_string();
    let mut cited: HashMap<String, u64> = HashMap::new();
    for p in &ours {
        let n = bare(&p.number.number);
        let citing = docs
            .iter()
            .filter(|d| {
                d.patent_citations().any(|c| match c {
                    patdex::model::Citation::Patent { id, .. } => {
                        id.country == "US" && bare(&id.number.replace('/', "")) == n
                    }
                    _ => false,
                })
            })
            .count() as u64;
        if citing > 0 {
            cited.insert(p.number.to_string(), citing);
        }
    }
    let got: HashMap<String, u64> = p["most_cited"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["number"].as_str().unwrap().to_string(),
                c["citing"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(!cited.is_empty() && cited.len() <= 10, "{cited:?}");
    assert_eq!(got, cited);
    // Status on 2026-01-01: grants filed 20 years (plus adjustment) before are expired.
    let status: HashMap<String, u64> = p["status"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["status"].as_str().unwrap().to_string(),
                s["documents"].as_u64().unwrap(),
            )
        })
        .collect();
    let apps = ours
        .iter()
        .filter(|p| p.kind == patdex::model::DocKind::Application)
        .count() as u64;
    assert_eq!(status.get("application").copied().unwrap_or(0), apps);
    let on = jiff::civil::date(2026, 1, 1);
    let expired = ours
        .iter()
        .filter(|p| p.kind == patdex::model::DocKind::Grant)
        .filter(|p| {
            let f = p.application.filing_date.unwrap();
            let end = f
                .checked_add(jiff::Span::new().years(20))
                .unwrap()
                .checked_add(jiff::Span::new().days(i64::from(p.term_extension_days.unwrap_or(0))))
                .unwrap();
            end <= on
        })
        .count() as u64;
    assert_eq!(status.get("expired").copied().unwrap_or(0), expired);
}

/// Reads an SVG through quick-xml (it must be well-formed) and returns its text content.
fn svg_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut reader = quick_xml::Reader::from_reader(bytes.as_slice());
    let mut buf = Vec::new();
    let mut text = String::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Text(t)) => {
                text.push_str(&AsRef::<str>::as_ref(&t).replace("&amp;", "&"));
                text.push('\n');
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{} is not well-formed: {e}", path.display()),
        }
        buf.clear();
    }
    text
}

#[test]
fn charts_are_svg_with_the_series_labels() {
    let (tmp, index) = common::corpus_index();
    let lines = tmp.path().join("lines.svg");
    let o = common::patdex(&[
        "--index",
        &index,
        "trend",
        "cpc:H01M",
        "-q",
        "cpc:B25J",
        "--terms",
        "0",
        "--chart",
        lines.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let text = svg_text(&lines);
    for label in [
        "cpc:H01M",
        "cpc:B25J",
        "Documents per year",
        "documents per year",
    ] {
        assert!(text.contains(label), "{label} missing from the line chart");
    }
    let bars = tmp.path().join("bars.svg");
    let o = common::patdex(&[
        "--index",
        &index,
        "trend",
        "--stack",
        "assignee",
        "--terms",
        "0",
        "--format",
        "json",
        "--chart",
        bars.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let t: Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = svg_text(&bars);
    for v in dimension(&t[0], "assignee").iter().take(8) {
        let name = v["name"].as_str().unwrap();
        assert!(text.contains(name), "{name} missing from the stacked bars");
    }
    let graph = tmp.path().join("graph.svg");
    let o = common::patdex(&[
        "--index",
        &index,
        "citations",
        "US10676429B2",
        "--format",
        "json",
        "--chart",
        graph.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = svg_text(&graph);
    assert!(text.contains("US10676429B2"));
    for c in r["forward"].as_array().unwrap() {
        let n = c["number"].as_str().unwrap();
        assert!(text.contains(n), "citing {n} missing from the graph");
    }
    let png = tmp.path().join("p.png");
    let o = common::patdex(&[
        "--index",
        &index,
        "portfolio",
        "northwind",
        "--chart",
        png.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert!(
        std::fs::read(&png)
            .unwrap()
            .starts_with(b"\x89PNG\r\n\x1a\n")
    );
    let o = common::patdex(&[
        "--index", &index, "trend", "--chart", "x.gif", "--terms", "0",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        common::stderr(&o).contains(".svg or .png"),
        "{}",
        common::stderr(&o)
    );
}
