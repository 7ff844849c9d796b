//! Record exports from other databases (`patdex ingest --records`): the Lens and Google Patents
//! CSV layouts and a mapping file for an in-house spreadsheet, on small files written by hand
//! for this project (`tests/data/records/`), so every expected value below was read from those
//! files, not from patdex. Citation numbers written in several spellings must meet the real
//! PatSnap records they name.

mod common;

use std::path::{Path, PathBuf};

use common::{patdex, stderr, stdout};
use serde_json::Value;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/records")
        .join(name)
}

fn ingest(index: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--index", index, "ingest", "--quiet"];
    all.extend_from_slice(args);
    patdex(&all)
}

fn show(index: &str, number: &str) -> Value {
    let o = patdex(&["--index", index, "show", number, "--json"]);
    assert!(o.status.success(), "{number}: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn names(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect()
}

fn hits(index: &str, query: &str) -> Vec<String> {
    let o = patdex(&["--index", index, "search", query, "--format", "jsonl"]);
    assert!(o.status.success(), "{query}: {}", stderr(&o));
    stdout(&o)
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["number"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn a_lens_export_is_recognised_and_read_field_by_field() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("idx");
    let index = index.to_str().unwrap();
    // A .csv among the paths is a record export; its header says it is the Lens layout.
    let o = ingest(index, &[data("lens.csv").to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("3 added, 0 replaced, 0 skipped, 0 quarantined"),
        "{}",
        stdout(&o)
    );

    let g = show(index, "US 10,512,345 B2");
    assert_eq!(g["number"], "US10512345B2");
    assert_eq!(g["kind"], "grant");
    assert_eq!(g["format"], "lens-export");
    assert_eq!(g["title"], "Foam-assisted laundry drum");
    assert!(
        g["abstract"]
            .as_str()
            .unwrap()
            .ends_with("before the wash water does.")
    );
    assert_eq!(g["pub_date"], "2019-12-24");
    // `US 201715812345 A`: the serial as the USPTO writes it.
    assert_eq!(g["application"]["number"], "15812345");
    assert_eq!(g["application"]["filing_date"], "2017-11-14");
    assert_eq!(g["priority_date"], "2016-11-15");
    assert_eq!(g["priority_claims"][0]["number"], "62422111");
    assert_eq!(g["cpc"][0]["symbol"], "D06F35/002");
    assert_eq!(g["ipc"][1]["symbol"], "D06F39/02");
    assert_eq!(g["us_classes"][0], "68/13R");
    // The comma in the quoted applicant is part of the name; `;;` separates inventors.
    assert_eq!(names(&g["assignees"]), ["Brightwash Appliances, Inc."]);
    assert_eq!(names(&g["inventors"]), ["OKAFOR ADAEZE", "LINDQVIST PER"]);
    // The family lists the grant itself and its pre-grant publication.
    let related = g["related"].as_array().unwrap();
    assert_eq!(related.len(), 1);
    assert_eq!(related[0]["number"], "20180135241");
    assert_eq!(g["lacks"], serde_json::json!(["claims", "description"]));

    let a = show(index, "US 2018/0135241 A1");
    assert_eq!(a["kind"], "application");
    let e = show(index, "EP3456789A1");
    assert_eq!(e["kind"], "application");
    assert_eq!(e["application"]["country"], "EP");
    assert_eq!(e["application"]["number"], "18190001");
    assert_eq!(e["cpc"][0]["symbol"], "C02F3/201");
    assert_eq!(names(&e["assignees"]), ["KLARWERK GMBH"]);

    // Every patdex feature sees them: fields, classes, dates, family.
    let mut foam = hits(index, "ti:foam");
    foam.sort();
    assert_eq!(foam, ["US10512345B2", "US20180135241A1"]);
    assert_eq!(hits(index, "cpc:C02F3"), ["EP3456789A1"]);
    assert_eq!(hits(index, "ab:membrane AND pd>=2019"), ["EP3456789A1"]);
}

#[test]
fn a_google_patents_export_with_its_search_line_and_comma_lists() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("idx");
    let index = index.to_str().unwrap();
    let file = data("google.csv");
    let o = ingest(
        index,
        &["--records", file.to_str().unwrap(), "--map", "google"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("3 added"), "{}", stdout(&o));

    let d = show(index, "US11234567B1");
    assert_eq!(d["title"], "Ultrasonic bubble generator for a dishwasher");
    assert_eq!(names(&d["assignees"]), ["Kitchenworks, LLC"]);
    assert_eq!(names(&d["inventors"]), ["Maria Santos", "Kenji Watanabe"]);
    assert_eq!(d["priority_date"], "2019-02-01");
    assert_eq!(d["application"]["filing_date"], "2019-06-30");
    assert_eq!(d["pub_date"], "2022-02-01");
    assert_eq!(
        d["lacks"],
        serde_json::json!(["abstract", "claims", "description"])
    );
    let c = show(index, "CN110123456A");
    assert_eq!(c["kind"], "application");
    assert_eq!(names(&c["assignees"]), ["Suzhou Bright Clean Co., Ltd."]);
    assert_eq!(show(index, "US20200123456A1")["kind"], "application");
}

#[test]
fn a_mapping_file_reads_an_inhouse_spreadsheet_and_citations_meet_the_documents_they_name() {
    let shared = require_shared!();
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("idx");
    let index = index.to_str().unwrap();
    // Three real PatSnap records, named in the spreadsheet's citation column as
    // `US 5,295,373`, `EP 1 918 441 A1` and `USR40734`.
    let corpus = shared.join("eval/patsnap-cs3245/corpus");
    let cited: Vec<String> = ["US5295373.xml", "EP1918441A1.xml", "USR40734.xml"]
        .iter()
        .map(|f| corpus.join(f).to_str().unwrap().to_string())
        .collect();
    let mut args: Vec<&str> = cited.iter().map(String::as_str).collect();
    let tsv = data("inhouse.tsv");
    let map = data("inhouse.toml");
    args.extend([
        "--records",
        tsv.to_str().unwrap(),
        "--map",
        map.to_str().unwrap(),
    ]);
    let o = ingest(index, &args);
    assert!(o.status.success(), "{}", stderr(&o));
    // The row without a publication number is quarantined; the run goes on.
    assert!(
        stdout(&o).contains("4 added, 0 replaced, 0 skipped, 1 quarantined"),
        "{}",
        stdout(&o)
    );
    let q: Vec<PathBuf> = std::fs::read_dir(tmp.path().join("idx/quarantine"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    assert_eq!(q.len(), 1);
    let raw = std::fs::read_to_string(&q[0]).unwrap();
    assert!(
        raw.starts_with("Publication,Title,Abstract,Claims"),
        "{raw}"
    );
    assert!(raw.contains(",Missing number row,"), "{raw}");

    let p = show(index, "US9876543B1");
    assert_eq!(p["format"], "inhouse-export");
    assert_eq!(p["claims"].as_array().unwrap().len(), 2);
    assert_eq!(p["claims"][1]["refers_to"], serde_json::json!([1]));
    assert_eq!(names(&p["inventors"]), ["Lucy Chen", "Alan Brooks"]);
    assert_eq!(p["inventors"][1]["last_name"], "Brooks");
    assert_eq!(p["lacks"], serde_json::json!(["description"]));
    assert_eq!(hits(index, "cl:venturi"), ["US9876543B1"]);

    // Each spelling of a cited number meets the record it names, whichever spelling the
    // query uses. (The real EP1918441A1 cites US5295373 too: its `Cites` field, read by hand.)
    for (q, citing) in [
        ("ct:US5295373", vec!["US9876543B1", "EP1918441A1"]),
        ("ct:\"US 5,295,373\"", vec!["US9876543B1", "EP1918441A1"]),
        ("ct:EP1918441", vec!["US9876543B1"]),
        ("ct:USRE40734", vec!["US9876543B1"]),
    ] {
        let mut found = hits(index, q);
        found.sort();
        let mut citing = citing;
        citing.sort();
        assert_eq!(found, citing, "{q}");
    }
    // ... and eval's citation topics find all three cited records in the index for the
    // spreadsheet's grant (the fourth citation, US4933979, is not in it; the fifth is not a
    // number). EP1918441A1 is an application, and citation topics are grants.
    let o = patdex(&[
        "--index",
        index,
        "eval",
        "--from-citations",
        "--cited-by",
        "any",
        "--config",
        "bm25",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["report"]["topics"], 1, "{v}");
    assert_eq!(v["report"]["judgments"], 3, "{v}");
}

#[test]
fn unknown_layouts_and_bad_mappings_are_refused_with_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("idx");
    let index = index.to_str().unwrap();
    let odd = tmp.path().join("odd.csv");
    std::fs::write(&odd, "Nummer,Titel\nUS1,Rad\n").unwrap();
    let o = ingest(index, &[odd.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("Nummer, Titel") && e.contains("--map FILE"),
        "{e}"
    );

    let o = ingest(
        index,
        &["--records", odd.to_str().unwrap(), "--map", "lens"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("column 'Display Key'"),
        "{}",
        stderr(&o)
    );

    let typo = tmp.path().join("typo.toml");
    std::fs::write(
        &typo,
        "name = \"t\"\n[columns]\nnumber = \"Nummer\"\ntitel = \"Titel\"\n",
    )
    .unwrap();
    let o = ingest(
        index,
        &[
            "--records",
            odd.to_str().unwrap(),
            "--map",
            typo.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("titel"), "{}", stderr(&o));

    let o = ingest(
        index,
        &["--records", odd.to_str().unwrap(), "--map", "nosuch"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("lens, google"), "{}", stderr(&o));

    let o = ingest(index, &[odd.to_str().unwrap(), "--map", "lens"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--records FILE --map"),
        "{}",
        stderr(&o)
    );

    // Nothing was written by any of these.
    assert!(!Path::new(index).exists());
}

#[test]
fn rebuild_and_reingest_keep_the_mapping_a_file_was_read_with() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("idx");
    let index = index.to_str().unwrap();
    let tsv = tmp.path().join("mine.tsv");
    let map = tmp.path().join("mine.toml");
    std::fs::copy(data("inhouse.tsv"), &tsv).unwrap();
    std::fs::copy(data("inhouse.toml"), &map).unwrap();
    let args = [
        "--records",
        tsv.to_str().unwrap(),
        "--map",
        map.to_str().unwrap(),
    ];
    let o = ingest(index, &args);
    assert!(stdout(&o).contains("1 added"), "{}", stdout(&o));
    let o = ingest(index, &args);
    assert!(stdout(&o).contains("0 read, 1 unchanged"), "{}", stdout(&o));

    // The mapping file is gone: rebuild reads the file with the copy kept in the manifest.
    std::fs::remove_file(&map).unwrap();
    let o = patdex(&["--index", index, "rebuild", "--quiet"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("1 added"), "{}", stdout(&o));
    assert_eq!(show(index, "US9876543B1")["format"], "inhouse-export");

    // The same bytes read with another mapping are read again.
    let other = tmp.path().join("other.toml");
    std::fs::write(
        &other,
        std::fs::read_to_string(data("inhouse.toml"))
            .unwrap()
            .replace("name = \"inhouse\"", "name = \"portfolio\""),
    )
    .unwrap();
    let o = ingest(
        index,
        &[
            "--records",
            tsv.to_str().unwrap(),
            "--map",
            other.to_str().unwrap(),
        ],
    );
    assert!(stdout(&o).contains("1 read, 0 unchanged"), "{}", stdout(&o));
    assert!(stdout(&o).contains("0 added, 1 replaced"), "{}", stdout(&o));
    assert_eq!(show(index, "US9876543B1")["format"], "portfolio-export");
}
