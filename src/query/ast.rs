//! The parsed form of a query, before fields are resolved against the index.
//!
//! Every node keeps the byte range of the query text it came from ([`Loc`]) so that errors found
//! later (a bad date, an unknown class code, a proximity operand that is not allowed) can point
//! at the exact spot.

use std::fmt;

/// A byte range `start..end` of the query text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Loc {
    pub start: usize,
    pub end: usize,
}

impl Loc {
    pub fn new(start: usize, end: usize) -> Loc {
        Loc { start, end }
    }

    /// The smallest range covering both.
    pub fn to(self, other: Loc) -> Loc {
        Loc::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// The field prefixes the language knows (`ti:`, `cpc:`...). The parser rejects any other
/// `name:` with a hint listing these; the compiler says what each one means.
pub const FIELD_NAMES: &[&str] = &[
    "ti", "ab", "cl", "icl", "desc", "txt", "pa", "in", "cpc", "ipc", "pn", "an", "pd", "ad",
    "prd", "exp", "ct", "kind", "cc", "lacks",
];

/// A proximity operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProxOp {
    /// `ADJ/n`: the right operand starts within `n` words after the left one ends, in order.
    Adj(u32),
    /// `NEAR/n`: like `ADJ/n` in either order.
    Near(u32),
    /// `WITH`: in the same sentence.
    With,
    /// `SAME`: in the same paragraph (a claim is one paragraph).
    Same,
}

impl fmt::Display for ProxOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProxOp::Adj(n) => write!(f, "ADJ/{n}"),
            ProxOp::Near(n) => write!(f, "NEAR/{n}"),
            ProxOp::With => f.write_str("WITH"),
            ProxOp::Same => f.write_str("SAME"),
        }
    }
}

/// A comparison in `pd>=2019-01-01`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
}

impl fmt::Display for CmpOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Eq => "=",
        })
    }
}

/// One node of the query tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    pub loc: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// A word as typed, without the leading `=` (see `exact`). It may hold truncation marks
    /// (`*`, `?`) and characters that split it into several tokens (`li-ion`, `H01M10/0562`);
    /// what it means depends on the field it ends up in.
    Word { text: String, exact: bool },
    /// A quoted phrase: the text between the quotes, unprocessed.
    Phrase { text: String, exact: bool },
    /// All of them (explicit `AND` or juxtaposition). At least two children.
    And(Vec<Node>),
    /// Any of them. At least two children.
    Or(Vec<Node>),
    /// `left NOT right`: documents matching `left` and not `right`.
    Not(Box<Node>, Box<Node>),
    /// `-x`: documents not matching `x` (inside an AND: "and not").
    Neg(Box<Node>),
    /// `left OP right` for a proximity operator.
    Prox(Box<Node>, ProxOp, Box<Node>),
    /// `name:x` where `x` is a word, phrase, range or parenthesised group. `name` is one of
    /// [`FIELD_NAMES`]; `name_loc` points at it.
    Field {
        name: String,
        name_loc: Loc,
        child: Box<Node>,
    },
    /// `name OP value` (`pd>=2019-01-01`, `prd<2005`, also `pd:>=2019`). `name` is one of
    /// [`FIELD_NAMES`]; `value_loc` points at the value.
    Compare {
        name: String,
        op: CmpOp,
        value: String,
        value_loc: Loc,
    },
    /// `[lo TO hi]`, inclusive at both ends; only valid as the child of a `Field`.
    Range {
        lo: String,
        lo_loc: Loc,
        hi: String,
        hi_loc: Loc,
    },
}

/// A query that cannot be run, with the place in the query it is about and what to do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.render())]
pub struct QueryError {
    pub query: String,
    pub loc: Loc,
    pub message: String,
    pub hint: String,
}

impl QueryError {
    pub fn new(
        query: &str,
        loc: Loc,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> QueryError {
        QueryError {
            query: query.to_string(),
            loc,
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// The message, the query with carets under the problem, and the hint:
    ///
    /// ```text
    /// bad query: unknown field `tit`
    ///   tit:rotor AND blade
    ///   ^^^
    /// hint: fields are ti, ab, ...
    /// ```
    pub fn render(&self) -> String {
        // Carets are placed by characters, not bytes, and tabs/newlines in the query are shown as
        // spaces so the caret line stays aligned.
        let shown: String = self
            .query
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        let start = self.loc.start.min(self.query.len());
        let end = self.loc.end.clamp(start, self.query.len());
        let before = self.query.get(..start).map_or(start, |s| s.chars().count());
        let width = self
            .query
            .get(start..end)
            .map_or(1, |s| s.chars().count())
            .max(1);
        let mut out = format!(
            "bad query: {}\n  {}\n  {}{}",
            self.message,
            shown,
            " ".repeat(before),
            "^".repeat(width)
        );
        if !self.hint.is_empty() {
            out.push_str("\nhint: ");
            out.push_str(&self.hint);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_under_the_problem() {
        let e = QueryError::new(
            "tit:rotor AND blade",
            Loc::new(0, 3),
            "unknown field `tit`",
            "h",
        );
        assert_eq!(
            e.render(),
            "bad query: unknown field `tit`\n  tit:rotor AND blade\n  ^^^\nhint: h"
        );
    }

    #[test]
    fn caret_at_the_end_and_after_multibyte() {
        let e = QueryError::new("größe (", Loc::new(8, 9), "unclosed `(`", "");
        assert_eq!(e.render(), "bad query: unclosed `(`\n  größe (\n        ^");
        let e = QueryError::new("a AND", Loc::new(5, 5), "`AND` needs a right operand", "");
        assert_eq!(
            e.render(),
            "bad query: `AND` needs a right operand\n  a AND\n       ^"
        );
    }
}
