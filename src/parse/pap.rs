//! USPTO pre-grant publications 2001–2004: `patent-application-publication` (pap v1.5, v1.6).
//!
//! The two versions differ in details the parser does not read, so one code path serves both.
//! Bibliographic data is under `subdoc-bibliographic-information`; the text parts are
//! `subdoc-abstract`, `subdoc-description` and `subdoc-claims`.

use super::claims::{claim as make_claim, numbers_in_id, refs_in_words};
use super::st32::person_name;
use super::text::{Sep, sep_of};
use super::tree::Node;
use super::uspto::earliest_priority;
use super::uspto::normalize_ipc_text;
use super::{ParseError, Parsed};
use crate::model::{
    Block, Classification, DocId, DocKind, DocType, Party, Patent, Priority, Related,
    parse_yyyymmdd,
};
use crate::number::PubNumber;

/// Reads one `patent-application-publication` document.
pub(super) fn parse(root: &Node, doctype: &str) -> Result<Parsed, ParseError> {
    let bi = root
        .child("subdoc-bibliographic-information")
        .ok_or_else(|| {
            ParseError::Number(
                "no subdoc-bibliographic-information in <patent-application-publication>".into(),
            )
        })?;
    let num = text_at(bi, "document-id/doc-number");
    if num.is_empty() {
        return Err(ParseError::Number(
            "no document-id/doc-number in subdoc-bibliographic-information".into(),
        ));
    }
    let kind = text_at(bi, "document-id/kind-code");
    let number = PubNumber::from_parts("US", &num, &kind)
        .map_err(|e| ParseError::Number(format!("document-id: {e}")))?;
    let mut p = Patent::new(number, DocKind::Application);
    p.pub_date = parse_yyyymmdd(&text_at(bi, "document-id/document-date"));
    p.format = format!(
        "patent-application-publication {}",
        pap_version(doctype, p.pub_date)
    );
    p.lang = "en".into();
    p.doc_type = DocType::of_number(&p.number);

    p.application.country = "US".into();
    p.application.number = text_at(bi, "domestic-filing-data/application-number/doc-number");
    p.application.series_code = text_at(bi, "domestic-filing-data/application-number-series-code");
    p.application.filing_date = parse_yyyymmdd(&text_at(bi, "domestic-filing-data/filing-date"));

    for fp in bi.children("foreign-priority-data") {
        p.priority_claims.push(Priority {
            country: text_at(fp, "country-code"),
            number: text_at(fp, "priority-application-number/doc-number"),
            date: parse_yyyymmdd(&text_at(fp, "filing-date")),
            kind: String::new(),
        });
    }

    if let Some(ti) = bi.child("technical-information") {
        for (path, main) in [
            ("classification-ipc/classification-ipc-primary/ipc", true),
            ("classification-ipc/classification-ipc-secondary/ipc", false),
        ] {
            for ipc in ti.all(path) {
                if let Some(symbol) = normalize_ipc_text(&text(ipc)) {
                    p.ipc.push(Classification {
                        symbol,
                        value: String::new(),
                        main,
                    });
                }
            }
        }
        for path in [
            "classification-us/classification-us-primary/uspc",
            "classification-us/classification-us-secondary/uspc",
        ] {
            for uspc in ti.all(path) {
                if let Some(c) = pap_uspc(&text_at(uspc, "class"), &text_at(uspc, "subclass")) {
                    p.us_classes.push(c);
                }
            }
        }
        p.title = text_at(ti, "title-of-invention");
    }

    if let Some(cd) = bi.child("continuity-data") {
        continuity(cd, &mut p.related);
    }
    p.priority_date = earliest_priority(&p);

    if let Some(inv) = bi.child("inventors") {
        for i in inv.elements() {
            if matches!(i.name.as_ref(), "first-named-inventor" | "inventor") {
                let party = person(i);
                if !party.is_empty() {
                    p.inventors.push(party);
                }
            }
        }
    }
    for a in bi.children("assignee") {
        let mut party = person(a);
        let org = text_at(a, "organization-name");
        if !org.is_empty() {
            party.name = org;
        }
        party.type_code = text_at(a, "assignee-type");
        if !party.is_empty() {
            p.assignees.push(party);
        }
    }
    if let Some(ca) = bi.child("correspondence-address") {
        let names: Vec<String> = ["name-1", "name-2"]
            .iter()
            .map(|n| text_at(ca, n))
            .filter(|n| !n.is_empty())
            .collect();
        let party = Party {
            name: names.join(", "),
            city: text_at(ca, "address/city"),
            state: text_at(ca, "address/state"),
            country: text_at(ca, "address/country/country-code"),
            type_code: "correspondence".into(),
            ..Party::default()
        };
        if !party.is_empty() {
            p.agents.push(party);
        }
    }

    if let Some(ab) = root.child("subdoc-abstract") {
        let paras: Vec<String> = ab
            .find_all("paragraph")
            .into_iter()
            .map(paragraph_text)
            .filter(|t| !t.is_empty())
            .collect();
        p.abstract_text = paras.join("\n\n");
    }
    if let Some(de) = root.child("subdoc-description") {
        description_blocks(de, &mut p.description);
    }
    if let Some(cl) = root.child("subdoc-claims") {
        for (i, claim) in cl.find_all("claim").into_iter().enumerate() {
            let fallback = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let number = claim
                .attr("id")
                .and_then(|id| numbers_in_id(id).first().copied())
                .unwrap_or(fallback);
            // The `depends_on` ids are often wrong in these files (`CLM-00033` on the words
            // "claim 31"), so the printed number wins; the id only when no number is printed.
            let refs: Vec<u32> = claim
                .find_all("dependent-claim-reference")
                .into_iter()
                .flat_map(|r| {
                    let printed = refs_in_words(&text(r));
                    if printed.is_empty() {
                        r.attr("depends_on").map(numbers_in_id).unwrap_or_default()
                    } else {
                        printed
                    }
                })
                .collect();
            p.claims.push(make_claim(number, &text(claim), refs));
        }
    }
    Ok(Parsed::Patent(Box::new(p)))
}

/// `v1.6` from the DTD name (`pap-v16-2002-01-01.dtd`). Copies whose DOCTYPE was replaced
/// upstream get the version in force on the publication date: v1.6 (dated 2002-01-01) replaced
/// v1.5 for the 2002 publications.
fn pap_version(doctype: &str, pub_date: Option<jiff::civil::Date>) -> String {
    if let Some(i) = doctype.find("pap-v") {
        let digits: Vec<char> = doctype[i + 5..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let [major, minor] = digits.as_slice() {
            return format!("v{major}.{minor}");
        }
    }
    match pub_date {
        Some(d) if d.year() < 2002 => "v1.5".into(),
        Some(_) => "v1.6".into(),
        None => "unknown".into(),
    }
}

/// `002` + `069000` → `2/69`; `428` + `405100` → `428/405.1`: the subclass is three digits and
/// a three-digit decimal extension.
fn pap_uspc(class: &str, subclass: &str) -> Option<String> {
    let class = class.trim();
    let class = match class.strip_prefix('D') {
        Some(rest) => format!("D{}", rest.trim_start_matches('0')),
        None => class.trim_start_matches('0').to_string(),
    };
    if class.is_empty() || class == "D" || !class.is_ascii() {
        return None;
    }
    let sub = subclass.trim();
    if sub.is_empty() {
        return Some(class);
    }
    if sub.len() == 6 && sub.bytes().all(|b| b.is_ascii_digit()) {
        let (main, ext) = sub.split_at(3);
        let main = main.trim_start_matches('0');
        let main = if main.is_empty() { "0" } else { main };
        let ext = ext.trim_end_matches('0');
        return Some(if ext.is_empty() {
            format!("{class}/{main}")
        } else {
            format!("{class}/{main}.{ext}")
        });
    }
    Some(format!("{class}/{}", sub.trim_start_matches('0')))
}

fn continuity(cd: &Node, out: &mut Vec<Related>) {
    for c in cd.elements() {
        let relation = match c.name.as_ref() {
            "continuations" => {
                continuity(c, out);
                continue;
            }
            "non-provisional-of-provisional" => {
                if let Some(doc) = c.child("document-id") {
                    out.push(Related {
                        relation: "us-provisional-application".into(),
                        id: doc_id(doc),
                        ..Related::default()
                    });
                }
                continue;
            }
            "continuation-of" => "continuation",
            "continuation-in-part-of" => "continuation-in-part",
            "continuing-reissue-of" => "continuing-reissue",
            "division-of" => "division",
            "a-371-of-international" => "a-371-of-international",
            "substitution-for" => "substitution",
            "reissue-of" => "reissue",
            "corrected-republication-of" => "correction",
            other => other,
        };
        for pc in c.children("parent-child") {
            let status = text_at(pc, "parent-status");
            for (path, role) in [
                ("child/document-id", "child"),
                ("parent/document-id", "parent"),
                ("parent-patent/document-id", "parent-grant"),
            ] {
                if let Some(doc) = pc.at(path) {
                    out.push(Related {
                        relation: relation.into(),
                        role: role.into(),
                        id: doc_id(doc),
                        status: if role == "parent" {
                            status.clone()
                        } else {
                            String::new()
                        },
                    });
                }
            }
        }
    }
}

fn doc_id(doc: &Node) -> DocId {
    let country = text_at(doc, "country-code");
    DocId {
        country: if country.is_empty() {
            "US".into()
        } else {
            country
        },
        number: text_at(doc, "doc-number"),
        kind: text_at(doc, "kind-code"),
        date: text_at(doc, "document-date"),
    }
}

/// An inventor or assignee: `name` parts and `residence`.
fn person(n: &Node) -> Party {
    let given: Vec<String> = ["name/given-name", "name/middle-name"]
        .iter()
        .map(|p| text_at(n, p))
        .filter(|s| !s.is_empty())
        .collect();
    let mut last = text_at(n, "name/family-name");
    let suffix = text_at(n, "name/name-suffix");
    if !suffix.is_empty() {
        last = format!("{last} {suffix}");
    }
    let first = given.join(" ");
    let res = n
        .at("residence/residence-us")
        .or_else(|| n.at("residence/residence-non-us"))
        .or_else(|| n.child("address"));
    let (city, state, mut country) = match res {
        Some(r) => (
            text_at(r, "city"),
            text_at(r, "state"),
            text_at(r, "country-code"),
        ),
        None => Default::default(),
    };
    if country.is_empty()
        && let Some(r) = res
    {
        country = text_at(r, "country/country-code");
    }
    Party {
        name: person_name(&first, &last),
        first_name: first,
        last_name: last,
        city,
        state,
        country,
        ..Party::default()
    }
}

fn description_blocks(n: &Node, out: &mut Vec<Block>) {
    for c in n.elements() {
        match c.name.as_ref() {
            "heading" => {
                let t = text(c);
                if !t.is_empty() {
                    let level = c.attr("lvl").and_then(|l| l.parse().ok()).unwrap_or(1);
                    out.push(Block::Heading { level, text: t });
                }
            }
            "paragraph" => {
                let t = paragraph_text(c);
                if !t.is_empty() {
                    out.push(Block::Paragraph { text: t });
                }
            }
            _ => description_blocks(c, out),
        }
    }
}

/// A paragraph without its printed number (`[0001]`), which is not part of the text.
fn paragraph_text(n: &Node) -> String {
    let t = text(n);
    if let Some(rest) = t.strip_prefix('[')
        && let Some((num, after)) = rest.split_once(']')
        && !num.is_empty()
        && num.bytes().all(|b| b.is_ascii_digit())
    {
        return after.trim_start().to_string();
    }
    t
}

fn pap_sep(name: &str) -> Sep {
    match name {
        "highlight"
        | "bold"
        | "italic"
        | "subscript"
        | "superscript"
        | "uline"
        | "smallcaps"
        | "cross-reference"
        | "dependent-claim-reference"
        | "number"
        | "custom-character" => Sep::None,
        "paragraph" | "heading" | "in-line-formula" | "table-cwu" | "math-cwu" => Sep::Newline,
        _ => sep_of(name.as_bytes()),
    }
}

fn text(n: &Node) -> String {
    n.text_with(&pap_sep)
}

fn text_at(n: &Node, path: &str) -> String {
    n.at(path).map(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn us_classes_and_versions() {
        assert_eq!(pap_uspc("002", "069000").as_deref(), Some("2/69"));
        assert_eq!(pap_uspc("428", "405100").as_deref(), Some("428/405.1"));
        assert_eq!(pap_uspc("D02", "700000").as_deref(), Some("D2/700"));
        assert_eq!(pap_uspc("", "1"), None);
        assert_eq!(pap_version("pap-v16-2002-01-01.dtd", None), "v1.6");
        assert_eq!(
            pap_version("html", Some(jiff::civil::date(2001, 3, 15))),
            "v1.5"
        );
    }

    #[test]
    fn missing_number_is_an_error() {
        for xml in [
            "<patent-application-publication/>",
            "<patent-application-publication><subdoc-bibliographic-information><document-id/></subdoc-bibliographic-information></patent-application-publication>",
        ] {
            assert!(matches!(
                super::super::parse_document(xml.as_bytes()),
                Err(ParseError::Number(_))
            ));
        }
    }
}
