//! The search-strategy assistant behind `patdex guide`: from a need in plain words to a
//! professional query, every step counted on the index.
//!
//! 1. The need becomes concepts: its content words, and adjacent pairs the index uses as phrases
//!    (the phrase holds a fair share of the rarer word's documents).
//! 2. Each concept gets, from this index: spellings (British/American and common variants,
//!    misspellings of long words, run-together compounds), a truncation stem, related terms
//!    (words markedly more frequent in the concept's best documents than in the index, after
//!    Elasticsearch's `significant_terms` JLH score), and warnings (no hits, very common, a stem
//!    too short).
//! 3. Classes over-represented among the documents matching the concepts.
//! 4. A query built concept by concept from the broadest, with the count after each step and
//!    why; `NEAR/10` where two concepts mostly occur close together; a class restriction as an
//!    option.
//! 5. The same query for Espacenet and USPTO Patent Public Search (`query::translate`).
//!
//! Suggestions carry an `accepted` flag; [`assemble`] rebuilds the steps from whatever is
//! accepted, so the interactive mode and the report share one code path.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use tantivy::query::Query;
use tantivy::{DocId, SegmentOrdinal};

use super::terms::{is_stopword, is_word, stems};
use crate::classes::{self, Classes};
use crate::index::reader::{IndexReader, value_counts};
use crate::index::text;
use crate::query::expand::singular;
use crate::query::search::{self, Sort, SortKey};
use crate::query::translate::{self, System};

/// At most this many concepts: a need longer than that is searched by its rarest words.
const MAX_CONCEPTS: usize = 6;
/// Best documents of a concept read for related terms.
const SAMPLE: usize = 100;
/// A concept in at least this share of the index narrows almost nothing.
const COMMON: f64 = 0.3;
/// `NEAR/n` between two concepts when it keeps at least this share of their `AND`.
const NEAR_KEEPS: f64 = 0.6;
const NEAR_DISTANCE: u32 = 10;
/// Documents whose classes are compared with the index's.
const CLASS_BASIS: usize = 20;

/// Words people use to describe a need that name no technical concept ("a device that keeps
/// ..."); sorted for binary search. Patent boilerplate is already in `terms::STOPWORDS`.
#[rustfmt::skip]
const NEED_WORDS: &[&str] = &[
    "able", "based", "better", "find", "finding", "good", "help", "idea", "improved", "keep",
    "keeping", "kept", "kind", "know", "like", "look", "looking", "made", "make", "making",
    "need", "new", "novel", "prior", "search", "searching", "something", "thing", "type", "use",
    "used", "using", "want", "way", "whereby", "whose",
];

/// Options of a guide run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Related terms listed per concept.
    pub related: usize,
    /// Classes suggested.
    pub classes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            related: 5,
            classes: 5,
        }
    }
}

/// Something the searcher can add to a concept (ORed in) or use instead of it.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    /// `spelling`, `truncation`, `related` or `loosen` (a phrase as `NEAR/3`).
    pub kind: &'static str,
    /// The query text it adds (`sulphide`, `electrolyt*`, `lithium NEAR/3 battery`).
    pub text: String,
    /// Documents it matches alone.
    pub hits: u64,
    /// Documents the concept matches with it.
    pub with_concept: u64,
    /// For a truncation, the indexed words it stands for (at most 12 shown).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    pub why: String,
    pub accepted: bool,
}

/// One concept of the need.
#[derive(Debug, Clone, Serialize)]
pub struct Concept {
    /// As written in the need (singular words): `solid electrolyte`.
    pub label: String,
    /// The base query: a word or a phrase.
    pub base: String,
    /// Documents the base matches.
    pub hits: u64,
    pub suggestions: Vec<Suggestion>,
    pub warnings: Vec<String>,
    /// Left out of the query (no hits, or too common); the reason is in `warnings`.
    pub dropped: bool,
}

impl Concept {
    /// The concept as query text: the base (or an accepted truncation or loosening, which
    /// replace it) ORed with the accepted spellings and related terms.
    pub fn query(&self) -> String {
        let replacing: Vec<&Suggestion> = self
            .suggestions
            .iter()
            .filter(|s| s.accepted && matches!(s.kind, "truncation" | "loosen"))
            .collect();
        let mut parts: Vec<String> = match replacing.last() {
            Some(s) => vec![s.text.clone()],
            None => vec![self.base.clone()],
        };
        for s in &self.suggestions {
            if s.accepted && matches!(s.kind, "spelling" | "related") {
                parts.push(s.text.clone());
            }
        }
        if parts.len() == 1 {
            let p = parts.pop().expect("one");
            if p.contains(" NEAR/") {
                return format!("({p})");
            }
            return p;
        }
        format!("({})", parts.join(" OR "))
    }
}

/// A classification code over-represented among the concepts' documents.
#[derive(Debug, Clone, Serialize)]
pub struct ClassHint {
    pub scheme: &'static str,
    /// The code as indexed: a main group like `H01M10`, a subclass, or a full symbol.
    pub code: String,
    pub title: Option<String>,
    /// Of the documents matching the concepts, how many have it.
    pub in_hits: u64,
    pub hits: u64,
    /// Documents of the whole index with it.
    pub in_index: u64,
    /// How much more frequent it is among the hits than in the index.
    pub lift: f64,
    /// The clause that restricts a query to it.
    pub clause: String,
    pub accepted: bool,
}

/// One line of the search history the guide proposes.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub query: String,
    pub hits: u64,
    pub why: String,
    /// Offered, not part of the proposed query.
    pub optional: bool,
}

/// A query written for another system, with what it could not express.
#[derive(Debug, Clone, Serialize)]
pub struct Elsewhere {
    pub system: String,
    pub query: String,
    pub lost: Vec<String>,
}

/// Everything `patdex guide` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Guide {
    pub need: String,
    pub documents: u64,
    pub concepts: Vec<Concept>,
    pub classes: Vec<ClassHint>,
    pub steps: Vec<Step>,
    /// The proposed query: the last step that is not optional.
    pub query: String,
    pub hits: u64,
    pub elsewhere: Vec<Elsewhere>,
}

/// Why a guide cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum GuideError {
    #[error(
        "the need has no words to search for; describe what you are looking for, e.g. \"a lithium battery with a solid sulfide electrolyte\""
    )]
    Empty,
    #[error(transparent)]
    Query(#[from] crate::query::QueryError),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

/// Counts queries, with a cache (the guide asks for the same counts several times).
struct Counter<'a> {
    reader: &'a IndexReader,
    classes: &'a Classes,
    cache: HashMap<String, u64>,
}

impl Counter<'_> {
    fn count(&mut self, q: &str) -> Result<u64, GuideError> {
        if let Some(&n) = self.cache.get(q) {
            return Ok(n);
        }
        let p = crate::query::prepare_with(&self.reader.searcher, q, self.classes)?;
        let n = p
            .compiled
            .query
            .count(&self.reader.searcher)
            .map_err(anyhow::Error::from)? as u64;
        self.cache.insert(q.to_string(), n);
        Ok(n)
    }

    /// The best `n` hits of `q` by relevance.
    fn best(&self, q: &str, n: usize) -> Result<Vec<search::Hit>, GuideError> {
        let p = self.prepared(q)?;
        let relevance = Sort {
            key: SortKey::Relevance,
            descending: true,
        };
        let (hits, _) = search::top_hits(
            &self.reader.searcher,
            p.compiled.query.as_ref(),
            relevance,
            n,
        )
        .map_err(anyhow::Error::from)?;
        Ok(hits)
    }

    fn prepared(&self, q: &str) -> Result<crate::query::Prepared, GuideError> {
        Ok(crate::query::prepare_with(
            &self.reader.searcher,
            q,
            self.classes,
        )?)
    }
}

/// Makes the guide for `need`.
pub fn guide(
    reader: &IndexReader,
    classes: &Classes,
    need: &str,
    opts: &Options,
) -> Result<Guide, GuideError> {
    let mut c = Counter {
        reader,
        classes,
        cache: HashMap::new(),
    };
    let n = reader.num_docs();
    let mut concepts = split(&mut c, need)?;
    if concepts.is_empty() {
        return Err(GuideError::Empty);
    }
    for concept in &mut concepts {
        enrich(&mut c, concept, n, opts)?;
    }
    let mut g = Guide {
        need: need.to_string(),
        documents: n,
        concepts,
        classes: Vec::new(),
        steps: Vec::new(),
        query: String::new(),
        hits: 0,
        elsewhere: Vec::new(),
    };
    // Classes come from the documents most about the need: the best by BM25 over all the
    // concepts (a document with more of them ranks higher), not from the AND, which may hold
    // one or two documents.
    let live: Vec<String> = g
        .concepts
        .iter()
        .filter(|c| !c.dropped)
        .map(Concept::query)
        .collect();
    if !live.is_empty() {
        g.classes = class_hints(&mut c, &live.join(" OR "), opts.classes)?;
    }
    assemble(reader, classes, &mut g)?;
    Ok(g)
}

/// Rebuilds the steps, the proposed query and its translations from the accepted suggestions.
pub fn assemble(reader: &IndexReader, classes: &Classes, g: &mut Guide) -> Result<(), GuideError> {
    let mut c = Counter {
        reader,
        classes,
        cache: HashMap::new(),
    };
    for concept in &mut g.concepts {
        if !concept.dropped {
            concept.hits = c.count(&concept.query())?;
        }
    }
    let (mut steps, query) = steps_for(&mut c, &g.concepts, &g.classes)?;
    let accepted_class = g.classes.iter().find(|h| h.accepted);
    let mut query = query;
    if let Some(h) = accepted_class {
        // A class the searcher chose is part of the query, not an option.
        if let Some(s) = steps
            .iter_mut()
            .find(|s| s.optional && s.query.ends_with(&h.clause))
        {
            s.optional = false;
            query = Some(s.query.clone());
        }
    }
    g.hits = match &query {
        Some(q) => c.count(q)?,
        None => 0,
    };
    g.query = query.unwrap_or_default();
    g.steps = std::mem::take(&mut steps);
    g.elsewhere = if g.query.is_empty() {
        Vec::new()
    } else {
        translations(classes, &g.query)
    };
    Ok(())
}

fn translations(classes: &Classes, query: &str) -> Vec<Elsewhere> {
    use crate::query::plan::Hierarchy;
    let low = |field: &str, code: &str| classes.below(field, code).ok();
    [System::Espacenet, System::Ppubs]
        .into_iter()
        .filter_map(|to| {
            let t = translate::translate_with(query, System::Patdex, to, &low).ok()?;
            Some(Elsewhere {
                system: to.to_string(),
                query: t.query,
                lost: t
                    .losses
                    .iter()
                    .map(|l| format!("{}: {}", l.source, l.reason))
                    .collect(),
            })
        })
        .collect()
}

/// The concepts of a need: content words in order, adjacent pairs joined when the index uses
/// them as a phrase.
fn split(c: &mut Counter, need: &str) -> Result<Vec<Concept>, GuideError> {
    let mut analyzer = text::analyzer();
    // Runs of content words, broken at stopwords and sentence marks.
    let mut runs: Vec<Vec<String>> = vec![Vec::new()];
    {
        let mut stream = analyzer.token_stream(need);
        let mut last_word = None;
        while stream.advance() {
            let t = stream.token().text.clone();
            // A dictionary word inside a Chinese word shares its position: the need's words are
            // the main cut only.
            if !text::is_mark(&t) {
                let at = stream.token().position;
                if last_word == Some(at) {
                    continue;
                }
                last_word = Some(at);
            }
            let stem = singular(&t).into_owned();
            if text::is_mark(&t)
                || !is_word(&t)
                || is_stopword(&stem)
                || is_stopword(&t)
                || NEED_WORDS.binary_search(&stem.as_str()).is_ok()
            {
                if !runs.last().is_some_and(Vec::is_empty) {
                    runs.push(Vec::new());
                }
                continue;
            }
            runs.last_mut().expect("one").push(stem);
        }
    }
    let mut labels: Vec<Vec<String>> = Vec::new();
    for run in runs.into_iter().filter(|r| !r.is_empty()) {
        // Pairs the index uses as phrases, strongest first ("sulfide solid electrolyte" pairs
        // solid with electrolyte, not with sulfide): the phrase's documents as a share of the
        // rarer word's.
        let mut pairs: Vec<(f64, usize)> = Vec::new();
        for i in 0..run.len().saturating_sub(1) {
            let (a, b) = (&run[i], &run[i + 1]);
            let pc = c.count(&format!("\"{a} {b}\""))?;
            let rarer = c.count(a)?.min(c.count(b)?).max(1);
            let strength = pc as f64 / rarer as f64;
            if pc >= 2 && strength >= 0.2 {
                pairs.push((strength, i));
            }
        }
        pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        let mut joined = vec![false; run.len()];
        let mut starts = HashSet::new();
        for (_, i) in pairs {
            if !joined[i] && !joined[i + 1] {
                joined[i] = true;
                joined[i + 1] = true;
                starts.insert(i);
            }
        }
        let mut i = 0;
        while i < run.len() {
            if starts.contains(&i) {
                labels.push(vec![run[i].clone(), run[i + 1].clone()]);
                i += 2;
            } else {
                labels.push(vec![run[i].clone()]);
                i += 1;
            }
        }
    }
    // The same concept twice counts once.
    let mut seen = HashSet::new();
    labels.retain(|l| seen.insert(l.join(" ")));
    let mut concepts = Vec::new();
    for words in labels {
        let base = if words.len() == 1 {
            words[0].clone()
        } else {
            format!("\"{}\"", words.join(" "))
        };
        let hits = c.count(&base)?;
        concepts.push(Concept {
            label: words.join(" "),
            base,
            hits,
            suggestions: Vec::new(),
            warnings: Vec::new(),
            dropped: false,
        });
    }
    if concepts.iter().filter(|c| c.hits > 0).count() > MAX_CONCEPTS {
        // Keep the rarest that occur at all: they say most about the need. Concepts without
        // hits stay, to be reported (and left out of the query).
        let mut order: Vec<usize> = (0..concepts.len())
            .filter(|&i| concepts[i].hits > 0)
            .collect();
        order.sort_by_key(|&i| concepts[i].hits);
        let keep: HashSet<usize> = order
            .into_iter()
            .take(MAX_CONCEPTS)
            .chain((0..concepts.len()).filter(|&i| concepts[i].hits == 0))
            .collect();
        let mut i = 0;
        concepts.retain(|_| {
            i += 1;
            keep.contains(&(i - 1))
        });
    }
    Ok(concepts)
}

fn enrich(
    c: &mut Counter,
    concept: &mut Concept,
    n: u64,
    opts: &Options,
) -> Result<(), GuideError> {
    let words: Vec<String> = concept.label.split(' ').map(str::to_string).collect();
    let base = concept.base.clone();
    let last = words.last().expect("a concept has words").clone();
    // Spellings of each word, as the concept with that word replaced.
    for (i, w) in words.iter().enumerate() {
        for v in spellings(c, w)? {
            let mut alt = words.clone();
            alt[i] = v.clone();
            let text = if alt.len() == 1 {
                alt[0].clone()
            } else {
                format!("\"{}\"", alt.join(" "))
            };
            let hits = c.count(&text)?;
            if hits == 0 {
                continue;
            }
            let with_concept = c.count(&format!("{base} OR {text}"))?;
            concept.suggestions.push(Suggestion {
                kind: "spelling",
                text,
                hits,
                with_concept,
                words: Vec::new(),
                why: format!("another spelling of {w} used in {hits} document(s) of this index"),
                accepted: true,
            });
        }
    }
    // Truncation of the last word: its derived forms (electrolyte, electrolytic).
    if let Some(stem) = truncation_stem(&last) {
        let pattern = format!("{stem}*");
        let text = if words.len() == 1 {
            pattern.clone()
        } else {
            let mut alt = words.clone();
            *alt.last_mut().expect("one") = pattern.clone();
            format!("\"{}\"", alt.join(" "))
        };
        let expanded = expansion(c, &pattern)?;
        let own: HashSet<String> = [last.clone()].into();
        let extra: Vec<&String> = expanded
            .iter()
            .filter(|w| *singular(w) != *last && !own.contains(*w))
            .collect();
        let hits = if extra.is_empty() { 0 } else { c.count(&text)? };
        // Offered only when it finds more than the word does.
        if hits > concept.hits {
            let with_concept = hits;
            // A stem that reaches far beyond the word's family is not taken, and says why.
            if stem.len() < 5 || expanded.len() > 30 {
                concept.warnings.push(format!(
                    "the stem {stem}* is too short to truncate safely: it matches {} different words ({}{})",
                    expanded.len(),
                    expanded.iter().take(6).cloned().collect::<Vec<_>>().join(", "),
                    if expanded.len() > 6 { ", …" } else { "" }
                ));
            }
            concept.suggestions.push(Suggestion {
                kind: "truncation",
                text,
                hits,
                with_concept,
                words: expanded.iter().take(12).cloned().collect(),
                why: format!(
                    "{pattern} also finds {}{}",
                    extra
                        .iter()
                        .take(4)
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    if extra.len() > 4 {
                        format!(" and {} more", extra.len() - 4)
                    } else {
                        String::new()
                    }
                ),
                // Taken by default when the stem is long enough and every extra word is the stem
                // with an inflection or a common derivation (electrolyt*: electrolytes,
                // electrolytic; not stat*: station, stationary), or when the word itself has no
                // hits and the stem does (desalination → desalin*).
                accepted: stem.len() >= 5
                    && expanded.len() <= 30
                    && (concept.hits == 0 || extra.iter().all(|w| family(&stem, w))),
            });
        }
    }
    // A phrase loosened to NEAR/3 also finds "lithium ion battery" for "lithium battery".
    if words.len() == 2 {
        let text = format!("{} NEAR/3 {}", words[0], words[1]);
        let hits = c.count(&text)?;
        if hits > concept.hits {
            concept.suggestions.push(Suggestion {
                kind: "loosen",
                text: text.clone(),
                hits,
                with_concept: hits,
                words: Vec::new(),
                why: format!(
                    "the two words within 3 words of each other, either order: {} more document(s) than the phrase",
                    hits - concept.hits
                ),
                accepted: false,
            });
        }
    }
    concept.hits = c.count(&concept.query())?;
    if concept.hits == 0 {
        concept.warnings.push(format!(
            "{} has no hits in this index: check the spelling, or describe it in other words",
            concept.label
        ));
        concept.dropped = true;
        return Ok(());
    }
    let share = concept.hits as f64 / n.max(1) as f64;
    if share >= COMMON {
        concept.warnings.push(format!(
            "{} is very common ({} of {} documents): it hardly narrows the search, so it is left out",
            concept.label, concept.hits, n
        ));
        concept.dropped = true;
    }
    related(c, concept, n, opts.related)?;
    Ok(())
}

/// The indexed words (title, abstract, claims, description) a pattern expands to.
fn expansion(c: &mut Counter, pattern: &str) -> Result<Vec<String>, GuideError> {
    let p = c.prepared(pattern)?;
    let mut words: Vec<String> = p
        .compiled
        .clauses
        .iter()
        .flat_map(|cl| {
            let mut w = Vec::new();
            cl.tree
                .for_each_word(&mut |e| w.extend(e.words.iter().cloned()));
            w
        })
        .collect();
    words.sort();
    words.dedup();
    Ok(words)
}

/// True when `word` is `stem` with an inflection or a common derivation.
fn family(stem: &str, word: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "", "s", "e", "es", "ed", "er", "ers", "ing", "ings", "ion", "ions", "ive", "ic", "ically",
        "al", "ally", "ly", "ment", "ments", "ness", "ity", "ities", "y", "ies", "ied", "ation",
        "ations", "ant", "ants", "ent", "ents", "or", "ors", "able", "ize", "ized", "izing", "ise",
        "ised", "ising", "ite", "ites", "ical",
    ];
    word.strip_prefix(stem)
        .is_some_and(|rest| SUFFIXES.contains(&rest))
}

fn has_cjk(word: &str) -> bool {
    word.chars().any(text::is_cjk)
}

/// A stem for truncation: the word without a derivational ending when at least five letters
/// remain (stator stays stator, not stat: a short stem reaches other words), else the word.
fn truncation_stem(word: &str) -> Option<String> {
    // Chinese words have no endings to truncate.
    if word.len() < 5 || word.bytes().any(|b| b.is_ascii_digit()) || has_cjk(word) {
        return None;
    }
    const ENDINGS: &[&str] = &[
        "ation", "ition", "ment", "ness", "ing", "ion", "ity", "ive", "ous", "ize", "ise", "ed",
        "er", "or", "al", "ic", "ly", "e", "y",
    ];
    let mut stem = word;
    for e in ENDINGS {
        if let Some(s) = word.strip_suffix(e)
            && s.len() >= 5
        {
            stem = s;
            break;
        }
    }
    Some(stem.to_string())
}

/// Other spellings of a word that occur in the index: British and American forms and other
/// regular variants, and for long words one letter different (a misspelling).
fn spellings(c: &mut Counter, word: &str) -> Result<Vec<String>, GuideError> {
    // The spelling rules are for words in Latin letters; a Chinese word has no such variants.
    if has_cjk(word) {
        return Ok(Vec::new());
    }
    const PAIRS: &[(&str, &str)] = &[
        ("ph", "f"),
        ("our", "or"),
        ("ise", "ize"),
        ("isation", "ization"),
        ("yse", "yze"),
        ("ium", "um"),
        ("tre", "ter"),
        ("ae", "e"),
        ("oe", "e"),
        ("ll", "l"),
        ("ogue", "og"),
        ("ence", "ense"),
    ];
    let mut out: Vec<String> = Vec::new();
    let mut push = |v: String| {
        if v != word && v.len() >= 3 && !out.contains(&v) {
            out.push(v);
        }
    };
    for (a, b) in PAIRS {
        for (from, to) in [(a, b), (b, a)] {
            let mut at = 0;
            while let Some(i) = word[at..].find(from) {
                let i = at + i;
                push(format!("{}{}{}", &word[..i], to, &word[i + from.len()..]));
                at = i + from.len();
            }
        }
    }
    let mut found = Vec::new();
    for v in out {
        if c.count(&format!("={v}"))? > 0 {
            found.push(v);
        }
    }
    if word.len() >= 8 {
        for v in near_misses(c, word)? {
            if !found.contains(&v) {
                found.push(v);
            }
        }
    }
    Ok(found)
}

/// Indexed words one edit from `word` (same first two letters, not its plural), as in
/// misspellings ("electrolye").
fn near_misses(c: &mut Counter, word: &str) -> Result<Vec<String>, GuideError> {
    // The first two characters, not bytes: a Cyrillic or Greek word is not folded to ASCII.
    let prefix = word.char_indices().nth(2).map_or(word, |(i, _)| &word[..i]);
    let mut out = Vec::new();
    let schema_field = crate::index::schema::field("claims");
    for seg in c.reader.searcher.segment_readers() {
        let inv = seg
            .inverted_index(schema_field)
            .map_err(anyhow::Error::from)?;
        let mut stream = inv
            .terms()
            .range()
            .ge(prefix.as_bytes())
            .into_stream()
            .map_err(anyhow::Error::from)?;
        while stream.advance() {
            let Ok(t) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            if !t.starts_with(prefix) {
                break;
            }
            if t.len().abs_diff(word.len()) <= 1
                && t != word
                && singular(t) != singular(word)
                && one_edit(t, word)
                && !out.iter().any(|o: &String| o == t)
            {
                out.push(t.to_string());
            }
        }
    }
    out.sort();
    Ok(out)
}

/// True when `a` and `b` differ by one insertion, deletion, substitution or swap of neighbours.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let s = a[p..]
        .iter()
        .rev()
        .zip(b[p..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ra, rb) = (a.len() - p - s, b.len() - p - s);
    match (ra, rb) {
        (0, 1) | (1, 0) | (1, 1) => true,
        (2, 2) => a[p] == b[p + 1] && a[p + 1] == b[p],
        _ => false,
    }
}

/// Words much more frequent in the concept's best documents than in the index (JLH score:
/// (fg − bg) × fg / bg, fg and bg the shares of documents), with their counts.
fn related(c: &mut Counter, concept: &mut Concept, n: u64, limit: usize) -> Result<(), GuideError> {
    if limit == 0 {
        return Ok(());
    }
    let q = concept.query();
    let hits = c.best(&q, SAMPLE)?;
    if hits.len() < 2 {
        return Ok(());
    }
    let mut analyzer = text::analyzer();
    let mut df: HashMap<String, u32> = HashMap::new();
    for h in &hits {
        let p = c.reader.patent(h.addr)?;
        let mut text = p.title.clone();
        text.push('\n');
        text.push_str(&p.abstract_text);
        for cl in &p.claims {
            text.push('\n');
            text.push_str(&cl.text);
        }
        let words: HashSet<String> = stems(&mut analyzer, &text).into_iter().collect();
        for w in words {
            *df.entry(w).or_default() += 1;
        }
    }
    let own: HashSet<&str> = concept.label.split(' ').collect();
    let sample = hits.len() as f64;
    let min_df = (sample * 0.1).ceil().max(2.0) as u32;
    let mut candidates: Vec<(String, u32)> = df
        .into_iter()
        .filter(|(w, d)| {
            *d >= min_df
                && w.len() >= 3
                && !is_stopword(w)
                && !own.contains(w.as_str())
                && w.bytes().all(|b| b.is_ascii_alphabetic())
        })
        .collect();
    // The most frequent in the sample first; only these are counted in the index.
    candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    candidates.truncate(60);
    let mut scored = Vec::new();
    for (w, d) in candidates {
        let bg_hits = c.count(&w)?;
        let fg = d as f64 / sample;
        let bg = (bg_hits as f64 / n.max(1) as f64).max(1.0 / n.max(1) as f64);
        if fg < 2.0 * bg {
            continue;
        }
        scored.push(((fg - bg) * fg / bg, w, d, bg_hits));
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, w, d, bg_hits) in scored.into_iter().take(limit) {
        let with_concept = c.count(&format!("{q} OR {w}"))?;
        concept.suggestions.push(Suggestion {
            kind: "related",
            text: w.clone(),
            hits: bg_hits,
            with_concept,
            words: Vec::new(),
            why: format!(
                "in {d} of the {} best documents for {}, {:.0}× its share of the index",
                hits.len(),
                concept.label,
                (d as f64 / sample) / (bg_hits as f64 / n.max(1) as f64).max(1e-9)
            ),
            accepted: false,
        });
    }
    Ok(())
}

/// Classes over-represented among the best [`CLASS_BASIS`] hits of `query`: codes at the
/// subclass, main group and full-symbol levels in at least a fifth of them, ranked by share ×
/// log2(lift); a deeper code wins over its ancestor when it covers as many.
fn class_hints(c: &mut Counter, query: &str, limit: usize) -> Result<Vec<ClassHint>, GuideError> {
    let hits = c.best(query, CLASS_BASIS)?;
    let total = hits.len() as u64;
    if total == 0 {
        return Ok(Vec::new());
    }
    let mut by_segment: HashMap<SegmentOrdinal, Vec<DocId>> = HashMap::new();
    for h in &hits {
        by_segment
            .entry(h.addr.segment_ord)
            .or_default()
            .push(h.addr.doc_id);
    }
    let n = c.reader.num_docs().max(1);
    let mut out: Vec<ClassHint> = Vec::new();
    for scheme in classes::SCHEMES {
        let (counts, _) = value_counts(&c.reader.searcher, scheme, Some(&by_segment))?;
        let min = ((total as f64) * 0.2).ceil().max(2.0).min(total as f64) as u64;
        for (code, in_hits) in counts {
            // Sections and classes say too little to restrict a search by.
            if in_hits < min || code.len() < 4 {
                continue;
            }
            let in_index = classes::count(&c.reader.searcher, scheme, std::slice::from_ref(&code))?;
            let lift = (in_hits as f64 / total as f64) / (in_index.max(1) as f64 / n as f64);
            out.push(ClassHint {
                scheme,
                clause: format!("{scheme}:{code}"),
                code,
                title: None,
                in_hits,
                hits: total,
                in_index,
                lift,
                accepted: false,
            });
        }
    }
    out.retain(|h| h.lift > 1.5);
    out.sort_by(|a, b| {
        // Share of hits × log2(lift); a deeper code (longer) wins a tie with its ancestor.
        let score = |h: &ClassHint| {
            (h.in_hits as f64 / h.hits as f64) * h.lift.max(1.0).log2()
                + h.code.len() as f64 / 100.0
        };
        score(b).total_cmp(&score(a)).then(a.code.cmp(&b.code))
    });
    // The same code in CPC and IPC is one suggestion (CPC's, which sorts first on ties).
    let mut seen = HashSet::new();
    out.retain(|h| seen.insert(h.code.clone()));
    out.truncate(limit);
    for h in &mut out {
        let sym = classes::canonical(&h.code).unwrap_or_else(|| h.code.clone());
        h.title = c
            .classes
            .tree(h.scheme)
            .and_then(|t| t.get(&sym))
            .map(|e| e.title.clone());
        // With a scheme that has levels, a subgroup is restricted together with its subtree.
        if classes::Kind::of(&sym) == classes::Kind::Group
            && c.classes
                .tree(h.scheme)
                .is_some_and(|t| t.scheme.levels() && t.below(&sym).len() > 1)
        {
            h.clause = format!("{}:{sym}/low", h.scheme);
        }
    }
    Ok(out)
}

/// The steps from broad to narrow, and the proposed query (the last step that is not optional).
///
/// The first concept is the broadest of those whose documents have many of the other concepts
/// (the sum of its pairwise `AND` counts over its own count, at least half the best), not simply
/// the broadest: a need mixing fields ("a robot gripper … using vision")
/// must not start from the word that belongs to another field. Then, one at a time, the
/// concept that keeps the most documents is added; a concept no remaining document has with
/// the earlier ones is left out, and said so. The second concept joins the first with
/// `NEAR/10` when most documents with both have them that close.
fn steps_for(
    c: &mut Counter,
    concepts: &[Concept],
    classes: &[ClassHint],
) -> Result<(Vec<Step>, Option<String>), GuideError> {
    let live: Vec<(&Concept, String)> = concepts
        .iter()
        .filter(|c| !c.dropped && c.hits > 0)
        .map(|c| (c, c.query()))
        .collect();
    let mut steps: Vec<Step> = Vec::new();
    let mut current: Option<(String, u64)> = None;
    if !live.is_empty() {
        let mut overlap = vec![0u64; live.len()];
        for i in 0..live.len() {
            for j in i + 1..live.len() {
                let n = c.count(&format!("{} AND {}", live[i].1, live[j].1))?;
                overlap[i] += n;
                overlap[j] += n;
            }
        }
        // Centrality: how many of the other concepts an average document of the concept has. A
        // generic word ("growth") co-occurs with everything in absolute numbers, but only a
        // small share of its documents are about the need.
        // Among the concepts at least half as central as the most central one, the broadest
        // starts, so that the steps go from broad to narrow.
        let central = |i: usize| overlap[i] as f64 / live[i].0.hits.max(1) as f64;
        let top = (0..live.len()).map(central).fold(0.0, f64::max);
        let first = (0..live.len())
            .filter(|&i| central(i) >= 0.5 * top)
            .max_by(|&a, &b| {
                live[a]
                    .0
                    .hits
                    .cmp(&live[b].0.hits)
                    .then(live[b].0.label.cmp(&live[a].0.label))
            })
            .expect("the most central concept passes");
        let (concept, q) = &live[first];
        steps.push(Step {
            query: q.clone(),
            hits: concept.hits,
            why: if live.len() > 1 {
                format!(
                    "start with {} ({} hits): the broadest concept whose documents have many of the others",
                    concept.label, concept.hits
                )
            } else {
                format!("the one concept, {} ({} hits)", concept.label, concept.hits)
            },
            optional: false,
        });
        current = Some((q.clone(), concept.hits));
        let mut left: Vec<usize> = (0..live.len()).filter(|&i| i != first).collect();
        while !left.is_empty() {
            let (q, hits) = current.clone().expect("a first concept");
            let mut best: Option<(usize, u64)> = None;
            for &i in &left {
                let n = c.count(&format!("{q} AND {}", live[i].1))?;
                if best
                    .is_none_or(|(b, bn)| n > bn || (n == bn && live[i].0.label < live[b].0.label))
                {
                    best = Some((i, n));
                }
            }
            let (i, and_hits) = best.expect("left is not empty");
            if and_hits == 0 {
                for &i in &left {
                    steps.push(Step {
                        query: format!("{q} AND {}", live[i].1),
                        hits: 0,
                        why: format!(
                            "no document has {} together with the concepts before it, so it is left out",
                            live[i].0.label
                        ),
                        optional: true,
                    });
                }
                break;
            }
            left.retain(|&x| x != i);
            let (concept, cq) = &live[i];
            let and = format!("{q} AND {cq}");
            if steps.len() == 1 && !cq.contains(" NEAR/") && !q.contains(" NEAR/") {
                let near = format!("{q} NEAR/{NEAR_DISTANCE} {cq}");
                if let Ok(near_hits) = c.count(&near)
                    && near_hits > 0
                    && near_hits < and_hits
                    && near_hits as f64 >= NEAR_KEEPS * and_hits as f64
                {
                    steps.push(Step {
                        query: near.clone(),
                        hits: near_hits,
                        why: format!(
                            "{} and {} occur within {NEAR_DISTANCE} words of each other in {near_hits} of the {and_hits} documents that have both: NEAR/{NEAR_DISTANCE} keeps those and drops looser co-occurrences",
                            steps[0].query, concept.label
                        ),
                        optional: false,
                    });
                    current = Some((format!("({near})"), near_hits));
                    continue;
                }
            }
            steps.push(Step {
                query: and.clone(),
                hits: and_hits,
                why: format!(
                    "add {} ({} hits alone), which keeps the most documents of the concepts left: {hits} → {and_hits}",
                    concept.label, concept.hits
                ),
                optional: false,
            });
            current = Some((and, and_hits));
        }
    }
    let proposed = current.as_ref().map(|(q, _)| q.clone());
    if let (Some((q, hits)), Some(first)) = (&current, classes.first()) {
        // The class restriction, offered: the accepted class if any, else the best.
        let h = classes.iter().find(|h| h.accepted).unwrap_or(first);
        let cq = format!("{q} AND {}", h.clause);
        let n = c.count(&cq)?;
        steps.push(Step {
            query: cq,
            hits: n,
            why: format!(
                "optional: only class {}{}: {hits} → {n} ({} of the {} documents of the concepts are in it, {:.0}× its share of the index)",
                h.code,
                h.title.as_ref().map(|t| format!(" ({t})")).unwrap_or_default(),
                h.in_hits,
                h.hits,
                h.lift
            ),
            optional: true,
        });
    }
    Ok((steps, proposed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits() {
        assert!(one_edit("electrolyte", "electrolye"));
        assert!(one_edit("electrolyte", "eletcrolyte"));
        assert!(one_edit("aluminum", "aluminium"));
        assert!(!one_edit("sulfide", "sulphide"));
        assert!(!one_edit("battery", "battery"));
    }

    #[test]
    fn stems_for_truncation() {
        assert_eq!(
            truncation_stem("electrolyte").as_deref(),
            Some("electrolyt")
        );
        assert_eq!(truncation_stem("coating").as_deref(), Some("coating"));
        assert_eq!(truncation_stem("stator").as_deref(), Some("stator"));
        assert_eq!(truncation_stem("separator").as_deref(), Some("separat"));
        assert_eq!(truncation_stem("cell"), None);
    }
}
