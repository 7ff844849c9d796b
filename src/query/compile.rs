//! Turning a resolved [`Plan`] into a tantivy query.
//!
//! Single words become unions of tantivy term queries (BM25 scored); phrases and proximity
//! become [`SpanQuery`]s; class codes, numbers and dates are filters with a constant score, so
//! they narrow a search without changing its ranking.

use std::ops::Bound;
use std::sync::Arc;

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, Query, QueryClone, RangeQuery,
    TermQuery,
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

/// Any of `v`, scored as the sum of those that match.
///
/// Nested disjunctions are flattened into one: `a OR b` over four fields, each word with its
/// plural, would otherwise be ORs of ORs of ORs. The sum is the same either way, but one flat
/// union of term scorers walks the postings in blocks, where each nested level paid for its
/// own union per document: on 50k documents a 60–120 word OR went from 62 to 33 ms (every hit
/// collected, as `patdex search` does) and prior-art BM25 from 36 to 16 ms, with identical
/// rankings. A flat union is also what lets tantivy's `TopDocs` use block-max WAND; with
/// hundreds of clauses that is slower than scoring every hit (280 ms for the same OR), so
/// callers that only want the top k of a long OR should keep counting all hits.
pub fn or(v: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    let mut flat: Vec<Box<dyn Query>> = Vec::with_capacity(v.len());
    for q in v {
        match q.downcast_ref::<BooleanQuery>() {
            Some(b)
                if b.get_minimum_number_should_match() <= 1
                    && b.clauses().iter().all(|(o, _)| *o == Occur::Should) =>
            {
                flat.extend(b.clauses().iter().map(|(_, c)| c.box_clone()));
            }
            _ => flat.push(q),
        }
    }
    match flat.len() {
        0 => Box::new(EmptyQuery),
        1 => flat.pop().expect("one"),
        _ => Box::new(BooleanQuery::new(
            flat.into_iter().map(|q| (Occur::Should, q)).collect(),
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
            Plan::TermSet { field, values, .. } => filter(any_of(
                schema::field(field),
                values,
                IndexRecordOption::Basic,
            )),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn term(f: Field, w: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(f, w),
            IndexRecordOption::WithFreqs,
        ))
    }

    fn shape(q: &dyn Query) -> Vec<Occur> {
        q.downcast_ref::<BooleanQuery>()
            .map(|b| b.clauses().iter().map(|(o, _)| *o).collect())
            .unwrap_or_default()
    }

    #[test]
    fn nested_disjunctions_become_one() {
        let f = schema::field("title");
        let inner = or(vec![term(f, "battery"), term(f, "batteries")]);
        let q = or(vec![
            inner,
            or(vec![term(f, "cell"), term(f, "cells")]),
            term(f, "anode"),
        ]);
        assert_eq!(shape(q.as_ref()), vec![Occur::Should; 5]);
        // A clause that must match is not a disjunction: kept whole.
        let must = Box::new(BooleanQuery::new(vec![
            (Occur::Must, term(f, "a1")),
            (Occur::Should, term(f, "a2")),
        ]));
        let q = or(vec![must, term(f, "b")]);
        assert_eq!(shape(q.as_ref()), vec![Occur::Should; 2]);
        assert_eq!(
            shape(
                q.downcast_ref::<BooleanQuery>().unwrap().clauses()[0]
                    .1
                    .as_ref()
            ),
            vec![Occur::Must, Occur::Should]
        );
    }
}
