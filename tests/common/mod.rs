//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use patdex::model::Patent;
use patdex::parse::{self, Parsed};

/// `../shared/data`, or `None` after a loud message: tests that need real data skip without it
/// (CI always has it).
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if p.is_dir() {
        Some(p)
    } else {
        // Straight to the stderr handle: the test harness captures `eprintln!`, and a skip must
        // be seen.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED: {} not found. This test needs the real patent data in ../shared/data (CI always has it). ***\n",
            p.display()
        );
        None
    }
}

/// Returns early from the test when `../shared/data` is absent.
#[macro_export]
macro_rules! require_shared {
    () => {
        match common::shared() {
            Some(p) => p,
            None => return,
        }
    };
}

/// What parsing every document of one file gave.
#[derive(Default)]
pub struct FileParse {
    pub patents: Vec<Patent>,
    pub skipped: Vec<String>,
    pub errors: Vec<(u64, String)>,
}

/// Reads a file (any container) through the source layer and parses each document.
pub fn parse_file(path: &Path) -> FileParse {
    let mut out = FileParse::default();
    let progress = Arc::new(AtomicU64::new(0));
    let mut sink = |doc: patdex::source::RawDoc| {
        match parse::parse_document(&doc.bytes) {
            Ok(parsed @ (Parsed::Patent(_) | Parsed::Patents(_))) => {
                out.patents.extend(parsed.into_patents())
            }
            Ok(Parsed::Skipped { root }) => out.skipped.push(root),
            Err(e) => out.errors.push((doc.index, e.to_string())),
        }
        Ok(())
    };
    patdex::source::read_file(path, &progress, &mut sink)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .unwrap_or_else(|_| panic!("stopped"));
    out
}

/// Counts start tags `<name` followed by a space or `>` in raw bytes: an independent count of
/// documents with that root.
pub fn count_tag(bytes: &[u8], name: &str) -> usize {
    let pat = format!("<{name}");
    let pat = pat.as_bytes();
    bytes
        .windows(pat.len() + 1)
        .filter(|w| {
            &w[..pat.len()] == pat && matches!(w[pat.len()], b' ' | b'>' | b'\n' | b'\r' | b'\t')
        })
        .count()
}

/// All files under `dir` (recursive), sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Runs the patdex binary.
pub fn patdex(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_patdex"))
        .args(args)
        .env_remove("PATDEX_INDEX")
        .output()
        .expect("patdex runs")
}

/// A fresh index in a temporary folder with `path` ingested; the folder lives as long as the
/// returned guard.
pub fn temp_index(path: &str) -> (tempfile::TempDir, String) {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("idx").to_str().unwrap().to_string();
    let o = patdex(&["--index", &index, "ingest", "--quiet", path]);
    assert!(o.status.success(), "{}", stderr(&o));
    (tmp, index)
}

/// An index of the sample corpus's US documents: its two top-level files (74 grants, 9
/// applications), as `quickstart` ingests them, without `corpus/offices/` (the EP and CN
/// samples, which `tests/offices.rs` covers).
pub fn corpus_index() -> (tempfile::TempDir, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (tmp, index) = temp_index(root.join("ipg_patdex_sample.xml").to_str().unwrap());
    let o = patdex(&[
        "--index",
        &index,
        "ingest",
        "--quiet",
        root.join("ipa_patdex_sample.zip").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    (tmp, index)
}

/// Runs the patdex binary on the index `index`: stdout, stderr and the exit code.
pub fn run_in(index: &str, args: &[&str]) -> (String, String, i32) {
    let mut all = vec!["--index", index];
    all.extend_from_slice(args);
    let o = patdex(&all);
    (stdout(&o), stderr(&o), o.status.code().unwrap_or(-1))
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Collapses whitespace, for comparing texts from different parsers.
pub fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The numbers of every hit of `query` in `index` (`--all`, JSON lines), in rank order; `extra`
/// arguments go after the query. Panics on a bad query (exit 2).
pub fn search_numbers(index: &str, query: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec![
        "--index",
        index,
        "search",
        query,
        "--all",
        "--format",
        "jsonl",
        "--no-snippets",
    ];
    args.extend_from_slice(extra);
    let o = patdex(&args);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{query}: {}",
        stderr(&o)
    );
    stdout(&o)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["number"].as_str().unwrap().to_string()
        })
        .collect()
}

/// The strings as a set, for comparing hit lists whose order does not matter.
pub fn set(v: &[&str]) -> std::collections::BTreeSet<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// The one document of the file at `path` (read through the source layer), with no errors.
pub fn only_patent(path: &Path) -> Patent {
    let mut got = parse_file(path);
    assert!(
        got.errors.is_empty(),
        "{}: {:?}",
        path.display(),
        got.errors
    );
    assert_eq!(got.patents.len(), 1, "{}", path.display());
    got.patents.remove(0)
}

/// The `number` of each hit of a JSON search answer (CLI `--format json` or the API), in order.
pub fn hit_numbers(v: &serde_json::Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["number"].as_str().unwrap().to_string())
        .collect()
}
