//! Ingest batches: what each `patdex ingest` run brought into the index, so alerts can say which
//! weekly file a document came with and `watch run --since BATCH` can replay from one.
//!
//! `batches.jsonl` in the index folder, one JSON line per ingest run that read any file, appended
//! after the run's last commit. Alerts do not depend on it for correctness (they compare what
//! matches with what each profile has delivered), so a crash between the commit and the append
//! loses only the label. A last line cut short by such a crash is ignored when reading.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One ingest run.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Batch {
    /// 1, 2, 3, … in ingest order.
    pub batch: u64,
    /// RFC 3339 times of the run.
    pub started: String,
    pub finished: String,
    /// Input files read (not those skipped as unchanged).
    pub files: Vec<PathBuf>,
    /// Publication numbers (with kind) new to the index.
    pub added: Vec<String>,
    /// Publication numbers already in the index whose source document changed (a corrected
    /// re-publication of the same number).
    pub updated: Vec<String>,
    /// Documents read again with the same bytes as the indexed copy.
    pub unchanged: u64,
}

impl Batch {
    /// Whether `id` came into the index (new or changed) with this batch.
    pub fn brought(&self, id: &str) -> bool {
        self.added.iter().any(|a| a == id) || self.updated.iter().any(|a| a == id)
    }
}

/// Every batch recorded in `path`, oldest first (none when the file does not exist).
pub fn load(path: &Path) -> anyhow::Result<Vec<Batch>> {
    parse(path, &read(path)?)
}

/// The file's text, empty when it does not exist.
fn read(path: &Path) -> anyhow::Result<String> {
    match std::fs::read_to_string(path) {
        Ok(t) => Ok(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => anyhow::bail!("cannot read {}: {e}", path.display()),
    }
}

fn parse(path: &Path, text: &str) -> anyhow::Result<Vec<Batch>> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut out = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        match serde_json::from_str::<Batch>(line) {
            Ok(b) => out.push(b),
            // Only the last line can be cut short by a crash while appending.
            Err(_) if i + 1 == lines.len() && !text.ends_with('\n') => {}
            Err(e) => anyhow::bail!(
                "{} line {}: not a batch record ({e}); the file is written by `patdex ingest` only, restore it from a backup or remove the line",
                path.display(),
                i + 1
            ),
        }
    }
    Ok(out)
}

/// Appends `batch` with the next number; returns that number.
pub fn append(path: &Path, mut batch: Batch) -> anyhow::Result<u64> {
    let text = read(path)?;
    batch.batch = parse(path, &text)?.last().map_or(1, |b| b.batch + 1);
    let mut line = serde_json::to_string(&batch)?;
    line.push('\n');
    // A line cut short by an earlier crash (which `parse` ignored) is dropped first, so it
    // neither swallows this one nor ends up in the middle of the file.
    if !text.is_empty() && !text.ends_with('\n') {
        let keep = text.rfind('\n').map_or(0, |i| i + 1);
        std::fs::OpenOptions::new()
            .write(true)
            .open(path)?
            .set_len(keep as u64)?;
    }
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    f.write_all(line.as_bytes())?;
    f.sync_all()?;
    Ok(batch.batch)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(added: &[&str]) -> Batch {
        Batch {
            batch: 0,
            started: "2026-01-01T00:00:00Z".into(),
            finished: "2026-01-01T00:00:01Z".into(),
            files: vec![PathBuf::from("/data/ipg260106.zip")],
            added: added.iter().map(|s| s.to_string()).collect(),
            updated: Vec::new(),
            unchanged: 0,
        }
    }

    #[test]
    fn numbers_in_order_and_survive_a_torn_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("batches.jsonl");
        assert!(load(&path).unwrap().is_empty());
        assert_eq!(append(&path, batch(&["US1B2"])).unwrap(), 1);
        assert_eq!(append(&path, batch(&["US2B2"])).unwrap(), 2);
        // A crash while appending leaves half a line.
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        f.write_all(b"{\"batch\":3,\"sta").unwrap();
        drop(f);
        let b = load(&path).unwrap();
        assert_eq!(b.len(), 2);
        assert!(b[1].brought("US2B2") && !b[1].brought("US1B2"));
        assert_eq!(append(&path, batch(&["US3B2"])).unwrap(), 3);
        let b = load(&path).unwrap();
        assert_eq!(b.iter().map(|b| b.batch).collect::<Vec<_>>(), [1, 2, 3]);
        // A damaged line that is not the last one is an error naming the line.
        std::fs::write(&path, "garbage\n{}\n").unwrap();
        let e = load(&path).unwrap_err().to_string();
        assert!(e.contains("line 1"), "{e}");
    }
}
