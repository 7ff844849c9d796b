//! The 2001–2004 USPTO formats (ST.32 v2.5 `PATDOC` grants, pap v1.5/v1.6 applications) and APS
//! green-book text on every real file in ../shared/data/uspto/legacy, checked against values
//! obtained independently: documents counted in the raw bytes, values read by hand from the
//! files, the PatentsView legacy parser's golden CSVs (`pa040101.two`) and the citation list
//! extracted from the same files (`relevance/citations_from_collected_docs.tsv`).

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::{count_tag, files_under, norm, parse_file};
use jiff::civil::date;
use patdex::model::{Citation, DocKind, DocType, Patent};
use patdex::number::PubNumber;

fn legacy(data: &Path, dir: &str) -> Vec<std::path::PathBuf> {
    files_under(&data.join("uspto/legacy").join(dir))
}

fn one(path: &Path) -> Patent {
    common::only_patent(path)
}

fn find<'a>(ps: &'a [Patent], number: &str) -> &'a Patent {
    ps.iter()
        .find(|p| p.number.to_string() == number)
        .unwrap_or_else(|| panic!("{number} not parsed"))
}

/// `&name;` left in a text: an entity the parser could not resolve.
fn unresolved(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        rest = &rest[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !name.is_empty() && rest[name.len()..].starts_with(';') {
            out.push(format!("&{name};"));
        }
    }
    out
}

/// Checks every document of a format: counts, no errors, the basic fields, sane priority dates,
/// and no unresolved entity in title, abstract, claims or description.
fn check_all(files: &[std::path::PathBuf], root: &str, format_prefix: &str) -> Vec<Patent> {
    let mut all = Vec::new();
    for f in files {
        let raw = std::fs::read(f).unwrap();
        let expected = if root == "PATN" {
            raw.split(|&b| b == b'\n')
                .filter(|l| l.strip_suffix(b"\r").unwrap_or(l) == b"PATN")
                .count()
        } else {
            count_tag(&raw, root)
        };
        let got = parse_file(f);
        let name = f.display();
        assert!(got.errors.is_empty(), "{name}: {:?}", got.errors);
        assert!(got.skipped.is_empty(), "{name}: skipped {:?}", got.skipped);
        assert_eq!(got.patents.len(), expected, "{name}: documents");
        for p in &got.patents {
            let n = &p.number;
            assert!(
                p.format.starts_with(format_prefix),
                "{name} {n}: {}",
                p.format
            );
            assert!(p.pub_date.is_some(), "{name} {n}: no publication date");
            assert!(!p.title.is_empty(), "{name} {n}: no title");
            assert!(!p.inventors.is_empty(), "{name} {n}: no inventors");
            let filed = p.application.filing_date;
            assert!(filed.is_some(), "{name} {n}: no filing date");
            let prio = p.priority_date.expect("priority date");
            assert!(prio <= filed.unwrap(), "{name} {n}: priority after filing");
            assert!(filed < p.pub_date, "{name} {n}: filed after publication");
            assert!(
                prio > date(1940, 1, 1),
                "{name} {n}: implausible priority {prio}"
            );
            for c in &p.claims {
                assert!(c.refers_to.iter().all(|&r| r < c.number), "{n}: {c:?}");
                assert!(
                    !c.text.starts_with(|ch: char| ch.is_ascii_digit()),
                    "{n}: {c:?}"
                );
            }
            let mut texts = vec![
                p.title.clone(),
                p.abstract_text.clone(),
                p.claims_text(),
                p.description_text(),
            ];
            texts.extend(p.citations.iter().filter_map(|c| match c {
                Citation::Npl { text, .. } => Some(text.clone()),
                Citation::Patent { .. } => None,
            }));
            for t in &texts {
                let left = unresolved(t);
                assert!(left.is_empty(), "{name} {n}: unresolved {left:?}");
            }
        }
        all.extend(got.patents);
    }
    all
}

#[test]
fn st32_grants_every_file_parses_with_the_right_counts() {
    let data = require_shared!();
    let files = legacy(&data, "grant-st32-v2.5");
    assert_eq!(files.len(), 8);
    // USD435854S1 is a 2001 grant written to DTD 2.4 (`DTD="2.4"`); the others say 2.5.
    let all = check_all(&files, "PATDOC", "PATDOC v2.");
    assert_eq!(all.iter().filter(|p| p.format == "PATDOC v2.4").count(), 1);
    assert_eq!(all.len(), 107);
    assert!(all.iter().all(|p| p.kind == DocKind::Grant));
    // The bulk file is the first 100 documents of a week of design grants.
    let bulk = parse_file(&data.join("uspto/legacy/grant-st32-v2.5/bulk/pg020507_first100.xml"));
    assert_eq!(bulk.patents.len(), 100);
    assert!(
        bulk.patents
            .iter()
            .all(|p| p.doc_type == DocType::Design && p.number.number.starts_with('D'))
    );
    // Every claim count declared in B577 matches the claims read (designs have one).
    for p in &all {
        assert_eq!(p.num_claims, Some(p.claims.len() as u32), "{}", p.number);
    }
}

#[test]
fn st32_utility_grant_by_hand() {
    let data = require_shared!();
    let p = one(&data.join("uspto/legacy/grant-st32-v2.5/US06336130.xml"));
    assert_eq!(p.number.to_string(), "US6336130B1");
    assert_eq!(p.format, "PATDOC v2.5");
    assert_eq!(p.doc_type, DocType::Utility);
    assert_eq!(
        p.title,
        "Arrangement for improving availability of services in a communication system"
    );
    assert_eq!(p.pub_date, Some(date(2002, 1, 1)));
    assert_eq!(p.application.number, "09413215");
    assert_eq!(p.application.filing_date, Some(date(1999, 10, 5)));
    // B300: NO 971605 of 1997-04-08, earlier than the PCT parent of 1998-04-02.
    assert_eq!(p.priority_claims.len(), 1);
    assert_eq!(p.priority_claims[0].country, "NO");
    assert_eq!(p.priority_claims[0].number, "971605");
    assert_eq!(p.priority_date, Some(date(1997, 4, 8)));
    let parent = p.related.iter().find(|r| r.role == "parent").unwrap();
    assert_eq!(
        (parent.relation.as_str(), parent.id.number.as_str()),
        ("continuation", "PCT/NO98/00107")
    );
    assert_eq!(parent.id.date, "19980402");
    // B511 `G06F 1516`, B512 `G06F 1300`, B521 709202, B522 709201.
    assert_eq!(p.ipc[0].symbol, "G06F15/16");
    assert!(p.ipc[0].main);
    assert_eq!(p.ipc[1].symbol, "G06F13/00");
    assert_eq!(p.us_classes, vec!["709/202", "709/201"]);
    let inv = &p.inventors[0];
    assert_eq!(
        (inv.name.as_str(), inv.city.as_str(), inv.country.as_str()),
        ("Thanh Van Do", "Oslo", "NO")
    );
    let asg = &p.assignees[0];
    assert_eq!(asg.name, "Telefonaktiebolaget LM Ericsson (publ)");
    assert_eq!(
        (
            asg.city.as_str(),
            asg.country.as_str(),
            asg.type_code.as_str()
        ),
        ("Stockholm", "SE", "03")
    );
    assert_eq!(p.agents[0].name, "Nixon & Vanderhye P.C.");
    assert_eq!(p.examiners[0].name, "Kenneth R. Coulter");
    // 6 B561 (5 cited by the examiner, a WO one by others) and 3 B562.
    assert_eq!(p.patent_citations().count(), 6);
    assert_eq!(p.citations.len(), 9);
    match &p.citations[0] {
        Citation::Patent { id, name, category } => {
            assert_eq!(
                (id.country.as_str(), id.number.as_str(), id.date.as_str()),
                ("US", "5825759", "19981000")
            );
            assert_eq!(
                (name.as_str(), category.as_str()),
                ("Liu", "cited by examiner")
            );
        }
        other => panic!("{other:?}"),
    }
    match &p.citations[5] {
        Citation::Patent { id, category, .. } => {
            assert_eq!(
                (id.country.as_str(), id.number.as_str()),
                ("WO", "96/25012")
            );
            assert_eq!(category, "cited by other");
        }
        other => panic!("{other:?}"),
    }
    // `&lsquo;`/`&rsquo;` in the first NPL citation, `&aring;` in the third.
    match &p.citations[6] {
        Citation::Npl { text, .. } => assert!(
            text.starts_with("S. Krause et al.; Mobile Service Agents Enabling \u{2018}Intelligence on Demand\u{2019}"),
            "{text}"
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        (p.num_claims, p.num_figures, p.num_drawing_sheets),
        (Some(22), Some(5), Some(3))
    );
    assert!(p.claims[0].text.starts_with(
        "An arrangement in a network including a plurality of mobile terminals and a plurality of fixed terminals"
    ));
    assert!(!p.claims[0].dependent);
    assert_eq!(p.claims[1].refers_to, vec![1]);
    assert!(
        p.claims[1]
            .text
            .starts_with("The arrangement in claim 1, wherein")
    );
    assert!(
        p.abstract_text
            .starts_with("A communications systems, e.g., a telecommunications system")
    );
    assert!(matches!(&p.description[1],
        patdex::model::Block::Heading { text, .. } if text == "FIELD OF THE INVENTION"));
}

#[test]
fn st32_design_grant_from_the_bulk_file_by_hand() {
    let data = require_shared!();
    let got = parse_file(&data.join("uspto/legacy/grant-st32-v2.5/bulk/pg020507_first100.xml"));
    let p = &got.patents[0];
    assert_eq!(p.number.to_string(), "USD456588S1");
    assert_eq!(p.doc_type, DocType::Design);
    assert_eq!(p.title, "Garment");
    assert_eq!(p.pub_date, Some(date(2002, 5, 7)));
    assert_eq!(p.application.number, "29128902");
    assert_eq!(p.application.filing_date, Some(date(2000, 9, 1)));
    // GB 2090948 of 2000-03-02.
    assert_eq!(p.priority_date, Some(date(2000, 3, 2)));
    assert_eq!(p.priority_claims[0].country, "GB");
    // B511 is the Locarno class 02-02, not IPC; B521 `D 2732`.
    assert!(p.ipc.is_empty());
    assert_eq!(p.us_classes[0], "D2/732");
    // B474 (14-year design term) is not a term extension.
    assert_eq!(p.term_extension_days, None);
    match &p.citations[0] {
        Citation::Patent { id, name, category } => {
            assert_eq!(
                (id.number.as_str(), id.date.as_str()),
                ("D202976", "19651100")
            );
            assert_eq!(
                (name.as_str(), category.as_str()),
                ("O'Neill", "cited by examiner")
            );
        }
        other => panic!("{other:?}"),
    }
    // A later design of the bulk with a division parent (B620) of 2000-05-25.
    let d = got
        .patents
        .iter()
        .find(|p| {
            p.related
                .iter()
                .any(|r| r.relation == "division" && r.id.number == "29124287")
        })
        .expect("B620 division parent 29/124287");
    assert_eq!(d.priority_date, Some(date(2000, 5, 25)));
}

#[test]
fn pap_applications_every_file_parses_with_the_right_counts() {
    let data = require_shared!();
    let mut files = legacy(&data, "pap-v1.5-2001");
    let v15 = check_all(
        &files,
        "patent-application-publication",
        "patent-application-publication v1.5",
    );
    assert_eq!(v15.len(), 5);
    files = legacy(&data, "pap-v1.6-2002");
    let v16 = check_all(
        &files,
        "patent-application-publication",
        "patent-application-publication v1.6",
    );
    assert_eq!(
        v16.len(),
        10,
        "one single document and the 9 of the bulk file"
    );
    for p in v15.iter().chain(&v16) {
        assert_eq!(p.kind, DocKind::Application);
        assert!(p.number.is_application_number(), "{}", p.number);
        assert!(
            p.ipc.first().is_some_and(|c| c.main),
            "{}: main IPC",
            p.number
        );
        assert!(!p.us_classes.is_empty(), "{}: US class", p.number);
    }
}

#[test]
fn pap_bulk_document_by_hand() {
    let data = require_shared!();
    let got = parse_file(&data.join("uspto/legacy/pap-v1.6-2002/bulk/pa021003_9docs.xml"));
    let p = find(&got.patents, "US20020142453A1");
    assert_eq!(p.format, "patent-application-publication v1.6");
    assert_eq!(
        p.title,
        "Optical amplification of molecular interactions using liquid crystals"
    );
    assert_eq!(p.pub_date, Some(date(2002, 10, 3)));
    assert_eq!(p.application.number, "10044899");
    assert_eq!(p.application.filing_date, Some(date(2002, 1, 9)));
    assert_eq!(p.priority_claims[0].number, "PCT/US99/12540");
    assert_eq!(p.priority_claims[0].date, Some(date(1999, 6, 4)));
    // The chain of continuations goes back to 09/092453 of 1998-06-05.
    assert_eq!(p.priority_date, Some(date(1998, 6, 5)));
    assert_eq!(p.ipc[0].symbol, "C12M1/34");
    assert_eq!(p.us_classes[0], "435/287.2");
    let inv = &p.inventors[0];
    assert_eq!(inv.name, "Nicholas L. Abbott");
    assert_eq!(
        (inv.city.as_str(), inv.state.as_str(), inv.country.as_str()),
        ("Madison", "WI", "US")
    );
    assert_eq!(p.inventors[1].name, "Justin J. Skaife");
    assert_eq!(p.claims.len(), 120);
    assert!(
        p.claims[0]
            .text
            .starts_with("A device comprising:\na first substrate having a surface")
    );
    assert_eq!(p.claims[1].refers_to, vec![1]);
    assert!(
        p.claims[1]
            .text
            .starts_with("The device according to claim 1, wherein")
    );
    // `depends_on="CLM-00033"` on the words "claim 31": the printed number wins.
    let q = find(&got.patents, "US20020139975A1");
    let c32 = q.claims.iter().find(|c| c.number == 32).unwrap();
    assert!(c32.text.starts_with("The process of claim 31,"));
    assert_eq!(c32.refers_to, vec![31]);
}

/// The PatentsView legacy parser's output for `pa040101.two` (US20040000002A1).
#[test]
fn pap_matches_the_patentsview_golden_csv() {
    let data = require_shared!();
    let golden = data.join("uspto/expected-parse/patentsview-legacy-parser/pa040101.two");
    // Most golden rows have one value fewer than their header: the `application_id` column is
    // left out of the row (not merely empty), so it is dropped from the header too.
    let rows = |file: &str| -> Vec<HashMap<String, String>> {
        let mut r = csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(golden.join(file))
            .unwrap();
        let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        r.records()
            .map(|rec| {
                let rec = rec.unwrap();
                let mut h = headers.clone();
                if rec.len() + 1 == h.len() {
                    h.retain(|x| x != "application_id");
                }
                h.into_iter()
                    .zip(rec.iter())
                    .map(|(h, v)| (h, v.to_string()))
                    .collect()
            })
            .collect()
    };
    let p = one(&data.join("uspto/legacy/pap-v1.6-2002/US20040000002A1.xml"));
    let app = &rows("application.csv")[0];
    assert_eq!(p.number.to_string(), format!("US{}A1", app["number"]));
    assert_eq!(p.pub_date.unwrap().to_string(), app["date"]);
    assert_eq!(p.title, app["title"]);
    assert_eq!(norm(&p.abstract_text), norm(&app["abstract"]));
    assert_eq!(p.claims.len().to_string(), app["num_claims"]);
    let claim = &rows("claim.csv")[0];
    let golden_claim = claim["text"].trim_start_matches(['.', ' ']);
    assert!(
        p.claims[0].text.starts_with(golden_claim.trim_end()),
        "{}",
        p.claims[0].text
    );
    let inv = &rows("rawinventor.csv")[0];
    assert_eq!(p.inventors[0].first_name, inv["name_first"]);
    assert_eq!(p.inventors[0].last_name, inv["name_last"]);
    assert_eq!(p.inventors[0].country, inv["nationality"]);
    let loc = rows("rawlocation.csv");
    let place = loc
        .iter()
        .find(|l| l["id"] == inv["rawlocation_id"])
        .unwrap();
    let i = &p.inventors[0];
    assert_eq!(
        (i.city.as_str(), i.state.as_str(), i.country.as_str()),
        (
            place["city"].as_str(),
            place["state"].as_str(),
            place["country"].as_str()
        )
    );
    assert_eq!(
        p.assignees[0].name,
        rows("rawassignee.csv")[0]["organization"]
    );
    // uspc: 002 and 002/069000 are 2/69.
    let uspc = &rows("uspc.csv")[0];
    let class = uspc["mainclass_id"].trim_start_matches('0');
    let sub = uspc["subclass_id"].rsplit('/').next().unwrap();
    let sub = sub[..3].trim_start_matches('0');
    assert_eq!(p.us_classes, vec![format!("{class}/{sub}")]);
    let rel = rows("usreldoc.csv");
    let parent = p.related.iter().find(|r| r.role == "parent").unwrap();
    let g_parent = rel.iter().find(|r| r["relationship"] == "parent").unwrap();
    assert_eq!(parent.id.number.trim_start_matches('0'), g_parent["number"]);
    assert_eq!(parent.status, g_parent["status"]);
    assert_eq!(
        patdex::model::parse_yyyymmdd(&parent.id.date)
            .unwrap()
            .to_string(),
        g_parent["date"]
    );
    let child = p.related.iter().find(|r| r.role == "child").unwrap();
    let g_child = rel.iter().find(|r| r["relationship"] == "child").unwrap();
    assert_eq!(
        (child.id.number.as_str(), child.id.kind.as_str()),
        (g_child["number"].as_str(), g_child["kind"].as_str())
    );
    assert_eq!(p.priority_date, Some(date(2001, 7, 30)));
}

#[test]
fn aps_every_file_parses() {
    let data = require_shared!();
    let files = legacy(&data, "aps-greenbook");
    let all = check_all(&files, "PATN", "APS green book");
    assert_eq!(all.len(), 4);
    for p in &all {
        assert!(
            !p.claims.is_empty() && !p.description.is_empty(),
            "{}",
            p.number
        );
        assert_eq!(
            p.num_claims,
            Some(p.claims.len() as u32),
            "{}: NCL",
            p.number
        );
    }
}

#[test]
fn aps_documents_by_hand() {
    let data = require_shared!();
    let dir = data.join("uspto/legacy/aps-greenbook");
    let p = one(&dir.join("US03932709.greenbook"));
    assert_eq!(p.number.key(), "US3932709");
    assert_eq!(p.title, "Electronic business telephone");
    assert_eq!(p.pub_date, Some(date(1976, 1, 13)));
    assert_eq!(p.application.filing_date, Some(date(1974, 3, 7)));
    // RLAP: continuation-in-part (COD 72) of 351745 filed 1973-04-16, abandoned (PSC 03).
    let parent = &p.related[0];
    assert_eq!(
        (
            parent.relation.as_str(),
            parent.id.number.as_str(),
            parent.status.as_str()
        ),
        ("continuation-in-part", "351745", "ABANDONED")
    );
    assert_eq!(p.priority_date, Some(date(1973, 4, 16)));
    assert_eq!(p.inventors.len(), 2);
    assert_eq!(
        (
            p.inventors[0].name.as_str(),
            p.inventors[0].city.as_str(),
            p.inventors[0].state.as_str()
        ),
        ("Don G. Hoff", "Tiburon", "CA")
    );
    assert_eq!(p.assignees[0].name, "General Teletronics Incorporated");
    assert_eq!(
        p.agents[0].name,
        "Flehr, Hohbach, Test, Albritton & Herbert"
    );
    assert_eq!(p.us_classes[0], "179/90K");
    assert_eq!(p.ipc[0].symbol, "H04M11/00");
    assert_eq!(p.patent_citations().count(), 9);
    match &p.citations[0] {
        Citation::Patent { id, name, .. } => {
            assert_eq!(
                (id.number.as_str(), id.date.as_str()),
                ("3518629", "19700600")
            );
            assert_eq!(name, "Frankel");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(p.num_claims, Some(17));
    assert!(
        p.claims[0]
            .text
            .starts_with("An electronic communications terminal comprising:")
    );
    assert!(p.abstract_text.starts_with(
        "An electronic business telephone for the transmission and receipt of voice messages and digital data."
    ));
    assert!(p.description.iter().any(|b| matches!(b,
        patdex::model::Block::Heading { text, .. } if text == "DETAILED DESCRIPTION OF THE INVENTION")));

    let p = one(&dir.join("US04347903.greenbook"));
    assert_eq!(p.number.key(), "US4347903");
    assert_eq!(p.title, "Electronic reading balance");
    assert_eq!(p.inventors.len(), 8);
    assert_eq!(p.inventors[0].name, "Shozo Yano");
    assert_eq!(p.inventors[0].country, "JP");
    assert_eq!(p.assignees[0].name, "Shimadzu Corporation");
    // PRIR: JP 53/84696 of 1978-07-10; PCTA PCT/JP79/00178.
    assert_eq!(p.priority_claims[0].number, "53/84696");
    assert_eq!(p.priority_claims[0].country, "JP");
    assert_eq!(p.priority_date, Some(date(1978, 7, 10)));
    assert!(p.related.iter().any(|r| r.id.number == "PCT/JP79/00178"));
    assert_eq!(p.us_classes, vec!["177/25", "177/185", "364/734"]);
    assert_eq!(
        p.ipc.iter().map(|c| c.symbol.as_str()).collect::<Vec<_>>(),
        vec!["G01G19/04", "G01G23/10", "G06F7/28"]
    );

    // CRLF line endings; WKU H00012700 is the SIR H1270.
    let p = one(&dir.join("USH0001270_pftaps_sample.txt"));
    assert_eq!(p.number.key(), "USH1270");
    assert_eq!(p.doc_type, DocType::Sir);
    assert_eq!(p.title, "Deburring apparatus");
    assert_eq!(p.pub_date, Some(date(1994, 1, 4)));
    assert_eq!(p.application.filing_date, Some(date(1993, 1, 25)));
    assert_eq!(
        p.priority_date,
        Some(date(1992, 1, 24)),
        "RLAP continuation"
    );
    assert_eq!(p.us_classes[0], "51/7");
    assert_eq!(p.ipc[0].symbol, "B24B19/04");
    assert_eq!(p.patent_citations().count(), 10, "6 UREF + 4 FREF");
    assert!(p.citations.iter().any(|c| matches!(c,
        Citation::Patent { id, .. } if id.country == "SU" && id.number == "948645")));
    assert_eq!(p.claims.len(), 3);
    assert!(p.claims[0].text.starts_with(
        "Device for cutting and smoothing surfaces and edges of the interior lands (10) of a metal gun barrel tube"
    ));
    assert!(!p.claims[0].dependent);
    assert_eq!(p.claims[1].refers_to, vec![1]);
    assert_eq!(p.agents.len(), 3);
    assert_eq!(p.agents[0].name, "Anthony T. Lane");
    assert_eq!(p.examiners[0].name, "Harold J. Tudor");
}

/// The citation list extracted from these files for `relevance/` (its own extractor): the same
/// number of patent and non-patent citations per document.
#[test]
fn citation_counts_match_the_relevance_extraction() {
    let data = require_shared!();
    let tsv =
        std::fs::read_to_string(data.join("relevance/citations_from_collected_docs.tsv")).unwrap();
    // (file, citing number key) → (patent, npl)
    let mut expected: HashMap<(String, String), (usize, usize)> = HashMap::new();
    for line in tsv.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 || !cols[1].starts_with("uspto/legacy/") {
            continue;
        }
        let key = if cols[1].contains("aps-greenbook") {
            // `US039327094`: eight digits and the check digit.
            cols[0]
                .get(..10)
                .unwrap_or(cols[0])
                .parse::<PubNumber>()
                .unwrap()
                .key()
        } else {
            cols[0].parse::<PubNumber>().unwrap().key()
        };
        let e = expected.entry((cols[1].to_string(), key)).or_default();
        match cols[2] {
            "patent" => e.0 += 1,
            _ => e.1 += 1,
        }
    }
    assert!(expected.len() > 100, "{}", expected.len());
    let mut by_file: HashMap<String, Vec<Patent>> = HashMap::new();
    for (file, key) in expected.keys() {
        if !by_file.contains_key(file) {
            by_file.insert(file.clone(), parse_file(&data.join(file)).patents);
        }
        let ps = &by_file[file];
        let p = ps
            .iter()
            .find(|p| &p.number.key() == key)
            .unwrap_or_else(|| panic!("{file}: {key} not parsed"));
        let (pat, npl) = expected[&(file.clone(), key.clone())];
        let got_pat = p.patent_citations().count();
        assert_eq!(
            (got_pat, p.citations.len() - got_pat),
            (pat, npl),
            "{file} {key}: patent and NPL citations"
        );
    }
}
