//! The query language on a real weekly file (`ipg130416_sample27docs.xml`: 25 grants and two
//! sequence listings of 16 April 2013). Every expected hit set below was read by hand from the
//! XML, not printed by patdex:
//!
//! - US8420054B2's abstract is two sentences. The first contains "extracting histamine from the
//!   epithelial cells", "measuring histamine from the epithelial cells" and "histamine in the
//!   epithelial cells" (three words apart each time) and the only "epidermis". The second
//!   ("Further, a method of objectively measuring the perception of itch ...") holds every
//!   "itch". No other document of the file mentions histamine.
//! - US8421436B2's abstract: "A step-down converter is provided. The step-down converter
//!   includes a DC-DC converter including a boost capacitor and an NMOS transistor, ...".
//! - Inventors: Wehmeyer only on US8420054B2; Kim and Choi together on US8421436B2 and
//!   US8421615B2.
//! - Kind codes: S1 on the two designs (D680087, D680199); B1 on US8419496 and US8421425.

mod common;

use std::collections::BTreeSet;

use common::{patdex, set};

fn hits(index: &str, query: &str) -> BTreeSet<String> {
    common::search_numbers(index, query, &[])
        .into_iter()
        .collect()
}

#[test]
fn hand_checked_queries_on_a_real_weekly_file() {
    let data = require_shared!();
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("idx");
    let index = index.to_str().unwrap();
    let file = data.join("uspto/grant/bulk/ipg130416_sample27docs.xml");
    let o = patdex(&[
        "--index",
        index,
        "ingest",
        "--quiet",
        file.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let histamine = set(&["US8420054B2"]);
    let converter = set(&["US8421436B2"]);
    let none = BTreeSet::new();
    let cases: &[(&str, &BTreeSet<String>)] = &[
        ("histamine", &histamine),
        ("ab:(histamine ADJ/3 epithelial)", &histamine),
        // Three words apart, so two is too close, and the order matters for ADJ.
        ("ab:(histamine ADJ/2 epithelial)", &none),
        ("ab:(epithelial ADJ/3 histamine)", &none),
        ("ab:(epithelial NEAR/3 histamine)", &histamine),
        // Different sentences, same paragraph.
        ("ab:(epidermis WITH itch)", &none),
        ("ab:(epidermis SAME itch)", &histamine),
        ("ab:(histamine WITH itch)", &histamine),
        // Stemming and truncation: "epithelium" and "epithelial" differ, "epitheli*" has both.
        ("ab:(=epithelium ADJ/2 =mammal)", &none),
        ("ab:(epitheli* NEAR/4 mammal)", &histamine),
        ("ab:\"step-down converter\"", &converter),
        ("ab:(provided WITH nmos)", &none),
        ("ab:(step WITH nmos)", &converter),
        (
            "ab:(((boost OR buck) ADJ capacitor*) NEAR/4 (nmos OR pmos))",
            &converter,
        ),
        ("in:wehmeyer", &histamine),
        ("in:(kim AND choi)", &set(&["US8421436B2", "US8421615B2"])),
        ("kind:S1", &set(&["USD680087S1", "USD680199S1"])),
        ("kind:B1", &set(&["US8419496B1", "US8421425B1"])),
        ("pn:8421436", &converter),
        ("pn:\"US 8,421,436 B2\"", &converter),
        ("US 8,421,436 B2", &converter),
        ("US8421436", &converter),
        ("pd:2013-04-15", &none),
        ("pd>2013-04-16", &none),
    ];
    for (q, want) in cases {
        assert_eq!(&&hits(index, q), want, "{q}");
    }
    // The whole file is one publication day; the two sequence listings are not patents.
    for q in [
        "pd:2013-04-16",
        "pd:2013",
        "pd:[2013-04 TO 2013-04]",
        "pd<=2013-04-16",
    ] {
        assert_eq!(hits(index, q).len(), 25, "{q}");
    }
}
