//! Records that lack parts (claims, description, sometimes the abstract), on real data: a subset
//! of the 2,244 PatSnap records in `../shared/data/eval/patsnap-cs3245/corpus` (bibliographic
//! exports, one record per file) indexed together with the full-text sample corpus (`corpus/`,
//! which lacks nothing).
//!
//! What the records lack is worked out here from the record files themselves (every record has
//! no claims and no description; an abstract is missing when the file has no non-empty
//! `Abstract` field), and so are the records whose abstract holds the test word; patdex's
//! `lacks:` searches and its notes must agree with those counts.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{patdex, stderr, stdout};
use patdex::number::PubNumber;

/// A word in the abstracts of several records (and in no claim of the sample corpus).
const WORD: &str = "bubble";

/// One PatSnap record file, read without patdex's parser.
struct Record {
    /// The canonical number with kind, e.g. `US5295373A`.
    id: String,
    has_abstract: bool,
    /// The abstract holds `WORD` or its plural.
    word_in_abstract: bool,
}

/// The text of `<str name="NAME">...</str>`, trimmed.
fn str_field<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<str name=\"{name}\">");
    let start = xml.find(&open)? + open.len();
    let end = start + xml[start..].find("</str>")?;
    Some(xml[start..end].trim())
}

fn read_record(path: &Path) -> Record {
    let xml = std::fs::read_to_string(path).unwrap();
    assert_eq!(common::count_tag(xml.as_bytes(), "doc"), 1, "{path:?}");
    let mut number = str_field(&xml, "Patent Number")
        .expect("a number")
        .to_string();
    // PatSnap writes reissues `USR34586`.
    if let Some(d) = number.strip_prefix("USR")
        && d.starts_with(|c: char| c.is_ascii_digit())
    {
        number = format!("USRE{d}");
    }
    let kind = str_field(&xml, "Kind Code").unwrap_or("");
    let full = if number.ends_with(kind) {
        number.to_string()
    } else {
        format!("{number}{kind}")
    };
    let id = full.parse::<PubNumber>().unwrap().to_string();
    let abstract_text = str_field(&xml, "Abstract").unwrap_or("");
    let plural = format!("{WORD}s");
    let word_in_abstract = abstract_text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(WORD) || w.eq_ignore_ascii_case(&plural));
    Record {
        id,
        has_abstract: !abstract_text.is_empty(),
        word_in_abstract,
    }
}

/// `2244` as `2,244`, as patdex prints counts.
fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The index of the test: the chosen records plus the sample corpus.
struct Fixture {
    _tmp: tempfile::TempDir,
    index: String,
    records: Vec<Record>,
    /// Documents in the index.
    total: usize,
}

impl Fixture {
    /// Every tenth record file, every record without an abstract, and every record whose
    /// abstract holds `WORD`, copied to a folder and ingested with `corpus/`.
    fn new(data: &Path) -> Fixture {
        let dir = data.join("eval/patsnap-cs3245/corpus");
        let tmp = tempfile::tempdir().unwrap();
        let picked = tmp.path().join("records");
        std::fs::create_dir(&picked).unwrap();
        let mut records = Vec::new();
        for (i, path) in common::files_under(&dir).iter().enumerate() {
            let r = read_record(path);
            if i % 10 == 0 || !r.has_abstract || r.word_in_abstract {
                std::fs::copy(path, picked.join(path.file_name().unwrap())).unwrap();
                records.push(r);
            }
        }
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let grants = std::fs::read(corpus.join("ipg_patdex_sample.xml")).unwrap();
        let applications = common::parse_file(&corpus.join("ipa_patdex_sample.zip"));
        let total = records.len()
            + common::count_tag(&grants, "us-patent-grant")
            + applications.patents.len();
        let index = tmp.path().join("idx").to_str().unwrap().to_string();
        let o = patdex(&[
            "--index",
            &index,
            "ingest",
            "--quiet",
            picked.to_str().unwrap(),
            corpus.join("ipg_patdex_sample.xml").to_str().unwrap(),
            corpus.join("ipa_patdex_sample.zip").to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        Fixture {
            _tmp: tmp,
            index,
            records,
            total,
        }
    }

    fn ids(&self, keep: impl Fn(&Record) -> bool) -> BTreeSet<String> {
        self.records
            .iter()
            .filter(|r| keep(r))
            .map(|r| r.id.clone())
            .collect()
    }

    fn search(&self, query: &str, args: &[&str]) -> std::process::Output {
        let mut all = vec!["--index", &self.index, "search"];
        all.extend_from_slice(args);
        all.extend(["--", query]);
        patdex(&all)
    }

    /// Every hit of `query`, and the notes on stderr.
    fn hits(&self, query: &str) -> (BTreeSet<String>, String) {
        let o = self.search(query, &["--all", "--format", "jsonl", "--no-snippets"]);
        assert!(o.status.code().unwrap() < 2, "{query}: {}", stderr(&o));
        let hits = stdout(&o)
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["number"].as_str().unwrap().to_string()
            })
            .collect();
        (hits, stderr(&o))
    }

    /// The `notes` of `search --format json`.
    fn notes(&self, query: &str) -> Vec<serde_json::Value> {
        let o = self.search(query, &["--format", "json"]);
        assert!(o.status.code().unwrap() < 2, "{query}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["notes"].as_array().unwrap().clone()
    }
}

#[test]
fn searches_on_parts_records_lack_say_so_and_lacks_finds_them() {
    let data = require_shared!();
    let f = Fixture::new(&data);
    let records = f.ids(|_| true);
    let without_abstract = f.ids(|r| !r.has_abstract);
    let word_in_abstract = f.ids(|r| r.word_in_abstract);
    assert_eq!(records.len(), f.records.len(), "one record per number");
    assert!(records.len() > 200, "{}", records.len());
    assert_eq!(without_abstract.len(), 11);
    assert!(word_in_abstract.len() >= 10, "{}", word_in_abstract.len());
    let n = records.len();

    // `lacks:` finds exactly the records, and none of the full-text corpus.
    assert_eq!(f.hits("lacks:claims").0, records);
    assert_eq!(f.hits("lacks:description").0, records);
    assert_eq!(f.hits("lacks:cl lacks:desc").0, records);
    assert_eq!(f.hits("lacks:abstract").0, without_abstract);
    assert_eq!(f.hits("-lacks:claims").0.intersection(&records).count(), 0);

    // The word is in their abstracts...
    let (ab, ab_note) = f.hits(&format!("ab:{WORD}"));
    assert_eq!(
        ab.intersection(&records).cloned().collect::<BTreeSet<_>>(),
        word_in_abstract
    );
    assert!(
        ab_note.contains(&format!(
            "patdex: note: {} of the {} documents in the index are records without an abstract",
            without_abstract.len(),
            thousands(f.total)
        )),
        "{ab_note}"
    );

    // ...but a claims search can match none of the records, and says how many it cannot see.
    let expected = format!(
        "{} of the {} documents in the index are records without claims (bibliographic records exported from other databases), which `cl:` cannot match. Search `ti:` or `ab:` too to reach them; `lacks:claims` finds them.",
        thousands(n),
        thousands(f.total)
    );
    let (cl, cl_note) = f.hits(&format!("cl:{WORD}"));
    assert_eq!(cl.intersection(&records).count(), 0, "{cl:?}");
    assert!(cl_note.contains(&expected), "{cl_note}");
    let notes = f.notes(&format!("cl:{WORD}"));
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0]["lacks"], serde_json::json!(["claims"]));
    assert_eq!(notes[0]["fields"], serde_json::json!(["cl"]));
    assert_eq!(notes[0]["documents"], n);
    assert_eq!(notes[0]["total"], f.total);
    assert_eq!(notes[0]["message"], expected.as_str());
    // The readable output: nothing found (the corpus has no claim with the word), and why.
    let o = f.search(&format!("cl:{WORD}"), &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert_eq!(
        stdout(&o),
        format!("no documents match `cl:{WORD}` (0 hits)\nnote: {expected}\n")
    );
    let notes = f.notes(&format!("icl:{WORD}"));
    assert_eq!(notes[0]["fields"], serde_json::json!(["icl"]));
    assert_eq!(notes[0]["documents"], n);

    // Description, and both together: one note for the pair an OR needs.
    let (desc, _) = f.hits(&format!("desc:{WORD}"));
    assert_eq!(desc.intersection(&records).count(), 0);
    let notes = f.notes(&format!("desc:{WORD}"));
    assert_eq!(notes[0]["lacks"], serde_json::json!(["description"]));
    assert_eq!(notes[0]["documents"], n);
    let notes = f.notes(&format!("cl:{WORD} OR desc:{WORD}"));
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(
        notes[0]["lacks"],
        serde_json::json!(["claims", "description"])
    );
    assert_eq!(notes[0]["fields"], serde_json::json!(["cl", "desc"]));
    assert_eq!(notes[0]["documents"], n);
    assert_eq!(f.notes(&format!("cl:{WORD} AND desc:{WORD}")).len(), 2);

    // The remedy the note suggests reaches them.
    let (both, _) = f.hits(&format!("cl:{WORD} OR (lacks:claims AND ab:{WORD})"));
    assert_eq!(
        both.intersection(&records)
            .cloned()
            .collect::<BTreeSet<_>>(),
        word_in_abstract
    );

    // Searches every record can match need no note: all fields, the title, an OR that reaches
    // the title, an exclusion by claims.
    for q in [
        WORD.to_string(),
        format!("txt:{WORD}"),
        format!("ti:{WORD}"),
        format!("cl:{WORD} OR ti:{WORD}"),
        format!("ti:{WORD} NOT cl:{WORD}"),
    ] {
        assert_eq!(f.notes(&q), Vec::<serde_json::Value>::new(), "{q}");
        let o = f.search(&q, &[]);
        assert!(!stdout(&o).contains("note:"), "{q}: {}", stdout(&o));
        assert!(!stderr(&o).contains("note:"), "{q}: {}", stderr(&o));
    }
    let (all, note) = f.hits(WORD);
    assert!(all.is_superset(&word_in_abstract));
    assert_eq!(note, "");

    // explain counts the same and says the same.
    let o = patdex(&["--index", &f.index, "explain", &format!("cl:{WORD}")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains(&format!("note: {expected}\n")),
        "{}",
        stdout(&o)
    );
    let o = patdex(&[
        "--index",
        &f.index,
        "explain",
        &format!("cl:{WORD} AND ti:{WORD}"),
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["notes"][0]["documents"], n, "{v}");
    let o = patdex(&["--index", &f.index, "explain", WORD, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["notes"], serde_json::json!([]));

    // A value lacks: does not know is a query error with a hint.
    let o = f.search("lacks:figures", &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("lacks: takes abstract, claims or description"));
}

/// An index made before `lacks` was indexed (here: the field taken out of its schema) asks for
/// `patdex rebuild`, and the rebuild makes `lacks:` work. Needs only the sample corpus.
#[test]
fn an_index_from_before_lacks_asks_for_a_rebuild() {
    let (_tmp, index) = common::corpus_index();
    let meta = Path::new(&index).join("tantivy/meta.json");
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&meta).unwrap()).unwrap();
    let fields = v["schema"].as_array_mut().unwrap();
    let before = fields.len();
    fields.retain(|f| f["name"] != "lacks");
    assert_eq!(fields.len(), before - 1);
    std::fs::write(&meta, serde_json::to_vec(&v).unwrap()).unwrap();

    let o = patdex(&["--index", &index, "search", "lacks:claims"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("run `patdex rebuild`"),
        "{}",
        stderr(&o)
    );

    let o = patdex(&["--index", &index, "rebuild", "--quiet"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = patdex(&["--index", &index, "search", "lacks:claims"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let o = patdex(&[
        "--index",
        &index,
        "search",
        "cl:electrolyte",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["notes"], serde_json::json!([]));
}
