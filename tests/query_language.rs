//! The patent query language, end to end through the `patdex` binary, checked against an
//! independent brute-force matcher.
//!
//! Approach:
//! - A hand-written corpus of small grants ([`DOCS`]) is written as USPTO v4.5 XML (all documents
//!   concatenated in one weekly-style file) and ingested with `patdex ingest`. Its texts are built
//!   to sit on the boundaries of the language: words exactly n and n+1 apart for `ADJ/n` and
//!   `NEAR/n` in both orders, same sentence against next sentence (`.`, `?`, `!`, a lower-case
//!   next word, a one-letter previous word), same paragraph against next paragraph, same claim
//!   against next claim, phrases that only exist across a paragraph, claim or field boundary,
//!   stem variants, words found in one field only, independent against dependent claims, CPC
//!   codes that are near misses of each other at every level, dates on the edges of years and
//!   months.
//! - The same documents are also kept as plain paragraphs of tokens, and a brute-force matcher
//!   in this file evaluates queries over them from the written spec: tokens are runs of
//!   alphanumeric characters, lower-cased; words match by their singular (patdex's light
//!   stemming, written again here from the rules in docs/SEARCHING.md), `=word` exactly, `*`/`?`
//!   truncation against the unstemmed token; every proximity operand is a set of token spans
//!   inside one paragraph of one field. It shares no code with patdex's query engine.
//! - Queries are written as text and read by a small parser in this file (so precedence and
//!   juxtaposition are exercised), or generated at random from the grammar (deterministic
//!   xorshift; `PATDEX_QL_SEED` picks another seed) and printed with as few parentheses as the
//!   precedence allows. Each query runs through `patdex search --all --format jsonl` and the hit
//!   set must equal the matcher's. Most table entries also carry an expected set worked out by
//!   hand, which checks the matcher itself (`matcher_agrees_with_hand_written_expectations`
//!   needs no binary).
//! - Bad queries must exit 2 with `bad query:`, the query, a caret line under the problem and a
//!   hint; junk must never crash the binary; `explain` must count what `search` finds.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::process::Output;
use std::time::Instant;

use common::{patdex, stderr, stdout};

// ------------------------------------------------------------------------------------------
// The corpus
// ------------------------------------------------------------------------------------------

/// One invented grant. Publication number `US{n + 1000000}{kind}`.
struct Doc {
    n: u32,
    kind: &'static str,
    /// Publication date, `YYYY-MM-DD`.
    pd: &'static str,
    /// Filing date, `YYYY-MM-DD`.
    ad: &'static str,
    /// CPC symbols, main first, written `H01M10/0525`.
    cpc: &'static [&'static str],
    title: &'static str,
    abstract_: &'static str,
    /// (text, claim it depends on or 0). `{ref}` in the text becomes a `<claim-ref>` to that
    /// claim ("claim N"); `\n` separates nested `<claim-text>` elements of one claim.
    claims: &'static [(&'static str, u32)],
    /// Description blocks; `# ` starts a heading.
    desc: &'static [&'static str],
}

const DOCS: &[Doc] = &[
    Doc {
        n: 1,
        kind: "B2",
        pd: "2015-03-17",
        ad: "2013-06-04",
        cpc: &["H01M10/0525", "H01M4/13"],
        title: "Stacked battery",
        abstract_: "The anode cathode pair is stacked in a pouch.",
        claims: &[
            (
                "A battery comprising:\na pouch;\nan anode cathode pair in the pouch.",
                0,
            ),
            ("The battery of {ref}, wherein the pouch is sealed.", 1),
        ],
        desc: &[
            "# BACKGROUND",
            "Pouch cells are light. They swell when overcharged.",
            "# SUMMARY",
            "A stacked design keeps the current path short.",
        ],
    },
    Doc {
        n: 2,
        kind: "B2",
        pd: "2015-01-01",
        ad: "2013-01-01",
        cpc: &["H01M10/05"],
        title: "Wound battery",
        abstract_: "The anode and cathode are wound together.",
        claims: &[(
            "A battery having an anode and a cathode wound on a mandrel.",
            0,
        )],
        desc: &[
            "# DETAILED DESCRIPTION",
            "The mandrel is removed after winding.",
        ],
    },
    Doc {
        n: 3,
        kind: "B1",
        pd: "2014-12-31",
        ad: "2012-12-31",
        cpc: &["H01M10/052"],
        title: "Facing electrodes",
        abstract_: "The anode faces the cathode across a gap.",
        claims: &[("An electrode assembly wherein an anode faces a cathode.", 0)],
        desc: &["Electrodes are spaced apart by a separator."],
    },
    Doc {
        n: 4,
        kind: "B2",
        pd: "2015-03-31",
        ad: "2014-03-01",
        cpc: &["H01M4/131"],
        title: "Coiled electrode assembly",
        abstract_: "The anode is wound around the cathode twice.",
        claims: &[("An electrode assembly comprising an anode coil.", 0)],
        desc: &["The cathode is a coated foil."],
    },
    Doc {
        n: 5,
        kind: "B2",
        pd: "2015-03-01",
        ad: "2014-02-28",
        cpc: &["H01M2/1686", "Y02E60/10"],
        title: "Reverse stack",
        abstract_: "The cathode faces the anode through a membrane.",
        claims: &[(
            "A stack comprising a cathode anode couple and a membrane.",
            0,
        )],
        desc: &["The membrane is porous."],
    },
    Doc {
        n: 6,
        kind: "B1",
        pd: "2015-04-01",
        ad: "2014-04-01",
        cpc: &["H01M2220/20", "H01M50/409"],
        title: "Separator for a lithium battery",
        abstract_: "A cathode lies five words from the anode.",
        claims: &[
            ("A separator comprising a porous film.", 0),
            ("The film of {ref}, wherein a membrane is laminated.", 1),
        ],
        desc: &["The lithium battery uses the separator."],
    },
    Doc {
        n: 7,
        kind: "B2",
        pd: "2016-01-01",
        ad: "2015-12-31",
        cpc: &["H01M10/0565"],
        title: "Gel electrolyte",
        abstract_: "A gel electrolyte for a cell.",
        claims: &[("A cell comprising a gel electrolyte.", 0)],
        desc: &[
            "# DETAILED DESCRIPTION",
            "The electrolyte is a gel. The polymer swells in it.",
        ],
    },
    Doc {
        n: 8,
        kind: "B2",
        pd: "2015-12-31",
        ad: "2014-11-30",
        cpc: &["H01M10/0565", "C08J5/22"],
        title: "Binder composition",
        abstract_: "The electrolyte contains a polymer binder. It is stable.",
        claims: &[("A binder composition.", 0)],
        desc: &["The binder is cured."],
    },
    Doc {
        n: 9,
        kind: "B1",
        pd: "2010-01-01",
        ad: "2008-05-05",
        cpc: &["H01M10/0565"],
        title: "Layered gel",
        abstract_: "A layered gel is described.",
        claims: &[("A gel comprising layers.", 0)],
        desc: &[
            "The electrolyte fills the first layer.",
            "The polymer forms the second layer.",
        ],
    },
    Doc {
        n: 10,
        kind: "B2",
        pd: "2009-12-31",
        ad: "2008-01-01",
        cpc: &["H01M10/0565"],
        title: "Wet gel",
        // "then" is lower-case: no new sentence.
        abstract_: "The electrolyte wets it. then the polymer swells.",
        claims: &[("A wet gel.", 0)],
        desc: &["Nothing further is required."],
    },
    Doc {
        n: 11,
        kind: "B2",
        pd: "2019-01-01",
        ad: "2017-07-07",
        cpc: &["H01M10/0565"],
        title: "Gel of type A",
        // The word before the full stop has one letter: no new sentence.
        abstract_: "The electrolyte is of type A. Polymer chains cross it.",
        claims: &[("A gel.", 0)],
        desc: &["The gel is clear."],
    },
    Doc {
        n: 12,
        kind: "B2",
        pd: "2018-12-31",
        ad: "2017-01-02",
        cpc: &["H01M10/0565"],
        title: "Stable gel",
        abstract_: "Is the electrolyte stable? Polymer chains say yes!",
        claims: &[("A stable gel.", 0)],
        desc: &["The gel is clear."],
    },
    Doc {
        n: 13,
        kind: "B2",
        pd: "2004-12-31",
        ad: "2003-03-03",
        cpc: &["H01M4/38"],
        // "lithium ion" only across the title/abstract, claim/claim and paragraph boundaries.
        title: "Anode of lithium",
        abstract_: "Ion exchange occurs in the cells.",
        claims: &[
            ("An anode made of lithium.", 0),
            ("Ion conducting glass coating the anode of {ref}.", 1),
        ],
        desc: &[
            "# BACKGROUND",
            "The anode is made of pure lithium.",
            "Ion transport is fast.",
        ],
    },
    Doc {
        n: 14,
        kind: "B2",
        pd: "2005-01-01",
        ad: "2003-12-31",
        cpc: &["H01M10/0525", "Y02E60/10"],
        title: "Lithium ion battery pack",
        abstract_: "A lithium ion battery with a ceramic separator.",
        claims: &[("A pack of lithium ion batteries and a separator.", 0)],
        desc: &["The pack is cooled."],
    },
    Doc {
        n: 15,
        kind: "B2",
        pd: "2016-06-15",
        ad: "2015-06-15",
        cpc: &["H01M10/0525"],
        title: "Li-ion cell",
        abstract_: "A li-ion cell with a polymer membrane.",
        claims: &[("A li-ion cell comprising a membrane separator.", 0)],
        desc: &["The lithium-ion chemistry is mature."],
    },
    Doc {
        n: 16,
        kind: "B1",
        pd: "2017-02-28",
        ad: "2016-02-29",
        cpc: &["H01M10/0525"],
        title: "Battery with ion conducting membrane",
        abstract_: "Lithium ions pass through the membrane.",
        claims: &[(
            "A battery comprising a membrane that conducts lithium ions.",
            0,
        )],
        desc: &["Lithium ionic conductivity is high."],
    },
    Doc {
        n: 17,
        kind: "B2",
        pd: "2015-03-16",
        ad: "2014-03-16",
        cpc: &["H01M10/0562"],
        title: "Solid electrolyte",
        abstract_: "A sulfide glass with high lithium ionic conductivity.",
        claims: &[("A solid electrolyte comprising a sulfide glass.", 0)],
        desc: &["The glass is pressed into pellets."],
    },
    Doc {
        n: 18,
        kind: "B2",
        pd: "2015-03-18",
        ad: "2014-09-09",
        cpc: &["H02J7/00"],
        title: "Charger for batteries",
        abstract_: "A charger charges several batteries at once.",
        claims: &[
            ("A charger comprising bays for batteries.", 0),
            ("The charger of {ref}, wherein each bay has a sensor.", 1),
        ],
        desc: &["Charging stops when the cells are full."],
    },
    Doc {
        n: 19,
        kind: "B2",
        pd: "2012-07-04",
        ad: "2011-07-04",
        cpc: &["H04M1/02", "H01Q1/243"],
        title: "Cellular telephone housing",
        abstract_: "A housing for a cellular telephone has a colour display.",
        claims: &[("A housing comprising a cellular antenna.", 0)],
        desc: &["The housing is molded."],
    },
    Doc {
        n: 20,
        kind: "B2",
        pd: "2013-05-05",
        ad: "2012-05-05",
        cpc: &["G01J3/46"],
        title: "Color sensor",
        abstract_: "A color sensor measures light.",
        claims: &[("A sensor comprising a color filter.", 0)],
        desc: &["The sensor is calibrated."],
    },
    Doc {
        n: 21,
        kind: "B1",
        pd: "2013-05-06",
        ad: "2012-05-06",
        cpc: &["G01J3/50"],
        title: "Colour sensor",
        abstract_: "A colour sensor measures reflected light.",
        claims: &[("A sensor comprising a colour filter and a lens.", 0)],
        desc: &["The lens is glass."],
    },
    Doc {
        n: 22,
        kind: "B2",
        pd: "2011-11-11",
        ad: "2010-10-10",
        cpc: &["A47J43/04"],
        title: "Mixer for batter",
        abstract_: "A mixing bowl holds batter while a whisk rotates.",
        claims: &[("A mixer comprising a bowl and a whisk.", 0)],
        desc: &["Batter is mixed until smooth."],
    },
    Doc {
        n: 23,
        kind: "B2",
        pd: "2020-01-01",
        ad: "2018-02-02",
        cpc: &["H01M4/133"],
        title: "Carbon anode",
        abstract_: "The anode contains graphene sheets.",
        claims: &[("An anode comprising carbon.", 0)],
        desc: &["The carbon is milled."],
    },
    Doc {
        n: 24,
        kind: "B2",
        pd: "2020-01-02",
        ad: "2018-02-03",
        cpc: &["H01M4/133"],
        title: "Coated anode",
        abstract_: "The anode carries a coating.",
        claims: &[("An anode comprising a coating of graphene.", 0)],
        desc: &["The coating is thin."],
    },
    Doc {
        n: 25,
        kind: "B2",
        pd: "2021-06-01",
        ad: "2019-06-01",
        cpc: &["H01M4/134", "H01M4/38"],
        title: "Alloy anode",
        abstract_: "An alloy anode for high capacity.",
        claims: &[
            ("An anode comprising an alloy.", 0),
            ("The anode of {ref}, wherein the alloy contains silicon.", 1),
        ],
        desc: &["The alloy is sputtered."],
    },
    Doc {
        n: 26,
        kind: "B1",
        pd: "2021-06-02",
        ad: "2019-06-02",
        cpc: &["H01M4/134"],
        title: "Silicon anode",
        abstract_: "An anode for high capacity.",
        claims: &[
            ("An anode comprising silicon particles.", 0),
            ("The anode of {ref}, wherein the particles are coated.", 1),
        ],
        desc: &["The particles are milled."],
    },
    Doc {
        n: 27,
        kind: "B2",
        pd: "2022-02-22",
        ad: "2020-02-20",
        cpc: &["H01M50/409", "H01M10/0525"],
        title: "Separator arrangement",
        abstract_: "In a lithium ion cell the porous separator is placed between the anode and the cathode.",
        claims: &[(
            "A cell comprising a separator and a lithium ion electrolyte.",
            0,
        )],
        desc: &["Membranes made for li-ion packs are thin."],
    },
    Doc {
        n: 28,
        kind: "B2",
        pd: "2022-02-23",
        ad: "2020-02-21",
        cpc: &["H01M50/409"],
        title: "Tool pack",
        // "ion" .. "separator": 11 apart.
        abstract_: "A lithium ion pack of the kind used in portable tools has a separator.",
        claims: &[("A pack comprising cells.", 0)],
        desc: &["The pack is charged."],
    },
    Doc {
        n: 29,
        kind: "B2",
        pd: "2022-02-24",
        ad: "2020-02-22",
        cpc: &["H01M50/20"],
        title: "Garden tool pack",
        // "ion" .. "separator": 10 apart.
        abstract_: "A lithium ion pack of the kind used in tools has a separator.",
        claims: &[("A pack comprising a housing.", 0)],
        desc: &["The housing is sealed."],
    },
    Doc {
        n: 30,
        kind: "B2",
        pd: "2008-08-08",
        ad: "2006-06-06",
        cpc: &["F03D1/06"],
        title: "Wind turbine rotor",
        abstract_: "A rotor carries three blades.",
        claims: &[
            ("A rotor comprising a hub and a blade.", 0),
            ("The rotor of {ref}, wherein the blade is hollow.", 1),
        ],
        desc: &[
            "# BACKGROUND",
            "Rotors turn slowly.",
            "The blade root is bolted to the hub.",
        ],
    },
    Doc {
        n: 31,
        kind: "B2",
        pd: "2007-07-07",
        ad: "2005-05-05",
        cpc: &["A61B1/00"],
        title: "Endoscope with sensor",
        abstract_: "An endoscope carries an image sensor at its tip.",
        claims: &[("An endoscope comprising a sensor.", 0)],
        desc: &["The sensor is sealed."],
    },
    Doc {
        n: 32,
        kind: "B1",
        pd: "2007-07-08",
        ad: "2005-05-06",
        cpc: &["A61B17/3207", "A61B17/00"],
        title: "Atherectomy catheter",
        abstract_: "A catheter with a rotating blade removes plaque.",
        claims: &[("A catheter comprising a blade.", 0)],
        desc: &["The blade is sharp."],
    },
    Doc {
        n: 33,
        kind: "B2",
        pd: "2015-02-28",
        ad: "2014-02-28",
        cpc: &["H01M4/04"],
        title: "Electrode coating",
        abstract_: "Electrodes are coated with a porous layer.",
        claims: &[
            (
                "An electrode comprising a current collector and a porous layer.",
                0,
            ),
            (
                "The electrode of {ref}, wherein the separated layer is porous.",
                1,
            ),
        ],
        desc: &["Separating the layer from the current collector is avoided."],
    },
    Doc {
        n: 34,
        kind: "B2",
        pd: "2016-12-31",
        ad: "2015-01-01",
        cpc: &["H01M10/0587"],
        title: "Prismatic cell",
        abstract_: "The anode sits beside the cathode.",
        claims: &[("A prismatic cell.", 0)],
        desc: &["The case is aluminium."],
    },
    Doc {
        n: 35,
        kind: "B2",
        pd: "2023-03-03",
        ad: "2021-01-01",
        cpc: &["H02J7/0013"],
        title: "Charging between packs",
        abstract_: "A battery charges another battery.",
        claims: &[("A system with two packs.", 0)],
        desc: &["Energy flows between packs."],
    },
];

fn doc_number(d: &Doc) -> String {
    format!("US{}{}", 1_000_000 + d.n, d.kind)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn compact_date(d: &str) -> String {
    d.replace('-', "")
}

/// `H01M10/0525` → section, class, subclass, main group, subgroup.
fn cpc_parts(code: &str) -> (&str, &str, &str, &str, &str) {
    let (group, sub) = code[4..].split_once('/').unwrap();
    (&code[..1], &code[1..3], &code[3..4], group, sub)
}

fn cpc_xml(code: &str) -> String {
    let (section, class, subclass, group, sub) = cpc_parts(code);
    format!(
        "<classification-cpc>\n<cpc-version-indicator><date>20130101</date></cpc-version-indicator>\n\
         <section>{section}</section>\n<class>{class}</class>\n<subclass>{subclass}</subclass>\n\
         <main-group>{group}</main-group>\n<subgroup>{sub}</subgroup>\n<symbol-position>F</symbol-position>\n\
         <classification-value>I</classification-value>\n<action-date><date>20150101</date></action-date>\n\
         <generating-office><country>US</country></generating-office>\n\
         <classification-status>B</classification-status>\n\
         <classification-data-source>H</classification-data-source>\n\
         <scheme-origination-code>C</scheme-origination-code>\n</classification-cpc>\n"
    )
}

/// One `us-patent-grant` document (v4.5), with its own XML declaration and DOCTYPE.
fn doc_xml(d: &Doc) -> String {
    let pd = compact_date(d.pd);
    let ad = compact_date(d.ad);
    let num = format!("{:08}", 1_000_000 + d.n);
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str("<!DOCTYPE us-patent-grant SYSTEM \"us-patent-grant-v45-2014-04-03.dtd\" [ ]>\n");
    writeln!(
        x,
        "<us-patent-grant lang=\"EN\" dtd-version=\"v4.5 2014-04-03\" file=\"US{num}-{pd}.XML\" \
         status=\"PRODUCTION\" id=\"us-patent-grant\" country=\"US\" date-produced=\"{pd}\" date-publ=\"{pd}\">"
    )
    .unwrap();
    x.push_str("<us-bibliographic-data-grant>\n");
    writeln!(
        x,
        "<publication-reference>\n<document-id>\n<country>US</country>\n<doc-number>{num}</doc-number>\n\
         <kind>{}</kind>\n<date>{pd}</date>\n</document-id>\n</publication-reference>",
        d.kind
    )
    .unwrap();
    writeln!(
        x,
        "<application-reference appl-type=\"utility\">\n<document-id>\n<country>US</country>\n\
         <doc-number>13{:06}</doc-number>\n<date>{ad}</date>\n</document-id>\n</application-reference>\n\
         <us-application-series-code>13</us-application-series-code>",
        500_000 + d.n
    )
    .unwrap();
    x.push_str("<classifications-cpc>\n<main-cpc>\n");
    x.push_str(&cpc_xml(d.cpc[0]));
    x.push_str("</main-cpc>\n");
    if d.cpc.len() > 1 {
        x.push_str("<further-cpc>\n");
        for c in &d.cpc[1..] {
            x.push_str(&cpc_xml(c));
        }
        x.push_str("</further-cpc>\n");
    }
    x.push_str("</classifications-cpc>\n");
    writeln!(
        x,
        "<invention-title id=\"d2e43\">{}</invention-title>",
        esc(d.title)
    )
    .unwrap();
    writeln!(x, "<number-of-claims>{}</number-of-claims>", d.claims.len()).unwrap();
    x.push_str("</us-bibliographic-data-grant>\n");
    writeln!(
        x,
        "<abstract id=\"abstract\">\n<p id=\"p-0001\" num=\"0000\">{}</p>\n</abstract>",
        esc(d.abstract_)
    )
    .unwrap();
    x.push_str("<description id=\"description\">\n");
    let (mut h, mut p) = (0, 0);
    for block in d.desc {
        if let Some(text) = block.strip_prefix("# ") {
            h += 1;
            writeln!(
                x,
                "<heading id=\"h-{h:04}\" level=\"1\">{}</heading>",
                esc(text)
            )
            .unwrap();
        } else {
            p += 1;
            writeln!(
                x,
                "<p id=\"p-{:04}\" num=\"{p:04}\">{}</p>",
                p + 1,
                esc(block)
            )
            .unwrap();
        }
    }
    x.push_str("</description>\n");
    x.push_str(
        "<us-claim-statement>What is claimed is:</us-claim-statement>\n<claims id=\"claims\">\n",
    );
    for (i, (text, dep)) in d.claims.iter().enumerate() {
        let k = i + 1;
        let claim_ref = format!("<claim-ref idref=\"CLM-{dep:05}\">claim {dep}</claim-ref>");
        let mut parts = text
            .split('\n')
            .map(|s| esc(s).replace("{ref}", &claim_ref));
        write!(
            x,
            "<claim id=\"CLM-{k:05}\" num=\"{k:05}\">\n<claim-text>{k}. {}",
            parts.next().unwrap()
        )
        .unwrap();
        for nested in parts {
            write!(x, "\n<claim-text>{nested}</claim-text>").unwrap();
        }
        x.push_str("\n</claim-text>\n</claim>\n");
    }
    x.push_str("</claims>\n</us-patent-grant>\n");
    x
}

/// Writes the corpus as one concatenated file, ingests it, and returns the temp dir (keep it
/// alive) and the index path.
fn build_index() -> (tempfile::TempDir, String) {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("ipg_query_language.xml");
    let all: String = DOCS.iter().map(doc_xml).collect();
    std::fs::write(&file, all).unwrap();
    let index = tmp.path().join("index").to_string_lossy().into_owned();
    let o = patdex(&[
        "--index",
        &index,
        "ingest",
        "--quiet",
        file.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "ingest failed: {}", stderr(&o));
    assert!(
        stdout(&o).contains(&format!("{} added", DOCS.len())),
        "every test document must be added: {}",
        stdout(&o)
    );
    (tmp, index)
}

// ------------------------------------------------------------------------------------------
// The brute-force matcher: the corpus as paragraphs of tokens
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Title,
    Abstract,
    Claims,
    Desc,
}

/// Which text a query part searches (`ti:`, `ab:`, `cl:`, `icl:`, `desc:`, `txt:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Txt,
    Ti,
    Ab,
    Cl,
    Icl,
    Desc,
}

impl Scope {
    fn name(self) -> &'static str {
        match self {
            Scope::Txt => "txt",
            Scope::Ti => "ti",
            Scope::Ab => "ab",
            Scope::Cl => "cl",
            Scope::Icl => "icl",
            Scope::Desc => "desc",
        }
    }

    fn from_name(s: &str) -> Option<Scope> {
        Some(match s {
            "txt" => Scope::Txt,
            "ti" => Scope::Ti,
            "ab" => Scope::Ab,
            "cl" => Scope::Cl,
            "icl" => Scope::Icl,
            "desc" => Scope::Desc,
            _ => return None,
        })
    }

    fn covers(self, p: &Para) -> bool {
        match self {
            Scope::Txt => true,
            Scope::Ti => p.part == Part::Title,
            Scope::Ab => p.part == Part::Abstract,
            Scope::Cl => p.part == Part::Claims,
            Scope::Icl => p.part == Part::Claims && p.independent,
            Scope::Desc => p.part == Part::Desc,
        }
    }
}

struct Para {
    part: Part,
    independent: bool,
    toks: Vec<String>,
    stems: Vec<String>,
    /// Sentence number of each token.
    sent: Vec<usize>,
}

type Ymd = (u32, u32, u32);

struct PDoc {
    n: u32,
    kind: String,
    pd: Ymd,
    ad: Ymd,
    cpc: Vec<String>,
    paras: Vec<Para>,
}

fn ymd(s: &str) -> Ymd {
    let v: Vec<u32> = s.split('-').map(|x| x.parse().unwrap()).collect();
    (v[0], v[1], v[2])
}

/// patdex's light stemming, written again from its documented rules (docs/SEARCHING.md): only
/// plurals fold to their singular.
fn stem(word: &str) -> String {
    let w = word;
    let keep = w.chars().count() <= 3
        || !w.ends_with('s')
        || !w.is_ascii()
        || w.chars().any(|c| c.is_ascii_digit())
        || ["ss", "us", "is"].iter().any(|e| w.ends_with(e));
    if keep {
        w.to_string()
    } else if w.len() >= 5 && w.ends_with("ies") {
        format!("{}y", &w[..w.len() - 3])
    } else if ["sses", "xes", "ches", "shes"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        w[..w.len() - 2].to_string()
    } else {
        w[..w.len() - 1].to_string()
    }
}

const ABBREVIATIONS: &[&str] = &[
    "fig", "figs", "no", "nos", "pat", "al", "approx", "e", "g", "i", "etc", "ref", "refs", "vol",
    "eq", "eqs", "cf", "vs", "ca",
];

/// Tokens (maximal alphanumeric runs, lower-cased) and sentence numbers of one paragraph.
fn para(part: Part, independent: bool, text: &str) -> Para {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    let raw: Vec<&str> = spans.iter().map(|&(a, b)| &text[a..b]).collect();
    let toks: Vec<String> = raw.iter().map(|t| t.to_lowercase()).collect();
    let stems = toks.iter().map(|t| stem(t)).collect();
    let mut sent = Vec::with_capacity(toks.len());
    let mut s = 0;
    for i in 0..toks.len() {
        if i > 0 {
            let gap: Vec<char> = text[spans[i - 1].1..spans[i].0].chars().collect();
            let stop = gap
                .windows(2)
                .any(|w| matches!(w[0], '.' | '!' | '?') && w[1].is_whitespace());
            let upper = raw[i].chars().next().unwrap().is_uppercase();
            let prev = &toks[i - 1];
            if stop && upper && prev.chars().count() > 1 && !ABBREVIATIONS.contains(&prev.as_str())
            {
                s += 1;
            }
        }
        sent.push(s);
    }
    Para {
        part,
        independent,
        toks,
        stems,
        sent,
    }
}

fn corpus() -> Vec<PDoc> {
    DOCS.iter()
        .enumerate()
        .map(|(i, d)| {
            assert_eq!(d.n as usize, i + 1, "DOCS are numbered 1, 2, ...");
            let mut paras = vec![
                para(Part::Title, false, d.title),
                para(Part::Abstract, false, d.abstract_),
            ];
            for (text, dep) in d.claims {
                let text = text
                    .replace('\n', " ")
                    .replace("{ref}", &format!("claim {dep}"));
                paras.push(para(Part::Claims, *dep == 0, &text));
            }
            for block in d.desc {
                let text = block.strip_prefix("# ").unwrap_or(block);
                paras.push(para(Part::Desc, false, text));
            }
            PDoc {
                n: d.n,
                kind: d.kind.to_string(),
                pd: ymd(d.pd),
                ad: ymd(d.ad),
                cpc: d.cpc.iter().map(|s| s.to_string()).collect(),
                paras,
            }
        })
        .collect()
}

// ------------------------------------------------------------------------------------------
// Queries: the matcher's own tree
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Adj(u32),
    Near(u32),
    With,
    Same,
}

#[derive(Debug, Clone)]
enum Q {
    /// A word or phrase exactly as typed: `battery`, `=cells`, `batter*`, `li-ion`,
    /// `"lithium ion*"`, `="lithium ions"`.
    Term(String),
    Prox(Box<Q>, Op, Box<Q>),
    And(Vec<Q>),
    Or(Vec<Q>),
    Not(Box<Q>, Box<Q>),
    Neg(Box<Q>),
    Field(Scope, Box<Q>),
    Cpc(String),
    /// `pd`/`ad` (`ad` true) within `lo..=hi`; `src` is the query text.
    Date {
        ad: bool,
        lo: Ymd,
        hi: Ymd,
        src: String,
    },
    Kind(String),
    Pn(String),
}

/// Readings of the spec that it leaves open; a query whose result depends on them is skipped
/// by the random test (and must not appear in the table).
#[derive(Debug, Clone, Copy)]
struct Mode {
    /// `WITH`: both spans wholly inside one sentence (true) or only their first tokens in the
    /// same sentence (false). They differ only for phrases or nested spans that straddle a
    /// sentence end.
    with_whole_spans: bool,
}

const MODES: [Mode; 2] = [
    Mode {
        with_whole_spans: true,
    },
    Mode {
        with_whole_spans: false,
    },
];

struct Piece {
    text: String,
    stem: String,
    exact: bool,
    wild: bool,
}

fn pieces(src: &str) -> Vec<Piece> {
    let (exact, body) = match src.strip_prefix('=') {
        Some(rest) => (true, rest),
        None => (false, src),
    };
    let body = body.trim_matches('"');
    body.split(|c: char| !(c.is_alphanumeric() || c == '*' || c == '?'))
        .filter(|s| !s.is_empty())
        .map(|s| {
            let text = s.to_lowercase();
            Piece {
                stem: stem(&text),
                wild: text.contains(['*', '?']),
                exact,
                text,
            }
        })
        .collect()
}

fn glob(p: &[char], t: &[char]) -> bool {
    match p.first() {
        None => t.is_empty(),
        Some('*') => (0..=t.len()).any(|i| glob(&p[1..], &t[i..])),
        Some('?') => !t.is_empty() && glob(&p[1..], &t[1..]),
        Some(c) => t.first() == Some(c) && glob(&p[1..], &t[1..]),
    }
}

impl Piece {
    fn matches(&self, p: &Para, i: usize) -> bool {
        if self.wild {
            let pat: Vec<char> = self.text.chars().collect();
            let tok: Vec<char> = p.toks[i].chars().collect();
            glob(&pat, &tok)
        } else if self.exact {
            p.toks[i] == self.text
        } else {
            p.stems[i] == self.stem
        }
    }
}

/// (first position, last position, the positions of the words that matched).
type Spans = BTreeSet<(usize, usize, BTreeSet<usize>)>;

/// Spans of a proximity operand (word, phrase, OR-group, proximity) in one paragraph.
fn spans(q: &Q, p: &Para, mode: Mode) -> Spans {
    match q {
        Q::Term(src) => {
            let ps = pieces(src);
            let k = ps.len();
            let mut out = Spans::new();
            if k == 0 || k > p.toks.len() {
                return out;
            }
            for i in 0..=p.toks.len() - k {
                if ps.iter().enumerate().all(|(j, pc)| pc.matches(p, i + j)) {
                    out.insert((i, i + k - 1, (i..i + k).collect()));
                }
            }
            out
        }
        Q::Or(items) => items.iter().flat_map(|x| spans(x, p, mode)).collect(),
        Q::Prox(a, op, b) => {
            let sa = spans(a, p, mode);
            let sb = spans(b, p, mode);
            let mut out = Spans::new();
            for (a0, a1, aw) in &sa {
                let (a0, a1) = (*a0, *a1);
                for (b0, b1, bw) in &sb {
                    let (b0, b1) = (*b0, *b1);
                    let fwd = b0 as i64 - a1 as i64;
                    let back = a0 as i64 - b1 as i64;
                    // The two sides must be made of different words; a word that only lies
                    // inside a nested match (between its words) may pair with it.
                    let differ = aw.is_disjoint(bw);
                    let overlap = !(a1 < b0 || b1 < a0);
                    let ok = match *op {
                        Op::Adj(n) => (1..=n as i64).contains(&fwd),
                        Op::Near(n) => {
                            (1..=n as i64).contains(&fwd)
                                || (1..=n as i64).contains(&back)
                                || (overlap && differ)
                        }
                        Op::With => {
                            differ
                                && if mode.with_whole_spans {
                                    let s = p.sent[a0];
                                    [a1, b0, b1].iter().all(|&i| p.sent[i] == s)
                                } else {
                                    p.sent[a0] == p.sent[b0]
                                }
                        }
                        Op::Same => differ,
                    };
                    if ok {
                        out.insert((a0.min(b0), a1.max(b1), aw.union(bw).copied().collect()));
                    }
                }
            }
            out
        }
        other => panic!("test bug: {other:?} is not a proximity operand"),
    }
}

fn cpc_matches(query: &str, code: &str) -> bool {
    if query.contains('/') {
        return query == code;
    }
    match query.len() {
        1 | 3 | 4 => code.starts_with(query),
        _ => code.split('/').next() == Some(query),
    }
}

/// `US 1,000,001 B2` → ("1000001", Some("B2")).
fn pn_parts(s: &str) -> (String, Option<String>) {
    let t: String = s
        .to_uppercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | ',' | '"'))
        .collect();
    let t = t.strip_prefix("US").unwrap_or(&t);
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let kind = &t[digits.len()..];
    (
        digits.trim_start_matches('0').to_string(),
        (!kind.is_empty()).then(|| kind.to_string()),
    )
}

fn eval(q: &Q, d: &PDoc, scope: Scope, mode: Mode) -> bool {
    match q {
        Q::Term(_) | Q::Prox(..) => d
            .paras
            .iter()
            .any(|p| scope.covers(p) && !spans(q, p, mode).is_empty()),
        Q::And(xs) => xs.iter().all(|x| eval(x, d, scope, mode)),
        Q::Or(xs) => xs.iter().any(|x| eval(x, d, scope, mode)),
        Q::Not(a, b) => eval(a, d, scope, mode) && !eval(b, d, scope, mode),
        Q::Neg(a) => !eval(a, d, scope, mode),
        Q::Field(s, x) => eval(x, d, *s, mode),
        Q::Cpc(c) => d.cpc.iter().any(|code| cpc_matches(c, code)),
        Q::Date { ad, lo, hi, .. } => {
            let v = if *ad { d.ad } else { d.pd };
            *lo <= v && v <= *hi
        }
        Q::Kind(k) => d.kind.eq_ignore_ascii_case(k),
        Q::Pn(s) => {
            let (num, kind) = pn_parts(s);
            num == (1_000_000 + d.n).to_string() && kind.is_none_or(|k| k == d.kind)
        }
    }
}

/// The documents (by `n`) the spec says `q` finds, or `None` when the open readings disagree.
fn expected(q: &Q, docs: &[PDoc]) -> Option<BTreeSet<u32>> {
    let sets: Vec<BTreeSet<u32>> = MODES
        .iter()
        .map(|&m| {
            docs.iter()
                .filter(|d| eval(q, d, Scope::Txt, m))
                .map(|d| d.n)
                .collect()
        })
        .collect();
    sets.windows(2)
        .all(|w| w[0] == w[1])
        .then(|| sets[0].clone())
}

// ------------------------------------------------------------------------------------------
// Reading query text into the matcher's tree (the test's own parser)
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    L,
    R,
    And,
    Or,
    Not,
    With,
    Same,
    Adj(u32),
    Near(u32),
    Minus,
    Field(String),
    Cmp(String, String, String),
    Range(String, String),
    Word(String),
}

const FIELDS: &[&str] = &[
    "ti", "ab", "cl", "icl", "desc", "txt", "cpc", "pd", "ad", "kind", "pn",
];

fn lex(q: &str) -> Vec<Tok> {
    let c: Vec<char> = q.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch.is_whitespace() {
            i += 1;
        } else if ch == '(' {
            out.push(Tok::L);
            i += 1;
        } else if ch == ')' {
            out.push(Tok::R);
            i += 1;
        } else if ch == '-' {
            out.push(Tok::Minus);
            i += 1;
        } else if ch == '"' || (ch == '=' && c.get(i + 1) == Some(&'"')) {
            let start = i;
            i += if ch == '=' { 2 } else { 1 };
            while c[i] != '"' {
                i += 1;
            }
            i += 1;
            out.push(Tok::Word(c[start..i].iter().collect()));
        } else if ch == '[' {
            let start = i + 1;
            while c[i] != ']' {
                i += 1;
            }
            let inner: String = c[start..i].iter().collect();
            i += 1;
            let (lo, hi) = inner.split_once(" TO ").expect("range");
            out.push(Tok::Range(lo.trim().into(), hi.trim().into()));
        } else {
            let start = i;
            while i < c.len() && !c[i].is_whitespace() && !matches!(c[i], '(' | ')' | '"' | '[') {
                i += 1;
            }
            let chunk: String = c[start..i].iter().collect();
            if let Some((name, rest)) = chunk.split_once(':')
                && FIELDS.contains(&name)
            {
                out.push(Tok::Field(name.into()));
                if !rest.is_empty() {
                    out.push(Tok::Word(rest.into()));
                }
                continue;
            }
            if let Some(name) = ["pd", "ad"].iter().find(|n| chunk.starts_with(*n))
                && let Some(op) = [">=", "<=", ">", "<"]
                    .iter()
                    .find(|op| chunk[2..].starts_with(*op))
            {
                let value = &chunk[2 + op.len()..];
                out.push(Tok::Cmp(name.to_string(), op.to_string(), value.into()));
                continue;
            }
            let num = |prefix: &str| chunk.strip_prefix(prefix).and_then(|n| n.parse().ok());
            out.push(match chunk.as_str() {
                "AND" => Tok::And,
                "OR" => Tok::Or,
                "NOT" => Tok::Not,
                "WITH" => Tok::With,
                "SAME" => Tok::Same,
                "ADJ" => Tok::Adj(1),
                _ => {
                    if let Some(n) = num("ADJ/") {
                        Tok::Adj(n)
                    } else if let Some(n) = num("NEAR/") {
                        Tok::Near(n)
                    } else {
                        Tok::Word(chunk)
                    }
                }
            });
        }
    }
    out
}

/// A date value as the inclusive range it names: `2015`, `2015-03`, `2015-03-17`.
fn date_range(s: &str) -> (Ymd, Ymd) {
    let v: Vec<u32> = s.split('-').map(|x| x.parse().unwrap()).collect();
    match v.len() {
        1 => ((v[0], 1, 1), (v[0], 12, 31)),
        2 => ((v[0], v[1], 1), (v[0], v[1], 31)),
        _ => ((v[0], v[1], v[2]), (v[0], v[1], v[2])),
    }
}

/// The day before (lexicographic stand-in: day 31 of the previous month is fine for comparing).
fn day_before((y, m, d): Ymd) -> Ymd {
    if d > 1 {
        (y, m, d - 1)
    } else if m > 1 {
        (y, m - 1, 31)
    } else {
        (y - 1, 12, 31)
    }
}

fn day_after((y, m, d): Ymd) -> Ymd {
    (y, m, d + 1)
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn next(&mut self) -> Tok {
        let t = self.toks[self.pos].clone();
        self.pos += 1;
        t
    }

    fn not(&mut self) -> Q {
        let mut left = self.or();
        while self.peek() == Some(&Tok::Not) {
            self.pos += 1;
            left = Q::Not(Box::new(left), Box::new(self.or()));
        }
        left
    }

    fn or(&mut self) -> Q {
        let mut xs = vec![self.and()];
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            xs.push(self.and());
        }
        if xs.len() == 1 {
            xs.pop().unwrap()
        } else {
            Q::Or(xs)
        }
    }

    fn and(&mut self) -> Q {
        let mut xs = vec![self.same()];
        loop {
            match self.peek() {
                Some(Tok::And) => {
                    self.pos += 1;
                    xs.push(self.same());
                }
                Some(Tok::L | Tok::Minus | Tok::Field(_) | Tok::Cmp(..) | Tok::Word(_)) => {
                    xs.push(self.same())
                }
                _ => break,
            }
        }
        if xs.len() == 1 {
            xs.pop().unwrap()
        } else {
            Q::And(xs)
        }
    }

    fn same(&mut self) -> Q {
        let mut left = self.with();
        while self.peek() == Some(&Tok::Same) {
            self.pos += 1;
            left = Q::Prox(Box::new(left), Op::Same, Box::new(self.with()));
        }
        left
    }

    fn with(&mut self) -> Q {
        let mut left = self.prox();
        while self.peek() == Some(&Tok::With) {
            self.pos += 1;
            left = Q::Prox(Box::new(left), Op::With, Box::new(self.prox()));
        }
        left
    }

    fn prox(&mut self) -> Q {
        let mut left = self.unary();
        loop {
            let op = match self.peek() {
                Some(Tok::Adj(n)) => Op::Adj(*n),
                Some(Tok::Near(n)) => Op::Near(*n),
                _ => break,
            };
            self.pos += 1;
            left = Q::Prox(Box::new(left), op, Box::new(self.unary()));
        }
        left
    }

    fn unary(&mut self) -> Q {
        if self.peek() == Some(&Tok::Minus) {
            self.pos += 1;
            return Q::Neg(Box::new(self.unary()));
        }
        self.primary()
    }

    fn value(&mut self) -> String {
        match self.next() {
            Tok::Word(w) => w,
            t => panic!("test bug: expected a value, got {t:?}"),
        }
    }

    fn primary(&mut self) -> Q {
        match self.next() {
            Tok::L => {
                let q = self.not();
                assert_eq!(self.next(), Tok::R, "test bug: unbalanced parentheses");
                q
            }
            Tok::Word(w) => Q::Term(w),
            Tok::Field(name) => {
                if let Some(scope) = Scope::from_name(&name) {
                    return Q::Field(scope, Box::new(self.primary()));
                }
                match name.as_str() {
                    "cpc" => Q::Cpc(self.value().to_uppercase()),
                    "kind" => Q::Kind(self.value()),
                    "pn" => Q::Pn(self.value()),
                    "pd" | "ad" => {
                        let (lo, hi, src) = match self.next() {
                            Tok::Word(w) => {
                                let (lo, hi) = date_range(&w);
                                (lo, hi, format!("{name}:{w}"))
                            }
                            Tok::Range(a, b) => (
                                date_range(&a).0,
                                date_range(&b).1,
                                format!("{name}:[{a} TO {b}]"),
                            ),
                            t => panic!("test bug: date value {t:?}"),
                        };
                        Q::Date {
                            ad: name == "ad",
                            lo,
                            hi,
                            src,
                        }
                    }
                    _ => unreachable!(),
                }
            }
            Tok::Cmp(name, op, v) => {
                let (lo, hi) = date_range(&v);
                let (lo, hi) = match op.as_str() {
                    "<" => ((0, 0, 0), day_before(lo)),
                    "<=" => ((0, 0, 0), hi),
                    ">" => (day_after(hi), (9999, 12, 31)),
                    ">=" => (lo, (9999, 12, 31)),
                    _ => unreachable!(),
                };
                Q::Date {
                    ad: name == "ad",
                    lo,
                    hi,
                    src: format!("{name}{op}{v}"),
                }
            }
            t => panic!("test bug: unexpected {t:?}"),
        }
    }
}

fn parse(q: &str) -> Q {
    let mut p = Parser {
        toks: lex(q),
        pos: 0,
    };
    let tree = p.not();
    assert_eq!(p.pos, p.toks.len(), "test bug: `{q}` not fully parsed");
    tree
}

// ------------------------------------------------------------------------------------------
// Printing generated trees as query text
// ------------------------------------------------------------------------------------------

/// Binding strength: proximity binds tightest, then WITH, SAME, AND, OR, NOT.
fn level(q: &Q) -> u8 {
    match q {
        Q::Prox(_, Op::Adj(_) | Op::Near(_), _) => 6,
        Q::Prox(_, Op::With, _) => 5,
        Q::Prox(_, Op::Same, _) => 4,
        Q::And(_) => 3,
        Q::Or(_) => 2,
        Q::Not(..) => 1,
        _ => 10,
    }
}

fn show(q: &Q, rng: &mut Rng) -> String {
    let wrap = |x: &Q, parent: u8, rng: &mut Rng| {
        let s = show(x, rng);
        if level(x) <= parent || (level(x) < 10 && rng.chance(10)) {
            format!("({s})")
        } else {
            s
        }
    };
    match q {
        Q::Term(s) => s.clone(),
        Q::Prox(a, op, b) => {
            let l = level(q);
            let op = match *op {
                Op::Adj(1) if rng.chance(50) => "ADJ".to_string(),
                Op::Adj(n) => format!("ADJ/{n}"),
                Op::Near(n) => format!("NEAR/{n}"),
                Op::With => "WITH".into(),
                Op::Same => "SAME".into(),
            };
            format!("{} {op} {}", wrap(a, l, rng), wrap(b, l, rng))
        }
        Q::And(xs) => {
            let mut s = String::new();
            for (i, x) in xs.iter().enumerate() {
                if i > 0 {
                    s.push_str(if rng.chance(50) { " AND " } else { " " });
                }
                s.push_str(&wrap(x, 3, rng));
            }
            s
        }
        Q::Or(xs) => xs
            .iter()
            .map(|x| wrap(x, 2, rng))
            .collect::<Vec<_>>()
            .join(" OR "),
        Q::Not(a, b) => format!("{} NOT {}", wrap(a, 1, rng), wrap(b, 1, rng)),
        Q::Neg(x) => match &**x {
            Q::Term(t) if !t.starts_with('=') => format!("-{t}"),
            Q::Field(..) | Q::Cpc(_) | Q::Date { .. } => format!("-{}", show(x, rng)),
            _ => format!("-({})", show(x, rng)),
        },
        Q::Field(s, x) => match &**x {
            Q::Term(t) if !t.starts_with('=') => format!("{}:{t}", s.name()),
            _ => format!("{}:({})", s.name(), show(x, rng)),
        },
        Q::Cpc(c) => format!("cpc:{c}"),
        Q::Date { src, .. } => src.clone(),
        Q::Kind(k) => format!("kind:{k}"),
        Q::Pn(p) => format!("pn:{p}"),
    }
}

// ------------------------------------------------------------------------------------------
// Random queries
// ------------------------------------------------------------------------------------------

/// xorshift64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with `percent` % probability.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, s: &'a [T]) -> &'a T {
        &s[self.below(s.len())]
    }
}

/// Words that occur in the corpus (and a few variants and one absent word).
const VOCAB: &[&str] = &[
    "battery",
    "batteries",
    "anode",
    "cathode",
    "electrode",
    "electrodes",
    "separator",
    "membrane",
    "membranes",
    "lithium",
    "ion",
    "ions",
    "ionic",
    "cell",
    "cells",
    "cellular",
    "electrolyte",
    "polymer",
    "porous",
    "film",
    "graphene",
    "silicon",
    "sensor",
    "colour",
    "color",
    "rotor",
    "blade",
    "housing",
    "coating",
    "coated",
    "layer",
    "pack",
    "gel",
    "glass",
    "charger",
    "hub",
    "alloy",
    "particles",
    "collector",
    "current",
    "pouch",
    "stack",
    "stacked",
    "wound",
    "faces",
    "chains",
    "stable",
];
const TRUNCATED: &[&str] = &[
    "batter*",
    "electrod*",
    "separat*",
    "cell*",
    "ion*",
    "lith*",
    "membran*",
    "polym*",
    "coat*",
    "charg*",
    "anod?",
    "cell?",
    "colo?r",
    "cathod?",
    "rotor*",
    "b*y",
    "gr*ne",
];
const EXACT: &[&str] = &[
    "=cells",
    "=cell",
    "=battery",
    "=batteries",
    "=ions",
    "=electrode",
    "=membrane",
];
const HYPHENATED: &[&str] = &[
    "li-ion",
    "lithium-ion",
    "current-collector",
    "anode-cathode",
];
const STEMS: &[&str] = &["batteri", "electrod", "separ", "coat", "charg", "membran"];
const FIELD_SCOPES: &[Scope] = &[
    Scope::Ti,
    Scope::Ab,
    Scope::Cl,
    Scope::Icl,
    Scope::Desc,
    Scope::Txt,
];
const NON_TEXT: &[&str] = &[
    "cpc:H01M10",
    "cpc:H01M10/0525",
    "cpc:H01M4",
    "cpc:H01M",
    "cpc:H01M50",
    "cpc:A61B",
    "cpc:H",
    "cpc:Y02E",
    "pd:2015",
    "pd:2015-03",
    "pd:[2010 TO 2015]",
    "pd>=2019-01-01",
    "pd<2005",
    "pd>2015",
    "ad:2014",
    "ad<2010",
    "kind:B1",
];

struct QueryGen<'a> {
    rng: Rng,
    docs: &'a [PDoc],
}

impl<'a> QueryGen<'a> {
    fn term(&mut self) -> Q {
        let r = self.rng.below(100);
        let t = if r < 38 {
            self.rng.pick(VOCAB).to_string()
        } else if r < 42 {
            let w = self.rng.pick(VOCAB);
            if self.rng.chance(50) {
                w.to_uppercase()
            } else {
                let mut c = w.chars();
                let first = c.next().unwrap().to_uppercase().to_string();
                first + c.as_str()
            }
        } else if r < 54 {
            self.rng.pick(TRUNCATED).to_string()
        } else if r < 60 {
            self.rng.pick(EXACT).to_string()
        } else if r < 66 {
            self.rng.pick(HYPHENATED).to_string()
        } else if r < 70 {
            self.rng.pick(STEMS).to_string()
        } else if r < 72 {
            "xylophone".to_string()
        } else {
            self.corpus_phrase()
        };
        Q::Term(t)
    }

    /// Two or three consecutive tokens of some paragraph, sometimes with the last one
    /// truncated, sometimes exact.
    fn corpus_phrase(&mut self) -> String {
        loop {
            let d = self.rng.pick(self.docs);
            let p = self.rng.pick(&d.paras);
            let len = if self.rng.chance(70) { 2 } else { 3 };
            if p.toks.len() < len {
                continue;
            }
            let start = self.rng.below(p.toks.len() - len + 1);
            let mut words: Vec<String> = p.toks[start..start + len].to_vec();
            if self.rng.chance(15) {
                return format!("=\"{}\"", words.join(" "));
            }
            if self.rng.chance(20) {
                let last = words.last_mut().unwrap();
                if last.chars().count() >= 4 {
                    *last = last.chars().take(3).collect::<String>() + "*";
                }
            }
            return format!("\"{}\"", words.join(" "));
        }
    }

    /// A paragraph; a third of the time one with several sentences (most have one).
    fn corpus_para(&mut self) -> &'a Para {
        let multi: Vec<&'a Para> = self
            .docs
            .iter()
            .flat_map(|d| &d.paras)
            .filter(|p| p.sent.last().is_some_and(|&s| s > 0))
            .collect();
        if self.rng.chance(33) {
            self.rng.pick::<&'a Para>(&multi)
        } else {
            let d: &'a PDoc = self.rng.pick(self.docs);
            self.rng.pick(&d.paras)
        }
    }

    /// `n` one below, at or one above `dist` (at least 1).
    fn around(&mut self, dist: usize) -> u32 {
        (dist + self.rng.below(3)).saturating_sub(1).max(1) as u32
    }

    fn any_op(&mut self, n: u32) -> Op {
        match self.rng.below(10) {
            0..=3 => Op::Adj(n),
            4..=6 => Op::Near(n),
            7 | 8 => Op::With,
            _ => Op::Same,
        }
    }

    /// Proximity over words taken from one paragraph of the corpus, with `n` just below, at or
    /// just above their distance, so that random queries hit the edges of ADJ/NEAR, sentences,
    /// spans of nested operators and overlapping operands.
    fn corpus_prox(&mut self) -> Q {
        const OPERATOR_WORDS: &[&str] = &["and", "or", "not", "with", "same", "near", "adj", "to"];
        loop {
            let p = self.corpus_para();
            let len = p.toks.len();
            let (i, j, k) = (
                self.rng.below(len),
                self.rng.below(len),
                self.rng.below(len),
            );
            if [i, j, k]
                .iter()
                .any(|&x| OPERATOR_WORDS.contains(&p.toks[x].as_str()))
            {
                continue;
            }
            let r = self.rng.below(100);
            if r < 8 {
                // The same word on both sides: one occurrence must not match itself.
                let n = 1 + self.rng.below(3) as u32;
                let op = self.any_op(n);
                let (a, b) = (
                    self.variant(&p.toks[i], true),
                    self.variant(&p.toks[i], true),
                );
                return Q::Prox(Box::new(Q::Term(a)), op, Box::new(Q::Term(b)));
            }
            let dist = i.abs_diff(j);
            if dist == 0 || dist > 7 {
                continue;
            }
            if r < 48 {
                // Nested: (i OP j) OP k, with k outside the inner span.
                let (lo, hi) = (i.min(j), i.max(j));
                let d2 = if k > hi {
                    k - hi
                } else if k < lo {
                    lo - k
                } else {
                    continue;
                };
                if d2 > 7 {
                    continue;
                }
                let n_in = (dist + self.rng.below(2)) as u32;
                let inner_op = if i < j && self.rng.chance(50) {
                    Op::Adj(n_in)
                } else {
                    Op::Near(n_in)
                };
                let (a, b) = (
                    self.variant(&p.toks[i], true),
                    self.variant(&p.toks[j], true),
                );
                let inner = Q::Prox(Box::new(Q::Term(a)), inner_op, Box::new(Q::Term(b)));
                let n = self.around(d2);
                let op = self.any_op(n);
                let third = Q::Term(self.variant(&p.toks[k], true));
                return if (k > hi) != self.rng.chance(20) {
                    Q::Prox(Box::new(inner), op, Box::new(third))
                } else {
                    Q::Prox(Box::new(third), op, Box::new(inner))
                };
            }
            // Two operands; the left one sometimes a two-word phrase.
            let k = if self.rng.chance(20) && i + 1 < len && j != i + 1 {
                2
            } else {
                1
            };
            let (first, last) = (i, i + k - 1);
            if OPERATOR_WORDS.contains(&p.toks[last].as_str()) {
                continue;
            }
            let dist = if j > last { j - last } else { first - j };
            let a = if k == 1 {
                self.variant(&p.toks[i], true)
            } else {
                format!(
                    "\"{} {}\"",
                    p.toks[first],
                    self.variant(&p.toks[last], false)
                )
            };
            let b = self.variant(&p.toks[j], true);
            let n = self.around(dist);
            let op = self.any_op(n);
            let (a, b) = (Q::Term(a), Q::Term(b));
            return if self.rng.chance(25) {
                Q::Prox(Box::new(b), op, Box::new(a))
            } else {
                Q::Prox(Box::new(a), op, Box::new(b))
            };
        }
    }
    /// A corpus token as a query word: itself, truncated, or (if allowed) exact.
    fn variant(&mut self, tok: &str, allow_exact: bool) -> String {
        let chars: Vec<char> = tok.chars().collect();
        match self.rng.below(10) {
            0 if chars.len() >= 4 => {
                let keep = 3 + self.rng.below(chars.len() - 2);
                chars[..keep.min(chars.len())].iter().collect::<String>() + "*"
            }
            1 if allow_exact => format!("={tok}"),
            _ => tok.to_string(),
        }
    }

    fn prox(&mut self, depth: u32) -> Q {
        if self.rng.chance(45) {
            return self.corpus_prox();
        }
        let r = self.rng.below(100);
        let n = 1 + self.rng.below(6) as u32;
        let op = if r < 30 {
            Op::Adj(n)
        } else if r < 65 {
            Op::Near(n)
        } else if r < 82 {
            Op::With
        } else {
            Op::Same
        };
        let a = self.operand(depth.saturating_sub(1));
        let b = self.operand(depth.saturating_sub(1));
        Q::Prox(Box::new(a), op, Box::new(b))
    }

    fn operand(&mut self, depth: u32) -> Q {
        let r = self.rng.below(100);
        if r < 60 || (depth == 0 && r < 80) {
            self.term()
        } else if r < 80 {
            let b = if depth > 0 && self.rng.chance(30) {
                self.prox(depth - 1)
            } else {
                self.term()
            };
            Q::Or(vec![self.term(), b])
        } else if depth > 0 {
            self.prox(depth - 1)
        } else {
            Q::Or(vec![self.term(), self.term()])
        }
    }

    /// Text-only boolean group (the inside of `ti:( ... )`).
    fn text_group(&mut self, depth: u32) -> Q {
        let r = self.rng.below(100);
        if depth == 0 || r < 35 {
            self.term()
        } else if r < 60 {
            self.prox(1)
        } else if r < 75 {
            Q::And(vec![self.text_group(depth - 1), self.text_group(depth - 1)])
        } else if r < 88 {
            Q::Or(vec![self.text_group(depth - 1), self.text_group(depth - 1)])
        } else if r < 94 {
            Q::And(vec![
                self.text_group(depth - 1),
                Q::Neg(Box::new(self.text_group(depth - 1))),
            ])
        } else {
            Q::Not(
                Box::new(self.text_group(depth - 1)),
                Box::new(self.text_group(depth - 1)),
            )
        }
    }

    fn expr(&mut self, depth: u32) -> Q {
        let r = self.rng.below(100);
        if depth == 0 || r < 22 {
            let r = self.rng.below(100);
            if r < 65 {
                self.term()
            } else if r < 88 {
                let s = *self.rng.pick(FIELD_SCOPES);
                Q::Field(s, Box::new(self.term()))
            } else {
                parse(self.rng.pick::<&str>(NON_TEXT))
            }
        } else if r < 47 {
            let p = self.prox(2);
            if self.rng.chance(35) {
                Q::Field(*self.rng.pick(FIELD_SCOPES), Box::new(p))
            } else {
                p
            }
        } else if r < 62 {
            let n = 2 + self.rng.below(2);
            Q::And((0..n).map(|_| self.expr(depth - 1)).collect())
        } else if r < 74 {
            Q::Or(vec![self.expr(depth - 1), self.expr(depth - 1)])
        } else if r < 81 {
            Q::Not(
                Box::new(self.expr(depth - 1)),
                Box::new(self.expr(depth - 1)),
            )
        } else if r < 88 {
            Q::And(vec![
                self.expr(depth - 1),
                Q::Neg(Box::new(self.expr(depth - 1))),
            ])
        } else {
            Q::Field(*self.rng.pick(FIELD_SCOPES), Box::new(self.text_group(2)))
        }
    }

    fn query(&mut self) -> Q {
        if self.rng.chance(3) {
            Q::Neg(Box::new(self.expr(1)))
        } else {
            let depth = 1 + self.rng.below(3) as u32;
            self.expr(depth)
        }
    }
}

// ------------------------------------------------------------------------------------------
// Running the binary
// ------------------------------------------------------------------------------------------

fn search(index: &str, q: &str) -> Output {
    patdex(&[
        "--index", index, "search", "--all", "--format", "jsonl", "--", q,
    ])
}

fn explain(index: &str, q: &str) -> Output {
    patdex(&["--index", index, "explain", "--", q])
}

/// The documents (by `n`) a search printed; checks the exit status agrees with the count.
fn hit_set(q: &str, o: &Output) -> Result<BTreeSet<u32>, String> {
    let code = o.status.code();
    if code != Some(0) && code != Some(1) {
        return Err(format!(
            "`{q}`: exit status {:?}, stderr: {}",
            o.status,
            stderr(o)
        ));
    }
    let by_number: HashMap<String, u32> = DOCS.iter().map(|d| (doc_number(d), d.n)).collect();
    let mut set = BTreeSet::new();
    for line in stdout(o).lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| format!("`{q}`: bad JSONL line {line:?}: {e}"))?;
        let number = v["number"]
            .as_str()
            .ok_or_else(|| format!("`{q}`: no \"number\" in {line}"))?;
        let n = by_number
            .get(number)
            .ok_or_else(|| format!("`{q}`: unknown number {number}"))?;
        if !set.insert(*n) {
            return Err(format!("`{q}`: {number} listed twice"));
        }
    }
    let want = if set.is_empty() { Some(1) } else { Some(0) };
    if code != want {
        return Err(format!(
            "`{q}`: {} hits but exit status {code:?} (stderr: {})",
            set.len(),
            stderr(o)
        ));
    }
    Ok(set)
}

fn fmt_set(s: &BTreeSet<u32>) -> String {
    let v: Vec<String> = s.iter().map(|n| n.to_string()).collect();
    format!("{{{}}}", v.join(","))
}

/// Runs `f` over `items` on a few threads, keeping the order.
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(2, 8);
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| s.spawn(|| c.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}

// ------------------------------------------------------------------------------------------
// The table
// ------------------------------------------------------------------------------------------

/// As the first element of a hand-written set: every document except the ones listed after it.
const ALL_BUT: u32 = 0;

/// (query, expected set written by hand or `None` to rely on the matcher alone). Every entry is
/// also evaluated by the matcher; a hand-written set must agree with it.
const TABLE: &[(&str, Option<&[u32]>)] = &[
    // ADJ/n and NEAR/n at n and n + 1, both orders.
    ("anode ADJ cathode", Some(&[1])),
    ("anode ADJ/1 cathode", Some(&[1])),
    ("anode ADJ/2 cathode", Some(&[1, 2])),
    ("anode ADJ/3 cathode", Some(&[1, 2, 3, 27])),
    ("anode ADJ/4 cathode", Some(&[1, 2, 3, 27, 34])),
    ("anode ADJ/5 cathode", Some(&[1, 2, 3, 4, 27, 34])),
    ("cathode ADJ anode", Some(&[5])),
    ("cathode ADJ/5 anode", Some(&[5])),
    ("cathode ADJ/6 anode", Some(&[5, 6])),
    ("anode NEAR/2 cathode", Some(&[1, 2, 5])),
    ("cathode NEAR/2 anode", Some(&[1, 2, 5])),
    ("anode NEAR/3 cathode", Some(&[1, 2, 3, 5, 27])),
    ("anode NEAR/5 cathode", Some(&[1, 2, 3, 4, 5, 27, 34])),
    ("anode NEAR/6 cathode", Some(&[1, 2, 3, 4, 5, 6, 27, 34])),
    ("anode AND cathode", Some(&[1, 2, 3, 4, 5, 6, 27, 34])),
    ("ab:(anode ADJ/2 cathode)", Some(&[1, 2])),
    ("cl:(anode ADJ/2 cathode)", Some(&[1])),
    ("cl:(anode ADJ/3 cathode)", Some(&[1, 2, 3])),
    ("cl:(cathode ADJ anode)", Some(&[5])),
    ("ab:(cathode ADJ anode)", Some(&[])),
    // A claim with nested claim-text elements is one paragraph.
    ("cl:(pouch NEAR/2 anode)", Some(&[1])),
    ("battery NEAR/3 battery", Some(&[35])),
    ("battery NEAR/2 battery", Some(&[])),
    ("battery WITH battery", Some(&[35])),
    // One token never serves both operands, also when it sits inside a phrase or nested span.
    ("ion NEAR/2 \"lithium ion\"", Some(&[])),
    ("ion NEAR/2 (lithium ADJ ion)", Some(&[])),
    ("battery WITH \"lithium ion battery\"", Some(&[])),
    ("separator SAME (separator ADJ arrangement)", Some(&[])),
    ("separator SAME (porous ADJ separator)", Some(&[])),
    ("lithium SAME (lithium ADJ ion)", Some(&[])),
    // Sentences and paragraphs.
    ("electrolyte WITH polymer", Some(&[8, 10, 11])),
    ("polymer WITH electrolyte", Some(&[8, 10, 11])),
    ("electrolyte SAME polymer", Some(&[7, 8, 10, 11, 12])),
    ("electrolyte AND polymer", Some(&[7, 8, 9, 10, 11, 12])),
    ("desc:(electrolyte SAME polymer)", Some(&[7])),
    ("electrolyte NEAR/3 polymer", Some(&[8, 12])),
    ("electrolyte NEAR/5 polymer", Some(&[7, 8, 10, 11, 12])),
    ("separator SAME membrane", Some(&[15])),
    ("separator AND membrane", Some(&[6, 15, 27])),
    ("cl:(separator membrane)", Some(&[6, 15])),
    ("cl:(separator SAME membrane)", Some(&[15])),
    // Phrases never cross a paragraph, claim or field.
    ("\"lithium ion\"", Some(&[14, 15, 16, 27, 28, 29])),
    ("lithium ADJ ion", Some(&[14, 15, 16, 27, 28, 29])),
    ("lithium SAME ion", Some(&[14, 15, 16, 27, 28, 29])),
    ("lithium AND ion", Some(&[13, 14, 15, 16, 27, 28, 29])),
    ("\"lithium ion*\"", Some(&[14, 15, 16, 17, 27, 28, 29])),
    ("=\"lithium ions\"", Some(&[16])),
    ("=\"lithium ion\"", Some(&[14, 15, 27, 28, 29])),
    ("li-ion", Some(&[15, 27])),
    ("\"li ion\"", Some(&[15, 27])),
    ("cl:li-ion", Some(&[15])),
    ("\"made of lithium ion\"", Some(&[])),
    ("\"lithium ion exchange\"", Some(&[])),
    // OR-groups on both sides, nested proximity.
    (
        "((lithium ADJ ion) OR li-ion) NEAR/10 (separator* OR membrane)",
        Some(&[14, 15, 16, 27, 29]),
    ),
    (
        "((lithium ADJ ion) OR li-ion) NEAR/11 (separator* OR membrane)",
        Some(&[14, 15, 16, 27, 28, 29]),
    ),
    ("(lithium ADJ ion) ADJ/10 separator", Some(&[14, 27, 29])),
    ("separator NEAR/4 (lithium ADJ ion)", Some(&[14, 27])),
    ("(anode OR cathode) ADJ (cathode OR anode)", Some(&[1, 5])),
    ("(membrane* OR separator) NEAR/3 (li-ion OR lithium)", None),
    ("(\"lithium ion\" OR li-ion) WITH (cell OR pack)", None),
    ("(anode ADJ cathode) NEAR/2 pouch", None),
    ("(electrolyte NEAR/3 polymer) SAME stable", None),
    // Stems, exact words, truncation.
    ("battery", Some(&[1, 2, 6, 14, 16, 18, 35])),
    ("batteries", Some(&[1, 2, 6, 14, 16, 18, 35])),
    ("BATTERY", Some(&[1, 2, 6, 14, 16, 18, 35])),
    ("=batteries", Some(&[14, 18])),
    ("=battery", Some(&[1, 2, 6, 14, 16, 35])),
    ("batter*", Some(&[1, 2, 6, 14, 16, 18, 22, 35])),
    ("cell", Some(&[1, 7, 13, 15, 18, 27, 28, 34])),
    ("cell*", Some(&[1, 7, 13, 15, 18, 19, 27, 28, 34])),
    ("=cell", Some(&[7, 15, 27, 34])),
    ("cell?", Some(&[1, 13, 18, 28])),
    ("cellular", Some(&[19])),
    ("colo?r", Some(&[19, 21])),
    ("color", Some(&[20])),
    ("electrode", Some(&[3, 4, 33])),
    ("electrod* WITH porous", Some(&[33])),
    ("separat* NEAR/3 layer", None),
    ("separator", None),
    ("\"porous separ*\"", None),
    ("anod? NEAR/2 cathod?", None),
    // Fields, independent claims.
    ("graphene", Some(&[23, 24])),
    ("ab:graphene", Some(&[23])),
    ("cl:graphene", Some(&[24])),
    ("ti:graphene", Some(&[])),
    ("silicon", Some(&[25, 26])),
    ("cl:silicon", Some(&[25, 26])),
    ("icl:silicon", Some(&[26])),
    ("ti:silicon", Some(&[26])),
    // Light stemming folds plurals only: `coated` is not `coating`, `coatings` is.
    ("cl:(anode coated)", Some(&[26])),
    ("icl:(anode coated)", Some(&[])),
    ("cl:(anode coatings)", Some(&[13, 24])),
    ("icl:(anode coatings)", Some(&[24])),
    ("cl:(anode =coated)", Some(&[26])),
    ("icl:(anode =coated)", Some(&[])),
    ("ti:(battery lithium)", Some(&[6, 14])),
    ("ti:battery ab:lithium", Some(&[14, 16])),
    ("txt:(battery lithium)", None),
    ("desc:rotor", Some(&[30])),
    ("icl:(blade ADJ/2 hub)", None),
    // Boolean and precedence.
    ("blade NOT cpc:F03D", Some(&[32])),
    ("blade -catheter", Some(&[30])),
    ("-battery", None),
    ("anode OR graphene", None),
    ("(anode OR cathode) NOT electrode", None),
    ("anode cathode NEAR/2 battery", None),
    ("separator OR membrane NOT lithium", None),
    ("lithium ion NEAR/3 separator OR membrane", None),
    ("electrolyte NEAR/5 polymer WITH chains", None),
    ("gel SAME electrolyte WITH polymer", None),
    ("battery AND cpc:H01M10 -pd:2015", Some(&[14, 16])),
    // CPC hierarchy.
    ("cpc:H01M10/0525", Some(&[1, 14, 15, 16, 27])),
    ("cpc:H01M10/05", Some(&[2])),
    ("cpc:H01M10/052", Some(&[3])),
    (
        "cpc:H01M10",
        Some(&[1, 2, 3, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 27, 34]),
    ),
    ("cpc:H01M1", Some(&[])),
    ("cpc:H01M2", Some(&[5])),
    ("cpc:H01M50", Some(&[6, 27, 28, 29])),
    ("cpc:H01M4/13", Some(&[1])),
    ("cpc:H01M4", Some(&[1, 4, 13, 23, 24, 25, 26, 33])),
    (
        "cpc:H01M",
        Some(&[
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 23, 24, 25, 26, 27, 28, 29,
            33, 34,
        ]),
    ),
    (
        "cpc:H01",
        Some(&[
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 23, 24, 25, 26, 27, 28,
            29, 33, 34,
        ]),
    ),
    ("cpc:H", Some(&[ALL_BUT, 20, 21, 22, 30, 31, 32])),
    ("cpc:A61B1", Some(&[31])),
    ("cpc:A61B17", Some(&[32])),
    ("cpc:A61B", Some(&[31, 32])),
    ("cpc:A", Some(&[22, 31, 32])),
    ("cpc:Y02E", Some(&[5, 14])),
    ("cpc:Y", Some(&[5, 14])),
    ("cpc:G01J3/46", Some(&[20])),
    ("cpc:H01M2220/20", Some(&[6])),
    // Dates on the edges.
    ("pd:2015", Some(&[1, 2, 4, 5, 6, 8, 17, 18, 33])),
    ("pd:2015-03", Some(&[1, 4, 5, 17, 18])),
    ("pd:2015-03-17", Some(&[1])),
    (
        "pd:[2010 TO 2015]",
        Some(&[1, 2, 3, 4, 5, 6, 8, 9, 17, 18, 19, 20, 21, 22, 33]),
    ),
    (
        "pd>=2019-01-01",
        Some(&[11, 23, 24, 25, 26, 27, 28, 29, 35]),
    ),
    ("pd<2005", Some(&[13])),
    (
        "pd>2015",
        Some(&[7, 11, 12, 15, 16, 23, 24, 25, 26, 27, 28, 29, 34, 35]),
    ),
    ("pd<2015-03-17", None),
    ("pd>2015-03-17", None),
    ("ad:2014", Some(&[4, 5, 6, 8, 17, 18, 33])),
    ("ad<2010", Some(&[9, 10, 13, 14, 30, 31, 32])),
    ("ad:[2008 TO 2009]", Some(&[9, 10])),
    ("ad:2016-02-29", Some(&[16])),
    ("battery pd:2015", Some(&[1, 2, 6, 18])),
    // Numbers and kinds.
    ("pn:US1000001", Some(&[1])),
    ("pn:1000001", Some(&[1])),
    ("pn:\"US 1,000,001 B2\"", Some(&[1])),
    ("pn:US1000001B2", Some(&[1])),
    ("pn:US1000001B1", Some(&[])),
    ("pn:US01000010", Some(&[10])),
    ("pn:US1000003B1", Some(&[3])),
    ("kind:B1", Some(&[3, 6, 9, 16, 21, 26, 32])),
    ("kind:B1 battery", Some(&[6, 16])),
];

/// Bare publication numbers as the whole query (outside the test parser's grammar).
const NUMBER_QUERIES: &[(&str, &[u32])] = &[
    ("US1000001B2", &[1]),
    ("US 1,000,001 B2", &[1]),
    ("US1000035B2", &[35]),
];

fn hand_set(spec: &[u32]) -> BTreeSet<u32> {
    if spec.first() == Some(&ALL_BUT) {
        let except: BTreeSet<u32> = spec[1..].iter().copied().collect();
        DOCS.iter()
            .map(|d| d.n)
            .filter(|n| !except.contains(n))
            .collect()
    } else {
        spec.iter().copied().collect()
    }
}

/// The matcher against the hand-written sets (no binary involved): if this fails, the test's
/// own reading of the spec or its corpus arithmetic is wrong.
#[test]
fn matcher_agrees_with_hand_written_expectations() {
    let docs = corpus();
    let mut wrong = Vec::new();
    let mut hand = 0;
    for (q, want) in TABLE {
        let got = expected(&parse(q), &docs)
            .unwrap_or_else(|| panic!("`{q}` depends on a reading the spec leaves open"));
        if let Some(want) = want {
            hand += 1;
            let want = hand_set(want);
            if got != want {
                wrong.push(format!(
                    "`{q}`: matcher {} hand {}",
                    fmt_set(&got),
                    fmt_set(&want)
                ));
            }
        }
    }
    assert!(hand >= 100, "only {hand} hand-written sets");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    // A few facts about the matcher's building blocks.
    assert_eq!(stem("batteries"), stem("battery"));
    assert_ne!(stem("cellular"), stem("cell"));
    assert!(glob(
        &['c', 'o', 'l', 'o', '?', 'r'],
        &"colour".chars().collect::<Vec<_>>()
    ));
    assert!(!glob(
        &['c', 'o', 'l', 'o', '?', 'r'],
        &"color".chars().collect::<Vec<_>>()
    ));
    let p = para(
        Part::Abstract,
        false,
        "The electrolyte is of type A. Polymer chains. Cross it? Yes! no. Fig. 3 Shows",
    );
    assert_eq!(p.sent, vec![0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2]);
}

/// Each test document as patdex read it (`show --json`) must hold the texts, claim kinds,
/// classes and dates the matcher works on, so that a wrong hit below is about querying.
fn check_documents_as_indexed(index: &str) {
    let problems = par_map(DOCS, |d| {
        let number = doc_number(d);
        let o = patdex(&["--index", index, "show", "--json", &number]);
        if !o.status.success() {
            return Some(format!("show {number}: {}", stderr(&o)));
        }
        let v: serde_json::Value = match serde_json::from_slice(&o.stdout) {
            Ok(v) => v,
            Err(e) => return Some(format!("show {number}: {e}")),
        };
        let text = |v: &serde_json::Value| common::norm(v.as_str().unwrap_or("<missing>"));
        let mut want = vec![
            format!("title {}", d.title),
            format!("abstract {}", d.abstract_),
            format!("published {}", d.pd),
            format!("filed {}", d.ad),
            format!("cpc {}", d.cpc.join(" ")),
        ];
        for (t, dep) in d.claims {
            let t = t
                .replace('\n', " ")
                .replace("{ref}", &format!("claim {dep}"));
            want.push(format!(
                "claim dependent={} {}",
                *dep != 0,
                common::norm(&t)
            ));
        }
        for b in d.desc {
            want.push(format!("desc {}", b.strip_prefix("# ").unwrap_or(b)));
        }
        let mut got = vec![
            format!("title {}", text(&v["title"])),
            format!("abstract {}", text(&v["abstract"])),
            format!("published {}", text(&v["pub_date"])),
            format!("filed {}", text(&v["application"]["filing_date"])),
            format!(
                "cpc {}",
                v["cpc"]
                    .as_array()
                    .map(|a| a.iter().map(|c| text(&c["symbol"])).collect::<Vec<_>>())
                    .unwrap_or_default()
                    .join(" ")
            ),
        ];
        for c in v["claims"].as_array().into_iter().flatten() {
            got.push(format!(
                "claim dependent={} {}",
                c["dependent"].as_bool().unwrap_or(false),
                text(&c["text"])
            ));
        }
        for b in v["description"].as_array().into_iter().flatten() {
            got.push(format!("desc {}", text(&b["text"])));
        }
        (got != want).then(|| format!("{number}: indexed {got:#?}\nwritten {want:#?}"))
    });
    let problems: Vec<String> = problems.into_iter().flatten().collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn table_queries_match_the_brute_force_matcher() {
    let (_tmp, index) = build_index();
    check_documents_as_indexed(&index);
    let docs = corpus();
    let mut cases: Vec<(String, BTreeSet<u32>)> = TABLE
        .iter()
        .map(|(q, _)| (q.to_string(), expected(&parse(q), &docs).unwrap()))
        .collect();
    cases.extend(
        NUMBER_QUERIES
            .iter()
            .map(|(q, want)| (q.to_string(), want.iter().copied().collect())),
    );
    let results = par_map(&cases, |(q, want)| {
        let o = search(&index, q);
        match hit_set(q, &o) {
            Ok(got) if &got == want => None,
            Ok(got) => Some(format!(
                "`{q}`: patdex {} expected {}",
                fmt_set(&got),
                fmt_set(want)
            )),
            Err(e) => Some(e),
        }
    });
    let failures: Vec<String> = results.into_iter().flatten().collect();
    assert!(
        failures.is_empty(),
        "{} of {} queries wrong:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn random_queries_match_the_brute_force_matcher() {
    const N: usize = 300;
    let seed: u64 = std::env::var("PATDEX_QL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15);
    let docs = corpus();
    let mut g = QueryGen {
        rng: Rng(seed),
        docs: &docs,
    };
    let mut cases: Vec<(String, BTreeSet<u32>)> = Vec::new();
    let mut open = 0;
    while cases.len() < N {
        let q = g.query();
        let Some(want) = expected(&q, &docs) else {
            open += 1;
            continue;
        };
        let text = show(&q, &mut g.rng);
        // The printed text must read back as the same query.
        let again = expected(&parse(&text), &docs);
        assert_eq!(
            again.as_ref(),
            Some(&want),
            "test bug: `{text}` prints {q:?} wrongly"
        );
        cases.push((text, want));
    }
    let with_hits = cases.iter().filter(|(_, w)| !w.is_empty()).count();
    let all = cases.iter().filter(|(_, w)| w.len() == DOCS.len()).count();
    assert!(
        with_hits >= N / 3 && N - with_hits >= N / 10 && all < N / 4,
        "generator too lopsided: {with_hits} with hits, {all} matching everything"
    );

    let (_tmp, index) = build_index();
    let start = Instant::now();
    let results = par_map(&cases, |(q, want)| {
        let o = search(&index, q);
        match hit_set(q, &o) {
            Ok(got) if &got == want => None,
            Ok(got) => Some(format!(
                "`{q}`\n    patdex   {}\n    expected {}",
                fmt_set(&got),
                fmt_set(want)
            )),
            Err(e) => Some(e),
        }
    });
    let failures: Vec<String> = results.into_iter().flatten().collect();
    eprintln!(
        "{N} random queries ({with_hits} with hits, {open} skipped as ambiguous) in {:.1?}",
        start.elapsed()
    );
    assert!(
        failures.is_empty(),
        "seed {seed} (PATDEX_QL_SEED={seed} to rerun): {} of {N} random queries wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ------------------------------------------------------------------------------------------
// Bad queries, junk, explain
// ------------------------------------------------------------------------------------------

/// Checks the error layout and returns the caret columns (first, last) relative to the query.
fn bad_query_carets(q: &str, o: &Output) -> Result<(usize, usize), String> {
    let err = stderr(o);
    if o.status.code() != Some(2) {
        return Err(format!(
            "`{q}`: exit status {:?}, stdout {} stderr {err}",
            o.status,
            stdout(o)
        ));
    }
    let lines: Vec<&str> = err.lines().collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let Some(i) = first.filter(|&i| lines[i].contains("bad query:")) else {
        return Err(format!(
            "`{q}`: stderr does not start with `bad query:`: {err}"
        ));
    };
    let shown: String = q
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let query_line = lines.get(i + 1).copied().unwrap_or("");
    let Some(at) = query_line.find(&shown) else {
        return Err(format!(
            "`{q}`: the query is not on the line after `bad query:`: {err}"
        ));
    };
    let offset = query_line[..at].chars().count();
    let carets: Vec<usize> = lines
        .get(i + 2)
        .copied()
        .unwrap_or("")
        .chars()
        .enumerate()
        .filter(|(_, c)| *c == '^')
        .map(|(k, _)| k)
        .collect();
    let (Some(&lo), Some(&hi)) = (carets.first(), carets.last()) else {
        return Err(format!("`{q}`: no caret line under the query: {err}"));
    };
    if lo < offset {
        return Err(format!("`{q}`: caret left of the query: {err}"));
    }
    if !lines[i + 3..]
        .iter()
        .any(|l| l.trim_start().starts_with("hint:"))
    {
        return Err(format!("`{q}`: no `hint:` line: {err}"));
    }
    Ok((lo - offset, hi - offset))
}

#[test]
fn bad_queries_point_at_the_problem() {
    let (_tmp, index) = build_index();
    // (query, first caret column (range), last caret column at most)
    let cases: &[(&str, (usize, usize), usize)] = &[
        ("tit:rotor AND blade", (0, 0), 3),
        ("ti:battery AND xyz:anode", (15, 15), 18),
        // Under the operator that lacks its right side.
        ("battery AND", (8, 8), 10),
        ("(battery OR anode", (0, 0), 0),
        ("anode AND (battery OR cathode", (10, 10), 10),
        ("battery OR anode)", (16, 16), 16),
        ("battery NEAR/0 anode", (8, 8), 13),
        ("battery ADJ/0 anode", (8, 8), 12),
        // Under the date (the whole value, or the part of it that is wrong).
        ("battery pd:2015-13-45", (11, 20), 20),
        ("pd:2015-02-30", (3, 12), 12),
        ("cpc:Z99 battery", (4, 4), 6),
    ];
    let mut failures = Vec::new();
    for &(q, (lo_min, lo_max), hi_max) in cases {
        match bad_query_carets(q, &search(&index, q)) {
            Ok((a, b)) if (lo_min..=lo_max).contains(&a) && b <= hi_max => {}
            Ok((a, b)) => failures.push(format!(
                "`{q}`: carets at {a}..={b}, expected from {lo_min}..={lo_max} to at most {hi_max}"
            )),
            Err(e) => failures.push(e),
        }
    }
    // Errors without a pinned caret position.
    for q in [
        "\"lithium ion",
        "NEAR/3 anode",
        "battery OR",
        "battery NEAR/3",
        "()",
        "ti:",
        "battery AND AND anode",
        "pd:[2015 TO]",
        "pd>=2019-02-30",
        "battery NEAR/3 (anode AND cathode)",
    ] {
        if let Err(e) = bad_query_carets(q, &search(&index, q)) {
            failures.push(e);
        }
    }
    // `explain` reports the same error.
    for &(q, (lo, _), _) in &cases[..3] {
        match bad_query_carets(q, &explain(&index, q)) {
            Ok((a, _)) if a == lo => {}
            Ok((a, _)) => failures.push(format!("explain `{q}`: caret at {a}, expected {lo}")),
            Err(e) => failures.push(format!("explain {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn junk_queries_never_crash() {
    let (_tmp, index) = build_index();
    const FRAGMENTS: &[&str] = &[
        "battery",
        "anode",
        "(",
        ")",
        "\"",
        "*",
        "?",
        "=",
        "-",
        ":",
        "ti:",
        "cl:",
        "cpc:",
        "pd:",
        "pn:",
        "[",
        "]",
        " TO ",
        "NEAR/",
        "ADJ/",
        "NEAR/3",
        "ADJ",
        "WITH",
        "SAME",
        "AND",
        "OR",
        "NOT",
        " ",
        " ",
        " ",
        "/",
        "0",
        "3",
        "99",
        "<",
        ">=",
        "é",
        "中",
        "\\",
        "\t",
        "'",
        ",",
        ".",
        "!",
        "^",
        "~",
        "{",
        "}",
        "&",
        "|",
        "+",
        "$",
        "US",
        "H01M10/",
        "2015-",
        "li-",
        "18446744073709551616",
    ];
    let mut queries: Vec<String> = [
        "",
        " ",
        "()",
        "\"\"",
        "=\"\"",
        "*",
        "?",
        "-",
        "=",
        "NOT",
        "a NOT",
        "ti:",
        "pd:",
        "cpc:",
        "pn:",
        "kind:",
        "NEAR/99999999999999999999 battery",
        "battery ADJ/4294967296 anode",
        "battery NEAR/4294967295 anode",
        "pd:[2015 TO 2010]",
        "pd:99999",
        "pd:0000-00-00",
        "cpc:H01M99999999999999999999",
        "pn:US99999999999999999999B2",
        "****",
        "=*",
        "\"* *\"",
        "(((battery)))",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    queries.push(format!("{}battery{}", "(".repeat(1000), ")".repeat(1000)));
    queries.push(format!("{}battery", "-".repeat(1000)));
    queries.push(vec!["battery"; 2000].join(" OR "));
    queries.push(vec!["battery NEAR/2"; 300].join(" ") + " anode");
    let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
    for _ in 0..170 {
        let n = 1 + rng.below(9);
        queries.push((0..n).map(|_| *rng.pick(FRAGMENTS)).collect());
    }
    let results = par_map(&queries, |q| {
        let o = search(&index, q);
        let err = stderr(&o);
        match o.status.code() {
            Some(0 | 1) if !err.contains("panicked") => None,
            Some(2) if err.contains("bad query") && !err.contains("panicked") => None,
            _ => Some(format!(
                "{q:?}: status {:?}, stderr {}",
                o.status,
                err.chars().take(500).collect::<String>()
            )),
        }
    });
    let failures: Vec<String> = results.into_iter().flatten().collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn explain_counts_what_search_finds() {
    let (_tmp, index) = build_index();
    let cases: &[(&str, &[&str])] = &[
        ("battery NEAR/5 anode", &["NEAR/5", "batter", "anod"]),
        (
            "((lithium ADJ ion) OR li-ion) NEAR/10 (separator* OR membrane)",
            &["NEAR/10", "ADJ", "lithium", "separator*", "membran"],
        ),
        (
            "electrolyte WITH polymer",
            &["WITH", "electrolyt", "polymer"],
        ),
        (
            "cl:(separator SAME membrane)",
            &["SAME", "separ", "membran"],
        ),
        (
            "battery AND cpc:H01M10 -pd:2015",
            &["batter", "H01M10", "2015"],
        ),
        ("anode OR graphene", &["anod", "graphen"]),
        ("blade NOT catheter", &["blade", "catheter"]),
        ("xylophone NEAR/2 battery", &["NEAR/2", "xylophon"]),
    ];
    let mut failures = Vec::new();
    for &(q, mentions) in cases {
        let o = explain(&index, q);
        let out = stdout(&o);
        if o.status.code() != Some(0) {
            failures.push(format!(
                "explain `{q}`: status {:?}, stderr {}",
                o.status,
                stderr(&o)
            ));
            continue;
        }
        // The tree: the leading lines that end with a count (notes may follow).
        let counts: Vec<usize> = out
            .lines()
            .map_while(|l| l.split_whitespace().last().and_then(|t| t.parse().ok()))
            .collect();
        if counts.len() < 3 {
            failures.push(format!(
                "explain `{q}`: want one line per node, root first, each ending with its count (3 or more for a binary query):\n{out}"
            ));
            continue;
        }
        for m in mentions {
            if !out.to_lowercase().contains(&m.to_lowercase()) {
                failures.push(format!("explain `{q}` does not mention `{m}`:\n{out}"));
            }
        }
        let found = match hit_set(q, &search(&index, q)) {
            Ok(s) => s.len(),
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        if counts[0] != found {
            failures.push(format!(
                "explain `{q}`: root count {}, search finds {found}:\n{out}",
                counts[0]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
