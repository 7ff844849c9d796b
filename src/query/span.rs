//! Positional matching: phrases and the proximity operators over words, truncated words,
//! phrases and OR-groups, as a tantivy [`Query`].
//!
//! tantivy's phrase query takes one term per position; patent searchers need
//! `(battery OR cell*) NEAR/5 (anode OR cathode)`. Here every operand yields, per document, the
//! sorted list of [`Span`]s (first and last word position) where it matches, and operators
//! combine the lists of their operands ([`combine`]). The same combination code runs on
//! postings (search) and on a document's tokens in memory (highlighting), so what is
//! highlighted is what matched.
//!
//! Sentence and paragraph boundaries come from the marks the tokenizer indexes at the first
//! word of every sentence and paragraph (`index::text`): two matches share a sentence when no
//! sentence mark lies after the first one's start and at or before the second one's end.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fmt;
use std::sync::Arc;

use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

use super::ast::ProxOp;
use super::expand::Expansion;
use crate::index::text::{PARAGRAPH_MARK, SENTENCE_MARK};

/// Where an operand matched: the positions of its first and last word, and which positions in
/// between are its own words (bit `i` of `words` is position `start + i`).
///
/// The two sides of an operator must be made of different words (`cell NEAR cell` needs two
/// cells), while a word that merely lies inside a nested match may pair with it
/// (`(anode NEAR/5 cathode) NEAR/2 separator` matches "anode, separator and cathode"). The
/// word set tells the two apart; past 64 positions from the start it is not kept, and words
/// there count as different.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
    pub words: u64,
}

impl Span {
    pub fn at(p: u32) -> Span {
        Span {
            start: p,
            end: p,
            words: 1,
        }
    }

    /// The word set shifted to start at `start` (which is at or before `self.start`).
    fn words_from(&self, start: u32) -> u64 {
        let shift = self.start - start;
        if shift >= 64 { 0 } else { self.words << shift }
    }

    /// The smallest span covering both, with both word sets.
    fn join(&self, other: &Span) -> Span {
        let start = self.start.min(other.start);
        Span {
            start,
            end: self.end.max(other.end),
            words: self.words_from(start) | other.words_from(start),
        }
    }

    /// True when the two share a word.
    fn shares_words(&self, other: &Span) -> bool {
        if self.end < other.start || other.end < self.start {
            return false;
        }
        let start = self.start.min(other.start);
        self.words_from(start) & other.words_from(start) != 0
    }
}

/// A positional expression with its words expanded, ready to run on one field.
#[derive(Debug, Clone)]
pub enum SpanTree {
    Word(Arc<Expansion>),
    /// Consecutive words.
    Phrase(Vec<Arc<Expansion>>),
    Or(Vec<SpanTree>),
    Prox(Box<SpanTree>, ProxOp, Box<SpanTree>),
}

impl SpanTree {
    /// The boundary marks an operator needs to check, if any.
    fn marks(op: ProxOp) -> Option<&'static str> {
        match op {
            // Paragraphs are separate field values, one position apart, so adjacent words never
            // straddle one.
            ProxOp::Adj(1) | ProxOp::Near(1) => None,
            ProxOp::Adj(_) | ProxOp::Near(_) | ProxOp::Same => Some(PARAGRAPH_MARK),
            ProxOp::With => Some(SENTENCE_MARK),
        }
    }

    /// Calls `f` on every word.
    pub fn for_each_word<'a>(&'a self, f: &mut impl FnMut(&'a Arc<Expansion>)) {
        match self {
            SpanTree::Word(e) => f(e),
            SpanTree::Phrase(v) => v.iter().for_each(f),
            SpanTree::Or(v) => v.iter().for_each(|t| t.for_each_word(f)),
            SpanTree::Prox(a, _, b) => {
                a.for_each_word(f);
                b.for_each_word(f);
            }
        }
    }
}

/// True when a mark lies in `(lo, hi]`: the span `[lo, hi]` crosses a boundary.
fn crosses(marks: &[u32], lo: u32, hi: u32) -> bool {
    let i = marks.partition_point(|&m| m <= lo);
    i < marks.len() && marks[i] <= hi
}

/// Combines the matches of two operands under a proximity operator. `a` and `b` are sorted;
/// `marks` are the sorted positions of the marks [`SpanTree::marks`] names for `op` (ignored
/// when it names none). `out` receives the sorted, distinct matches of the combination.
pub fn combine(op: ProxOp, a: &[Span], b: &[Span], marks: &[u32], out: &mut Vec<Span>) {
    out.clear();
    if a.is_empty() || b.is_empty() {
        return;
    }
    match op {
        ProxOp::Adj(n) | ProxOp::Near(n) => {
            let check = SpanTree::marks(op).is_some();
            let mut push = |s: Span| {
                if !check || !crosses(marks, s.start, s.end) {
                    out.push(s);
                }
            };
            let near = matches!(op, ProxOp::Near(_));
            // Only NEAR looks back, by as much as the longest match of `b`.
            let max_b_len = if near {
                b.iter().map(|s| s.end - s.start).max().unwrap_or(0)
            } else {
                0
            };
            for x in a {
                // Candidates start at most `n` words before `x` (plus their own length) and
                // at most `n` words after it.
                let from = if near {
                    x.start.saturating_sub(n.saturating_add(max_b_len))
                } else {
                    x.end.saturating_add(1)
                };
                let to = x.end.saturating_add(n);
                let i = b.partition_point(|s| s.start < from);
                for y in &b[i..] {
                    if y.start > to {
                        break;
                    }
                    let ok = if y.start > x.end {
                        // `y` after `x`: at most n-1 words between.
                        y.start - x.end <= n
                    } else if y.end < x.start {
                        // `y` before `x` (NEAR only: ADJ candidates start after `x`).
                        x.start - y.end <= n
                    } else {
                        // Overlapping: a word inside a nested match is near it, a word of the
                        // match itself is not.
                        near && !x.shares_words(y)
                    };
                    if ok {
                        push(x.join(y));
                    }
                }
            }
        }
        ProxOp::With | ProxOp::Same => {
            for x in a {
                // The sentence or paragraph holding `x`: from the last mark at or before its
                // start to the next mark.
                let i = marks.partition_point(|&m| m <= x.start);
                let unit_start = if i > 0 { marks[i - 1] } else { 0 };
                let unit_end = marks.get(i).copied().unwrap_or(u32::MAX);
                if x.end >= unit_end {
                    continue;
                }
                let j = b.partition_point(|s| s.start < unit_start);
                for y in &b[j..] {
                    if y.start >= unit_end {
                        break;
                    }
                    // A word inside a nested match counts, a word of the match itself does not.
                    if y.end >= unit_end || x.shares_words(y) {
                        continue;
                    }
                    out.push(x.join(y));
                }
            }
        }
    }
    // Phrases and ADJ over words (the hot path) come out sorted and distinct already; checking
    // costs one pass over the (short) output.
    if !out.windows(2).all(|w| w[0] < w[1]) {
        out.sort_unstable();
        out.dedup();
    }
}

/// Sorted union of span lists.
fn union(lists: &[&[Span]], out: &mut Vec<Span>) {
    out.clear();
    for l in lists {
        out.extend_from_slice(l);
    }
    out.sort_unstable();
    out.dedup();
}

/// Evaluates a tree on one field of one document held in memory. `positions` gives the sorted
/// positions where a word's expansion occurs; `marks` the sorted positions of a mark term.
pub fn eval_in_memory(
    tree: &SpanTree,
    positions: &dyn Fn(&Expansion) -> Vec<u32>,
    marks: &dyn Fn(&str) -> Vec<u32>,
) -> Vec<Span> {
    match tree {
        SpanTree::Word(e) => positions(e).into_iter().map(Span::at).collect(),
        SpanTree::Phrase(v) => {
            let at =
                |e: &Expansion| -> Vec<Span> { positions(e).into_iter().map(Span::at).collect() };
            let mut acc = at(&v[0]);
            for e in &v[1..] {
                let next = at(e);
                let mut out = Vec::new();
                combine(ProxOp::Adj(1), &acc, &next, &[], &mut out);
                acc = out;
            }
            acc
        }
        SpanTree::Or(v) => {
            let lists: Vec<Vec<Span>> = v
                .iter()
                .map(|t| eval_in_memory(t, positions, marks))
                .collect();
            let refs: Vec<&[Span]> = lists.iter().map(Vec::as_slice).collect();
            let mut out = Vec::new();
            union(&refs, &mut out);
            out
        }
        SpanTree::Prox(a, op, b) => {
            let a = eval_in_memory(a, positions, marks);
            let b = eval_in_memory(b, positions, marks);
            let m = SpanTree::marks(*op).map(marks).unwrap_or_default();
            let mut out = Vec::new();
            combine(*op, &a, &b, &m, &mut out);
            out
        }
    }
}

/// A positional expression on one text field, as a tantivy query.
#[derive(Clone)]
pub struct SpanQuery {
    pub field: Field,
    pub tree: Arc<SpanTree>,
    /// Sum of the words' inverse document frequencies: how much a match is worth.
    pub weight: f32,
    /// Shown in `Debug` (tantivy prints queries with it).
    pub label: String,
}

impl fmt::Debug for SpanQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SpanQuery({})", self.label)
    }
}

impl Query for SpanQuery {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for SpanQuery {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let root = build(&self.tree, self.field, reader)?;
        let mut scorer = SpanScorer {
            root,
            weight: self.weight * boost,
        };
        scorer.root.seek(0);
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut s = self.scorer(reader, 1.0)?;
        if s.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not match {}",
                self.label
            )));
        }
        Ok(Explanation::new_with_string(self.label.clone(), s.score()))
    }
}

/// A node of a positional expression running over one segment's postings, iterated in two
/// phases (like Lucene's two-phase iterators): `seek_candidate` cheaply finds documents where
/// every word the node needs occurs, and `verify` reads positions to check the match. An
/// operator over a phrase thus skips documents missing any word of the phrase before reading
/// a single position.
trait SpanDocs: Send {
    fn doc(&self) -> DocId;
    /// Moves to the first candidate at or after `target`; stays put when already there.
    fn seek_candidate(&mut self, target: DocId) -> DocId;
    /// Whether the current candidate matches (computing its spans, once per document).
    fn verify(&mut self) -> bool;
    /// The matches in the current document, after `verify` said yes.
    fn spans(&self) -> &[Span];
    /// Moves to the first matching document at or after `target`.
    fn seek(&mut self, target: DocId) -> DocId {
        let mut t = target;
        loop {
            let d = self.seek_candidate(t);
            if d == TERMINATED || self.verify() {
                return d;
            }
            t = d + 1;
        }
    }
}

fn build(
    tree: &SpanTree,
    field: Field,
    reader: &SegmentReader,
) -> tantivy::Result<Box<dyn SpanDocs>> {
    Ok(match tree {
        SpanTree::Word(e) => Box::new(word_docs(e, field, reader)?),
        SpanTree::Phrase(v) => Box::new(PhraseDocs::new(
            v.iter()
                .map(|e| word_docs(e, field, reader))
                .collect::<tantivy::Result<_>>()?,
        )),
        SpanTree::Or(v) => {
            let children: Vec<Box<dyn SpanDocs>> = v
                .iter()
                .map(|t| build(t, field, reader))
                .collect::<tantivy::Result<_>>()?;
            let doc = children.iter().map(|c| c.doc()).min().unwrap_or(TERMINATED);
            Box::new(OrDocs {
                children,
                doc,
                spans: Vec::new(),
                checked: Checked::default(),
            })
        }
        SpanTree::Prox(a, op, b) => {
            let marks = match SpanTree::marks(*op) {
                Some(m) => reader
                    .inverted_index(field)?
                    .read_postings(
                        &Term::from_field_text(field, m),
                        IndexRecordOption::WithFreqsAndPositions,
                    )?
                    .map(|p| MarkDocs {
                        postings: p,
                        buf: Vec::new(),
                    }),
                None => None,
            };
            Box::new(ProxDocs::new(
                build(a, field, reader)?,
                build(b, field, reader)?,
                *op,
                marks,
            ))
        }
    })
}

fn word_docs(e: &Expansion, field: Field, reader: &SegmentReader) -> tantivy::Result<WordDocs> {
    let inv = reader.inverted_index(field)?;
    let mut postings = Vec::with_capacity(e.words.len());
    for w in &e.words {
        let term = Term::from_field_text(field, w);
        if let Some(p) = inv.read_postings(&term, IndexRecordOption::WithFreqsAndPositions)? {
            postings.push(p);
        }
    }
    Ok(WordDocs::new(postings))
}

/// A phrase of words: the positions of its words intersected directly (word `i` at `p + i`),
/// without building spans for every occurrence, as tantivy's phrase scorer does.
struct PhraseDocs {
    words: Vec<WordDocs>,
    doc: DocId,
    spans: Vec<Span>,
    checked: Checked,
    acc: Vec<u32>,
    next: Vec<u32>,
}

impl PhraseDocs {
    fn new(words: Vec<WordDocs>) -> PhraseDocs {
        let mut p = PhraseDocs {
            words,
            doc: 0,
            spans: Vec::new(),
            checked: Checked::default(),
            acc: Vec::new(),
            next: Vec::new(),
        };
        p.doc = p.align(0);
        p
    }

    /// The first document at or after `target` holding every word.
    fn align(&mut self, mut target: DocId) -> DocId {
        'outer: loop {
            let d0 = self.words[0].seek_candidate(target);
            if d0 == TERMINATED {
                return TERMINATED;
            }
            for w in &mut self.words[1..] {
                let d = w.seek_candidate(d0);
                if d != d0 {
                    target = d;
                    continue 'outer;
                }
            }
            return d0;
        }
    }
}

impl SpanDocs for PhraseDocs {
    fn doc(&self) -> DocId {
        self.doc
    }

    fn seek_candidate(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        self.doc = self.align(target);
        self.doc
    }

    fn verify(&mut self) -> bool {
        let doc = self.doc;
        if let Some(ok) = self.checked.get(doc) {
            return ok;
        }
        self.spans.clear();
        if doc != TERMINATED {
            self.words[0].positions(&mut self.acc);
            for i in 1..self.words.len() {
                self.words[i].positions(&mut self.next);
                // Keep the starts `p` whose word `i` sits at `p + i`.
                let (mut j, offset) = (0, i as u32);
                let next = &self.next;
                self.acc.retain(|&p| {
                    while j < next.len() && next[j] < p + offset {
                        j += 1;
                    }
                    j < next.len() && next[j] == p + offset
                });
                if self.acc.is_empty() {
                    break;
                }
            }
            let last = self.words.len() as u32 - 1;
            let words = if last < 63 {
                (1u64 << (last + 1)) - 1
            } else {
                u64::MAX
            };
            self.spans.extend(self.acc.iter().map(|&p| Span {
                start: p,
                end: p + last,
                words,
            }));
        }
        let ok = !self.spans.is_empty();
        self.checked.set(doc, ok)
    }

    fn spans(&self) -> &[Span] {
        &self.spans
    }
}

/// The union of the postings of every indexed word one query word expanded to.
struct WordDocs {
    postings: Vec<SegmentPostings>,
    /// (doc, index) of postings not at the current document.
    heap: BinaryHeap<Reverse<(DocId, usize)>>,
    /// Postings at the current document.
    current: Vec<usize>,
    doc: DocId,
    spans: Vec<Span>,
    fresh: bool,
    buf: Vec<u32>,
}

impl WordDocs {
    fn new(postings: Vec<SegmentPostings>) -> WordDocs {
        let heap = postings
            .iter()
            .enumerate()
            .filter(|(_, p)| p.doc() != TERMINATED)
            .map(|(i, p)| Reverse((p.doc(), i)))
            .collect();
        let mut w = WordDocs {
            postings,
            heap,
            current: Vec::new(),
            doc: TERMINATED,
            spans: Vec::new(),
            fresh: false,
            buf: Vec::new(),
        };
        w.settle();
        w
    }

    /// Takes the postings at the smallest document off the heap.
    fn settle(&mut self) {
        self.fresh = false;
        self.current.clear();
        let Some(&Reverse((doc, _))) = self.heap.peek() else {
            self.doc = TERMINATED;
            return;
        };
        self.doc = doc;
        while let Some(&Reverse((d, i))) = self.heap.peek() {
            if d != doc {
                break;
            }
            self.heap.pop();
            self.current.push(i);
        }
    }

    /// The sorted, distinct positions of the word in the current document.
    fn positions(&mut self, out: &mut Vec<u32>) {
        out.clear();
        for &i in &self.current {
            self.postings[i].append_positions_with_offset(0, out);
        }
        if self.current.len() > 1 {
            out.sort_unstable();
            out.dedup();
        }
    }
}

impl SpanDocs for WordDocs {
    fn doc(&self) -> DocId {
        self.doc
    }

    fn seek_candidate(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for &i in &self.current {
            let d = self.postings[i].seek(target);
            if d != TERMINATED {
                self.heap.push(Reverse((d, i)));
            }
        }
        while let Some(&Reverse((d, i))) = self.heap.peek() {
            if d >= target {
                break;
            }
            self.heap.pop();
            let d = self.postings[i].seek(target);
            if d != TERMINATED {
                self.heap.push(Reverse((d, i)));
            }
        }
        self.settle();
        self.doc
    }

    fn verify(&mut self) -> bool {
        if !self.fresh {
            let mut buf = std::mem::take(&mut self.buf);
            self.positions(&mut buf);
            self.spans.clear();
            self.spans.extend(buf.iter().map(|&p| Span::at(p)));
            self.buf = buf;
            self.fresh = true;
        }
        !self.spans.is_empty()
    }

    fn spans(&self) -> &[Span] {
        &self.spans
    }
}

struct OrDocs {
    children: Vec<Box<dyn SpanDocs>>,
    doc: DocId,
    spans: Vec<Span>,
    /// The document last verified, and the outcome.
    checked: Checked,
}

impl SpanDocs for OrDocs {
    fn doc(&self) -> DocId {
        self.doc
    }

    fn seek_candidate(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        let mut doc = TERMINATED;
        for c in &mut self.children {
            doc = doc.min(c.seek_candidate(target));
        }
        self.doc = doc;
        self.doc
    }

    fn verify(&mut self) -> bool {
        let doc = self.doc;
        if let Some(ok) = self.checked.get(doc) {
            return ok;
        }
        self.spans.clear();
        for c in &mut self.children {
            if c.doc() == doc && doc != TERMINATED && c.verify() {
                self.spans.extend_from_slice(c.spans());
            }
        }
        self.spans.sort_unstable();
        self.spans.dedup();
        let ok = !self.spans.is_empty();
        self.checked.set(doc, ok)
    }

    fn spans(&self) -> &[Span] {
        &self.spans
    }
}

/// The outcome of `verify` for the document it was last asked about: operators verify a
/// document once, however many parents ask.
#[derive(Default)]
struct Checked(Option<(DocId, bool)>);

impl Checked {
    fn get(&self, doc: DocId) -> Option<bool> {
        self.0.filter(|&(d, _)| d == doc).map(|(_, ok)| ok)
    }

    fn set(&mut self, doc: DocId, ok: bool) -> bool {
        self.0 = Some((doc, ok));
        ok
    }
}

/// Positions of a boundary mark, read as documents come.
struct MarkDocs {
    postings: SegmentPostings,
    buf: Vec<u32>,
}

impl MarkDocs {
    fn at(&mut self, doc: DocId) -> &[u32] {
        self.buf.clear();
        if self.postings.doc() < doc {
            self.postings.seek(doc);
        }
        if self.postings.doc() == doc {
            self.postings.positions(&mut self.buf);
        }
        &self.buf
    }
}

struct ProxDocs {
    a: Box<dyn SpanDocs>,
    b: Box<dyn SpanDocs>,
    op: ProxOp,
    marks: Option<MarkDocs>,
    doc: DocId,
    spans: Vec<Span>,
    /// The document last verified, and the outcome.
    checked: Checked,
}

impl ProxDocs {
    fn new(
        a: Box<dyn SpanDocs>,
        b: Box<dyn SpanDocs>,
        op: ProxOp,
        marks: Option<MarkDocs>,
    ) -> ProxDocs {
        let mut p = ProxDocs {
            a,
            b,
            op,
            marks,
            doc: 0,
            spans: Vec::new(),
            checked: Checked::default(),
        };
        p.doc = p.align(0);
        p
    }

    /// The first document at or after `target` that is a candidate of both operands.
    fn align(&mut self, mut target: DocId) -> DocId {
        loop {
            let da = self.a.seek_candidate(target);
            if da == TERMINATED {
                return TERMINATED;
            }
            let db = self.b.seek_candidate(da);
            if db == da || db == TERMINATED {
                return db;
            }
            target = db;
        }
    }
}

impl SpanDocs for ProxDocs {
    fn doc(&self) -> DocId {
        self.doc
    }

    fn seek_candidate(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        self.doc = self.align(target);
        self.doc
    }

    fn verify(&mut self) -> bool {
        let doc = self.doc;
        if let Some(ok) = self.checked.get(doc) {
            return ok;
        }
        let ok = doc != TERMINATED && self.a.verify() && self.b.verify() && {
            let no_marks: &[u32] = &[];
            let marks = match &mut self.marks {
                Some(m) => m.at(doc),
                None => no_marks,
            };
            combine(
                self.op,
                self.a.spans(),
                self.b.spans(),
                marks,
                &mut self.spans,
            );
            !self.spans.is_empty()
        };
        if !ok {
            self.spans.clear();
        }
        self.checked.set(doc, ok)
    }

    fn spans(&self) -> &[Span] {
        &self.spans
    }
}

/// The tantivy face of a positional expression.
struct SpanScorer {
    root: Box<dyn SpanDocs>,
    weight: f32,
}

impl DocSet for SpanScorer {
    fn advance(&mut self) -> DocId {
        let d = self.root.doc();
        if d == TERMINATED {
            return TERMINATED;
        }
        self.root.seek(d + 1)
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.root.seek(target)
    }

    fn doc(&self) -> DocId {
        self.root.doc()
    }

    fn size_hint(&self) -> u32 {
        // Unknown without running the expression; tantivy only uses this to order
        // intersections, where a positional clause should go last.
        u32::MAX / 2
    }
}

impl Scorer for SpanScorer {
    fn score(&mut self) -> Score {
        // Saturating in the number of matches, like BM25's term frequency.
        let n = self.root.spans().len().max(1) as f32;
        self.weight * n / (n + 1.2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(v: &[u32]) -> Vec<Span> {
        v.iter().map(|&p| Span::at(p)).collect()
    }

    fn run(op: ProxOp, a: &[u32], b: &[u32], marks: &[u32]) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        combine(op, &spans(a), &spans(b), marks, &mut out);
        out.into_iter().map(|s| (s.start, s.end)).collect()
    }

    #[test]
    fn adjacency_is_ordered_and_bounded() {
        assert_eq!(run(ProxOp::Adj(1), &[3], &[4], &[]), vec![(3, 4)]);
        assert_eq!(run(ProxOp::Adj(1), &[3], &[5], &[]), vec![]);
        assert_eq!(run(ProxOp::Adj(2), &[3], &[5], &[]), vec![(3, 5)]);
        assert_eq!(run(ProxOp::Adj(2), &[5], &[3], &[]), vec![]);
        assert_eq!(run(ProxOp::Near(2), &[5], &[3], &[]), vec![(3, 5)]);
        assert_eq!(run(ProxOp::Near(2), &[6], &[3], &[]), vec![]);
        // The same word is never its own neighbour.
        assert_eq!(run(ProxOp::Near(3), &[4], &[4], &[]), vec![]);
        assert_eq!(run(ProxOp::Same, &[4], &[4], &[]), vec![]);
        // A word inside a nested match is near it and in its sentence, but not after it.
        let mut out = Vec::new();
        let nested = [Span::at(2).join(&Span::at(6))];
        combine(ProxOp::Near(1), &nested, &spans(&[4]), &[], &mut out);
        let all3 = nested[0].join(&Span::at(4));
        assert_eq!(out, vec![all3]);
        assert_eq!(all3.words, 0b10101);
        combine(ProxOp::With, &nested, &spans(&[4]), &[0], &mut out);
        assert_eq!(out, vec![all3]);
        combine(ProxOp::Adj(3), &nested, &spans(&[4]), &[], &mut out);
        assert!(out.is_empty());
        // ... but a word of the nested match itself never pairs with it.
        combine(ProxOp::Near(3), &nested, &spans(&[6]), &[], &mut out);
        assert!(out.is_empty());
        combine(ProxOp::Same, &nested, &spans(&[2]), &[0], &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn paragraph_marks_stop_proximity() {
        // A paragraph starts at 10.
        assert_eq!(run(ProxOp::Near(5), &[8], &[11], &[0, 10]), vec![]);
        assert_eq!(run(ProxOp::Near(5), &[10], &[12], &[0, 10]), vec![(10, 12)]);
        assert_eq!(run(ProxOp::Same, &[1], &[9], &[0, 10]), vec![(1, 9)]);
        assert_eq!(run(ProxOp::Same, &[9], &[1, 10], &[0, 10]), vec![(1, 9)]);
        assert_eq!(run(ProxOp::With, &[12], &[30], &[0, 10]), vec![(12, 30)]);
    }
}
