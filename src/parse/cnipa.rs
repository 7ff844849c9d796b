//! CNIPA: the older `cn-patent-document` and the XSD V2.2.1 `business:PatentDocumentAndRelated`.

use super::tree::Node;
use super::{ParseError, Parsed};

/// Reads one document (not implemented yet: skipped).
pub(super) fn parse(root: &Node, _doctype: &str) -> Result<Parsed, ParseError> {
    Ok(Parsed::Skipped {
        root: root.name.clone(),
    })
}
