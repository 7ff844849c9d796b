//! Owner names over real data: spellings of one company that the USPTO itself printed several
//! ways must meet in one key, different companies with similar names must not, and owner kinds
//! must come out right for parties checked by hand. The bundled sample corpus (whose assignee
//! variants are listed in `corpus/README.md`) is checked the same way.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use patdex::model::{Party, Patent};
use patdex::names::{Match, OwnerKind, display_name, key_matches, name_key, owner_kind};

/// Every document under the given folders of `shared/data`, parsed.
fn parse_all(root: &Path, dirs: &[&str]) -> Vec<(String, Patent)> {
    let mut out = Vec::new();
    for d in dirs {
        for f in common::files_under(&root.join(d)) {
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            for p in common::parse_file(&f).patents {
                out.push((name.clone(), p));
            }
        }
    }
    out
}

/// Who owns a document: its assignees, or its applicants when it names no assignee (as the
/// `owner` and `ownerkind` fields of the index do).
fn owners(p: &Patent) -> &[Party] {
    if p.assignees.is_empty() {
        &p.applicants
    } else {
        &p.assignees
    }
}

/// Organisation names (not people) among assignees and applicants, with the files they occur in.
fn organisation_names(docs: &[(String, Patent)]) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, p) in docs {
        for a in p.assignees.iter().chain(&p.applicants) {
            if a.last_name.is_empty() && !a.name.is_empty() {
                out.entry(a.name.clone()).or_default().insert(file.clone());
            }
        }
    }
    out
}

/// Keys with the raw spellings that meet in them.
fn by_key<'a>(names: impl IntoIterator<Item = &'a String>) -> BTreeMap<String, BTreeSet<&'a str>> {
    let mut out: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for n in names {
        out.entry(name_key(n)).or_default().insert(n);
    }
    out
}

fn assert_well_formed(key: &str, raw: &str) {
    assert!(!key.is_empty(), "empty key for {raw:?}");
    assert_eq!(key, key.to_uppercase(), "{raw:?}");
    assert_eq!(
        key,
        key.split_whitespace().collect::<Vec<_>>().join(" "),
        "{raw:?}"
    );
}

const USPTO: &[&str] = &[
    "uspto/grant",
    "uspto/application",
    "uspto/grant-biblio-ipgb",
];

#[test]
fn real_spellings_of_one_company_meet_and_different_companies_do_not() {
    let shared = require_shared!();
    let docs = parse_all(&shared, USPTO);
    let names = organisation_names(&docs);
    assert!(names.len() > 300, "only {} organisation names", names.len());
    let seen = |n: &str, file: &str| {
        let files = names
            .get(n)
            .unwrap_or_else(|| panic!("{n:?} is not in the real data"));
        assert!(
            files.contains(file),
            "{n:?} is not in {file} but in {files:?}"
        );
    };
    for n in names.keys() {
        assert_well_formed(&name_key(n), n);
    }

    // Found by hand in the real data: the same owner printed several ways, with the file each
    // spelling is in.
    let same: &[&[(&str, &str)]] = &[
        // `&` and `and`; one design grant of the week spells it out.
        &[
            (
                "The Procter & Gamble Company",
                "ipg120327_first196_designs.xml",
            ),
            (
                "The Procter and Gamble Company",
                "ipg120327_first196_designs.xml",
            ),
            ("The Procter & Gamble Company", "ipg130416_sample27docs.xml"),
        ],
        // Dotted and undotted abbreviations in the German name.
        &[
            (
                "Dr. Ing. h.c. F. Porsche Aktiengesellschaft",
                "ipg120327_first196_designs.xml",
            ),
            (
                "Dr. Ing h.c. F. Porsche Aktiengesellschaft",
                "ipg120327_first196_designs.xml",
            ),
        ],
        // One Swiss name in three languages, once with the street after it.
        &[
            (
                "Omega SA (Omega AG) (Omega Ltd.)",
                "ipg120327_first196_designs.xml",
            ),
            (
                "Omega SA (Omega AG) (Omega LTD) Jakob-Stampfli-Strasse",
                "ipg120327_first196_designs.xml",
            ),
        ],
        // Assignee in capitals without a comma, applicant in mixed case with `, Ltd.`.
        &[
            (
                "INTERNATIONAL PLANT PROPAGATION TECHNOLOGY LTD",
                "ipgb20221025_wk43.zip",
            ),
            (
                "International Plant Propagation Technology, Ltd.",
                "ipgb20221025_wk43.zip",
            ),
        ],
        // Assignee in capitals, applicant in mixed case (same reissue, USRE49258E1).
        &[
            ("JAGUAR LAND ROVER LIMITED", "ipgb20221025_wk43.zip"),
            ("Jaguar Land Rover Limited", "ipgb20221025_wk43.zip"),
        ],
        // Same design patent, assignee and applicant.
        &[
            ("HEARTSNUG LLC", "ipgb20230404_wk14.zip"),
            ("HeartSnug LLC", "ipgb20230404_wk14.zip"),
        ],
    ];
    let mut merged = BTreeSet::new();
    for group in same {
        for &(n, file) in group.iter() {
            seen(n, file);
            assert_eq!(
                name_key(n),
                name_key(group[0].0),
                "{n:?} / {:?}",
                group[0].0
            );
        }
        merged.insert(name_key(group[0].0));
    }
    // Those are all the merges in the real data: any other key with several spellings would be
    // a new rule merging (or wrongly merging) companies, to be checked by hand and listed here.
    let multi: BTreeSet<String> = by_key(names.keys())
        .into_iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(k, _)| k)
        .collect();
    assert_eq!(multi, merged);

    // Legal forms go, the name stays (all in the real data).
    for (n, file, key) in [
        (
            "Kabushiki Kaisha Toshiba",
            "ipg120327_first196_designs.xml",
            "TOSHIBA",
        ),
        (
            "Toyota Jidosha Kabushiki Kaisha",
            "ipg090106_sample25docs.xml",
            "TOYOTA JIDOSHA",
        ),
        (
            "Phoenix Contact GmbH & Co. KG",
            "ipg120327_first196_designs.xml",
            "PHOENIX CONTACT",
        ),
        (
            "Hermes Sellier (Societe Par Actions Simplifiee)",
            "ipg120327_first196_designs.xml",
            "HERMES SELLIER",
        ),
        (
            "Dayekh Jewellery, besloten vennootschap met beperkte aansprakelijkheid",
            "ipg120327_first196_designs.xml",
            "DAYEKH JEWELLERY",
        ),
        (
            "Truper Herramientas, SA DE CV",
            "ipg120327_first196_designs.xml",
            "TRUPER HERRAMIENTAS",
        ),
        (
            "Masco Corporation of Indiana",
            "ipg130416_sample27docs.xml",
            "MASCO CORPORATION OF INDIANA",
        ),
        (
            "Clover Mfg. Co., Ltd.",
            "ipg120327_first196_designs.xml",
            "CLOVER MANUFACTURING",
        ),
        (
            "GN Netcom A/S",
            "ipg120327_first196_designs.xml",
            "GN NETCOM",
        ),
        (
            "Piaggio & C. S.p.A.",
            "ipg120327_first196_designs.xml",
            "PIAGGIO",
        ),
        (
            "The Regents of the University of California",
            "ipg090106_sample25docs.xml",
            "UNIVERSITY OF CALIFORNIA",
        ),
    ] {
        seen(n, file);
        assert_eq!(name_key(n), key, "{n:?}");
    }

    // Different owners with similar names keep apart (each with the file it was found in).
    let different: &[(&str, &str, &str, &str)] = &[
        (
            "Samsung Electronics Co., Ltd.",
            "ipg130416_sample27docs.xml",
            "Samsung Display Co., Ltd.",
            "ipg130416_sample27docs.xml",
        ),
        (
            "Samsung Electronics Co., Ltd.",
            "ipg130416_sample27docs.xml",
            "Samsung Electro-Mechanics Co., Ltd.",
            "ipg130416_sample27docs.xml",
        ),
        (
            "CSMC Technologies FAB1 Co., Ltd.",
            "US08927386-20150106.xml",
            "CSMC Technologies FAB2 Co., Ltd.",
            "US08927386-20150106.xml",
        ),
        (
            "Bridgestone Corporation",
            "ipg050104_sample25docs.xml",
            "Bridgestone Americas Tire Operations, LLC",
            "ipg130416_sample27docs.xml",
        ),
        (
            "Hoya Corporation",
            "ipg080101_sample25docs.xml",
            "Hoya Glass Disk (thailand) Ltd.",
            "ipg080101_sample25docs.xml",
        ),
        (
            "Omega SA (Omega AG) (Omega Ltd.)",
            "ipg120327_first196_designs.xml",
            "Swatch AG (Swatch SA) (Swatch Ltd) Jakob-Stampfli",
            "ipg120327_first196_designs.xml",
        ),
        (
            "Sanyo Electric Co., Ltd.",
            "ipg120103_sample25docs.xml",
            "Sanyo Chemical Industries, Ltd.",
            "ipg080101_sample25docs.xml",
        ),
        (
            "LG Display Co., Ltd.",
            "ipg120327_first196_designs.xml",
            "LG Electronics Inc.",
            "ipg120327_first196_designs.xml",
        ),
        (
            "Fuji Xerox Co., Ltd.",
            "ipg050104_sample25docs.xml",
            "Xerox Corporation",
            "ipg120103_sample25docs.xml",
        ),
        (
            "Rockwell Automation Technologies, Inc.",
            "ipg080101_sample25docs.xml",
            "Rockwell Collins, Inc.",
            "ipg130416_sample27docs.xml",
        ),
        (
            "Siemens Aktiengesellschaft",
            "ipg080101_sample25docs.xml",
            "Siemens Water Technologies Corp.",
            "ipg110104_sample25docs.xml",
        ),
        (
            "Seoul Opto Device Co., Ltd.",
            "ipg110104_sample25docs.xml",
            "Seoul Semiconductor Co. Ltd.",
            "ipg070102_sample26docs.xml",
        ),
        // Misspellings in the real data are not merged: there is no fuzzy matching, because
        // FAB1 and FAB2 above are one character apart too.
        (
            "General Electric Company",
            "ipg130416_sample27docs.xml",
            "General Electtric Company",
            "ipg050104_sample25docs.xml",
        ),
        (
            "Magellan Group Ltd",
            "ipg120327_first196_designs.xml",
            "Megellan Group Ltd",
            "ipg120327_first196_designs.xml",
        ),
        (
            "Danziger “Dan” Flower Farm",
            "ipgb20221025_wk43.zip",
            "Danizger ‘DAN’ Flower Farm",
            "ipgb20221025_wk43.zip",
        ),
    ];
    for &(a, file_a, b, file_b) in different {
        seen(a, file_a);
        seen(b, file_b);
        assert_ne!(name_key(a), name_key(b), "{a:?} / {b:?}");
    }
}

#[test]
fn real_owner_kinds() {
    let shared = require_shared!();
    let docs = parse_all(&shared, USPTO);
    let mut kinds: BTreeMap<OwnerKind, usize> = BTreeMap::new();
    let mut of: BTreeMap<String, BTreeSet<OwnerKind>> = BTreeMap::new();
    for (_, p) in &docs {
        for o in owners(p) {
            let k = owner_kind(o, &p.inventors);
            *kinds.entry(k).or_default() += 1;
            of.entry(o.name.clone()).or_default().insert(k);
        }
    }
    let kind = |n: &str| {
        let k = of
            .get(n)
            .unwrap_or_else(|| panic!("{n:?} owns nothing in the real data"));
        assert_eq!(k.len(), 1, "{n:?}: {k:?}");
        *k.first().unwrap()
    };

    // Checked by hand: every academic owner party of the real data.
    let academic: BTreeSet<&str> = of
        .iter()
        .filter(|(_, k)| k.contains(&OwnerKind::Academic))
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(
        academic,
        BTreeSet::from([
            "Beihang University",
            "Danmarks Tekniske Universitet",
            "Research and Business Foundation, Korea University",
            "The Regents of the University of California",
            "University of Central Florida Research Foundation, Inc.",
        ])
    );
    // Beihang University owns one application as assignee, the Regents two grants.
    assert_eq!(kinds[&OwnerKind::Academic], 6);

    // Type code 06.
    assert_eq!(
        kind("The United States of America as represented by the Secretary of the Army"),
        OwnerKind::Government
    );
    assert_eq!(kinds[&OwnerKind::Government], 1);
    // Type codes 04 and 05, and inventor-applicants of documents without an assignee.
    assert_eq!(kind("Kevin Lee"), OwnerKind::Individual);
    assert_eq!(kind("Massimiliano Santuccio"), OwnerKind::Individual);
    assert_eq!(kind("Samuel G. Glasmire"), OwnerKind::Individual);
    // Companies, whatever their names say.
    for n in [
        "Semiconductor Energy Laboratory Co., Ltd.",
        "Agency for Science, Technology and Research",
        "UChicago Argonne, LLC",
        "International Business Machines Corporation",
        "Kabushiki Kaisha Toshiba",
        // Coded 03 (foreign company) and printed as an organisation; not one of the inventors.
        "Sandrine Thibaud",
    ] {
        assert_eq!(kind(n), OwnerKind::Company, "{n}");
    }
    assert!(kinds[&OwnerKind::Company] > 300, "{kinds:?}");
    assert!(kinds[&OwnerKind::Individual] > 50, "{kinds:?}");
}

/// The assignee spellings of `corpus/README.md`, one group per owner: each group must meet in
/// the key given first.
const CORPUS_OWNERS: &[(&str, OwnerKind, &[&str])] = &[
    (
        "NORTHWIND ENERGY SYSTEMS",
        OwnerKind::Company,
        &[
            "Northwind Energy Systems, Inc.",
            "Northwind Energy Systems, Incorporated",
            "NORTHWIND ENERGY SYSTEMS, INC.",
        ],
    ),
    (
        "AURELIAN MOTORS",
        OwnerKind::Company,
        &[
            "Aurelian Motors Co., Ltd.",
            "Aurelian Motors Company, Limited",
            "AURELIAN MOTORS CO., LTD.",
        ],
    ),
    (
        "KESTREL ROBOTICS",
        OwnerKind::Company,
        &[
            "Kestrel Robotics GmbH",
            "Kestrel Robotics G.m.b.H.",
            "KESTREL ROBOTICS GMBH",
        ],
    ),
    (
        "CORVID VISION LABORATORIES",
        OwnerKind::Company,
        &[
            "Corvid Vision Labs, Inc.",
            "Corvid Vision Labs Inc.",
            "Corvid Vision Laboratories, Inc.",
            "CORVID VISION LABS, INC.",
        ],
    ),
    (
        "LODESTAR AUTONOMY",
        OwnerKind::Company,
        &[
            "Lodestar Autonomy, Inc.",
            "Lodestar Autonomy Inc.",
            "LODESTAR AUTONOMY, INC.",
        ],
    ),
    (
        "MERIDIAN VASCULAR TECHNOLOGIES",
        OwnerKind::Company,
        &[
            "Meridian Vascular Technologies, LLC",
            "Meridian Vascular Technologies LLC",
            "MERIDIAN VASCULAR TECHNOLOGIES, LLC",
        ],
    ),
    (
        "HANBIT SEMICONDUCTOR",
        OwnerKind::Company,
        &[
            "Hanbit Semiconductor Co., Ltd.",
            "Hanbit Semiconductor Company Limited",
            "HANBIT SEMICONDUCTOR CO., LTD.",
        ],
    ),
    (
        "HALCYON PHOTONICS",
        OwnerKind::Company,
        &["Halcyon Photonics Corporation", "Halcyon Photonics Corp."],
    ),
    (
        "TESSELLATE GENOMICS",
        OwnerKind::Company,
        &["Tessellate Genomics, Inc.", "Tessellate Genomics Inc"],
    ),
    (
        "BLUESTEM AGRONOMICS",
        OwnerKind::Company,
        &[
            "Bluestem Agronomics Corporation",
            "Bluestem Agronomics Corp.",
        ],
    ),
    (
        "CLEARWELL WATER TECHNOLOGIES",
        OwnerKind::Company,
        &[
            "Clearwell Water Technologies, Inc.",
            "Clearwell Water Technologies Inc.",
            "CLEARWELL WATER TECHNOLOGIES, INC.",
        ],
    ),
    (
        "PELLUCID MATERIALS",
        OwnerKind::Company,
        &["Pellucid Materials AG", "PELLUCID MATERIALS AG"],
    ),
    (
        "GRANARY AUTOMATION",
        OwnerKind::Company,
        &["Granary Automation B.V.", "Granary Automation BV"],
    ),
    (
        "UNIVERSITY OF WESTMARCH",
        OwnerKind::Academic,
        &[
            "Board of Regents, University of Westmarch",
            "Board of Regents of the University of Westmarch",
            "University of Westmarch",
        ],
    ),
    (
        "LAKESIDE INSTITUTE OF TECHNOLOGY",
        OwnerKind::Academic,
        &[
            "Lakeside Institute of Technology",
            "LAKESIDE INSTITUTE OF TECHNOLOGY",
        ],
    ),
    (
        "RHEINFELD INSTITUTE FOR APPLIED MATERIALS",
        OwnerKind::Academic,
        &["Rheinfeld Institute for Applied Materials e.V."],
    ),
    (
        "SEIRAN UNIVERSITY",
        OwnerKind::Academic,
        &["National University Corporation Seiran University"],
    ),
    (
        "HARROWGATE COLLEGE",
        OwnerKind::Academic,
        &["Trustees of Harrowgate College"],
    ),
];

fn corpus() -> Vec<(String, Patent)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut out = Vec::new();
    for f in ["ipg_patdex_sample.xml", "ipa_patdex_sample.zip"] {
        let parsed = common::parse_file(&dir.join(f));
        assert!(parsed.errors.is_empty(), "{f}: {:?}", parsed.errors);
        out.extend(parsed.patents.into_iter().map(|p| (f.to_string(), p)));
    }
    assert_eq!(out.len(), 83);
    out
}

#[test]
fn corpus_variants_meet_in_eighteen_keys() {
    let docs = corpus();
    let names = organisation_names(&docs);
    assert_eq!(CORPUS_OWNERS.len(), 18);
    for &(key, _, variants) in CORPUS_OWNERS {
        for v in variants {
            assert!(names.contains_key(*v), "{v:?} is not in the corpus");
            assert_eq!(name_key(v), key, "{v:?}");
        }
    }
    // Every organisation name of the corpus is one of those variants, and they make 18 keys.
    let listed: BTreeSet<&str> = CORPUS_OWNERS
        .iter()
        .flat_map(|o| o.2.iter().copied())
        .collect();
    let found: BTreeSet<&str> = names.keys().map(String::as_str).collect();
    assert_eq!(found, listed);
    let keys: BTreeSet<String> = names.keys().map(|n| name_key(n)).collect();
    let want: BTreeSet<String> = CORPUS_OWNERS.iter().map(|o| o.0.to_string()).collect();
    assert_eq!(keys, want);

    // The spelling shown for a merged owner: by documents, mixed case before capitals.
    let mut counts: BTreeMap<String, BTreeMap<&str, u64>> = BTreeMap::new();
    for (_, p) in &docs {
        for a in &p.assignees {
            *counts
                .entry(name_key(&a.name))
                .or_default()
                .entry(&a.name)
                .or_default() += 1;
        }
    }
    let shown = |key: &str| display_name(counts[key].iter().map(|(n, c)| (*n, *c)));
    assert_eq!(
        shown("NORTHWIND ENERGY SYSTEMS"),
        "Northwind Energy Systems, Inc."
    );
    assert_eq!(
        shown("CORVID VISION LABORATORIES"),
        "Corvid Vision Labs, Inc."
    );
    assert_eq!(
        shown("UNIVERSITY OF WESTMARCH"),
        "Board of Regents, University of Westmarch"
    );
    assert_eq!(shown("KESTREL ROBOTICS"), "Kestrel Robotics GmbH");

    // What a user types finds exactly the owner meant.
    let find = |q: &str| -> Vec<(&str, Match)> {
        CORPUS_OWNERS
            .iter()
            .filter_map(|o| key_matches(q, o.0).map(|m| (o.0, m)))
            .collect()
    };
    assert_eq!(
        find("northwind energy"),
        [("NORTHWIND ENERGY SYSTEMS", Match::Words)]
    );
    assert_eq!(
        find("Northwind Energy Systems Inc"),
        [("NORTHWIND ENERGY SYSTEMS", Match::Exact)]
    );
    assert_eq!(
        find("westmarch"),
        [("UNIVERSITY OF WESTMARCH", Match::Words)]
    );
    assert_eq!(
        find("Board of Regents of the University of Westmarch"),
        [("UNIVERSITY OF WESTMARCH", Match::Exact)]
    );
    assert_eq!(
        find("corvid vision labs"),
        [("CORVID VISION LABORATORIES", Match::Exact)]
    );
    assert!(find("west").is_empty());
    assert_eq!(find("university").len(), 2);
}

#[test]
fn corpus_owner_kinds() {
    let docs = corpus();
    let kind_of: BTreeMap<&str, OwnerKind> = CORPUS_OWNERS.iter().map(|o| (o.0, o.1)).collect();
    assert_eq!(
        kind_of
            .values()
            .filter(|k| **k == OwnerKind::Academic)
            .count(),
        5
    );
    assert_eq!(
        kind_of
            .values()
            .filter(|k| **k == OwnerKind::Company)
            .count(),
        13
    );
    let mut without_assignee = 0;
    for (_, p) in &docs {
        for o in owners(p) {
            let k = owner_kind(o, &p.inventors);
            if p.assignees.is_empty() && o.type_code == "applicant-inventor" {
                assert_eq!(k, OwnerKind::Individual, "{} {}", p.number, o.name);
            } else {
                let key = name_key(&o.name);
                assert_eq!(
                    Some(&k),
                    kind_of.get(key.as_str()),
                    "{} {}",
                    p.number,
                    o.name
                );
            }
        }
        if p.assignees.is_empty() && p.kind == patdex::model::DocKind::Grant {
            without_assignee += 1;
        }
    }
    // "four have none (individual inventors)".
    assert_eq!(without_assignee, 4);
}
