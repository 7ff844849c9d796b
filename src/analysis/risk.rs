//! Freedom-to-operate screening: which patents in force on a day could a product described in
//! plain text read on, who owns them, until when they run, and why each was ranked as it was.
//!
//! ```text
//! product text ─▶ key terms (prior_art::text_query over independent claims, BM25)
//!              ─▶ grants whose estimated term (crate::term, indexed as `exp`) runs past the
//!                 as-of day; applications apart (they may still mature)
//!              ─▶ owner and CPC filters
//!              ─▶ each independent claim split into elements (elements.rs); each element's
//!                 words looked up in the product text
//!              ─▶ tier from the best claim: every element covered = high; at least half = medium
//! ```
//!
//! An element is *covered* when the product text uses at least two thirds of its distinct
//! content words (stopwords and claim boilerplate such as "said", "configured", "plurality" do
//! not count), *partly covered* when it uses some, *missing* when it uses none. Words match by
//! their Snowball English stem ("measuring" meets "measures", "batteries" meets "battery"),
//! nothing else: no synonyms, no equivalents. This is a screen for what to read first, not an
//! infringement opinion, and the report says so.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet};

use jiff::civil::Date;
use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector, TopDocs};
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

use super::elements::{self, Element};
use super::owners;
use super::prior_art::{self, Config, Invention, KeyTerm};
use super::terms::{self, Counts};
use crate::index::reader::{FastStrings, IndexReader};
use crate::index::{schema, text};
use crate::model::{DocType, Patent};
use crate::names;
use crate::query::compile::any_of;
use crate::query::expand::singular;
use crate::term::{self, Status, Term as TermEstimate};

/// Grants screened unless told otherwise.
pub const DEFAULT_CANDIDATES: usize = 100;
/// Applications screened unless told otherwise.
pub const DEFAULT_APPLICATIONS: usize = 30;
/// The share of an element's content words the product must use for the element to count as
/// covered: most of them, so that one missing modifier ("elastomer" foam) does not hide an
/// element, but not a bare majority of a two-word element.
pub const COVERED_SHARE: f32 = 2.0 / 3.0;

/// The rules, as the report states them.
pub const RULES: &[&str] = &[
    "Only grants whose estimated term (shown with each patent) has not ended on the as-of day are screened as in force; published applications are screened apart, because they may still mature.",
    "Candidates are the best BM25 matches of the product's key terms against independent claims.",
    "Each independent claim is split into elements at its preamble, new lines, semicolons and \"wherein\"/\"whereby\".",
    "An element is covered when the product text uses at least two thirds of its distinct content words (words match by their English stem: measuring = measures; stopwords and claim boilerplate such as \"said\", \"configured\", \"plurality\" do not count), partly covered when it uses some, missing when it uses none.",
    "High: every element of at least one independent claim is covered. Medium: at least half of the elements of the best independent claim are covered. Low: fewer. Design patents are always low: they are judged by their drawings, not by words.",
    "Only independent claims are read: a product outside every independent claim is outside their dependent claims too.",
];

/// What the report cannot know, stated with every report.
pub const LIMITS: &[&str] = &[
    "This is a screen of words, not legal advice or an infringement opinion: read the claims with a patent attorney.",
    "Maintenance status is unknown: terms assume every maintenance fee was paid, and a patent may have lapsed earlier.",
    "Equivalents, synonyms and claim construction are not considered: a product can infringe with other words, or avoid a claim that shares its words.",
    "Terminal disclaimers, regulatory-review extensions granted after issue, reissues, reexaminations and court decisions can change a term or a claim; they are flagged where the document says so, otherwise unknown.",
    "Only documents in this index are screened, and only the first candidates by text match.",
];

/// What to screen and how.
#[derive(Debug, Clone)]
pub struct Options {
    /// The day "in force" is judged on.
    pub as_of: Date,
    /// Only documents of these owners (names as a user types them).
    pub assignees: Vec<String>,
    /// Not documents of these owners (e.g. your own company).
    pub exclude: Vec<String>,
    /// Owner names as typed, no merging of spellings.
    pub exact: bool,
    /// Only documents with a CPC symbol under one of these (`H01M`, `H01M10/052`).
    pub cpc: Vec<String>,
    /// Grants screened (the best text matches).
    pub candidates: usize,
    /// Applications screened.
    pub applications: usize,
}

impl Options {
    pub fn new(as_of: Date) -> Options {
        Options {
            as_of,
            assignees: Vec::new(),
            exclude: Vec::new(),
            exact: false,
            cpc: Vec::new(),
            candidates: DEFAULT_CANDIDATES,
            applications: DEFAULT_APPLICATIONS,
        }
    }
}

/// Why a screen could not run.
#[derive(Debug, thiserror::Error)]
pub enum RiskError {
    #[error("the product description is empty; describe the product or process in plain text")]
    EmptyProduct,
    #[error("no owner in the index matches \"{name}\"{hint}")]
    OwnerNotFound { name: String, hint: String },
    #[error(
        "`{0}` is not a CPC symbol; give a section, class, subclass, group or full symbol (H, H01, H01M, H01M10, H01M10/052)"
    )]
    BadCpc(String),
    #[error(transparent)]
    Index(#[from] anyhow::Error),
}

impl From<tantivy::TantivyError> for RiskError {
    fn from(e: tantivy::TantivyError) -> RiskError {
        RiskError::Index(e.into())
    }
}

/// How much of an element the product text covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Coverage {
    Covered,
    Partial,
    Missing,
    /// The element has no content words (e.g. the preamble "A method comprising"): not counted.
    NoWords,
}

impl Coverage {
    pub fn as_str(self) -> &'static str {
        match self {
            Coverage::Covered => "covered",
            Coverage::Partial => "partly",
            Coverage::Missing => "missing",
            Coverage::NoWords => "not counted",
        }
    }
}

/// One claim element and the product words that cover it.
#[derive(Debug, Clone, Serialize)]
pub struct ElementMatch {
    pub label: String,
    pub text: String,
    pub preamble: bool,
    pub coverage: Coverage,
    /// Content words of the element the product text uses (as the product writes them).
    pub covered_by: Vec<String>,
    /// Content words of the element the product text does not use.
    pub missing: Vec<String>,
}

/// An independent claim read against the product.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimMatch {
    pub number: u32,
    pub elements: Vec<ElementMatch>,
    /// Elements covered.
    pub covered: usize,
    /// Elements partly covered.
    pub partial: usize,
    /// Elements counted (with content words).
    pub counted: usize,
}

impl ClaimMatch {
    /// Covered elements, partly covered ones at half, over the elements counted.
    pub fn share(&self) -> f32 {
        if self.counted == 0 {
            return 0.0;
        }
        (self.covered as f32 + 0.5 * self.partial as f32) / self.counted as f32
    }

    fn complete(&self) -> bool {
        self.counted > 0 && self.covered == self.counted
    }
}

/// Risk tier of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    High,
    Medium,
    Low,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::High => "high",
            Tier::Medium => "medium",
            Tier::Low => "low",
        }
    }
}

/// One screened document.
#[derive(Debug, Clone, Serialize)]
pub struct Screened {
    pub number: String,
    pub title: String,
    pub owners: Vec<String>,
    /// The owner group it is reported under.
    pub owner: String,
    pub pub_date: Option<Date>,
    pub status: Status,
    pub term: TermEstimate,
    pub tier: Tier,
    /// Which rule gave the tier, in words.
    pub why: String,
    /// BM25 of the product's key terms against the independent claims.
    pub text_score: f32,
    /// The independent claim that reads best on the product.
    pub best_claim: ClaimMatch,
    /// The other independent claims: number, covered, counted.
    pub other_claims: Vec<(u32, usize, usize)>,
    /// For an application: the grant of the index that names it as its earlier publication.
    #[serde(skip)]
    granted_as: Option<String>,
}

/// Exposure to one owner (or group of co-owners).
#[derive(Debug, Clone, Serialize)]
pub struct Exposure {
    pub owner: String,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    /// The last estimated end of term among its high and medium patents.
    pub runs_until: Option<Date>,
}

/// A published application already granted.
#[derive(Debug, Clone, Serialize)]
pub struct Matured {
    pub application: String,
    pub grant: String,
}

/// Documents the text matched, by what the screen did with them.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Matched {
    /// Grants estimated in force on the as-of day.
    pub in_force: usize,
    /// Grants whose estimated term ended: not screened.
    pub expired: usize,
    /// Grants without the dates for an estimate: not screened.
    pub unknown_term: usize,
    /// Applications whose 20 years have not run out (including ones already granted).
    pub applications: usize,
}

/// A freedom-to-operate screen.
#[derive(Debug, Clone, Serialize)]
pub struct Risk {
    pub as_of: Date,
    pub key_terms: Vec<KeyTerm>,
    /// Owner spellings kept (with `--assignee`) and left out (`--exclude`).
    pub assignees: Vec<String>,
    pub excluded: Vec<String>,
    pub cpc: Vec<String>,
    pub matched: Matched,
    /// Grants in force screened, high tier first.
    pub patents: Vec<Screened>,
    pub exposure: Vec<Exposure>,
    /// Applications screened whose grant the index does not hold, high tier first.
    pub applications: Vec<Screened>,
    /// Applications screened whose grant the index holds (the grant is judged as a patent).
    pub matured: Vec<Matured>,
    pub rules: &'static [&'static str],
    pub limits: &'static [&'static str],
}

/// How the product's key terms are chosen and searched: as in prior-art search (terms and
/// phrases, no class or citation boost), over the independent claims.
pub fn text_options() -> prior_art::Options {
    prior_art::Options {
        config: Config {
            select_terms: true,
            phrases: true,
            classes: false,
            citations: false,
        },
        fields: vec!["icl"],
        ..prior_art::Options::default()
    }
}

/// Screens `product` (a plain-text description) against the index.
pub fn screen(reader: &IndexReader, product: &str, opts: &Options) -> Result<Risk, RiskError> {
    let searcher = &reader.searcher;
    let inv = Invention::from_text(product);
    if inv.is_empty() {
        return Err(RiskError::EmptyProduct);
    }
    let search = text_options();
    let tq = prior_art::text_query(searcher, &inv, &search)?;

    let (assignees, excluded) = (
        spellings(reader, &opts.assignees, opts.exact)?,
        spellings(reader, &opts.exclude, opts.exact)?,
    );
    let cpc = opts
        .cpc
        .iter()
        .map(|c| cpc_symbol(c))
        .collect::<Result<Vec<_>, _>>()?;
    let scope = Scope {
        assignees: &assignees,
        excluded: &excluded,
        cpc: &cpc,
    };
    // One pass over every match: counts by kind and term, and the best of each list.
    let pass = searcher.search(
        &restricted(&tq.query, &scope),
        &Sorter {
            as_of: schema::date_time(opts.as_of),
            grants: opts.candidates,
            applications: opts.applications,
        },
    )?;
    let matched = pass.matched;
    let product_words = ProductWords::new(product);
    let mut patents = read_all(reader, &pass.grants, &product_words, opts.as_of)?;
    let apps = pass.applications;
    let mut applications = read_all(reader, &apps, &product_words, opts.as_of)?;
    let ids = FastStrings::open(searcher, "id")?;
    for a in &mut applications {
        a.granted_as = granted_as(searcher, &ids, &a.number)?;
    }
    // An application the index holds the grant of no longer "may mature": the grant was
    // screened (or filtered) as a patent.
    let (matured, mut applications): (Vec<Screened>, Vec<Screened>) = applications
        .into_iter()
        .partition(|a| a.granted_as.is_some());
    let matured = matured
        .into_iter()
        .map(|a| Matured {
            application: a.number,
            grant: a.granted_as.unwrap_or_default(),
        })
        .collect();
    owner_groups(&mut patents);
    owner_groups(&mut applications);
    rank(&mut patents);
    rank(&mut applications);
    let exposure = exposure(&patents);
    Ok(Risk {
        as_of: opts.as_of,
        key_terms: tq.key_terms,
        assignees,
        excluded,
        cpc,
        matched,
        patents,
        exposure,
        applications,
        matured,
        rules: RULES,
        limits: LIMITS,
    })
}

/// The owner spellings the names mean.
fn spellings(
    reader: &IndexReader,
    names: &[String],
    exact: bool,
) -> Result<Vec<String>, RiskError> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let all = owners::spellings(reader)?;
    let mut out = Vec::new();
    for name in names {
        match owners::find(&all, name, exact) {
            Some((_, found)) => out.extend(found),
            None => {
                return Err(RiskError::OwnerNotFound {
                    name: name.trim().to_string(),
                    hint: owners::not_found_hint(name, &all),
                });
            }
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// A CPC symbol as indexed, or why it is not one.
fn cpc_symbol(raw: &str) -> Result<String, RiskError> {
    schema::cpc_symbol(raw).ok_or_else(|| RiskError::BadCpc(raw.trim().to_string()))
}

struct Scope<'a> {
    assignees: &'a [String],
    excluded: &'a [String],
    cpc: &'a [String],
}

fn keyword(field: &str, value: &str) -> Box<dyn Query> {
    any_of(schema::field(field), [value], IndexRecordOption::Basic)
}

/// `text` within the owner and CPC scope, scored by the text alone.
fn restricted(text: &dyn Query, scope: &Scope) -> BooleanQuery {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text.box_clone())];
    let mut must: Vec<Box<dyn Query>> = Vec::new();
    if !scope.assignees.is_empty() {
        must.push(owners::query(scope.assignees));
    }
    if !scope.cpc.is_empty() {
        must.push(any_of(
            schema::field("cpc"),
            scope.cpc,
            IndexRecordOption::Basic,
        ));
    }
    for q in must {
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
    }
    if !scope.excluded.is_empty() {
        clauses.push((Occur::MustNot, owners::query(scope.excluded)));
    }
    BooleanQuery::new(clauses)
}

/// A collector that sorts every match in one pass, from the fast columns `kind` and `exp`:
/// counts grants in force on the as-of day (estimated end of term after it), expired and
/// without an estimate, and applications whose 20 years have not run out; keeps the best
/// `grants` grants in force and `applications` applications by score. (Six searches, one per
/// count and list, cost 30-60 % of a screen on 50k documents.)
struct Sorter {
    as_of: tantivy::DateTime,
    grants: usize,
    applications: usize,
}

/// What [`Sorter`] found.
struct Sorted {
    matched: Matched,
    grants: Vec<(f32, DocAddress)>,
    applications: Vec<(f32, DocAddress)>,
}

struct SegmentSorter {
    segment: SegmentOrdinal,
    kind: Option<tantivy::columnar::StrColumn>,
    grant: Option<u64>,
    application: Option<u64>,
    exp: tantivy::columnar::Column<tantivy::DateTime>,
    as_of: tantivy::DateTime,
    matched: Matched,
    grants: Best,
    applications: Best,
}

impl Collector for Sorter {
    type Fruit = Sorted;
    type Child = SegmentSorter;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentSorter> {
        let kind = reader.fast_fields().str("kind")?;
        let ord = |v: &str| -> tantivy::Result<Option<u64>> {
            match &kind {
                Some(c) => Ok(c.dictionary().term_ord(v)?),
                None => Ok(None),
            }
        };
        Ok(SegmentSorter {
            segment,
            grant: ord("grant")?,
            application: ord("application")?,
            kind,
            exp: reader.fast_fields().date("exp")?,
            as_of: self.as_of,
            matched: Matched::default(),
            grants: Best::new(self.grants),
            applications: Best::new(self.applications),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<SegmentSorted>) -> tantivy::Result<Sorted> {
        let mut matched = Matched::default();
        let (mut grants, mut applications) = (Best::new(self.grants), Best::new(self.applications));
        for f in fruits {
            matched.in_force += f.matched.in_force;
            matched.expired += f.matched.expired;
            matched.unknown_term += f.matched.unknown_term;
            matched.applications += f.matched.applications;
            grants.extend(f.grants);
            applications.extend(f.applications);
        }
        Ok(Sorted {
            matched,
            grants: grants.into_sorted(),
            applications: applications.into_sorted(),
        })
    }
}

/// What one segment's [`SegmentSorter`] found.
struct SegmentSorted {
    matched: Matched,
    grants: Best,
    applications: Best,
}

impl SegmentCollector for SegmentSorter {
    type Fruit = SegmentSorted;

    fn collect(&mut self, doc: DocId, score: Score) {
        let kind = self.kind.as_ref().and_then(|c| c.term_ords(doc).next());
        let in_force = match self.exp.first(doc) {
            Some(e) => Some(e > self.as_of),
            None => None,
        };
        let addr = DocAddress::new(self.segment, doc);
        if kind.is_some() && kind == self.grant {
            match in_force {
                Some(true) => {
                    self.matched.in_force += 1;
                    self.grants.push(score, addr);
                }
                Some(false) => self.matched.expired += 1,
                None => self.matched.unknown_term += 1,
            }
        } else if kind.is_some() && kind == self.application && in_force == Some(true) {
            self.matched.applications += 1;
            self.applications.push(score, addr);
        }
    }

    fn harvest(self) -> SegmentSorted {
        SegmentSorted {
            matched: self.matched,
            grants: self.grants,
            applications: self.applications,
        }
    }
}

/// The `n` best documents by score (ties: the lower address first, as `TopDocs` orders them),
/// kept in a bounded heap.
struct Best {
    n: usize,
    heap: BinaryHeap<Ranked>,
}

/// A document in [`Best`]'s heap, ordered so that the worst is on top.
struct Ranked(f32, DocAddress);

impl PartialEq for Ranked {
    fn eq(&self, other: &Ranked) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Ranked) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    /// Better is smaller: a higher score, then a lower address.
    fn cmp(&self, other: &Ranked) -> Ordering {
        other
            .0
            .total_cmp(&self.0)
            .then((self.1.segment_ord, self.1.doc_id).cmp(&(other.1.segment_ord, other.1.doc_id)))
    }
}

impl Best {
    fn new(n: usize) -> Best {
        Best {
            n,
            heap: BinaryHeap::with_capacity(n.min(1024) + 1),
        }
    }

    fn push(&mut self, score: f32, addr: DocAddress) {
        if self.n == 0 {
            return;
        }
        let r = Ranked(score, addr);
        if self.heap.len() < self.n {
            self.heap.push(r);
        } else if self.heap.peek().is_some_and(|worst| r < *worst) {
            self.heap.pop();
            self.heap.push(r);
        }
    }

    fn extend(&mut self, other: Best) {
        for r in other.heap {
            self.push(r.0, r.1);
        }
    }

    /// Best first.
    fn into_sorted(self) -> Vec<(f32, DocAddress)> {
        self.heap
            .into_sorted_vec()
            .into_iter()
            .map(|r| (r.0, r.1))
            .collect()
    }
}

/// The words of the product text by their Snowball English stem, each with the form the
/// product writes.
struct ProductWords {
    forms: HashMap<String, String>,
}

impl ProductWords {
    fn new(product: &str) -> ProductWords {
        let mut counts = Counts::default();
        counts.add(&mut text::analyzer(), product, 1.0);
        let stemmer = Stemmer::create(Algorithm::English);
        let mut singulars: Vec<&String> = counts.raw.keys().collect();
        singulars.sort();
        let mut forms = HashMap::new();
        for s in singulars {
            forms
                .entry(stemmer.stem(s).into_owned())
                .or_insert_with(|| counts.form(s));
        }
        ProductWords { forms }
    }
}

/// Reads each hit and its claims against the product.
fn read_all(
    reader: &IndexReader,
    hits: &[(f32, DocAddress)],
    words: &ProductWords,
    as_of: Date,
) -> anyhow::Result<Vec<Screened>> {
    // One word-key cache per worker: the candidates' claims share most of their words.
    hits.par_iter()
        .map_init(Keys::new, |keys, &(score, addr)| {
            let p = reader.patent(addr)?;
            Ok(screen_one(keys, &p, score, words, as_of))
        })
        .collect()
}

fn screen_one(
    keys: &mut Keys,
    p: &Patent,
    text_score: f32,
    words: &ProductWords,
    as_of: Date,
) -> Screened {
    let mut claims: Vec<ClaimMatch> = p
        .claims
        .iter()
        .filter(|c| !c.dependent)
        .map(|c| read_claim(keys, c.number, &c.text, words))
        .collect();
    // Best: the most covered, then the shortest (fewer elements to design around is worse).
    claims.sort_by(|a, b| {
        b.complete()
            .cmp(&a.complete())
            .then(b.share().total_cmp(&a.share()))
            .then(a.counted.cmp(&b.counted))
            .then(a.number.cmp(&b.number))
    });
    let mut claims = claims.into_iter();
    let best = claims.next().unwrap_or(ClaimMatch {
        number: 0,
        elements: Vec::new(),
        covered: 0,
        partial: 0,
        counted: 0,
    });
    let other_claims = claims.map(|c| (c.number, c.covered, c.counted)).collect();
    let (tier, why) = if p.doc_type == DocType::Design {
        // A design claim is "the ornamental design for a <thing>": shared words say nothing
        // about whether a product looks like the drawings.
        (
            Tier::Low,
            "design patent: judged by its drawings, not by words; compare the figures".to_string(),
        )
    } else {
        tier(&best)
    };
    let owners: Vec<String> = schema::owners(p)
        .iter()
        .map(|o| o.name.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let term = term::of(p);
    let status = term::status(p.kind, term.expiry, as_of);
    Screened {
        number: p.number.to_string(),
        title: p.title.clone(),
        owner: String::new(),
        owners,
        pub_date: p.pub_date,
        status,
        term,
        tier,
        why,
        text_score,
        best_claim: best,
        other_claims,
        granted_as: None,
    }
}

fn tier(best: &ClaimMatch) -> (Tier, String) {
    let (k, n) = (best.covered, best.counted);
    if best.number == 0 {
        return (Tier::Low, "no independent claim in the record".into());
    }
    if best.complete() {
        (
            Tier::High,
            format!(
                "every element of claim {} covered ({k} of {n})",
                best.number
            ),
        )
    } else if n > 0 && 2 * k >= n {
        (
            Tier::Medium,
            format!(
                "{k} of {n} elements of claim {} covered (at least half)",
                best.number
            ),
        )
    } else {
        (
            Tier::Low,
            format!(
                "{k} of {n} elements of claim {} covered (fewer than half)",
                best.number
            ),
        )
    }
}

/// Splits a claim into elements and looks each one's content words up in the product.
/// The matching key of each claim word (its Snowball stem, or none for numerals, single
/// letters, stopwords and boilerplate), remembered per worker: claims repeat their words, and
/// the stopword checks and stemming were most of the matching time.
struct Keys {
    analyzer: tantivy::tokenizer::TextAnalyzer,
    stemmer: Stemmer,
    cache: HashMap<String, Option<String>>,
}

impl Keys {
    fn new() -> Keys {
        Keys {
            analyzer: text::analyzer(),
            stemmer: Stemmer::create(Algorithm::English),
            cache: HashMap::new(),
        }
    }

    /// `(word, key)` for each word of `text`, in order.
    fn of(&mut self, text: &str, mut f: impl FnMut(&str, &str)) {
        let mut stream = self.analyzer.token_stream(text);
        while stream.advance() {
            let t = &stream.token().text;
            if !self.cache.contains_key(t.as_str()) {
                let key = if terms::is_word(t) {
                    let singular = singular(t);
                    (!terms::is_stopword(&singular) && !terms::is_stopword(t))
                        .then(|| self.stemmer.stem(&singular).into_owned())
                } else {
                    None
                };
                self.cache.insert(t.clone(), key);
            }
            if let Some(Some(key)) = self.cache.get(t.as_str()) {
                f(t, key);
            }
        }
    }
}

fn read_claim(keys: &mut Keys, number: u32, text: &str, words: &ProductWords) -> ClaimMatch {
    let elements: Vec<ElementMatch> = elements::split(number, text)
        .into_iter()
        .map(|e| read_element(keys, e, words))
        .collect();
    let count = |c: Coverage| elements.iter().filter(|e| e.coverage == c).count();
    ClaimMatch {
        number,
        covered: count(Coverage::Covered),
        partial: count(Coverage::Partial),
        counted: elements.len() - count(Coverage::NoWords),
        elements,
    }
}

fn read_element(keys: &mut Keys, e: Element, words: &ProductWords) -> ElementMatch {
    let mut seen: HashSet<String> = HashSet::new();
    let (mut covered_by, mut missing) = (Vec::new(), Vec::new());
    keys.of(&e.text, |word, key| {
        if seen.contains(key) {
            return;
        }
        seen.insert(key.to_string());
        match words.forms.get(key) {
            Some(form) => covered_by.push(form.clone()),
            None => missing.push(word.to_string()),
        }
    });
    let total = covered_by.len() + missing.len();
    let coverage = if total == 0 {
        Coverage::NoWords
    } else if covered_by.len() as f32 >= COVERED_SHARE * total as f32 - 1e-6 {
        Coverage::Covered
    } else if covered_by.is_empty() {
        Coverage::Missing
    } else {
        Coverage::Partial
    };
    ElementMatch {
        label: e.label,
        text: e.text,
        preamble: e.preamble,
        coverage,
        covered_by,
        missing,
    }
}

/// High tier first, then the share of the best claim covered, then the text match.
fn rank(list: &mut [Screened]) {
    list.sort_by(|a, b| {
        a.tier
            .cmp(&b.tier)
            .then(b.best_claim.share().total_cmp(&a.best_claim.share()))
            .then(b.text_score.total_cmp(&a.text_score))
            .then(a.number.cmp(&b.number))
    });
}

/// The exposure to each owner group, most high-tier patents first.
fn exposure(patents: &[Screened]) -> Vec<Exposure> {
    let mut by: BTreeMap<&str, Exposure> = BTreeMap::new();
    for p in patents {
        let e = by.entry(p.owner.as_str()).or_insert_with(|| Exposure {
            owner: p.owner.clone(),
            high: 0,
            medium: 0,
            low: 0,
            runs_until: None,
        });
        match p.tier {
            Tier::High => e.high += 1,
            Tier::Medium => e.medium += 1,
            Tier::Low => e.low += 1,
        }
        if p.tier != Tier::Low {
            e.runs_until = e.runs_until.max(p.term.expiry);
        }
    }
    let mut out: Vec<Exposure> = by.into_values().collect();
    out.sort_by(|a, b| {
        (b.high, b.medium, b.low)
            .cmp(&(a.high, a.medium, a.low))
            .then(a.owner.cmp(&b.owner))
    });
    out
}

/// The grant of the index that names the application `number` as its earlier publication.
fn granted_as(
    searcher: &Searcher,
    ids: &FastStrings,
    number: &str,
) -> anyhow::Result<Option<String>> {
    let Ok(n) = number.parse::<crate::number::PubNumber>() else {
        return Ok(None);
    };
    let q = BooleanQuery::new(vec![
        (Occur::Must, keyword("fam", &format!("pub:{}", n.key()))),
        (Occur::Must, keyword("kind", "grant")),
    ]);
    let top = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
    let Some(&(_, addr)) = top.first() else {
        return Ok(None);
    };
    let mut v = Vec::new();
    ids.values(addr, &mut v)?;
    Ok(v.into_iter().next())
}

/// Sets each document's owner group: documents are grouped by the keys of their owners
/// ([`names::name_key`], so spellings of one owner are one group; co-owned documents form a
/// group of their own), shown by the most used spelling.
fn owner_groups(patents: &mut [Screened]) {
    let mut spellings: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let keys: Vec<String> = patents
        .iter()
        .map(|p| {
            let mut k: Vec<String> = p.owners.iter().map(|o| names::name_key(o)).collect();
            k.sort();
            k.dedup();
            let key = k.join(" + ");
            spellings
                .entry(key.clone())
                .or_default()
                .push(p.owners.join("; "));
            key
        })
        .collect();
    let display: BTreeMap<String, String> = spellings
        .into_iter()
        .map(|(k, v)| {
            let shown = if k.is_empty() {
                "(no owner named)".to_string()
            } else {
                names::display_name(v.iter().map(|s| (s.as_str(), 1)))
            };
            (k, shown)
        })
        .collect();
    for (p, k) in patents.iter_mut().zip(&keys) {
        p.owner = display[k].clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpc_symbols_are_checked() {
        assert_eq!(cpc_symbol("h01m 10/052").unwrap(), "H01M10/052");
        assert_eq!(cpc_symbol("H01M").unwrap(), "H01M");
        assert_eq!(cpc_symbol("H").unwrap(), "H");
        assert_eq!(cpc_symbol("H01M10").unwrap(), "H01M10");
        for bad in ["", "battery", "01M", "H01M10/", "HX1"] {
            assert!(cpc_symbol(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn best_keeps_the_top_n_in_tantivy_order() {
        // Scores with ties, pushed in a scrambled order, against a full sort.
        let all: Vec<(f32, DocAddress)> = (0..200u32)
            .map(|i| {
                let score = ((i * 37) % 23) as f32 / 4.0;
                (score, DocAddress::new(i % 3, (i * 7919) % 1000))
            })
            .collect();
        let mut expected = all.clone();
        expected.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then((a.1.segment_ord, a.1.doc_id).cmp(&(b.1.segment_ord, b.1.doc_id)))
        });
        for n in [0, 1, 7, 50, 200, 500] {
            let (mut left, mut right) = (Best::new(n), Best::new(n));
            for (i, &(s, a)) in all.iter().enumerate() {
                if i % 2 == 0 {
                    left.push(s, a);
                } else {
                    right.push(s, a);
                }
            }
            left.extend(right);
            let got = left.into_sorted();
            assert_eq!(got, expected[..n.min(all.len())].to_vec(), "n = {n}");
        }
    }

    #[test]
    fn tiers_follow_the_stated_rules() {
        let claim = |covered, partial, counted| ClaimMatch {
            number: 1,
            elements: Vec::new(),
            covered,
            partial,
            counted,
        };
        assert_eq!(tier(&claim(4, 0, 4)).0, Tier::High);
        assert_eq!(tier(&claim(2, 1, 4)).0, Tier::Medium);
        assert_eq!(tier(&claim(1, 3, 4)).0, Tier::Low);
        assert_eq!(tier(&claim(0, 0, 0)).0, Tier::Low);
    }
}
