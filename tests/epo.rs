//! The EPO parsers on the real files in ../shared/data/epo: publication-server documents of
//! every DTD version (ep-patent-document v1-0 … v1-5-1, ep-bulletin v1-0), DOCDB exchange
//! documents and OPS responses. Expected values were read by hand from the XML (grep/sed), not
//! taken from the parser's output.

mod common;

use std::path::{Path, PathBuf};

use common::{count_tag, files_under, parse_file};
use patdex::model::{Citation, Claim, DocKind, Patent};
use patdex::number::PubNumber;

fn epo() -> Option<PathBuf> {
    common::shared().map(|d| d.join("epo"))
}

/// The single document of `path` (relative to ../shared/data/epo).
fn one(dir: &Path, path: &str) -> Patent {
    let got = parse_file(&dir.join(path));
    assert!(got.errors.is_empty(), "{path}: {:?}", got.errors);
    assert!(got.skipped.is_empty(), "{path}: skipped {:?}", got.skipped);
    assert_eq!(got.patents.len(), 1, "{path}");
    got.patents.into_iter().next().unwrap()
}

fn date(p: Option<jiff::civil::Date>) -> String {
    p.map(|d| d.to_string()).unwrap_or_default()
}

fn other_title<'a>(p: &'a Patent, lang: &str) -> &'a str {
    p.other_titles
        .iter()
        .find(|t| t.lang == lang)
        .map(|t| t.text.as_str())
        .unwrap_or_else(|| panic!("{}: no {lang} title in {:?}", p.number, p.other_titles))
}

/// Claims of one language (`""` = the document's own).
fn claims_in<'a>(p: &'a Patent, lang: &str) -> Vec<&'a Claim> {
    p.claims.iter().filter(|c| c.lang == lang).collect()
}

fn ipc(p: &Patent) -> Vec<&str> {
    p.ipc.iter().map(|c| c.symbol.as_str()).collect()
}

fn patent_cit(c: &Citation) -> (&str, &str, &str, &str, &str) {
    match c {
        Citation::Patent { id, name, category } => (
            id.country.as_str(),
            id.number.as_str(),
            id.kind.as_str(),
            name.as_str(),
            category.as_str(),
        ),
        other => panic!("not a patent citation: {other:?}"),
    }
}

fn npl_cit(c: &Citation) -> (&str, &str) {
    match c {
        Citation::Npl { text, category } => (text.as_str(), category.as_str()),
        other => panic!("not an NPL citation: {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Every file

#[test]
fn every_publication_server_file_parses_and_the_broken_reformatted_ones_fail() {
    let Some(epo) = epo() else { return };
    let dir = epo.join("publication-server");
    let files = files_under(&dir);
    assert!(files.len() >= 60, "found {}", files.len());
    // Not well-formed (a bare `&` in a text after re-indenting), checked with Python's expat.
    let broken = [
        "EP0560858A1.xml",
        "EP1921219A1.xml",
        "EP2055205A1.xml",
        "EP3582580B1.xml",
        "EP3889521A1.xml",
    ];
    let mut formats = std::collections::BTreeSet::new();
    let mut reformatted_ok = 0;
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let got = parse_file(f);
        if broken.contains(&name.as_str()) {
            assert_eq!(
                got.errors.len(),
                1,
                "{name} must fail: {:?}",
                got.patents.len()
            );
            assert!(got.patents.is_empty());
            continue;
        }
        assert!(got.errors.is_empty(), "{}: {:?}", f.display(), got.errors);
        assert!(got.skipped.is_empty(), "{}: {:?}", f.display(), got.skipped);
        assert_eq!(got.patents.len(), 1, "{}", f.display());
        let p = &got.patents[0];
        // The file name is the publication number; the parser never looks at it.
        let from_name: PubNumber = name.trim_end_matches(".xml").parse().unwrap();
        assert_eq!(p.number, from_name, "{}", f.display());
        assert!(!p.title.is_empty(), "{name}: no title");
        assert_eq!(p.other_titles.len(), 2, "{name}: three B540 languages");
        assert!(
            p.pub_date.is_some() && p.application.filing_date.is_some(),
            "{name}"
        );
        assert!(!p.ipc.is_empty(), "{name}: no IPC");
        assert!(
            ["en", "de", "fr"].contains(&p.lang.as_str()),
            "{name}: {}",
            p.lang
        );
        if f.parent().unwrap().ends_with("_reformatted_by_third_party") {
            reformatted_ok += 1;
        }
        formats.insert(p.format.clone());
    }
    assert_eq!(reformatted_ok, 3);
    let want: Vec<String> = [
        "ep-bulletin v1-0",
        "ep-patent-document v1-0",
        "ep-patent-document v1-01",
        "ep-patent-document v1-1",
        "ep-patent-document v1-2",
        "ep-patent-document v1-3",
        "ep-patent-document v1-4",
        "ep-patent-document v1-5",
        "ep-patent-document v1-5-1",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(formats.into_iter().collect::<Vec<_>>(), want);
}

#[test]
fn bare_ampersand_is_an_xml_error() {
    let Some(epo) = epo() else { return };
    let got =
        parse_file(&epo.join("publication-server/_reformatted_by_third_party/EP0560858A1.xml"));
    assert_eq!(got.errors.len(), 1);
    let msg = &got.errors[0].1;
    assert!(msg.starts_with("XML error at byte"), "{msg}");
    // Python's expat puts the bare `&` (in `… & Co. 25 The Square`) at line 118, column 43.
    assert!(msg.contains("line 118") && msg.contains("& Co."), "{msg}");
}

#[test]
fn every_docdb_and_ops_file_parses_with_the_right_counts() {
    let Some(epo) = epo() else { return };
    let mut total = 0;
    for dir in ["docdb", "ops"] {
        for f in files_under(&epo.join(dir)) {
            if f.extension().is_some_and(|e| e != "xml") {
                continue;
            }
            let raw = std::fs::read(&f).unwrap();
            let expected =
                count_tag(&raw, "exch:exchange-document") + count_tag(&raw, "exchange-document");
            let got = parse_file(&f);
            assert!(got.errors.is_empty(), "{}: {:?}", f.display(), got.errors);
            assert_eq!(got.patents.len(), expected, "{}", f.display());
            if expected == 0 {
                // Full text, family, legal status, images: OPS answers without publications.
                assert_eq!(got.skipped.len(), 1, "{}", f.display());
                assert!(
                    got.skipped[0].starts_with("world-patent-data/"),
                    "{}: {:?}",
                    f.display(),
                    got.skipped
                );
            }
            for p in &got.patents {
                assert!(!p.family_id.is_empty() || dir == "ops", "{}", p.number);
                assert!(p.lacks.contains(&"claims".to_string()));
                assert!(p.lacks.contains(&"description".to_string()));
                assert!(p.claims.is_empty() && p.description.is_empty());
            }
            total += got.patents.len();
        }
    }
    // 15 DOCDB (AP, DE x10, WO x2, YU) and the OPS biblio answers.
    assert!(total >= 15 + 20, "{total}");
    let de = parse_file(&epo.join("docdb/DE-backfile.xml"));
    assert_eq!(de.patents.len(), 10);
}

// ---------------------------------------------------------------------------------------------
// ep-patent-document, one sample per version

#[test]
fn v1_0_grant_with_three_claim_languages() {
    let Some(epo) = epo() else { return };
    let p = one(
        &epo,
        "publication-server/ep-patent-document-v1-0/EP0640886B1.xml",
    );
    assert_eq!(p.number.to_string(), "EP640886B1");
    assert_eq!(p.kind, DocKind::Grant);
    assert_eq!(p.format, "ep-patent-document v1-0");
    assert_eq!(p.lang, "en");
    assert_eq!(
        p.title,
        "Electrophotographic apparatus and process cartridge"
    );
    assert_eq!(
        other_title(&p, "de"),
        "Elektrophotografisches Gerät und Prozesseinheit"
    );
    assert_eq!(
        other_title(&p, "fr"),
        "Appareil électrophotographique et unité de traitement"
    );
    assert_eq!(date(p.pub_date), "2006-04-26");
    assert_eq!(p.application.number, "94113456.1");
    assert_eq!(date(p.application.filing_date), "1994-08-29");
    assert_eq!(p.priority_claims.len(), 1);
    assert_eq!(p.priority_claims[0].country, "JP");
    assert_eq!(p.priority_claims[0].number, "23589493");
    assert_eq!(date(p.priority_date), "1993-08-30");
    assert_eq!(ipc(&p), ["G03G15/08", "G03G5/147"]);
    assert!(p.ipc[0].main && p.ipc[0].value == "I");
    // Inventors are printed `Last, First,\nc/o Company`.
    assert_eq!(p.inventors.len(), 6);
    assert_eq!(p.inventors[0].last_name, "Yoshihara");
    assert_eq!(p.inventors[0].first_name, "Toshiyuki");
    assert_eq!(p.inventors[0].name, "Toshiyuki Yoshihara");
    assert_eq!(p.inventors[0].country, "JP");
    assert_eq!(p.assignees.len(), 1);
    assert_eq!(p.assignees[0].name, "CANON KABUSHIKI KAISHA");
    assert_eq!(p.agents[0].name, "TBK-Patent");
    assert_eq!(p.agents[0].city, "80336 München");
    // Claims: en (own), then fr and de, 10 each.
    assert_eq!(claims_in(&p, "").len(), 10);
    assert_eq!(claims_in(&p, "fr").len(), 10);
    assert_eq!(claims_in(&p, "de").len(), 10);
    assert_eq!(p.claims[0].lang, "");
    assert_eq!(p.claims[0].number, 1);
    assert!(
        p.claims[0]
            .text
            .starts_with("An electrophotographic apparatus comprising:\nan electrophotographic photosensitive member (3),"),
        "{}",
        p.claims[0].text
    );
    assert!(
        claims_in(&p, "de")[0]
            .text
            .starts_with("Elektrophotographische Vorrichtung, umfassend:")
    );
    assert!(
        claims_in(&p, "fr")[0]
            .text
            .starts_with("Appareil électrophotographique comprenant :")
    );
    // No claim-ref elements in EP claims: dependencies are read from the words.
    assert!(!p.claims[0].dependent);
    assert_eq!(p.claims[3].refers_to, [3], "en: according to claim 3");
    assert_eq!(
        claims_in(&p, "fr")[3].refers_to,
        [3],
        "fr: selon la revendication 3"
    );
    assert_eq!(claims_in(&p, "de")[1].refers_to, [1], "de: nach Anspruch 1");
    // B560: 4 B561 + 2 B562.
    assert_eq!(p.citations.len(), 6);
    assert_eq!(
        patent_cit(&p.citations[0]),
        ("EP", "0294097", "A", "", "cited by examiner")
    );
    assert_eq!(patent_cit(&p.citations[3]).0, "GB");
    let (npl, cat) = npl_cit(&p.citations[4]);
    assert!(npl.starts_with("PATENT ABSTRACTS OF JAPAN vol. 016, no. 555 (P-1454)"));
    assert!(npl.contains("& JP-A-04 212 184 (MINOLTA CAMERA CO LTD)"));
    assert_eq!(cat, "cited by examiner");
    // A B1 has description and claims but no abstract.
    assert!(!p.description.is_empty());
    assert_eq!(p.lacks, ["abstract"]);
}

#[test]
fn v1_01_biblio_only_application() {
    let Some(epo) = epo() else { return };
    let p = one(
        &epo,
        "publication-server/ep-patent-document-v1-01/EP1679948A1.xml",
    );
    assert_eq!(p.number.to_string(), "EP1679948A1");
    assert_eq!(p.kind, DocKind::Application);
    assert_eq!(p.format, "ep-patent-document v1-01");
    assert_eq!(p.title, "WEB COVERS FOR CONVEYOR SCREENS");
    assert_eq!(other_title(&p, "de"), "BAHNABDECKUNGEN FÜR FÖRDERSIEBE");
    assert_eq!(date(p.pub_date), "2006-07-19");
    assert_eq!(date(p.application.filing_date), "2004-09-02");
    assert_eq!(date(p.priority_date), "2003-09-03");
    assert_eq!(p.priority_claims[0].country, "GB");
    assert_eq!(ipc(&p), ["A01D17/10"]);
    assert_eq!(p.applicants[0].name, "David Rankin");
    assert_eq!(p.inventors[0].last_name, "Rankin");
    assert_eq!(p.agents[0].name, "John Philip Hanna");
    assert!(p.claims.is_empty() && p.description.is_empty());
    assert_eq!(p.lacks, ["abstract", "claims", "description"]);
    // B871: the international publication of the Euro-PCT application.
    assert!(
        p.related
            .iter()
            .any(|r| r.id.country == "WO" && r.id.number == "2005022977"),
        "{:?}",
        p.related
    );
}

#[test]
fn v1_1_grant() {
    let Some(epo) = epo() else { return };
    let p = one(
        &epo,
        "publication-server/ep-patent-document-v1-1/EP0138357B1.xml",
    );
    assert_eq!(p.number.to_string(), "EP138357B1");
    assert_eq!(p.format, "ep-patent-document v1-1");
    assert_eq!(p.title, "Labeled DNA");
    assert_eq!(other_title(&p, "fr"), "DNA marqué");
    assert_eq!(date(p.pub_date), "1994-12-21");
    assert_eq!(p.priority_claims[0].country, "US");
    assert_eq!(p.priority_claims[0].number, "529044");
    assert_eq!(date(p.priority_date), "1983-09-02");
    assert_eq!(p.assignees[0].name, "GENZYME CORPORATION");
    assert_eq!(p.inventors[0].name, "Greg M. Landes");
    assert_eq!(claims_in(&p, "").len(), 28);
    assert_eq!(claims_in(&p, "de").len(), 28);
    assert!(p.claims[0].text.starts_with(
        "A polymeric DNA molecule wherein at least some of the adenine and cytosine bases"
    ));
    assert!(claims_in(&p, "de")[0].text.starts_with(
        "Polymeres DNA-Molekül, worin mindestens einige der Adenin- und Cytosinbasen"
    ));
    assert_eq!(p.citations.len(), 2);
    let (cc, num, kind, _, _) = patent_cit(&p.citations[0]);
    assert_eq!((cc, num, kind), ("WO", "83/02277", "A"));
    assert_eq!(
        npl_cit(&p.citations[1]).0,
        "Anal.Biochem.Vol 108(2), pp.394-401 (1980)."
    );
}

#[test]
fn v1_2_german_application_with_two_priorities() {
    let Some(epo) = epo() else { return };
    let p = one(
        &epo,
        "publication-server/ep-patent-document-v1-2/EP1873405A2.xml",
    );
    assert_eq!(p.number.to_string(), "EP1873405A2");
    assert_eq!(p.format, "ep-patent-document v1-2");
    assert_eq!(p.lang, "de");
    assert_eq!(p.title, "Spanplattenschraube");
    assert_eq!(other_title(&p, "en"), "Chipboard screw");
    assert_eq!(date(p.pub_date), "2008-01-02");
    // Two B310/B320/B330 triples in one B300.
    let prios: Vec<(&str, &str)> = p
        .priority_claims
        .iter()
        .map(|c| (c.country.as_str(), c.number.as_str()))
        .collect();
    assert_eq!(prios, [("DE", "102006031298"), ("DE", "102006031299")]);
    assert_eq!(date(p.priority_date), "2006-06-29");
    assert_eq!(ipc(&p)[..2], ["F16B25/10", "F16B35/06"]);
    assert_eq!(p.ipc[1].value, "N", "ALN: non-inventive");
    assert_eq!(p.applicants[0].name, "SWG Schraubenwerk Gaisbach GmbH");
    assert_eq!(p.inventors[0].name, "Markus Heim");
    assert!(p.abstract_text.starts_with(
        "Bei einer Spanplattenschraube wird vorgeschlagen, innerhalb des ein Spanplattengewinde"
    ));
    assert_eq!(claims_in(&p, "").len(), 17);
    assert!(
        p.claims[0]
            .text
            .starts_with("Spanplattenschraube, mit\n1.1 einem Schraubenkopf (1),")
    );
    // The applicant's references (ep-reference-list): one patent.
    assert_eq!(p.citations.len(), 1);
    assert_eq!(
        patent_cit(&p.citations[0]),
        ("DE", "9216791", "", "", "cited by applicant")
    );
    assert!(p.lacks.is_empty());
}

#[test]
fn v1_3_german_b2() {
    let Some(epo) = epo() else { return };
    let p = one(
        &epo,
        "publication-server/ep-patent-document-v1-3/EP0588006B2.xml",
    );
    assert_eq!(p.number.to_string(), "EP588006B2");
    assert_eq!(p.format, "ep-patent-document v1-3");
    assert_eq!(p.lang, "de");
    assert_eq!(
        p.title,
        "Rundsteuerverfahren und Rundsteuerempfänger zur Ausführung des Rundsteuerverfahrens"
    );
    assert_eq!(
        other_title(&p, "en"),
        "Remote-control method and associated receiver"
    );
    assert_eq!(p.priority_claims[0].country, "CH");
    assert_eq!(ipc(&p)[0], "H02J13/00");
    assert_eq!(p.assignees[0].name, "Landis+Gyr AG");
    assert_eq!(p.agents[0].name, "Rentsch & Partner");
    // de claims are the document's own; en and fr carry their language.
    assert_eq!(claims_in(&p, "").len(), 21);
    assert_eq!(claims_in(&p, "en").len(), 21);
    assert!(
        p.claims[0]
            .text
            .starts_with("Rundsteuerverfahren, in welchem eine Menge von Handlungen")
    );
    assert!(
        claims_in(&p, "en")[0]
            .text
            .starts_with("A ripple control process in which a quantity of actions")
    );
    // 5 B561 + 2 B562 (examiner), then 2 patents and 2 NPL cited in the description.
    assert_eq!(p.citations.len(), 11);
    assert_eq!(patent_cit(&p.citations[1]).1, "88/02583");
    assert_eq!(
        patent_cit(&p.citations[7]),
        ("WO", "8802583", "A", "", "cited by applicant")
    );
}

#[test]
fn v1_4_french_application() {
    let Some(epo) = epo() else { return };
    let p = one(
        &epo,
        "publication-server/ep-patent-document-v1-4/EP2139305A1.xml",
    );
    assert_eq!(p.number.to_string(), "EP2139305A1");
    assert_eq!(p.format, "ep-patent-document v1-4");
    assert_eq!(p.lang, "fr");
    assert_eq!(
        p.title,
        "Procédé d'élimination de défaut de gravure d'une couche métallique déposée sur un support souple"
    );
    assert_eq!(
        other_title(&p, "en"),
        "Method for eliminating engraving defects of a metallic layer deposited on a flexible support"
    );
    assert_eq!(date(p.priority_date), "2008-06-23");
    assert_eq!(ipc(&p)[..2], ["H05K3/26", "H05K3/02"]);
    assert_eq!(p.applicants[0].name, "Commissariat à l'Energie Atomique");
    assert_eq!(p.inventors[0].name, "Jacqueline Bablet");
    assert!(
        p.abstract_text
            .starts_with("L'invention concerne un procédé d'élimination de défauts de gravure")
    );
    assert_eq!(p.claims.len(), 9);
    assert!(p.claims[0].text.starts_with(
        "Procédé d'élimination de défauts de gravure par ablation laser par projection de masque"
    ));
    assert!(
        p.claims[0]
            .text
            .contains("caractérisé en ce qu'il comporte")
    );
    assert_eq!(p.citations.len(), 1);
    assert_eq!(npl_cit(&p.citations[0]).1, "cited by applicant");
}

#[test]
fn v1_5_grant() {
    let Some(epo) = epo() else { return };
    let p = one(
        &epo,
        "publication-server/ep-patent-document-v1-5/EP3404678B1.xml",
    );
    assert_eq!(p.number.to_string(), "EP3404678B1");
    assert_eq!(p.format, "ep-patent-document v1-5");
    assert_eq!(
        p.title,
        "HIGH VOLTAGE ASSEMBLY AND METHOD TO OPERATE THE HIGH VOLTAGE ASSEMBLY"
    );
    assert!(p.priority_claims.is_empty());
    // Without priorities, the filing date.
    assert_eq!(date(p.priority_date), "2017-05-17");
    assert_eq!(ipc(&p)[..2], ["H01F27/14", "H01F27/40"]);
    assert_eq!(p.inventors[0].name, "Jörg HARTHUM");
    assert_eq!(p.assignees[0].name, "General Electric Technology GmbH");
    assert_eq!(p.claims.len(), 36);
    assert!(p.claims[0].text.starts_with(
        "A high voltage assembly (2) comprising:\n- a sealed compartment (4) containing an active component (6)"
    ));
    assert!(
        claims_in(&p, "fr")[0]
            .text
            .starts_with("Ensemble haute tension (2) comprenant :")
    );
    let cits: Vec<_> = p.citations.iter().map(patent_cit).collect();
    assert_eq!(cits.len(), 7, "4 B561 and 3 applicant citations");
    assert_eq!(cits[0], ("EP", "3109871", "A1", "", "cited by examiner"));
    assert_eq!(cits[1], ("FR", "84247", "E", "", "cited by examiner"));
    assert_eq!(cits[4], ("EP", "3109871", "A1", "", "cited by applicant"));
}

#[test]
fn v1_5_1_application_with_cpc_and_references() {
    let Some(epo) = epo() else { return };
    let p = one(
        &epo,
        "publication-server/ep-patent-document-v1-5-1/EP3882239A1.xml",
    );
    assert_eq!(p.number.to_string(), "EP3882239A1");
    assert_eq!(p.format, "ep-patent-document v1-5-1");
    assert_eq!(p.title, "1,3,4-OXADIAZOLONE COMPOUND AND MEDICINE");
    assert_eq!(
        other_title(&p, "fr"),
        "COMPOSÉ DE 1,3,4-OXADIAZOLONE ET MÉDICAMENT"
    );
    assert_eq!(date(p.pub_date), "2021-09-22");
    assert_eq!(p.application.number, "19883405.3");
    assert_eq!(date(p.priority_date), "2018-11-15");
    assert_eq!(p.ipc.len(), 14);
    assert_eq!(ipc(&p)[0], "C07D271/113");
    assert_eq!(p.cpc.len(), 15);
    assert_eq!(p.cpc[0].symbol, "C07D271/113");
    assert_eq!(p.cpc[2].symbol, "Y02A50/30");
    assert_eq!(p.cpc[2].value, "A");
    assert_eq!(p.applicants[0].name, "Nippon Shinyaku Co., Ltd.");
    assert_eq!(p.inventors.len(), 4);
    assert_eq!(p.inventors[0].name, "KAMITANI Hirotaka");
    assert_eq!(
        p.agents[0].name,
        "Vossius & Partner Patentanwälte Rechtsanwälte mbB"
    );
    assert!(p.abstract_text.starts_with(
        "The purpose of the present invention is to provide a compound having PIM inhibitory activity."
    ));
    assert!(
        p.claims[0]
            .text
            .starts_with("A 1,3,4-oxadiazolone compound of the formula [1]:"),
        "{}",
        p.claims[0].text
    );
    assert_eq!(
        p.description[0],
        patdex::model::Block::Heading {
            level: 1,
            text: "TECHNICAL FIELD".into()
        }
    );
    assert_eq!(
        patent_cit(&p.citations[0]),
        ("WO", "2010022076", "A1", "", "cited by applicant")
    );
    assert!(p.related.iter().any(|r| r.id.number == "2020100959"));
}

#[test]
fn v1_5_1_search_report_citations_carry_their_category() {
    let Some(epo) = epo() else { return };
    let p = one(
        &epo,
        "publication-server/ep-patent-document-v1-5-1/EP4114164A1.xml",
    );
    assert_eq!(p.lang, "de");
    assert_eq!(
        p.title,
        "ERMITTELN EINES QUALITÄTSWERTES BEIM BESTÜCKEN EINES ELEKTRISCHEN BAUELEMENTS"
    );
    assert_eq!(p.cpc[0].symbol, "H05K13/083");
    assert!(p.cpc[0].main, "position F");
    assert_eq!(p.applicants[0].name, "Siemens Aktiengesellschaft");
    assert_eq!(p.inventors[0].name, "Rene Blank");
    assert!(p.claims[0].text.starts_with(
        "Verfahren zum Ermitteln eines Qualitätswertes (Q) beim Bestücken eines elektrischen Bauelements (20)"
    ));
    let srep: Vec<_> = p
        .citations
        .iter()
        .filter(|c| c.category().starts_with("search"))
        .map(patent_cit)
        .collect();
    assert_eq!(srep.len(), 2);
    assert_eq!(
        srep[0],
        (
            "US",
            "2020068759",
            "A1",
            "CVIJETINOVIC MIKICA [US] ET AL",
            "search X, cited by examiner"
        )
    );
    assert_eq!(srep[1].1, "3096596");
}

#[test]
fn bulletin_record() {
    let Some(epo) = epo() else { return };
    let p = one(&epo, "publication-server/ep-bulletin-v1-0/EP1605745A1.xml");
    assert_eq!(p.number.to_string(), "EP1605745A1");
    assert_eq!(p.format, "ep-bulletin v1-0");
    assert_eq!(p.lang, "fr");
    assert_eq!(
        p.title,
        "DISPOSITIF POUR LE REMPLISSAGE DES TROUS DE CAROTTAGE D'UNE PELOUSE"
    );
    assert_eq!(
        other_title(&p, "en"),
        "DEVICE FOR FILLING CARROTING HOLES IN A LAWN"
    );
    assert_eq!(date(p.pub_date), "2005-12-21");
    assert_eq!(p.application.number, "04715346.5");
    assert_eq!(date(p.application.filing_date), "2004-02-27");
    assert_eq!(p.priority_claims[0].number, "0303587");
    assert_eq!(date(p.priority_date), "2003-03-24");
    // Old-style B511 with the IPC edition in front: ` 7A 01B  45/00   A`.
    assert_eq!(ipc(&p), ["A01B45/00"]);
    assert!(p.ipc[0].main);
    assert_eq!(p.applicants[0].name, "Jean-Claude Cuadrado");
    assert_eq!(p.applicants[0].country, "FR");
    assert_eq!(p.agents[0].name, "Michel Gosse");
    assert_eq!(p.lacks, ["abstract", "claims", "description"]);

    let q = one(&epo, "publication-server/ep-bulletin-v1-0/EP1605748A2.xml");
    assert_eq!(
        q.title,
        "MACHINE POUR GROUPER DES PRODUITS TELS QUE DE L'HERBE"
    );
    assert_eq!(ipc(&q), ["A01D57/20"]);
    assert_eq!(q.applicants[0].name, "KUHN S.A.");
    assert_eq!(q.inventors[0].name, "Jens GEISER");
}

#[test]
fn reformatted_but_well_formed_documents_read_like_the_originals() {
    let Some(epo) = epo() else { return };
    let p = one(
        &epo,
        "publication-server/_reformatted_by_third_party/EP1654642B1.xml",
    );
    assert_eq!(p.number.to_string(), "EP1654642B1");
    assert_eq!(p.format, "ep-patent-document v1-3");
    assert!(!claims_in(&p, "de").is_empty() && !claims_in(&p, "fr").is_empty());
    // Indentation inside values collapses.
    assert!(!p.claims[0].text.starts_with(char::is_whitespace));
    let q = one(
        &epo,
        "publication-server/_reformatted_by_third_party/EP0000002A1.xml",
    );
    assert_eq!(q.number.to_string(), "EP2A1");
    assert_eq!(q.lang, "de");
}

// ---------------------------------------------------------------------------------------------
// DOCDB and OPS

#[test]
fn docdb_backfile_documents() {
    let Some(epo) = epo() else { return };
    let got = parse_file(&epo.join("docdb/DE-backfile.xml"));
    assert!(got.errors.is_empty(), "{:?}", got.errors);
    let numbers: Vec<String> = got.patents.iter().map(|p| p.number.to_string()).collect();
    assert_eq!(numbers.len(), 10);
    assert_eq!(numbers[0], "DE1258188B");
    assert_eq!(numbers[9], "DE1258197B");
    let p = &got.patents[0];
    assert_eq!(p.format, "docdb exchange-document v2.5.9");
    assert_eq!(p.kind, DocKind::Grant);
    assert_eq!(p.family_id, "6979546");
    assert_eq!(p.lang, "de");
    assert_eq!(
        p.title,
        "Kraftstoffeinspritzpumpe fuer mehrzylindrige Brennkraftmaschinen"
    );
    assert_eq!(date(p.pub_date), "1968-01-04");
    assert_eq!(p.application.number, "B0077613");
    assert_eq!(date(p.application.filing_date), "1964-07-10");
    assert_eq!(ipc(p)[0], "F02M41/12");
    assert_eq!(p.cpc[0].symbol, "F02M59/34");
    assert_eq!(p.applicants[0].name, "ROBERT BOSCH G.M.B.H.");
    assert_eq!(p.citations.len(), 4);
    assert_eq!(
        patent_cit(&p.citations[0]),
        (
            "DE",
            "814968",
            "C",
            "AMERICAN BOSCH CORP",
            "search, cited by examiner"
        )
    );
    assert_eq!(p.lacks, ["abstract", "claims", "description"]);
    // Four applicants in the seventh: one per sequence, not one per data format.
    let h = &got.patents[6];
    assert_eq!(h.number.to_string(), "DE1258194B");
    assert_eq!(h.applicants.len(), 4);
    assert_eq!(
        h.applicants[0].name,
        "ETAT FRANCAIS, REPRESENTE PAR MONSIEUR LE MINISTRE DES ARMEES"
    );
    assert_eq!(
        h.applicants[3].name,
        "LABORATOIRE DE RECHERCHES BALISTIQUES ET AERODYNAMIQUES DE VERNON"
    );
}

#[test]
fn docdb_single_documents() {
    let Some(epo) = epo() else { return };
    let p = one(&epo, "docdb/AP-1206-A_302101161.xml");
    assert_eq!(p.number.to_string(), "AP1206A");
    assert_eq!(p.family_id, "22179393");
    assert_eq!(p.lang, "en");
    assert_eq!(
        p.title,
        "Enteric coated pharmaceutical composition and method of manufacturing."
    );
    assert_eq!(date(p.pub_date), "2003-09-18");
    assert_eq!(
        (
            p.application.country.as_str(),
            p.application.number.as_str()
        ),
        ("AP", "2000001988")
    );
    assert_eq!(date(p.application.filing_date), "1998-08-04");
    let prios: Vec<(&str, &str)> = p
        .priority_claims
        .iter()
        .map(|c| (c.country.as_str(), c.number.as_str()))
        .collect();
    assert_eq!(prios, [("US", "8359798"), ("US", "9816128")]);
    assert_eq!(date(p.priority_date), "1998-05-22");
    assert_eq!(ipc(&p)[0], "A61K9/16");
    assert_eq!(p.cpc[0].symbol, "A61K9/1652");
    assert_eq!(p.cpc[0].value, "I");
    // docdba names (readable case), the country from the docdb version.
    assert_eq!(p.applicants.len(), 1);
    assert_eq!(p.applicants[0].name, "BRISTOL-MYERS SQUIBB COMPANY");
    assert_eq!(p.applicants[0].country, "US");
    assert_eq!(p.inventors.len(), 2);
    assert_eq!(p.inventors[0].name, "ULLAR Ismat");
    assert!(
        p.abstract_text
            .starts_with("A high drug load enteric coated pharmaceutical composition is provided")
    );
    assert_eq!(p.citations.len(), 3);
    assert_eq!(
        patent_cit(&p.citations[0]),
        (
            "US",
            "5556839",
            "A",
            "GREENE JAMES M [US], et al",
            "search, cited by examiner"
        )
    );
    assert_eq!(p.lacks, ["claims", "description"]);
}

#[test]
fn docdb_named_entities_without_a_doctype() {
    let Some(epo) = epo() else { return };
    let p = one(&epo, "docdb/YU-6701-A_381353354.xml");
    assert_eq!(p.number.to_string(), "YU6701A");
    assert_eq!(p.family_id, "22248526");
    assert_eq!(date(p.pub_date), "2003-12-31");
    // The publication's language is Serbo-Croatian (`lang="sh"` on the publication id).
    assert_eq!(p.lang, "sh");
    // Written as character references, `&#x0010C;` among them.
    assert!(
        p.title.starts_with("TRICIKLIČNI SULFONAMIDI"),
        "{}",
        p.title
    );
    assert_eq!(
        other_title(&p, "en"),
        "TRICYCLIC SULFONAMIDES AND THEIR DERIVATIVES AS INHIBITORS OF MATRIX METALLOPROTEINASES"
    );
    // `&ccaron;` in the original abstract.
    assert!(
        p.abstract_text
            .starts_with("Opisana su triciklična sulfonamidna jedinjenja"),
        "{}",
        p.abstract_text
    );
    assert!(p.abstract_text.contains("matričnih"));
    let en = &p
        .other_abstracts
        .iter()
        .find(|a| a.lang == "en")
        .unwrap()
        .text;
    assert!(en.starts_with("Tricyclic sulfonamide compounds and derivatives are described"));
    assert_eq!(p.priority_claims[0].country, "US");
    assert_eq!(p.priority_claims[0].number, "9500698");
    assert_eq!(date(p.priority_date), "1998-07-30");
    assert_eq!(p.applicants[0].name, "WARNER-LAMBERT COMPANY");
    assert_eq!(p.inventors.len(), 3);
    assert_eq!(p.inventors[0].name, "O'BRIEN, PATRICK MICHAEL");
    assert_eq!(p.cpc[0].symbol, "C07D307/91");
    assert!(p.citations.is_empty());
}

#[test]
fn ops_biblio_responses() {
    let Some(epo) = epo() else { return };
    let p = one(&epo, "ops/biblio_example.xml");
    // DOCDB's `2006142694` is the USPTO's 2006/0142694: one number whichever source.
    assert_eq!(p.number.to_string(), "US20060142694A1");
    assert_eq!(p.format, "ops exchange-document");
    assert_eq!(p.family_id, "35840242");
    assert_eq!(p.title, "Bi-directional steerable catheter control handle");
    assert_eq!(date(p.pub_date), "2006-06-29");
    // The filing date is on the epodoc id only; the priority only as epodoc.
    assert_eq!(date(p.application.filing_date), "2004-12-28");
    assert_eq!(p.priority_claims[0].country, "US");
    assert_eq!(p.priority_claims[0].number, "20040023667");
    assert_eq!(p.priority_claims[0].kind, "national");
    assert_eq!(ipc(&p)[0], "A61M31/00");
    // CPC written as section/class/subclass/main-group/subgroup.
    assert_eq!(p.cpc[0].symbol, "A61B5/283");
    assert!(p.us_classes.contains(&"604/95.04".to_string()));
    // Sequence 5 exists in the original format only (the same Butler, spelled out).
    assert_eq!(p.inventors.len(), 5);
    assert_eq!(p.inventors[3].name, "BUTLER WILLIAM E");
    assert_eq!(p.inventors[3].country, "US");
    assert_eq!(p.inventors[4].name, "BUTLER WILLIAM EMERSON");
    assert_eq!(
        p.applicants[0].name,
        "ST. JUDE MEDICAL, ATRIAL FIBRILLATION DIVISION, INC"
    );
    assert_eq!(p.citations.len(), 99);
    assert_eq!(
        patent_cit(&p.citations[0]),
        (
            "US",
            "5277199",
            "A",
            "DUBOIS THOMAS C [US], et al",
            "national search, cited by examiner"
        )
    );

    let w = one(
        &epo,
        "ops/published-data_publication_docdb_WO.2018148832.A1_biblio.xml",
    );
    assert_eq!(w.number.to_string(), "WO2018148832A1");
    assert_eq!(w.lang, "en");
    assert_eq!(w.title, "METHODS FOR MEASURING PROPERTIES OF ROCK PIECES");
    assert_eq!(
        other_title(&w, "fr"),
        "PROCÉDÉS DE MESURE DES PROPRIÉTÉS DE MORCEAUX DE ROCHE"
    );
    assert!(
        w.abstract_text
            .starts_with("Provided herein is a method for measuring the size distribution")
    );
    assert_eq!(w.other_abstracts.len(), 1);
    assert_eq!(w.other_abstracts[0].lang, "fr");
    assert_eq!(
        (
            w.application.country.as_str(),
            w.application.number.as_str()
        ),
        ("CA", "2018050171")
    );
    assert_eq!(date(w.application.filing_date), "2018-02-15");
    assert_eq!(w.priority_claims[0].country, "GB");
    assert_eq!(date(w.priority_date), "2017-02-16");
    assert_eq!(
        w.applicants[0].name,
        "HER MAJESTY THE QUEEN IN RIGHT OF CANADA AS REPRESENTED BY THE MINISTER OF NATURAL RESOURCES CANADA"
    );
    assert_eq!(w.applicants[0].country, "CA");
    assert_eq!(ipc(&w)[..2], ["G01B11/04", "B02C23/00"]);
    assert_eq!(w.cpc[0].symbol, "G01B11/00");
    assert_eq!(w.citations.len(), 2);
    assert_eq!(
        patent_cit(&w.citations[0]),
        (
            "US",
            "8233667",
            "B2",
            "HELGASON THORGEIR [IS], et al",
            "international search A, cited by examiner"
        )
    );
}

#[test]
fn ops_response_with_two_publications() {
    let Some(epo) = epo() else { return };
    let got = parse_file(&epo.join("ops/ep1000000_full_cycle_result.xml"));
    assert!(got.errors.is_empty());
    let numbers: Vec<String> = got.patents.iter().map(|p| p.number.to_string()).collect();
    assert_eq!(numbers, ["EP1000000A1", "EP1000000B1"]);
    assert_eq!(got.patents[1].kind, DocKind::Grant);
    assert!(got.patents.iter().all(|p| p.family_id == "19768124"));
    assert_eq!(got.patents[0].other_titles.len(), 2);
}

#[test]
fn ops_answers_without_publications_are_skipped() {
    let Some(epo) = epo() else { return };
    for (file, root) in [
        (
            "ops/claims_example.xml",
            "world-patent-data/fulltext-documents",
        ),
        (
            "ops/family_family_input.xml",
            "world-patent-data/patent-family",
        ),
        ("ops/legal_example_1.xml", "world-patent-data/patent-family"),
    ] {
        let got = parse_file(&epo.join(file));
        assert!(got.errors.is_empty() && got.patents.is_empty(), "{file}");
        assert_eq!(got.skipped, [root], "{file}");
    }
}

#[test]
fn missing_numbers_and_junk_are_errors_not_panics() {
    use patdex::parse::{ParseError, parse_document};
    let no_number = r#"<ep-patent-document lang="en"><SDOBI><B100><B130>A1</B130></B100></SDOBI></ep-patent-document>"#;
    match parse_document(no_number.as_bytes()) {
        Err(ParseError::Number(m)) => assert!(m.contains("B110"), "{m}"),
        other => panic!("{other:?}"),
    }
    let docdb = r#"<exch:exchange-documents xmlns:exch="x"><exch:exchange-document kind="A"/></exch:exchange-documents>"#;
    assert!(matches!(
        parse_document(docdb.as_bytes()),
        Err(ParseError::Number(_))
    ));
    // Odd but well-formed inputs: no panic, whatever the result.
    for xml in [
        "<ep-patent-document/>",
        r#"<ep-patent-document doc-number="1" country="EP"><claims><claim num="x"><claim-text>1.</claim-text></claim></claims><SDOBI><B500><B510><B511>ü</B511></B510><B560><B561><text>--</text></B561></B560></B500></SDOBI></ep-patent-document>"#,
        "<exchange-document/>",
        r#"<exchange-document country="EP" doc-number="1"><bibliographic-data><priority-claims><priority-claim><document-id><doc-number>é</doc-number></document-id></priority-claim></priority-claims><parties><applicants><applicant><applicant-name><name> [</name></applicant-name></applicant></applicants></parties></bibliographic-data></exchange-document>"#,
        "<world-patent-data/>",
    ] {
        let _ = parse_document(xml.as_bytes());
    }
}
