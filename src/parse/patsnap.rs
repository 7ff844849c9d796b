//! PatSnap-style record exports: one `<doc>` per record, each field a
//! `<str name="FIELD">value</str>`, list values separated by ` | `.
//!
//! ```xml
//! <doc>
//!   <str name="Patent Number">US5295373</str>
//!   <str name="Kind Code">A</str>
//!   <str name="Title">Washing machine with a bubble generator</str>
//!   <str name="Cites">US4933979 | EP0616296A2</str>
//!   ...
//! </doc>
//! ```
//!
//! Such records are bibliographic: title, abstract, classes, parties, dates, citations and
//! family, but no claims and no description. What each field becomes is the built-in mapping
//! `records/patsnap.toml`; this module only reads the XML. `Patent::lacks` says which parts
//! are missing, so a search on claims can explain why it cannot find these records.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::records::{Mapping, Record};
use super::{ParseError, Parsed};

/// `format` of records read here.
pub const FORMAT: &str = "patsnap-export";

/// True when a `<doc>` root is a record of this kind (decided from its first field).
pub fn looks_like(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    memchr::memmem::find(head, b"<str name=\"").is_some()
}

/// Reads the `<str name=...>` fields of one record (the root `<doc>` already consumed).
pub(super) fn parse(mut reader: Reader<&[u8]>) -> Result<Parsed, ParseError> {
    let mut fields = Record::default();
    let mut current: Option<String> = None;
    let mut text = String::new();
    let mut depth = 1usize;
    loop {
        let pos = reader.buffer_position();
        let ev = reader.read_event().map_err(|e| ParseError::Xml {
            offset: pos,
            message: e.to_string(),
        })?;
        match ev {
            Event::Start(e) => {
                depth += 1;
                if depth == 2 {
                    current = e
                        .try_get_attribute("name")
                        .ok()
                        .flatten()
                        .map(|a| a.value.into_owned());
                    text.clear();
                }
            }
            Event::End(_) => {
                if depth == 2
                    && let Some(name) = current.take()
                {
                    fields.insert(&name, text.trim().to_string());
                }
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Event::Text(t) if depth == 2 => {
                text.push_str(&t);
            }
            Event::GeneralRef(r) if depth == 2 => text.push_str(&super::text::reference_text(&r)),
            Event::Eof => {
                return Err(ParseError::Truncated { open: "doc".into() });
            }
            _ => {}
        }
    }
    let mapping = Mapping::builtin("patsnap").expect("patsnap is a built-in mapping");
    mapping
        .to_patent(&fields)
        .map(|p| Parsed::Patent(Box::new(p)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, DocKind, DocType, Patent};
    use crate::parse::parse_document;

    /// An invented record in the export's layout.
    const RECORD: &str = r#"<?xml version="1.0" ?>
<doc>
	<str name="Patent Number">
		US5000001
	</str>
	<str name="Application Number">
		US07123456
	</str>
	<str name="Kind Code">
		A
	</str>
	<str name="Title">
		Bubble washer &amp; dryer
	</str>
	<str name="Abstract">
		A washer that cleans with bubbles.
	</str>
	<str name="Application Date">
		1989-02-03
	</str>
	<str name="Publication Date">
		1991-03-19
	</str>
	<str name="All IPC">
		D06F17/12 | D06F39/00
	</str>
	<str name="IPC Primary">
		D06F17/12
	</str>
	<str name="All UPC">
		68/12.05 | 68/133
	</str>
	<str name="Assignee(s)">
		ACME CORP | WIDGET GMBH
	</str>
	<str name="Assignee(s) Address">
		Springfield, US | Berlin, DE
	</str>
	<str name="Inventor(s)">
		DOE, JANE | ROE, RICHARD
	</str>
	<str name="Primary Examiner">
		SMITH, ANNA
	</str>
	<str name="Cites">
		US4933979 | EP0616296A2 | US20030106855 | BRPI0512653A
	</str>
	<str name="Cited By">
		US7947105
	</str>
	<str name="Other References">
		Bubbles, J. Foam Res. 1980
	</str>
	<str name="Family Members">
		US5000001 | JP1990012345A | EP0400001B1
	</str>
	<str name="Priority Country">
		JP | JP
	</str>
	<str name="Priority Number">
		1988123 | 1988124
	</str>
	<str name="Priority Date">
		1988-02-04 | 1988-03-01
	</str>
</doc>
"#;

    fn record() -> Patent {
        match parse_document(RECORD.as_bytes()) {
            Ok(Parsed::Patent(p)) => *p,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn fields_of_a_record() {
        let p = record();
        assert_eq!(p.number.to_string(), "US5000001A");
        assert_eq!(p.kind, DocKind::Grant);
        assert_eq!(p.format, FORMAT);
        assert_eq!(p.title, "Bubble washer & dryer");
        assert_eq!(p.application.number, "07123456");
        assert_eq!(p.pub_date.unwrap().to_string(), "1991-03-19");
        assert_eq!(p.priority_date.unwrap().to_string(), "1988-02-04");
        assert_eq!(p.priority_claims[1].number, "1988124");
        assert_eq!(p.ipc[0].symbol, "D06F17/12");
        assert!(p.ipc[0].main && !p.ipc[1].main);
        assert_eq!(p.us_classes, vec!["68/12.05", "68/133"]);
        assert_eq!(p.assignees[1].name, "WIDGET GMBH");
        assert_eq!(p.assignees[1].country, "DE");
        assert_eq!(p.inventors[0].name, "JANE DOE");
        assert_eq!(p.inventors[0].last_name, "DOE");
        assert_eq!(p.examiners[0].last_name, "SMITH");
        // The Brazilian number is not one patdex can read; the other three are.
        let cited: Vec<String> = p
            .patent_citations()
            .map(|c| match c {
                Citation::Patent { id, .. } => format!("{}{}{}", id.country, id.number, id.kind),
                Citation::Npl { .. } => unreachable!(),
            })
            .collect();
        assert_eq!(cited, vec!["US4933979", "EP616296A2", "US20030106855"]);
        assert_eq!(p.citations.len(), 4);
        // The record itself is not its own family member; Cited By is not kept anywhere.
        assert_eq!(p.related.len(), 2);
        assert!(!serde_json::to_string(&p).unwrap().contains("7947105"));
        assert_eq!(p.lacks, vec!["claims", "description"]);
    }

    #[test]
    fn reissues_written_usr_are_re_numbers() {
        let xml = RECORD
            .replace("US5000001\n", "USR40734\n")
            .replace("\t\tA\n", "\t\tE1\n");
        match parse_document(xml.as_bytes()) {
            Ok(Parsed::Patent(p)) => {
                assert_eq!(p.number.to_string(), "USRE40734E1");
                assert_eq!(p.doc_type, DocType::Reissue);
                assert_eq!(p.kind, DocKind::Grant);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn impossible_dates_are_dropped() {
        let xml = RECORD.replace("1988-02-04 | 1988-03-01", "0200-11-28 | 1988-03-01");
        match parse_document(xml.as_bytes()) {
            Ok(Parsed::Patent(p)) => {
                assert_eq!(p.priority_claims[0].date, None);
                assert_eq!(p.priority_date.unwrap().to_string(), "1988-03-01");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_record_without_a_number_is_an_error() {
        let bad = RECORD.replace("Patent Number", "Patent No");
        assert!(matches!(
            parse_document(bad.as_bytes()),
            Err(ParseError::Number(_))
        ));
    }
}
