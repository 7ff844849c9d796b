//! USPTO APS "green book" full text (1976–2001): fixed-field `PATN` records.

use super::{ParseError, Parsed};

/// Whether `bytes` look like APS text: the first record is `PATN` (or the `HHHHHT` file header).
pub fn looks_like(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let b = &b[start..];
    b.starts_with(b"PATN") || b.starts_with(b"HHHHHT")
}

/// Reads the `PATN` records of one APS text (not implemented yet: skipped).
pub(super) fn parse(_bytes: &[u8]) -> Result<Parsed, ParseError> {
    Ok(Parsed::Skipped {
        root: "PATN".to_string(),
    })
}
