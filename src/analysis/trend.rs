//! Technology tracking: what a result set looks like over time. Counts per year or month, the
//! leading owners, inventors, CPC subclasses and countries (overall and per period), growth, new
//! entrants, the share of universities and institutes, and emerging terms.
//!
//! Everything is counted over the whole result set inside tantivy: [`Facts`] is a collector that
//! reads the fast columns of every hit (dates, owner names, inventors, classes, countries,
//! owner kinds) and never loads a stored record. Owner names are merged by
//! [`names::name_key`] at this point, per segment dictionary entry rather than per document, so
//! merging costs one normalisation per distinct spelling. Emerging words are counted from the
//! postings of the title and abstract fields restricted to the hits; emerging two-word phrases
//! are candidates from a sample of recent hits, counted exactly with a phrase query.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, DocSet, Score, Searcher, SegmentOrdinal, SegmentReader, Term};

use crate::index::reader::IndexReader;
use crate::index::schema::{self, class_ancestors};
use crate::names;
use crate::query::expand::singular;

use super::terms;

/// Calendar unit of the counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Year,
    Month,
}

impl Period {
    /// The period key of a date: the year, or months since year 0.
    fn key(self, year: i32, month: i32) -> i32 {
        match self {
            Period::Year => year,
            Period::Month => year * 12 + month - 1,
        }
    }

    fn year_of(self, key: i32) -> i32 {
        match self {
            Period::Year => key,
            Period::Month => key.div_euclid(12),
        }
    }

    /// `2019` or `2019-03`.
    pub fn label(self, key: i32) -> String {
        match self {
            Period::Year => key.to_string(),
            Period::Month => format!("{}-{:02}", key.div_euclid(12), key.rem_euclid(12) + 1),
        }
    }
}

/// A value list [`Facts`] counts: a keyword field of the doc mapper and which of its values count,
/// under which key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim {
    /// Owners (assignees, else applicants), merged by [`names::name_key`] unless exact.
    Owner {
        exact: bool,
    },
    Inventor,
    /// CPC subclasses (`H01M`).
    Cpc,
    /// Countries of the owners.
    Country,
    /// Kind codes (`B2`, `A1`).
    KindCode,
    /// Owner kinds (company, academic, government, individual).
    OwnerKind,
}

impl Dim {
    pub fn name(self) -> &'static str {
        match self {
            Dim::Owner { .. } => "assignee",
            Dim::Inventor => "inventor",
            Dim::Cpc => "cpc",
            Dim::Country => "country",
            Dim::KindCode => "kind",
            Dim::OwnerKind => "owner kind",
        }
    }

    fn field(self) -> &'static str {
        match self {
            Dim::Owner { .. } => "owner",
            Dim::Inventor => "inv",
            Dim::Cpc => "cpc",
            Dim::Country => "ownercc",
            Dim::KindCode => "kc",
            Dim::OwnerKind => "ownerkind",
        }
    }

    /// The key a raw value counts under, or `None` when it does not count (class symbols
    /// other than subclasses).
    fn key(self, raw: &str) -> Option<String> {
        match self {
            Dim::Owner { exact: false } => Some(names::name_key(raw)).filter(|k| !k.is_empty()),
            Dim::Cpc => {
                (raw.len() == 4 && class_ancestors(raw).len() == 3).then(|| raw.to_string())
            }
            _ => (!raw.trim().is_empty()).then(|| raw.to_string()),
        }
    }

    /// Whether the raw spellings behind a key are worth reporting.
    fn merges(self) -> bool {
        matches!(self, Dim::Owner { exact: false })
    }
}

/// Counts of one value of a [`Dim`] over a result set.
#[derive(Debug, Clone, Default)]
pub struct ValueCounts {
    pub documents: u64,
    pub per_period: BTreeMap<i32, u64>,
    /// The earliest period with a dated document.
    pub first: Option<i32>,
    pub last: Option<i32>,
    /// Raw spellings and the documents each was on (merged dimensions only).
    pub spellings: HashMap<String, u64>,
}

/// A hit of one segment and its period (`None`: undated).
pub type DatedHit = (DocId, Option<i32>);

/// What [`Facts`] gathers: counts per period and per value of each dimension, and which
/// documents were counted in which period (for the emerging terms).
#[derive(Debug, Default)]
pub struct FactSheet {
    pub documents: u64,
    pub undated: u64,
    pub per_period: BTreeMap<i32, u64>,
    pub dims: Vec<HashMap<String, ValueCounts>>,
    /// Per segment, the hits and their period (`None`: undated).
    pub docs: Vec<(SegmentOrdinal, Vec<DatedHit>)>,
}

/// The collector: counts every hit's date period and dimension values from fast columns.
pub struct Facts {
    pub date: &'static str,
    pub period: Period,
    pub dims: Vec<Dim>,
    /// Keep the hits (for emerging terms).
    pub keep_docs: bool,
}

/// Per segment: the dimension's column and, per term ordinal, the local id of its key.
struct SegmentDim {
    column: Option<StrColumn>,
    /// `u32::MAX`: the value does not count.
    ord_key: Vec<u32>,
    keys: Vec<String>,
    counts: Vec<ValueCounts>,
    merges: bool,
    /// The spelling of each term ordinal (merged dimensions only), kept from the dictionary
    /// scan: reading them back per ordinal at harvest decodes a dictionary block each time.
    raw: Vec<String>,
    /// Documents per term ordinal (merged dimensions only): the spellings behind each key.
    raw_counts: HashMap<u64, u64>,
}

pub struct SegmentFacts {
    segment: SegmentOrdinal,
    period: Period,
    dates: Column<tantivy::DateTime>,
    dims: Vec<SegmentDim>,
    sheet: FactSheet,
    docs: Vec<DatedHit>,
    keep_docs: bool,
    scratch: Vec<u32>,
    ords: Vec<u64>,
}

fn segment_dim(reader: &SegmentReader, dim: Dim) -> tantivy::Result<SegmentDim> {
    let column = reader.fast_fields().str(dim.field())?;
    let mut ord_key = Vec::new();
    let mut keys = Vec::new();
    let mut raw = Vec::new();
    if let Some(col) = &column {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut stream = col.dictionary().stream()?;
        while stream.advance() {
            let value = String::from_utf8_lossy(stream.key());
            let id = match dim.key(&value) {
                Some(k) => {
                    let next = ids.len() as u32;
                    *ids.entry(k.clone()).or_insert_with(|| {
                        keys.push(k);
                        next
                    })
                }
                None => u32::MAX,
            };
            ord_key.push(id);
            if dim.merges() {
                raw.push(value.into_owned());
            }
        }
    }
    let counts = vec![ValueCounts::default(); keys.len()];
    Ok(SegmentDim {
        column,
        ord_key,
        keys,
        counts,
        merges: dim.merges(),
        raw,
        raw_counts: HashMap::new(),
    })
}

impl Collector for Facts {
    type Fruit = FactSheet;
    type Child = SegmentFacts;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacts> {
        let dims = self
            .dims
            .iter()
            .map(|&d| segment_dim(reader, d))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(SegmentFacts {
            segment,
            period: self.period,
            dates: reader.fast_fields().date(self.date)?,
            dims,
            sheet: FactSheet::default(),
            docs: Vec::new(),
            keep_docs: self.keep_docs,
            scratch: Vec::new(),
            ords: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FactSheet>) -> tantivy::Result<FactSheet> {
        let mut out = FactSheet {
            dims: vec![HashMap::new(); self.dims.len()],
            ..FactSheet::default()
        };
        for f in fruits {
            out.documents += f.documents;
            out.undated += f.undated;
            for (k, n) in f.per_period {
                *out.per_period.entry(k).or_default() += n;
            }
            for (into, from) in out.dims.iter_mut().zip(f.dims) {
                for (key, c) in from {
                    let e = into.entry(key).or_default();
                    e.documents += c.documents;
                    for (p, n) in c.per_period {
                        *e.per_period.entry(p).or_default() += n;
                    }
                    e.first = min_opt(e.first, c.first);
                    e.last = e.last.max(c.last);
                    for (s, n) in c.spellings {
                        *e.spellings.entry(s).or_default() += n;
                    }
                }
            }
            out.docs.extend(f.docs);
        }
        Ok(out)
    }
}

fn min_opt(a: Option<i32>, b: Option<i32>) -> Option<i32> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

impl SegmentCollector for SegmentFacts {
    type Fruit = FactSheet;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let period = self.dates.first(doc).map(|t| {
            let days = t.into_timestamp_secs().div_euclid(86_400);
            let d = jiff::civil::date(1970, 1, 1)
                .checked_add(jiff::Span::new().days(days))
                .unwrap_or(jiff::civil::date(1970, 1, 1));
            self.period.key(i32::from(d.year()), i32::from(d.month()))
        });
        self.sheet.documents += 1;
        match period {
            Some(p) => *self.sheet.per_period.entry(p).or_default() += 1,
            None => self.sheet.undated += 1,
        }
        if self.keep_docs {
            self.docs.push((doc, period));
        }
        for dim in &mut self.dims {
            let Some(col) = &dim.column else { continue };
            self.ords.clear();
            self.ords.extend(col.term_ords(doc));
            self.scratch.clear();
            for &o in &self.ords {
                let id = dim.ord_key.get(o as usize).copied().unwrap_or(u32::MAX);
                if id != u32::MAX {
                    self.scratch.push(id);
                }
            }
            self.scratch.sort_unstable();
            self.scratch.dedup();
            for &id in &self.scratch {
                let c = &mut dim.counts[id as usize];
                c.documents += 1;
                if let Some(p) = period {
                    *c.per_period.entry(p).or_default() += 1;
                    c.first = min_opt(c.first, Some(p));
                    c.last = c.last.max(Some(p));
                }
            }
            if dim.merges {
                self.ords.sort_unstable();
                self.ords.dedup();
                for &o in &self.ords {
                    *dim.raw_counts.entry(o).or_default() += 1;
                }
            }
        }
    }

    fn harvest(mut self) -> FactSheet {
        for dim in self.dims {
            let mut map: HashMap<String, ValueCounts> = HashMap::new();
            let mut counts = dim.counts;
            for (o, n) in dim.raw_counts {
                let id = dim.ord_key[o as usize];
                if id != u32::MAX {
                    *counts[id as usize]
                        .spellings
                        .entry(dim.raw[o as usize].clone())
                        .or_default() += n;
                }
            }
            for (key, c) in dim.keys.into_iter().zip(counts) {
                if c.documents > 0 {
                    map.insert(key, c);
                }
            }
            self.sheet.dims.push(map);
        }
        if self.keep_docs {
            self.sheet.docs.push((self.segment, self.docs));
        }
        self.sheet
    }
}

/// What `patdex trend` is asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// `pd`, `ad` or `prd`.
    pub date: &'static str,
    pub period: Period,
    /// Values listed per dimension.
    pub top: usize,
    /// Length of the recent window (growth, new entrants, emerging terms), in years.
    pub years: i32,
    /// Last year of the recent window (default: the latest year of the result set).
    pub until: Option<i32>,
    /// No merging of owner spellings.
    pub exact: bool,
    /// Emerging terms to list (0: skip them).
    pub terms: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            date: "pd",
            period: Period::Year,
            top: 10,
            years: 3,
            until: None,
            exact: false,
            terms: 15,
        }
    }
}

/// One of the leading values of a dimension.
#[derive(Debug, Clone, Serialize)]
pub struct TopValue {
    pub name: String,
    pub documents: u64,
    /// Of the result set.
    pub share: f64,
    /// Aligned with [`Trend::periods`].
    pub per_period: Vec<u64>,
    pub first: Option<String>,
    pub last: Option<String>,
    /// Raw spellings merged under this name, with their documents (only when more than one).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<(String, u64)>,
}

/// The leading values of one dimension.
#[derive(Debug, Clone, Serialize)]
pub struct Dimension {
    pub name: &'static str,
    /// Distinct values (after merging).
    pub distinct: usize,
    pub top: Vec<TopValue>,
}

/// Compound annual growth of the last `years` years against the `years` before.
#[derive(Debug, Clone, Serialize)]
pub struct Growth {
    pub years: i32,
    pub recent: (i32, i32),
    pub recent_documents: u64,
    pub before: (i32, i32),
    pub before_documents: u64,
    /// `(recent / before)^(1/years) - 1`; `None` when the earlier window is empty.
    pub cagr: Option<f64>,
}

/// An owner whose first document in the result set falls in the recent window.
#[derive(Debug, Clone, Serialize)]
pub struct Entrant {
    pub name: String,
    pub first: String,
    pub documents: u64,
}

/// Documents per owner kind.
#[derive(Debug, Clone, Serialize)]
pub struct KindShare {
    pub kind: String,
    pub documents: u64,
    /// Of the result set (a document with owners of two kinds counts in both).
    pub share: f64,
}

/// A word or two-word phrase used by more of the recent documents than of the earlier ones.
#[derive(Debug, Clone, Serialize)]
pub struct EmergingTerm {
    pub term: String,
    /// Recent documents using it, and their share of the recent documents.
    pub recent: u64,
    pub recent_share: f64,
    pub earlier: u64,
    pub earlier_share: f64,
    /// `recent_share / earlier_share`, both smoothed (+0.5 / +1) so a term new in the recent
    /// window has a finite ratio.
    pub ratio: f64,
}

/// The trend report of one query.
#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    pub query: String,
    pub date: &'static str,
    pub period: Period,
    pub documents: u64,
    /// Hits without the date (counted everywhere except per period).
    pub undated: u64,
    /// Contiguous period labels from the first to the last dated hit.
    pub periods: Vec<String>,
    pub counts: Vec<u64>,
    pub dimensions: Vec<Dimension>,
    pub growth: Option<Growth>,
    pub new_entrants: Vec<Entrant>,
    /// How many owners entered in the recent window (the list is capped at `top`).
    pub new_entrant_count: usize,
    pub owner_kinds: Vec<KindShare>,
    pub emerging: Vec<EmergingTerm>,
    /// The windows the emerging terms compare: recent years and earlier years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub emerging_windows: Option<((i32, i32), (i32, i32))>,
    /// Keys of the periods, for aligning several reports.
    #[serde(skip)]
    pub period_keys: Vec<i32>,
}

/// The dimensions `trend` lists.
pub fn trend_dims(exact: bool) -> Vec<Dim> {
    vec![
        Dim::Owner { exact },
        Dim::Inventor,
        Dim::Cpc,
        Dim::Country,
        Dim::OwnerKind,
    ]
}

/// Runs [`Facts`] for `query` over the whole index.
pub fn gather(
    searcher: &Searcher,
    query: &dyn Query,
    date: &'static str,
    period: Period,
    dims: Vec<Dim>,
    keep_docs: bool,
) -> tantivy::Result<FactSheet> {
    searcher.search(
        query,
        &Facts {
            date,
            period,
            dims,
            keep_docs,
        },
    )
}

/// The leading `top` values of one gathered dimension, aligned with `keys`.
pub fn top_values(
    dim: Dim,
    counts: &HashMap<String, ValueCounts>,
    total: u64,
    period: Period,
    keys: &[i32],
    top: usize,
) -> Dimension {
    let mut all: Vec<(&String, &ValueCounts)> = counts.iter().collect();
    all.sort_by(|a, b| b.1.documents.cmp(&a.1.documents).then_with(|| a.0.cmp(b.0)));
    let top = all
        .iter()
        .take(top)
        .map(|(key, c)| value_row(dim, key, c, total, period, keys))
        .collect();
    Dimension {
        name: dim.name(),
        distinct: counts.len(),
        top,
    }
}

/// One value as reported: its display name (the chosen spelling for merged owners).
pub fn value_row(
    dim: Dim,
    key: &str,
    c: &ValueCounts,
    total: u64,
    period: Period,
    keys: &[i32],
) -> TopValue {
    let name = if dim.merges() && !c.spellings.is_empty() {
        names::display_name(c.spellings.iter().map(|(s, n)| (s.as_str(), *n)))
    } else {
        key.to_string()
    };
    let mut merged: Vec<(String, u64)> = if c.spellings.len() > 1 {
        c.spellings.iter().map(|(s, n)| (s.clone(), *n)).collect()
    } else {
        Vec::new()
    };
    merged.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    TopValue {
        name,
        documents: c.documents,
        share: ratio(c.documents, total),
        per_period: keys
            .iter()
            .map(|k| c.per_period.get(k).copied().unwrap_or(0))
            .collect(),
        first: c.first.map(|p| period.label(p)),
        last: c.last.map(|p| period.label(p)),
        merged,
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Contiguous period keys from the first to the last key of `counts`.
pub fn period_range(counts: &BTreeMap<i32, u64>) -> Vec<i32> {
    match (counts.keys().next(), counts.keys().next_back()) {
        (Some(&a), Some(&b)) => (a..=b).collect(),
        _ => Vec::new(),
    }
}

/// Documents per year of a fact sheet (whatever its period).
fn per_year(sheet: &FactSheet, period: Period) -> BTreeMap<i32, u64> {
    let mut out = BTreeMap::new();
    for (&k, &n) in &sheet.per_period {
        *out.entry(period.year_of(k)).or_default() += n;
    }
    out
}

/// The trend report for `query` (its text is `label`).
pub fn trend(
    reader: &IndexReader,
    query: &dyn Query,
    label: &str,
    opts: &Options,
) -> anyhow::Result<Trend> {
    let searcher = &reader.searcher;
    let dims = trend_dims(opts.exact);
    let sheet = gather(
        searcher,
        query,
        opts.date,
        opts.period,
        dims.clone(),
        opts.terms > 0,
    )?;
    let keys = period_range(&sheet.per_period);
    let counts = keys
        .iter()
        .map(|k| sheet.per_period.get(k).copied().unwrap_or(0))
        .collect();
    let mut dimensions = Vec::new();
    let mut owner_kinds = Vec::new();
    for (dim, values) in dims.iter().zip(&sheet.dims) {
        if *dim == Dim::OwnerKind {
            for k in names::OwnerKind::ALL {
                let n = values.get(k.as_str()).map_or(0, |c| c.documents);
                owner_kinds.push(KindShare {
                    kind: k.as_str().to_string(),
                    documents: n,
                    share: ratio(n, sheet.documents),
                });
            }
            continue;
        }
        dimensions.push(top_values(
            *dim,
            values,
            sheet.documents,
            opts.period,
            &keys,
            opts.top,
        ));
    }

    let years = per_year(&sheet, opts.period);
    let n = opts.years.max(1);
    let end = opts.until.or_else(|| years.keys().next_back().copied());
    let growth = end.map(|end| {
        let sum = |a: i32, b: i32| years.range(a..=b).map(|(_, n)| n).sum::<u64>();
        let recent = (end - n + 1, end);
        let before = (end - 2 * n + 1, end - n);
        let (r, b) = (sum(recent.0, recent.1), sum(before.0, before.1));
        Growth {
            years: n,
            recent,
            recent_documents: r,
            before,
            before_documents: b,
            cagr: (b > 0).then(|| (r as f64 / b as f64).powf(1.0 / f64::from(n)) - 1.0),
        }
    });

    // New entrants: owners whose first dated document falls in the recent window.
    let mut new_entrants = Vec::new();
    let mut new_entrant_count = 0;
    if let (Some(end), Some(owner_ix)) = (
        end,
        dims.iter().position(|d| matches!(d, Dim::Owner { .. })),
    ) {
        let start = end - n + 1;
        let mut entrants: Vec<(&String, &ValueCounts)> = sheet.dims[owner_ix]
            .iter()
            .filter(|(_, c)| {
                c.first
                    .map(|p| opts.period.year_of(p))
                    .is_some_and(|y| y >= start && y <= end)
            })
            .collect();
        new_entrant_count = entrants.len();
        entrants.sort_by(|a, b| b.1.documents.cmp(&a.1.documents).then_with(|| a.0.cmp(b.0)));
        new_entrants = entrants
            .into_iter()
            .take(opts.top)
            .map(|(key, c)| {
                let row = value_row(dims[owner_ix], key, c, sheet.documents, opts.period, &[]);
                Entrant {
                    name: row.name,
                    first: row.first.unwrap_or_default(),
                    documents: c.documents,
                }
            })
            .collect();
    }

    let (emerging, emerging_windows) = match end {
        Some(end) if opts.terms > 0 => {
            let recent = (end - n + 1, end);
            let first = years.keys().next().copied().unwrap_or(end);
            let earlier = (first, end - n);
            if earlier.1 < earlier.0 {
                (Vec::new(), None)
            } else {
                let terms =
                    emerging_terms(reader, &sheet, opts.period, recent, earlier, opts.terms)?;
                (terms, Some((recent, earlier)))
            }
        }
        _ => (Vec::new(), None),
    };

    Ok(Trend {
        query: label.to_string(),
        date: opts.date,
        period: opts.period,
        documents: sheet.documents,
        undated: sheet.undated,
        periods: keys.iter().map(|&k| opts.period.label(k)).collect(),
        counts,
        dimensions,
        growth,
        new_entrants,
        new_entrant_count,
        owner_kinds,
        emerging,
        emerging_windows,
        period_keys: keys,
    })
}

/// Fields whose words make the emerging terms: what a document is about, in few words.
const TERM_FIELDS: &[&str] = &["title", "abstract"];

/// Recent hits whose title and abstract propose the two-word phrase candidates.
const PHRASE_SAMPLE: usize = 400;

/// Phrase candidates counted exactly.
const PHRASE_CANDIDATES: usize = 60;

/// Which window each hit falls in: per segment, per document, 1 recent, 2 earlier, 0 neither
/// (or not a hit). A flat table rather than a map, because the word scan looks it up for every
/// posting of every title and abstract word.
struct Windows {
    per_segment: Vec<Vec<u8>>,
    recent: u64,
    earlier: u64,
}

impl Windows {
    fn new(
        searcher: &Searcher,
        sheet: &FactSheet,
        period: Period,
        recent: (i32, i32),
        earlier: (i32, i32),
    ) -> Windows {
        let mut per_segment: Vec<Vec<u8>> = searcher
            .segment_readers()
            .iter()
            .map(|r| vec![0; r.max_doc() as usize])
            .collect();
        let (mut nr, mut ne) = (0, 0);
        for (seg, docs) in &sheet.docs {
            let Some(table) = per_segment.get_mut(*seg as usize) else {
                continue;
            };
            for &(d, p) in docs {
                let Some(p) = p else { continue };
                let y = period.year_of(p);
                let w = if y >= recent.0 && y <= recent.1 {
                    nr += 1;
                    1
                } else if y >= earlier.0 && y <= earlier.1 {
                    ne += 1;
                    2
                } else {
                    0
                };
                if let Some(slot) = table.get_mut(d as usize) {
                    *slot = w;
                }
            }
        }
        Windows {
            per_segment,
            recent: nr,
            earlier: ne,
        }
    }

    fn get(&self, seg: SegmentOrdinal, doc: DocId) -> u8 {
        self.per_segment
            .get(seg as usize)
            .and_then(|t| t.get(doc as usize))
            .copied()
            .unwrap_or(0)
    }
}

fn smoothed_ratio(r: u64, nr: u64, e: u64, ne: u64) -> f64 {
    ((r as f64 + 0.5) / (nr as f64 + 1.0)) / ((e as f64 + 0.5) / (ne as f64 + 1.0))
}

/// Words (grouped by singular) and two-word phrases whose share of documents grew most from the
/// earlier window to the recent one.
fn emerging_terms(
    reader: &IndexReader,
    sheet: &FactSheet,
    period: Period,
    recent: (i32, i32),
    earlier: (i32, i32),
    limit: usize,
) -> anyhow::Result<Vec<EmergingTerm>> {
    let searcher = &reader.searcher;
    let win = Windows::new(searcher, sheet, period, recent, earlier);
    let (nr, ne) = (win.recent, win.earlier);
    if nr == 0 || ne == 0 {
        return Ok(Vec::new());
    }
    // A term must be in enough recent documents to be a trend rather than one filing.
    let min_df = (nr / 50).max(2);
    // Per stem: recent and earlier document counts, and the written forms with theirs.
    let mut df: HashMap<String, (u64, u64)> = HashMap::new();
    let mut forms: HashMap<String, HashMap<String, u64>> = HashMap::new();
    for (seg, reader_) in searcher.segment_readers().iter().enumerate() {
        let seg = seg as SegmentOrdinal;
        let mut per_stem: HashMap<String, Vec<DocId>> = HashMap::new();
        for field in TERM_FIELDS {
            let inv = reader_.inverted_index(schema::field(field))?;
            let mut stream = inv.terms().stream()?;
            while stream.advance() {
                let Ok(word) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if !is_term_word(word) {
                    continue;
                }
                let stem = singular(word);
                if terms::is_stopword(&stem) {
                    continue;
                }
                let mut postings =
                    inv.read_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)?;
                let docs = per_stem.entry(stem.into_owned()).or_default();
                let before = docs.len();
                let mut d = postings.doc();
                while d != tantivy::TERMINATED {
                    if win.get(seg, d) > 0 {
                        docs.push(d);
                    }
                    d = postings.advance();
                }
                let added = (docs.len() - before) as u64;
                if added > 0 {
                    *forms
                        .entry(singular(word).into_owned())
                        .or_default()
                        .entry(word.to_string())
                        .or_default() += added;
                }
            }
        }
        for (stem, mut docs) in per_stem {
            if docs.is_empty() {
                continue;
            }
            docs.sort_unstable();
            docs.dedup();
            let e = df.entry(stem).or_default();
            for d in docs {
                match win.get(seg, d) {
                    1 => e.0 += 1,
                    2 => e.1 += 1,
                    _ => {}
                }
            }
        }
    }
    let mut out: Vec<EmergingTerm> = df
        .iter()
        .filter(|(_, (r, _))| *r >= min_df)
        .map(|(stem, &(r, e))| {
            let form = forms
                .get(stem)
                .and_then(|m| {
                    m.iter()
                        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                        .map(|(f, _)| f.clone())
                })
                .unwrap_or_else(|| stem.clone());
            term_row(form, r, nr, e, ne)
        })
        .collect();
    out.extend(emerging_phrases(searcher, sheet, &win, min_df)?);
    // A phrase and its words both growing: keep both, they say different things.
    out.retain(|t| t.ratio > 1.0);
    out.sort_by(|a, b| {
        b.ratio
            .total_cmp(&a.ratio)
            .then(b.recent.cmp(&a.recent))
            .then_with(|| a.term.cmp(&b.term))
    });
    out.truncate(limit);
    Ok(out)
}

fn term_row(term: String, r: u64, nr: u64, e: u64, ne: u64) -> EmergingTerm {
    EmergingTerm {
        term,
        recent: r,
        recent_share: ratio(r, nr),
        earlier: e,
        earlier_share: ratio(e, ne),
        ratio: smoothed_ratio(r, nr, e, ne),
    }
}

/// A word worth reporting as a term: letters, at least three, not a sentence mark.
fn is_term_word(word: &str) -> bool {
    word.len() >= 3
        && !crate::index::text::is_mark(word)
        && word.bytes().any(|b| b.is_ascii_alphabetic())
        && !word.bytes().any(|b| b.is_ascii_digit())
        && !terms::is_stopword(word)
}

/// Two-word phrases: candidates from the titles and abstracts of up to [`PHRASE_SAMPLE`] recent
/// hits, each counted over all hits with a phrase query on the title or abstract (the written
/// forms the sample used).
fn emerging_phrases(
    searcher: &Searcher,
    sheet: &FactSheet,
    win: &Windows,
    min_df: u64,
) -> anyhow::Result<Vec<EmergingTerm>> {
    let mut analyzer = crate::index::text::analyzer();
    let mut sample: Vec<DocAddress> = Vec::new();
    for (seg, docs) in &sheet.docs {
        for &(d, _) in docs {
            if win.get(*seg, d) == 1 {
                sample.push(DocAddress::new(*seg, d));
            }
        }
    }
    // Spread the sample over the recent window rather than taking one segment.
    let step = (sample.len() / PHRASE_SAMPLE).max(1);
    let mut pairs: HashMap<(String, String), u64> = HashMap::new();
    for addr in sample.iter().step_by(step).take(PHRASE_SAMPLE) {
        let doc: tantivy::TantivyDocument = searcher.doc(*addr)?;
        let Some(bytes) =
            tantivy::schema::Value::as_bytes(&match doc.get_first(schema::field("doc")) {
                Some(v) => v,
                None => continue,
            })
        else {
            continue;
        };
        let Ok(p) = serde_json::from_slice::<crate::model::Patent>(bytes) else {
            continue;
        };
        let mut seen = HashSet::new();
        for text in [p.title.as_str(), p.abstract_text.as_str()] {
            let mut stream = analyzer.token_stream(text);
            let mut prev: Option<String> = None;
            while stream.advance() {
                let t = &stream.token().text;
                if crate::index::text::is_mark(t) {
                    prev = None;
                    continue;
                }
                if !is_term_word(t) {
                    prev = None;
                    continue;
                }
                if let Some(a) = prev.take()
                    && seen.insert((a.clone(), t.clone()))
                {
                    *pairs.entry((a, t.clone())).or_default() += 1;
                }
                prev = Some(t.clone());
            }
        }
    }
    let mut candidates: Vec<((String, String), u64)> =
        pairs.into_iter().filter(|(_, n)| *n >= 2).collect();
    candidates.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    candidates.truncate(PHRASE_CANDIDATES);
    let mut out = Vec::new();
    for ((a, b), _) in candidates {
        let clauses: Vec<(Occur, Box<dyn Query>)> = TERM_FIELDS
            .iter()
            .map(|f| {
                let field = schema::field(f);
                let q: Box<dyn Query> = Box::new(PhraseQuery::new(vec![
                    Term::from_field_text(field, &a),
                    Term::from_field_text(field, &b),
                ]));
                (Occur::Should, q)
            })
            .collect();
        let q = BooleanQuery::new(clauses);
        let docs = searcher.search(&q, &tantivy::collector::DocSetCollector)?;
        let (mut r, mut e) = (0, 0);
        for addr in docs {
            match win.get(addr.segment_ord, addr.doc_id) {
                1 => r += 1,
                2 => e += 1,
                _ => {}
            }
        }
        if r >= min_df {
            out.push(term_row(format!("{a} {b}"), r, win.recent, e, win.earlier));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_keys_and_labels() {
        assert_eq!(Period::Year.key(2019, 3), 2019);
        let m = Period::Month.key(2019, 3);
        assert_eq!(Period::Month.label(m), "2019-03");
        assert_eq!(Period::Month.year_of(m), 2019);
        assert_eq!(Period::Month.label(Period::Month.key(2019, 12)), "2019-12");
        assert_eq!(Period::Month.key(2020, 1) - Period::Month.key(2019, 12), 1);
    }

    #[test]
    fn only_subclasses_count_as_cpc_values() {
        assert_eq!(Dim::Cpc.key("H01M"), Some("H01M".into()));
        assert_eq!(Dim::Cpc.key("H01M10/0525"), None);
        assert_eq!(Dim::Cpc.key("H01"), None);
        assert_eq!(Dim::Cpc.key("H01M10"), None);
    }

    #[test]
    fn growth_ratio_is_smoothed() {
        assert!(smoothed_ratio(5, 10, 0, 10) > 1.0);
        assert!((smoothed_ratio(5, 10, 5, 10) - 1.0).abs() < 1e-9);
    }
}
