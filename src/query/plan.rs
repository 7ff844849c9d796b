//! Resolving a parsed query against the doc mapper: which index fields each clause searches, what
//! a word means there (stemmed, exact or truncated), what a date, class code or number is.
//!
//! Everything a searcher can get wrong that the grammar cannot see (a date that does not exist,
//! a class code of the wrong shape, `AND` inside a proximity operand) is caught here, with the
//! location of the offending text.

use std::fmt;

use jiff::ToSpan;
use jiff::civil::Date;

use super::ast::{CmpOp, FIELD_NAMES, Loc, Node, NodeKind, ProxOp, QueryError};
use crate::index::schema::class_ancestors;
use crate::number::PubNumber;

/// Text field groups a field prefix can name, as tantivy field names.
const TITLE: &[&str] = &["title"];
const ABSTRACT: &[&str] = &["abstract"];
const CLAIMS: &[&str] = &["claims"];
const INDEPENDENT: &[&str] = &["icl"];
const DESCRIPTION: &[&str] = &["description"];
const ALL_TEXT: &[&str] = &["title", "abstract", "claims", "description"];
const PARTIES: &[&str] = &["assignee", "applicant"];
const INVENTORS: &[&str] = &["inventor"];

/// What a field prefix means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldKind {
    Text(&'static [&'static str]),
    Class(&'static str),
    Number,
    Application,
    Cited,
    Kind,
    Country,
    /// A part a record does not carry (`lacks:claims`).
    Lacks,
    Date(&'static str),
}

/// The field prefix `name` as the `'static` entry of [`FIELD_NAMES`] (the parser only lets
/// those through), with what it means.
fn known_field(name: &str) -> Option<(&'static str, FieldKind)> {
    let canonical = *FIELD_NAMES.iter().find(|n| **n == name)?;
    Some((canonical, field_kind(canonical)?))
}

fn field_kind(name: &str) -> Option<FieldKind> {
    Some(match name {
        "txt" => FieldKind::Text(ALL_TEXT),
        "ti" => FieldKind::Text(TITLE),
        "ab" => FieldKind::Text(ABSTRACT),
        "cl" => FieldKind::Text(CLAIMS),
        "icl" => FieldKind::Text(INDEPENDENT),
        "desc" => FieldKind::Text(DESCRIPTION),
        "pa" => FieldKind::Text(PARTIES),
        "in" => FieldKind::Text(INVENTORS),
        "cpc" => FieldKind::Class("cpc"),
        "ipc" => FieldKind::Class("ipc"),
        "pn" => FieldKind::Number,
        "an" => FieldKind::Application,
        "ct" => FieldKind::Cited,
        "kind" => FieldKind::Kind,
        "cc" => FieldKind::Country,
        "lacks" => FieldKind::Lacks,
        "pd" => FieldKind::Date("pd"),
        "ad" => FieldKind::Date("ad"),
        "prd" => FieldKind::Date("prd"),
        "exp" => FieldKind::Date("exp"),
        _ => return None,
    })
}

/// How one query word matches one indexed word.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum WordMatch {
    /// The word and its plural or singular (`battery`: batteries, battery).
    Stem(String),
    /// This word only (`=battery`).
    Exact(String),
    /// A pattern with `*` (any run of characters) and `?` (one character).
    Glob(String),
}

impl fmt::Display for WordMatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WordMatch::Stem(w) | WordMatch::Glob(w) => f.write_str(w),
            WordMatch::Exact(w) => write!(f, "={w}"),
        }
    }
}

/// A positional expression over one text field: what a proximity search is made of.
#[derive(Debug, Clone, PartialEq)]
pub enum SpanExpr {
    Word(WordMatch, Loc),
    /// Consecutive words (two or more; they share the phrase's location).
    Phrase(Vec<WordMatch>, Loc),
    Or(Vec<SpanExpr>, Loc),
    Prox(Box<SpanExpr>, ProxOp, Box<SpanExpr>, Loc),
}

impl SpanExpr {
    pub fn loc(&self) -> Loc {
        match self {
            SpanExpr::Word(_, l)
            | SpanExpr::Phrase(_, l)
            | SpanExpr::Or(_, l)
            | SpanExpr::Prox(_, _, _, l) => *l,
        }
    }

    /// Calls `f` on every word of the expression, with where it was typed.
    pub fn for_each_word<'a>(&'a self, f: &mut impl FnMut(&'a WordMatch, Loc)) {
        match self {
            SpanExpr::Word(w, l) => f(w, *l),
            SpanExpr::Phrase(v, l) => v.iter().for_each(|w| f(w, *l)),
            SpanExpr::Or(v, _) => v.iter().for_each(|e| e.for_each_word(f)),
            SpanExpr::Prox(a, _, b, _) => {
                a.for_each_word(f);
                b.for_each_word(f);
            }
        }
    }
}

impl fmt::Display for SpanExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpanExpr::Word(w, _) => write!(f, "{w}"),
            SpanExpr::Phrase(v, _) => write!(f, "\"{}\"", join(v, " ")),
            SpanExpr::Or(v, _) => write!(f, "({})", join(v, " OR ")),
            SpanExpr::Prox(a, op, b, _) => write!(f, "({a} {op} {b})"),
        }
    }
}

fn join<T: fmt::Display>(items: &[T], sep: &str) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(sep)
}

/// A resolved query: every leaf knows its index fields.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    /// A positional expression matched within any one of `fields`.
    Text {
        prefix: &'static str,
        fields: &'static [&'static str],
        expr: SpanExpr,
    },
    /// An exact value of a keyword field (`cpc`, `id`, `kc`...).
    Term {
        prefix: &'static str,
        field: &'static str,
        value: String,
        loc: Loc,
    },
    /// Any of several keyword values: a class code and every code below it in the imported
    /// scheme (`cpc:H01M10/052/low`), resolved when the query is planned.
    TermSet {
        prefix: &'static str,
        field: &'static str,
        /// What was typed, canonical: `H01M10/052/low`.
        label: String,
        values: Vec<String>,
        loc: Loc,
    },
    /// Keyword values matching a pattern (`cpc:H01M10/05*`).
    TermGlob {
        prefix: &'static str,
        field: &'static str,
        pattern: String,
        loc: Loc,
    },
    /// A date field within `lo..=hi` (either end open).
    Date {
        prefix: &'static str,
        field: &'static str,
        lo: Option<Date>,
        hi: Option<Date>,
        loc: Loc,
    },
    And(Vec<Plan>, Loc),
    Or(Vec<Plan>, Loc),
    /// Left and not right.
    Not(Box<Plan>, Box<Plan>, Loc),
    /// Not the child.
    Neg(Box<Plan>, Loc),
}

impl Plan {
    pub fn loc(&self) -> Loc {
        match self {
            Plan::Text { expr, .. } => expr.loc(),
            Plan::Term { loc, .. }
            | Plan::TermSet { loc, .. }
            | Plan::TermGlob { loc, .. }
            | Plan::Date { loc, .. }
            | Plan::And(_, loc)
            | Plan::Or(_, loc)
            | Plan::Not(_, _, loc)
            | Plan::Neg(_, loc) => *loc,
        }
    }

    /// The direct sub-clauses, for `explain`.
    pub fn children(&self) -> Vec<&Plan> {
        match self {
            Plan::And(v, _) | Plan::Or(v, _) => v.iter().collect(),
            Plan::Not(a, b, _) => vec![a, b],
            Plan::Neg(a, _) => vec![a],
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Plan::Text { prefix, expr, .. } => write!(f, "{prefix}:{expr}"),
            Plan::Term { prefix, value, .. } => write!(f, "{prefix}:{value}"),
            Plan::TermSet {
                prefix,
                label,
                values,
                ..
            } => match values.len() {
                1 => write!(f, "{prefix}:{label}"),
                n => write!(f, "{prefix}:{label} ({n} codes)"),
            },
            Plan::TermGlob {
                prefix, pattern, ..
            } => write!(f, "{prefix}:{pattern}"),
            Plan::Date { prefix, lo, hi, .. } => match (lo, hi) {
                (Some(l), Some(h)) if l == h => write!(f, "{prefix}:{l}"),
                (Some(l), Some(h)) => write!(f, "{prefix}:[{l} TO {h}]"),
                (Some(l), None) => write!(f, "{prefix}>={l}"),
                (None, Some(h)) => write!(f, "{prefix}<={h}"),
                (None, None) => write!(f, "{prefix}:[* TO *]"),
            },
            Plan::And(v, _) => write!(f, "({})", join(v, " AND ")),
            Plan::Or(v, _) => write!(f, "({})", join(v, " OR ")),
            Plan::Not(a, b, _) => write!(f, "({a} NOT {b})"),
            Plan::Neg(a, _) => write!(f, "-{a}"),
        }
    }
}

/// Resolves a parsed query. `query` is the text it was parsed from (for error carets).
pub fn resolve(query: &str, node: &Node) -> Result<Plan, QueryError> {
    resolve_with(query, node, &NoHierarchy)
}

/// [`resolve`] with a classification hierarchy for `cpc:CODE/low` below main groups.
pub fn resolve_with(
    query: &str,
    node: &Node,
    hierarchy: &dyn Hierarchy,
) -> Result<Plan, QueryError> {
    Resolver { query, hierarchy }.plan(node, "txt")
}

/// What `cpc:CODE/low` needs below a main group: the codes under a code in an imported
/// classification scheme. The query layer only asks; `crate::classes` answers from the index
/// folder, so the language does not depend on where schemes are kept.
pub trait Hierarchy {
    /// `code` and every code below it in `field`'s scheme (`cpc` or `ipc`), or why not
    /// (message, hint).
    fn below(&self, field: &str, code: &str) -> Result<Vec<String>, (String, String)>;
}

/// No scheme imported.
pub struct NoHierarchy;

impl Hierarchy for NoHierarchy {
    fn below(&self, field: &str, _code: &str) -> Result<Vec<String>, (String, String)> {
        Err((
            format!(
                "`/low` below a main group needs the levels of a {} scheme, and none is imported",
                field.to_uppercase()
            ),
            LOW_HINT.to_string(),
        ))
    }
}

/// How to get a scheme with levels, for every `/low` error.
pub const LOW_HINT: &str = "import one with `patdex classes import FILE` (CPC scheme XML or a CPC title list, from cooperativepatentclassification.org, bulk data); main groups and above need no scheme: cpc:H01M10/low";

/// `pn:` for a number: with a kind code that publication, without one every kind published
/// under the number.
fn number_plan(n: &PubNumber, loc: Loc) -> Plan {
    let (field, value) = if n.kind.is_empty() {
        ("num", n.key())
    } else {
        ("id", n.to_string())
    };
    Plan::Term {
        prefix: "pn",
        field,
        value,
        loc,
    }
}

/// The `pn:` plan of a whole query that looks like a publication number: `US7654321B2`,
/// `US 7,654,321 B2`, `D586,081`, `US 2015/0075015 A1`, or six or more bare digits.
pub fn bare_number(query: &str) -> Option<Plan> {
    let q = query.trim();
    if q.is_empty() || q.contains([':', '"', '(', ')', '*', '?', '=', '<', '>']) {
        return None;
    }
    let n: PubNumber = q.parse().ok()?;
    let digits = q.chars().filter(char::is_ascii_digit).count();
    let decorated = q.starts_with(|c: char| c.is_ascii_alphabetic())
        || q.ends_with(|c: char| c.is_ascii_alphanumeric() && !c.is_ascii_digit())
        || q.contains([',', '/']);
    (digits >= 6 || (decorated && digits >= 4)).then(|| number_plan(&n, Loc::new(0, query.len())))
}

struct Resolver<'q> {
    query: &'q str,
    hierarchy: &'q dyn Hierarchy,
}

const CLASS_HINT: &str = "class codes look like H (section), H01 (class), H01M (subclass), H01M10 (main group) or H01M10/0525; end with * to truncate, e.g. H01M10/05*, or with /low for the code and every code below it, e.g. H01M10/052/low";
const DATE_HINT: &str = "dates are YYYY, YYYY-MM or YYYY-MM-DD (also YYYYMMDD), e.g. pd:2015-03, pd:[2010 TO 2015], pd>=2019-01-01";

impl Resolver<'_> {
    fn err(&self, loc: Loc, message: impl Into<String>, hint: impl Into<String>) -> QueryError {
        QueryError::new(self.query, loc, message, hint)
    }

    fn plan(&self, node: &Node, field: &'static str) -> Result<Plan, QueryError> {
        let loc = node.loc;
        let kind = field_kind(field).expect("resolver only passes known fields");
        match &node.kind {
            NodeKind::And(v) => Ok(Plan::And(self.plans(v, field)?, loc)),
            NodeKind::Or(v) => Ok(Plan::Or(self.plans(v, field)?, loc)),
            NodeKind::Not(a, b) => Ok(Plan::Not(
                Box::new(self.plan(a, field)?),
                Box::new(self.plan(b, field)?),
                loc,
            )),
            NodeKind::Neg(a) => Ok(Plan::Neg(Box::new(self.plan(a, field)?), loc)),
            NodeKind::Field {
                name,
                name_loc,
                child,
            } => {
                let Some((canonical, _)) = known_field(name) else {
                    return Err(self.unknown_field(name, *name_loc));
                };
                self.plan(child, canonical)
            }
            NodeKind::Compare {
                name,
                op,
                value,
                value_loc,
            } => {
                let Some((canonical, kind)) = known_field(name) else {
                    return Err(self.unknown_field(name, loc));
                };
                let FieldKind::Date(f) = kind else {
                    return Err(self.err(
                        loc,
                        format!("`{name}` is not a date field, so `{op}` cannot compare it"),
                        "comparisons work on the date fields pd, ad and prd, e.g. pd>=2019-01-01",
                    ));
                };
                let (start, end) = self.date(value, *value_loc)?;
                let (lo, hi) = match op {
                    CmpOp::Ge => (Some(start), None),
                    CmpOp::Gt => (end.checked_add(1.day()).ok(), None),
                    CmpOp::Le => (None, Some(end)),
                    CmpOp::Lt => (None, start.checked_sub(1.day()).ok()),
                    CmpOp::Eq => (Some(start), Some(end)),
                };
                Ok(Plan::Date {
                    prefix: canonical,
                    field: f,
                    lo,
                    hi,
                    loc,
                })
            }
            NodeKind::Range {
                lo,
                lo_loc,
                hi,
                hi_loc,
            } => {
                let FieldKind::Date(f) = kind else {
                    return Err(self.err(
                        loc,
                        format!("`{field}:` takes no range"),
                        "ranges work on the date fields pd, ad and prd, e.g. pd:[2010 TO 2015]",
                    ));
                };
                let lo = if lo == "*" {
                    None
                } else {
                    Some(self.date(lo, *lo_loc)?.0)
                };
                let hi = if hi == "*" {
                    None
                } else {
                    Some(self.date(hi, *hi_loc)?.1)
                };
                if let (Some(l), Some(h)) = (lo, hi)
                    && l > h
                {
                    return Err(self.err(
                        loc,
                        format!("the range starts after it ends ({l} > {h})"),
                        "write the earlier date first",
                    ));
                }
                Ok(Plan::Date {
                    prefix: field,
                    field: f,
                    lo,
                    hi,
                    loc,
                })
            }
            NodeKind::Word { .. } | NodeKind::Phrase { .. } | NodeKind::Prox(..) => match kind {
                FieldKind::Text(fields) => Ok(Plan::Text {
                    prefix: field,
                    fields,
                    expr: self.span(node)?,
                }),
                _ => self.value(node, field, kind),
            },
        }
    }

    fn plans(&self, v: &[Node], field: &'static str) -> Result<Vec<Plan>, QueryError> {
        v.iter().map(|n| self.plan(n, field)).collect()
    }

    fn unknown_field(&self, name: &str, loc: Loc) -> QueryError {
        self.err(
            loc,
            format!("unknown field `{name}`"),
            format!(
                "fields are {}; put a word with a colon in quotes to search for it",
                FIELD_NAMES.join(", ")
            ),
        )
    }

    /// A word, phrase or proximity under a non-text field.
    fn value(&self, node: &Node, field: &'static str, kind: FieldKind) -> Result<Plan, QueryError> {
        let loc = node.loc;
        let text = match &node.kind {
            NodeKind::Word { text, .. } | NodeKind::Phrase { text, .. } => text.trim(),
            _ => {
                return Err(self.err(
                    loc,
                    format!("proximity operators need a text field, not `{field}:`"),
                    "use ADJ, NEAR, WITH and SAME with words, e.g. cl:(rotor NEAR/3 blade)",
                ));
            }
        };
        let term = |f: &'static str, value: String| Plan::Term {
            prefix: field,
            field: f,
            value,
            loc,
        };
        match kind {
            FieldKind::Class(f) => {
                let code: String = text
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .map(|c| c.to_ascii_uppercase())
                    .collect();
                if let Some(c) = code.strip_suffix("/LOW") {
                    return self.below(f, field, c, loc);
                }
                if let Some(stem) = code.strip_suffix('*')
                    && !stem.contains(['*', '?'])
                    && valid_class_prefix(stem)
                {
                    return Ok(Plan::TermGlob {
                        prefix: field,
                        field: f,
                        pattern: code,
                        loc,
                    });
                }
                if !valid_class(&code) {
                    return Err(self.err(
                        loc,
                        format!("`{text}` is not a {} code", field.to_uppercase()),
                        CLASS_HINT,
                    ));
                }
                Ok(term(f, code))
            }
            FieldKind::Number | FieldKind::Cited => {
                let n: PubNumber = text.parse().map_err(|e| {
                    self.err(
                        loc,
                        format!("`{text}` is not a publication number ({e})"),
                        "write numbers like US7654321, US7654321B2, 7654321, D586081 or US20150075015A1",
                    )
                })?;
                Ok(match kind {
                    FieldKind::Cited => term("cites", n.key()),
                    _ => number_plan(&n, loc),
                })
            }
            FieldKind::Application => {
                let mut digits: String = text
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric())
                    .map(|c| c.to_ascii_uppercase())
                    .collect();
                if let Some(rest) = digits.strip_prefix("US") {
                    digits = rest.to_string();
                }
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(self.err(
                        loc,
                        format!("`{text}` is not an application number"),
                        "write application numbers as digits, e.g. an:13349377 or an:13/349,377",
                    ));
                }
                Ok(term("appnum", digits))
            }
            FieldKind::Kind => {
                let lower = text.to_ascii_lowercase();
                Ok(match lower.as_str() {
                    "grant" | "application" => term("kind", lower),
                    "utility" | "design" | "plant" | "reissue" | "sir" => term("type", lower),
                    _ if text.len() <= 2
                        && text.starts_with(|c: char| c.is_ascii_alphabetic())
                        && text[1..].bytes().all(|b| b.is_ascii_digit()) =>
                    {
                        term("kc", text.to_ascii_uppercase())
                    }
                    _ => {
                        return Err(self.err(
                            loc,
                            format!("`{text}` is not a kind"),
                            "kinds are kind codes (B1, B2, A1, S1, E, P2) or grant, application, utility, design, plant, reissue",
                        ));
                    }
                })
            }
            FieldKind::Country => {
                if text.len() != 2 || !text.bytes().all(|b| b.is_ascii_alphabetic()) {
                    return Err(self.err(
                        loc,
                        format!("`{text}` is not a two-letter office code"),
                        "offices are written like US, EP, WO, CN",
                    ));
                }
                Ok(term("cc", text.to_ascii_uppercase()))
            }
            FieldKind::Lacks => {
                let lower = text.to_ascii_lowercase();
                let part = match lower.as_str() {
                    "abstract" | "ab" => "abstract",
                    "claims" | "claim" | "cl" => "claims",
                    "description" | "desc" => "description",
                    _ => {
                        return Err(self.err(
                            loc,
                            format!("`{text}` is not a part a record can lack"),
                            "lacks: takes abstract, claims or description, e.g. lacks:claims (records exported without claims)",
                        ));
                    }
                };
                Ok(term("lacks", part.to_string()))
            }
            FieldKind::Date(f) => {
                let (lo, hi) = self.date(text, loc)?;
                Ok(Plan::Date {
                    prefix: field,
                    field: f,
                    lo: Some(lo),
                    hi: Some(hi),
                    loc,
                })
            }
            FieldKind::Text(_) => unreachable!("text fields are handled by the caller"),
        }
    }

    /// The first and last day a date as typed covers: a year, a month or a day.
    fn date(&self, text: &str, loc: Loc) -> Result<(Date, Date), QueryError> {
        let bad = |why: &str| self.err(loc, format!("`{text}` is not a date{why}"), DATE_HINT);
        let digits_ok = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let parts: Vec<&str> = if digits_ok(text, 8) {
            vec![&text[..4], &text[4..6], &text[6..]]
        } else {
            text.split(['-', '/', '.']).collect()
        };
        let num = |s: &str| s.parse::<i16>().ok();
        let year = match parts.first() {
            Some(y) if digits_ok(y, 4) => num(y).ok_or_else(|| bad(""))?,
            _ => return Err(bad("")),
        };
        if !(1790..=2999).contains(&year) {
            return Err(bad(" (years run from 1790)"));
        }
        let month = |m: &str| -> Result<i8, QueryError> {
            match m.parse::<i8>() {
                Ok(v) if (1..=2).contains(&m.len()) && (1..=12).contains(&v) => Ok(v),
                _ => Err(bad(" (months run from 01 to 12)")),
            }
        };
        match parts.as_slice() {
            [_] => Ok((
                jiff::civil::date(year, 1, 1),
                jiff::civil::date(year, 12, 31),
            )),
            [_, m] if m.len() <= 2 => {
                let first = jiff::civil::date(year, month(m)?, 1);
                Ok((first, first.last_of_month()))
            }
            [_, m, d] if m.len() <= 2 && d.len() <= 2 => {
                let m = month(m)?;
                let d: i8 = d.parse().map_err(|_| bad(""))?;
                let day = Date::new(year, m, d).map_err(|_| bad(" (no such day)"))?;
                Ok((day, day))
            }
            _ => Err(bad("")),
        }
    }

    /// A word, phrase, OR-group or proximity as a positional expression.
    fn span(&self, node: &Node) -> Result<SpanExpr, QueryError> {
        let loc = node.loc;
        match &node.kind {
            NodeKind::Word { text, exact } | NodeKind::Phrase { text, exact } => {
                self.words(text, *exact, loc)
            }
            NodeKind::Or(v) => Ok(SpanExpr::Or(
                v.iter()
                    .map(|n| self.operand(n))
                    .collect::<Result<_, _>>()?,
                loc,
            )),
            NodeKind::Prox(a, op, b) => Ok(SpanExpr::Prox(
                Box::new(self.operand(a)?),
                *op,
                Box::new(self.operand(b)?),
                loc,
            )),
            _ => Err(self.not_an_operand(node)),
        }
    }

    fn operand(&self, node: &Node) -> Result<SpanExpr, QueryError> {
        match &node.kind {
            NodeKind::Word { .. }
            | NodeKind::Phrase { .. }
            | NodeKind::Or(_)
            | NodeKind::Prox(..) => self.span(node),
            _ => Err(self.not_an_operand(node)),
        }
    }

    fn not_an_operand(&self, node: &Node) -> QueryError {
        let (what, hint) = match &node.kind {
            NodeKind::And(_) => (
                "AND (or words side by side)",
                "inside proximity, group alternatives with OR and write consecutive words as a phrase: (\"lithium ion\" OR li-ion) NEAR/5 anode",
            ),
            NodeKind::Not(..) | NodeKind::Neg(_) => (
                "NOT",
                "exclude words outside the proximity clause: (a NEAR/5 b) NOT c",
            ),
            NodeKind::Field { .. } | NodeKind::Compare { .. } | NodeKind::Range { .. } => (
                "a field",
                "put the field in front of the whole proximity clause: cl:(rotor NEAR/3 blade)",
            ),
            _ => ("this", ""),
        };
        self.err(
            node.loc,
            format!("{what} cannot be a proximity operand"),
            hint,
        )
    }

    /// Splits what was typed as one word or phrase into indexed words: `li-ion` is the phrase
    /// `li ion`, `batter*` one truncated word.
    fn words(&self, text: &str, exact: bool, loc: Loc) -> Result<SpanExpr, QueryError> {
        let mut analyzer = crate::index::text::analyzer();
        let mut out = Vec::new();
        for piece in text
            .split(|c: char| !(c.is_alphanumeric() || c == '*' || c == '?'))
            .filter(|p| !p.is_empty())
        {
            if piece.contains(['*', '?']) {
                if !piece.contains(char::is_alphanumeric) {
                    return Err(self.err(
                        loc,
                        format!("`{piece}` truncates nothing"),
                        "put at least one letter or digit with * or ?, e.g. batter* or colo?r",
                    ));
                }
                // Normalise the letters between the marks like indexed text.
                let mut pattern = String::new();
                let mut run = String::new();
                for c in piece.chars() {
                    if c == '*' || c == '?' {
                        if !run.is_empty() {
                            pattern.push_str(
                                &crate::index::text::normalize_word(&mut analyzer, &run)
                                    .unwrap_or_default(),
                            );
                            run.clear();
                        }
                        pattern.push(c);
                    } else {
                        run.push(c);
                    }
                }
                if !run.is_empty() {
                    pattern.push_str(
                        &crate::index::text::normalize_word(&mut analyzer, &run)
                            .unwrap_or_default(),
                    );
                }
                out.push(WordMatch::Glob(pattern));
            } else {
                // Chinese text typed without spaces is several words: a phrase.
                for w in crate::index::text::normalize_words(&mut analyzer, piece) {
                    out.push(if exact {
                        WordMatch::Exact(w)
                    } else {
                        WordMatch::Stem(w)
                    });
                }
            }
        }
        match out.len() {
            0 => Err(self.err(
                loc,
                format!("`{text}` has no letters or digits to search for"),
                "search for words; quote operators to search them as words, e.g. \"and\"",
            )),
            1 => Ok(SpanExpr::Word(out.pop().expect("one"), loc)),
            _ => Ok(SpanExpr::Phrase(out, loc)),
        }
    }
}

impl Resolver<'_> {
    /// `cpc:CODE/low`: at a main group or above, the code's own level term already holds
    /// everything below it (symbols are indexed with their ancestors); below a main group the
    /// scheme's hierarchy says which subgroups are under it.
    fn below(
        &self,
        field: &'static str,
        prefix: &'static str,
        code: &str,
        loc: Loc,
    ) -> Result<Plan, QueryError> {
        if !valid_class(code) {
            return Err(self.err(
                loc,
                format!("`{code}` is not a {} code", prefix.to_uppercase()),
                CLASS_HINT,
            ));
        }
        let label = format!("{code}/low");
        let level = code.strip_suffix("/00").unwrap_or(code);
        if !level.contains('/') {
            return Ok(Plan::TermSet {
                prefix,
                field,
                label,
                values: vec![level.to_string()],
                loc,
            });
        }
        let values = self
            .hierarchy
            .below(field, code)
            .map_err(|(m, h)| self.err(loc, m, h))?;
        Ok(Plan::TermSet {
            prefix,
            field,
            label,
            values,
            loc,
        })
    }
}

/// A class code at any level: H, H01, H01M, H01M10, H01M10/0525.
pub(crate) fn valid_class(code: &str) -> bool {
    if !code.starts_with(|c: char| "ABCDEFGHY".contains(c)) {
        return false;
    }
    let levels = class_ancestors(code);
    if levels.last() == Some(&code) || is_main_group(code) {
        return true;
    }
    match code.split_once('/') {
        Some((_, sub)) if levels.len() == 4 => {
            (1..=6).contains(&sub.len()) && sub.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// `H01M10`: a subclass and one to four digits.
pub(crate) fn is_main_group(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() >= 5
        && b.len() <= 8
        && class_ancestors(code).len() == 3
        && b[4..].iter().all(u8::is_ascii_digit)
}

/// A prefix that can be truncated: at least a section letter.
fn valid_class_prefix(stem: &str) -> bool {
    stem.starts_with(|c: char| c.is_ascii_uppercase())
        && stem.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_codes_at_every_level() {
        for ok in [
            "H",
            "H01",
            "H01M",
            "H01M10",
            "H01M10/0525",
            "A61K31/00",
            "Y02E60/10",
        ] {
            assert!(valid_class(ok), "{ok}");
        }
        for bad in [
            "Z",
            "h01",
            "H0",
            "H01M10/",
            "H01M/05",
            "H01MM",
            "H01M10/05X",
            "1H",
        ] {
            assert!(!valid_class(bad), "{bad}");
        }
    }

    #[test]
    fn bare_numbers() {
        for n in [
            "US7654321B2",
            "US 7,654,321 B2",
            "7654321",
            "D586,081",
            "US 2015/0075015 A1",
        ] {
            assert!(bare_number(n).is_some(), "{n}");
        }
        for n in ["battery", "2015", "cpc:H01M", "US", "li-ion", "12345"] {
            assert!(bare_number(n).is_none(), "{n}");
        }
    }
}
