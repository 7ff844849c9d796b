//! Collections: named, frozen sets of documents (a subject database). A collection keeps the
//! query that made it, when, and which state of the index it was taken from, so a later
//! `refresh` can say what the same query adds and drops; `search --in NAME` searches inside it.
//!
//! One JSON file per collection in a collections folder (default `collections/` next to the
//! index), like the profiles: plain files a team can keep and review.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::query::Query;
use tantivy::schema::IndexRecordOption;

use crate::index::reader::IndexReader;
use crate::index::schema;
use crate::query::compile::any_of;

/// Which state of the index a set was taken from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexState {
    /// Documents in the index.
    pub documents: u64,
    /// The newest ingest batch (see `index::batches`), if any was recorded.
    pub batch: Option<u64>,
    pub schema_version: u32,
}

impl IndexState {
    pub fn of(reader: &IndexReader, batch: Option<u64>) -> IndexState {
        IndexState {
            documents: reader.num_docs(),
            batch,
            schema_version: schema::SCHEMA_VERSION,
        }
    }
}

/// A frozen set of documents.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Collection {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The query it was made with (a profile's query with its screening, when made from one).
    pub query: String,
    /// The profile it was made from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// RFC 3339.
    pub created: String,
    /// RFC 3339 of the last `refresh`, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refreshed: Option<String>,
    pub index: IndexState,
    /// Publication numbers with kind, sorted.
    pub documents: BTreeSet<String>,
}

impl Collection {
    /// A query matching exactly the collection's documents (for `search --in`).
    pub fn filter(&self) -> Box<dyn Query> {
        any_of(
            schema::field("id"),
            &self.documents,
            IndexRecordOption::Basic,
        )
    }
}

/// What a refresh changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub kept: usize,
}

/// The difference between a collection's set and `now`.
pub fn diff(old: &BTreeSet<String>, now: &BTreeSet<String>) -> Changes {
    Changes {
        added: now.difference(old).cloned().collect(),
        removed: old.difference(now).cloned().collect(),
        kept: old.intersection(now).count(),
    }
}

/// The collections folder.
#[derive(Debug, Clone)]
pub struct Collections {
    pub dir: PathBuf,
}

impl Collections {
    pub fn new(dir: &Path) -> Collections {
        Collections {
            dir: dir.to_path_buf(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.json"))
    }

    pub fn names(&self) -> anyhow::Result<Vec<String>> {
        crate::watch::file_stems(&self.dir, "json")
    }

    /// Reads collection `name` (or, when `name` is a path to a `.json` file, that file).
    pub fn load(&self, name: &str) -> anyhow::Result<Collection> {
        let path = if name.ends_with(".json") && Path::new(name).is_file() {
            PathBuf::from(name)
        } else {
            self.path(name)
        };
        let bytes = std::fs::read(&path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                anyhow::anyhow!(
                    "no collection `{name}` in {}; `patdex collection list` shows them, `patdex collection create {name} --query Q` makes it",
                    self.dir.display()
                )
            } else {
                anyhow::anyhow!("cannot read {}: {e}", path.display())
            }
        })?;
        serde_json::from_slice(&bytes)
            .map_err(|e| anyhow::anyhow!("{}: not a patdex collection ({e})", path.display()))
    }

    pub fn save(&self, c: &Collection, replace: bool) -> anyhow::Result<PathBuf> {
        super::profile::valid_name(&c.name).map_err(|e| anyhow::anyhow!(e))?;
        let path = self.path(&c.name);
        if path.exists() && !replace {
            anyhow::bail!(
                "collection `{}` exists ({}); `patdex collection refresh {}` updates it, --force replaces it",
                c.name,
                path.display(),
                c.name
            );
        }
        super::write_atomic(&path, &serde_json::to_vec_pretty(c)?)?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_says_what_came_and_went() {
        let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        let c = diff(&set(&["A", "B", "C"]), &set(&["B", "C", "D"]));
        assert_eq!(c.added, ["D"]);
        assert_eq!(c.removed, ["A"]);
        assert_eq!(c.kept, 2);
    }
}
