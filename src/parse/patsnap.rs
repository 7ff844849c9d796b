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
//! family, but no claims and no description. `Patent::lacks` says so, so a search on claims
//! can explain why it cannot find these records. The `Cited By` list is left out on purpose:
//! it is later knowledge (who cited a document after it was published), which prior-art
//! search and its evaluation must never see.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::{ParseError, Parsed};
use crate::model::{
    Citation, Classification, DocId, DocKind, DocType, Party, Patent, Priority, Related,
};
use crate::number::PubNumber;

/// `format` of records read here.
pub const FORMAT: &str = "patsnap-export";

/// The separator of list values.
const SEP: &str = " | ";

/// True when a `<doc>` root is a record of this kind (decided from its first field).
pub fn looks_like(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    memchr::memmem::find(head, b"<str name=\"").is_some()
}

/// Reads the `<str name=...>` fields of one record (the root `<doc>` already consumed).
pub(super) fn parse(mut reader: Reader<&[u8]>) -> Result<Parsed, ParseError> {
    let mut fields: HashMap<String, String> = HashMap::new();
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
                    fields.insert(name, text.trim().to_string());
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
    record(&fields).map(|p| Parsed::Patent(Box::new(p)))
}

fn list(s: Option<&String>) -> Vec<&str> {
    s.map(|s| {
        s.split(SEP)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

/// A `YYYY-MM-DD` date; years before the first US patent (1790) or after 2100 are typos in
/// the export (a priority date of `0200-11-28` occurs) and are dropped.
fn date(s: Option<&str>) -> Option<jiff::civil::Date> {
    s.and_then(|s| s.trim().parse::<jiff::civil::Date>().ok())
        .filter(|d| (1790..=2100).contains(&d.year()))
}

/// `NAOI, SATOSHI` → first `SATOSHI`, last `NAOI`, name `SATOSHI NAOI`; an organisation stays.
fn person(s: &str) -> Party {
    match s.split_once(", ") {
        Some((last, first)) if !first.contains(',') => Party {
            name: format!("{first} {last}"),
            first_name: first.to_string(),
            last_name: last.to_string(),
            ..Party::default()
        },
        _ => organisation(s),
    }
}

fn organisation(s: &str) -> Party {
    Party {
        name: s.to_string(),
        ..Party::default()
    }
}

/// `Mumbai, IN` → city and country.
fn address(p: &mut Party, s: Option<&&str>) {
    if let Some(s) = s
        && let Some((city, cc)) = s.rsplit_once(", ")
    {
        p.city = city.to_string();
        p.country = cc.to_string();
    }
}

/// Whether a publication of `country` with `kind` is a grant: B and C kinds are, so are old US
/// `A` grants (before 2001 US grants were kind A), designs, plants and reissues.
fn is_grant(n: &PubNumber) -> bool {
    let k = n.kind.as_str();
    if n.country == "US" {
        return match k {
            "A1" | "A2" | "A9" => false,
            "" => n.number.len() < 11,
            _ => true,
        };
    }
    matches!(k.as_bytes().first(), Some(b'B' | b'C'))
}

fn doc_id(n: &PubNumber) -> DocId {
    DocId {
        country: n.country.clone(),
        number: n.number.clone(),
        kind: n.kind.clone(),
        date: String::new(),
    }
}

fn record(f: &HashMap<String, String>) -> Result<Patent, ParseError> {
    let raw = f
        .get("Patent Number")
        .ok_or_else(|| ParseError::Number("the record has no `Patent Number` field".into()))?;
    // Reissues come as `USR40734` (kind E1): the USPTO writes RE40734.
    let raw = match raw.trim().strip_prefix("USR") {
        Some(d) if d.bytes().next().is_some_and(|b| b.is_ascii_digit()) => format!("USRE{d}"),
        _ => raw.trim().to_string(),
    };
    let mut number: PubNumber = raw
        .parse()
        .map_err(|e: crate::number::NumberError| ParseError::Number(e.to_string()))?;
    if number.kind.is_empty()
        && let Some(k) = f.get("Kind Code")
    {
        number.kind = k.trim().to_string();
    }
    let kind = if is_grant(&number) {
        DocKind::Grant
    } else {
        DocKind::Application
    };
    let doc_type = match number.number.as_bytes().first() {
        Some(b'D') => DocType::Design,
        Some(b'P') if number.number.starts_with("PP") => DocType::Plant,
        Some(b'R') if number.number.starts_with("RE") => DocType::Reissue,
        Some(b'H') => DocType::Sir,
        _ => DocType::Utility,
    };
    let mut p = Patent::new(number, kind);
    p.doc_type = doc_type;
    p.format = FORMAT.to_string();
    p.lang = "en".into();
    p.pub_date = date(f.get("Publication Date").map(String::as_str));
    p.title = f.get("Title").cloned().unwrap_or_default();
    p.abstract_text = f.get("Abstract").cloned().unwrap_or_default();
    if let Some(a) = f.get("Application Number") {
        let a = a.trim();
        let letters = a.bytes().take_while(u8::is_ascii_alphabetic).count().min(2);
        p.application.country = a[..letters].to_string();
        p.application.number = a[letters..].to_string();
    }
    p.application.filing_date = date(f.get("Application Date").map(String::as_str));

    let countries = list(f.get("Priority Country"));
    let numbers = list(f.get("Priority Number"));
    let dates = list(f.get("Priority Date"));
    for (i, n) in numbers.iter().enumerate() {
        p.priority_claims.push(Priority {
            country: countries.get(i).copied().unwrap_or_default().to_string(),
            number: n.to_string(),
            date: date(dates.get(i).copied()),
            kind: String::new(),
        });
    }
    p.priority_date = p
        .priority_claims
        .iter()
        .filter_map(|c| c.date)
        .chain(p.application.filing_date)
        .min();

    let primary = f.get("IPC Primary").map(|s| s.trim().to_string());
    for s in list(f.get("All IPC")) {
        p.ipc.push(Classification {
            symbol: s.replace(' ', ""),
            value: String::new(),
            main: primary.as_deref() == Some(s),
        });
    }
    p.us_classes = list(f.get("All UPC"))
        .into_iter()
        .map(String::from)
        .collect();

    let addresses = list(f.get("Assignee(s) Address"));
    for (i, a) in list(f.get("Assignee(s)")).into_iter().enumerate() {
        let mut party = organisation(a);
        address(&mut party, addresses.get(i));
        p.assignees.push(party);
    }
    let addresses = list(f.get("Inventor(s) Address"));
    for (i, a) in list(f.get("Inventor(s)")).into_iter().enumerate() {
        let mut party = person(a);
        address(&mut party, addresses.get(i));
        p.inventors.push(party);
    }
    for name in ["Primary Examiner", "Assistant Examiner"] {
        for e in list(f.get(name)) {
            p.examiners.push(person(e));
        }
    }
    p.agents = list(f.get("Agent/Attorney"))
        .into_iter()
        .map(organisation)
        .collect();

    for c in list(f.get("Cites")) {
        if let Ok(n) = c.parse::<PubNumber>() {
            p.citations.push(Citation::Patent {
                id: doc_id(&n),
                name: String::new(),
                category: String::new(),
            });
        }
    }
    for c in list(f.get("Other References")) {
        p.citations.push(Citation::Npl {
            text: c.to_string(),
            category: String::new(),
        });
    }
    for m in list(f.get("Family Members")) {
        if let Ok(n) = m.parse::<PubNumber>()
            && n.key() != p.number.key()
        {
            p.related.push(Related {
                relation: "family-member".into(),
                role: String::new(),
                id: doc_id(&n),
                status: String::new(),
            });
        }
    }
    p.lacks = vec!["claims".into(), "description".into()];
    if p.abstract_text.is_empty() {
        p.lacks.insert(0, "abstract".into());
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn kinds_by_office() {
        let n = |s: &str| s.parse::<PubNumber>().unwrap();
        assert!(is_grant(&n("US5295373")));
        assert!(is_grant(&n("US7611638B2")));
        assert!(!is_grant(&n("US20030106855")));
        assert!(!is_grant(&n("US20030106855A1")));
        assert!(!is_grant(&n("EP1918441A1")));
        assert!(is_grant(&n("EP0049154B2")));
        assert!(!is_grant(&n("WO2011066805A1")));
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
