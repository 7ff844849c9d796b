//! USPTO grants 2001–2004: WIPO ST.32 v2.5 `PATDOC` (B-codes).

use super::tree::Node;
use super::{ParseError, Parsed};

/// Reads one document (not implemented yet: skipped).
pub(super) fn parse(root: &Node, _doctype: &str) -> Result<Parsed, ParseError> {
    Ok(Parsed::Skipped {
        root: root.name.clone(),
    })
}
