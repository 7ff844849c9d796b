//! CNIPA: the older `cn-patent-document` and the XSD V2.2.1 `business:PatentDocumentAndRelated`.
//!
//! Both formats are read from the element tree; the two differ in every wrapper, so each has
//! its own reader for the bibliographic part, while text rendering, claims, headings and the
//! number/date rules are shared.
//!
//! Text needs rules of its own for Chinese: the old format keeps the line breaks of the printed
//! page (`更特\n<br/>别地`), and a space must not be left where the line was wrapped between two
//! Chinese characters. Line wraps from the source are therefore dropped next to CJK characters,
//! typed spaces between two of them (see [`cn_text`]), while boundaries that markup stands for
//! (table cells) stay.

use jiff::civil::Date;

use super::tree::{Child, Node};
use super::uspto::normalize_ipc_text;
use super::{ParseError, Parsed};
use crate::model::{
    Block, Citation, Claim, Classification, DocId, DocKind, DocType, LangText, Party, Patent,
    Priority, Related, parse_yyyymmdd,
};
use crate::number::PubNumber;

/// Reads one document: `cn-patent-document` (old) or `PatentDocumentAndRelated` (XSD V2.x).
pub(super) fn parse(root: &Node, _doctype: &str) -> Result<Parsed, ParseError> {
    let p = match root.name.as_ref() {
        "cn-patent-document" => parse_old(root)?,
        "PatentDocumentAndRelated" => parse_new(root)?,
        other => {
            return Ok(Parsed::Skipped {
                root: other.to_string(),
            });
        }
    };
    Ok(Parsed::Patent(Box::new(p)))
}

// ---------------------------------------------------------------------------------------------
// The old format (`cn-patent-document`, ST.36-like lower-case names).

fn parse_old(root: &Node) -> Result<Patent, ParseError> {
    let empty = Node::default();
    let bib = root.child("cn-bibliographic-data").unwrap_or(&empty);
    let pub_id = bib
        .at("cn-publication-reference/document-id")
        .or_else(|| bib.at("publication-reference/document-id"))
        .map(doc_id_old)
        .unwrap_or_default();
    let version = root
        .attr("dtd-version")
        .or_else(|| root.attr("version"))
        .map(str::trim)
        .filter(|v| !v.is_empty());
    let format = match version {
        Some(v) => format!("cn-patent-document {v}"),
        None => "cn-patent-document".to_string(),
    };
    let app_ref = bib.child("application-reference");
    let appl_type = app_ref
        .and_then(|a| a.attr("appl-type"))
        .unwrap_or("")
        .trim()
        .to_string();
    let mut p = new_patent(&pub_id, &appl_type, "cn-patent-document")?;
    p.format = format;
    p.lang = lang_of(root.attr("lang"));
    p.pub_date = parse_yyyymmdd(&pub_id.date);

    let app = app_ref
        .and_then(|a| a.child("document-id"))
        .map(doc_id_old)
        .unwrap_or_default();
    p.application.country = or_cn(&app.country);
    p.application.number = app.number;
    p.application.filing_date = parse_yyyymmdd(&app.date);
    p.application.appl_type = appl_type;

    for pc in bib.all("priority-claims/priority-claim") {
        p.priority_claims.push(Priority {
            country: text_of(pc.child("country")),
            number: text_of(pc.child("doc-number")),
            date: parse_yyyymmdd(&text_of(pc.child("date"))),
            kind: pc.attr("kind").unwrap_or("").to_string(),
        });
    }
    // A domestic priority (an earlier CN filing) sits, oddly, in a substitution relation.
    for dp in bib.all("cn-related-documents/cn-domestic-priority-claims/cn-domestic-priority-claim")
    {
        for id in dp.find_all("document-id") {
            let id = doc_id_old(id);
            if id.number.is_empty() {
                continue;
            }
            p.priority_claims.push(Priority {
                country: or_cn(&id.country),
                number: id.number,
                date: parse_yyyymmdd(&id.date),
                kind: "national".to_string(),
            });
        }
    }
    for (wrapper, relation) in [
        ("pct-or-regional-filing-data", "pct-or-regional-filing"),
        (
            "pct-or-regional-publishing-data",
            "pct-or-regional-publishing",
        ),
    ] {
        if let Some(id) = bib.at(&format!("{wrapper}/document-id")) {
            push_related(&mut p, relation, "", doc_id_old(id));
        }
    }
    for rel in ["division", "continuation"] {
        for d in bib.find_all(rel) {
            for (role_el, role) in [("parent-doc", "parent"), ("child-doc", "child")] {
                if let Some(id) = d.find(role_el).and_then(|n| n.find("document-id")) {
                    push_related(&mut p, rel, role, doc_id_old(id));
                }
            }
        }
    }

    p.ipc = ipc_list(
        bib.all("classifications-ipcr/classification-ipcr")
            .into_iter()
            .map(|c| text_of(c.child("text"))),
    );
    p.cpc = ipc_list(
        bib.find_all("classification-cpc")
            .into_iter()
            .map(|c| text_of(c.child("text"))),
    );

    let title = bib.child("invention-title").or_else(|| {
        root.at("application-body/description/invention-title")
            .or_else(|| root.at("description/invention-title"))
    });
    set_titles(&mut p, bib.children("invention-title").collect(), title);

    if let Some(abs) = bib.child("abstract").or_else(|| root.child("abstract")) {
        p.abstract_text = abstract_text(abs, "p");
    }

    if let Some(parties) = bib.child("cn-parties").or_else(|| bib.child("parties")) {
        for a in parties.all("cn-applicants/cn-applicant") {
            let ab = a.child("addressbook").unwrap_or(a);
            let mut party = Party {
                name: cn_text(ab.child("name").unwrap_or(&Node::default())),
                ..Party::default()
            };
            party.country = text_of(ab.at("address/country"));
            party.city = text_of(ab.at("address/city"));
            party.type_code = a.attr("app-type").unwrap_or("").to_string();
            if !party.is_empty() {
                p.applicants.push(party);
            }
        }
        for i in parties.all("cn-inventors/cn-inventor") {
            let name = i
                .child("name")
                .or_else(|| i.at("addressbook/name"))
                .map(cn_text)
                .unwrap_or_default();
            push_named(&mut p.inventors, name, "");
        }
        for a in parties.all("cn-agents/cn-agent") {
            if let Some(agency) = a.at("cn-agency/name") {
                push_agency(&mut p.agents, cn_text(agency));
            }
            let name = a
                .child("name")
                .or_else(|| a.at("addressbook/name"))
                .map(cn_text)
                .unwrap_or_default();
            push_named(&mut p.agents, name, a.attr("rep-type").unwrap_or("agent"));
        }
    }

    let body = root.child("application-body").unwrap_or(root);
    if let Some(desc) = body.child("description") {
        p.description = description_old(desc);
    }
    if let Some(claims) = body.child("claims") {
        p.claims = claims_of(claims.children("claim"));
    }
    p.citations = citations_old(bib);
    finish(&mut p);
    Ok(p)
}

fn doc_id_old(n: &Node) -> DocId {
    DocId {
        country: text_of(n.child("country")),
        number: text_of(n.child("doc-number")),
        kind: text_of(n.child("kind")),
        date: text_of(n.child("date")),
    }
}

/// Paragraphs of the old description; headings are plain `p`s and are recognised by text.
fn description_old(desc: &Node) -> Vec<Block> {
    let mut out = Vec::new();
    for el in desc.elements() {
        match el.name.as_ref() {
            "invention-title" => {}
            "heading" => push_block(&mut out, cn_text(el), Some(1)),
            _ => {
                let text = cn_text(el);
                let level = heading_level(&text);
                push_block(&mut out, text, level);
            }
        }
    }
    out
}

/// ST.36 `citation` elements (`patcit` with a `document-id`, `nplcit` with text), wherever the
/// document has them (none of the samples do).
fn citations_old(bib: &Node) -> Vec<Citation> {
    let mut out = Vec::new();
    for c in bib.find_all("citation") {
        let category = text_of(c.child("category"));
        if let Some(pc) = c.child("patcit") {
            let id = pc.find("document-id").map(doc_id_old).unwrap_or_default();
            if !id.number.is_empty() {
                let name = text_of(pc.find("name"));
                out.push(Citation::Patent { id, name, category });
            }
        } else if let Some(npl) = c.child("nplcit") {
            let text = cn_text(npl);
            if !text.is_empty() {
                out.push(Citation::Npl { text, category });
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The XSD format (`business:PatentDocumentAndRelated`, `base:` and `business:` CamelCase names).

fn parse_new(root: &Node) -> Result<Patent, ParseError> {
    let empty = Node::default();
    let bib = root.child("BibliographicData").unwrap_or(&empty);
    let mut pub_id = original(bib.children("PublicationReference").collect())
        .and_then(|r| r.child("DocumentID"))
        .map(doc_id_new)
        .unwrap_or_default();
    // The root repeats the number as attributes; they stand in for a missing reference.
    for (field, attr) in [
        (&mut pub_id.number, "docNumber"),
        (&mut pub_id.kind, "kind"),
        (&mut pub_id.date, "datePublication"),
        (&mut pub_id.country, "country"),
    ] {
        if field.is_empty() {
            *field = root.attr(attr).unwrap_or("").trim().to_string();
        }
    }
    let app_ref = original(bib.children("ApplicationReference").collect());
    let appl_type = app_ref
        .and_then(|a| a.attr("applType"))
        .unwrap_or("")
        .trim()
        .to_string();
    let mut p = new_patent(&pub_id, &appl_type, "PatentDocumentAndRelated")?;
    p.format = match root.attr("xsdVersion").map(str::trim) {
        Some(v) if !v.is_empty() => format!("cnipa business {}", v.to_ascii_lowercase()),
        _ => "cnipa business".to_string(),
    };
    p.lang = lang_of(root.attr("lang"));
    p.pub_date = parse_yyyymmdd(&pub_id.date);

    let app = app_ref
        .and_then(|a| a.child("DocumentID"))
        .map(doc_id_new)
        .unwrap_or_default();
    p.application.country = or_cn(&app.country);
    p.application.number = app.number;
    p.application.filing_date = parse_yyyymmdd(&app.date);
    p.application.appl_type = appl_type;

    // Each priority comes twice: as printed (`original`) and normalised (`standard`).
    let prios: Vec<&Node> = bib.find_all("Priority");
    let has_original = prios.iter().any(|n| !is_standard(n));
    for pr in prios {
        if has_original && is_standard(pr) {
            continue;
        }
        let id = doc_id_new(pr.child("DocumentID").unwrap_or(pr));
        if id.number.is_empty() && id.date.is_empty() {
            continue;
        }
        p.priority_claims.push(Priority {
            country: id.country,
            number: id.number,
            date: parse_yyyymmdd(&id.date),
            kind: pr.attr("kind").unwrap_or("").to_string(),
        });
    }
    for (wrapper, relation) in [
        ("PCTOrRegionalApplicationData", "pct-or-regional-filing"),
        ("PCTOrRegionalPublishingData", "pct-or-regional-publishing"),
    ] {
        if let Some(id) = bib.at(&format!("{wrapper}/DocumentID")) {
            push_related(&mut p, relation, "", doc_id_new(id));
        }
    }
    if let Some(related) = bib.child("RelatedDocuments") {
        for rel in related.elements() {
            let relation = kebab(&rel.name);
            for (role_el, role) in [("ParentDocument", "parent"), ("ChildDocument", "child")] {
                for d in rel.find_all(role_el) {
                    if let Some(id) = d.child("DocumentID") {
                        push_related(&mut p, &relation, role, doc_id_new(id));
                    }
                }
            }
        }
    }

    p.ipc = ipc_list(bib.find_all("ClassificationIPCR").into_iter().map(ipcr_new));
    let mut cpc: Vec<&Node> = bib.find_all("ClassificationCPC");
    cpc.extend(bib.find_all("PatentClassification"));
    p.cpc = ipc_list(cpc.into_iter().map(ipcr_new));

    let titles: Vec<&Node> = bib.children("InventionTitle").collect();
    let fallback = root.at("Description/InventionTitle");
    set_titles(&mut p, titles, fallback);

    let abstracts: Vec<&Node> = root.children("Abstract").collect();
    for abs in abstracts {
        let text = abstract_text(abs, "Paragraphs");
        if text.is_empty() {
            continue;
        }
        let lang = lang_of(abs.attr("lang"));
        if lang == p.lang && p.abstract_text.is_empty() {
            p.abstract_text = text;
        } else if lang != p.lang {
            p.other_abstracts.push(LangText { lang, text });
        }
    }

    if let Some(parties) = bib.child("Parties") {
        for a in parties.find_all("Applicant") {
            let mut party = party_new(a);
            party.type_code = a.attr("appType").unwrap_or("").to_string();
            if !party.is_empty() {
                p.applicants.push(party);
            }
        }
        for i in parties.find_all("Inventor") {
            let party = party_new(i);
            if !party.is_empty() {
                p.inventors.push(party);
            }
        }
        for a in parties.find_all("Agent") {
            if let Some(agency) = a.child("Agency") {
                let name = agency
                    .find("OrganizationName")
                    .or_else(|| agency.find("Name"))
                    .map(cn_text)
                    .unwrap_or_default();
                push_agency(&mut p.agents, name);
            }
            let name = a
                .child("AddressBook")
                .map(name_of_addressbook)
                .or_else(|| a.child("Name").map(cn_text))
                .unwrap_or_default();
            push_named(&mut p.agents, name, a.attr("repType").unwrap_or("agent"));
        }
    }

    if let Some(desc) = root.child("Description") {
        let mut blocks = Vec::new();
        description_new(desc, &mut blocks);
        p.description = blocks;
    }
    if let Some(claims) = root.child("Claims") {
        p.claims = claims_of(claims.children("Claim"));
    }
    p.citations = citations_new(bib);
    finish(&mut p);
    Ok(p)
}

fn is_standard(n: &Node) -> bool {
    n.attr("dataFormat") == Some("standard")
}

/// The `dataFormat="original"` one of a repeated reference (the `standard` copy rewrites the
/// number as 15 digits), or the first.
fn original<'a, 'i>(nodes: Vec<&'a Node<'i>>) -> Option<&'a Node<'i>> {
    nodes
        .iter()
        .find(|n| !is_standard(n))
        .or_else(|| nodes.first())
        .copied()
}

fn doc_id_new(n: &Node) -> DocId {
    DocId {
        country: text_of(n.child("WIPOST3Code")),
        number: text_of(n.child("DocNumber")),
        kind: text_of(n.child("Kind")),
        date: text_of(n.child("Date")),
    }
}

/// `Text` as printed, or the symbol assembled from its parts.
fn ipcr_new(c: &Node) -> String {
    let text = text_of(c.child("Text"));
    if !text.is_empty() {
        return text;
    }
    let part = |name| text_of(c.child(name));
    format!(
        "{}{}{} {}/{}",
        part("Section"),
        part("MainClass"),
        part("Subclass"),
        part("MainGroup"),
        part("Subgroup")
    )
}

fn name_of_addressbook(ab: &Node) -> String {
    for el in ["Name", "OrganizationName"] {
        if let Some(n) = ab.child(el) {
            let t = cn_text(n);
            if !t.is_empty() {
                return t;
            }
        }
    }
    let last = text_of(ab.child("LastName"));
    let first = text_of(ab.child("FirstName"));
    join_name(&last, &first)
}

fn party_new(el: &Node) -> Party {
    let ab = el.child("AddressBook").unwrap_or(el);
    let mut party = Party {
        name: name_of_addressbook(ab),
        first_name: text_of(ab.child("FirstName")),
        last_name: text_of(ab.child("LastName")),
        ..Party::default()
    };
    if let Some(addr) = ab.child("Address") {
        // Unknown address parts are written as `0`.
        let known = |s: String| if s == "0" { String::new() } else { s };
        party.city = known(text_of(addr.child("City")));
        party.state = known(text_of(addr.child("Province")));
        party.country = known(text_of(addr.child("WIPOST3Code")));
    }
    party
}

/// Sections (`TechnicalField`, `BackgroundArt`, ...) hold `Paragraphs`; a section's heading is
/// the paragraph without a `num`.
fn description_new(el: &Node, out: &mut Vec<Block>) {
    for c in el.elements() {
        match c.name.as_ref() {
            "InventionTitle" => {}
            "Paragraphs" => {
                let text = cn_text(c);
                let level = if c.attr("num").is_none() || is_underlined_only(c) {
                    Some(1)
                } else {
                    None
                };
                push_block(out, text, level);
            }
            "Heading" | "Title" => push_block(out, cn_text(c), Some(1)),
            _ if c.elements().any(|n| n.name == "Paragraphs") => description_new(c, out),
            _ => push_block(out, cn_text(c), None),
        }
    }
}

/// A paragraph that is nothing but underlined text: how the new format marks headings that are
/// not one of the standard sections ("相关申请的交叉引用").
fn is_underlined_only(p: &Node) -> bool {
    let mut els = p.elements();
    let only = matches!((els.next(), els.next()), (Some(u), None) if u.name == "Underline");
    only && p.children.iter().all(|c| match c {
        Child::Text(t) => t.trim().is_empty(),
        Child::Element(_) => true,
    })
}

fn citations_new(bib: &Node) -> Vec<Citation> {
    let mut out = Vec::new();
    for c in bib.find_all("PatentCitation") {
        let id = c.find("DocumentID").map(doc_id_new).unwrap_or_default();
        if !id.number.is_empty() {
            out.push(Citation::Patent {
                id,
                name: String::new(),
                category: text_of(c.find("CitationCategory")),
            });
        }
    }
    for name in [
        "NPLCitation",
        "NonPatentCitation",
        "NonPatentLiteratureCitation",
    ] {
        for c in bib.find_all(name) {
            let text = cn_text(c.find("Text").unwrap_or(c));
            if !text.is_empty() {
                out.push(Citation::Npl {
                    text,
                    category: String::new(),
                });
            }
        }
    }
    out
}

/// `Division` → `division`, `ContinuationInPart` → `continuation-in-part`: relation names in the
/// style of the other formats.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Shared rules.

/// The patent with number, kind and type; a missing number is an error naming what is missing.
fn new_patent(pub_id: &DocId, appl_type: &str, root: &str) -> Result<Patent, ParseError> {
    if pub_id.number.trim().is_empty() {
        return Err(ParseError::Number(format!(
            "{root} has no publication reference doc-number"
        )));
    }
    let country = or_cn(&pub_id.country);
    let number = PubNumber::from_parts(&country, &pub_id.number, &pub_id.kind)
        .map_err(|e| ParseError::Number(format!("{root}: {e}")))?;
    let (kind, doc_type) = kind_and_type(&number.kind, appl_type);
    let mut p = Patent::new(number, kind);
    p.doc_type = doc_type;
    Ok(p)
}

/// CN kind codes: A application publication; B (C before 2010) granted invention; U (Y)
/// utility model; S (D) design. Without a kind, the application type says what it is: the old
/// format writes it in words, the new one as the first digit of the 15-digit application
/// number series (1 invention, 2 utility model, 3 design).
fn kind_and_type(kind: &str, appl_type: &str) -> (DocKind, DocType) {
    match kind.chars().next() {
        Some('A') => (DocKind::Application, DocType::Utility),
        Some('B' | 'C') => (DocKind::Grant, DocType::Utility),
        Some('U' | 'Y') => (DocKind::Grant, DocType::Other),
        Some('S' | 'D') => (DocKind::Grant, DocType::Design),
        _ => {
            let t = appl_type.trim();
            let doc_type = if t.contains("实用新型") || t.starts_with('2') {
                DocType::Other
            } else if t.contains("外观设计") || t.starts_with('3') {
                DocType::Design
            } else {
                DocType::Utility
            };
            let kind = if doc_type == DocType::Utility {
                DocKind::Application
            } else {
                DocKind::Grant
            };
            (kind, doc_type)
        }
    }
}

fn or_cn(country: &str) -> String {
    let c = country.trim();
    if c.is_empty() {
        "CN".to_string()
    } else {
        c.to_ascii_uppercase()
    }
}

/// ISO 639-1 in lower case; the old format sometimes writes the country code `CN` for Chinese.
fn lang_of(attr: Option<&str>) -> String {
    match attr.map(|s| s.trim().to_ascii_lowercase()) {
        None => "zh".to_string(),
        Some(s) if s.is_empty() || s == "cn" || s == "chi" || s == "zho" => "zh".to_string(),
        Some(s) => s,
    }
}

fn text_of(n: Option<&Node>) -> String {
    n.map(Node::text).unwrap_or_default()
}

fn join_name(last: &str, first: &str) -> String {
    match (last.is_empty(), first.is_empty()) {
        (true, _) => first.to_string(),
        (false, true) => last.to_string(),
        // Chinese names are written family name first, without a space.
        (false, false) if is_cjk(last.chars().next().unwrap_or(' ')) => format!("{last}{first}"),
        (false, false) => format!("{first} {last}"),
    }
}

fn push_named(list: &mut Vec<Party>, name: String, type_code: &str) {
    if !name.is_empty() {
        list.push(Party {
            name,
            type_code: type_code.to_string(),
            ..Party::default()
        });
    }
}

/// Each agent names the agency again; the agency is listed once, before its agents.
fn push_agency(list: &mut Vec<Party>, name: String) {
    if !name.is_empty()
        && !list
            .iter()
            .any(|p| p.type_code == "agency" && p.name == name)
    {
        push_named(list, name, "agency");
    }
}

fn push_related(p: &mut Patent, relation: &str, role: &str, id: DocId) {
    if id.number.is_empty() {
        return;
    }
    p.related.push(Related {
        relation: relation.to_string(),
        role: role.to_string(),
        id,
        status: String::new(),
    });
}

fn ipc_list(texts: impl Iterator<Item = String>) -> Vec<Classification> {
    let mut out: Vec<Classification> = Vec::new();
    for t in texts {
        // `A24B   15/18    (2006.01)`: the version in brackets is not part of the symbol.
        let symbol = t.split('(').next().unwrap_or("");
        if let Some(symbol) = normalize_ipc_text(symbol)
            && !out.iter().any(|c| c.symbol == symbol)
        {
            out.push(Classification {
                symbol,
                value: String::new(),
                main: out.is_empty(),
            });
        }
    }
    out
}

/// The title in the document's language; titles in other languages go to `other_titles`.
fn set_titles(p: &mut Patent, titles: Vec<&Node>, fallback: Option<&Node>) {
    for t in titles {
        let text = cn_text(t);
        if text.is_empty() {
            continue;
        }
        let lang = t.attr("lang").map(|l| lang_of(Some(l)));
        if let Some(l) = lang.filter(|l| *l != p.lang) {
            if !p.other_titles.iter().any(|o| o.lang == l) {
                p.other_titles.push(LangText { lang: l, text });
            }
        } else if p.title.is_empty() {
            p.title = text;
        }
    }
    if p.title.is_empty() {
        p.title = fallback.map(cn_text).unwrap_or_default();
    }
}

/// Abstract paragraphs; a paragraph that only holds a biological deposit is not prose.
fn abstract_text(abs: &Node, para: &str) -> String {
    let paras: Vec<String> = abs
        .children(para)
        .filter(|p| p.find("bio-deposit").is_none())
        .map(cn_text)
        .filter(|t| !t.is_empty())
        .collect();
    if paras.is_empty() && abs.child(para).is_none() {
        return cn_text(abs);
    }
    paras.join("\n\n")
}

fn push_block(out: &mut Vec<Block>, text: String, heading: Option<u8>) {
    if text.is_empty() {
        return;
    }
    out.push(match heading {
        Some(level) => Block::Heading { level, text },
        None => Block::Paragraph { text },
    });
}

/// Headings of Chinese descriptions (and of translations of Japanese ones) that the old format
/// writes as ordinary paragraphs: level 1 for the sections the rules prescribe, 2 for the
/// subsections translations carry.
fn heading_level(text: &str) -> Option<u8> {
    const TOP: &[&str] = &[
        "技术领域",
        "背景技术",
        "发明内容",
        "实用新型内容",
        "附图说明",
        "具体实施方式",
        "发明的概要",
        "发明概要",
        "附图的简单说明",
        "实施发明的方式",
        "用于实施发明的方式",
        "相关申请的交叉引用",
        "相关申请",
        "序列表",
        "现有技术文献",
        "技术背景",
        "发明背景",
        "发明详述",
        "发明简述",
    ];
    const SUB: &[&str] = &[
        "专利文献",
        "非专利文献",
        "发明所要解决的技术问题",
        "发明要解决的问题",
        "解决技术问题所采用的技术方案",
        "用于解决问题的方案",
        "用于解决课题的手段",
        "发明的效果",
        "发明效果",
        "技术问题",
        "技术方案",
        "有益效果",
        "实施例",
    ];
    let t = text
        .trim()
        .trim_matches(|c| matches!(c, '【' | '】' | '[' | ']'));
    if TOP.contains(&t) {
        Some(1)
    } else if SUB.contains(&t) {
        Some(2)
    } else {
        None
    }
}

/// Claims from `claim` / `Claim` elements: number from `num` (or the text), text without its
/// leading number, references to other claims from the Chinese wording.
fn claims_of<'a, 'i: 'a>(claims: impl Iterator<Item = &'a Node<'i>>) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    for c in claims {
        let text = cn_text(c);
        if text.is_empty() {
            continue;
        }
        let declared = c
            .attr("num")
            .and_then(|n| n.trim().trim_start_matches(['n', 'N']).parse::<u32>().ok())
            .filter(|&n| n > 0);
        let (lead, stripped) = split_claim_number(&text);
        // A leading number that is not the claim's own belongs to the text (`2,4-二氨基…`).
        let rest = match (declared, lead) {
            (Some(d), Some(l)) if d != l => text.as_str(),
            _ => stripped,
        };
        let number = declared.or(lead).unwrap_or(out.len() as u32 + 1);
        let mut refs: Vec<u32> = claim_refs(rest)
            .into_iter()
            .filter(|&r| r > 0 && r < number)
            .collect();
        refs.sort_unstable();
        refs.dedup();
        out.push(Claim {
            number,
            text: rest.to_string(),
            dependent: !refs.is_empty(),
            refers_to: refs,
            lang: String::new(),
        });
    }
    out
}

/// `1.一种…`, `1、一种…`, `1．一种…` → (1, `一种…`).
fn split_claim_number(text: &str) -> (Option<u32>, &str) {
    let t = text.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return (None, t);
    }
    let after = &t[digits..];
    for sep in ['.', '、', '．'] {
        if let Some(rest) = after.strip_prefix(sep) {
            return (t[..digits].parse().ok(), rest.trim_start());
        }
    }
    (None, t)
}

/// Numbers of the claims named after each `权利要求`: `权利要求1`, `权利要求1或2`,
/// `权利要求1、2、3`, `权利要求1-56中任一项`, `权利要求1至4`, `权利要求1～3`.
fn claim_refs(text: &str) -> Vec<u32> {
    const KEY: &str = "权利要求";
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(KEY) {
        rest = &rest[i + KEY.len()..];
        let mut chars = rest.char_indices().peekable();
        let mut prev: Option<u32> = None;
        let mut range = false;
        loop {
            // A number (ASCII or full-width digits).
            let mut n: Option<u32> = None;
            while let Some(&(_, c)) = chars.peek() {
                let d = match c {
                    '0'..='9' => c as u32 - '0' as u32,
                    '０'..='９' => c as u32 - '０' as u32,
                    _ => break,
                };
                n = Some(n.unwrap_or(0).saturating_mul(10).saturating_add(d));
                chars.next();
            }
            let Some(n) = n else { break };
            match prev {
                Some(a) if range && a < n && n - a < 1000 => out.extend(a + 1..=n),
                _ => out.push(n),
            }
            prev = Some(n);
            range = false;
            // A separator, then another number; anything else ends the list.
            let mut sep_seen = false;
            while let Some(&(_, c)) = chars.peek() {
                match c {
                    '-' | '－' | '—' | '–' | '~' | '～' | '至' | '到' => range = true,
                    '、' | '，' | ',' | '或' | '和' | '及' | '以' | ' ' => {}
                    _ => break,
                }
                sep_seen = true;
                chars.next();
            }
            let next_is_digit = chars
                .peek()
                .is_some_and(|&(_, c)| c.is_ascii_digit() || ('０'..='９').contains(&c));
            if !sep_seen || !next_is_digit {
                break;
            }
        }
        rest = match chars.peek() {
            Some(&(j, _)) => &rest[j..],
            None => "",
        };
    }
    out
}

/// The earliest date the document can claim (priorities, a parent application, the PCT filing,
/// the filing date itself), and the owners.
fn finish(p: &mut Patent) {
    let prio = p.priority_claims.iter().filter_map(|c| c.date);
    let related = p
        .related
        .iter()
        .filter(|r| r.role == "parent" || r.relation == "pct-or-regional-filing")
        .filter_map(|r| parse_yyyymmdd(&r.id.date));
    let earliest: Option<Date> = prio.chain(related).chain(p.application.filing_date).min();
    p.priority_date = earliest;
    // A Chinese application or patent belongs to its applicants (申请人 / 专利权人); there is no
    // separate assignee element.
    p.assignees = p.applicants.clone();
}

// ---------------------------------------------------------------------------------------------
// Text.

/// A pending boundary: spaces from the source (dropped between CJK characters), a line wrap
/// from the source (dropped next to a CJK character), a word
/// boundary markup stands for (kept), a table cell (a tab, so that cells of Chinese text are
/// not run together nor joined by a space), or a line break.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Soft,
    Wrap,
    Hard,
    Cell,
    Line,
}

struct CnBuf {
    out: String,
    gap: Gap,
}

impl CnBuf {
    fn gap(&mut self, g: Gap) {
        self.gap = self.gap.max(g);
    }

    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.gap(if c == '\n' || c == '\r' {
                Gap::Wrap
            } else {
                Gap::Soft
            });
            return;
        }
        if !self.out.is_empty() {
            match self.gap {
                Gap::Line => self.out.push('\n'),
                Gap::Hard => self.out.push(' '),
                Gap::Cell => self.out.push('\t'),
                Gap::Soft | Gap::Wrap => {
                    let prev = self.out.chars().next_back().unwrap_or(' ');
                    // A typed space survives unless it sits between two Chinese characters;
                    // a line wrap survives only between two Latin words.
                    let keep = if self.gap == Gap::Soft {
                        !(is_cjk(prev) && is_cjk(c))
                    } else {
                        !is_cjk(prev) && !is_cjk(c)
                    };
                    if keep {
                        self.out.push(' ');
                    }
                }
                Gap::None => {}
            }
        }
        self.gap = Gap::None;
        self.out.push(c);
    }
}

/// Wide characters that are written without spaces between them: CJK ideographs and
/// punctuation, kana, full-width forms. Hangul is not among them (Korean separates words).
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF
        | 0x3000..=0x30FF
        | 0x3100..=0x312F
        | 0x31A0..=0x31FF
        | 0x3200..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFEF
        | 0x20000..=0x3FFFF)
}

/// How an element's content joins its neighbours. `br` is the printed page's line wrap, not a
/// break in the text; sub/superscripts and underlining are glued; paragraphs, claim texts and
/// table rows start a line; table cells are tab-separated; unknown elements separate words.
fn gap_of(name: &str) -> Gap {
    match name {
        "br" | "sub" | "sup" | "Sub" | "Sup" | "u" | "b" | "i" | "Underline" | "Bold"
        | "Italic" | "Superscript" | "Subscript" | "bio-deposit" | "img" | "Image" | "figure"
        | "Figure" => Gap::None,
        "p" | "Paragraphs" | "claim-text" | "ClaimText" | "row" | "table" | "tables"
        | "TableDetails" | "Table" | "tgroup" | "tbody" | "li" | "heading" | "Heading" => Gap::Line,
        "entry" => Gap::Cell,
        _ => Gap::Hard,
    }
}

/// The readable text of `n` with the CNIPA rules: no spaces inserted between Chinese
/// characters, images dropped, lines for blocks.
fn cn_text(n: &Node) -> String {
    let mut buf = CnBuf {
        out: String::new(),
        gap: Gap::None,
    };
    render(n, &mut buf);
    buf.out
}

fn render(n: &Node, buf: &mut CnBuf) {
    for c in &n.children {
        match c {
            Child::Text(t) if t.contains('<') => {
                strip_html_inline(t).chars().for_each(|ch| buf.push(ch))
            }
            Child::Text(t) => t.chars().for_each(|ch| buf.push(ch)),
            Child::Element(e) => {
                if matches!(e.name.as_ref(), "img" | "Image" | "colspec" | "Title") {
                    continue;
                }
                let g = gap_of(&e.name);
                buf.gap(g);
                render(e, buf);
                buf.gap(g);
            }
        }
    }
}

/// Table cells of the XSD format sometimes carry HTML in CDATA (`<![CDATA[CC<sub>50</sub>]]>`):
/// the inline tags go, like the elements they mimic. Only these exact tags: `<210>` in a
/// sequence listing is text.
fn strip_html_inline(t: &str) -> String {
    const TAGS: &[&str] = &[
        "<sub>", "</sub>", "<sup>", "</sup>", "<i>", "</i>", "<b>", "</b>", "<u>", "</u>", "<br>",
        "<br/>", "<br />",
    ];
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match TAGS.iter().find(|tag| {
            rest.get(..tag.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(tag))
        }) {
            Some(tag) => rest = &rest[tag.len()..],
            None => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(xml: &str) -> Node<'_> {
        use quick_xml::Reader;
        use quick_xml::events::Event;
        let mut r = Reader::from_reader(xml.as_bytes());
        loop {
            match r.read_event().unwrap() {
                Event::Start(e) => {
                    let e = e.into_owned();
                    return super::super::tree::read(&mut r, xml.as_bytes(), &e, false, "")
                        .unwrap();
                }
                Event::Eof => panic!("no root"),
                _ => {}
            }
        }
    }

    #[test]
    fn wrapped_chinese_lines_join_without_spaces() {
        let p = node(
            "<p>更特\n\t\t<br/>别地，hepcidin\n<br/>生物\n K<sub>D</sub> Lodderomyces\n<br/>elongisporus。 \n<br/></p>",
        );
        assert_eq!(
            cn_text(&p),
            "更特别地，hepcidin生物KD Lodderomyces elongisporus。"
        );
        // Typed spaces stay, except between two Chinese characters.
        let n = node("<name>代理有限公司 11243 无菌水 清洗</name>");
        assert_eq!(cn_text(&n), "代理有限公司 11243 无菌水清洗");
        let t = node(
            "<t><row><entry>字段</entry><entry>含义</entry></row><row><entry>a</entry></row></t>",
        );
        assert_eq!(cn_text(&t), "字段\t含义\na");
        let cdata = node("<entry><![CDATA[CC<sub>50</sub>[uM]<SUP>a</SUP> <210>]]></entry>");
        assert_eq!(cn_text(&cdata), "CC50[uM]a <210>");
    }

    #[test]
    fn claim_references() {
        assert_eq!(claim_refs("根据权利要求1所述的"), vec![1]);
        assert_eq!(claim_refs("根据权利要求1、2、3所述的"), vec![1, 2, 3]);
        assert_eq!(claim_refs("如权利要求1-4中任一项所述"), vec![1, 2, 3, 4]);
        assert_eq!(claim_refs("如权利要求1至3任一项"), vec![1, 2, 3]);
        assert_eq!(claim_refs("权利要求69或70所述"), vec![69, 70]);
        assert_eq!(claim_refs("权利要求书中记载"), Vec::<u32>::new());
        assert_eq!(claim_refs("权利要求1～3中"), vec![1, 2, 3]);
        assert_eq!(split_claim_number("10.根据"), (Some(10), "根据"));
        assert_eq!(split_claim_number("2、一种"), (Some(2), "一种"));
        assert_eq!(split_claim_number("2,4-二氨基"), (None, "2,4-二氨基"));
    }

    #[test]
    fn kinds_and_errors() {
        assert_eq!(
            kind_and_type("A", ""),
            (DocKind::Application, DocType::Utility)
        );
        assert_eq!(kind_and_type("U", ""), (DocKind::Grant, DocType::Other));
        assert_eq!(
            kind_and_type("", "外观设计"),
            (DocKind::Grant, DocType::Design)
        );
        let doc = |xml: &str| super::super::parse_document(xml.as_bytes());
        let old = "\u{feff}<cn-patent-document><cn-bibliographic-data/></cn-patent-document>";
        assert!(matches!(doc(old), Err(ParseError::Number(m)) if m.contains("doc-number")));
        let new = "<x:PatentDocumentAndRelated xmlns:x='u'/>";
        assert!(matches!(doc(new), Err(ParseError::Number(_))));
        // The root's attributes stand in for a missing publication reference.
        let attrs = r#"<x:PatentDocumentAndRelated xmlns:x='u' docNumber="113783949" kind="A" datePublication="20211210" xsdVersion="V2.2.1"/>"#;
        match doc(attrs) {
            Ok(Parsed::Patent(p)) => {
                assert_eq!(p.number.to_string(), "CN113783949A");
                assert_eq!(p.format, "cnipa business v2.2.1");
                assert_eq!(p.lang, "zh");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn titles_in_other_languages() {
        let xml = r#"<b:PatentDocumentAndRelated xmlns:b="u" lang="ZH" docNumber="1" kind="U"><b:BibliographicData>
<b:InventionTitle lang="en">Display device</b:InventionTitle><b:InventionTitle lang="zh">显示设备</b:InventionTitle>
</b:BibliographicData></b:PatentDocumentAndRelated>"#;
        match super::super::parse_document(xml.as_bytes()) {
            Ok(Parsed::Patent(p)) => {
                assert_eq!(p.title, "显示设备");
                assert_eq!(p.other_titles.len(), 1);
                assert_eq!(p.other_titles[0].lang, "en");
                assert_eq!(p.other_titles[0].text, "Display device");
                assert_eq!((p.kind, p.doc_type), (DocKind::Grant, DocType::Other));
            }
            other => panic!("{other:?}"),
        }
    }
}
