//! Prior-art search: from an invention text, or a document already in the index, to the earlier
//! documents most like it, each with the passage that shows why.
//!
//! ```text
//! invention ─▶ counts ─▶ key terms (tf × idf, claims weighted) + key phrases
//!           ─▶ BM25 over the text fields, published before the cut-off, family left out
//!           ─▶ × class boost (shared CPC/IPC symbol, group or subclass)
//!           ─▶ + citation boost (documents cited by the best hits)
//!           ─▶ evidence: the best paragraph or claim of each hit
//! ```
//!
//! Every step can be switched off ([`Config`]) so that `patdex eval` can measure what each one
//! adds. Nothing here looks at the input's own citations: they are what evaluation judges by.

use std::collections::{HashMap, HashSet};
use std::ops::Bound;
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;
use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, Term};

use super::terms::{self, Counts};
use crate::index::reader::{FastDates, FastStrings, IndexReader};
use crate::index::{schema, text};
use crate::model::{Block, Patent};
use crate::query::compile::any_of;
use crate::query::expand::{Expander, Expansion};
use crate::query::plan::WordMatch;
use crate::query::span::{SpanQuery, SpanTree};

/// Key terms selected unless told otherwise.
pub const DEFAULT_TERMS: usize = 40;
/// An input with at most this many usable distinct words is searched with all of them, however
/// many key terms were asked for (see `Words::select` for why): the length 37 CFR 1.72(b), EPC
/// Rule 47(3) and PCT Rule 8.1(b) ask an abstract to keep within, so every title and abstract,
/// single claim or short draft fits.
pub const WHOLE_INPUT_TERMS: usize = 150;
/// Key phrases added unless told otherwise.
pub const DEFAULT_PHRASES: usize = 10;

/// The most hits a prior-art search returns.
pub const MAX_LIMIT: usize = 1000;

/// The text fields searched unless told otherwise.
pub const SEARCH_FIELDS: &[&str] = &["title", "abstract", "claims", "description"];

/// How many of the best text matches the class and citation steps re-rank.
const POOL: usize = 1000;
/// How many of the best hits lend their citations to the citation boost.
const SEEDS: usize = 10;
/// What being cited by the best hit (and by no other earlier document) is worth, relative to
/// the best hit's own score.
const CITATION_WEIGHT: f32 = 0.1;
/// Score multipliers, less one, for sharing a full symbol, a main group, a subclass.
const CLASS_BOOST: [f32; 3] = [0.2, 0.15, 0.1];
/// Section weights for key-term counts: claims and title say what is claimed, the description
/// also says what is merely around it.
const TITLE_WEIGHT: f32 = 2.0;
const ABSTRACT_WEIGHT: f32 = 1.5;
const CLAIMS_WEIGHT: f32 = 2.0;
const DESCRIPTION_WEIGHT: f32 = 1.0;

/// The invention a prior-art search starts from.
#[derive(Debug, Clone, Default)]
pub struct Invention {
    pub title: String,
    pub abstract_text: String,
    pub claims: Vec<String>,
    pub description: Vec<String>,
    /// Classification symbols (CPC or IPC, as indexed: `H01M10/0562`), for the class boost.
    pub classes: Vec<String>,
    /// US classes (`210/683`, as indexed), for the class boost.
    pub us_classes: Vec<String>,
    /// Earliest priority date: the default cut-off.
    pub priority_date: Option<Date>,
    /// Family keys of the input document (see [`schema::family_keys`]); documents sharing one
    /// never appear.
    pub family: Vec<String>,
    /// The input document's publication number, when it is a document.
    pub number: Option<String>,
}

impl Invention {
    /// A document of the index as the query: title, abstract, claims and description, its
    /// classes, priority date and family.
    pub fn from_patent(p: &Patent) -> Invention {
        let mut classes: Vec<String> = p.cpc.iter().map(|c| c.symbol.clone()).collect();
        classes.extend(p.ipc.iter().map(|c| c.symbol.clone()));
        classes.dedup();
        Invention {
            title: p.title.clone(),
            abstract_text: p.abstract_text.clone(),
            claims: p.claims.iter().map(|c| c.text.clone()).collect(),
            description: p
                .description
                .iter()
                .filter_map(|b| match b {
                    Block::Paragraph { text } => Some(text.clone()),
                    Block::Heading { .. } => None,
                })
                .collect(),
            classes,
            us_classes: p.us_classes.clone(),
            priority_date: p.priority_date,
            family: schema::family_keys(p),
            number: Some(p.number.to_string()),
        }
    }

    /// A plain text: a description, claims, or both. Lines after a claims heading ("Claims",
    /// "What is claimed is:", "We claim:") are claims, one per number (`1.`, `2)`); the rest
    /// is description, one paragraph per blank-line-separated block.
    pub fn from_text(input: &str) -> Invention {
        let mut inv = Invention::default();
        let mut in_claims = false;
        let mut para = String::new();
        let flush = |para: &mut String, to: &mut Vec<String>| {
            let t = para.trim();
            if !t.is_empty() {
                to.push(t.to_string());
            }
            para.clear();
        };
        for line in input.lines() {
            let t = line.trim();
            let heading = t.trim_end_matches(':').trim().to_ascii_lowercase();
            if matches!(
                heading.as_str(),
                "claims"
                    | "claim"
                    | "what is claimed is"
                    | "what is claimed"
                    | "we claim"
                    | "i claim"
                    | "the claims"
                    | "claimed is"
            ) {
                let to = if in_claims {
                    &mut inv.claims
                } else {
                    &mut inv.description
                };
                flush(&mut para, to);
                in_claims = true;
                continue;
            }
            if in_claims {
                let starts_claim = {
                    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
                    digits > 0 && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
                };
                if starts_claim {
                    flush(&mut para, &mut inv.claims);
                }
                if !t.is_empty() {
                    para.push_str(t);
                    para.push(' ');
                }
            } else if t.is_empty() {
                flush(&mut para, &mut inv.description);
            } else {
                para.push_str(t);
                para.push(' ');
            }
        }
        let to = if in_claims {
            &mut inv.claims
        } else {
            &mut inv.description
        };
        flush(&mut para, to);
        inv
    }

    /// True when there is no text to search with.
    pub fn is_empty(&self) -> bool {
        self.title.trim().is_empty()
            && self.abstract_text.trim().is_empty()
            && self.claims.iter().all(|c| c.trim().is_empty())
            && self.description.iter().all(|c| c.trim().is_empty())
    }

    fn counts(&self) -> Counts {
        let mut a = text::analyzer();
        let mut c = Counts::default();
        c.add(&mut a, &self.title, TITLE_WEIGHT);
        c.add(&mut a, &self.abstract_text, ABSTRACT_WEIGHT);
        for t in &self.claims {
            c.add(&mut a, t, CLAIMS_WEIGHT);
        }
        for t in &self.description {
            c.add(&mut a, t, DESCRIPTION_WEIGHT);
        }
        c
    }
}

/// Which steps of the pipeline run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Config {
    /// Query with the selected key terms; off: every word of the text (plain BM25).
    pub select_terms: bool,
    /// Add the key phrases (adjacent word pairs) as phrase clauses.
    pub phrases: bool,
    /// Multiply scores by the class boost.
    pub classes: bool,
    /// Add the citation boost.
    pub citations: bool,
}

impl Config {
    /// Every step.
    pub const FULL: Config = Config {
        select_terms: true,
        phrases: true,
        classes: true,
        citations: true,
    };
}

/// The configurations `patdex eval` compares, each adding one step to the one before.
pub const CONFIGS: &[(&str, Config)] = &[
    (
        "bm25",
        Config {
            select_terms: false,
            phrases: false,
            classes: false,
            citations: false,
        },
    ),
    (
        "terms",
        Config {
            select_terms: true,
            phrases: false,
            classes: false,
            citations: false,
        },
    ),
    (
        "+phrases",
        Config {
            select_terms: true,
            phrases: true,
            classes: false,
            citations: false,
        },
    ),
    (
        "+class",
        Config {
            select_terms: true,
            phrases: true,
            classes: true,
            citations: false,
        },
    ),
    ("+cites", Config::FULL),
];

/// What to search and how.
#[derive(Debug, Clone)]
pub struct Options {
    pub config: Config,
    /// Only documents published before this date (but see `us_filed`).
    pub cutoff: Option<Date>,
    /// US documents (patents and published applications) filed before the cut-off count as
    /// earlier too, even when published after it: under 35 U.S.C. 102(e) (pre-AIA; 102(a)(2)
    /// since) a US patent is prior art from its filing date, and US examiners cite such
    /// documents. See [`is_earlier`].
    pub us_filed: bool,
    /// Hits to return (at most [`MAX_LIMIT`]).
    pub limit: usize,
    /// Text fields to search (a subset of [`SEARCH_FIELDS`], or `icl`).
    pub fields: Vec<&'static str>,
    /// Key terms to select from a long input (a short one is used whole: [`WHOLE_INPUT_TERMS`]).
    pub terms: usize,
    /// Key phrases to add.
    pub phrases: usize,
    /// Find the evidence passage of each hit (needs each hit's stored record).
    pub evidence: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            config: Config::FULL,
            cutoff: None,
            us_filed: false,
            limit: 20,
            fields: SEARCH_FIELDS.to_vec(),
            terms: DEFAULT_TERMS,
            phrases: DEFAULT_PHRASES,
            evidence: true,
        }
    }
}

/// A selected key term.
#[derive(Debug, Clone, Serialize)]
pub struct KeyTerm {
    /// The most frequent written form.
    pub term: String,
    /// The singular every form folds to.
    #[serde(skip)]
    pub stem: String,
    /// Occurrences in the input, weighted by section.
    pub count: f32,
    /// Documents of the index containing it (in the field where it is most frequent).
    pub df: u64,
    pub idf: f32,
    /// count × idf: what it was selected by.
    pub score: f32,
}

/// A selected key phrase: two adjacent words.
#[derive(Debug, Clone, Serialize)]
pub struct KeyPhrase {
    pub phrase: String,
    #[serde(skip)]
    pub stems: [String; 2],
    /// Occurrences in the input, weighted by section.
    pub count: f32,
    pub score: f32,
}

/// The best passage of a hit, and the key terms it shares with the input.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// `abstract`, `claim 3`, `description ¶12`, `title`.
    pub passage: String,
    pub text: String,
    /// Key terms and phrases the passage shares with the input, best first.
    pub shared: Vec<String>,
    /// Key terms the whole document shares with the input.
    pub document_shares: usize,
}

/// One ranked document and where its score came from.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    #[serde(skip)]
    pub addr: DocAddress,
    pub rank: usize,
    /// Publication number with kind (`US7654321B2`).
    pub number: String,
    /// Without kind (`US7654321`), as citations name documents.
    #[serde(skip)]
    pub key: String,
    pub pub_date: Option<Date>,
    /// Filing date of the document's application.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filing_date: Option<Date>,
    pub title: String,
    /// The final score, relative to the best text match (1.0) when boosts are on.
    pub score: f32,
    /// BM25 of the text query.
    pub text_score: f32,
    /// The class symbol shared with the input that earned the class boost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class_match: Option<String>,
    pub class_boost: f32,
    /// The best hits that cite this document.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cited_by: Vec<String>,
    pub citation_boost: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// The result of a prior-art search.
#[derive(Debug, Serialize)]
pub struct PriorArt {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
    pub config: Config,
    pub cutoff: Option<Date>,
    /// US documents filed before the cut-off count as earlier ([`Options::us_filed`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub us_filed: bool,
    pub fields: Vec<&'static str>,
    pub key_terms: Vec<KeyTerm>,
    pub key_phrases: Vec<KeyPhrase>,
    /// Clauses of the text query (words × fields, phrases × fields).
    pub query_clauses: usize,
    /// Documents the text query matched (before the limit).
    pub matched: usize,
    pub hits: Vec<Hit>,
}

/// Runs a prior-art search.
pub fn search(reader: &IndexReader, inv: &Invention, opts: &Options) -> anyhow::Result<PriorArt> {
    let searcher = &reader.searcher;
    if inv.is_empty() {
        anyhow::bail!("the invention text is empty; give a description or claims to search with");
    }
    let limit = opts.limit.clamp(1, MAX_LIMIT);
    let TextQuery {
        query: text_query,
        key_terms,
        key_phrases,
        clauses: query_clauses,
    } = text_query(searcher, inv, opts)?;
    let query = restrict(text_query, opts.cutoff, opts.us_filed, &inv.family);
    let pool = if opts.config.classes || opts.config.citations {
        POOL.max(limit)
    } else {
        limit
    };
    let (top, matched) =
        searcher.search(&query, &(TopDocs::with_limit(pool).order_by_score(), Count))?;

    let mut ranked: Vec<Scored> = top
        .into_iter()
        .map(|(score, addr)| Scored {
            addr,
            score,
            text_score: score,
            class_match: None,
            class_boost: 0.0,
            cited_by: Vec::new(),
            citation_boost: 0.0,
        })
        .collect();
    if opts.config.classes && !(inv.classes.is_empty() && inv.us_classes.is_empty()) {
        class_boost(searcher, &inv.classes, &inv.us_classes, &mut ranked)?;
    }
    if opts.config.citations {
        citation_boost(
            searcher,
            opts.cutoff,
            opts.us_filed,
            &inv.family,
            &mut ranked,
        )?;
    }
    let nums = FastStrings::open(searcher, "num")?;
    sort_ranked(&nums, &mut ranked, limit)?;
    ranked.truncate(limit);

    let ids = FastStrings::open(searcher, "id")?;
    let pds = FastDates::open(searcher, "pd")?;
    let ads = FastDates::open(searcher, "ad")?;
    let mut hits = Vec::with_capacity(ranked.len());
    // Evidence reads and scans each hit's whole record: spread it over the cores.
    let looked: Vec<(String, Option<Evidence>)> = ranked
        .par_iter()
        .map(|s| {
            if !opts.evidence {
                return Ok((String::new(), None));
            }
            let p = reader.patent(s.addr)?;
            let ev = evidence(&mut text::analyzer(), &p, &key_terms, &key_phrases);
            Ok((p.title, Some(ev)))
        })
        .collect::<anyhow::Result<_>>()?;
    for ((i, s), (title, evidence)) in ranked.into_iter().enumerate().zip(looked) {
        let (number, key) = (first(&ids, s.addr)?, first(&nums, s.addr)?);
        hits.push(Hit {
            addr: s.addr,
            rank: i + 1,
            number,
            key,
            pub_date: pds.get(s.addr),
            filing_date: ads.get(s.addr),
            title,
            score: s.score,
            text_score: s.text_score,
            class_match: s.class_match,
            class_boost: s.class_boost,
            cited_by: s.cited_by,
            citation_boost: s.citation_boost,
            evidence,
        });
    }
    Ok(PriorArt {
        input: inv.number.clone(),
        config: opts.config,
        cutoff: opts.cutoff,
        us_filed: opts.us_filed,
        fields: opts.fields.clone(),
        key_terms,
        key_phrases,
        query_clauses,
        matched,
        hits,
    })
}

/// The text side of a search from an invention: its key terms (and phrases) over the fields
/// asked for, BM25 scored, without any filter. Prior-art search adds its cut-off and family
/// filters; the risk screen its term and owner filters.
pub struct TextQuery {
    pub query: Box<dyn Query>,
    pub key_terms: Vec<KeyTerm>,
    pub key_phrases: Vec<KeyPhrase>,
    /// Clauses of the query (indexed word forms × fields, phrases × fields).
    pub clauses: usize,
}

/// Builds the [`TextQuery`] of `inv` as `opts` says (config, fields, terms, phrases).
pub fn text_query(
    searcher: &Searcher,
    inv: &Invention,
    opts: &Options,
) -> anyhow::Result<TextQuery> {
    let counts = inv.counts();
    let mut ex = Expander::new(searcher, "");
    // Only words a query can use are looked up: key terms never are patent boilerplate, the
    // plain baseline drops only English function words.
    let wanted: fn(&str) -> bool = if opts.config.select_terms {
        |s| !terms::is_stopword(s)
    } else {
        |s| !terms::is_english_stopword(s)
    };
    let words = Words::new(&mut ex, &opts.fields, &counts, wanted)?;
    let key_terms = words.select(&counts, opts.terms);
    let key_phrases = select_phrases(&counts, &words, opts.phrases);

    let mut clauses: Vec<Box<dyn Query>> = Vec::new();
    for &field in &opts.fields {
        let f = schema::field(field);
        if opts.config.select_terms {
            for t in &key_terms {
                let boost = 1.0 + t.count.ln().max(0.0);
                clauses.extend(words.clause(f, &t.stem, boost));
            }
        } else {
            let mut plain: Vec<(&String, &u32)> = counts
                .raw
                .iter()
                .filter(|(s, _)| !terms::is_english_stopword(s))
                .collect();
            plain.sort();
            for (stem, &n) in plain {
                clauses.extend(words.clause(f, stem, n as f32));
            }
        }
        if opts.config.phrases {
            for p in &key_phrases {
                clauses.extend(words.phrase(f, field, p));
            }
        }
    }
    let query_clauses = clauses.len();
    let text_query: Box<dyn Query> = if clauses.is_empty() {
        Box::new(EmptyQuery)
    } else {
        Box::new(BooleanQuery::new(
            clauses.into_iter().map(|q| (Occur::Should, q)).collect(),
        ))
    };
    Ok(TextQuery {
        query: text_query,
        key_terms,
        key_phrases,
        clauses: query_clauses,
    })
}

/// A candidate while it is being re-ranked.
struct Scored {
    addr: DocAddress,
    score: f32,
    text_score: f32,
    class_match: Option<String>,
    class_boost: f32,
    cited_by: Vec<String>,
    citation_boost: f32,
}

/// Sorts `ranked` by score, best first, and documents with equal scores among the first
/// `limit` by publication number (without kind), descending: the order trec_eval gives tied
/// documents, so that a run file says what patdex measured. Short records tie often (the
/// same few words in abstracts of similar length; an EP A1 and its A4 have the same text), and
/// the order of their addresses is an accident of how the index was split into segments:
/// without this, the same documents in another index gave MAP and MRR up to 0.01 apart, and a
/// tie at the last citation seed changed which citations counted. Only tied documents are read.
fn sort_ranked(nums: &FastStrings, ranked: &mut [Scored], limit: usize) -> anyhow::Result<()> {
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.addr.segment_ord.cmp(&b.addr.segment_ord))
            .then(a.addr.doc_id.cmp(&b.addr.doc_id))
    });
    let mut i = 0;
    while i < ranked.len().min(limit) {
        let j = i + ranked[i..]
            .iter()
            .take_while(|s| s.score == ranked[i].score)
            .count();
        if j - i > 1 {
            let mut number = HashMap::with_capacity(j - i);
            for s in &ranked[i..j] {
                number.insert(s.addr, first(nums, s.addr)?);
            }
            ranked[i..j].sort_by(|a, b| number[&b.addr].cmp(&number[&a.addr]));
        }
        i = j;
    }
    Ok(())
}

fn first(col: &FastStrings, addr: DocAddress) -> anyhow::Result<String> {
    let mut v = Vec::new();
    col.values(addr, &mut v)?;
    Ok(v.into_iter().next().unwrap_or_default())
}

/// Whether a document counts as earlier than `cutoff`: published before it, or (with
/// `us_filed`) a US document filed before it. [`restrict`] is the same rule as a query, and
/// `patdex eval` judges and checks its rankings with this one.
pub fn is_earlier(
    cutoff: Option<Date>,
    us_filed: bool,
    number: &str,
    published: Option<Date>,
    filed: Option<Date>,
) -> bool {
    let Some(c) = cutoff else { return true };
    published.is_some_and(|d| d < c)
        || (us_filed && number.starts_with("US") && filed.is_some_and(|d| d < c))
}

/// `query`, only for documents earlier than `cutoff` (see [`is_earlier`]) and outside the
/// family.
fn restrict(
    query: Box<dyn Query>,
    cutoff: Option<Date>,
    us_filed: bool,
    family: &[String],
) -> Box<dyn Query> {
    let mut clauses = vec![(Occur::Must, query)];
    if let Some(c) = cutoff {
        let before = |field: &str| -> Box<dyn Query> {
            Box::new(RangeQuery::new(
                Bound::Unbounded,
                Bound::Excluded(Term::from_field_date(
                    schema::field(field),
                    schema::date_time(c),
                )),
            ))
        };
        let earlier: Box<dyn Query> = if us_filed {
            let us: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(schema::field("cc"), "US"),
                IndexRecordOption::Basic,
            ));
            let us_filed = BooleanQuery::new(vec![(Occur::Must, us), (Occur::Must, before("ad"))]);
            Box::new(BooleanQuery::new(vec![
                (Occur::Should, before("pd")),
                (Occur::Should, Box::new(us_filed)),
            ]))
        } else {
            before("pd")
        };
        clauses.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(earlier, 0.0)) as Box<dyn Query>,
        ));
    }
    let fam = schema::field("fam");
    for k in family {
        clauses.push((
            Occur::MustNot,
            Box::new(TermQuery::new(
                Term::from_field_text(fam, k),
                IndexRecordOption::Basic,
            )),
        ));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// The input's words looked up in the index: their indexed forms per field and their idf.
struct Words {
    /// Per stem: the expansion in each searched field.
    expansions: HashMap<String, Vec<(tantivy::schema::Field, Arc<Expansion>)>>,
    num_docs: f32,
}

impl Words {
    fn new(
        ex: &mut Expander,
        fields: &[&'static str],
        counts: &Counts,
        wanted: fn(&str) -> bool,
    ) -> anyhow::Result<Words> {
        let mut expansions = HashMap::new();
        for stem in counts.raw.keys().filter(|s| wanted(s)) {
            let mut v = Vec::new();
            for &name in fields {
                let f = schema::field(name);
                let e = ex
                    .expand(f, &WordMatch::Stem(stem.clone()), Default::default())
                    .map_err(|e| anyhow::anyhow!("{}", e.message))?;
                if !e.words.is_empty() {
                    v.push((f, e));
                }
            }
            if !v.is_empty() {
                expansions.insert(stem.clone(), v);
            }
        }
        Ok(Words {
            expansions,
            num_docs: ex.searcher().num_docs() as f32,
        })
    }

    fn df(&self, stem: &str) -> u64 {
        self.expansions.get(stem).map_or(0, |v| {
            v.iter().map(|(_, e)| e.max_doc_freq()).max().unwrap_or(0)
        })
    }

    fn idf(&self, df: u64) -> f32 {
        let (n, df) = (self.num_docs, df as f32);
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The key terms: every usable stem of a short input, the top `n` by weighted count × idf
    /// of a long one (stopwords and words the index lacks are never usable).
    ///
    /// Selection exists to cut a long text down to what it is about. A full patent has
    /// thousands of distinct words, most of them used once in passing; a query with all of them
    /// is slower and noisier (on the sample corpus, whose grants have about 200 usable words
    /// each, 100 key terms instead of 40 cost up to 0.04 MAP). But count × idf can only tell the
    /// words a text is about from the ones it merely mentions when words repeat. In a short
    /// text (an abstract, a claim, a few lines of a draft) nearly every word occurs once or
    /// twice, so the ranking falls back on idf alone and the cut drops the common words the
    /// invention is about (`water`, `filter`) while keeping rare incidental ones: on the
    /// PatSnap title + abstract records it cost Recall@100 against plain BM25. Such a text is
    /// already a summary, so it is kept whole. "Short" is a vocabulary that fits in an
    /// abstract ([`WHOLE_INPUT_TERMS`]), a bound from the patent offices' rules rather than a
    /// value fitted to an evaluation; anything longer is cut to `n` as before.
    fn select(&self, counts: &Counts, n: usize) -> Vec<KeyTerm> {
        let mut out: Vec<KeyTerm> = counts
            .weighted
            .iter()
            .filter(|(s, _)| !terms::is_stopword(s))
            .filter_map(|(stem, &count)| {
                let df = self.df(stem);
                (df > 0).then(|| {
                    let idf = self.idf(df);
                    KeyTerm {
                        term: counts.form(stem),
                        stem: stem.clone(),
                        count,
                        df,
                        idf,
                        score: count * idf,
                    }
                })
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.stem.cmp(&b.stem)));
        if out.len() > WHOLE_INPUT_TERMS {
            out.truncate(n);
        }
        out
    }

    /// The indexed forms of `stem` in field `f`, each its own BM25-scored clause. A document's
    /// score sums its forms either way; as separate clauses of the one top-level disjunction
    /// (not a nested OR per stem) tantivy can skip with block-max WAND.
    fn clause(
        &self,
        f: tantivy::schema::Field,
        stem: &str,
        boost: f32,
    ) -> impl Iterator<Item = Box<dyn Query>> + '_ {
        let forms = self
            .expansions
            .get(stem)
            .and_then(|v| v.iter().find(|(g, _)| *g == f))
            .map(|(_, e)| e.words.as_slice())
            .unwrap_or_default();
        forms.iter().map(move |w| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(f, w),
                IndexRecordOption::WithFreqs,
            ));
            Box::new(BoostQuery::new(q, boost)) as Box<dyn Query>
        })
    }

    /// A key phrase as a phrase clause on field `f`.
    fn phrase(
        &self,
        f: tantivy::schema::Field,
        name: &str,
        p: &KeyPhrase,
    ) -> Option<Box<dyn Query>> {
        let mut parts = Vec::new();
        let mut weight = 0.0;
        for stem in &p.stems {
            let (_, e) = self.expansions.get(stem)?.iter().find(|(g, _)| *g == f)?;
            weight += self.idf(e.max_doc_freq());
            parts.push(e.clone());
        }
        let q = SpanQuery {
            field: f,
            tree: Arc::new(SpanTree::Phrase(parts)),
            weight,
            label: format!("{name}:\"{}\"", p.phrase),
        };
        Some(Box::new(BoostQuery::new(
            Box::new(q),
            1.0 + p.count.ln().max(0.0),
        )))
    }
}

/// Word pairs seen at least twice (weighted), by count × mean idf.
fn select_phrases(counts: &Counts, words: &Words, n: usize) -> Vec<KeyPhrase> {
    let mut out: Vec<KeyPhrase> = counts
        .pairs
        .iter()
        .filter(|(pair, c)| **c >= 2.0 && pair.0 != pair.1)
        .filter_map(|((a, b), &count)| {
            let (da, db) = (words.df(a), words.df(b));
            (da > 0 && db > 0).then(|| KeyPhrase {
                phrase: format!("{} {}", counts.form(a), counts.form(b)),
                stems: [a.clone(), b.clone()],
                count,
                score: count * (words.idf(da) + words.idf(db)) / 2.0,
            })
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.stems.cmp(&b.stems)));
    out.truncate(n);
    out
}

/// The class levels of the input: full symbols, main groups, subclasses.
fn class_levels(classes: &[String]) -> [HashSet<String>; 3] {
    let mut out: [HashSet<String>; 3] = Default::default();
    for c in classes {
        let sym: String = c.chars().filter(|c| !c.is_whitespace()).collect();
        let anc = schema::class_ancestors(&sym);
        if let Some(g) = anc.get(3) {
            out[1].insert(g.to_string());
        }
        if let Some(s) = anc.get(2) {
            out[2].insert(s.to_string());
        }
        out[0].insert(sym);
    }
    out
}

/// Multiplies each candidate's score by the closest class it shares with the input. A soft
/// boost, not a filter: examiners cite across classes, and a filter would lose those.
fn class_boost(
    searcher: &Searcher,
    classes: &[String],
    us_classes: &[String],
    ranked: &mut [Scored],
) -> anyhow::Result<()> {
    let levels = class_levels(classes);
    // Every wanted symbol, tagged with its level and whether it is a US class; the lowest level
    // (most specific) wins, and at one level the CPC/IPC symbol is the one shown.
    type Tag = (usize, bool, String);
    let mut wanted: Vec<(String, Tag)> = Vec::new();
    for (level, set) in levels.iter().enumerate() {
        for v in set {
            wanted.push((v.clone(), (level, false, v.clone())));
        }
    }
    // A US class (`210/683`) is a class and subclass: as specific as a full CPC/IPC symbol.
    let us: Vec<(String, Tag)> = us_classes
        .iter()
        .map(|c| (c.clone(), (0, true, c.clone())))
        .collect();
    let cols = [
        FastStrings::open(searcher, "cpc")?,
        FastStrings::open(searcher, "ipc")?,
        FastStrings::open(searcher, "uspc")?,
    ];
    let matchers = [
        cols[0].matcher(&wanted)?,
        cols[1].matcher(&wanted)?,
        cols[2].matcher(&us)?,
    ];
    for s in ranked.iter_mut() {
        let best = matchers.iter().flat_map(|m| m.tags(s.addr)).min().cloned();
        if let Some((level, _, v)) = best {
            s.class_boost = CLASS_BOOST[level];
            s.class_match = Some(v);
            s.score *= 1.0 + s.class_boost;
        }
    }
    Ok(())
}

/// Adds to each document a share of the scores of the best hits that cite it, and brings in
/// cited documents the text query missed. Only citations made by the hits themselves are used,
/// and every hit was published before the cut-off, so no later knowledge leaks in. (With
/// `us_filed`, a US hit may have been published, and its citations made, after the cut-off:
/// they are its examiner's judgment of that document, prior art in law from its filing date,
/// never of the input; and the documents they bring in obey the same cut-off.)
fn citation_boost(
    searcher: &Searcher,
    cutoff: Option<Date>,
    us_filed: bool,
    family: &[String],
    ranked: &mut Vec<Scored>,
) -> anyhow::Result<()> {
    let nums = FastStrings::open(searcher, "num")?;
    sort_ranked(&nums, ranked, SEEDS)?;
    let Some(top) = ranked.first().map(|s| s.score).filter(|s| *s > 0.0) else {
        return Ok(());
    };
    let cites = FastStrings::open(searcher, "cites")?;
    let ids = FastStrings::open(searcher, "id")?;
    // Cited number → the seeds citing it, with their relative scores.
    let mut citing: HashMap<String, Vec<(String, f32)>> = HashMap::new();
    let mut values = Vec::new();
    for s in ranked.iter().take(SEEDS) {
        values.clear();
        cites.values(s.addr, &mut values)?;
        values.sort();
        values.dedup();
        let seed = first(&ids, s.addr)?;
        for v in values.drain(..) {
            citing
                .entry(v)
                .or_default()
                .push((seed.clone(), s.score / top));
        }
    }
    for s in ranked.iter_mut() {
        s.score /= top;
    }
    if citing.is_empty() {
        return Ok(());
    }
    let num = schema::field("num");
    let mut keys: Vec<&String> = citing.keys().collect();
    keys.sort();
    let query = restrict(
        any_of(num, keys, IndexRecordOption::Basic),
        cutoff,
        us_filed,
        family,
    );
    let found = searcher.search(&query, &DocSetCollector)?;
    let at: HashMap<DocAddress, usize> = ranked
        .iter()
        .enumerate()
        .map(|(i, s)| (s.addr, i))
        .collect();
    let mut found: Vec<(DocAddress, String)> = found
        .into_iter()
        .map(|a| Ok((a, first(&nums, a)?)))
        .collect::<anyhow::Result<_>>()?;
    found.sort();
    let citers = citer_counts(
        searcher,
        cutoff,
        us_filed,
        family,
        found.iter().map(|(_, k)| k),
    )?;
    for (addr, key) in found {
        let Some(by) = citing.get(&key) else { continue };
        // Divided by how many earlier documents cite it at all: being cited by the best hits
        // means more for a document few others cite than for a classic everybody cites.
        let n = citers.get(&key).copied().unwrap_or(1).max(1) as f32;
        let boost = CITATION_WEIGHT * by.iter().map(|(_, w)| w).sum::<f32>() / n;
        let cited_by: Vec<String> = by.iter().map(|(n, _)| n.clone()).collect();
        match at.get(&addr) {
            Some(&i) => {
                let s = &mut ranked[i];
                s.score += boost;
                s.citation_boost = boost;
                s.cited_by = cited_by;
            }
            None => ranked.push(Scored {
                addr,
                score: boost,
                text_score: 0.0,
                class_match: None,
                class_boost: 0.0,
                cited_by,
                citation_boost: boost,
            }),
        }
    }
    Ok(())
}

/// How many documents published before the cut-off (family left out) cite each of `keys`: one
/// query for all of them, then the citers' fast columns.
fn citer_counts<'k>(
    searcher: &Searcher,
    cutoff: Option<Date>,
    us_filed: bool,
    family: &[String],
    keys: impl Iterator<Item = &'k String>,
) -> anyhow::Result<HashMap<String, usize>> {
    let cites = schema::field("cites");
    let mut counts: HashMap<String, usize> = keys.map(|k| (k.clone(), 0)).collect();
    if counts.is_empty() {
        return Ok(counts);
    }
    let query = restrict(
        any_of(cites, counts.keys(), IndexRecordOption::Basic),
        cutoff,
        us_filed,
        family,
    );
    let col = FastStrings::open(searcher, "cites")?;
    let mut values = Vec::new();
    for addr in searcher.search(&query, &DocSetCollector)? {
        values.clear();
        col.values(addr, &mut values)?;
        values.sort();
        values.dedup();
        for v in &values {
            if let Some(n) = counts.get_mut(v) {
                *n += 1;
            }
        }
    }
    Ok(counts)
}

/// The passage of `p` that shares the most key-term weight with the input.
fn evidence(
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    p: &Patent,
    key_terms: &[KeyTerm],
    key_phrases: &[KeyPhrase],
) -> Evidence {
    let mut passages: Vec<(String, &str)> = vec![("title".into(), p.title.as_str())];
    passages.push(("abstract".into(), p.abstract_text.as_str()));
    for c in &p.claims {
        passages.push((format!("claim {}", c.number), c.text.as_str()));
    }
    let mut n = 0;
    for b in &p.description {
        if let Block::Paragraph { text } = b {
            n += 1;
            passages.push((format!("description ¶{n}"), text.as_str()));
        }
    }
    // Every stem of interest gets a small id: key terms first, then the words of key phrases.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for t in key_terms {
        let n = ids.len();
        ids.entry(t.stem.as_str()).or_insert(n);
    }
    for ph in key_phrases {
        for st in &ph.stems {
            let n = ids.len();
            ids.entry(st.as_str()).or_insert(n);
        }
    }
    let phrase_ids: Vec<(usize, usize)> = key_phrases
        .iter()
        .map(|ph| (ids[ph.stems[0].as_str()], ids[ph.stems[1].as_str()]))
        .collect();
    let mut document: HashSet<usize> = HashSet::new();
    // (score, passage, shared terms with their weights)
    type Best = (f32, usize, Vec<(f32, String)>);
    let mut best: Option<Best> = None;
    let mut present = vec![false; ids.len()];
    let mut pairs = vec![false; phrase_ids.len()];
    for (i, (_, text)) in passages.iter().enumerate() {
        present.iter_mut().for_each(|p| *p = false);
        pairs.iter_mut().for_each(|p| *p = false);
        let mut prev: Option<usize> = None;
        terms::for_each_stem(analyzer, text, |stem| {
            let id = ids.get(stem).copied();
            if let Some(id) = id {
                present[id] = true;
                if let Some(p) = prev {
                    for (k, &(a, b)) in phrase_ids.iter().enumerate() {
                        if a == p && b == id {
                            pairs[k] = true;
                        }
                    }
                }
            }
            prev = id;
        });
        let mut shared: Vec<(f32, String)> = Vec::new();
        for (id, t) in key_terms.iter().enumerate() {
            if ids[t.stem.as_str()] == id && present[id] {
                document.insert(id);
                shared.push((t.score, t.term.clone()));
            }
        }
        for (k, ph) in key_phrases.iter().enumerate() {
            if pairs[k] {
                shared.push((ph.score, format!("\"{}\"", ph.phrase)));
            }
        }
        let score: f32 = shared.iter().map(|(w, _)| w).sum();
        if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
            best = Some((score, i, shared));
        }
    }
    let (_, i, mut shared) = best.unwrap_or_default();
    shared.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let (passage, text) = passages.swap_remove(i);
    Evidence {
        passage,
        text: text.to_string(),
        shared: shared.into_iter().map(|(_, s)| s).collect(),
        document_shares: document.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_splits_description_from_numbered_claims() {
        let inv = Invention::from_text(
            "A cell with a sulfide layer.\nIt is thin.\n\nSecond paragraph.\n\nWhat is claimed is:\n1. A cell comprising\na layer.\n2) The cell of claim 1.\n",
        );
        assert_eq!(
            inv.description,
            vec![
                "A cell with a sulfide layer. It is thin.",
                "Second paragraph."
            ]
        );
        assert_eq!(
            inv.claims,
            vec!["1. A cell comprising a layer.", "2) The cell of claim 1."]
        );
        let only = Invention::from_text("just a description\n");
        assert!(only.claims.is_empty());
        assert!(Invention::from_text("  \n\n").is_empty());
    }

    #[test]
    fn earlier_by_publication_or_with_us_filed_by_a_us_filing() {
        let d = |s: &str| Some(s.parse::<Date>().unwrap());
        let cut = d("2010-01-01");
        // Published before: always earlier; no cut-off: everything is.
        assert!(is_earlier(cut, false, "EP1", d("2009-12-31"), None));
        assert!(is_earlier(None, false, "EP1", None, None));
        // Published on the cut-off day is not earlier.
        assert!(!is_earlier(
            cut,
            true,
            "US1",
            d("2010-01-01"),
            d("2010-01-01")
        ));
        // Filed before, published after: only a US document, and only with us_filed.
        assert!(!is_earlier(
            cut,
            false,
            "US7654321B2",
            d("2011-05-03"),
            d("2008-02-01")
        ));
        assert!(is_earlier(
            cut,
            true,
            "US7654321B2",
            d("2011-05-03"),
            d("2008-02-01")
        ));
        assert!(!is_earlier(
            cut,
            true,
            "EP1234567A1",
            d("2011-05-03"),
            d("2008-02-01")
        ));
        assert!(!is_earlier(cut, true, "US7654321B2", None, None));
    }

    #[test]
    fn class_levels_of_the_input() {
        let [full, group, sub] = class_levels(&["H01M 10/0562".into(), "A61K".into()]);
        assert!(full.contains("H01M10/0562") && full.contains("A61K"));
        assert_eq!(group, HashSet::from(["H01M10".to_string()]));
        assert_eq!(sub, HashSet::from(["H01M".to_string(), "A61K".to_string()]));
    }
}
