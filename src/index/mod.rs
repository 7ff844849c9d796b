//! Index: the tantivy index, the manifest of ingested files and the quarantine, all in one folder.
//!
//! ```text
//! index/
//!   tantivy/        the tantivy index (segments, meta.json)
//!   manifest.json   ingested files (see `manifest`)
//!   quarantine/     documents that failed to parse (see `quarantine`)
//!   batches.jsonl   what each ingest run added or changed (see `batches`)
//!   watch/          what each alert profile has delivered (see `crate::watch`)
//! ```

pub mod batches;
pub mod ingest;
pub mod manifest;
pub mod quarantine;
pub mod reader;
pub mod schema;
pub mod text;

use std::path::{Path, PathBuf};

use anyhow::Context;
use tantivy::Index;
use tantivy::directory::MmapDirectory;

/// Where the parts of an index live.
#[derive(Debug, Clone)]
pub struct Layout {
    pub root: PathBuf,
    pub tantivy: PathBuf,
    pub manifest: PathBuf,
    pub quarantine: PathBuf,
    pub batches: PathBuf,
}

impl Layout {
    pub fn new(root: &Path) -> Layout {
        Layout {
            root: root.to_path_buf(),
            tantivy: root.join("tantivy"),
            manifest: root.join("manifest.json"),
            quarantine: root.join("quarantine"),
            batches: root.join("batches.jsonl"),
        }
    }

    /// A folder next to the index folder (`profiles`, `digests`, `collections`): the things
    /// a user edits or shares live beside the index, not inside it.
    pub fn beside(&self, name: &str) -> PathBuf {
        let root = std::path::absolute(&self.root).unwrap_or_else(|_| self.root.clone());
        root.parent()
            .map_or_else(|| PathBuf::from(name), |p| p.join(name))
    }

    /// True when an index has been created here.
    pub fn exists(&self) -> bool {
        self.tantivy.join("meta.json").is_file()
    }

    /// Opens the index, creating it when absent.
    pub fn open_or_create(&self) -> anyhow::Result<Index> {
        std::fs::create_dir_all(&self.tantivy)
            .with_context(|| format!("cannot create index folder {}", self.tantivy.display()))?;
        let dir = MmapDirectory::open(&self.tantivy)
            .with_context(|| format!("cannot open index folder {}", self.tantivy.display()))?;
        let index = Index::open_or_create(dir, schema::schema().clone()).with_context(|| {
            format!(
                "the index in {} was made with a different schema; run `patdex rebuild` to recreate it from its manifest",
                self.root.display()
            )
        })?;
        index
            .tokenizers()
            .register(text::TOKENIZER, text::analyzer());
        Ok(index)
    }

    /// Opens an existing index for reading, with an error that says what to do when there is none.
    pub fn open_existing(&self) -> anyhow::Result<Index> {
        if !self.exists() {
            anyhow::bail!(
                "no index in {}; create one with `patdex ingest PATH...` (or point --index / PATDEX_INDEX at an existing one)",
                self.root.display()
            );
        }
        self.open_or_create()
    }
}

/// Writes `bytes` to `path` so that a reader never sees half a file (the manifest, alert
/// state, profiles, collections, digests): a temporary file beside it,
/// synced, then renamed over it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes)
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", tmp.display()))?;
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, path)
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    Ok(())
}
