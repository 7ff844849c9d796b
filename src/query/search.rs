//! Running a compiled query: every hit, sorted, with exact counts and facets.
//!
//! Counts are always exact (every matching document is scored and counted: no top-k pruning).
//! Facets need every hit, so [`all_hits`] keeps them all; a page of results without facets
//! keeps only the best of each segment ([`top_hits`]), which saves the memory and the sort of
//! a large result set.

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

/// Collects hits with their score and, when sorting by a date, the date: every hit, or only
/// the best `keep` of each segment (in `sort` order) and a count of the rest.
struct Hits {
    sort: Sort,
    keep: usize,
}

struct SegmentHits {
    segment: SegmentOrdinal,
    dates: Option<tantivy::columnar::Column<tantivy::DateTime>>,
    sort: Sort,
    keep: usize,
    hits: Vec<Hit>,
    total: usize,
}

impl Collector for Hits {
    type Fruit = (Vec<Hit>, usize);
    type Child = SegmentHits;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentHits> {
        let dates = match self.sort.key {
            SortKey::Date(f) => Some(reader.fast_fields().date(f)?),
            SortKey::Relevance => None,
        };
        Ok(SegmentHits {
            segment,
            dates,
            sort: self.sort,
            keep: self.keep,
            hits: Vec::new(),
            total: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<(Vec<Hit>, usize)>) -> tantivy::Result<(Vec<Hit>, usize)> {
        let total = fruits.iter().map(|(_, n)| n).sum();
        Ok((fruits.into_iter().flat_map(|(h, _)| h).collect(), total))
    }
}

impl SegmentCollector for SegmentHits {
    type Fruit = (Vec<Hit>, usize);

    fn collect(&mut self, doc: DocId, score: Score) {
        self.total += 1;
        if self.keep == 0 {
            return;
        }
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
        // Keeping the best `keep`: let the buffer grow to twice that, then cut it back, so
        // each hit costs amortised O(1) and memory stays O(keep), not O(hits).
        if self.hits.len() >= self.keep.saturating_mul(2).max(64) {
            let sort = self.sort;
            self.hits
                .select_nth_unstable_by(self.keep - 1, |a, b| order(sort, a, b));
            self.hits.truncate(self.keep);
        }
    }

    fn harvest(self) -> (Vec<Hit>, usize) {
        (self.hits, self.total)
    }
}

/// The order of results: by `sort`, ties (and documents without the sort date, which go last)
/// by relevance, then by index order, so the order is stable between runs.
fn order(sort: Sort, a: &Hit, b: &Hit) -> std::cmp::Ordering {
    let by_score = |a: &Hit, b: &Hit| {
        b.score
            .total_cmp(&a.score)
            .then(a.addr.segment_ord.cmp(&b.addr.segment_ord))
            .then(a.addr.doc_id.cmp(&b.addr.doc_id))
    };
    match sort.key {
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
    }
}

/// Puts the first `ordered` of `hits` in `sort` order (the rest stay, in no particular order).
fn sort_first(hits: &mut [Hit], sort: Sort, ordered: usize) {
    let cmp = |a: &Hit, b: &Hit| order(sort, a, b);
    if ordered < hits.len() / 2 {
        if ordered > 0 {
            hits.select_nth_unstable_by(ordered - 1, cmp);
            hits[..ordered].sort_unstable_by(cmp);
        }
    } else {
        hits.sort_unstable_by(cmp);
    }
}

/// Every hit of `query`; the first `ordered` of them (all, with `usize::MAX`) in `sort` order
/// (see [`order`]). The hits past `ordered` are all there (for counts and facets) but in no
/// particular order: a page of results only needs a partial sort.
pub fn all_hits(
    searcher: &Searcher,
    query: &dyn Query,
    sort: Sort,
    ordered: usize,
) -> tantivy::Result<Vec<Hit>> {
    let (mut hits, _) = searcher.search(
        query,
        &Hits {
            sort,
            keep: usize::MAX,
        },
    )?;
    sort_first(&mut hits, sort, ordered);
    Ok(hits)
}

/// The first `n` hits of `query` in `sort` order, the same as [`all_hits`] would put first,
/// and how many hits there are, without holding the others: for a page of results when no
/// facet needs the whole set.
pub fn top_hits(
    searcher: &Searcher,
    query: &dyn Query,
    sort: Sort,
    n: usize,
) -> tantivy::Result<(Vec<Hit>, usize)> {
    let (mut hits, total) = searcher.search(query, &Hits { sort, keep: n })?;
    sort_first(&mut hits, sort, n);
    hits.truncate(n);
    Ok((hits, total))
}

/// A page of results: the hits held (every hit when facets or families need them, else the
/// page's own), the page's rows as indices into `hits` (one hit each, or a family with its best
/// hit first), and the total (of hits, or of families).
#[derive(Debug)]
pub struct Page {
    pub hits: Vec<Hit>,
    pub rows: Vec<Vec<usize>>,
    pub total: usize,
    /// The row number of the first row (0-based).
    pub start: usize,
}

/// Runs `query` for the rows `offset..offset + limit`: with `all_hits` every hit is kept (for
/// facets), with `family` hits are grouped by [`families`] and the rows are families.
pub fn page(
    searcher: &Searcher,
    query: &dyn Query,
    sort: Sort,
    offset: usize,
    limit: usize,
    all_hits: bool,
    family: bool,
) -> anyhow::Result<Page> {
    let page_end = offset.saturating_add(limit);
    let (hits, total) = if !all_hits && !family {
        top_hits(searcher, query, sort, page_end)?
    } else {
        // A family's place is its best member's, wherever that is.
        let ordered = if family { usize::MAX } else { page_end };
        let hits = self::all_hits(searcher, query, sort, ordered)?;
        let n = hits.len();
        (hits, n)
    };
    let groups = if family {
        families(searcher, &hits)?
    } else {
        (0..hits.len().min(page_end)).map(|i| vec![i]).collect()
    };
    let total = if family { groups.len() } else { total };
    let start = offset.min(groups.len());
    let end = page_end.min(groups.len());
    let rows = groups[start..end].to_vec();
    Ok(Page {
        hits,
        rows,
        total,
        start,
    })
}

/// Groups `hits` (in their order) into families: two hits are one family when they share a
/// family key (`index::schema::family_keys`: the same application, publication, related filing,
/// priority claim, or office family id), directly or through other hits. Returns each family's
/// members as indices into `hits`, families in the order of their first (best) member.
pub fn families(searcher: &Searcher, hits: &[Hit]) -> anyhow::Result<Vec<Vec<usize>>> {
    let fam = crate::index::reader::FastStrings::open(searcher, "fam")?;
    // Union-find over hit indices; a key remembers the first hit that had it.
    let mut parent: Vec<usize> = (0..hits.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first_with: HashMap<String, usize> = HashMap::new();
    let mut keys = Vec::new();
    for (i, h) in hits.iter().enumerate() {
        keys.clear();
        fam.values(h.addr, &mut keys)?;
        for k in keys.drain(..) {
            match first_with.get(&k) {
                Some(&j) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    // The earlier hit stays the root, so a family keeps its best member's place.
                    let (keep, join) = if a < b { (a, b) } else { (b, a) };
                    parent[join] = keep;
                }
                None => {
                    first_with.insert(k, i);
                }
            }
        }
    }
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    let mut out: Vec<Vec<usize>> = Vec::new();
    for i in 0..hits.len() {
        let r = root(&mut parent, i);
        let g = *group_of.entry(r).or_insert_with(|| {
            out.push(Vec::new());
            out.len() - 1
        });
        out[g].push(i);
    }
    Ok(out)
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
    ("lang", "lang", "language of the texts"),
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

    /// `top_hits` keeps only the best of each segment as it goes; its page and total must be
    /// what `all_hits` gives, for every order, across segments, with ties and missing dates.
    #[test]
    fn top_hits_is_the_head_of_all_hits() {
        use tantivy::schema::{FAST, INDEXED, Schema, TEXT};
        use tantivy::{DateTime, Index, TantivyDocument, Term};
        let mut b = Schema::builder();
        let text = b.add_text_field("text", TEXT);
        let pd = b.add_date_field("pd", INDEXED | FAST);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for segment in 0..3u32 {
            for i in 0..400u32 {
                let mut d = TantivyDocument::new();
                // Term frequency 1-7 and a few lengths: many equal scores.
                let words = format!(
                    "{} {}",
                    "cell ".repeat(1 + (i % 7) as usize),
                    "x ".repeat((i % 3) as usize)
                );
                d.add_text(text, &words);
                if i % 11 != 0 {
                    let day = i64::from((i * 37 + segment) % 500);
                    d.add_date(pd, DateTime::from_timestamp_secs(day * 86_400));
                }
                w.add_document(d).unwrap();
            }
            w.commit().unwrap();
        }
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 3);
        let q = tantivy::query::TermQuery::new(
            Term::from_field_text(text, "cell"),
            tantivy::schema::IndexRecordOption::WithFreqs,
        );
        let key = |h: &Hit| (h.addr, h.score.to_bits(), h.date);
        for sort in ["relevance", "relevance:asc", "pd", "pd:desc"] {
            let sort: Sort = sort.parse().unwrap();
            for n in [0, 1, 5, 37, 200, 1200, 5000] {
                let all = all_hits(&searcher, &q, sort, n).unwrap();
                let (top, total) = top_hits(&searcher, &q, sort, n).unwrap();
                assert_eq!(total, 1200);
                let want: Vec<_> = all.iter().take(n).map(key).collect();
                let got: Vec<_> = top.iter().map(key).collect();
                assert_eq!(got, want, "{sort} n={n}");
            }
        }
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
