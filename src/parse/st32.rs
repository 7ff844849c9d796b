//! USPTO grants 2001–2004: WIPO ST.32 v2.5 `PATDOC` (B-codes).
//!
//! Every value sits in a `PDAT` leaf under an INID-numbered element (`B110` number, `B220` filing
//! date, `B561` patent citation ...); the text parts are `SDOAB` (abstract), `SDODE` (description)
//! and `SDOCL` (claims). The helpers at the bottom (number series, earliest priority, claim
//! numbers) are shared with the other legacy USPTO formats (`pap.rs`, `aps.rs`).

use super::claims::{claim, numbers_in_id};
use super::text::{Sep, sep_of};
use super::tree::{Child, Node};
use super::uspto::{earliest_priority, normalize_ipc_text, normalize_uspc};
use super::{ParseError, Parsed};
use crate::model::{
    Block, Citation, Classification, DocId, DocKind, DocType, Party, Patent, Priority, Related,
    parse_yyyymmdd,
};
use crate::number::PubNumber;

/// Reads one `PATDOC` document.
pub(super) fn parse(root: &Node, doctype: &str) -> Result<Parsed, ParseError> {
    let bi = root
        .child("SDOBI")
        .ok_or_else(|| ParseError::Number("no SDOBI (bibliographic data) in <PATDOC>".into()))?;
    let num = text_at(bi, "B100/B110/DNUM");
    if num.is_empty() {
        return Err(ParseError::Number(
            "no B110 document number in <PATDOC>".into(),
        ));
    }
    let country = non_empty(text_at(bi, "B100/B190"), "US");
    let kind = text_at(bi, "B100/B130");
    let number = PubNumber::from_parts(&country, &num, &kind)
        .map_err(|e| ParseError::Number(format!("B110: {e}")))?;
    let mut p = Patent::new(number, DocKind::Grant);
    p.format = format!("PATDOC {}", st32_version(root, doctype));
    p.lang = "en".into();
    p.doc_type = DocType::of_number(&p.number);
    p.pub_date = parse_yyyymmdd(&text_at(bi, "B100/B140/DATE"));

    p.application.country = "US".into();
    p.application.number = text_at(bi, "B200/B210/DNUM");
    p.application.series_code = text_at(bi, "B200/B211US");
    p.application.filing_date = parse_yyyymmdd(&text_at(bi, "B200/B220/DATE"));
    p.application.appl_type = p.doc_type.as_str().to_string();

    for b300 in bi.children("B300") {
        p.priority_claims.push(Priority {
            country: text_at(b300, "B330/CTRY"),
            number: text_at(b300, "B310/DNUM"),
            date: parse_yyyymmdd(&text_at(b300, "B320/DATE")),
            kind: String::new(),
        });
    }

    if let Some(b472) = bi.at("B400/B472") {
        p.disclaimer = b472.child("B473US").is_some() || b472.child("B473").is_some();
        // B474 is the term of grant in years (designs); B474US is the 35 USC 154(b) extension
        // in days, or "5 years" (not a day count, so not mapped).
        p.term_extension_days = text_at(b472, "B474US").parse().ok();
    }

    if let Some(b500) = bi.child("B500") {
        read_b500(b500, &mut p);
    }
    if let Some(b600) = bi.child("B600") {
        read_b600(b600, &mut p.related);
    }
    if let Some(b700) = bi.child("B700") {
        read_b700(b700, &mut p);
    }
    if let Some(b800) = bi.child("B800") {
        for (path, relation) in [
            ("B860/B861/DOC", "pct-or-regional-filing"),
            ("B870/B871/DOC", "pct-or-regional-publishing"),
        ] {
            for doc in b800.all(path) {
                p.related.push(Related {
                    relation: relation.into(),
                    id: doc_id(doc, ""),
                    ..Related::default()
                });
            }
        }
    }
    p.priority_date = earliest_priority(&p);

    if let Some(ab) = root.child("SDOAB") {
        let paras: Vec<String> = ab
            .find_all("PARA")
            .into_iter()
            .map(text)
            .filter(|t| !t.is_empty())
            .collect();
        p.abstract_text = paras.join("\n\n");
    }
    if let Some(de) = root.child("SDODE") {
        description_blocks(de, &mut p.description);
    }
    if let Some(cl) = root.child("SDOCL") {
        for (i, clm) in cl.find_all("CLM").into_iter().enumerate() {
            let fallback = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let number = clm
                .attr("ID")
                .and_then(|id| numbers_in_id(id).first().copied())
                .unwrap_or(fallback);
            let refs: Vec<u32> = clm
                .find_all("CLREF")
                .into_iter()
                .filter_map(|r| r.attr("ID"))
                .flat_map(numbers_in_id)
                .collect();
            p.claims.push(claim(number, &text(clm), refs));
        }
    }
    Ok(Parsed::Patent(Box::new(p)))
}

/// `v2.5` from the root's `DTD="2.5"`, else from the DTD file name (`ST32-US-Grant-025xml.dtd`).
fn st32_version(root: &Node, doctype: &str) -> String {
    if let Some(v) = root.attr("DTD").map(str::trim).filter(|v| !v.is_empty()) {
        return format!("v{v}");
    }
    // `ST32-US-Grant-025xml.dtd`: version 2.5 written as three digits.
    if let Some(i) = doctype.find("Grant-") {
        let digits: Vec<char> = doctype[i + 6..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let [_, major, minor] = digits.as_slice() {
            return format!("v{major}.{minor}");
        }
    }
    "unknown".into()
}

fn read_b500(b500: &Node, p: &mut Patent) {
    if let Some(b510) = b500.child("B510") {
        for c in b510.elements() {
            let main = c.name == "B511";
            if (main || c.name == "B512")
                && let Some(symbol) = st32_ipc(&raw_pdat(c))
            {
                p.ipc.push(Classification {
                    symbol,
                    value: String::new(),
                    main,
                });
            }
        }
    }
    if let Some(b520) = b500.child("B520") {
        for c in b520.elements() {
            if matches!(c.name.as_ref(), "B521" | "B522")
                && let Some(class) = normalize_uspc(&raw_pdat(c))
            {
                p.us_classes.push(class);
            }
        }
    }
    p.title = text_at(b500, "B540/STEXT");
    if let Some(b560) = b500.child("B560") {
        for c in b560.elements() {
            let category = if c.child("CITED-BY-EXAMINER").is_some() {
                "cited by examiner"
            } else if c.child("CITED-BY-OTHER").is_some() {
                "cited by other"
            } else {
                ""
            }
            .to_string();
            match c.name.as_ref() {
                "B561" => {
                    let Some(doc) = c.at("PCIT/DOC") else {
                        continue;
                    };
                    p.citations.push(Citation::Patent {
                        id: doc_id(doc, "US"),
                        name: text_at(c, "PCIT/PARTY-US/NAM"),
                        category,
                    });
                }
                "B562" => {
                    let t = c.child("NCIT").map(text).unwrap_or_default();
                    if !t.is_empty() {
                        p.citations.push(Citation::Npl { text: t, category });
                    }
                }
                _ => {}
            }
        }
    }
    p.num_claims = text_at(b500, "B570/B577").parse().ok();
    p.num_drawing_sheets = text_at(b500, "B590/B595").parse().ok();
    p.num_figures = text_at(b500, "B590/B596").parse().ok();
}

/// The related US filings of `B600`: the code says the relation, `PARENT-US` the roles.
fn read_b600(b600: &Node, out: &mut Vec<Related>) {
    for c in b600.elements() {
        let relation = match c.name.as_ref() {
            "B610" => "addition",
            "B620" => "division",
            "B630" => {
                for sub in c.elements() {
                    let relation = match sub.name.as_ref() {
                        "B631" => "continuation",
                        "B632" => "continuation-in-part",
                        "B633" => "continuing-reissue",
                        _ => continue,
                    };
                    if let Some(pu) = sub.child("PARENT-US") {
                        parent_us(pu, relation, out);
                    }
                }
                continue;
            }
            "B640" => "reissue",
            "B641US" => "divisional-reissue",
            "B645" | "B646US" => "reexamination",
            "B660" => "substitution",
            "B680US" | "B690US" => {
                if let Some(doc) = c.child("DOC") {
                    out.push(Related {
                        relation: if c.name == "B680US" {
                            "us-provisional-application"
                        } else {
                            "related-publication"
                        }
                        .into(),
                        id: doc_id(doc, "US"),
                        ..Related::default()
                    });
                }
                continue;
            }
            _ => continue,
        };
        if let Some(pu) = c.child("PARENT-US") {
            parent_us(pu, relation, out);
        }
    }
}

fn parent_us(pu: &Node, relation: &str, out: &mut Vec<Related>) {
    let status = match text_at(pu, "PSTA").as_str() {
        "00" => "PENDING",
        "01" => "GRANTED",
        "03" => "ABANDONED",
        "04" => "SIR",
        _ => "",
    };
    for (path, role) in [
        ("CDOC/DOC", "child"),
        ("PDOC/DOC", "parent"),
        ("PPUB/DOC", "parent-grant"),
    ] {
        if let Some(doc) = pu.at(path) {
            out.push(Related {
                relation: relation.into(),
                role: role.into(),
                id: doc_id(doc, "US"),
                status: if role == "parent" {
                    status.into()
                } else {
                    String::new()
                },
            });
        }
    }
}

fn read_b700(b700: &Node, p: &mut Patent) {
    for b721 in b700.all("B720/B721") {
        if let Some(party) = b721.child("PARTY-US").map(party_us) {
            p.inventors.push(party);
        }
    }
    // B730 holds (B731, B732US) pairs: the type code follows its assignee.
    for b730 in b700.children("B730") {
        for c in b730.elements() {
            match c.name.as_ref() {
                "B731" => {
                    if let Some(party) = c.child("PARTY-US").map(party_us) {
                        p.assignees.push(party);
                    }
                }
                "B732US" => {
                    if let Some(last) = p.assignees.last_mut() {
                        last.type_code = text(c);
                    }
                }
                _ => {}
            }
        }
    }
    for b741 in b700.all("B740/B741") {
        if let Some(party) = b741.child("PARTY-US").map(party_us) {
            p.agents.push(party);
        }
    }
    if let Some(b745) = b700.child("B745") {
        let dept = text_at(b745, "B748US");
        for c in b745.elements() {
            if matches!(c.name.as_ref(), "B746" | "B747")
                && let Some(mut party) = c.child("PARTY-US").map(party_us)
            {
                party.type_code = dept.clone();
                p.examiners.push(party);
            }
        }
    }
    p.inventors.retain(|x| !x.is_empty());
    p.assignees.retain(|x| !x.is_empty());
    p.agents.retain(|x| !x.is_empty());
    p.examiners.retain(|x| !x.is_empty());
}

fn party_us(n: &Node) -> Party {
    let mut p = Party {
        first_name: text_at(n, "NAM/FNM"),
        last_name: text_at(n, "NAM/SNM"),
        city: text_at(n, "ADR/CITY"),
        state: text_at(n, "ADR/STATE"),
        country: text_at(n, "ADR/CTRY"),
        ..Party::default()
    };
    p.name = text_at(n, "NAM/ONM");
    if p.name.is_empty() {
        p.name = person_name(&p.first_name, &p.last_name);
    }
    // US residents carry a state and no country.
    if p.country.is_empty() && !p.state.is_empty() {
        p.country = "US".into();
    }
    p
}

/// The `H` and `PARA` blocks of the description, whatever section wraps them.
fn description_blocks(n: &Node, out: &mut Vec<Block>) {
    for c in n.elements() {
        match c.name.as_ref() {
            "H" => {
                let t = text(c);
                if !t.is_empty() {
                    let level = c.attr("LVL").and_then(|l| l.parse().ok()).unwrap_or(1);
                    out.push(Block::Heading { level, text: t });
                }
            }
            "PARA" => {
                let t = text(c);
                if !t.is_empty() {
                    out.push(Block::Paragraph { text: t });
                }
            }
            _ => description_blocks(c, out),
        }
    }
}

fn doc_id(doc: &Node, default_country: &str) -> DocId {
    let country = non_empty(text_at(doc, "CTRY"), default_country);
    DocId {
        number: us_serial(&text_at(doc, "DNUM"), &country),
        country,
        kind: text_at(doc, "KIND"),
        date: text_at(doc, "DATE"),
    }
}

/// `09/413215` → `09413215`: US application numbers as the v4 format writes them.
fn us_serial(num: &str, country: &str) -> String {
    match num.split_once('/') {
        Some((series, serial))
            if country == "US"
                && series.len() == 2
                && serial.len() == 6
                && series
                    .bytes()
                    .chain(serial.bytes())
                    .all(|b| b.is_ascii_digit()) =>
        {
            format!("{series}{serial}")
        }
        _ => num.to_string(),
    }
}

/// ST.32 IPC: subclass, main group right-justified in 3 characters, subgroup (`G06F 1516` is
/// G06F 15/16, `B32B  302` is B32B 3/02). Locarno classes of designs (`0604`) are not IPC:
/// `None`.
pub(super) fn st32_ipc(raw: &str) -> Option<String> {
    let raw = raw.trim_matches(|c| matches!(c, '\n' | '\r' | '\t'));
    let b = raw.as_bytes();
    let looks_ipc = b.len() >= 4
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_digit()
        && b[2].is_ascii_digit()
        && b[3].is_ascii_uppercase();
    if !looks_ipc || !raw.is_ascii() {
        return None;
    }
    let (subclass, rest) = raw.split_at(4);
    let (group, sub) = if rest.len() >= 5 {
        let (g, s) = rest.split_at(3);
        (g.trim().to_string(), s.trim().to_string())
    } else {
        // Padding lost (re-indented copies): subgroups have at least two digits.
        let compact: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.len() < 3 {
            return normalize_ipc_text(&format!("{subclass}{compact}"));
        }
        let (g, s) = compact.split_at(compact.len() - 2);
        (g.to_string(), s.to_string())
    };
    normalize_ipc_text(&format!("{subclass}{group}/{sub}"))
}

/// Which ST.32 elements are inline (glued to their neighbours) and which are blocks; the
/// lower-case table and MathML elements fall back to the common rules.
fn st32_sep(name: &str) -> Sep {
    match name {
        "PDAT" | "PTEXT" | "STEXT" | "HIL" | "BOLD" | "ITALIC" | "SB" | "SP" | "ULINE"
        | "DULINE" | "SMALLCAPS" | "LTL" | "CLREF" | "FGREF" | "CRF" | "DFREF" | "PAREF"
        | "TBLREF" | "SEQREF" | "LSTREF" | "DNUM" => Sep::None,
        "PARA" | "CLMSTEP" | "H" | "BR" | "LST" | "LI" | "F" => Sep::Newline,
        _ => sep_of(name.as_bytes()),
    }
}

fn text(n: &Node) -> String {
    n.text_with(&st32_sep)
}

fn text_at(n: &Node, path: &str) -> String {
    n.at(path).map(text).unwrap_or_default()
}

/// The characters of the first `PDAT` as written: class codes are fixed-width, spaces count.
fn raw_pdat(n: &Node) -> String {
    let pdat = if n.name == "PDAT" {
        Some(n)
    } else {
        n.find("PDAT")
    };
    let mut out = String::new();
    if let Some(pdat) = pdat {
        for c in &pdat.children {
            if let Child::Text(t) = c {
                out.push_str(t);
            }
        }
    }
    out
}

fn non_empty(s: String, default: &str) -> String {
    if s.is_empty() { default.to_string() } else { s }
}

/// "First Last", or whichever part there is.
pub(super) fn person_name(first: &str, last: &str) -> String {
    match (first.is_empty(), last.is_empty()) {
        (false, false) => format!("{first} {last}"),
        _ => format!("{first}{last}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipc_codes_with_and_without_padding() {
        assert_eq!(st32_ipc("G06F 1516").as_deref(), Some("G06F15/16"));
        assert_eq!(st32_ipc("B32B  302").as_deref(), Some("B32B3/02"));
        assert_eq!(st32_ipc("E03C 104").as_deref(), Some("E03C1/04"));
        assert_eq!(st32_ipc("H04M 1100").as_deref(), Some("H04M11/00"));
        assert_eq!(st32_ipc("0604"), None, "Locarno, not IPC");
        assert_eq!(st32_ipc(""), None);
        assert_eq!(st32_ipc("G0"), None);
    }

    #[test]
    fn helpers() {
        assert_eq!(us_serial("09/413215", "US"), "09413215");
        assert_eq!(us_serial("PCT/NO98/00107", "US"), "PCT/NO98/00107");
    }

    #[test]
    fn malformed_documents_are_errors_not_panics() {
        for xml in [
            "<PATDOC></PATDOC>",
            "<PATDOC><SDOBI></SDOBI></PATDOC>",
            "<PATDOC><SDOBI><B100><B110><DNUM><PDAT>x</PDAT></DNUM></B110></B100></SDOBI></PATDOC>",
        ] {
            assert!(
                matches!(
                    super::super::parse_document(xml.as_bytes()),
                    Err(ParseError::Number(_))
                ),
                "{xml}"
            );
        }
        let ok = "<PATDOC DTD=\"2.5\"><SDOBI><B100><B110><DNUM><PDAT>06000001</PDAT></DNUM></B110><B130><PDAT>B1</PDAT></B130></B100><B500><B520><B521><PDAT/></B521></B520></B500></SDOBI><SDOCL><CL><CLM ID=\"\"/></CL></SDOCL></PATDOC>";
        match super::super::parse_document(ok.as_bytes()) {
            Ok(Parsed::Patent(p)) => {
                assert_eq!(p.number.to_string(), "US6000001B1");
                assert_eq!(p.format, "PATDOC v2.5");
                assert_eq!(p.claims[0].number, 1);
            }
            other => panic!("{other:?}"),
        }
    }
}
