//! How patent text becomes index terms: words, their positions, and sentence and paragraph marks.
//!
//! Words are maximal runs of letters and digits, lower-cased and folded to ASCII (`Größe` →
//! `grosse`), and are indexed **unstemmed**: the query layer expands `battery` to every indexed
//! word with the same singular (`batteries`), so exact words (`=battery`) and truncation (`batter*`) work
//! on the words as written, with one index.
//!
//! Chinese and Japanese have no spaces between words, so a run of ideographs (or kana) is cut
//! into words by jieba's dictionary ([`jieba_rs`], dictionary paths only, no HMM guessing, so
//! that a query segments the way the same words in a document do). A word of three or more
//! characters also emits the dictionary words inside it (`锂离子` also as `离子`) at its own
//! position, so a query cut differently from the document (`离子电池` inside `锂离子电池`) still
//! meets it; queries take only the main cut ([`normalize_words`]). Letters and digits inside the
//! run (`LiFePO4正极`) stay words of their own.
//!
//! Every value of a text field is one paragraph (a claim, a description paragraph or heading, the
//! abstract, the title). At the first word of a paragraph the tokenizer also emits
//! [`PARAGRAPH_MARK`], and at the first word of every sentence [`SENTENCE_MARK`], at the same
//! position as that word. Proximity queries read these marks to tell whether two matches lie in
//! the same sentence or paragraph; the marks can never be typed in a query (they start with a
//! control character, which the tokenizer never produces from text).

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// Name under which [`analyzer`] is registered with the index.
pub const TOKENIZER: &str = "patdex_text";

/// Term at the first word of every paragraph (field value).
pub const PARAGRAPH_MARK: &str = "\u{1}p";

/// Term at the first word of every sentence (including the first of each paragraph).
pub const SENTENCE_MARK: &str = "\u{1}s";

/// Words longer than this (in bytes) are not indexed (they still take a position): they are
/// sequence data or mangled tables, and tantivy refuses terms near 64 KiB anyway.
const MAX_WORD_BYTES: usize = 100;

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "al", "appl", "approx", "ca", "cf", "co", "corp", "dr", "eq", "eqs", "etc", "ex", "fig",
    "figs", "inc", "jr", "ltd", "mr", "mrs", "ms", "no", "nos", "pat", "pats", "prof", "publ",
    "ref", "refs", "sec", "ser", "sr", "st", "vol", "vs", "wt",
];

/// The analyzer for every text field: [`PatentTokenizer`], lower-casing, ASCII folding.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(PatentTokenizer)
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// True for the sentence and paragraph marks.
pub fn is_mark(term: &str) -> bool {
    term.starts_with('\u{1}')
}

/// Splits text into words and emits sentence and paragraph marks (see the module docs).
#[derive(Clone, Default)]
pub struct PatentTokenizer;

impl Tokenizer for PatentTokenizer {
    type TokenStream<'a> = PatentTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PatentTokenStream<'a> {
        PatentTokenStream {
            text,
            at: 0,
            position: 0,
            token: Token::default(),
            pending: Vec::new(),
            prev_word: None,
            queued: std::collections::VecDeque::new(),
        }
    }
}

/// Characters segmented by dictionary: CJK ideographs (all blocks) and Japanese kana.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF // hiragana, katakana
        | 0x3400..=0x4DBF // extension A
        | 0x4E00..=0x9FFF // unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0x20000..=0x3134F) // extensions B to G
}

fn jieba() -> &'static jieba_rs::Jieba {
    static J: std::sync::OnceLock<jieba_rs::Jieba> = std::sync::OnceLock::new();
    J.get_or_init(jieba_rs::Jieba::new)
}

/// A word found in a run: its byte range, and whether it is a dictionary word inside the
/// previous word (which takes no position of its own).
#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    inner: bool,
}

/// Cuts the CJK stretch `text[from..to]` into words (see the module docs), appending to `out`.
fn segment(text: &str, from: usize, to: usize, out: &mut std::collections::VecDeque<Found>) {
    // Search mode hands out a word's dictionary 2- and 3-grams right before the word itself
    // (from the cut's own word graph, no second lookup), and a 3-gram can come after the
    // 2-grams inside it. So tokens nest: each one takes the tokens just before it that it
    // covers. What nothing covers is the main cut (whose words never overlap).
    let mut top: Vec<(Found, Vec<Found>)> = Vec::new();
    for t in jieba().cut_for_search(&text[from..to], false) {
        let f = Found {
            start: from + t.byte_start,
            end: from + t.byte_end,
            inner: false,
        };
        let mut inner = Vec::new();
        while let Some((last, _)) = top.last()
            && last.start >= f.start
            && last.end <= f.end
        {
            let (w, ws) = top.pop().expect("just looked");
            inner.push(Found { inner: true, ..w });
            inner.extend(ws);
        }
        inner.sort_by_key(|g| (g.start, g.end));
        top.push((f, inner));
    }
    for (word, inner) in top {
        out.push_back(word);
        out.extend(inner);
    }
}

pub struct PatentTokenStream<'a> {
    text: &'a str,
    /// Byte offset where scanning resumes.
    at: usize,
    /// Position the next word gets.
    position: usize,
    token: Token,
    /// Tokens to hand out before scanning further, in reverse order.
    pending: Vec<Token>,
    /// Byte range of the previous word.
    prev_word: Option<(usize, usize)>,
    /// Words of the current run still to hand out (a run with CJK text holds several).
    queued: std::collections::VecDeque<Found>,
}

impl PatentTokenStream<'_> {
    /// The next word, or `None` at the end.
    fn next_word(&mut self) -> Option<Found> {
        if let Some(f) = self.queued.pop_front() {
            return Some(f);
        }
        let rest = &self.text[self.at..];
        let start = self.at + rest.find(char::is_alphanumeric)?;
        let len = self.text[start..]
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(self.text.len() - start);
        let end = start + len;
        self.at = end;
        let run = &self.text[start..end];
        if run.is_ascii() || !run.chars().any(is_cjk) {
            return Some(Found {
                start,
                end,
                inner: false,
            });
        }
        // Alternate stretches of CJK (segmented) and other letters or digits (one word each).
        let mut from = start;
        let mut cjk = None;
        for (i, c) in run.char_indices() {
            let here = is_cjk(c);
            if cjk.is_some_and(|was| was != here) {
                self.push_stretch(from, start + i, cjk == Some(true));
                from = start + i;
            }
            cjk = Some(here);
        }
        self.push_stretch(from, end, cjk == Some(true));
        self.queued.pop_front()
    }

    fn push_stretch(&mut self, from: usize, to: usize, cjk: bool) {
        if cjk {
            segment(self.text, from, to, &mut self.queued);
        } else {
            self.queued.push_back(Found {
                start: from,
                end: to,
                inner: false,
            });
        }
    }

    /// Whether the word at `start` begins a new sentence, judged from the text since the
    /// previous word.
    fn starts_sentence(&self, start: usize) -> bool {
        let Some((ps, pe)) = self.prev_word else {
            return true;
        };
        if !self.text[start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            return false;
        }
        let prev = &self.text[ps..pe];
        if prev.chars().nth(1).is_none()
            || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(prev))
        {
            return false;
        }
        sentence_end_between(&self.text[pe..start])
    }

    /// Whether the gap before the word at `start` holds a full-width sentence end (`。！？`),
    /// which Chinese and Japanese use without a following space or capital.
    fn cjk_sentence_end_before(&self, start: usize) -> bool {
        let Some((_, pe)) = self.prev_word else {
            return false;
        };
        self.text[pe..start].contains(['。', '！', '？'])
    }
}

/// True when `gap` (the text between two words) holds a sentence end: `.`, `!` or `?`, then
/// optionally closing brackets or quotes, then whitespace.
fn sentence_end_between(gap: &str) -> bool {
    let mut after_stop = false;
    for c in gap.chars() {
        match c {
            '.' | '!' | '?' => after_stop = true,
            ')' | ']' | '"' | '\'' | '’' | '”' if after_stop => {}
            c if c.is_whitespace() => {
                if after_stop {
                    return true;
                }
            }
            _ => after_stop = false,
        }
    }
    false
}

fn mark(text: &str, position: usize, offset: usize) -> Token {
    Token {
        offset_from: offset,
        offset_to: offset,
        position,
        text: text.to_string(),
        position_length: 0,
    }
}

impl TokenStream for PatentTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if let Some(t) = self.pending.pop() {
            self.token = t;
            return true;
        }
        loop {
            let Some(Found { start, end, inner }) = self.next_word() else {
                return false;
            };
            if inner {
                // A dictionary word inside the previous word, at that word's position.
                self.token = Token {
                    offset_from: start,
                    offset_to: end,
                    position: self.position.saturating_sub(1),
                    text: self.text[start..end].to_string(),
                    position_length: 1,
                };
                return true;
            }
            let position = self.position;
            self.position += 1;
            let first = self.prev_word.is_none();
            let sentence = self.starts_sentence(start) || self.cjk_sentence_end_before(start);
            self.prev_word = Some((start, end));
            if end - start > MAX_WORD_BYTES {
                continue;
            }
            let word = Token {
                offset_from: start,
                offset_to: end,
                position,
                text: self.text[start..end].to_string(),
                position_length: 1,
            };
            // Marks come first: tantivy wants tokens in position order, and a mark shares the
            // position of the word it precedes.
            self.pending.push(word);
            if sentence {
                self.pending.push(mark(SENTENCE_MARK, position, start));
            }
            if first {
                self.pending.push(mark(PARAGRAPH_MARK, position, start));
            }
            self.token = self.pending.pop().expect("a word was pushed");
            return true;
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// One token of a field as the index sees it, with its position counted across the field's
/// values the way tantivy counts them (each value starts one past the end of the previous).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldToken {
    /// Which value (paragraph) of the field.
    pub value: usize,
    /// Byte range in that value.
    pub from: usize,
    pub to: usize,
    pub position: u32,
    /// The indexed term (lower-cased, folded), or a mark.
    pub term: String,
}

/// Tokenises the values of one field exactly as indexing does, for highlighting and for
/// checking the index against brute force.
pub fn tokenize_values<S: AsRef<str>>(
    analyzer: &mut TextAnalyzer,
    values: &[S],
) -> Vec<FieldToken> {
    let mut out = Vec::new();
    let mut base = 0u32;
    for (value, text) in values.iter().enumerate() {
        let mut end = base;
        let mut stream = analyzer.token_stream(text.as_ref());
        while stream.advance() {
            let t = stream.token();
            let position = base + t.position as u32;
            end = end.max(position + t.position_length as u32);
            out.push(FieldToken {
                value,
                from: t.offset_from,
                to: t.offset_to,
                position,
                term: t.text.clone(),
            });
        }
        // tantivy's POSITION_GAP between values of a field.
        base = end + 1;
    }
    out
}

/// The indexed words of what was typed in a query as one word: usually one, several for
/// Chinese or Japanese text (`锂离子电池` → `锂离子`, `电池`), which the query then matches as a
/// phrase. Only the main cut counts: the dictionary words inside a longer word are for
/// matching documents, not for querying.
pub fn normalize_words(analyzer: &mut TextAnalyzer, word: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(word);
    let mut out = Vec::new();
    let mut last = None;
    while stream.advance() {
        let t = stream.token();
        if is_mark(&t.text) || last == Some(t.position) {
            continue;
        }
        last = Some(t.position);
        out.push(t.text.clone());
    }
    out
}

/// The indexed form of one word typed in a query: lower-cased and folded like the text, or
/// `None` when it holds no letters or digits.
pub fn normalize_word(analyzer: &mut TextAnalyzer, word: &str) -> Option<String> {
    let mut stream = analyzer.token_stream(word);
    let mut out = None;
    while stream.advance() {
        let t = stream.token();
        if !is_mark(&t.text) {
            out = Some(t.text.clone());
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<(u32, String)> {
        tokenize_values(&mut analyzer(), &[text])
            .into_iter()
            .map(|t| (t.position, t.term))
            .collect()
    }

    fn words_of_sentences(text: &str) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = Vec::new();
        for (_, t) in terms(text) {
            if t == SENTENCE_MARK {
                out.push(Vec::new());
            } else if !is_mark(&t) {
                out.last_mut().unwrap().push(t);
            }
        }
        out
    }

    #[test]
    fn words_are_lowercased_folded_and_positioned() {
        let t = terms("Li-ion Größe, naïve CO2");
        let words: Vec<_> = t.iter().filter(|(_, w)| !is_mark(w)).cloned().collect();
        assert_eq!(
            words,
            vec![
                (0, "li".to_string()),
                (1, "ion".to_string()),
                (2, "grosse".to_string()),
                (3, "naive".to_string()),
                (4, "co2".to_string())
            ]
        );
        assert_eq!(t[0], (0, PARAGRAPH_MARK.to_string()));
        assert_eq!(t[1], (0, SENTENCE_MARK.to_string()));
    }

    #[test]
    fn sentences_split_at_full_stops_before_capitals() {
        let s = words_of_sentences(
            "The cell is sealed. A lid (see FIG. 2) covers it; U.S. Pat. No. 5,123,456 shows one. \
             Then e.g. the lid! Again.) Next one",
        );
        let lens: Vec<usize> = s.iter().map(Vec::len).collect();
        assert_eq!(s[0], vec!["the", "cell", "is", "sealed"]);
        assert_eq!(s[1][..2], ["a".to_string(), "lid".to_string()]);
        assert_eq!(s[1].last().unwrap(), "one");
        assert_eq!(s[2], vec!["then", "e", "g", "the", "lid"]);
        assert_eq!(s[3], vec!["again"]);
        assert_eq!(lens.len(), 5, "{s:?}");
    }

    #[test]
    fn values_continue_positions_with_a_gap() {
        let t = tokenize_values(&mut analyzer(), &["one two", "", "three"]);
        let words: Vec<(usize, u32)> = t
            .iter()
            .filter(|t| !is_mark(&t.term))
            .map(|t| (t.value, t.position))
            .collect();
        assert_eq!(words, vec![(0, 0), (0, 1), (2, 4)]);
    }

    #[test]
    fn chinese_is_cut_into_words_with_inner_words_at_the_same_position() {
        // 一种锂离子电池正极材料 "a positive electrode material for lithium-ion batteries".
        let t = terms("一种锂离子电池正极材料。本发明LiFePO4涂层");
        let words: Vec<(u32, &str)> = t
            .iter()
            .filter(|(_, w)| !is_mark(w))
            .map(|(p, w)| (*p, w.as_str()))
            .collect();
        let at = |w: &str| words.iter().find(|(_, x)| *x == w).map(|(p, _)| *p);
        // The main cut, in order, one position each.
        assert_eq!(at("一种"), Some(0), "{words:?}");
        assert_eq!(at("锂离子"), Some(1), "{words:?}");
        assert_eq!(at("电池"), Some(2), "{words:?}");
        assert_eq!(at("正极"), Some(3), "{words:?}");
        assert_eq!(at("材料"), Some(4), "{words:?}");
        // A dictionary word inside 锂离子 shares its position.
        assert_eq!(at("离子"), Some(1), "{words:?}");
        // Latin letters and digits inside the run are a word of their own.
        assert!(at("lifepo4").is_some(), "{words:?}");
        // 。 ends a sentence without a space or a capital.
        let sentences = t.iter().filter(|(_, w)| w == SENTENCE_MARK).count();
        assert_eq!(sentences, 2, "{t:?}");
        // A query takes the main cut only.
        assert_eq!(
            normalize_words(&mut analyzer(), "锂离子电池"),
            vec!["锂离子", "电池"]
        );
        assert_eq!(normalize_words(&mut analyzer(), "Battery"), vec!["battery"]);
        // A word whose inner words come between other words of the cut (有限公司 after 股份),
        // one covered by two overlapping inner words (萧山区: 萧山, 山区), inner words inside
        // inner words (高可用性: 可用性, 可用): positions only grow along the main cut.
        for text in [
            "浙商银行股份有限公司",
            "浙江省杭州市萧山区",
            "确保了跨链的高可用性及高安全性",
        ] {
            let t = terms(text);
            let mut last = None;
            let mut main = Vec::new();
            for (p, w) in t.iter().filter(|(_, w)| !is_mark(w)) {
                if last != Some(*p) {
                    main.push(w.as_str());
                }
                last = Some(*p);
            }
            assert_eq!(main.concat(), text, "{t:?}");
        }
    }

    #[test]
    fn query_words_normalize_like_text() {
        let mut a = analyzer();
        assert_eq!(
            normalize_word(&mut a, "Électrode").as_deref(),
            Some("electrode")
        );
        assert_eq!(normalize_word(&mut a, "--"), None);
    }
}
