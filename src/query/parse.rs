//! The recursive-descent parser for the patent query language, and the canonical printed form of
//! a query tree.
//!
//! Precedence, tightest first: `-x`; `ADJ`/`NEAR`; `WITH`; `SAME`; `AND` (or juxtaposition);
//! `OR`; `NOT`. Proximity and `NOT` associate to the left, `AND` and `OR` collect their operands
//! into one node. A parenthesised group is kept as one node (`(a OR b) OR c` stays nested), so
//! the tree mirrors the grouping the searcher typed.
//!
//! ```text
//! query    := notexpr EOF
//! notexpr  := orexpr ('NOT' orexpr)*
//! orexpr   := andexpr ('OR' andexpr)*
//! andexpr  := sameexpr ('AND'? sameexpr)*
//! sameexpr := withexpr ('SAME' withexpr)*
//! withexpr := adjexpr ('WITH' adjexpr)*
//! adjexpr  := unary (('ADJ'|'NEAR')[/n] unary)*
//! unary    := '-' unary | primary
//! primary  := word | phrase | '(' notexpr ')' | name ':' value | name op value
//! ```
//!
//! The lexer runs on demand because a few things depend on context: what follows `name:` is
//! glued to it and may be a `[lo TO hi]` range, and `-` or `=` must touch what they apply to.

use std::fmt;

use super::ast::{CmpOp, FIELD_NAMES, Loc, Node, NodeKind, ProxOp, QueryError};

/// How deep a query may nest (groups, `-`, fields, chained operators). Far beyond any real
/// search; it keeps the recursive parser, printer and destructor off the end of the stack on
/// hostile input.
const MAX_DEPTH: usize = 100;

/// The largest `ADJ/n` or `NEAR/n` distance: beyond it "near" means "anywhere in the document".
const MAX_DISTANCE: u32 = 10_000;

/// Parses a query into its tree, or says where and why it is malformed.
///
/// Only the syntax is checked here; whether a value makes sense for its field (a date for `pd`,
/// a class code for `cpc`) is the compiler's business, which can point back at the node's `loc`.
pub fn parse(query: &str) -> Result<Node, QueryError> {
    let mut p = Parser {
        q: query,
        pos: 0,
        peeked: None,
        nesting: 0,
    };
    p.query().map(|node| *node).map_err(|e| *e)
}

/// The canonical form: every operator node in parentheses, names lowercase, `ADJ`/`NEAR` with
/// their distance. `patdex explain` shows it so the searcher sees how the query was grouped, and
/// parsing it again gives the same tree.
impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            NodeKind::Word { text, exact } => {
                if *exact {
                    f.write_str("=")?;
                }
                f.write_str(text)
            }
            NodeKind::Phrase { text, exact } => {
                write!(f, "{}\"{text}\"", if *exact { "=" } else { "" })
            }
            NodeKind::And(children) => write_list(f, children, " AND "),
            NodeKind::Or(children) => write_list(f, children, " OR "),
            NodeKind::Not(left, right) => write!(f, "({left} NOT {right})"),
            NodeKind::Neg(child) => write!(f, "-{child}"),
            NodeKind::Prox(left, op, right) => write!(f, "({left} {op} {right})"),
            NodeKind::Field { name, child, .. } => {
                // Right after `name:` a few characters mean something else (`-`, `[`, `<`, `>`),
                // and a nested field or comparison would read as a plain word: those need parens.
                let bare = match &child.kind {
                    NodeKind::Word { text, .. } => !text.starts_with(['[', '<', '>', '-']),
                    NodeKind::Phrase { .. }
                    | NodeKind::Range { .. }
                    | NodeKind::And(_)
                    | NodeKind::Or(_)
                    | NodeKind::Not(..)
                    | NodeKind::Prox(..) => true,
                    NodeKind::Neg(_) | NodeKind::Field { .. } | NodeKind::Compare { .. } => false,
                };
                if bare {
                    write!(f, "{name}:{child}")
                } else {
                    write!(f, "{name}:({child})")
                }
            }
            NodeKind::Compare {
                name, op, value, ..
            } => write!(f, "{name}{op}{value}"),
            NodeKind::Range { lo, hi, .. } => write!(f, "[{lo} TO {hi}]"),
        }
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, children: &[Node], sep: &str) -> fmt::Result {
    f.write_str("(")?;
    for (i, child) in children.iter().enumerate() {
        if i > 0 {
            f.write_str(sep)?;
        }
        write!(f, "{child}")?;
    }
    f.write_str(")")
}

// Binding levels, loosest first; `expr(level)` parses one level and asks the next for operands.
const NOT: u8 = 0;
const OR: u8 = 1;
const AND: u8 = 2;
const SAME: u8 = 3;
const WITH: u8 = 4;
const ADJ: u8 = 5;
const UNARY: u8 = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    And,
    Or,
    Not,
    Prox(ProxOp),
}

impl Op {
    fn level(self) -> u8 {
        match self {
            Op::Not => NOT,
            Op::Or => OR,
            Op::And => AND,
            Op::Prox(ProxOp::Same) => SAME,
            Op::Prox(ProxOp::With) => WITH,
            Op::Prox(ProxOp::Adj(_) | ProxOp::Near(_)) => ADJ,
        }
    }
}

#[derive(Debug)]
enum Tok {
    Eof,
    LParen,
    RParen,
    /// A `-` touching what it negates.
    Minus,
    Op(Op),
    /// A word, phrase or comparison, complete.
    Atom(Box<Node>),
    /// `name:`; its value follows, glued.
    Field {
        name: String,
        name_loc: Loc,
    },
}

/// A token's kind without its payload, cheap to look at before deciding what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Eof,
    LParen,
    RParen,
    Minus,
    Op(Op),
    Atom,
    Field,
}

impl Kind {
    fn starts_operand(self) -> bool {
        matches!(self, Kind::LParen | Kind::Minus | Kind::Atom | Kind::Field)
    }
}

struct Lexed {
    tok: Tok,
    loc: Loc,
    /// Where lexing resumes.
    end: usize,
}

/// Why an operand is required, which decides the error when there is none.
#[derive(Clone, Copy)]
enum Ctx {
    Start,
    Open(Loc),
    After(Loc),
    Minus(Loc),
}

/// A node and the depth of its tree, tracked to enforce [`MAX_DEPTH`] without walking the tree.
/// Nodes and errors are boxed so the recursive functions keep small stack frames.
type Parsed = (Box<Node>, usize);

type Res<T> = Result<T, Box<QueryError>>;

struct Parser<'a> {
    q: &'a str,
    pos: usize,
    peeked: Option<Lexed>,
    /// Open groups and `-` being parsed (the parser's own recursion).
    nesting: usize,
}

impl<'a> Parser<'a> {
    fn query(&mut self) -> Res<Box<Node>> {
        self.require(Ctx::Start)?;
        let (node, _) = self.expr(NOT)?;
        let (kind, loc) = self.peek()?;
        match kind {
            Kind::Eof => Ok(node),
            Kind::RParen => Err(self.unmatched(loc)),
            _ => Err(self.unexpected(loc)),
        }
    }

    #[cold]
    #[inline(never)]
    fn unmatched(&self, loc: Loc) -> Box<QueryError> {
        self.err(
            loc,
            "unmatched `)`",
            "remove it, or add the `(` it is meant to close",
        )
    }

    #[cold]
    #[inline(never)]
    fn err(
        &self,
        loc: Loc,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Box<QueryError> {
        Box::new(QueryError::new(self.q, loc, message, hint))
    }

    fn text(&self, loc: Loc) -> &'a str {
        self.q.get(loc.start..loc.end).unwrap_or("")
    }

    /// A fallback for tokens the grammar never leaves where they are found.
    #[cold]
    #[inline(never)]
    fn unexpected(&self, loc: Loc) -> Box<QueryError> {
        self.err(
            loc,
            format!("unexpected `{}`", self.text(loc)),
            "check the parentheses and operators around it",
        )
    }

    #[cold]
    #[inline(never)]
    fn too_deep(&self, loc: Loc) -> Box<QueryError> {
        self.err(
            loc,
            format!(
                "the query nests more than {MAX_DEPTH} levels deep at `{}`",
                self.text(loc)
            ),
            "split it into simpler queries",
        )
    }

    fn check_depth(&self, depth: usize, loc: Loc) -> Res<()> {
        if depth > MAX_DEPTH {
            Err(self.too_deep(loc))
        } else {
            Ok(())
        }
    }

    fn enter(&mut self, loc: Loc) -> Res<()> {
        self.nesting += 1;
        if self.nesting > MAX_DEPTH {
            Err(self.too_deep(loc))
        } else {
            Ok(())
        }
    }

    fn leave(&mut self) {
        self.nesting = self.nesting.saturating_sub(1);
    }

    fn peek(&mut self) -> Res<(Kind, Loc)> {
        let lexed = match self.peeked.take() {
            Some(lexed) => lexed,
            None => self.lex()?,
        };
        let kind = match &lexed.tok {
            Tok::Eof => Kind::Eof,
            Tok::LParen => Kind::LParen,
            Tok::RParen => Kind::RParen,
            Tok::Minus => Kind::Minus,
            Tok::Op(op) => Kind::Op(*op),
            Tok::Atom(_) => Kind::Atom,
            Tok::Field { .. } => Kind::Field,
        };
        let loc = lexed.loc;
        self.peeked = Some(lexed);
        Ok((kind, loc))
    }

    fn next(&mut self) -> Res<Lexed> {
        let lexed = match self.peeked.take() {
            Some(lexed) => lexed,
            None => self.lex()?,
        };
        self.pos = lexed.end;
        Ok(lexed)
    }

    /// Moves past the token just peeked.
    fn skip(&mut self) {
        if let Some(lexed) = self.peeked.take() {
            self.pos = lexed.end;
        }
    }

    /// Fails unless the next token can start an operand, with an error that fits `ctx`.
    #[inline(never)]
    fn require(&mut self, ctx: Ctx) -> Res<()> {
        let (kind, loc) = self.peek()?;
        if kind.starts_operand() {
            return Ok(());
        }
        Err(match (ctx, kind) {
            (Ctx::After(op), _) => self.missing_operand(op, "right"),
            (Ctx::Minus(minus), _) => self.lone_minus(minus),
            (_, Kind::Op(_)) => self.missing_operand(loc, "left"),
            (Ctx::Start, Kind::Eof) => self.err(
                Loc::new(0, self.q.len()),
                "empty query",
                "type what to look for, e.g. `rotor blade`, `\"lithium ion\" AND pd>=2019`, `ti:(rotor NEAR/3 blade*)`",
            ),
            (Ctx::Start, Kind::RParen) => self.unmatched(loc),
            (Ctx::Open(open), Kind::Eof) => self.unclosed(open),
            (Ctx::Open(open), Kind::RParen) => self.err(
                open.to(loc),
                format!("empty parentheses `{}`", self.text(open.to(loc))),
                "put something between them, e.g. `(rotor OR propeller)`, or remove them",
            ),
            _ => self.unexpected(loc),
        })
    }

    #[cold]
    #[inline(never)]
    fn missing_operand(&self, op: Loc, side: &str) -> Box<QueryError> {
        let text = self.text(op);
        let hint = if text == "NOT" {
            "`NOT` keeps what matches its left side and drops what matches its right side, e.g. \
             `rotor NOT helicopter`; to just exclude a word, write `-helicopter`"
                .to_string()
        } else {
            format!(
                "put a word, phrase or (group) on both sides, e.g. `rotor {text} blade`; to search for the word itself, write it in lowercase"
            )
        };
        self.err(
            op,
            format!("`{text}` needs a word, phrase or group on its {side}"),
            hint,
        )
    }

    #[cold]
    #[inline(never)]
    fn lone_minus(&self, minus: Loc) -> Box<QueryError> {
        self.err(
            minus,
            "`-` needs a word, phrase or group right after it",
            "write `-word`, `-\"a phrase\"` or `-(a OR b)` with no space to exclude it; a `-` inside a word (`li-ion`) is part of the word",
        )
    }

    #[cold]
    #[inline(never)]
    fn unclosed(&self, open: Loc) -> Box<QueryError> {
        self.err(
            open,
            "unclosed `(`",
            "add the `)` that closes it, or remove it",
        )
    }

    #[cold]
    #[inline(never)]
    fn unknown_field(&self, name: Loc) -> Box<QueryError> {
        self.err(
            name,
            format!("unknown field `{}`", self.text(name)),
            format!(
                "fields are {}; to search for text containing `:`, `<` or `>`, put it in quotes",
                FIELD_NAMES.join(", ")
            ),
        )
    }

    /// Binary operators at `level` and tighter.
    fn expr(&mut self, level: u8) -> Res<Parsed> {
        if level >= UNARY {
            return self.unary();
        }
        let first = self.expr(level + 1)?;
        if level == OR || level == AND {
            return self.list(level, first);
        }
        let (mut node, mut depth) = first;
        loop {
            let (kind, op_loc) = self.peek()?;
            let op = match kind {
                Kind::Op(op) if op.level() == level => op,
                _ => break,
            };
            self.skip();
            self.require(Ctx::After(op_loc))?;
            let (right, right_depth) = self.expr(level + 1)?;
            depth = 1 + depth.max(right_depth);
            self.check_depth(depth, op_loc)?;
            let loc = node.loc.to(right.loc);
            let kind = match op {
                Op::Prox(p) => NodeKind::Prox(node, p, right),
                _ => NodeKind::Not(node, right),
            };
            node = Box::new(Node { kind, loc });
        }
        Ok((node, depth))
    }

    /// `AND` (with juxtaposition) or `OR`: all operands in one node.
    fn list(&mut self, level: u8, first: Parsed) -> Res<Parsed> {
        let (first, mut depth) = first;
        let mut rest = Vec::new();
        // Where the list starts to be one (its first operator), for a too-deep error.
        let mut joint = first.loc;
        loop {
            let (kind, loc) = self.peek()?;
            if rest.is_empty() {
                joint = loc;
            }
            match kind {
                Kind::Op(op) if op.level() == level => {
                    self.skip();
                    self.require(Ctx::After(loc))?;
                }
                kind if level == AND && kind.starts_operand() => {}
                _ => break,
            }
            let (child, child_depth) = self.expr(level + 1)?;
            depth = depth.max(child_depth);
            rest.push(child);
        }
        let Some(last) = rest.last() else {
            return Ok((first, depth));
        };
        let loc = first.loc.to(last.loc);
        self.check_depth(depth + 1, joint)?;
        let children: Vec<Node> = std::iter::once(first).chain(rest).map(|n| *n).collect();
        let kind = if level == AND {
            NodeKind::And(children)
        } else {
            NodeKind::Or(children)
        };
        Ok((Box::new(Node { kind, loc }), depth + 1))
    }

    fn unary(&mut self) -> Res<Parsed> {
        let (kind, minus) = self.peek()?;
        if kind != Kind::Minus {
            return self.primary();
        }
        self.skip();
        self.enter(minus)?;
        self.require(Ctx::Minus(minus))?;
        let (child, depth) = self.unary()?;
        self.leave();
        self.check_depth(depth + 1, minus)?;
        let loc = minus.to(child.loc);
        let kind = NodeKind::Neg(child);
        Ok((Box::new(Node { kind, loc }), depth + 1))
    }

    fn primary(&mut self) -> Res<Parsed> {
        let (kind, _) = self.peek()?;
        if kind == Kind::LParen {
            return self.group();
        }
        let lexed = self.next()?;
        match lexed.tok {
            Tok::Atom(node) => Ok((node, 1)),
            Tok::Field { name, name_loc } => self.field(name, name_loc, lexed.loc),
            _ => Err(self.unexpected(lexed.loc)),
        }
    }

    /// `( notexpr )`; the node's loc is widened to take in the parentheses.
    fn group(&mut self) -> Res<Parsed> {
        let (_, open) = self.peek()?;
        self.skip();
        self.enter(open)?;
        self.require(Ctx::Open(open))?;
        let (mut node, depth) = self.expr(NOT)?;
        let (kind, loc) = self.peek()?;
        match kind {
            Kind::RParen => {
                self.skip();
                self.leave();
                node.loc = open.to(loc);
                Ok((node, depth))
            }
            Kind::Eof => Err(self.unclosed(open)),
            _ => Err(self.unexpected(loc)),
        }
    }

    /// The value glued to `name:` (`prefix` covers `name:`).
    fn field(&mut self, name: String, name_loc: Loc, prefix: Loc) -> Res<Parsed> {
        let at = self.pos;
        let (child, depth) = match self.q[at..].chars().next() {
            None => return Err(self.needs_value(prefix)),
            Some(c) if c.is_whitespace() || c == ')' => return Err(self.needs_value(prefix)),
            Some('>' | '<') => return self.field_compare(name, prefix),
            Some('-') => {
                let field = self.text(prefix);
                let value = &self.q[at + 1..self.run_end(at + 1)];
                let value = if value.is_empty() { "rotor" } else { value };
                return Err(self.err(
                    Loc::new(at, at + 1),
                    format!("`-` cannot start the value of `{field}`"),
                    format!("to exclude, put `-` before the field: `-{field}{value}`"),
                ));
            }
            Some('[') => self.range(prefix)?,
            Some('(' | '"' | '=') => self.primary()?,
            Some(_) => {
                // Taken as typed: even `AND` or `ab:x` is just the value here.
                let end = self.run_end(at);
                self.pos = end;
                let word = Node {
                    kind: NodeKind::Word {
                        text: self.q[at..end].to_string(),
                        exact: false,
                    },
                    loc: Loc::new(at, end),
                };
                (Box::new(word), 1)
            }
        };
        self.check_depth(depth + 1, prefix)?;
        let loc = prefix.to(child.loc);
        let kind = NodeKind::Field {
            name,
            name_loc,
            child,
        };
        Ok((Box::new(Node { kind, loc }), depth + 1))
    }

    #[cold]
    #[inline(never)]
    fn needs_value(&self, prefix: Loc) -> Box<QueryError> {
        let field = self.text(prefix);
        self.err(
            prefix,
            format!("field `{field}` needs a value"),
            format!(
                "write the value right after the colon, with no space: `{field}rotor`, `{field}\"rotor blade\"` or `{field}(rotor OR blade)`"
            ),
        )
    }

    /// `name:>=value`, the same as `name>=value`.
    #[inline(never)]
    fn field_compare(&mut self, name: String, prefix: Loc) -> Res<Parsed> {
        let at = self.pos;
        let Some((op, len)) = cmp_op(&self.q[at..]) else {
            return Err(self.unexpected(Loc::new(at, at + 1)));
        };
        let value_start = at + len;
        let end = self.run_end(value_start);
        if end == value_start {
            return Err(self.empty_comparison(Loc::new(prefix.start, value_start)));
        }
        self.pos = end;
        let node = Node {
            kind: NodeKind::Compare {
                name,
                op,
                value: self.q[value_start..end].to_string(),
                value_loc: Loc::new(value_start, end),
            },
            loc: Loc::new(prefix.start, end),
        };
        Ok((Box::new(node), 1))
    }

    #[cold]
    #[inline(never)]
    fn empty_comparison(&self, loc: Loc) -> Box<QueryError> {
        self.err(
            loc,
            format!("`{}` needs a value to compare with", self.text(loc)),
            "write the value right after the operator, e.g. `pd>=2019-01-01`; for a span use `pd:[2010 TO 2015]`",
        )
    }

    /// `[lo TO hi]` after `name:` (`prefix`); whitespace inside the brackets is free.
    #[inline(never)]
    fn range(&mut self, prefix: Loc) -> Res<Parsed> {
        let field = self.text(prefix);
        let open = self.pos;
        let mut pos = open + 1;
        let hint = format!(
            "write a range as `{field}[2010 TO 2015]` (both ends included, `TO` in capitals)"
        );
        let found = |loc: Loc| match self.text(loc) {
            "" => "the end of the query".to_string(),
            text => format!("`{text}`"),
        };
        let is_bound = |loc: Loc| {
            let text = self.text(loc);
            !text.is_empty() && text != "TO" && !text.starts_with(is_range_delim)
        };
        let lo = self.range_item(&mut pos);
        if !is_bound(lo) {
            let message = format!("range `{field}[` needs a lower bound, found {}", found(lo));
            return Err(self.err(lo, message, hint));
        }
        let to = self.range_item(&mut pos);
        if self.text(to) != "TO" {
            let message = format!(
                "range `{field}[` needs `TO` after its lower bound, found {}",
                found(to)
            );
            return Err(self.err(to, message, hint));
        }
        let hi = self.range_item(&mut pos);
        if !is_bound(hi) {
            let message = format!(
                "range `{field}[` needs an upper bound after `TO`, found {}",
                found(hi)
            );
            return Err(self.err(hi, message, hint));
        }
        let close = self.range_item(&mut pos);
        if self.text(close) != "]" {
            let message = format!(
                "range `{field}[` needs a closing `]`, found {}",
                found(close)
            );
            return Err(self.err(close, message, hint));
        }
        self.pos = close.end;
        let node = Node {
            kind: NodeKind::Range {
                lo: self.text(lo).to_string(),
                lo_loc: lo,
                hi: self.text(hi).to_string(),
                hi_loc: hi,
            },
            loc: Loc::new(open, close.end),
        };
        Ok((Box::new(node), 1))
    }

    /// The next item inside a range: a run of bound characters, one delimiter, or an empty loc
    /// at the end of the query.
    fn range_item(&self, pos: &mut usize) -> Loc {
        let rest = &self.q[*pos..];
        let start = *pos + (rest.len() - rest.trim_start().len());
        let end = match self.q[start..].chars().next() {
            None => start,
            Some(c) if is_range_delim(c) => start + c.len_utf8(),
            Some(_) => self.q[start..]
                .find(|c: char| c.is_whitespace() || is_range_delim(c))
                .map_or(self.q.len(), |i| start + i),
        };
        *pos = end;
        Loc::new(start, end)
    }

    /// Where a word starting at `from` ends.
    fn run_end(&self, from: usize) -> usize {
        self.q[from..]
            .find(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '"'))
            .map_or(self.q.len(), |i| from + i)
    }

    #[inline(never)]
    fn lex(&self) -> Res<Lexed> {
        let rest = &self.q[self.pos..];
        let start = self.pos + (rest.len() - rest.trim_start().len());
        let one = |tok| Lexed {
            tok,
            loc: Loc::new(start, start + 1),
            end: start + 1,
        };
        match self.q[start..].chars().next() {
            None => Ok(Lexed {
                tok: Tok::Eof,
                loc: Loc::new(start, start),
                end: start,
            }),
            Some('(') => Ok(one(Tok::LParen)),
            Some(')') => Ok(one(Tok::RParen)),
            Some('"') => self.lex_phrase(start, start, false),
            Some('=') => self.lex_exact(start),
            Some('-') => match self.q[start + 1..].chars().next() {
                Some(c) if !c.is_whitespace() && c != ')' => Ok(one(Tok::Minus)),
                _ => Err(self.lone_minus(Loc::new(start, start + 1))),
            },
            Some(_) => self.lex_word(start),
        }
    }

    /// A phrase whose opening quote is at `quote`; `start` is before any `=`.
    fn lex_phrase(&self, start: usize, quote: usize, exact: bool) -> Res<Lexed> {
        let body = quote + 1;
        let Some(len) = self.q[body..].find('"') else {
            return Err(self.err(
                Loc::new(quote, body),
                "unclosed quote `\"`",
                "close the phrase with another `\"`, e.g. `\"lithium ion\"`",
            ));
        };
        let text = &self.q[body..body + len];
        let end = body + len + 1;
        if text.trim().is_empty() {
            let loc = Loc::new(quote, end);
            return Err(self.err(
                loc,
                format!("empty phrase `{}`", self.text(loc)),
                "put words between the quotes, e.g. `\"lithium ion\"`, or remove them",
            ));
        }
        let kind = NodeKind::Phrase {
            text: text.to_string(),
            exact,
        };
        Ok(Lexed {
            tok: Tok::Atom(Box::new(Node {
                kind,
                loc: Loc::new(start, end),
            })),
            loc: Loc::new(start, end),
            end,
        })
    }

    /// `=word` or `="phrase"`.
    fn lex_exact(&self, start: usize) -> Res<Lexed> {
        let after = start + 1;
        match self.q[after..].chars().next() {
            Some('"') => self.lex_phrase(start, after, true),
            Some(c) if !c.is_whitespace() && c != '(' && c != ')' => {
                let end = self.run_end(after);
                let text = &self.q[after..end];
                if let Some(name_len) = field_name_len(text)
                    && text.as_bytes().get(name_len) == Some(&b':')
                {
                    let name = &text[..name_len];
                    return Err(self.err(
                        Loc::new(start, after + name_len + 1),
                        format!("`=` goes after the field name, not before `{name}:`"),
                        format!("write `{name}:={}`", &text[name_len + 1..]),
                    ));
                }
                let kind = NodeKind::Word {
                    text: text.to_string(),
                    exact: true,
                };
                Ok(Lexed {
                    tok: Tok::Atom(Box::new(Node {
                        kind,
                        loc: Loc::new(start, end),
                    })),
                    loc: Loc::new(start, end),
                    end,
                })
            }
            _ => Err(self.err(
                Loc::new(start, after),
                "`=` needs a word or phrase right after it",
                "`=` asks for the exact form: write `=battery` or `=\"lithium ion\"` with no space",
            )),
        }
    }

    /// A run of word characters: an operator, `name:` (value to follow), `name>=value`, or a
    /// word.
    fn lex_word(&self, start: usize) -> Res<Lexed> {
        let end = self.run_end(start);
        let text = &self.q[start..end];
        let loc = Loc::new(start, end);
        if let Some(op) = self.operator(text, loc)? {
            return Ok(Lexed {
                tok: Tok::Op(op),
                loc,
                end,
            });
        }
        if let Some(name_len) = field_name_len(text) {
            let name_loc = Loc::new(start, start + name_len);
            let name = text[..name_len].to_ascii_lowercase();
            let after = &text[name_len..];
            if after.starts_with(':') {
                if !FIELD_NAMES.contains(&name.as_str()) {
                    return Err(self.unknown_field(name_loc));
                }
                let prefix_end = name_loc.end + 1;
                return Ok(Lexed {
                    tok: Tok::Field { name, name_loc },
                    loc: Loc::new(start, prefix_end),
                    end: prefix_end,
                });
            }
            if let Some((op, op_len)) = cmp_op(after) {
                if !FIELD_NAMES.contains(&name.as_str()) {
                    return Err(self.unknown_field(name_loc));
                }
                let value_start = name_loc.end + op_len;
                if value_start == end {
                    return Err(self.empty_comparison(loc));
                }
                let kind = NodeKind::Compare {
                    name,
                    op,
                    value: self.q[value_start..end].to_string(),
                    value_loc: Loc::new(value_start, end),
                };
                return Ok(Lexed {
                    tok: Tok::Atom(Box::new(Node { kind, loc })),
                    loc,
                    end,
                });
            }
        }
        let kind = NodeKind::Word {
            text: text.to_string(),
            exact: false,
        };
        Ok(Lexed {
            tok: Tok::Atom(Box::new(Node { kind, loc })),
            loc,
            end,
        })
    }

    /// `Some` if `text` is an operator; an error if it is a proximity operator with a bad
    /// distance.
    fn operator(&self, text: &str, loc: Loc) -> Res<Option<Op>> {
        let op = match text {
            "AND" => Op::And,
            "OR" => Op::Or,
            "NOT" => Op::Not,
            "WITH" => Op::Prox(ProxOp::With),
            "SAME" => Op::Prox(ProxOp::Same),
            "ADJ" => Op::Prox(ProxOp::Adj(1)),
            "NEAR" => Op::Prox(ProxOp::Near(1)),
            _ => {
                let (rest, near) = if let Some(rest) = text.strip_prefix("ADJ") {
                    (rest, false)
                } else if let Some(rest) = text.strip_prefix("NEAR") {
                    (rest, true)
                } else {
                    return Ok(None);
                };
                // `ADJ/n` or the USPTO's `ADJn`; anything else (`ADJUST`, `NEARBY`) is a word.
                let digits = match rest.strip_prefix('/') {
                    Some(digits) => digits,
                    None if rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
                    None => return Ok(None),
                };
                let n = self.distance(digits, loc)?;
                Op::Prox(if near {
                    ProxOp::Near(n)
                } else {
                    ProxOp::Adj(n)
                })
            }
        };
        Ok(Some(op))
    }

    fn distance(&self, digits: &str, loc: Loc) -> Res<u32> {
        let text = self.text(loc);
        let hint = format!(
            "`NEAR/5` finds words within 5 words of each other in any order, `ADJ/5` in order; the distance is 1 to {MAX_DISTANCE}"
        );
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(self.err(
                loc,
                format!("`{text}`: the distance must be a number from 1 to {MAX_DISTANCE}"),
                hint,
            ));
        }
        let significant = digits.trim_start_matches('0');
        let n = if significant.is_empty() {
            0
        } else if significant.len() > 9 {
            u32::MAX
        } else {
            significant.parse().unwrap_or(u32::MAX)
        };
        if n == 0 {
            return Err(self.err(
                loc,
                format!("`{text}`: the distance must be at least 1"),
                hint,
            ));
        }
        if n > MAX_DISTANCE {
            return Err(self.err(
                loc,
                format!("`{text}`: the distance must be at most {MAX_DISTANCE}"),
                hint,
            ));
        }
        Ok(n)
    }
}

/// The length of the ASCII letters that start `text`, if any: a field name candidate.
fn field_name_len(text: &str) -> Option<usize> {
    let len = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    (len > 0).then_some(len)
}

/// The comparison operator `text` starts with, longest first, and its length.
fn cmp_op(text: &str) -> Option<(CmpOp, usize)> {
    if text.starts_with(">=") {
        Some((CmpOp::Ge, 2))
    } else if text.starts_with("<=") {
        Some((CmpOp::Le, 2))
    } else if text.starts_with('>') {
        Some((CmpOp::Gt, 1))
    } else if text.starts_with('<') {
        Some((CmpOp::Lt, 1))
    } else {
        None
    }
}

fn is_range_delim(c: char) -> bool {
    matches!(c, '[' | ']' | '(' | ')' | '"')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree with every location zeroed, to compare trees parsed from different texts.
    fn strip(node: &Node) -> Node {
        let kind = match &node.kind {
            NodeKind::Word { .. } | NodeKind::Phrase { .. } => node.kind.clone(),
            NodeKind::And(children) => NodeKind::And(children.iter().map(strip).collect()),
            NodeKind::Or(children) => NodeKind::Or(children.iter().map(strip).collect()),
            NodeKind::Not(l, r) => NodeKind::Not(Box::new(strip(l)), Box::new(strip(r))),
            NodeKind::Neg(c) => NodeKind::Neg(Box::new(strip(c))),
            NodeKind::Prox(l, op, r) => NodeKind::Prox(Box::new(strip(l)), *op, Box::new(strip(r))),
            NodeKind::Field { name, child, .. } => NodeKind::Field {
                name: name.clone(),
                name_loc: Loc::default(),
                child: Box::new(strip(child)),
            },
            NodeKind::Compare {
                name, op, value, ..
            } => NodeKind::Compare {
                name: name.clone(),
                op: *op,
                value: value.clone(),
                value_loc: Loc::default(),
            },
            NodeKind::Range { lo, hi, .. } => NodeKind::Range {
                lo: lo.clone(),
                lo_loc: Loc::default(),
                hi: hi.clone(),
                hi_loc: Loc::default(),
            },
        };
        Node {
            kind,
            loc: Loc::default(),
        }
    }

    fn assert_round_trip(query: &str, node: &Node) {
        let shown = node.to_string();
        match parse(&shown) {
            Ok(again) => assert_eq!(
                strip(&again),
                strip(node),
                "`{query}` shows as `{shown}`, which parses differently"
            ),
            Err(e) => panic!("`{query}` shows as `{shown}`, which does not parse:\n{e}"),
        }
    }

    const SHOWN: &[(&str, &str)] = &[
        // Words as typed.
        ("a", "a"),
        ("  rotor  ", "rotor"),
        ("batter*", "batter*"),
        ("colo?r", "colo?r"),
        ("li-ion", "li-ion"),
        ("H01M10/0562", "H01M10/0562"),
        ("2015-03-17", "2015-03-17"),
        ("US7,654,321", "US7,654,321"),
        (
            "[x a]b TO > >=5 1:2 :x",
            "([x AND a]b AND TO AND > AND >=5 AND 1:2 AND :x)",
        ),
        ("größe NEAR/2 日本", "(größe NEAR/2 日本)"),
        ("a\tb\nc\u{0}", "(a AND b AND c\u{0})"),
        (
            "NEARBY ADJUST WITHIN NEAR-field",
            "(NEARBY AND ADJUST AND WITHIN AND NEAR-field)",
        ),
        // Lowercase operators are words.
        (
            "a and b or c near d not e",
            "(a AND and AND b AND or AND c AND near AND d AND not AND e)",
        ),
        // Precedence.
        ("a b", "(a AND b)"),
        ("a AND b", "(a AND b)"),
        ("a AND b c", "(a AND b AND c)"),
        ("a OR b c", "(a OR (b AND c))"),
        ("a b OR c", "((a AND b) OR c)"),
        ("a OR b OR c", "(a OR b OR c)"),
        ("a b NOT c OR d", "((a AND b) NOT (c OR d))"),
        ("a NOT b NOT c", "((a NOT b) NOT c)"),
        ("a OR b NOT c d", "((a OR b) NOT (c AND d))"),
        ("a NEAR/2 b c", "((a NEAR/2 b) AND c)"),
        ("a WITH b ADJ c", "(a WITH (b ADJ/1 c))"),
        ("a ADJ b NEAR c", "((a ADJ/1 b) NEAR/1 c)"),
        ("a NEAR b ADJ/2 c", "((a NEAR/1 b) ADJ/2 c)"),
        ("a SAME b WITH c", "(a SAME (b WITH c))"),
        ("a WITH b SAME c WITH d", "((a WITH b) SAME (c WITH d))"),
        ("a SAME b SAME c", "((a SAME b) SAME c)"),
        ("a OR b NEAR c", "(a OR (b NEAR/1 c))"),
        ("-a NEAR b", "(-a NEAR/1 b)"),
        // Proximity spellings.
        ("a ADJ3 b", "(a ADJ/3 b)"),
        ("a NEAR10 b", "(a NEAR/10 b)"),
        ("a NEAR/007 b", "(a NEAR/7 b)"),
        ("a ADJ/10000 b", "(a ADJ/10000 b)"),
        // Groups.
        ("(a)", "a"),
        ("((a))", "a"),
        ("(a b)", "(a AND b)"),
        ("(a OR b) OR c", "((a OR b) OR c)"),
        ("a AND (b AND c)", "(a AND (b AND c))"),
        ("(a (b OR (c NEAR d)))", "(a AND (b OR (c NEAR/1 d)))"),
        ("a(b)c", "(a AND b AND c)"),
        ("(a)AND(b)", "(a AND b)"),
        ("a\"b c\"d", "(a AND \"b c\" AND d)"),
        (
            "((battery OR cell*) NEAR/5 (anode OR cathode))",
            "((battery OR cell*) NEAR/5 (anode OR cathode))",
        ),
        (
            "((lithium ADJ ion) OR li-ion) NEAR/10 (separator* OR membrane)",
            "(((lithium ADJ/1 ion) OR li-ion) NEAR/10 (separator* OR membrane))",
        ),
        // Phrases.
        ("\"lithium ion\"", "\"lithium ion\""),
        ("\" lithium  ion \"", "\" lithium  ion \""),
        ("\"a (b) OR c\"", "\"a (b) OR c\""),
        // Fields.
        ("ti:rotor", "ti:rotor"),
        ("TI:rotor", "ti:rotor"),
        ("Cpc:H01M10/0562", "cpc:H01M10/0562"),
        ("pd:2015-03", "pd:2015-03"),
        ("pn:\"US 7,654,321 B2\"", "pn:\"US 7,654,321 B2\""),
        ("ti:\"lithium ion\"", "ti:\"lithium ion\""),
        ("cl:(rotor NEAR/3 blade*)", "cl:(rotor NEAR/3 blade*)"),
        ("ti:(rotor)", "ti:rotor"),
        ("ti:(a b) c", "(ti:(a AND b) AND c)"),
        ("ti:=battery", "ti:=battery"),
        ("ti:=\"exact phrase\"", "ti:=\"exact phrase\""),
        ("ti:AND ab:x:y", "(ti:AND AND ab:x:y)"),
        ("ti:(-x)", "ti:(-x)"),
        ("ti:([x)", "ti:([x)"),
        ("ti:(>5)", "ti:(>5)"),
        ("ti:(ab:x)", "ti:(ab:x)"),
        ("ti:(pd>=2019)", "ti:(pd>=2019)"),
        ("ti:(a) OR ab:b", "(ti:a OR ab:b)"),
        ("ti:rotor NEAR/3 blade", "(ti:rotor NEAR/3 blade)"),
        // Ranges.
        ("pd:[2010 TO 2015]", "pd:[2010 TO 2015]"),
        ("pd:[ 2010\t TO  2015 ]", "pd:[2010 TO 2015]"),
        (
            "pd:[2010-01-01 TO 2015-12-31] rotor",
            "(pd:[2010-01-01 TO 2015-12-31] AND rotor)",
        ),
        ("cpc:[H01M TO H01N]", "cpc:[H01M TO H01N]"),
        // Comparisons.
        ("pd>=2019-01-01", "pd>=2019-01-01"),
        ("pd:>=2019", "pd>=2019"),
        ("PD<2005", "pd<2005"),
        ("prd>2001 ad<=2010", "(prd>2001 AND ad<=2010)"),
        ("pd:<2001", "pd<2001"),
        ("pd>=>3", "pd>=>3"),
        // Exact.
        ("=battery", "=battery"),
        ("=\"exact phrase\"", "=\"exact phrase\""),
        ("=AND", "=AND"),
        ("==x", "==x"),
        ("=-x", "=-x"),
        ("=pd>=3", "=pd>=3"),
        // Negation.
        ("-x", "-x"),
        ("a -b", "(a AND -b)"),
        ("-\"lithium ion\"", "-\"lithium ion\""),
        ("-(a OR b)", "-(a OR b)"),
        ("-ti:x", "-ti:x"),
        ("--x", "--x"),
        ("-pd>=2019", "-pd>=2019"),
        ("-=battery", "-=battery"),
        ("-(-x)", "--x"),
    ];

    #[test]
    fn canonical_form() {
        for (query, shown) in SHOWN {
            match parse(query) {
                Ok(node) => assert_eq!(node.to_string(), *shown, "for `{query}`"),
                Err(e) => panic!("`{query}` should parse:\n{e}"),
            }
        }
    }

    #[test]
    fn canonical_form_parses_back_to_the_same_tree() {
        for (query, _) in SHOWN {
            let node = parse(query).unwrap();
            assert_round_trip(query, &node);
        }
    }

    #[test]
    fn nodes_and_locations() {
        let node = parse("ti:(rotor NEAR/3 blade*)").unwrap();
        assert_eq!(node.loc, Loc::new(0, 24));
        let NodeKind::Field {
            name,
            name_loc,
            child,
        } = &node.kind
        else {
            panic!("{node:?}")
        };
        assert_eq!((name.as_str(), *name_loc), ("ti", Loc::new(0, 2)));
        assert_eq!(child.loc, Loc::new(3, 24));
        let NodeKind::Prox(l, op, r) = &child.kind else {
            panic!("{child:?}")
        };
        assert_eq!(*op, ProxOp::Near(3));
        assert_eq!(l.loc, Loc::new(4, 9));
        assert_eq!(r.loc, Loc::new(17, 23));

        let node = parse("a -=b").unwrap();
        assert_eq!(node.loc, Loc::new(0, 5));
        let NodeKind::And(children) = &node.kind else {
            panic!("{node:?}")
        };
        assert_eq!(children[1].loc, Loc::new(2, 5));
        let NodeKind::Neg(word) = &children[1].kind else {
            panic!("{node:?}")
        };
        assert_eq!(
            **word,
            Node {
                kind: NodeKind::Word {
                    text: "b".into(),
                    exact: true
                },
                loc: Loc::new(3, 5)
            }
        );

        let node = parse("PD:[2010 TO 2015]").unwrap();
        assert_eq!(
            node,
            Node {
                kind: NodeKind::Field {
                    name: "pd".into(),
                    name_loc: Loc::new(0, 2),
                    child: Box::new(Node {
                        kind: NodeKind::Range {
                            lo: "2010".into(),
                            lo_loc: Loc::new(4, 8),
                            hi: "2015".into(),
                            hi_loc: Loc::new(12, 16),
                        },
                        loc: Loc::new(3, 17),
                    }),
                },
                loc: Loc::new(0, 17),
            }
        );

        let compare = |q: &str| match parse(q).unwrap().kind {
            NodeKind::Compare {
                name,
                op,
                value,
                value_loc,
            } => (name, op, value, value_loc),
            kind => panic!("{kind:?}"),
        };
        assert_eq!(
            compare("pd>=2019"),
            ("pd".into(), CmpOp::Ge, "2019".into(), Loc::new(4, 8))
        );
        assert_eq!(
            compare("pd:<2019"),
            ("pd".into(), CmpOp::Lt, "2019".into(), Loc::new(4, 8))
        );

        let node = parse("=\"a b\"").unwrap();
        assert_eq!(node.loc, Loc::new(0, 6));
        assert_eq!(
            node.kind,
            NodeKind::Phrase {
                text: "a b".into(),
                exact: true
            }
        );
    }

    /// (query, part of the message, where the caret goes)
    const ERRORS: &[(&str, &str, (usize, usize))] = &[
        ("", "empty query", (0, 0)),
        ("  \t", "empty query", (0, 3)),
        ("()", "empty parentheses `()`", (0, 2)),
        ("a ( ) b", "empty parentheses", (2, 5)),
        ("ti:()", "empty parentheses", (3, 5)),
        ("a)", "unmatched `)`", (1, 2)),
        (")", "unmatched `)`", (0, 1)),
        ("(a))", "unmatched `)`", (3, 4)),
        ("(a", "unclosed `(`", (0, 1)),
        ("a (b (c)", "unclosed `(`", (2, 3)),
        ("ti:(a", "unclosed `(`", (3, 4)),
        ("(", "unclosed `(`", (0, 1)),
        (
            "AND b",
            "`AND` needs a word, phrase or group on its left",
            (0, 3),
        ),
        (
            "a OR",
            "`OR` needs a word, phrase or group on its right",
            (2, 4),
        ),
        (
            "a NEAR/3",
            "`NEAR/3` needs a word, phrase or group on its right",
            (2, 8),
        ),
        (
            "NOT b",
            "`NOT` needs a word, phrase or group on its left",
            (0, 3),
        ),
        (
            "a AND OR b",
            "`AND` needs a word, phrase or group on its right",
            (2, 5),
        ),
        (
            "(OR a)",
            "`OR` needs a word, phrase or group on its left",
            (1, 3),
        ),
        (
            "a (b AND)",
            "`AND` needs a word, phrase or group on its right",
            (5, 8),
        ),
        ("a WITH", "`WITH` needs", (2, 6)),
        ("SAME a", "`SAME` needs", (0, 4)),
        ("a ADJ5", "`ADJ5` needs", (2, 6)),
        (
            "a NEAR/0 b",
            "`NEAR/0`: the distance must be at least 1",
            (2, 8),
        ),
        (
            "a NEAR0 b",
            "`NEAR0`: the distance must be at least 1",
            (2, 7),
        ),
        ("a ADJ/000 b", "the distance must be at least 1", (2, 9)),
        (
            "a NEAR/x b",
            "`NEAR/x`: the distance must be a number",
            (2, 8),
        ),
        (
            "a NEAR/ b",
            "`NEAR/`: the distance must be a number",
            (2, 7),
        ),
        ("a NEAR/-3 b", "the distance must be a number", (2, 9)),
        ("a NEAR3x b", "the distance must be a number", (2, 8)),
        (
            "a ADJ/10001 b",
            "`ADJ/10001`: the distance must be at most 10000",
            (2, 11),
        ),
        (
            "a NEAR99999999999999999999 b",
            "the distance must be at most 10000",
            (2, 26),
        ),
        ("xyz:foo", "unknown field `xyz`", (0, 3)),
        ("a Tit:rotor", "unknown field `Tit`", (2, 5)),
        ("http://x", "unknown field `http`", (0, 4)),
        ("xy>=3", "unknown field `xy`", (0, 2)),
        ("a<b", "unknown field `a`", (0, 1)),
        ("x>", "unknown field `x`", (0, 1)),
        ("ti:", "field `ti:` needs a value", (0, 3)),
        ("ti: rotor", "field `ti:` needs a value", (0, 3)),
        ("(ti:)", "field `ti:` needs a value", (1, 4)),
        ("ti:-x", "`-` cannot start the value of `ti:`", (3, 4)),
        ("=ti:x", "`=` goes after the field name", (0, 4)),
        (
            "pd:[2010 2015]",
            "needs `TO` after its lower bound, found `2015`",
            (9, 13),
        ),
        ("pd:[2010 to 2015]", "found `to`", (9, 11)),
        (
            "pd:[2010 TO]",
            "needs an upper bound after `TO`, found `]`",
            (11, 12),
        ),
        (
            "pd:[2010 TO",
            "needs an upper bound after `TO`, found the end",
            (11, 11),
        ),
        ("pd:[ TO 2015]", "needs a lower bound, found `TO`", (5, 7)),
        (
            "pd:[]",
            "range `pd:[` needs a lower bound, found `]`",
            (4, 5),
        ),
        (
            "pd:[",
            "needs a lower bound, found the end of the query",
            (4, 4),
        ),
        (
            "pd:[2010 TO 2015",
            "needs a closing `]`, found the end of the query",
            (16, 16),
        ),
        (
            "pd:[2010 TO 2015 2016]",
            "needs a closing `]`, found `2016`",
            (17, 21),
        ),
        (
            "(pd:[2010 TO 2015)",
            "needs a closing `]`, found `)`",
            (17, 18),
        ),
        (
            "pd:[\"2010\" TO 2015]",
            "needs a lower bound, found `\"`",
            (4, 5),
        ),
        ("\"lithium ion", "unclosed quote", (0, 1)),
        ("a \"b", "unclosed quote", (2, 3)),
        ("=\"b", "unclosed quote", (1, 2)),
        ("\"\"", "empty phrase `\"\"`", (0, 2)),
        ("a \" \" b", "empty phrase", (2, 5)),
        ("=", "`=` needs a word or phrase", (0, 1)),
        ("a = b", "`=` needs a word or phrase", (2, 3)),
        ("=(a)", "`=` needs a word or phrase", (0, 1)),
        ("ti:=", "`=` needs a word or phrase", (3, 4)),
        ("-", "`-` needs a word, phrase or group", (0, 1)),
        ("a - b", "`-` needs a word, phrase or group", (2, 3)),
        ("(a -)", "`-` needs a word, phrase or group", (3, 4)),
        ("-AND b", "`-` needs a word, phrase or group", (0, 1)),
        ("pd>=", "`pd>=` needs a value", (0, 4)),
        ("pd:>=", "`pd:>=` needs a value", (0, 5)),
        ("pd:< x", "`pd:<` needs a value", (0, 4)),
        ("pd>\"2019\"", "`pd>` needs a value", (0, 3)),
    ];

    #[test]
    fn errors_say_what_and_where() {
        for (query, message, (start, end)) in ERRORS {
            match parse(query) {
                Ok(node) => panic!("`{query}` should fail, got `{node}`"),
                Err(e) => {
                    assert!(
                        e.message.contains(message),
                        "`{query}`: `{}` should contain `{message}`",
                        e.message
                    );
                    assert_eq!(e.loc, Loc::new(*start, *end), "`{query}`: {}", e.message);
                    assert!(!e.hint.is_empty(), "`{query}` has no hint");
                    assert_eq!(e.query, *query);
                }
            }
        }
    }

    #[test]
    fn error_hints() {
        let e = parse("xyz:a").unwrap_err();
        assert!(e.hint.contains(&FIELD_NAMES.join(", ")), "{}", e.hint);
        let e = parse("NOT a").unwrap_err();
        assert!(e.hint.contains("-helicopter"), "{}", e.hint);
        let e = parse("\"a").unwrap_err();
        assert!(e.hint.contains("close the phrase"), "{}", e.hint);
        let e = parse("=ti:x").unwrap_err();
        assert!(e.hint.contains("`ti:=x`"), "{}", e.hint);
        let e = parse("ti:-x").unwrap_err();
        assert!(e.hint.contains("`-ti:x`"), "{}", e.hint);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = |q: String| {
            let e = parse(&q).unwrap_err();
            assert!(e.message.contains("levels deep"), "{}", e.message);
        };
        deep(format!("{}a{}", "(".repeat(100_000), ")".repeat(100_000)));
        deep(format!("{}a", "-".repeat(100_000)));
        deep(format!("a{}", " NEAR b".repeat(20_000)));
        deep(format!("a{}", " NOT b".repeat(20_000)));
        deep("ti:(".repeat(10_000));
        deep(format!("{}a", "(a OR -".repeat(10_000)));
        // The caret goes where the limit is crossed.
        let chain = format!("({}x)", "x NEAR ".repeat(MAX_DEPTH - 1));
        assert!(parse(&chain).is_ok());
        let q = format!("{chain} y");
        assert_eq!(parse(&q).unwrap_err().loc, Loc::new(q.len() - 1, q.len()));
        let q = format!("{chain} OR y");
        assert_eq!(
            parse(&q).unwrap_err().loc,
            Loc::new(q.len() - 4, q.len() - 2)
        );
        let q = format!("ti:{chain}");
        assert_eq!(parse(&q).unwrap_err().loc, Loc::new(0, 3));
        let q = format!("-{chain}");
        assert_eq!(parse(&q).unwrap_err().loc, Loc::new(0, 1));
        let q = format!("{chain} NOT y");
        assert_eq!(
            parse(&q).unwrap_err().loc,
            Loc::new(q.len() - 5, q.len() - 2)
        );
        // Just under the limit is fine, and prints and parses back.
        let q = format!("{}a{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert_eq!(parse(&q).unwrap().to_string(), "a");
        let q = format!("a{}", " NEAR b".repeat(MAX_DEPTH - 1));
        let node = parse(&q).unwrap();
        assert_round_trip(&q, &node);
        // Long flat lists are not deep.
        let q = vec!["cpc:H01M"; 20_000].join(" OR ");
        assert!(parse(&q).is_ok());
    }

    /// A small deterministic generator, so failures reproduce.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    #[test]
    fn random_text_never_panics() {
        const PIECES: &[&str] = &[
            "(", ")", "\"", "=", "-", ":", "[", "]", " TO ", " AND ", " OR ", " NOT ", " NEAR/",
            " ADJ", "WITH", "SAME", " ", "0", "1", "3", "10", "a", "b", "x", "ti", "pd", "ti:",
            "pd>=", "pd:", "*", "?", "é", "日本", "\t", "\u{0}", ">", "<", "NEAR", "/",
        ];
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
        let (mut ok, mut failed) = (0, 0);
        for _ in 0..20_000 {
            let len = 1 + rng.below(12);
            let query: String = (0..len).map(|_| rng.pick(PIECES)).collect();
            match parse(&query) {
                Ok(node) => {
                    ok += 1;
                    assert_round_trip(&query, &node);
                }
                Err(e) => {
                    failed += 1;
                    let Loc { start, end } = e.loc;
                    assert!(start <= end && end <= query.len(), "`{query}`: {e:?}");
                    assert!(
                        query.is_char_boundary(start) && query.is_char_boundary(end),
                        "`{query}`: {e:?}"
                    );
                    assert!(!e.message.is_empty() && !e.hint.is_empty());
                    let _ = e.render();
                }
            }
        }
        // Both paths get exercised.
        assert!(ok > 1_000 && failed > 1_000, "ok {ok}, failed {failed}");
    }

    fn random_tree(rng: &mut XorShift, depth: usize) -> Node {
        const WORDS: &[&str] = &[
            "rotor",
            "blade*",
            "li-ion",
            "H01M10/0562",
            "größe",
            "日本",
            "colo?r",
            "and",
            "near",
            "2015-03-17",
            "US7,654,321",
            "x\u{0}",
            "a]b",
        ];
        const PHRASES: &[&str] = &["lithium ion", "a (b) OR c", " x ", "日本 語"];
        const VALUES: &[&str] = &["2019", "2019-01-01", "1999-12"];
        let node = |kind| Node {
            kind,
            loc: Loc::default(),
        };
        let exact = rng.below(4) == 0;
        let leaf = depth == 0 || rng.below(3) == 0;
        let choice = if leaf { rng.below(3) } else { 3 + rng.below(6) };
        match choice {
            0 => node(NodeKind::Word {
                text: rng.pick(WORDS).to_string(),
                exact,
            }),
            1 => node(NodeKind::Phrase {
                text: rng.pick(PHRASES).to_string(),
                exact,
            }),
            2 => node(NodeKind::Compare {
                name: rng.pick(&["pd", "ad", "prd"]).to_string(),
                op: [CmpOp::Lt, CmpOp::Le, CmpOp::Gt, CmpOp::Ge][rng.below(4)],
                value: rng.pick(VALUES).to_string(),
                value_loc: Loc::default(),
            }),
            3 | 4 => {
                let children = (0..2 + rng.below(3))
                    .map(|_| random_tree(rng, depth - 1))
                    .collect();
                node(if choice == 3 {
                    NodeKind::And(children)
                } else {
                    NodeKind::Or(children)
                })
            }
            5 => node(NodeKind::Not(
                Box::new(random_tree(rng, depth - 1)),
                Box::new(random_tree(rng, depth - 1)),
            )),
            6 => node(NodeKind::Neg(Box::new(random_tree(rng, depth - 1)))),
            7 => {
                let op = match rng.below(4) {
                    0 => ProxOp::Adj(1 + rng.below(20) as u32),
                    1 => ProxOp::Near(1 + rng.below(20) as u32),
                    2 => ProxOp::With,
                    _ => ProxOp::Same,
                };
                node(NodeKind::Prox(
                    Box::new(random_tree(rng, depth - 1)),
                    op,
                    Box::new(random_tree(rng, depth - 1)),
                ))
            }
            _ => {
                let name = rng.pick(FIELD_NAMES).to_string();
                let child = if rng.below(4) == 0 {
                    node(NodeKind::Range {
                        lo: rng.pick(VALUES).to_string(),
                        lo_loc: Loc::default(),
                        hi: rng.pick(VALUES).to_string(),
                        hi_loc: Loc::default(),
                    })
                } else {
                    random_tree(rng, depth - 1)
                };
                node(NodeKind::Field {
                    name,
                    name_loc: Loc::default(),
                    child: Box::new(child),
                })
            }
        }
    }

    #[test]
    fn random_trees_print_and_parse_back() {
        let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
        for _ in 0..3_000 {
            let tree = random_tree(&mut rng, 4);
            let shown = tree.to_string();
            match parse(&shown) {
                Ok(again) => assert_eq!(strip(&again), tree, "`{shown}`"),
                Err(e) => panic!("`{shown}` does not parse:\n{e}"),
            }
        }
    }
}
