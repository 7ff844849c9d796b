//! Query: the patent query language, from the text a searcher types to ranked, highlighted hits.
//!
//! ```text
//! text ──parse──▶ ast::Node ──plan::resolve──▶ Plan ──compile──▶ tantivy Query ──search──▶ hits
//!                                                   └──explain: the tree with a count per clause
//! ```
//!
//! `parse` knows only the grammar; `plan` knows what each field prefix means (text fields,
//! classes, dates, numbers); `expand` turns query words into indexed words (stemming,
//! truncation); `span` runs phrases and proximity over positions; `highlight` finds the words
//! that matched in a stored record; `search` collects, sorts and counts hits; `lacks` says which
//! records a query cannot match because they lack the part it searches (exported records without
//! claims or description).

pub mod ast;
pub mod compile;
pub mod expand;
pub mod explain;
pub mod highlight;
pub mod lacks;
pub mod parse;
pub mod plan;
pub mod search;
pub mod span;
pub mod translate;

use tantivy::Searcher;

pub use ast::QueryError;
pub use compile::{Clause, Compiled};
pub use plan::Plan;

/// A query ready to run on one index.
pub struct Prepared {
    pub text: String,
    pub plan: Plan,
    pub compiled: Compiled,
}

/// Parses, resolves and compiles `text` against the index `searcher` reads. A whole query that
/// is a publication number (`US7654321B2`, `US 7,654,321 B2`) looks that document up.
pub fn prepare(searcher: &Searcher, text: &str) -> Result<Prepared, QueryError> {
    prepare_with(searcher, text, &plan::NoHierarchy)
}

/// [`prepare`] with a classification hierarchy for `cpc:CODE/low` (`crate::classes`).
pub fn prepare_with(
    searcher: &Searcher,
    text: &str,
    hierarchy: &dyn plan::Hierarchy,
) -> Result<Prepared, QueryError> {
    let plan = match plan::bare_number(text) {
        Some(p) => p,
        None => plan::resolve_with(text, &parse::parse(text)?, hierarchy)?,
    };
    let mut ex = expand::Expander::new(searcher, text);
    let compiled = compile::compile(&plan, &mut ex)?;
    Ok(Prepared {
        text: text.to_string(),
        plan,
        compiled,
    })
}
