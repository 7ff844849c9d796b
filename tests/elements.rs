//! Claim elements on real claims: each claim is parsed from ../shared/data through the public
//! parse API, then split. The expected element counts and texts were read by hand from the
//! `<claim-text>` elements of the XML file named in each test (file, patent, claim), not taken
//! from patdex's output.

mod common;

use std::path::Path;

use patdex::analysis::elements::{Element, split};

/// Claim `claim` of patent `number` (digits as in `Patent::number.number`) in `file`, a path
/// under `../shared/data/uspto/grant`.
fn claim_text(data: &Path, file: &str, number: &str, claim: u32) -> String {
    let parsed = common::parse_file(&data.join("uspto/grant").join(file));
    assert!(parsed.errors.is_empty(), "{file}: {:?}", parsed.errors);
    let patent = parsed
        .patents
        .iter()
        .find(|p| p.number.number == number)
        .unwrap_or_else(|| panic!("{number} not in {file}"));
    let c = patent
        .claims
        .iter()
        .find(|c| c.number == claim)
        .unwrap_or_else(|| panic!("{number} has no claim {claim}"));
    assert!(!c.dependent, "{number} claim {claim} is independent");
    c.text.clone()
}

fn labels(elements: &[Element]) -> Vec<&str> {
    elements.iter().map(|e| e.label.as_str()).collect()
}

/// Asserts that each element starts with the given words, in order, and that there are no more.
fn assert_starts(elements: &[Element], starts: &[&str]) {
    let texts: Vec<&str> = elements.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(elements.len(), starts.len(), "{texts:#?}");
    for (text, start) in texts.iter().zip(starts) {
        assert!(
            text.starts_with(start),
            "{text:?} should start with {start:?}"
        );
    }
}

/// Nested `<claim-text>` lists, two levels deep (the system's last element has its own list).
/// v4.5-2014/US09358892-20160607.xml, US 9,358,892 B1, claim 1: the opening claim-text ends
/// "..., comprising:" and holds six claim-texts (battery; motor; engine; grade sensor; gear
/// selection sensor "; and"; electronic control unit ending "is configured to:"), the last of
/// which holds two more ("determine ... and", "charge the battery ...").
#[test]
fn nested_claim_text_lists_two_levels_deep() {
    let data = require_shared!();
    let text = claim_text(&data, "v4.5-2014/US09358892-20160607.xml", "9358892", 1);
    let e = split(1, &text);
    assert_eq!(
        labels(&e),
        [
            "1[pre]", "1[a]", "1[b]", "1[c]", "1[d]", "1[e]", "1[f]", "1[g]", "1[h]"
        ]
    );
    assert!(e[0].preamble && e[1..].iter().all(|e| !e.preamble));
    assert_eq!(
        e[0].text,
        "A pre-charging system for improving reverse direction hill climb performance of a \
         hybrid vehicle, comprising"
    );
    assert_starts(
        &e,
        &[
            "A pre-charging system",
            "a battery having a state of charge value",
            "a motor for powering",
            "an engine configured",
            "a grade sensor",
            "a gear selection sensor",
            "an electronic control unit configured to determine",
            "determine a target charge value",
            "charge the battery",
        ],
    );
    assert_eq!(e[1].text, "a battery having a state of charge value");
    assert_eq!(
        e[5].text,
        "a gear selection sensor for detecting a gear selection by a driver"
    );
    assert!(
        e[6].text
            .ends_with("the electronic control unit is configured to")
    );
    assert_eq!(
        e[7].text,
        "determine a target charge value based on the grade value and the state of charge value"
    );
    assert!(
        e[8].text
            .ends_with("equal to or greater than the target charge value")
    );
}

/// "wherein" clauses inside and between steps, including "... and wherein ...".
/// v4.0-2004/US06859910.xml, US 6,859,910 B2, claim 1: "A method of executing an electronic
/// transaction, comprising:" and seven step claim-texts; steps 1, 2 and 5 contain one ", wherein",
/// step 6 reads "presenting a display to a user, wherein the display is different from the set
/// of pages and wherein the display encourages execution of the electronic transaction; and".
#[test]
fn wherein_clauses_are_elements_of_their_own() {
    let data = require_shared!();
    let text = claim_text(&data, "v4.0-2004/US06859910.xml", "6859910", 1);
    let e = split(1, &text);
    assert_eq!(e.len(), 13);
    assert_eq!(
        e[0].text,
        "A method of executing an electronic transaction, comprising"
    );
    assert_starts(
        &e,
        &[
            "A method of executing",
            "establishing a persistent connection to a server",
            "wherein the server has a capability",
            "obtaining a set of pages",
            "wherein interaction with the set of pages",
            "parsing the set of pages",
            "identifying elements",
            "storing one or more rules",
            "wherein compliance",
            "presenting a display to a user",
            "wherein the display is different",
            "wherein the display encourages",
            "upon interaction of the user",
        ],
    );
    assert_eq!(
        e[1].text,
        "establishing a persistent connection to a server"
    );
    assert_eq!(
        e[10].text,
        "wherein the display is different from the set of pages"
    );
    assert_eq!(
        e[11].text,
        "wherein the display encourages execution of the electronic transaction"
    );
    assert_eq!(e[12].label, "1[l]");
}

/// A Markush group inside a lettered element stays in that element.
/// bulk/ipg120103_sample25docs.xml, US 8,088,364 B2, claim 10: "A personal-care composition in
/// the form of a water-in-oil emulsion comprising:" then claim-texts "a) ...;", "b) ...;",
/// "c) ...; and", "d) a skin-care active selected from the group consisting of a vitamin
/// B<sub>3</sub> compound, a sugar amine, a peptide, a hexamidine compound, and combinations
/// thereof;" and "wherein the weight ratio of oxybenzone to avobenzone is from 1.0 to 1.5."
#[test]
fn markush_group_in_a_list_stays_one_element() {
    let data = require_shared!();
    let text = claim_text(&data, "bulk/ipg120103_sample25docs.xml", "8088364", 10);
    let e = split(10, &text);
    assert_eq!(
        labels(&e),
        ["10[pre]", "10[a]", "10[b]", "10[c]", "10[d]", "10[e]"]
    );
    assert_eq!(
        e[0].text,
        "A personal-care composition in the form of a water-in-oil emulsion comprising"
    );
    assert_starts(
        &e,
        &[
            "A personal-care composition",
            "a) at least about 10%",
            "b) from about 1% to about 6% oxybenzone",
            "c) from about 1% to about 5% avobenzone",
            "d) a skin-care active selected from the group consisting of a vitamin B",
            "wherein the weight ratio",
        ],
    );
    assert!(
        e[4].text
            .ends_with("a hexamidine compound, and combinations thereof")
    );
    assert_eq!(
        e[5].text,
        "wherein the weight ratio of oxybenzone to avobenzone is from 1.0 to 1.5"
    );
}

/// A Markush group in the first line is not a transition, and neither is "comprising" followed
/// by claim matter; the claim splits only before its "wherein".
/// bulk/ipg110104_sample25docs.xml, US 7,863,256 B2, claim 1: one claim-text, "A method of
/// treating of joints affected by a condition selected from the group consisting of
/// osteoarthritis, trauma ..., inflammation, and wear ... comprising administering ... to an
/// individual in need thereof, and wherein the hexadecyl amide derivative of hyaluronic acid is
/// administered by intraarticular injection."
#[test]
fn markush_group_in_the_first_line_does_not_make_a_preamble() {
    let data = require_shared!();
    let text = claim_text(&data, "bulk/ipg110104_sample25docs.xml", "7863256", 1);
    let e = split(1, &text);
    assert_eq!(labels(&e), ["1[a]", "1[b]"]);
    assert!(e.iter().all(|e| !e.preamble));
    assert!(e[0].text.starts_with(
        "A method of treating of joints affected by a condition selected from the group \
         consisting of osteoarthritis, trauma"
    ));
    assert!(e[0].text.ends_with("to an individual in need thereof"));
    assert_eq!(
        e[1].text,
        "wherein the hexadecyl amide derivative of hyaluronic acid is administered by \
         intraarticular injection"
    );
}

/// A Markush group that is itself the nested list: the transition is "consisting of:" and its
/// members are the elements.
/// v4.2-2006/US07521044-20090421.xml, US 7,521,044 B2, claim 1: "An isolated polypeptide
/// comprising a polypeptide sequence selected from the group consisting of:" and claim-texts
/// (a) to (d), each "an isolated polypeptide comprising ...".
#[test]
fn markush_group_as_a_nested_list() {
    let data = require_shared!();
    let text = claim_text(&data, "v4.2-2006/US07521044-20090421.xml", "7521044", 1);
    let e = split(1, &text);
    assert_eq!(
        e[0].text,
        "An isolated polypeptide comprising a polypeptide sequence selected from the group \
         consisting of"
    );
    assert_starts(
        &e,
        &[
            "An isolated polypeptide",
            "(a) an isolated polypeptide comprising amino acids 1 to 1069",
            "(b) an isolated polypeptide comprising amino acids 2 to 1069",
            "(c) an isolated polypeptide comprising the polypeptide sequence encoded by \
             nucleotides 1 to 3207",
            "(d) an isolated polypeptide comprising the polypeptide sequence encoded by \
             nucleotides 4 to 3207",
        ],
    );
}

/// Design claims have no transition and nothing to split.
/// v4.2-2006/USD0586076-20090210.xml, US D586,076 S, claim 1: "The ornamental design for a
/// confectionery product, as shown and described."
/// bulk/ipg120327_first196_designs.xml: 196 `<us-patent-grant>` and 196 `<claim>` elements; each
/// claim is one sentence with "design" and no ";" or "wherein": "... ornamental design for ...,
/// as shown [and described].", twice without "as shown" ("The ornamental design for a lint
/// roller."), once "The design of the current sensor, as shown and described." (US D656,426);
/// US D656,360's claim is two claim-texts, "We claim:" and "The ornamental design for a lid for
/// beverage container, as shown and described."
#[test]
fn design_claims_are_one_element() {
    let data = require_shared!();
    let text = claim_text(&data, "v4.2-2006/USD0586076-20090210.xml", "D586076", 1);
    assert_eq!(
        split(1, &text),
        [Element {
            label: "1[a]".into(),
            text: "The ornamental design for a confectionery product, as shown and described"
                .into(),
            preamble: false,
        }]
    );

    let designs = common::parse_file(&data.join("uspto/grant/bulk/ipg120327_first196_designs.xml"));
    let claims: Vec<_> = designs.patents.iter().flat_map(|p| &p.claims).collect();
    assert_eq!(claims.len(), 196);
    for c in claims {
        let e = split(c.number, &c.text);
        assert_eq!(e.len(), 1, "{:?} → {e:#?}", c.text);
        assert_eq!(e[0].label, format!("{}[a]", c.number));
        assert!(!e[0].preamble);
        assert!(e[0].text.contains("design"), "{:?}", e[0].text);
    }

    let text = claim_text(&data, "bulk/ipg120327_first196_designs.xml", "D656360", 1);
    let e = split(1, &text);
    assert_eq!(e.len(), 1);
    assert_eq!(
        e[0].text,
        "The ornamental design for a lid for beverage container, as shown and described"
    );
}

/// A method claim whose preamble ends "comprising the steps of" without a colon, with lettered
/// steps and a second level of roman-numbered sub-steps.
/// v4.0-2004/US06857133-20050222.xml, US 6,857,133 B2, claim 1: "A method for producing a
/// water-resistant unit, comprising the steps of" then claim-texts (a) (holding (i) "a distal
/// end, and" and (ii) "a proximate end;"), (b) (holding (i) and (ii)), (c), (d), (e), (f) "heat
/// sealing said hem; and," and (g).
#[test]
fn method_claim_with_lettered_and_numbered_steps() {
    let data = require_shared!();
    let text = claim_text(&data, "v4.0-2004/US06857133-20050222.xml", "6857133", 1);
    let e = split(1, &text);
    assert_eq!(
        e[0].text,
        "A method for producing a water-resistant unit, comprising the steps of"
    );
    assert_starts(
        &e,
        &[
            "A method for producing",
            "(a) providing a water-resistant sleeve",
            "(i) a distal end",
            "(ii) a proximate end",
            "(b) providing an elongate pliable stretchable strand",
            "(i) an elongate elastic inner core",
            "(ii) a sheathing around said core",
            "(c) forming at least one hole",
            "(d) folding said proximate end",
            "(e) inserting an insulator",
            "(f) heat sealing said hem",
            "(g) inserting said elongate pliable strand",
        ],
    );
    assert_eq!(e[2].text, "(i) a distal end");
    assert_eq!(e[10].text, "(f) heat sealing said hem");
    assert!(e[11].text.ends_with("in said hem"));
}

/// A method claim of named steps, one of them with a ", wherein" clause.
/// v4.5-2014/US08927386-20150106.xml, US 8,927,386 B2, claim 1: "A method for forming a super
/// PN junction, comprising:" and seven step claim-texts (deposition, dielectric forming, deep
/// trench forming, first filling, second filling "... using a third dielectric, wherein the
/// third dielectric is SOG;", etching "; and", removing).
#[test]
fn method_claim_with_named_steps() {
    let data = require_shared!();
    let text = claim_text(&data, "v4.5-2014/US08927386-20150106.xml", "8927386", 1);
    let e = split(1, &text);
    assert_eq!(
        e[0].text,
        "A method for forming a super PN junction, comprising"
    );
    assert_starts(
        &e,
        &[
            "A method for forming a super PN junction",
            "a deposition step",
            "a dielectric forming step",
            "a deep trench forming step",
            "a first filling step",
            "a second filling step",
            "wherein the third dielectric is SOG",
            "an etching step",
            "a removing step",
        ],
    );
    assert!(e[5].text.ends_with("using a third dielectric"));
    assert_eq!(e[6].text, "wherein the third dielectric is SOG");
}

/// Every independent claim of every real grant and application splits without panicking, and
/// the pieces keep the promises of the API: labels in order, no empty or multi-line texts.
#[test]
fn every_real_independent_claim_splits_cleanly() {
    let data = require_shared!();
    let mut claims = 0;
    for dir in ["grant", "application"] {
        for f in common::files_under(&data.join("uspto").join(dir)) {
            for p in common::parse_file(&f).patents {
                for c in p.claims.iter().filter(|c| !c.dependent) {
                    claims += 1;
                    let e = split(c.number, &c.text);
                    let body: Vec<_> = e.iter().filter(|e| !e.preamble).collect();
                    assert!(e.iter().skip(1).all(|e| !e.preamble));
                    for (i, el) in body.iter().enumerate() {
                        let letter = if i < 26 {
                            ((b'a' + i as u8) as char).to_string()
                        } else {
                            format!(
                                "{}{}",
                                (b'a' + (i / 26 - 1) as u8) as char,
                                (b'a' + (i % 26) as u8) as char
                            )
                        };
                        assert_eq!(el.label, format!("{}[{letter}]", c.number));
                    }
                    for el in &e {
                        assert!(!el.text.is_empty() && !el.text.contains('\n'), "{e:#?}");
                        assert_eq!(el.text, el.text.trim());
                    }
                }
            }
        }
    }
    assert!(claims > 500, "only {claims} independent claims");
}
