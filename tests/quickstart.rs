//! The README's quickstart on the bundled corpus: it must work on a fresh clone without
//! ../shared.

mod common;

use common::{patdex, stderr, stdout};

#[test]
fn quickstart_ingests_the_corpus_and_finds_things() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let index = index.to_str().unwrap();
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let o = patdex(&["--index", index, "quickstart", "--corpus", corpus]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    // 74 grants in the weekly-style file and 9 applications in the zip (counted in
    // tests/corpus_dtd.rs and corpus/README.md).
    assert!(out.contains("files: 2 (2 read"), "{out}");
    assert!(
        out.contains("83 added, 0 replaced, 0 skipped, 0 quarantined"),
        "{out}"
    );
    assert!(
        !out.contains("(0 hits)"),
        "every example search finds something:\n{out}"
    );
    // The prior-art example's cut-off is its provisional's filing date (20151204 in the XML).
    assert!(
        out.contains("Prior art for US11950719B2, published before 2015-12-04"),
        "{out}"
    );
    assert!(out.contains("documents: 83"), "{out}");
    assert!(out.contains("by kind: application 9, grant 74"), "{out}");

    // Running it again reads nothing twice.
    let o = patdex(&["--index", index, "quickstart", "--corpus", corpus]);
    assert!(stdout(&o).contains("0 read, 2 unchanged"), "{}", stdout(&o));

    // The corpus cites its own documents: the sulfide electrolyte grant is cited by later ones.
    let o = patdex(&[
        "--index",
        index,
        "search",
        "ct:US10676429",
        "--format",
        "jsonl",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let citing: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!citing.is_empty());
    for hit in &citing {
        assert!(hit["date"].as_str().unwrap() > "2020-06-09", "{hit}");
    }
}
