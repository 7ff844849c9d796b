//! Keyword-in-context snippets: the words a query matched, found again in the stored record.
//!
//! The record's field is tokenised exactly as it was indexed and each positive clause of the
//! query is evaluated on those tokens with the same code the search used
//! ([`span::eval_in_memory`]), so a proximity clause highlights the words it matched, not every
//! occurrence of its words.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::compile::Clause;
use super::expand::Expansion;
use super::span::{self, SpanTree};
use crate::index::schema;
use crate::index::text::{self, FieldToken};
use crate::model::Patent;

/// A piece of one field with the matched words marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The index field it comes from: `abstract`, `claims`, `description`...
    pub field: &'static str,
    pub text: String,
    /// Byte ranges of `text` that matched, sorted and disjoint.
    pub highlights: Vec<(usize, usize)>,
}

/// The order fields are tried in: the abstract and claims say most about a match.
const FIELD_ORDER: &[&str] = &[
    "abstract",
    "icl",
    "claims",
    "description",
    "title",
    "assignee",
    "applicant",
    "inventor",
];

/// Positions of the words a clause matched in one field.
fn matched_positions(tree: &SpanTree, tokens: &[FieldToken], out: &mut BTreeSet<u32>) {
    let positions = |e: &Expansion| -> Vec<u32> {
        tokens
            .iter()
            .filter(|t| !text::is_mark(&t.term) && e.words.binary_search(&t.term).is_ok())
            .map(|t| t.position)
            .collect()
    };
    let marks = |m: &str| -> Vec<u32> {
        tokens
            .iter()
            .filter(|t| t.term == m)
            .map(|t| t.position)
            .collect()
    };
    let spans = span::eval_in_memory(tree, &positions, &marks);
    if spans.is_empty() {
        return;
    }
    let mut words = Vec::new();
    tree.for_each_word(&mut |e| words.extend(positions(e)));
    for p in words {
        let i = spans.partition_point(|s| s.start <= p);
        // Spans are sorted by start; any span containing `p` starts at or before it. Only the
        // span's own words count (its word set reaches 64 positions; past that, any word
        // inside it does).
        let own = |s: &span::Span| {
            let off = p - s.start;
            s.end >= p && (off >= 64 || s.words & (1 << off) != 0)
        };
        if spans[..i].iter().any(own) {
            out.insert(p);
        }
    }
}

/// The values of text field `field` and, per value (paragraph), the byte ranges of the words
/// the positive clauses on that field matched (unmerged: a word's count is its weight); `None`
/// when no clause searches the field. Shared by [`snippet`] and [`marks`], so the document page
/// marks exactly what the snippet matched.
#[allow(clippy::type_complexity)]
fn matched_ranges<'p>(
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    p: &'p Patent,
    clauses: &[Clause],
    field: &str,
) -> Option<(Vec<Cow<'p, str>>, BTreeMap<usize, Vec<(usize, usize)>>)> {
    if !clauses.iter().any(|c| c.field == field) {
        return None;
    }
    let values = schema::text_values(p, field);
    let tokens = text::tokenize_values(analyzer, &values);
    let mut hits = BTreeSet::new();
    for c in clauses.iter().filter(|c| c.field == field) {
        matched_positions(&c.tree, &tokens, &mut hits);
    }
    let mut per_value: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for t in tokens
        .iter()
        .filter(|t| !text::is_mark(&t.term) && hits.contains(&t.position))
    {
        per_value.entry(t.value).or_default().push((t.from, t.to));
    }
    Some((values, per_value))
}

/// The best snippet of about `width` characters for a hit, or `None` when no positive text
/// clause matched a stored field (a search by class or date only).
pub fn snippet(p: &Patent, clauses: &[Clause], width: usize) -> Option<Snippet> {
    let mut analyzer = text::analyzer();
    for &field in FIELD_ORDER {
        let Some((values, per_value)) = matched_ranges(&mut analyzer, p, clauses, field) else {
            continue;
        };
        // The first of the paragraphs with the most matched words. (One pass: `--all`
        // exports snippet every hit, and a description can match hundreds of times.)
        let Some((best, ranges)) = per_value
            .into_iter()
            .max_by_key(|(v, r)| (r.len(), std::cmp::Reverse(*v)))
        else {
            continue;
        };
        return Some(window(field, &values[best], &merged(ranges), width));
    }
    None
}

/// One stored value (a paragraph, a claim, the abstract) with the byte ranges the query matched
/// in it: what the document page marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Marked {
    pub field: &'static str,
    pub text: String,
    pub ranges: Vec<(usize, usize)>,
}

/// Every value of the title, abstract, claims and description in which the positive text
/// clauses matched, with the matched words' byte ranges (the same matching as [`snippet`]).
pub fn marks(p: &Patent, clauses: &[Clause]) -> Vec<Marked> {
    let mut analyzer = text::analyzer();
    let mut out = Vec::new();
    for field in ["title", "abstract", "claims", "description"] {
        let Some((values, per_value)) = matched_ranges(&mut analyzer, p, clauses, field) else {
            continue;
        };
        for (v, ranges) in per_value {
            out.push(Marked {
                field,
                text: values[v].to_string(),
                ranges: merged(ranges),
            });
        }
    }
    out
}

/// Byte ranges in order, overlapping ones joined. Matched tokens can overlap: a Chinese word
/// and the dictionary words inside it share a position (see `index::text`), and a query can
/// match both.
fn merged(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (a, b) in ranges {
        match out.last_mut() {
            Some(last) if a < last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Cuts a window of about `width` characters from `text` around the first of `ranges` (in
/// order, not overlapping: [`merged`]).
fn window(field: &'static str, text: &str, ranges: &[(usize, usize)], width: usize) -> Snippet {
    let first = ranges.first().map_or(0, |r| r.0);
    // Start a third of the width before the first match, at a word start.
    let lead = width / 3;
    let mut start = text[..first]
        .char_indices()
        .rev()
        .nth(lead.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if start > 0 {
        start = text[start..first]
            .find(char::is_whitespace)
            .map_or(start, |i| start + i + 1)
            .min(first);
    }
    let mut end = text[start..]
        .char_indices()
        .nth(width)
        .map_or(text.len(), |(i, _)| start + i);
    if end < text.len() {
        end = text[..end]
            .rfind(char::is_whitespace)
            .filter(|&i| i > first)
            .unwrap_or(end);
    }
    let prefix = if start > 0 { "…" } else { "" };
    let suffix = if end < text.len() { "…" } else { "" };
    let body = &text[start..end];
    let mut highlights: Vec<(usize, usize)> = Vec::new();
    for &(a, b) in ranges {
        if a < start || b > end {
            continue;
        }
        let (a, b) = (a - start + prefix.len(), b - start + prefix.len());
        // Join neighbours separated only by spaces or hyphens into one highlight.
        if let Some(last) = highlights.last_mut() {
            let gap = &body[last.1 - prefix.len()..a - prefix.len()];
            if gap.chars().all(|c| c == ' ' || c == '-') {
                last.1 = b;
                continue;
            }
        }
        highlights.push((a, b));
    }
    Snippet {
        field,
        text: format!("{prefix}{}{suffix}", body.replace(['\n', '\r', '\t'], " ")),
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_keeps_the_match_and_marks_it() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let at = text.find("seven").unwrap();
        let s = window("abstract", text, &[(at, at + 5)], 20);
        let (a, b) = s.highlights[0];
        assert_eq!(&s.text[a..b], "seven");
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
    }

    #[test]
    fn overlapping_matches_of_chinese_words_join() {
        // 全固态 and the dictionary word 固态 inside it, both matched.
        let text = "本发明公开了一种全固态电池，其包括正极层";
        let all = text.find("全固态").unwrap();
        let inner = text.find("固态").unwrap();
        let r = merged(vec![(inner, inner + 6), (all, all + 9)]);
        assert_eq!(r, vec![(all, all + 9)]);
        let s = window("abstract", text, &r, 10);
        let (a, b) = s.highlights[0];
        assert_eq!(&s.text[a..b], "全固态");
    }

    #[test]
    fn neighbouring_words_join() {
        let text = "a solid electrolyte layer";
        let s = window("claims", text, &[(2, 7), (8, 19)], 80);
        assert_eq!(s.highlights, vec![(2, 19)]);
        assert_eq!(&s.text[2..19], "solid electrolyte");
    }
}
