//! The manifest: which files the index was built from, so re-ingests can skip unchanged files
//! and `patdex rebuild` can recreate the index after a parser upgrade.
//!
//! It is a JSON file written atomically (temporary file, then rename) right after each index
//! commit, and only lists files whose every document is in a committed index state. A crash
//! between commit and manifest write means the file is read again next time, which is harmless
//! because documents are keyed by publication number.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One ingested input file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct FileEntry {
    /// Absolute path at ingest time.
    pub path: PathBuf,
    pub size: u64,
    /// Modification time, seconds since the epoch (a cheap first check before hashing).
    pub mtime: i64,
    pub sha256: String,
    /// Patent documents indexed from this file.
    pub documents: u64,
    /// Documents that were not patents (sequence listings, unsupported formats).
    pub skipped: u64,
    pub quarantined: u64,
    pub parser_version: String,
    /// RFC 3339 time of the ingest.
    pub ingested_at: String,
    /// For a delimited record export: the mapping it was read with, kept whole so `rebuild`
    /// reads it the same way even if the mapping file has changed or gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<crate::parse::records::Mapping>,
}

/// The whole manifest.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Manifest {
    pub schema_version: u32,
    pub files: Vec<FileEntry>,
    /// RFC 3339 time of the last completed ingest or rebuild.
    #[serde(default)]
    pub last_ingest: Option<String>,
}

impl Manifest {
    pub fn load(path: &Path) -> anyhow::Result<Manifest> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                anyhow::anyhow!(
                    "{}: the manifest is not valid JSON ({e}); restore it from a backup or delete it and re-ingest with --force",
                    path.display()
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest {
                schema_version: super::schema::SCHEMA_VERSION,
                ..Manifest::default()
            }),
            Err(e) => Err(anyhow::anyhow!("{}: {e}", path.display())),
        }
    }

    /// Writes the manifest atomically.
    pub fn save(&self, path: &Path) -> anyhow::Result<()> {
        // Data before rename, so a crash never leaves a truncated manifest in place.
        super::write_atomic(path, &serde_json::to_vec_pretty(self)?)
    }

    /// Records a file, replacing an earlier entry for the same path.
    pub fn record(&mut self, entry: FileEntry) {
        self.files.retain(|f| f.path != entry.path);
        self.files.push(entry);
    }

    pub fn by_path(&self, path: &Path) -> Option<&FileEntry> {
        self.files.iter().find(|f| f.path == path)
    }
}
