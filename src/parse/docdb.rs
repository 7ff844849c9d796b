//! EPO DOCDB exchange documents (`exch:exchange-document(s)`), also inside OPS responses.
//!
//! DOCDB is the EPO's bibliographic master database: one `exchange-document` per publication
//! of any office, with the simple family id, no claims and no description. A value often comes
//! several times in different formats: `data-format="docdb"` (normalised: `US`, `8359798`),
//! `docdba` (the same, readable case), `epodoc` (`US19980083597`), `original` (as the office
//! printed it). OPS writes the format as `document-id-type` on the `document-id` instead and
//! spells classification symbols as `section`/`class`/… parts. Each value is taken from the
//! most normalised format that has it.

use std::collections::BTreeMap;

use super::epo::{
    cited, collapse, doc_id, earliest, ipc_from_text, mark_first_main, paragraphs, push_class,
};
use super::tree::Node;
use super::{ParseError, Parsed};
use crate::model::{
    Application, Classification, DocId, DocKind, DocType, LangText, Party, Patent, Priority,
    parse_yyyymmdd,
};
use crate::number::PubNumber;

/// Reads a DOCDB delivery (`exchange-documents`), a single `exchange-document`, or an OPS
/// `world-patent-data` response. OPS responses without exchange documents (full text, family,
/// legal status, image inquiries) are skipped as `world-patent-data/<inner element>`.
pub(super) fn parse(root: &Node, _doctype: &str) -> Result<Parsed, ParseError> {
    let docs: Vec<&Node> = if root.name == "exchange-document" {
        vec![root]
    } else {
        root.find_all("exchange-document")
    };
    if docs.is_empty() {
        let inner = root
            .elements()
            .next()
            .map(|n| format!("/{}", n.name))
            .unwrap_or_default();
        return Ok(Parsed::Skipped {
            root: format!("{}{inner}", root.name),
        });
    }
    let format = if root.name == "world-patent-data" {
        "ops exchange-document".to_string()
    } else {
        match root.attr("dtd-version").map(str::trim) {
            Some(v) if !v.is_empty() => format!("docdb exchange-document v{v}"),
            _ => "docdb exchange-document".to_string(),
        }
    };
    let mut out = Vec::with_capacity(docs.len());
    for (i, d) in docs.into_iter().enumerate() {
        let mut p = document(d).map_err(|m| {
            ParseError::Number(format!("exchange-document {} of the file: {m}", i + 1))
        })?;
        p.format = format.clone();
        out.push(p);
    }
    Ok(if out.len() == 1 {
        Parsed::Patent(Box::new(out.remove(0)))
    } else {
        Parsed::Patents(out)
    })
}

/// The `document-id` of `r` in the most normalised format: `docdb` (as `data-format` of `r`
/// or `document-id-type` of the id), else the first with a country, else the first.
fn best_id<'a, 'i>(refs: &[&'a Node<'i>]) -> Option<&'a Node<'i>> {
    let ids: Vec<(&Node, &Node)> = refs
        .iter()
        .flat_map(|r| r.children("document-id").map(move |d| (*r, d)))
        .collect();
    let fmt = |r: &Node, d: &Node| {
        d.attr("document-id-type")
            .or_else(|| r.attr("data-format"))
            .unwrap_or("")
            .to_string()
    };
    ids.iter()
        .find(|(r, d)| fmt(r, d) == "docdb")
        .or_else(|| {
            ids.iter()
                .find(|(_, d)| !d.text_at("country").trim().is_empty())
        })
        .or(ids.first())
        .map(|(_, d)| *d)
}

/// Any date of the ids of `refs` (OPS puts the filing date on the epodoc id only).
fn any_date(refs: &[&Node]) -> Option<jiff::civil::Date> {
    refs.iter()
        .flat_map(|r| r.children("document-id"))
        .find_map(|d| parse_yyyymmdd(&d.text_at("date")))
}

fn document(d: &Node) -> Result<Patent, String> {
    let bib = d.child("bibliographic-data");
    let pub_refs: Vec<&Node> = bib
        .map(|b| b.children("publication-reference").collect())
        .unwrap_or_default();
    let pub_id = best_id(&pub_refs).and_then(doc_id);
    let attr = |name: &str| d.attr(name).unwrap_or("").trim().to_string();
    let pick = |a: String, b: Option<&str>| {
        if a.is_empty() {
            b.unwrap_or("").to_string()
        } else {
            a
        }
    };
    let country = pick(attr("country"), pub_id.as_ref().map(|i| i.country.as_str()));
    let doc_number = pick(
        attr("doc-number"),
        pub_id.as_ref().map(|i| i.number.as_str()),
    );
    let kind = pick(attr("kind"), pub_id.as_ref().map(|i| i.kind.as_str()));
    if doc_number.is_empty() || country.is_empty() {
        return Err("no country and doc-number (attributes or a publication-reference)".into());
    }
    let doc_number = us_pregrant_number(&country, &doc_number);
    let number = PubNumber::from_parts(&country, &doc_number, &kind).map_err(|e| e.to_string())?;
    let k = kind.trim().to_ascii_uppercase();
    // Kind letters differ per office; B and C are grants almost everywhere (DE C, CA C, RU C).
    let doc_kind = if k.starts_with('B') || k.starts_with('C') {
        DocKind::Grant
    } else {
        DocKind::Application
    };
    let mut p = Patent::new(number, doc_kind);
    p.doc_type = match (country.as_str(), k.chars().next()) {
        ("US", Some('S')) => DocType::Design,
        ("US", Some('P')) => DocType::Plant,
        ("US", Some('E')) => DocType::Reissue,
        (_, Some('U' | 'Y')) => DocType::Other,
        _ => DocType::Utility,
    };
    p.family_id = attr("family-id");
    p.pub_date = parse_yyyymmdd(&attr("date-publ")).or_else(|| {
        pub_id
            .as_ref()
            .and_then(|i| parse_yyyymmdd(&i.date))
            .or_else(|| any_date(&pub_refs))
    });

    let mut pub_lang = String::new();
    if let Some(b) = bib {
        let app_refs: Vec<&Node> = b.children("application-reference").collect();
        if let Some(id) = best_id(&app_refs).and_then(doc_id) {
            p.application = Application {
                country: if id.country.is_empty() {
                    country.clone()
                } else {
                    id.country
                },
                number: id.number,
                filing_date: parse_yyyymmdd(&id.date).or_else(|| any_date(&app_refs)),
                ..Application::default()
            };
        }
        priorities(b, &mut p.priority_claims);
        classes(b, &mut p);
        if let Some(parties) = b.child("parties") {
            p.applicants = parties_of(parties, "applicants", "applicant", "applicant-name");
            p.inventors = parties_of(parties, "inventors", "inventor", "inventor-name");
        }
        pub_lang = publication_lang(b);
        p.lang = texts(
            b.children("invention-title").collect(),
            &collapse_text,
            &mut p.title,
            &mut p.other_titles,
            &pub_lang,
            &pub_lang,
        );
        for refs in b.children("references-cited") {
            for c in refs.children("citation") {
                cited(c, citation_category(c), &mut p.citations);
            }
        }
    }
    // The abstract in the title's language where there is one, so `lang` holds for both.
    let want = if p.lang.is_empty() {
        pub_lang.clone()
    } else {
        p.lang.clone()
    };
    let abstract_lang = texts(
        d.children("abstract").collect(),
        &paragraphs,
        &mut p.abstract_text,
        &mut p.other_abstracts,
        &want,
        &pub_lang,
    );
    if p.lang.is_empty() {
        p.lang = abstract_lang;
    }
    p.priority_date = earliest(
        p.priority_claims
            .iter()
            .filter_map(|c| c.date)
            .chain(p.application.filing_date),
    );
    if p.abstract_text.is_empty() {
        p.lacks.push("abstract".into());
    }
    p.lacks.push("claims".into());
    p.lacks.push("description".into());
    Ok(p)
}

fn collapse_text(n: &Node) -> String {
    collapse(&n.text())
}

/// The language of the publication: `language-of-publication`, else the `lang` of the
/// publication's `document-id` (`sh` for a YU document), else empty.
fn publication_lang(b: &Node) -> String {
    let l = collapse(&b.text_at("language-of-publication"));
    let l = if l.is_empty() {
        b.all("publication-reference/document-id")
            .into_iter()
            .find_map(|d| {
                d.attr("lang")
                    .filter(|l| !l.trim().is_empty() && !l.trim().eq_ignore_ascii_case("ol"))
            })
            .unwrap_or("")
            .trim()
            .to_string()
    } else {
        l
    };
    l.to_ascii_lowercase()
}

/// One version per language, in document order, the best data format for each: `original`
/// (the office's own text, diacritics and all) before `docdba` before the rest. A version
/// without `lang` is in the publication's language.
fn by_language<'a, 'i>(nodes: Vec<&'a Node<'i>>, pub_lang: &str) -> Vec<(String, &'a Node<'i>)> {
    let rank = |n: &Node| match n.attr("data-format").unwrap_or("") {
        "original" => 0,
        "docdba" => 1,
        _ => 2,
    };
    let mut out: Vec<(String, &Node)> = Vec::new();
    for n in nodes {
        // DOCDB writes `ol` ("original language") where it does not name the language.
        let lang = match n.attr("lang").map(str::trim) {
            Some(l) if !l.is_empty() && !l.eq_ignore_ascii_case("ol") => l.to_ascii_lowercase(),
            _ => pub_lang.to_string(),
        };
        match out.iter_mut().find(|(l, _)| *l == lang) {
            Some(slot) if rank(n) < rank(slot.1) => slot.1 = n,
            Some(_) => {}
            None => out.push((lang, n)),
        }
    }
    out
}

/// Fills `main` with the main language version (the publication's language, else English,
/// which DOCDB adds to most documents, else the first) and `others` with one text per other
/// language; returns the main version's language.
fn texts(
    nodes: Vec<&Node>,
    text_of: &dyn Fn(&Node) -> String,
    main: &mut String,
    others: &mut Vec<LangText>,
    want: &str,
    pub_lang: &str,
) -> String {
    let versions: Vec<(String, String)> = by_language(nodes, pub_lang)
        .into_iter()
        .map(|(l, n)| (l, text_of(n)))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let i = (!want.is_empty())
        .then(|| versions.iter().position(|(l, _)| l == want))
        .flatten()
        .or_else(|| versions.iter().position(|(l, _)| l == "en"))
        .unwrap_or(0);
    let mut lang = String::new();
    for (j, (l, t)) in versions.into_iter().enumerate() {
        if j == i {
            *main = t;
            lang = l;
        } else {
            others.push(LangText { lang: l, text: t });
        }
    }
    lang
}

/// Priority claims by `sequence`, each from its docdb id, else its epodoc id
/// (`US20040023667`: the country is the number's prefix).
fn priorities(b: &Node, out: &mut Vec<Priority>) {
    let mut by_seq: BTreeMap<u32, Vec<&Node>> = BTreeMap::new();
    for (i, c) in b
        .all("priority-claims/priority-claim")
        .into_iter()
        .enumerate()
    {
        let seq = c
            .attr("sequence")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(1000 + i as u32);
        by_seq.entry(seq).or_default().push(c);
    }
    for claims in by_seq.values() {
        let fmt = |c: &Node, d: &Node| {
            d.attr("document-id-type")
                .or_else(|| c.attr("data-format"))
                .unwrap_or("")
                .to_string()
        };
        let ids: Vec<(&Node, &Node)> = claims
            .iter()
            .flat_map(|c| c.children("document-id").map(move |d| (*c, d)))
            .collect();
        let chosen = ids
            .iter()
            .find(|(c, d)| fmt(c, d) == "docdb")
            .or_else(|| ids.iter().find(|(c, d)| fmt(c, d) == "epodoc"))
            .or(ids.first());
        let Some((c, d)) = chosen else { continue };
        let Some(mut id) = doc_id(d) else { continue };
        if id.country.is_empty() {
            split_country(&mut id);
        }
        let date = parse_yyyymmdd(&id.date).or_else(|| {
            ids.iter()
                .find_map(|(_, d)| parse_yyyymmdd(&d.text_at("date")))
        });
        out.push(Priority {
            country: id.country,
            number: id.number,
            date,
            kind: c.attr("kind").unwrap_or("").to_string(),
        });
    }
}

/// `US20040023667` → `US`, `20040023667`.
fn split_country(id: &mut DocId) {
    if id.number.len() > 2
        && id.number.is_char_boundary(2)
        && id.number[..2].bytes().all(|b| b.is_ascii_alphabetic())
    {
        id.country = id.number[..2].to_ascii_uppercase();
        id.number = id.number[2..].to_string();
    }
}

fn classes(b: &Node, p: &mut Patent) {
    for c in b.all("classifications-ipcr/classification-ipcr") {
        if let Some(class) = ipc_from_text(&c.text_at("text")) {
            push_class(&mut p.ipc, class);
        }
    }
    // Pre-2006 IPC: a main and further symbols per edition (` 7A 61K   9/16   A`).
    for c in b.children("classification-ipc") {
        for s in c.elements() {
            let main = s.name == "main-classification";
            if (main || s.name == "further-classification")
                && let Some(mut class) = ipc_from_text(&s.text())
            {
                class.main = main;
                push_class(&mut p.ipc, class);
            }
        }
    }
    for c in b.all("patent-classifications/patent-classification") {
        let scheme = c
            .child("classification-scheme")
            .and_then(|s| s.attr("scheme"))
            .unwrap_or("")
            .trim()
            .to_ascii_uppercase();
        let symbol_text = match c.child("classification-symbol") {
            Some(s) => s.text(),
            None => {
                let part = |name: &str| collapse(&c.text_at(name));
                format!(
                    "{}{}{} {}/{}",
                    part("section"),
                    part("class"),
                    part("subclass"),
                    part("main-group"),
                    part("subgroup")
                )
            }
        };
        if scheme.starts_with("CPC") {
            if let Some(sym) = ipc_from_text(&symbol_text) {
                let value = collapse(&c.text_at("classification-value"));
                push_class(
                    &mut p.cpc,
                    Classification {
                        symbol: sym.symbol,
                        value,
                        main: collapse(&c.text_at("symbol-position")) == "F",
                    },
                );
            }
        } else if scheme == "UC" {
            // US classes are written `604/95.04` here, already in the indexed form.
            let uc: String = symbol_text.split_whitespace().collect();
            if uc.contains('/') && !p.us_classes.contains(&uc) {
                p.us_classes.push(uc);
            }
        }
    }
    // Several CPC symbols can be "first" (one per allocating office); one main is enough.
    let mut seen = false;
    for c in &mut p.cpc {
        c.main = c.main && !seen;
        seen |= c.main;
    }
    mark_first_main(&mut p.ipc);
    mark_first_main(&mut p.cpc);
}

/// One party per `sequence`: the name in `docdba` (readable case), else `docdb`, else
/// `original`, else `epodoc`; the country from any format's `residence` or an epodoc
/// `NAME [US]` suffix.
fn parties_of(parties: &Node, list: &str, item: &str, name_el: &str) -> Vec<Party> {
    let mut by_seq: BTreeMap<u32, Vec<&Node>> = BTreeMap::new();
    for (i, n) in parties
        .all(&format!("{list}/{item}"))
        .into_iter()
        .enumerate()
    {
        let seq = n
            .attr("sequence")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(1000 + i as u32);
        by_seq.entry(seq).or_default().push(n);
    }
    let rank = |n: &Node| match n.attr("data-format").unwrap_or("") {
        "docdba" => 0,
        "docdb" => 1,
        "original" => 2,
        "epodoc" => 3,
        _ => 4,
    };
    let mut out = Vec::new();
    for mut versions in by_seq.into_values() {
        versions.sort_by_key(|n| rank(n));
        let mut country = String::new();
        let mut name = String::new();
        for v in &versions {
            let (n, cc) = clean_name(&v.text_at(&format!("{name_el}/name")));
            if name.is_empty() {
                name = n;
            }
            if country.is_empty() {
                country = collapse(&v.text_at("residence/country"));
                if country.is_empty() {
                    country = cc;
                }
            }
        }
        if !name.is_empty() {
            out.push(Party {
                name,
                country,
                ..Party::default()
            });
        }
    }
    out
}

/// `BEDNAREK MICHAEL C [US]` → (`BEDNAREK MICHAEL C`, `US`); trailing commas dropped.
fn clean_name(raw: &str) -> (String, String) {
    let s = collapse(raw);
    let s = s.trim().trim_end_matches(',').trim();
    if let Some(open) = s.rfind(" [")
        && s.ends_with(']')
    {
        let cc = &s[open + 2..s.len() - 1];
        if cc.len() == 2 && cc.bytes().all(|b| b.is_ascii_alphabetic()) {
            return (
                s[..open].trim().trim_end_matches(',').to_string(),
                cc.to_string(),
            );
        }
    }
    (s.to_string(), String::new())
}

/// `search X, cited by examiner`: the phase (`cited-phase`, spelled out), the relevance
/// category (`X`, `Y`, `A`, …) and who cited (`cited-by`, or what the phase implies).
fn citation_category(c: &Node) -> String {
    let phase_code = c.attr("cited-phase").unwrap_or("").trim();
    let phase = match phase_code {
        "SEA" => "search",
        "ISR" => "international search",
        "EXA" => "examination",
        "APP" => "",
        "OPP" => "opposition",
        "TPO" => "third party observation",
        "PRS" => "pre-grant pre-search",
        "undefined" => "",
        other => other,
    }
    .replace('-', " ")
    .replace(" report", "");
    let category = collapse(&c.text_at("category"));
    let by = match c.attr("cited-by").map(str::trim) {
        Some("unknown") | Some("") => String::new(),
        Some(x) => x.to_string(),
        None => match phase_code {
            "APP" => "applicant".to_string(),
            "SEA" | "ISR" | "EXA" | "OPP" => "examiner".to_string(),
            _ => String::new(),
        },
    };
    let mut out = [phase.as_str(), category.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if !by.is_empty() {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str("cited by ");
        out.push_str(&by);
    }
    out
}

/// DOCDB writes US pre-grant publications with a six-digit serial (`2014102795`), the USPTO
/// with seven (`20140102795`, the canonical form): the same document must get the same number
/// whichever source it came from.
fn us_pregrant_number(country: &str, doc_number: &str) -> String {
    let n = doc_number.trim();
    if country.trim().eq_ignore_ascii_case("US")
        && n.len() == 10
        && n.bytes().all(|b| b.is_ascii_digit())
        && (n.starts_with("19") || n.starts_with("20"))
    {
        format!("{}0{}", &n[..4], &n[4..])
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn us_pregrant_numbers_get_the_usptos_seven_digit_serial() {
        assert_eq!(super::us_pregrant_number("US", "2014102795"), "20140102795");
        assert_eq!(super::us_pregrant_number("US", "9291047"), "9291047");
        assert_eq!(super::us_pregrant_number("EP", "2014102795"), "2014102795");
    }

    use super::*;

    #[test]
    fn names_lose_their_country_suffix() {
        assert_eq!(
            clean_name(" BUTLER WILLIAM E [US]\n"),
            ("BUTLER WILLIAM E".to_string(), "US".to_string())
        );
        assert_eq!(
            clean_name("STEHR RICHARD E, "),
            ("STEHR RICHARD E".to_string(), String::new())
        );
        assert_eq!(clean_name("[").0, "[");
    }
}
