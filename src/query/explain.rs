//! `patdex explain`: how a query was understood, clause by clause, with hit counts, like the
//! numbered lines of an examiner's search history.

use serde::Serialize;
use tantivy::Searcher;

use super::ast::QueryError;
use super::expand::Expander;
use super::lacks::{self, Missing};
use super::plan::{Plan, SpanExpr};
use super::{Prepared, compile};

/// Precedence of the operators, tightest first, as the parser applies it.
pub const PRECEDENCE: &str =
    "ADJ/NEAR, then WITH, then SAME, then AND (or words side by side), then OR, then NOT";

/// One clause of the tree.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub depth: usize,
    /// The clause with its field resolved, e.g. `cl:(rotor NEAR/3 blade*)`.
    pub clause: String,
    pub hits: u64,
}

/// How one query word was expanded, per field.
#[derive(Debug, Clone, Serialize)]
pub struct Words {
    pub word: String,
    pub field: String,
    pub matches: Vec<String>,
}

/// The explanation of one query.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub query: String,
    pub tree: Vec<Line>,
    pub words: Vec<Words>,
    pub precedence: &'static str,
    /// Documents of the index the query cannot match because they lack a part it searches
    /// (records exported without claims or description); empty when there are none.
    pub notes: Vec<Missing>,
}

/// Counts every clause of a prepared query.
pub fn explain(searcher: &Searcher, prepared: &Prepared) -> Result<Explanation, QueryError> {
    let mut ex = Expander::new(searcher, &prepared.text);
    let mut tree = Vec::new();
    walk(searcher, &mut ex, &prepared.plan, 0, &mut tree)?;
    let mut words = Vec::new();
    collect_words(&prepared.plan, &mut ex, &mut words)?;
    let notes = lacks::missing(searcher, &prepared.plan).map_err(|e| {
        QueryError::new(
            &prepared.text,
            prepared.plan.loc(),
            format!("cannot count records without claims or description: {e}"),
            "check the index, or run `patdex rebuild`",
        )
    })?;
    Ok(Explanation {
        query: prepared.text.clone(),
        tree,
        words,
        precedence: PRECEDENCE,
        notes,
    })
}

fn count(searcher: &Searcher, ex: &mut Expander, plan: &Plan) -> Result<u64, QueryError> {
    let c = compile::compile(plan, ex)?;
    c.query.count(searcher).map(|n| n as u64).map_err(|e| {
        QueryError::new(
            ex.query(),
            plan.loc(),
            format!("cannot count: {e}"),
            "check the index, or run `patdex rebuild`",
        )
    })
}

fn walk(
    searcher: &Searcher,
    ex: &mut Expander,
    plan: &Plan,
    depth: usize,
    out: &mut Vec<Line>,
) -> Result<(), QueryError> {
    let clause = match plan {
        Plan::And(..) => "AND".to_string(),
        Plan::Or(..) => "OR".to_string(),
        Plan::Not(..) => "NOT (left, but not right)".to_string(),
        Plan::Neg(..) => "NOT (everything but)".to_string(),
        other => other.to_string(),
    };
    out.push(Line {
        depth,
        clause,
        hits: count(searcher, ex, plan)?,
    });
    if let Plan::Text {
        prefix,
        fields,
        expr,
    } = plan
    {
        let parts: Vec<SpanExpr> = match expr {
            SpanExpr::Or(v, _) => v.clone(),
            SpanExpr::Phrase(v, loc) => v.iter().map(|m| SpanExpr::Word(m.clone(), *loc)).collect(),
            SpanExpr::Prox(a, _, b, _) => vec![(**a).clone(), (**b).clone()],
            SpanExpr::Word(..) => Vec::new(),
        };
        for expr in parts {
            let sub = Plan::Text {
                prefix,
                fields,
                expr,
            };
            walk(searcher, ex, &sub, depth + 1, out)?;
        }
    }
    for c in plan.children() {
        walk(searcher, ex, c, depth + 1, out)?;
    }
    Ok(())
}

fn collect_words(plan: &Plan, ex: &mut Expander, out: &mut Vec<Words>) -> Result<(), QueryError> {
    if let Plan::TermSet {
        prefix,
        label,
        values,
        ..
    } = plan
    {
        out.push(Words {
            word: label.clone(),
            field: prefix.to_string(),
            matches: values.clone(),
        });
    }
    if let Plan::Text { fields, expr, .. } = plan {
        let mut ws = Vec::new();
        expr.for_each_word(&mut |w, loc| ws.push((w, loc)));
        for (w, loc) in ws {
            for &f in fields.iter() {
                let e = ex.expand(crate::index::schema::field(f), w, loc)?;
                let word = w.to_string();
                if out.iter().any(|x| x.word == word && x.field == f) {
                    continue;
                }
                out.push(Words {
                    word,
                    field: f.to_string(),
                    matches: e.words.clone(),
                });
            }
        }
    }
    for c in plan.children() {
        collect_words(c, ex, out)?;
    }
    Ok(())
}

impl Explanation {
    /// The tree (one line per clause, the hit count last), then how words were expanded.
    pub fn render(&self) -> String {
        let width = self
            .tree
            .iter()
            .map(|l| 2 * l.depth + l.clause.chars().count())
            .max()
            .unwrap_or(0)
            .min(100);
        let mut s = String::new();
        for (i, l) in self.tree.iter().enumerate() {
            let label = format!("{}{}", "  ".repeat(l.depth), l.clause);
            s.push_str(&format!("#{:<3} {label:<width$}  {:>8}\n", i + 1, l.hits,));
        }
        for n in &self.notes {
            s.push_str(&format!("note: {}\n", n.message));
        }
        s.push_str(&format!(
            "\nfirst line: the whole query; indented lines: its clauses, with their own hit counts.\nprecedence, tightest first: {}\n",
            self.precedence
        ));
        if !self.words.is_empty() {
            s.push_str("words searched (stemming and truncation, per field):\n");
            for w in &self.words {
                let shown: Vec<&str> = w.matches.iter().take(12).map(String::as_str).collect();
                let more = w.matches.len().saturating_sub(shown.len());
                let mut list = if shown.is_empty() {
                    "(no indexed word)".to_string()
                } else {
                    shown.join(", ")
                };
                if more > 0 {
                    list.push_str(&format!(" … (+{more})"));
                }
                s.push_str(&format!("  {} in {}: {list}\n", w.word, w.field));
            }
        }
        s
    }
}
