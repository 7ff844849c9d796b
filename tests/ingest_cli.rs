//! End-to-end: the `patdex` binary ingesting real USPTO files, then `stats`, `show`, `search`,
//! re-ingest, `--force`, `rebuild`, quarantine, containers, and a kill in the middle of an ingest.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{count_tag, files_under, patdex, stderr, stdout};

fn ix(dir: &tempfile::TempDir) -> String {
    dir.path().join("index").to_string_lossy().into_owned()
}

/// `patdex --index INDEX ingest --quiet ARGS...`
fn ingest(index: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--index", index, "ingest", "--quiet"];
    all.extend_from_slice(args);
    patdex(&all)
}

fn stats_json(index: &str) -> serde_json::Value {
    let o = patdex(&["--index", index, "stats", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn docs(index: &str) -> u64 {
    stats_json(index)["documents"].as_u64().unwrap()
}

/// Publication numbers found by a plain text scan (independent of the parser): the first
/// `<doc-number>` after each `<publication-reference>` of patent documents (sequence listings
/// carry a publication reference too).
fn publication_numbers(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.split("<?xml")
        .filter(|doc| !doc.contains("<sequence-cwu"))
        .flat_map(first_publication_number)
        .collect()
}

fn first_publication_number(text: &str) -> Option<String> {
    let rest = &text[text.find("<publication-reference>")?..];
    let a = rest.find("<doc-number>")? + "<doc-number>".len();
    let b = rest[a..].find("</doc-number>")?;
    Some(rest[a..a + b].trim().to_string())
}

fn distinct_numbers(files: &[PathBuf]) -> usize {
    let mut set = HashSet::new();
    for f in files {
        set.extend(publication_numbers(&std::fs::read(f).unwrap()));
    }
    set.len()
}

#[test]
fn ingest_then_stats_show_and_search_on_real_bulk_files() {
    let data = require_shared!();
    let bulk = data.join("uspto/grant/bulk");
    let tmp = tempfile::tempdir().unwrap();
    let index = ix(&tmp);
    let o = ingest(&index, &[bulk.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let files = files_under(&bulk);
    let roots: usize = files
        .iter()
        .map(|f| count_tag(&std::fs::read(f).unwrap(), "us-patent-grant"))
        .sum();
    let distinct = distinct_numbers(&files);
    let out = stdout(&o);
    assert!(
        out.contains(&format!("files: {} ({} read", files.len(), files.len())),
        "{out}"
    );
    assert!(out.contains(&format!("{distinct} added")), "{out}");
    assert!(
        out.contains(&format!("{} replaced", roots - distinct)),
        "{out}"
    );
    assert!(out.contains("0 quarantined"), "{out}");

    let st = stats_json(&index);
    assert_eq!(st["documents"].as_u64().unwrap() as usize, distinct);
    assert_eq!(st["by_kind"]["grant"].as_u64().unwrap() as usize, distinct);
    let by_year: u64 = st["by_year"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(by_year as usize, distinct);
    assert_eq!(
        st["by_year"]["2012"].as_u64().unwrap(),
        196 + 25,
        "ipg120327 + ipg120103"
    );
    assert_eq!(st["files"].as_u64().unwrap() as usize, files.len());
    assert!(st["index_bytes"].as_u64().unwrap() > 0);

    // The same document under every usual way of writing its number.
    for n in ["USD0656296S1", "D656,296", "US D656296 S1", "d656296"] {
        let o = patdex(&["--index", &index, "show", n]);
        assert!(o.status.success(), "{n}: {}", stderr(&o));
        let s = stdout(&o);
        assert!(s.starts_with("USD656296S1"), "{n}: {s}");
        assert!(s.contains("Ready to eat snack piece"));
        assert!(s.contains("Frito-Lay North America, Inc."));
    }
    let o = patdex(&["--index", &index, "show", "--json", "D656296"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["number"], "USD656296S1");
    assert_eq!(v["doc_type"], "design");
    assert_eq!(
        v["claims"][0]["text"],
        "The ornamental design for a ready to eat snack piece, as shown and described."
    );

    let o = patdex(&[
        "--index", &index, "search", "snack", "--format", "json", "--limit", "50",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let hits: Vec<&str> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["number"].as_str().unwrap())
        .collect();
    assert!(hits.contains(&"USD656296S1"), "{hits:?}");
    assert_eq!(v["total"].as_u64().unwrap() as usize, hits.len());

    let o = patdex(&["--index", &index, "search", "ti:snack", "--format", "csv"]);
    let s = stdout(&o);
    assert!(
        s.starts_with("rank,number,kind,published,title,assignees,score,snippet"),
        "{s}"
    );
    assert!(s.contains("USD656296S1,grant,2012-03-27,Ready to eat snack piece,\"Frito-Lay North America, Inc.\""), "{s}");
    let o = patdex(&[
        "--index",
        &index,
        "search",
        "cpc:H01L51/5012 OR pa:frito",
        "--format",
        "jsonl",
    ]);
    assert!(o.status.success());
    assert!(stdout(&o).lines().count() >= 1);

    // Nothing found: exit 1. Broken query or number: exit 2 with a message that says why.
    let o = patdex(&["--index", &index, "search", "xyzzyplugh"]);
    assert_eq!(o.status.code(), Some(1));
    let o = patdex(&["--index", &index, "search", "ti:(snack"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.starts_with("bad query:"), "{e}");
    // The caret sits under the unclosed parenthesis (column 3 of the query, which is indented
    // by two).
    assert!(e.contains("\n  ti:(snack\n     ^\n"), "{e}");
    let o = patdex(&["--index", &index, "show", "hello"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is not a publication number"),
        "{}",
        stderr(&o)
    );
    let o = patdex(&["--index", &index, "show", "US1234567B1"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is not in the index"));
}

#[test]
fn missing_path_or_index_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let index = ix(&tmp);
    let o = patdex(&["--index", &index, "ingest", "/no/such/ipg990101.zip"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("/no/such/ipg990101.zip: no such file or directory"),
        "{}",
        stderr(&o)
    );
    assert!(
        !Path::new(&index).join("tantivy").exists(),
        "nothing may be created"
    );
    let o = patdex(&["--index", &index, "stats"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("patdex ingest"), "{}", stderr(&o));
}

#[test]
fn broken_document_is_quarantined_and_the_run_goes_on() {
    let data = require_shared!();
    let edge = data.join("uspto/grant/edge-cases");
    let tmp = tempfile::tempdir().unwrap();
    let index = ix(&tmp);
    let o = ingest(&index, &[edge.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    // Three altered copies of US8613112 parse (one added, two replace it); one is broken.
    assert!(
        out.contains("1 added, 2 replaced, 0 skipped, 1 quarantined"),
        "{out}"
    );
    assert_eq!(docs(&index), 1);
    let qdir = Path::new(&index).join("quarantine");
    let broken = edge.join("US07057742-20060606_missing-maths-start-tag.xml");
    let xml: Vec<PathBuf> = files_under(&qdir)
        .into_iter()
        .filter(|p| p.extension().unwrap() == "xml")
        .collect();
    assert_eq!(xml.len(), 1);
    assert_eq!(
        std::fs::read(&xml[0]).unwrap(),
        std::fs::read(&broken).unwrap(),
        "raw bytes kept exactly"
    );
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(xml[0].with_extension("json")).unwrap()).unwrap();
    assert!(
        meta["source"]
            .as_str()
            .unwrap()
            .ends_with("US07057742-20060606_missing-maths-start-tag.xml")
    );
    assert_eq!(meta["index"], 0);
    assert_eq!(meta["offset"], 0);
    assert!(
        meta["error"].as_str().unwrap().contains("</maths>"),
        "{meta}"
    );
    let o = patdex(&["--index", &index, "stats"]);
    let s = stdout(&o);
    assert!(s.contains("quarantined documents: 1"), "{s}");
    assert!(
        s.contains("US07057742-20060606_missing-maths-start-tag.xml document 0"),
        "{s}"
    );
}

#[test]
fn reingest_is_idempotent_and_force_replaces() {
    let data = require_shared!();
    let apps = data.join("uspto/application");
    let tmp = tempfile::tempdir().unwrap();
    let index = ix(&tmp);
    let a = apps.to_str().unwrap();
    let o = ingest(&index, &[a]);
    assert!(o.status.success(), "{}", stderr(&o));
    let files = files_under(&apps);
    let n = distinct_numbers(&files);
    assert_eq!(docs(&index) as usize, n);

    let o = ingest(&index, &[a]);
    let out = stdout(&o);
    assert!(
        out.contains(&format!("0 read, {} unchanged", files.len())),
        "{out}"
    );
    assert!(out.contains("0 added, 0 replaced"), "{out}");
    assert_eq!(docs(&index) as usize, n);

    // The same bytes under another name are recognised by their hash.
    let copy = tmp.path().join("renamed.xml");
    std::fs::copy(&files[0], &copy).unwrap();
    let o = ingest(&index, &[copy.to_str().unwrap()]);
    assert!(stdout(&o).contains("1 unchanged"), "{}", stdout(&o));
    assert_eq!(
        stats_json(&index)["files"].as_u64().unwrap() as usize,
        files.len() + 1,
        "the new name is recorded"
    );

    let o = ingest(&index, &["--force", a]);
    let out = stdout(&o);
    let roots: usize = files
        .iter()
        .map(|f| count_tag(&std::fs::read(f).unwrap(), "us-patent-application"))
        .sum();
    assert!(out.contains(&format!("0 added, {roots} replaced")), "{out}");
    assert_eq!(docs(&index) as usize, n, "still one copy of each document");
}

#[test]
fn zip_gzip_and_tar_inputs_give_the_same_documents() {
    let data = require_shared!();
    let src = data.join("uspto/grant/bulk/ipg080101_sample25docs.xml");
    let other = data.join("uspto/grant/bulk/ipg090106_sample25docs.xml");
    let bytes = std::fs::read(&src).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    std::fs::create_dir_all(&inputs).unwrap();

    let gz = inputs.join("ipg080101.xml.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::fast(),
    );
    std::io::Write::write_all(&mut enc, &bytes).unwrap();
    enc.finish().unwrap();

    let zip_path = inputs.join("ipg080101.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    z.start_file("ipg080101.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut z, &bytes).unwrap();
    z.start_file("ipg080101lst.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut z, b"not xml").unwrap();
    z.finish().unwrap();

    let tar_path = inputs.join("two.tar");
    let mut t = tar::Builder::new(std::fs::File::create(&tar_path).unwrap());
    t.append_path_with_name(&src, "a/ipg080101.xml").unwrap();
    t.append_path_with_name(&other, "a/ipg090106.xml").unwrap();
    t.finish().unwrap();

    // An archive inside an archive: the weekly zip inside a tar.
    let nested = tmp.path().join("nested.tar");
    let mut t = tar::Builder::new(std::fs::File::create(&nested).unwrap());
    t.append_path_with_name(&zip_path, "2008/ipg080101.zip")
        .unwrap();
    t.finish().unwrap();

    let expected = publication_numbers(&bytes).len();
    let expected_other = publication_numbers(&std::fs::read(&other).unwrap()).len();
    for (path, n) in [
        (&gz, expected),
        (&zip_path, expected),
        (&tar_path, expected + expected_other),
    ] {
        let d = tempfile::tempdir().unwrap();
        let index = ix(&d);
        let o = ingest(&index, &[path.to_str().unwrap()]);
        assert!(o.status.success(), "{}: {}", path.display(), stderr(&o));
        assert_eq!(docs(&index) as usize, n, "{}", path.display());
    }
    // A folder is walked recursively and picks up all three.
    let d = tempfile::tempdir().unwrap();
    let index = ix(&d);
    let o = ingest(&index, &[inputs.to_str().unwrap()]);
    assert!(stdout(&o).contains("files: 3 (3 read"), "{}", stdout(&o));
    assert_eq!(docs(&index) as usize, expected + expected_other);
}

#[test]
fn rebuild_recreates_the_index_from_its_manifest() {
    let data = require_shared!();
    let tmp = tempfile::tempdir().unwrap();
    let index = ix(&tmp);
    let kept = data.join("uspto/grant/bulk/ipg110104_sample25docs.xml");
    let temp_copy = tmp.path().join("ipg130416.xml");
    std::fs::copy(
        data.join("uspto/grant/bulk/ipg130416_sample27docs.xml"),
        &temp_copy,
    )
    .unwrap();
    let o = ingest(
        &index,
        &[kept.to_str().unwrap(), temp_copy.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let before = docs(&index);
    assert_eq!(before, 50);

    let o = patdex(&["--index", &index, "rebuild", "--quiet", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(summary["added"], 50);
    assert_eq!(summary["files_read"], 2);
    assert_eq!(summary["quarantined"], 0);
    assert_eq!(docs(&index), before);
    assert_eq!(stats_json(&index)["files"], 2);

    // A file gone from disk: refuse, and leave the index as it was.
    std::fs::remove_file(&temp_copy).unwrap();
    let o = patdex(&["--index", &index, "rebuild", "--quiet"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--skip-missing"), "{}", stderr(&o));
    assert!(stderr(&o).contains("ipg130416.xml"));
    assert_eq!(docs(&index), before);
    let o = patdex(&["--index", &index, "rebuild", "--quiet", "--skip-missing"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(docs(&index), 25);
    assert_eq!(stats_json(&index)["files"], 1);
}

/// Kills a real ingest (SIGKILL) after its first commit: the committed state must stay
/// searchable, and the next ingest must finish the job without duplicates.
#[test]
fn killing_an_ingest_leaves_the_last_commit_searchable() {
    let data = require_shared!();
    let tmp = tempfile::tempdir().unwrap();
    let index = ix(&tmp);
    let inputs = tmp.path().join("weekly");
    std::fs::create_dir_all(&inputs).unwrap();
    // Enough input for the run to last several seconds: copies of the real bulk files.
    let bulk = files_under(&data.join("uspto/grant/bulk"));
    let mut n_files = 0;
    for copy in 0..12 {
        for f in &bulk {
            let name = format!("c{copy:02}-{}", f.file_name().unwrap().to_string_lossy());
            // A trailing comment makes each copy a different file (same documents).
            let mut bytes = std::fs::read(f).unwrap();
            bytes.extend_from_slice(format!("\n<!-- copy {copy} -->\n").as_bytes());
            std::fs::write(inputs.join(name), bytes).unwrap();
            n_files += 1;
        }
    }
    let distinct = distinct_numbers(&bulk) as u64;
    let mut child = Command::new(env!("CARGO_BIN_EXE_patdex"))
        .args([
            "--index",
            &index,
            "ingest",
            "--quiet",
            "--threads",
            "1",
            "--commit-interval",
            "1",
        ])
        .arg(&inputs)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let manifest = Path::new(&index).join("manifest.json");
    let start = Instant::now();
    let mut finished_early = None;
    while start.elapsed() < Duration::from_secs(60) && !manifest.exists() {
        if let Some(status) = child.try_wait().unwrap() {
            finished_early = Some(status);
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    child.wait().unwrap();
    assert!(
        finished_early.is_none(),
        "ingest finished ({finished_early:?}) before it could be killed; give it more input"
    );
    assert!(manifest.exists(), "no commit within 60 s");

    let st = stats_json(&index);
    let committed_files = st["files"].as_u64().unwrap();
    assert!(
        committed_files >= 1 && (committed_files as usize) < n_files,
        "{st}"
    );
    assert!(st["documents"].as_u64().unwrap() > 0);
    assert!(st["documents"].as_u64().unwrap() <= distinct);
    let o = patdex(&["--index", &index, "search", "design", "--limit", "1"]);
    assert!(
        o.status.success(),
        "index not searchable after kill: {}",
        stderr(&o)
    );

    let o = ingest(&index, &[inputs.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains(&format!("{committed_files} unchanged")),
        "{out}"
    );
    let st = stats_json(&index);
    assert_eq!(st["documents"].as_u64().unwrap(), distinct);
    assert_eq!(st["files"].as_u64().unwrap() as usize, n_files);
}
