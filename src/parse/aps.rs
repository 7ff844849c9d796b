//! USPTO APS "green book" full text (1976–2001): fixed-field `PATN` records.
//!
//! A file is a sequence of lines. A line holding only a 4-letter tag in columns 1–4 (`PATN`,
//! `INVT`, `CLAS`, `UREF`, `ABST`, `CLMS` ...) opens a record; the lines after it are fields:
//! a 3–4 letter name in columns 1–4 and the value from column 6, continued on indented lines.
//! Each `PATN` starts a new patent; the records up to the next `PATN` belong to it.

use super::claims::{claim, refs_in_words};
use super::st32::{person_name, st32_ipc};
use super::uspto::earliest_priority;
use super::uspto::normalize_uspc;
use super::{ParseError, Parsed};
use crate::model::{
    Block, Citation, Classification, DocId, DocKind, DocType, Party, Patent, Priority, Related,
    parse_yyyymmdd,
};
use crate::number::PubNumber;

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

/// One record: its tag and its fields in order (continuation lines joined with a space).
#[derive(Debug)]
struct Record {
    tag: String,
    fields: Vec<(String, String)>,
}

impl Record {
    fn get(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }
}

/// Reads the `PATN` records of one APS text.
pub(super) fn parse(bytes: &[u8]) -> Result<Parsed, ParseError> {
    let text = decode(bytes);
    let records = records(&text);
    let mut patents = Vec::new();
    let mut current: Vec<&Record> = Vec::new();
    let mut index = 0usize;
    for r in &records {
        if r.tag == "PATN" && !current.is_empty() {
            index += 1;
            patents.push(patent(&current, index)?);
            current.clear();
        }
        if r.tag == "PATN" || !current.is_empty() {
            current.push(r);
        }
    }
    if !current.is_empty() {
        index += 1;
        patents.push(patent(&current, index)?);
    }
    if patents.is_empty() {
        return Err(ParseError::Record("APS text without a PATN record".into()));
    }
    Ok(Parsed::Patents(patents))
}

/// UTF-8 when the bytes are UTF-8; otherwise Latin-1, which maps every byte to a character
/// (the tapes predate UTF-8).
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

fn records(text: &str) -> Vec<Record> {
    let mut out: Vec<Record> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            // A continuation of the last field.
            if let Some((_, v)) = out.last_mut().and_then(|r| r.fields.last_mut()) {
                let more = line.trim();
                if !v.is_empty() {
                    v.push(' ');
                }
                v.push_str(more);
            }
            continue;
        }
        let head: String = line.chars().take(4).collect();
        let rest: String = line.chars().skip(4).collect();
        if head.len() == 4 && head.bytes().all(|b| b.is_ascii_uppercase()) && rest.trim().is_empty()
        {
            out.push(Record {
                tag: head,
                fields: Vec::new(),
            });
            continue;
        }
        let name = head.trim().to_string();
        // The value starts in column 6; column 5 is a blank.
        let value: String = line.chars().skip(5).collect();
        if let Some(r) = out.last_mut() {
            r.fields.push((name, value.trim().to_string()));
        }
    }
    out
}

/// The patent of one `PATN` record and the records after it.
fn patent(recs: &[&Record], index: usize) -> Result<Patent, ParseError> {
    let Some(patn) = recs.first() else {
        return Err(ParseError::Record("empty APS record group".into()));
    };
    let wku = patn.get("WKU");
    if wku.is_empty() {
        return Err(ParseError::Number(format!(
            "APS PATN record {index} has no WKU (patent number) field"
        )));
    }
    let (number, apt_type) = wku_number(wku, patn.get("APT"))
        .map_err(|e| ParseError::Number(format!("APS PATN record {index}: WKU {wku:?}: {e}")))?;
    let mut p = Patent::new(number, DocKind::Grant);
    p.format = "APS green book".into();
    p.lang = "en".into();
    p.doc_type = apt_type.unwrap_or_else(|| DocType::of_number(&p.number));
    p.pub_date = parse_yyyymmdd(patn.get("ISD"));
    p.title = patn.get("TTL").to_string();
    p.application = crate::model::Application {
        country: "US".into(),
        number: patn.get("APN").to_string(),
        filing_date: parse_yyyymmdd(patn.get("APD")),
        appl_type: p.doc_type.as_str().to_string(),
        series_code: patn.get("SRC").to_string(),
    };
    p.num_claims = patn.get("NCL").parse().ok();
    p.num_drawing_sheets = patn.get("NDR").parse().ok();
    p.num_figures = patn.get("NFG").parse().ok();
    p.disclaimer = !patn.get("DCD").is_empty();
    let art = patn.get("ART").to_string();
    for f in ["EXP", "EXA"] {
        let mut e = semicolon_name(patn.get(f));
        if !e.is_empty() {
            e.type_code = art.clone();
            p.examiners.push(e);
        }
    }

    let mut abstract_paras = Vec::new();
    for r in &recs[1..] {
        match r.tag.as_str() {
            "INVT" => push_party(&mut p.inventors, party(r, false)),
            "ASSG" => push_party(&mut p.assignees, party(r, true)),
            "PRIR" => p.priority_claims.push(Priority {
                country: country(r.get("CNT")),
                number: r.get("APN").to_string(),
                date: parse_yyyymmdd(r.get("APD")),
                kind: String::new(),
            }),
            "RLAP" | "REIS" => related(r, &mut p.related),
            "PCTA" => {
                for (num, date, relation) in [
                    ("PCN", "PD3", "pct-or-regional-filing"),
                    ("PCP", "PCD", "pct-or-regional-publishing"),
                ] {
                    if !r.get(num).is_empty() {
                        p.related.push(Related {
                            relation: relation.into(),
                            id: DocId {
                                country: "WO".into(),
                                number: r.get(num).to_string(),
                                kind: String::new(),
                                date: r.get(date).to_string(),
                            },
                            ..Related::default()
                        });
                    }
                }
            }
            "CLAS" => {
                for (name, value) in &r.fields {
                    match name.as_str() {
                        "OCL" | "XCL" => {
                            if let Some(c) = normalize_uspc(value) {
                                p.us_classes.push(c);
                            }
                        }
                        "ICL" => {
                            if let Some(symbol) = st32_ipc(value) {
                                let main = p.ipc.is_empty();
                                p.ipc.push(Classification {
                                    symbol,
                                    value: String::new(),
                                    main,
                                });
                            }
                        }
                        _ => {}
                    }
                }
            }
            "UREF" | "FREF" => {
                let num = r.get("PNO");
                if !num.is_empty() {
                    let c = if r.tag == "UREF" {
                        "US".to_string()
                    } else {
                        country(r.get("CNT"))
                    };
                    p.citations.push(Citation::Patent {
                        id: DocId {
                            country: c,
                            number: num.to_string(),
                            kind: String::new(),
                            date: r.get("ISD").to_string(),
                        },
                        name: r.get("NAM").to_string(),
                        category: String::new(),
                    });
                }
            }
            "OREF" => {
                for (name, value) in &r.fields {
                    if name.starts_with("PA") && !value.is_empty() {
                        p.citations.push(Citation::Npl {
                            text: value.clone(),
                            category: String::new(),
                        });
                    }
                }
            }
            "LREP" => {
                for (name, value) in &r.fields {
                    let party = match name.as_str() {
                        "FRM" => Party {
                            name: value.clone(),
                            ..Party::default()
                        },
                        "FR2" | "AAT" | "AGT" | "ATT" => semicolon_name(value),
                        _ => continue,
                    };
                    push_party(&mut p.agents, party);
                }
            }
            "ABST" => {
                for (name, value) in &r.fields {
                    if is_paragraph(name) && !value.is_empty() {
                        abstract_paras.push(value.clone());
                    }
                }
            }
            "PARN" | "GOVT" | "BSUM" | "DRWD" | "DETD" => {
                for (name, value) in &r.fields {
                    if value.is_empty() {
                        continue;
                    }
                    if name == "PAC" {
                        p.description.push(Block::Heading {
                            level: 1,
                            text: value.clone(),
                        });
                    } else if is_paragraph(name) || name == "TBL" || name == "EQU" {
                        p.description.push(Block::Paragraph {
                            text: value.clone(),
                        });
                    }
                }
            }
            "CLMS" | "DCLM" => claims(r, &mut p),
            _ => {}
        }
    }
    p.abstract_text = abstract_paras.join("\n\n");
    p.priority_date = earliest_priority(&p);
    Ok(p)
}

/// `039327094` → US3932709 (the ninth character is a check digit); `H00012700` → USH1270.
/// The kind is the one printed on grants of the time (`A`, `S`, `P`, `E`, `H`), after `APT`
/// (application type) when given.
fn wku_number(wku: &str, apt: &str) -> Result<(PubNumber, Option<DocType>), String> {
    let wku = wku.trim();
    let chars: Vec<char> = wku.chars().collect();
    let body: String = if chars.len() == 9 {
        chars[..8].iter().collect()
    } else {
        wku.to_string()
    };
    let apt_type = match apt.trim() {
        "1" => Some(DocType::Utility),
        "2" => Some(DocType::Reissue),
        "4" => Some(DocType::Design),
        "6" => Some(DocType::Plant),
        "7" => Some(DocType::Sir),
        _ => None,
    };
    let mut n = PubNumber::from_parts("US", &body, "").map_err(|e| e.to_string())?;
    let t = apt_type.unwrap_or_else(|| DocType::of_number(&n));
    n.kind = match t {
        DocType::Design => "S",
        DocType::Plant => "P",
        DocType::Reissue => "E",
        DocType::Sir => "H",
        _ => "A",
    }
    .into();
    Ok((n, apt_type))
}

/// APS writes countries in three letters, most as the two-letter code plus `X` (`JPX`).
fn country(c: &str) -> String {
    let c = c.trim();
    match c.len() {
        3 if c.ends_with('X') => c[..2].to_string(),
        _ => c.to_string(),
    }
}

/// `Last; First` → a person (`Miller, Jr.; George H.`); a name without `;` is an organisation
/// or a name written whole.
fn semicolon_name(s: &str) -> Party {
    let s = s.trim();
    match s.split_once(';') {
        Some((last, first)) => {
            let (first, last) = (first.trim().to_string(), last.trim().to_string());
            Party {
                name: person_name(&first, &last),
                first_name: first,
                last_name: last,
                ..Party::default()
            }
        }
        None => Party {
            name: s.to_string(),
            ..Party::default()
        },
    }
}

fn party(r: &Record, organisation: bool) -> Party {
    let mut p = if organisation {
        Party {
            name: r.get("NAM").to_string(),
            ..Party::default()
        }
    } else {
        semicolon_name(r.get("NAM"))
    };
    p.city = r.get("CTY").to_string();
    p.state = r.get("STA").to_string();
    p.country = country(r.get("CNT"));
    if p.country.is_empty() && !p.state.is_empty() {
        p.country = "US".into();
    }
    p.type_code = r.get("COD").to_string();
    p
}

fn push_party(to: &mut Vec<Party>, p: Party) {
    if !p.is_empty() {
        to.push(p);
    }
}

/// `RLAP` (parent application: `COD` 71 continuation, 72 continuation-in-part, 73 division;
/// `PSC` its status) and `REIS` (the patent a reissue replaces).
fn related(r: &Record, out: &mut Vec<Related>) {
    let relation = if r.tag == "REIS" {
        "reissue"
    } else {
        match r.get("COD") {
            "71" => "continuation",
            "72" => "continuation-in-part",
            "73" => "division",
            _ => "related",
        }
    };
    let status = match r.get("PSC") {
        "00" => "PENDING",
        "01" => "GRANTED",
        "03" => "ABANDONED",
        "04" => "SIR",
        _ => "",
    };
    if !r.get("APN").is_empty() {
        out.push(Related {
            relation: relation.into(),
            role: "parent".into(),
            id: DocId {
                country: "US".into(),
                number: r.get("APN").to_string(),
                kind: String::new(),
                date: r.get("APD").to_string(),
            },
            status: status.into(),
        });
    }
    if !r.get("PNO").is_empty() {
        out.push(Related {
            relation: relation.into(),
            role: "parent-grant".into(),
            id: DocId {
                country: "US".into(),
                number: r.get("PNO").to_string(),
                kind: String::new(),
                date: r.get("ISD").to_string(),
            },
            status: String::new(),
        });
    }
}

/// `PAR`, `PAL`, `PA1`... hold paragraph text (`PAC` is a heading).
fn is_paragraph(name: &str) -> bool {
    name.starts_with("PA") && name != "PAC"
}

/// `NUM` opens a claim; the paragraphs after it are its lines. Dependencies are not marked in
/// APS, so they come from the words "claim N" in the text.
fn claims(r: &Record, p: &mut Patent) {
    let mut cur: Option<(u32, Vec<String>)> = None;
    let finish = |cur: Option<(u32, Vec<String>)>, p: &mut Patent| {
        if let Some((number, lines)) = cur {
            let text = lines.join("\n");
            let refs = refs_in_words(&text)
                .into_iter()
                .filter(|&n| n < number)
                .collect();
            p.claims.push(claim(number, &text, refs));
        }
    };
    for (name, value) in &r.fields {
        match name.as_str() {
            "NUM" => {
                finish(cur.take(), p);
                let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
                let n = digits
                    .parse()
                    .unwrap_or_else(|_| u32::try_from(p.claims.len() + 1).unwrap_or(u32::MAX));
                cur = Some((n, Vec::new()));
            }
            n if is_paragraph(n) || n == "TBL" || n == "EQU" => {
                if value.is_empty() {
                    continue;
                }
                // A design claim (`DCLM`) or a claim text before any `NUM` is claim 1.
                let c = cur.get_or_insert_with(|| {
                    (
                        u32::try_from(p.claims.len() + 1).unwrap_or(u32::MAX),
                        Vec::new(),
                    )
                });
                c.1.push(value.clone());
            }
            _ => {}
        }
    }
    finish(cur.take(), p);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_names_and_countries() {
        let (n, _) = wku_number("039327094", "1").unwrap();
        assert_eq!(n.to_string(), "US3932709A");
        let (n, t) = wku_number("H00012700", "7").unwrap();
        assert_eq!(
            (n.to_string(), t),
            ("USH1270H".to_string(), Some(DocType::Sir))
        );
        assert!(wku_number("", "").is_err());
        assert_eq!(country("JPX"), "JP");
        assert_eq!(country("DE"), "DE");
        let p = semicolon_name("Miller, Jr.; George H.");
        assert_eq!(p.name, "George H. Miller, Jr.");
        assert_eq!(p.last_name, "Miller, Jr.");
    }

    #[test]
    fn claim_references_in_text() {}

    #[test]
    fn records_fields_and_continuations() {
        let text = "PATN\r\nWKU  039373754\r\nTTL  Bumper support\r\n      for a loader\r\nINVT\r\nNAM  Doe; Jane\r\nCLMS\r\nNUM  1.\r\nPAR  1. A thing.\r\nNUM  2.\r\nPAR  2. The thing of claim 1.\r\n";
        let got = parse(text.as_bytes()).unwrap().into_patents();
        assert_eq!(got.len(), 1);
        let p = &got[0];
        assert_eq!(p.title, "Bumper support for a loader");
        assert_eq!(p.inventors[0].name, "Jane Doe");
        assert_eq!(p.claims[1].refers_to, vec![1]);
        assert_eq!(p.claims[0].text, "A thing.");
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(matches!(
            parse(b"PATN\nTTL  no number\n"),
            Err(ParseError::Number(m)) if m.contains("WKU")
        ));
        assert!(parse(b"HHHHHT header only\n").is_err());
        assert!(parse(b"PATN\nWKU  \xff\xfe\xe9\n").is_err());
        for junk in [
            &b"PATN"[..],
            b"PATN\n\n\n   \n",
            b"PATN\nW\nX",
            b"PATN\nWKU  0\n",
        ] {
            let _ = parse(junk);
        }
    }
}
