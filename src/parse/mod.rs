//! Parse: one module per source format, all producing [`Patent`](crate::model::Patent).
//!
//! [`parse_document`] looks at the root element and hands the document to the parser for that
//! format. Documents that are well-formed but are not patent publications (sequence listings,
//! formats not supported yet) come back as [`Parsed::Skipped`]; documents that cannot be read
//! come back as a [`ParseError`] for the ingester to quarantine.

pub mod text;
pub mod uspto;

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::model::Patent;

/// Version of the parsers, recorded in the manifest so a librarian knows when to `rebuild`.
pub const PARSER_VERSION: &str = concat!("patdex-", env!("CARGO_PKG_VERSION"), "/uspto-v4");

/// The result of parsing one document.
#[derive(Debug)]
pub enum Parsed {
    Patent(Box<Patent>),
    /// A well-formed document that is not a patent publication, or a format not supported yet.
    Skipped {
        root: String,
    },
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
}

/// Parses one complete XML document.
pub fn parse_document(bytes: &[u8]) -> Result<Parsed, ParseError> {
    let mut reader = Reader::from_reader(bytes);
    let mut doctype = String::new();
    loop {
        let pos = reader.buffer_position();
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let root = e.local_name().as_ref().to_string();
                return match root.as_str() {
                    "us-patent-grant" | "us-patent-application" => {
                        uspto::parse_v4(reader, e.into_owned(), &doctype)
                    }
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
