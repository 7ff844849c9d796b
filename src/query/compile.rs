//! Turning a resolved [`Plan`] into a tantivy query.
//!
//! Single words become unions of tantivy term queries (BM25 scored); phrases and proximity
//! become [`SpanQuery`]s; class codes, numbers and dates are filters with a constant score, so
//! they narrow a search without changing its ranking.

use std::ops::Bound;
use std::sync::Arc;

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

use super::ast::QueryError;
use super::expand::{Expander, Expansion};
use super::plan::{Plan, SpanExpr, WordMatch};
use super::span::{SpanQuery, SpanTree};
use crate::index::schema;

/// A positional clause that contributes to highlighting: where it searches and what.
#[derive(Debug, Clone)]
pub struct Clause {
    pub field: &'static str,
    pub tree: Arc<SpanTree>,
}

/// The output of compiling: the query, and the clauses whose matches are worth highlighting
/// (those not under a `NOT`).
pub struct Compiled {
    pub query: Box<dyn Query>,
    pub clauses: Vec<Clause>,
}

/// Compiles a plan against the index `ex` reads.
pub fn compile(plan: &Plan, ex: &mut Expander) -> Result<Compiled, QueryError> {
    let mut clauses = Vec::new();
    let query = Compiler {
        ex,
        clauses: &mut clauses,
    }
    .query(plan, true)?;
    Ok(Compiled { query, clauses })
}

struct Compiler<'a, 's> {
    ex: &'a mut Expander<'s>,
    clauses: &'a mut Vec<Clause>,
}

fn filter(q: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(q, 1.0))
}

fn everything() -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(Box::new(AllQuery), 0.0))
}

fn or(mut v: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    match v.len() {
        0 => Box::new(EmptyQuery),
        1 => v.pop().expect("one"),
        _ => Box::new(BooleanQuery::new(
            v.into_iter().map(|q| (Occur::Should, q)).collect(),
        )),
    }
}

/// Any of `words` in `field` (for a keyword field, any of these exact values); the analyses
/// build their owner, number and citation filters with it.
pub fn any_of<S: AsRef<str>>(
    field: Field,
    words: impl IntoIterator<Item = S>,
    option: IndexRecordOption,
) -> Box<dyn Query> {
    or(words
        .into_iter()
        .map(|w| {
            Box::new(TermQuery::new(
                Term::from_field_text(field, w.as_ref()),
                option,
            )) as Box<dyn Query>
        })
        .collect())
}

fn not(q: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, everything()),
        (Occur::MustNot, q),
    ]))
}

impl Compiler<'_, '_> {
    fn query(&mut self, plan: &Plan, positive: bool) -> Result<Box<dyn Query>, QueryError> {
        Ok(match plan {
            Plan::Text { fields, expr, .. } => {
                let mut per_field = Vec::new();
                for &name in fields.iter() {
                    per_field.push(self.text(name, expr, positive)?);
                }
                or(per_field)
            }
            Plan::Term { field, value, .. } => filter(Box::new(TermQuery::new(
                Term::from_field_text(schema::field(field), value),
                IndexRecordOption::Basic,
            ))),
            Plan::TermGlob {
                field,
                pattern,
                loc,
                ..
            } => {
                let f = schema::field(field);
                let e = self.ex.expand(f, &WordMatch::Glob(pattern.clone()), *loc)?;
                filter(any_of(f, &e.words, IndexRecordOption::Basic))
            }
            Plan::Date { field, lo, hi, .. } => {
                let f = schema::field(field);
                let bound = |d: &Option<jiff::civil::Date>| match d {
                    Some(d) => Bound::Included(Term::from_field_date(f, schema::date_time(*d))),
                    None => Bound::Unbounded,
                };
                filter(Box::new(RangeQuery::new(bound(lo), bound(hi))))
            }
            Plan::And(v, _) => {
                let mut clauses = Vec::new();
                for p in v {
                    match p {
                        Plan::Neg(inner, _) => {
                            clauses.push((Occur::MustNot, self.query(inner, !positive)?))
                        }
                        _ => clauses.push((Occur::Must, self.query(p, positive)?)),
                    }
                }
                if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
                    clauses.push((Occur::Must, everything()));
                }
                Box::new(BooleanQuery::new(clauses))
            }
            Plan::Or(v, _) => or(v
                .iter()
                .map(|p| self.query(p, positive))
                .collect::<Result<_, _>>()?),
            Plan::Not(a, b, _) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, self.query(a, positive)?),
                (Occur::MustNot, self.query(b, !positive)?),
            ])),
            Plan::Neg(a, _) => not(self.query(a, !positive)?),
        })
    }

    /// A positional expression on one field.
    fn text(
        &mut self,
        name: &'static str,
        expr: &SpanExpr,
        positive: bool,
    ) -> Result<Box<dyn Query>, QueryError> {
        let field = schema::field(name);
        let tree = Arc::new(self.tree(field, expr)?);
        if positive {
            self.clauses.push(Clause {
                field: name,
                tree: tree.clone(),
            });
        }
        if let SpanTree::Word(e) = tree.as_ref() {
            return Ok(any_of(field, &e.words, IndexRecordOption::WithFreqs));
        }
        let n = self.ex.searcher().num_docs() as f32;
        let mut weight = 0.0;
        tree.for_each_word(&mut |e: &Arc<Expansion>| {
            let df = e.max_doc_freq() as f32;
            weight += (1.0 + (n - df + 0.5) / (df + 0.5)).ln().max(0.0);
        });
        Ok(Box::new(SpanQuery {
            field,
            tree,
            weight,
            label: format!("{name}:{expr}"),
        }))
    }

    fn tree(&mut self, field: Field, expr: &SpanExpr) -> Result<SpanTree, QueryError> {
        Ok(match expr {
            SpanExpr::Word(m, loc) => SpanTree::Word(self.ex.expand(field, m, *loc)?),
            SpanExpr::Phrase(v, loc) => SpanTree::Phrase(
                v.iter()
                    .map(|m| self.ex.expand(field, m, *loc))
                    .collect::<Result<_, _>>()?,
            ),
            SpanExpr::Or(v, _) => SpanTree::Or(
                v.iter()
                    .map(|e| self.tree(field, e))
                    .collect::<Result<_, _>>()?,
            ),
            SpanExpr::Prox(a, op, b, _) => SpanTree::Prox(
                Box::new(self.tree(field, a)?),
                *op,
                Box::new(self.tree(field, b)?),
            ),
        })
    }
}
