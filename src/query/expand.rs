//! Expanding a query word to the indexed words it matches, from the term dictionaries.
//!
//! The index holds words as written (lower-cased), so stemming happens here: `battery` becomes
//! every indexed word whose singular is `battery` (battery, batteries). Truncated words
//! (`batter*`, `colo?r`) match their pattern against the words as written. Expansion runs once per
//! query over every segment, and the result is shared by all clauses that use the same word.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use tantivy::Searcher;
use tantivy::schema::Field;

use super::ast::{Loc, QueryError};
use super::plan::WordMatch;

/// More indexed words than this for one query word is an error: the clause would be slow and
/// almost certainly not what the searcher meant.
pub const MAX_EXPANSION: usize = 20_000;

/// The indexed words one query word stands for in one field.
#[derive(Debug, Default)]
pub struct Expansion {
    /// Sorted, distinct.
    pub words: Vec<String>,
    /// Documents containing each word, summed over segments (deleted documents included).
    pub doc_freqs: Vec<u64>,
}

impl Expansion {
    /// The largest document frequency, used for a clause's weight.
    pub fn max_doc_freq(&self) -> u64 {
        self.doc_freqs.iter().copied().max().unwrap_or(0)
    }
}

/// Decides whether an indexed word belongs to an expansion.
type Matcher<'a> = Box<dyn Fn(&str) -> bool + 'a>;

/// Expands words against one searcher, remembering the results.
pub struct Expander<'s> {
    searcher: &'s Searcher,
    query: &'s str,
    cache: HashMap<(Field, WordMatch), Arc<Expansion>>,
}

impl<'s> Expander<'s> {
    pub fn new(searcher: &'s Searcher, query: &'s str) -> Expander<'s> {
        Expander {
            searcher,
            query,
            cache: HashMap::new(),
        }
    }

    pub fn searcher(&self) -> &'s Searcher {
        self.searcher
    }

    /// The query text, for errors.
    pub fn query(&self) -> &'s str {
        self.query
    }

    /// The indexed words of `field` that `m` matches.
    pub fn expand(
        &mut self,
        field: Field,
        m: &WordMatch,
        loc: Loc,
    ) -> Result<Arc<Expansion>, QueryError> {
        if let Some(e) = self.cache.get(&(field, m.clone())) {
            return Ok(e.clone());
        }
        let (prefix, keep): (String, Matcher<'_>) = match m {
            WordMatch::Exact(w) => (w.clone(), Box::new(move |t: &str| t == w)),
            WordMatch::Glob(p) => {
                let prefix: String = p.chars().take_while(|c| *c != '*' && *c != '?').collect();
                (prefix, Box::new(move |t: &str| glob_match(p, t)))
            }
            WordMatch::Stem(w) => {
                let stem = singular(w).into_owned();
                // Every word with this singular starts with it (see `singular`: only endings
                // are removed), except that the `y` of `battery` is `ies` in `batteries`. A
                // tight prefix matters: `ax` scanning every `a…` word would be slow.
                let prefix = match stem.strip_suffix('y') {
                    Some(p) if !p.is_empty() => p.to_string(),
                    _ => stem.clone(),
                };
                (
                    prefix,
                    Box::new(move |t: &str| t == w || singular(t) == stem),
                )
            }
        };
        let mut found: BTreeMap<String, u64> = BTreeMap::new();
        for seg in self.searcher.segment_readers() {
            let inv = seg
                .inverted_index(field)
                .map_err(|e| self.io_error(loc, e))?;
            let mut stream = if prefix.is_empty() {
                inv.terms().stream()
            } else {
                inv.terms().range().ge(prefix.as_bytes()).into_stream()
            }
            .map_err(|e| self.io_error(loc, e))?;
            while stream.advance() {
                let key = stream.key();
                if !key.starts_with(prefix.as_bytes()) {
                    break;
                }
                let Ok(t) = std::str::from_utf8(key) else {
                    continue;
                };
                if crate::index::text::is_mark(t) || !keep(t) {
                    continue;
                }
                *found.entry(t.to_string()).or_default() += u64::from(stream.value().doc_freq);
                if found.len() > MAX_EXPANSION {
                    return Err(QueryError::new(
                        self.query,
                        loc,
                        format!("`{m}` matches more than {MAX_EXPANSION} different words"),
                        "make the truncated word longer, e.g. batter* rather than bat*",
                    ));
                }
            }
        }
        drop(keep);
        let (words, doc_freqs) = found.into_iter().unzip();
        let e = Arc::new(Expansion { words, doc_freqs });
        self.cache.insert((field, m.clone()), e.clone());
        Ok(e)
    }

    fn io_error(&self, loc: Loc, e: impl std::fmt::Display) -> QueryError {
        QueryError::new(
            self.query,
            loc,
            format!("cannot read the index: {e}"),
            "check the index folder, or run `patdex rebuild`",
        )
    }
}

/// The singular of a normalised word: patdex's light English stemming. Patent searchers want
/// `battery` to find batteries, not `oxide` to find oxidation (which Snowball/Porter stemmers
/// do), so only plurals are folded. The first rule that applies:
/// - words of three characters or fewer, words with a digit, and words not ending in `s` stay;
/// - `-ss`, `-us`, `-is` stay (glass, status, analysis);
/// - `-ies` becomes `-y` in words of five letters or more (batteries → battery; ties → tie);
/// - `-sses` becomes `-ss` (classes → class);
/// - `-xes`, `-ches`, `-shes` lose `es` (boxes → box, switches → switch, meshes → mesh);
/// - otherwise the final `s` goes (electrodes → electrode, cells → cell, degrees → degree).
pub fn singular(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let n = word.len();
    if n <= 3
        || !word.ends_with('s')
        || !word.is_ascii()
        || word.bytes().any(|b| b.is_ascii_digit())
        || word.ends_with("ss")
        || word.ends_with("us")
        || word.ends_with("is")
    {
        return Cow::Borrowed(word);
    }
    if n >= 5 && word.ends_with("ies") {
        return Cow::Owned(format!("{}y", &word[..n - 3]));
    }
    if word.ends_with("sses")
        || word.ends_with("xes")
        || word.ends_with("ches")
        || word.ends_with("shes")
    {
        return Cow::Borrowed(&word[..n - 2]);
    }
    Cow::Borrowed(&word[..n - 1])
}

/// `*` matches any run of characters (also none), `?` exactly one.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("batter*", "batteries"));
        assert!(glob_match("batter*", "batter"));
        assert!(!glob_match("batter*", "batte"));
        assert!(glob_match("colo?r", "colour"));
        assert!(!glob_match("colo?r", "color"));
        assert!(glob_match("*ode", "electrode"));
        assert!(glob_match("a*b*c", "axxbyyc"));
        assert!(!glob_match("a*b*c", "axxbyy"));
        assert!(glob_match("é*", "été"));
    }

    #[test]
    fn plurals_fold_and_nothing_else() {
        for (plural, one) in [
            ("batteries", "battery"),
            ("electrodes", "electrode"),
            ("cells", "cell"),
            ("classes", "class"),
            ("boxes", "box"),
            ("switches", "switch"),
            ("meshes", "mesh"),
            ("degrees", "degree"),
            ("ties", "tie"),
        ] {
            assert_eq!(singular(plural), one, "{plural}");
            assert_eq!(singular(one), one, "{one}");
        }
        for same in [
            "glass",
            "status",
            "analysis",
            "oxidation",
            "gas",
            "li2s",
            "coated",
            "naïves",
        ] {
            assert_eq!(singular(same), same, "{same}");
        }
    }
}
