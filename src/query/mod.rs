//! Query: turns what a searcher types into a tantivy query.
//!
//! For now this is tantivy's own query parser over the text fields (title, abstract, claims,
//! description by default; any field of the doc mapper by name, e.g. `cpc:H01M10/0562` or
//! `assignee:kestrel`). The patent query language (proximity over OR-groups, truncation,
//! classification hierarchy, dates) replaces it in a later step.

use tantivy::Index;
use tantivy::query::{Query, QueryParser};

use crate::index::schema;

/// A query that could not be parsed, with a hint on what to do.
#[derive(Debug, thiserror::Error)]
#[error("cannot parse query `{query}`: {message}\nhint: {hint}")]
pub struct QueryError {
    pub query: String,
    pub message: String,
    pub hint: String,
}

/// Parses `text` with tantivy's query syntax over the default text fields.
pub fn parse(index: &Index, text: &str) -> Result<Box<dyn Query>, QueryError> {
    let mut parser = QueryParser::for_index(index, schema::default_search_fields());
    parser.set_conjunction_by_default();
    parser.parse_query(text).map_err(|e| {
        let fields: Vec<&str> = schema::FIELDS
            .iter()
            .filter(|f| f.kind != schema::Kind::Stored)
            .map(|f| f.name)
            .collect();
        QueryError {
            query: text.to_string(),
            message: e.to_string(),
            hint: format!(
                "words are ANDed; use OR, -word, \"a phrase\", field:value (fields: {}), and quote values with special characters, e.g. cpc:\"H01M10/0562\"",
                fields.join(", ")
            ),
        }
    })
}
