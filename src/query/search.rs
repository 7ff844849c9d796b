//! Running a compiled query: every hit, sorted, with exact counts and facets.
//!
//! Hits are collected in full (12 bytes each) rather than through a top-k heap: searchers want
//! exact counts, facets over the whole result set and `--all` exports, and a sort key other
//! than relevance, all of which need every hit anyway.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::Query;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

/// What results are ordered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Relevance,
    /// A date field of the doc mapper: `pd`, `ad` or `prd`.
    Date(&'static str),
}

/// An order for results: a key and a direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Sort {
        Sort {
            key: SortKey::Relevance,
            descending: true,
        }
    }
}

impl FromStr for Sort {
    type Err = String;

    /// `relevance`, or a date field with an optional direction: `pd` (oldest first),
    /// `pd:asc`, `pd:desc` (newest first); also `ad`, `prd`, `exp`.
    fn from_str(s: &str) -> Result<Sort, String> {
        let (key, dir) = s.split_once(':').unwrap_or((s, ""));
        let key = match key {
            "relevance" | "score" => SortKey::Relevance,
            "pd" => SortKey::Date("pd"),
            "ad" => SortKey::Date("ad"),
            "prd" => SortKey::Date("prd"),
            "exp" => SortKey::Date("exp"),
            _ => {
                return Err(format!(
                    "cannot sort by `{key}`; sort by relevance, pd, ad, prd or exp (add :asc or :desc)"
                ));
            }
        };
        let descending = match (key, dir) {
            (SortKey::Relevance, "" | "desc") => true,
            (SortKey::Date(_), "" | "asc") => false,
            (SortKey::Date(_), "desc") => true,
            (SortKey::Relevance, "asc") => false,
            _ => return Err(format!("unknown direction `{dir}`; use asc or desc")),
        };
        Ok(Sort { key, descending })
    }
}

impl fmt::Display for Sort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dir = if self.descending { "desc" } else { "asc" };
        match self.key {
            SortKey::Relevance => write!(f, "relevance:{dir}"),
            SortKey::Date(d) => write!(f, "{d}:{dir}"),
        }
    }
}

/// One hit.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub score: Score,
    pub addr: DocAddress,
    /// The sort date (seconds since 1970), when sorting by a date.
    pub date: Option<i64>,
}

/// Collects every hit with its score and, when sorting by a date, the date.
struct AllHits {
    date_field: Option<&'static str>,
}

struct SegmentHits {
    segment: SegmentOrdinal,
    dates: Option<tantivy::columnar::Column<tantivy::DateTime>>,
    hits: Vec<Hit>,
}

impl Collector for AllHits {
    type Fruit = Vec<Hit>;
    type Child = SegmentHits;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentHits> {
        let dates = match self.date_field {
            Some(f) => Some(reader.fast_fields().date(f)?),
            None => None,
        };
        Ok(SegmentHits {
            segment,
            dates,
            hits: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Hit>>) -> tantivy::Result<Vec<Hit>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for SegmentHits {
    type Fruit = Vec<Hit>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let date = self
            .dates
            .as_ref()
            .and_then(|c| c.first(doc))
            .map(|d| d.into_timestamp_secs());
        self.hits.push(Hit {
            score,
            addr: DocAddress::new(self.segment, doc),
            date,
        });
    }

    fn harvest(self) -> Vec<Hit> {
        self.hits
    }
}

/// Every hit of `query`; the first `ordered` of them (all, with `usize::MAX`) in `sort` order.
/// Ties (and documents without the sort date, which go last) fall back to relevance, then to
/// index order, so the order is stable between runs. The hits past `ordered` are all there (for
/// counts and facets) but in no particular order: a page of results only needs a partial sort.
pub fn all_hits(
    searcher: &Searcher,
    query: &dyn Query,
    sort: Sort,
    ordered: usize,
) -> tantivy::Result<Vec<Hit>> {
    let date_field = match sort.key {
        SortKey::Date(f) => Some(f),
        SortKey::Relevance => None,
    };
    let mut hits = searcher.search(query, &AllHits { date_field })?;
    let by_score = |a: &Hit, b: &Hit| {
        b.score
            .total_cmp(&a.score)
            .then(a.addr.segment_ord.cmp(&b.addr.segment_ord))
            .then(a.addr.doc_id.cmp(&b.addr.doc_id))
    };
    let cmp = |a: &Hit, b: &Hit| match sort.key {
        SortKey::Relevance if sort.descending => by_score(a, b),
        SortKey::Relevance => by_score(b, a),
        SortKey::Date(_) => match (a.date, b.date) {
            (Some(x), Some(y)) if x != y => {
                if sort.descending {
                    y.cmp(&x)
                } else {
                    x.cmp(&y)
                }
            }
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            _ => by_score(a, b),
        },
    };
    if ordered < hits.len() / 2 {
        if ordered > 0 {
            hits.select_nth_unstable_by(ordered - 1, cmp);
            hits[..ordered].sort_unstable_by(cmp);
        }
    } else {
        hits.sort_unstable_by(cmp);
    }
    Ok(hits)
}

/// Facets `--facet` can count: name, index field, and which values of it count.
pub const FACETS: &[(&str, &str, &str)] = &[
    ("cpc", "cpc", "CPC subclass (H01M)"),
    ("cpc-group", "cpc", "CPC main group (H01M10)"),
    ("cpc-full", "cpc", "full CPC symbol (H01M10/0525)"),
    ("ipc", "ipc", "IPC subclass"),
    ("ipc-group", "ipc", "IPC main group"),
    (
        "pa",
        "owner",
        "assignee (applicant when there is no assignee)",
    ),
    ("year", "year", "publication year"),
    ("kind", "kc", "kind code"),
    ("type", "type", "utility, design, plant, reissue"),
    ("cc", "cc", "publishing office"),
];

/// Counts of one facet over a result set, largest first.
#[derive(Debug, Clone, Serialize)]
pub struct Facet {
    pub name: String,
    /// Hits with at least one value.
    pub documents: u64,
    pub values: Vec<(String, u64)>,
}

/// Which class symbols a class facet counts.
fn class_level(name: &str, value: &str) -> bool {
    let at = |n: usize| crate::index::schema::class_ancestors(value).len() == n;
    match name {
        "cpc" | "ipc" => value.len() == 4 && at(3),
        "cpc-group" | "ipc-group" => !value.contains('/') && value.len() > 4 && at(3),
        "cpc-full" => value.contains('/'),
        _ => true,
    }
}

/// Counts the values of facet `name` over `hits`: each hit counts once per distinct value.
pub fn facet(searcher: &Searcher, hits: &[Hit], name: &str) -> anyhow::Result<Facet> {
    let Some(&(_, field, _)) = FACETS.iter().find(|(n, _, _)| *n == name) else {
        let names: Vec<&str> = FACETS.iter().map(|(n, _, _)| *n).collect();
        anyhow::bail!("no facet `{name}`; facets are {}", names.join(", "));
    };
    let mut by_segment: HashMap<SegmentOrdinal, Vec<DocId>> = HashMap::new();
    for h in hits {
        by_segment
            .entry(h.addr.segment_ord)
            .or_default()
            .push(h.addr.doc_id);
    }
    let (mut counts, documents) =
        crate::index::reader::value_counts(searcher, field, Some(&by_segment))?;
    counts.retain(|v, _| class_level(name, v));
    let mut values: Vec<(String, u64)> = counts.into_iter().collect();
    values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(Facet {
        name: name.to_string(),
        documents,
        values,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_specs() {
        assert_eq!("relevance".parse::<Sort>().unwrap(), Sort::default());
        let s: Sort = "pd".parse().unwrap();
        assert_eq!((s.key, s.descending), (SortKey::Date("pd"), false));
        let s: Sort = "prd:desc".parse().unwrap();
        assert_eq!((s.key, s.descending), (SortKey::Date("prd"), true));
        assert!("title".parse::<Sort>().is_err());
        assert!("pd:up".parse::<Sort>().is_err());
    }

    #[test]
    fn class_facet_levels() {
        assert!(class_level("cpc", "H01M"));
        assert!(!class_level("cpc", "H01"));
        assert!(class_level("cpc-group", "H01M10"));
        assert!(!class_level("cpc-group", "H01M10/0525"));
        assert!(class_level("cpc-full", "H01M10/0525"));
    }
}
