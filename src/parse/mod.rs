//! Parse: one module per source format, all producing [`Patent`](crate::model::Patent).
//!
//! [`parse_document`] looks at the root element and hands the document to the parser for that
//! format. Documents that are well-formed but are not patent publications (sequence listings,
//! formats not supported yet) come back as [`Parsed::Skipped`]; documents that cannot be read
//! come back as a [`ParseError`] for the ingester to quarantine.

pub mod aps;
pub mod claims;
pub mod cnipa;
pub mod docdb;
pub mod epo;
pub mod pap;
pub mod patsnap;
pub mod records;
pub mod st32;
pub mod text;
pub mod tree;
pub mod uspto;

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::model::Patent;

/// Version of the parsers, recorded in the manifest so a librarian knows when to `rebuild`.
pub const PARSER_VERSION: &str = concat!("patdex-", env!("CARGO_PKG_VERSION"), "/uspto-v4/records");

/// The result of parsing one document.
#[derive(Debug)]
pub enum Parsed {
    Patent(Box<Patent>),
    /// A file that holds several publications in one document (a DOCDB `exchange-documents`
    /// delivery, an OPS response, an APS text file).
    Patents(Vec<Patent>),
    /// A well-formed document that is not a patent publication, or a format not supported yet.
    Skipped {
        root: String,
    },
}

impl Parsed {
    /// The publications read (none for a skipped document).
    pub fn into_patents(self) -> Vec<Patent> {
        match self {
            Parsed::Patent(p) => vec![*p],
            Parsed::Patents(ps) => ps,
            Parsed::Skipped { .. } => Vec::new(),
        }
    }
}

/// Why a document could not be parsed. `offset` is the byte offset within the document.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ParseError {
    #[error("XML error at byte {offset}: {message}")]
    Xml { offset: u64, message: String },
    #[error("document is truncated: <{open}> is not closed at the end of the document")]
    Truncated { open: String },
    #[error("no root element found")]
    Empty,
    #[error("missing or invalid publication number: {0}")]
    Number(String),
    #[error("unreadable record: {0}")]
    Record(String),
}

/// Parses one complete document: XML, recognised by its root element (never by file name), or
/// APS green-book text, recognised by its first record.
pub fn parse_document(bytes: &[u8]) -> Result<Parsed, ParseError> {
    parse_any(bytes).map_err(|e| match e {
        ParseError::Xml { offset, message } => explain_xml(bytes, offset, &message),
        other => other,
    })
}

/// An XML error as a librarian can act on it: line and column, the text there, and for the
/// usual breakages (a bare `&` or `<` in text, as in documents re-indented by hand) what it is
/// and what well-formed XML writes instead.
fn explain_xml(bytes: &[u8], offset: u64, message: &str) -> ParseError {
    let at = (offset as usize).min(bytes.len());
    // quick-xml reports a text event's start for a bad reference: point at the `&` itself.
    let unclosed_ref = message.contains("reference not closed");
    let mut spot = at;
    if unclosed_ref && let Some(i) = memchr::memchr(b'&', &bytes[at..]) {
        spot = at + i;
    }
    let bare_lt = message.contains("attribute key must be")
        || message.contains("name cannot")
        || message.contains("invalid name");
    let line = 1 + bytes[..spot].iter().filter(|&&b| b == b'\n').count();
    let line_start = bytes[..spot]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = 1 + String::from_utf8_lossy(&bytes[line_start..spot])
        .chars()
        .count();
    let end = (spot + 40).min(bytes.len());
    let excerpt: String = String::from_utf8_lossy(&bytes[spot..end])
        .chars()
        .take_while(|&c| c != '\n')
        .collect();
    let what = if unclosed_ref {
        "a bare `&` that starts no entity reference (well-formed XML writes `&amp;`)".to_string()
    } else if bare_lt {
        "a bare `<` in text, or a broken tag (well-formed XML writes `&lt;` in text)".to_string()
    } else {
        message.to_string()
    };
    ParseError::Xml {
        offset: spot as u64,
        message: format!(
            "not well-formed at line {line}, column {column}: {what}; the text there: `{}` ({message})",
            excerpt.trim_end()
        ),
    }
}

fn parse_any(bytes: &[u8]) -> Result<Parsed, ParseError> {
    if aps::looks_like(bytes) {
        return aps::parse(bytes);
    }
    // Plain text that is no patent format (a README beside the data, a BRS text export): not a
    // document, nothing to quarantine. Bytes that are not UTF-8 still go to the XML reader,
    // which says what is wrong with them.
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Some(&first) = body.iter().find(|b| !b.is_ascii_whitespace())
        && first != b'<'
        && std::str::from_utf8(body).is_ok()
    {
        return Ok(Parsed::Skipped {
            root: "(text)".to_string(),
        });
    }
    let mut reader = Reader::from_reader(bytes);
    let mut doctype = String::new();
    loop {
        let pos = reader.buffer_position();
        match reader.read_event() {
            Ok(ev @ (Event::Start(_) | Event::Empty(_))) => {
                let (e, empty) = match ev {
                    Event::Start(e) => (e, false),
                    Event::Empty(e) => (e, true),
                    _ => unreachable!("matched above"),
                };
                let root = e.local_name().as_ref().to_string();
                // The tree formats: read the whole document, then hand it over.
                let tree_format: Option<TreeParser> = match root.as_str() {
                    "PATDOC" => Some(st32::parse),
                    "patent-application-publication" => Some(pap::parse),
                    "ep-patent-document" => Some(epo::parse),
                    "exchange-documents" | "exchange-document" | "world-patent-data" => {
                        Some(docdb::parse)
                    }
                    "cn-patent-document" | "PatentDocumentAndRelated" => Some(cnipa::parse),
                    _ => None,
                };
                if let Some(parse) = tree_format {
                    let e = e.into_owned();
                    let node = tree::read(&mut reader, bytes, &e, empty, &doctype)?;
                    return parse(&node, &doctype);
                }
                return match root.as_str() {
                    "us-patent-grant" | "us-patent-application" => {
                        uspto::parse_v4(reader, e.into_owned(), &doctype)
                    }
                    "doc" if patsnap::looks_like(bytes) => patsnap::parse(reader),
                    _ => Ok(Parsed::Skipped { root }),
                };
            }
            Ok(Event::DocType(t)) => doctype = t.into_inner().into_owned(),
            Ok(Event::Eof) => return Err(ParseError::Empty),
            Ok(_) => {}
            Err(e) => {
                return Err(ParseError::Xml {
                    offset: pos,
                    message: e.to_string(),
                });
            }
        }
    }
}

/// A parser for a format read as a [`tree::Node`]: the root element and the DOCTYPE (for the
/// DTD's name and version).
type TreeParser = fn(&tree::Node, &str) -> Result<Parsed, ParseError>;

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal invented grant; `extra` goes inside the bibliographic data after the title.
    fn grant(title: &str, extra: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v45-2014-04-03.dtd" [
<!ENTITY house "Widget&#x2122;">
]>
<us-patent-grant lang="EN" dtd-version="v4.5 2014-04-03" date-publ="20200107">
<us-bibliographic-data-grant>
<publication-reference><document-id><country>US</country><doc-number>10000001</doc-number><kind>B1</kind><date>20200107</date></document-id></publication-reference>
<application-reference appl-type="utility"><document-id><country>US</country><doc-number>16000001</doc-number><date>20190102</date></document-id></application-reference>
<invention-title id="t">{title}</invention-title>
{extra}
</us-bibliographic-data-grant>
<claims id="claims"><claim id="CLM-00001" num="00001"><claim-text>1. A widget.</claim-text></claim></claims>
</us-patent-grant>
"#
        )
    }

    fn patent(xml: &str) -> Patent {
        match parse_document(xml.as_bytes()) {
            Ok(Parsed::Patent(p)) => *p,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn named_and_declared_entities_become_characters() {
        let p = patent(&grant(
            "&ldquo;Smart&rdquo; &house; with &lgr;&mdash;filter &amp; H<sub>2</sub>O",
            "",
        ));
        assert_eq!(
            p.title,
            "\u{201c}Smart\u{201d} Widget\u{2122} with λ\u{2014}filter & H2O"
        );
        assert_eq!(p.number.to_string(), "US10000001B1");
        assert_eq!(p.claims[0].text, "A widget.");
    }

    #[test]
    fn truncated_and_malformed_documents_are_errors() {
        let full = grant("Widget", "");
        let cut = &full[..full.find("<claims").unwrap()];
        assert!(matches!(
            parse_document(cut.as_bytes()),
            Err(ParseError::Truncated { .. })
        ));
        let bad = full.replace("</invention-title>", "</title>");
        assert!(matches!(
            parse_document(bad.as_bytes()),
            Err(ParseError::Xml { .. })
        ));
        let no_number = full.replace("<doc-number>10000001</doc-number>", "");
        assert!(matches!(
            parse_document(no_number.as_bytes()),
            Err(ParseError::Number(_))
        ));
        assert!(matches!(parse_document(b"   "), Err(ParseError::Empty)));
        assert!(parse_document(b"\xff\xfe<a>").is_err());
    }

    #[test]
    fn non_patent_roots_are_skipped() {
        let seq = r#"<?xml version="1.0"?><!DOCTYPE sequence-cwu SYSTEM "x.dtd" []><sequence-cwu id="s"><number-of-sequences>1</number-of-sequences></sequence-cwu>"#;
        match parse_document(seq.as_bytes()) {
            Ok(Parsed::Skipped { root }) => assert_eq!(root, "sequence-cwu"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn priority_falls_back_to_filing_and_takes_the_earliest_parent() {
        assert_eq!(
            patent(&grant("W", "")).priority_date.unwrap().to_string(),
            "2019-01-02"
        );
        let related = r#"<us-related-documents><us-provisional-application><document-id><country>US</country><doc-number>62000001</doc-number><date>20180105</date></document-id></us-provisional-application></us-related-documents>"#;
        let p = patent(&grant("W", related));
        assert_eq!(p.priority_date.unwrap().to_string(), "2018-01-05");
        assert_eq!(p.related[0].relation, "us-provisional-application");
    }
}
