//! Term estimates (`patdex::term`) against dates read by hand from real grants in
//! `../shared/data`, and hand-worked cases for the rules real data here does not exercise.

mod common;

use jiff::civil::{Date, date};
use patdex::model::{DocId, DocKind, DocType, Patent, Related};
use patdex::number::PubNumber;
use patdex::term::{self, Rule};

/// The document `number` of a file under `../shared/data/uspto/grant`.
fn grant(file: &str, number: &str) -> Option<Patent> {
    let path = common::shared()?.join("uspto/grant").join(file);
    let found = common::parse_file(&path)
        .patents
        .into_iter()
        .find(|p| p.number.to_string() == number);
    Some(found.unwrap_or_else(|| panic!("{number} not in {file}")))
}

/// Expected: end of term, the date it counts from, the rule, adjustment days, disclaimer.
struct Case {
    file: &'static str,
    number: &'static str,
    expiry: Date,
    start: Date,
    from: &'static str,
    rule: Rule,
    adjustment: u32,
    disclaimer: bool,
}

#[test]
fn real_grants_dates_read_by_hand() {
    let cases = [
        // <continuation> chain: 13/349,377 (2012-01-12) ← 13/173,486 (2011-06-30) ←
        // 12/253,586 (2008-10-17, granted as 8,049,411). No us-term-extension.
        Case {
            file: "v4.5-2014/US08927118.xml",
            number: "US8927118B2",
            expiry: date(2028, 10, 17),
            start: date(2008, 10, 17),
            from: "continuation parent US 12/253,586",
            rule: Rule::Twenty,
            adjustment: 0,
            disclaimer: false,
        },
        // Continuation of 12/494,598 filed 2009-06-30 (abandoned); terminal disclaimer.
        Case {
            file: "v4.2-2006/US08282966-20121009.xml",
            number: "US8282966B2",
            expiry: date(2029, 6, 30),
            start: date(2009, 6, 30),
            from: "continuation parent US 12/494,598",
            rule: Rule::Twenty,
            adjustment: 0,
            disclaimer: true,
        },
        // Division of 10/172,094 filed 2002-06-14; provisional 60/298,296 of 2001-06-14 does not
        // count; us-term-extension 121: 2022-06-14 + 121 days.
        Case {
            file: "v4.2-2006/US07521044-20090421.xml",
            number: "US7521044B2",
            expiry: date(2022, 10, 13),
            start: date(2002, 6, 14),
            from: "division parent US 10/172,094",
            rule: Rule::Twenty,
            adjustment: 121,
            disclaimer: false,
        },
        // Division of 09/876,376 filed 2001-06-06; extension 36 days: 2021-06-06 + 36.
        Case {
            file: "v4.2-2006/US07272630B2.xml",
            number: "US7272630B2",
            expiry: date(2021, 7, 12),
            start: date(2001, 6, 6),
            from: "division parent US 09/876,376",
            rule: Rule::Twenty,
            adjustment: 36,
            disclaimer: false,
        },
        // Division whose parent-doc 12/668,801 has no date; its parent-pct-document
        // PCT/JP2008/062636 was filed 2008-07-12. JP priority 2007-07-12 does not count.
        Case {
            file: "bulk/ipg130416_sample27docs.xml",
            number: "US8420021B2",
            expiry: date(2028, 7, 12),
            start: date(2008, 7, 12),
            from: "division of PCT application PCT/JP2008/062636",
            rule: Rule::Twenty,
            adjustment: 0,
            disclaimer: false,
        },
        // Six generations: 13/302,302 (2011) ← 12/946,926 ← 11/472,019 ← 10/027,295 (division of)
        // 08/926,532 (CIP of) 08/884,069 ← 08/345,159 filed 1994-11-28. Filed itself in 2011,
        // so GATT's 17-year alternative does not apply: the grant of 2013 ends in 2014.
        Case {
            file: "bulk/ipg130416_sample27docs.xml",
            number: "US8420883B2",
            expiry: date(2014, 11, 28),
            start: date(1994, 11, 28),
            from: "continuation parent US 08/345,159",
            rule: Rule::Twenty,
            adjustment: 0,
            disclaimer: true,
        },
        // PCT national stage: pct-or-regional-filing-data PCT/EP01/03690 of 2001-03-31 (also
        // the application-reference date); us-term-extension 33.
        Case {
            file: "bulk/ipg050104_sample25docs.xml",
            number: "US6837520B2",
            expiry: date(2021, 5, 3),
            start: date(2001, 3, 31),
            from: "own filing US 10/258,197",
            rule: Rule::Twenty,
            adjustment: 33,
            disclaimer: false,
        },
        // Design filed 2009-04-24 (before 2015-05-13), granted 2012-03-27: 14 years from grant.
        Case {
            file: "bulk/ipg120327_first196_designs.xml",
            number: "USD656297S1",
            expiry: date(2026, 3, 27),
            start: date(2009, 4, 24),
            from: "own filing US 29/335,910",
            rule: Rule::Design14,
            adjustment: 0,
            disclaimer: true,
        },
    ];
    for c in cases {
        let Some(p) = grant(c.file, c.number) else {
            return;
        };
        let t = term::of(&p);
        let what = format!("{}: {}", c.number, t.formula);
        assert_eq!(t.expiry, Some(c.expiry), "{what}");
        assert_eq!(t.rule, c.rule, "{what}");
        assert_eq!(t.inputs.adjustment_days, c.adjustment, "{what}");
        assert_eq!(t.inputs.terminal_disclaimer, c.disclaimer, "{what}");
        let start = t.inputs.start.as_ref().expect("a start date");
        if c.rule != Rule::Design14 {
            assert_eq!(
                (start.date, start.from.as_str()),
                (c.start, c.from),
                "{what}"
            );
            assert!(t.formula.contains(&c.start.to_string()), "{what}");
        }
        assert!(t.formula.contains(&c.expiry.to_string()), "{what}");
        assert_eq!(
            t.caveats.iter().any(|c| c.contains("may expire earlier")),
            c.disclaimer,
            "{what}"
        );
        assert_eq!(
            t.caveats
                .iter()
                .any(|c| c.contains("maintenance fees paid")),
            p.doc_type != DocType::Design,
            "{what}"
        );
    }
}

#[test]
fn provisionals_and_foreign_priorities_are_listed_as_not_counted() {
    let Some(p) = grant("v4.2-2006/US07521044-20090421.xml", "US7521044B2") else {
        return;
    };
    let t = term::of(&p);
    assert_eq!(
        t.inputs.not_counted,
        ["provisional US 60/298,296 (2001-06-14): provisional applications do not count"]
    );
    let Some(p) = grant("v4.5-2014/US08927118.xml", "US8927118B2") else {
        return;
    };
    let t = term::of(&p);
    assert_eq!(t.inputs.not_counted.len(), 1, "{:?}", t.inputs.not_counted);
    assert!(t.inputs.not_counted[0].starts_with("foreign priority JP"));
}

/// A document built by hand: `filed`, granted on `granted`, with `related` filings.
fn made(doc_type: DocType, filed: Date, granted: Option<Date>, related: Vec<Related>) -> Patent {
    let kind = if granted.is_some() {
        DocKind::Grant
    } else {
        DocKind::Application
    };
    let mut p = Patent::new(PubNumber::from_parts("US", "9999999", "B2").unwrap(), kind);
    p.doc_type = doc_type;
    p.application.country = "US".into();
    p.application.number = "14000001".into();
    p.application.filing_date = Some(filed);
    p.pub_date = granted.or(Some(date(2030, 1, 3)));
    p.related = related;
    p
}

fn rel(relation: &str, role: &str, number: &str, date: &str) -> Related {
    Related {
        relation: relation.into(),
        role: role.into(),
        id: DocId {
            country: "US".into(),
            number: number.into(),
            kind: String::new(),
            date: date.into(),
        },
        status: String::new(),
    }
}

#[test]
fn hand_worked_rules() {
    // Continuation chain: the earliest parent wins, whatever the order in the XML.
    let p = made(
        DocType::Utility,
        date(2016, 3, 1),
        Some(date(2018, 5, 1)),
        vec![
            rel("continuation", "parent", "14500000", "20140210"),
            rel("continuation", "parent", "13100000", "20110905"),
            rel("continuation", "child", "14500000", ""),
            rel("us-provisional-application", "", "61000000", "20100905"),
        ],
    );
    let mut p2 = p.clone();
    p2.term_extension_days = Some(400);
    assert_eq!(term::of(&p).expiry, Some(date(2031, 9, 5)));
    // 2031-09-05 + 400 days.
    assert_eq!(term::of(&p2).expiry, Some(date(2032, 10, 9)));

    // Continuation of a PCT application (bypass): from the international filing date.
    let p = made(
        DocType::Utility,
        date(2017, 8, 1),
        Some(date(2019, 1, 1)),
        vec![rel(
            "continuation",
            "parent-pct",
            "PCT/US2016/012345",
            "20160115",
        )],
    );
    assert_eq!(term::of(&p).expiry, Some(date(2036, 1, 15)));

    // Filed before 8 June 1995: the later of grant + 17 and filing + 20.
    let slow = made(
        DocType::Utility,
        date(1994, 2, 1),
        Some(date(1999, 6, 1)),
        vec![],
    );
    let t = term::of(&slow);
    assert_eq!((t.expiry, t.rule), (Some(date(2016, 6, 1)), Rule::Gatt));
    let quick = made(
        DocType::Utility,
        date(1994, 2, 1),
        Some(date(1995, 9, 5)),
        vec![],
    );
    assert_eq!(term::of(&quick).expiry, Some(date(2014, 2, 1)));
    // A continuation filed after the GATT day from a pre-GATT parent: 20 years only.
    let cont = made(
        DocType::Utility,
        date(1996, 2, 1),
        Some(date(2001, 6, 5)),
        vec![rel("continuation", "parent", "08100000", "19930301")],
    );
    let t = term::of(&cont);
    assert_eq!((t.expiry, t.rule), (Some(date(2013, 3, 1)), Rule::Twenty));

    // Designs: 14 years from grant before 13 May 2015, 15 from that day on.
    let d = made(
        DocType::Design,
        date(2015, 5, 12),
        Some(date(2016, 8, 2)),
        vec![],
    );
    let t = term::of(&d);
    assert_eq!((t.expiry, t.rule), (Some(date(2030, 8, 2)), Rule::Design14));
    let d = made(
        DocType::Design,
        date(2015, 5, 13),
        Some(date(2016, 8, 2)),
        vec![],
    );
    let t = term::of(&d);
    assert_eq!((t.expiry, t.rule), (Some(date(2031, 8, 2)), Rule::Design15));

    // A reissue keeps the original's term: from the original application it names.
    let r = made(
        DocType::Reissue,
        date(2012, 4, 2),
        Some(date(2014, 2, 4)),
        vec![
            rel("reissue", "parent", "11200000", "20050620"),
            rel("reissue", "parent-grant", "7777777", "20080311"),
        ],
    );
    let t = term::of(&r);
    assert_eq!(t.expiry, Some(date(2025, 6, 20)));
    assert_eq!(t.inputs.granted, Some(date(2008, 3, 11)));
    assert!(t.caveats.iter().any(|c| c.starts_with("reissue")));

    // An application: the end a grant would have, no rights.
    let a = made(DocType::Utility, date(2021, 7, 9), None, vec![]);
    let t = term::of(&a);
    assert_eq!(
        (t.expiry, t.rule),
        (Some(date(2041, 7, 9)), Rule::Application)
    );
    // No dates: no estimate, said so.
    let mut none = made(
        DocType::Utility,
        date(2021, 7, 9),
        Some(date(2023, 1, 3)),
        vec![],
    );
    none.application.filing_date = None;
    let t = term::of(&none);
    assert_eq!((t.expiry, t.rule), (None, Rule::Unknown));
}

#[test]
fn show_json_carries_the_estimate_with_its_inputs() {
    let Some(shared) = common::shared() else {
        return;
    };
    let file = shared.join("uspto/grant/v4.2-2006/US07521044-20090421.xml");
    let (_dir, index) = common::temp_index(file.to_str().unwrap());
    let o = common::patdex(&["--index", &index, "show", "US7521044", "--json"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let t = &v["term"];
    assert_eq!(t["expiry"], "2022-10-13");
    assert_eq!(t["rule"], "twenty");
    assert_eq!(t["inputs"]["start"]["date"], "2002-06-14");
    assert_eq!(t["inputs"]["filed"], "2006-08-01");
    assert_eq!(t["inputs"]["adjustment_days"], 121);
    // The record itself is still all there.
    assert_eq!(v["number"], "US7521044B2");
    let text = common::patdex(&["--index", &index, "show", "US7521044"]);
    let text = common::stdout(&text);
    assert!(
        text.contains("2002-06-14 (division parent US 10/172,094) + 20 years + 121 days adjustment = 2022-10-13"),
        "{text}"
    );
    // exp: is searchable: ends 2022-10-13, so in force on the 12th, not on the 13th.
    for (q, hits) in [("exp>2022-10-12", 1), ("exp>2022-10-13", 0)] {
        let o = common::patdex(&["--index", &index, "search", q, "-f", "json"]);
        let out = common::stdout(&o);
        assert_eq!(
            out.matches("US7521044B2").count().min(1),
            hits,
            "{q}: {out}"
        );
    }
}
