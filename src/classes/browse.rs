//! What the class browser shows, for both surfaces (`patdex classes`, `/api/classes/*`): titles
//! ranked with document counts, and one class with its path, children and counts.

use serde::Serialize;
use tantivy::Searcher;

use super::{Classes, Entry, Kind, SCHEMES, Tree, count, count_below};

/// One class in a listing.
#[derive(Debug, Serialize)]
pub struct Listed {
    pub scheme: &'static str,
    pub symbol: String,
    pub title: String,
    /// Documents classified in the code or below it (0 without an index).
    pub documents: u64,
}

/// One class in full.
#[derive(Debug, Serialize)]
pub struct Shown {
    pub scheme: &'static str,
    pub symbol: String,
    pub level: &'static str,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub references: Option<String>,
    /// Documents with exactly this code.
    pub documents_exact: u64,
    /// Documents with this code or one below it (`cpc:CODE/low`).
    pub documents_below: u64,
    pub path: Vec<Listed>,
    pub children: Vec<Listed>,
}

/// The schemes to look in: `scheme` alone, or every imported one (CPC first).
pub fn trees<'c>(classes: &'c Classes, scheme: Option<&str>) -> Vec<(&'static str, &'c Tree)> {
    SCHEMES
        .iter()
        .filter(|s| scheme.is_none_or(|w| w == **s))
        .filter_map(|s| classes.tree(s).map(|t| (*s, t)))
        .collect()
}

/// The best `limit` titles of each scheme for `words`, counted in the index when there is one.
pub fn search(
    searcher: Option<&Searcher>,
    trees: &[(&'static str, &Tree)],
    words: &str,
    limit: usize,
) -> anyhow::Result<Vec<Listed>> {
    let mut rows = Vec::new();
    for &(name, tree) in trees {
        for e in tree.search(words, limit) {
            let documents = match searcher {
                Some(s) => count_below(s, name, &e.symbol, Some(tree))?,
                None => 0,
            };
            rows.push(Listed {
                scheme: name,
                symbol: e.symbol.clone(),
                title: context_title(tree, e),
                documents,
            });
        }
    }
    Ok(rows)
}

/// A subgroup's title with its main group's in front, since subgroup titles continue their
/// parents' ("with teeth" means nothing alone).
pub fn context_title(tree: &Tree, e: &Entry) -> String {
    if Kind::of(&e.symbol) != Kind::Group {
        return e.title.clone();
    }
    let path = tree.path(&e.symbol);
    let titles: Vec<&str> = path
        .iter()
        .filter(|(s, _)| matches!(Kind::of(s), Kind::MainGroup | Kind::Group))
        .filter_map(|(_, e)| e.map(|e| e.title.as_str()))
        .collect();
    titles.join(" › ")
}

/// `symbol` of scheme `name` (which holds it) with its path, children and counts.
pub fn show(
    classes: &Classes,
    searcher: Option<&Searcher>,
    name: &'static str,
    tree: &Tree,
    symbol: &str,
) -> anyhow::Result<Option<Shown>> {
    let Some(e) = tree.get(symbol) else {
        return Ok(None);
    };
    let counts = |s: &str| -> anyhow::Result<(u64, u64)> {
        let Some(searcher) = searcher else {
            return Ok((0, 0));
        };
        let exact = count(searcher, name, &[s.to_string()])?;
        Ok((exact, count_below(searcher, name, s, Some(tree))?))
    };
    let listed = |s: &str, title: String| -> anyhow::Result<Listed> {
        Ok(Listed {
            scheme: name,
            symbol: s.to_string(),
            title,
            documents: counts(s)?.1,
        })
    };
    // Section, class and subclass titles are the same in IPC and CPC: a CPC subclass file
    // without its section borrows them from an imported IPC list.
    let other = SCHEMES
        .iter()
        .filter(|s| **s != name)
        .find_map(|s| classes.tree(s));
    let mut path = Vec::new();
    for (s, entry) in tree.path(symbol) {
        if s == symbol {
            continue;
        }
        let title = entry
            .map(|e| e.title.clone())
            .or_else(|| {
                (Kind::of(&s) <= Kind::Subclass)
                    .then(|| other.and_then(|o| o.get(&s)).map(|e| e.title.clone()))
                    .flatten()
            })
            .unwrap_or_default();
        path.push(listed(&s, title)?);
    }
    let children = tree
        .children(symbol)
        .into_iter()
        .map(|c| listed(&c.symbol, c.title.clone()))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let (documents_exact, documents_below) = counts(symbol)?;
    Ok(Some(Shown {
        scheme: name,
        symbol: symbol.to_string(),
        level: Kind::of(symbol).name(),
        title: e.title.clone(),
        heading: e.heading.clone(),
        references: e.refs.clone(),
        documents_exact,
        documents_below,
        path,
        children,
    }))
}
