//! EPO publication server: `ep-patent-document` v1-0 to v1-5-1 and `ep-bulletin`.

use super::tree::Node;
use super::{ParseError, Parsed};

/// Reads one document (not implemented yet: skipped).
pub(super) fn parse(root: &Node, _doctype: &str) -> Result<Parsed, ParseError> {
    Ok(Parsed::Skipped {
        root: root.name.clone(),
    })
}
