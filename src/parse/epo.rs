//! EPO publication server: `ep-patent-document` v1-0 to v1-5-1 and `ep-bulletin`.
//!
//! The bibliographic part (`SDOBI`) is the WIPO ST.32-style INID tree (`B110` number, `B540`
//! titles, `B7xx` parties); the body holds the abstract, the description and one `claims`
//! element per language (a grant has English, German and French claims). The versions differ in
//! detail only: old documents class in `B510/B511`/`B512` (`7H 01M 10/40`), newer ones in
//! `B510EP/classification-ipcr` (`H01M  10/052  20100101AFI…`), v1-5-1 adds CPC in `B520EP`;
//! v1-5-1 applications may carry their search report's citations with X/Y/A categories. So one
//! code path reads them all, by element name. The bulletin variant is the same tree without a
//! body, told apart only by its `dtd-version` attribute (its DOCTYPE names ep-patent-document).

use jiff::civil::Date;

use super::claims::{refs_in_words, strip_number};
use super::tree::Node;
use super::uspto::normalize_ipc_text;
use super::{ParseError, Parsed};
use crate::model::{
    Application, Block, Citation, Claim, Classification, DocId, DocKind, DocType, LangText, Party,
    Patent, Priority, Related, parse_yyyymmdd,
};
use crate::number::PubNumber;

/// Reads one `ep-patent-document`.
pub(super) fn parse(root: &Node, doctype: &str) -> Result<Parsed, ParseError> {
    let sdobi = root.child("SDOBI");
    let b = |path: &str| -> String {
        sdobi
            .map(|s| collapse(&s.text_at(path)))
            .unwrap_or_default()
    };
    let attr = |name: &str| root.attr(name).unwrap_or("").trim().to_string();
    let or = |a: String, b: String| if a.is_empty() { b } else { a };

    let country = or(b("B100/B190"), attr("country"));
    let country = if country.is_empty() {
        "EP".to_string()
    } else {
        country
    };
    let doc_number = or(b("B100/B110"), attr("doc-number"));
    let kind = or(b("B100/B130"), attr("kind"));
    if doc_number.is_empty() {
        return Err(ParseError::Number(
            "ep-patent-document has neither B110 nor a doc-number attribute".into(),
        ));
    }
    let number = PubNumber::from_parts(&country, &doc_number, &kind)
        .map_err(|e| ParseError::Number(format!("ep-patent-document B110/B130: {e}")))?;
    let doc_kind = if kind.trim().to_ascii_uppercase().starts_with('B') {
        DocKind::Grant
    } else {
        DocKind::Application
    };
    let mut p = Patent::new(number, doc_kind);
    p.doc_type = DocType::Utility;
    p.format = format_name(root.attr("dtd-version").unwrap_or(""), doctype);
    p.lang = or(
        attr("lang"),
        or(
            sdobi.and_then(|s| s.attr("lang")).unwrap_or("").to_string(),
            b("B200/B260"),
        ),
    )
    .to_ascii_lowercase();
    p.pub_date =
        parse_yyyymmdd(&b("B100/B140/date")).or_else(|| parse_yyyymmdd(&attr("date-publ")));

    if let Some(s) = sdobi {
        read_sdobi(s, &mut p);
    }
    read_body(root, &mut p);
    p.priority_date = earliest(
        p.priority_claims
            .iter()
            .filter_map(|c| c.date)
            .chain(p.application.filing_date),
    );
    Ok(Parsed::Patent(Box::new(p)))
}

/// `ep-patent-document v1-5-1` from the `dtd-version` attribute (`ep-patent-document-v1-5-1`,
/// `ep-bulletin-v1-0`), else from the DOCTYPE's system id (`ep-patent-document-v1-5-1.dtd`).
fn format_name(dtd_version: &str, doctype: &str) -> String {
    let from_doctype = || {
        doctype
            .split('"')
            .find(|s| s.ends_with(".dtd"))
            .map(|s| s.trim_end_matches(".dtd").to_string())
            .unwrap_or_default()
    };
    let v = dtd_version.trim();
    let v = if v.is_empty() {
        from_doctype()
    } else {
        v.to_string()
    };
    match v.rfind("-v") {
        Some(i) if i > 0 => format!("{} {}", &v[..i], &v[i + 1..]),
        _ if v.is_empty() => "ep-patent-document".to_string(),
        _ => format!("ep-patent-document {v}"),
    }
}

fn read_sdobi(s: &Node, p: &mut Patent) {
    // Application: EP number with its check digit (`94113456.1`) and filing date.
    p.application = Application {
        country: "EP".into(),
        number: collapse(&s.text_at("B200/B210")),
        filing_date: parse_yyyymmdd(&s.text_at("B200/B220/date")),
        ..Application::default()
    };

    // Priorities: B310/B320/B330 triples, one B300 each or several in one B300.
    for b300 in s.children("B300") {
        let mut cur: Option<Priority> = None;
        for c in b300.elements() {
            match c.name.as_ref() {
                "B310" => {
                    if let Some(done) = cur.take() {
                        p.priority_claims.push(done);
                    }
                    cur = Some(Priority {
                        number: collapse(&c.text()),
                        ..Priority::default()
                    });
                }
                "B320" => {
                    cur.get_or_insert_with(Priority::default).date =
                        parse_yyyymmdd(&c.text_at("date"));
                }
                "B330" => {
                    cur.get_or_insert_with(Priority::default).country =
                        collapse(&c.text_at("ctry"));
                }
                _ => {}
            }
        }
        if let Some(done) = cur {
            p.priority_claims.push(done);
        }
    }

    for b500 in s.children("B500") {
        read_classes(b500, p);
        read_titles(b500, p);
        for b560 in b500.children("B560") {
            read_b560(b560, &mut p.citations);
        }
    }

    for b600 in s.children("B600") {
        // Divisional: the parent application (B620, B620EP in some versions).
        for parent in b600
            .all("B620/parent/cdoc")
            .into_iter()
            .chain(b600.all("B620EP/parent/cdoc"))
        {
            let number = collapse(&parent.text_at("dnum/anum"));
            if !number.is_empty() {
                p.related.push(Related {
                    relation: "division".into(),
                    role: "parent".into(),
                    id: DocId {
                        country: "EP".into(),
                        number,
                        kind: String::new(),
                        date: collapse(&parent.text_at("date")),
                    },
                    status: String::new(),
                });
            }
        }
    }

    for b700 in s.children("B700") {
        p.applicants
            .extend(b700.all("B710/B711").into_iter().map(|n| party(n, false)));
        p.inventors
            .extend(b700.all("B720/B721").into_iter().map(|n| party(n, true)));
        p.assignees
            .extend(b700.all("B730/B731").into_iter().map(|n| party(n, false)));
        p.agents
            .extend(b700.all("B740/B741").into_iter().map(|n| party(n, false)));
    }
    for list in [
        &mut p.applicants,
        &mut p.inventors,
        &mut p.assignees,
        &mut p.agents,
    ] {
        list.retain(|x| !x.is_empty());
    }

    // The international publication of a Euro-PCT application (B870/B871 `WO2020100959`):
    // the link to the same family's WO document.
    for pnum in s.all("B800/B870/B871") {
        let raw = collapse(&pnum.text_at("dnum/pnum"));
        if raw.len() > 2 && raw.is_char_boundary(2) {
            let (cc, num) = raw.split_at(2);
            p.related.push(Related {
                relation: "related-publication".into(),
                role: String::new(),
                id: DocId {
                    country: cc.to_string(),
                    number: num.to_string(),
                    kind: String::new(),
                    date: collapse(&pnum.text_at("date")),
                },
                status: String::new(),
            });
        }
    }
}

fn read_classes(b500: &Node, p: &mut Patent) {
    // Old documents: B511 main, B512 further symbols (`7H 01M 10/40`), per IPC edition.
    for b510 in b500.children("B510") {
        for c in b510.elements() {
            if matches!(c.name.as_ref(), "B511" | "B512" | "B513" | "B514")
                && let Some(mut class) = ipc_from_text(&c.text())
            {
                class.main = c.name == "B511";
                push_class(&mut p.ipc, class);
            }
        }
    }
    for b510 in b500.children("B510EP") {
        for c in b510.find_all("classification-ipcr") {
            if let Some(class) = ipc_from_text(&c.text_at("text")) {
                push_class(&mut p.ipc, class);
            }
        }
    }
    for b520 in b500.children("B520EP") {
        for c in b520.find_all("classification-cpc") {
            if let Some(class) = ipc_from_text(&c.text_at("text")) {
                push_class(&mut p.cpc, class);
            }
        }
    }
    mark_first_main(&mut p.ipc);
    mark_first_main(&mut p.cpc);
}

/// Adds `class` unless the symbol is already there (the same symbol comes once per edition).
pub(super) fn push_class(list: &mut Vec<Classification>, class: Classification) {
    if !list.iter().any(|c| c.symbol == class.symbol) {
        list.push(class);
    }
}

/// Without an explicit main symbol, the first is the main one.
pub(super) fn mark_first_main(list: &mut [Classification]) {
    if !list.iter().any(|c| c.main)
        && let Some(first) = list.first_mut()
    {
        first.main = true;
    }
}

/// An IPC or CPC symbol from the fixed-column texts the EPO writes:
/// `G03G  15/08        20060101AFI19941209BHEP` (IPC-R: symbol, version date, level,
/// position `F`irst/`L`ater, value `I`nventive/`N`on-inventive/`A`dditional),
/// `C07D 271/113       20130101 LI20200617BCEP` (CPC), ` 7A 01B  45/00   A` (B511: edition
/// digit, then a symbol with a space inside the subclass), `A61M  31/    00  A I` (OPS).
/// `main` is set for position `F`.
pub(super) fn ipc_from_text(raw: &str) -> Option<Classification> {
    let chars: Vec<char> = raw.chars().collect();
    let mut i = 0;
    let skip_ws = |i: &mut usize| {
        while *i < chars.len() && chars[*i].is_whitespace() {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    // The IPC edition in front of old symbols (`7A 01B`).
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    // Subclass: four characters, letter digit digit letter, spaces ignored.
    let mut subclass = String::new();
    while subclass.len() < 4 && i < chars.len() {
        let c = chars[i];
        if !c.is_whitespace() {
            subclass.push(c.to_ascii_uppercase());
        }
        i += 1;
    }
    let b = subclass.as_bytes();
    if b.len() != 4
        || !b[0].is_ascii_alphabetic()
        || !b[1].is_ascii_digit()
        || !b[2].is_ascii_digit()
        || !b[3].is_ascii_alphabetic()
    {
        return None;
    }
    let digits = |i: &mut usize| {
        let mut s = String::new();
        while *i < chars.len() && chars[*i].is_ascii_digit() {
            s.push(chars[*i]);
            *i += 1;
        }
        s
    };
    skip_ws(&mut i);
    let group = digits(&mut i);
    skip_ws(&mut i);
    let mut sub = String::new();
    if group.is_empty() {
        // A bare subclass.
        return normalize_ipc_text(&subclass).map(|symbol| Classification {
            symbol,
            ..Classification::default()
        });
    }
    if i < chars.len() && chars[i] == '/' {
        i += 1;
        skip_ws(&mut i);
        sub = digits(&mut i);
    }
    let symbol = normalize_ipc_text(&format!("{subclass}{group}/{sub}"))?;
    // After the symbol: version date (8 digits), then level, position, value.
    skip_ws(&mut i);
    let mut value = String::new();
    let mut main = false;
    let date = digits(&mut i);
    if date.len() == 8 && i + 3 <= chars.len() {
        main = chars[i + 1] == 'F';
        if matches!(chars[i + 2], 'I' | 'N' | 'A') {
            value = chars[i + 2].to_string();
        }
    }
    Some(Classification {
        symbol: symbol.trim_end_matches('/').to_string(),
        value,
        main,
    })
}

fn read_titles(b500: &Node, p: &mut Patent) {
    for b540 in b500.children("B540") {
        let mut lang = String::new();
        for c in b540.elements() {
            match c.name.as_ref() {
                "B541" => lang = collapse(&c.text()).to_ascii_lowercase(),
                "B542" => {
                    let text = collapse(&c.text());
                    if text.is_empty() {
                        continue;
                    }
                    if p.title.is_empty() && (lang == p.lang || lang.is_empty()) {
                        p.title = text;
                    } else {
                        p.other_titles.push(LangText {
                            lang: lang.clone(),
                            text,
                        });
                    }
                }
                _ => {}
            }
        }
    }
    // A document whose language has no B542 still gets a title.
    if p.title.is_empty() && !p.other_titles.is_empty() {
        let first = p.other_titles.remove(0);
        p.title = first.text;
    }
}

/// `B561` patent citations (`EP-A- 0 294 097`) and `B562` literature: the documents the
/// examiner cited in the search and examination.
fn read_b560(b560: &Node, out: &mut Vec<Citation>) {
    const CATEGORY: &str = "cited by examiner";
    for c in b560.elements() {
        match c.name.as_ref() {
            "B561" => {
                let id = match c.find("document-id") {
                    Some(d) => doc_id(d),
                    None => cited_number(&collapse(&c.text())),
                };
                if let Some(id) = id {
                    out.push(Citation::Patent {
                        id,
                        name: String::new(),
                        category: CATEGORY.into(),
                    });
                } else {
                    let text = collapse(&c.text());
                    if !text.is_empty() {
                        out.push(Citation::Npl {
                            text,
                            category: CATEGORY.into(),
                        });
                    }
                }
            }
            "B562" => {
                let text = collapse(&c.text());
                if !text.is_empty() {
                    out.push(Citation::Npl {
                        text,
                        category: CATEGORY.into(),
                    });
                }
            }
            _ => {}
        }
    }
}

/// `EP-A- 0 294 097`, `WO-A1-99/10096`, `US-A1- 2004 123 456`, `US- - 5 123 456`: country,
/// kind (A/B with an optional digit; may be blank), number (spaces dropped, a slash kept).
pub(super) fn cited_number(text: &str) -> Option<DocId> {
    let mut parts = text.splitn(3, '-');
    let country = parts.next()?.trim();
    let kind = parts.next()?.trim();
    let rest = parts.next()?.trim();
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    // The number runs while digits, spaces and slashes follow; anything after (a name, a date)
    // is dropped.
    let number: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ' ' || *c == '/')
        .filter(|c| !c.is_whitespace())
        .collect();
    if !number.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(DocId {
        country: country.to_ascii_uppercase(),
        number: number.trim_end_matches('/').to_string(),
        kind: kind.to_ascii_uppercase(),
        date: String::new(),
    })
}

/// A `document-id` (`country`, `doc-number`, `kind`, `date`).
pub(super) fn doc_id(d: &Node) -> Option<DocId> {
    let number = collapse(&d.text_at("doc-number"));
    if number.is_empty() {
        return None;
    }
    Some(DocId {
        country: collapse(&d.text_at("country")).to_ascii_uppercase(),
        number,
        kind: collapse(&d.text_at("kind")).to_ascii_uppercase(),
        date: collapse(&d.text_at("date")),
    })
}

/// A party from `snm` (name as printed), `adr/city`, `adr/ctry`. The EPO prints persons as
/// `Last, First` (inventors often followed by `c/o Company`), so inventors are split there;
/// other parties are split only when the part after the comma is not a company suffix.
fn party(n: &Node, person: bool) -> Party {
    let raw = collapse(&n.text_at("snm"));
    let city = collapse(&n.text_at("adr/city"));
    let country = collapse(&n.text_at("adr/ctry"));
    let mut p = Party {
        city,
        country,
        ..Party::default()
    };
    // `Yoshihara, Toshiyuki, c/o Canon Kabushiki Kaisha`: the c/o part is an address.
    let lower = raw.to_ascii_lowercase();
    let name = match lower.find("c/o") {
        Some(i) if i > 0 => raw[..i].trim().trim_end_matches(',').trim(),
        _ => raw.trim().trim_end_matches(',').trim(),
    };
    if let Some((last, first)) = name.split_once(',') {
        let (last, first) = (last.trim(), first.trim().trim_end_matches(',').trim());
        if !first.is_empty() && (person || !is_company_suffix(first)) {
            p.last_name = last.to_string();
            p.first_name = first.to_string();
            p.name = format!("{first} {last}");
            return p;
        }
    }
    p.name = name.to_string();
    p
}

fn is_company_suffix(s: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "ltd",
        "inc",
        "co",
        "corp",
        "corporation",
        "gmbh",
        "ag",
        "sa",
        "s.a",
        "spa",
        "s.p.a",
        "srl",
        "bv",
        "b.v",
        "nv",
        "n.v",
        "kg",
        "llc",
        "plc",
        "ab",
        "oy",
        "as",
        "a/s",
        "kk",
        "limited",
        "company",
        "incorporated",
        "sas",
        "se",
        "lp",
        "llp",
        "gmbh & co. kg",
    ];
    let first_word: String = s
        .split([' ', ','])
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let whole = s.trim_end_matches('.').to_ascii_lowercase();
    SUFFIXES.contains(&first_word.as_str())
        || SUFFIXES.contains(&whole.as_str())
        || s.contains('&')
        || s.split_whitespace().count() > 4
}

fn read_body(root: &Node, p: &mut Patent) {
    // Abstracts: the one in the document's language first.
    let mut abstracts: Vec<LangText> = Vec::new();
    for a in root.children("abstract") {
        let text = paragraphs(a);
        if !text.is_empty() {
            abstracts.push(LangText {
                lang: a.attr("lang").unwrap_or("").to_ascii_lowercase(),
                text,
            });
        }
    }
    let main = abstracts
        .iter()
        .position(|a| a.lang == p.lang || a.lang.is_empty())
        .or(if abstracts.is_empty() { None } else { Some(0) });
    if let Some(i) = main {
        p.abstract_text = abstracts.remove(i).text;
    }
    p.other_abstracts = abstracts;

    for d in root.children("description") {
        description(d, &mut p.description);
    }

    // Claims: the set in the document's language first, the others with their language.
    let sets: Vec<&Node> = root.children("claims").collect();
    let own = |c: &&Node| {
        let l = c.attr("lang").unwrap_or("").to_ascii_lowercase();
        l.is_empty() || l == p.lang
    };
    let mut ordered: Vec<&Node> = sets.iter().copied().filter(own).collect();
    let own_count = ordered.len();
    ordered.extend(sets.iter().copied().filter(|c| !own(c)));
    for (i, set) in ordered.into_iter().enumerate() {
        let lang = if i < own_count {
            String::new()
        } else {
            set.attr("lang").unwrap_or("").to_ascii_lowercase()
        };
        claims(set, &lang, &mut p.claims);
    }

    // Search report citations (v1-5-1 applications) and the applicant's references.
    for srep in root.children("search-report-data") {
        for c in srep.find_all("citation") {
            let category = match collapse(&c.text_at("category")) {
                x if x.is_empty() => "search, cited by examiner".to_string(),
                x => format!("search {x}, cited by examiner"),
            };
            cited(c, category, &mut p.citations);
        }
    }
    for list in root.children("ep-reference-list") {
        for c in list
            .find_all("patcit")
            .into_iter()
            .chain(list.find_all("nplcit"))
        {
            cited_one(c, "cited by applicant".into(), &mut p.citations);
        }
    }

    for (part, missing) in [
        (
            "abstract",
            p.abstract_text.is_empty() && root.child("abstract").is_none(),
        ),
        ("claims", root.child("claims").is_none()),
        ("description", root.child("description").is_none()),
    ] {
        if missing {
            p.lacks.push(part.into());
        }
    }
}

/// The patent or literature citation inside a `citation` element.
pub(super) fn cited(c: &Node, category: String, out: &mut Vec<Citation>) {
    if let Some(pc) = c.child("patcit").or_else(|| c.child("nplcit")) {
        cited_one(pc, category, out);
    }
}

/// A `patcit` (its `document-id`, the `docdb` one where there are several, else `dnum`) or
/// an `nplcit` (its text).
pub(super) fn cited_one(n: &Node, category: String, out: &mut Vec<Citation>) {
    if n.name == "patcit" {
        let ids: Vec<&Node> = n.children("document-id").collect();
        let best = ids
            .iter()
            .find(|d| d.attr("document-id-type") == Some("docdb"))
            .or_else(|| ids.iter().find(|d| !d.text_at("country").trim().is_empty()))
            .or(ids.first());
        let mut id = best.and_then(|d| doc_id(d));
        let name = best
            .map(|d| collapse(&d.text_at("name")))
            .unwrap_or_default();
        if let Some(i) = id.as_mut()
            && i.country.is_empty()
            && let Some(cc) = i
                .number
                .get(..2)
                .filter(|s| s.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            // An epodoc id (`US5277199`): the country is in the number.
            let cc = cc.to_string();
            i.number = i.number[2..].to_string();
            i.country = cc;
        }
        if id.is_none()
            && let Some(dnum) = n.attr("dnum")
        {
            id = dnum_id(dnum);
        }
        if let Some(id) = id {
            out.push(Citation::Patent { id, name, category });
        } else {
            let text = collapse(&n.text());
            if !text.is_empty() {
                out.push(Citation::Npl { text, category });
            }
        }
    } else {
        let text = collapse(&n.text());
        if !text.is_empty() {
            out.push(Citation::Npl { text, category });
        }
    }
}

/// `WO2010022076A1` → WO, 2010022076, A1.
fn dnum_id(dnum: &str) -> Option<DocId> {
    let n: PubNumber = dnum.parse().ok()?;
    Some(DocId {
        country: n.country,
        number: n.number,
        kind: n.kind,
        date: String::new(),
    })
}

fn description(d: &Node, out: &mut Vec<Block>) {
    for c in d.elements() {
        match c.name.as_ref() {
            "heading" => {
                let text = collapse(&c.text());
                if !text.is_empty() {
                    let level = c
                        .attr("level")
                        .and_then(|l| l.trim().parse().ok())
                        .unwrap_or(1);
                    out.push(Block::Heading { level, text });
                }
            }
            // Page markers and drawings carry no text.
            "DP" | "figure" | "img" | "doc-page" => {}
            _ => {
                let text = c.text().trim().to_string();
                if !text.is_empty() {
                    out.push(Block::Paragraph { text });
                }
            }
        }
    }
}

fn claims(set: &Node, lang: &str, out: &mut Vec<Claim>) {
    for (i, c) in set.children("claim").enumerate() {
        let number = c
            .attr("num")
            .and_then(|n| n.trim().parse::<u32>().ok())
            .filter(|n| *n > 0)
            .unwrap_or(i as u32 + 1);
        let text = c.text();
        let text = strip_number(text.trim()).to_string();
        if text.is_empty() {
            continue;
        }
        let refers_to: Vec<u32> = refs_in_words(&text)
            .into_iter()
            .filter(|r| *r < number)
            .collect();
        out.push(Claim {
            number,
            dependent: !refers_to.is_empty(),
            refers_to,
            text,
            lang: lang.to_string(),
        });
    }
}

/// Paragraph texts separated by blank lines (an abstract).
pub(super) fn paragraphs(n: &Node) -> String {
    let ps: Vec<String> = n
        .children("p")
        .map(|p| p.text().trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    if ps.is_empty() {
        n.text().trim().to_string()
    } else {
        ps.join("\n\n")
    }
}

/// Whitespace collapsed to single spaces, ends trimmed (values printed over several lines).
pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn earliest(dates: impl Iterator<Item = Date>) -> Option<Date> {
    dates.min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ipc(s: &str) -> (String, String, bool) {
        let c = ipc_from_text(s).unwrap();
        (c.symbol, c.value, c.main)
    }

    #[test]
    fn class_texts_of_every_version() {
        assert_eq!(
            ipc("G03G  15/08        20060101AFI19941209BHEP        "),
            ("G03G15/08".into(), "I".into(), true)
        );
        assert_eq!(
            ipc("C07D 271/113       20130101 LI20200617BCEP"),
            ("C07D271/113".into(), "I".into(), false)
        );
        assert_eq!(ipc(" 7A 01B  45/00   A").0, "A01B45/00");
        assert_eq!(ipc("7H 01M 10/40").0, "H01M10/40");
        assert_eq!(ipc("A61M  31/    00            A I   ").0, "A61M31/00");
        assert!(ipc_from_text("").is_none());
        assert!(ipc_from_text("12345").is_none());
        assert!(ipc_from_text("ééééé").is_none());
    }

    #[test]
    fn printed_citation_numbers() {
        let id = cited_number("EP-A- 0 294 097").unwrap();
        assert_eq!(
            (id.country.as_str(), id.number.as_str(), id.kind.as_str()),
            ("EP", "0294097", "A")
        );
        let id = cited_number("WO-A1-99/10096").unwrap();
        assert_eq!((id.number.as_str(), id.kind.as_str()), ("99/10096", "A1"));
        let id = cited_number("US- - 5 123 456").unwrap();
        assert_eq!((id.number.as_str(), id.kind.as_str()), ("5123456", ""));
        assert!(cited_number("Anal.Biochem.Vol 108(2), pp.394-401 (1980).").is_none());
        assert!(cited_number("").is_none());
    }

    #[test]
    fn formats_and_party_names() {
        assert_eq!(
            format_name("ep-patent-document-v1-5-1", ""),
            "ep-patent-document v1-5-1"
        );
        assert_eq!(format_name("ep-bulletin-v1-0", ""), "ep-bulletin v1-0");
        assert_eq!(
            format_name(
                "",
                r#"ep-patent-document PUBLIC "-//EPO//EP PATENT DOCUMENT 1.4//EN" "ep-patent-document-v1-4.dtd""#
            ),
            "ep-patent-document v1-4"
        );
        assert!(is_company_suffix("Ltd."));
        assert!(!is_company_suffix("Jean-Claude"));
    }
}
