//! An owner's portfolio: its documents by year, CPC subclass and kind, their estimated status
//! (from [`crate::term`]), the most-cited ones (forward citations within the index), and the
//! co-assignees.
//!
//! The owner is found by name among the owner spellings of the index: the spellings whose
//! [`names::name_key`] equals the key of the name typed, or, when none does, those containing all
//! its words. The report lists the spellings merged, so a wrong merge is visible; `exact` takes
//! only the spelling typed.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use jiff::civil::Date;
use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermSetQuery;
use tantivy::{DocAddress, Term};

use super::owners;
use super::trend::{self, Dim, Dimension, Period};
use crate::index::reader::{FastDates, FastStrings, IndexReader};
use crate::index::schema;
use crate::model::DocKind;
use crate::names::{self, Match};
use crate::term::{self, Status};

/// What `patdex portfolio` is asked for.
#[derive(Debug, Clone)]
pub struct Options {
    pub date: &'static str,
    pub top: usize,
    pub exact: bool,
    /// The day the status is estimated for.
    pub today: Date,
}

/// A document with many forward citations.
#[derive(Debug, Clone, Serialize)]
pub struct Cited {
    pub number: String,
    pub title: String,
    pub date: String,
    /// Documents of the index citing it.
    pub citing: u64,
    /// Of which owned by someone else.
    pub citing_others: u64,
}

/// Documents per status.
#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    pub status: Status,
    pub label: &'static str,
    pub documents: u64,
}

/// The portfolio report.
#[derive(Debug, Clone, Serialize)]
pub struct Portfolio {
    /// The name as typed.
    pub query: String,
    /// The name shown (the most used spelling).
    pub name: String,
    /// Owner spellings whose documents are in the portfolio, with their documents.
    pub spellings: Vec<(String, u64)>,
    /// How the name was matched: `exact` (same key), `words` (all words of the name), `as typed`.
    pub matched_by: &'static str,
    pub documents: u64,
    pub date: &'static str,
    pub periods: Vec<String>,
    pub counts: Vec<u64>,
    pub undated: u64,
    pub cpc: Dimension,
    pub kinds: Dimension,
    pub status: Vec<StatusCount>,
    /// In-force grants by the year their estimated term ends.
    pub expiring: BTreeMap<i16, u64>,
    pub status_on: Date,
    pub most_cited: Vec<Cited>,
    pub co_assignees: Dimension,
}

/// Why no portfolio could be made.
#[derive(Debug, thiserror::Error)]
pub enum PortfolioError {
    #[error("no owner in the index matches \"{name}\"{hint}")]
    NotFound { name: String, hint: String },
    #[error(transparent)]
    Index(#[from] anyhow::Error),
}

impl From<tantivy::TantivyError> for PortfolioError {
    fn from(e: tantivy::TantivyError) -> PortfolioError {
        PortfolioError::Index(e.into())
    }
}

/// The spellings of the index that `name` means, and how they were matched (`exact`, `words`,
/// `as typed` with `exact`).
pub fn find_owner(
    reader: &IndexReader,
    name: &str,
    exact: bool,
) -> Result<(Vec<String>, &'static str), PortfolioError> {
    let all = owners::spellings(reader)?;
    match owners::find(&all, name, exact) {
        Some((_, found)) if exact => Ok((found, "as typed")),
        Some((Match::Exact, found)) => Ok((found, "exact")),
        Some((Match::Words, found)) => Ok((found, "words")),
        None => Err(PortfolioError::NotFound {
            name: name.trim().to_string(),
            hint: owners::not_found_hint(name, &all),
        }),
    }
}

/// The portfolio of the owner `name`.
pub fn portfolio(
    reader: &IndexReader,
    name: &str,
    opts: &Options,
) -> Result<Portfolio, PortfolioError> {
    let searcher = &reader.searcher;
    let (spellings, matched_by) = find_owner(reader, name, opts.exact)?;
    let query = owners::query(&spellings);
    let dims = vec![Dim::Owner { exact: opts.exact }, Dim::Cpc, Dim::KindCode];
    let sheet = trend::gather(
        searcher,
        query.as_ref(),
        opts.date,
        Period::Year,
        dims.clone(),
        true,
    )?;
    let keys = trend::period_range(&sheet.per_period);
    let counts = keys
        .iter()
        .map(|k| sheet.per_period.get(k).copied().unwrap_or(0))
        .collect();

    // Which owner keys are the portfolio's own, so co-assignees leave them out.
    let own_keys: BTreeSet<String> = spellings
        .iter()
        .map(|s| {
            if opts.exact {
                s.clone()
            } else {
                names::name_key(s)
            }
        })
        .collect();
    let mut spelling_counts: Vec<(String, u64)> = Vec::new();
    let mut others = HashMap::new();
    for (key, c) in &sheet.dims[0] {
        if own_keys.contains(key) {
            for (s, n) in &c.spellings {
                if spellings.contains(s) {
                    spelling_counts.push((s.clone(), *n));
                }
            }
            if c.spellings.is_empty() {
                spelling_counts.push((key.clone(), c.documents));
            }
        } else {
            others.insert(key.clone(), c.clone());
        }
    }
    spelling_counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let display = names::display_name(spelling_counts.iter().map(|(s, n)| (s.as_str(), *n)));
    let co_assignees = trend::top_values(
        dims[0],
        &others,
        sheet.documents,
        Period::Year,
        &keys,
        opts.top,
    );
    let cpc = trend::top_values(
        Dim::Cpc,
        &sheet.dims[1],
        sheet.documents,
        Period::Year,
        &keys,
        opts.top,
    );
    let kinds = trend::top_values(
        Dim::KindCode,
        &sheet.dims[2],
        sheet.documents,
        Period::Year,
        &keys,
        20,
    );

    let addrs: Vec<DocAddress> = sheet
        .docs
        .iter()
        .flat_map(|(seg, docs)| docs.iter().map(move |&(d, _)| DocAddress::new(*seg, d)))
        .collect();

    // Status from the indexed term estimate (`exp`, see crate::term) and the kind.
    let kind_col = FastStrings::open(searcher, "kind")?;
    let exp = FastDates::open(searcher, "exp")?;
    let mut status: BTreeMap<Status, u64> = BTreeMap::new();
    let mut expiring: BTreeMap<i16, u64> = BTreeMap::new();
    let mut buf = Vec::new();
    for &a in &addrs {
        buf.clear();
        kind_col.values(a, &mut buf)?;
        let kind = if buf.iter().any(|k| k == "application") {
            DocKind::Application
        } else {
            DocKind::Grant
        };
        let expiry = exp.get(a);
        let s = term::status(kind, expiry, opts.today);
        *status.entry(s).or_default() += 1;
        if s == Status::InForce
            && let Some(e) = expiry
        {
            *expiring.entry(e.year()).or_default() += 1;
        }
    }

    let most_cited = most_cited(reader, &addrs, &own_keys, opts)?;

    Ok(Portfolio {
        query: name.to_string(),
        name: display,
        spellings: spelling_counts,
        matched_by,
        documents: sheet.documents,
        date: opts.date,
        periods: keys.iter().map(|k| k.to_string()).collect(),
        counts,
        undated: sheet.undated,
        cpc,
        kinds,
        status: status
            .into_iter()
            .map(|(s, n)| StatusCount {
                status: s,
                label: s.as_str(),
                documents: n,
            })
            .collect(),
        expiring,
        status_on: opts.today,
        most_cited,
        co_assignees,
    })
}

/// The portfolio's documents with the most citing documents in the index.
fn most_cited(
    reader: &IndexReader,
    addrs: &[DocAddress],
    own_keys: &BTreeSet<String>,
    opts: &Options,
) -> anyhow::Result<Vec<Cited>> {
    let searcher = &reader.searcher;
    let nums = FastStrings::open(searcher, "num")?;
    let mut ours: Vec<(String, DocAddress)> = Vec::new();
    let mut buf = Vec::new();
    for &a in addrs {
        buf.clear();
        nums.values(a, &mut buf)?;
        for n in buf.drain(..) {
            ours.push((n, a));
        }
    }
    if ours.is_empty() {
        return Ok(Vec::new());
    }
    let field = schema::field("cites");
    let q = TermSetQuery::new(ours.iter().map(|(n, _)| Term::from_field_text(field, n)));
    let citing = searcher.search(&q, &DocSetCollector)?;
    let cites = FastStrings::open(searcher, "cites")?;
    let wanted: Vec<(String, usize)> = ours
        .iter()
        .enumerate()
        .map(|(i, (n, _))| (n.clone(), i))
        .collect();
    let matcher = cites.matcher(&wanted)?;
    let owners = FastStrings::open(searcher, "owner")?;
    let mut counts = vec![(0u64, 0u64); ours.len()];
    for c in citing {
        buf.clear();
        owners.values(c, &mut buf)?;
        let own = buf.iter().any(|o| {
            let k = if opts.exact {
                o.clone()
            } else {
                names::name_key(o)
            };
            own_keys.contains(&k)
        });
        let mut hit: Vec<usize> = matcher.tags(c).copied().collect();
        hit.sort_unstable();
        hit.dedup();
        for i in hit {
            counts[i].0 += 1;
            if !own {
                counts[i].1 += 1;
            }
        }
    }
    let mut order: Vec<usize> = (0..ours.len()).filter(|&i| counts[i].0 > 0).collect();
    order.sort_by(|&a, &b| {
        counts[b]
            .0
            .cmp(&counts[a].0)
            .then_with(|| ours[a].0.cmp(&ours[b].0))
    });
    let mut out = Vec::new();
    for i in order.into_iter().take(opts.top) {
        let p = reader.patent(ours[i].1)?;
        out.push(Cited {
            number: p.number.to_string(),
            title: p.title,
            date: p.pub_date.map(|d| d.to_string()).unwrap_or_default(),
            citing: counts[i].0,
            citing_others: counts[i].1,
        });
    }
    Ok(out)
}
