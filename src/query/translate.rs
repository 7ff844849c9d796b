//! Translating queries between patdex and the two public systems patent searchers use most:
//! Espacenet (EPO, CQL "smart search" syntax) and USPTO Patent Public Search ("PPUBS", BRS
//! syntax with `.ti.` field suffixes).
//!
//! Both directions meet in one normalised form, [`Ir`]: a patdex query is parsed, checked as
//! `patdex search` would check it, and lowered; a foreign query is read by a small parser of
//! its own and lowered to the same form. Writers then print the form in the target syntax. The
//! patdex writer is also the canonical printer ([`to_patdex`]), so a round trip can be compared
//! as a string: the normalised form already forgets what does not change the meaning (a field
//! written on a group or on each word, `a NOT b` or `a -b`, `pd:[2010-01-01 TO 2015-12-31]` or
//! `pd:[2010 TO 2015]`, `lithium ADJ ion` or `"lithium ion"`).
//!
//! What the target cannot say is never dropped silently: each part becomes a [`Loss`] that
//! points at the source text and says what was done instead. A part that has to go is left out
//! so that the query gets broader, never narrower (a searcher can skim extra hits, but never
//! sees the ones a query missed): inside an AND it is left out, under a negation it takes the
//! negation with it, in an OR it takes the OR. Where the only thing that can be written is
//! narrower (PPUBS has no `/low`), the loss says so.
//!
//! Differences between the engines rather than the queries are not reported, or every query
//! would carry the same losses: word forms (patdex folds plurals, PPUBS has a Plurals option
//! for the whole search, Espacenet matches words as written), PPUBS counting ADJ and NEAR
//! inside one sentence where patdex counts inside one paragraph, how each splits sentences,
//! Espacenet's stop words. To keep `=word` through a round trip, both targets get it in quotes
//! (a quoted single word is that word as typed).
//!
//! Sources for the foreign syntax (public help pages; a detail no page settles is marked
//! "uncertain" where it is decided, with the most common documented form chosen):
//! - Espacenet help, "Smart search - field identifiers" (worldwide.espacenet.com/help).
//! - Espacenet help, "Smart search - operators" (prox/distance, prox/unit, prox/ordered, all,
//!   any, within, >=, <=).
//! - Espacenet help, "Smart search - entering queries without field identifiers" (guessing).
//! - Espacenet help, "Truncation" and "Limitations" (`*`, `?` zero or one, `#` exactly one; no
//!   left truncation; wildcards only at the end of a word).
//! - EPO, "Espacenet pocket guide" (nftxt, ntxt, ctxt, field groups `cpc=(… )`,
//!   prox/distance<n/ordered "fewer than n words apart").
//! - EPO Patent Knowledge News, "Do you know…" (`cl=B43K5/00/low`: the `/low` operator).
//! - USPTO, "Patent Public Search operators" (AND OR NOT XOR, ADJn NEARn WITHn SAMEn, NOT SAME).
//! - USPTO, "Advanced Search overview QRG, Patent Public Search" (suffixes `radar.ti.` or
//!   `radar[ti]`, CLM, SPEC, CPC, DID, AY, FD, CCLS).
//! - Intellogist, "EAST search syntax: truncation" (BRS `$`, `$n`, `?`).
//! - priorartarchive.org search help (BRS dates `@AD>19961011`, `@PD`, `@FD`, `@RLAD`).

use std::fmt;
use std::str::FromStr;

use jiff::ToSpan;
use jiff::civil::Date;

use super::ast::{CmpOp, FIELD_NAMES, Loc, Node, NodeKind, ProxOp, QueryError};
use super::{parse, plan};
use crate::number::PubNumber;

/// A query language `translate` reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum System {
    Patdex,
    Espacenet,
    Ppubs,
}

impl System {
    /// The name searchers know it by, for messages.
    fn title(self) -> &'static str {
        match self {
            System::Patdex => "patdex",
            System::Espacenet => "Espacenet",
            System::Ppubs => "PPUBS",
        }
    }
}

impl fmt::Display for System {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            System::Patdex => "patdex",
            System::Espacenet => "espacenet",
            System::Ppubs => "ppubs",
        })
    }
}

impl FromStr for System {
    type Err = String;

    fn from_str(s: &str) -> Result<System, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "patdex" => Ok(System::Patdex),
            "espacenet" => Ok(System::Espacenet),
            "ppubs" => Ok(System::Ppubs),
            _ => Err(format!(
                "unknown query syntax `{s}`: use patdex, espacenet or ppubs"
            )),
        }
    }
}

/// A translated query and what the target syntax could not say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    pub query: String,
    pub losses: Vec<Loss>,
}

/// A part of the source query the target cannot express exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    /// Where the part is in the source query text.
    pub loc: Loc,
    /// The source text of the part.
    pub source: String,
    /// What the target cannot express and what was written instead.
    pub reason: String,
}

/// Translates `text` from one syntax to another; one of them must be patdex.
pub fn translate(text: &str, from: System, to: System) -> Result<Translation, QueryError> {
    translate_with(text, from, to, &|_, _| None)
}

/// [`translate`] with the groups below a class code, for `cpc:CODE/low` in PPUBS (which has no
/// `/low`): `low("cpc", "H01M10/052")` gives the code and every code under it, or `None` when
/// they are not known (the code alone is searched and a [`Loss`] says so).
pub fn translate_with(
    text: &str,
    from: System,
    to: System,
    low: &dyn Fn(&str, &str) -> Option<Vec<String>>,
) -> Result<Translation, QueryError> {
    match (from, to) {
        (System::Patdex, System::Patdex) => Ok(Translation {
            query: patdex_text(&patdex_ir(text)?),
            losses: Vec::new(),
        }),
        (System::Patdex, _) => {
            let ir = patdex_ir(text)?;
            let mut w = Writer {
                to,
                source: text,
                low,
                losses: Vec::new(),
            };
            let query = w.top(&ir)?;
            Ok(Translation {
                query,
                losses: tidy(w.losses),
            })
        }
        (System::Espacenet, System::Patdex) => {
            let (f, losses) = Parser::<Esp>::run(text)?;
            into_patdex(text, &f, losses, System::Espacenet)
        }
        (System::Ppubs, System::Patdex) => {
            let (f, losses) = Parser::<Pp>::run(text)?;
            into_patdex(text, &f, losses, System::Ppubs)
        }
        _ => Err(QueryError::new(
            text,
            Loc::new(0, text.len()),
            "translate from or to patdex",
            format!("translate {from} → patdex, then patdex → {to}"),
        )),
    }
}

/// The canonical text of a parsed patdex query: fully parenthesised, `AND`/`OR` chains flat,
/// each field written once on the largest run of neighbours it covers, `NOT` as `-`, dates,
/// class codes and numbers in one spelling, `ADJ/1` between words as the phrase it is. Queries
/// that differ only in how they were written print the same, so round trips compare as
/// strings. A tree `patdex search` would reject prints as [`Node`]'s own display.
pub fn to_patdex(node: &Node) -> String {
    match lower(node, "txt", node.loc) {
        Ok(ir) => patdex_text(&ir),
        Err(_) => node.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// The normalised form

/// A query with every field pushed down to the leaves that carry it.
#[derive(Debug, Clone, PartialEq)]
enum Ir {
    /// Words, a phrase or a proximity expression in one text field. `floc` is the part that
    /// gave the field (the whole `icl:(…)`), for losses about the field.
    Text {
        field: &'static str,
        span: Span,
        loc: Loc,
        floc: Loc,
    },
    /// A class code, number, kind, office or part (`lacks:`), normalised.
    Value {
        field: &'static str,
        value: String,
        loc: Loc,
        floc: Loc,
    },
    /// A date field from `lo` to `hi`, both days included; `None` is open.
    Date {
        field: &'static str,
        lo: Option<Date>,
        hi: Option<Date>,
        loc: Loc,
        floc: Loc,
    },
    And(Vec<Ir>, Loc),
    Or(Vec<Ir>, Loc),
    Neg(Box<Ir>, Loc),
}

/// What proximity works on.
#[derive(Debug, Clone, PartialEq)]
enum Span {
    /// One word or a phrase, as the indexed pieces (`li-ion` is `li`, `ion`).
    Words {
        pieces: Vec<String>,
        exact: bool,
        loc: Loc,
    },
    Or(Vec<Span>, Loc),
    Prox(Box<Span>, ProxOp, Box<Span>, Loc),
}

/// `children` under one node that `make` builds, those that `open` opens (nodes of the same
/// kind) spliced in; a lone child stands for itself.
fn flat<T>(
    children: Vec<T>,
    loc: Loc,
    make: impl FnOnce(Vec<T>, Loc) -> T,
    open: impl Fn(T) -> Result<Vec<T>, T>,
) -> T {
    let mut out = Vec::new();
    for c in children {
        match open(c) {
            Ok(v) => out.extend(v),
            Err(c) => out.push(c),
        }
    }
    match <[T; 1]>::try_from(out) {
        Ok([one]) => one,
        Err(out) => make(out, loc),
    }
}

fn and_ir(children: Vec<Ir>, loc: Loc) -> Ir {
    flat(children, loc, Ir::And, |c| match c {
        Ir::And(v, _) => Ok(v),
        c => Err(c),
    })
}

fn or_ir(children: Vec<Ir>, loc: Loc) -> Ir {
    flat(children, loc, Ir::Or, |c| match c {
        Ir::Or(v, _) => Ok(v),
        c => Err(c),
    })
}

fn neg_ir(ir: Ir, loc: Loc) -> Ir {
    match ir {
        Ir::Neg(inner, _) => *inner,
        ir => Ir::Neg(Box::new(ir), loc),
    }
}

fn span_or(children: Vec<Span>, loc: Loc) -> Span {
    flat(children, loc, Span::Or, |c| match c {
        Span::Or(v, _) => Ok(v),
        c => Err(c),
    })
}

/// `ADJ/1` between words or phrases of the same exactness is a phrase: the right side starts
/// right after the left one ends, which is what a phrase asks. Folding it lets BRS's
/// `lithium ADJ ion` and patdex's `"lithium ion"` meet.
fn prox(l: Span, op: ProxOp, r: Span, loc: Loc) -> Span {
    if op == ProxOp::Adj(1)
        && let (
            Span::Words {
                pieces: a,
                exact: ea,
                ..
            },
            Span::Words {
                pieces: b,
                exact: eb,
                ..
            },
        ) = (&l, &r)
        && ea == eb
    {
        let mut pieces = a.clone();
        pieces.extend(b.iter().cloned());
        return words_span(pieces, *ea, loc);
    }
    Span::Prox(Box::new(l), op, Box::new(r), loc)
}

/// `=` means nothing for truncated pieces (a pattern matches what it matches), so a word made
/// only of those is not exact.
fn words_span(pieces: Vec<String>, exact: bool, loc: Loc) -> Span {
    let exact = exact && !pieces.iter().all(|p| p.contains(['*', '?']));
    Span::Words { pieces, exact, loc }
}

/// The indexed pieces of a word or phrase, split as `plan` splits them.
fn pieces(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '*' || c == '?'))
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Why a value or tree cannot be lowered; turned into a [`QueryError`] on the right text.
struct Bad {
    loc: Loc,
    message: String,
    hint: String,
}

type Low<T> = Result<T, Box<Bad>>;

fn bad(loc: Loc, message: impl Into<String>, hint: impl Into<String>) -> Box<Bad> {
    Box::new(Bad {
        loc,
        message: message.into(),
        hint: hint.into(),
    })
}

fn query_error(text: &str, b: &Bad) -> QueryError {
    QueryError::new(text, b.loc, &b.message, &b.hint)
}

const CLASS_HINT: &str = "class codes look like H, H01, H01M, H01M10 or H01M10/0525; end with * to truncate (H01M10/05*) or with /low for the groups below (H01M10/052/low)";
const DATE_HINT: &str =
    "dates are YYYY, YYYY-MM or YYYY-MM-DD (also YYYYMMDD), e.g. 2015, 2015-03, 2015-03-17";
const NUMBER_HINT: &str =
    "write numbers like US7654321, US7654321B2, 7654321, D586081 or US20150075015A1";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Text,
    Class,
    Date,
    Number,
    Application,
    Kind,
    Country,
    Lacks,
}

fn kind_of(field: &str) -> Shape {
    match field {
        "cpc" | "ipc" => Shape::Class,
        "pd" | "ad" | "prd" | "exp" => Shape::Date,
        "pn" | "ct" => Shape::Number,
        "an" => Shape::Application,
        "kind" => Shape::Kind,
        "cc" => Shape::Country,
        "lacks" => Shape::Lacks,
        _ => Shape::Text,
    }
}

fn static_field(name: &str) -> Option<&'static str> {
    FIELD_NAMES.iter().copied().find(|f| *f == name)
}

/// A word or phrase under `field`, normalised for its kind.
fn leaf(field: &'static str, text: &str, exact: bool, loc: Loc, floc: Loc) -> Low<Ir> {
    let value = |value: String| {
        Ok(Ir::Value {
            field,
            value,
            loc,
            floc,
        })
    };
    let shown = text.trim();
    match kind_of(field) {
        Shape::Text => Ok(Ir::Text {
            field,
            span: words(text, exact, loc)?,
            loc,
            floc,
        }),
        Shape::Class => match class_value(text) {
            Some(v) => value(v),
            None => Err(bad(
                loc,
                format!("`{shown}` is not a {} code", field.to_uppercase()),
                CLASS_HINT,
            )),
        },
        Shape::Date => match period(shown) {
            Some((lo, hi)) => Ok(Ir::Date {
                field,
                lo: Some(lo),
                hi: Some(hi),
                loc,
                floc,
            }),
            None => Err(bad(loc, format!("`{shown}` is not a date"), DATE_HINT)),
        },
        Shape::Number => match shown.parse::<PubNumber>() {
            Ok(n) => value(n.to_string()),
            Err(e) => Err(bad(
                loc,
                format!("`{shown}` is not a publication number ({})", e.reason),
                NUMBER_HINT,
            )),
        },
        Shape::Application => match application(shown) {
            Some(d) => value(d),
            None => Err(bad(
                loc,
                format!("`{shown}` is not an application number"),
                "write application numbers as digits, e.g. 13349377 or 13/349,377",
            )),
        },
        Shape::Kind => match kind_code(shown) {
            Some(k) => value(k),
            None => Err(bad(
                loc,
                format!("`{shown}` is not a kind"),
                "kinds are kind codes (B1, B2, A1, S1, E) or grant, application, utility, design, plant, reissue",
            )),
        },
        Shape::Country => {
            if shown.len() == 2 && shown.bytes().all(|b| b.is_ascii_alphabetic()) {
                value(shown.to_ascii_uppercase())
            } else {
                Err(bad(
                    loc,
                    format!("`{shown}` is not a two-letter office code"),
                    "offices are written like US, EP, WO, CN",
                ))
            }
        }
        Shape::Lacks => match shown.to_ascii_lowercase().as_str() {
            "abstract" | "ab" => value("abstract".into()),
            "claims" | "claim" | "cl" => value("claims".into()),
            "description" | "desc" => value("description".into()),
            _ => Err(bad(
                loc,
                format!("`{shown}` is not a part a record can lack"),
                "lacks: takes abstract, claims or description",
            )),
        },
    }
}

fn words(text: &str, exact: bool, loc: Loc) -> Low<Span> {
    let pieces = pieces(text);
    if pieces.is_empty() {
        return Err(bad(
            loc,
            format!("`{}` has no letters or digits to search for", text.trim()),
            "search for words; quote operators to search them as words, e.g. \"and\"",
        ));
    }
    if let Some(p) = pieces.iter().find(|p| !p.contains(char::is_alphanumeric)) {
        return Err(bad(
            loc,
            format!("`{p}` truncates nothing"),
            "put at least one letter or digit with * or ?, e.g. batter* or colo?r",
        ));
    }
    Ok(words_span(pieces, exact, loc))
}

fn application(text: &str) -> Option<String> {
    let s: String = text
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let digits = s.strip_prefix("US").unwrap_or(&s);
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.to_string())
}

fn kind_code(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    match lower.as_str() {
        "grant" | "application" | "utility" | "design" | "plant" | "reissue" | "sir" => Some(lower),
        _ if (1..=2).contains(&text.len())
            && text.starts_with(|c: char| c.is_ascii_alphabetic())
            && text[1..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            Some(text.to_ascii_uppercase())
        }
        _ => None,
    }
}

// Class codes, by shape only: the same rules as the query language's (`plan`); the scheme
// itself is `crate::classes`' business.

/// Section, class or subclass: `H`, `H01`, `H01M`.
fn is_level(code: &str) -> bool {
    code.len() <= 4 && crate::index::schema::class_ancestors(code).last() == Some(&code)
}

use super::plan::{is_main_group, valid_class as is_code};

fn is_group(code: &str) -> bool {
    code.contains('/') && is_code(code)
}

/// A class code as written canonically: upper case, no spaces; `*` only where it adds
/// something (`H01M*` is `H01M`, `H01M10/*` is `H01M10`); `/low` only below a main group (at a
/// main group or above, the code already covers everything under it).
fn class_value(text: &str) -> Option<String> {
    let code: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if let Some(c) = code.strip_suffix("/LOW") {
        if !is_code(c) {
            return None;
        }
        return Some(if c.contains('/') {
            format!("{c}/low")
        } else {
            c.to_string()
        });
    }
    if let Some(stem) = code.strip_suffix('*') {
        if is_level(stem) {
            return Some(stem.to_string());
        }
        if let Some(main) = stem.strip_suffix('/')
            && is_main_group(main)
        {
            return Some(main.to_string());
        }
        let ok = stem.starts_with(|c: char| c.is_ascii_uppercase())
            && stem.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'/');
        return ok.then_some(code);
    }
    is_code(&code).then_some(code)
}

// Dates.

/// The first and last day a patdex date covers (the rules of `plan`'s dates).
fn period(text: &str) -> Option<(Date, Date)> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = if digits(text, 8) {
        vec![&text[..4], &text[4..6], &text[6..]]
    } else {
        text.split(['-', '/', '.']).collect()
    };
    let year: i16 = match parts.first() {
        Some(y) if digits(y, 4) => y.parse().ok()?,
        _ => return None,
    };
    if !(1790..=2999).contains(&year) {
        return None;
    }
    let month = |m: &str| -> Option<i8> {
        let v: i8 = m.parse().ok()?;
        (digits(m, m.len()) && (1..=2).contains(&m.len()) && (1..=12).contains(&v)).then_some(v)
    };
    match parts.as_slice() {
        [_] => Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?)),
        [_, m] => {
            let first = Date::new(year, month(m)?, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        [_, m, d] if (1..=2).contains(&d.len()) && digits(d, d.len()) => {
            let day = Date::new(year, month(m)?, d.parse().ok()?).ok()?;
            Some((day, day))
        }
        _ => None,
    }
}

/// A date as the foreign systems write it: also `dd/mm/yyyy`, `dd.mm.yyyy` (Espacenet) and
/// `yyyymm`.
fn foreign_period(text: &str) -> Option<(Date, Date)> {
    let t = text.trim();
    let parts: Vec<&str> = t.split(['/', '.']).collect();
    if let [d, m, y] = parts.as_slice()
        && y.len() == 4
        && d.len() <= 2
        && m.len() <= 2
    {
        return period(&format!("{y}-{m}-{d}"));
    }
    if t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()) {
        return period(&format!("{}-{}", &t[..4], &t[4..]));
    }
    period(t)
}

/// The days `OP date` covers.
fn bounds(op: CmpOp, (start, end): (Date, Date)) -> (Option<Date>, Option<Date>) {
    match op {
        CmpOp::Ge => (Some(start), None),
        CmpOp::Gt => (end.checked_add(1.day()).ok(), None),
        CmpOp::Le => (None, Some(end)),
        CmpOp::Lt => (None, start.checked_sub(1.day()).ok()),
        CmpOp::Eq => (Some(start), Some(end)),
    }
}

fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn compact(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn starts_year(d: Date) -> bool {
    d.month() == 1 && d.day() == 1
}

fn ends_year(d: Date) -> bool {
    d.month() == 12 && d.day() == 31
}

/// A first day in its shortest patdex form: `2015` for 1 January, `2015-03` for a first of the
/// month.
fn coarse_lo(d: Date) -> String {
    if starts_year(d) {
        format!("{:04}", d.year())
    } else if d.day() == 1 {
        format!("{:04}-{:02}", d.year(), d.month())
    } else {
        ymd(d)
    }
}

fn coarse_hi(d: Date) -> String {
    if ends_year(d) {
        format!("{:04}", d.year())
    } else if d == d.last_of_month() {
        format!("{:04}-{:02}", d.year(), d.month())
    } else {
        ymd(d)
    }
}

/// `lo..=hi` as one year, month or day, if it is one.
fn period_text(lo: Date, hi: Date) -> Option<String> {
    if lo == hi {
        Some(ymd(lo))
    } else if lo.year() == hi.year() && starts_year(lo) && ends_year(hi) {
        Some(format!("{:04}", lo.year()))
    } else if lo.year() == hi.year()
        && lo.month() == hi.month()
        && lo.day() == 1
        && hi == hi.last_of_month()
    {
        Some(format!("{:04}-{:02}", lo.year(), lo.month()))
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------------
// patdex → normalised form

/// A patdex query, checked as `patdex search` checks it, then lowered.
fn patdex_ir(text: &str) -> Result<Ir, QueryError> {
    let whole = Loc::new(0, text.len());
    if plan::bare_number(text).is_some()
        && let Ok(n) = text.parse::<PubNumber>()
    {
        return Ok(Ir::Value {
            field: "pn",
            value: n.to_string(),
            loc: whole,
            floc: whole,
        });
    }
    let node = parse::parse(text)?;
    // `/low` below a main group needs an imported scheme to plan; translating needs only its
    // shape, so it is checked without the suffix.
    plan::resolve(text, &strip_low(&node, false))?;
    lower(&node, "txt", node.loc).map_err(|b| query_error(text, &b))
}

/// The tree without `/low` suffixes on class codes.
fn strip_low(node: &Node, class: bool) -> Node {
    let cut = |text: &str| -> String {
        let t = text.trim_end();
        match t.len().checked_sub(4) {
            Some(i) if i > 0 && t.is_char_boundary(i) && t[i..].eq_ignore_ascii_case("/low") => {
                t[..i].to_string()
            }
            _ => text.to_string(),
        }
    };
    let kids = |v: &[Node]| v.iter().map(|c| strip_low(c, class)).collect();
    let kind = match &node.kind {
        NodeKind::Word { text, exact } if class => NodeKind::Word {
            text: cut(text),
            exact: *exact,
        },
        NodeKind::Phrase { text, exact } if class => NodeKind::Phrase {
            text: cut(text),
            exact: *exact,
        },
        NodeKind::And(v) => NodeKind::And(kids(v)),
        NodeKind::Or(v) => NodeKind::Or(kids(v)),
        NodeKind::Not(a, b) => {
            NodeKind::Not(Box::new(strip_low(a, class)), Box::new(strip_low(b, class)))
        }
        NodeKind::Neg(a) => NodeKind::Neg(Box::new(strip_low(a, class))),
        NodeKind::Prox(a, op, b) => NodeKind::Prox(
            Box::new(strip_low(a, class)),
            *op,
            Box::new(strip_low(b, class)),
        ),
        NodeKind::Field {
            name,
            name_loc,
            child,
        } => NodeKind::Field {
            name: name.clone(),
            name_loc: *name_loc,
            child: Box::new(strip_low(child, matches!(name.as_str(), "cpc" | "ipc"))),
        },
        other => other.clone(),
    };
    Node {
        kind,
        loc: node.loc,
    }
}

fn lower(node: &Node, field: &'static str, floc: Loc) -> Low<Ir> {
    let loc = node.loc;
    let all = |v: &[Node]| -> Low<Vec<Ir>> { v.iter().map(|n| lower(n, field, floc)).collect() };
    Ok(match &node.kind {
        NodeKind::Word { text, exact } | NodeKind::Phrase { text, exact } => {
            leaf(field, text, *exact, loc, floc)?
        }
        NodeKind::And(v) => and_ir(all(v)?, loc),
        NodeKind::Or(v) => or_ir(all(v)?, loc),
        NodeKind::Not(a, b) => {
            // The negation's place is `NOT b`, so a loss about it shows the operator.
            let nloc = Loc::new(a.loc.end, b.loc.end);
            and_ir(
                vec![lower(a, field, floc)?, neg_ir(lower(b, field, floc)?, nloc)],
                loc,
            )
        }
        NodeKind::Neg(a) => neg_ir(lower(a, field, floc)?, loc),
        NodeKind::Prox(..) => {
            if kind_of(field) != Shape::Text {
                return Err(bad(
                    loc,
                    format!("proximity operators need a text field, not `{field}:`"),
                    "",
                ));
            }
            Ir::Text {
                field,
                span: span(node)?,
                loc,
                floc,
            }
        }
        NodeKind::Field { name, child, .. } => {
            let f = static_field(name)
                .ok_or_else(|| bad(loc, format!("unknown field `{name}`"), ""))?;
            lower(child, f, loc)?
        }
        NodeKind::Compare {
            name,
            op,
            value,
            value_loc,
        } => {
            let f = static_field(name)
                .filter(|f| kind_of(f) == Shape::Date)
                .ok_or_else(|| bad(loc, format!("`{name}` is not a date field"), ""))?;
            let p = period(value)
                .ok_or_else(|| bad(*value_loc, format!("`{value}` is not a date"), DATE_HINT))?;
            let (lo, hi) = bounds(*op, p);
            Ir::Date {
                field: f,
                lo,
                hi,
                loc,
                floc: loc,
            }
        }
        NodeKind::Range {
            lo,
            lo_loc,
            hi,
            hi_loc,
        } => {
            if kind_of(field) != Shape::Date {
                return Err(bad(loc, format!("`{field}:` takes no range"), ""));
            }
            let end = |text: &str, at: Loc, first: bool| -> Low<Option<Date>> {
                if text == "*" {
                    return Ok(None);
                }
                let (a, b) = period(text)
                    .ok_or_else(|| bad(at, format!("`{text}` is not a date"), DATE_HINT))?;
                Ok(Some(if first { a } else { b }))
            };
            Ir::Date {
                field,
                lo: end(lo, *lo_loc, true)?,
                hi: end(hi, *hi_loc, false)?,
                loc,
                floc,
            }
        }
    })
}

fn span(node: &Node) -> Low<Span> {
    let loc = node.loc;
    match &node.kind {
        NodeKind::Word { text, exact } | NodeKind::Phrase { text, exact } => {
            words(text, *exact, loc)
        }
        NodeKind::Or(v) => Ok(span_or(v.iter().map(span).collect::<Low<_>>()?, loc)),
        NodeKind::Prox(a, op, b) => Ok(prox(span(a)?, *op, span(b)?, loc)),
        _ => Err(bad(loc, "this cannot be a proximity operand", "")),
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

/// A written part. A part all in one field is kept without its field (`field` says which), so
/// a group whose parts share it is written with the field once.
struct Piece {
    /// The text; a compound part is already in parentheses.
    body: String,
    field: Option<&'static str>,
    atomic: bool,
}

impl Piece {
    fn own(body: String) -> Piece {
        Piece {
            body,
            field: None,
            atomic: true,
        }
    }
}

fn common_field(pieces: &[&Piece]) -> Option<&'static str> {
    let f = pieces.first()?.field?;
    pieces.iter().all(|p| p.field == Some(f)).then_some(f)
}

/// The parts of a mixed group, each run of neighbours in one field (other than the default)
/// merged into a part that carries the field once: `ti:(a AND b) AND c`, not
/// `ti:a AND ti:b AND c`.
fn group_runs(pieces: Vec<Piece>, sep: &str, default: impl Fn(Option<&str>) -> bool) -> Vec<Piece> {
    fn flush(run: &mut Vec<Piece>, out: &mut Vec<Piece>, sep: &str) {
        if run.len() >= 2 {
            let field = run[0].field;
            let bodies: Vec<&str> = run.iter().map(|p| p.body.as_str()).collect();
            out.push(Piece {
                body: format!("({})", bodies.join(sep)),
                field,
                atomic: false,
            });
            run.clear();
        } else {
            out.append(run);
        }
    }
    let mut out = Vec::new();
    let mut run: Vec<Piece> = Vec::new();
    for p in pieces {
        let groupable = p.field.is_some() && !default(p.field);
        if groupable && run.first().is_some_and(|r| r.field == p.field) {
            run.push(p);
            continue;
        }
        flush(&mut run, &mut out, sep);
        if groupable {
            run.push(p);
        } else {
            out.push(p);
        }
    }
    flush(&mut run, &mut out, sep);
    out
}

/// `parts` joined by `sep`, in parentheses: a field they all share is left to the whole (and
/// written once); otherwise runs of neighbours in one field are grouped (`default` says which
/// field needs no writing) and each part is written with its field by `full`.
fn join_pieces(
    mut parts: Vec<Piece>,
    sep: &str,
    default: impl Fn(Option<&str>) -> bool,
    full: impl Fn(&Piece) -> String,
) -> Piece {
    if parts.len() == 1 {
        return parts.pop().unwrap_or_else(|| Piece::own(String::new()));
    }
    let common = common_field(&parts.iter().collect::<Vec<_>>());
    if common.is_none() {
        parts = group_runs(parts, sep, default);
    }
    let shown: Vec<String> = parts
        .iter()
        .map(|p| {
            if common.is_some() {
                p.body.clone()
            } else {
                full(p)
            }
        })
        .collect();
    Piece {
        body: format!("({})", shown.join(sep)),
        field: common,
        atomic: false,
    }
}

fn unwrap_parens(body: String) -> String {
    match body.strip_prefix('(').and_then(|b| b.strip_suffix(')')) {
        Some(inner) => inner.to_string(),
        None => body,
    }
}

// The canonical patdex text.

fn patdex_text(ir: &Ir) -> String {
    let p = pd_piece(ir);
    if matches!(p.field, None | Some("txt")) && !p.atomic {
        unwrap_parens(p.body)
    } else {
        pd_full(&p)
    }
}

fn pd_full(p: &Piece) -> String {
    match p.field {
        None | Some("txt") => p.body.clone(),
        Some(f) => format!("{f}:{}", p.body),
    }
}

fn pd_piece(ir: &Ir) -> Piece {
    match ir {
        Ir::Text { field, span, .. } => Piece {
            body: pd_span(span),
            field: Some(field),
            atomic: matches!(span, Span::Words { .. }),
        },
        Ir::Value { field, value, .. } => Piece {
            body: value.clone(),
            field: Some(field),
            atomic: true,
        },
        Ir::Date { field, lo, hi, .. } => match (lo, hi) {
            (Some(a), Some(b)) => match period_text(*a, *b) {
                Some(t) => Piece {
                    body: t,
                    field: Some(field),
                    atomic: true,
                },
                None => Piece::own(format!("{field}:[{} TO {}]", coarse_lo(*a), coarse_hi(*b))),
            },
            (Some(a), None) => Piece::own(format!("{field}>={}", coarse_lo(*a))),
            (None, Some(b)) => Piece::own(format!("{field}<={}", coarse_hi(*b))),
            (None, None) => Piece::own(format!("{field}:[* TO *]")),
        },
        Ir::And(v, _) => pd_join(v, " AND "),
        Ir::Or(v, _) => pd_join(v, " OR "),
        Ir::Neg(c, _) => Piece::own(format!("-{}", pd_full(&pd_piece(c)))),
    }
}

fn pd_join(v: &[Ir], sep: &str) -> Piece {
    let pieces = v.iter().map(pd_piece).collect();
    join_pieces(pieces, sep, |f| matches!(f, None | Some("txt")), pd_full)
}

fn pd_span(span: &Span) -> String {
    match span {
        Span::Words { pieces, exact, .. } => {
            let eq = if *exact { "=" } else { "" };
            match pieces.as_slice() {
                [one] if !is_patdex_operator(one) => format!("{eq}{one}"),
                _ => format!("{eq}\"{}\"", pieces.join(" ")),
            }
        }
        Span::Or(v, _) => format!(
            "({})",
            v.iter().map(pd_span).collect::<Vec<_>>().join(" OR ")
        ),
        Span::Prox(l, op, r, _) => format!("({} {op} {})", pd_span(l), pd_span(r)),
    }
}

fn is_patdex_operator(w: &str) -> bool {
    matches!(w, "AND" | "OR" | "NOT" | "WITH" | "SAME")
        || ["ADJ", "NEAR"].iter().any(|op| {
            w.strip_prefix(op)
                .is_some_and(|rest| rest.bytes().all(|b| b.is_ascii_digit()))
        })
}

fn is_cql_keyword(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "and" | "or" | "not" | "prox" | "all" | "any" | "within" | "adj" | "exact" | "sortby"
    )
}

fn is_brs_operator(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    matches!(l.as_str(), "and" | "or" | "not" | "xor")
        || ["adj", "near", "with", "same"].iter().any(|op| {
            l.strip_prefix(op)
                .is_some_and(|rest| rest.bytes().all(|b| b.is_ascii_digit()))
        })
}

// The foreign writers.

/// The other parts of an OR that a dropped part takes with it.
const WHOLE_OR: &str = "a part of this OR cannot be written, and without it the OR would match every document; the whole OR is left out (the query is broader)";
/// The other parts of a negated group that a dropped part takes with it.
const GROUP_UNDER_NOT: &str = "a part of this group cannot be written, and without it the NOT around the group would exclude everything; the NOT is left out (the query is broader)";

enum Out {
    Piece(Piece),
    /// Dropped where dropping means "every document".
    All,
    /// Dropped where dropping means "no document" (under a negation).
    Nothing,
}

struct Writer<'a> {
    to: System,
    source: &'a str,
    low: &'a dyn Fn(&str, &str) -> Option<Vec<String>>,
    losses: Vec<Loss>,
}

/// A loss on `loc` of `source`, narrowed to its text without surrounding spaces.
fn make_loss(source: &str, loc: Loc, reason: String) -> Loss {
    let start = loc.start.min(source.len());
    let end = loc.end.clamp(start, source.len());
    let text = source.get(start..end).unwrap_or("");
    let lead = text.len() - text.trim_start().len();
    let trimmed = text.trim();
    let loc = Loc::new(start + lead, start + lead + trimmed.len());
    Loss {
        loc,
        source: trimmed.to_string(),
        reason,
    }
}

/// Losses in source order, each once.
fn tidy(mut losses: Vec<Loss>) -> Vec<Loss> {
    losses.sort_by_key(|l| (l.loc.start, l.loc.end));
    let mut out: Vec<Loss> = Vec::new();
    for l in losses {
        if !out.contains(&l) {
            out.push(l);
        }
    }
    out
}

impl Writer<'_> {
    fn lose(&mut self, loc: Loc, reason: impl Into<String>) {
        self.losses.push(make_loss(self.source, loc, reason.into()));
    }

    fn sys(&self) -> &'static str {
        self.to.title()
    }

    fn dropped(positive: bool) -> Out {
        if positive { Out::All } else { Out::Nothing }
    }

    fn is_default(&self, field: Option<&str>) -> bool {
        match field {
            None => true,
            Some(f) => self.to == System::Ppubs && f.is_empty(),
        }
    }

    fn full(&self, p: &Piece) -> String {
        match p.field {
            Some(f) if !self.is_default(Some(f)) => match self.to {
                System::Ppubs => format!("{}.{f}.", p.body),
                _ => format!("{f}={}", p.body),
            },
            _ => p.body.clone(),
        }
    }

    fn top(&mut self, ir: &Ir) -> Result<String, QueryError> {
        match self.write(ir, true) {
            Out::Piece(p) => Ok(if self.is_default(p.field) && !p.atomic {
                unwrap_parens(p.body)
            } else {
                self.full(&p)
            }),
            Out::All | Out::Nothing => {
                let why: Vec<&str> = self.losses.iter().map(|l| l.reason.as_str()).collect();
                Err(QueryError::new(
                    self.source,
                    Loc::new(0, self.source.len()),
                    format!("nothing in this query can be written in {}", self.sys()),
                    if why.is_empty() {
                        "add something to search for".to_string()
                    } else {
                        format!("{}; add something to search for", why.join("; "))
                    },
                ))
            }
        }
    }

    fn lone_negation(&mut self, loc: Loc) {
        let reason = format!(
            "{} writes NOT only between two parts (`a NOT b`), so a negation with nothing to its left cannot be searched; dropped (the query is broader)",
            self.sys()
        );
        self.lose(loc, reason);
    }

    fn write(&mut self, ir: &Ir, positive: bool) -> Out {
        match ir {
            Ir::Text {
                field, span, floc, ..
            } => self.text(field, span, *floc),
            Ir::Value {
                field,
                value,
                loc,
                floc,
            } => self.value(field, value, *loc, *floc, positive),
            Ir::Date {
                field,
                lo,
                hi,
                floc,
                ..
            } => self.date(field, *lo, *hi, *floc, positive),
            Ir::And(v, loc) => {
                let mut pos = Vec::new();
                let mut negs = Vec::new();
                let mut nothing = false;
                for c in v {
                    if let Ir::Neg(inner, nloc) = c {
                        match self.write(inner, !positive) {
                            Out::All => nothing = true,
                            Out::Nothing => {}
                            Out::Piece(p) => negs.push((p, *nloc)),
                        }
                    } else {
                        match self.write(c, positive) {
                            Out::All => {}
                            Out::Nothing => nothing = true,
                            Out::Piece(p) => pos.push(p),
                        }
                    }
                }
                if nothing {
                    if !pos.is_empty() || !negs.is_empty() {
                        self.lose(*loc, GROUP_UNDER_NOT);
                    }
                    return Out::Nothing;
                }
                if pos.is_empty() {
                    if negs.is_empty() {
                        return Out::All;
                    }
                    for (_, nloc) in &negs {
                        self.lone_negation(*nloc);
                    }
                    return Self::dropped(positive);
                }
                let negs = negs.into_iter().map(|(p, _)| p).collect();
                Out::Piece(self.join_and(pos, negs))
            }
            Ir::Or(v, loc) => {
                let mut parts = Vec::new();
                let mut all = false;
                for c in v {
                    if let Ir::Neg(_, nloc) = c {
                        self.lone_negation(*nloc);
                        all |= positive;
                        continue;
                    }
                    match self.write(c, positive) {
                        Out::All => all = true,
                        Out::Nothing => {}
                        Out::Piece(p) => parts.push(p),
                    }
                }
                if all {
                    if !parts.is_empty() {
                        self.lose(*loc, WHOLE_OR);
                    }
                    Out::All
                } else if parts.is_empty() {
                    Out::Nothing
                } else {
                    Out::Piece(self.join(parts, "OR"))
                }
            }
            Ir::Neg(_, loc) => {
                self.lone_negation(*loc);
                Self::dropped(positive)
            }
        }
    }

    fn join(&self, parts: Vec<Piece>, op: &str) -> Piece {
        join_pieces(
            parts,
            &format!(" {op} "),
            |f| self.is_default(f),
            |p| self.full(p),
        )
    }

    /// `(a AND b) NOT c NOT d`: both systems write negation as a binary NOT.
    fn join_and(&self, mut pos: Vec<Piece>, negs: Vec<Piece>) -> Piece {
        if negs.is_empty() {
            return self.join(pos, "AND");
        }
        let common = common_field(&pos.iter().chain(negs.iter()).collect::<Vec<_>>());
        if common.is_none() {
            pos = group_runs(pos, " AND ", |f| self.is_default(f));
        }
        let show = |p: &Piece| {
            if common.is_some() {
                p.body.clone()
            } else {
                self.full(p)
            }
        };
        let mut inner = if pos.len() == 1 {
            show(&pos[0])
        } else {
            format!(
                "({})",
                pos.iter().map(show).collect::<Vec<_>>().join(" AND ")
            )
        };
        for n in &negs {
            inner.push_str(" NOT ");
            inner.push_str(&show(n));
        }
        Piece {
            body: format!("({inner})"),
            field: common,
            atomic: false,
        }
    }

    fn text(&mut self, field: &'static str, span: &Span, floc: Loc) -> Out {
        if field == "icl" {
            let claims = if self.to == System::Ppubs {
                ".clm."
            } else {
                "claims="
            };
            let reason = format!(
                "{} cannot search independent claims only; searched all claims ({claims}), which is broader",
                self.sys()
            );
            self.lose(floc, reason);
        }
        let target: &'static str = match (self.to, field) {
            (System::Ppubs, "ti") => "ti",
            (System::Ppubs, "ab") => "ab",
            (System::Ppubs, "cl" | "icl") => "clm",
            (System::Ppubs, "desc") => "spec",
            (System::Ppubs, "pa") => "as,aanm",
            (System::Ppubs, "in") => "in",
            (System::Ppubs, _) => "",
            (_, "ti") => "ti",
            (_, "ab") => "ab",
            (_, "cl" | "icl") => "claims",
            (_, "desc") => "desc",
            (_, "pa") => "pa",
            (_, "in") => "in",
            // Uncertain: the pocket guide gives ftxt as every text field of the full-text
            // collections (title, abstract, description, claims), which is what txt: searches.
            _ => "ftxt",
        };
        let (body, atomic) = match self.to {
            System::Ppubs => self.pp_span(span),
            _ => self.esp_span(span),
        };
        Out::Piece(Piece {
            body,
            field: Some(target),
            atomic,
        })
    }

    fn esp_span(&mut self, span: &Span) -> (String, bool) {
        match span {
            Span::Words { pieces, exact, loc } => (self.esp_words(pieces, *exact, *loc), true),
            Span::Or(v, _) => {
                let parts: Vec<String> = v.iter().map(|s| self.esp_span(s).0).collect();
                (format!("({})", parts.join(" OR ")), false)
            }
            Span::Prox(l, op, r, loc) => {
                if contains_prox(l) || contains_prox(r) {
                    return (self.esp_nested(l, *op, r, *loc), false);
                }
                let (a, b) = (self.esp_span(l).0, self.esp_span(r).0);
                (format!("({a} {} {b})", esp_op(*op)), false)
            }
        }
    }

    /// Espacenet cannot nest proximity. Every proximity match lies in one paragraph (one
    /// sentence for WITH), so the inner proximity AND its words in the same paragraph as the
    /// other side is a query that finds every match, and a few more.
    fn esp_nested(&mut self, l: &Span, op: ProxOp, r: &Span, loc: Loc) -> String {
        let unit = if op == ProxOp::With {
            "sentence"
        } else {
            "paragraph"
        };
        self.lose(
            loc,
            format!(
                "Espacenet cannot nest proximity operators: written as the inner proximity AND its words in the same {unit} as the other side (prox/unit={unit}), which is broader"
            ),
        );
        let mut parts = Vec::new();
        for side in [l, r] {
            if matches!(side, Span::Prox(..)) {
                parts.push(self.esp_span(side).0);
            }
        }
        let (a, b) = (self.esp_words_of(l), self.esp_words_of(r));
        parts.push(format!("({a} prox/unit={unit} {b})"));
        format!("({})", parts.join(" AND "))
    }

    fn esp_words_of(&mut self, span: &Span) -> String {
        let mut all = Vec::new();
        collect_words(span, &mut all);
        let mut shown: Vec<String> = Vec::new();
        for (pieces, exact, loc) in all {
            let w = self.esp_words(pieces, exact, loc);
            if !shown.contains(&w) {
                shown.push(w);
            }
        }
        if shown.len() == 1 {
            shown.pop().unwrap_or_default()
        } else {
            format!("({})", shown.join(" OR "))
        }
    }

    fn esp_words(&mut self, pieces: &[String], exact: bool, loc: Loc) -> String {
        // Espacenet's `?` is "zero or one character"; `#` is patdex's `?`, exactly one.
        let conv = |p: &String| p.replace('?', "#");
        for p in pieces {
            self.check_truncation(p, loc);
        }
        match pieces {
            [one] if exact || is_cql_keyword(one) => format!("\"{}\"", conv(one)),
            [one] => conv(one),
            _ => {
                if exact {
                    self.lose(
                        loc,
                        "Espacenet has no mark for an exact phrase; written as a plain phrase",
                    );
                }
                format!(
                    "\"{}\"",
                    pieces.iter().map(conv).collect::<Vec<_>>().join(" ")
                )
            }
        }
    }

    fn check_truncation(&mut self, piece: &str, loc: Loc) {
        let wild = |c: char| c == '*' || c == '?';
        if piece.starts_with(wild) {
            self.lose(
                loc,
                "Espacenet does not support left truncation; written as typed, and Espacenet may reject it",
            );
        } else if piece
            .char_indices()
            .any(|(i, c)| wild(c) && piece[i + 1..].starts_with(char::is_alphanumeric))
        {
            self.lose(
                loc,
                "Espacenet allows wildcards only at the end of a word; written as typed (? as #), and Espacenet may reject it",
            );
        }
    }

    fn pp_span(&mut self, span: &Span) -> (String, bool) {
        match span {
            Span::Words { pieces, exact, .. } => {
                let word = |p: &String| {
                    let w = p.replace('*', "$");
                    if (*exact && !p.contains(['*', '?'])) || is_brs_operator(p) {
                        format!("\"{w}\"")
                    } else {
                        w
                    }
                };
                match pieces.as_slice() {
                    [one] => (word(one), true),
                    _ => (
                        format!(
                            "({})",
                            pieces.iter().map(word).collect::<Vec<_>>().join(" ADJ ")
                        ),
                        false,
                    ),
                }
            }
            Span::Or(v, _) => {
                let parts: Vec<String> = v.iter().map(|s| self.pp_span(s).0).collect();
                (format!("({})", parts.join(" OR ")), false)
            }
            Span::Prox(l, op, r, _) => {
                let (a, b) = (self.pp_span(l).0, self.pp_span(r).0);
                (format!("({a} {} {b})", pp_op(*op)), false)
            }
        }
    }

    fn value(
        &mut self,
        field: &'static str,
        value: &str,
        loc: Loc,
        floc: Loc,
        positive: bool,
    ) -> Out {
        let piece = |body: String, f: &'static str| {
            Out::Piece(Piece {
                body,
                field: Some(f),
                atomic: true,
            })
        };
        let sys = self.sys();
        match (self.to, field) {
            (System::Ppubs, "cpc" | "ipc") => Out::Piece(self.pp_class(field, value, loc)),
            (_, "cpc" | "ipc") => piece(value.to_string(), field),
            (System::Ppubs, "pn" | "ct") => {
                let n = value
                    .parse::<PubNumber>()
                    .ok()
                    .filter(|n| n.country == "US");
                match (n, field) {
                    (None, _) => {
                        self.lose(
                            floc,
                            format!("PPUBS holds US documents only, so `{value}` cannot be searched; dropped (the query is broader)"),
                        );
                        Self::dropped(positive)
                    }
                    (Some(n), "ct") => piece(n.number, "urpn"),
                    (Some(n), _) if n.kind.is_empty() => piece(n.number, "pn"),
                    (Some(n), _) => piece(format!("US-{}-{}", n.number, n.kind), "did"),
                }
            }
            (_, "pn") => piece(value.to_string(), "pn"),
            (_, "ct") => piece(value.to_string(), "ct"),
            (System::Ppubs, "an") => piece(value.to_string(), "ap"),
            // Uncertain: Espacenet numbers applications by office and year; a US serial number
            // is written with its office code, which the help calls optional.
            (_, "an") => piece(format!("US{value}"), "ap"),
            (System::Ppubs, "kind") if value.starts_with(|c: char| c.is_ascii_uppercase()) => {
                piece(value.to_string(), "kd")
            }
            (System::Ppubs, "kind") => {
                self.lose(
                    floc,
                    "PPUBS picks grants or applications by database (USPAT, US-PGPUB), not in the query, and has no document-type field; dropped (the query is broader)",
                );
                Self::dropped(positive)
            }
            (_, "kind") => {
                self.lose(
                    floc,
                    "Espacenet has no kind-code or document-type field; dropped (the query is broader)",
                );
                Self::dropped(positive)
            }
            (System::Ppubs, "cc") => {
                self.lose(
                    floc,
                    "PPUBS holds US documents only and has no office field; dropped (the query is broader)",
                );
                Self::dropped(positive)
            }
            // Espacenet finds every document of an office by its code in the number field.
            (_, "cc") => piece(value.to_string(), "pn"),
            _ => {
                self.lose(
                    floc,
                    format!("{sys} cannot ask for records that lack a part; dropped (the query is broader)"),
                );
                Self::dropped(positive)
            }
        }
    }

    /// BRS has no class hierarchy operator: levels are written as truncations, so that
    /// `H01M1` does not also find `H01M10`.
    fn pp_class(&mut self, field: &'static str, value: &str, loc: Loc) -> Piece {
        let one = |body: String| Piece {
            body,
            field: Some(field),
            atomic: true,
        };
        if let Some(code) = value.strip_suffix("/low") {
            return match (self.low)(field, code) {
                Some(codes) => {
                    let mut list: Vec<String> = vec![code.to_string()];
                    for c in codes {
                        let c: String = c
                            .chars()
                            .filter(|c| !c.is_whitespace())
                            .map(|c| c.to_ascii_uppercase())
                            .collect();
                        if !c.is_empty() && !list.contains(&c) {
                            list.push(c);
                        }
                    }
                    if list.len() == 1 {
                        one(code.to_string())
                    } else {
                        Piece {
                            body: format!("({})", list.join(" OR ")),
                            field: Some(field),
                            atomic: false,
                        }
                    }
                }
                None => {
                    self.lose(
                        loc,
                        format!("PPUBS has no /low: searched {code} alone, without the groups below it (the query is narrower)"),
                    );
                    one(code.to_string())
                }
            };
        }
        if let Some(stem) = value.strip_suffix('*') {
            one(format!("{stem}$"))
        } else if is_main_group(value) {
            one(format!("{value}/$"))
        } else if is_level(value) {
            one(format!("{value}$"))
        } else {
            one(value.to_string())
        }
    }

    fn date(
        &mut self,
        field: &'static str,
        lo: Option<Date>,
        hi: Option<Date>,
        loc: Loc,
        positive: bool,
    ) -> Out {
        let sys = self.sys();
        if field == "exp" {
            self.lose(
                loc,
                format!("{sys} has no estimated end-of-term field; dropped (the query is broader)"),
            );
            return Self::dropped(positive);
        }
        if lo.is_none() && hi.is_none() {
            self.lose(
                loc,
                "a range open at both ends matches every dated document; dropped",
            );
            return Self::dropped(positive);
        }
        let body = if self.to == System::Ppubs {
            // Uncertain: PPUBS's priority date field; `@prad` is the BRS priority application
            // date.
            let f = match field {
                "pd" => "pd",
                "ad" => "ad",
                _ => "prad",
            };
            match (lo, hi) {
                (Some(a), Some(b)) if a == b => format!("@{f}={}", compact(a)),
                (Some(a), Some(b)) => format!("@{f}>=\"{}\"<=\"{}\"", compact(a), compact(b)),
                (Some(a), None) => format!("@{f}>={}", compact(a)),
                (None, Some(b)) => format!("@{f}<={}", compact(b)),
                (None, None) => String::new(),
            }
        } else {
            // Uncertain: ad and prd are the application and priority date identifiers of the
            // current Espacenet; the older help documents pd only.
            let lo_s = |d: Date| {
                if starts_year(d) {
                    format!("{:04}", d.year())
                } else {
                    compact(d)
                }
            };
            let hi_s = |d: Date| {
                if ends_year(d) {
                    format!("{:04}", d.year())
                } else {
                    compact(d)
                }
            };
            match (lo, hi) {
                (Some(a), Some(b)) if a == b => format!("{field}={}", compact(a)),
                (Some(a), Some(b)) if a.year() == b.year() && starts_year(a) && ends_year(b) => {
                    format!("{field}={:04}", a.year())
                }
                (Some(a), Some(b)) => format!("{field} within \"{} {}\"", lo_s(a), hi_s(b)),
                (Some(a), None) => format!("{field}>={}", lo_s(a)),
                (None, Some(b)) => format!("{field}<={}", hi_s(b)),
                (None, None) => String::new(),
            }
        };
        Out::Piece(Piece::own(body))
    }
}

fn contains_prox(span: &Span) -> bool {
    match span {
        Span::Words { .. } => false,
        Span::Prox(..) => true,
        Span::Or(v, _) => v.iter().any(contains_prox),
    }
}

fn collect_words<'s>(span: &'s Span, out: &mut Vec<(&'s [String], bool, Loc)>) {
    match span {
        Span::Words { pieces, exact, loc } => out.push((pieces, *exact, *loc)),
        Span::Or(v, _) => v.iter().for_each(|s| collect_words(s, out)),
        Span::Prox(l, _, r, _) => {
            collect_words(l, out);
            collect_words(r, out);
        }
    }
}

/// Espacenet's distance is "fewer than n words apart", read as fewer than n words between the
/// two; patdex's `NEAR/n` allows n−1 words between, so the numbers are the same. (Uncertain:
/// the help gives no example at the boundary; this reading also makes `prox/distance<1` the
/// adjacency its users write for phrases.)
fn esp_op(op: ProxOp) -> String {
    match op {
        ProxOp::Adj(n) => format!("prox/distance<{n}/ordered"),
        ProxOp::Near(n) => format!("prox/distance<{n}"),
        ProxOp::With => "prox/unit=sentence".into(),
        ProxOp::Same => "prox/unit=paragraph".into(),
    }
}

/// BRS `ADJn` is "within n terms, in order": n−1 words between, as patdex's `ADJ/n`.
fn pp_op(op: ProxOp) -> String {
    match op {
        ProxOp::Adj(1) => "ADJ".into(),
        ProxOp::Adj(n) => format!("ADJ{n}"),
        ProxOp::Near(1) => "NEAR".into(),
        ProxOp::Near(n) => format!("NEAR{n}"),
        ProxOp::With => "WITH".into(),
        ProxOp::Same => "SAME".into(),
    }
}

// ---------------------------------------------------------------------------------------------
// Foreign queries → patdex

/// A foreign query as read, before fields are pushed down. Terms carry their text with the
/// wildcards already in patdex's spelling.
#[derive(Debug, Clone)]
enum F {
    Term {
        text: String,
        quoted: bool,
        loc: Loc,
        /// An Espacenet term without a field: Espacenet guesses a date, class or number.
        guess: bool,
    },
    Date {
        field: &'static str,
        lo: Option<Date>,
        hi: Option<Date>,
        loc: Loc,
    },
    Field {
        fields: Vec<&'static str>,
        child: Box<F>,
        loc: Loc,
    },
    And(Vec<F>, Loc),
    Or(Vec<F>, Loc),
    Neg(Box<F>, Loc),
    Prox(Box<F>, ProxOp, Box<F>, Loc),
    /// A part patdex cannot search (its loss is already recorded).
    Drop(Loc),
}

impl F {
    fn loc(&self) -> Loc {
        match self {
            F::Term { loc, .. }
            | F::Date { loc, .. }
            | F::Field { loc, .. }
            | F::And(_, loc)
            | F::Or(_, loc)
            | F::Neg(_, loc)
            | F::Prox(_, _, _, loc)
            | F::Drop(loc) => *loc,
        }
    }
}

fn f_and(a: F, b: F) -> F {
    let loc = a.loc().to(b.loc());
    let mut v = match a {
        F::And(v, _) => v,
        a => vec![a],
    };
    v.push(b);
    F::And(v, loc)
}

fn f_or(a: F, b: F) -> F {
    let loc = a.loc().to(b.loc());
    let mut v = match a {
        F::Or(v, _) => v,
        a => vec![a],
    };
    v.push(b);
    F::Or(v, loc)
}

fn f_not(a: F, b: F, op: Loc) -> F {
    let nloc = op.to(b.loc());
    f_and(a, F::Neg(Box::new(b), nloc))
}

/// The parts of a foreign term's text: fixed text, or a run of optional characters (Espacenet
/// `??`, BRS `$2`) that patdex spells out as alternatives.
enum Seg {
    Lit(String),
    Optional(usize),
}

/// More spelled-out alternatives than this and the optional characters become `*`.
const MAX_VARIANTS: usize = 16;

/// The patdex words a foreign term stands for, and whether the optional characters had to be
/// read as `*`.
fn variants(segs: &[Seg]) -> (Vec<String>, bool) {
    let count = segs.iter().try_fold(1usize, |acc, s| match s {
        Seg::Optional(n) => acc.checked_mul(n + 1),
        Seg::Lit(_) => Some(acc),
    });
    if count.is_none_or(|c| c > MAX_VARIANTS) {
        let text = segs
            .iter()
            .map(|s| match s {
                Seg::Lit(t) => t.clone(),
                Seg::Optional(_) => "*".to_string(),
            })
            .collect();
        return (vec![text], true);
    }
    let mut out = vec![String::new()];
    for s in segs {
        out = match s {
            Seg::Lit(t) => out.into_iter().map(|o| o + t).collect(),
            Seg::Optional(n) => out
                .into_iter()
                .flat_map(|o| (0..=*n).map(move |k| format!("{o}{}", "?".repeat(k))))
                .collect(),
        };
    }
    (out, false)
}

fn term_f(words: Vec<String>, quoted: bool, loc: Loc, guess: bool) -> F {
    let mut terms: Vec<F> = words
        .into_iter()
        .map(|text| F::Term {
            text,
            quoted,
            loc,
            guess,
        })
        .collect();
    if terms.len() == 1 {
        terms.pop().unwrap_or(F::Drop(loc))
    } else {
        F::Or(terms, loc)
    }
}

/// An Espacenet term: `*` any characters, `?` zero or one, `#` exactly one.
fn esp_segments(text: &str) -> Vec<Seg> {
    let mut segs = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '?' => {
                let mut n = 1;
                while chars.next_if_eq(&'?').is_some() {
                    n += 1;
                }
                segs.push(Seg::Optional(n));
            }
            '#' => segs.push(Seg::Lit("?".into())),
            c => segs.push(Seg::Lit(c.to_string())),
        }
    }
    segs
}

/// A BRS term: `$` any characters, `$n` up to n, `?` exactly one.
fn pp_segments(text: &str) -> Vec<Seg> {
    let mut segs = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '$' {
            segs.push(Seg::Lit(c.to_string()));
            continue;
        }
        let mut digits = String::new();
        while let Some(d) = chars.next_if(char::is_ascii_digit) {
            digits.push(d);
        }
        match digits.parse::<usize>() {
            Ok(n) => segs.push(Seg::Optional(n.min(99))),
            Err(_) if digits.is_empty() => segs.push(Seg::Lit("*".into())),
            Err(_) => segs.push(Seg::Optional(99)),
        }
    }
    segs
}

/// Espacenet's guess for a term without a field (its help, "entering queries without field
/// identifiers"): a date goes to pd, a class symbol to cl (CPC or IPC), a publication number to
/// num. A capitalised word would be a name there; patdex searches it as text instead (names are
/// in txt's reach through pa: and in:, but guessing them would take every sentence-initial word).
fn guess(text: &str) -> Option<(Vec<&'static str>, String)> {
    let t = text.trim();
    let upper = t.to_ascii_uppercase();
    if t.len() >= 3 && (is_level(&upper) || is_main_group(&upper) || is_group(&upper)) {
        return Some((vec!["cpc", "ipc"], upper));
    }
    let date_shaped = (t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()))
        || t.split(['-', '/', '.']).count() == 3;
    if date_shaped && let Some((lo, _)) = foreign_period(t) {
        return Some((vec!["pd"], ymd(lo)));
    }
    // Two letters and at least five digits: `CO2` stays a word.
    let b = t.as_bytes();
    let digits = b.iter().skip(2).take_while(|c| c.is_ascii_digit()).count();
    if b.len() >= 7
        && b[..2].iter().all(u8::is_ascii_alphabetic)
        && digits >= 5
        && let Ok(n) = t.parse::<PubNumber>()
    {
        return Some((vec!["pn"], n.to_string()));
    }
    None
}

enum LOut {
    Ir(Ir),
    All,
    Nothing,
}

/// Lowers a foreign query's tree, broadening over parts that were dropped.
struct FLower<'a> {
    q: &'a str,
    losses: Vec<Loss>,
}

/// The fields two sides agree on, if they do: `None` is "whatever the context says".
type Fields = Option<Vec<&'static str>>;

fn merge_fields(a: Fields, b: Fields) -> Result<Fields, ()> {
    match (a, b) {
        (Some(a), Some(b)) if a != b => Err(()),
        (Some(a), _) | (None, Some(a)) => Ok(Some(a)),
        (None, None) => Ok(None),
    }
}

impl FLower<'_> {
    fn lose(&mut self, loc: Loc, reason: impl Into<String>) {
        self.losses.push(make_loss(self.q, loc, reason.into()));
    }

    fn leaf(
        &self,
        field: &'static str,
        text: &str,
        quoted: bool,
        loc: Loc,
    ) -> Result<Ir, QueryError> {
        let exact = quoted && pieces(text).len() == 1;
        leaf(field, text, exact, loc, loc).map_err(|b| query_error(self.q, &b))
    }

    fn lower(&mut self, f: &F, ctx: &[&'static str], positive: bool) -> Result<LOut, QueryError> {
        let dropped = if positive { LOut::All } else { LOut::Nothing };
        Ok(match f {
            F::Term {
                text,
                quoted,
                loc,
                guess: g,
            } => {
                let guessed = if *g && !*quoted && ctx == ["txt"] {
                    guess(text)
                } else {
                    None
                };
                let (fields, text) = guessed.unwrap_or_else(|| (ctx.to_vec(), text.clone()));
                let leaves = fields
                    .into_iter()
                    .map(|field| self.leaf(field, &text, *quoted, *loc))
                    .collect::<Result<Vec<_>, _>>()?;
                LOut::Ir(or_ir(leaves, *loc))
            }
            F::Date { field, lo, hi, loc } => LOut::Ir(Ir::Date {
                field,
                lo: *lo,
                hi: *hi,
                loc: *loc,
                floc: *loc,
            }),
            F::Field { fields, child, .. } => self.lower(child, fields, positive)?,
            F::And(v, loc) => self.lower_group(v, ctx, positive, *loc, true)?,
            F::Or(v, loc) => self.lower_group(v, ctx, positive, *loc, false)?,
            F::Neg(c, loc) => match self.lower(c, ctx, !positive)? {
                LOut::Ir(ir) => LOut::Ir(neg_ir(ir, *loc)),
                LOut::All => LOut::Nothing,
                LOut::Nothing => LOut::All,
            },
            F::Prox(l, op, r, loc) => {
                let sides = match (self.span_of(l)?, self.span_of(r)?) {
                    (Some(a), Some(b)) => Some((a, b)),
                    _ => None,
                };
                if let Some(((lf, ls), (rf, rs))) = sides {
                    let fields = merge_fields(lf, rf)
                        .ok()
                        .map(|f| f.unwrap_or_else(|| ctx.to_vec()))
                        .filter(|fs| fs.iter().all(|f| kind_of(f) == Shape::Text));
                    if let Some(fields) = fields {
                        let span = prox(ls, *op, rs, *loc);
                        let leaves = fields
                            .into_iter()
                            .map(|field| Ir::Text {
                                field,
                                span: span.clone(),
                                loc: *loc,
                                floc: *loc,
                            })
                            .collect();
                        return Ok(LOut::Ir(or_ir(leaves, *loc)));
                    }
                    self.lose(
                        *loc,
                        "patdex proximity needs both sides in the same text field; searched as AND (the query is broader)",
                    );
                } else {
                    self.lose(
                        *loc,
                        "patdex proximity takes words, phrases and OR-groups on each side; searched as AND (the query is broader)",
                    );
                }
                let both = F::And(vec![(**l).clone(), (**r).clone()], *loc);
                self.lower(&both, ctx, positive)?
            }
            F::Drop(_) => dropped,
        })
    }

    /// `f` as a proximity operand, with the fields it names, if it can be one.
    /// An AND (`and`) or an OR of lowered parts. A part that settles the group (one that
    /// matches nothing in an AND, everything in an OR) takes the other parts with it; a part
    /// that matches everything in an AND (nothing in an OR) is left out.
    fn lower_group(
        &mut self,
        v: &[F],
        ctx: &[&'static str],
        positive: bool,
        loc: Loc,
        and: bool,
    ) -> Result<LOut, QueryError> {
        let mut out = Vec::new();
        let mut settled = false;
        for c in v {
            match self.lower(c, ctx, positive)? {
                LOut::Ir(ir) => out.push(ir),
                LOut::All => settled |= !and,
                LOut::Nothing => settled |= and,
            }
        }
        let (settles, empty, reason) = if and {
            (LOut::Nothing, LOut::All, GROUP_UNDER_NOT)
        } else {
            (LOut::All, LOut::Nothing, WHOLE_OR)
        };
        let join = if and { and_ir } else { or_ir };
        Ok(if settled {
            if !out.is_empty() {
                self.lose(loc, reason);
            }
            settles
        } else if out.is_empty() {
            empty
        } else {
            LOut::Ir(join(out, loc))
        })
    }

    fn span_of(&self, f: &F) -> Result<Option<(Fields, Span)>, QueryError> {
        Ok(match f {
            F::Term {
                text, quoted, loc, ..
            } => {
                let exact = *quoted && pieces(text).len() == 1;
                Some((
                    None,
                    words(text, exact, *loc).map_err(|b| query_error(self.q, &b))?,
                ))
            }
            F::Or(v, loc) => {
                let mut fields = None;
                let mut spans = Vec::new();
                for c in v {
                    let Some((cf, s)) = self.span_of(c)? else {
                        return Ok(None);
                    };
                    let Ok(m) = merge_fields(fields, cf) else {
                        return Ok(None);
                    };
                    fields = m;
                    spans.push(s);
                }
                Some((fields, span_or(spans, *loc)))
            }
            F::Prox(l, op, r, loc) => {
                let (Some((lf, ls)), Some((rf, rs))) = (self.span_of(l)?, self.span_of(r)?) else {
                    return Ok(None);
                };
                let Ok(fields) = merge_fields(lf, rf) else {
                    return Ok(None);
                };
                Some((fields, prox(ls, *op, rs, *loc)))
            }
            F::Field { fields, child, .. } => match self.span_of(child)? {
                Some((Some(inner), s)) => Some((Some(inner), s)),
                Some((None, s)) => Some((Some(fields.clone()), s)),
                None => None,
            },
            _ => None,
        })
    }
}

/// The patdex text of a foreign query's tree, checked as `patdex search` would check it.
fn into_patdex(
    q: &str,
    f: &F,
    mut losses: Vec<Loss>,
    from: System,
) -> Result<Translation, QueryError> {
    let mut lw = FLower {
        q,
        losses: Vec::new(),
    };
    let out = lw.lower(f, &["txt"], true)?;
    losses.append(&mut lw.losses);
    let ir = match out {
        LOut::Ir(ir) => ir,
        LOut::All | LOut::Nothing => {
            let why: Vec<&str> = losses.iter().map(|l| l.reason.as_str()).collect();
            return Err(QueryError::new(
                q,
                Loc::new(0, q.len()),
                format!(
                    "nothing in this {} query can be written in patdex",
                    from.title()
                ),
                why.join("; "),
            ));
        }
    };
    let query = patdex_text(&ir);
    let check = parse::parse(&query)
        .and_then(|node| plan::resolve(&query, &strip_low(&node, false)).map(|_| ()));
    if let Err(e) = check {
        return Err(QueryError::new(
            q,
            Loc::new(0, q.len()),
            format!(
                "the translation `{query}` is not a query patdex can run: {}",
                e.message
            ),
            e.hint,
        ));
    }
    Ok(Translation {
        query,
        losses: tidy(losses),
    })
}

/// How deep a foreign query may nest (groups and chained proximity), as for patdex queries.
const MAX_DEPTH: usize = 100;

/// A foreign syntax as the parser machinery both syntaxes share sees it.
trait Syntax {
    type Tok: Clone + PartialEq;
    const EOF: Self::Tok;
    const RPAREN: Self::Tok;
    /// The hint on an empty query: an example.
    const EXAMPLE: &'static str;
    /// The hint on an operator without something on one side.
    const SIDES: &'static str;
    /// The loss when a term's optional characters have too many spellings.
    const TOO_MANY: &'static str;
    fn starts_operand(tok: &Self::Tok) -> bool;
    fn segments(text: &str) -> Vec<Seg>;
}

/// A parser of one foreign syntax: the query, its tokens (the last one the end), where it is,
/// how deep in parentheses, the losses so far, and what that syntax's parser keeps besides.
struct Parser<'a, S: Syntax> {
    q: &'a str,
    toks: Vec<(S::Tok, Loc)>,
    i: usize,
    nesting: usize,
    losses: Vec<Loss>,
    s: S,
}

impl<'a, S: Syntax> Parser<'a, S> {
    /// The whole of `q` as `query` reads it (up to the end or a `)`), and the losses.
    fn read(
        q: &'a str,
        toks: Vec<(S::Tok, Loc)>,
        s: S,
        query: impl FnOnce(&mut Self) -> Result<(F, usize), QueryError>,
    ) -> Result<(F, Vec<Loss>), QueryError> {
        let mut p = Parser {
            q,
            toks,
            i: 0,
            nesting: 0,
            losses: Vec::new(),
            s,
        };
        if p.peek().0 == S::EOF {
            return Err(p.err(Loc::new(0, q.len()), "empty query", S::EXAMPLE));
        }
        let (f, _) = query(&mut p)?;
        match p.bump() {
            (tok, _) if tok == S::EOF => Ok((f, p.losses)),
            (tok, loc) => Err(p.misplaced(&tok, loc)),
        }
    }

    fn err(&self, loc: Loc, message: impl Into<String>, hint: impl Into<String>) -> QueryError {
        QueryError::new(self.q, loc, message, hint)
    }

    fn lose(&mut self, loc: Loc, reason: impl Into<String>) {
        self.losses.push(make_loss(self.q, loc, reason.into()));
    }

    fn text(&self, loc: Loc) -> &str {
        self.q.get(loc.start..loc.end).unwrap_or("")
    }

    fn peek(&self) -> &(S::Tok, Loc) {
        &self.toks[self.i.min(self.toks.len() - 1)]
    }

    fn peek_at(&self, ahead: usize) -> &S::Tok {
        &self.toks[(self.i + ahead).min(self.toks.len() - 1)].0
    }

    fn bump(&mut self) -> (S::Tok, Loc) {
        let t = self.peek().clone();
        if self.i < self.toks.len() - 1 {
            self.i += 1;
        }
        t
    }

    /// A `)` without its `(`, the end where an operand is expected, or another token out of
    /// place.
    fn misplaced(&self, tok: &S::Tok, loc: Loc) -> QueryError {
        if *tok == S::RPAREN {
            self.err(loc, "unmatched `)`", "remove it, or add the `(` it closes")
        } else if *tok == S::EOF {
            self.err(
                loc,
                "the query ends where a word or group is expected",
                "finish the query, or remove the operator at its end",
            )
        } else {
            self.err(loc, format!("unexpected `{}`", self.text(loc)), "")
        }
    }

    /// The operator at `op` has nothing on its `side`.
    fn lacks(&self, op: Loc, side: &str, hint: &str) -> QueryError {
        self.err(
            op,
            format!("`{}` needs something on its {side}", self.text(op)),
            hint,
        )
    }

    fn need_right(&self, op: Loc) -> Result<(), QueryError> {
        if S::starts_operand(&self.peek().0) {
            Ok(())
        } else {
            Err(self.lacks(op, "right", S::SIDES))
        }
    }

    fn too_deep(&self, loc: Loc) -> QueryError {
        self.err(
            loc,
            format!("the query nests more than {MAX_DEPTH} levels deep"),
            "split it into simpler queries",
        )
    }

    /// After the `(` at `open`: what `inner` reads, and the `)`.
    fn group(
        &mut self,
        open: Loc,
        inner: impl FnOnce(&mut Self) -> Result<(F, usize), QueryError>,
    ) -> Result<(F, usize), QueryError> {
        self.nesting += 1;
        if self.nesting > MAX_DEPTH {
            return Err(self.too_deep(open));
        }
        let (tok, close) = self.peek();
        if *tok == S::RPAREN {
            return Err(self.err(
                open.to(*close),
                "empty parentheses `()`",
                "put something between them, or remove them",
            ));
        }
        let (f, d) = inner(self)?;
        if self.bump().0 != S::RPAREN {
            return Err(self.err(
                open,
                "unclosed `(`",
                "add the `)` that closes it, or remove it",
            ));
        }
        self.nesting -= 1;
        Ok((f, d + 1))
    }

    /// A term with its optional characters spelled out.
    fn term(&mut self, text: &str, quoted: bool, loc: Loc, guess: bool) -> F {
        let (words, star) = variants(&S::segments(text));
        if star {
            self.lose(loc, S::TOO_MANY);
        }
        term_f(words, quoted, loc, guess)
    }
}

// Espacenet (CQL).

#[derive(Debug, Clone, PartialEq)]
enum ETok {
    LParen,
    RParen,
    Word(String),
    Quoted(String),
    Rel(&'static str),
    Bool(Bool),
    Prox(EProx),
    Eof,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bool {
    And,
    Or,
    Not,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct EProx {
    distance: Option<(&'static str, u32)>,
    unit: Option<Unit>,
    ordered: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Word,
    Sentence,
    Paragraph,
}

const RELATIONS: [&str; 7] = ["<=", ">=", "<>", "==", "<", ">", "="];

const ESP_FIELDS_HINT: &str = "Espacenet fields patdex reads: ti, ab, ta, claims, desc, ftxt, ctxt, txt, ntxt, nftxt, pa, in, ia, cpc, ipc, cl, cpci, cpca, cpcc, pn, ap, num, pr, ct, pd, ad, prd";

/// A `"…"` string from `at`, with CQL's `\"` and `\\` escapes; the text and where it ends.
fn cql_quoted(q: &str, at: usize) -> Result<(String, usize), QueryError> {
    let mut text = String::new();
    let mut chars = q[at + 1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((text, at + 1 + i + 1)),
            '\\' => {
                if let Some((_, n)) = chars.next() {
                    text.push(n);
                }
            }
            c => text.push(c),
        }
    }
    Err(QueryError::new(
        q,
        Loc::new(at, at + 1),
        "unclosed quote `\"`",
        "close the phrase with another `\"`, e.g. ti=\"mouse trap\"",
    ))
}

fn esp_lex(q: &str) -> Result<Vec<(ETok, Loc)>, QueryError> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = q[i..].chars().next() {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let rest = &q[i..];
        match c {
            '(' => {
                out.push((ETok::LParen, Loc::new(i, i + 1)));
                i += 1;
            }
            ')' => {
                out.push((ETok::RParen, Loc::new(i, i + 1)));
                i += 1;
            }
            '"' => {
                let (text, end) = cql_quoted(q, i)?;
                out.push((ETok::Quoted(text), Loc::new(i, end)));
                i = end;
            }
            '<' | '>' | '=' => {
                let rel = RELATIONS
                    .into_iter()
                    .find(|r| rest.starts_with(r))
                    .unwrap_or("=");
                out.push((ETok::Rel(rel), Loc::new(i, i + rel.len())));
                i += rel.len();
            }
            _ => {
                if let Some((spec, end)) = esp_prox(q, i)? {
                    out.push((ETok::Prox(spec), Loc::new(i, end)));
                    i = end;
                    continue;
                }
                let end = rest
                    .find(|c: char| c.is_whitespace() || "()\"<>=".contains(c))
                    .map_or(q.len(), |n| i + n);
                let w = &q[i..end];
                let tok = match w.to_ascii_lowercase().as_str() {
                    "and" => ETok::Bool(Bool::And),
                    "or" => ETok::Bool(Bool::Or),
                    "not" => ETok::Bool(Bool::Not),
                    _ => ETok::Word(w.to_string()),
                };
                out.push((tok, Loc::new(i, end)));
                i = end;
            }
        }
    }
    out.push((ETok::Eof, Loc::new(q.len(), q.len())));
    Ok(out)
}

/// `prox/distance<3/ordered`, `prox/unit=sentence`: the modifiers and where they end.
fn esp_prox(q: &str, at: usize) -> Result<Option<(EProx, usize)>, QueryError> {
    let rest = &q[at..];
    if !rest
        .get(..4)
        .is_some_and(|s| s.eq_ignore_ascii_case("prox"))
    {
        return Ok(None);
    }
    match rest[4..].chars().next() {
        None | Some('/' | '(' | ')' | '"') => {}
        Some(c) if c.is_whitespace() => {}
        Some(_) => return Ok(None),
    }
    let hint = "Espacenet proximity is prox/distance<n, prox/distance<n/ordered, prox/unit=sentence or prox/unit=paragraph";
    let mut spec = EProx::default();
    let mut pos = at + 4;
    while q[pos..].starts_with('/') {
        let start = pos;
        pos += 1;
        let name_len = q[pos..].bytes().take_while(u8::is_ascii_alphabetic).count();
        let name = q[pos..pos + name_len].to_ascii_lowercase();
        pos += name_len;
        let rel = ["<=", ">=", "==", "<", ">", "="]
            .into_iter()
            .find(|r| q[pos..].starts_with(r));
        pos += rel.map_or(0, str::len);
        let value_len = q[pos..]
            .bytes()
            .take_while(u8::is_ascii_alphanumeric)
            .count();
        let value = q[pos..pos + value_len].to_ascii_lowercase();
        pos += value_len;
        let text = &q[start..pos];
        let fail = |message: String| Err(QueryError::new(q, Loc::new(start, pos), message, hint));
        match (name.as_str(), rel) {
            ("distance", Some(r)) => {
                if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                    return fail(format!("`{text}`: the distance must be a number"));
                }
                let n = value.parse::<u32>().unwrap_or(u32::MAX);
                spec.distance = Some((if r == "==" { "=" } else { r }, n));
            }
            ("unit", Some("=" | "==")) => {
                spec.unit = Some(match value.as_str() {
                    "word" => Unit::Word,
                    "sentence" => Unit::Sentence,
                    "paragraph" => Unit::Paragraph,
                    _ => return fail(format!("`{text}`: the unit is word, sentence or paragraph")),
                });
            }
            ("ordered", None) if value.is_empty() => spec.ordered = true,
            ("unordered", None) if value.is_empty() => spec.ordered = false,
            _ => return fail(format!("unknown proximity modifier `{text}`")),
        }
    }
    Ok(Some((spec, pos)))
}

/// What an Espacenet field identifier is in patdex.
enum EField {
    Text(&'static [&'static str]),
    Class(&'static [&'static str], Option<&'static str>),
    Date(&'static str),
    Pn,
    Ct,
    App,
    Num,
    Drop(&'static str),
}

fn esp_field(name: &str) -> Option<EField> {
    Some(match name {
        "ti" => EField::Text(&["ti"]),
        "ab" => EField::Text(&["ab"]),
        "ta" => EField::Text(&["ti", "ab"]),
        "claims" => EField::Text(&["cl"]),
        "desc" => EField::Text(&["desc"]),
        // Uncertain: ftxt in the pocket guide is every text field (title, abstract, description,
        // claims); the older help's extftxt is the same set.
        "ftxt" | "extftxt" => EField::Text(&["txt"]),
        // Uncertain: ctxt, "title, abstract or claims" in the pocket guide.
        "ctxt" => EField::Text(&["ti", "ab", "cl"]),
        // txt (older help) and ntxt: title, abstract, inventor and applicant.
        "txt" | "ntxt" => EField::Text(&["ti", "ab", "pa", "in"]),
        "nftxt" => EField::Text(&["txt", "pa", "in"]),
        "pa" => EField::Text(&["pa"]),
        "in" => EField::Text(&["in"]),
        "ia" => EField::Text(&["pa", "in"]),
        "cpc" => EField::Class(&["cpc"], None),
        "ipc" => EField::Class(&["ipc"], None),
        "cl" => EField::Class(&["cpc", "ipc"], None),
        "cpci" | "cpca" => EField::Class(
            &["cpc"],
            Some(
                "patdex does not tell inventive from additional CPC symbols; searched every CPC symbol (the query is broader)",
            ),
        ),
        "cpcc" => EField::Class(
            &["cpc"],
            Some(
                "patdex has no CPC combination sets; searched as plain CPC symbols (the query is broader)",
            ),
        ),
        "pd" => EField::Date("pd"),
        "ad" => EField::Date("ad"),
        "prd" => EField::Date("prd"),
        "pn" => EField::Pn,
        "ct" => EField::Ct,
        "ap" => EField::App,
        "num" => EField::Num,
        "pr" => EField::Drop("patdex has no priority-number field; dropped (the query is broader)"),
        _ => return None,
    })
}

enum EValue {
    Text(String, bool),
    Group(F),
}

/// Espacenet's syntax, and what its parser keeps besides the shared state.
struct Esp {
    /// Inside `field=( … )`: terms there belong to the field and are not guessed.
    in_field: usize,
}

impl Syntax for Esp {
    type Tok = ETok;
    const EOF: ETok = ETok::Eof;
    const RPAREN: ETok = ETok::RParen;
    const EXAMPLE: &'static str = "type an Espacenet query, e.g. ti=\"mouse trap\" AND pd>=2010";
    const SIDES: &'static str =
        "put a word, a field=value or a (group) on both sides, e.g. ti=rotor AND ti=blade";
    const TOO_MANY: &'static str =
        "too many spellings for the optional characters (?); read as * (the query is broader)";

    fn starts_operand(tok: &ETok) -> bool {
        matches!(tok, ETok::LParen | ETok::Word(_) | ETok::Quoted(_))
    }

    fn segments(text: &str) -> Vec<Seg> {
        esp_segments(text)
    }
}

impl Parser<'_, Esp> {
    fn run(q: &str) -> Result<(F, Vec<Loss>), QueryError> {
        Parser::read(q, esp_lex(q)?, Esp { in_field: 0 }, |p| p.query())
    }

    /// Clauses joined left to right: CQL gives no operator precedence ("left has precedence
    /// over right"), and two clauses side by side are joined by AND.
    fn query(&mut self) -> Result<(F, usize), QueryError> {
        let (mut left, mut depth) = self.clause()?;
        loop {
            let (tok, loc) = self.peek().clone();
            match tok {
                ETok::Eof | ETok::RParen => break,
                ETok::Rel(r) => {
                    return Err(self.err(
                        loc,
                        format!("unexpected `{r}`"),
                        "a relation goes between a field and its value: ti=rotor, pd>=2010",
                    ));
                }
                ETok::Bool(b) => {
                    self.bump();
                    self.need_right(loc)?;
                    let (right, d) = self.clause()?;
                    depth = depth.max(d + 1);
                    left = match b {
                        Bool::And => f_and(left, right),
                        Bool::Or => f_or(left, right),
                        Bool::Not => f_not(left, right, loc),
                    };
                }
                ETok::Prox(spec) => {
                    self.bump();
                    self.need_right(loc)?;
                    let (right, d) = self.clause()?;
                    depth = depth.max(d) + 1;
                    if depth > MAX_DEPTH {
                        return Err(self.too_deep(loc));
                    }
                    left = self.prox(left, spec, loc, right)?;
                }
                _ => {
                    let (right, d) = self.clause()?;
                    depth = depth.max(d + 1);
                    left = f_and(left, right);
                }
            }
        }
        Ok((left, depth))
    }

    fn clause(&mut self) -> Result<(F, usize), QueryError> {
        let (tok, loc) = self.bump();
        match tok {
            ETok::LParen => self.group(loc, |p| p.query()),
            ETok::Word(w) => {
                let named = matches!(self.peek_at(0), ETok::Word(n)
                    if ["all", "any", "within", "adj", "exact"].contains(&n.to_ascii_lowercase().as_str()))
                    && matches!(
                        self.peek_at(1),
                        ETok::Word(_) | ETok::Quoted(_) | ETok::LParen
                    );
                if matches!(self.peek().0, ETok::Rel(_)) || named {
                    return self.index_clause(&w, loc);
                }
                let guess = self.s.in_field == 0;
                Ok((self.term(&w, false, loc, guess), 1))
            }
            ETok::Quoted(s) => Ok((self.term(&s, true, loc, false), 1)),
            ETok::Bool(_) | ETok::Prox(_) => Err(self.lacks(loc, "left", Esp::SIDES)),
            ETok::Rel(r) => Err(self.err(
                loc,
                format!("`{r}` needs a field on its left"),
                "write field, relation and value together: ti=rotor, pd>=2010",
            )),
            tok @ (ETok::RParen | ETok::Eof) => Err(self.misplaced(&tok, loc)),
        }
    }

    fn index_clause(&mut self, name: &str, name_loc: Loc) -> Result<(F, usize), QueryError> {
        let field = name.to_ascii_lowercase();
        let Some(spec) = esp_field(&field) else {
            return Err(self.err(
                name_loc,
                format!("unknown Espacenet field `{name}`"),
                ESP_FIELDS_HINT,
            ));
        };
        let (rel_tok, rel_loc) = self.bump();
        let rel = match rel_tok {
            ETok::Rel(r) => r.to_string(),
            ETok::Word(w) => w.to_ascii_lowercase(),
            _ => String::new(),
        };
        let (vtok, vloc) = self.bump();
        let (value, mut depth) = match vtok {
            ETok::Word(w) => (EValue::Text(w, false), 1),
            ETok::Quoted(s) => (EValue::Text(s, true), 1),
            ETok::LParen => {
                self.s.in_field += 1;
                let (f, d) = self.group(vloc, |p| p.query())?;
                self.s.in_field -= 1;
                (EValue::Group(f), d)
            }
            _ => {
                return Err(self.err(
                    name_loc.to(rel_loc),
                    format!("`{}` needs a value", self.text(name_loc.to(rel_loc))),
                    "write the value right after the relation: ti=rotor, ti=\"rotor blade\", pd>=2010",
                ));
            }
        };
        let end = self.toks[self.i.saturating_sub(1)].1;
        let loc = name_loc.to(end);
        let vloc = vloc.to(end);
        depth += 1;
        let wrong_rel = |p: &Self, what: &str| {
            p.err(
                rel_loc,
                format!("`{name} {rel}` is not a search Espacenet knows"),
                what.to_string(),
            )
        };
        let field_of = |fields: &[&'static str], child: F| F::Field {
            fields: fields.to_vec(),
            child: Box::new(child),
            loc,
        };
        let f = match spec {
            EField::Text(fields) => {
                self.words_value(fields, &rel, rel_loc, value, vloc, loc, name)?
            }
            EField::Class(fields, loss) => {
                if let Some(reason) = loss {
                    self.lose(loc, reason);
                }
                self.words_value(fields, &rel, rel_loc, value, vloc, loc, name)?
            }
            EField::Date(df) => {
                let EValue::Text(text, _) = value else {
                    return Err(self.err(
                        vloc,
                        "dates take no group",
                        "write pd within \"2010 2015\" or pd>=2010",
                    ));
                };
                self.date_value(df, &rel, &text, vloc, loc)
                    .ok_or_else(|| wrong_rel(self, "dates take =, within, <, <=, >, >= or <>: pd=2015, pd within \"2010 2015\", pd>=20100101"))??
            }
            EField::Pn | EField::Ct | EField::Num | EField::App => {
                if !matches!(rel.as_str(), "=" | "==") {
                    return Err(wrong_rel(self, "numbers take =: pn=EP1000000"));
                }
                let child = match value {
                    EValue::Text(t, q) => self.term(&t, q, vloc, false),
                    EValue::Group(g) => g,
                };
                match spec {
                    EField::Ct => field_of(&["ct"], child),
                    EField::Num => {
                        self.lose(
                            loc,
                            "patdex searches num (publication, application and priority numbers) as a publication number only (the query is narrower)",
                        );
                        field_of(&["pn"], child)
                    }
                    EField::App => {
                        let us = |t: &str| {
                            let t = t.trim().to_ascii_uppercase();
                            t.starts_with("US") || t.starts_with(|c: char| c.is_ascii_digit())
                        };
                        match &child {
                            F::Term { text, .. } if !us(text) => {
                                self.lose(
                                    loc,
                                    "patdex application numbers are US serial numbers; dropped (the query is broader)",
                                );
                                F::Drop(loc)
                            }
                            _ => field_of(&["an"], child),
                        }
                    }
                    _ => match &child {
                        // An office code alone finds every document of that office.
                        F::Term { text, .. }
                            if text.len() == 2 && text.bytes().all(|b| b.is_ascii_alphabetic()) =>
                        {
                            field_of(&["cc"], child)
                        }
                        _ => field_of(&["pn"], child),
                    },
                }
            }
            EField::Drop(reason) => {
                self.lose(loc, reason);
                F::Drop(loc)
            }
        };
        Ok((f, depth))
    }

    /// `field=word`, `field="a phrase"`, `field=(…)`, `field all "a b"`, `field any "a b"`.
    #[allow(clippy::too_many_arguments)]
    fn words_value(
        &mut self,
        fields: &[&'static str],
        rel: &str,
        rel_loc: Loc,
        value: EValue,
        vloc: Loc,
        loc: Loc,
        name: &str,
    ) -> Result<F, QueryError> {
        let child = match (rel, value) {
            ("=" | "==" | "adj" | "exact", EValue::Text(t, q)) => self.term(&t, q, vloc, false),
            ("=" | "==", EValue::Group(g)) => g,
            ("all" | "any", EValue::Text(t, _)) => {
                let terms: Vec<F> = t
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .filter(|w| !w.is_empty())
                    .map(|w| self.term(w, false, vloc, false))
                    .collect();
                if terms.is_empty() {
                    return Err(self.err(
                        vloc,
                        format!("`{name} {rel}` needs words"),
                        "e.g. ti all \"paint brush hair\"",
                    ));
                }
                if rel == "all" {
                    F::And(terms, vloc)
                } else {
                    F::Or(terms, vloc)
                }
            }
            _ => {
                return Err(self.err(
                    rel_loc,
                    format!("`{name} {rel}` is not a search Espacenet knows"),
                    "text and class fields take =, all or any: ti=rotor, ti all \"rotor blade\", cpc=H01M10/0525/low",
                ));
            }
        };
        Ok(F::Field {
            fields: fields.to_vec(),
            child: Box::new(child),
            loc,
        })
    }

    /// `None` for a relation dates do not take.
    fn date_value(
        &mut self,
        field: &'static str,
        rel: &str,
        text: &str,
        vloc: Loc,
        loc: Loc,
    ) -> Option<Result<F, QueryError>> {
        let day = |t: &str| {
            foreign_period(t).ok_or_else(|| {
                self.err(
                    vloc,
                    format!("`{t}` is not a date"),
                    "Espacenet dates are yyyy, yyyymmdd, yyyy-mm-dd, dd/mm/yyyy or dd.mm.yyyy",
                )
            })
        };
        let parts: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|p| !p.is_empty())
            .collect();
        let date = |lo, hi| F::Date { field, lo, hi, loc };
        let op = match rel {
            "<" => CmpOp::Lt,
            "<=" => CmpOp::Le,
            ">" => CmpOp::Gt,
            ">=" => CmpOp::Ge,
            "=" | "==" | "within" | "<>" => CmpOp::Eq,
            _ => return None,
        };
        Some((|| {
            let (lo, hi) = match (op, parts.as_slice()) {
                (CmpOp::Eq, [a, b]) => (Some(day(a)?.0), Some(day(b)?.1)),
                (_, [a]) => bounds(op, day(a)?),
                _ => {
                    return Err(self.err(
                        vloc,
                        format!("`{text}` is not a date or a pair of dates"),
                        "write pd=2015, pd within \"2010 2015\" or pd>=20100101",
                    ));
                }
            };
            Ok(if rel == "<>" {
                F::Neg(Box::new(date(lo, hi)), loc)
            } else {
                date(lo, hi)
            })
        })())
    }

    fn prox(&mut self, left: F, spec: EProx, loc: Loc, right: F) -> Result<F, QueryError> {
        let all = left.loc().to(right.loc());
        let op = match spec.unit {
            Some(unit @ (Unit::Sentence | Unit::Paragraph)) => {
                if spec.ordered || spec.distance.is_some() {
                    self.lose(
                        loc,
                        "patdex WITH and SAME take no order or distance; searched in the same sentence or paragraph, in any order (the query is broader)",
                    );
                }
                if unit == Unit::Sentence {
                    ProxOp::With
                } else {
                    ProxOp::Same
                }
            }
            _ => {
                // Uncertain: with no distance, CQL's default proximity is adjacency, which
                // matches the help's `ia=Apple prox/ordered ia=Corp` finding "Apple Corp".
                let n = match spec.distance {
                    None => 1,
                    Some(("<", n)) => n,
                    Some(("<=", n)) => n.saturating_add(1),
                    Some(("=", n)) => {
                        self.lose(
                            loc,
                            format!("patdex has no exact distance; searched within {n} words between (the query is broader)"),
                        );
                        n.saturating_add(1)
                    }
                    Some(_) => {
                        self.lose(
                            loc,
                            "patdex has no minimum distance; searched as AND (the query is broader)",
                        );
                        return Ok(F::And(vec![left, right], all));
                    }
                };
                if n == 0 || n > 10_000 {
                    return Err(self.err(
                        loc,
                        format!("`{}`: patdex distances run from 1 to 10000", self.text(loc)),
                        "prox/distance<3 finds words fewer than 3 words apart",
                    ));
                }
                if spec.ordered {
                    ProxOp::Adj(n)
                } else {
                    ProxOp::Near(n)
                }
            }
        };
        Ok(F::Prox(Box::new(left), op, Box::new(right), all))
    }
}

// Patent Public Search (BRS).

#[derive(Debug, Clone, PartialEq)]
enum PTok {
    LParen,
    RParen,
    Term {
        text: String,
        quoted: bool,
    },
    /// `.ti.`, `.ti,ab.` or `[ti]` after a term or group: the field names inside.
    Suffix(String),
    Op(POp),
    /// `@pd>="20100101"<="20151231"`: the field and each comparison.
    At(String, Vec<(&'static str, String, Loc)>),
    Eof,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum POp {
    And,
    Or,
    Not,
    Xor,
    Prox(PProx, Option<u32>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PProx {
    Adj,
    Near,
    With,
    Same,
}

fn pp_operator(word: &str) -> Option<POp> {
    let l = word.to_ascii_lowercase();
    match l.as_str() {
        "and" => return Some(POp::And),
        "or" => return Some(POp::Or),
        "not" => return Some(POp::Not),
        "xor" => return Some(POp::Xor),
        _ => {}
    }
    for (name, kind) in [
        ("adj", PProx::Adj),
        ("near", PProx::Near),
        ("with", PProx::With),
        ("same", PProx::Same),
    ] {
        if let Some(rest) = l.strip_prefix(name)
            && rest.bytes().all(|b| b.is_ascii_digit())
        {
            let n = if rest.is_empty() {
                None
            } else {
                Some(rest.parse::<u32>().unwrap_or(u32::MAX))
            };
            return Some(POp::Prox(kind, n));
        }
    }
    None
}

/// A word's trailing field suffix: `radar.ti.` or `radar[ti]`.
fn split_suffix(word: &str) -> (&str, Option<(&str, usize)>) {
    if let Some(inner) = word.strip_suffix(']')
        && let Some(open) = inner.rfind('[')
    {
        return (&word[..open], Some((&inner[open + 1..], open)));
    }
    if let Some(inner) = word.strip_suffix('.')
        && let Some(dot) = inner.rfind('.')
    {
        let names = &inner[dot + 1..];
        if !names.is_empty() && names.bytes().all(|b| b.is_ascii_alphabetic() || b == b',') {
            return (&word[..dot], Some((names, dot)));
        }
    }
    (word, None)
}

/// A `"…"` string from `at` (BRS has no escapes): the text and where it ends; `hint` if it is
/// not closed.
fn brs_quoted(q: &str, at: usize, hint: &str) -> Result<(String, usize), QueryError> {
    let Some(len) = q[at + 1..].find('"') else {
        return Err(QueryError::new(
            q,
            Loc::new(at, at + 1),
            "unclosed quote `\"`",
            hint,
        ));
    };
    Ok((q[at + 1..at + 1 + len].to_string(), at + 1 + len + 1))
}

fn pp_lex(q: &str) -> Result<Vec<(PTok, Loc)>, QueryError> {
    let mut out = Vec::new();
    let mut i = 0;
    let stop = |c: char| c.is_whitespace() || "()\"".contains(c);
    // A suffix glued to what ends at `at` (`)` or a closing quote).
    let glued = |at: usize, out: &mut Vec<(PTok, Loc)>| -> Result<usize, QueryError> {
        if !q[at..].starts_with(['.', '[']) {
            return Ok(at);
        }
        let end = q[at..].find(stop).map_or(q.len(), |n| at + n);
        match split_suffix(&q[at..end]) {
            ("", Some((names, _))) => {
                out.push((PTok::Suffix(names.to_string()), Loc::new(at, end)));
                Ok(end)
            }
            _ => Err(QueryError::new(
                q,
                Loc::new(at, end),
                format!("unexpected `{}`", &q[at..end]),
                "a field suffix is written .ti. or [ti], right after a word or `)`",
            )),
        }
    };
    while let Some(c) = q[i..].chars().next() {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        match c {
            '(' => {
                out.push((PTok::LParen, Loc::new(i, i + 1)));
                i += 1;
            }
            ')' => {
                out.push((PTok::RParen, Loc::new(i, i + 1)));
                i = glued(i + 1, &mut out)?;
            }
            '"' => {
                let (text, end) = brs_quoted(q, i, "close it with another `\"`")?;
                let quoted = true;
                out.push((PTok::Term { text, quoted }, Loc::new(i, end)));
                i = glued(end, &mut out)?;
            }
            '@' => {
                let (tok, end) = pp_at(q, i)?;
                out.push((tok, Loc::new(i, end)));
                i = end;
            }
            _ => {
                let end = q[i..].find(stop).map_or(q.len(), |n| i + n);
                let word = &q[i..end];
                match split_suffix(word) {
                    ("", Some((names, _))) => {
                        out.push((PTok::Suffix(names.to_string()), Loc::new(i, end)));
                    }
                    (base, Some((names, at))) => {
                        out.push((
                            PTok::Term {
                                text: base.to_string(),
                                quoted: false,
                            },
                            Loc::new(i, i + base.len()),
                        ));
                        out.push((PTok::Suffix(names.to_string()), Loc::new(i + at, end)));
                    }
                    (base, None) => {
                        let tok = match pp_operator(base) {
                            Some(op) => PTok::Op(op),
                            None => PTok::Term {
                                text: base.to_string(),
                                quoted: false,
                            },
                        };
                        out.push((tok, Loc::new(i, end)));
                    }
                }
                i = end;
            }
        }
    }
    out.push((PTok::Eof, Loc::new(q.len(), q.len())));
    Ok(out)
}

/// `@pd>=20100101`, `@pd>="20100101"<="20151231"`, `@ad=20110811`.
fn pp_at(q: &str, at: usize) -> Result<(PTok, usize), QueryError> {
    let mut pos = at + 1;
    let name_len = q[pos..].bytes().take_while(u8::is_ascii_alphabetic).count();
    let name = q[pos..pos + name_len].to_ascii_lowercase();
    pos += name_len;
    let mut cons = Vec::new();
    while let Some(rel) = RELATIONS.into_iter().find(|r| q[pos..].starts_with(r)) {
        pos += rel.len();
        let vstart = pos;
        let value = if q[pos..].starts_with('"') {
            let (v, end) = brs_quoted(q, pos, "close the date with another `\"`")?;
            pos = end;
            v
        } else {
            let len = q[pos..]
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'/' | b'.'))
                .count();
            let v = q[pos..pos + len].to_string();
            pos += len;
            v
        };
        cons.push((rel, value, Loc::new(vstart, pos)));
    }
    if name.is_empty() || cons.is_empty() {
        return Err(QueryError::new(
            q,
            Loc::new(at, pos.max(at + 1)),
            format!("`{}` is not a date search", &q[at..pos.max(at + 1)]),
            "PPUBS dates are written @pd>=20100101 or @pd>=\"20100101\"<=\"20151231\"",
        ));
    }
    Ok((PTok::At(name, cons), pos))
}

/// What a PPUBS field suffix is in patdex.
enum PField {
    Fields(&'static [&'static str], Option<&'static str>),
    Drop(&'static str),
}

fn pp_field(name: &str) -> Option<PField> {
    use PField::Fields;
    Some(match name {
        "ti" | "ttl" => Fields(&["ti"], None),
        "ab" | "abst" => Fields(&["ab"], None),
        "clm" | "clms" | "aclm" => Fields(&["cl"], None),
        "spec" => Fields(&["desc"], None),
        "bsum" | "detd" | "drwd" => Fields(
            &["desc"],
            Some(
                "patdex searches the whole description, not one section of it (the query is broader)",
            ),
        ),
        "in" | "inv" | "innm" => Fields(&["in"], None),
        "as" | "asnm" | "aanm" => Fields(&["pa"], None),
        "cpc" => Fields(&["cpc"], None),
        "cpci" | "cpca" => Fields(
            &["cpc"],
            Some(
                "patdex does not tell inventive from additional CPC symbols; searched every CPC symbol (the query is broader)",
            ),
        ),
        "ipc" => Fields(&["ipc"], None),
        "pn" | "did" => Fields(&["pn"], None),
        "ap" | "apn" => Fields(&["an"], None),
        "urpn" => Fields(&["ct"], None),
        "kd" => Fields(&["kind"], None),
        "pd" | "py" => Fields(&["pd"], None),
        "ad" | "fd" | "ay" | "fy" => Fields(&["ad"], None),
        "prad" => Fields(&["prd"], None),
        "ccls" | "clas" | "uspc" => PField::Drop(
            "patdex has no US classification (USPC) field; dropped (the query is broader)",
        ),
        _ => return None,
    })
}

const PP_FIELDS_HINT: &str = "PPUBS fields patdex reads: ti, ab, clm, spec, bsum, detd, in, as, aanm, cpc, ipc, pn, did, ap, urpn, kd, py, pd, ay, ad, fd, prad, ccls";

/// PPUBS's syntax, and what its parser keeps besides the shared state.
struct Pp {
    /// An operator was left out somewhere (reported once).
    implicit: bool,
}

impl Syntax for Pp {
    type Tok = PTok;
    const EOF: PTok = PTok::Eof;
    const RPAREN: PTok = PTok::RParen;
    const EXAMPLE: &'static str =
        "type a PPUBS query, e.g. (rotor ADJ blade).ti. AND @pd>=20100101";
    const SIDES: &'static str = "put a word or a (group) on both sides, e.g. rotor ADJ blade";
    const TOO_MANY: &'static str =
        "too many spellings for $n; read as $ (any characters; the query is broader)";

    fn starts_operand(tok: &PTok) -> bool {
        matches!(tok, PTok::LParen | PTok::Term { .. } | PTok::At(..))
    }

    fn segments(text: &str) -> Vec<Seg> {
        pp_segments(text)
    }
}

// Binding levels, loosest first, as in BRS (and patdex, which takes its order from BRS).
const P_NOT: u8 = 0;
const P_OR: u8 = 1;
const P_AND: u8 = 2;
const P_SAME: u8 = 3;
const P_WITH: u8 = 4;
const P_ADJ: u8 = 5;

impl Parser<'_, Pp> {
    fn run(q: &str) -> Result<(F, Vec<Loss>), QueryError> {
        Parser::read(q, pp_lex(q)?, Pp { implicit: false }, |p| p.expr(P_NOT))
    }

    fn level_of(op: POp) -> u8 {
        match op {
            POp::Not | POp::Xor => P_NOT,
            POp::Or => P_OR,
            POp::And => P_AND,
            POp::Prox(PProx::Same, _) => P_SAME,
            POp::Prox(PProx::With, _) => P_WITH,
            POp::Prox(PProx::Adj | PProx::Near, _) => P_ADJ,
        }
    }

    fn expr(&mut self, level: u8) -> Result<(F, usize), QueryError> {
        if level > P_ADJ {
            return self.primary();
        }
        let (mut left, mut depth) = self.expr(level + 1)?;
        loop {
            let (tok, loc) = self.peek().clone();
            let op = match tok {
                PTok::Op(op) if Self::level_of(op) == level => op,
                t if level == P_OR && Pp::starts_operand(&t) => {
                    // PPUBS joins terms without an operator with its Default operator setting,
                    // OR unless the searcher changed it.
                    let (right, d) = self.expr(level + 1)?;
                    depth = depth.max(d + 1);
                    // Once: every gap has the same cause.
                    if !self.s.implicit {
                        self.s.implicit = true;
                        self.lose(
                            right.loc(),
                            "no operator before this part (or other parts side by side): PPUBS joins them with its Default operator setting, OR unless changed; read as OR",
                        );
                    }
                    left = f_or(left, right);
                    continue;
                }
                _ => break,
            };
            self.bump();
            // `x NOT SAME y` and the like: the two are not in the same paragraph (sentence…).
            let not_prox = match (op, self.peek().0.clone()) {
                (POp::Not, PTok::Op(POp::Prox(kind, n))) => {
                    self.bump();
                    Some((kind, n))
                }
                _ => None,
            };
            self.need_right(loc)?;
            let (right, d) = self.expr(level + 1)?;
            let chained = matches!(op, POp::Prox(..)) || not_prox.is_some() || op == POp::Xor;
            depth = if chained {
                depth.max(d) + 1
            } else {
                depth.max(d + 1)
            };
            if depth > MAX_DEPTH {
                return Err(self.too_deep(loc));
            }
            left = match (op, not_prox) {
                (_, Some((kind, n))) => {
                    let all = left.loc().to(right.loc());
                    let p = self.prox_op(kind, n, loc)?;
                    self.lose(
                        all,
                        "patdex has no NOT SAME / NOT WITH / NOT ADJ / NOT NEAR; read as x NOT (x SAME y): x, and never together with y",
                    );
                    let inner = F::Prox(Box::new(left.clone()), p, Box::new(right), all);
                    f_not(left, inner, loc)
                }
                (POp::And, _) => f_and(left, right),
                (POp::Or, _) => f_or(left, right),
                (POp::Not, _) => f_not(left, right, loc),
                (POp::Xor, _) => {
                    // Exactly one of the two: (a OR b) NOT (a AND b).
                    let all = left.loc().to(right.loc());
                    let either = F::Or(vec![left.clone(), right.clone()], all);
                    let both = F::And(vec![left, right], all);
                    F::And(vec![either, F::Neg(Box::new(both), all)], all)
                }
                (POp::Prox(kind, n), _) => {
                    let p = self.prox_op(kind, n, loc)?;
                    let all = left.loc().to(right.loc());
                    F::Prox(Box::new(left), p, Box::new(right), all)
                }
            };
        }
        Ok((left, depth))
    }

    fn prox_op(&mut self, kind: PProx, n: Option<u32>, loc: Loc) -> Result<ProxOp, QueryError> {
        let text = self.text(loc).to_string();
        if n == Some(0) || n.is_some_and(|n| n > 10_000) {
            return Err(self.err(
                loc,
                format!("`{text}`: the distance must be from 1 to 10000"),
                "ADJ3 finds words within 3 terms in order, NEAR3 in any order",
            ));
        }
        let n1 = n.unwrap_or(1);
        Ok(match kind {
            PProx::Adj => ProxOp::Adj(n1),
            PProx::Near => ProxOp::Near(n1),
            PProx::With if n1 == 1 => ProxOp::With,
            PProx::Same if n1 == 1 => ProxOp::Same,
            PProx::With => {
                self.lose(
                    loc,
                    format!("patdex has no window of {n1} sentences; searched in the same paragraph (SAME), which misses matches across paragraphs"),
                );
                ProxOp::Same
            }
            PProx::Same => {
                self.lose(
                    loc,
                    format!("patdex proximity never crosses a paragraph; {text} searched in the same paragraph (the query is narrower)"),
                );
                ProxOp::Same
            }
        })
    }

    fn primary(&mut self) -> Result<(F, usize), QueryError> {
        let (tok, loc) = self.bump();
        let (f, depth) = match tok {
            PTok::LParen => self.group(loc, |p| p.expr(P_NOT))?,
            PTok::Term { text, quoted } => (self.term(&text, quoted, loc, false), 1),
            PTok::At(name, cons) => return Ok((self.at(&name, &cons, loc)?, 1)),
            PTok::Suffix(_) => {
                return Err(self.err(
                    loc,
                    format!("`{}` needs a word or group before it", self.text(loc)),
                    "write the suffix right after a word or `)`: radar.ti., (rotor ADJ blade).clm.",
                ));
            }
            PTok::Op(_) => {
                return Err(self.lacks(
                    loc,
                    "left",
                    "put a word or a (group) on both sides, e.g. rotor ADJ blade; to search the word itself, put it in quotes",
                ));
            }
            tok @ (PTok::RParen | PTok::Eof) => return Err(self.misplaced(&tok, loc)),
        };
        if let (PTok::Suffix(names), sloc) = self.peek().clone() {
            self.bump();
            return Ok((self.suffix(f, &names, sloc)?, depth + 1));
        }
        Ok((f, depth))
    }

    fn suffix(&mut self, child: F, names: &str, sloc: Loc) -> Result<F, QueryError> {
        let loc = child.loc().to(sloc);
        let names: Vec<String> = names
            .split(',')
            .filter(|n| !n.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        let has = |set: &[&str]| names.iter().any(|n| set.contains(&n.as_str()));
        let mut fields: Vec<&'static str> = Vec::new();
        let mut dropped = Vec::new();
        for n in &names {
            match pp_field(n) {
                Some(PField::Fields(fs, loss)) => {
                    if let Some(reason) = loss {
                        self.lose(loc, reason);
                    }
                    for f in fs {
                        if !fields.contains(f) {
                            fields.push(f);
                        }
                    }
                }
                Some(PField::Drop(reason)) => dropped.push(reason),
                None => {
                    return Err(self.err(
                        sloc,
                        format!("unknown PPUBS field `.{n}.`"),
                        PP_FIELDS_HINT,
                    ));
                }
            }
        }
        // patdex's pa: is assignee or applicant; one of the two alone is narrower there.
        if has(&["as", "asnm"]) != has(&["aanm"]) {
            self.lose(
                loc,
                "patdex pa: searches assignee and applicant names together (the query is broader)",
            );
        }
        for reason in dropped {
            self.lose(loc, reason);
        }
        if fields.is_empty() {
            return Ok(F::Drop(loc));
        }
        Ok(F::Field {
            fields,
            child: Box::new(child),
            loc,
        })
    }

    fn at(
        &mut self,
        name: &str,
        cons: &[(&'static str, String, Loc)],
        loc: Loc,
    ) -> Result<F, QueryError> {
        let field = match name {
            "pd" | "py" => "pd",
            "ad" | "fd" | "ay" | "fy" => "ad",
            // Uncertain: BRS's priority application date.
            "prad" => "prd",
            "rlad" | "rlfd" => {
                self.lose(
                    loc,
                    "patdex has no related-application dates; dropped (the query is broader)",
                );
                return Ok(F::Drop(loc));
            }
            _ => {
                return Err(self.err(
                    loc,
                    format!("unknown PPUBS date field `@{name}`"),
                    "PPUBS dates patdex reads: @pd, @py, @ad, @fd, @ay, @prad",
                ));
            }
        };
        let mut lo: Option<Date> = None;
        let mut hi: Option<Date> = None;
        for (rel, value, vloc) in cons {
            let p = foreign_period(value).ok_or_else(|| {
                self.err(
                    *vloc,
                    format!("`{value}` is not a date"),
                    "PPUBS dates are yyyymmdd (or yyyy): @pd>=20100101",
                )
            })?;
            let op = match *rel {
                "<" => CmpOp::Lt,
                "<=" => CmpOp::Le,
                ">" => CmpOp::Gt,
                ">=" => CmpOp::Ge,
                "=" | "==" => CmpOp::Eq,
                _ => {
                    return Err(self.err(
                        *vloc,
                        format!("`@{name}{rel}` is not a date search patdex can read"),
                        "use =, <, <=, > or >=",
                    ));
                }
            };
            let (a, b) = bounds(op, p);
            lo = match (lo, a) {
                (Some(x), Some(y)) => Some(x.max(y)),
                (x, y) => x.or(y),
            };
            hi = match (hi, b) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            };
        }
        Ok(F::Date { field, lo, hi, loc })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(q: &str) -> String {
        to_patdex(&parse::parse(q).unwrap())
    }

    #[test]
    fn canonical_form_forgets_how_it_was_written() {
        for (a, b) in [
            ("ti:(a OR b)", "(ti:a OR ti:b)"),
            ("a NOT b", "a -b"),
            ("a AND (b AND c)", "a b c"),
            ("lithium ADJ ion", "\"lithium ion\""),
            ("li-ion", "\"li ion\""),
            ("pd:[2010-01-01 TO 2015-12-31]", "pd:[2010 TO 2015]"),
            ("pd:[2015 TO 2015]", "pd:2015"),
            ("pd>2014", "pd>=2015"),
            ("pd<2015-03", "pd<=2015-02"),
            ("cpc:H01M*", "cpc:h01m"),
            ("cpc:H01M10/low", "cpc:H01M10"),
            ("=batter*", "batter*"),
            ("txt:a", "a"),
        ] {
            assert_eq!(canon(a), canon(b), "`{a}` and `{b}`");
        }
        assert_eq!(canon("ti:(a OR b) c"), "ti:(a OR b) AND c");
        assert_eq!(canon("-ti:x"), "-ti:x");
        assert_eq!(canon("pd:20150317"), "pd:2015-03-17");
        assert_eq!(canon("\"AND\""), "\"AND\"");
    }

    #[test]
    fn canonical_text_parses_to_itself() {
        for q in [
            "ti:(a OR b) c -d",
            "(battery OR cell*) NEAR/5 (anode OR cathode)",
            "cl:((lithium ADJ ion) OR li-ion) NEAR/10 (separator* OR membrane)",
            "cpc:H01M10 (sulfide* WITH electrolyte*) NOT pd<2010",
            "pa:(kestrel energy) OR in:kim",
            "pd:[2019-06 TO *] ad<=2012-06 exp>2026-11-21",
            "\"AND\" OR =NEAR5",
        ] {
            let once = canon(q);
            assert_eq!(canon(&once), once, "`{q}` prints as `{once}`");
        }
    }

    #[test]
    fn optional_characters_are_spelled_out() {
        assert_eq!(
            variants(&esp_segments("car?")).0,
            vec!["car".to_string(), "car?".to_string()]
        );
        assert_eq!(
            variants(&pp_segments("build$2")).0,
            vec!["build", "build?", "build??"]
        );
        assert_eq!(variants(&pp_segments("kilo$")).0, vec!["kilo*"]);
        assert_eq!(variants(&esp_segments("colo#r")).0, vec!["colo?r"]);
        let (many, star) = variants(&esp_segments("a????b????c"));
        assert!(star);
        assert_eq!(many, vec!["a*b*c"]);
    }

    #[test]
    fn dates_in_their_shortest_form() {
        let d = |s: &str| period(s).unwrap();
        assert_eq!(
            period_text(d("2015").0, d("2015").1).as_deref(),
            Some("2015")
        );
        assert_eq!(
            period_text(d("2015-02").0, d("2015-02").1).as_deref(),
            Some("2015-02")
        );
        assert_eq!(coarse_hi(d("2016-02").1), "2016-02");
        assert_eq!(coarse_lo(d("2016-02-02").0), "2016-02-02");
        assert_eq!(foreign_period("07/01/2008"), period("2008-01-07"));
        assert_eq!(foreign_period("201503"), period("2015-03"));
        assert!(period("2015-02-30").is_none());
        assert!(period("1700").is_none());
    }

    #[test]
    fn class_codes_by_shape() {
        assert_eq!(class_value("h01m 10/0525").as_deref(), Some("H01M10/0525"));
        assert_eq!(
            class_value("H01M10/0525/LOW").as_deref(),
            Some("H01M10/0525/low")
        );
        assert_eq!(class_value("H01M10/*").as_deref(), Some("H01M10"));
        assert_eq!(class_value("H01M10*").as_deref(), Some("H01M10*"));
        assert_eq!(class_value("H01M10/05*").as_deref(), Some("H01M10/05*"));
        assert_eq!(class_value("battery"), None);
        assert_eq!(class_value("Z01"), None);
    }

    #[test]
    fn espacenet_guesses_like_espacenet() {
        assert_eq!(guess("H01M5/12").map(|g| g.0), Some(vec!["cpc", "ipc"]));
        assert_eq!(guess("20150317").map(|g| g.1), Some("2015-03-17".into()));
        assert_eq!(guess("07.01.2008").map(|g| g.1), Some("2008-01-07".into()));
        assert_eq!(guess("EP1000000").map(|g| g.0), Some(vec!["pn"]));
        assert_eq!(guess("CO2"), None);
        assert_eq!(guess("battery"), None);
        assert_eq!(guess("2015"), None);
    }

    #[test]
    fn suffixes_split_from_words() {
        assert_eq!(split_suffix("radar.ti."), ("radar", Some(("ti", 5))));
        assert_eq!(split_suffix("radar[ti]"), ("radar", Some(("ti", 5))));
        assert_eq!(
            split_suffix("F16L11/00.cpc."),
            ("F16L11/00", Some(("cpc", 9)))
        );
        assert_eq!(split_suffix(".ti,ab."), ("", Some(("ti,ab", 0))));
        assert_eq!(split_suffix("3.5"), ("3.5", None));
    }
}
