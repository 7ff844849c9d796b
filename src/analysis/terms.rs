//! What a long invention text is about, as counts a query can be built from: weighted word
//! counts (claims and title count more than the description) and adjacent word pairs.
//!
//! Words are grouped by their singular (the query layer's light stemming), so `battery` and
//! `batteries` are one term. Reference numerals (`12`, `104a` is kept) and single letters are
//! dropped: every patent has them and they mean nothing across documents.

use std::collections::HashMap;

use tantivy::tokenizer::TextAnalyzer;

use crate::index::text;
use crate::query::expand::singular;

/// English function words, as in Lucene's English stop set: the plain BM25 baseline drops only
/// these, the way a stock search engine would. Sorted.
pub static ENGLISH_STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "to", "was", "will", "with",
];

/// Words that say nothing about what an invention is: function words and the boilerplate of
/// patent drafting ("wherein", "said", "embodiment", "plurality"), which every document uses
/// and which would otherwise crowd real terms out of a query. Sorted (checked by a test).
pub static STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "accordance",
    "according",
    "after",
    "again",
    "all",
    "also",
    "alternatively",
    "although",
    "among",
    "an",
    "and",
    "another",
    "any",
    "apparatus",
    "are",
    "as",
    "aspect",
    "at",
    "based",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "certain",
    "claim",
    "comprise",
    "comprised",
    "comprises",
    "comprising",
    "configured",
    "consisting",
    "contain",
    "contained",
    "containing",
    "contains",
    "corresponding",
    "could",
    "describe",
    "described",
    "description",
    "detail",
    "detailed",
    "device",
    "disclosure",
    "do",
    "does",
    "each",
    "eg",
    "either",
    "embodiment",
    "example",
    "exemplary",
    "fig",
    "figure",
    "first",
    "for",
    "from",
    "further",
    "furthermore",
    "generally",
    "has",
    "have",
    "having",
    "herein",
    "hereinafter",
    "however",
    "ie",
    "if",
    "illustrated",
    "in",
    "include",
    "included",
    "includes",
    "including",
    "into",
    "invention",
    "is",
    "it",
    "its",
    "least",
    "less",
    "may",
    "means",
    "method",
    "might",
    "more",
    "most",
    "must",
    "not",
    "of",
    "on",
    "one",
    "only",
    "or",
    "other",
    "otherwise",
    "over",
    "particular",
    "particularly",
    "plurality",
    "portion",
    "possible",
    "preferably",
    "present",
    "provide",
    "provided",
    "provides",
    "providing",
    "respective",
    "respectively",
    "said",
    "same",
    "second",
    "set",
    "shall",
    "should",
    "shown",
    "since",
    "so",
    "some",
    "step",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "thereby",
    "therefore",
    "therein",
    "thereof",
    "these",
    "they",
    "third",
    "this",
    "those",
    "through",
    "thus",
    "to",
    "under",
    "unit",
    "upon",
    "use",
    "used",
    "using",
    "various",
    "via",
    "view",
    "was",
    "were",
    "what",
    "when",
    "where",
    "whereby",
    "wherein",
    "whether",
    "which",
    "while",
    "with",
    "within",
    "without",
    "would",
    "wt",
];

/// The Chinese counterparts of the patent boilerplate in [`STOPWORDS`] ("a kind of",
/// "comprising", "said", "according to claim", "the present invention"), as jieba cuts them;
/// sorted (by bytes) for binary search.
pub static CHINESE_STOPWORDS: &[&str] = &[
    "一种",
    "上述",
    "之间",
    "以及",
    "其中",
    "其特征在于",
    "具有",
    "包含",
    "包括",
    "和",
    "实施例",
    "所述",
    "本发明",
    "权利要求",
    "根据",
    "特征",
    "用于",
    "的",
    "该",
    "通过",
];

/// True for a word in [`STOPWORDS`] or [`CHINESE_STOPWORDS`] (or whose singular is).
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok() || CHINESE_STOPWORDS.binary_search(&word).is_ok()
}

/// True for a word in [`ENGLISH_STOPWORDS`].
pub fn is_english_stopword(word: &str) -> bool {
    ENGLISH_STOPWORDS.binary_search(&word).is_ok()
}

/// Word and pair counts of an invention text.
#[derive(Debug, Default)]
pub struct Counts {
    /// Weighted occurrences per stem (the singular of the word).
    pub weighted: HashMap<String, f32>,
    /// Plain occurrences per stem.
    pub raw: HashMap<String, u32>,
    /// Weighted occurrences of two adjacent stems in one sentence, neither a stopword.
    pub pairs: HashMap<(String, String), f32>,
    /// Written forms of each stem with their counts, for display.
    forms: HashMap<String, HashMap<String, u32>>,
}

impl Counts {
    /// Counts the words of `text`, each occurrence worth `weight`.
    pub fn add(&mut self, analyzer: &mut TextAnalyzer, text: &str, weight: f32) {
        let mut stream = analyzer.token_stream(text);
        let mut prev: Option<String> = None;
        let mut last_position = None;
        while stream.advance() {
            let t = stream.token();
            if text::is_mark(&t.text) {
                if t.text == text::SENTENCE_MARK || t.text == text::PARAGRAPH_MARK {
                    prev = None;
                }
                continue;
            }
            // The dictionary words inside a Chinese word share its position: count the text's
            // words once each.
            if last_position == Some(t.position) {
                continue;
            }
            last_position = Some(t.position);
            if !is_word(&t.text) {
                prev = None;
                continue;
            }
            let stem = singular(&t.text).into_owned();
            *self.weighted.entry(stem.clone()).or_default() += weight;
            *self.raw.entry(stem.clone()).or_default() += 1;
            *self
                .forms
                .entry(stem.clone())
                .or_default()
                .entry(t.text.clone())
                .or_default() += 1;
            if is_stopword(&stem) || is_stopword(&t.text) {
                prev = None;
                continue;
            }
            if let Some(p) = prev.take() {
                *self.pairs.entry((p, stem.clone())).or_default() += weight;
            }
            prev = Some(stem);
        }
    }

    /// The most frequent written form of a stem (the stem itself when unseen).
    pub fn form(&self, stem: &str) -> String {
        self.forms
            .get(stem)
            .and_then(|m| {
                m.iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(w, _)| w.clone())
            })
            .unwrap_or_else(|| stem.to_string())
    }
}

/// True for a token that counts as a word: not a sentence or paragraph mark, not a single
/// letter or character (a lone Chinese character is mostly a particle such as 的 or 和), not a
/// numeral (reference numerals mean nothing across documents).
pub fn is_word(token: &str) -> bool {
    !text::is_mark(token)
        && token.chars().nth(1).is_some()
        && !token.bytes().all(|b| b.is_ascii_digit())
}

/// The stems of the words of `text`, numerals and single letters left out, in order.
pub fn stems(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_stem(analyzer, text, |s| out.push(s.to_string()));
    out
}

/// Calls `f` with each stem [`stems`] would list, without allocating one string per word
/// (evidence scans every paragraph of every hit).
pub fn for_each_stem(analyzer: &mut TextAnalyzer, text: &str, mut f: impl FnMut(&str)) {
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = &stream.token().text;
        if !is_word(t) {
            continue;
        }
        f(&singular(t));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_lists_are_sorted_for_binary_search() {
        for list in [STOPWORDS, ENGLISH_STOPWORDS, CHINESE_STOPWORDS] {
            for w in list.windows(2) {
                assert!(w[0] < w[1], "{} before {}", w[0], w[1]);
            }
        }
    }

    #[test]
    fn counts_group_plurals_weight_sections_and_pair_within_sentences() {
        let mut a = text::analyzer();
        let mut c = Counts::default();
        c.add(
            &mut a,
            "A solid electrolyte for batteries. Solid electrolyte layers 12 cover the battery.",
            1.0,
        );
        c.add(&mut a, "The battery of claim 1.", 2.0);
        assert_eq!(c.raw["battery"], 3);
        assert_eq!(c.weighted["battery"], 4.0);
        assert_eq!(c.pairs[&("solid".into(), "electrolyte".into())], 2.0);
        // "batteries. Solid": a sentence break ends a pair.
        assert!(!c.pairs.contains_key(&("battery".into(), "solid".into())));
        // "layers 12 cover": numerals are dropped and break pairs.
        assert!(!c.raw.contains_key("12"));
        assert!(!c.pairs.contains_key(&("layer".into(), "cover".into())));
        assert_eq!(c.form("battery"), "battery");
        assert_eq!(c.form("layer"), "layers");
    }
}
