//! Quarantine: documents that could not be parsed, kept byte for byte with where they came from
//! and why they failed, so nothing is lost and a librarian can inspect or report them.
//!
//! Each document is two files: `<name>.xml` (the raw bytes; `.csv` for a row of a record
//! export, with its file's header line) and `<name>.json` (a
//! [`QuarantineEntry`]). Names derive from the origin and position, so re-ingesting the same
//! file overwrites rather than duplicates.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Why and where a document was quarantined.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuarantineEntry {
    /// Input file (or `archive!member`).
    pub source: String,
    /// 0-based position of the document in its source.
    pub index: u64,
    /// Byte offset of the document in its source's (decompressed) stream.
    pub offset: u64,
    pub bytes: u64,
    pub error: String,
    /// File holding the raw document.
    pub raw: PathBuf,
    pub parser_version: String,
    pub time: String,
}

fn safe_stem(origin: &str) -> String {
    let base = origin.rsplit(['/', '\\']).next().unwrap_or(origin);
    base.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Writes a quarantined document (`ext`: `xml`, or `csv` for a record row); returns the entry
/// written.
pub fn put(
    dir: &Path,
    origin: &str,
    index: u64,
    offset: u64,
    raw: &[u8],
    ext: &str,
    error: &str,
) -> anyhow::Result<QuarantineEntry> {
    std::fs::create_dir_all(dir)?;
    // A short hash of the full origin keeps same-named files from different folders apart.
    let tag = {
        use sha2::{Digest, Sha256};
        hex::encode(&Sha256::digest(origin.as_bytes())[..4])
    };
    let name = format!("{}-{tag}-{index:06}", safe_stem(origin));
    let raw_path = dir.join(format!("{name}.{ext}"));
    std::fs::write(&raw_path, raw)?;
    let entry = QuarantineEntry {
        source: origin.to_string(),
        index,
        offset,
        bytes: raw.len() as u64,
        error: error.to_string(),
        raw: raw_path,
        parser_version: crate::parse::PARSER_VERSION.to_string(),
        time: jiff::Timestamp::now().to_string(),
    };
    std::fs::write(
        dir.join(format!("{name}.json")),
        serde_json::to_vec_pretty(&entry)?,
    )?;
    Ok(entry)
}

/// All quarantined documents, oldest first by name.
pub fn list(dir: &Path) -> Vec<QuarantineEntry> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|b| serde_json::from_slice(&b).ok())
        .collect()
}
