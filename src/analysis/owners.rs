//! Finding an owner by the name a user types: the owner spellings of the index (the `owner`
//! dictionaries) that [`names::NameQuery`] accepts. `portfolio`, `citations --assignee` and
//! `risk --assignee/--exclude` all start here, so a name means the same documents to both.

use std::collections::BTreeSet;

use tantivy::query::Query;
use tantivy::schema::IndexRecordOption;

use crate::index::reader::IndexReader;
use crate::index::schema;
use crate::names::{self, Match};
use crate::query::compile::any_of;

/// Every distinct owner spelling of the index.
pub fn spellings(reader: &IndexReader) -> anyhow::Result<BTreeSet<String>> {
    let mut out = BTreeSet::new();
    for seg in reader.searcher.segment_readers() {
        let Some(col) = seg.fast_fields().str("owner")? else {
            continue;
        };
        let mut s = col.dictionary().stream()?;
        while s.advance() {
            out.insert(String::from_utf8_lossy(s.key()).into_owned());
        }
    }
    Ok(out)
}

/// The spellings of `all` that `name` means, and how: with `exact`, the spelling as typed (or,
/// when none is, the same letters in another case), reported as [`Match::Exact`]; otherwise the
/// spellings with the name's key, or when none has it, those whose key holds all its words.
/// `None` when nothing matches.
pub fn find(all: &BTreeSet<String>, name: &str, exact: bool) -> Option<(Match, Vec<String>)> {
    let typed = name.trim();
    if exact {
        let mut found: Vec<String> = all.iter().filter(|s| s.trim() == typed).cloned().collect();
        if found.is_empty() {
            let lower = typed.to_lowercase();
            found = all
                .iter()
                .filter(|s| s.trim().to_lowercase() == lower)
                .cloned()
                .collect();
        }
        return (!found.is_empty()).then_some((Match::Exact, found));
    }
    let q = names::NameQuery::new(typed);
    let (mut exact_found, mut words_found) = (Vec::new(), Vec::new());
    for s in all {
        match q.matches(&names::name_key(s)) {
            Some(Match::Exact) => exact_found.push(s.clone()),
            Some(Match::Words) => words_found.push(s.clone()),
            None => {}
        }
    }
    if !exact_found.is_empty() {
        Some((Match::Exact, exact_found))
    } else if !words_found.is_empty() {
        Some((Match::Words, words_found))
    } else {
        None
    }
}

/// What to tell a user whose name found nothing: up to five spellings sharing a word with it.
pub fn not_found_hint(name: &str, all: &BTreeSet<String>) -> String {
    let key = names::name_key(name);
    let words: Vec<&str> = key.split(' ').filter(|w| w.len() > 2).collect();
    let near: Vec<String> = all
        .iter()
        .filter(|s| {
            let k = names::name_key(s);
            words.iter().any(|w| k.split(' ').any(|x| x == *w))
        })
        .take(5)
        .map(|s| format!("\"{s}\""))
        .collect();
    if near.is_empty() {
        "; `patdex search` with the `pa:` field finds owners by any word of their name".to_string()
    } else {
        format!("; owners sharing a word with it: {}", near.join(", "))
    }
}

/// A query for the documents of these owner spellings.
pub fn query(spellings: &[String]) -> Box<dyn Query> {
    any_of(schema::field("owner"), spellings, IndexRecordOption::Basic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_matches_come_before_word_matches() {
        let all: BTreeSet<String> = [
            "University of Westmarch",
            "Board of Regents, University of Westmarch",
            "Westmarch Tools Inc.",
            "KESTREL ROBOTICS GMBH",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        let (m, found) = find(&all, "university of westmarch", false).unwrap();
        assert_eq!(m, Match::Exact);
        assert_eq!(found.len(), 2);
        let (m, found) = find(&all, "westmarch", false).unwrap();
        assert_eq!(m, Match::Words);
        assert_eq!(found.len(), 3);
        assert!(find(&all, "west", false).is_none());
        let (_, found) = find(&all, "kestrel robotics gmbh", true).unwrap();
        assert_eq!(found, ["KESTREL ROBOTICS GMBH"]);
        assert!(find(&all, "Kestrel Robotics", true).is_none());
        assert!(not_found_hint("Kestrel Widgets", &all).contains("KESTREL ROBOTICS GMBH"));
    }
}
