//! EPO DOCDB exchange documents (`exch:exchange-document(s)`), also inside OPS responses.

use super::tree::Node;
use super::{ParseError, Parsed};

/// Reads one document (not implemented yet: skipped).
pub(super) fn parse(root: &Node, _doctype: &str) -> Result<Parsed, ParseError> {
    Ok(Parsed::Skipped {
        root: root.name.clone(),
    })
}
