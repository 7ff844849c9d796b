//! Checks on the bundled sample corpus in `corpus/` (invented documents in USPTO XML).
//!
//! * `grant_file_holds_60_to_80_grants` and `application_zip_has_one_member` run everywhere.
//! * `corpus_validates_against_uspto_dtds` runs `corpus/validate.sh`, which validates every
//!   document with `xmllint --valid` against the USPTO DTDs in `../shared/data/uspto/dtd`.
//!   It is skipped, loudly, when `xmllint` is not installed or the DTD directory is missing.
//!
//! Only the standard library is used, so the file compiles on its own with `rustc --test`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Repository root: `CARGO_MANIFEST_DIR` under cargo; when the file is compiled by plain
/// `rustc --test` (no cargo environment), the current directory, so run it from the repo root.
fn repo() -> PathBuf {
    match option_env!("CARGO_MANIFEST_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => std::env::current_dir().expect("no current directory"),
    }
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e} (regenerate with `python3 corpus/generate.py`)",
            path.display()
        )
    })
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// Reports a skipped check.  Written straight to the stderr handle rather than with `eprintln!`,
/// which the test harness captures, so the message shows up even without `--nocapture`.
fn skip(reason: &str) {
    use std::io::Write;
    let bar = "!".repeat(78);
    let msg = format!(
        "\n{}\n!!! SKIPPING the DTD validation of the sample corpus: {}\n{}\n",
        bar, reason, bar
    );
    let _ = std::io::stderr().write_all(msg.as_bytes());
}

#[test]
fn grant_file_holds_60_to_80_grants() {
    let text = read(&repo().join("corpus/ipg_patdex_sample.xml"));
    let roots = count(&text, b"<us-patent-grant ");
    assert!(
        (60..=80).contains(&roots),
        "expected 60 to 80 <us-patent-grant> documents, found {}",
        roots
    );
    // weekly-file layout: one XML declaration and one DOCTYPE per document, no wrapper
    assert_eq!(
        count(&text, b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
        roots
    );
    assert_eq!(
        count(
            &text,
            b"<!DOCTYPE us-patent-grant SYSTEM \"us-patent-grant-v45-2014-04-03.dtd\" [ ]>"
        ),
        roots
    );
    assert_eq!(count(&text, b"</us-patent-grant>"), roots);
    assert!(
        text.starts_with(b"<?xml "),
        "the file must start with an XML declaration"
    );
    assert!(
        std::str::from_utf8(&text).is_ok(),
        "the grant file must be UTF-8"
    );
}

#[test]
fn application_zip_has_one_member() {
    let zip = read(&repo().join("corpus/ipa_patdex_sample.zip"));
    assert!(zip.starts_with(b"PK\x03\x04"), "not a zip file");
    // local file header: name length at offset 26, name at offset 30
    let name_len = u16::from_le_bytes([zip[26], zip[27]]) as usize;
    assert_eq!(&zip[30..30 + name_len], b"ipa_patdex_sample.xml");
    // end of central directory record: total number of entries at offset 10
    let eocd = zip
        .windows(4)
        .rposition(|w| w == b"PK\x05\x06")
        .expect("no end of central directory record");
    let entries = u16::from_le_bytes([zip[eocd + 10], zip[eocd + 11]]);
    assert_eq!(entries, 1, "the zip must hold exactly one member");
}

#[test]
fn corpus_validates_against_uspto_dtds() {
    let root = repo();
    let have_xmllint = Command::new("xmllint").arg("--version").output().is_ok();
    if !have_xmllint {
        skip("`xmllint` is not on PATH (Debian/Ubuntu: apt-get install libxml2-utils)");
        return;
    }
    let dtd_dir = root.join("../shared/data/uspto/dtd");
    if !dtd_dir.is_dir() {
        skip(&format!(
            "DTD directory {} does not exist",
            dtd_dir.display()
        ));
        return;
    }
    let out = Command::new("bash")
        .arg(root.join("corpus/validate.sh"))
        .arg(&dtd_dir)
        .current_dir(&root)
        .output()
        .expect("cannot run bash corpus/validate.sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("{stdout}{stderr}");
    assert!(
        out.status.success(),
        "corpus/validate.sh failed ({})\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}",
        out.status
    );
}
