//! USPTO pre-grant publications 2001–2004: `patent-application-publication` (pap v1.5, v1.6).

use super::tree::Node;
use super::{ParseError, Parsed};

/// Reads one document (not implemented yet: skipped).
pub(super) fn parse(root: &Node, _doctype: &str) -> Result<Parsed, ParseError> {
    Ok(Parsed::Skipped {
        root: root.name.clone(),
    })
}
