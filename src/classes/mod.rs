//! Classification schemes in the index folder: the titles and hierarchy of IPC and CPC, for the
//! class browser (`patdex classes`), the `cpc:CODE/low` operator and the search guide.
//!
//! Schemes are reference data, not documents: `patdex classes import` reads the offices' files
//! ([`import`]) into `index/classes/cpc.json` and `index/classes/ipc.json` (one per scheme; a
//! later import of the same symbols replaces them, others stay, so a scheme can be loaded one
//! subclass file at a time). Loading is lazy: a query without `/low` never reads them.
//!
//! This module sits between the query layer and the analyses: it implements the query layer's
//! [`Hierarchy`] trait (the language asks, the index folder answers) and counts documents per
//! class with tantivy term queries.

pub mod browse;
pub mod import;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::Context;
use serde::{Deserialize, Serialize};
use tantivy::Searcher;
use tantivy::query::Query;
use tantivy::schema::IndexRecordOption;

use crate::index::schema::{self, class_ancestors, cpc_symbol};
use crate::query::plan::{Hierarchy, LOW_HINT};

/// The schemes patdex knows, by the index field they describe.
pub const SCHEMES: [&str; 2] = ["cpc", "ipc"];

/// The level of a symbol, from its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Section,
    Class,
    Subclass,
    /// `A01B1/00`.
    MainGroup,
    /// Any subgroup: `A01B1/02`, `H01M10/0525`.
    Group,
}

impl Kind {
    pub fn of(symbol: &str) -> Kind {
        match symbol.split_once('/') {
            Some((_, "00")) => Kind::MainGroup,
            Some(_) => Kind::Group,
            None => match symbol.len() {
                1 => Kind::Section,
                3 => Kind::Class,
                4 => Kind::Subclass,
                _ => Kind::MainGroup,
            },
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Section => "section",
            Kind::Class => "class",
            Kind::Subclass => "subclass",
            Kind::MainGroup => "main group",
            Kind::Group => "subgroup",
        }
    }
}

/// A symbol in the form used everywhere in patdex (`H01M10/0525`, `A01B1/00`, `H01M`), or
/// `None` when it is not one. A bare main group (`H01M10`) becomes `H01M10/00`.
pub fn canonical(raw: &str) -> Option<String> {
    let s = cpc_symbol(raw)?;
    if class_ancestors(&s).len() == 3 && s.len() > 4 && !s.contains('/') {
        return Some(format!("{s}/00"));
    }
    Some(s)
}

/// The parent a symbol's shape implies: subgroup → main group → subclass → class → section.
/// Schemes with levels know better for subgroups.
pub fn structural_parent(symbol: &str) -> Option<String> {
    let levels = class_ancestors(symbol);
    match Kind::of(symbol) {
        Kind::Section => None,
        Kind::Group => levels.get(3).map(|m| format!("{m}/00")),
        Kind::MainGroup | Kind::Class | Kind::Subclass => {
            // The nearest ancestor that is not the symbol itself.
            let own = symbol.split('/').next().unwrap_or(symbol);
            levels
                .iter()
                .rev()
                .find(|l| **l != own)
                .map(|l| l.to_string())
        }
    }
}

/// The index term that holds every document classified in `symbol` or below it, when one term
/// can (main groups and above, which are indexed as levels); subgroups have none.
pub fn level_term(symbol: &str) -> Option<String> {
    match Kind::of(symbol) {
        Kind::Group => None,
        Kind::MainGroup => Some(symbol.split('/').next().unwrap_or(symbol).to_string()),
        _ => Some(symbol.to_string()),
    }
}

/// One symbol of a scheme.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    pub symbol: String,
    pub title: String,
    /// A guidance heading printed above the group in the scheme ("Ploughs").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The references the title carries in parentheses (other classes), kept apart so their
    /// words do not make the class match a title search.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refs: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// One imported file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    pub file: String,
    pub format: String,
    pub entries: usize,
    pub levels: bool,
    pub imported: String,
}

/// A scheme as stored in `index/classes/NAME.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Scheme {
    pub scheme: String,
    pub sources: Vec<Source>,
    pub entries: Vec<Entry>,
}

impl Scheme {
    /// True when every file imported gave subgroups their real parents.
    pub fn levels(&self) -> bool {
        !self.sources.is_empty() && self.sources.iter().all(|s| s.levels)
    }
}

/// A loaded scheme with its lookups.
pub struct Tree {
    pub scheme: Scheme,
    by_symbol: HashMap<String, usize>,
    children: Vec<Vec<usize>>,
    words: OnceLock<Words>,
}

/// Orders symbols as the schemes print them: main groups by number, subgroups by their digits
/// read as a decimal fraction (`/02` < `/021` < `/04`).
pub fn sort_key(symbol: &str) -> (String, u32, String) {
    let (head, sub) = symbol.split_once('/').unwrap_or((symbol, ""));
    let sub_len = head.len().min(4);
    let (cls, main) = head.split_at(sub_len);
    (cls.to_string(), main.parse().unwrap_or(0), sub.to_string())
}

impl Tree {
    pub fn new(scheme: Scheme) -> Tree {
        let by_symbol: HashMap<String, usize> = scheme
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.symbol.clone(), i))
            .collect();
        let mut children = vec![Vec::new(); scheme.entries.len()];
        for (i, e) in scheme.entries.iter().enumerate() {
            if let Some(p) = e.parent.as_ref().and_then(|p| by_symbol.get(p)) {
                children[*p].push(i);
            }
        }
        for c in &mut children {
            c.sort_by_key(|&i| sort_key(&scheme.entries[i].symbol));
        }
        Tree {
            scheme,
            by_symbol,
            children,
            words: OnceLock::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.scheme.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.scheme.entries.is_empty()
    }

    pub fn get(&self, symbol: &str) -> Option<&Entry> {
        self.by_symbol.get(symbol).map(|&i| &self.scheme.entries[i])
    }

    /// From the section down to `symbol`: each level's symbol and, when the scheme has it, its
    /// entry. Parents missing from the scheme (a subclass file without its section) are
    /// filled in from the symbol's shape.
    pub fn path(&self, symbol: &str) -> Vec<(String, Option<&Entry>)> {
        let mut out = Vec::new();
        let mut cur = Some(symbol.to_string());
        while let Some(s) = cur {
            if out.iter().any(|(o, _)| *o == s) || out.len() > 40 {
                break;
            }
            let e = self.get(&s);
            cur = e
                .and_then(|e| e.parent.clone())
                .or_else(|| structural_parent(&s));
            out.push((s, e));
        }
        out.reverse();
        out
    }

    /// The entries directly below `symbol`, in scheme order.
    pub fn children(&self, symbol: &str) -> Vec<&Entry> {
        self.by_symbol
            .get(symbol)
            .map(|&i| {
                self.children[i]
                    .iter()
                    .map(|&c| &self.scheme.entries[c])
                    .collect()
            })
            .unwrap_or_default()
    }

    /// `symbol` and every symbol below it, in scheme order.
    pub fn below(&self, symbol: &str) -> Vec<String> {
        let Some(&root) = self.by_symbol.get(symbol) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut stack = vec![root];
        while let Some(i) = stack.pop() {
            out.push(self.scheme.entries[i].symbol.clone());
            stack.extend(self.children[i].iter().rev());
        }
        out
    }

    fn words(&self) -> &Words {
        self.words.get_or_init(|| {
            let mut analyzer = crate::index::text::analyzer();
            let mut w = Words {
                ids: HashMap::new(),
                titles: Vec::with_capacity(self.scheme.entries.len()),
                df: Vec::new(),
            };
            for e in &self.scheme.entries {
                let mut text = e.title.clone();
                if let Some(h) = &e.heading {
                    text.push(' ');
                    text.push_str(h);
                }
                let mut own: Vec<u32> = title_words(&mut analyzer, &text)
                    .into_iter()
                    .map(|t| {
                        let next = w.ids.len() as u32;
                        *w.ids.entry(t).or_insert(next)
                    })
                    .collect();
                own.sort_unstable();
                own.dedup();
                w.df.resize(w.ids.len(), 0);
                for &t in &own {
                    w.df[t as usize] += 1;
                }
                w.titles.push(own);
            }
            w
        })
    }

    /// Entries whose titles match `query` best: each query word (folded to its singular) found
    /// in the entry's own title counts fully, in an ancestor's title less (a subgroup titled
    /// "with teeth" under "Spades; Shovels" is what "shovel teeth" means). An entry needs at
    /// least one word of its own. Ranked by how many query words are covered, then by the idf
    /// of the matched words (own words weighted as BM25 weighs a single occurrence in a title of
    /// that length), then shallower first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Entry> {
        let mut analyzer = crate::index::text::analyzer();
        let mut q = title_words(&mut analyzer, query);
        q.dedup();
        if q.is_empty() {
            return Vec::new();
        }
        let Words { ids, titles, df } = self.words();
        // A query word no title has matches nothing, but still counts as not covered.
        let q: Vec<Option<u32>> = q.iter().map(|w| ids.get(w).copied()).collect();
        let n = titles.len() as f32;
        let idf: Vec<f32> = q
            .iter()
            .map(|w| {
                let df = w.map_or(0, |w| df[w as usize]) as f32;
                (n / (df + 1.0)).ln().max(0.01)
            })
            .collect();
        let avg = titles.iter().map(Vec::len).sum::<usize>() as f32 / n.max(1.0);
        let has =
            |title: &[u32], w: &Option<u32>| w.is_some_and(|w| title.binary_search(&w).is_ok());
        let mut scored: Vec<(usize, f32, usize, usize)> = Vec::new();
        for (i, own) in titles.iter().enumerate() {
            if !q.iter().any(|w| has(own, w)) {
                continue;
            }
            // BM25's length normalisation with tf = 1: "Horseshoe nails" says more about
            // horseshoe nails than a long title that also has both words.
            let norm = 2.2 / (1.0 + 1.2 * (0.25 + 0.75 * own.len() as f32 / avg.max(1.0)));
            let path = self.path(&self.scheme.entries[i].symbol);
            let mut covered = 0;
            let mut score = 0.0;
            for (k, w) in q.iter().enumerate() {
                if has(own, w) {
                    covered += 1;
                    score += idf[k] * norm;
                } else if path
                    .iter()
                    .rev()
                    .skip(1)
                    .any(|(s, _)| self.by_symbol.get(s).is_some_and(|&a| has(&titles[a], w)))
                {
                    covered += 1;
                    score += 0.4 * idf[k];
                }
            }
            scored.push((i, score, covered, path.len()));
        }
        scored.sort_by(|a, b| {
            b.2.cmp(&a.2)
                .then(b.1.total_cmp(&a.1))
                .then(a.3.cmp(&b.3))
                .then(
                    sort_key(&self.scheme.entries[a.0].symbol)
                        .cmp(&sort_key(&self.scheme.entries[b.0].symbol)),
                )
        });
        scored
            .into_iter()
            .take(limit)
            .map(|(i, ..)| &self.scheme.entries[i])
            .collect()
    }
}

/// The title words of a scheme, numbered: each entry's words as sorted ids, and how many titles
/// have each word (for idf). Numbering keeps 75k IPC titles to one string per distinct word.
struct Words {
    ids: HashMap<String, u32>,
    titles: Vec<Vec<u32>>,
    df: Vec<u32>,
}

/// Title words, lower-cased, accents folded, singular.
fn title_words(analyzer: &mut tantivy::tokenizer::TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Nearly every title is ASCII: splitting it by hand gives the analyzer's words (letters and
    // digits, lower-cased) at a fraction of the cost, which is most of `classes search` on the
    // 75k IPC titles.
    if text.is_ascii() {
        for w in text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let w = w.to_ascii_lowercase();
            out.push(crate::query::expand::singular(&w).into_owned());
        }
        return out;
    }
    let mut stream = analyzer.token_stream(text);
    while let Some(t) = stream.next() {
        if crate::index::text::is_mark(&t.text) {
            continue;
        }
        out.push(crate::query::expand::singular(&t.text).into_owned());
    }
    out
}

/// The schemes of one index folder, loaded on first use.
pub struct Classes {
    dir: PathBuf,
    trees: [OnceLock<Option<Tree>>; 2],
    errors: std::sync::Mutex<Vec<String>>,
}

fn slot(scheme: &str) -> Option<usize> {
    SCHEMES.iter().position(|s| *s == scheme)
}

impl Classes {
    /// The schemes kept in the index folder `root` (`root/classes/`).
    pub fn at(root: &Path) -> Classes {
        Classes {
            dir: root.join("classes"),
            trees: [OnceLock::new(), OnceLock::new()],
            errors: std::sync::Mutex::new(Vec::new()),
        }
    }

    pub fn file(&self, scheme: &str) -> PathBuf {
        self.dir.join(format!("{scheme}.json"))
    }

    /// The scheme for `cpc` or `ipc`, if one is imported. A file that cannot be read counts as
    /// none, and the reason is kept for [`Classes::problems`].
    pub fn tree(&self, scheme: &str) -> Option<&Tree> {
        let i = slot(scheme)?;
        self.trees[i]
            .get_or_init(|| match self.load(scheme) {
                Ok(t) => t,
                Err(e) => {
                    self.errors
                        .lock()
                        .expect("not poisoned")
                        .push(format!("{e:#}"));
                    None
                }
            })
            .as_ref()
    }

    /// Why a scheme file could not be read, if one could not.
    pub fn problems(&self) -> Vec<String> {
        self.errors.lock().expect("not poisoned").clone()
    }

    fn load(&self, scheme: &str) -> anyhow::Result<Option<Tree>> {
        let path = self.file(scheme);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        };
        let s: Scheme = serde_json::from_slice(&bytes).with_context(|| {
            format!(
                "{} is damaged; import the scheme files again",
                path.display()
            )
        })?;
        Ok(Some(Tree::new(s)))
    }

    /// Reads `files` and merges their entries into the stored schemes (`scheme` overrides the
    /// scheme a file is recognised as). Nothing is written unless every file reads.
    pub fn import(&self, files: &[PathBuf], scheme: Option<&str>) -> anyhow::Result<Vec<Source>> {
        let mut read = Vec::new();
        for f in files {
            let got = import::read(f)?;
            read.push((f, got));
        }
        let mut stored: HashMap<&str, Scheme> = HashMap::new();
        let mut out = Vec::new();
        let now = jiff::Timestamp::now().to_string();
        for (f, got) in read {
            let name = scheme.unwrap_or(got.scheme);
            let name = SCHEMES
                .iter()
                .find(|s| **s == name)
                .copied()
                .with_context(|| format!("unknown scheme `{name}`: use cpc or ipc"))?;
            if !stored.contains_key(name) {
                let existing = self.load(name)?.map(|t| t.scheme).unwrap_or(Scheme {
                    scheme: name.to_string(),
                    sources: Vec::new(),
                    entries: Vec::new(),
                });
                stored.insert(name, existing);
            }
            let s = stored.get_mut(name).expect("inserted");
            let mut at: HashMap<String, usize> = s
                .entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.symbol.clone(), i))
                .collect();
            let count = got.entries.len();
            for e in got.entries {
                match at.get(&e.symbol) {
                    Some(&i) => s.entries[i] = e,
                    None => {
                        at.insert(e.symbol.clone(), s.entries.len());
                        s.entries.push(e);
                    }
                }
            }
            let file = f.display().to_string();
            s.sources.retain(|x| x.file != file);
            let source = Source {
                file,
                format: got.format.to_string(),
                entries: count,
                levels: got.levels,
                imported: now.clone(),
            };
            s.sources.push(source.clone());
            out.push(source);
        }
        for (name, s) in stored {
            let bytes = serde_json::to_vec(&s)?;
            crate::index::write_atomic(&self.file(name), &bytes)?;
        }
        Ok(out)
    }
}

impl Hierarchy for Classes {
    fn below(&self, field: &str, code: &str) -> Result<Vec<String>, (String, String)> {
        let name = field.to_uppercase();
        let Some(tree) = self.tree(field) else {
            let why = self
                .problems()
                .pop()
                .map_or(String::new(), |p| format!(" ({p})"));
            return Err((
                format!(
                    "`/low` below a main group needs the levels of a {name} scheme, and none is imported{why}"
                ),
                LOW_HINT.to_string(),
            ));
        };
        if !tree.scheme.levels() {
            return Err((
                format!(
                    "the imported {name} scheme has no levels (a title list without dots), so what lies below {code} is unknown"
                ),
                LOW_HINT.to_string(),
            ));
        }
        let below = tree.below(code);
        if below.is_empty() {
            return Err((
                format!(
                    "{code} is not in the imported {name} scheme ({} symbols)",
                    tree.len()
                ),
                "check the code with `patdex classes show CODE` or `patdex classes search WORDS`; import the scheme file that holds it".to_string(),
            ));
        }
        Ok(below)
    }
}

/// Documents holding any of `codes` in `field`, counted exactly (deleted documents left out).
pub fn count(searcher: &Searcher, field: &str, codes: &[String]) -> anyhow::Result<u64> {
    if codes.is_empty() {
        return Ok(0);
    }
    let q = crate::query::compile::any_of(schema::field(field), codes, IndexRecordOption::Basic);
    Ok(q.count(searcher)? as u64)
}

/// Documents classified in `symbol` or below it: one level term for main groups and above,
/// the scheme's subtree for a subgroup (just the symbol when the tree is unknown).
pub fn count_below(
    searcher: &Searcher,
    field: &str,
    symbol: &str,
    tree: Option<&Tree>,
) -> anyhow::Result<u64> {
    match level_term(symbol) {
        Some(t) => count(searcher, field, &[t]),
        None => {
            let mut codes = tree.map(|t| t.below(symbol)).unwrap_or_default();
            if codes.is_empty() {
                codes.push(symbol.to_string());
            }
            count(searcher, field, &codes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_parents() {
        assert_eq!(Kind::of("A"), Kind::Section);
        assert_eq!(Kind::of("A01"), Kind::Class);
        assert_eq!(Kind::of("A01B"), Kind::Subclass);
        assert_eq!(Kind::of("A01B1/00"), Kind::MainGroup);
        assert_eq!(Kind::of("A01B1/02"), Kind::Group);
        assert_eq!(canonical("h01m 10/0525").as_deref(), Some("H01M10/0525"));
        assert_eq!(canonical("H01M10").as_deref(), Some("H01M10/00"));
        assert_eq!(
            structural_parent("H01M10/0525").as_deref(),
            Some("H01M10/00")
        );
        assert_eq!(structural_parent("H01M10/00").as_deref(), Some("H01M"));
        assert_eq!(structural_parent("H01M").as_deref(), Some("H01"));
        assert_eq!(structural_parent("H01").as_deref(), Some("H"));
        assert_eq!(structural_parent("H"), None);
        assert_eq!(level_term("H01M10/00").as_deref(), Some("H01M10"));
        assert_eq!(level_term("H01M").as_deref(), Some("H01M"));
        assert_eq!(level_term("H01M10/052"), None);
        assert!(sort_key("A01B1/02") < sort_key("A01B1/021"));
        assert!(sort_key("A01B1/021") < sort_key("A01B1/04"));
        assert!(sort_key("A01B9/00") < sort_key("A01B10/00"));
    }

    fn tree() -> Tree {
        let e = |s: &str, t: &str, p: Option<&str>| Entry {
            symbol: s.into(),
            title: t.into(),
            heading: None,
            refs: None,
            parent: p.map(Into::into),
        };
        Tree::new(Scheme {
            scheme: "cpc".into(),
            sources: vec![],
            entries: vec![
                e("A01B", "Soil working", Some("A01")),
                e("A01B1/00", "Hand tools", Some("A01B")),
                e("A01B1/04", "Hoes", Some("A01B1/00")),
                e("A01B1/02", "Spades; Shovels", Some("A01B1/00")),
                e("A01B1/022", "with teeth", Some("A01B1/02")),
            ],
        })
    }

    #[test]
    fn below_path_children_search() {
        let t = tree();
        assert_eq!(t.below("A01B1/02"), vec!["A01B1/02", "A01B1/022"]);
        assert_eq!(
            t.below("A01B1/00"),
            vec!["A01B1/00", "A01B1/02", "A01B1/022", "A01B1/04"]
        );
        let path: Vec<String> = t.path("A01B1/022").into_iter().map(|p| p.0).collect();
        assert_eq!(
            path,
            vec!["A", "A01", "A01B", "A01B1/00", "A01B1/02", "A01B1/022"]
        );
        let kids: Vec<&str> = t
            .children("A01B1/00")
            .iter()
            .map(|e| e.symbol.as_str())
            .collect();
        assert_eq!(kids, vec!["A01B1/02", "A01B1/04"]);
        let hits: Vec<&str> = t
            .search("shovels with teeth", 3)
            .iter()
            .map(|e| e.symbol.as_str())
            .collect();
        assert_eq!(hits[0], "A01B1/022");
        assert!(hits.contains(&"A01B1/02"));
        assert!(t.search("", 3).is_empty());
        assert!(t.search("zebra", 3).is_empty());
    }
}
